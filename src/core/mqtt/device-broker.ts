import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';

export interface DeviceBroker {
  /** Where device feeds are read from: MQTT_URL, or the embedded broker. */
  url: string;
  embedded: boolean;
  /**
   * The embedded broker only: runs `store` on every message a device publishes to a topic `takes`, and acknowledges
   * the message to the device only after `store` has resolved. The embedded broker holds nothing on disk and would
   * die with the platform holding messages it had acknowledged; storing before the acknowledgement makes a crash
   * cost a resend by the device instead. When `store` fails the device is disconnected and sends again.
   */
  storeBeforeAck?(takes: (topic: string) => boolean, store: (topic: string, payload: Buffer) => Promise<void>): void;
  close(): Promise<void>;
}

type Interceptor = { takes: (topic: string) => boolean; store: (topic: string, payload: Buffer) => Promise<void> };

/**
 * The MQTT broker device feeds arrive through. With MQTT_URL set the platform is a client of that broker (Mosquitto
 * here and in CI; any MQTT 3.1.1/5 broker in production). Without it the platform runs its own broker (aedes) on
 * MQTT_PORT, so `npm start` needs nothing else; the modules' clients connect to it exactly as to an external one.
 * The embedded broker keeps its sessions in memory and is meant for one office, like the embedded database.
 */
export async function openDeviceBroker(options: { mqttUrl: string | undefined; host: string; port: number }): Promise<DeviceBroker> {
  if (options.mqttUrl) return { url: options.mqttUrl, embedded: false, close: () => Promise.resolve() };
  const broker = await Aedes.createBroker();
  const interceptors: Interceptor[] = [];
  broker.authorizePublish = (_client, packet, callback) => {
    const interceptor = interceptors.find((candidate) => candidate.takes(packet.topic));
    if (!interceptor) return callback(null);
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    interceptor.store(packet.topic, payload).then(() => callback(null), (error: unknown) => callback(error as Error));
  };
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `mqtt://${host}:${String(port)}`,
    embedded: true,
    storeBeforeAck: (takes, store) => {
      interceptors.push({ takes, store });
    },
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
