import type { Command } from 'commander';
import type { OpenModule } from '../../core/index.js';
import { supervisionMatchCommand } from './matching/match.cli.js';
import type { SupervisionApi } from './module.js';
import { simulationCommands } from './simulation/simulate.cli.js';
import { brokerAccountsCommand } from './sources/broker-accounts.cli.js';
import type { SupervisionSettings } from './supervision.settings.js';

/** The module's commands: `supervision match`, `simulate supervision`, `supervision evaluate`, `supervision broker-accounts`. */
export function supervisionCommands(
  program: Command,
  open: () => Promise<OpenModule<SupervisionSettings, SupervisionApi>>,
): void {
  supervisionMatchCommand(program);
  simulationCommands(program, open);
  brokerAccountsCommand(program, open);
}
