import { hasMessage, useI18n } from '../../app/i18n';
import type { AlertHistoryEntry } from '../../app/types';
import { RelativeTime } from '../../components/relative-time';
import { actorName } from './actor-name';

export function AlertHistory({ entries }: { entries: AlertHistoryEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('alert.noHistory')}</p>;
  return (
    <ol className="timeline" data-testid="alert-history">
      {entries.map((entry, i) => {
        const statusKey = entry.toStatus ? `status.${entry.toStatus}` : '';
        // Status changes read best as the status reached; other actions (comments, reveals) keep the server's name.
        const label =
          hasMessage(statusKey) && entry.fromStatus !== entry.toStatus ? t(statusKey) : entry.action;
        const who = actorName(entry.actor) ?? t('alert.system');
        return (
          <li
            key={`${entry.at}-${i}`}
            className="timeline__item"
            data-action={entry.action}
            data-to-status={entry.toStatus ?? undefined}
          >
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__head">
                <strong>{label}</strong>
                {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus && (
                  <span className="muted small">
                    {' '}
                    ({t(`status.${entry.fromStatus}`)} → {t(`status.${entry.toStatus}`)})
                  </span>
                )}
              </p>
              <p className="muted small">
                {t('alert.historyBy', { actor: who })} · <RelativeTime iso={entry.at} />
              </p>
              {entry.note && <p className="timeline__note">{entry.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
