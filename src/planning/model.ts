/** Planning: the types of demand forecasts as the product stores and serves them. */
import type { ForecastMethod } from './forecast/select.ts';
import type { Granularity } from './history.ts';

export type { Granularity };

export interface DemandClassOut {
  pattern: 'smooth' | 'erratic' | 'intermittent' | 'lumpy';
  family: 'ets' | 'intermittent';
  /** average demand interval, null when no period had demand */
  adi: number | null;
  cv2: number;
}

export interface ForecastPath {
  dates: string[];
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export interface LeadTimeDemandOut {
  leadTimeDays: number;
  /** where the lead time came from: the product's lead_time_days, or the default */
  leadTimeSource: 'product' | 'default';
  /** lead time in periods of the forecast's granularity (fractional: partial periods are interpolated) */
  periods: number;
  mean: number;
  sd: number;
  p90: number;
  p95: number;
  shape: string;
  model: string;
}

/** Rolling-origin backtest of the forecast's method on the SKU's own history (see backtest.ts). */
export interface Accuracy {
  origins: number;
  horizon: number;
  /** held-out periods scored (stock-out periods are not scored) */
  points: number;
  mase: number | null;
  smape: number | null;
  rmsse: number | null;
  /** mean of forecast − actual per period: positive when the forecast runs high */
  bias: number | null;
  /** Σ(forecast − actual) / Σ actual, in percent */
  biasPct: number | null;
  /** the same scores for the naive forecast over the same origins, the ratio to beat */
  baseline: { method: string; mase: number | null; smape: number | null; rmsse: number | null } | null;
}

/** How stock-outs entered a forecast. */
export interface Censoring {
  /** periods of the fitted history with a stock-out (their demand was estimated, not read from sales) */
  periods: number;
  /** waitlist sign-ups in those periods, used as a floor and a timing signal for their demand */
  waitlistSignups: number;
  /** share of unmet demand taken to sign up (estimated per SKU), null without sign-ups */
  signupRate: number | null;
}

/** What one forecast computation produces (the engine's output, before it is stored). */
export interface ForecastOutcome {
  model: string;
  method: string;
  demandClass: DemandClassOut;
  params: Record<string, number | string | boolean>;
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  /** estimated demand lost to stock-outs over the history (units), 0 without stock-outs */
  lostSales: number;
  censoring: Censoring;
  leadTime: { periods: number; mean: number; sd: number; p90: number; p95: number; shape: string; model: string } | null;
  accuracy: Accuracy | null;
}

/** A stored forecast of one SKU (table `forecasts`). */
export interface StoredForecast {
  sku: string;
  granularity: Granularity;
  season: number;
  horizon: number;
  model: string;
  method: string;
  demandClass: DemandClassOut;
  params: Record<string, number | string | boolean>;
  /** first day of the last history period the forecast was fitted on */
  historyEnd: string;
  forecast: ForecastPath;
  leadTimeDemand: LeadTimeDemandOut | null;
  accuracy: Accuracy | null;
  lostSales: number;
  censoring: Censoring;
  computedAt: string;
}

export interface ForecastSkuOptions {
  granularity?: Granularity;
  horizon?: number;
  method?: ForecastMethod;
  /** run the rolling-origin backtest (default true for one SKU) */
  backtest?: boolean;
}

export interface ForecastAllOptions extends Omit<ForecastSkuOptions, 'backtest'> {
  skus?: readonly string[];
  backtest?: boolean;
  /** worker threads (default: the cores, at most one per SKU); 0 computes in this thread */
  workers?: number;
  onProgress?: (done: number, total: number, sku: string) => void;
  /** Aborts the run between series (a background job whose service shuts down). */
  signal?: AbortSignal;
}

/** Backtest scores of a run, averaged over its SKUs, next to the naive forecast's. */
export interface RunAccuracy {
  skus: number;
  mase: number | null;
  smape: number | null;
  rmsse: number | null;
  biasPct: number | null;
  baseline: { method: string; mase: number | null; smape: number | null; rmsse: number | null };
}

export interface ForecastRunSummary {
  computed: number;
  skipped: Array<{ sku: string; code: string; message: string }>;
  failed: Array<{ sku: string; code: string; message: string }>;
  /** with backtests: the mean scores over the SKUs backtested */
  accuracy: RunAccuracy | null;
  ms: number;
  workers: number;
}
