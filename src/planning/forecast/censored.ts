/**
 * Stock-out aware forecasting. A period with no stock on hand shows what was sold, not what was wanted: its zero
 * (or its short count, when stock ran out part-way) is censored demand. Fitting on it as if it were demand
 * teaches the model that demand fell, and every later forecast, safety stock and reorder point comes out low.
 *
 * Here censored periods are left out of fitting and their demand is estimated instead, by expectation–
 * maximisation over the model:
 *  - E step: the demand of each censored period is estimated from the model's one-step forecast there (what it
 *    expected given everything before) and, where given, the waitlist sign-ups of that period;
 *  - M step: the model is refitted on the history with those estimates in place of the censored values.
 * At the fixed point every censored value equals the model's own forecast, so its error is zero and the state
 * passes through it unchanged: the fit rests on the uncensored points alone. Models that take the censored flags
 * themselves (everything in intermittent.ts skips them natively) are unmoved by the estimates, so a second fit
 * only confirms the first; ETS, Theta and the rest, which cannot skip, need a few rounds.
 *
 * Waitlist sign-ups. People who join a waitlist while an item is out of stock are part of its unmet demand, so
 * the unmet demand of a period is at least its sign-ups. If a share r of unmet demand signs up, sign-ups are a
 * thinning of it, and under a Poisson model the unmet demand given s sign-ups has mean s + (1 − r)·u, where u
 * is the model's estimate of unmet demand. With r known (`signupRate`, e.g. measured across the catalogue) the
 * sign-up figure s/r and the model's u are combined by inverse variance. Without it r is estimated as total
 * sign-ups over total model-estimated unmet demand of the item's censored periods (at most 1): the model then
 * sets the total, the sign-ups say when it fell — unless sign-ups exceed the model's estimate, when they set it.
 */
import type { Forecast, ForecastOptions } from './model.ts';
import { ForecastInputError, validateSeries } from './model.ts';
import { classifyDemand } from './classify.ts';
import { autoEts, ets } from './ets.ts';
import { tsb } from './intermittent.ts';

/** Fits a model to `y`; `censored` marks periods whose values are estimates (skip them if the model can). */
export type CensoredFitter = (y: readonly number[], opts: ForecastOptions, censored: readonly boolean[]) => Forecast;

export interface CensoredOptions {
  /** waitlist sign-ups per period (same length as y); counted only in censored periods */
  signups?: readonly number[];
  /** share of unmet demand that joins the waitlist, in (0, 1]; estimated per item when absent */
  signupRate?: number;
  /** the model; default: ETS for smooth demand, TSB otherwise (forecastAuto passes its own choice) */
  fit?: CensoredFitter;
  /** EM rounds at most (default 12) */
  maxIterations?: number;
  /** stop when no estimate moves by more than this share of the mean demand (default 1e-3) */
  tolerance?: number;
}

export interface CensoredForecast {
  forecast: Forecast;
  /** demand per period: the sales where stock was available, the estimate where it was not */
  estimatedDemand: number[];
  /** estimated demand that went unmet: the sum over censored periods of estimated demand minus sales */
  lostSales: number;
  /** the sign-up share used (given or estimated), null without sign-ups */
  signupRate: number | null;
  iterations: number;
}

/**
 * Automatic ETS that selects its model on the first call and only refits that model afterwards: EM calls the
 * fitter again and again on nearly the same data, and reselecting every round costs much and changes little.
 */
export function stickyEts(): (y: readonly number[], opts: ForecastOptions) => Forecast {
  let code: string | null = null;
  return (y, opts) => {
    if (code !== null) {
      try {
        return ets(y, { ...opts, model: code });
      } catch (err) {
        // The estimates moved somewhere the chosen model cannot go (a zero under multiplicative error): choose again.
        if (!(err instanceof ForecastInputError)) throw err;
        code = null;
      }
    }
    const f = autoEts(y, opts);
    const { error, trend, season } = f.params;
    if (typeof error === 'string' && typeof trend === 'string' && typeof season === 'string' && f.params.constant !== true) {
      code = `${error}${trend}${season}`;
    }
    return f;
  };
}

/** Default model: ETS for smooth demand, TSB (which skips censored periods natively) otherwise. */
export function defaultCensoredFit(): CensoredFitter {
  const smooth = stickyEts();
  return (y, opts, censored) => (classifyDemand(y, censored).family === 'ets' ? smooth(y, opts) : tsb(y, opts, { censored }));
}

function check(y: readonly number[], censored: readonly boolean[], opts: ForecastOptions, o: CensoredOptions): void {
  validateSeries(y, { minLength: 2, horizon: opts.horizon, season: opts.season });
  if (!Array.isArray(censored) || censored.length !== y.length) {
    throw new ForecastInputError(`censored flags must have one entry per value (${y.length}), got ${Array.isArray(censored) ? censored.length : typeof censored}`, {
      length: y.length,
    });
  }
  if (censored.every((c) => c)) throw new ForecastInputError('every period is censored: there is no demand to learn from', {});
  const s = o.signups;
  if (s !== undefined) {
    if (!Array.isArray(s) || s.length !== y.length) {
      throw new ForecastInputError(`sign-ups must have one entry per value (${y.length})`, { length: y.length });
    }
    s.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ForecastInputError(`sign-ups must be non-negative numbers; index ${i} has ${String(v)}`, { index: i });
      }
    });
  }
  if (o.signupRate !== undefined && !(o.signupRate > 0 && o.signupRate <= 1)) {
    throw new ForecastInputError(`signupRate must be in (0, 1], got ${o.signupRate}`, { signupRate: o.signupRate });
  }
}

