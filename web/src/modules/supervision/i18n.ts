import { useCallback, useMemo } from 'react';
import { interpolate, useI18n, type I18n, type Params } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { en, type SupervisionKey } from './i18n/en';
import { kk } from './i18n/kk';
import { ru } from './i18n/ru';

export type { SupervisionKey } from './i18n/en';

// The module's own strings in kk, ru and en, one catalogue per file in i18n/. English is the reference: its keys
// define SupervisionKey and the compiler checks that kk and ru provide every one.

const CATALOGUES = { kk, ru, en } as const;

export function isSupervisionKey(key: string): key is SupervisionKey {
  return key in en;
}

export interface SupervisionI18n extends Omit<I18n, 't'> {
  t: (key: SupervisionKey, params?: Params) => string;
  /** The shell's strings (common.*, severity.*, error.*). */
  tCore: I18n['t'];
  /** A key built from server data (an alert kind, a source kind), falling back to the raw value. */
  tOr: (key: string, fallback: string) => string;
  /** A share (0–1) as a percentage; a dash when unknown. */
  share: (share: number | null | undefined, digits?: number) => string;
  /** A change (a fraction) with its sign: "+17.3%", "−24.0%". */
  signedShare: (change: number | null | undefined) => string;
  regionName: (code: string) => string;
}

export function useSupervisionI18n(): SupervisionI18n {
  const core = useI18n();
  const { regionName } = useReferenceData();
  const messages = CATALOGUES[core.locale];
  const t = useCallback(
    (key: SupervisionKey, params?: Params) => interpolate(messages[key] ?? en[key], params),
    [messages],
  );
  return useMemo(() => {
    const share = (value: number | null | undefined, digits = 1) =>
      value === null || value === undefined ? '—' : `${core.formatNumber(value * 100, digits)}%`;
    return {
      ...core,
      t,
      tCore: core.t,
      tOr: (key, fallback) => (isSupervisionKey(key) ? t(key) : fallback),
      share,
      signedShare: (change) => {
        if (change === null || change === undefined || !Number.isFinite(change)) return '—';
        const sign = change > 0 ? '+' : change < 0 ? '−' : '';
        return `${sign}${share(Math.abs(change))}`;
      },
      regionName,
    };
  }, [core, t, regionName]);
}
