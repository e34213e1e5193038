import { distanceMetres, insideGeometry, type PolygonGeometry } from '../../../core/index.js';
import { localClock, withinWindow } from '../pipeline/local-time.js';
import type { Hit, Rule, StoredObservation } from '../pipeline/rule.js';

interface ZoneRow {
  id: string;
  name: string;
  kind: string;
  geometry: PolygonGeometry;
  forbidden_activities: string[];
}

interface OrderRow {
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

const activityOf = (observation: StoredObservation) => (typeof observation.attributes.activity === 'string' ? observation.attributes.activity : null);
const located = (observation: StoredObservation) => observation.kind === 'activity' && activityOf(observation) !== null && observation.lat !== null && observation.lon !== null;

/** Activity detections (from drones and cameras) inside a restricted zone where that activity is forbidden. */
export function zonesRule(): Rule {
  return {
    name: 'zones',
    async judge(sql, observations) {
      const detections = observations.filter(located);
      if (detections.length === 0) return [];
      const zones = await sql.query<ZoneRow>('select id, name, kind, geometry, forbidden_activities from restricted_zones where active');
      const hits: Hit[] = [];
      for (const observation of detections) {
        const activity = activityOf(observation)!;
        for (const zone of zones) {
          if (!zone.forbidden_activities.includes(activity) || !insideGeometry(observation.lon!, observation.lat!, zone.geometry)) continue;
          const count = typeof observation.attributes.count === 'number' ? ` (${String(observation.attributes.count)} detected)` : '';
          const summary = `${observation.sourceKind} ${observation.sourceId} detected ${activity}${count} inside ${zone.name}, a ${zone.kind.replaceAll('_', ' ')} zone where ${zone.forbidden_activities.join(', ')} is forbidden${observation.confidence === null ? '' : `; detector confidence ${observation.confidence.toFixed(2)}`}.`;
          hits.push({
            observation, rule: 'zone_incursion', subject: { type: 'zone', id: zone.id, label: zone.name }, score: observation.confidence ?? 1, reasons: [summary],
            severity: zone.kind === 'border_strip' ? 'high' : 'medium', title: `${activity.replaceAll('_', ' ')} in a restricted zone: ${zone.name}`, summary,
            evidence: { zoneId: zone.id, zoneKind: zone.kind, activity, count: observation.attributes.count ?? null, confidence: observation.confidence, mediaRef: observation.mediaRef },
          });
        }
      }
      return hits;
    },
  };
}

/** Fights or large crowds detected at a watched place during its watched hours. */
export function publicOrderRule(): Rule {
  return {
    name: 'public_order',
    async judge(sql, observations) {
      const detections = observations.filter(located);
      if (detections.length === 0) return [];
      const rules = await sql.query<OrderRow>(
        `select id, name, lat, lon, radius_m, activities, to_char(from_time, 'HH24:MI') as from_time, to_char(to_time, 'HH24:MI') as to_time, min_confidence, min_crowd
         from public_order_rules where active`,
      );
      const hits: Hit[] = [];
      for (const observation of detections) {
        const activity = activityOf(observation)!;
        for (const rule of rules) {
          if (!rule.activities.includes(activity) || !withinWindow(observation.observedAt, rule.from_time, rule.to_time)) continue;
          if ((observation.confidence ?? 1) < rule.min_confidence) continue;
          const count = typeof observation.attributes.count === 'number' ? observation.attributes.count : null;
          if (activity === 'crowd' && (count ?? 0) < rule.min_crowd) continue;
          const distance = distanceMetres(observation.lat!, observation.lon!, rule.lat, rule.lon);
          if (distance > rule.radius_m) continue;
          const summary = `${observation.sourceKind} ${observation.sourceId} detected ${activity === 'crowd' ? `a crowd of about ${String(count)}` : 'a fight'} ${String(Math.round(distance))} m from ${rule.name} at ${localClock(observation.observedAt)} local time (watched ${rule.from_time}–${rule.to_time}${activity === 'crowd' ? `, from ${String(rule.min_crowd)} people` : ''}).`;
          hits.push({
            observation, rule: 'public_order', subject: { type: 'place', id: rule.id, label: rule.name }, score: observation.confidence ?? 1, reasons: [summary],
            severity: activity === 'fight' ? 'high' : 'medium', title: `${activity === 'fight' ? 'Fight' : 'Crowd'} at ${rule.name}`, summary,
            evidence: { ruleId: rule.id, activity, count, distanceM: Math.round(distance), confidence: observation.confidence, mediaRef: observation.mediaRef },
          });
        }
      }
      return hits;
    },
  };
}
