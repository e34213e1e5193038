/**
 * The load of `bench/supervision-e2e.ts`, in its own process so that it does not share the platform's event loop:
 * publishes the simulator's traffic, each observation stamped with its send time, and runs the peer, a plain MQTT
 * subscriber that does nothing but note when each message arrives. Prints one JSON line at the end.
 * Arguments: mqttUrl topicPrefix rate seconds.
 */
import mqtt from 'mqtt';
import { mqttSink, simulate, type Sink } from '../../src/modules/supervision/simulation/simulate.js';

const [
  mqttUrl = 'mqtt://127.0.0.1:1883',
  prefix = 'qadagalau/observations',
  rateArg = '2000',
  secondsArg = '30',
] = process.argv.slice(2);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};

const latencies: number[] = [];
let received = 0;
const peer = await mqtt.connectAsync(mqttUrl, {
  clientId: `qg-bench-peer-${String(process.pid)}`,
  clean: true,
});
peer.on('message', (_topic, payload) => {
  received++;
  const sentAt = (JSON.parse(payload.toString()) as { attributes?: { sentAt?: number } }).attributes?.sentAt;
  if (typeof sentAt === 'number') latencies.push(Date.now() - sentAt);
});
await peer.subscribeAsync(`${prefix}/+`, { qos: 1 });

const inner = await mqttSink(mqttUrl, prefix);
const stamped: Sink = {
  send: (messages) =>
    inner.send(
      messages.map((message) => ({
        ...message,
        observation: {
          ...message.observation,
          attributes: { ...message.observation.attributes, sentAt: Date.now() },
        },
      })),
    ),
  close: () => inner.close(),
};
const run = await simulate(
  {
    rate: Number(rateArg),
    durationSeconds: Number(secondsArg),
    seed: 42,
    plantedShare: 0.02,
    runId: `bench${String(Date.now())}`,
  },
  stamped,
);
const deadline = Date.now() + 10_000;
while (received < run.sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
await peer.endAsync();
process.stdout.write(
  `${JSON.stringify({ sent: run.sent, seconds: run.seconds, startedAt: run.startedAt.toISOString(), peer: { received, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) } })}\n`,
);
process.exit(0);
