import { randomUUID } from 'node:crypto';
import { type ModuleService, raiseAlerts, type Sql, systemActor } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { attachFlights } from '../flights/flight-evidence.js';
import type { Hit, Rule, StoredObservation } from './rule.js';

const BATCH = 500;
const IDLE_POLL_MS = 200;
/** After one alert about a subject, further hits on it for this long are added to that alert, wherever they happen. */
const THROTTLE_MINUTES = 5;

interface Row {
  id: string;
  source_id: string;
  source_kind: string;
  region: string;
  external_id: string;
  observed_at: Date;
  lat: number | null;
  lon: number | null;
  kind: StoredObservation['kind'];
  identifiers: StoredObservation['identifiers'];
  confidence: number | null;
  attributes: StoredObservation['attributes'];
  media_ref: string | null;
}

/** A place, to about 500 m: hits on one subject in the same cell within the window are one event. */
const cellOf = (observation: StoredObservation) => (observation.lat === null || observation.lon === null ? 'nowhere' : `${(Math.round(observation.lat * 200) / 200).toFixed(3)},${(Math.round(observation.lon * 200) / 200).toFixed(3)}`);

/**
 * Judges stored observations in batches: claims pending rows (skip locked, so several instances share the work),
 * runs every rule, records hits and raises their alerts, and marks the observations matched or unmatched, all in one
 * transaction. A crash rolls the batch back and it is judged again. Unmatched observations get an expiry and are
 * deleted by the retention job; matched ones stay with their hits.
 */
