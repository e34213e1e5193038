import { hostname } from 'node:os';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { ModuleService } from '../../../core/modules/manifest.js';
import type { Platform } from '../../../core/platform.js';
import { acceptObservations, deadLetter, parseMessage } from './observations.service.js';

/** Sources publish to `<MQTT_TOPIC_PREFIX>/<source id>` (by default `qadagalau/observations/<source id>`), QoS 1. */
export const observationTopic = (prefix: string, sourceId: string) => `${prefix}/${sourceId}`;

/**
 * Subscribes to the device broker and takes observations in. The client keeps a persistent session (fixed client id,
 * clean = false), so the broker holds QoS 1 messages while the platform is down; and each message is acknowledged
 * only after its observations (or its dead letter) are committed, so a crash between receipt and commit means a
 * redelivery, never a loss. Redeliveries are harmless: the source's external id decides.
 */
export function mqttIntake(platform: Platform, onAccepted: () => void): ModuleService {
  const clients: MqttClient[] = [];
  let stopping = false;
  const prefix = platform.config.mqttTopicPrefix;
  const clientId = platform.config.mqttClientId ?? `qadagalau-intake-${hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 40)}`;

  async function store(packet: IPublishPacket): Promise<void> {
    const sourceId = packet.topic.startsWith(`${prefix}/`) ? packet.topic.slice(prefix.length + 1) : '';
    const message = parseMessage(packet.payload);
    // No transaction: storing a message is one statement (a dead letter another), and a redelivery is harmless.
    const { db } = platform;
    if ('error' in message) await deadLetter(db, 'mqtt', sourceId || null, message.error, packet.payload);
    else if (!sourceId) await deadLetter(db, 'mqtt', null, `no source in topic ${packet.topic.slice(0, 100)}`, packet.payload);
    else await acceptObservations(db, 'mqtt', sourceId, message.items);
    onAccepted();
  }

  /** Retries until the database takes the message: the broker keeps the rest waiting meanwhile. */
  async function storeWithRetry(packet: IPublishPacket): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await store(packet);
        return;
      } catch (error) {
        if (stopping) throw error;
        platform.log.error({ err: error, attempt }, 'storing an MQTT observation failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  async function connect(url: string, id: string, topic: string): Promise<MqttClient> {
    const connecting = mqtt.connect(url, { clientId: id, clean: platform.config.mqttCleanSession, reconnectPeriod: 1000, protocolVersion: 4 });
    // mqtt.js sends the PUBACK when this callback is called: after the commit. It must be in place before the
    // connection opens, because a resumed session delivers what the broker queued right after CONNACK.
    connecting.handleMessage = (packet, callback) => {
      if (packet.cmd !== 'publish') {
        callback();
        return;
      }
      storeWithRetry(packet).then(() => callback(), (error: unknown) => callback(error as Error));
    };
    clients.push(connecting);
    await new Promise<void>((resolve, reject) => {
      connecting.once('connect', () => resolve());
      connecting.once('error', reject);
    });
    await connecting.subscribeAsync(topic, { qos: 1 });
    return connecting;
  }

  return {
    name: 'supervision.mqtt-intake',
    async start() {
      const broker = await platform.devices();
      // A client takes its messages one at a time (the next comes after the previous one's acknowledgement), so an
      // external broker's feed is shared among several clients of one shared subscription. The embedded broker has
      // no shared subscriptions: one client.
      const count = broker.embedded ? 1 : platform.config.mqttIntakeClients;
      const topic = count > 1 ? `$share/qadagalau-intake/${prefix}/+` : `${prefix}/+`;
      for (let i = 0; i < count; i++) await connect(broker.url, count > 1 ? `${clientId}-${String(i + 1)}` : clientId, topic);
      platform.log.info({ broker: broker.embedded ? `embedded at ${broker.url}` : new URL(broker.url).host, clients: count }, 'observations: subscribed to device feeds');
    },
    async stop() {
      stopping = true;
      await Promise.all(clients.splice(0).map((client) => client.endAsync()));
    },
  };
}
