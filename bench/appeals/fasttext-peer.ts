/**
 * fastText (the WebAssembly build of facebookresearch/fastText from the npm package fasttext.wasm.js) as a second,
 * stronger peer: supervised, one-vs-all loss (independent labels, as ours), word bigrams and character 3–5-grams,
 * trained in-process on the same examples and the same folded text as our model, so the comparison is of learners.
 * Ordinary appeals carry the label `none`, whose output is ignored.
 */
import type { Example } from '../../src/modules/appeals/model/corpus.js';
import { riskLabels, type RiskLabel } from '../../src/modules/appeals/model/labels.js';
import { normalizeText } from '../../src/modules/appeals/text/normalize.js';

/** fastText's documented text-classification settings with subwords, a few more epochs for a small corpus. */
export const fastTextSettings = {
  loss: 'ova',
  epoch: 25,
  lr: 0.5,
  dim: 100,
  wordNgrams: 2,
  minn: 3,
  maxn: 5,
  bucket: 2_000_000,
  minCount: 1,
  seed: 1,
  verbose: 0,
} as const;

interface FastTextPrediction {
  size(): number;
  get(index: number): [number, string];
}

interface TrainedFastText {
  predict(text: string, k: number, threshold: number): FastTextPrediction;
}

/** The part of the package's API used here (its own declarations lean on emscripten's types). */
interface FastTextPackage {
  getFastTextModule: unknown;
  getFastTextClass: (options: { getFastTextModule: unknown }) => Promise<
    new () => {
      trainSupervised(url: string, settings: object, callback: () => void): Promise<unknown>;
    }
  >;
}

export interface FastTextPeer {
  name: string;
  trainSeconds: number;
  scores(text: string): Record<RiskLabel, number>;
}

const line = (example: Example & { labels: RiskLabel[] }) =>
  `${(example.labels.length ? example.labels : ['none']).map((label) => `__label__${label}`).join(' ')} ${normalizeText(example.text)}`;

export async function trainFastText(
  train: readonly (Example & { labels: RiskLabel[] })[],
): Promise<FastTextPeer> {
  const { getFastTextClass, getFastTextModule } =
    (await import('fasttext.wasm.js')) as unknown as FastTextPackage;
  const FastText = await getFastTextClass({ getFastTextModule });
  const fastText = new FastText();
  // The package reads its training file with fetch(); a data: URL keeps it in memory, with no file and no network.
  const url = `data:text/plain;base64,${Buffer.from(`${train.map(line).join('\n')}\n`).toString('base64')}`;
  const started = performance.now();
  const model = (await fastText.trainSupervised(url, fastTextSettings, () => {})) as TrainedFastText;
  const trainSeconds = (performance.now() - started) / 1000;
  return {
    name: `fastText (wasm) OvA, word 1–2 + char 3–5, ${fastTextSettings.epoch} epochs`,
    trainSeconds,
    scores(text) {
      const prediction = model.predict(normalizeText(text), -1, 0);
      const scores = Object.fromEntries(riskLabels.map((label) => [label, 0])) as Record<RiskLabel, number>;
      for (let i = 0; i < prediction.size(); i++) {
        const [probability, label] = prediction.get(i);
        const name = label.replace('__label__', '');
        if (name in scores) scores[name as RiskLabel] = Math.min(1, probability);
      }
      return scores;
    },
  };
}
