import { randomUUID } from 'node:crypto';
import { Compile } from 'typebox/compile';
import type { Sql } from '../../../core/db/db.js';
import { Observation } from './observation.schema.js';

const check = Compile(Observation);
/** Dead letters keep enough of a message to diagnose the sender, not whole payloads. */
const DEAD_LETTER_BYTES = 2000;

export type Channel = 'mqtt' | 'http' | 'nats';

export interface AcceptResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
}

/** The first few problems, each once: enough for the sender to fix the message. */
function reasonFor(value: unknown): string {
  const problems = [...new Set([...check.Errors(value)].map((error) => `${error.instancePath || '/'} ${error.message}`))];
  return problems.length ? problems.slice(0, 3).join('; ') : 'invalid';
}

/**
 * Takes a source's observations in: valid ones are stored as pending (once: the source's external id decides),
 * anything else goes to the dead-letter table with the reason. Storing valid observations of a known source is one
 * statement, so a feed can be taken in message by message with each acknowledged right after its commit; matching,
 * and the source's message statistics, follow in the pipeline.
 */
export async function acceptObservations(sql: Sql, channel: Channel, sourceId: string, items: readonly unknown[], now = new Date()): Promise<AcceptResult> {
  const valid: Observation[] = [];
  const rejected: AcceptResult['rejected'] = [];
  items.forEach((item, index) => {
    if (check.Check(item)) valid.push(item);
    else rejected.push({ index, reason: reasonFor(item) });
  });
  const [stored] = await sql.query<{ known: boolean; inserted: number }>(
    `with source as (select id from supervision_sources where id = $1 and active),
     inserted as (
       insert into observations (id, source_id, external_id, observed_at, lat, lon, accuracy_m, kind, identifiers, confidence, attributes, media_ref, received_at)
       select t.id, source.id, e, o, la, lo, ac, k, i, c, a, m, $13
       from source, unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::float8[], $6::float8[], $7::float8[], $8::text[], $9::jsonb[], $10::float8[], $11::jsonb[], $12::text[])
         as t(id, e, o, la, lo, ac, k, i, c, a, m)
       on conflict (source_id, external_id) do nothing returning 1)
     select exists (select 1 from source) as known, (select count(*) from inserted)::int as inserted`,
    [
      sourceId, valid.map(() => randomUUID()), valid.map((item) => item.externalId), valid.map((item) => item.observedAt),
      valid.map((item) => item.location?.lat ?? null), valid.map((item) => item.location?.lon ?? null), valid.map((item) => item.location?.accuracy ?? null),
      valid.map((item) => item.kind), valid.map((item) => JSON.stringify(item.identifiers ?? {})), valid.map((item) => item.confidence ?? null),
      valid.map((item) => JSON.stringify(item.attributes ?? {})), valid.map((item) => item.mediaRef ?? null), now,
    ],
  );
  if (!stored?.known) {
    await deadLetter(sql, channel, null, `unknown or inactive source ${sourceId.slice(0, 64)}`, items);
    return { accepted: 0, duplicates: 0, rejected: items.map((_, index) => ({ index, reason: 'unknown or inactive source' })) };
  }
  for (const { index, reason } of rejected) await deadLetter(sql, channel, sourceId, reason, items[index]);
  return { accepted: stored.inserted, duplicates: valid.length - stored.inserted, rejected };
}

export async function deadLetter(sql: Sql, channel: Channel, sourceId: string | null, reason: string, payload: unknown): Promise<void> {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload) ?? String(payload);
  await sql.query(
    'insert into observation_dead_letters (id, channel, source_id, reason, payload) values ($1, $2, $3, $4, $5)',
    [randomUUID(), channel, sourceId, reason.slice(0, 500), text.slice(0, DEAD_LETTER_BYTES)],
  );
}

/** A message body as observations: one object, or an array of them. */
export function parseMessage(payload: Buffer | string): { items: unknown[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return { error: 'not JSON' };
  }
  if (Array.isArray(parsed)) return parsed.length > 0 && parsed.length <= 1000 ? { items: parsed } : { error: 'an array of 1 to 1,000 observations is expected' };
  if (typeof parsed === 'object' && parsed !== null) return { items: [parsed] };
  return { error: 'an observation object or an array of them is expected' };
}
