import { randomUUID } from 'node:crypto';
import './alerts.events.js';
import { requireRegion, type Actor } from '../auth/actor.js';
import { appendAuditEntries, actorRef } from '../audit/index.js';
import type { Sql } from '../db/db.js';
import { emitEvents, type EventInput } from '../events/index.js';
import { isRegionCode } from '../geo/regions.js';
import { problems } from '../http/problems.js';
import { findAlertsById } from './alerts.repository.js';
import type { AlertView, RaiseAlertInput } from './alerts.types.js';

export interface RaiseResult {
  alert: AlertView;
  /** True when an open alert with the same dedupe key absorbed this one. */
  deduplicated: boolean;
}

const DEFAULT_DEDUPE_MINUTES = 60;

/**
 * Raises an alert inside the caller's transaction, so the alert, its audit entry and its event commit together with
 * whatever state change produced it.
 */
export async function raiseAlert(sql: Sql, actor: Actor, input: RaiseAlertInput, requestId?: string): Promise<RaiseResult> {
  return (await raiseAlerts(sql, actor, [input], requestId))[0]!;
}

/** What happens to one input: a new alert, or a repeat of an open one (found, or raised earlier in the same call). */
interface Plan {
  alertId: string;
  isNew: boolean;
}

/**
 * Raises many alerts in one transaction with the outcome of raising them one by one in order: an input whose dedupe
 * key an open alert holds (within the input's window), or an earlier input of the call, joins that alert as a repeat.
 * It costs a handful of statements whatever the number of inputs, where raising one at a time costs seven each: the
 * supervision pipeline raises a batch's hits with it.
 */
export async function raiseAlerts(sql: Sql, actor: Actor, inputs: readonly RaiseAlertInput[], requestId?: string): Promise<RaiseResult[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) {
    if (!isRegionCode(input.region)) throw problems.validation(`unknown region ${input.region}`, [{ field: 'region', message: 'unknown region' }]);
    requireRegion(actor, input.region);
  }
  const now = new Date();
  const open = await lockOpenDuplicates(sql, inputs, now);
  const plans = inputs.map((input): Plan => {
    const key = keyOf(input);
    const held = key === undefined ? undefined : open.get(key);
    if (held !== undefined && held.createdAt > now.getTime() - windowOf(input) * 60_000) return { alertId: held.id, isNew: false };
    const alertId = randomUUID();
    if (key !== undefined) open.set(key, { id: alertId, createdAt: now.getTime() });
    return { alertId, isNew: true };
  });
  const created = inputs.flatMap((input, i) => (plans[i]!.isNew ? [{ input, id: plans[i]!.alertId }] : []));
  await insertAlerts(sql, created, now);
  await countRepeats(sql, plans, now);
  await recordHistory(sql, inputs, plans, actor, now);
  await appendAuditEntries(
    sql,
    created.map(({ input, id }) => ({
      actor: actorRef(actor),
      action: 'alerts.raised',
      subjectType: 'alert',
      subjectId: id,
      region: input.region,
      requestId: requestId ?? null,
      outcome: 'success' as const,
      details: { module: input.module, kind: input.kind, severity: input.severity },
    })),
  );
  const alerts = await findAlertsById(sql, [...new Set(plans.map((plan) => plan.alertId))]);
  await emitEvents(sql, eventsFor(plans, alerts));
  return plans.map((plan) => ({ alert: alerts.get(plan.alertId)!, deduplicated: !plan.isNew }));
}

/** An empty key is no key: it would join every alert raised without one. */
const keyOf = (input: RaiseAlertInput) => input.dedupeKey || undefined;
const windowOf = (input: RaiseAlertInput) => input.dedupeWindowMinutes ?? DEFAULT_DEDUPE_MINUTES;

/**
 * The latest open alert for each dedupe key within the widest window asked with it, locked so a concurrent raise
 * waits for this one; each input then checks the alert's age against its own window.
 */
async function lockOpenDuplicates(sql: Sql, inputs: readonly RaiseAlertInput[], now: Date): Promise<Map<string, { id: string; createdAt: number }>> {
  const windows = new Map<string, number>();
  for (const input of inputs) {
    const key = keyOf(input);
    if (key !== undefined) windows.set(key, Math.max(windows.get(key) ?? 0, windowOf(input)));
  }
  if (windows.size === 0) return new Map();
  // Sorted, so two transactions lock shared keys in the same order and cannot deadlock on them.
  const keys = [...windows.keys()].sort();
  const rows = await sql.query<{ key: string; id: string; created_at: Date }>(
    `select k.key, a.id, a.created_at from unnest($1::text[], $2::int[]) with ordinality as k(key, mins, n)
     cross join lateral (
       select id, created_at from alerts where dedupe_key = k.key and status not in ('resolved', 'false_positive')
         and created_at > $3::timestamptz - make_interval(mins => k.mins) order by created_at desc limit 1 for update
     ) a order by k.n`,
    [keys, keys.map((key) => windows.get(key)!), now],
  );
  return new Map(rows.map((row) => [row.key, { id: row.id, createdAt: new Date(row.created_at).getTime() }]));
}

