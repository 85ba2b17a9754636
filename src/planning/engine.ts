/**
 * One forecast computation, from a prepared series to everything the product keeps of it: the automatic (or
 * chosen) model's forecast with intervals, stock-out handling, the lead-time demand distribution and the
 * backtest. Pure and free of I/O, so the worker threads (worker.ts) run exactly what the main thread would.
 */
import { forecastAuto, leadTimeDemandAuto, type AutoForecast, type ForecastMethod } from './forecast/select.ts';
import { demandDistribution, leadTimeDistribution } from './forecast/leadtime.ts';
import { rollingOrigin, type BacktestOptions } from './backtest.ts';
import type { ForecastOutcome } from './model.ts';

export interface SeriesJob {
  /** the SKU or series id, for messages */
  id: string;
  y: number[];
  /** stock-out flags, one per period */
  censored?: boolean[] | null;
  /** waitlist sign-ups per period */
  signups?: number[] | null;
  horizon: number;
  season: number;
  method: ForecastMethod;
  /** lead time in periods (a fraction interpolates between whole periods); none: no lead-time demand */
  leadTime?: number | null;
  backtest?: BacktestOptions | null;
}

/** 4 decimals: beyond that a unit forecast is noise, and the stored JSON stays small. */
const round = (v: number): number => Math.round(v * 1e4) / 1e4;
const nonNegative = (xs: readonly number[], h: number): number[] => xs.slice(0, h).map((v) => round(Math.max(0, v)));

function assertFinite(f: AutoForecast, id: string): void {
  for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
    if (f[key].some((v) => !Number.isFinite(v))) throw new Error(`series '${id}': the ${f.model} forecast has non-finite ${key} values`);
  }
}

function leadTimeDemand(job: SeriesJob, f: AutoForecast, censored: boolean[] | undefined): ForecastOutcome['leadTime'] {
  const lt = job.leadTime;
  if (lt === null || lt === undefined || !(lt > 0)) return null;
  const integer = job.y.every((v) => Number.isInteger(v));
  const history = f.censoring?.estimatedDemand ?? job.y;
  // Intermittent demand under the automatic choice: the library's lead-time model (SES with a count shape),
  // which has the better quantiles there; otherwise the fitted forecast's own distribution.
  const viaAuto = job.method === 'auto' && f.demandClass.family === 'intermittent';
  const at = (k: number) => {
    if (viaAuto) {
      return leadTimeDemandAuto(job.y, k, { season: job.season, ...(censored ? { censored } : {}), ...(censored && job.signups ? { signups: job.signups } : {}) });
    }
    return { ...leadTimeDistribution(f, history, k, { integer }), model: f.model };
  };
  const whole = Math.floor(lt);
  const frac = lt - whole;
  if (frac < 1e-9) {
    const d = at(whole);
    return { periods: lt, mean: round(d.mean), sd: round(d.sd), p90: round(d.quantile(0.9)), p95: round(d.quantile(0.95)), shape: d.shape, model: d.model };
  }
  // A lead time of 10 days on weekly buckets: mean and variance interpolated between 1 and 2 weeks.
  const upper = at(whole + 1);
  const lower = whole > 0 ? at(whole) : { mean: 0, sd: 0 };
  const mean = (1 - frac) * lower.mean + frac * upper.mean;
  const variance = (1 - frac) * lower.sd ** 2 + frac * upper.sd ** 2;
  const d = demandDistribution(mean, variance, integer);
  return { periods: round(lt), mean: round(d.mean), sd: round(d.sd), p90: round(d.quantile(0.9)), p95: round(d.quantile(0.95)), shape: d.shape, model: upper.model };
}

export function runSeries(job: SeriesJob): ForecastOutcome {
  const censored = job.censored?.some((c) => c) === true ? job.censored : undefined;
  const leadCeil = job.leadTime && job.leadTime > 0 ? Math.ceil(job.leadTime) : 0;
  const horizon = Math.max(job.horizon, leadCeil);
  const f = forecastAuto(job.y, { horizon, season: job.season }, { method: job.method, ...(censored ? { censored } : {}), ...(censored && job.signups ? { signups: job.signups } : {}) });
  assertFinite(f, job.id);
  const dc = f.demandClass;
  return {
    model: f.model,
    method: f.method,
    demandClass: { pattern: dc.pattern, family: dc.family, adi: Number.isFinite(dc.adi) ? round(dc.adi) : null, cv2: round(dc.cv2) },
    params: Object.fromEntries(Object.entries(f.params).filter(([, v]) => typeof v !== 'number' || Number.isFinite(v))),
    mean: nonNegative(f.mean, job.horizon),
    lo80: nonNegative(f.lo80, job.horizon),
    hi80: nonNegative(f.hi80, job.horizon),
    lo95: nonNegative(f.lo95, job.horizon),
    hi95: nonNegative(f.hi95, job.horizon),
    lostSales: round(f.censoring?.lostSales ?? 0),
    censoring: {
      periods: censored ? censored.filter((c) => c).length : 0,
      waitlistSignups: censored && job.signups ? job.signups.reduce((s, v, t) => s + (censored[t] ? v : 0), 0) : 0,
      signupRate: f.censoring?.signupRate === null || f.censoring?.signupRate === undefined ? null : round(f.censoring.signupRate),
    },
    leadTime: leadTimeDemand(job, f, censored),
    accuracy: job.backtest
      ? rollingOrigin({ y: job.y, censored: censored ?? null, signups: job.signups ?? null, season: job.season, method: job.method }, job.backtest)
      : null,
  };
}
