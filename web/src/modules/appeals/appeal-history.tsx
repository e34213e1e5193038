import { RelativeTime } from '../../components/relative-time';
import { LabelChip } from './appeal-badges';
import { isAppealsKey, useAppealsI18n } from './i18n';
import type { AppealHistoryEntry } from '../../../../src/modules/appeals/appeals.contract.js';

export function AppealHistory({ entries }: { entries: AppealHistoryEntry[] }) {
  const { t, tOr } = useAppealsI18n();
  if (entries.length === 0) return <p className="muted">{t('detail.noHistory')}</p>;
  return (
    <ol className="timeline" data-testid="appeal-history">
      {entries.map((entry, i) => {
        const key = `history.${entry.action}`;
        // The route action records the agency kind as its note when no note was written.
        const note =
          entry.action === 'route' && entry.note ? tOr(`agency.${entry.note}`, entry.note) : entry.note;
        return (
          <li key={`${entry.at}-${i}`} className="timeline__item" data-action={entry.action}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__head">
                <strong>{isAppealsKey(key) ? t(key) : entry.action}</strong>
              </p>
              <p className="muted small">
                {entry.actor ?? t('history.system')} · <RelativeTime iso={entry.at} />
              </p>
              {entry.labels && entry.labels.length > 0 && (
                <p className="tag-list timeline__labels">
                  {entry.labels.map((label) => (
                    <LabelChip key={label} label={label} />
                  ))}
                </p>
              )}
              {note && <p className="timeline__note">{note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
