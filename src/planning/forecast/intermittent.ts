/**
 * Intermittent-demand forecasters: Croston, SBA (Syntetos–Boylan approximation), TSB (Teunter–Syntetos–Babai)
 * and ADIDA (temporal aggregation), plus the simple exponential smoothing they are built from. Each fits in one
 * pass per parameter set, with the smoothing constants fixed (α = β = 0.1, the literature's default) or
 * optimised, and returns the shared `Forecast`.
 *
 * Stock-outs: every method takes `censored` — periods whose demand is unknown because nothing was on the shelf.
 * The state passes through them untouched (no zero is learned, no interval is counted, no error is scored), which
 * is exactly "fit on the uncensored points with the state propagated through the censored ones".
 *
 * Intervals. Per-period demand of an intermittent item is mostly zero with the odd lump, so symmetric normal
 * intervals are wrong twice (they go negative and they miss the skew). We match two moments instead:
 *   mean      = the point forecast,
 *   variance  = σ²·(1 + (h−1)·a²), where σ² is the in-sample mean squared one-step error and a the smoothing
 *               constant of the demand rate (the variance of a local-level model h steps ahead — the level
 *               itself wanders, so intervals widen with the horizon),
 * and read the quantiles off a negative binomial for count data (mass at zero, right skew; Snyder, Ord &
 * Beaumont 2012 found it the best fit for these car-parts data) or a gamma for continuous quantities (see
 * `demandDistribution` in leadtime.ts). The same moments give `cumVariance`, the variance of demand summed over
 * the next k periods, σ²·Σᵢ (1 + a·(k−i))², which lead-time demand uses.
 */
import type { Forecast, ForecastOptions } from './model.ts';
import { ForecastInputError, validateSeries } from './model.ts';
import { demandDistribution } from './leadtime.ts';
import { nelderMead, type NelderMeadOptions } from './optim.ts';

/** How optimised parameters are scored in-sample. */
export type IntermittentCost = 'mse' | 'mar' | 'msr';

export interface IntermittentOptions {
  /** smoothing of demand sizes (Croston, SBA, TSB) or of the level (SES, ADIDA); default 0.1 */
  alpha?: number;
  /** smoothing of intervals (Croston, SBA) or of the demand probability (TSB); default 0.1 */
  beta?: number;
  /** choose the smoothing constants by minimising `cost` in-sample instead of using alpha/beta */
  optimise?: boolean;
  /**
   * In-sample criterion for `optimise`: one-step mean squared error (default), or Kourentzes's (2014) mean
   * absolute / squared rate, which compares the in-sample forecasts with the running mean of demand.
   */
  cost?: IntermittentCost;
  /**
   * Initial states. Croston/SBA: 'simple' (default, as R's forecast::croston: first demand and first interval).
   * TSB: 'mean' (default: mean non-zero demand, share of periods with demand).
   */
  init?: 'simple' | 'mean';
  /** periods with no stock (demand unknown): skipped by the fit */
  censored?: readonly boolean[];
  /** ADIDA aggregation level in periods; default the rounded average demand interval */
  level?: number;
}

const DEFAULT_ALPHA = 0.1;
const DEFAULT_BETA = 0.1;
const BOUNDS: [number, number] = [0.01, 1];

// ------------------------------------------------------------------------------------ input

interface Prepared {
  y: readonly number[];
  horizon: number;
  censored: (t: number) => boolean;
  integer: boolean;
}

function prepare(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions): Prepared {
  validateSeries(y, { minLength: 2, horizon: opts.horizon, season: opts.season });
  const c = o.censored;
  if (c !== undefined && c.length !== y.length) {
    throw new ForecastInputError(`censored flags have ${c.length} entries for ${y.length} values`, {
      length: y.length,
      censored: c.length,
    });
  }
  for (const [name, v] of [['alpha', o.alpha], ['beta', o.beta]] as const) {
    if (v !== undefined && !(v > 0 && v <= 1)) {
      throw new ForecastInputError(`${name} must be in (0, 1], got ${String(v)}`, { [name]: v });
    }
  }
  if (o.level !== undefined && (!Number.isInteger(o.level) || o.level < 1)) {
    throw new ForecastInputError(`aggregation level must be a positive integer, got ${o.level}`, { level: o.level });
  }
  let observed = 0;
  for (let t = 0; t < y.length; t++) if (c?.[t] !== true) observed += 1;
  if (observed === 0) throw new ForecastInputError('every period is censored: there is no demand to learn from', {});
  return {
    y,
    horizon: opts.horizon,
    censored: c === undefined ? () => false : (t) => c[t] === true,
    integer: y.every((v) => Number.isInteger(v)),
  };
}

