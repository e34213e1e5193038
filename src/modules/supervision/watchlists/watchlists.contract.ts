import { Type, type Static } from 'typebox';

/** What the watchlist's routes answer: masked entries. Imports typebox only. */
export const entryKinds = ['person', 'vehicle'] as const;
export const dangerLevels = ['low', 'medium', 'high'] as const;
export const entryStatuses = ['active', 'closed'] as const;
export const closeReasons = ['detained', 'cancelled', 'found_elsewhere'] as const;

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export type EntryKind = (typeof entryKinds)[number];
export type DangerLevel = (typeof dangerLevels)[number];
export type EntryStatus = (typeof entryStatuses)[number];
export type CloseReason = (typeof closeReasons)[number];

/** A watchlist entry as lists show it: who is wanted only as far as needed to recognise the entry. */
export const WatchlistEntrySchema = Type.Object({
  id: Type.String(),
  kind: oneOf(entryKinds),
  label: Type.String({ description: 'the plate, or the masked name and IIN' }),
  warrantBasis: Type.String(),
  issuingAgency: Type.String(),
  dangerLevel: oneOf(dangerLevels),
  region: Type.String(),
  status: oneOf(entryStatuses),
  closedReason: Nullable(oneOf(closeReasons)),
  closedThroughSystem: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type WatchlistEntry = Static<typeof WatchlistEntrySchema>;

export const WatchlistSchema = Type.Object({ items: Type.Array(WatchlistEntrySchema) });
export type Watchlist = Static<typeof WatchlistSchema>;

export const EntryAnswerSchema = Type.Object({ entry: WatchlistEntrySchema });
export type EntryAnswer = Static<typeof EntryAnswerSchema>;
