/**
 * Demand forecasting benchmark: accuracy of the smooth-demand forecasters on the classic competition data
 * (M3 monthly, yearly and quarterly; tourism monthly) beside the references in ../shared/data/README.md, and
 * the speed of automatic ETS on M3 monthly, on one thread and across worker threads.
 *
 *   npm run bench -- forecast [--quick] [--only=m3-monthly,m3-yearly,m3-quarterly,tourism-monthly,speed]
 *                             [--workers=2]
 *
 * Every set is scored with the same code: sMAPE (mean of 200·|y−f|/(|y|+|f|)), MASE scaled by the in-sample
 * seasonal-naive error at the data's frequency, and for tourism also MAPE (its competition's measure). The
 * official M3 submissions in the data are re-scored with this code as a check on the metrics, and naive
 * forecasts run in the same pass as the baseline. `--quick` takes every tenth series.
 *
 * Sections are separate functions registered in SECTIONS, so other sections (intermittent demand) plug in.
 */
import { intermittentAccuracy, leadTimeQuantiles, stockoutAwareness } from './forecast-intermittent.ts';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { readLongCsv, readMeta, toTrainTest, type LongSeries, type SeriesMeta, type TrainTestSeries } from '../src/planning/forecast/data.ts';
import { autoEts } from '../src/planning/forecast/ets.ts';
import { mape, mase, smape } from '../src/planning/forecast/metrics.ts';
import type { Forecast, ForecastOptions } from '../src/planning/forecast/model.ts';
import { naive, naive2, seasonalNaive } from '../src/planning/forecast/naive.ts';
import { combine, theta } from '../src/planning/forecast/theta.ts';
import { progress } from './lib/progress.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = process.env.RESTOCK_DATA_DIR ?? join(here, '..', '..', 'shared', 'data');

export interface SectionOptions {
  quick: boolean;
  workers: number;
}
export type Section = (opts: SectionOptions) => Promise<unknown>;

const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const r2 = (v: number): number => Math.round(v * 100) / 100;

// ---------------------------------------------------------------------------------------------- data

interface SmoothSet {
  label: string;
  dir: 'm3' | 'tourism';
  period: 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
  /** Published or R-measured scores on the full set, same metrics. */
  references: Record<string, { smape?: number; mase?: number; mape?: number; note?: string }>;
}

interface BenchSeries extends TrainTestSeries {
  season: number;
  horizon: number;
}

const seriesCache = new Map<string, LongSeries[]>();
function readSet(dir: string): { series: LongSeries[]; meta: Map<string, SeriesMeta> } {
  const path = join(DATA_DIR, dir, 'series.csv');
  let series = seriesCache.get(path);
  if (series === undefined) {
    series = readLongCsv(path);
    seriesCache.set(path, series);
  }
  return { series, meta: readMeta(join(DATA_DIR, dir, 'meta.csv')) };
}

function loadSet(set: SmoothSet, quick: boolean): BenchSeries[] {
  const { series, meta } = readSet(set.dir);
  const out: BenchSeries[] = [];
  for (const s of toTrainTest(series)) {
    const m = meta.get(s.id);
    if (m === undefined || m.period !== set.period) continue;
    if (s.test.length !== m.horizon) throw new Error(`${set.dir} ${s.id}: ${s.test.length} test values, meta says h=${m.horizon}`);
    out.push({ ...s, season: m.frequency, horizon: m.horizon });
  }
  return quick ? out.filter((_, i) => i % 10 === 0) : out;
}

