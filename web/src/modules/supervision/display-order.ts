import type {
  Outcome,
  SupervisionAlertKind,
} from '../../../../src/modules/supervision/supervision.contract.js';

// Which alert kinds and outcomes the screens show, in the order they show them. The types come from the server's
// contract; the lists are the screens' own (a type import brings no values into the browser).

/** The live map's legend, in this order. */
export const ALERT_KINDS = [
  'watchlist_person',
  'watchlist_vehicle',
  'probation_curfew',
  'probation_exclusion',
  'probation_area',
  'bracelet_silent',
  'checkin_missed',
  'zone_incursion',
  'public_order',
  'source_silent',
] as const satisfies readonly SupervisionAlertKind[];

/** The outcome buttons, in this order. */
export const OUTCOMES = ['detained', 'not_found', 'false_match'] as const satisfies readonly Outcome[];
