import { MapChart, ScatterChart, type MapSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GeoComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type GeoComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, registerMap, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts of ECharts the map uses are registered, which keeps the overview chunk a fraction of the full
// library's size.
use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export type MapOption = ComposeOption<
  | MapSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
export type GeoJson = Parameters<typeof registerMap>[1];
export { init, registerMap };
