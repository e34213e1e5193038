import { useCallback, useEffect, useState } from 'react';
import { useAlertEvents } from '../../app/alert-stream';
import { useApi } from '../../app/auth';
import { useResource, type Resource } from '../../app/use-resource';
import type {
  LiveView,
  Measures,
  SourceList,
  ZoneList,
} from '../../../../src/modules/supervision/supervision.contract.js';

/** Sources report health by the minute; a 15-second poll keeps silences current without a stream of their own. */
const REFRESH_MS = 15_000;
export const LIVE_HOURS = 24;
export const MEASURE_DAYS = 90;

export interface SupervisionData {
  live: Resource<LiveView>;
  measures: Resource<Measures>;
  sources: Resource<SourceList>;
  zones: Resource<ZoneList>;
  /** When the live view last arrived (ms). */
  updatedAt: number | null;
  /** Reload everything, e.g. after an outcome was recorded. */
  refresh: () => void;
}

/**
 * Everything the dashboard shows, refreshed every 15 s and at once when the core alert stream announces a
 * supervision alert, so a new hit is on the map within a second of being raised.
 */
export function useSupervisionData(): SupervisionData {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const suffix = `#${String(generation)}`;
  const live = useResource(`sv-live${suffix}`, async () => {
    const view = await api.get<LiveView>('/api/supervision/live', { hours: LIVE_HOURS });
    setUpdatedAt(Date.now());
    return view;
  });
  const measures = useResource(`sv-measures${suffix}`, () =>
    api.get<Measures>('/api/supervision/measures', { days: MEASURE_DAYS }),
  );
  const sources = useResource(`sv-sources${suffix}`, () => api.get<SourceList>('/api/supervision/sources'));
  // Zones change with configuration, not by the minute: loaded once per visit.
  const zones = useResource('sv-zones', () => api.get<ZoneList>('/api/supervision/zones'));

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh, generation]);
  useAlertEvents((_type, alert) => {
    if (alert.module === 'supervision') refresh();
  });

  return { live, measures, sources, zones, updatedAt, refresh };
}
