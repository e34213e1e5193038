import { Type, type Static } from 'typebox';
import { LocalizedTextSchema, Nullable, oneOf, Timestamp } from '../http/builders.contract.js';

/** What the sign-in, user and API-key routes answer. */
export const roles = ['admin', 'prosecutor', 'analyst', 'duty_officer', 'agency_liaison', 'auditor'] as const;
export const locales = ['kk', 'ru', 'en'] as const;
export const apiKeyClients = [
  'eotinish',
  'telecom_switch',
  'camera_gateway',
  'bank',
  'register',
  'other',
] as const;

export const RoleSchema = oneOf(roles);
export type Role = (typeof roles)[number];
export type Locale = (typeof locales)[number];
export type ClientKind = (typeof apiKeyClients)[number];

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String({
    description: 'one of the core’s roles, or a role a module adds (GET /api/auth/permissions lists them)',
  }),
  regions: Type.Array(Type.String(), { description: "region codes, or ['*'] for national scope" }),
  locale: oneOf(locales),
  agencyId: Nullable(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
});
export type User = Static<typeof UserSchema>;

export const SignedInSchema = Type.Object({ user: UserSchema, csrfToken: Type.String() });
export type SignedIn = Static<typeof SignedInSchema>;

export const MeSchema = Type.Object({
  user: Nullable(UserSchema),
  client: Type.Optional(
    Type.Object(
      { id: Type.String(), name: Type.String(), regions: Type.Array(Type.String()) },
      { description: 'the machine client, when an API key calls' },
    ),
  ),
  permissions: Type.Array(Type.String()),
  csrfToken: Nullable(Type.String()),
});
export type Me = Static<typeof MeSchema>;

export const PermissionInfoSchema = Type.Object({
  id: Type.String(),
  description: Type.String(),
  roles: Type.Array(Type.String()),
  grantableToApiKeys: Type.Boolean(),
});
export type PermissionInfo = Static<typeof PermissionInfoSchema>;
export const RoleInfoSchema = Type.Object({
  id: Type.String(),
  name: LocalizedTextSchema,
  assignable: Type.Boolean({ description: 'people of this role can be assigned alerts' }),
});
export type RoleInfo = Static<typeof RoleInfoSchema>;
export const PermissionsSchema = Type.Object({
  permissions: Type.Array(PermissionInfoSchema),
  roles: Type.Array(RoleInfoSchema),
});

export const UsersSchema = Type.Object({ users: Type.Array(UserSchema) });
export const UserWithPasswordSchema = Type.Object({
  user: UserSchema,
  password: Type.String({ description: 'shown once' }),
});
export const UserChangedSchema = Type.Object({ user: UserSchema });
export const NewPasswordSchema = Type.Object({ password: Type.String({ description: 'shown once' }) });

export const AssignableUserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  role: Type.String(),
});
export type AssignableUser = Static<typeof AssignableUserSchema>;
export const AssignableSchema = Type.Object({ users: Type.Array(AssignableUserSchema) });

export const ApiKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  client: oneOf(apiKeyClients),
  prefix: Type.String(),
  permissions: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  createdAt: Timestamp(),
  lastUsedAt: Nullable(Timestamp()),
  revokedAt: Nullable(Timestamp()),
});
export type ApiKey = Static<typeof ApiKeySchema>;
export const ApiKeysSchema = Type.Object({ apiKeys: Type.Array(ApiKeySchema) });
export const ApiKeyIssuedSchema = Type.Object({
  apiKey: ApiKeySchema,
  secret: Type.String({ description: 'the token, shown once' }),
});
export const ApiKeyRevokedSchema = Type.Object({ apiKey: ApiKeySchema });
