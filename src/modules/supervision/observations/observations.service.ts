import { itemChecker, type Sql } from '../../../core/index.js';
import type { IntakeResult } from './observations.contract.js';
import {
  insertDeadLetters,
  insertObservations,
  type Channel,
  type DeadLetter,
} from './observations.repository.js';
import { Observation } from './observations.schema.js';

export type { Channel } from './observations.repository.js';

const check = itemChecker(Observation);

export type AcceptResult = IntakeResult;

/** The first few problems, each once: enough for the sender to fix the message. */
function reasonFor(value: unknown): string {
  const problems = [...new Set(check.errors(value).map((error) => `${error.field} ${error.message}`))];
  return problems.length ? problems.slice(0, 3).join('; ') : 'invalid';
}

/**
 * Takes a source's observations in: valid ones are stored as pending (once: the source's external id decides),
 * anything else goes to the dead-letter table with the reason. Matching, and the source's message statistics, follow
 * in the pipeline.
 */
export async function acceptObservations(
  sql: Sql,
  channel: Channel,
  sourceId: string,
  items: readonly unknown[],
  now = new Date(),
): Promise<AcceptResult> {
  const { valid, rejected } = validate(items);
  const stored = await insertObservations(
    sql,
    [sourceId],
    valid.map((observation) => ({ sourceId, observation })),
    now,
  );
  if (!stored.known.has(sourceId)) {
    await deadLetter(sql, channel, null, `unknown or inactive source ${sourceId.slice(0, 64)}`, items);
    return {
      accepted: 0,
      duplicates: 0,
      rejected: items.map((_, index) => ({ index, reason: 'unknown or inactive source' })),
    };
  }
  for (const { index, reason } of rejected) await deadLetter(sql, channel, sourceId, reason, items[index]);
  const inserted = stored.inserted.get(sourceId) ?? 0;
  return { accepted: inserted, duplicates: valid.length - inserted, rejected };
}

/** A message from a device feed: the source is named by its topic or subject, the body holds one observation or an array. */
export interface FeedMessage {
  /** Empty when the topic names no source. */
  sourceId: string;
  /** Where it arrived, for the dead letter of a message whose topic names no source. */
  topic?: string;
  payload: Buffer;
}

/**
 * Takes a set of feed messages in, from any sources: every valid observation in one statement, so a busy feed costs
 * the database one round trip per set rather than per message; unreadable messages, invalid observations and
 * messages of unknown sources become dead letters (a second statement). Storing again what was stored changes nothing.
 */
export async function acceptFeedMessages(
  sql: Sql,
  channel: Channel,
  messages: readonly FeedMessage[],
  now = new Date(),
): Promise<void> {
  const letters: DeadLetter[] = [];
  const readable: { message: FeedMessage; items: unknown[] }[] = [];
  for (const message of messages) {
    const parsed = parseMessage(message.payload);
    if ('error' in parsed)
      letters.push({
        channel,
        sourceId: message.sourceId || null,
        reason: parsed.error,
        payload: message.payload,
      });
    else if (!message.sourceId)
      letters.push({
        channel,
        sourceId: null,
        reason: `no source in the topic ${(message.topic ?? '').slice(0, 100)}`,
        payload: message.payload,
      });
    else readable.push({ message, items: parsed.items });
  }
  const checked = readable.map((entry) => ({ ...entry, ...validate(entry.items) }));
  const rows = checked.flatMap(({ message, valid }) =>
    valid.map((observation) => ({ sourceId: message.sourceId, observation })),
  );
  const { known } = await insertObservations(
    sql,
    readable.map(({ message }) => message.sourceId),
    rows,
    now,
  );
  for (const { message, items, rejected } of checked) {
    if (!known.has(message.sourceId))
      letters.push({
        channel,
        sourceId: null,
        reason: `unknown or inactive source ${message.sourceId.slice(0, 64)}`,
        payload: message.payload,
      });
    else
      for (const { index, reason } of rejected)
        letters.push({ channel, sourceId: message.sourceId, reason, payload: items[index] });
  }
  await insertDeadLetters(sql, letters);
}

/** The database refused the data itself (SQLSTATE class 22): sending it again cannot help. */
export const isDataError = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === 'string' &&
  (error as { code: string }).code.startsWith('22');

/** Earliest and latest (ahead of now) moments an observation may claim: older is a wrong clock, not an old sighting. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const AHEAD_MS = 24 * 3600 * 1000;

/** What the schema cannot say: a time no sensor could have seen (text no column holds is refused by the checker). */
function implausible(observation: Observation, now: number): string | undefined {
  const observedAt = Date.parse(observation.observedAt);
  if (!(observedAt >= EARLIEST && observedAt <= now + AHEAD_MS))
    return '/observedAt must be a real moment between 2000 and a day from now';
  return undefined;
}

function validate(items: readonly unknown[]): { valid: Observation[]; rejected: AcceptResult['rejected'] } {
  const valid: Observation[] = [];
  const rejected: AcceptResult['rejected'] = [];
  const now = Date.now();
  items.forEach((item, index) => {
    if (!check.check(item)) rejected.push({ index, reason: reasonFor(item) });
    else {
      const problem = implausible(item, now);
      if (problem) rejected.push({ index, reason: problem });
      else valid.push(item);
    }
  });
  return { valid, rejected };
}

export async function deadLetter(
  sql: Sql,
  channel: Channel,
  sourceId: string | null,
  reason: string,
  payload: unknown,
): Promise<void> {
  await insertDeadLetters(sql, [{ channel, sourceId, reason, payload }]);
}

/** A message body as observations: one object, or an array of them. */
export function parseMessage(payload: Buffer | string): { items: unknown[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return { error: 'not JSON' };
  }
  if (Array.isArray(parsed))
    return parsed.length > 0 && parsed.length <= 1000
      ? { items: parsed }
      : { error: 'an array of 1 to 1,000 observations is expected' };
  if (typeof parsed === 'object' && parsed !== null) return { items: [parsed] };
  return { error: 'an observation object or an array of them is expected' };
}
