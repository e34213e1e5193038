import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { formatEvaluation } from './model/evaluate.js';
import {
  correctionExamples,
  crossWriterValidation,
  evaluateHeldOut,
  loadShippedModel,
  shippedModelPath,
  trainRelease,
} from './model/pipeline.js';
import type { OpenModule } from '../../core/index.js';
import type { AppealsApi } from './module.js';
import { importAppeals } from './appeals.import.js';
import { correctedAppeals } from './appeals.repository.js';
import type { ModelRegistry } from './models/models.service.js';

/** `appeals classify`: JSONL in, JSONL out, on the shipped model; no server or database. */
export async function classifyFile(
  input: string,
  output: string,
  modelPath = shippedModelPath,
): Promise<{ appeals: number; invalid: number; seconds: number }> {
  const classifier = loadShippedModel(modelPath);
  const out = createWriteStream(output);
  const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
  const started = performance.now();
  let appeals = 0;
  let invalid = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      invalid++;
      process.stderr.write(`line ${lineNumber}: not JSON, skipped\n`);
      continue;
    }
    if (typeof record.text !== 'string' || (typeof record.id !== 'string' && typeof record.id !== 'number')) {
      invalid++;
      process.stderr.write(`line ${lineNumber}: needs "id" and "text", skipped\n`);
      continue;
    }
    const screening = classifier.screen(record.text);
    const row = {
      id: record.id,
      language: screening.language,
      labels: screening.labels,
      scores: screening.scores,
      risk_level: screening.riskLevel,
      explanation: screening.explanation,
      entities: screening.entities,
      topic: screening.topic,
      route: screening.route,
      model: screening.modelVersion,
    };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    appeals++;
    if (appeals % 10_000 === 0) process.stderr.write(`${appeals} appeals…\n`);
  }
  out.end();
  await once(out, 'finish');
  return { appeals, invalid, seconds: (performance.now() - started) / 1000 };
}

function registryOf(opened: OpenModule<Record<string, never>, AppealsApi>): ModelRegistry {
  const api = opened.module.api;
  if (!api) throw new Error('the appeals module was opened without its api');
  return api.registry;
}

export function appealsCommands(
  program: Command,
  open: () => Promise<OpenModule<Record<string, never>, AppealsApi>>,
): void {
  const appeals = program.command('appeals').description('Appeals risk screening');

  appeals
    .command('classify')
    .description('Screen appeals from a JSONL file ({"id","text"} per line) without a server or database')
    .requiredOption('--input <file>', 'JSONL input')
    .requiredOption(
      '--output <file>',
      'JSONL output: id, language, labels, scores, risk_level, explanation, entities',
    )
    .option('--model <file>', 'model file (default: the one shipped with the package)')
    .action(async (options: { input: string; output: string; model?: string }) => {
      const result = await classifyFile(options.input, options.output, options.model);
      process.stderr.write(
        `${result.appeals} appeals screened in ${result.seconds.toFixed(2)} s (${Math.round(result.appeals / (result.seconds || 1))}/s); ${result.invalid} invalid lines skipped\n`,
      );
    });

  appeals
    .command('import <file>')
    .description(
      'Import appeals from CSV or JSONL (same fields as POST /api/appeals); idempotent on externalId',
    )
    .action(async (file: string) => {
      const opened = await open();
      const { platform } = opened;
      try {
        const started = performance.now();
        const report = await importAppeals(platform, registryOf(opened), file, (done) =>
          process.stderr.write(`\r${done} records…`),
        );
        process.stderr.write('\n');
        for (const item of report.rejected.slice(0, 50))
          console.log(`line ${item.line}: rejected: ${item.reason}`);
        if (report.rejected.length > 50)
          console.log(`… and ${report.rejected.length - 50} more rejected lines`);
        console.log(
          `${report.created} created, ${report.duplicates} already known, ${report.rejected.length} rejected in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        await platform.bus.flush();
        process.exitCode = report.rejected.length > 0 ? 1 : 0;
      } finally {
        await opened.stop();
      }
    });

  appeals
    .command('evaluate')
    .description(
      'Train on the fixed training split and print quality on the held-out quarter, on the independent set and across writers, beside the bag-of-words baseline',
    )
    .option('--no-cross-writer', 'skip the cross-writer validation (one training per writer)')
    .action((options: { crossWriter: boolean }) => {
      const report = evaluateHeldOut();
      console.log(
        `training split ${report.trainSize} appeals, held-out ${report.testSize}, trained in ${report.trainSeconds.toFixed(2)} s`,
      );
      console.log(formatEvaluation('held-out quarter of the corpus', report.model));
      console.log(
        formatEvaluation(
          '\nindependent set (written to another brief by other hands; never trained or tuned on)',
          report.independent,
        ),
      );
      console.log(
        formatEvaluation(
          '\nbaseline (bag of words + logistic regression), held-out quarter',
          report.baseline,
        ),
      );
      if (report.ordinaryFalseAlarms)
        console.log(
          `\nfalse alarms on ${report.ordinaryFalseAlarms.appeals} real ordinary appeals (St Petersburg portal, never trained on): ${(report.ordinaryFalseAlarms.share * 100).toFixed(1)} %`,
        );
      console.log('\nconfusion on the independent set (true label → labels predicted):');
      for (const [label, row] of Object.entries(report.independent.confusion))
        console.log(
          `  ${label.padEnd(11)} ${Object.entries(row)
            .filter(([, n]) => n > 0)
            .map(([other, n]) => `${other} ${n}`)
            .join(', ')}`,
        );
      if (!options.crossWriter) return;
      const crossWriter = crossWriterValidation();
      console.log('\ncross-writer validation (each writer’s set scored by a model trained on the others):');
      for (const fold of crossWriter.folds)
        console.log(
          `  ${fold.writer.padEnd(20)} ${String(fold.appeals).padStart(5)} appeals  macro-F1 ${fold.evaluation.macroF1.toFixed(3)}  any-risk precision ${fold.evaluation.anyRisk.precision.toFixed(3)} recall ${fold.evaluation.anyRisk.recall.toFixed(3)}`,
        );
      console.log(formatEvaluation('pooled', crossWriter.pooled));
    });

  appeals
    .command('train')
    .description('Train a model on the seed corpus, the public sets and (with --store) analysts’ corrections')
    .option('--output <file>', 'where to write the model file', shippedModelPath)
    .option(
      '--store',
      'also use the corrections in the database, and store the model there as a candidate version',
    )
    .option('--model-version <name>', 'version name of the new model')
    .action(async (options: { output: string; store?: boolean; modelVersion?: string }) => {
      const started = performance.now();
      const opened = options.store ? await open() : undefined;
      const platform = opened?.platform;
      try {
        const corrections = platform ? correctionExamples(await correctedAppeals(platform.db)) : [];
        const { artifact, report, independent } = trainRelease(
          options.output,
          options.modelVersion,
          corrections,
        );
        console.log(
          `model ${artifact.version} written to ${options.output} in ${((performance.now() - started) / 1000).toFixed(1)} s (${corrections.length} analyst corrections used)`,
        );
        console.log(formatEvaluation('held-out quarter (a model trained on the other three)', report.model));
        console.log(
          formatEvaluation('\nindependent set (this model; never trained or tuned on)', independent),
        );
        if (platform && opened) {
          await registryOf(opened).store(platform.db, artifact);
          console.log(
            `stored as candidate ${artifact.version}; an administrator activates it after comparing it with the active model`,
          );
        }
      } finally {
        await opened?.stop();
      }
    });
}
