import { boolean, integer, type ModuleContext, type SettingsSpec, text } from '../../core/index.js';

/** Settings of the supervision module (environment variables or configuration-file keys, documented in its README). */
export interface SupervisionSettings {
  topicPrefix: string;
  intakeClients: number;
  clientId: string | undefined;
  cleanSession: boolean;
  retentionHours: number;
  dedupeMinutes: number;
  demoFeedRate: number;
}

export const supervisionSettings: SettingsSpec<SupervisionSettings> = {
  topicPrefix: {
    env: 'MQTT_TOPIC_PREFIX',
    description: 'Sources publish observations to <prefix>/<source id>',
    default: 'qadagalau/observations',
    parse: text,
  },
  intakeClients: {
    env: 'MQTT_INTAKE_CLIENTS',
    description:
      'Clients sharing the feed subscription on an external broker (each holds one message at a time; their messages are stored together)',
    default: 64,
    parse: integer(1, 256),
  },
  clientId: {
    env: 'MQTT_CLIENT_ID',
    description:
      'Client id of the platform’s feed subscription; one per instance, stable across restarts (default qadagalau-intake-<host>)',
    default: undefined,
    parse: text,
  },
  cleanSession: {
    env: 'MQTT_CLEAN_SESSION',
    description:
      'Start a clean MQTT session on connect, forgetting what the broker queued while the platform was down (off: keep it)',
    default: false,
    parse: boolean,
  },
  retentionHours: {
    env: 'OBSERVATION_RETENTION_HOURS',
    description: 'Observations that matched nothing are deleted after this long',
    default: 72,
    parse: integer(1, 24 * 365),
  },
  dedupeMinutes: {
    env: 'SUPERVISION_DEDUPE_MINUTES',
    description: 'Hits on the same subject at the same place within this window join one alert',
    default: 30,
    parse: integer(1, 24 * 60),
  },
  demoFeedRate: {
    env: 'DEMO_FEED_RATE',
    description:
      'Observations a second the demo world’s cameras, drones and bracelets send while the platform runs (0 = silent; never in production)',
    default: 1,
    parse: integer(0, 1000),
  },
};

/** Test platforms and tools sharing one broker keep to their own topics and client ids, and leave no session behind. */
export const isolatedSupervision = (tag: string): Partial<SupervisionSettings> => ({
  clientId: `qg-test-${tag}`,
  topicPrefix: `qg-test/${tag}/observations`,
  cleanSession: true,
});

/** The platform as the supervision module's parts see it: with the module's settings. */
export type SupervisionContext = ModuleContext<SupervisionSettings>;
