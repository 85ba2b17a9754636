/**
 * Planning's public face for demand: sales history derived from the ledger (read through InventoryService, which
 * owns it), forecasts per SKU (computed, backtested, stored in `forecasts`) and runs over the whole catalogue
 * spread across worker threads.
 *
 * Granularity. Forecasts are weekly by default. The demo's two years of daily sales were backtested both ways
 * (12 weeks ahead, 4 rolling origins, all SKUs): daily buckets with a weekly season, summed to weeks, scored
 * about 3% better MASE than weekly buckets on the SKUs tried, at ten times the fitting time; weekly buckets
 * smooth out the day-of-week noise and the many zero days of slow movers, purchase decisions are made per week
 * or longer, and supplier lead times (3–28 days here) are whole weeks or are interpolated between them.
 * The yearly season (52 weeks) is used only with at least three years of history: ETS takes seasons of at
 * most 24, so the yearly pattern comes from Theta's seasonal adjustment, which needs two full years before the
 * fit — and every backtest origin — to see it; with the demo's two years season 52 changed no forecast at all.
 * Daily (season 7) and monthly (season 12 from two years) histories are available per call.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { InvariantViolation, NotFound, Unprocessable, reviveError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import type { CatalogService } from '../catalog/service.ts';
import type { InventoryService } from '../inventory/service.ts';
import type { Product } from '../catalog/model.ts';
import type { WaitlistService } from '../waitlist/service.ts';
import { FORECAST_METHODS, isForecastMethod, type ForecastMethod } from './forecast/select.ts';
import { ForecastInputError } from './forecast/model.ts';
import { aggregate, countsPerPeriod, dayNumber, HistoryBuilder, periodsAfter, type DailyHistories, type SalesHistory } from './history.ts';
import type { SeriesJob } from './engine.ts';
import { defaultWorkers, ForecastPool, runJobs, type JobResult } from './pool.ts';
import * as store from './store.ts';
import type { JobService } from '../jobs/service.ts';
import type { Job } from '../jobs/model.ts';
import type { Accuracy, ForecastAllOptions, ForecastOutcome, ForecastRunSummary, ForecastSkuOptions, Granularity, LeadTimeDemandOut, RunAccuracy, StoredForecast } from './model.ts';

export const DEFAULT_GRANULARITY: Granularity = 'week';
export const DEFAULT_HORIZON: Record<Granularity, number> = { day: 56, week: 12, month: 6 };
/** Used when a product has no lead time of its own. */
export const DEFAULT_LEAD_TIME_DAYS = 14;
/** Fewest whole periods a forecast is made from. */
export const MIN_PERIODS: Record<Granularity, number> = { day: 28, week: 8, month: 6 };
/** Most recent periods fitted: older demand says little about next quarter and costs fitting time. */
export const MAX_PERIODS: Record<Granularity, number> = { day: 730, week: 260, month: 120 };
const DAYS_PER_PERIOD: Record<Granularity, number> = { day: 1, week: 7, month: 365.25 / 12 };
const MAX_HORIZON: Record<Granularity, number> = { day: 366, week: 104, month: 36 };

/** The seasonal period for a history of `n` periods (see the top comment). */
export function seasonFor(granularity: Granularity, n: number): number {
  if (granularity === 'day') return 7;
  if (granularity === 'week') return n >= 3 * 52 ? 52 : 1;
  return n >= 24 ? 12 : 1;
}

/** A SKU's history and the job that forecasts it. */
interface Prepared {
  sku: string;
  history: SalesHistory;
  job: SeriesJob;
  leadTimeDays: number | null;
  leadTimeSource: 'product' | 'default';
}

export interface HistoryOptions {
  granularity?: Granularity;
  /** one location's history instead of the SKU's */
  location?: string;
}

