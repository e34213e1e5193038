import { useCallback, useMemo } from 'react';
import { interpolate, useI18n, type I18n, type Params } from '../../app/i18n';
import { en, type AppealsKey } from './i18n/en';
import { kk } from './i18n/kk';
import { ru } from './i18n/ru';

export type { AppealsKey } from './i18n/en';

// The module's own strings in kk, ru and en, one catalogue per file in i18n/. English is the reference: its keys
// define AppealsKey and the compiler checks that kk and ru provide every one.

const CATALOGUES = { kk, ru, en } as const;

export function isAppealsKey(key: string): key is AppealsKey {
  return key in en;
}

/** Topics come from the model as its training set names them (in Russian); shown in the reader's language. */
const TOPIC_KEYS: Record<string, AppealsKey> = {
  ЖКХ: 'topic.housing',
  медицина: 'topic.health',
  дороги: 'topic.roads',
  образование: 'topic.education',
  полиция: 'topic.police',
  'общественный транспорт': 'topic.transport',
  экология: 'topic.ecology',
  интернет: 'topic.internet',
  соцподдержка: 'topic.social',
  коррупция: 'topic.corruption',
};

export interface AppealsI18n extends Omit<I18n, 't'> {
  /** The module's strings. */
  t: (key: AppealsKey, params?: Params) => string;
  /** The shell's strings (common.*, severity.*, error.*). */
  tCore: I18n['t'];
  /** A key built from server data (an agency kind, a channel), falling back to the raw value. */
  tOr: (key: string, fallback: string) => string;
  topicName: (topic: string | null) => string;
  percent: (share: number, digits?: number) => string;
}

export function useAppealsI18n(): AppealsI18n {
  const core = useI18n();
  const messages = CATALOGUES[core.locale];
  const t = useCallback(
    (key: AppealsKey, params?: Params) => interpolate(messages[key] ?? en[key], params),
    [messages],
  );
  return useMemo(() => {
    const tOr = (key: string, fallback: string) => (isAppealsKey(key) ? t(key) : fallback);
    return {
      ...core,
      t,
      tCore: core.t,
      tOr,
      topicName: (topic) => {
        if (!topic) return '—';
        const key = TOPIC_KEYS[topic];
        return key ? t(key) : topic;
      },
      percent: (share, digits = 0) => `${core.formatNumber(share * 100, digits)}%`,
    };
  }, [core, t]);
}