// ------------------------------------------------------------------------------------ optimisers

/** Minimises f on [lo, hi] by golden-section search. */
export function goldenSection(f: (x: number) => number, lo: number, hi: number, tol = 1e-4): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  // The ends are candidates too: costs of smoothing constants are often monotone.
  let best = x;
  let fb = f(x);
  for (const e of [lo, hi]) {
    const fe = f(e);
    if (fe < fb) {
      fb = fe;
      best = e;
    }
  }
  return best;
}

/**
 * How smoothing constants are optimised: the bounded Nelder–Mead of optim.ts on the box of BOUNDS, from (0.1, 0.1)
 * with first steps of a tenth of the box, expansion along the reflection's ray when it leaves the box, no
 * restarts, converged when the simplex values agree to 1e-7 of the
 * best (relative only, so rescaling the data, which rescales every cost alike, takes the same path). R's
 * classic Nelder–Mead (nelderMeadClassic, the one ETS fits with) was measured in its place and
 * forecast worse here: auto RMSSE 0.599 against 0.598 on car parts, 0.608 against 0.607 on RAF.
 */
const SEARCH: NelderMeadOptions = {
  step: [0.1 * (BOUNDS[1] - BOUNDS[0]), 0.1 * (BOUNDS[1] - BOUNDS[0])],
  lower: [BOUNDS[0], BOUNDS[0]],
  upper: [BOUNDS[1], BOUNDS[1]],
  restarts: 0,
  fAbsTol: 0,
  fRelTol: 1e-7,
  maxEvals: 1000,
  alongRay: true,
};

// ------------------------------------------------------------------------------------ cores

interface Fit {
  /** one-step in-sample forecasts */
  fitted: Float64Array;
  /** forecast of every future period */
  next: number;
  /** first index whose fitted value rests on data (earlier ones are the model's guess before any demand) */
  start: number;
  /** current demand size and probability estimates (for lead-time bootstraps) */
  size: number;
  probability: number;
}

/** Croston / SBA. `factor` is 1 for Croston and 1 − β/2 for SBA. */
function crostonCore(p: Prepared, a: number, b: number, init: 'simple' | 'mean', factor: number): Fit {
  const { y, censored } = p;
  const n = y.length;
  const fitted = new Float64Array(n);
  let z = Number.NaN;
  let x = Number.NaN;
  let start = n;
  if (init === 'mean') {
    let sizes = 0;
    let count = 0;
    let gaps = 0;
    let q = 0;
    for (let t = 0; t < n; t++) {
      if (censored(t)) continue;
      q += 1;
      const v = y[t] ?? 0;
      if (v > 0) {
        sizes += v;
        gaps += q;
        count += 1;
        q = 0;
      }
    }
    if (count > 0) {
      z = sizes / count;
      x = gaps / count;
      start = 0;
    }
  }
  let q = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = Number.isNaN(z) ? 0 : (factor * z) / x;
    if (censored(t)) continue;
    q += 1;
    const v = y[t] ?? 0;
    if (v > 0) {
      if (Number.isNaN(z)) {
        z = v;
        x = q;
        start = t + 1;
      } else {
        z += a * (v - z);
        x += b * (q - x);
      }
      q = 0;
    }
  }
  if (Number.isNaN(z)) return { fitted, next: 0, start: n, size: 0, probability: 0 };
  return { fitted, next: (factor * z) / x, start, size: z, probability: Math.min(1, 1 / x) };
}

