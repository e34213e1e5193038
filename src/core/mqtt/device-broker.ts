import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';

export interface DeviceLogin {
  username: string;
  password: string;
}

/** A client the embedded broker let in: who it is (never a secret) and where it may publish. */
export interface DevicePrincipal {
  login: string;
  mayPublish(topic: string): boolean | Promise<boolean>;
}

/** Tells who a connecting client is, or null when these credentials are not one it knows. */
export type DeviceGuard = (username: string, password: string) => Promise<DevicePrincipal | null>;

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
  storeBeforeAck?(
    takes: (topic: string) => boolean,
    store: (topic: string, payload: Buffer) => Promise<void>,
  ): void;
  /**
   * The embedded broker only: the platform's own clients (the demo world's devices, tests). They may publish
   * anywhere and subscribe; the login is made anew each time the broker opens and is never written anywhere.
   */
  serviceLogin?: DeviceLogin;
  /** The embedded broker only: lets in the clients a module knows (devices, connectors). Nobody else gets in. */
  guard?(guard: DeviceGuard): void;
  /** The embedded broker only: closes the connections of a login whose credential was withdrawn. */
  disconnect?(login: string): void;
  close(): Promise<void>;
}

type Interceptor = {
  takes: (topic: string) => boolean;
  store: (topic: string, payload: Buffer) => Promise<void>;
};
type Who = DevicePrincipal | 'service';

const SERVICE_USER = 'qadagalau-platform';

// CONNACK codes (MQTT 3.1.1 table 3.1): aedes declares them as a const enum it does not export at run time.
const connackCode = (code: 3 | 4) => code as unknown as AuthenticateError['returnCode'];
const SERVER_UNAVAILABLE = connackCode(3);
const BAD_USER_NAME_OR_PASSWORD = connackCode(4);

const refusal = (returnCode: AuthenticateError['returnCode'], message: string): AuthenticateError =>
  Object.assign(new Error(message), { returnCode });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The MQTT broker device feeds arrive through. With MQTT_URL set the platform is a client of that broker (Mosquitto
 * here and in CI; any MQTT 3.1.1/5 broker in production), and that broker decides who may connect. Without it the
 * platform runs its own broker (aedes) on MQTT_PORT, so `npm start` needs nothing else; it lets in only the
 * platform's own clients and those a module's guard knows, lets devices publish only where their guard allows, and
 * lets no device subscribe: a feed carries personal data and no device needs to read another's.
 */
export async function openDeviceBroker(options: {
  mqttUrl: string | undefined;
  host: string;
  port: number;
  onRefused?: (login: string, reason: string) => void;
}): Promise<DeviceBroker> {
  if (options.mqttUrl) return { url: options.mqttUrl, embedded: false, close: () => Promise.resolve() };
  const broker = await Aedes.createBroker();
  const serviceLogin: DeviceLogin = {
    username: SERVICE_USER,
    password: randomBytes(32).toString('base64url'),
  };
  const interceptors: Interceptor[] = [];
  const guards: DeviceGuard[] = [];
  const clients = new Map<Client, Who>();

  async function identify(username: string, password: string): Promise<Who | null> {
    if (username === SERVICE_USER) return sameText(password, serviceLogin.password) ? 'service' : null;
    for (const guard of guards) {
      const principal = await guard(username, password);
      if (principal) return principal;
    }
    return null;
  }

  broker.authenticate = (client, username, password, done) => {
    identify(username ?? '', password?.toString('utf8') ?? '').then(
      (who) => {
        if (!who) {
          options.onRefused?.(username ?? '(anonymous)', 'unknown credentials');
          return done(refusal(BAD_USER_NAME_OR_PASSWORD, 'bad user name or password'), false);
        }
        // A client that went away while its login was checked gets no clientDisconnect: keep nothing of it.
        if (!client.closed) clients.set(client, who);
        done(null, true);
      },
      () => done(refusal(SERVER_UNAVAILABLE, 'credentials cannot be checked now'), false),
    );
  };
  broker.on('clientDisconnect', (client) => clients.delete(client));

  async function mayPublish(who: Who | undefined, topic: string): Promise<boolean> {
    if (who === 'service') return true;
    if (!who || topic.startsWith('$')) return false;
    return who.mayPublish(topic);
  }

  broker.authorizePublish = (client, packet, callback) => {
    const who = client ? clients.get(client) : undefined;
    mayPublish(who, packet.topic).then(
      (allowed) => {
        if (!allowed) {
          const login = who === 'service' ? SERVICE_USER : (who?.login ?? '(unknown)');
          options.onRefused?.(login, `may not publish to ${packet.topic}`);
          return callback(new Error(`${login} may not publish to ${packet.topic}`));
        }
        const interceptor = interceptors.find((candidate) => candidate.takes(packet.topic));
        if (!interceptor) return callback(null);
        const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
        interceptor.store(packet.topic, payload).then(
          () => callback(null),
          (error: unknown) => callback(error as Error),
        );
      },
      (error: unknown) => callback(error as Error),
    );
  };
  // A refused subscription is answered with the failure code (0x80), not a disconnect.
  broker.authorizeSubscribe = (client, subscription, callback) =>
    callback(null, clients.get(client) === 'service' ? subscription : null);

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
    serviceLogin,
    storeBeforeAck: (takes, store) => {
      interceptors.push({ takes, store });
    },
    guard: (guard) => {
      guards.push(guard);
    },
    disconnect: (login) => {
      for (const [client, who] of clients) if (who !== 'service' && who.login === login) client.close();
    },
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
