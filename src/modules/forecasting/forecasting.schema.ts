import { Type } from 'typebox';
import { Period, RegionCode, Strict } from '../../core/index.js';
import { decisionActions, frequencies, type DecisionAction, type Frequency } from './forecasting.contract.js';

/** What the forecasting centre's routes accept: queries that name a slice, a period or a horizon, and decisions. */
const FrequencySchema = Type.Unsafe<Frequency>({
  type: 'string',
  enum: [...frequencies],
  default: 'monthly',
});
const PeriodSchema = Period();
const Limit = (maximum: number) => Type.Optional(Type.Integer({ minimum: 1, maximum }));

const sliceQuery = {
  frequency: Type.Optional(FrequencySchema),
  region: Type.Optional(RegionCode),
  district: Type.Optional(
    Type.String({
      pattern: '^(KZ-[0-9]{2}-[0-9]{2}|none)$',
      description: 'district code, or none for records without one',
    }),
  ),
  chapter: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  article: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}(-[0-9]{1,2})?$' })),
};
const HorizonSchema = Type.Optional(
  Type.Integer({ minimum: 1, maximum: 26, description: '1–24 months or 1–26 weeks (default 12)' }),
);

export const SliceQuery = Strict(sliceQuery);
export const ForecastQuery = Strict({ ...sliceQuery, horizon: HorizonSchema });
export const MapQuery = Strict({
  frequency: Type.Optional(FrequencySchema),
  chapter: sliceQuery.chapter,
  period: Type.Optional(PeriodSchema),
});
export const DeparturesQuery = Strict({
  frequency: Type.Optional(FrequencySchema),
  period: Type.Optional(PeriodSchema),
  limit: Limit(200),
});
export const AnomaliesQuery = Strict({ frequency: Type.Optional(FrequencySchema), limit: Limit(200) });
export const DecisionsQuery = Strict({ limit: Limit(500) });
export const DecisionBody = Strict({
  action: Type.Unsafe<DecisionAction>({ type: 'string', enum: [...decisionActions] }),
  note: Type.String({ minLength: 3, maxLength: 2000 }),
});
