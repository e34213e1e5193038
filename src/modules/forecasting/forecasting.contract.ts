import { Type, type Static, type TSchema } from 'typebox';

/**
 * What the forecasting centre's routes (`/api/forecasting/…`) answer: the schemas that serialise each response and
 * document it in the OpenAPI document, and the types the server and the dashboard both derive from them. Imports
 * typebox only, so the dashboard can take these types without the server. The CSV export has no schema.
 */
export const frequencies = ['monthly', 'weekly'] as const;
export const mapMeasures = ['rate', 'change', 'anomaly'] as const;
export const childDimensions = ['region', 'district', 'chapter', 'article'] as const;
export const anomalyKinds = ['interval_breach', 'sustained_shift'] as const;
export const directions = ['up', 'down'] as const;
export const decisionActions = [
  'preventive_measures',
  'patrols_reinforced',
  'inspection_ordered',
  'information_sent',
  'registration_audit',
  'no_action',
] as const;
export const reconciliationLevels = ['country', 'regions', 'region', 'chapter'] as const;

/** One of these strings (an enum: one clear error, and a union type). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T, options?: { description: string }) =>
  Type.Union([schema, Type.Null()], options);

export const FrequencySchema = oneOf(frequencies);
export const MapMeasureSchema = oneOf(mapMeasures);
export const ChildDimensionSchema = oneOf(childDimensions);
export const AnomalyKindSchema = oneOf(anomalyKinds);
export const DirectionSchema = oneOf(directions);
export const DecisionActionSchema = oneOf(decisionActions);
export type Frequency = Static<typeof FrequencySchema>;
export type MapMeasure = Static<typeof MapMeasureSchema>;
export type ChildDimension = Static<typeof ChildDimensionSchema>;
export type AnomalyKind = Static<typeof AnomalyKindSchema>;
export type Direction = Static<typeof DirectionSchema>;
export type DecisionAction = Static<typeof DecisionActionSchema>;

const Localized = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const Count = Type.Integer({ minimum: 0 });
const PeriodCount = Type.Object({ period: Type.String(), count: Count });

// The catalogue: areas, categories and the data range.

export const CatalogueDistrictSchema = Type.Object({
  code: Type.String(),
  name: Localized,
  population: Type.Number(),
});
export const CatalogueRegionSchema = Type.Object({
  ...CatalogueDistrictSchema.properties,
  districts: Type.Array(CatalogueDistrictSchema),
});
export const CatalogueArticleSchema = Type.Object({ code: Type.String(), name: Localized, short: Localized });
export const CatalogueChapterSchema = Type.Object({
  code: Type.String(),
  name: Localized,
  articles: Type.Array(CatalogueArticleSchema),
});
export const DataRangeSchema = Type.Object({ first: Type.String(), last: Type.String() });
export const CatalogueSchema = Type.Object({
  regions: Type.Array(CatalogueRegionSchema),
  chapters: Type.Array(CatalogueChapterSchema),
  ranges: Type.Object({ monthly: Nullable(DataRangeSchema), weekly: Nullable(DataRangeSchema) }),
  currentPeriod: Type.Object({ monthly: Type.String(), weekly: Type.String() }),
  source: Type.String(),
  note: Type.String(),
});
export type CatalogueDistrict = Static<typeof CatalogueDistrictSchema>;
export type CatalogueRegion = Static<typeof CatalogueRegionSchema>;
export type CatalogueArticle = Static<typeof CatalogueArticleSchema>;
export type CatalogueChapter = Static<typeof CatalogueChapterSchema>;
export type Catalogue = Static<typeof CatalogueSchema>;

// Slices: an area crossed with a category.

/** Where the counts are taken (region and district) and what is counted (chapter and article); null = all. */
export const SliceCodesSchema = Type.Object({
  region: Nullable(Type.String()),
  district: Nullable(Type.String({ description: '"" is "other districts / not stated"' })),
  chapter: Nullable(Type.String()),
  article: Nullable(Type.String({ description: '"" is "other articles of the chapter"' })),
});
export const SliceSchema = Type.Object({ frequency: FrequencySchema, ...SliceCodesSchema.properties });
export const SliceLabelSchema = Type.Object({ area: Localized, category: Localized });
export const SliceHeadSchema = Type.Object({
  ...SliceSchema.properties,
  key: Type.String(),
  label: SliceLabelSchema,
});
export type SliceCodes = Static<typeof SliceCodesSchema>;
export type SliceHead = Static<typeof SliceHeadSchema>;