/** Official M3 submissions (THETA, ForecastPro, …): forecasts per method and series. */
function officialForecasts(): Map<string, Map<string, number[]>> {
  const path = join(DATA_DIR, 'm3', 'official_forecasts.csv');
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    const method = r.method ?? '';
    const id = r.series_id ?? '';
    let byId = out.get(method);
    if (byId === undefined) out.set(method, (byId = new Map()));
    let f = byId.get(id);
    if (f === undefined) byId.set(id, (f = []));
    f[Number(r.h) - 1] = Number(r.forecast);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- scoring

class Scores {
  private sums = new Map<string, { smape: number; mase: number; mape: number; n: number; failures: number }>();
  add(method: string, s: BenchSeries, f: readonly number[] | null): void {
    let acc = this.sums.get(method);
    if (acc === undefined) this.sums.set(method, (acc = { smape: 0, mase: 0, mape: 0, n: 0, failures: 0 }));
    if (f === null || f.length !== s.test.length || f.some((v) => !Number.isFinite(v))) {
      acc.failures++;
      return;
    }
    acc.smape += smape(s.test, f);
    acc.mase += mase(s.test, f, s.train, s.season);
    acc.mape += mape(s.test, f);
    acc.n++;
  }
  report(withMape: boolean): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [method, a] of this.sums) {
      const row: Record<string, number> = { smape: r2(a.smape / a.n), mase: r3(a.mase / a.n) };
      if (withMape) row.mape = r2(a.mape / a.n);
      if (a.failures > 0) row.failures = a.failures;
      out[method] = row;
    }
    return out;
  }
}

function attempt(fn: () => Forecast): Forecast | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** Scores every method on one set; auto-ETS time is measured per call (the set's single-thread speed). */
function smoothAccuracy(set: SmoothSet, opts: SectionOptions): Promise<unknown> {
  const series = loadSet(set, opts.quick);
  const official = set.dir === 'm3' ? officialForecasts() : null;
  const scores = new Scores();
  const bar = progress(set.label, series.length);
  let etsMs = 0;
  let thetaMs = 0;
  const chosen = new Map<string, number>();
  for (const s of series) {
    const o: ForecastOptions = { horizon: s.horizon, season: s.season };
    let t = performance.now();
    const ets = attempt(() => autoEts(s.train, o));
    etsMs += performance.now() - t;
    t = performance.now();
    const th = attempt(() => theta(s.train, o));
    thetaMs += performance.now() - t;
    if (ets !== null) chosen.set(ets.model, (chosen.get(ets.model) ?? 0) + 1);
    scores.add('auto-ETS', s, ets?.mean ?? null);
    scores.add('Theta', s, th?.mean ?? null);
    scores.add('auto (mean of ETS, Theta)', s, ets !== null && th !== null ? combine([ets, th]).mean : null);
    scores.add('naive', s, attempt(() => naive(s.train, o))?.mean ?? null);
    scores.add('snaive', s, attempt(() => seasonalNaive(s.train, o))?.mean ?? null);
    scores.add('naive2', s, attempt(() => naive2(s.train, o))?.mean ?? null);
    if (official !== null) {
      for (const [method, byId] of official) scores.add(`official ${method}`, s, byId.get(s.id) ?? null);
    }
    bar.tick();
  }
  bar.done();
  return Promise.resolve({
    series: series.length,
    horizon: series[0]?.horizon,
    season: series[0]?.season,
    accuracy: scores.report(set.dir === 'tourism'),
    references: set.references,
    autoEtsModels: Object.fromEntries([...chosen].sort((a, b) => b[1] - a[1])),
    singleThread: {
      autoEtsSeriesPerSecond: r2(series.length / (etsMs / 1000)),
      thetaSeriesPerSecond: r2(series.length / (thetaMs / 1000)),
    },
  });
}

const M3_MONTHLY: SmoothSet = {
  label: 'M3 monthly',
  dir: 'm3',
  period: 'MONTHLY',
  references: {
    'R thetaf': { smape: 13.86, mase: 0.864 },
    'official THETA': { smape: 13.89, mase: 0.858 },
    'official ForecastPro': { smape: 13.9, mase: 0.848 },
    'R ets (auto)': { smape: 14.14, mase: 0.865 },
    'official DAMPEN': { smape: 14.58, mase: 0.908 },
    'official NAIVE2': { smape: 16.89, mase: 1.037 },
    'R snaive': { smape: 17.23, mase: 1.146 },
  },
};
const M3_YEARLY: SmoothSet = {
  label: 'M3 yearly',
  dir: 'm3',
  period: 'YEARLY',
  references: { note: { note: 'no R references given for this set: the official submissions are re-scored in accuracy' } },
};
const M3_QUARTERLY: SmoothSet = { ...M3_YEARLY, label: 'M3 quarterly', period: 'QUARTERLY' };
const TOURISM_MONTHLY: SmoothSet = {
  label: 'tourism monthly',
  dir: 'tourism',
  period: 'MONTHLY',
  // Tcomp's reproduction of Athanasopoulos et al. (2011), horizons 1–24 (reference_results_Tcomp_reproduction.csv).
  references: {
    'ETS (Tcomp)': { mape: 21.06, mase: 1.54 },
    'Theta (Tcomp)': { mape: 22.39, mase: 1.65 },
    'snaive (Tcomp "Naive")': { mape: 22.56, mase: 1.63 },
    'ARIMA (Tcomp)': { mape: 26.13, mase: 1.6 },
  },
};

// ---------------------------------------------------------------------------------------------- speed

interface WorkerTask {
  kind: 'forecast-bench-worker';
  series: { train: number[]; horizon: number; season: number }[];
}

/** Worker side: fit auto-ETS on the series it was given when told to start; report the time. */
function workerMain(task: WorkerTask): void {
  const port = parentPort;
  if (port === null) return;
  port.on('message', (msg: unknown) => {
    if (msg !== 'go') return;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const s of task.series) autoEts(s.train, { horizon: s.horizon, season: s.season });
    const cpu = process.cpuUsage(cpu0);
    port.postMessage({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, count: task.series.length });
  });
  port.postMessage('ready');
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === 'forecast-bench-worker') workerMain(workerData as WorkerTask);

