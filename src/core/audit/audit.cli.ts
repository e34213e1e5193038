import type { Command } from 'commander';
import type { RunningPlatform } from '../bootstrap.js';
import { verifyAuditLog } from './audit.service.js';

export function auditCommands(program: Command, open: () => Promise<RunningPlatform>): void {
  const audit = program.command('audit').description('The tamper-evident audit log');
  audit
    .command('verify')
    .description('Re-check the hash chain; exits 1 and names every edited, deleted or reordered entry')
    .action(async () => {
      const platform = await open();
      try {
        const result = await verifyAuditLog(platform.db);
        for (const problem of result.problems) console.log(`${problem.kind.toUpperCase()} at entry ${problem.seq}: ${problem.message}`);
        console.log(`${result.checked} entries checked; ${result.ok ? 'chain intact' : `${result.problems.length} problem(s)`}`);
        if (result.head) console.log(`head: entry ${result.head.seq} ${result.head.hash} (record it elsewhere to detect truncation later)`);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await platform.stop();
      }
    });
}
