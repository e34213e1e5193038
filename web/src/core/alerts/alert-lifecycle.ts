import type { AlertStatus } from '../../app/types';

export type LifecycleAction = 'acknowledge' | 'assign' | 'resolve' | 'false_positive' | 'escalate';

/**
 * Which action is offered from which status: the same table as the server's src/core/alerts/alert-lifecycle.ts,
 * which enforces it and answers 409 otherwise. Offering only valid moves spares the user an error for a click that
 * could never succeed. Resolving requires that someone has first taken the alert (acknowledged or assigned).
 */
const FROM: Record<LifecycleAction, readonly AlertStatus[]> = {
  acknowledge: ['new'],
  assign: ['new', 'acknowledged', 'assigned', 'escalated'],
  resolve: ['acknowledged', 'assigned', 'escalated'],
  false_positive: ['acknowledged', 'assigned', 'escalated'],
  escalate: ['acknowledged', 'assigned'],
};

const ORDER: LifecycleAction[] = ['acknowledge', 'assign', 'resolve', 'false_positive', 'escalate'];

export const OPEN_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'assigned', 'escalated'];

export function isOpen(status: AlertStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function allowedActions(status: AlertStatus): LifecycleAction[] {
  return ORDER.filter((action) => FROM[action].includes(status));
}
