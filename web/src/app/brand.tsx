import { useI18n } from './i18n';

export function Brand() {
  const { t } = useI18n();
  return (
    <div className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="6" fill="currentColor" />
        <path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </span>
    </div>
  );
}
