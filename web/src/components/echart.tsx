import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
// init comes from the overview's setup; each screen's own setup file registers the chart types its options use.
import { init } from '../core/overview/echarts-setup';

interface EChartProps {
  option: EChartsCoreOption;
  className: string;
  label: string;
  testId: string;
  /** Called with the clicked item's name (e.g. a region code on a map). */
  onItemClick?: (name: string) => void;
  /** Extra data-* attributes for tests and tools (e.g. how many regions are drawn). */
  data?: Record<string, string | number>;
}

/** One ECharts canvas, resized with its card and disposed with the screen. */
export function EChart({ option, className, label, testId, onItemClick, data }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  // Which option the chart has finished drawing (animations included): data-rendered is true only for the current
  // one, so a test or a screenshot never catches a redraw half-way.
  const appliedRef = useRef<EChartProps['option'] | null>(null);
  const [finished, setFinished] = useState<EChartProps['option'] | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (params.name) clickRef.current?.(params.name);
    });
    chart.on('finished', () => setFinished(appliedRef.current));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chartRef.current) return;
    appliedRef.current = option;
    chartRef.current.setOption(option, { notMerge: true });
  }, [option]);

  const attributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div
      ref={container}
      className={className}
      data-testid={testId}
      data-rendered={finished === option ? 'true' : 'false'}
      role="img"
      aria-label={label}
      {...attributes}
    />
  );
}
