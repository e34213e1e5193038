import { inRegionScope, type PolygonGeometry, type RegionScope, type Sql } from '../../../core/index.js';
import type { ZoneGeometry, ZoneKind } from './zones.contract.js';

export interface ZoneRow {
  id: string;
  name: string;
  kind: ZoneKind;
  geometry: PolygonGeometry;
  forbidden_activities: string[];
}

export interface OrderRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  radius_m: number;
  activities: string[];
  from_time: string;
  to_time: string;
  min_confidence: number;
  min_crowd: number;
}

export interface NewZone {
  id: string;
  name: string;
  kind: ZoneKind;
  region: string;
  /** Stored as GeoJSON. */
  geometry: ZoneGeometry | PolygonGeometry;
  forbiddenActivities: readonly string[];
}

export interface NewOrderRule {
  id: string;
  name: string;
  region: string;
  lat: number;
  lon: number;
  radiusM: number;
  activities: readonly string[];
  from: string;
  to: string;
  minConfidence?: number | undefined;
  minCrowd?: number | undefined;
}

/** Defines a zone; false if the id is taken. */
export async function insertZone(sql: Sql, zone: NewZone): Promise<boolean> {
  const inserted = await sql.query(
    `insert into restricted_zones (id, name, kind, region, geometry, forbidden_activities) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing returning id`,
    [zone.id, zone.name, zone.kind, zone.region, JSON.stringify(zone.geometry), zone.forbiddenActivities],
  );
  return inserted.length > 0;
}

export async function zoneExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select 1 from restricted_zones where id = $1', [id])).length > 0;
}

/** A zone as listed: its geometry as the request that defined it had it (a Polygon or a MultiPolygon). */
export type ListedZoneRow = Omit<ZoneRow, 'geometry'> & {
  geometry: ZoneGeometry;
  region: string;
  incursions: number;
};

/** Active zones in the caller's regions with their incursions of the last 30 days. */
export async function listZones(sql: Sql, scope: RegionScope): Promise<ListedZoneRow[]> {
  return sql.query<ListedZoneRow>(
    `select z.*, (select count(*)::int from supervision_hits h where h.subject_id = z.id and h.rule = 'zone_incursion' and h.created_at > now() - interval '30 days') as incursions
     from restricted_zones z where z.active and ${inRegionScope('z.region', 1)} order by z.id`,
    [scope],
  );
}

/** Every active zone, for the rule (zones are few, and an activity may be seen outside its source's region). */
export async function activeZones(sql: Sql): Promise<ZoneRow[]> {
  return sql.query<ZoneRow>(
    'select id, name, kind, geometry, forbidden_activities from restricted_zones where active',
  );
}

/** Defines a public-order rule; false if the id is taken. */
export async function insertOrderRule(sql: Sql, rule: NewOrderRule): Promise<boolean> {
  const inserted = await sql.query(
    `insert into public_order_rules (id, name, region, lat, lon, radius_m, activities, from_time, to_time, min_confidence, min_crowd)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing returning id`,
    [
      rule.id,
      rule.name,
      rule.region,
      rule.lat,
      rule.lon,
      rule.radiusM,
      rule.activities,
      rule.from,
      rule.to,
      rule.minConfidence ?? 0.6,
      rule.minCrowd ?? 50,
    ],
  );
  return inserted.length > 0;
}

export async function activeOrderRules(sql: Sql): Promise<OrderRow[]> {
  return sql.query<OrderRow>(
    `select id, name, lat, lon, radius_m, activities, to_char(from_time, 'HH24:MI') as from_time, to_char(to_time, 'HH24:MI') as to_time, min_confidence, min_crowd
     from public_order_rules where active`,
  );
}
