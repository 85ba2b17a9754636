/**
 * A SKU's sales history with its stock-out periods shaded, and the forecast after it with its 80 % and 95 %
 * intervals as bands (GET /v1/forecasts/{sku}). Without a forecast (too little history, no demand) the sales
 * history alone (GET /v1/forecasts/{sku}/history) with the reason. The figure carries a text summary for
 * screen readers, and data attributes with what it drew.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, errorText, RestockApiError, unwrap } from '../app/api.ts';
import { calendarDate, dateTime, num, shortDate } from '../app/format.ts';
import { Chart, type ChartOption } from './Chart.tsx';
import type { Schemas } from 'restock/client';

type Granularity = 'day' | 'week' | 'month';
type Forecast = Schemas['Forecast'];
interface Point {
  date: string;
  sales: number;
  stockout: boolean;
}
const GRANULARITY_WORDS: Record<Granularity, { one: string; many: string; label: string }> = {
  day: { one: 'day', many: 'days', label: 'Days' },
  week: { one: 'week', many: 'weeks', label: 'Weeks' },
  month: { one: 'month', many: 'months', label: 'Months' },
};
/** Answers that mean "no forecast for this SKU yet", not "something broke". */
const NO_FORECAST = new Set(['no_history', 'history_too_short', 'no_demand_observed', 'forecast_input_invalid']);

/** Consecutive stock-out periods as [first, last] dates. */
export function stockoutSpells(points: readonly Point[]): Array<[string, string]> {
  const spells: Array<[string, string]> = [];
  let start: string | null = null;
  let prev: string | null = null;
  for (const p of points) {
    if (p.stockout && start === null) start = p.date;
    if (!p.stockout && start !== null && prev !== null) {
      spells.push([start, prev]);
      start = null;
    }
    prev = p.date;
  }
  if (start !== null && prev !== null) spells.push([start, prev]);
  return spells;
}

const round = (x: number) => Math.round(x * 10) / 10;

