import type { RegionScope, Sql } from '../../core/index.js';
import type { AppealStatus } from './appeals.schema.js';

export interface AppealRow {
  id: string;
  external_id: string;
  submitted_at: Date;
  received_at: Date;
  channel: string;
  region: string;
  addressee: string | null;
  subject: string | null;
  text: string;
  applicant_label: string;
  attachments: unknown[];
  language: string;
  labels: string[];
  scores: Record<string, number>;
  risk_level: string;
  explanation: Record<string, unknown>;
  entities: unknown[];
  topic: string | null;
  route_agency: string | null;
  model_version: string;
  screened_at: Date;
  status: AppealStatus;
  analyst_labels: string[] | null;
  outcome: string | null;
  sla_due_at: Date;
  closed_at: Date | null;
  alert_id: string | null;
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** The queue row: no text and no personal data, only what triage needs. */
export const presentQueueItem = (row: AppealRow) => ({
  id: row.id,
  externalId: row.external_id,
  receivedAt: iso(row.received_at),
  region: row.region,
  subject: row.subject,
  applicant: row.applicant_label,
  language: row.language,
  labels: row.analyst_labels ?? row.labels,
  modelLabels: row.labels,
  riskLevel: row.risk_level,
  status: row.status,
  slaDueAt: iso(row.sla_due_at),
  // The SLA is the term to a first action: any decision stops its clock.
  overdue: row.status === 'new' && new Date(row.sla_due_at).getTime() < Date.now(),
  routeAgency: row.route_agency,
});

export const presentAppeal = (row: AppealRow) => ({
  ...presentQueueItem(row),
  submittedAt: iso(row.submitted_at),
  channel: row.channel,
  addressee: row.addressee,
  text: row.text,
  attachments: row.attachments,
  scores: row.scores,
  explanation: row.explanation,
  entities: row.entities,
  topic: row.topic,
  modelVersion: row.model_version,
  screenedAt: iso(row.screened_at),
  outcome: row.outcome,
  closedAt: iso(row.closed_at),
  alertId: row.alert_id,
});

export interface QueueFilters {
  region?: string | undefined;
  label?: string | undefined;
  risk?: string[] | undefined;
  language?: string | undefined;
  status?: string[] | undefined;
  sla?: 'overdue' | 'due_soon' | undefined;
  before?: { receivedAt: string; id: string } | undefined;
  limit: number;
}

export async function listQueue(sql: Sql, scope: RegionScope, filters: QueueFilters): Promise<AppealRow[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (scope) where.push(`region = any(${param(scope)}::text[])`);
  if (filters.region) where.push(`region = ${param(filters.region)}`);
  if (filters.label) where.push(`${param(filters.label)} = any(coalesce(analyst_labels, labels))`);
  if (filters.risk?.length) where.push(`risk_level = any(${param(filters.risk)}::text[])`);
  if (filters.language) where.push(`language = ${param(filters.language)}`);
  if (filters.status?.length) where.push(`status = any(${param(filters.status)}::text[])`);
  if (filters.sla === 'overdue') where.push(`status = 'new' and sla_due_at < now()`);
  if (filters.sla === 'due_soon') where.push(`status = 'new' and sla_due_at between now() and now() + interval '2 hours'`);
  if (filters.before) where.push(`(received_at, id) < (${param(filters.before.receivedAt)}::timestamptz, ${param(filters.before.id)}::uuid)`);
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  return sql.query<AppealRow>(`select * from appeals ${clause} order by received_at desc, id desc limit ${param(filters.limit)}`, params);
}

export async function findAppeal(sql: Sql, scope: RegionScope, id: string, forUpdate = false): Promise<AppealRow | undefined> {
  const [row] = await sql.query<AppealRow>(
    `select * from appeals where id = $1 and ($2::text[] is null or region = any($2::text[]))${forUpdate ? ' for update' : ''}`,
    [id, scope],
  );
  return row;
}

export async function appealHistory(sql: Sql, id: string) {
  const rows = await sql.query<{ at: Date; actor_name: string; action: string; note: string | null; labels: string[] | null }>(
    'select at, actor_name, action, note, labels from appeal_actions where appeal_id = $1 order by at',
    [id],
  );
  return rows.map((row) => ({ at: iso(row.at), actor: row.actor_name, action: row.action, note: row.note, labels: row.labels }));
}

export async function appealStats(sql: Sql, scope: RegionScope) {
  const byLabel = await sql.query<{ label: string; count: number }>(
    `select label, count(*)::int as count from appeals, unnest(coalesce(analyst_labels, labels)) as label
     where ($1::text[] is null or region = any($1::text[])) group by label order by label`,
    [scope],
  );
  const byRegion = await sql.query<{ region: string; total: number; risky: number }>(
    `select region, count(*)::int as total, count(*) filter (where risk_level in ('critical', 'high'))::int as risky from appeals
     where ($1::text[] is null or region = any($1::text[])) group by region`,
    [scope],
  );
  const byWeek = await sql.query<{ week: Date; total: number; risky: number }>(
    `select date_trunc('week', received_at) as week, count(*)::int as total, count(*) filter (where cardinality(labels) > 0)::int as risky
     from appeals where ($1::text[] is null or region = any($1::text[])) and received_at > now() - interval '12 weeks' group by 1 order by 1`,
    [scope],
  );
  const [speed] = await sql.query<{ total: number; within_minute: number }>(
    `select count(*)::int as total, count(*) filter (where screened_at - received_at <= interval '1 minute')::int as within_minute
     from appeals where ($1::text[] is null or region = any($1::text[]))`,
    [scope],
  );
  return {
    byLabel: Object.fromEntries(byLabel.map((row) => [row.label, Number(row.count)])),
    byRegion: Object.fromEntries(byRegion.map((row) => [row.region, { total: Number(row.total), risky: Number(row.risky) }])),
    byWeek: byWeek.map((row) => ({ week: iso(row.week), total: Number(row.total), risky: Number(row.risky) })),
    screenedWithinMinute: speed && Number(speed.total) > 0 ? Number(speed.within_minute) / Number(speed.total) : null,
    total: Number(speed?.total ?? 0),
  };
}