interface WorkerReport {
  ms: number;
  cpuMs: number;
  count: number;
}

/** Auto-ETS over the set split across `n` worker threads; the clock starts once every worker has loaded. */
async function parallelRun(series: BenchSeries[], n: number): Promise<{ wallMs: number; reports: WorkerReport[] }> {
  const shares: WorkerTask[] = Array.from({ length: n }, () => ({ kind: 'forecast-bench-worker', series: [] }));
  // Deal series round-robin so both workers get long and short ones.
  series.forEach((s, i) => shares[i % n]?.series.push({ train: s.train, horizon: s.horizon, season: s.season }));
  // Under tsx a worker does not inherit the loader: start it from a bootstrap that registers tsx first (as
  // src/planning/pool.ts does), then imports this file, whose top level runs workerMain.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const boot = `import(${api}).then((m) => { m.register(); return import(${self}); });`;
  const workers = shares.map((task) => new Worker(boot, { eval: true, workerData: task }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('error', reject);
      w.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`unexpected worker message ${String(m)}`))));
    })));
    const t0 = performance.now();
    const reports = await Promise.all(workers.map((w) => new Promise<WorkerReport>((resolve, reject) => {
      w.once('error', reject);
      w.once('message', (m) => resolve(m as WorkerReport));
      w.postMessage('go');
    })));
    return { wallMs: performance.now() - t0, reports };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Series per second of auto-ETS on M3 monthly: one thread, then N worker threads; Theta as the same-run baseline. */
