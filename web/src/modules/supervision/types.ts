import type { Severity } from '../../app/types';

// Shapes of GET /api/supervision/*: src/modules/supervision/supervision.routes.ts and configuration.routes.ts.

export const ALERT_KINDS = [
  'watchlist_person',
  'watchlist_vehicle',
  'probation_curfew',
  'probation_exclusion',
  'probation_area',
  'bracelet_silent',
  'checkin_missed',
  'zone_incursion',
  'public_order',
  'source_silent',
] as const;
export type SupervisionAlertKind = (typeof ALERT_KINDS)[number];

export const OUTCOMES = ['detained', 'not_found', 'false_match'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface LatLon {
  lat: number;
  lon: number;
}

export interface LiveAlert {
  id: string;
  kind: string;
  severity: Severity;
  status: string;
  region: string;
  /** Masked by the server ("К***** Н."). */
  label: string;
  location: LatLon | null;
  createdAt: string;
  subjectId: string;
  /** What the dispatched officers found, once recorded. */
  outcome: Outcome | null;
  outcomeAt: string | null;
}

export interface Source {
  id: string;
  kind: string;
  name: string;
  agencyId: string;
  region: string;
  location: LatLon | null;
  directionDeg: number | null;
  active: boolean;
  /** When the source's own device password was issued; null when it reports through a connector. */
  credentialIssuedAt: string | null;
  health: {
    lastMessageAt: string | null;
    messagesTotal: number;
    messagesLastHour: number;
    silent: boolean;
    /** A drone with no flight under way: it is expected to be quiet. */
    grounded: boolean;
    expectedEverySeconds: number;
  };
  flight: { id: string; purpose: string; plannedStart: string; plannedEnd: string } | null;
  falseMatchRate: number | null;
  outcomes: number;
}

/** The device login the server returns once, when a source is registered or given a new password. */
export interface DeviceCredential {
  username: string;
  password: string;
  topic: string;
  issuedAt: string;
}

export const FLIGHT_STATUSES = ['planned', 'in_flight', 'ended', 'cancelled'] as const;
export type FlightStatus = (typeof FLIGHT_STATUSES)[number];
export const FLIGHT_ENDS = ['landed', 'lost', 'cancelled'] as const;
export type FlightEnd = (typeof FLIGHT_ENDS)[number];

export interface Flight {
  id: string;
  droneId: string;
  droneName: string | null;
  region: string | null;
  purpose: string;
  operator: string;
  zoneId: string | null;
  plannedStart: string;
  plannedEnd: string;
  endedAt: string | null;
  endReason: FlightEnd | 'planned_end' | null;
  status: FlightStatus;
  observations: number;
  hits: number;
  registeredBy: string;
}

export interface LiveView {
  alerts: LiveAlert[];
  sources: Source[];
}

export interface Measures {
  days: number;
  wanted: {
    overTime: { day: string; active: number }[];
    active: number;
    closed: number;
    closedThroughSystem: number;
    shareClosedThroughSystem: number | null;
    changeOverPeriod: number | null;
  };
  weekly: { week: string; rule: string; hits: number }[];
  byRule: {
    rule: string;
    hits: number;
    outcomes: number;
    falseMatches: number;
    detained: number;
    falseMatchRate: number | null;
  }[];
}

export interface WatchlistEntry {
  id: string;
  kind: 'person' | 'vehicle';
  label: string;
  warrantBasis: string;
  issuingAgency: string;
  dangerLevel: 'low' | 'medium' | 'high';
  region: string;
  status: 'active' | 'closed';
  closedReason: string | null;
  closedThroughSystem: boolean;
  createdAt: string;
  closedAt: string | null;
}

export interface Probationer {
  id: string;
  label: string;
  region: string;
  bracelet: boolean;
  lastPingAt: string | null;
  braceletSilent: boolean;
  violations30d: number;
}

export type ZoneGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface Zone {
  id: string;
  name: string;
  kind: string;
  region: string;
  geometry: ZoneGeometry;
  forbiddenActivities: string[];
  incursions30d: number;
}

export interface Items<T> {
  items: T[];
}
