/**
 * Naive benchmarks (naive, seasonal naive, and NAIVE2 = naive on seasonally adjusted data as in the M3
 * competition) and the classical seasonal tools they share with Theta and the ETS initial states: the
 * classical (moving-average) decomposition, the 90% autocorrelation test for seasonality, and the normal
 * quantiles used for prediction intervals.
 */
import { ForecastInputError, validateSeries, type Forecast, type ForecastOptions } from './model.ts';

/** Two-sided normal quantiles for the 80% and 95% intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;
/** One-sided 95% quantile: the 90% two-sided test of thetaf and NAIVE2. */
const Z90_TEST = 1.6448536269514722;

export interface Decomposition {
  /** Seasonal figure per phase, phase 0 = the first observation's position in the cycle. */
  figure: Float64Array;
  /** Seasonal component aligned with the data (figure repeated). */
  seasonal: Float64Array;
}

/**
 * Classical decomposition (R's `decompose`): centred moving average of order m (2×m for even m), seasonal
 * figure = mean of the detrended values per phase, normalised to sum 0 (additive) or mean 1 (multiplicative).
 * Needs at least two full cycles.
 */
export function classicalDecompose(y: ArrayLike<number>, m: number, type: 'additive' | 'multiplicative'): Decomposition {
  const n = y.length;
  if (m < 2 || n < 2 * m) {
    throw new ForecastInputError(`decomposition needs at least two seasons (${2 * m} values), got ${n}`, { length: n, season: m });
  }
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let tr = 0;
    if (even) {
      tr = 0.5 * ((y[t - half] as number) + (y[t + half] as number));
      for (let k = -half + 1; k < half; k++) tr += y[t + k] as number;
    } else {
      for (let k = -half; k <= half; k++) tr += y[t + k] as number;
    }
    tr /= m;
    const v = y[t] as number;
    const d = type === 'additive' ? v - tr : v / tr;
    if (!Number.isFinite(d)) continue;
    const p = t % m;
    sums[p] = (sums[p] as number) + d;
    counts[p] = (counts[p] as number) + 1;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let p = 0; p < m; p++) {
    figure[p] = (counts[p] as number) > 0 ? (sums[p] as number) / (counts[p] as number) : type === 'additive' ? 0 : 1;
    mean += figure[p] as number;
  }
  mean /= m;
  for (let p = 0; p < m; p++) figure[p] = type === 'additive' ? (figure[p] as number) - mean : (figure[p] as number) / mean;
  const seasonal = new Float64Array(n);
  for (let t = 0; t < n; t++) seasonal[t] = figure[t % m] as number;
  return { figure, seasonal };
}

/** Sample autocorrelations r_1..r_maxLag (R's `acf`). */
export function autocorrelations(y: ArrayLike<number>, maxLag: number): Float64Array {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += ((y[i] as number) - mean) ** 2;
  const r = new Float64Array(maxLag);
  if (c0 === 0) return r;
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += ((y[i] as number) - mean) * ((y[i + k] as number) - mean);
    r[k - 1] = ck / c0;
  }
  return r;
}

/**
 * The seasonality test of the M3 Theta method and thetaf: the lag-m autocorrelation against its standard
 * error under a white-noise-plus-lower-lags null, one-sided at 90% (two-sided 90%). Needs more than two seasons.
 */
export function isSeasonal(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (m < 2 || n <= 2 * m || isConstant(y)) return false;
  const r = autocorrelations(y, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += (r[k] as number) ** 2;
  const stat = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m - 1] as number) / stat > Z90_TEST;
}

export function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

/** Multiplicative seasonal indices (phase 0 = first observation) when the test finds seasonality, else null. */
export function multiplicativeSeasonality(y: ArrayLike<number>, m: number): Float64Array | null {
  if (!isSeasonal(y, m)) return null;
  // Zeros are fine (demand data has them); negative values make a multiplicative index meaningless.
  for (let i = 0; i < y.length; i++) if ((y[i] as number) < 0) return null;
  const { figure } = classicalDecompose(y, m, 'multiplicative');
  for (let p = 0; p < m; p++) if (!(Math.abs(figure[p] as number) >= 1e-4)) return null;
  return figure;
}

