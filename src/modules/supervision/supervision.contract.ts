import { Type, type Static } from 'typebox';
import { SourceSchema } from './sources/sources.contract.js';

/**
 * What the supervision module's routes answer: the schemas that serialise each response and document it in the
 * OpenAPI document, and the types the server and the dashboard both derive from them. This file holds the
 * dashboard's own routes (measures, live map, outcomes) and re-exports the areas' contracts, so the dashboard takes
 * every response type of the module from here. Imports typebox and other contracts only.
 */
export * from './sources/sources.contract.js';
export * from './observations/observations.contract.js';
export * from './watchlists/watchlists.contract.js';
export * from './probation/probation.contract.js';
export * from './zones/zones.contract.js';
export * from './flights/flights.contract.js';

/** What the dispatched officers found. */
export const outcomes = ['detained', 'not_found', 'false_match'] as const;
/** The kinds of alert the module's rules and jobs raise (an integration may raise others under the module's name). */
export const alertKinds = [
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
] as const;
const severities = ['critical', 'high', 'medium', 'low'] as const;

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Moment = Type.String({ format: 'date-time' });
const Rate = Nullable(Type.Number({ description: 'a share between 0 and 1; null with nothing to count' }));

export const OutcomeSchema = oneOf(outcomes);
export type Outcome = Static<typeof OutcomeSchema>;
export type SupervisionAlertKind = (typeof alertKinds)[number];

/** An alert of the last hours where it happened, for the live map: no personal data, the label is masked. */
export const LiveAlertSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  severity: oneOf(severities),
  status: Type.String(),
  region: Type.String(),
  subjectId: Type.String(),
  label: Type.String({ description: 'masked, as in the inbox' }),
  location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  createdAt: Moment,
  outcome: Nullable(OutcomeSchema),
  outcomeAt: Nullable(Moment),
});
export type LiveAlert = Static<typeof LiveAlertSchema>;

export const LiveViewSchema = Type.Object({
  alerts: Type.Array(LiveAlertSchema),
  sources: Type.Array(SourceSchema),
});
export type LiveView = Static<typeof LiveViewSchema>;

export const MeasuresSchema = Type.Object({
  days: Type.Integer(),
  wanted: Type.Object({
    overTime: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), active: Type.Integer() })),
    active: Type.Integer(),
    closed: Type.Integer(),
    closedThroughSystem: Type.Integer(),
    shareClosedThroughSystem: Rate,
    changeOverPeriod: Nullable(
      Type.Number({ description: 'relative change of the active list over the period' }),
    ),
  }),
  weekly: Type.Array(
    Type.Object({
      week: Type.String({ format: 'date', description: 'the Monday' }),
      rule: Type.String(),
      hits: Type.Integer(),
    }),
  ),
  byRule: Type.Array(
    Type.Object({
      rule: Type.String(),
      hits: Type.Integer(),
      outcomes: Type.Integer(),
      falseMatches: Type.Integer(),
      detained: Type.Integer(),
      falseMatchRate: Rate,
    }),
  ),
});
export type Measures = Static<typeof MeasuresSchema>;

export const OutcomeRecordedSchema = Type.Object({
  alertId: Type.String({ format: 'uuid' }),
  outcome: OutcomeSchema,
  hits: Type.Integer({ description: 'the hits behind the alert, each given the outcome' }),
  region: Type.String(),
  closedEntry: Nullable(Type.String({ description: 'the watchlist entry a detention closed' })),
});
export type OutcomeRecorded = Static<typeof OutcomeRecordedSchema>;