export class PlanningService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly waitlist: WaitlistService,
    private readonly jobs: JobService,
  ) {}

  /**
   * Starts a forecast run as a background job (`forecast_run`, one at a time across processes) and answers with
   * the job at once; its progress and, when done, the run summary are read at GET /v1/jobs/:id.
   */
  async startForecastRun(opts: Omit<ForecastAllOptions, 'onProgress' | 'signal'> = {}): Promise<Job> {
    const params = { ...opts, ...(opts.skus ? { skus: [...opts.skus] } : {}) };
    return this.jobs.start('forecast_run', params, (ctx) =>
      this.forecastAll({ ...opts, signal: ctx.signal, onProgress: (done, total, sku) => ctx.progress(done, total, sku) }),
    );
  }

  /** The last complete UTC day: today's sales are still coming in. */
  private lastDay(): string {
    return isoDate(new Date(this.clock.now().getTime() - 86_400_000));
  }

  private async dailyOf(sku: string, byLocation: boolean): Promise<DailyHistories | null> {
    const builder = new HistoryBuilder(dayNumber(this.lastDay()), byLocation);
    for await (const page of this.inventory.movements(sku)) for (const m of page) builder.add(m);
    return builder.finish();
  }

  /** Daily histories of many SKUs from one pass over the ledger. */
  private async dailyOfMany(skus: ReadonlySet<string>): Promise<Map<string, DailyHistories>> {
    const last = dayNumber(this.lastDay());
    const builders = new Map<string, HistoryBuilder>();
    for await (const page of this.inventory.movements(null)) {
      for (const m of page) {
        if (!skus.has(m.sku)) continue;
        let b = builders.get(m.sku);
        if (!b) {
          b = new HistoryBuilder(last, false);
          builders.set(m.sku, b);
        }
        b.add(m);
      }
    }
    const out = new Map<string, DailyHistories>();
    for (const [sku, b] of builders) {
      const h = b.finish();
      if (h) out.set(sku, h);
    }
    return out;
  }

  /**
   * Sales per period with stock-out flags: the SKU's, or one location's. Days run to yesterday; weeks and
   * months are whole ones only. An unknown SKU is a 404; a SKU without movements has an empty history.
   */
  async history(sku: string, opts: HistoryOptions = {}): Promise<SalesHistory> {
    await this.catalog.get(sku);
    const granularity = opts.granularity ?? 'day';
    const daily = await this.dailyOf(sku, opts.location !== undefined);
    const empty: SalesHistory = { granularity, dates: [], sales: [], stockout: [], stockoutDays: [] };
    if (!daily) return empty;
    let h = daily.total;
    if (opts.location !== undefined) {
      const at = daily.byLocation.get(opts.location);
      if (!at) return empty;
      h = at;
    }
    return aggregate(h, granularity);
  }

  /** The stored forecast of a SKU, or null. */
  async stored(sku: string): Promise<StoredForecast | null> {
    return store.getForecast(this.db.kysely, sku);
  }

  /**
   * The SKU's forecast as stored, computed (and stored) first when there is none or it was made at another
   * granularity; with the history it rests on.
   */
  async forecast(sku: string, opts: ForecastSkuOptions & { refresh?: boolean } = {}): Promise<{ forecast: StoredForecast; history: SalesHistory }> {
    const product = await this.catalog.get(sku);
    const granularity = opts.granularity ?? DEFAULT_GRANULARITY;
    const existing = opts.refresh === true ? null : await this.stored(sku);
    if (existing && existing.granularity === granularity && (opts.horizon === undefined || existing.horizon === opts.horizon) && (opts.method === undefined || opts.method === 'auto' || existing.method === opts.method)) {
      return { forecast: existing, history: await this.history(sku, { granularity }) };
    }
    const prepared = await this.prepare(product, await this.dailyOf(sku, false), { ...opts, granularity });
    const [result] = await runJobs([prepared.job], 0);
    const f = this.finish(prepared, unwrap(result, sku));
    await store.saveForecasts(this.db.kysely, [f]);
    return { forecast: f, history: prepared.history };
  }

  /** Computes, backtests (unless `backtest: false`) and stores one SKU's forecast. */
  async forecastSku(sku: string, opts: ForecastSkuOptions = {}): Promise<StoredForecast> {
    return (await this.forecast(sku, { backtest: true, ...opts, refresh: true })).forecast;
  }

  /**
   * Forecasts every SKU with ledger history (or `opts.skus`) on worker threads and stores the results. SKUs
   * that cannot be forecast (too little history, discontinued, never in stock) are listed as skipped with the
   * reason; anything unexpected as failed. Backtests only with `backtest: true` (they cost several fits each).
   */
  async forecastAll(opts: ForecastAllOptions = {}): Promise<ForecastRunSummary> {
    const started = performance.now();
    const granularity = opts.granularity ?? DEFAULT_GRANULARITY;
    const requested = opts.skus ? [...new Set(opts.skus)] : await this.inventory.skusWithMovements();
    const products = await this.catalog.getMany(requested);
    const skipped: Array<{ sku: string; code: string; message: string }> = [];
    const failed: Array<{ sku: string; code: string; message: string }> = [];
    for (const sku of requested) {
      const p = products.get(sku);
      if (!p) {
        if (opts.skus) throw new NotFound('Product', sku, 'unknown_sku');
        skipped.push({ sku, code: 'unknown_sku', message: `'${sku}' has ledger movements but no product` });
      } else if (p.status === 'discontinued' && !opts.skus) {
        skipped.push({ sku, code: 'discontinued', message: `'${sku}' is discontinued: there is no demand to plan for` });
      }
    }
    const skipping = new Set(skipped.map((k) => k.sku));
    const wanted = requested.filter((s) => products.has(s) && !skipping.has(s));
    // Starting a thread costs more than fitting a handful of weekly series: few SKUs run in this thread. The
    // threads start now and load the forecasting code while this thread reads the ledger.
    const pool = new ForecastPool(Math.min(opts.workers ?? (wanted.length <= 4 ? 0 : defaultWorkers()), wanted.length));
    const workers = pool.size;
    let results: JobResult[];
    const prepared: Prepared[] = [];
    try {
      const histories = await this.dailyOfMany(new Set(wanted));
      for (const sku of wanted) {
        opts.signal?.throwIfAborted();
        try {
          prepared.push(await this.prepare(products.get(sku) as Product, histories.get(sku) ?? null, { ...opts, granularity, backtest: opts.backtest === true }));
        } catch (err) {
          if (err instanceof Unprocessable || err instanceof ForecastInputError) skipped.push({ sku, code: err.code, message: err.message });
          else throw err;
        }
      }
      const total = prepared.length;
      let done = 0;
      results = await pool.run(
        prepared.map((p) => p.job),
        { onResult: (i) => opts.onProgress?.(++done, total, prepared[i]?.sku ?? ''), ...(opts.signal ? { signal: opts.signal } : {}) },
      );
    } finally {
      await pool.close();
    }
    const out: StoredForecast[] = [];
    results.forEach((r, i) => {
      const p = prepared[i] as Prepared;
      if (r.ok) out.push(this.finish(p, r.outcome));
      else if (r.error.status < 500) skipped.push({ sku: p.sku, code: r.error.code, message: r.error.message });
      else failed.push({ sku: p.sku, code: r.error.code, message: r.error.message });
    });
    await store.saveForecasts(this.db.kysely, out);
    return { computed: out.length, skipped, failed, accuracy: runAccuracy(out.map((f) => f.accuracy)), ms: Math.round(performance.now() - started), workers };
  }

  /** Turns a SKU's daily history into the job that forecasts it, or says why it cannot be forecast. */
  private async prepare(product: Product, daily: DailyHistories | null, opts: ForecastSkuOptions & { granularity: Granularity }): Promise<Prepared> {
    const { sku } = product;
    const granularity = opts.granularity;
    const method: ForecastMethod = opts.method ?? 'auto';
    if (!isForecastMethod(method)) throw new ForecastInputError(`unknown forecasting method '${String(method)}'; use one of ${FORECAST_METHODS.join(', ')}`);
    const horizon = opts.horizon ?? DEFAULT_HORIZON[granularity];
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON[granularity]) {
      throw new ForecastInputError(`horizon must be a whole number of ${granularity}s from 1 to ${MAX_HORIZON[granularity]}, got ${horizon}`, { horizon });
    }
    const min = MIN_PERIODS[granularity];
    if (!daily) throw new Unprocessable(`'${sku}' has no sales history: no stock movement was ever recorded for it`, { sku, periods: 0, minPeriods: min }, 'no_history');
    let history = aggregate(daily.total, granularity);
    const all = history.dates.length;
    if (all > MAX_PERIODS[granularity]) history = sliceHistory(history, all - MAX_PERIODS[granularity]);
    const n = history.dates.length;
    if (n < min) {
      throw new Unprocessable(`'${sku}' has ${n} complete ${granularity}${n === 1 ? '' : 's'} of sales history; a forecast needs at least ${min}`, { sku, periods: n, minPeriods: min, granularity }, 'history_too_short');
    }
    if (history.stockout.every((s) => s)) {
      throw new Unprocessable(`'${sku}' was out of stock in every ${granularity} of its history: its demand was never observed`, { sku, periods: n }, 'no_demand_observed');
    }
    const signups = await this.signupsFor(sku, history);
    const leadTimeDays = product.policy.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS;
    const job: SeriesJob = {
      id: sku,
      y: history.sales,
      censored: history.stockout,
      signups,
      horizon,
      season: seasonFor(granularity, n),
      method,
      leadTime: leadTimeDays > 0 ? leadTimeDays / DAYS_PER_PERIOD[granularity] : null,
      backtest: opts.backtest === true ? { horizon, origins: 4 } : null,
    };
    return { sku, history, job, leadTimeDays: leadTimeDays > 0 ? leadTimeDays : null, leadTimeSource: product.policy.leadTimeDays === null ? 'default' : 'product' };
  }

  /** Waitlist sign-ups per period: read only when the history has stock-outs (the only periods they inform). */
  private async signupsFor(sku: string, history: SalesHistory): Promise<number[] | null> {
    if (!history.stockout.some((s) => s)) return null;
    const first = history.dates[0] as string;
    const days = dayNumber(isoDate(this.clock.now())) - dayNumber(first) + 1;
    const perDay = new Map<string, number>();
    for (const d of await this.waitlist.signups(sku, days)) if (d.count > 0) perDay.set(d.date, d.count);
    if (perDay.size === 0) return null;
    return countsPerPeriod(history, perDay);
  }

  private finish(p: Prepared, o: ForecastOutcome): StoredForecast {
    const { history, job } = p;
    const last = history.dates[history.dates.length - 1] as string;
    const leadTimeDemand: LeadTimeDemandOut | null =
      o.leadTime && p.leadTimeDays !== null ? { leadTimeDays: p.leadTimeDays, leadTimeSource: p.leadTimeSource, ...o.leadTime } : null;
    return {
      sku: p.sku,
      granularity: history.granularity,
      season: job.season,
      horizon: job.horizon,
      model: o.model,
      method: o.method,
      demandClass: o.demandClass,
      params: o.params,
      historyEnd: last,
      forecast: { dates: periodsAfter(last, history.granularity, job.horizon), mean: o.mean, lo80: o.lo80, hi80: o.hi80, lo95: o.lo95, hi95: o.hi95 },
      leadTimeDemand,
      accuracy: o.accuracy,
      lostSales: o.lostSales,
      censoring: o.censoring,
      computedAt: this.clock.now().toISOString(),
    };
  }
}

