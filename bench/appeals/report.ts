/** The printed tables of bench/appeals.ts, with the machine and the versions beside the figures. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { present } from '../../src/core/lang/index.js';
import { riskLabels, type RiskLabel } from '../../src/modules/appeals/model/labels.js';
import type { IntakeBackend } from './intake.js';
import type { ModelBench } from './model-bench.js';
import type { PeerVersions } from './sklearn-peer.js';
import type { TrainingBench } from './training.js';

const pct = (value: number, width = 6) => (value * 100).toFixed(1).padStart(width);
const num = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width);
const short: Record<RiskLabel, string> = {
  violence: 'violen',
  threat: 'threat',
  self_harm: 'self_h',
  corruption: 'corrup',
  bullying: 'bully',
  fraud: 'fraud',
  drugs: 'drugs',
};

function pgliteVersion(): string {
  try {
    const file = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** `loadStart` is the 1-minute load average when the run began: other work on the machine skews every figure. */
export function machine(peer: PeerVersions | null, intake: IntakeBackend[] | null, loadStart: number) {
  const cpu = cpus();
  const info = {
    cpu: `${cpu[0]?.model.trim() ?? '?'} × ${cpu.length}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    python: peer?.python ?? null,
    sklearn: peer?.sklearn ?? null,
    numpy: peer?.numpy ?? null,
    scipy: peer?.scipy ?? null,
    pglite: pgliteVersion(),
    postgres: Object.fromEntries(
      (intake ?? []).map((backend) => [backend.backend, backend.postgres ?? null]),
    ),
    loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
  };
  const peerText = peer
    ? `Python ${peer.python}, scikit-learn ${peer.sklearn}, numpy ${peer.numpy}, scipy ${peer.scipy} (1 BLAS/OpenMP thread)`
    : 'no scikit-learn peer';
  const dbText = intake
    ? `; PGlite ${info.pglite} (PostgreSQL ${info.postgres['PGlite'] ?? '?'})${info.postgres['PostgreSQL'] ? `, server PostgreSQL ${info.postgres['PostgreSQL']}` : ''}`
    : '';
  return {
    ...info,
    line: `${info.cpu}, ${info.memoryGb} GB, ${info.kernel}; Node ${info.node}; ${peerText}${dbText}\nload average (1 min) ${info.loadAverage.start.toFixed(2)} at start, ${info.loadAverage.end.toFixed(2)} at end`,
  };
}

export function printModels(bench: ModelBench): void {
  console.log(`\n1. Quality on the fixed held-out split (isHeldOut): trained on ${bench.trainSize} examples (${bench.riskTrainSize} with risk labels), scored on ${bench.testSize}; all rows scored by evaluatePredictions.
   macroAP: mean average precision over the labels (threshold-free). ordFP: share of ${bench.ordinaryAppeals} real ordinary appeals (St Petersburg housing portal, never trained on, assumed risk-free) given any risk label`);
  const labels = riskLabels.map((label) => short[label].padStart(6)).join(' ');
  console.log(
    `${'model'.padEnd(62)} ${'train s'.padStart(7)} ${'macroF1'.padStart(7)} ${'anyP'.padStart(6)} ${'anyR'.padStart(6)} ${'macroAP'.padStart(7)} ${'ordFP'.padStart(6)} | F1 ${labels}`,
  );
  for (const row of bench.quality) {
    const e = row.evaluation;
    const perLabel = riskLabels.map((label) => pct(e.perLabel[label].f1)).join(' ');
    console.log(
      `${row.name.padEnd(62)} ${num(row.trainSeconds, 7, 2)} ${pct(e.macroF1, 7)} ${pct(e.anyRisk.precision)} ${pct(e.anyRisk.recall)} ${pct(row.macroAveragePrecision, 7)} ${row.ordinaryFlagged === null ? '     -' : pct(row.ordinaryFlagged)} |    ${perLabel}`,
    );
  }
  const support = riskLabels
    .map((label) => String(bench.quality[0]?.evaluation.perLabel[label].support ?? 0).padStart(6))
    .join(' ');
  console.log(
    `${'ours: per-label thresholds'.padEnd(62)} ${''.padStart(7)} ${''.padStart(7)} ${''.padStart(6)} ${''.padStart(6)} ${''.padStart(7)} ${''.padStart(6)} |    ${riskLabels.map((label) => bench.oursThresholds[label].toFixed(3).padStart(6)).join(' ')}`,
  );
  console.log(
    `${'support (held-out appeals with the label)'.padEnd(62)} ${''.padStart(7)} ${''.padStart(7)} ${''.padStart(6)} ${String(bench.quality[0]?.evaluation.anyRisk.support ?? 0).padStart(6)} ${''.padStart(7)} ${''.padStart(6)} |    ${support}`,
  );

  console.log(
    `\n1b. The same models on the independent set: ${bench.independentSize} appeals written to another brief by other hands (src/modules/appeals/evaluation/), never trained or tuned on`,
  );
  console.log(
    `${'model'.padEnd(62)} ${'macroF1'.padStart(7)} ${'anyP'.padStart(6)} ${'anyR'.padStart(6)} | F1 ${labels}`,
  );
  for (const row of bench.quality) {
    const e = row.independent;
    console.log(
      `${row.name.padEnd(62)} ${pct(e.macroF1, 7)} ${pct(e.anyRisk.precision)} ${pct(e.anyRisk.recall)} |    ${riskLabels.map((label) => pct(e.perLabel[label].f1)).join(' ')}`,
    );
  }
  const independentSupport = bench.quality[0]?.independent;
  if (independentSupport) {
    console.log(
      `${'support'.padEnd(62)} ${''.padStart(7)} ${''.padStart(6)} ${String(independentSupport.anyRisk.support).padStart(6)} |    ${riskLabels.map((label) => String(independentSupport.perLabel[label].support).padStart(6)).join(' ')}`,
    );
    const ours = bench.quality.find((row) => row.name.includes('per-label thresholds'));
    if (ours)
      console.log(
        `   ours, any-risk recall by language: ${Object.entries(ours.independent.byLanguage)
          .map(([lang, row]) => `${lang} ${pct(row.anyRiskRecall, 0)} % (${row.appeals})`)
          .join(', ')}`,
      );
  }

  console.log(
    `\n2. Screening throughput on one core: ${bench.screeningTexts.count} texts (seed corpus + KZgov + St Petersburg appeals, mean ${bench.screeningTexts.meanChars} chars), models of table 1`,
  );
  console.log(
    `${'scenario'.padEnd(98)} ${'texts'.padStart(6)} ${'s'.padStart(6)} ${'texts/s'.padStart(8)} ${'vs screen'.padStart(9)}`,
  );
  const screen = present(bench.throughput[0], 'the screen() throughput row').perSecond;
  for (const row of bench.throughput) {
    console.log(
      `${row.name.padEnd(98)} ${String(row.texts).padStart(6)} ${num(row.seconds, 6, 2)} ${num(row.perSecond, 8)} ${`${(row.perSecond / screen).toFixed(2)}×`.padStart(9)}`,
    );
  }
  for (const warning of bench.peerWarnings) console.log(`  peer warning: ${warning}`);
}

export function printTraining(bench: TrainingBench): void {
  console.log(
    `\n3. Training time: ${bench.labelled} risk-trainable examples (${bench.spb} St Petersburg appeals as ordinary, labels []; mean ${bench.meanChars} chars) + ${bench.routingOnly} routing-only KZgov rows for ours`,
  );
  console.log(
    `${'trainer'.padEnd(62)} ${'examples'.padStart(8)} ${'s'.padStart(7)} ${'vs ours'.padStart(8)}  note`,
  );
  const ours = present(bench.rows[0], 'the trainModel row').seconds;
  for (const row of bench.rows)
    console.log(
      `${row.name.padEnd(62)} ${String(row.examples).padStart(8)} ${num(row.seconds, 7, 1)} ${`${(row.seconds / ours).toFixed(2)}×`.padStart(8)}  ${row.note}`,
    );
  for (const warning of bench.peerWarnings) console.log(`  peer warning: ${warning}`);
}

export function printIntake(
  backends: IntakeBackend[],
  settings: { seconds: number; connections: number },
): void {
  console.log(`\n4. Intake through the API: ${settings.connections} connections, ${settings.seconds} s each, unique externalIds, servers in their own processes on loopback.
   Texts: the screening texts of table 2, shuffled; screened by the shipped model. stored: appeals answered 'created'; alerts: of those, screened high or critical (an alert raised in the same transaction)`);
  console.log(
    `${'scenario'.padEnd(44)} ${'req/s'.padStart(7)} ${'appeals/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} ${'stored'.padStart(7)} ${'alerts'.padStart(6)} ${'vs peer'.padStart(8)}`,
  );
  for (const { rows } of backends) {
    rows.forEach((row, index) => {
      const peer = index % 2 === 1 ? (rows[index - 1] ?? null) : null;
      const ratio = peer ? `${((row.appealsPerSecond / peer.appealsPerSecond) * 100).toFixed(1)} %` : '';
      console.log(
        `${row.name.padEnd(44)} ${String(row.requestsPerSecond).padStart(7)} ${String(row.appealsPerSecond).padStart(9)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${String(row.errors).padStart(6)} ${String(row.created ?? '').padStart(7)} ${String(row.alerted ?? '').padStart(6)} ${ratio.padStart(8)}`,
      );
    });
  }
}
