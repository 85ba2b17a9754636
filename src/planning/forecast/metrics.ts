/**
 * Forecast accuracy measures, as used by the M3, tourism and M5 competitions: sMAPE, MAPE, MASE (scaled by the
 * in-sample seasonal-naive error), RMSSE (M5: squared errors scaled by the in-sample squared naive error), bias
 * and the pinball (quantile) loss. Each takes the held-out actuals and the forecasts, same length.
 */
import { ForecastInputError } from './model.ts';

function check(actual: readonly number[], forecast: readonly number[], what: string): void {
  if (actual.length === 0) throw new ForecastInputError(`${what}: no actual values to score`);
  if (actual.length !== forecast.length) {
    throw new ForecastInputError(`${what}: ${actual.length} actual values but ${forecast.length} forecasts`, {
      actual: actual.length,
      forecast: forecast.length,
    });
  }
}

/** Symmetric MAPE in percent: mean of 200·|y − f| / (|y| + |f|); a step where both are 0 scores 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  check(actual, forecast, 'sMAPE');
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    const d = Math.abs(y) + Math.abs(f);
    if (d > 0) s += (200 * Math.abs(y - f)) / d;
  }
  return s / actual.length;
}

/** MAPE in percent (undefined for zero actuals: those steps are skipped). */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  check(actual, forecast, 'MAPE');
  let s = 0;
  let k = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (y === 0) continue;
    s += (100 * Math.abs(y - (forecast[i] as number))) / Math.abs(y);
    k++;
  }
  return k > 0 ? s / k : NaN;
}

/** Mean absolute in-sample error of the naive forecast at `lag` (lag 1 when the sample is too short for it). */
export function naiveScale(insample: readonly number[], lag = 1, power: 1 | 2 = 1): number {
  const l = insample.length > lag ? lag : 1;
  let s = 0;
  let k = 0;
  for (let t = l; t < insample.length; t++) {
    const d = Math.abs((insample[t] as number) - (insample[t - l] as number));
    s += power === 1 ? d : d * d;
    k++;
  }
  return k > 0 ? s / k : NaN;
}

/**
 * Mean absolute scaled error: MAE of the forecast over the in-sample MAE of the seasonal naive forecast at lag m
 * (m = 1 for non-seasonal data). Infinite when the in-sample series is constant at that lag.
 */
export function mase(actual: readonly number[], forecast: readonly number[], insample: readonly number[], m = 1): number {
  check(actual, forecast, 'MASE');
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs((actual[i] as number) - (forecast[i] as number));
  const mae = s / actual.length;
  const scale = naiveScale(insample, m, 1);
  return scale > 0 ? mae / scale : mae === 0 ? 0 : Infinity;
}

export interface RmsseOptions {
  /** Naive lag of the scale (default 1). */
  lag?: number;
  /** M5 starts the scale at the first non-zero in-sample value (default true). */
  fromFirstNonZero?: boolean;
}

/**
 * Root mean squared scaled error (M5): sqrt(MSE of the forecast / in-sample MSE of the naive forecast). As in
 * M5, the scale is computed from the first non-zero demand on, so leading zeros of a product not yet on sale
 * do not shrink it.
 */
export function rmsse(actual: readonly number[], forecast: readonly number[], insample: readonly number[], opts: RmsseOptions = {}): number {
  check(actual, forecast, 'RMSSE');
  let start = 0;
  if (opts.fromFirstNonZero !== false) {
    while (start < insample.length && insample[start] === 0) start++;
  }
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += ((actual[i] as number) - (forecast[i] as number)) ** 2;
  const mse = s / actual.length;
  const scale = naiveScale(insample.slice(start), opts.lag ?? 1, 2);
  return scale > 0 ? Math.sqrt(mse / scale) : mse === 0 ? 0 : Infinity;
}

/** Mean error, forecast minus actual: positive when the forecast runs high. */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  check(actual, forecast, 'bias');
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (forecast[i] as number) - (actual[i] as number);
  return s / actual.length;
}

/**
 * Pinball loss of quantile forecasts q at level tau (0 < tau < 1): mean of tau·(y − q) when y ≥ q, else
 * (1 − tau)·(q − y).
 */
export function pinball(actual: readonly number[], quantile: readonly number[], tau: number): number {
  if (!(tau > 0 && tau < 1)) throw new ForecastInputError(`pinball loss needs 0 < tau < 1, got ${tau}`, { tau });
  check(actual, quantile, 'pinball loss');
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = (actual[i] as number) - (quantile[i] as number);
    s += d >= 0 ? tau * d : (tau - 1) * d;
  }
  return s / actual.length;
}
