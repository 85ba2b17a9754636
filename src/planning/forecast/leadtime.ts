/**
 * Lead-time demand: the distribution of demand summed over the next L periods, which safety stock and reorder
 * points are set from, and the pinball (quantile) loss that judges it against what was then actually demanded.
 *
 * Three ways to get the distribution, all from one fitted `Forecast` and the history it was fitted on:
 *  - `parametric` (default): mean = sum of the first L point forecasts; variance = the model's `cumVariance[L-1]`
 *    when it has one (ETS, Theta and every model in intermittent.ts fill it), else the steps are treated as
 *    independent with the variances their 95% intervals imply. The shape is a negative binomial for count data
 *    (integer histories: mass at zero, right skew, as in Snyder, Ord & Beaumont 2012 for these very car-parts
 *    data) and a gamma otherwise (positive, skewed, and it scales with the data). Where the variance is below
 *    the mean (under-dispersed counts) a negative binomial does not exist and a normal rounded to counts is used.
 *  - `bootstrap`: compound Bernoulli — in each of the L periods a demand occurs with the model's current
 *    probability and its size is drawn from the item's own past non-zero demands, rescaled so their mean is the
 *    model's current size estimate (Willemain et al. 2004 in spirit; the level follows the model, the shape the
 *    item). It ignores the uncertainty of the level itself, so it runs narrower than `parametric`.
 *  - `empirical`: no model at all — the in-sample overlapping L-period sums. The baseline the others must beat.
 */
import type { Forecast } from './model.ts';
import { ForecastInputError } from './model.ts';
import { seededRandom, type Random } from '../../core/random.ts';

// ------------------------------------------------------------------------------------ special functions

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const gln = lnGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 1000; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(-x + a * Math.log(x) - gln));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(-x + a * Math.log(x) - gln) * h);
}

/** x with P(a, x) = p (Halley steps from the Wilson–Hilferty / small-shape starting points). */
export function inverseGammaP(p: number, a: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Math.max(100, a + 100 * Math.sqrt(a));
  const a1 = a - 1;
  const gln = lnGamma(a);
  let x: number;
  let lna1 = 0;
  let afac = 0;
  if (a > 1) {
    lna1 = Math.log(a1);
    afac = Math.exp(a1 * (lna1 - 1) - gln);
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3));
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    x = p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let j = 0; j < 100; j++) {
    if (x <= 0) return 0;
    const err = gammaP(a, x) - p;
    const dens = a > 1 ? afac * Math.exp(-(x - a1) + a1 * (Math.log(x) - lna1)) : Math.exp(-x + a1 * Math.log(x) - gln);
    if (dens === 0 || !Number.isFinite(dens)) break;
    const u = err / dens;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < 1e-10 * x) break;
  }
  return Math.max(0, x);
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - plow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

// ------------------------------------------------------------------------------------ demand distributions

/** A distribution of (non-negative) demand over some span. */
export interface DemandDistribution {
  mean: number;
  sd: number;
  /** The q-quantile: smallest demand d with P(D ≤ d) ≥ q. */
  quantile(q: number): number;
  /** What shape was used: 'zero' | 'negative-binomial' | 'normal-counts' | 'gamma' | 'point' | 'bootstrap' | 'empirical'. */
  shape: string;
}

const zeroDistribution: DemandDistribution = { mean: 0, sd: 0, quantile: () => 0, shape: 'zero' };

/**
 * Moment-matched distribution of non-negative demand: negative binomial for counts (variance above the mean),
 * counts from a rounded normal when under-dispersed, gamma for continuous quantities.
 */
