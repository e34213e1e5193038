declare module '../../core/events/events.types.js' {
  interface DomainEvents {
    /** Counts changed in these cells; the anomaly detector re-checks the series they belong to. */
    'offences.counted': {
      cells: {
        frequency: 'monthly' | 'weekly';
        period: string;
        region: string;
        district: string;
        chapter: string;
      }[];
    };
    'forecasting.anomaly': {
      anomalyId: string;
      seriesKey: string;
      period: string;
      kind: string;
      alertId: string | null;
    };
  }
}

export {};
