import type {
  AppealDetail,
  EntityKind,
  EvidencePhrase,
  RiskLabel,
  TextField,
} from '../../../../src/modules/appeals/appeals.contract.js';

// Evidence phrases and entities arrive as [start, end) offsets into the subject or the text (UTF-16 code units, as
// the server's JavaScript counts them). Spans may overlap (a phrase inside another label's phrase, a phone number
// inside a threat), so the text is cut at every boundary and each piece knows every span that covers it.

export interface EvidenceSpan {
  start: number;
  end: number;
  label: RiskLabel;
  weight: number;
  /** Weight relative to the label's strongest phrase, 0..1: how strongly the phrase is painted. */
  strength: number;
}

export interface EntitySpan {
  start: number;
  end: number;
  kind: EntityKind;
  value: string;
  detail?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Covering evidence, strongest first. */
  evidence: EvidenceSpan[];
  entities: EntitySpan[];
  /** Entities that end with this piece: their kind is shown after it. */
  entityEnds: EntitySpan[];
}

/**
 * The offsets as given when they still point at the phrase; otherwise the phrase's nearest occurrence, so a text
 * edited after screening (or a model that counted differently) cannot paint the wrong words. Null if it is gone.
 */
export function locate(text: string, start: number, end: number, expected: string): [number, number] | null {
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === expected)
    return [start, end];
  if (!expected) return null;
  let best: number | null = null;
  for (let at = text.indexOf(expected); at >= 0; at = text.indexOf(expected, at + 1)) {
    if (best === null || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === null ? null : [best, best + expected.length];
}

const fieldOf = (item: { field?: TextField }): TextField => item.field ?? 'text';

export function spansFor(
  appeal: Pick<AppealDetail, 'explanation' | 'entities'>,
  field: TextField,
  text: string,
): { evidence: EvidenceSpan[]; entities: EntitySpan[] } {
  const evidence: EvidenceSpan[] = [];
  const byLabel = Object.entries(appeal.explanation.labels) as [RiskLabel, EvidencePhrase[] | undefined][];
  for (const [label, phrases] of byLabel) {
    // Weights share out one label's evidence, so with many phrases none is large; strength compares each phrase
    // with the label's strongest, in both fields.
    const strongest = Math.max(0, ...(phrases ?? []).map((p) => p.weight));
    for (const phrase of phrases ?? []) {
      if (fieldOf(phrase) !== field) continue;
      const at = locate(text, phrase.start, phrase.end, phrase.text);
      const strength = strongest > 0 ? phrase.weight / strongest : 0;
      if (at) evidence.push({ start: at[0], end: at[1], label, weight: phrase.weight, strength });
    }
  }
  const entities: EntitySpan[] = appeal.entities
    .filter((e) => fieldOf(e) === field && e.start >= 0 && e.end <= text.length && e.start < e.end)
    .map((e) => ({ start: e.start, end: e.end, kind: e.kind, value: e.value, detail: e.detail }));
  return { evidence, entities };
}

export function segment(text: string, evidence: EvidenceSpan[], entities: EntitySpan[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const s of [...evidence, ...entities]) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      evidence: evidence.filter((s) => s.start <= start && s.end >= end).sort((a, b) => b.weight - a.weight),
      entities: entities.filter((s) => s.start <= start && s.end >= end),
      entityEnds: entities.filter((s) => s.end === end),
    });
  }
  return segments;
}
