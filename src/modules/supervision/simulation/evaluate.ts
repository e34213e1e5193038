import type { Sql } from '../../../core/index.js';
import { plantedKinds, type TruthEvent } from './planted.js';
import { alertedHitsSince } from './simulation.repository.js';

export interface KindQuality {
  kind: string;
  planted: number;
  found: number;
  recall: number | null;
  hits: number;
  hitsOnPlanted: number;
  precision: number | null;
}

export interface SimulationQuality {
  since: string;
  planted: number;
  found: number;
  recall: number | null;
  hits: number;
  hitsOnPlanted: number;
  precision: number | null;
  byKind: KindQuality[];
  missed: TruthEvent[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Precision and recall of the alerts against the planted truth. A planted event is found when a hit of the expected
 * rule about the expected subject, with its alert, exists for its observation (source and external id). Precision is
 * the share of the hits in the window (hits of observations: silences and missed check-ins have none) that fell on
 * planted observations; the per-rule rows show where the rest came from.
 */
export async function evaluateSimulation(
  sql: Sql,
  truth: readonly TruthEvent[],
  since: Date,
): Promise<SimulationQuality> {
  const hits = await alertedHitsSince(sql, since);
  const key = (source: string, externalId: string) => `${source}\u0000${externalId}`;
  const planted = new Map(truth.map((event) => [key(event.source, event.externalId), event]));
  const found = new Set<string>();
  for (const hit of hits) {
    const event = planted.get(key(hit.source_id, hit.external_id));
    if (event && event.kind === hit.rule && event.subject === hit.subject_id)
      found.add(key(event.source, event.externalId));
  }
  const rules = [...new Set([...plantedKinds, ...hits.map((hit) => hit.rule)])];
  const byKind = rules
    .map((kind): KindQuality => {
      const events = truth.filter((event) => event.kind === kind);
      const kindHits = hits.filter((hit) => hit.rule === kind);
      const onPlanted = kindHits.filter((hit) => planted.has(key(hit.source_id, hit.external_id))).length;
      const foundHere = events.filter((event) => found.has(key(event.source, event.externalId))).length;
      return {
        kind,
        planted: events.length,
        found: foundHere,
        recall: share(foundHere, events.length),
        hits: kindHits.length,
        hitsOnPlanted: onPlanted,
        precision: share(onPlanted, kindHits.length),
      };
    })
    .filter((row) => row.planted > 0 || row.hits > 0);
  const onPlanted = hits.filter((hit) => planted.has(key(hit.source_id, hit.external_id))).length;
  return {
    since: since.toISOString(),
    planted: truth.length,
    found: found.size,
    recall: share(found.size, truth.length),
    hits: hits.length,
    hitsOnPlanted: onPlanted,
    precision: share(onPlanted, hits.length),
    byKind,
    missed: truth.filter((event) => !found.has(key(event.source, event.externalId))),
  };
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);

export function formatQuality(quality: SimulationQuality): string {
  const header = ['kind', 'planted', 'found', 'recall', 'hits', 'on planted', 'precision'];
  const rows = [
    ...quality.byKind.map((row) => [
      row.kind,
      String(row.planted),
      String(row.found),
      percent(row.recall),
      String(row.hits),
      String(row.hitsOnPlanted),
      percent(row.precision),
    ]),
    [
      'all',
      String(quality.planted),
      String(quality.found),
      percent(quality.recall),
      String(quality.hits),
      String(quality.hitsOnPlanted),
      percent(quality.precision),
    ],
  ];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const missed = quality.missed
    .slice(0, 10)
    .map(
      (event) =>
        `  missed ${event.kind} ${event.subject} (${event.variant}) ${event.source}/${event.externalId}`,
    );
  return [`since ${quality.since}`, line(header), ...rows.map(line), ...missed].join('\n');
}

export function parseTruth(text: string): TruthEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as TruthEvent);
}
