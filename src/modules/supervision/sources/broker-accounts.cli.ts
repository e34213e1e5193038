import { chmod, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { OpenModule } from '../../../core/index.js';
import type { SupervisionApi } from '../module.js';
import type { SupervisionSettings } from '../supervision.settings.js';
import { brokerAccounts, intakeLogin } from './broker-accounts.js';

/**
 * `supervision broker-accounts --password-file F --acl-file F`: the registry's device logins for an external
 * Mosquitto (password_file and acl_file), written readable by the owner only.
 */
export function brokerAccountsCommand(
  program: Command,
  open: () => Promise<OpenModule<SupervisionSettings, SupervisionApi>>,
): void {
  const supervision =
    program.commands.find((command) => command.name() === 'supervision') ??
    program.command('supervision').description('Digital supervision');
  supervision
    .command('broker-accounts')
    .description(
      'Write the sources’ device logins as an external Mosquitto’s password_file and acl_file (the intake’s login comes from MQTT_URL)',
    )
    .requiredOption('--password-file <file>', 'Mosquitto password_file to write')
    .requiredOption('--acl-file <file>', 'Mosquitto acl_file to write')
    .action(async (options: { passwordFile: string; aclFile: string }) => {
      const opened = await open();
      const { platform } = opened;
      try {
        const intake = intakeLogin(platform.config.mqttUrl);
        const accounts = await brokerAccounts(platform.db, {
          topicPrefix: platform.settings.topicPrefix,
          intake,
        });
        // Owner-only even when the files existed before (writeFile's mode applies only to a new file); the broker's
        // user must own them or be given read access by the operator.
        for (const [file, text] of [
          [options.passwordFile, accounts.passwords],
          [options.aclFile, accounts.acl],
        ] as const) {
          await writeFile(file, text, { mode: 0o600 });
          await chmod(file, 0o600);
        }
        console.log(
          `wrote ${String(accounts.sources)} source logins${accounts.intakeUser ? ` and the intake’s (${accounts.intakeUser})` : ''} to ${options.passwordFile}, and the ACL to ${options.aclFile}`,
        );
        if (!accounts.intakeUser)
          console.warn(
            'MQTT_URL names no user: add the intake’s login to the password file (mosquitto_passwd) and a "user … / topic read" entry to the ACL',
          );
        console.log('tell the broker to reload them: kill -HUP <mosquitto pid>');
      } finally {
        await opened.stop();
      }
    });
}
