import { randomUUID } from 'node:crypto';
import './alerts.events.js';
import { regionScope, type Actor } from '../auth/actor.js';
import { appendAudit, actorRef } from '../audit/index.js';
import type { Sql } from '../db/db.js';
import { emitEvent } from '../events/index.js';
import { problems } from '../http/problems.js';
import { nextStatus, type AlertAction } from './alert-lifecycle.js';
import { findAlert, findAlertForUpdate, findPersonalData } from './alerts.repository.js';
import type { AlertView } from './alerts.types.js';

export { raiseAlert, raiseAlerts, type RaiseResult } from './alerts.raise.js';

async function recordHistory(sql: Sql, alertId: string, actor: Actor, action: string, from: string | null, to: string | null, note: string | null, at = new Date()) {
  await sql.query(
    'insert into alert_history (id, alert_id, at, actor_id, actor_name, action, from_status, to_status, note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [randomUUID(), alertId, at, actor.id, actor.name, action, from, to, note],
  );
}

export interface TransitionInput {
  action: AlertAction;
  assigneeId?: string | undefined;
  /** Outcome for resolve and false_positive, reason for escalate. */
  note?: string | undefined;
}

export async function transitionAlert(sql: Sql, actor: Actor, id: string, input: TransitionInput, requestId: string): Promise<AlertView> {
  const scope = regionScope(actor);
  const current = await findAlertForUpdate(sql, scope, id);
  if (!current) throw problems.notFound(`alert ${id}`);
  const to = nextStatus(current.status, input.action);
  if (!to) throw problems.invalidTransition(`cannot ${input.action} an alert that is ${current.status}`);
  if (input.action === 'assign') await checkAssignee(sql, input.assigneeId, current.region);
  const closing = to === 'resolved' || to === 'false_positive';
  await sql.query(
    `update alerts set status = $2, updated_at = now(),
       assignee_id = case when $3::uuid is not null then $3::uuid when status = 'new' and $2 = 'acknowledged' and $5 = 'user' then $4::uuid else assignee_id end,
       outcome = case when $6 then $7 else outcome end
     where id = $1`,
    [id, to, input.assigneeId ?? null, actor.type === 'user' ? actor.id : null, actor.type, closing, input.note ?? null],
  );
  await recordHistory(sql, id, actor, input.action, current.status, to, input.note ?? null);
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
  const alert = (await findAlert(sql, null, id))!;
  await emitEvent(sql, 'alerts.updated', { alert, action: input.action });
  return alert;
}

async function checkAssignee(sql: Sql, assigneeId: string | undefined, region: string): Promise<void> {
  if (!assigneeId) throw problems.validation('assign needs an assignee', [{ field: 'body/assigneeId', message: 'is required' }]);
  const [user] = await sql.query<{ regions: string[]; role: string; disabled: boolean }>('select regions, role, disabled from users where id = $1', [assigneeId]);
  const eligible = user && !user.disabled && ['prosecutor', 'analyst', 'duty_officer'].includes(user.role) && (user.regions.includes('*') || user.regions.includes(region));
  if (!eligible) throw problems.validation('the assignee cannot take alerts in this region', [{ field: 'body/assigneeId', message: 'not eligible for this region' }]);
}

export async function commentOnAlert(sql: Sql, actor: Actor, id: string, body: string, requestId: string): Promise<AlertView> {
  const current = await findAlertForUpdate(sql, regionScope(actor), id);
  if (!current) throw problems.notFound(`alert ${id}`);
  await sql.query('insert into alert_comments (id, alert_id, at, author_id, author_name, body) values ($1, $2, now(), $3, $4, $5)', [
    randomUUID(), id, actor.type === 'user' ? actor.id : null, actor.name, body,
  ]);
  await sql.query('update alerts set updated_at = now() where id = $1', [id]);
  await appendAudit(sql, { actor: actorRef(actor), action: 'alerts.commented', subjectType: 'alert', subjectId: id, region: current.region, requestId, outcome: 'success' });
  const alert = (await findAlert(sql, null, id))!;
  await emitEvent(sql, 'alerts.updated', { alert, action: 'comment' });
  return alert;
}

/** Returns the personal data behind an alert's masked subject, recording who asked and why. */
export async function revealSubject(sql: Sql, actor: Actor, id: string, purpose: string, requestId: string): Promise<Record<string, unknown>> {
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
