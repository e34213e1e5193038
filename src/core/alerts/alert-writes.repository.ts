import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { Sql } from '../db/db.js';
import type { RaiseAlertInput } from './alerts.types.js';

/**
 * The latest open alert for each dedupe key within its window, locked so a concurrent raise waits for this one; the
 * caller then checks each input's age against its own window.
 */
export async function lockOpenDuplicates(
  sql: Sql,
  windows: ReadonlyMap<string, number>,
  now: Date,
): Promise<Map<string, { id: string; createdAt: number }>> {
  if (windows.size === 0) return new Map();
  // Sorted, so two transactions lock shared keys in the same order and cannot deadlock on them.
  const keys = [...windows.keys()].sort();
  const rows = await sql.query<{ key: string; id: string; created_at: Date }>(
    `select k.key, a.id, a.created_at from unnest($1::text[], $2::int[]) with ordinality as k(key, mins, n)
     cross join lateral (
       select id, created_at from alerts where dedupe_key = k.key and status not in ('resolved', 'false_positive')
         and created_at > $3::timestamptz - make_interval(mins => k.mins) order by created_at desc limit 1 for update
     ) a order by k.n`,
    [keys, keys.map((key) => windows.get(key) ?? 0), now],
  );
  return new Map(rows.map((row) => [row.key, { id: row.id, createdAt: new Date(row.created_at).getTime() }]));
}

export async function insertAlerts(
  sql: Sql,
  created: readonly { input: RaiseAlertInput; id: string; dedupeKey: string | null }[],
  now: Date,
): Promise<void> {
  if (created.length === 0) return;
  const rows = created.map(({ input, id, dedupeKey }) => ({
    id,
    module: input.module,
    kind: input.kind,
    severity: input.severity,
    region: input.region,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    subject_label: input.subject.label,
    subject_personal: input.subject.personal ?? null,
    title: input.title,
    summary: input.summary,
    evidence: input.evidence,
    dedupe_key: dedupeKey,
    topics: input.topics ?? [],
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
export async function countRepeats(
  sql: Sql,
  plans: readonly { alertId: string; isNew: boolean }[],
  now: Date,
): Promise<void> {
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
export async function recordRaiseHistory(
  sql: Sql,
  plans: readonly { alertId: string; isNew: boolean; note: string | null }[],
  actor: Actor,
  now: Date,
): Promise<void> {
  await sql.query(
    `insert into alert_history (id, alert_id, at, actor_id, actor_name, action, from_status, to_status, note)
     select gen_random_uuid(), h.alert_id, $5::timestamptz + make_interval(secs => (h.n - 1) / 1e6), $6, $7, h.action, null, h.to_status, h.note
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) with ordinality as h(alert_id, action, to_status, note, n)`,
    [
      plans.map((plan) => plan.alertId),
      plans.map((plan) => (plan.isNew ? 'raised' : 'repeated')),
      plans.map((plan) => (plan.isNew ? 'new' : null)),
      plans.map((plan) => plan.note),
      now,
      actor.id,
      actor.name,
    ],
  );
}

export async function recordHistory(
  sql: Sql,
  entry: {
    alertId: string;
    actor: Actor;
    action: string;
    from: string | null;
    to: string | null;
    note: string | null;
    at?: Date;
  },
): Promise<void> {
  await sql.query(
    'insert into alert_history (id, alert_id, at, actor_id, actor_name, action, from_status, to_status, note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [
      randomUUID(),
      entry.alertId,
      entry.at ?? new Date(),
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.from,
      entry.to,
      entry.note,
    ],
  );
}

/**
 * Moves an alert to its next status; acknowledging a new alert makes the person who did it its assignee, and closing
 * it records the outcome.
 */
export async function updateAlertStatus(
  sql: Sql,
  id: string,
  change: { to: string; assigneeId: string | null; actor: Actor; closing: boolean; note: string | null },
): Promise<void> {
  await sql.query(
    `update alerts set status = $2, updated_at = now(),
       assignee_id = case when $3::uuid is not null then $3::uuid when status = 'new' and $2 = 'acknowledged' and $5 = 'user' then $4::uuid else assignee_id end,
       outcome = case when $6 then $7 else outcome end
     where id = $1`,
    [
      id,
      change.to,
      change.assigneeId,
      change.actor.type === 'user' ? change.actor.id : null,
      change.actor.type,
      change.closing,
      change.note,
    ],
  );
}

export async function insertComment(sql: Sql, alertId: string, author: Actor, body: string): Promise<void> {
  await sql.query(
    'insert into alert_comments (id, alert_id, at, author_id, author_name, body) values ($1, $2, now(), $3, $4, $5)',
    [randomUUID(), alertId, author.type === 'user' ? author.id : null, author.name, body],
  );
  await sql.query('update alerts set updated_at = now() where id = $1', [alertId]);
}
