// Shapes of the forecasting API (src/modules/forecasting/forecasting.routes.ts). The server is the source of truth;
// these are plain data types with no behaviour.

import type { Localized, Severity } from '../../app/types';

export const FREQUENCIES = ['monthly', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const MAP_MEASURES = ['rate', 'change', 'anomaly'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export const DECISION_ACTIONS = [
  'preventive_measures',
  'patrols_reinforced',
  'inspection_ordered',
  'information_sent',
  'registration_audit',
  'no_action',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export type AnomalyKind = 'interval_breach' | 'sustained_shift';
export type Direction = 'up' | 'down';

export interface CatalogueDistrict {
  code: string;
  name: Localized;
  population: number;
}

export interface CatalogueRegion extends CatalogueDistrict {
  districts: CatalogueDistrict[];
}

export interface CatalogueArticle {
  code: string;
  name: Localized;
  short: Localized;
}

export interface CatalogueChapter {
  code: string;
  name: Localized;
  articles: CatalogueArticle[];
}

export interface Catalogue {
  regions: CatalogueRegion[];
  chapters: CatalogueChapter[];
  ranges: Record<Frequency, { first: string; last: string } | null>;
  currentPeriod: Record<Frequency, string>;
  source: string;
  note: string;
}

/** Where the counts are taken (region and district) and what is counted (chapter and article); null = all. */
export interface SliceCodes {
  region: string | null;
  /** '' is "other districts / not stated". */
  district: string | null;
  chapter: string | null;
  /** '' is "other articles of the chapter". */
  article: string | null;
}

export interface SliceHead extends SliceCodes {
  frequency: Frequency;
  key: string;
  label: { area: Localized; category: Localized };
}

export interface MapRegion {
  code: string;
  name: Localized;
  count: number;
  rate: number;
  yearOnYear: number | null;
  anomalyScore: number | null;
  expected: number | null;
}

export interface MapView {
  period: string | null;
  frequency: Frequency;
  chapter: string | null;
  regions: MapRegion[];
}

export interface ForecastPoint {
  period: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface FlaggedPoint {
  id: string;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
  observed: number;
  expected: number;
  lo95: number;
  hi95: number;
  alertId: string | null;
}

export interface ForecastView {
  slice: SliceHead;
  horizon: number;
  history: { period: string; count: number }[];
  partial: { period: string; count: number } | null;
  forecast: ForecastPoint[];
  model: string;
  validation: Partial<Record<'snaive' | 'ets' | 'theta' | 'tsb' | 'combination', number>>;
  reconciliation: { level: 'country' | 'regions' | 'region' | 'chapter'; with: string; meanAdjustment: number } | null;
  explanation: string;
  flagged: FlaggedPoint[];
}

export interface Change {
  previous: number;
  difference: number;
  percent: number | null;
}

export interface PeriodFigures {
  period: string;
  count: number;
  rate: number | null;
  monthOnMonth: Change | null;
  yearOnYear: Change | null;
}

export type ChildDimension = 'region' | 'district' | 'chapter' | 'article';

export interface ChildFigures extends PeriodFigures {
  code: string;
  label: Localized;
  share: number | null;
}

export interface DynamicsView {
  slice: SliceHead & { population: number | null };
  latest: (PeriodFigures & { shareOfArea: number | null; shareOfCategory: number | null }) | null;
  history: { period: string; count: number; rate: number | null; complete: boolean }[];
  children: { dimension: ChildDimension; items: ChildFigures[] }[];
}

export interface Departure {
  seriesKey: string;
  slice: SliceCodes;
  label: string;
  observed: number;
  expected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  score: number;
  model: string;
  complete: boolean;
  outside95: boolean;
  anomalyId: string | null;
  alertId: string | null;
}

export interface DeparturesView {
  period: string | null;
  items: Departure[];
}

export interface Anomaly {
  id: string;
  seriesKey: string;
  label: string;
  frequency: Frequency;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
  region: string;
  observed: number;
  expected: number;
  lo95: number;
  hi95: number;
  score: number;
  summary: string;
  evidence: Record<string, unknown>;
  alertId: string | null;
  detectedAt: string;
  decisions?: number;
}

export interface Decision {
  id: string;
  anomalyId: string;
  seriesKey: string;
  label: string;
  frequency: Frequency;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
  region: string;
  action: DecisionAction;
  note: string;
  decidedBy: string;
  decidedAt: string;
  baseline: { from: string; model: string; mean: number[]; lo80: number[]; hi80: number[] };
  effect: { periods: number; observed: number; expected: number; percent: number | null; words: string };
}

/** A webhook subscription as GET /api/subscriptions returns it, with the topics that narrow it. */
export interface TopicSubscription {
  id: string;
  agencyId: string;
  url: string;
  regions: string[];
  modules: string[];
  minSeverity: Severity;
  topics: string[];
  active: boolean;
  createdAt: string;
}
