import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRiskLabel, type RiskLabel } from './labels.js';
import { parseCsv, present } from '../../../core/lang/index.js';

export { parseCsv } from '../../../core/lang/index.js';

export interface Example {
  id: string;
  text: string;
  /** Risk labels; null when the example must not teach the risk model (e.g. a public set's unlabelled corruption topic). */
  labels: RiskLabel[] | null;
  /** Ordinary topic, where the source has one (routing). */
  topic: string | null;
  lang: string;
  source: 'seed' | 'kzgov' | 'independent';
  /**
   * Who wrote it, as far as the project knows: the seed corpus's first set, each later set written to its own brief
   * by other hands (`corpus/varied-*.jsonl`), a public set. Cross-writer validation holds out one writer at a time.
   */
  writer: string;
}

/** An example that teaches the risk model. */
export type LabelledExample = Example & { labels: RiskLabel[] };

export const hasRiskLabels = (example: Example): example is LabelledExample => example.labels !== null;

export const seedCorpusDir = fileURLToPath(new URL('../corpus', import.meta.url));

/** The shared public data sets sit beside the repository; QADAGALAU_SHARED_DATA points elsewhere. */
export function sharedDataDir(): string | null {
  const dir =
    process.env.QADAGALAU_SHARED_DATA ??
    resolve(fileURLToPath(new URL('../../../../../shared/data', import.meta.url)));
  return existsSync(dir) ? dir : null;
}

export const independentSetDir = fileURLToPath(new URL('../evaluation', import.meta.url));

/** The files of the first seed set are named by label; each later set is `varied-<brief>.jsonl`. */
const writerOf = (file: string) => (file.startsWith('varied-') ? file.replace(/\.jsonl$/, '') : 'seed');

function readLabelled(
  dir: string,
  source: 'seed' | 'independent',
  writer: (file: string) => string,
): LabelledExample[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const row = JSON.parse(line) as {
            id: string;
            text: string;
            labels: string[];
            lang?: string;
            language?: string;
          };
          const labels = row.labels.filter(isRiskLabel);
          if (labels.length !== row.labels.length) throw new Error(`${name}: ${row.id} has an unknown label`);
          const lang = present(row.lang ?? row.language, `the language of ${row.id} in ${name}`);
          return { id: row.id, text: row.text, labels, topic: null, lang, source, writer: writer(name) };
        }),
    );
}

export function loadSeedCorpus(dir = seedCorpusDir): Example[] {
  return readLabelled(dir, 'seed', writerOf);
}

/**
 * The independent evaluation set (evaluation/README.md): written to another brief by other hands, never trained or
 * tuned on. Only evaluation reads it.
 */
export function loadIndependentSet(dir = independentSetDir): LabelledExample[] {
  return readLabelled(dir, 'independent', () => 'independent');
}

/**
 * KZgov complaints (AdilzhanB/KZgovData, MIT): 1,200 short complaints as Kazakh/Russian pairs in 10 topics. Ordinary
 * appeals for the risk model, and the routing topics. Its "коррупция" topic mixes bribe reports with mere delays, so
 * those rows teach routing only.
 */
export function loadKzgov(dir = sharedDataDir()): Example[] {
  if (!dir) return [];
  const file = join(dir, 'text', 'kzgov_complaints_kk_ru.csv');
  if (!existsSync(file)) return [];
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const columns = present(header, `the header of ${file}`);
  const cell = (cells: readonly string[], name: string) =>
    present(cells[columns.indexOf(name)], `${name} in a row of ${file}`);
  const seen = new Set<string>();
  return rows.flatMap((cells) => {
    const topic = cell(cells, 'category');
    const id = cell(cells, 'id');
    return (['kk', 'ru'] as const).flatMap((lang) => {
      const text = cell(cells, lang === 'kk' ? 'text_kz' : 'text_ru').trim();
      if (!text || seen.has(text)) return [];
      seen.add(text);
      return [
        {
          id: `kzgov-${id}-${lang}`,
          text,
          labels: topic === 'коррупция' ? null : [],
          topic,
          lang,
          source: 'kzgov' as const,
          writer: 'kzgov',
        },
      ];
    });
  });
}

/**
 * Ordinary appeals from the St Petersburg city portal (no licence: used only to measure false alarms, never to train
 * or ship). Returns texts only; none is written anywhere.
 */
export function loadSpbTextsForEvaluation(limit: number, dir = sharedDataDir()): string[] {
  if (!dir) return [];
  const file = join(dir, 'text', 'spb_appeals_2020_2021.csv');
  if (!existsSync(file)) return [];
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const column = present(header, `the header of ${file}`).indexOf('text');
  // Every 11th row, so the sample spans the whole period and all districts.
  return rows
    .filter((_, index) => index % 11 === 0)
    .slice(0, limit)
    .map((cells) => present(cells[column], `text in a row of ${file}`));
}
