/**
 * Intermittent demand and stock-outs: accuracy of the intermittent forecasters on car parts and RAF beside the
 * R references in ../shared/data/README.md, the pinball loss of lead-time demand quantiles (what safety stock
 * is set from), and the bias that stock-outs cause with and without stock-out awareness.
 *
 *   npm run bench -- forecast-intermittent [--quick] [--only=accuracy,leadtime,stockouts]
 *
 * Sections are exported for bench/forecast.ts: `intermittentAccuracy`, `leadTimeQuantiles`, `stockoutAwareness`
 * (each takes { quick } and returns plain JSON). Every section carries its baselines from the same run: the
 * always-zero and naive forecasts, the model-free empirical lead-time quantiles, and the oracle fitted on the
 * true (uncensored) series.
 *
 * Scales: MASE and RMSSE divide by the in-sample lag-1 naive error (mean absolute / mean squared first
 * difference of the training data), as the references do; series whose training data never change (6 car parts,
 * all zero) have no scale and are left out, as they are from the references. Pinball losses are divided by the
 * MASE scale, so they read in the same units.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readLongCsv, toTrainTest, type LongSeries, type TrainTestSeries } from '../src/planning/forecast/data.ts';
import type { Forecast, ForecastOptions } from '../src/planning/forecast/model.ts';
import { adida, croston, sba, ses, tsb, zeroForecast } from '../src/planning/forecast/intermittent.ts';
import { naive } from '../src/planning/forecast/naive.ts';
import { forecastAuto, leadTimeDemandAuto } from '../src/planning/forecast/select.ts';
import { leadTimeDistribution, normalQuantile, scoreLeadTime, type DemandDistribution } from '../src/planning/forecast/leadtime.ts';
import { seededRandom } from '../src/core/random.ts';
import { progress } from './lib/progress.ts';

export interface SectionOptions {
  quick?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = process.env.RESTOCK_DATA_DIR ?? join(here, '..', '..', 'shared', 'data');

const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const r1 = (v: number): number => Math.round(v * 10) / 10;
const mean = (a: readonly number[]): number => (a.length === 0 ? Number.NaN : a.reduce((s, v) => s + v, 0) / a.length);

// ---------------------------------------------------------------------------------------------- data

interface IntermittentSet {
  name: 'carparts' | 'raf';
  train: number;
  horizon: number;
  series: TrainTestSeries[];
  /** RAF: lead time in months per series */
  leadTimes?: Map<string, number>;
}

const cache = new Map<string, LongSeries[]>();
function readSeries(path: string): LongSeries[] {
  let s = cache.get(path);
  if (!s) {
    s = readLongCsv(path);
    cache.set(path, s);
  }
  return s;
}

