import type { Command } from 'commander';
import type { OpenModule } from '../../../core/index.js';
import { importOffences } from './offences-import.js';

export function offenceCommands(program: Command, open: () => Promise<OpenModule<unknown, unknown>>): void {
  const offences = program
    .command('offences')
    .description('Registered offences: import records or published totals');
  offences
    .command('import <file>')
    .description(
      'Import records (record_id, registered_on, region, district, chapter, article, severity, lat, lon) or totals (region, district, chapter, article, period, count) from CSV or JSONL',
    )
    .option('--source <name>', 'name of the source, kept with each record or total', 'import')
    .action(async (file: string, options: { source: string }) => {
      const opened = await open();
      const { platform } = opened;
      try {
        const report = await importOffences(platform, file, options.source, (done) =>
          process.stderr.write(`\r${String(done)} rows…`),
        );
        process.stderr.write('\n');
        console.log(
          `${String(report.created)} records created, ${String(report.duplicates)} already stored, ${String(report.stored)} totals stored, ${String(report.rejected.length)} rejected`,
        );
        for (const { line, reason } of report.rejected.slice(0, 50))
          console.log(`  line ${String(line)}: ${reason}`);
        if (report.rejected.length > 50) console.log(`  … and ${String(report.rejected.length - 50)} more`);
        if (report.rejected.length) process.exitCode = 1;
      } finally {
        await opened.stop();
      }
    });
}
