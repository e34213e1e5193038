import { randomUUID } from 'node:crypto';
import './alerts.events.js';
import { requireRegion, type Actor } from '../auth/actor.js';
import { appendAuditEntries, actorRef } from '../audit/index.js';
import type { Sql } from '../db/db.js';
import { emitEvents, type EventInput } from '../events/index.js';
import { isRegionCode } from '../geo/regions.js';
import { problems } from '../http/problems.js';
import { findAlertsById } from './alerts.repository.js';
import {
  countRepeats,
  insertAlerts,
  lockOpenDuplicates,
  recordRaiseHistory,
} from './alert-writes.repository.js';
import type { AlertView, RaiseAlertInput } from './alerts.types.js';
import { present } from '../lang/present.js';

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
export async function raiseAlert(
  sql: Sql,
  actor: Actor,
  input: RaiseAlertInput,
  requestId?: string,
): Promise<RaiseResult> {
  return present((await raiseAlerts(sql, actor, [input], requestId))[0], 'the raised alert');
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
export async function raiseAlerts(
  sql: Sql,
  actor: Actor,
  inputs: readonly RaiseAlertInput[],
  requestId?: string,
): Promise<RaiseResult[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) {
    if (!isRegionCode(input.region))
      throw problems.validation(`unknown region ${input.region}`, [
        { field: 'region', message: 'unknown region' },
      ]);
    requireRegion(actor, input.region);
  }
  const now = new Date();
  const open = await lockOpenDuplicates(sql, dedupeWindows(inputs), now);
  const plans = inputs.map((input): Plan => {
    const key = keyOf(input);
    const held = key === undefined ? undefined : open.get(key);
    if (held !== undefined && held.createdAt > now.getTime() - windowOf(input) * 60_000)
      return { alertId: held.id, isNew: false };
    const alertId = randomUUID();
    if (key !== undefined) open.set(key, { id: alertId, createdAt: now.getTime() });
    return { alertId, isNew: true };
  });
  const created = inputs.flatMap((input, i) => {
    const plan = plans[i];
    return plan?.isNew ? [{ input, id: plan.alertId }] : [];
  });
  await insertAlerts(
    sql,
    created.map(({ input, id }) => ({ input, id, dedupeKey: keyOf(input) ?? null })),
    now,
  );
  await countRepeats(sql, plans, now);
  await recordRaiseHistory(
    sql,
    plans.map((plan, i) => ({ ...plan, note: plan.isNew ? null : (inputs[i]?.summary ?? '').slice(0, 500) })),
    actor,
    now,
  );
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
  return plans.map((plan) => ({
    alert: present(alerts.get(plan.alertId), `alert ${plan.alertId}`),
    deduplicated: !plan.isNew,
  }));
}

/** An empty key is no key: it would join every alert raised without one. */
const keyOf = (input: RaiseAlertInput) => input.dedupeKey || undefined;
const windowOf = (input: RaiseAlertInput) => input.dedupeWindowMinutes ?? DEFAULT_DEDUPE_MINUTES;

/** Each dedupe key of the inputs with the widest window asked with it. */
function dedupeWindows(inputs: readonly RaiseAlertInput[]): Map<string, number> {
  const windows = new Map<string, number>();
  for (const input of inputs) {
    const key = keyOf(input);
    if (key !== undefined) windows.set(key, Math.max(windows.get(key) ?? 0, windowOf(input)));
  }
  return windows;
}

/** One event per alert touched: "raised" for a new one (showing repeats joined in the same call), else "repeated". */
function eventsFor(
  plans: readonly Plan[],
  alerts: ReadonlyMap<string, AlertView>,
): EventInput<'alerts.raised' | 'alerts.updated'>[] {
  const events = new Map<string, EventInput<'alerts.raised' | 'alerts.updated'>>();
  for (const plan of plans) {
    if (events.has(plan.alertId)) continue;
    const alert = present(alerts.get(plan.alertId), `alert ${plan.alertId}`);
    events.set(
      plan.alertId,
      plan.isNew
        ? { type: 'alerts.raised', payload: { alert } }
        : { type: 'alerts.updated', payload: { alert, action: 'repeated' } },
    );
  }
  return [...events.values()];
}
