import { LOCALES, useI18n } from './i18n';
import type { Locale } from './types';

// Each language is named in itself, so a person can find their own language whatever is currently shown.
const ENDONYMS: Record<Locale, { short: string; full: string }> = {
  kk: { short: 'ҚАЗ', full: 'Қазақша' },
  ru: { short: 'РУС', full: 'Русский' },
  en: { short: 'ENG', full: 'English' },
};

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('shell.language')} data-testid="language-switch">
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={code === locale ? 'segmented__item is-active' : 'segmented__item'}
          aria-pressed={code === locale}
          title={ENDONYMS[code].full}
          onClick={() => setLocale(code)}
          data-testid={`lang-${code}`}
        >
          {ENDONYMS[code].short}
        </button>
      ))}
    </div>
  );
}