function tsbCore(p: Prepared, a: number, b: number, init: 'simple' | 'mean'): Fit {
  const { y, censored } = p;
  const n = y.length;
  const fitted = new Float64Array(n);
  let sizes = 0;
  let count = 0;
  let observed = 0;
  let firstSize = 0;
  let firstGap = 0;
  for (let t = 0; t < n; t++) {
    if (censored(t)) continue;
    observed += 1;
    const v = y[t] ?? 0;
    if (v > 0) {
      if (count === 0) {
        firstSize = v;
        firstGap = observed;
      }
      sizes += v;
      count += 1;
    }
  }
  if (count === 0) return { fitted, next: 0, start: n, size: 0, probability: 0 };
  let z = init === 'mean' ? sizes / count : firstSize;
  let prob = init === 'mean' ? count / observed : 1 / firstGap;
  for (let t = 0; t < n; t++) {
    fitted[t] = prob * z;
    if (censored(t)) continue;
    const v = y[t] ?? 0;
    if (v > 0) {
      prob += b * (1 - prob);
      z += a * (v - z);
    } else prob -= b * prob;
  }
  return { fitted, next: prob * z, start: 0, size: z, probability: prob };
}

/**
 * Simple exponential smoothing with the initial level chosen by least squares: for a given α the one-step
 * forecasts are affine in the initial level ℓ₀ (f_t = c_t + d_t·ℓ₀), so the best ℓ₀ has a closed form and only α
 * is searched. The same optimum as ETS(A,N,N) by maximum likelihood.
 */
function sesCore(y: ArrayLike<number>, skip: (t: number) => boolean, alpha: number, l0?: number): { fitted: Float64Array; level: number; l0: number } {
  const n = y.length;
  let level0 = l0;
  if (level0 === undefined) {
    let c = 0;
    let d = 1;
    let num = 0;
    let den = 0;
    for (let t = 0; t < n; t++) {
      if (skip(t)) continue;
      const v = y[t] ?? 0;
      num += d * (v - c);
      den += d * d;
      c += alpha * (v - c);
      d *= 1 - alpha;
    }
    level0 = den > 1e-300 ? num / den : (y[0] ?? 0);
    if (!(level0 >= 0)) level0 = 0;
  }
  const fitted = new Float64Array(n);
  let level = level0;
  for (let t = 0; t < n; t++) {
    fitted[t] = level;
    if (skip(t)) continue;
    level += alpha * ((y[t] ?? 0) - level);
  }
  return { fitted, level, l0: level0 };
}

function sse(y: ArrayLike<number>, fitted: ArrayLike<number>, skip: (t: number) => boolean, from = 0): number {
  let s = 0;
  for (let t = from; t < y.length; t++) {
    if (skip(t)) continue;
    const e = (y[t] ?? 0) - (fitted[t] ?? 0);
    s += e * e;
  }
  return s;
}

/** In-sample cost of a fit (lower is better). */
function cost(p: Prepared, fit: Fit, kind: IntermittentCost): number {
  const { y, censored } = p;
  const n = y.length;
  if (kind === 'mse') {
    let s = 0;
    let m = 0;
    for (let t = fit.start; t < n; t++) {
      if (censored(t)) continue;
      const e = (y[t] ?? 0) - (fit.fitted[t] ?? 0);
      s += e * e;
      m += 1;
    }
    return m > 0 ? s / m : 0;
  }
  // Rate costs: distance between the in-sample forecasts and the running mean of demand, whose first 30% is
  // held at its value there (a running mean of few points is noise).
  const running: number[] = [];
  let total = 0;
  let m = 0;
  for (let t = 0; t < n; t++) {
    if (censored(t)) continue;
    total += y[t] ?? 0;
    m += 1;
    running.push(total / m);
  }
  const hold = Math.max(0, Math.ceil(0.3 * running.length) - 1);
  const held = running[hold] ?? 0;
  let s = 0;
  let k = 0;
  for (let t = 0; t < n; t++) {
    if (censored(t)) continue;
    const target = k <= hold ? held : (running[k] ?? 0);
    k += 1;
    if (t < fit.start) continue;
    const e = (fit.fitted[t] ?? 0) - target;
    s += kind === 'mar' ? Math.abs(e) : e * e;
  }
  return s;
}

// ------------------------------------------------------------------------------------ output

function sigma2Of(p: Prepared, fitted: ArrayLike<number>, from: number): number {
  const { y, censored } = p;
  let s = 0;
  let m = 0;
  for (let t = from; t < y.length; t++) {
    if (censored(t)) continue;
    const e = (y[t] ?? 0) - (fitted[t] ?? 0);
    s += e * e;
    m += 1;
  }
  if (m >= 2) return s / m;
  // Too little fitted history: the spread of the observed demand itself.
  const obs = y.filter((_, t) => !censored(t));
  const mean = obs.reduce((a, v) => a + v, 0) / obs.length;
  return obs.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, obs.length - 1);
}

