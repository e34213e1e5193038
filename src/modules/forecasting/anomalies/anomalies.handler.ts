import { defineHandler, type EventHandler } from '../../../core/index.js';
import { detectAnomalies, recentPeriods } from './anomalies.service.js';
import '../forecasting.events.js';

/**
 * Judges arriving data as it lands: every batch of offences names the cells it changed, and the watched series over
 * those cells are re-checked for the current and the previous period, in the same transaction that records the event
 * as handled, so an anomaly is raised once even when the event is delivered twice.
 */
export function anomalyHandlers(): EventHandler[] {
  return [
    defineHandler({
      name: 'forecasting.detect',
      types: ['offences.counted'],
      handle: async (event, sql) => {
        const { cells } = event.payload;
        for (const frequency of ['monthly', 'weekly'] as const) {
          const recent = recentPeriods(frequency);
          const touched = cells.filter(
            (cell) => cell.frequency === frequency && recent.includes(cell.period),
          );
          if (touched.length === 0) continue;
          const periods = [...new Set(touched.map((cell) => cell.period))];
          await detectAnomalies(
            sql,
            frequency,
            touched.map(({ region, district, chapter }) => ({ region, district, chapter })),
            periods,
          );
        }
      },
    }),
  ];
}
