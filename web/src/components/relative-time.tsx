import { useI18n } from '../app/i18n';
import { useNow } from '../app/use-now';

/** "5 minutes ago", with the exact date and time in the tooltip and the machine-readable value in dateTime. */
export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  const { formatRelative, formatDateTime, t } = useI18n();
  const now = useNow();
  if (!iso) return <span className="muted">{t('common.never')}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

export function DateTime({ iso }: { iso: string | null | undefined }) {
  const { formatDateTime, t } = useI18n();
  if (!iso) return <span className="muted">{t('common.never')}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
