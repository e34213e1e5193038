import { InvalidArgumentError, type Command } from 'commander';
import { matchFiles } from './match-files.js';
import { ALERT_THRESHOLD } from './person-score.js';

const parseThreshold = (value: string) => {
  const threshold = Number(value);
  if (value.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new InvalidArgumentError(`threshold must be a number from 0 to 1, got ${value}`);
  }
  return threshold;
};

/**
 * `supervision match --watchlist W.csv --observations O.jsonl --output OUT.jsonl [--threshold X]`: the batch
 * interface, without a server or database. Adds `match` under an existing `supervision` command if there is one.
 */
export function supervisionMatchCommand(program: Command): void {
  const supervision =
    program.commands.find((command) => command.name() === 'supervision') ??
    program
      .command('supervision')
      .description('Digital supervision: observations matched against wanted lists');
  supervision
    .command('match')
    .description('Match observations (JSONL) against a watchlist (CSV) without a server or database')
    .requiredOption(
      '--watchlist <file>',
      'CSV with entry_id,kind,iin,full_name,birth_date,plate (kind: person or vehicle)',
    )
    .requiredOption(
      '--observations <file>',
      'JSONL, a line each: {"id", "kind", "identifiers": {"name", "birth_date", "iin", "plate"}}',
    )
    .requiredOption(
      '--output <file>',
      'JSONL, a line per valid observation: {"id", "matches": [{"entry_id", "score", "reasons"}]}',
    )
    .option(
      '--threshold <x>',
      `report matches scoring at least this (0–1; default ${String(ALERT_THRESHOLD)})`,
      parseThreshold,
    )
    .action(
      async (options: { watchlist: string; observations: string; output: string; threshold?: number }) => {
        const report = await matchFiles(options.watchlist, options.observations, options.output, {
          ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
        });
        const log = (line: string) => process.stderr.write(`${line}\n`);
        for (const problem of report.watchlistProblems.slice(0, 20)) {
          log(
            `${options.watchlist}: record ${String(problem.record)}: ${problem.reason}${problem.skipped ? ' (row skipped)' : ''}`,
          );
        }
        for (const problem of report.malformed.slice(0, 20))
          log(`${options.observations}:${String(problem.line)}: ${problem.reason} (line skipped)`);
        if (report.malformedCount > 20) log(`… ${String(report.malformedCount)} malformed lines in all`);
        const rate = report.seconds > 0 ? Math.round(report.observations / report.seconds) : 0;
        log(
          `${String(report.entries)} watchlist entries; ${String(report.observations)} observations, ${String(report.matched)} with matches, ` +
            `${String(report.malformedCount)} malformed lines skipped; ${report.seconds.toFixed(2)} s (${String(rate)}/s)`,
        );
      },
    );
}
