import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { RunningPlatform } from '../bootstrap.js';
import { actorRef, appendAudit } from '../audit/index.js';
import { operatorActor } from './actor.js';
import { generatePassword, hashPassword } from './passwords.js';
import { roles } from './permissions.js';
import { findUserByUsername, insertUser, listUsers, setPasswordHash } from './users.repository.js';
import { isRegionCode } from '../geo/regions.js';

const cliActor = actorRef(operatorActor());

export function userCommands(program: Command, open: () => Promise<RunningPlatform>): void {
  const users = program.command('users').description('Manage people who sign in to the dashboard');

  users
    .command('list')
    .description('List users')
    .action(async () => {
      const platform = await open();
      try {
        for (const user of await listUsers(platform.db)) {
          console.log(
            `${user.username.padEnd(24)} ${user.role.padEnd(15)} ${user.regions.join(',').padEnd(20)} ${user.disabled ? 'disabled' : ''}`,
          );
        }
      } finally {
        await platform.stop();
      }
    });

  users
    .command('create <username>')
    .description('Create a user; prints a generated password once')
    .requiredOption('--role <role>', `${roles.join(' | ')}, or a role a module adds`)
    .requiredOption('--name <displayName>', 'name shown to colleagues')
    .option('--regions <codes>', 'comma-separated region codes (KZ-75,...) or * for national', '*')
    .action(async (username: string, options: { role: string; name: string; regions: string }) => {
      const regions = options.regions.split(',').map((code) => code.trim());
      const unknown = regions.find((code) => code !== '*' && !isRegionCode(code));
      if (unknown) throw new Error(`unknown region ${unknown}`);
      const platform = await open();
      try {
        if (!platform.permissions.isRole(options.role))
          throw new Error(
            `unknown role ${options.role}: ${platform.permissions
              .roles()
              .map((role) => role.id)
              .join(', ')}`,
          );
        if (await findUserByUsername(platform.db, username)) throw new Error(`username ${username} is taken`);
        const password = generatePassword();
        const passwordHash = await hashPassword(password);
        await platform.db.tx(async (sql) => {
          const row = await insertUser(sql, {
            id: randomUUID(),
            username,
            displayName: options.name,
            role: options.role,
            regions,
            locale: 'ru',
            agencyId: null,
            passwordHash,
          });
          await appendAudit(sql, {
            actor: cliActor,
            action: 'users.created',
            subjectType: 'user',
            subjectId: row.id,
            outcome: 'success',
            details: { role: row.role, regions },
          });
        });
        console.log(`created ${username}; password: ${password}`);
      } finally {
        await platform.stop();
      }
    });

  users
    .command('reset-password <username>')
    .description('Set a new generated password, print it once, and end the user’s sessions')
    .action(async (username: string) => {
      const platform = await open();
      try {
        const user = await findUserByUsername(platform.db, username);
        if (!user) throw new Error(`no user ${username}`);
        const password = generatePassword();
        const passwordHash = await hashPassword(password);
        await platform.db.tx(async (sql) => {
          await setPasswordHash(sql, user.id, passwordHash);
          await appendAudit(sql, {
            actor: cliActor,
            action: 'users.passwordReset',
            subjectType: 'user',
            subjectId: user.id,
            outcome: 'success',
          });
        });
        console.log(`new password for ${username}: ${password}`);
      } finally {
        await platform.stop();
      }
    });
}
