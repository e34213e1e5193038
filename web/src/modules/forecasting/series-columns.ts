import type { FlaggedPoint, ForecastView } from '../../../../src/modules/forecasting/forecasting.contract.js';

// How much history to draw: enough to see several seasons, little enough that the forecast's fan stays readable.
const HISTORY_SHOWN = { monthly: 48, weekly: 104 } as const;

export type Cell = number | null;

/** The chart's data as columns over one category axis: the history shown, then the forecast periods. */
export interface SeriesColumns {
  periods: string[];
  index: Map<string, number>;
  historyLength: number;
  observed: Cell[];
  partial: Cell[];
  mean: Cell[];
  lo80: Cell[];
  width80: Cell[];
  lo95: Cell[];
  width95: Cell[];
  /** Flagged periods that are on the chart, with their position. */
  flagged: { point: FlaggedPoint; i: number }[];
}

export function seriesColumns(view: ForecastView): SeriesColumns {
  const history = view.history.slice(-HISTORY_SHOWN[view.slice.frequency]);
  const shown = new Set(history.map((h) => h.period));
  const periods = [
    ...history.map((h) => h.period),
    ...view.forecast.map((p) => p.period).filter((p) => !shown.has(p)),
  ];
  const index = new Map(periods.map((p, i) => [p, i]));
  const empty = (): Cell[] => periods.map(() => null);
  const [observed, partial, mean, lo80, width80, lo95, width95] = [1, 2, 3, 4, 5, 6, 7].map(empty) as [
    Cell[],
    Cell[],
    Cell[],
    Cell[],
    Cell[],
    Cell[],
    Cell[],
  ];

  history.forEach((h, i) => (observed[i] = h.count));
  // The fan starts at the last observed count so it reads as a continuation of the line.
  const last = history[history.length - 1];
  if (last) {
    const i = history.length - 1;
    [mean[i], lo80[i], lo95[i], width80[i], width95[i]] = [last.count, last.count, last.count, 0, 0];
  }
  for (const p of view.forecast) {
    const i = index.get(p.period);
    if (i === undefined) continue;
    [mean[i], lo80[i], width80[i], lo95[i], width95[i]] = [
      p.mean,
      p.lo80,
      p.hi80 - p.lo80,
      p.lo95,
      p.hi95 - p.lo95,
    ];
  }
  const partialIndex = view.partial ? index.get(view.partial.period) : undefined;
  if (view.partial && partialIndex !== undefined) partial[partialIndex] = view.partial.count;
  // A marker sits on the registered count of its period (a sustained shift's own figures are totals over a run).
  const flagged = view.flagged.flatMap((point) => {
    const i = index.get(point.period);
    return i !== undefined && observed[i] !== null ? [{ point, i }] : [];
  });
  return {
    periods,
    index,
    historyLength: history.length,
    observed,
    partial,
    mean,
    lo80,
    width80,
    lo95,
    width95,
    flagged,
  };
}