function loadIntermittent(name: 'carparts' | 'raf', quick: boolean): IntermittentSet {
  const [length, train] = name === 'carparts' ? [51, 45] : [84, 72];
  const all = readSeries(join(DATA_DIR, name, 'series.csv'))
    .filter((s) => s.values.length === length)
    .map((s) => ({ id: s.id, train: s.values.slice(0, train), test: s.values.slice(train) }));
  const series = quick ? all.slice(0, name === 'carparts' ? 400 : 600) : all;
  const set: IntermittentSet = { name, train, horizon: length - train, series };
  if (name === 'raf') {
    const rows = parse(readFileSync(join(DATA_DIR, 'raf', 'items.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    set.leadTimes = new Map(rows.map((r) => [r.series_id ?? '', Number(r.lead_time_months)]));
  }
  return set;
}

function scales(train: readonly number[]): { mae: number; mse: number } {
  let a = 0;
  let s = 0;
  for (let t = 1; t < train.length; t++) {
    const d = (train[t] ?? 0) - (train[t - 1] ?? 0);
    a += Math.abs(d);
    s += d * d;
  }
  const n = Math.max(1, train.length - 1);
  return { mae: a / n, mse: s / n };
}

// ---------------------------------------------------------------------------------------------- accuracy

type Method = (y: readonly number[], opts: ForecastOptions) => Forecast;

const METHODS: Record<string, Method> = {
  zero: zeroForecast,
  naive,
  ses,
  croston,
  sba,
  tsb,
  'tsb-simple-init': (y, o) => tsb(y, o, { init: 'simple' }),
  adida,
  'croston-opt': (y, o) => croston(y, o, { optimise: true }),
  'sba-opt': (y, o) => sba(y, o, { optimise: true }),
  'tsb-opt': (y, o) => tsb(y, o, { optimise: true }),
  auto: (y, o) => forecastAuto(y, o),
};

/** R forecast 8.20 on the same data and protocol (../shared/data/README.md). */
const REFERENCES: Record<string, Record<string, { mase?: number; rmsse?: number; what: string }>> = {
  carparts: {
    zero: { mase: 0.747, rmsse: 0.561, what: 'always zero' },
    naive: { mase: 0.981, what: 'naive' },
    ses: { mase: 1.07, rmsse: 0.611, what: 'SES (optimised)' },
    tsb: { mase: 1.077, rmsse: 0.609, what: 'TSB (α = β = 0.1)' },
    sba: { mase: 1.232, what: 'SBA (α = 0.1)' },
    croston: { mase: 1.259, what: 'Croston (α = 0.1)' },
  },
  raf: {
    zero: { mase: 0.534, rmsse: 0.553, what: 'always zero' },
    naive: { mase: 0.934, what: 'naive' },
    ses: { mase: 1.0, rmsse: 0.619, what: 'SES (optimised)' },
    tsb: { mase: 0.991, rmsse: 0.626, what: 'TSB (α = β = 0.1)' },
    sba: { mase: 1.095, rmsse: 0.636, what: 'SBA (α = 0.1)' },
    croston: { mase: 1.125, rmsse: 0.642, what: 'Croston (α = 0.1)' },
  },
};

function accuracyOn(set: IntermittentSet): Record<string, unknown> {
  const opts = { horizon: set.horizon, season: 12 };
  const acc: Record<string, { mase: number[]; rmsse: number[]; ms: number }> = {};
  for (const k of Object.keys(METHODS)) acc[k] = { mase: [], rmsse: [], ms: 0 };
  const choices: Record<string, number> = {};
  const patterns: Record<string, number> = {};
  let excluded = 0;
  const bar = progress(`accuracy ${set.name}`, set.series.length);
  for (const s of set.series) {
    bar.tick();
    const sc = scales(s.train);
    if (!(sc.mae > 0)) {
      excluded += 1;
      continue;
    }
    for (const [name, method] of Object.entries(METHODS)) {
      const t0 = performance.now();
      const f = method(s.train, opts);
      const a = acc[name];
      if (!a) continue;
      a.ms += performance.now() - t0;
      let ae = 0;
      let se = 0;
      for (let h = 0; h < set.horizon; h++) {
        const e = (s.test[h] ?? 0) - (f.mean[h] ?? 0);
        ae += Math.abs(e);
        se += e * e;
      }
      a.mase.push(ae / set.horizon / sc.mae);
      a.rmsse.push(Math.sqrt(se / set.horizon / sc.mse));
      if (name === 'auto' && 'demandClass' in f) {
        const auto = f as Forecast & { demandClass: { pattern: string } };
        choices[f.model] = (choices[f.model] ?? 0) + 1;
        patterns[auto.demandClass.pattern] = (patterns[auto.demandClass.pattern] ?? 0) + 1;
      }
    }
  }
  bar.done();
  const methods: Record<string, unknown> = {};
  const refs = REFERENCES[set.name] ?? {};
  for (const [name, a] of Object.entries(acc)) {
    const ref = refs[name];
    methods[name] = {
      mase: r3(mean(a.mase)),
      rmsse: r3(mean(a.rmsse)),
      msPerSeries: Math.round((a.ms / Math.max(1, a.mase.length)) * 1000) / 1000,
      ...(ref ? { reference: { what: `R: ${ref.what}`, ...(ref.mase !== undefined ? { mase: ref.mase } : {}), ...(ref.rmsse !== undefined ? { rmsse: ref.rmsse } : {}) } } : {}),
    };
  }
  const rm = (k: string): number => mean(acc[k]?.rmsse ?? []);
  const family = ['croston', 'sba', 'tsb'].map((k) => [k, rm(k)] as const).sort((a, b) => a[1] - b[1]);
  const best = family[0] ?? ['none', Number.NaN];
  const optimised = ['croston-opt', 'sba-opt', 'tsb-opt'].map((k) => [k, rm(k)] as const).sort((a, b) => a[1] - b[1]);
  return {
    series: set.series.length - excluded,
    excludedNoScale: excluded,
    train: set.train,
    horizon: set.horizon,
    methods,
    auto: { demandPatterns: patterns, chosenModels: choices },
    requirement: {
      what: 'auto RMSSE no worse than the best of Croston, SBA and TSB (α = β = 0.1)',
      auto: r3(rm('auto')),
      best: r3(best[1]),
      bestMethod: best[0],
      pass: rm('auto') <= best[1],
      bestOptimisedVariant: { method: optimised[0]?.[0], rmsse: r3(optimised[0]?.[1] ?? Number.NaN) },
    },
  };
}

export function intermittentAccuracy(opts: SectionOptions = {}): Record<string, unknown> {
  if (!existsSync(DATA_DIR)) return { skipped: `no data at ${DATA_DIR}` };
  const out: Record<string, unknown> = {
    protocol: 'complete series; car parts 45 months train / 6 test, RAF 72 / 12; MASE and RMSSE scaled by the in-sample lag-1 naive error; mean over series',
  };
  for (const name of ['carparts', 'raf'] as const) out[name] = accuracyOn(loadIntermittent(name, opts.quick === true));
  return out;
}

// ---------------------------------------------------------------------------------------------- lead time

type QuantileMethod = (train: readonly number[], leadTime: number) => DemandDistribution;

const parametric = (m: Method): QuantileMethod => (y, L) => leadTimeDistribution(m(y, { horizon: L, season: 12 }), y, L);

const QUANTILE_METHODS: Record<string, { what: string; fn: QuantileMethod }> = {
  zero: { what: 'order nothing: every quantile 0', fn: () => ({ mean: 0, sd: 0, shape: 'zero', quantile: () => 0 }) },
  empirical: { what: 'no model: quantiles of the in-sample overlapping L-period sums', fn: (y, L) => leadTimeDistribution(zeroForecastOf(L), y, L, { method: 'empirical' }) },
  'ses-normal': {
    what: 'textbook: SES mean, normal with the local-level lead-time variance, truncated at 0',
    fn: (y, L) => {
      const f = ses(y, { horizon: L, season: 1 });
      let m = 0;
      for (let h = 0; h < L; h++) m += f.mean[h] ?? 0;
      const sd = Math.sqrt(f.cumVariance?.[L - 1] ?? 0);
      return { mean: m, sd, shape: 'normal', quantile: (q) => Math.max(0, m + normalQuantile(q) * sd) };
    },
  },
  'croston-nb': { what: 'Croston (0.1), negative binomial', fn: parametric(croston) },
  'sba-nb': { what: 'SBA (0.1), negative binomial', fn: parametric(sba) },
  'tsb-nb': { what: 'TSB (0.1, 0.1), negative binomial', fn: parametric(tsb) },
  'adida-nb': { what: 'ADIDA, negative binomial', fn: parametric(adida) },
  'tsb-bootstrap': {
    what: 'TSB (0.1, 0.1) rate, compound Bernoulli with the item’s own demand sizes',
    fn: (y, L) => leadTimeDistribution(tsb(y, { horizon: L, season: 12 }), y, L, { method: 'bootstrap', random: seededRandom(7) }),
  },
  'ses-nb': { what: 'SES, negative binomial', fn: parametric(ses) },
  'auto-point-model-nb': {
    what: 'the model forecastAuto picks for the point forecast, negative binomial (for contrast)',
    fn: parametric((y, o) => forecastAuto(y, o)),
  },
  auto: { what: 'leadTimeDemandAuto: what the product uses (SES + negative binomial for intermittent items, the smooth automatic forecast otherwise)', fn: (y, L) => leadTimeDemandAuto(y, L, { season: 12 }) },
};

function zeroForecastOf(L: number): Forecast {
  const z = new Array<number>(L).fill(0);
  return { model: 'none', mean: z, lo80: z, hi80: z, lo95: z, hi95: z, fitted: [], sigma2: 0, params: {} };
}

function leadTimeOn(set: IntermittentSet): Record<string, unknown> {
  const levels = [0.9, 0.95];
  const acc: Record<string, { loss: Record<string, number[]>; covered: Record<string, number[]>; q: Record<string, number[]> }> = {};
  for (const k of Object.keys(QUANTILE_METHODS)) acc[k] = { loss: { '0.9': [], '0.95': [] }, covered: { '0.9': [], '0.95': [] }, q: { '0.9': [], '0.95': [] } };
  const actuals: number[] = [];
  let excluded = 0;
  let clippedLong = 0;
  let raisedZero = 0;
  const bar = progress(`lead time ${set.name}`, set.series.length);
  for (const s of set.series) {
    bar.tick();
    const sc = scales(s.train);
    if (!(sc.mae > 0)) {
      excluded += 1;
      continue;
    }
    let L = set.horizon;
    if (set.leadTimes) {
      const given = set.leadTimes.get(s.id) ?? set.horizon;
      if (given > set.horizon) clippedLong += 1;
      if (given < 1) raisedZero += 1;
      L = Math.min(set.horizon, Math.max(1, Math.round(given)));
    }
    let first = true;
    for (const [name, m] of Object.entries(QUANTILE_METHODS)) {
      const score = scoreLeadTime(m.fn(s.train, L), s.train, s.test, L, levels);
      if (first) actuals.push(score.actual);
      first = false;
      const a = acc[name];
      if (!a) continue;
      for (const q of levels) {
        const k = String(q);
        a.loss[k]?.push(score.loss[k] ?? Number.NaN);
        a.covered[k]?.push(score.covered[k] ?? 0);
        a.q[k]?.push(score.quantiles[k] ?? 0);
      }
    }
  }
  bar.done();
  const methods: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(acc)) {
    methods[name] = {
      what: QUANTILE_METHODS[name]?.what,
      pinball90: r3(mean(a.loss['0.9'] ?? [])),
      pinball95: r3(mean(a.loss['0.95'] ?? [])),
      serviceLevel90: r3(mean(a.covered['0.9'] ?? [])),
      serviceLevel95: r3(mean(a.covered['0.95'] ?? [])),
      meanQuantile95: r1(mean(a.q['0.95'] ?? [])),
    };
  }
  return {
    series: set.series.length - excluded,
    leadTime: set.leadTimes
      ? `items.csv lead time in months, clamped to 1..${set.horizon} (the holdout): ${clippedLong} longer ones cut to ${set.horizon}, ${raisedZero} zero ones raised to 1`
      : `fixed ${set.horizon} months: the whole holdout`,
    meanActualLeadTimeDemand: r1(mean(actuals)),
    methods,
  };
}

export function leadTimeQuantiles(opts: SectionOptions = {}): Record<string, unknown> {
  if (!existsSync(DATA_DIR)) return { skipped: `no data at ${DATA_DIR}` };
  const out: Record<string, unknown> = {
    protocol:
      'quantiles 0.9 and 0.95 of demand summed over the lead time after the end of training, against the actual sum in the holdout; pinball loss scaled by the in-sample MAE of lag-1 differences, mean over series; serviceLevel = share of items whose actual lead-time demand was covered',
  };
  for (const name of ['carparts', 'raf'] as const) out[name] = leadTimeOn(loadIntermittent(name, opts.quick === true));
  return out;
}

// ---------------------------------------------------------------------------------------------- stock-outs

interface Scenario {
  name: string;
  what: string;
  /** periods to censor, given the training length and a uniform source */
  censor: (n: number, random: () => number) => boolean[];
  signupShare?: number;
  knownRate?: boolean;
}

function runs(n: number, random: () => number, count: number, maxLen: number, flags = new Array<boolean>(n).fill(false)): boolean[] {
  for (let r = 0; r < count; r++) {
    const len = 1 + Math.floor(random() * maxLen);
    const start = Math.floor(random() * (n - len));
    for (let t = start; t < start + len; t++) flags[t] = true;
  }
  return flags;
}

function recent(n: number, random: () => number): boolean[] {
  const flags = runs(n, random, 2, 4);
  const len = 1 + Math.floor(random() * 3);
  for (let t = n - len; t < n; t++) flags[t] = true;
  return flags;
}

const SCENARIOS: Scenario[] = [
  { name: 'random', what: 'two stock-outs of 1–4 months at random points of the history', censor: (n, rnd) => runs(n, rnd, 2, 4) },
  { name: 'recent', what: 'the same, plus one of 1–3 months that lasts to the end of the history', censor: recent },
  {
    name: 'recent+signups',
    what: 'recent, with 20% of unmet demand (Poisson-thinned) joining a waitlist; share estimated per item',
    censor: recent,
    signupShare: 0.2,
  },
  {
    name: 'recent+signups (share known)',
    what: 'recent, with 20% of unmet demand joining a waitlist, the 20% given',
    censor: recent,
    signupShare: 0.2,
    knownRate: true,
  },
];

/** Poisson draw (normal approximation above 50). */
function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, random())))));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  for (;;) {
    p *= random();
    if (p <= l) return k;
    k += 1;
  }
}

