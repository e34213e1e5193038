import {
  BarChart,
  LineChart,
  LinesChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type LinesSeriesOption,
  type MapSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GeoComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The map parts (map, geo, scatter, visual map) and init come from the overview's setup, so every screen draws
// Kazakhstan with the same registered components; this adds the weekly charts and the zones' outlines.
export { init, registerMap, type GeoJson, type MapOption } from '../../core/overview/echarts-setup';

use([BarChart, LineChart, LinesChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type TrendOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The live map: the overview's choropleth with alerts, sources and zones on it. */
export type LiveMapOption = ComposeOption<
  | MapSeriesOption
  | ScatterSeriesOption
  | LinesSeriesOption
  | GeoComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
