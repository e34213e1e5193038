import { useState } from 'react';
import { useSession } from '../../app/auth';
import { Link } from '../../app/router';
import { SeverityBadge } from '../../components/badge';
import { Segmented } from '../../components/segmented';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { canDispatch } from './access';
import { useSupervisionI18n } from './i18n';
import { alertColour } from './live-map-option';
import { OutcomeControl } from './outcome-control';
import type { LiveAlert, Outcome } from '../../../../src/modules/supervision/supervision.contract.js';

// Silences are about devices, not people seen: no officers are dispatched, so no outcome is recorded for them.
const NO_DISPATCH = new Set(['source_silent', 'bracelet_silent', 'checkin_missed']);
type Show = 'all' | 'dispatch' | 'silences';
const shows = (show: Show, alert: LiveAlert) =>
  show === 'all' || (show === 'silences') === NO_DISPATCH.has(alert.kind);

/** The alerts of the live map as a list, newest first, with the duty officer's outcome control. */
export function RecentAlertsCard({ alerts, onRecorded }: { alerts: LiveAlert[]; onRecorded: () => void }) {
  const { t, tOr, regionName } = useSupervisionI18n();
  const session = useSession();
  const dispatcher = canDispatch(session);
  // Outcomes recorded here show at once; the next refresh brings them from the server too.
  const [recorded, setRecorded] = useState<Record<string, Outcome>>({});
  // A night of silent devices can bury the sightings; the duty officer can keep to what needs dispatching.
  const [show, setShow] = useState<Show>('all');
  const listed = alerts.filter((alert) => shows(show, alert));

  const columns: Column<LiveAlert>[] = [
    {
      id: 'time',
      header: t('recent.time'),
      className: 'nowrap',
      cell: (a) => <RelativeTime iso={a.createdAt} />,
    },
    {
      id: 'kind',
      header: t('recent.kind'),
      cell: (a) => (
        <>
          {/* The kind opens the alert in the core inbox (assignment, comments, reveal). */}
          <Link
            to={`/alerts/${encodeURIComponent(a.id)}`}
            className="sv-kind"
            data-kind={a.kind}
            data-testid="sv-alert-open"
            title={t('recent.open')}
          >
            <span className="sv-dot" style={{ background: alertColour(a.kind) }} aria-hidden="true" />
            {tOr(`kind.${a.kind}`, a.kind)}
          </Link>
          <div>
            <SeverityBadge severity={a.severity} />
          </div>
        </>
      ),
    },
    {
      id: 'subject',
      header: t('recent.subject'),
      cell: (a) => <span data-testid="sv-alert-label">{a.label}</span>,
    },
    {
      id: 'region',
      header: t('recent.region'),
      cell: (a) => <span className="small">{regionName(a.region)}</span>,
    },
    {
      id: 'outcome',
      header: t('recent.outcome'),
      cell: (a) =>
        NO_DISPATCH.has(a.kind) ? (
          <span className="muted small">{t('outcome.notApplicable')}</span>
        ) : dispatcher ? (
          <OutcomeControl
            alertId={a.id}
            recorded={recorded[a.id] ?? a.outcome ?? undefined}
            onRecorded={(outcome) => {
              setRecorded((previous) => ({ ...previous, [a.id]: outcome }));
              onRecorded();
            }}
          />
        ) : (
          <span className="muted small">{t('recent.readOnly')}</span>
        ),
    },
  ];
  return (
    <section className="card card--flush sv-recent" aria-labelledby="sv-recent-title">
      <div className="card__head sv-pad">
        <h2 id="sv-recent-title" className="card__title">
          {t('recent.title')}
        </h2>
        <Segmented
          label={t('recent.show')}
          value={show}
          options={(['all', 'dispatch', 'silences'] as const).map((value) => ({
            value,
            label: t(`recent.show.${value}`),
          }))}
          onChange={setShow}
          testId="sv-recent-show"
        />
      </div>
      {listed.length === 0 ? (
        <p className="muted small sv-pad">{t('recent.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={listed.slice(0, 50)}
          rowKey={(a) => a.id}
          caption={t('recent.title')}
          rowTestId="sv-alert-row"
          testId="sv-recent-alerts"
        />
      )}
    </section>
  );
}