export function stockoutAwareness(opts: SectionOptions = {}): Record<string, unknown> {
  const path = join(DATA_DIR, 'm3', 'series.csv');
  if (!existsSync(path)) return { skipped: `no data at ${path}` };
  const monthly = toTrainTest(readSeries(path)).filter((s) => s.id >= 'N1402' && s.id <= 'N2829' && s.test.length === 18);
  // A fixed spread of the 1,428 monthly series (every k-th), the same on every run.
  const want = opts.quick === true ? 60 : 240;
  const step = Math.max(1, Math.floor(monthly.length / want));
  const series = monthly.filter((_, i) => i % step === 0).slice(0, want);
  const out: Record<string, unknown> = {
    data: `M3 monthly, ${series.length} series (every ${step}th), 18-month official holdout; sales forced to zero in the stock-out months`,
    metrics:
      'bias = mean over series of (forecast total − true total) / true total over the holdout, %; levelVsOracle = the same against the forecast fitted on the true series (isolates what the stock-outs did); lostSales = estimated / true lost demand, %, summed over series',
    fits: {
      oracle: 'forecastAuto on the true series',
      naive: 'forecastAuto on the sales with zeros, no stock-out flags',
      aware: 'forecastAuto on the same sales with the stock-out flags',
    },
  };
  const opts18 = { horizon: 18, season: 12 };
  const oracles = new Map<string, Forecast>();
  for (const sc of SCENARIOS) {
    const random = seededRandom(20240501);
    const bias = { oracle: [] as number[], naive: [] as number[], aware: [] as number[] };
    const vsOracle = { naive: [] as number[], aware: [] as number[] };
    let lostTrue = 0;
    let lostEst = 0;
    const lostErr: number[] = [];
    let censoredShare = 0;
    let ms = 0;
    const bar = progress(`stock-outs ${sc.name}`, series.length);
    for (const s of series) {
      bar.tick();
      const y = s.train;
      const flags = sc.censor(y.length, random);
      const sales = y.map((v, t) => (flags[t] ? 0 : v));
      const signups = sc.signupShare !== undefined ? y.map((v, t) => (flags[t] ? poisson(v * (sc.signupShare ?? 0), random) : 0)) : undefined;
      const truth = s.test.reduce((a, v) => a + v, 0);
      const oracle = oracles.get(s.id) ?? forecastAuto(y, opts18);
      oracles.set(s.id, oracle);
      const naiveFit = forecastAuto(sales, opts18);
      const t0 = performance.now();
      const aware = forecastAuto(sales, opts18, {
        censored: flags,
        ...(signups ? { signups } : {}),
        ...(sc.knownRate === true && sc.signupShare !== undefined ? { signupRate: sc.signupShare } : {}),
      });
      ms += performance.now() - t0;
      const total = (f: Forecast): number => f.mean.reduce((a, v) => a + v, 0);
      const o = total(oracle);
      bias.oracle.push((o - truth) / truth);
      bias.naive.push((total(naiveFit) - truth) / truth);
      bias.aware.push((total(aware) - truth) / truth);
      vsOracle.naive.push((total(naiveFit) - o) / o);
      vsOracle.aware.push((total(aware) - o) / o);
      let lt = 0;
      flags.forEach((c, t) => {
        if (c) lt += y[t] ?? 0;
      });
      lostTrue += lt;
      lostEst += aware.censoring?.lostSales ?? 0;
      if (lt > 0) lostErr.push(Math.abs((aware.censoring?.lostSales ?? 0) - lt) / lt);
      censoredShare += flags.filter((c) => c).length / flags.length;
    }
    bar.done();
    const pct = (a: number[]): number => r1(100 * mean(a));
    const median = (a: number[]): number => {
      const b = [...a].sort((x, z) => x - z);
      return r1(100 * (b[Math.floor(b.length / 2)] ?? Number.NaN));
    };
    out[sc.name] = {
      what: sc.what,
      censoredShareOfHistory: r3(censoredShare / series.length),
      biasPct: { oracle: pct(bias.oracle), naive: pct(bias.naive), aware: pct(bias.aware) },
      medianBiasPct: { oracle: median(bias.oracle), naive: median(bias.naive), aware: median(bias.aware) },
      levelVsOraclePct: { naive: pct(vsOracle.naive), aware: pct(vsOracle.aware) },
      lostSales: { estimatedVsTruePct: r1((100 * lostEst) / lostTrue), meanAbsErrorPct: pct(lostErr) },
      awareMsPerSeries: r1(ms / series.length),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- runner

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const only = new Set((onlyArg ?? 'accuracy,leadtime,stockouts').split(','));
  const t0 = performance.now();
  const out: Record<string, unknown> = { quick, dataDir: DATA_DIR };
  if (only.has('accuracy')) out.accuracy = intermittentAccuracy({ quick });
  if (only.has('leadtime')) out.leadTime = leadTimeQuantiles({ quick });
  if (only.has('stockouts')) out.stockouts = stockoutAwareness({ quick });
  out.seconds = r1((performance.now() - t0) / 1000);
  return Promise.resolve(out);
}