async function insertAlerts(sql: Sql, created: readonly { input: RaiseAlertInput; id: string }[], now: Date): Promise<void> {
  if (created.length === 0) return;
  const rows = created.map(({ input, id }) => ({
    id, module: input.module, kind: input.kind, severity: input.severity, region: input.region,
    subject_type: input.subject.type, subject_id: input.subject.id, subject_label: input.subject.label,
    subject_personal: input.subject.personal ?? null, title: input.title, summary: input.summary, evidence: input.evidence,
    dedupe_key: keyOf(input) ?? null, topics: input.topics ?? [],
  }));
  await sql.query(
    `insert into alerts (id, module, kind, severity, status, region, subject_type, subject_id, subject_label, subject_personal,
       title, summary, evidence, dedupe_key, created_at, updated_at, topics)
     select r.id, r.module, r.kind, r.severity, 'new', r.region, r.subject_type, r.subject_id, r.subject_label, r.subject_personal,
       r.title, r.summary, r.evidence, r.dedupe_key, $2, $2, array(select jsonb_array_elements_text(r.topics))
     from jsonb_to_recordset($1::jsonb) as r(id uuid, module text, kind text, severity text, region text, subject_type text,
       subject_id text, subject_label text, subject_personal jsonb, title text, summary text, evidence jsonb, dedupe_key text, topics jsonb)`,
    [JSON.stringify(rows), now],
  );
}

/** Each repeat adds one to its alert's evidence.repeats (an alert counts as its own first occurrence). */
async function countRepeats(sql: Sql, plans: readonly Plan[], now: Date): Promise<void> {
  const repeats = new Map<string, number>();
  for (const plan of plans) if (!plan.isNew) repeats.set(plan.alertId, (repeats.get(plan.alertId) ?? 0) + 1);
  if (repeats.size === 0) return;
  await sql.query(
    `update alerts a set updated_at = $3,
       evidence = jsonb_set(a.evidence, '{repeats}', to_jsonb(coalesce((a.evidence->>'repeats')::int, 1) + r.n))
     from unnest($1::uuid[], $2::int[]) as r(id, n) where a.id = r.id`,
    [[...repeats.keys()], [...repeats.values()], now],
  );
}

/** A "raised" or "repeated" line per input, a microsecond apart so the history keeps the order they came in. */
async function recordHistory(sql: Sql, inputs: readonly RaiseAlertInput[], plans: readonly Plan[], actor: Actor, now: Date): Promise<void> {
  await sql.query(
    `insert into alert_history (id, alert_id, at, actor_id, actor_name, action, from_status, to_status, note)
     select gen_random_uuid(), h.alert_id, $5::timestamptz + make_interval(secs => (h.n - 1) / 1e6), $6, $7, h.action, null, h.to_status, h.note
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) with ordinality as h(alert_id, action, to_status, note, n)`,
    [
      plans.map((plan) => plan.alertId),
      plans.map((plan) => (plan.isNew ? 'raised' : 'repeated')),
      plans.map((plan) => (plan.isNew ? 'new' : null)),
      plans.map((plan, i) => (plan.isNew ? null : inputs[i]!.summary.slice(0, 500))),
      now, actor.id, actor.name,
    ],
  );
}

/** One event per alert touched: "raised" for a new one (showing repeats joined in the same call), else "repeated". */
function eventsFor(plans: readonly Plan[], alerts: ReadonlyMap<string, AlertView>): EventInput<'alerts.raised' | 'alerts.updated'>[] {
  const events = new Map<string, EventInput<'alerts.raised' | 'alerts.updated'>>();
  for (const plan of plans) {
    if (events.has(plan.alertId)) continue;
    const alert = alerts.get(plan.alertId)!;
    events.set(plan.alertId, plan.isNew ? { type: 'alerts.raised', payload: { alert } } : { type: 'alerts.updated', payload: { alert, action: 'repeated' } });
  }
  return [...events.values()];
}
