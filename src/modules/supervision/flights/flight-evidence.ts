import type { Sql } from '../../../core/index.js';
import type { Hit } from '../pipeline/rule.js';
import { flightsAt } from './flights.repository.js';

/**
 * A drone's hits say which flight they came from: its purpose and operator, so a duty officer can check that the
 * drone was up on a stated mission, or that it was not (a detection outside any registered flight is reported, not
 * dropped, and says so).
 */
export async function attachFlights(sql: Sql, hits: Hit[]): Promise<void> {
  const fromDrones = hits.filter((hit) => hit.observation.sourceKind === 'drone');
  if (fromDrones.length === 0) return;
  const times = fromDrones.map((hit) => hit.observation.observedAt.getTime());
  const flights = await flightsAt(
    sql,
    [...new Set(fromDrones.map((hit) => hit.observation.sourceId))],
    new Date(Math.min(...times)),
    new Date(Math.max(...times)),
  );
  for (const hit of fromDrones) {
    const at = hit.observation.observedAt.getTime();
    const flight = flights.find(
      (candidate) =>
        candidate.drone_id === hit.observation.sourceId &&
        new Date(candidate.planned_start).getTime() <= at &&
        new Date(candidate.ended_at ?? candidate.planned_end).getTime() >= at,
    );
    hit.evidence = {
      ...hit.evidence,
      flight: flight ? { id: flight.id, purpose: flight.purpose, operator: flight.operator } : null,
    };
    hit.summary = `${hit.summary} ${flight ? `Flight: ${flight.purpose} (${flight.operator}).` : 'The drone was on no registered flight.'}`;
  }
}