function buildOption(history: readonly Point[], forecast: Forecast['forecast'], g: Granularity): ChartOption {
  const dates = [...history.map((p) => p.date), ...forecast.map((f) => f.date)];
  const h = history.length;
  const pad = <T,>(values: T[], before: number): Array<T | null> => [...Array<null>(before).fill(null), ...values, ...Array<null>(Math.max(0, dates.length - before - values.length)).fill(null)];
  const sales = pad(history.map((p) => p.sales), 0);
  const stockout = pad(history.map((p) => (p.stockout ? 1 : null)), 0);
  // The forecast line starts at the last observed period, so the two read as one line.
  const last = history.at(-1);
  const joinAt = last ? h - 1 : h;
  const withJoin = (values: number[]) => pad(last ? [last.sales, ...values] : values, joinAt);
  const lo95 = withJoin(forecast.map((f) => round(f.lo95)));
  const band95 = withJoin(forecast.map((f) => round(f.hi95 - f.lo95)));
  const lo80 = withJoin(forecast.map((f) => round(f.lo80)));
  const band80 = withJoin(forecast.map((f) => round(f.hi80 - f.lo80)));
  const mean = withJoin(forecast.map((f) => round(f.mean)));
  // The joining point has no interval.
  if (last) {
    band95[joinAt] = 0;
    band80[joinAt] = 0;
  }
  const hasForecast = forecast.length > 0;
  const unit = GRANULARITY_WORDS[g].one;
  // About a year of days in view at first (the slider reaches further back).
  const zoomStart = dates.length > 420 ? Math.round(100 * (1 - 420 / dates.length)) : 0;
  return {
    color: ['#5f9f88', '#1f5f4a', '#d9a441'],
    grid: { left: 44, right: 16, top: 40, bottom: 64, containLabel: false },
    legend: { top: 0, type: 'scroll', data: ['Sales', 'Out of stock', ...(hasForecast ? ['Forecast', '80% interval', '95% interval'] : [])] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? num(v) : '—'),
      formatter: (items: unknown) => {
        const list = Array.isArray(items) ? (items as Array<{ axisValue: string; seriesName: string; value: unknown; dataIndex: number }>) : [];
        const first = list[0];
        if (!first) return '';
        const i = first.dataIndex;
        const lines = [`<strong>${unit === 'day' ? calendarDate(first.axisValue) : `${unit} of ${calendarDate(first.axisValue)}`}</strong>`];
        if (i < h) {
          const p = history[i];
          if (p) lines.push(`Sales: ${num(p.sales)}${p.stockout ? ' · <span class="tip-out">out of stock</span>' : ''}`);
        }
        const f = i >= h ? forecast[i - h] : undefined;
        if (f) {
          lines.push(`Forecast: ${num(round(f.mean))}`);
          lines.push(`80%: ${num(round(f.lo80))}–${num(round(f.hi80))}`);
          lines.push(`95%: ${num(round(f.lo95))}–${num(round(f.hi95))}`);
        }
        return lines.join('<br>');
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: true, axisLabel: { formatter: (v: string) => shortDate(v), hideOverlap: true } },
    yAxis: [
      { type: 'value', name: `units / ${unit}`, nameTextStyle: { align: 'left' }, min: 0, splitLine: { lineStyle: { color: '#eceee9' } } },
      { type: 'value', min: 0, max: 1, show: false },
    ],
    dataZoom: [
      { type: 'inside', start: zoomStart, end: 100 },
      { type: 'slider', start: zoomStart, end: 100, height: 18, bottom: 8 },
    ],
    series: [
      {
        name: 'Out of stock',
        type: 'bar',
        yAxisIndex: 1,
        data: stockout,
        barWidth: '100%',
        barGap: '-100%',
        itemStyle: { color: 'rgba(185, 28, 28, 0.14)' },
        emphasis: { disabled: true },
        z: 0,
        silent: true,
      },
      { name: 'Sales', type: 'bar', data: sales, itemStyle: { color: '#5f9f88' }, barMaxWidth: 14, z: 2 },
      ...(hasForecast
        ? [
            { name: '95% band base', type: 'line', data: lo95, stack: 'b95', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
            { name: '95% interval', type: 'line', data: band95, stack: 'b95', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(217, 164, 65, 0.18)' }, itemStyle: { color: 'rgba(217, 164, 65, 0.35)' }, silent: true },
            { name: '80% band base', type: 'line', data: lo80, stack: 'b80', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
            { name: '80% interval', type: 'line', data: band80, stack: 'b80', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(217, 164, 65, 0.32)' }, itemStyle: { color: 'rgba(217, 164, 65, 0.6)' }, silent: true },
            { name: 'Forecast', type: 'line', data: mean, symbol: 'none', lineStyle: { width: 2, color: '#1f5f4a', type: 'dashed' }, itemStyle: { color: '#1f5f4a' }, z: 3 },
          ]
        : []),
    ],
  };
}

export function SalesChart({ sku }: { sku: string }) {
  const [g, setG] = useState<Granularity>('week');
  const forecast = useQuery({
    queryKey: ['sku', sku, 'forecast', g],
    queryFn: () => unwrap(api.GET('/v1/forecasts/{sku}', { params: { path: { sku }, query: { granularity: g } } })),
    staleTime: 5 * 60_000,
  });
  const noForecast = forecast.error instanceof RestockApiError && NO_FORECAST.has(forecast.error.code);
  const history = useQuery({
    queryKey: ['sku', sku, 'history', g],
    queryFn: () => unwrap(api.GET('/v1/forecasts/{sku}/history', { params: { path: { sku }, query: { granularity: g } } })),
    enabled: noForecast,
  });
  const f = forecast.data;
  const points: Point[] = useMemo(() => f?.history ?? history.data?.history ?? [], [f, history.data]);
  const ahead = useMemo(() => f?.forecast ?? [], [f]);
  const option = useMemo(() => buildOption(points, ahead, g), [points, ahead, g]);
  const spells = useMemo(() => stockoutSpells(points), [points]);
  const words = GRANULARITY_WORDS[g];
  const outPeriods = points.filter((p) => p.stockout).length;
  const totalSales = points.reduce((s, p) => s + p.sales, 0);
  const label = points.length
    ? `Sales per ${words.one} of ${sku} from ${calendarDate(points[0]?.date)} to ${calendarDate(points.at(-1)?.date)}: ${num(totalSales)} units; out of stock in ${num(outPeriods)} ${outPeriods === 1 ? words.one : words.many} (${spells.length} ${spells.length === 1 ? 'spell' : 'spells'}, shaded).` +
      (ahead.length
        ? ` Forecast for the next ${ahead.length} ${words.many}: ${num(round(ahead.reduce((s, x) => s + x.mean, 0)))} units, shown with 80% and 95% intervals.`
        : '')
    : `No sales history for ${sku} yet.`;

  return (
    <section className="panel pad sales" aria-labelledby="sales-title">
      <div className="section-head">
        <h2 id="sales-title">Sales and forecast</h2>
        <div className="segmented" role="group" aria-label="Period">
          {(Object.keys(GRANULARITY_WORDS) as Granularity[]).map((x) => (
            <button key={x} type="button" className="seg" aria-pressed={g === x} onClick={() => setG(x)}>
              {GRANULARITY_WORDS[x].label}
            </button>
          ))}
        </div>
      </div>
      {forecast.isPending || (noForecast && history.isPending) ? <p className="muted">Loading…</p> : null}
      {forecast.isError && !noForecast ? (
        <p className="notice" role="alert">
          {errorText(forecast.error)}
        </p>
      ) : null}
      {noForecast ? <p className="muted">No forecast yet: {errorText(forecast.error)}</p> : null}
      {history.isError ? <p className="muted">{errorText(history.error)}</p> : null}
      {points.length > 0 ? (
        <div data-testid="sales-chart" data-history-points={points.length} data-stockout-periods={outPeriods} data-stockout-spells={spells.length} data-forecast-points={ahead.length} data-intervals={ahead.length ? '80,95' : ''}>
          <Chart option={option} label={label} height={300} />
          <p className="chart-summary muted">{label}</p>
        </div>
      ) : null}
      {f ? (
        <dl className="facts">
          <div>
            <dt>Model</dt>
            <dd>
              {f.model} <span className="muted">({f.demandClass.pattern} demand)</span>
            </dd>
          </div>
          {f.accuracy?.mase !== null && f.accuracy?.mase !== undefined ? (
            <div>
              <dt>Backtest error (MASE)</dt>
              <dd>
                {num(round(f.accuracy.mase * 100) / 100)}
                {f.accuracy.baseline?.mase !== null && f.accuracy.baseline?.mase !== undefined ? <span className="muted"> vs {num(round(f.accuracy.baseline.mase * 100) / 100)} naive</span> : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Lost to stock-outs</dt>
            <dd>≈ {num(Math.round(f.lostSales))} units</dd>
          </div>
          {f.leadTimeDemand ? (
            <div>
              <dt>Demand over the lead time ({num(f.leadTimeDemand.leadTimeDays)} days)</dt>
              <dd>
                {num(Math.round(f.leadTimeDemand.mean))} expected · {num(Math.round(f.leadTimeDemand.p95))} at 95%
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Computed</dt>
            <dd>{dateTime(f.computedAt)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
export default SalesChart;
