import { Type } from 'typebox';
import { RegionCode, Strict } from '../../../core/index.js';
import { Lat, Lon } from '../supervision.schema.js';
import { sourceKinds, type SourceKind } from './sources.contract.js';

/** The request schemas of the source registry. */

export const SourceId = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{1,63}$',
  description: 'e.g. cam-almaty-0042',
});
export const SourceParams = Strict({ id: SourceId });

export const RegisterSourceBody = Strict({
  id: SourceId,
  kind: Type.Unsafe<SourceKind>({ type: 'string', enum: [...sourceKinds] }),
  name: Type.String({ minLength: 2, maxLength: 200 }),
  agencyId: Type.String({ minLength: 1, maxLength: 64 }),
  region: RegionCode,
  location: Type.Optional(Strict({ lat: Lat, lon: Lon })),
  directionDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
  expectedEverySeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 7 * 86_400 })),
});

export const SourceActiveBody = Strict({ active: Type.Boolean() });