export function demandDistribution(mean: number, variance: number, integer: boolean): DemandDistribution {
  if (!(mean > 0) || !Number.isFinite(mean)) return zeroDistribution;
  const v = Number.isFinite(variance) && variance > 0 ? variance : 0;
  const sd = Math.sqrt(v);
  if (v <= mean * 1e-12) return { mean, sd: 0, quantile: () => mean, shape: 'point' };
  if (integer) {
    if (v <= mean) {
      return {
        mean,
        sd,
        shape: 'normal-counts',
        quantile: (q) => Math.max(0, Math.round(mean + normalQuantile(q) * sd)),
      };
    }
    const r = (mean * mean) / (v - mean);
    // A vanishing shape puts all but a vanishing share of the mass at zero.
    if (!(r > 1e-10)) return { mean, sd, shape: 'negative-binomial', quantile: (q) => (q >= 1 ? Math.ceil(mean + 60 * sd) : 0) };
    const p = r / (r + mean);
    const logP0 = r * Math.log(p);
    if (logP0 < -600 || mean + 10 * sd > 1e6) {
      // Far from zero the pmf recursion would underflow or take too many steps: the gamma with the same moments,
      // rounded up to whole units, keeps the skew.
      const g = demandDistribution(mean, v, false);
      return { mean, sd, shape: 'negative-binomial', quantile: (q) => Math.max(0, Math.ceil(g.quantile(q) - 1e-9)) };
    }
    return { mean, sd, shape: 'negative-binomial', quantile: (q) => negBinomialQuantile(q, r, p, logP0, mean, sd) };
  }
  const shape = (mean * mean) / v;
  const scale = v / mean;
  if (!(shape > 1e-10)) return { mean, sd, shape: 'gamma', quantile: () => 0 };
  return {
    mean,
    sd,
    shape: 'gamma',
    quantile: (q) => {
      if (q <= 0) return 0;
      if (shape > 1e4) {
        // Wilson–Hilferty: accurate for large shapes, where the iteration loses precision.
        const z = normalQuantile(Math.min(q, 1 - 1e-12));
        return Math.max(0, shape * scale * Math.pow(1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape)), 3));
      }
      const x = inverseGammaP(Math.min(q, 1 - 1e-12), shape) * scale;
      return Number.isFinite(x) ? x : Math.max(0, mean + normalQuantile(q) * sd);
    },
  };
}

function negBinomialQuantile(q: number, r: number, p: number, logP0: number, mean: number, sd: number): number {
  if (q <= 0) return 0;
  let pk = Math.exp(logP0);
  let cdf = pk;
  let k = 0;
  const cap = mean + 60 * sd + 100;
  while (cdf < q && k < cap) {
    pk *= ((k + r) / (k + 1)) * (1 - p);
    k += 1;
    cdf += pk;
  }
  return k;
}

/** Empirical quantile (type 1: the smallest sample value whose ECDF reaches q). */
export function empiricalQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx] ?? 0;
}

function sampleDistribution(samples: number[], shape: string): DemandDistribution {
  samples.sort((a, b) => a - b);
  const n = samples.length;
  let m = 0;
  for (const s of samples) m += s;
  m = n > 0 ? m / n : 0;
  let v = 0;
  for (const s of samples) v += (s - m) ** 2;
  v = n > 1 ? v / (n - 1) : 0;
  return { mean: m, sd: Math.sqrt(v), shape, quantile: (q) => empiricalQuantile(samples, q) };
}

// ------------------------------------------------------------------------------------ lead-time demand

export type LeadTimeMethod = 'parametric' | 'bootstrap' | 'empirical';

export interface LeadTimeOptions {
  method?: LeadTimeMethod;
  /** Treat demand as counts (default: every history value is an integer). */
  integer?: boolean;
  /** Uniform [0, 1) source for `bootstrap`; default a fixed-seed generator so results repeat. */
  random?: Random;
  /** Bootstrap paths (default 2000). */
  draws?: number;
}

export interface LeadTimeDistribution extends DemandDistribution {
  leadTime: number;
  method: LeadTimeMethod;
}

const isIntegerSeries = (y: readonly number[]): boolean => y.every((v) => Number.isInteger(v));

/**
 * Distribution of demand over the next `leadTime` periods after the end of `y`, from `forecast` (fitted on `y`
 * with a horizon of at least `leadTime`).
 */
