/**
 * The core's public surface: everything a module may import, and nothing else (dependency-cruiser enforces it).
 * A module reads the core's tables only through the functions here, so the core can change its schema without
 * touching a module.
 */

// Modules and the platform they run on.
export {
  defineModule,
  type AnyModule,
  type Job,
  type ModuleContext,
  type ModuleInstance,
  type ModuleManifest,
  type ModuleService,
  type NavItem,
  type OpenModule,
  type SettingsSpec,
} from './modules/manifest.js';
export type { Platform } from './platform.js';
export { loadConfig, type Config } from './config/config.js';
export { boolean, integer, list, oneOf, text, url, type SettingSpec } from './config/settings.js';

// Storage.
export type { Db, Sql } from './db/db.js';
export { inRegionScope } from './db/region-scope.js';

// Who is acting, and what they may see.
export {
  canSeeRegion,
  hasPermission,
  isNational,
  NATIONAL,
  operatorActor,
  regionScope,
  requireRegion,
  systemActor,
  type Actor,
  type RegionScope,
} from './auth/actor.js';
export { actorFromApiKey } from './auth/authenticate.js';
export type { PermissionDef, Role, RoleDef } from './auth/permissions.js';
export { displayNames } from './auth/users.repository.js';
export { agencyExists } from './agencies/agencies.repository.js';

// HTTP: access, problems, schemas, batches.
export { actorOf } from './http/access.js';
export { Problem, problems, type FieldError } from './http/problems.js';
export {
  CalendarDate,
  IdParams,
  Localized,
  LocaleSchema,
  Period,
  ProblemSchema,
  RegionCode,
  RegionScopeItem,
  Strict,
  Uuid,
  withProblems,
} from './http/schemas.js';
export { itemChecker, type ItemChecker } from './http/batch-items.js';
export { isSafeText } from './http/input-guard.js';

// The audit log.
export {
  actorRef,
  appendAudit,
  appendAuditEntries,
  auditRequest,
  type AuditEntryInput,
  type AuditOutcome,
} from './audit/index.js';

// Events.
export {
  defineHandler,
  emitEvent,
  emitEvents,
  type DomainEvent,
  type DomainEvents,
  type EventHandler,
  type EventInput,
  type EventListener,
  type EventType,
} from './events/index.js';

// The alert inbox.
export { raiseAlert, raiseAlerts } from './alerts/alerts.service.js';
export {
  alertRegions,
  backdateAlerts,
  openAlertsFor,
  openDedupeKeys,
  recentAlerts,
} from './alerts/alerts.repository.js';
export { maskCard, maskIin, maskName, maskPhone } from './alerts/mask.js';
export type { AlertStatus, AlertView, RaiseAlertInput, Severity } from './alerts/alerts.types.js';

// Identifiers seen anywhere, shared by every module.
export { findMentions, recordMentions } from './entities/entities.repository.js';

// Geography.
export { findRegion, regionCodes, regions, type Region } from './geo/regions.js';
export { regionAt } from './geo/point-in-region.js';
export { distanceMetres, insideGeometry, type PolygonGeometry } from './geo/geometry.js';

// Device feeds (MQTT): the broker, and the secrets devices log in with.
export type { DeviceBroker, DeviceGuard, DeviceLogin, DevicePrincipal } from './mqtt/device-broker.js';
export { hashDeviceSecret, newDeviceSecret, verifyDeviceSecret } from './mqtt/device-secrets.js';

// Small things of the language.
export { present } from './lang/present.js';

// Files, languages, the demo world.
export { csvField, parseCsv } from './files/csv.js';
export { locales, type Locale, type LocalizedText } from './i18n/i18n.js';
export { Rng } from './demo/rng.js';
export { demoPerson, iinCheckDigit, isValidIin, type DemoPerson } from './demo/people.js';