/** Intervals from point forecasts and per-step variances, normal errors. */
export function normalIntervals(mean: number[], variance: ArrayLike<number>): Pick<Forecast, 'lo80' | 'hi80' | 'lo95' | 'hi95'> {
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  for (let h = 0; h < mean.length; h++) {
    const sd = Math.sqrt(Math.max(0, variance[h] as number));
    const f = mean[h] as number;
    lo80.push(f - Z80 * sd);
    hi80.push(f + Z80 * sd);
    lo95.push(f - Z95 * sd);
    hi95.push(f + Z95 * sd);
  }
  return { lo80, hi80, lo95, hi95 };
}

/**
 * Random walk at lag `lag` (naive for 1, seasonal naive for m): the h-step variance is sigma2 times the number
 * of lag-steps taken, and each phase is its own random walk, so the variance of a sum over the horizon is exact.
 */
function lagWalk(y: readonly number[], horizon: number, lag: number, model: string): Forecast {
  const n = y.length;
  let sse = 0;
  let count = 0;
  const fitted: number[] = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    if (t < lag) {
      fitted[t] = NaN;
      continue;
    }
    const f = y[t - lag] as number;
    fitted[t] = f;
    sse += ((y[t] as number) - f) ** 2;
    count++;
  }
  const sigma2 = count > 0 ? sse / count : 0;
  const mean: number[] = [];
  const variance: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const steps = Math.floor((h - 1) / lag) + 1;
    mean.push(y[n - lag + ((h - 1) % lag)] as number);
    variance.push(sigma2 * steps);
  }
  // Var of the sum of the first k values: phases are independent random walks; within a phase with K values
  // the i-th error term appears in K-i+1 of them.
  const cumVariance: number[] = [];
  for (let k = 1; k <= horizon; k++) {
    let v = 0;
    for (let p = 0; p < Math.min(lag, k); p++) {
      const K = Math.floor((k - 1 - p) / lag) + 1;
      v += (K * (K + 1) * (2 * K + 1)) / 6;
    }
    cumVariance.push(sigma2 * v);
  }
  return { model, mean, ...normalIntervals(mean, variance), fitted, sigma2, params: { lag }, cumVariance };
}

/** Naive: the last value, intervals of a random walk. */
export function naive(y: readonly number[], opts: ForecastOptions): Forecast {
  validateSeries(y, { ...opts, minLength: 1 });
  return lagWalk(y, opts.horizon, 1, 'Naive');
}

/** Seasonal naive: the value one season back; falls back to naive with less than a full season of data. */
export function seasonalNaive(y: readonly number[], opts: ForecastOptions): Forecast {
  validateSeries(y, { ...opts, minLength: 1 });
  const m = opts.season;
  if (m <= 1 || y.length < m) return { ...lagWalk(y, opts.horizon, 1, 'Naive'), params: { lag: 1, fallback: 'naive' } };
  return lagWalk(y, opts.horizon, m, 'SNaive');
}

/**
 * NAIVE2 of the M-competitions: naive on data seasonally adjusted by classical multiplicative decomposition
 * when the 90% test finds seasonality, re-seasonalised.
 */
export function naive2(y: readonly number[], opts: ForecastOptions): Forecast {
  validateSeries(y, { ...opts, minLength: 1 });
  const m = opts.season;
  const figure = m > 1 ? multiplicativeSeasonality(y, m) : null;
  if (figure === null) return { ...lagWalk(y, opts.horizon, 1, 'Naive2'), params: { seasonal: false } };
  const n = y.length;
  const adj = y.map((v, t) => v / (figure[t % m] as number));
  const base = lagWalk(adj, opts.horizon, 1, 'Naive2');
  const scale = (arr: number[], offset: number): number[] => arr.map((v, i) => v * (figure[(offset + i) % m] as number));
  return {
    ...base,
    mean: scale(base.mean, n),
    lo80: scale(base.lo80, n),
    hi80: scale(base.hi80, n),
    lo95: scale(base.lo95, n),
    hi95: scale(base.hi95, n),
    fitted: scale(base.fitted, 0),
    params: { seasonal: true },
    cumVariance: undefined,
  };
}