export function leadTimeDistribution(
  forecast: Forecast,
  y: readonly number[],
  leadTime: number,
  opts: LeadTimeOptions = {},
): LeadTimeDistribution {
  if (!Number.isInteger(leadTime) || leadTime < 1) {
    throw new ForecastInputError(`lead time must be a positive whole number of periods, got ${leadTime}`, { leadTime });
  }
  if (forecast.mean.length < leadTime) {
    throw new ForecastInputError(`the forecast covers ${forecast.mean.length} periods, fewer than the lead time ${leadTime}`, {
      horizon: forecast.mean.length,
      leadTime,
    });
  }
  const method = opts.method ?? 'parametric';
  const integer = opts.integer ?? isIntegerSeries(y);
  let mean = 0;
  for (let h = 0; h < leadTime; h++) mean += Math.max(0, forecast.mean[h] ?? 0);

  if (method === 'empirical') {
    const sums: number[] = [];
    let run = 0;
    for (let t = 0; t < y.length; t++) {
      run += y[t] ?? 0;
      if (t >= leadTime) run -= y[t - leadTime] ?? 0;
      if (t >= leadTime - 1) sums.push(run);
    }
    // Shorter history than the lead time: scale the whole history's total to L periods.
    if (sums.length === 0) sums.push((run / Math.max(1, y.length)) * leadTime);
    return { ...sampleDistribution(sums, 'empirical'), leadTime, method };
  }

  if (method === 'bootstrap') {
    const sizes = y.filter((v) => v > 0);
    if (sizes.length === 0 || mean <= 0) return { ...zeroDistribution, leadTime, method };
    const sizeMean = sizes.reduce((s, v) => s + v, 0) / sizes.length;
    const params = forecast.params;
    const rate = mean / leadTime;
    // The model's current demand probability and size; without them, the history's occurrence rate.
    let prob = typeof params.probability === 'number' ? params.probability : sizes.length / y.length;
    prob = Math.min(1, Math.max(1e-9, prob));
    const size = typeof params.size === 'number' && params.size > 0 ? params.size : rate / prob;
    const factor = size / sizeMean;
    const random = opts.random ?? seededRandom();
    const draws = opts.draws ?? 2000;
    const samples: number[] = new Array<number>(draws);
    for (let d = 0; d < draws; d++) {
      let total = 0;
      for (let h = 0; h < leadTime; h++) {
        if (random() < prob) total += (sizes[Math.floor(random() * sizes.length)] ?? 0) * factor;
      }
      samples[d] = total;
    }
    return { ...sampleDistribution(samples, 'bootstrap'), mean, leadTime, method };
  }

  let variance = forecast.cumVariance?.[leadTime - 1];
  if (variance === undefined || !Number.isFinite(variance)) {
    variance = 0;
    for (let h = 0; h < leadTime; h++) {
      const half = ((forecast.hi95[h] ?? 0) - (forecast.lo95[h] ?? 0)) / (2 * 1.959964);
      variance += half * half;
    }
  }
  return { ...demandDistribution(mean, variance, integer), leadTime, method };
}

// ------------------------------------------------------------------------------------ evaluation

/** Pinball (quantile) loss of quantile forecast `f` at level `q` for outcome `y`. */
export function pinball(y: number, f: number, q: number): number {
  return y >= f ? q * (y - f) : (1 - q) * (f - y);
}

export interface LeadTimeScore {
  leadTime: number;
  actual: number;
  mean: number;
  sd: number;
  /** quantile forecast per level, e.g. { '0.9': 14, '0.95': 19 } */
  quantiles: Record<string, number>;
  /** pinball loss per level, divided by `scale` */
  loss: Record<string, number>;
  /** actual ≤ quantile, per level (1 or 0): averaged over items it is the achieved service level */
  covered: Record<string, number>;
  /** in-sample mean absolute lag-1 difference (the MASE denominator); losses are in these units */
  scale: number;
}

/**
 * Scores a lead-time demand distribution against the demand that then happened: `test` holds the periods after
 * the end of `train`; the actual lead-time demand is the sum of its first `leadTime` values.
 */
export function scoreLeadTime(
  dist: DemandDistribution,
  train: readonly number[],
  test: readonly number[],
  leadTime: number,
  levels: readonly number[] = [0.9, 0.95],
): LeadTimeScore {
  if (test.length < leadTime) {
    throw new ForecastInputError(`the holdout has ${test.length} periods, fewer than the lead time ${leadTime}`, { leadTime });
  }
  let actual = 0;
  for (let h = 0; h < leadTime; h++) actual += test[h] ?? 0;
  let scale = 0;
  for (let t = 1; t < train.length; t++) scale += Math.abs((train[t] ?? 0) - (train[t - 1] ?? 0));
  scale = train.length > 1 ? scale / (train.length - 1) : 0;
  const quantiles: Record<string, number> = {};
  const loss: Record<string, number> = {};
  const covered: Record<string, number> = {};
  for (const q of levels) {
    const key = String(q);
    const f = dist.quantile(q);
    quantiles[key] = f;
    loss[key] = scale > 0 ? pinball(actual, f, q) / scale : Number.NaN;
    covered[key] = actual <= f ? 1 : 0;
  }
  return { leadTime, actual, mean: dist.mean, sd: dist.sd, quantiles, loss, covered, scale };
}
