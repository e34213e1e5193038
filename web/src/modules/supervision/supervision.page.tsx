import { useSession } from '../../app/auth';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { canReadSupervision } from './access';
import { useSupervisionI18n } from './i18n';
import { LiveMapCard } from './live-map-card';
import { FlightsTab } from './flights-tab';
import { FalseMatchCard, WantedCard, WeeklyCard } from './measures-cards';
import { ProbationTab } from './probation-tab';
import { RecentAlertsCard } from './recent-alerts-card';
import { SourceHealthCard } from './source-health-card';
import { SupervisionHeader, TABS, type Tab } from './supervision-header';
import { MEASURE_DAYS, useSupervisionData } from './use-supervision-data';
import { WatchlistTab } from './watchlist-tab';
import { ZonesTab } from './zones-tab';
import './supervision.css';

const isTab = (value: string | undefined): value is Tab => (TABS as readonly string[]).includes(value ?? '');

/** Digital supervision at /supervision: the live map and measures; watchlist, probation, zones and drone flights as tabs. */
export function SupervisionPage({ params }: { params: Record<string, string> }) {
  const session = useSession();
  const { tCore } = useSupervisionI18n();
  if (!canReadSupervision(session)) return <EmptyState title={tCore('error.forbidden')} />;
  const tab = isTab(params.tab) ? params.tab : 'dashboard';
  return (
    <div className="page sv-page" data-testid="supervision-page">
      <SupervisionHeader tab={tab} />
      {tab === 'dashboard' && <Dashboard />}
      {tab === 'watchlist' && <WatchlistTab />}
      {tab === 'probation' && <ProbationTab />}
      {tab === 'zones' && <ZonesTab />}
      {tab === 'flights' && <FlightsTab />}
    </div>
  );
}

function Dashboard() {
  const { t, formatDateTime } = useSupervisionI18n();
  const { live, measures, sources, zones, updatedAt, refresh } = useSupervisionData();
  const error = live.error ?? measures.error ?? sources.error ?? zones.error;
  return (
    <>
      {error && <ErrorState error={error} onRetry={refresh} inline />}
      <div className="sv-grid">
        <LiveMapCard live={live.data} zones={zones.data?.items ?? (zones.error ? [] : undefined)} />
        {live.data ? <RecentAlertsCard alerts={live.data.alerts} onRecorded={refresh} /> : <Loading inline />}
      </div>
      {updatedAt !== null && (
        <p className="muted small sv-updated" data-testid="sv-updated">
          {t('updated', { time: formatDateTime(new Date(updatedAt).toISOString()) })}
        </p>
      )}
      <h2 className="sv-section-title" data-testid="sv-measures-title">
        {t('measures.title', { days: MEASURE_DAYS })}
      </h2>
      {measures.data ? (
        <>
          <div className="sv-measures">
            <WantedCard measures={measures.data} />
            <WeeklyCard measures={measures.data} family="probation" />
            <WeeklyCard measures={measures.data} family="zones" />
          </div>
          <FalseMatchCard measures={measures.data} />
        </>
      ) : (
        <Loading inline />
      )}
      {sources.data ? (
        <SourceHealthCard sources={sources.data.items} onChanged={refresh} />
      ) : (
        <Loading inline />
      )}
    </>
  );
}
