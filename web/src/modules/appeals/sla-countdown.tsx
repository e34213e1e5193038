import { useNow } from '../../app/use-now';
import { useAppealsI18n, type AppealsI18n } from './i18n';
import type { AppealStatus } from '../../../../src/modules/appeals/appeals.contract.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number, t: AppealsI18n['t']): string {
  if (ms < HOUR) return t('sla.minutes', { n: Math.max(1, Math.floor(ms / MINUTE)) });
  if (ms < 2 * DAY) return t('sla.hours', { n: Math.floor(ms / HOUR) });
  return t('sla.days', { n: Math.floor(ms / DAY) });
}

/**
 * Time left to the first action ("due in 42 min") or past it ("overdue 3 h", in red). Computed from the deadline and
 * the clock rather than the server's `overdue` flag, which is only true as of the moment the list was loaded.
 */
export function SlaCountdown({ dueAt, status }: { dueAt: string; status: AppealStatus }) {
  const i18n = useAppealsI18n();
  const { t } = i18n;
  const now = useNow(30_000);
  if (status === 'closed') return <span className="muted">{t('sla.closed')}</span>;
  // The term is to a first action; once an analyst has acted, its clock has stopped.
  if (status !== 'new') return <span className="muted">{t('sla.actioned')}</span>;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return <span className="muted">—</span>;
  const left = due - now;
  const overdue = left < 0;
  return (
    <time
      dateTime={dueAt}
      title={t('sla.title', { date: i18n.formatDateTime(dueAt) })}
      className={overdue ? 'sla sla--overdue' : left < 2 * HOUR ? 'sla sla--soon' : 'sla'}
      data-testid="appeal-sla"
      data-overdue={overdue ? 'true' : 'false'}
    >
      {overdue ? t('sla.overdue', { time: span(-left, t) }) : t('sla.dueIn', { time: span(left, t) })}
    </time>
  );
}
