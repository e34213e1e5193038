import { useCallback, useMemo } from 'react';
import { interpolate, useI18n, type I18n, type Params } from '../../app/i18n';
import { en, type ForecastingKey } from './i18n/en';
import { kk } from './i18n/kk';
import { ru } from './i18n/ru';
import type { Frequency } from '../../../../src/modules/forecasting/forecasting.contract.js';

export type { ForecastingKey } from './i18n/en';

// The module's own strings in kk, ru and en, one catalogue per file in i18n/. English is the reference: its keys
// define ForecastingKey and the compiler checks that kk and ru provide every one.

const CATALOGUES = { kk, ru, en } as const;

export function isForecastingKey(key: string): key is ForecastingKey {
  return key in en;
}

export interface ForecastingI18n extends Omit<I18n, 't'> {
  t: (key: ForecastingKey, params?: Params) => string;
  /** The shell's strings (common.*, severity.*, error.*). */
  tCore: I18n['t'];
  /** A key built from server data (a model, an action), falling back to the raw value. */
  tOr: (key: string, fallback: string) => string;
  /** "Oct 2026" or "Week of 23.11.2026"; short drops the "week of" (for chart axes). */
  period: (period: string | null | undefined, frequency: Frequency, short?: boolean) => string;
  /** A change in per cent with its sign: "+17.3%", "−6.1%"; a dash when unknown. */
  signedPercent: (percent: number | null | undefined, digits?: number) => string;
  /** A share (0–1) as a percentage. */
  share: (share: number | null | undefined, digits?: number) => string;
}

export function useForecastingI18n(): ForecastingI18n {
  const core = useI18n();
  const messages = CATALOGUES[core.locale];
  const t = useCallback(
    (key: ForecastingKey, params?: Params) => interpolate(messages[key] ?? en[key], params),
    [messages],
  );
  return useMemo(() => {
    // Chromium's trimmed ICU has no Kazakh month names (see app/i18n.tsx), so Kazakh shows months as 10.2026.
    const month =
      core.locale === 'kk'
        ? null
        : new Intl.DateTimeFormat(core.locale === 'en' ? 'en-GB' : 'ru-RU', {
            month: 'short',
            year: 'numeric',
            timeZone: 'UTC',
          });
    const day = new Intl.DateTimeFormat(core.locale === 'en' ? 'en-GB' : 'ru-RU', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const period: ForecastingI18n['period'] = (value, frequency, short = false) => {
      if (!value) return '—';
      if (frequency === 'weekly') {
        const ms = Date.parse(`${value}T00:00:00Z`);
        if (Number.isNaN(ms)) return value;
        return short ? day.format(ms) : t('period.week', { date: day.format(ms) });
      }
      const [year, mm] = value.split('-');
      if (!month) return `${mm ?? ''}.${year ?? ''}`;
      const ms = Date.parse(`${value}-01T00:00:00Z`);
      return Number.isNaN(ms) ? value : month.format(ms);
    };
    return {
      ...core,
      t,
      tCore: core.t,
      tOr: (key, fallback) => (isForecastingKey(key) ? t(key) : fallback),
      period,
      signedPercent: (percent, digits = 1) => {
        if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
        const sign = percent > 0 ? '+' : percent < 0 ? '−' : '';
        return `${sign}${core.formatNumber(Math.abs(percent), digits)}%`;
      },
      share: (share, digits = 1) =>
        share === null || share === undefined ? '—' : `${core.formatNumber(share * 100, digits)}%`,
    };
  }, [core, t]);
}