async function speed(opts: SectionOptions): Promise<unknown> {
  const series = loadSet(M3_MONTHLY, opts.quick);
  const bar = progress('speed: one thread', series.length * 2);
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  for (const s of series) {
    autoEts(s.train, { horizon: s.horizon, season: s.season });
    bar.tick();
  }
  const singleMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  t = performance.now();
  for (const s of series) {
    theta(s.train, { horizon: s.horizon, season: s.season });
    bar.tick();
  }
  const thetaMs = performance.now() - t;
  bar.done();
  process.stderr.write(`[forecast] speed: ${opts.workers} worker threads…\n`);
  const par = await parallelRun(series, opts.workers);
  const single = series.length / (singleMs / 1000);
  const parallel = series.length / (par.wallMs / 1000);
  return {
    series: series.length,
    cores: cpus().length,
    loadAverageBefore: loadavg().map(r2),
    autoEts: {
      singleThreadSeriesPerSecond: r2(single),
      singleThreadCpuSeriesPerSecond: r2(series.length / ((cpu.user + cpu.system) / 1e6)),
      msPerSeries: r2(singleMs / series.length),
      workers: opts.workers,
      workerThreadsSeriesPerSecond: r2(parallel),
      workerCpuSeriesPerSecond: r2(series.length / (par.reports.reduce((s, r) => s + r.cpuMs, 0) / 1000 / opts.workers)),
      parallelSpeedup: r2(parallel / single),
    },
    baseline: { thetaSeriesPerSecond: r2(series.length / (thetaMs / 1000)), autoEtsCostInThetas: r2(singleMs / thetaMs) },
    reference: { rEtsSeriesPerSecondPerCore: 2.3, target: 25, vsR: r2(parallel / (2.3 * Math.min(opts.workers, cpus().length))) },
    pass: parallel >= 25,
  };
}

// ---------------------------------------------------------------------------------------------- sections

export const SECTIONS: Record<string, Section> = {
  'm3-monthly': async (o) => {
    const r = (await smoothAccuracy(M3_MONTHLY, o)) as { accuracy: Record<string, { smape: number }> };
    const ets = r.accuracy['auto-ETS']?.smape ?? Infinity;
    const auto = r.accuracy['auto (mean of ETS, Theta)']?.smape ?? Infinity;
    return {
      ...r,
      targets: {
        'auto-ETS sMAPE <= 14.42 (R ets + 2%)': { value: ets, pass: ets <= 14.42 },
        'auto sMAPE <= 13.86 (R thetaf)': { value: auto, pass: auto <= 13.86 },
        ...(o.quick ? { note: 'quick subset: targets refer to the full set' } : {}),
      },
    };
  },
  'm3-yearly': (o) => smoothAccuracy(M3_YEARLY, o),
  'm3-quarterly': (o) => smoothAccuracy(M3_QUARTERLY, o),
  'tourism-monthly': (o) => smoothAccuracy(TOURISM_MONTHLY, o),
  speed,
  // Intermittent demand (car parts, RAF), lead-time demand quantiles and stock-out awareness: bench/forecast-intermittent.ts.
  intermittent: async (o) => intermittentAccuracy({ quick: o.quick }),
  'lead-time': async (o) => leadTimeQuantiles({ quick: o.quick }),
  stockouts: async (o) => stockoutAwareness({ quick: o.quick }),
};

export async function run(args: string[]): Promise<unknown> {
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
  const workersArg = args.find((a) => a.startsWith('--workers='))?.slice('--workers='.length);
  const workers = workersArg === undefined ? Math.max(1, Math.min(2, cpus().length)) : Number(workersArg);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got '${workersArg}'`);
  if (!existsSync(DATA_DIR)) throw new Error(`data not found at ${DATA_DIR} (set RESTOCK_DATA_DIR)`);
  const names = only ?? Object.keys(SECTIONS);
  for (const n of names) if (!(n in SECTIONS)) throw new Error(`unknown section '${n}'; available: ${Object.keys(SECTIONS).join(', ')}`);
  const out: Record<string, unknown> = { quick, dataDir: DATA_DIR };
  for (const name of names) {
    const section = SECTIONS[name] as Section;
    const t0 = performance.now();
    process.stderr.write(`[forecast] ${name}…\n`);
    const result = await section({ quick, workers });
    out[name] = { ...(result as object), seconds: r2((performance.now() - t0) / 1000) };
  }
  return out;
}
