import '../alerts/alerts.events.js';
import type { Db } from '../db/db.js';
import type { EventHandler } from '../events/index.js';
import type { AlertView } from '../alerts/alerts.types.js';
import { enqueueDeliveries } from './webhooks.repository.js';
import { sendDueDeliveries, type SenderOptions } from './webhook-sender.js';

/** State bodies hear of new alerts and of escalations; other lifecycle steps stay inside the prosecutor's office. */
export function webhookFanout(onQueued: () => void): EventHandler {
  return {
    name: 'webhooks-fanout',
    types: ['alerts.raised', 'alerts.updated'],
    async handle(event, sql) {
      const { alert, action } = event.payload as { alert: AlertView; action?: string };
      if (event.type === 'alerts.updated' && action !== 'escalate') return;
      const eventType = event.type === 'alerts.raised' ? 'alert.raised' : 'alert.escalated';
      // Masked view only: a state body follows the link and reveals personal data with a purpose, like anyone else.
      const payload = { event: eventType, eventId: event.id, occurredAt: event.occurredAt, alert };
      if ((await enqueueDeliveries(sql, alert, eventType, payload)) > 0) onQueued();
    },
  };
}

/** Sends due deliveries every second, and at once when new ones are queued. */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private pending = false;
  private stopped = false;

  constructor(private readonly db: Db, private readonly options: SenderOptions, private readonly onError: (error: unknown) => void) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(tick, 1000);
      this.timer.unref();
    };
    tick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = sendDueDeliveries(this.db, this.options)
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.pending) {
          this.pending = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
