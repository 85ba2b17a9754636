/**
 * Rolling-origin evaluation (Tashman 2000): the method is refitted at several origins over the last part of
 * the history, each time on the data before the origin only, and its forecasts of the next `horizon` periods
 * are scored against what then happened. Pure; the library in forecast/ does the fitting.
 *
 * Stock-outs. A stock-out period's sales are a lower bound of demand, not demand, so it is never scored (a
 * forecast of the demand that went unmet would count as an error), and the scales leave it out too.
 *
 * Scores, per origin and then averaged over origins: MASE — mean absolute error over the in-sample MAE of the
 * seasonal naive forecast (lag = season for seasons up to 24, else lag 1), as in the M3/M4 competitions;
 * RMSSE — root mean squared error over the in-sample mean squared one-step naive error from the first sale
 * on, as in M5; sMAPE in percent (a period where both are 0 scores 0). Bias is pooled over all scored periods:
 * mean of forecast − actual, and as a share of actual demand. The naive forecast is scored over the same
 * origins and periods as the baseline: a MASE ratio below 1 against it is the figure that says the model
 * earns its keep.
 */
import { forecastAuto, type ForecastMethod } from './forecast/select.ts';
import { smape } from './forecast/metrics.ts';
import type { Accuracy } from './model.ts';

export interface BacktestInput {
  y: readonly number[];
  censored?: readonly boolean[] | null;
  signups?: readonly number[] | null;
  season: number;
  method: ForecastMethod;
}

export interface BacktestOptions {
  /** periods ahead scored from each origin */
  horizon: number;
  /** number of origins (default 4) */
  origins?: number;
  /** periods between origins (default half the horizon, at least 1) */
  step?: number;
  /** fewest periods to fit on (default 8, the fewest a SKU's forecast is made from) */
  minTrain?: number;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

/** Mean |y_t − y_{t−lag}| (power 1) or squared (power 2) over pairs where neither period is censored. */
function scale(y: readonly number[], censored: readonly boolean[] | null | undefined, lag: number, power: 1 | 2, from = 0): number {
  let s = 0;
  let k = 0;
  for (let t = Math.max(lag, from + lag); t < y.length; t++) {
    if (censored?.[t] === true || censored?.[t - lag] === true) continue;
    const d = Math.abs((y[t] as number) - (y[t - lag] as number));
    s += power === 1 ? d : d * d;
    k++;
  }
  return k > 0 ? s / k : NaN;
}

interface OriginScore {
  mase: number;
  smape: number;
  rmsse: number;
}

function score(actual: number[], forecast: number[], insample: readonly number[], censored: readonly boolean[] | null | undefined, season: number): OriginScore {
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (actual[i] as number) - (forecast[i] as number);
    abs += Math.abs(e);
    sq += e * e;
  }
  const mae = abs / actual.length;
  const mse = sq / actual.length;
  const lag = season > 1 && season <= 24 && insample.length > 2 * season ? season : 1;
  const s1 = scale(insample, censored, lag, 1);
  let firstSale = 0;
  while (firstSale < insample.length && (insample[firstSale] === 0 || censored?.[firstSale] === true)) firstSale++;
  const s2 = scale(insample, censored, 1, 2, firstSale);
  const ratio = (num: number, den: number) => (den > 0 ? num / den : num === 0 ? 0 : Infinity);
  return { mase: ratio(mae, s1), smape: smape(actual, forecast), rmsse: Math.sqrt(ratio(mse, s2)) };
}

const mean = (xs: readonly number[]): number => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/**
 * Backtests `input.method` (with its stock-out handling) over rolling origins. Null when the history is too
 * short for a single origin or no held-out period was in stock.
 */
export function rollingOrigin(input: BacktestInput, opts: BacktestOptions): Accuracy | null {
  const { y, season } = input;
  const n = y.length;
  const h = Math.max(1, Math.floor(opts.horizon));
  const origins = Math.max(1, Math.floor(opts.origins ?? 4));
  const step = Math.max(1, Math.floor(opts.step ?? Math.ceil(h / 2)));
  const minTrain = Math.max(2, opts.minTrain ?? 8);
  const censored = input.censored ?? null;
  const model: OriginScore[] = [];
  const naive: OriginScore[] = [];
  let errSum = 0;
  let actualSum = 0;
  let points = 0;
  for (let k = 0; k < origins; k++) {
    const o = n - h - k * step;
    if (o < minTrain) break;
    const train = y.slice(0, o);
    const c = censored?.slice(0, o) ?? null;
    const anyCensored = c?.some((v) => v) === true;
    if (c !== null && c.every((v) => v)) continue;
    const scored: number[] = [];
    for (let t = o; t < o + h; t++) if (censored?.[t] !== true) scored.push(t);
    if (scored.length === 0) continue;
    const aux = anyCensored && c ? { censored: c, ...(input.signups ? { signups: input.signups.slice(0, o) } : {}) } : {};
    const f = forecastAuto(train, { horizon: h, season }, { method: input.method, ...aux });
    const b = forecastAuto(train, { horizon: h, season }, { method: 'naive', ...aux });
    const actual = scored.map((t) => y[t] as number);
    const pick = (path: readonly number[]) => scored.map((t) => Math.max(0, path[t - o] ?? 0));
    const fm = pick(f.mean);
    model.push(score(actual, fm, train, c, season));
    naive.push(score(actual, pick(b.mean), train, c, season));
    for (let i = 0; i < actual.length; i++) {
      errSum += (fm[i] as number) - (actual[i] as number);
      actualSum += actual[i] as number;
    }
    points += actual.length;
  }
  if (model.length === 0) return null;
  const avg = (xs: OriginScore[], key: keyof OriginScore) => finite(mean(xs.map((x) => x[key])));
  return {
    origins: model.length,
    horizon: h,
    points,
    mase: avg(model, 'mase'),
    smape: avg(model, 'smape'),
    rmsse: avg(model, 'rmsse'),
    bias: finite(errSum / points),
    biasPct: actualSum > 0 ? finite((100 * errSum) / actualSum) : null,
    baseline: { method: 'naive', mase: avg(naive, 'mase'), smape: avg(naive, 'smape'), rmsse: avg(naive, 'rmsse') },
  };
}
