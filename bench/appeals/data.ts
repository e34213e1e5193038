/**
 * The data the appeals benchmark reads. The St Petersburg appeals have no licence (shared/data/text/SOURCES.md): they
 * are read from shared/ at run time, exported only to a temporary directory that is removed after the run, and never
 * written into the repository or into the results file (which holds figures only).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { present } from '../../src/core/lang/index.js';
import {
  hasRiskLabels,
  parseCsv,
  sharedDataDir,
  type Example,
  type LabelledExample,
} from '../../src/modules/appeals/model/corpus.js';
import { trainingExamples } from '../../src/modules/appeals/model/pipeline.js';
import { isHeldOut } from '../../src/modules/appeals/model/split.js';

export interface Split {
  /** Everything `trainModel` gets (labelled examples, and KZgov's routing-only rows). */
  train: Example[];
  /** Held-out examples with risk labels: what every model is scored on. */
  test: LabelledExample[];
}

export function heldOutSplit(examples = trainingExamples()): Split {
  return {
    train: examples.filter((example) => !isHeldOut(example.id)),
    test: examples.filter(hasRiskLabels).filter((example) => isHeldOut(example.id)),
  };
}

/** Ordinary appeals (labels []) from the St Petersburg portal; empty when shared/ does not have them. */
export function loadSpbAppeals(): Example[] {
  const dir = sharedDataDir();
  const file = dir ? join(dir, 'text', 'spb_appeals_2020_2021.csv') : null;
  if (!file || !existsSync(file)) return [];
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const columns = present(header, `the header of ${file}`);
  const id = columns.indexOf('id');
  const text = columns.indexOf('text');
  return rows.flatMap((cells) => {
    const body = cells[text]?.trim();
    if (!body) return [];
    // `source` has no member for data the repository does not ship; trainModel does not read it.
    return [
      {
        id: `spb-${present(cells[id], `id in a row of ${file}`)}`,
        text: body,
        labels: [],
        topic: null,
        lang: 'ru',
        source: 'seed' as const,
        writer: 'spb',
      },
    ];
  });
}

/**
 * `labelled` risk-trainable examples: the seed corpus and KZgov first, then St Petersburg appeals to fill. KZgov's
 * routing-only rows (labels null) come along, as they would in a release training run.
 */
export function trainingSet(
  labelled: number,
  spb: readonly Example[],
): { examples: Example[]; labelled: number; routingOnly: number; spb: number } {
  const base = trainingExamples();
  const baseLabelled = base.filter((example) => example.labels !== null).length;
  const fill = spb.slice(0, Math.max(0, labelled - baseLabelled));
  const examples = [...base, ...fill];
  return {
    examples,
    labelled: baseLabelled + fill.length,
    routingOnly: base.length - baseLabelled,
    spb: fill.length,
  };
}

/** `count` texts to screen: the seed corpus and KZgov, then St Petersburg appeals, cycled if there are too few. */
export function screeningTexts(count: number, spb: readonly Example[]): string[] {
  const pool = [...trainingExamples().map((example) => example.text), ...spb.map((example) => example.text)];
  return Array.from({ length: count }, (_, index) => present(pool[index % pool.length], 'a screening text'));
}

export const meanLength = (texts: readonly string[]) =>
  Math.round(texts.reduce((sum, text) => sum + text.length, 0) / (texts.length || 1));

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'qg-appeals-bench-'));

  writeJsonl(name: string, rows: readonly { text: string; labels?: readonly string[] | null }[]): string {
    const file = join(this.path, name);
    writeFileSync(
      file,
      rows.map((row) => JSON.stringify({ text: row.text, labels: row.labels ?? [] })).join('\n') + '\n',
    );
    return file;
  }

  file(name: string): string {
    return join(this.path, name);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
