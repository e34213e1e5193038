import { useAlertStream } from './alert-stream';
import { useI18n } from './i18n';

export function LiveIndicator() {
  const { status } = useAlertStream();
  const { t } = useI18n();
  const label =
    status === 'open'
      ? t('shell.live')
      : status === 'connecting'
        ? t('shell.connecting')
        : t('shell.offline');
  return (
    <span className={`live live--${status}`} role="status" data-testid="live-indicator" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