/** Assembles a flat-forecast result with moment-matched count (or gamma) intervals; see the top comment. */
export function intermittentForecast(
  model: string,
  next: number,
  horizon: number,
  fitted: ArrayLike<number>,
  sigma2: number,
  rateSmoothing: number,
  integer: boolean,
  params: Forecast['params'],
): Forecast {
  const level = Math.max(0, next);
  const mean = new Array<number>(horizon).fill(level);
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  const cumVariance: number[] = [];
  const a2 = rateSmoothing * rateSmoothing;
  let prevVar = Number.NaN;
  let q: [number, number, number, number] = [0, 0, 0, 0];
  for (let h = 1; h <= horizon; h++) {
    const v = sigma2 * (1 + (h - 1) * a2);
    if (v !== prevVar) {
      const d = demandDistribution(level, v, integer);
      const next: [number, number, number, number] = [d.quantile(0.1), d.quantile(0.9), d.quantile(0.025), d.quantile(0.975)];
      // Nested intervals: a later period is no more certain than an earlier one. With a fixed mean, more
      // variance moves a very skewed negative binomial's mass both to zero and far out, which can pull an upper
      // quantile in; keep the earlier bounds then.
      q = h === 1 ? next : [Math.min(q[0], next[0]), Math.max(q[1], next[1]), Math.min(q[2], next[2]), Math.max(q[3], next[3])];
      prevVar = v;
    }
    lo80.push(q[0]);
    hi80.push(q[1]);
    lo95.push(q[2]);
    hi95.push(q[3]);
    let cv = 0;
    for (let i = 1; i <= h; i++) cv += (1 + rateSmoothing * (h - i)) ** 2;
    cumVariance.push(sigma2 * cv);
  }
  return { model, mean, lo80, hi80, lo95, hi95, fitted: Array.from(fitted), sigma2, params, cumVariance };
}

// ------------------------------------------------------------------------------------ methods

function crostonFamily(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions, variant: 'croston' | 'sba'): Forecast {
  const p = prepare(y, opts, o);
  const init = o.init ?? 'simple';
  let a = o.alpha ?? DEFAULT_ALPHA;
  let b = o.beta ?? o.alpha ?? DEFAULT_BETA;
  const factorOf = (bb: number): number => (variant === 'sba' ? 1 - bb / 2 : 1);
  if (o.optimise === true) {
    const kind = o.cost ?? 'mse';
    const best = nelderMead((x) => cost(p, crostonCore(p, x[0] as number, x[1] as number, init, factorOf(x[1] as number)), kind), [0.1, 0.1], SEARCH).x;
    a = best[0] ?? a;
    b = best[1] ?? b;
  }
  const fit = crostonCore(p, a, b, init, factorOf(b));
  const name = variant === 'sba' ? 'SBA' : 'Croston';
  return intermittentForecast(name, fit.next, p.horizon, fit.fitted, sigma2Of(p, fit.fitted, fit.start), Math.max(a, b), p.integer, {
    alpha: a,
    beta: b,
    optimised: o.optimise === true,
    init,
    size: fit.size,
    probability: fit.probability,
  });
}

/** Croston (1972): demand sizes and inter-demand intervals smoothed separately; forecast size / interval. */
export function croston(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions = {}): Forecast {
  return crostonFamily(y, opts, o, 'croston');
}

/** Syntetos & Boylan (2005): Croston's ratio times 1 − β/2, which removes most of its upward bias. */
export function sba(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions = {}): Forecast {
  return crostonFamily(y, opts, o, 'sba');
}

/**
 * Teunter, Syntetos & Babai (2011): the demand probability is updated every period (towards 1 on a demand,
 * towards 0 otherwise), the size on demands only; forecast probability × size. Unlike Croston it decays during
 * long runs of zeros, so it follows items that are going obsolete.
 */
export function tsb(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions = {}): Forecast {
  const p = prepare(y, opts, o);
  const init = o.init ?? 'mean';
  let a = o.alpha ?? DEFAULT_ALPHA;
  let b = o.beta ?? DEFAULT_BETA;
  if (o.optimise === true) {
    const kind = o.cost ?? 'mse';
    const best = nelderMead((x) => cost(p, tsbCore(p, x[0] as number, x[1] as number, init), kind), [0.1, 0.1], SEARCH).x;
    a = best[0] ?? a;
    b = best[1] ?? b;
  }
  const fit = tsbCore(p, a, b, init);
  return intermittentForecast('TSB', fit.next, p.horizon, fit.fitted, sigma2Of(p, fit.fitted, fit.start), Math.max(a, b), p.integer, {
    alpha: a,
    beta: b,
    optimised: o.optimise === true,
    init,
    size: fit.size,
    probability: fit.probability,
  });
}

