/** The daily volume charts of the Messages and Webhooks pages (stacked bars per day, ECharts, loaded with the page). */
import { lazy, Suspense, useMemo } from 'react';
import { num } from '../app/format.ts';
import { words } from './ops-ui.tsx';

const Chart = lazy(() => import('../components/Chart.tsx'));

export function VolumeChart<K extends string>({
  title,
  id,
  rows,
  error,
  series,
}: {
  title: string;
  id: string;
  rows: Array<{ date: string } & Record<K, number>> | undefined;
  error: unknown;
  series: Array<[K, string, string]>;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 36, right: 12, top: 30, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: (rows ?? []).map((r) => r.date), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(([k, name, color]) => ({ type: 'bar', stack: 'all', name, data: (rows ?? []).map((r) => r[k]), itemStyle: { color } })),
    }),
    [rows, series],
  );
  const totals = series.map(([k, name]) => `${num((rows ?? []).reduce((s, r) => s + r[k], 0))} ${name.toLowerCase()}`).join(', ');
  return (
    <section className="panel chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {error ? <p className="notice">{words(error)}</p> : null}
      {!rows ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <Chart option={option} label={`${title}: ${totals} over ${rows.length} days`} height={200} testId={id} />
        </Suspense>
      )}
    </section>
  );
}