// Dynamics.

export const ChangeSchema = Type.Object({
  previous: Type.Number(),
  difference: Type.Number(),
  percent: Nullable(
    Type.Number({ description: 'relative change in per cent; null when the previous count was 0' }),
  ),
});
export const PeriodFiguresSchema = Type.Object({
  period: Type.String(),
  count: Count,
  rate: Nullable(
    Type.Number({ description: 'per 10,000 residents of the area; null where the population is not known' }),
  ),
  monthOnMonth: Nullable(ChangeSchema),
  yearOnYear: Nullable(ChangeSchema),
});
export const ChildFiguresSchema = Type.Object({
  code: Type.String(),
  label: Localized,
  share: Nullable(Type.Number({ description: 'share of the parent slice’s count in the period' })),
  ...PeriodFiguresSchema.properties,
});
export const DynamicsViewSchema = Type.Object({
  slice: Type.Object({ ...SliceHeadSchema.properties, population: Nullable(Type.Number()) }),
  latest: Nullable(
    Type.Object({
      ...PeriodFiguresSchema.properties,
      shareOfArea: Nullable(Type.Number()),
      shareOfCategory: Nullable(Type.Number()),
    }),
    { description: 'the latest complete period (the current one is still filling)' },
  ),
  history: Type.Array(
    Type.Object({
      period: Type.String(),
      count: Count,
      rate: Nullable(Type.Number()),
      complete: Type.Boolean(),
    }),
  ),
  children: Type.Array(
    Type.Object({ dimension: ChildDimensionSchema, items: Type.Array(ChildFiguresSchema) }),
  ),
});
export type Change = Static<typeof ChangeSchema>;
export type PeriodFigures = Static<typeof PeriodFiguresSchema>;
export type ChildFigures = Static<typeof ChildFiguresSchema>;
export type DynamicsView = Static<typeof DynamicsViewSchema>;

// Forecasts.

export const ForecastPointSchema = Type.Object({
  period: Type.String(),
  mean: Type.Number(),
  lo80: Type.Number(),
  hi80: Type.Number(),
  lo95: Type.Number(),
  hi95: Type.Number(),
});
export const ReconciliationSchema = Type.Object(
  {
    level: oneOf(reconciliationLevels),
    with: Type.String(),
    meanAdjustment: Type.Number(),
  },
  {
    description:
      '`level` names what the slice was reconciled with: the country total, its regions, its region, or its chapter',
  },
);
export const FlaggedPointSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  period: Type.String(),
  kind: AnomalyKindSchema,
  direction: DirectionSchema,
  observed: Type.Number(),
  expected: Type.Number(),
  lo95: Type.Number(),
  hi95: Type.Number(),
  alertId: Nullable(Type.String({ format: 'uuid', description: 'null outside your regions' })),
});
export const ForecastViewSchema = Type.Object({
  slice: SliceHeadSchema,
  horizon: Type.Integer(),
  history: Type.Array(PeriodCount),
  partial: Nullable(PeriodCount, { description: 'the current period so far, not used for fitting' }),
  forecast: Type.Array(ForecastPointSchema),
  model: Type.String(),
  validation: Type.Record(Type.String(), Nullable(Type.Number()), {
    description: 'each candidate’s mean MASE over the rolling origins; null where it could not be validated',
  }),
  reconciliation: Nullable(ReconciliationSchema),
  explanation: Type.String(),
  flagged: Type.Array(FlaggedPointSchema),
});
export type ForecastPoint = Static<typeof ForecastPointSchema>;
export type Reconciliation = Static<typeof ReconciliationSchema>;
export type FlaggedPoint = Static<typeof FlaggedPointSchema>;
export type ForecastView = Static<typeof ForecastViewSchema>;

// The map and the departures table.

