import { type Actor, inRegionScope, type RegionScope, type Sql } from '../../core/index.js';
import type { AppealRecord } from './appeals.schema.js';
import type { Screening } from './model/classifier.js';
import type {
  AppealDetail,
  AppealEntity,
  AppealHistoryEntry,
  AppealLanguage,
  AppealQueueItem,
  AppealStats,
  AppealStatus,
  Applicant,
  Attachment,
  Explanation,
  RiskLabel,
  RiskLevel,
} from './appeals.contract.js';

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
  attachments: Attachment[];
  language: AppealLanguage;
  labels: RiskLabel[];
  scores: Partial<Record<RiskLabel, number>>;
  risk_level: RiskLevel;
  explanation: Explanation;
  entities: AppealEntity[];
  topic: string | null;
  route_agency: string | null;
  model_version: string;
  screened_at: Date;
  status: AppealStatus;
  analyst_labels: RiskLabel[] | null;
  outcome: string | null;
  sla_due_at: Date;
  closed_at: Date | null;
  alert_id: string | null;
}

const iso = (date: Date) => new Date(date).toISOString();
const isoOrNull = (date: Date | null) => (date ? iso(date) : null);

export const presentQueueItem = (row: AppealRow): AppealQueueItem => ({
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

export const presentAppeal = (row: AppealRow, history: AppealHistoryEntry[]): AppealDetail => ({
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
  closedAt: isoOrNull(row.closed_at),
  alertId: row.alert_id,
  history,
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
  const params: unknown[] = [scope];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [inRegionScope('region', 1)];
  if (filters.region) where.push(`region = ${param(filters.region)}`);
  if (filters.label) where.push(`${param(filters.label)} = any(coalesce(analyst_labels, labels))`);
  if (filters.risk?.length) where.push(`risk_level = any(${param(filters.risk)}::text[])`);
  if (filters.language) where.push(`language = ${param(filters.language)}`);
  if (filters.status?.length) where.push(`status = any(${param(filters.status)}::text[])`);
  if (filters.sla === 'overdue') where.push(`status = 'new' and sla_due_at < now()`);
  if (filters.sla === 'due_soon')
    where.push(`status = 'new' and sla_due_at between now() and now() + interval '2 hours'`);
  if (filters.before)
    where.push(
      `(received_at, id) < (${param(filters.before.receivedAt)}::timestamptz, ${param(filters.before.id)}::uuid)`,
    );
  return sql.query<AppealRow>(
    `select * from appeals where ${where.join(' and ')} order by received_at desc, id desc limit ${param(filters.limit)}`,
    params,
  );
}

export async function findAppeal(
  sql: Sql,
  scope: RegionScope,
  id: string,
  forUpdate = false,
): Promise<AppealRow | undefined> {
  const [row] = await sql.query<AppealRow>(
    `select * from appeals where id = $1 and ${inRegionScope('region', 2)}${forUpdate ? ' for update' : ''}`,
    [id, scope],
  );
  return row;
}

interface HistoryRow {
  at: Date;
  actor_name: string;
  action: string;
  note: string | null;
  labels: RiskLabel[] | null;
}

export async function appealHistory(sql: Sql, id: string): Promise<AppealHistoryEntry[]> {
  const rows = await sql.query<HistoryRow>(
    'select at, actor_name, action, note, labels from appeal_actions where appeal_id = $1 order by at',
    [id],
  );
  return rows.map((row) => ({
    at: iso(row.at),
    actor: row.actor_name,
    action: row.action,
    note: row.note,
    labels: row.labels,
  }));
}

/** The applicant's personal data, unmasked: only for a reveal with a stated purpose. */
export async function appealApplicant(sql: Sql, id: string): Promise<Applicant> {
  const [row] = await sql.query<{ applicant: Applicant | null }>(
    'select applicant from appeals where id = $1',
    [id],
  );
  return row?.applicant ?? {};
}

export async function appealStats(sql: Sql, scope: RegionScope): Promise<Omit<AppealStats, 'modelVersion'>> {
  const byLabel = await sql.query<{ label: RiskLabel; count: number }>(
    `select label, count(*)::int as count from appeals, unnest(coalesce(analyst_labels, labels)) as label
     where ${inRegionScope('region', 1)} group by label order by label`,
    [scope],
  );
  const byRegion = await sql.query<{ region: string; total: number; risky: number }>(
    `select region, count(*)::int as total, count(*) filter (where risk_level in ('critical', 'high'))::int as risky from appeals
     where ${inRegionScope('region', 1)} group by region`,
    [scope],
  );
  const byWeek = await sql.query<{ week: Date; total: number; risky: number }>(
    `select date_trunc('week', received_at) as week, count(*)::int as total, count(*) filter (where cardinality(labels) > 0)::int as risky
     from appeals where ${inRegionScope('region', 1)} and received_at > now() - interval '12 weeks' group by 1 order by 1`,
    [scope],
  );
  const [speed] = await sql.query<{ total: number; within_minute: number }>(
    `select count(*)::int as total, count(*) filter (where screened_at - received_at <= interval '1 minute')::int as within_minute
     from appeals where ${inRegionScope('region', 1)}`,
    [scope],
  );
  return {
    byLabel: Object.fromEntries(byLabel.map((row) => [row.label, Number(row.count)])),
    byRegion: Object.fromEntries(
      byRegion.map((row) => [row.region, { total: Number(row.total), risky: Number(row.risky) }]),
    ),
    byWeek: byWeek.map((row) => ({
      week: iso(row.week),
      total: Number(row.total),
      risky: Number(row.risky),
    })),
    screenedWithinMinute:
      speed && Number(speed.total) > 0 ? Number(speed.within_minute) / Number(speed.total) : null,
    total: Number(speed?.total ?? 0),
  };
}

/** What intake needs to answer for an appeal it already holds. */
export interface StoredScreening {
  id: string;
  risk_level: RiskLevel;
  labels: RiskLabel[];
  alert_id: string | null;
}

export async function findByExternalId(sql: Sql, externalId: string): Promise<StoredScreening | undefined> {
  const [row] = await sql.query<StoredScreening>(
    'select id, risk_level, labels, alert_id from appeals where external_id = $1',
    [externalId],
  );
  return row;
}

export interface NewAppeal {
  id: string;
  record: AppealRecord;
  receivedAt: Date;
  /** Masked, for lists. */
  applicantLabel: string;
  screening: Screening;
  slaDueAt: Date;
}

/** Stores a screened appeal; false when an appeal with its external id is already stored (a concurrent intake won). */
export async function insertAppeal(sql: Sql, appeal: NewAppeal): Promise<boolean> {
  const { id, record, receivedAt, applicantLabel, screening, slaDueAt } = appeal;
  const inserted = await sql.query(
    `insert into appeals (id, external_id, submitted_at, received_at, channel, region, addressee, subject, text, applicant, applicant_label,
       attachments, language, labels, scores, risk_level, explanation, entities, topic, route_agency, model_version, screened_at, sla_due_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, now(), $22)
     on conflict (external_id) do nothing returning id`,
    [
      id,
      record.externalId,
      record.submittedAt,
      receivedAt,
      record.channel,
      record.region,
      record.addressee ?? null,
      record.subject ?? null,
      record.text,
      record.applicant ? JSON.stringify(record.applicant) : null,
      applicantLabel,
      JSON.stringify(record.attachments ?? []),
      screening.language,
      screening.labels,
      JSON.stringify(screening.scores),
      screening.riskLevel,
      JSON.stringify(screening.explanation),
      JSON.stringify(screening.entities),
      screening.topic.name,
      screening.route.agencyKind,
      screening.modelVersion,
      slaDueAt,
    ],
  );
  return inserted.length > 0;
}

export async function linkAlert(sql: Sql, id: string, alertId: string): Promise<void> {
  await sql.query('update appeals set alert_id = $2 where id = $1', [id, alertId]);
}

export interface Decision {
  status: AppealStatus;
  /** The labels an analyst confirmed or set; null keeps the ones recorded. */
  labels: string[] | null;
  agency: string | null;
  /** Kept as the outcome when the decision closes the appeal. */
  note: string | null;
}

export async function recordDecision(sql: Sql, id: string, decision: Decision): Promise<void> {
  await sql.query(
    `update appeals set status = $2, analyst_labels = coalesce($3, analyst_labels), route_agency = coalesce($4, route_agency),
       outcome = case when $2 = 'closed' then $5 else outcome end, closed_at = case when $2 = 'closed' then now() else closed_at end
     where id = $1`,
    [id, decision.status, decision.labels, decision.agency, decision.note],
  );
}

export interface ActionEntry {
  id: string;
  appealId: string;
  actor: Pick<Actor, 'id' | 'name'>;
  action: string;
  note: string | null;
  labels: string[] | null;
}

export async function insertAction(sql: Sql, entry: ActionEntry): Promise<void> {
  await sql.query(
    'insert into appeal_actions (id, appeal_id, actor_id, actor_name, action, note, labels) values ($1, $2, $3, $4, $5, $6, $7)',
    [entry.id, entry.appealId, entry.actor.id, entry.actor.name, entry.action, entry.note, entry.labels],
  );
}

/** Demo only: moves an appeal's receipt, screening and term back, as if it came in `minutes` ago. */
export async function backdateAppeal(sql: Sql, id: string, minutes: number): Promise<void> {
  await sql.query(
    `update appeals set received_at = received_at - make_interval(mins => $2), screened_at = screened_at - make_interval(mins => $2),
       sla_due_at = sla_due_at - make_interval(mins => $2) where id = $1`,
    [id, minutes],
  );
}

/** Appeals whose labels an analyst corrected or confirmed: what the next training run learns from. */
export async function correctedAppeals(
  sql: Sql,
): Promise<{ id: string; text: string; labels: string[]; language: string }[]> {
  const rows = await sql.query<{ id: string; text: string; analyst_labels: string[]; language: string }>(
    'select id, text, analyst_labels, language from appeals where analyst_labels is not null',
  );
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    labels: row.analyst_labels,
    language: row.language,
  }));
}