/**
 * Simple exponential smoothing, α in [0.0001, 0.9999] and the initial level by least squares unless `alpha` is
 * given with `optimise` unset. Kept here (rather than taken from ETS) because ADIDA runs it on aggregated
 * buckets with censoring and the intermittent benchmarks need R's `ses` as a reference point.
 */
export function ses(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions = {}): Forecast {
  const p = prepare(y, opts, o);
  const fixed = o.alpha !== undefined && o.optimise !== true;
  const alpha = fixed ? (o.alpha ?? DEFAULT_ALPHA) : goldenSection((a) => sse(p.y, sesCore(p.y, p.censored, a).fitted, p.censored), 1e-4, 0.9999);
  const fit = sesCore(p.y, p.censored, alpha);
  return intermittentForecast('SES', fit.level, p.horizon, fit.fitted, sigma2Of(p, fit.fitted, 0), alpha, p.integer, {
    alpha,
    optimised: !fixed,
    l0: fit.l0,
  });
}

/**
 * ADIDA (Nikolopoulos et al. 2011): sum demand into non-overlapping buckets of `level` periods (aligned so the
 * last bucket ends with the last observation; the few oldest periods that do not fill a bucket are dropped),
 * forecast the bucket totals with SES, and spread the bucket forecast evenly over its periods. Aggregation
 * removes most zeros, so SES works on a smoother series. The default level is the rounded average demand
 * interval, kept small enough to leave at least four buckets (a given level, two). A bucket with stock-out periods is scaled up from
 * its observed periods; one with none observed is skipped.
 */
export function adida(y: readonly number[], opts: ForecastOptions, o: IntermittentOptions = {}): Forecast {
  const p = prepare(y, opts, o);
  const n = y.length;
  let observed = 0;
  let demands = 0;
  for (let t = 0; t < n; t++) {
    if (p.censored(t)) continue;
    observed += 1;
    if ((y[t] ?? 0) > 0) demands += 1;
  }
  const adi = demands > 0 ? observed / demands : 1;
  // A given level keeps at least two buckets; the default one at least four.
  const k = o.level !== undefined ? Math.max(1, Math.min(o.level, Math.floor(n / 2))) : Math.max(1, Math.min(Math.round(adi), Math.floor(n / 4) || 1));
  const m = Math.floor(n / k);
  const offset = n - m * k;
  const buckets = new Float64Array(m);
  const empty: boolean[] = new Array<boolean>(m).fill(false);
  for (let j = 0; j < m; j++) {
    let s = 0;
    let c = 0;
    for (let t = offset + j * k; t < offset + (j + 1) * k; t++) {
      if (p.censored(t)) continue;
      s += y[t] ?? 0;
      c += 1;
    }
    empty[j] = c === 0;
    buckets[j] = c > 0 ? (s * k) / c : 0;
  }
  const skip = (j: number): boolean => empty[j] === true;
  const fixed = o.alpha !== undefined && o.optimise !== true;
  const alpha = fixed ? (o.alpha ?? DEFAULT_ALPHA) : goldenSection((a) => sse(buckets, sesCore(buckets, skip, a).fitted, skip), 1e-4, 0.9999);
  const fit = sesCore(buckets, skip, alpha);
  const fitted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const j = Math.floor((t - offset) / k);
    fitted[t] = (t < offset ? fit.l0 : (fit.fitted[j] ?? 0)) / k;
  }
  return intermittentForecast(`ADIDA(${k})`, fit.level / k, p.horizon, fitted, sigma2Of(p, fitted, offset), alpha / k, p.integer, {
    alpha,
    level: k,
    optimised: !fixed,
  });
}

/** Always zero: the benchmark that point scores on intermittent data reward. */
export function zeroForecast(y: readonly number[], opts: ForecastOptions): Forecast {
  const p = prepare(y, opts, {});
  return intermittentForecast('Zero', 0, p.horizon, new Float64Array(y.length), 0, 0, p.integer, {});
}
