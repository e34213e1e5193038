import type { Sql } from '../../../core/index.js';

/** A registered offence as offence_records stores it; the chapter is resolved from the article when not given. */
export interface OffenceRecordRow {
  recordId: string;
  source: string;
  registeredOn: string;
  region: string;
  district: string | null;
  chapter: string;
  article: string;
  severity: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Stores the records not stored yet and returns their ids. The insert decides which are new, so a resent batch, or two
 * connectors racing with the same record, store it once.
 */
export async function insertNewRecords(sql: Sql, records: readonly OffenceRecordRow[]): Promise<string[]> {
  const inserted = await sql.query<{ record_id: string }>(
    `insert into offence_records (record_id, source, registered_on, region, district, chapter, article, severity, lat, lon)
     select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[])
     on conflict (record_id) do nothing returning record_id`,
    [
      records.map((record) => record.recordId),
      records.map((record) => record.source),
      records.map((record) => record.registeredOn),
      records.map((record) => record.region),
      records.map((record) => record.district),
      records.map((record) => record.chapter),
      records.map((record) => record.article),
      records.map((record) => record.severity),
      records.map((record) => record.lat),
      records.map((record) => record.lon),
    ],
  );
  return inserted.map((row) => row.record_id);
}
