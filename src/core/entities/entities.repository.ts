import type { Sql } from '../db/db.js';
import type { RegionScope } from '../auth/actor.js';

export interface EntityMention {
  kind: string;
  value: string;
  module: string;
  sourceType: string;
  sourceId: string;
  region: string | null;
}

/** Records identifiers seen by a module; idempotent per source. */
export async function recordMentions(sql: Sql, mentions: readonly EntityMention[]): Promise<void> {
  if (mentions.length === 0) return;
  await sql.query(
    `insert into entity_mentions (kind, value, module, source_type, source_id, region)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     on conflict do nothing`,
    [
      mentions.map((m) => m.kind),
      mentions.map((m) => m.value),
      mentions.map((m) => m.module),
      mentions.map((m) => m.sourceType),
      mentions.map((m) => m.sourceId),
      mentions.map((m) => m.region),
    ],
  );
}

/** Other sources that mention the same identifier, within the caller's regions. */
export async function findMentions(sql: Sql, scope: RegionScope, kind: string, value: string, limit = 50) {
  return sql.query<{
    module: string;
    source_type: string;
    source_id: string;
    region: string | null;
    seen_at: Date;
  }>(
    `select module, source_type, source_id, region, seen_at from entity_mentions
     where kind = $1 and value = $2 and ($3::text[] is null or region = any($3::text[])) order by seen_at desc limit $4`,
    [kind, value, scope, limit],
  );
}
