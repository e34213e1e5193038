import { Type, type Static } from 'typebox';

/**
 * What the source registry's routes answer: the schemas that serialise and document each response, and the types
 * the server and the dashboard derive from them. Imports typebox only.
 */
export const sourceKinds = ['camera', 'drone', 'bracelet', 'state_db', 'patrol_app'] as const;

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Moment = Type.String({ format: 'date-time' });

export const SourceKindSchema = oneOf(sourceKinds);
export type SourceKind = Static<typeof SourceKindSchema>;

export const LatLonSchema = Type.Object({ lat: Type.Number(), lon: Type.Number() });
export type LatLon = Static<typeof LatLonSchema>;

/** The flight a drone is on now. */
export const CurrentFlightSchema = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  plannedStart: Moment,
  plannedEnd: Moment,
});
export type CurrentFlight = Static<typeof CurrentFlightSchema>;

export const SourceHealthSchema = Type.Object({
  lastMessageAt: Nullable(Moment),
  messagesTotal: Type.Integer(),
  messagesLastHour: Type.Integer(),
  silent: Type.Boolean(),
  grounded: Type.Boolean({ description: 'a drone with no flight under way: it is expected to be quiet' }),
  expectedEverySeconds: Type.Integer(),
});

/** A registered source with its health and the share of its hits found to be false. */
export const SourceSchema = Type.Object({
  id: Type.String(),
  kind: SourceKindSchema,
  name: Type.String(),
  agencyId: Type.String(),
  region: Type.String(),
  location: Nullable(LatLonSchema),
  directionDeg: Nullable(Type.Number()),
  active: Type.Boolean(),
  credentialIssuedAt: Nullable(
    Type.String({
      format: 'date-time',
      description: 'when its own device password was issued; null when it reports through a connector',
    }),
  ),
  health: SourceHealthSchema,
  flight: Nullable(CurrentFlightSchema),
  falseMatchRate: Nullable(Type.Number()),
  outcomes: Type.Integer(),
});
export type Source = Static<typeof SourceSchema>;

export const SourceListSchema = Type.Object({ items: Type.Array(SourceSchema) });
export type SourceList = Static<typeof SourceListSchema>;

/** The device login, shown once when a source is registered or given a new password: the platform keeps only its hash. */
export const DeviceCredentialSchema = Type.Object({
  username: Type.String(),
  password: Type.String(),
  topic: Type.String(),
  issuedAt: Moment,
});
export type DeviceCredential = Static<typeof DeviceCredentialSchema>;

export const SourceRegisteredSchema = Type.Object({
  source: SourceSchema,
  credential: DeviceCredentialSchema,
});
export type SourceRegistered = Static<typeof SourceRegisteredSchema>;

export const CredentialIssuedSchema = Type.Object({ credential: DeviceCredentialSchema });
export type CredentialIssued = Static<typeof CredentialIssuedSchema>;

export const SourceAnswerSchema = Type.Object({ source: SourceSchema });
export type SourceAnswer = Static<typeof SourceAnswerSchema>;
