import './alerts.events.js';
import { regionScope, type Actor } from '../auth/actor.js';
import { appendAudit, actorRef } from '../audit/index.js';
import type { Sql } from '../db/db.js';
import { emitEvent } from '../events/index.js';
import { problems } from '../http/problems.js';
import { nextStatus, type AlertAction } from './alert-lifecycle.js';
import { findAlert, findAlertForUpdate, findPersonalData } from './alerts.repository.js';
import { insertComment, recordHistory, updateAlertStatus } from './alert-writes.repository.js';
import { findUserById } from '../auth/users.repository.js';
import { coreRoles } from '../auth/permissions.js';
import type { AlertView } from './alerts.types.js';

export { raiseAlert, raiseAlerts, type RaiseResult } from './alerts.raise.js';

/** The alert this transaction has just changed: it exists, or the change would have failed. */
async function alertJustChanged(sql: Sql, id: string): Promise<AlertView> {
  const alert = await findAlert(sql, null, id);
  if (!alert) throw new Error(`alert ${id} vanished inside its own transaction`);
  return alert;
}

export interface TransitionInput {
  action: AlertAction;
  assigneeId?: string | undefined;
  /** Outcome for resolve and false_positive, reason for escalate. */
  note?: string | undefined;
  /** Roles whose people may be assigned (the platform's registry); the core's when not given. */
  assignableRoles?: readonly string[] | undefined;
}

export async function transitionAlert(
  sql: Sql,
  actor: Actor,
  id: string,
  input: TransitionInput,
  requestId: string,
): Promise<AlertView> {
  const scope = regionScope(actor);
  const current = await findAlertForUpdate(sql, scope, id);
  if (!current) throw problems.notFound(`alert ${id}`);
  const to = nextStatus(current.status, input.action);
  if (!to) throw problems.invalidTransition(`cannot ${input.action} an alert that is ${current.status}`);
  if (input.action === 'assign')
    await checkAssignee(sql, input.assigneeId, current.region, input.assignableRoles ?? coreAssignableRoles);
  await updateAlertStatus(sql, id, {
    to,
    assigneeId: input.assigneeId ?? null,
    actor,
    closing: to === 'resolved' || to === 'false_positive',
    note: input.note ?? null,
  });
  await recordHistory(sql, {
    alertId: id,
    actor,
    action: input.action,
    from: current.status,
    to,
    note: input.note ?? null,
  });
  await appendAudit(sql, {
    actor: actorRef(actor),
    action: `alerts.${input.action}`,
    subjectType: 'alert',
    subjectId: id,
    region: current.region,
    requestId,
    outcome: 'success',
    details: { from: current.status, to, ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}) },
  });
  const alert = await alertJustChanged(sql, id);
  await emitEvent(sql, 'alerts.updated', { alert, action: input.action });
  return alert;
}

const coreAssignableRoles = coreRoles.filter((role) => role.assignable).map((role) => role.id);

async function checkAssignee(
  sql: Sql,
  assigneeId: string | undefined,
  region: string,
  assignable: readonly string[],
): Promise<void> {
  if (!assigneeId)
    throw problems.validation('assign needs an assignee', [
      { field: 'body/assigneeId', message: 'is required' },
    ]);
  const user = await findUserById(sql, assigneeId);
  const eligible =
    user &&
    !user.disabled &&
    assignable.includes(user.role) &&
    (user.regions.includes('*') || user.regions.includes(region));
  if (!eligible)
    throw problems.validation('the assignee cannot take alerts in this region', [
      { field: 'body/assigneeId', message: 'not eligible for this region' },
    ]);
}

export async function commentOnAlert(
  sql: Sql,
  actor: Actor,
  id: string,
  body: string,
  requestId: string,
): Promise<AlertView> {
  const current = await findAlertForUpdate(sql, regionScope(actor), id);
  if (!current) throw problems.notFound(`alert ${id}`);
  await insertComment(sql, id, actor, body);
  await appendAudit(sql, {
    actor: actorRef(actor),
    action: 'alerts.commented',
    subjectType: 'alert',
    subjectId: id,
    region: current.region,
    requestId,
    outcome: 'success',
  });
  const alert = await alertJustChanged(sql, id);
  await emitEvent(sql, 'alerts.updated', { alert, action: 'comment' });
  return alert;
}

/** Returns the personal data behind an alert's masked subject, recording who asked and why. */
export async function revealSubject(
  sql: Sql,
  actor: Actor,
  id: string,
  purpose: string,
  requestId: string,
): Promise<Record<string, unknown>> {
  const found = await findPersonalData(sql, regionScope(actor), id);
  if (!found) throw problems.notFound(`alert ${id}`);
  await appendAudit(sql, {
    actor: actorRef(actor),
    action: 'alerts.personalDataRevealed',
    subjectType: 'alert',
    subjectId: id,
    region: found.region,
    requestId,
    outcome: 'success',
    purpose,
    details: { fields: Object.keys(found.subject).filter((key) => key !== 'type' && key !== 'id') },
  });
  return found.subject;
}