export class ObservationPipeline implements ModuleService {
  readonly name = 'supervision.pipeline';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly platform: SupervisionContext, private readonly rules: readonly Rule[]) {}

  start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** New observations are stored: judge them now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : IDLE_POLL_MS);
        this.again = false;
      });
    }, ms);
    this.timer.unref();
  }

  /** Judges batches until none is left; returns how many observations were judged. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.platform.bus.tx((sql) => this.judgeBatch(sql))) > 0);
    } catch (error) {
      this.platform.log.error({ err: error }, 'observation pipeline');
    }
  }

  async judgeBatch(sql: Sql): Promise<number> {
    const rows = await sql.query<Row>(
      `select o.id, o.source_id, s.kind as source_kind, s.region, o.external_id, o.observed_at, o.lat, o.lon, o.kind, o.identifiers, o.confidence, o.attributes, o.media_ref
       from observations o join supervision_sources s on s.id = o.source_id
       where o.state = 'pending' order by o.received_at limit ${String(BATCH)} for update of o skip locked`,
    );
    if (rows.length === 0) return 0;
    const observations = rows.map((row): StoredObservation => ({
      id: row.id, sourceId: row.source_id, sourceKind: row.source_kind, region: row.region, externalId: row.external_id, observedAt: new Date(row.observed_at),
      lat: row.lat, lon: row.lon, kind: row.kind, identifiers: row.identifiers, confidence: row.confidence, attributes: row.attributes, mediaRef: row.media_ref,
    }));
    const hits: Hit[] = [];
    for (const rule of this.rules) hits.push(...(await rule.judge(sql, observations)));
    await attachFlights(sql, hits);
    await this.record(sql, hits);
    await sql.query(
      `update supervision_sources s set last_message_at = greatest(coalesce(s.last_message_at, t.at), t.at), messages_total = s.messages_total + t.n, silent_since = null
       from (select source_id, max(received_at) as at, count(*)::int as n from observations where id = any($1::uuid[]) group by source_id) t where s.id = t.source_id`,
      [observations.map((item) => item.id)],
    );
    const matched = new Set(hits.map((hit) => hit.observation.id));
    await sql.query(
      `update observations set state = case when id = any($2::uuid[]) then 'matched' else 'unmatched' end,
         expires_at = case when id = any($2::uuid[]) then null else received_at + make_interval(hours => $3) end
       where id = any($1::uuid[])`,
      [observations.map((item) => item.id), [...matched], this.platform.settings.retentionHours],
    );
    return rows.length;
  }

  /**
   * Raises (or joins) the hits' alerts and records the hits, in a few statements per batch whatever its size. The
   * throttle looks once per batch for the latest open alert on each subject and rule; within the batch, later hits on
   * a subject join the first one's alert, as they would one batch later.
   */
  private async record(sql: Sql, hits: readonly Hit[]): Promise<void> {
    if (hits.length === 0) return;
    const pairOf = (hit: Hit) => `${hit.rule}\u0000${hit.subject.id}`;
    const pairs = [...new Map(hits.map((hit) => [pairOf(hit), hit])).values()];
    const open = await sql.query<{ kind: string; subject_id: string; dedupe_key: string }>(
      `select distinct on (a.subject_id, a.kind) a.kind, a.subject_id, a.dedupe_key
       from alerts a join unnest($1::text[], $2::text[]) as p(kind, subject_id) on a.kind = p.kind and a.subject_id = p.subject_id
       where a.module = 'supervision' and a.status not in ('resolved', 'false_positive') and a.created_at > now() - make_interval(mins => $3)
       order by a.subject_id, a.kind, a.created_at desc`,
      [pairs.map((hit) => hit.rule), pairs.map((hit) => hit.subject.id), THROTTLE_MINUTES],
    );
    const throttled = new Map(open.map((row) => [`${row.kind}\u0000${row.subject_id}`, row.dedupe_key]));
    const placeKey = (hit: Hit) => `supervision:${hit.rule}:${hit.subject.id}:${cellOf(hit.observation)}`;
    // A hit that joins an older alert at its place (open, but past the throttle) is no reason to pull the subject's
    // later hits elsewhere into it: only a new alert throttles the rest of the batch.
    const older = new Set((await sql.query<{ dedupe_key: string }>(
      `select distinct dedupe_key from alerts where dedupe_key = any($1::text[]) and status not in ('resolved', 'false_positive')
         and created_at > now() - make_interval(mins => $2)`,
      [[...new Set(hits.filter((hit) => !throttled.has(pairOf(hit))).map(placeKey))], this.platform.settings.dedupeMinutes],
    )).map((row) => row.dedupe_key));
    const raised = await raiseAlerts(sql, systemActor, hits.map((hit) => {
      const { observation } = hit;
      const pair = pairOf(hit);
      const dedupeKey = throttled.get(pair) ?? placeKey(hit);
      if (!throttled.has(pair) && !older.has(dedupeKey)) throttled.set(pair, dedupeKey);
      return {
        module: 'supervision',
        kind: hit.rule,
        severity: hit.severity,
        region: observation.region,
        subject: hit.subject,
        title: hit.title,
        summary: hit.summary,
        evidence: {
          ...hit.evidence,
          observationId: observation.id, sourceId: observation.sourceId, observedAt: observation.observedAt.toISOString(),
          location: observation.lat === null ? null : { lat: observation.lat, lon: observation.lon },
        },
        topics: [`rule:${hit.rule}`],
        dedupeKey,
        dedupeWindowMinutes: this.platform.settings.dedupeMinutes,
      };
    }));
    const alertIds = raised.map(({ alert }) => alert.id);
    await sql.query(
      `insert into supervision_hits (id, observation_id, source_id, rule, subject_type, subject_id, score, reasons, region, alert_id, created_at)
       select h.id, h.observation_id, h.source_id, h.rule, h.subject_type, h.subject_id, h.score, h.reasons::jsonb, h.region, h.alert_id, clock_timestamp()
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::uuid[])
         as h(id, observation_id, source_id, rule, subject_type, subject_id, score, reasons, region, alert_id)`,
      [
        hits.map(() => randomUUID()), hits.map((hit) => hit.observation.id), hits.map((hit) => hit.observation.sourceId), hits.map((hit) => hit.rule),
        hits.map((hit) => hit.subject.type), hits.map((hit) => hit.subject.id), hits.map((hit) => hit.score), hits.map((hit) => JSON.stringify(hit.reasons)),
        hits.map((hit) => hit.observation.region), alertIds,
      ],
    );
  }
}
