import { Type, type Static } from 'typebox';
import { CalendarDate, Period, RegionCode, Strict } from '../../../core/index.js';

export const severities = ['misdemeanour', 'minor', 'medium', 'grave', 'especially_grave'] as const;

const Code = (description: string) => Type.String({ pattern: '^[0-9]{1,3}(-[0-9]{1,2})?$', description });
const DistrictCode = Type.String({
  pattern: '^KZ-[0-9]{2}-[0-9]{2}$',
  description: 'district code, e.g. KZ-75-01',
});

export const OffenceRecord = Type.Object(
  {
    recordId: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9._:/-]+$',
      description: 'the register’s id of the record; a resent record changes nothing',
    }),
    registeredOn: CalendarDate({ description: 'date of registration, YYYY-MM-DD' }),
    region: RegionCode,
    district: Type.Optional(DistrictCode),
    chapter: Type.Optional(
      Type.String({
        pattern: '^[0-9]{2}$',
        description: 'Criminal Code chapter, 01–18; implied by the article when omitted',
      }),
    ),
    article: Code('Criminal Code article, e.g. 190 or 188-1'),
    severity: Type.Optional(
      Type.Unsafe<(typeof severities)[number]>({ type: 'string', enum: [...severities] }),
    ),
    location: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: 40.5, maximum: 55.5 }),
          lon: Type.Number({ minimum: 46.4, maximum: 87.4 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type OffenceRecord = Static<typeof OffenceRecord>;

export const AggregateCount = Type.Object(
  {
    region: RegionCode,
    district: Type.Optional(DistrictCode),
    chapter: Type.String({ pattern: '^[0-9]{2}$' }),
    article: Type.Optional(Code('article, when the source counts by article')),
    period: Period({ description: 'YYYY-MM for a month, YYYY-MM-DD (a Monday) for a week' }),
    count: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);
export type AggregateCount = Static<typeof AggregateCount>;

export const BATCH_LIMIT = 5000;

/** Items are checked one by one (itemChecker), so that one bad item is refused alone, with its reasons. */
export const RecordsBatch = Strict({
  records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: BATCH_LIMIT }),
});
export const CountsBatch = Strict({
  source: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[a-z0-9][a-z0-9._-]*$',
    description: 'name of the publishing source, e.g. kpssu-1m',
  }),
  counts: Type.Array(Type.Unknown(), { minItems: 1, maxItems: BATCH_LIMIT }),
});
