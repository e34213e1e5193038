import type { Severity, Sql } from '../../../core/index.js';
import type { ObservationKind } from '../observations/observations.schema.js';

/** An observation as the pipeline reads it, with its source's region. */
export interface StoredObservation {
  id: string;
  sourceId: string;
  sourceKind: string;
  region: string;
  externalId: string;
  observedAt: Date;
  lat: number | null;
  lon: number | null;
  kind: ObservationKind;
  identifiers: {
    iin?: string;
    document?: string;
    name?: string;
    birthDate?: string;
    plate?: string;
    device?: string;
  };
  confidence: number | null;
  attributes: Record<string, string | number | boolean>;
  mediaRef: string | null;
}

/** One rule an observation triggered: what, about whom or what, how sure, and why. */
export interface Hit {
  observation: StoredObservation;
  rule: string;
  subject: { type: string; id: string; label: string; personal?: Record<string, string> | undefined };
  score: number;
  /** In words a duty officer can check; may name the person, so kept with the personal data. */
  reasons: string[];
  severity: Severity;
  title: string;
  summary: string;
  evidence: Record<string, unknown>;
}

export interface Rule {
  name: string;
  judge: (sql: Sql, observations: readonly StoredObservation[]) => Promise<Hit[]>;
}
