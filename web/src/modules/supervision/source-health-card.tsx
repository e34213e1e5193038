import { useState } from 'react';
import { useSession } from '../../app/auth';
import { Badge } from '../../components/badge';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { canConfigure } from './access';
import { useSupervisionI18n } from './i18n';
import { SourceActions } from './source-actions';
import { SourceRegisterDialog } from './source-register-dialog';
import type { Source } from '../../../../src/modules/supervision/supervision.contract.js';

/**
 * Each source with its last message, messages in the last hour, silence (a drone only on a flight), false-match
 * rate, and how it logs in; administrators can give a source a new password or take it out of service.
 */
export function SourceHealthCard({ sources, onChanged }: { sources: Source[]; onChanged: () => void }) {
  const { t, tOr, share, formatNumber, regionName } = useSupervisionI18n();
  const session = useSession();
  const [registering, setRegistering] = useState(false);
  const columns: Column<Source>[] = [
    { id: 'kind', header: t('sources.kind'), cell: (s) => tOr(`sourceKind.${s.kind}`, s.kind) },
    {
      id: 'name',
      header: t('sources.name'),
      cell: (s) => (
        <>
          <span className="cell-title">{s.name}</span>
          <div className="mono small muted">{s.id}</div>
        </>
      ),
    },
    { id: 'region', header: t('sources.region'), cell: (s) => regionName(s.region) },
    {
      id: 'last',
      header: t('sources.lastMessage'),
      className: 'nowrap',
      cell: (s) => <RelativeTime iso={s.health.lastMessageAt} />,
    },
    {
      id: 'hour',
      header: t('sources.lastHour'),
      className: 'num',
      cell: (s) => <span data-testid="sv-source-last-hour">{formatNumber(s.health.messagesLastHour)}</span>,
    },
    {
      id: 'state',
      header: t('sources.state'),
      cell: (s) =>
        !s.active ? (
          <Badge tone="muted">{t('sources.inactive')}</Badge>
        ) : s.health.grounded ? (
          <Badge tone="muted" testId="sv-source-grounded">
            {t('sources.grounded')}
          </Badge>
        ) : s.health.silent ? (
          <Badge tone="danger" testId="sv-source-silent">
            {t('sources.silent')}
          </Badge>
        ) : (
          <>
            <Badge tone="success">{s.flight ? t('sources.inFlight') : t('sources.ok')}</Badge>
            {s.flight && <div className="small muted">{s.flight.purpose}</div>}
          </>
        ),
    },
    {
      id: 'login',
      header: t('sources.login'),
      className: 'nowrap',
      cell: (s) =>
        s.credentialIssuedAt ? (
          <span data-testid="sv-source-login">
            {t('sources.loginIssued')} · <RelativeTime iso={s.credentialIssuedAt} />
          </span>
        ) : (
          <span className="muted">{t('sources.loginNone')}</span>
        ),
    },
    {
      id: 'false',
      header: t('sources.falseMatch'),
      className: 'num nowrap',
      cell: (s) => (
        <span data-testid="sv-source-false-rate" data-rate={s.falseMatchRate ?? ''}>
          {s.outcomes === 0
            ? '—'
            : t('sources.rateOf', { rate: share(s.falseMatchRate, 0), count: formatNumber(s.outcomes) })}
        </span>
      ),
    },
    ...(canConfigure(session)
      ? [
          {
            id: 'actions',
            header: t('sources.actions'),
            cell: (s: Source) => <SourceActions source={s} onChanged={onChanged} />,
          },
        ]
      : []),
  ];
  return (
    <section className="card card--flush" aria-labelledby="sv-sources-title">
      <div className="card__head sv-pad">
        <h2 id="sv-sources-title" className="card__title">
          {t('sources.title')}
        </h2>
        {canConfigure(session) && (
          <button
            type="button"
            className="btn btn--primary btn--small"
            onClick={() => setRegistering(true)}
            data-testid="sv-source-register-open"
          >
            {t('sources.register')}
          </button>
        )}
      </div>
      {registering && <SourceRegisterDialog onClose={() => setRegistering(false)} onRegistered={onChanged} />}
      {sources.length === 0 ? (
        <p className="muted small sv-pad">{t('sources.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={sources}
          rowKey={(s) => s.id}
          caption={t('sources.title')}
          rowTestId="sv-source-row"
          testId="sv-sources"
          highlightKeys={new Set(sources.filter((s) => s.health.silent).map((s) => s.id))}
        />
      )}
    </section>
  );
}
