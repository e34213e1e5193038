import { Type, type Static } from 'typebox';
import { LocalizedTextSchema, Nullable, Timestamp } from '../http/builders.contract.js';
import { SeveritySchema } from '../alerts/alerts.contract.js';

/** What the agencies and webhook-subscription routes answer. */
export const AgencySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  region: Nullable(Type.String()),
  name: LocalizedTextSchema,
});
export type Agency = Static<typeof AgencySchema>;
export const AgenciesSchema = Type.Object({ agencies: Type.Array(AgencySchema) });

export const SubscriptionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  agencyId: Type.String(),
  url: Type.String(),
  regions: Type.Array(Type.String()),
  modules: Type.Array(Type.String()),
  minSeverity: SeveritySchema,
  topics: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Timestamp(),
  lastDelivery: Nullable(
    Type.Object({ status: Type.String(), at: Nullable(Timestamp()), httpStatus: Nullable(Type.Integer()) }),
  ),
});
export type Subscription = Static<typeof SubscriptionSchema>;
export const SubscriptionsSchema = Type.Object({ subscriptions: Type.Array(SubscriptionSchema) });
export const SubscriptionCreatedSchema = Type.Object({
  subscription: SubscriptionSchema,
  secret: Type.String({ description: 'the signing secret, shown once' }),
});

export const DeliverySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  alertId: Type.String({ format: 'uuid' }),
  eventType: Type.String(),
  attempt: Type.Integer(),
  at: Timestamp(),
  httpStatus: Nullable(Type.Integer()),
  ok: Type.Boolean(),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
  deliveryStatus: Type.String(),
});
export type Delivery = Static<typeof DeliverySchema>;
export const DeliveriesSchema = Type.Object({ deliveries: Type.Array(DeliverySchema) });
