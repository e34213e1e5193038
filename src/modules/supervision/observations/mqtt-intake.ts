import { hostname } from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import type { ModuleService } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { connectorLogin, deviceGuard } from '../sources/device-access.js';
import { IntakeBatcher } from './intake-batcher.js';

/** Sources publish to `<MQTT_TOPIC_PREFIX>/<source id>` (by default `qadagalau/observations/<source id>`), QoS 1. */
export const observationTopic = (prefix: string, sourceId: string) => `${prefix}/${sourceId}`;

/**
 * Takes observations in from the device broker, acknowledging each message only after it is committed, so that a
 * crash between receipt and commit means a redelivery, never a loss (the source's external id makes redeliveries
 * harmless).
 *
 * - An external broker (MQTT_URL) keeps the messages: the intake is its client with a persistent session (fixed
 *   client id, clean = false), so the broker holds QoS 1 messages while the platform is down.
 * - The embedded broker dies with the platform, so it cannot hold anything: the intake stores each message before the
 *   broker acknowledges it to the device, and a device whose message was not acknowledged sends it again.
 */
export function mqttIntake(platform: SupervisionContext, onAccepted: () => void): ModuleService {
  const clients: MqttClient[] = [];
  const prefix = platform.settings.topicPrefix;
  const clientId =
    platform.settings.clientId ??
    `qadagalau-intake-${hostname()
      .replace(/[^A-Za-z0-9-]/g, '')
      .slice(0, 40)}`;
  const batcher = new IntakeBatcher(platform.db, 'mqtt', platform.log, onAccepted);
  const sourceOf = (topic: string) => (topic.startsWith(`${prefix}/`) ? topic.slice(prefix.length + 1) : '');

  async function subscribe(url: string, id: string, topic: string): Promise<MqttClient> {
    const connecting = mqtt.connect(url, {
      clientId: id,
      clean: platform.settings.cleanSession,
      reconnectPeriod: 1000,
      protocolVersion: 4,
    });
    // mqtt.js sends the PUBACK when this callback is called: after the commit. It must be in place before the
    // connection opens, because a resumed session delivers what the broker queued right after CONNACK.
    connecting.handleMessage = (packet, callback) => {
      if (packet.cmd !== 'publish') {
        callback();
        return;
      }
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      batcher.store({ sourceId: sourceOf(packet.topic), topic: packet.topic, payload }).then(
        () => callback(),
        (error: unknown) => callback(error as Error),
      );
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
      if (broker.storeBeforeAck) {
        broker.guard?.(deviceGuard(platform.db, prefix));
        platform.bus.listen((event) => {
          if (event.type === 'apikeys.revoked') broker.disconnect?.(connectorLogin(event.payload.apiKeyId));
        });
        broker.storeBeforeAck(
          (topic) => topic.startsWith(`${prefix}/`),
          (topic, payload) => batcher.store({ sourceId: sourceOf(topic), topic, payload }),
        );
        platform.log.info({ broker: `embedded at ${broker.url}` }, 'observations: taking device feeds in');
        return;
      }
      // A client takes its messages one at a time (the next comes after the previous one's acknowledgement), so the
      // feed is shared among several clients of one shared subscription, whose messages are stored together.
      const count = platform.settings.intakeClients;
      const topic = count > 1 ? `$share/qadagalau-intake/${prefix}/+` : `${prefix}/+`;
      for (let i = 0; i < count; i++)
        await subscribe(broker.url, count > 1 ? `${clientId}-${String(i + 1)}` : clientId, topic);
      platform.log.info(
        { broker: new URL(broker.url).host, clients: count },
        'observations: subscribed to device feeds',
      );
    },
    async stop() {
      // Receive nothing more, then refuse what waits: the broker keeps the unacknowledged for the next run.
      await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
      await batcher.stop();
    },
  };
}
