import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/db.js';
import type { AlertView } from '../alerts/alerts.types.js';
import type { RegionScope } from '../auth/actor.js';
import { present } from '../lang/present.js';

export interface SubscriptionRow {
  id: string;
  agency_id: string;
  url: string;
  secret: string;
  regions: string[];
  modules: string[];
  min_severity: string;
  topics: string[];
  active: boolean;
  created_at: Date;
}

export async function insertSubscription(
  sql: Sql,
  row: Omit<SubscriptionRow, 'created_at' | 'active'> & { createdBy: string | null },
): Promise<SubscriptionRow> {
  const [created] = await sql.query<SubscriptionRow>(
    `insert into webhook_subscriptions (id, agency_id, url, secret, regions, modules, min_severity, created_by, topics)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
    [
      row.id,
      row.agency_id,
      row.url,
      row.secret,
      row.regions,
      row.modules,
      row.min_severity,
      row.createdBy,
      row.topics,
    ],
  );
  return present(created, 'the inserted subscription');
}

/**
 * What a caller may see of subscriptions: one agency's (a liaison) or all, and of those only the ones that cover no
 * region outside the caller's scope: a subscription to the whole country, or to another region, carries other
 * regions' alerts in its deliveries.
 */
export interface SubscriptionScope {
  agencyId: string | null;
  regions: RegionScope;
}

const inSubscriptionScope = (agency: string, regions: string) =>
  `(${agency}::text is null or s.agency_id = ${agency}) and (${regions}::text[] is null or s.regions <@ ${regions}::text[])`;

export async function listSubscriptions(sql: Sql, scope: SubscriptionScope) {
  return sql.query<
    SubscriptionRow & { last_status: string | null; last_at: Date | null; last_http_status: number | null }
  >(
    `select s.*, d.status as last_status, coalesce(d.delivered_at, d.created_at) as last_at, d.last_http_status
     from webhook_subscriptions s
     left join lateral (select * from webhook_deliveries where subscription_id = s.id order by created_at desc limit 1) d on true
     where ${inSubscriptionScope('$1', '$2')} order by s.created_at desc`,
    [scope.agencyId, scope.regions],
  );
}

export async function findSubscription(
  sql: Sql,
  id: string,
  scope: SubscriptionScope,
): Promise<SubscriptionRow | undefined> {
  const [row] = await sql.query<SubscriptionRow>(
    `select * from webhook_subscriptions s where s.id = $1 and ${inSubscriptionScope('$2', '$3')}`,
    [id, scope.agencyId, scope.regions],
  );
  return row;
}

export async function deleteSubscription(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from webhook_subscriptions where id = $1', [id]);
}

const severityOrder = `array_position(array['low','medium','high','critical'], $`;

/** One delivery per matching active subscription; the unique key makes a redelivered event harmless. */
export async function enqueueDeliveries(
  sql: Sql,
  alert: AlertView,
  eventType: string,
  payload: unknown,
): Promise<number> {
  const rows = await sql.query(
    `insert into webhook_deliveries (id, subscription_id, alert_id, event_type, payload, status, next_attempt_at)
     select gen_random_uuid(), s.id, $1, $2, $3, 'pending', now()
     from webhook_subscriptions s
     where s.active and ('*' = any(s.regions) or $4 = any(s.regions)) and ('*' = any(s.modules) or $5 = any(s.modules))
       and ${severityOrder}6) >= array_position(array['low','medium','high','critical'], s.min_severity)
       and (cardinality(s.topics) = 0 or s.topics && (select topics from alerts where id = $1))
     on conflict (subscription_id, alert_id, event_type) do nothing returning id`,
    [alert.id, eventType, JSON.stringify(payload), alert.region, alert.module, alert.severity],
  );
  return rows.length;
}

export interface DueDelivery {
  id: string;
  subscription_id: string;
  url: string;
  secret: string;
  event_type: string;
  payload: unknown;
  attempts: number;
}

/**
 * Leases due deliveries: their next attempt moves past the lease, so a crash mid-send retries them later and two
 * workers never send the same one at once. At most `perSubscription` each, so one dead endpoint cannot fill a batch.
 */
export async function leaseDueDeliveries(
  sql: Sql,
  limit: number,
  perSubscription: number,
  leaseMs: number,
  busySubscriptions: string[] = [],
): Promise<DueDelivery[]> {
  return sql.query<DueDelivery>(
    `with due as (
       select d.id from (
         select id, row_number() over (partition by subscription_id order by next_attempt_at) as rank
         from webhook_deliveries
         where status = 'pending' and next_attempt_at <= now() and subscription_id <> all($4::uuid[])
       ) d where d.rank <= $2 limit $1
     ), leased as (
       update webhook_deliveries w set next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
       from due where w.id = due.id and w.status = 'pending' returning w.*
     )
     select l.id, l.subscription_id, s.url, s.secret, l.event_type, l.payload, l.attempts
     from leased l join webhook_subscriptions s on s.id = l.subscription_id`,
    [limit, perSubscription, leaseMs, busySubscriptions],
  );
}

export interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export async function recordAttempt(
  sql: Sql,
  delivery: DueDelivery,
  result: AttemptResult,
  retryAt: Date | null,
): Promise<void> {
  const attempt = delivery.attempts + 1;
  await sql.query(
    'insert into webhook_attempts (id, delivery_id, attempt, at, http_status, ok, error, duration_ms) values ($1, $2, $3, now(), $4, $5, $6, $7)',
    [randomUUID(), delivery.id, attempt, result.httpStatus, result.ok, result.error, result.durationMs],
  );
  const status = result.ok ? 'delivered' : retryAt ? 'pending' : 'dead';
  await sql.query(
    `update webhook_deliveries set attempts = $2, status = $3, last_http_status = $4, last_error = $5,
       next_attempt_at = coalesce($6, next_attempt_at), delivered_at = case when $7 then now() else delivered_at end
     where id = $1`,
    [delivery.id, attempt, status, result.httpStatus, result.error, retryAt, result.ok],
  );
}

export async function listAttempts(sql: Sql, subscriptionId: string, limit: number) {
  const rows = await sql.query<{
    id: string;
    alert_id: string;
    event_type: string;
    attempt: number;
    at: Date;
    http_status: number | null;
    ok: boolean;
    error: string | null;
    duration_ms: number;
    status: string;
  }>(
    `select a.id, d.alert_id, d.event_type, a.attempt, a.at, a.http_status, a.ok, a.error, a.duration_ms, d.status
     from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
     where d.subscription_id = $1 order by a.at desc limit $2`,
    [subscriptionId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    alertId: row.alert_id,
    eventType: row.event_type,
    attempt: row.attempt,
    at: new Date(row.at).toISOString(),
    httpStatus: row.http_status,
    ok: row.ok,
    error: row.error,
    durationMs: row.duration_ms,
    deliveryStatus: row.status,
  }));
}

/** The signing secrets of an agency's subscriptions (the demo world's receiver checks signatures with them). */
export async function subscriptionSecretsOf(sql: Sql, agencyId: string): Promise<string[]> {
  const rows = await sql.query<{ secret: string }>(
    'select secret from webhook_subscriptions where agency_id = $1',
    [agencyId],
  );
  return rows.map((row) => row.secret);
}
