import { distanceMetres, insideGeometry } from '../../../core/index.js';
import { localClock, withinWindow } from '../pipeline/local-time.js';
import type { Hit, Rule, StoredObservation } from '../pipeline/rule.js';
import { activeOrderRules, activeZones } from './zones.repository.js';

/** An activity detection with a place: what the zone and public-order rules judge. */
interface Located {
  observation: StoredObservation;
  activity: string;
  lat: number;
  lon: number;
}

function locatedActivities(observations: readonly StoredObservation[]): Located[] {
  const detections: Located[] = [];
  for (const observation of observations) {
    const { activity } = observation.attributes;
    const { lat, lon } = observation;
    if (observation.kind === 'activity' && typeof activity === 'string' && lat !== null && lon !== null)
      detections.push({ observation, activity, lat, lon });
  }
  return detections;
}

/** Activity detections (from drones and cameras) inside a restricted zone where that activity is forbidden. */
export function zonesRule(): Rule {
  return {
    name: 'zones',
    async judge(sql, observations) {
      const detections = locatedActivities(observations);
      if (detections.length === 0) return [];
      const zones = await activeZones(sql);
      const hits: Hit[] = [];
      for (const { observation, activity, lat, lon } of detections) {
        for (const zone of zones) {
          if (!zone.forbidden_activities.includes(activity) || !insideGeometry(lon, lat, zone.geometry))
            continue;
          const count =
            typeof observation.attributes.count === 'number'
              ? ` (${String(observation.attributes.count)} detected)`
              : '';
          const summary = `${observation.sourceKind} ${observation.sourceId} detected ${activity}${count} inside ${zone.name}, a ${zone.kind.replaceAll('_', ' ')} zone where ${zone.forbidden_activities.join(', ')} is forbidden${observation.confidence === null ? '' : `; detector confidence ${observation.confidence.toFixed(2)}`}.`;
          hits.push({
            observation,
            rule: 'zone_incursion',
            subject: { type: 'zone', id: zone.id, label: zone.name },
            score: observation.confidence ?? 1,
            reasons: [summary],
            severity: zone.kind === 'border_strip' ? 'high' : 'medium',
            title: `${activity.replaceAll('_', ' ')} in a restricted zone: ${zone.name}`,
            summary,
            evidence: {
              zoneId: zone.id,
              zoneKind: zone.kind,
              activity,
              count: observation.attributes.count ?? null,
              confidence: observation.confidence,
              mediaRef: observation.mediaRef,
            },
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
      const detections = locatedActivities(observations);
      if (detections.length === 0) return [];
      const rules = await activeOrderRules(sql);
      const hits: Hit[] = [];
      for (const { observation, activity, lat, lon } of detections) {
        for (const rule of rules) {
          if (
            !rule.activities.includes(activity) ||
            !withinWindow(observation.observedAt, rule.from_time, rule.to_time)
          )
            continue;
          if ((observation.confidence ?? 1) < rule.min_confidence) continue;
          const count =
            typeof observation.attributes.count === 'number' ? observation.attributes.count : null;
          if (activity === 'crowd' && (count ?? 0) < rule.min_crowd) continue;
          const distance = distanceMetres(lat, lon, rule.lat, rule.lon);
          if (distance > rule.radius_m) continue;
          const summary = `${observation.sourceKind} ${observation.sourceId} detected ${activity === 'crowd' ? `a crowd of about ${String(count)}` : 'a fight'} ${String(Math.round(distance))} m from ${rule.name} at ${localClock(observation.observedAt)} local time (watched ${rule.from_time}–${rule.to_time}${activity === 'crowd' ? `, from ${String(rule.min_crowd)} people` : ''}).`;
          hits.push({
            observation,
            rule: 'public_order',
            subject: { type: 'place', id: rule.id, label: rule.name },
            score: observation.confidence ?? 1,
            reasons: [summary],
            severity: activity === 'fight' ? 'high' : 'medium',
            title: `${activity === 'fight' ? 'Fight' : 'Crowd'} at ${rule.name}`,
            summary,
            evidence: {
              ruleId: rule.id,
              activity,
              count,
              distanceM: Math.round(distance),
              confidence: observation.confidence,
              mediaRef: observation.mediaRef,
            },
          });
        }
      }
      return hits;
    },
  };
}
