import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from '../i18n/en';
import { kk } from '../i18n/kk';
import { ru } from '../i18n/ru';
import type { Locale, Localized } from './types';

export const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];
const CATALOGUES: Record<Locale, Messages> = { kk, ru, en };
// Intl tags: en-GB writes dates day-first, as people here read them.
const INTL_TAGS: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const STORAGE_KEY = 'qg.locale';

export type Params = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  /** Switch language; an explicit choice is remembered and wins over the user's profile language. */
  setLocale: (locale: Locale) => void;
  /** Apply the signed-in user's profile language unless the person chose one on this device. */
  adoptProfileLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Pick the current language from a {kk, ru, en} object the server sent. */
  pick: (value: Localized | undefined | null) => string;
  formatNumber: (value: number, digits?: number) => string;
  formatDateTime: (iso: string) => string;
  formatRelative: (iso: string, now: number) => string;
}

function isLocale(value: unknown): value is Locale {
  return value === 'kk' || value === 'ru' || value === 'en';
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled by policy; the app still works without it
  }
}

function navigatorLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  // Kazakh is the state language (Constitution of the Republic of Kazakhstan, art. 7), so it is the fallback.
  return 'kk';
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 min ago" from our own catalogues rather than Intl.RelativeTimeFormat: Chromium's trimmed ICU has no Kazakh
 * relative-time data and printed "-1 s". Anything older than a month shows the date instead.
 */
function relative(t: I18n['t'], formatDate: (ms: number) => string, iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  // A server clock a few seconds ahead must not produce "in 2 seconds".
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return t('time.justNow');
  if (ago < HOUR) return t('time.minutesAgo', { n: Math.floor(ago / MINUTE) });
  if (ago < DAY) return t('time.hoursAgo', { n: Math.floor(ago / HOUR) });
  if (ago < 2 * DAY) return t('time.yesterday');
  if (ago < 30 * DAY) return t('time.daysAgo', { n: Math.floor(ago / DAY) });
  return formatDate(then);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? navigatorLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the choice still applies for this page
    }
    setLocaleState(next);
  }, []);

  const adoptProfileLocale = useCallback((profile: Locale) => {
    if (storedLocale() === null && isLocale(profile)) setLocaleState(profile);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[locale];
    const tag = INTL_TAGS[locale];
    // Kazakhstan writes dates as 25.11.2026 in both Kazakh and Russian; Chromium's ICU has no Kazakh month names
    // (it printed "2026 M11 25"), so Kazakh borrows the Russian numeric pattern.
    const numeric = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    const dateTime =
      locale === 'en'
        ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })
        : new Intl.DateTimeFormat('ru-RU', { ...numeric, hour: '2-digit', minute: '2-digit' });
    const dateOnly =
      locale === 'en'
        ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium' })
        : new Intl.DateTimeFormat('ru-RU', numeric);
    const t: I18n['t'] = (key, params) => interpolate(messages[key] ?? en[key] ?? key, params);
    return {
      locale,
      setLocale,
      adoptProfileLocale,
      t,
      pick: (v) => (v ? v[locale] || v.ru || v.en || v.kk || '' : ''),
      // Same reason as dates: Kazakh number data is missing from Chromium's ICU, and Kazakh shares Russian's
      // conventions (space for thousands, comma for decimals).
      formatNumber: (n, digits = 0) =>
        new Intl.NumberFormat(locale === 'kk' ? 'ru-RU' : tag, {
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(n),
      formatDateTime: (iso) => {
        const ms = Date.parse(iso);
        return Number.isNaN(ms) ? iso : dateTime.format(ms);
      },
      formatRelative: (iso, now) => relative(t, (ms) => dateOnly.format(ms), iso, now),
    };
  }, [locale, setLocale, adoptProfileLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}

/** Translate a key built from data (e.g. `status.${alert.status}`), falling back to the raw value if unknown. */
export function hasMessage(key: string): key is MessageKey {
  return key in en;
}
