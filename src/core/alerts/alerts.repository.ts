import type { RegionScope } from '../auth/actor.js';
import type { Sql } from '../db/db.js';
import { inRegionScope } from '../db/region-scope.js';
import type { AlertStatus, AlertView, Severity } from './alerts.types.js';

interface AlertRow {
  id: string;
  module: string;
  kind: string;
  severity: Severity;
  status: AlertStatus;
  region: string;
  subject_type: string;
  subject_id: string;
  subject_label: string;
  title: string;
  summary: string;
  evidence: Record<string, unknown>;
  assignee_id: string | null;
  assignee_name: string | null;
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
  comments_count: number;
}

const SELECT = `select a.id, a.module, a.kind, a.severity, a.status, a.region, a.subject_type, a.subject_id, a.subject_label,
  a.title, a.summary, a.evidence, a.assignee_id, u.display_name as assignee_name, a.outcome, a.created_at, a.updated_at,
  (select count(*) from alert_comments c where c.alert_id = a.id)::int as comments_count
  from alerts a left join users u on u.id = a.assignee_id`;

export const presentAlert = (row: AlertRow): AlertView => ({
  id: row.id,
  module: row.module,
  kind: row.kind,
  severity: row.severity,
  status: row.status,
  region: row.region,
  subject: { type: row.subject_type, id: row.subject_id, label: row.subject_label },
  title: row.title,
  summary: row.summary,
  evidence: row.evidence,
  assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
  outcome: row.outcome,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
  commentsCount: Number(row.comments_count),
});

export interface AlertFilters {
  status?: AlertStatus[] | undefined;
  severity?: Severity[] | undefined;
  module?: string | undefined;
  region?: string | undefined;
  assigneeId?: string | undefined;
  text?: string | undefined;
  /** Keyset cursor: alerts strictly older than this (created_at, id). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/** Every query here takes the caller's region scope; null means national. */
export async function listAlerts(sql: Sql, scope: RegionScope, filters: AlertFilters): Promise<AlertView[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (scope) where.push(`a.region = any(${param(scope)}::text[])`);
  if (filters.status?.length) where.push(`a.status = any(${param(filters.status)}::text[])`);
  if (filters.severity?.length) where.push(`a.severity = any(${param(filters.severity)}::text[])`);
  if (filters.module) where.push(`a.module = ${param(filters.module)}`);
  if (filters.region) where.push(`a.region = ${param(filters.region)}`);
  if (filters.assigneeId) where.push(`a.assignee_id = ${param(filters.assigneeId)}`);
  if (filters.text) {
    const text = param(`%${filters.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    where.push(`(a.title ilike ${text} or a.summary ilike ${text} or a.subject_label ilike ${text})`);
  }
  if (filters.before) {
    where.push(
      `(a.created_at, a.id) < (${param(filters.before.createdAt)}::timestamptz, ${param(filters.before.id)}::uuid)`,
    );
  }
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const rows = await sql.query<AlertRow>(
    `${SELECT} ${clause} order by a.created_at desc, a.id desc limit ${param(filters.limit)}`,
    params,
  );
  return rows.map(presentAlert);
}

export async function findAlert(sql: Sql, scope: RegionScope, id: string): Promise<AlertView | undefined> {
  const rows = await sql.query<AlertRow>(
    `${SELECT} where a.id = $1 and ($2::text[] is null or a.region = any($2::text[]))`,
    [id, scope],
  );
  return rows[0] ? presentAlert(rows[0]) : undefined;
}

/** Alerts by id, unscoped: for reading back what the caller has just written. */
export async function findAlertsById(sql: Sql, ids: readonly string[]): Promise<Map<string, AlertView>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<AlertRow>(`${SELECT} where a.id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, presentAlert(row)]));
}

export async function findAlertForUpdate(
  sql: Sql,
  scope: RegionScope,
  id: string,
): Promise<{ status: AlertStatus; region: string } | undefined> {
  const [row] = await sql.query<{ status: AlertStatus; region: string }>(
    'select status, region from alerts where id = $1 and ($2::text[] is null or region = any($2::text[])) for update',
    [id, scope],
  );
  return row;
}

export async function findPersonalData(
  sql: Sql,
  scope: RegionScope,
  id: string,
): Promise<{ region: string; subject: Record<string, unknown> } | undefined> {
  const [row] = await sql.query<{
    region: string;
    subject_type: string;
    subject_id: string;
    subject_personal: Record<string, unknown> | null;
  }>(
    'select region, subject_type, subject_id, subject_personal from alerts where id = $1 and ($2::text[] is null or region = any($2::text[]))',
    [id, scope],
  );
  return row
    ? {
        region: row.region,
        subject: { type: row.subject_type, id: row.subject_id, ...(row.subject_personal ?? {}) },
      }
    : undefined;
}

