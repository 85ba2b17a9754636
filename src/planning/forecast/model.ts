/**
 * Shared types of the forecasting module: what every forecaster takes and returns, and the one error for
 * bad input. Smooth models (ETS, Theta, naive) and intermittent ones (Croston, SBA, TSB, ADIDA) all speak
 * these types so selection, backtesting and the API treat them alike.
 */
import { Invalid } from '../../core/errors.js';

export interface Forecast {
  /** Model name, e.g. "ETS(M,Ad,M)", "Theta", "SNaive". */
  model: string;
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  /** fitted one-step-ahead values, same length as the input */
  fitted: number[];
  /** residual variance used for intervals */
  sigma2: number;
  params: Record<string, number | string | boolean>;
  aicc?: number;
  /**
   * Variance of the sum of the next k values, k = 1..horizon (index k-1), when the model knows the
   * correlation of its forecast errors (ETS, Theta). Lead-time demand uses it; absent means "treat the
   * steps as independent with the interval-implied variances".
   */
  cumVariance?: number[];
}

export interface ForecastOptions {
  horizon: number;
  /** seasonal period, 1 for none */
  season: number;
  /** Accept negative values (default false: demand is not negative). */
  allowNegative?: boolean;
}

export type Forecaster = (y: readonly number[], opts: ForecastOptions) => Forecast;

/** Bad input to a forecaster or a data reader: a 400, never a crash. */
export class ForecastInputError extends Invalid<'forecast_input_invalid'> {
  override readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details, 'forecast_input_invalid');
    this.details = details;
  }
}

export interface ValidateOptions {
  /** fewest observations accepted (default 1) */
  minLength?: number;
  /** accept negative values (default false: demand is not negative) */
  allowNegative?: boolean;
  /** named in error messages */
  seriesId?: string;
}

/** Throws ForecastInputError for empty, too short, non-finite or (unless allowed) negative series. */
export function validateSeries(
  y: readonly number[],
  opts: Partial<ForecastOptions> & ValidateOptions = {},
): void {
  const where = opts.seriesId === undefined ? 'series' : `series '${opts.seriesId}'`;
  const details: Record<string, unknown> = opts.seriesId === undefined ? {} : { seriesId: opts.seriesId };
  if (!Array.isArray(y)) throw new ForecastInputError(`${where} is not an array of numbers`, details);
  if (y.length === 0) throw new ForecastInputError(`${where} is empty`, { ...details, length: 0 });
  const minLength = opts.minLength ?? 1;
  if (y.length < minLength) {
    throw new ForecastInputError(`${where} is too short: ${y.length} values, at least ${minLength} needed`, {
      ...details,
      length: y.length,
      minLength,
    });
  }
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ForecastInputError(`${where} has a non-finite value (${String(v)}) at index ${i}`, {
        ...details,
        index: i,
      });
    }
    if (v < 0 && opts.allowNegative !== true) {
      throw new ForecastInputError(`${where} has a negative value (${v}) at index ${i}`, { ...details, index: i });
    }
  }
  if (opts.horizon !== undefined && (!Number.isInteger(opts.horizon) || opts.horizon < 1)) {
    throw new ForecastInputError(`horizon must be a positive integer, got ${opts.horizon}`, {
      ...details,
      horizon: opts.horizon,
    });
  }
  if (opts.season !== undefined && (!Number.isInteger(opts.season) || opts.season < 1)) {
    throw new ForecastInputError(`season must be a positive integer (1 for none), got ${opts.season}`, {
      ...details,
      season: opts.season,
    });
  }
}

/** Distribution summary of demand summed over a lead time; `leadTimeDemand` in ets.ts computes it. */
export interface LeadTimeDemand {
  mean: number;
  sd: number;
}
