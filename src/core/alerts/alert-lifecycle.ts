import type { AlertStatus } from './alerts.types.js';

export const alertActions = ['acknowledge', 'assign', 'resolve', 'false_positive', 'escalate'] as const;
export type AlertAction = (typeof alertActions)[number];

/**
 * Which action moves an alert from which status. Closed alerts (resolved, false_positive) stay closed: a new
 * occurrence raises a new alert, so each outcome remains as it was decided.
 */
const transitions: Record<AlertAction, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  assign: { from: ['new', 'acknowledged', 'assigned', 'escalated'], to: 'assigned' },
  resolve: { from: ['acknowledged', 'assigned', 'escalated'], to: 'resolved' },
  false_positive: { from: ['acknowledged', 'assigned', 'escalated'], to: 'false_positive' },
  escalate: { from: ['acknowledged', 'assigned'], to: 'escalated' },
};

export function nextStatus(current: AlertStatus, action: AlertAction): AlertStatus | null {
  const rule = transitions[action];
  return rule.from.includes(current) ? rule.to : null;
}

export function allowedActions(current: AlertStatus): AlertAction[] {
  return alertActions.filter((action) => transitions[action].from.includes(current));
}

export const isOpen = (status: AlertStatus): boolean => status !== 'resolved' && status !== 'false_positive';