export async function summarizeOpenAlerts(sql: Sql, scope: RegionScope) {
  const rows = await sql.query<{
    region: string;
    severity: string;
    module: string;
    status: string;
    count: number;
  }>(
    `select region, severity, module, status, count(*)::int as count from alerts
     where status not in ('resolved', 'false_positive') and ($1::text[] is null or region = any($1::text[]))
     group by region, severity, module, status`,
    [scope],
  );
  const tally = (key: 'region' | 'severity' | 'module' | 'status') =>
    rows.reduce<Record<string, number>>(
      (acc, row) => ({ ...acc, [row[key]]: (acc[row[key]] ?? 0) + Number(row.count) }),
      {},
    );
  return {
    open: rows.reduce((sum, row) => sum + Number(row.count), 0),
    byRegion: tally('region'),
    bySeverity: tally('severity'),
    byModule: tally('module'),
    byStatus: tally('status'),
  };
}

export async function alertHistory(sql: Sql, id: string) {
  const rows = await sql.query<{
    at: Date;
    actor_name: string;
    action: string;
    from_status: string | null;
    to_status: string | null;
    note: string | null;
  }>(
    'select at, actor_name, action, from_status, to_status, note from alert_history where alert_id = $1 order by at',
    [id],
  );
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    actor: row.actor_name,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
  }));
}

export async function alertComments(sql: Sql, id: string) {
  const rows = await sql.query<{ id: string; at: Date; author_name: string; body: string }>(
    'select id, at, author_name, body from alert_comments where alert_id = $1 order by at',
    [id],
  );
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    author: row.author_name,
    body: row.body,
  }));
}

/** Alerts still new, in a stable order: what the demo world's people work on after the modules raised them. */
export async function newAlertsForDemo(sql: Sql): Promise<{ id: string; region: string }[]> {
  return sql.query<{ id: string; region: string }>(
    `select id, region from alerts where status = 'new' order by module, kind, subject_id, created_at, id`,
  );
}

/** The region of each of these alerts, for modules that link their records to alerts. */
export async function alertRegions(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; region: string }>(
    'select id, region from alerts where id = any($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.region]));
}

/** A module's alerts raised in the last hours within a scope, newest first (masked: no personal data). */
export async function recentAlerts(
  sql: Sql,
  scope: RegionScope,
  options: { module: string; hours: number; limit: number },
): Promise<AlertView[]> {
  const rows = await sql.query<AlertRow>(
    `${SELECT} where a.module = $1 and a.created_at > now() - make_interval(hours => $2) and ${inRegionScope('a.region', 3)}
     order by a.created_at desc limit $4`,
    [options.module, options.hours, scope, options.limit],
  );
  return rows.map(presentAlert);
}

/**
 * A module's latest open alert on each (kind, subject) raised within the window: the throttle of a pipeline that
 * joins repeated hits on a subject to one alert.
 */
export async function openAlertsFor(
  sql: Sql,
  module: string,
  subjects: readonly { kind: string; subjectId: string }[],
  withinMinutes: number,
): Promise<{ kind: string; subjectId: string; dedupeKey: string | null }[]> {
  if (subjects.length === 0) return [];
  const rows = await sql.query<{ kind: string; subject_id: string; dedupe_key: string | null }>(
    `select distinct on (a.subject_id, a.kind) a.kind, a.subject_id, a.dedupe_key
     from alerts a join unnest($2::text[], $3::text[]) as p(kind, subject_id) on a.kind = p.kind and a.subject_id = p.subject_id
     where a.module = $1 and a.status not in ('resolved', 'false_positive') and a.created_at > now() - make_interval(mins => $4)
     order by a.subject_id, a.kind, a.created_at desc`,
    [module, subjects.map((item) => item.kind), subjects.map((item) => item.subjectId), withinMinutes],
  );
  return rows.map((row) => ({ kind: row.kind, subjectId: row.subject_id, dedupeKey: row.dedupe_key }));
}

/** Which of these dedupe keys an open alert raised within the window holds. */
export async function openDedupeKeys(
  sql: Sql,
  keys: readonly string[],
  withinMinutes: number,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql.query<{ dedupe_key: string }>(
    `select distinct dedupe_key from alerts where dedupe_key = any($1::text[]) and status not in ('resolved', 'false_positive')
       and created_at > now() - make_interval(mins => $2)`,
    [keys, withinMinutes],
  );
  return new Set(rows.map((row) => row.dedupe_key));
}

/** The demo world only: moves alerts back to when what raised them happened. */
export async function backdateAlerts(
  sql: Sql,
  moves: readonly { id: string; createdAt: Date; updatedAt: Date }[],
): Promise<void> {
  if (moves.length === 0) return;
  await sql.query(
    `update alerts a set created_at = m.created_at, updated_at = m.updated_at
     from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) as m(id, created_at, updated_at) where a.id = m.id`,
    [moves.map((move) => move.id), moves.map((move) => move.createdAt), moves.map((move) => move.updatedAt)],
  );
}
