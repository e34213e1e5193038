/**
 * Training time at release scale: the seed corpus, KZgov and St Petersburg appeals up to `labelled` risk-trainable
 * examples; `trainModel` (features, four folds for Platt scaling, the final fit, the topic router) against scikit-learn
 * fitting the same examples (vectorizer and classifier).
 */
import { trainBaseline } from '../../src/modules/appeals/model/baseline.js';
import type { Example } from '../../src/modules/appeals/model/corpus.js';
import { riskLabels } from '../../src/modules/appeals/model/labels.js';
import { trainModel } from '../../src/modules/appeals/model/train.js';
import { meanLength, trainingSet, type TempDir } from './data.js';
import { runPeer, type PeerOutput, type PeerTrainModel } from './sklearn-peer.js';

export interface TrainingRow {
  name: string;
  examples: number;
  seconds: number;
  note: string;
}

export interface TrainingBench {
  labelled: number;
  routingOnly: number;
  spb: number;
  meanChars: number;
  rows: TrainingRow[];
  peer: PeerOutput<PeerTrainModel>['versions'] | null;
  peerWarnings: string[];
}

const seconds = (started: number) => (performance.now() - started) / 1000;

export async function benchTraining(options: {
  labelled: number;
  spb: readonly Example[];
  tmp: TempDir;
  withPeer: boolean;
}): Promise<TrainingBench> {
  const set = trainingSet(options.labelled, options.spb);
  const risk = set.examples.filter((example) => example.labels !== null);
  let started = performance.now();
  const artifact = trainModel(set.examples);
  const rows: TrainingRow[] = [
    {
      name: 'ours: trainModel',
      examples: set.examples.length,
      seconds: seconds(started),
      note: `2^${Math.log2(artifact.buckets)} buckets, out-of-fold calibration (2 folds above 20,000) + final fit + router`,
    },
  ];
  started = performance.now();
  trainBaseline(set.examples);
  rows.push({
    name: 'baseline.ts: trainBaseline',
    examples: risk.length,
    seconds: seconds(started),
    note: 'one fit, 12 epochs',
  });

  let peer: PeerOutput<PeerTrainModel> | null = null;
  if (options.withPeer) {
    const file = options.tmp.writeJsonl('train-large.jsonl', risk);
    peer = await runPeer<PeerTrainModel>(
      ['train', '--labels', riskLabels.join(','), '--train', file],
      options.tmp.file('train.json'),
    );
    for (const [name, model] of Object.entries(peer.models))
      rows.push({
        name,
        examples: model.examples,
        seconds: model.fitSeconds,
        note: `${model.features ?? '?'} features`,
      });
  }
  return {
    labelled: set.labelled,
    routingOnly: set.routingOnly,
    spb: set.spb,
    meanChars: meanLength(set.examples.map((example) => example.text)),
    rows,
    peer: peer?.versions ?? null,
    peerWarnings: peer?.warnings ?? [],
  };
}
