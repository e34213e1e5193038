import { useI18n } from '../app/i18n';

export function Loading({ label, inline = false }: { label?: string; inline?: boolean }) {
  const { t } = useI18n();
  return (
    <div
      className={inline ? 'loading loading--inline' : 'loading'}
      role="status"
      aria-live="polite"
      data-testid="loading"
    >
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
