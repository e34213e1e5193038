// Shapes of the appeals API (src/modules/appeals/appeals.routes.ts and models.routes.ts). The server is the source
// of truth; these are plain data types with no behaviour.

import type { Severity } from '../../app/types';

export const RISK_LABELS = [
  'violence',
  'threat',
  'self_harm',
  'corruption',
  'bullying',
  'fraud',
  'drugs',
] as const;
export type RiskLabel = (typeof RISK_LABELS)[number];

/** Risk levels share the four steps (and the badge) of alert severity. */
export type RiskLevel = Severity;

export const APPEAL_LANGUAGES = ['kk', 'ru', 'en', 'kk-latn', 'mixed'] as const;
export type AppealLanguage = (typeof APPEAL_LANGUAGES)[number];

export const APPEAL_STATUSES = ['new', 'confirmed', 'escalated', 'routed', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Kinds of agency an appeal is routed to (src/modules/appeals/model/routing.ts). */
export const AGENCY_KINDS = [
  'police',
  'anticor',
  'education',
  'akimat',
  'health',
  'social',
  'ecology',
  'digital',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const ENTITY_KINDS = [
  'phone',
  'card',
  'iin',
  'url',
  'telegram',
  'instagram',
  'handle',
  'email',
  'crypto_wallet',
  'plate',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type SlaFilter = 'overdue' | 'due_soon';
export type TextField = 'subject' | 'text';

export interface AppealQueueItem {
  id: string;
  externalId: string;
  receivedAt: string;
  region: string;
  subject: string | null;
  /** Masked, e.g. "С***** А. Б., ИИН 85********20". */
  applicant: string;
  language: AppealLanguage;
  /** The analyst's labels when corrected or confirmed, else the model's. */
  labels: RiskLabel[];
  modelLabels: RiskLabel[];
  riskLevel: RiskLevel;
  status: AppealStatus;
  slaDueAt: string;
  overdue: boolean;
  routeAgency: string | null;
}

export interface EvidencePhrase {
  text: string;
  start: number;
  end: number;
  /** The phrase's share of the evidence for its label, 0..1. */
  weight: number;
  /** Absent when the appeal has no subject: the offsets are then into the text. */
  field?: TextField;
}

export interface Aggravating {
  kind: 'minor' | 'weapon' | 'official' | 'repeat';
  phrase: string;
}

export interface AppealEntity {
  kind: EntityKind;
  value: string;
  start: number;
  end: number;
  detail?: string;
  field?: TextField;
}

export interface AppealHistoryEntry {
  at: string;
  actor: string | null;
  action: string;
  note: string | null;
  labels: RiskLabel[] | null;
}

export interface Attachment {
  name: string;
  mimeType: string;
  size: number;
}

export interface AppealDetail extends AppealQueueItem {
  submittedAt: string;
  channel: string;
  addressee: string | null;
  text: string;
  attachments: Attachment[];
  scores: Partial<Record<RiskLabel, number>>;
  /**
   * Each label's decision threshold in the model that screened the appeal (chosen per label at training time). Not
   * sent by the server yet; 0.5 is assumed without it.
   */
  thresholds?: Partial<Record<RiskLabel, number>>;
  explanation: {
    summary: string;
    labels: Partial<Record<RiskLabel, EvidencePhrase[]>>;
    aggravating: Aggravating[];
  };
  entities: AppealEntity[];
  topic: string | null;
  modelVersion: string;
  screenedAt: string;
  outcome: string | null;
  closedAt: string | null;
  alertId: string | null;
  /** Sent with GET /api/appeals/:id; action responses carry the appeal without it. */
  history?: AppealHistoryEntry[];
}

export interface Applicant {
  name?: string;
  iin?: string;
  phone?: string;
  email?: string;
}

export interface AppealStats {
  byLabel: Partial<Record<RiskLabel, number>>;
  byRegion: Record<string, { total: number; risky: number }>;
  byWeek: { week: string; total: number; risky: number }[];
  screenedWithinMinute: number | null;
  total: number;
  modelVersion: string | null;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support?: number;
}

export interface ModelCard {
  heldOut?: {
    appeals?: number;
    macroF1: number;
    anyRisk: Prf;
    perLabel: Partial<Record<RiskLabel, Prf>>;
    calibration?: { ece?: number };
  };
  baseline?: { macroF1: number; anyRisk: Prf };
  trainingAppeals?: number;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ModelVersion {
  version: string;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
  card: ModelCard;
}
