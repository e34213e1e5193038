import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { loadConfig, type OpenModule } from '../../../core/index.js';
import type { SupervisionApi } from '../module.js';
import { supervisionSettings, type SupervisionSettings } from '../supervision.settings.js';
import { countPending } from '../observations/observations.repository.js';
import { evaluateSimulation, formatQuality, parseTruth } from './evaluate.js';
import { fetchPoster, httpSink, mqttSink, simulate } from './simulate.js';

/** `60`, `60s`, `2m`, `1h` as seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`a duration like 60, 60s, 5m or 1h is expected, not ${text}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] as 's' | 'm' | 'h' | undefined) ?? 's'];
}

const positive = (name: string) => (text: string) => {
  const value = Number.parseFloat(text.replace(/\/s$/, ''));
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
};

interface SimulateOptions {
  rate: number;
  duration: string;
  via: 'mqtt' | 'http';
  truth?: string;
  seed?: number;
  planted: number;
  url?: string;
  apiKey?: string;
  mqttUrl?: string;
}

/**
 * `simulate supervision` publishes traffic over the demo world, rebuilt from the demo seed (DEMO_SEED, or --seed):
 * it needs no database, so it can run beside a server on embedded storage. `supervision evaluate` reads the alerts
 * from the database, so with embedded storage run it after stopping the server (or point both at DATABASE_URL).
 */
export function simulationCommands(
  program: Command,
  open: () => Promise<OpenModule<SupervisionSettings, SupervisionApi>>,
): void {
  const simulateCommand =
    program.commands.find((command) => command.name() === 'simulate') ??
    program.command('simulate').description('Publish simulated device traffic with planted ground truth');
  simulateCommand
    .command('supervision')
    .description(
      'Camera sightings, drone detections and bracelet pings over the demo world, with planted wanted persons and vehicles, probation breaches, zone incursions and fights',
    )
    .requiredOption('--rate <n>', 'observations a second', positive('rate'))
    .option('--duration <t>', 'how long: 60, 60s, 5m', '60s')
    .option('--via <channel>', 'mqtt or http', 'mqtt')
    .option('--truth <file>', 'write the planted events as JSON lines')
    .option('--seed <n>', 'the demo world’s seed [DEMO_SEED]', (value) => Number.parseInt(value, 10))
    .option('--planted <share>', 'share of observations that are planted events', positive('planted'), 0.05)
    .option('--url <url>', 'the platform’s base URL for --via http [http://127.0.0.1:PORT]')
    .option(
      '--api-key <key>',
      'an API key holding observations.ingest [QADAGALAU_API_KEY]: the simulator is a connector publishing for many sources',
    )
    .option('--mqtt-url <url>', 'the broker [MQTT_URL, or the embedded one at mqtt://127.0.0.1:MQTT_PORT]')
    .action(async (options: SimulateOptions) => {
      const config = loadConfig(process.env, {}, [{ id: 'supervision', settings: supervisionSettings }]);
      const settings = config.modules['supervision'] as unknown as SupervisionSettings;
      const seconds = parseDuration(options.duration);
      let sink;
      const apiKey = options.apiKey ?? process.env.QADAGALAU_API_KEY;
      if (options.via === 'http') {
        if (!apiKey)
          throw new Error('--via http needs --api-key (or QADAGALAU_API_KEY) with observations.ingest');
        sink = httpSink(fetchPoster(options.url ?? `http://127.0.0.1:${String(config.port)}`, apiKey));
      } else if (options.via === 'mqtt') {
        // On MQTT the API key is the password; the user name only names the connector in the broker's log.
        const login = apiKey ? { username: 'qadagalau-simulator', password: apiKey } : undefined;
        sink = await mqttSink(
          options.mqttUrl ?? config.mqttUrl ?? `mqtt://127.0.0.1:${String(config.mqttPort)}`,
          settings.topicPrefix,
          { login },
        );
      } else throw new Error('--via must be mqtt or http');
      const truth = options.truth ? createWriteStream(options.truth) : undefined;
      const result = await simulate(
        {
          rate: options.rate,
          durationSeconds: seconds,
          seed: options.seed ?? config.demoSeed,
          plantedShare: options.planted,
          onTruth: (event) => truth?.write(`${JSON.stringify(event)}\n`),
        },
        sink,
      );
      if (truth) {
        truth.end();
        await once(truth, 'finish');
      }
      console.log(
        `sent ${String(result.sent)} observations (${String(result.planted)} planted) in ${result.seconds.toFixed(1)} s: ${(result.sent / result.seconds).toFixed(0)}/s via ${options.via}; started ${result.startedAt.toISOString()}`,
      );
    });

  const supervision =
    program.commands.find((command) => command.name() === 'supervision') ??
    program.command('supervision').description('Digital supervision');
  supervision
    .command('evaluate')
    .description('Precision and recall of the alerts raised against the planted truth of a simulation')
    .requiredOption('--truth <file>', 'the truth file written by simulate supervision')
    .option('--since <iso>', 'count hits from this moment [the simulation’s start]')
    .option('--wait <seconds>', 'wait this long at most for pending observations to be judged', '60')
    .action(async (options: { truth: string; since?: string; wait: string }) => {
      const truth = parseTruth(await readFile(options.truth, 'utf8'));
      const since = new Date(
        options.since ?? truth.map((event) => event.startedAt).sort()[0] ?? new Date(0).toISOString(),
      );
      if (Number.isNaN(since.getTime())) throw new Error('--since must be an ISO date-time');
      const opened = await open();
      const { platform } = opened;
      try {
        const deadline = Date.now() + Number(options.wait) * 1000;
        while (Date.now() < deadline && (await countPending(platform.db)) > 0) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        const pending = await countPending(platform.db);
        if (pending)
          console.warn(
            `warning: ${String(pending)} observations are still waiting to be judged (is the server running?); the figures below leave them out`,
          );
        console.log(formatQuality(await evaluateSimulation(platform.db, truth, since)));
      } finally {
        await opened.stop();
      }
    });
}
