/**
 * Charts with Apache ECharts (maintained by the Apache foundation, canvas rendering that stays fast on years of
 * daily points, bands for forecast intervals and mark areas for shading stock-out days built in, and an aria
 * mode that writes a text description of each chart for screen readers). Only the parts used are imported,
 * and this module loads with the pages that draw charts, not with the dashboard's first page.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, DataZoomComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers and as the figure's caption. */
  label: string;
  height?: number;
  testId?: string;
}

export function Chart({ option, label, height = 280, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option }, { notMerge: true });
  }, [option, label]);
  return (
    <figure className="chart">
      <div ref={el} style={{ height }} role="img" aria-label={label} data-testid={testId} />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
export default Chart;