export const MapRegionSchema = Type.Object({
  code: Type.String(),
  name: Localized,
  count: Count,
  rate: Type.Number(),
  yearOnYear: Nullable(Type.Number()),
  anomalyScore: Nullable(Type.Number()),
  expected: Nullable(Type.Number()),
});
export const MapViewSchema = Type.Object({
  period: Nullable(Type.String({ description: 'null before any counts arrived' })),
  frequency: FrequencySchema,
  chapter: Nullable(Type.String()),
  measures: Type.Optional(Type.Array(MapMeasureSchema)),
  regions: Type.Array(MapRegionSchema),
});
export type MapRegion = Static<typeof MapRegionSchema>;
export type MapView = Static<typeof MapViewSchema>;

export const DepartureSchema = Type.Object({
  seriesKey: Type.String(),
  slice: SliceSchema,
  label: Type.String(),
  observed: Type.Number(),
  expected: Type.Number(),
  lo80: Type.Number(),
  hi80: Type.Number(),
  lo95: Type.Number(),
  hi95: Type.Number(),
  score: Type.Number(),
  model: Type.String(),
  complete: Type.Boolean(),
  outside95: Type.Boolean(),
  anomalyId: Nullable(Type.String({ format: 'uuid', description: 'null outside your regions' })),
  alertId: Nullable(Type.String({ format: 'uuid', description: 'null outside your regions' })),
});
export const DeparturesViewSchema = Type.Object({
  period: Nullable(Type.String()),
  frequency: FrequencySchema,
  items: Type.Array(DepartureSchema),
});
export type Departure = Static<typeof DepartureSchema>;
export type DeparturesView = Static<typeof DeparturesViewSchema>;

// Anomalies and the decision log.

export const AnomalyViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  seriesKey: Type.String(),
  label: Type.String(),
  frequency: FrequencySchema,
  period: Type.String(),
  kind: AnomalyKindSchema,
  direction: DirectionSchema,
  region: Type.String(),
  observed: Type.Number(),
  expected: Type.Number(),
  lo95: Type.Number(),
  hi95: Type.Number(),
  score: Type.Number(),
  summary: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  alertId: Nullable(Type.String({ format: 'uuid' })),
  detectedAt: Type.String({ format: 'date-time' }),
  decisions: Type.Optional(Type.Integer({ description: 'decisions recorded so far (in lists)' })),
});
export const AnomaliesViewSchema = Type.Object({ items: Type.Array(AnomalyViewSchema) });
export type AnomalyView = Static<typeof AnomalyViewSchema>;
export type AnomaliesView = Static<typeof AnomaliesViewSchema>;

export const BaselineSchema = Type.Object(
  {
    from: Type.String(),
    model: Type.String(),
    mean: Type.Array(Type.Number()),
    lo80: Type.Array(Type.Number()),
    hi80: Type.Array(Type.Number()),
  },
  { description: 'the forecast that stood when the decision was taken, from the period after the anomaly' },
);
export const EffectSchema = Type.Object(
  {
    periods: Type.Integer(),
    observed: Type.Number(),
    expected: Type.Number(),
    percent: Nullable(Type.Number()),
    words: Type.String(),
  },
  { description: 'counts registered since the decision against the baseline' },
);
export const DecisionViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  anomalyId: Type.String({ format: 'uuid' }),
  seriesKey: Type.String(),
  label: Type.String(),
  frequency: FrequencySchema,
  period: Type.String(),
  kind: AnomalyKindSchema,
  direction: DirectionSchema,
  region: Type.String(),
  action: DecisionActionSchema,
  note: Type.String(),
  decidedBy: Type.String(),
  decidedAt: Type.String({ format: 'date-time' }),
  baseline: BaselineSchema,
  effect: EffectSchema,
});
export const DecisionLogViewSchema = Type.Object({ items: Type.Array(DecisionViewSchema) });
export const AnomalyDetailSchema = Type.Object({
  anomaly: AnomalyViewSchema,
  decisions: Type.Array(DecisionViewSchema),
});
export const DecisionRecordedSchema = Type.Object({ decision: DecisionViewSchema });
export type Baseline = Static<typeof BaselineSchema>;
export type Effect = Static<typeof EffectSchema>;
export type DecisionView = Static<typeof DecisionViewSchema>;
export type DecisionLogView = Static<typeof DecisionLogViewSchema>;
export type AnomalyDetail = Static<typeof AnomalyDetailSchema>;
export type DecisionRecorded = Static<typeof DecisionRecordedSchema>;
