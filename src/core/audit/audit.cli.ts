import type { Command } from 'commander';
import type { RunningPlatform } from '../bootstrap.js';
import { verifyAuditLog } from './audit.service.js';
import { newSigningKey, verifierFrom } from './checkpoint-key.js';
import { writeCheckpoint } from './checkpoints.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function auditCommands(program: Command, open: () => Promise<RunningPlatform>): void {
  const audit = program.command('audit').description('The tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'Re-check the hash chain and the signed checkpoints; exits 1 and names every edited, deleted, reordered, truncated or re-hashed entry',
    )
    .option(
      '--public-key <base64>',
      'also accept checkpoints signed by this Ed25519 public key (repeatable; e.g. a key used before rotation)',
      collect,
      [],
    )
    .action(async (options: { publicKey: string[] }) => {
      const platform = await open();
      try {
        const verifiers = [...platform.auditKeys.verifiers, ...options.publicKey.map(verifierFrom)];
        const result = await verifyAuditLog(platform.db, verifiers);
        for (const problem of result.problems)
          console.log(`${problem.kind.toUpperCase()} at entry ${problem.seq}: ${problem.message}`);
        console.log(
          `${result.checked} entries checked; ${result.ok ? 'chain intact' : `${result.problems.length} problem(s)`}`,
        );
        const { newest, count, uncovered } = result.checkpoints;
        console.log(
          newest
            ? `${count} signed checkpoints; the newest (${newest.at}) covers entries up to ${newest.headSeq}; ${uncovered} newer entries are covered by the chain alone`
            : 'no signed checkpoints: deleting the newest entries could not be detected',
        );
        if (result.head) console.log(`head: entry ${result.head.seq} ${result.head.hash}`);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await platform.stop();
      }
    });
  audit
    .command('checkpoint')
    .description('Sign the audit log’s head now (the server also does so every AUDIT_CHECKPOINT_MINUTES)')
    .action(async () => {
      const platform = await open();
      try {
        const signer = platform.auditKeys.signer;
        if (!signer) throw new Error('no signing key: set AUDIT_SIGNING_KEY');
        const written = await writeCheckpoint(platform.db, signer);
        console.log(
          `checkpoint: entry ${written.headSeq} ${written.headHash} at ${written.at}, key ${written.keyId}`,
        );
      } finally {
        await platform.stop();
      }
    });
  audit
    .command('public-key')
    .description('Print the public key auditors verify checkpoints with')
    .action(async () => {
      const platform = await open();
      try {
        const signer = platform.auditKeys.signer;
        console.log(
          signer ? `key ${signer.keyId}: ${signer.publicKey}` : 'no signing key: set AUDIT_SIGNING_KEY',
        );
      } finally {
        await platform.stop();
      }
    });
  audit
    .command('keygen')
    .description(
      'Make a new Ed25519 signing key for AUDIT_SIGNING_KEY (kept secret) and print its public key (given to auditors)',
    )
    .action(() => {
      const key = newSigningKey();
      console.log(`AUDIT_SIGNING_KEY=${key.privateSeed}`);
      console.log(`public key: ${key.publicKey}`);
    });
}
