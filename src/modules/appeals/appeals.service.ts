import { randomUUID } from 'node:crypto';
import './appeals.events.js';
import { type Actor, actorRef, appendAudit, emitEvent, maskIin, maskName, problems, raiseAlert, recordMentions, regionScope, requireRegion, type Sql } from '../../core/index.js';
import type { AppealRecord, AppealStatus } from './appeals.schema.js';
import { appealHistory, findAppeal, presentAppeal } from './appeals.repository.js';
import type { AppealClassifier, Screening } from './model/classifier.js';
import { slaDue } from './sla.js';

export interface IntakeResult {
  externalId: string;
  status: 'created' | 'duplicate';
  id: string;
  riskLevel: string;
  labels: string[];
  alertId: string | null;
}

const applicantLabel = (applicant: AppealRecord['applicant']) =>
  [applicant?.name ? maskName(applicant.name) : 'Аноним', applicant?.iin ? `ИИН ${maskIin(applicant.iin)}` : null].filter(Boolean).join(', ');

/**
 * Stores and screens one appeal in the caller's transaction: the appeal, its entities, its alert (risk high or
 * critical), its audit entry and its event commit together. A known external id returns the stored result.
 */
export interface IntakeOptions {
  /** Batches write one audit entry for the whole batch instead of one per appeal. */
  auditEach?: boolean;
}

export async function ingestAppeal(sql: Sql, actor: Actor, record: AppealRecord, classifier: AppealClassifier, requestId: string, options: IntakeOptions = {}): Promise<IntakeResult> {
  requireRegion(actor, record.region);
  const [existing] = await sql.query<{ id: string; risk_level: string; labels: string[]; alert_id: string | null }>(
    'select id, risk_level, labels, alert_id from appeals where external_id = $1',
    [record.externalId],
  );
  if (existing) return { externalId: record.externalId, status: 'duplicate', id: existing.id, riskLevel: existing.risk_level, labels: existing.labels, alertId: existing.alert_id };
  const receivedAt = new Date();
  const screening = relocate(classifier.screen(record.subject ? `${record.subject}\n${record.text}` : record.text), record.subject);
  const id = randomUUID();
  const inserted = await sql.query(
    `insert into appeals (id, external_id, submitted_at, received_at, channel, region, addressee, subject, text, applicant, applicant_label,
       attachments, language, labels, scores, risk_level, explanation, entities, topic, route_agency, model_version, screened_at, sla_due_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, now(), $22)
     on conflict (external_id) do nothing returning id`,
    [id, record.externalId, record.submittedAt, receivedAt, record.channel, record.region, record.addressee ?? null, record.subject ?? null, record.text,
      record.applicant ? JSON.stringify(record.applicant) : null, applicantLabel(record.applicant), JSON.stringify(record.attachments ?? []),
      screening.language, screening.labels, JSON.stringify(screening.scores), screening.riskLevel, JSON.stringify(screening.explanation),
      JSON.stringify(screening.entities), screening.topic.name, screening.route.agencyKind, screening.modelVersion, slaDue(screening.riskLevel, receivedAt)],
  );
  // A concurrent request with the same external id won the insert: report the stored appeal, change nothing.
  if (inserted.length === 0) return ingestAppeal(sql, actor, record, classifier, requestId, options);
  await recordMentions(sql, screening.entities.map((entity) => ({ kind: entity.kind, value: entity.value, module: 'appeals', sourceType: 'appeal', sourceId: id, region: record.region })));
  const alertId = screening.riskLevel === 'critical' || screening.riskLevel === 'high' ? await raiseAppealAlert(sql, actor, id, record, screening, requestId) : null;
  if (alertId) await sql.query('update appeals set alert_id = $2 where id = $1', [id, alertId]);
  if (options.auditEach !== false) await appendAudit(sql, { actor: actorRef(actor), action: 'appeals.ingested', subjectType: 'appeal', subjectId: id, region: record.region, requestId, outcome: 'success', details: { externalId: record.externalId, riskLevel: screening.riskLevel, labels: screening.labels } });
  await emitEvent(sql, 'appeals.screened', { appealId: id, region: record.region, labels: screening.labels, riskLevel: screening.riskLevel, modelVersion: screening.modelVersion });
  return { externalId: record.externalId, status: 'created', id, riskLevel: screening.riskLevel, labels: screening.labels, alertId };
}

/**
 * The subject and the text are screened together; offsets of evidence and entities are given back per field, so the
 * dashboard can highlight each where it is shown.
 */
