import '../alerts/alerts.events.js';
import type { Db } from '../db/db.js';
import { defineHandler, type EventHandler } from '../events/index.js';
import { enqueueDeliveries, leaseDueDeliveries, type DueDelivery } from './webhooks.repository.js';
import { sendDelivery, type SenderOptions } from './webhook-sender.js';

/** State bodies hear of new alerts and of escalations; other lifecycle steps stay inside the prosecutor's office. */
export function webhookFanout(onQueued: () => void): EventHandler {
  return defineHandler({
    name: 'webhooks-fanout',
    types: ['alerts.raised', 'alerts.updated'],
    async handle(event, sql) {
      const { alert } = event.payload;
      if (event.type === 'alerts.updated' && event.payload.action !== 'escalate') return;
      const eventType = event.type === 'alerts.raised' ? 'alert.raised' : 'alert.escalated';
      // Masked view only: a state body follows the link and reveals personal data with a purpose, like anyone else.
      const payload = { event: eventType, eventId: event.id, occurredAt: event.occurredAt, alert };
      if ((await enqueueDeliveries(sql, alert, eventType, payload)) > 0) onQueued();
    },
  });
}

const MAX_IN_FLIGHT = 64;
// A slow or hung endpoint holds at most this many of the slots, so it cannot starve the others.
const MAX_IN_FLIGHT_PER_SUBSCRIPTION = 4;

/**
 * Sends deliveries as they fall due, each on its own: a delivery that waits for a hung endpoint never holds up one
 * for another endpoint. Leases in the database keep two workers (or a restarted one) from sending the same delivery.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private leasing: Promise<void> | undefined;
  private pending = false;
  private stopped = false;
  private readonly inFlight = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly options: SenderOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

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
    if (this.leasing) {
      this.pending = true;
      return;
    }
    this.leasing = this.leaseAndSend()
      .catch(this.onError)
      .finally(() => {
        this.leasing = undefined;
        if (this.pending) {
          this.pending = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.leasing;
    await Promise.allSettled([...this.sending]);
  }

  private async leaseAndSend(): Promise<void> {
    const total = [...this.inFlight.values()].reduce((sum, count) => sum + count, 0);
    const room = MAX_IN_FLIGHT - total;
    if (room <= 0) return;
    const busy = [...this.inFlight]
      .filter(([, count]) => count >= MAX_IN_FLIGHT_PER_SUBSCRIPTION)
      .map(([id]) => id);
    const leaseMs = this.options.timeoutMs * 2 + 1000;
    const due = await this.db.tx((sql) =>
      leaseDueDeliveries(sql, room, MAX_IN_FLIGHT_PER_SUBSCRIPTION, leaseMs, busy),
    );
    for (const delivery of due) this.send(delivery);
  }

  private send(delivery: DueDelivery): void {
    const id = delivery.subscription_id;
    this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
    const sending: Promise<void> = sendDelivery(this.db, delivery, this.options)
      .then((retryAt) => {
        if (retryAt) this.wakeAt(retryAt);
      }, this.onError)
      .finally(() => {
        const left = (this.inFlight.get(id) ?? 1) - 1;
        if (left > 0) this.inFlight.set(id, left);
        else this.inFlight.delete(id);
        this.sending.delete(sending);
        this.kick();
      });
    this.sending.add(sending);
  }

  /** Retries come due between polls; waking at the due time keeps short backoffs short. */
  private wakeAt(when: Date): void {
    const timer = setTimeout(() => this.kick(), Math.max(0, when.getTime() - Date.now()) + 5);
    timer.unref();
  }
}
