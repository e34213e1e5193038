// The appeals screens' own lists, in the order they show them. The shapes of the API's answers are the server's
// response contracts (src/modules/appeals/appeals.contract.ts, models/models.contract.ts), imported as types where
// they are used; `satisfies` keeps these lists within the contract's vocabularies.

import type {
  AppealLanguage,
  AppealStatus,
  RiskLabel,
} from '../../../../src/modules/appeals/appeals.contract.js';

export const RISK_LABELS = [
  'violence',
  'threat',
  'self_harm',
  'corruption',
  'bullying',
  'fraud',
  'drugs',
] as const satisfies readonly RiskLabel[];

export const APPEAL_LANGUAGES = [
  'kk',
  'ru',
  'en',
  'kk-latn',
  'mixed',
] as const satisfies readonly AppealLanguage[];

export const APPEAL_STATUSES = [
  'new',
  'confirmed',
  'escalated',
  'routed',
  'closed',
] as const satisfies readonly AppealStatus[];

/** Kinds of agency an appeal is routed to (src/modules/appeals/model/routing.ts); an analyst may name another. */
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

/** The queue's term filter (the `sla` query parameter). */
export type SlaFilter = 'overdue' | 'due_soon';