function relocate(screening: Screening, subject: string | undefined): Screening {
  if (!subject) return screening;
  const shift = subject.length + 1;
  const place = <T extends { start: number; end: number }>(item: T) =>
    item.start >= shift ? { ...item, field: 'text', start: item.start - shift, end: item.end - shift } : { ...item, field: 'subject' };
  const labels = Object.fromEntries(Object.entries(screening.explanation.labels).map(([label, phrases]) => [label, phrases.map(place)]));
  return { ...screening, explanation: { ...screening.explanation, labels }, entities: screening.entities.map(place) };
}

async function raiseAppealAlert(sql: Sql, actor: Actor, appealId: string, record: AppealRecord, screening: Screening, requestId: string): Promise<string> {
  const { alert } = await raiseAlert(sql, actor, {
    module: 'appeals',
    kind: `appeal.${screening.labels[0] ?? 'risk'}`,
    severity: screening.riskLevel,
    region: record.region,
    subject: { type: 'appeal', id: appealId, label: `${record.externalId}: ${applicantLabel(record.applicant)}`, personal: record.applicant ? { ...record.applicant } : undefined },
    title: `Обращение ${record.externalId}: ${screening.labels.join(', ')}`,
    summary: screening.explanation.summary,
    evidence: { appealId, labels: screening.labels, scores: screening.scores, phrases: Object.fromEntries(Object.entries(screening.explanation.labels).map(([label, phrases]) => [label, phrases.slice(0, 3).map((phrase) => phrase.text)])), aggravating: screening.explanation.aggravating, language: screening.language, modelVersion: screening.modelVersion, route: screening.route },
  }, requestId);
  return alert.id;
}

export type AppealAction = 'confirm' | 'correct' | 'escalate' | 'route' | 'close';

const nextStatus: Record<AppealAction, AppealStatus | null> = { confirm: 'confirmed', correct: null, escalate: 'escalated', route: 'routed', close: 'closed' };

/**
 * Which decision is possible from which status: confirming cannot pull an escalated appeal back, an appeal already with
 * a prosecutor is not escalated twice, re-routing stays possible (an appeal sent to the wrong agency), closed is final.
 */
const allowedFrom: Record<AppealAction, readonly AppealStatus[]> = {
  confirm: ['new'],
  correct: ['new', 'confirmed', 'escalated', 'routed'],
  escalate: ['new', 'confirmed', 'routed'],
  route: ['new', 'confirmed', 'escalated', 'routed'],
  close: ['new', 'confirmed', 'escalated', 'routed'],
};

/** An analyst's decision on an appeal: recorded, audited, and (for corrections) kept for the next training run. */
export async function actOnAppeal(sql: Sql, actor: Actor, id: string, action: AppealAction, input: { note?: string | undefined; labels?: string[] | undefined; agency?: string | undefined }, requestId: string) {
  const row = await findAppeal(sql, regionScope(actor), id, true);
  if (!row) throw problems.notFound(`appeal ${id}`);
  if (!allowedFrom[action].includes(row.status)) throw problems.invalidTransition(`cannot ${action} an appeal that is ${row.status}`);
  const status = nextStatus[action] ?? row.status;
  await sql.query(
    `update appeals set status = $2, analyst_labels = coalesce($3, analyst_labels), route_agency = coalesce($4, route_agency),
       outcome = case when $2 = 'closed' then $5 else outcome end, closed_at = case when $2 = 'closed' then now() else closed_at end
     where id = $1`,
    [id, status, action === 'correct' || action === 'confirm' ? (input.labels ?? (action === 'confirm' ? row.labels : null)) : null, input.agency ?? null, input.note ?? null],
  );
  await sql.query('insert into appeal_actions (id, appeal_id, actor_id, actor_name, action, note, labels) values ($1, $2, $3, $4, $5, $6, $7)', [
    randomUUID(), id, actor.id, actor.name, action, input.agency ? [input.agency, input.note].filter(Boolean).join(': ') : (input.note ?? null), input.labels ?? null,
  ]);
  await appendAudit(sql, { actor: actorRef(actor), action: `appeals.${action}`, subjectType: 'appeal', subjectId: id, region: row.region, requestId, outcome: 'success', details: { from: row.status, to: status, ...(input.labels ? { labels: input.labels } : {}), ...(input.agency ? { agency: input.agency } : {}) } });
  return { ...presentAppeal((await findAppeal(sql, null, id))!), history: await appealHistory(sql, id) };
}