/** Mean backtest scores over the SKUs that have them (non-finite scores, e.g. a constant history's, left out). */
export function runAccuracy(all: ReadonlyArray<Accuracy | null>): RunAccuracy | null {
  const acc = all.filter((a): a is Accuracy => a !== null);
  if (acc.length === 0) return null;
  const mean = (pick: (a: Accuracy) => number | null | undefined): number | null => {
    const xs = acc.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return xs.length > 0 ? Math.round((xs.reduce((s, v) => s + v, 0) / xs.length) * 1e4) / 1e4 : null;
  };
  return {
    skus: acc.length,
    mase: mean((a) => a.mase),
    smape: mean((a) => a.smape),
    rmsse: mean((a) => a.rmsse),
    biasPct: mean((a) => a.biasPct),
    baseline: { method: 'naive', mase: mean((a) => a.baseline?.mase), smape: mean((a) => a.baseline?.smape), rmsse: mean((a) => a.baseline?.rmsse) },
  };
}

function sliceHistory(h: SalesHistory, from: number): SalesHistory {
  return { granularity: h.granularity, dates: h.dates.slice(from), sales: h.sales.slice(from), stockout: h.stockout.slice(from), stockoutDays: h.stockoutDays.slice(from) };
}

/** A job's outcome, or its error rethrown as the domain error it was (a 4xx stays a 4xx). */
function unwrap(r: JobResult | undefined, sku: string): ForecastOutcome {
  if (!r) throw new InvariantViolation(`no forecast result for '${sku}'`, { sku });
  if (r.ok) return r.outcome;
  const e = r.error;
  if (e.status === 422) throw reviveError(e.code, e.message, e.details);
  if (e.status === 400) throw new ForecastInputError(e.message, (e.details ?? {}) as Record<string, unknown>);
  throw new InvariantViolation(`forecast of '${sku}' failed: ${e.message}`, { sku, code: e.code, status: e.status });
}
