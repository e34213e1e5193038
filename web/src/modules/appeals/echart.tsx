import { useEffect, useRef, useState } from 'react';
import { init, type MapOption, type TrendOption } from './charts-setup';

interface EChartProps {
  option: MapOption | TrendOption;
  className: string;
  label: string;
  testId: string;
  /** Called with the clicked item's name (a region code on the map). */
  onItemClick?: (name: string) => void;
}

/** One ECharts canvas, resized with its card and disposed with the screen. */
export function EChart({ option, className, label, testId, onItemClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (params.name) clickRef.current?.(params.name);
    });
    chart.on('finished', () => setRendered(true));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      className={className}
      data-testid={testId}
      data-rendered={rendered ? 'true' : 'false'}
      role="img"
      aria-label={label}
    />
  );
}
