import type { ServerResponse } from 'node:http';
import { canSeeRegion, hasPermission, type Actor } from '../auth/actor.js';
import type { DomainEvent } from '../events/index.js';

interface Client {
  actor: Actor;
  response: ServerResponse;
}

const HEARTBEAT_MS = 15_000;

/** Server-Sent Events to signed-in dashboards: each client hears only alerts in its own regions. */
export class AlertStream {
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line every 15 s keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) {
        try {
          client.response.write(': keep-alive\n\n');
        } catch {
          this.drop(client);
        }
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  attach(actor: Actor | undefined, response: ServerResponse): void {
    // The route requires alerts.read; a stream without a verified caller is refused here all the same.
    if (!actor) throw new Error('an alert stream needs a signed-in caller');
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    const client = { actor, response };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
  }

  publish(event: DomainEvent): void {
    if (event.type !== 'alerts.raised' && event.type !== 'alerts.updated') return;
    const { alert } = event.payload;
    const name = event.type === 'alerts.raised' ? 'alert.created' : 'alert.updated';
    const frame = `id: ${event.id}\nevent: ${name}\ndata: ${JSON.stringify(alert)}\n\n`;
    for (const client of this.clients) {
      if (!hasPermission(client.actor, 'alerts.read') || !canSeeRegion(client.actor, alert.region)) continue;
      try {
        client.response.write(frame);
      } catch {
        // A connection that broke mid-write is dropped; the others still hear the alert.
        this.drop(client);
      }
    }
  }

  private drop(client: Client): void {
    this.clients.delete(client);
    client.response.destroy();
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }
}
