/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah (2003) and
 * R's `thetaf`: simple exponential smoothing with drift equal to half the slope of a linear trend, on data
 * seasonally adjusted by classical multiplicative decomposition when the 90% autocorrelation test finds
 * seasonality. Also the fast SES it rests on, and the smooth-demand combination (ETS with Theta) that the
 * automatic choice uses.
 */
import { autoEts, type AutoEtsOptions } from './ets.ts';
import { validateSeries, type Forecast, type ForecastOptions } from './model.ts';
import { isConstant, multiplicativeSeasonality, normalIntervals, Z95 } from './naive.ts';
import { minimize1d } from './optim.ts';

export interface SesFit {
  alpha: number;
  /** Initial level (before the first observation). */
  l0: number;
  /** Level after the last observation: the flat forecast. */
  level: number;
  fitted: number[];
  sse: number;
  /** sse / (n − 2): alpha and l0 estimated. */
  sigma2: number;
}

const ALPHA_LO = 1e-4;
const ALPHA_HI = 0.9999;

/**
 * SES by least squares (the likelihood of ETS(A,N,N)): for a given alpha the one-step errors are affine in
 * the initial level, e_t = a_t − (1−α)^t·l0, so l0 has a closed form and only alpha is searched (coarse grid,
 * then golden section around the best grid point).
 */
export function sesFit(y: ArrayLike<number>): SesFit {
  const n = y.length;
  const sseAt = (alpha: number): { sse: number; l0: number } => {
    // Errors with l0 = 0, and the weights (1−α)^t with which l0 enters them.
    let l = 0;
    let w = 1;
    let sa = 0;
    let sww = 0;
    let saa = 0;
    for (let t = 0; t < n; t++) {
      const a = (y[t] as number) - l;
      sa += a * w;
      sww += w * w;
      saa += a * a;
      l += alpha * a;
      w *= 1 - alpha;
    }
    const l0 = sww > 0 ? sa / sww : 0;
    return { sse: Math.max(0, saa - l0 * sa), l0 };
  };
  const f = (a: number): number => sseAt(a).sse;
  const grid = [ALPHA_LO, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, ALPHA_HI];
  let bi = 0;
  let bf = Infinity;
  grid.forEach((a, i) => {
    const v = f(a);
    if (v < bf) {
      bf = v;
      bi = i;
    }
  });
  const lo = grid[Math.max(0, bi - 1)] as number;
  const hi = grid[Math.min(grid.length - 1, bi + 1)] as number;
  const best = minimize1d(f, lo, hi, 1e-7);
  const alpha = best.x;
  const { l0 } = sseAt(alpha);
  const fitted: number[] = [];
  let l = l0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    fitted.push(l);
    const e = (y[t] as number) - l;
    sse += e * e;
    l += alpha * e;
  }
  return { alpha, l0, level: l, fitted, sse, sigma2: n > 2 ? sse / (n - 2) : sse / Math.max(1, n) };
}

/** Least-squares slope of y on 0..n−1. */
function slope(y: ArrayLike<number>): number {
  const n = y.length;
  if (n < 2) return 0;
  const mt = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i] as number;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mt) * ((y[i] as number) - my);
    sxx += (i - mt) * (i - mt);
  }
  return sxy / sxx;
}

/**
 * Theta forecasts. Intervals follow thetaf (SES variance, (h−1)α² + 1 growth) but are scaled by the seasonal
 * index, since the variance is estimated on the seasonally adjusted data.
 */