/** First guess for censored values: straight line between the nearest observed values either side. */
function interpolate(y: readonly number[], censored: readonly boolean[]): number[] {
  const out = [...y];
  const n = y.length;
  let t = 0;
  while (t < n) {
    if (!censored[t]) {
      t++;
      continue;
    }
    let end = t;
    while (end < n && censored[end]) end++;
    const left = t > 0 ? y[t - 1] : undefined;
    const right = end < n ? y[end] : undefined;
    for (let k = t; k < end; k++) {
      const v =
        left !== undefined && right !== undefined
          ? left + ((right - left) * (k - t + 1)) / (end - t + 1)
          : (left ?? right ?? 0);
      out[k] = Math.max(y[k] ?? 0, v);
    }
    t = end;
  }
  return out;
}

/**
 * Forecasts demand through stock-outs: `censored[t]` is true where no stock was available in period t (its
 * value in `y` is what was sold, usually zero). Returns the forecast, the demand estimated for every period and
 * the total lost sales.
 */
export function forecastCensored(
  y: readonly number[],
  censored: readonly boolean[],
  opts: ForecastOptions,
  o: CensoredOptions = {},
): CensoredForecast {
  check(y, censored, opts, o);
  const fit = o.fit ?? defaultCensoredFit();
  const n = y.length;
  if (!censored.some((c) => c)) {
    return { forecast: fit(y, opts, censored), estimatedDemand: [...y], lostSales: 0, signupRate: null, iterations: 1 };
  }
  const signups = o.signups;
  const hasSignups = signups !== undefined && censored.some((c, t) => c && (signups[t] ?? 0) > 0);
  let observedMean = 0;
  let observed = 0;
  for (let t = 0; t < n; t++) {
    if (censored[t]) continue;
    observedMean += y[t] ?? 0;
    observed += 1;
  }
  observedMean /= observed;
  const tol = (o.tolerance ?? 1e-3) * Math.max(observedMean, 1e-9);
  const maxIterations = o.maxIterations ?? 12;

  let current = interpolate(y, censored);
  if (hasSignups) for (let t = 0; t < n; t++) if (censored[t]) current[t] = Math.max(current[t] ?? 0, (y[t] ?? 0) + (signups[t] ?? 0));
  let forecast = fit(current, opts, censored);
  let rate: number | null = null;
  let iterations = 1;
  for (;;) {
    const est = estimate(y, censored, current, forecast, signups, hasSignups, o.signupRate);
    rate = est.rate;
    let moved = 0;
    for (let t = 0; t < n; t++) moved = Math.max(moved, Math.abs((est.demand[t] ?? 0) - (current[t] ?? 0)));
    // Converged (the fit in hand rests on estimates within the tolerance of these), or out of rounds (keep
    // the estimates the fit in hand was made from).
    if (moved <= tol) {
      current = est.demand;
      break;
    }
    if (iterations >= maxIterations) break;
    current = est.demand;
    forecast = fit(current, opts, censored);
    iterations += 1;
  }
  let lostSales = 0;
  for (let t = 0; t < n; t++) if (censored[t]) lostSales += (current[t] ?? 0) - (y[t] ?? 0);
  return { forecast, estimatedDemand: current, lostSales, signupRate: rate, iterations };
}

/**
 * The E step: demand of each censored period from the model's one-step forecast and the sign-ups. A model may
 * have no one-step forecast for a period (naive has none for the first one, seasonal naive for the first
 * season: their fitted value is NaN): a censored period there keeps the estimate in hand (at first the nearest
 * observed values around it), which the next fit cannot move either. Such periods are those at the very start
 * of a history, as when a SKU's first week was a stock-out.
 */
function estimate(
  y: readonly number[],
  censored: readonly boolean[],
  current: readonly number[],
  forecast: Forecast,
  signups: readonly number[] | undefined,
  hasSignups: boolean,
  knownRate: number | undefined,
): { demand: number[]; rate: number | null } {
  const n = y.length;
  const demand = [...y];
  const unmet = new Float64Array(n);
  let unmetTotal = 0;
  let signupTotal = 0;
  for (let t = 0; t < n; t++) {
    if (!censored[t]) continue;
    const fitted = forecast.fitted[t];
    const mu = fitted !== undefined && Number.isFinite(fitted) ? Math.max(0, fitted) : (current[t] ?? 0);
    unmet[t] = Math.max(0, mu - (y[t] ?? 0));
    unmetTotal += unmet[t] ?? 0;
    signupTotal += signups?.[t] ?? 0;
  }
  if (!hasSignups || signups === undefined) {
    for (let t = 0; t < n; t++) if (censored[t]) demand[t] = (y[t] ?? 0) + (unmet[t] ?? 0);
    return { demand, rate: null };
  }
  const sigma2 = Math.max(forecast.sigma2, 1e-12);
  const rate = knownRate ?? (unmetTotal > 0 ? Math.min(1, signupTotal / unmetTotal) : 1);
  for (let t = 0; t < n; t++) {
    if (!censored[t]) continue;
    const s = signups[t] ?? 0;
    const u = unmet[t] ?? 0;
    let lost: number;
    if (knownRate === undefined) {
      lost = s + (1 - rate) * u;
    } else {
      // Two estimates of the unmet demand: the model's u (variance σ²) and s/r (binomial-thinning variance).
      const fromSignups = s / rate;
      const varSignups = (Math.max(u, fromSignups, 1e-9) * (1 - rate)) / rate;
      lost = varSignups <= 0 ? fromSignups : (u / sigma2 + fromSignups / varSignups) / (1 / sigma2 + 1 / varSignups);
    }
    demand[t] = (y[t] ?? 0) + Math.max(s, lost);
  }
  return { demand, rate };
}
