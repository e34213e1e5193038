import type { AlertView } from './alerts.types.js';

declare module '../events/events.types.js' {
  interface DomainEvents {
    'alerts.raised': { alert: AlertView };
    'alerts.updated': { alert: AlertView; action: string };
  }
}

export {};