export function theta(y: readonly number[], opts: ForecastOptions): Forecast {
  validateSeries(y, { ...opts, minLength: 1 });
  const n = y.length;
  const h = opts.horizon;
  const m = opts.season;
  if (n < 3 || isConstant(y)) {
    const last = y[n - 1] as number;
    const mean = new Array<number>(h).fill(last);
    return {
      model: 'Theta',
      mean,
      ...normalIntervals(mean, new Array<number>(h).fill(0)),
      fitted: y.slice(),
      sigma2: 0,
      params: { alpha: 1, drift: 0, seasonal: false, degenerate: true },
      cumVariance: new Array<number>(h).fill(0),
    };
  }
  const figure = m > 1 ? multiplicativeSeasonality(y, m) : null;
  const x = figure === null ? y : y.map((v, t) => v / (figure[t % m] as number));
  const ses = sesFit(x);
  const alpha = Math.max(1e-10, ses.alpha);
  const drift = slope(x) / 2;
  const seasonAt = (t: number): number => (figure === null ? 1 : (figure[t % m] as number));
  const mean: number[] = [];
  const variance: number[] = [];
  const shift = (1 - (1 - alpha) ** n) / alpha;
  for (let i = 0; i < h; i++) {
    const s = seasonAt(n + i);
    mean.push((ses.level + drift * (i + shift)) * s);
    variance.push(ses.sigma2 * (i * alpha * alpha + 1) * s * s);
  }
  // Lead-time sums: an SES error at step i moves every later value by alpha (scaled by its seasonal index).
  const cumVariance: number[] = [];
  for (let k = 1; k <= h; k++) {
    let v = 0;
    for (let i = 0; i < k; i++) {
      let w = seasonAt(n + i);
      for (let j = i + 1; j < k; j++) w += alpha * seasonAt(n + j);
      v += w * w;
    }
    cumVariance.push(ses.sigma2 * v);
  }
  const fitted = ses.fitted.map((f, t) => f * seasonAt(t));
  return {
    model: 'Theta',
    mean,
    ...normalIntervals(mean, variance),
    fitted,
    sigma2: ses.sigma2,
    params: { alpha, drift, seasonal: figure !== null },
    cumVariance,
  };
}

/**
 * Equal-weight combination: the mean of the point forecasts and of the interval bounds; lead-time standard
 * deviations are averaged too (errors of the members are highly correlated, so this is close to exact).
 */
export function combine(members: readonly Forecast[], name = 'Combination'): Forecast {
  const k = members.length;
  const first = members[0];
  if (first === undefined) throw new Error('combine needs at least one forecast');
  const h = first.mean.length;
  const avg = (pick: (f: Forecast) => readonly number[]): number[] => {
    const out = new Array<number>(h).fill(0);
    for (const f of members) {
      const v = pick(f);
      for (let i = 0; i < h; i++) out[i] = (out[i] as number) + (v[i] as number) / k;
    }
    return out;
  };
  const cumSd = (f: Forecast, i: number): number => {
    const cv = f.cumVariance;
    if (cv !== undefined) return Math.sqrt(cv[i] as number);
    let v = 0;
    for (let j = 0; j <= i; j++) v += (((f.hi95[j] as number) - (f.lo95[j] as number)) / (2 * Z95)) ** 2;
    return Math.sqrt(v);
  };
  const cumVariance: number[] = [];
  for (let i = 0; i < h; i++) {
    let sd = 0;
    for (const f of members) sd += cumSd(f, i) / k;
    cumVariance.push(sd * sd);
  }
  const params: Record<string, number | string | boolean> = { members: members.map((f) => f.model).join(' + ') };
  return {
    model: name,
    mean: avg((f) => f.mean),
    lo80: avg((f) => f.lo80),
    hi80: avg((f) => f.hi80),
    lo95: avg((f) => f.lo95),
    hi95: avg((f) => f.hi95),
    fitted: avg((f) => f.fitted),
    sigma2: members.reduce((s, f) => s + f.sigma2 / k, 0),
    params,
    cumVariance,
  };
}

/** The automatic choice for smooth demand: the mean of automatic ETS and Theta. */
export function smoothAuto(y: readonly number[], opts: AutoEtsOptions): Forecast {
  return combine([autoEts(y, opts), theta(y, opts)], 'Auto(ETS+Theta)');
}
