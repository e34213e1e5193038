import {
  type ModuleService,
  openAlertsFor,
  openDedupeKeys,
  raiseAlerts,
  type Sql,
  systemActor,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { attachFlights } from '../flights/flight-evidence.js';
import { claimPending, insertHits, markJudged, recordSourceTraffic } from './pipeline.repository.js';
import type { Hit, Rule, StoredObservation } from './rule.js';

const BATCH = 500;
const IDLE_POLL_MS = 200;
/** After one alert about a subject, further hits on it for this long are added to that alert, wherever they happen. */
const THROTTLE_MINUTES = 5;

/** A place, to about 500 m: hits on one subject in the same cell within the window are one event. */
const cellOf = (observation: StoredObservation) =>
  observation.lat === null || observation.lon === null
    ? 'nowhere'
    : `${(Math.round(observation.lat * 200) / 200).toFixed(3)},${(Math.round(observation.lon * 200) / 200).toFixed(3)}`;

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

  constructor(
    private readonly platform: SupervisionContext,
    private readonly rules: readonly Rule[],
  ) {}

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
    const observations = await claimPending(sql, BATCH);
    if (observations.length === 0) return 0;
    const hits: Hit[] = [];
    for (const rule of this.rules) hits.push(...(await rule.judge(sql, observations)));
    await attachFlights(sql, hits);
    await this.record(sql, hits);
    const ids = observations.map((item) => item.id);
    await recordSourceTraffic(sql, ids);
    const matched = new Set(hits.map((hit) => hit.observation.id));
    await markJudged(sql, ids, [...matched], this.platform.settings.retentionHours);
    return observations.length;
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
    const open = await openAlertsFor(
      sql,
      'supervision',
      pairs.map((hit) => ({ kind: hit.rule, subjectId: hit.subject.id })),
      THROTTLE_MINUTES,
    );
    const throttled = new Map(open.map((row) => [`${row.kind}\u0000${row.subjectId}`, row.dedupeKey]));
    const placeKey = (hit: Hit) => `supervision:${hit.rule}:${hit.subject.id}:${cellOf(hit.observation)}`;
    // A hit that joins an older alert at its place (open, but past the throttle) is no reason to pull the subject's
    // later hits elsewhere into it: only a new alert throttles the rest of the batch.
    const older = await openDedupeKeys(
      sql,
      [...new Set(hits.filter((hit) => !throttled.has(pairOf(hit))).map(placeKey))],
      this.platform.settings.dedupeMinutes,
    );
    const raised = await raiseAlerts(
      sql,
      systemActor,
      hits.map((hit) => {
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
            observationId: observation.id,
            sourceId: observation.sourceId,
            observedAt: observation.observedAt.toISOString(),
            location: observation.lat === null ? null : { lat: observation.lat, lon: observation.lon },
          },
          topics: [`rule:${hit.rule}`],
          dedupeKey,
          dedupeWindowMinutes: this.platform.settings.dedupeMinutes,
        };
      }),
    );
    await insertHits(
      sql,
      hits,
      raised.map(({ alert }) => alert.id),
    );
  }
}
