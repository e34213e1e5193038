import { randomUUID } from 'node:crypto';
import './appeals.events.js';
import {
  type Actor,
  actorRef,
  appendAudit,
  emitEvent,
  maskIin,
  maskName,
  problems,
  raiseAlert,
  recordMentions,
  regionScope,
  requireRegion,
  type Sql,
} from '../../core/index.js';
import type { AppealDetail, AppealStatus, IntakeResult } from './appeals.contract.js';
import type { AppealRecord } from './appeals.schema.js';
import {
  appealHistory,
  findAppeal,
  findByExternalId,
  insertAction,
  insertAppeal,
  linkAlert,
  presentAppeal,
  recordDecision,
} from './appeals.repository.js';
import type { AppealClassifier, Screening } from './model/classifier.js';
import { slaDue } from './appeals.sla.js';

const applicantLabel = (applicant: AppealRecord['applicant']) =>
  [
    applicant?.name ? maskName(applicant.name) : 'Аноним',
    applicant?.iin ? `ИИН ${maskIin(applicant.iin)}` : null,
  ]
    .filter(Boolean)
    .join(', ');

export interface IntakeOptions {
  /** Batches write one audit entry for the whole batch instead of one per appeal. */
  auditEach?: boolean;
}

/**
 * Stores and screens one appeal in the caller's transaction: the appeal, its entities, its alert (risk high or
 * critical), its audit entry and its event commit together. A known external id returns the stored result.
 */
export async function ingestAppeal(
  sql: Sql,
  actor: Actor,
  record: AppealRecord,
  classifier: AppealClassifier,
  requestId: string,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  requireRegion(actor, record.region);
  const existing = await findByExternalId(sql, record.externalId);
  if (existing)
    return {
      externalId: record.externalId,
      status: 'duplicate',
      id: existing.id,
      riskLevel: existing.risk_level,
      labels: existing.labels,
      alertId: existing.alert_id,
    };
  const receivedAt = new Date();
  const screening = relocate(
    classifier.screen(record.subject ? `${record.subject}\n${record.text}` : record.text),
    record.subject,
  );
  const id = randomUUID();
  const inserted = await insertAppeal(sql, {
    id,
    record,
    receivedAt,
    applicantLabel: applicantLabel(record.applicant),
    screening,
    slaDueAt: slaDue(screening.riskLevel, receivedAt),
  });
  // A concurrent request with the same external id won the insert: report the stored appeal, change nothing.
  if (!inserted) return ingestAppeal(sql, actor, record, classifier, requestId, options);
  await recordMentions(
    sql,
    screening.entities.map((entity) => ({
      kind: entity.kind,
      value: entity.value,
      module: 'appeals',
      sourceType: 'appeal',
      sourceId: id,
      region: record.region,
    })),
  );
  const alertId =
    screening.riskLevel === 'critical' || screening.riskLevel === 'high'
      ? await raiseAppealAlert(sql, actor, id, record, screening, requestId)
      : null;
  if (alertId) await linkAlert(sql, id, alertId);
  if (options.auditEach !== false)
    await appendAudit(sql, {
      actor: actorRef(actor),
      action: 'appeals.ingested',
      subjectType: 'appeal',
      subjectId: id,
      region: record.region,
      requestId,
      outcome: 'success',
      details: { externalId: record.externalId, riskLevel: screening.riskLevel, labels: screening.labels },
    });
  await emitEvent(sql, 'appeals.screened', {
    appealId: id,
    region: record.region,
    labels: screening.labels,
    riskLevel: screening.riskLevel,
    modelVersion: screening.modelVersion,
  });
  return {
    externalId: record.externalId,
    status: 'created',
    id,
    riskLevel: screening.riskLevel,
    labels: screening.labels,
    alertId,
  };
}

/**
 * The subject and the text are screened together; offsets of evidence and entities are given back per field, so the
 * dashboard can highlight each where it is shown.
 */
function relocate(screening: Screening, subject: string | undefined): Screening {
  if (!subject) return screening;
  const shift = subject.length + 1;
  const place = <T extends { start: number; end: number }>(item: T) =>
    item.start >= shift
      ? { ...item, field: 'text', start: item.start - shift, end: item.end - shift }
      : { ...item, field: 'subject' };
  const labels = Object.fromEntries(
    Object.entries(screening.explanation.labels).map(([label, phrases]) => [label, phrases.map(place)]),
  );
  return {
    ...screening,
    explanation: { ...screening.explanation, labels },
    entities: screening.entities.map(place),
  };
}

async function raiseAppealAlert(
  sql: Sql,
  actor: Actor,
  appealId: string,
  record: AppealRecord,
  screening: Screening,
  requestId: string,
): Promise<string> {
  const { alert } = await raiseAlert(
    sql,
    actor,
    {
      module: 'appeals',
      kind: `appeal.${screening.labels[0] ?? 'risk'}`,
      severity: screening.riskLevel,
      region: record.region,
      subject: {
        type: 'appeal',
        id: appealId,
        label: `${record.externalId}: ${applicantLabel(record.applicant)}`,
        personal: record.applicant ? { ...record.applicant } : undefined,
      },
      title: `Обращение ${record.externalId}: ${screening.labels.join(', ')}`,
      summary: screening.explanation.summary,
      evidence: {
        appealId,
        labels: screening.labels,
        scores: screening.scores,
        phrases: Object.fromEntries(
          Object.entries(screening.explanation.labels).map(([label, phrases]) => [
            label,
            phrases.slice(0, 3).map((phrase) => phrase.text),
          ]),
        ),
        aggravating: screening.explanation.aggravating,
        language: screening.language,
        modelVersion: screening.modelVersion,
        route: screening.route,
      },
    },
    requestId,
  );
  return alert.id;
}

export type AppealAction = 'confirm' | 'correct' | 'escalate' | 'route' | 'close';

const nextStatus: Record<AppealAction, AppealStatus | null> = {
  confirm: 'confirmed',
  correct: null,
  escalate: 'escalated',
  route: 'routed',
  close: 'closed',
};

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
export async function actOnAppeal(
  sql: Sql,
  actor: Actor,
  id: string,
  action: AppealAction,
  input: { note?: string | undefined; labels?: string[] | undefined; agency?: string | undefined },
  requestId: string,
): Promise<AppealDetail> {
  const row = await findAppeal(sql, regionScope(actor), id, true);
  if (!row) throw problems.notFound(`appeal ${id}`);
  if (!allowedFrom[action].includes(row.status))
    throw problems.invalidTransition(`cannot ${action} an appeal that is ${row.status}`);
  const status = nextStatus[action] ?? row.status;
  await recordDecision(sql, id, {
    status,
    labels:
      action === 'correct' || action === 'confirm'
        ? (input.labels ?? (action === 'confirm' ? row.labels : null))
        : null,
    agency: input.agency ?? null,
    note: input.note ?? null,
  });
  await insertAction(sql, {
    id: randomUUID(),
    appealId: id,
    actor,
    action,
    note: input.agency ? [input.agency, input.note].filter(Boolean).join(': ') : (input.note ?? null),
    labels: input.labels ?? null,
  });
  await appendAudit(sql, {
    actor: actorRef(actor),
    action: `appeals.${action}`,
    subjectType: 'appeal',
    subjectId: id,
    region: row.region,
    requestId,
    outcome: 'success',
    details: {
      from: row.status,
      to: status,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.agency ? { agency: input.agency } : {}),
    },
  });
  const decided = await findAppeal(sql, null, id);
  if (!decided) throw new Error(`appeal ${id} vanished inside the transaction that decided it`);
  return presentAppeal(decided, await appealHistory(sql, id));
}
