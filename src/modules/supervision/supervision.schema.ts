import { Type } from 'typebox';
import { IdParams, Strict } from '../../core/index.js';
import { outcomes } from './supervision.contract.js';

/** The request schemas of the dashboard's routes, and the pieces the areas' requests share. */

/** An id chosen by the register that sends it (a probation case, a zone, a rule). */
export const ExternalId = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' });
export const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'local time HH:MM (UTC+5)',
});
/** Kazakhstan's extent, with a margin. */
export const Lat = Type.Number({ minimum: 40.5, maximum: 55.5 });
export const Lon = Type.Number({ minimum: 46.4, maximum: 87.4 });
export const Iin = Type.String({ pattern: '^[0-9]{12}$' });
export const Plate = Type.String({ minLength: 2, maxLength: 16 });

export const MeasuresQuery = Strict({ days: Type.Optional(Type.Integer({ minimum: 7, maximum: 730 })) });
export const LiveQuery = Strict({ hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })) });

export const OutcomeParams = IdParams;
export const OutcomeBody = Strict({
  outcome: Type.Unsafe<(typeof outcomes)[number]>({ type: 'string', enum: [...outcomes] }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
