import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { RunningPlatform } from '../bootstrap.js';
import { actorRef, appendAudit } from '../audit/index.js';
import { operatorActor } from './actor.js';
import { insertApiKey, listApiKeys, revokeApiKey } from './api-keys.repository.js';
import { apiKeyClients } from './api-keys.routes.js';
import { newApiKeySecret, sha256 } from './tokens.js';

const cliActor = actorRef(operatorActor());

export function apiKeyCommands(program: Command, open: () => Promise<RunningPlatform>): void {
  const keys = program.command('api-keys').description('Manage machine clients’ API keys');

  keys
    .command('list')
    .description('List API keys (never their secrets)')
    .action(async () => {
      const platform = await open();
      try {
        for (const key of await listApiKeys(platform.db)) {
          console.log(
            `${key.id}  ${key.client.padEnd(15)} ${key.name.padEnd(24)} ${key.permissions.join(',')}  ${key.regions.join(',')}  ${key.revoked_at ? 'revoked' : 'active'}`,
          );
        }
      } finally {
        await platform.stop();
      }
    });

  keys
    .command('create <name>')
    .description('Issue a key; prints the secret once')
    .requiredOption('--client <kind>', apiKeyClients.join(' | '))
    .requiredOption('--permissions <list>', 'comma-separated permissions grantable to API keys')
    .option('--regions <codes>', 'comma-separated region codes or *', '*')
    .action(async (name: string, options: { client: string; permissions: string; regions: string }) => {
      if (!(apiKeyClients as readonly string[]).includes(options.client))
        throw new Error(`unknown client kind ${options.client}`);
      const platform = await open();
      try {
        const permissions = options.permissions.split(',').map((item) => item.trim());
        const grantable = new Set(platform.permissions.grantableToApiKeys().map((def) => def.id));
        const refused = permissions.filter((permission) => !grantable.has(permission));
        if (refused.length)
          throw new Error(
            `not grantable to API keys: ${refused.join(', ')} (grantable: ${[...grantable].join(', ')})`,
          );
        const { prefix, secret, token } = newApiKeySecret();
        await platform.db.tx(async (sql) => {
          const row = await insertApiKey(sql, {
            id: randomUUID(),
            name,
            client: options.client,
            prefix,
            secret_hash: sha256(secret),
            permissions,
            regions: options.regions.split(','),
            created_by: null,
          });
          await appendAudit(sql, {
            actor: cliActor,
            action: 'apikeys.created',
            subjectType: 'api_key',
            subjectId: row.id,
            outcome: 'success',
            details: { client: row.client, permissions },
          });
        });
        console.log(`API key for ${name} (shown once): ${token}`);
      } finally {
        await platform.stop();
      }
    });

  keys
    .command('revoke <id>')
    .description('Revoke a key at once')
    .action(async (id: string) => {
      const platform = await open();
      try {
        await platform.db.tx(async (sql) => {
          const row = await revokeApiKey(sql, id);
          if (!row) throw new Error(`no API key ${id}`);
          await appendAudit(sql, {
            actor: cliActor,
            action: 'apikeys.revoked',
            subjectType: 'api_key',
            subjectId: id,
            outcome: 'success',
          });
        });
        console.log(`revoked ${id}`);
      } finally {
        await platform.stop();
      }
    });
}
