import { useState } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi, useSession } from '../../app/auth';
import { Link, useLocation } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { canActivateModels, canReadAppeals } from './access';
import { AppealsTabs } from './appeals-tabs';
import { useAppealsI18n } from './i18n';
import { ComparisonCard } from './model-comparison-card';
import { ModelVersionsTable } from './model-versions-table';
import type { ModelList } from '../../../../src/modules/appeals/models/models.contract.js';
import './appeals.css';

/** Model versions at /appeals/models: a candidate is compared with the active model before an admin switches. */
export function ModelsPage() {
  const session = useSession();
  const { tCore } = useAppealsI18n();
  if (!canReadAppeals(session)) return <EmptyState title={tCore('error.forbidden')} />;
  return <Models canActivate={canActivateModels(session)} />;
}

function Models({ canActivate }: { canActivate: boolean }) {
  const api = useApi();
  const { t } = useAppealsI18n();
  const { query } = useLocation();
  const models = useResource('appeal-models', () => api.get<ModelList>('/api/appeals/models'));
  const [activated, setActivated] = useState<string | null>(null);

  const list = models.data?.models ?? [];
  const active = list.find((m) => m.active) ?? null;
  // The version named in the URL, else the newest that is not active (the list comes newest first).
  const candidates = list.filter((m) => !m.active);
  const candidate = candidates.find((m) => m.version === query.get('candidate')) ?? candidates[0] ?? null;

  let body;
  if (models.error) body = <ErrorState error={models.error} onRetry={models.reload} />;
  else if (!models.data) body = <Loading />;
  else
    body = (
      <>
        <section className="card card--flush" aria-labelledby="model-versions">
          <h2 id="model-versions" className="card__title card__title--padded">
            {t('models.versions')}
          </h2>
          <ModelVersionsTable
            models={list}
            comparing={candidate?.version ?? null}
            hrefFor={(m) => buildUrl('/appeals/models', { candidate: m.version })}
          />
        </section>
        {active && (
          <ComparisonCard
            key={`${active.version}:${candidate?.version ?? ''}`}
            active={active}
            candidate={candidate}
            canActivate={canActivate}
            onActivated={(version) => {
              setActivated(version);
              models.reload();
            }}
          />
        )}
      </>
    );

  return (
    <div className="page appeals-page" data-testid="appeal-models-page">
      <PageHeader title={t('models.title')}>
        <AppealsTabs />
      </PageHeader>
      {activated && (
        <p className="notice notice--success" role="status" data-testid="model-activated">
          {t('models.activated', { version: activated })} <Link to="/appeals">{t('tab.queue')}</Link>
        </p>
      )}
      {body}
    </div>
  );
}
