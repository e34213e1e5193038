import { Type } from 'typebox';
import { RegionCode, Strict } from '../../../core/index.js';
import { ExternalId, Iin, Plate } from '../supervision.schema.js';
import {
  closeReasons,
  dangerLevels,
  entryKinds,
  entryStatuses,
  type CloseReason,
  type DangerLevel,
  type EntryKind,
  type EntryStatus,
} from './watchlists.contract.js';

/** The request schemas of the watchlist. */

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const WatchlistQuery = Strict({
  status: Type.Optional(oneOf<EntryStatus>(entryStatuses)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const NewEntryBody = Strict({
  id: Type.Optional(ExternalId),
  kind: oneOf<EntryKind>(entryKinds),
  iin: Type.Optional(Iin),
  fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  birthDate: Type.Optional(Type.String({ format: 'date' })),
  plate: Type.Optional(Plate),
  warrantBasis: Type.String({ minLength: 3, maxLength: 300 }),
  issuingAgency: Type.String({ minLength: 2, maxLength: 200 }),
  dangerLevel: oneOf<DangerLevel>(dangerLevels),
  region: RegionCode,
});

export const EntryParams = Strict({ id: Type.String({ maxLength: 64 }) });
export const CloseEntryBody = Strict({ reason: oneOf<CloseReason>(closeReasons) });
