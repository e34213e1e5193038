import { useState } from 'react';
import { useApi, useSession } from '../../app/auth';
import { Link } from '../../app/router';
import type { Agency } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { SecretOnce } from '../../components/secret-once';
import { canReadForecasting, canSubscribe } from './access';
import { CatalogueProvider } from './catalogue';
import { ForecastSubscriptionForm } from './forecast-subscription-form';
import { ForecastSubscriptionTable } from './forecast-subscription-table';
import { ForecastingHeader } from './forecasting-header';
import { useForecastingI18n } from './i18n';
import type { TopicSubscription } from './types';
import './forecasting.css';

/** An agency liaison subscribes their agency's system to forecasting alerts by region, chapter and severity. */
export function ForecastSubscriptionsPage() {
  const session = useSession();
  const { tCore } = useForecastingI18n();
  if (!canReadForecasting(session) || !canSubscribe(session))
    return <EmptyState title={tCore('error.forbidden')} />;
  return (
    <div className="page fc-page" data-testid="forecasting-subscriptions-page">
      <ForecastingHeader />
      <CatalogueProvider>
        <Subscriptions />
      </CatalogueProvider>
    </div>
  );
}

function Subscriptions() {
  const api = useApi();
  const { t, tCore } = useForecastingI18n();
  const subs = useResource('subscriptions', () =>
    api.get<{ subscriptions: TopicSubscription[] }>('/api/subscriptions'),
  );
  const agencies = useResource('agencies', () => api.get<{ agencies: Agency[] }>('/api/agencies'));
  const [created, setCreated] = useState<{ subscription: TopicSubscription; secret: string } | null>(null);
  // Subscriptions to every module ('*') receive forecasting alerts too, so they are listed here as well.
  const list = (subs.data?.subscriptions ?? []).filter(
    (s) => s.modules.includes('forecasting') || s.modules.includes('*'),
  );

  function onCreated(result: { subscription: TopicSubscription; secret: string }) {
    setCreated(result);
    subs.setData((prev) => ({ subscriptions: [result.subscription, ...(prev?.subscriptions ?? [])] }));
  }

  return (
    <div className="fc-subscriptions">
      <section className="card" aria-labelledby="fc-sub-form-title">
        <h2 id="fc-sub-form-title" className="card__title">
          {t('sub.title')}
        </h2>
        <p className="muted small">{t('sub.hint')}</p>
        {created && (
          <div className="fc-created" data-testid="fc-subscription-created">
            <p className="notice notice--success" role="status">
              {tCore('subs.secretTitle')}: <span className="mono break">{created.subscription.url}</span>
            </p>
            <SecretOnce
              label={tCore('subs.secretLabel')}
              secret={created.secret}
              warning={tCore('subs.secretWarning')}
            />
          </div>
        )}
        {agencies.error ? (
          <ErrorState error={agencies.error} onRetry={agencies.reload} inline />
        ) : agencies.data ? (
          <ForecastSubscriptionForm agencies={agencies.data.agencies} onCreated={onCreated} />
        ) : (
          <Loading inline />
        )}
      </section>
      <section className="card card--flush" aria-labelledby="fc-sub-list-title">
        <div className="card__head fc-card-head fc-pad">
          <h2 id="fc-sub-list-title" className="card__title">
            {t('sub.listTitle')}
          </h2>
          <Link to="/subscriptions" className="small">
            {t('sub.allSubscriptions')}
          </Link>
        </div>
        {subs.error ? (
          <ErrorState error={subs.error} onRetry={subs.reload} />
        ) : !subs.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState title={t('sub.empty')} />
        ) : (
          <ForecastSubscriptionTable items={list} agencies={agencies.data?.agencies ?? []} />
        )}
      </section>
    </div>
  );
}
