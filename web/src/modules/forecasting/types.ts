// The forecasting API's response types come from the server's contract (imported as types from
// src/modules/forecasting/forecasting.contract.ts). What stays here is the dashboard's own: the lists its pickers
// offer (checked against the contract's unions) and the core's subscription shape its forms use.

import type { Severity } from '../../app/types';
import type {
  DecisionAction,
  Frequency,
  MapMeasure,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

export const FREQUENCIES = ['monthly', 'weekly'] as const satisfies readonly Frequency[];

export const MAP_MEASURES = ['rate', 'change', 'anomaly'] as const satisfies readonly MapMeasure[];

export const DECISION_ACTIONS = [
  'preventive_measures',
  'patrols_reinforced',
  'inspection_ordered',
  'information_sent',
  'registration_audit',
  'no_action',
] as const satisfies readonly DecisionAction[];

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
