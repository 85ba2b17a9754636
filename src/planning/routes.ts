/** HTTP for demand forecasts and sales history (admin keys only). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocationCode, Nullable, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import { invalidField } from '../core/errors.ts';
import { FORECAST_METHODS } from './forecast/select.ts';
import type { PlanningService } from './service.ts';
import type { StoredForecast } from './model.ts';
import { GRANULARITIES, type SalesHistory } from './history.ts';

const errors = errorResponses('unknown_sku', 'forecast_input_invalid', 'no_history', 'history_too_short', 'no_demand_observed');
const Num = Type.Number();
const NumOrNull = Nullable(Type.Number());

const HistoryPoint = Type.Object({ date: Type.String(), sales: Num, stockout: Type.Boolean() });

const ForecastResponse = Type.Object(
  {
    sku: Type.String(),
    granularity: StringEnum(GRANULARITIES),
    season: Type.Integer(),
    horizon: Type.Integer(),
    history: Type.Array(HistoryPoint),
    forecast: Type.Array(Type.Object({ date: Type.String(), mean: Num, lo80: Num, hi80: Num, lo95: Num, hi95: Num })),
    model: Type.String(),
    method: Type.String(),
    params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
    demandClass: Type.Object({
      pattern: Type.String(),
      family: Type.String(),
      adi: NumOrNull,
      cv2: Num,
    }),
    accuracy: Nullable(
      Type.Object({
        origins: Type.Integer(),
        horizon: Type.Integer(),
        points: Type.Integer(),
        mase: NumOrNull,
        smape: NumOrNull,
        rmsse: NumOrNull,
        bias: NumOrNull,
        biasPct: NumOrNull,
        baseline: Nullable(Type.Object({ method: Type.String(), mase: NumOrNull, smape: NumOrNull, rmsse: NumOrNull })),
      }),
    ),
    lostSales: Num,
    censoring: Type.Object({ periods: Type.Integer(), waitlistSignups: Num, signupRate: NumOrNull }),
    leadTimeDemand: Nullable(
      Type.Object({
        leadTimeDays: Num,
        leadTimeSource: Type.String(),
        periods: Num,
        mean: Num,
        sd: Num,
        p90: Num,
        p95: Num,
        shape: Type.String(),
        model: Type.String(),
      }),
    ),
    historyEnd: Type.String(),
    computedAt: Type.String(),
  },
  { $id: 'Forecast' },
);

const RunSummary = Type.Object({
  computed: Type.Integer(),
  skipped: Type.Array(Type.Object({ sku: Type.String(), code: Type.String(), message: Type.String() })),
  failed: Type.Array(Type.Object({ sku: Type.String(), code: Type.String(), message: Type.String() })),
  accuracy: Nullable(
    Type.Object({
      skus: Type.Integer(),
      mase: NumOrNull,
      smape: NumOrNull,
      rmsse: NumOrNull,
      biasPct: NumOrNull,
      baseline: Type.Object({ method: Type.String(), mase: NumOrNull, smape: NumOrNull, rmsse: NumOrNull }),
    }),
  ),
  ms: Type.Integer(),
  workers: Type.Integer(),
});

const Options = {
  granularity: Type.Optional(StringEnum(GRANULARITIES, { description: 'period of the forecast (default week)' })),
  horizon: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'periods ahead (default 12 weeks, 56 days or 6 months)' })),
  method: Type.Optional(StringEnum(FORECAST_METHODS, { description: 'model; auto (default) chooses per SKU' })),
};

export function presentHistory(h: SalesHistory): Array<{ date: string; sales: number; stockout: boolean }> {
  return h.dates.map((date, i) => ({ date, sales: h.sales[i] ?? 0, stockout: h.stockout[i] === true }));
}

export function presentForecast(f: StoredForecast, history: SalesHistory) {
  const p = f.forecast;
  return {
    sku: f.sku,
    granularity: f.granularity,
    season: f.season,
    horizon: f.horizon,
    history: presentHistory(history),
    forecast: p.dates.map((date, i) => ({ date, mean: p.mean[i] ?? 0, lo80: p.lo80[i] ?? 0, hi80: p.hi80[i] ?? 0, lo95: p.lo95[i] ?? 0, hi95: p.hi95[i] ?? 0 })),
    model: f.model,
    method: f.method,
    params: f.params,
    demandClass: f.demandClass,
    accuracy: f.accuracy,
    lostSales: f.lostSales,
    censoring: f.censoring,
    leadTimeDemand: f.leadTimeDemand,
    historyEnd: f.historyEnd,
    computedAt: f.computedAt,
  };
}

export const planningRoutes = (planning: PlanningService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(ForecastResponse);

    app.get('/v1/forecasts/:sku', {
      config: { scopes: [] },
      schema: {
        tags: ['planning'],
        summary: 'Demand forecast of a SKU with its sales history (stock-out periods flagged), intervals, model, backtest accuracy, lost sales and lead-time demand; computed and stored first if there is none',
        params: Type.Object({ sku: Sku }),
        querystring: Type.Object({ ...Options, refresh: Type.Optional(Type.Boolean({ description: 'recompute even if a forecast is stored' })) }),
        response: { 200: Type.Ref('Forecast'), ...errors },
      },
    }, async (req) => {
      const { forecast, history } = await planning.forecast(req.params.sku, { ...req.query, backtest: true });
      return presentForecast(forecast, history);
    });

    app.get('/v1/forecasts/:sku/history', {
      config: { scopes: [] },
      schema: {
        tags: ['planning'],
        summary: 'Sales per day, ISO week or month from the ledger, with stock-out periods flagged; of the SKU or of one location',
        params: Type.Object({ sku: Sku }),
        querystring: Type.Object({ granularity: Type.Optional(StringEnum(GRANULARITIES)), location: Type.Optional(LocationCode) }),
        response: {
          200: Type.Object({ sku: Type.String(), granularity: StringEnum(GRANULARITIES), location: Nullable(Type.String()), history: Type.Array(Type.Object({ date: Type.String(), sales: Num, stockout: Type.Boolean(), stockoutDays: Type.Integer() })) }),
          ...errors,
        },
      },
    }, async (req) => {
      const h = await planning.history(req.params.sku, { granularity: req.query.granularity ?? 'day', ...(req.query.location ? { location: req.query.location } : {}) });
      return {
        sku: req.params.sku,
        granularity: h.granularity,
        location: req.query.location ?? null,
        history: h.dates.map((date, i) => ({ date, sales: h.sales[i] ?? 0, stockout: h.stockout[i] === true, stockoutDays: h.stockoutDays[i] ?? 0 })),
      };
    });

    app.post('/v1/forecasts/run', {
      config: { scopes: [] },
      schema: {
        tags: ['planning'],
        summary: 'Recompute and store forecasts (with backtests unless backtest is false): of the given SKUs in this request (200, the run summary), or of every SKU with sales history as a background job (202, the job; follow it at GET /v1/jobs/:id)',
        body: Type.Object(
          {
            skus: Type.Optional(Type.Array(Sku, { minItems: 1, maxItems: 10_000 })),
            ...Options,
            backtest: Type.Optional(Type.Boolean()),
            background: Type.Optional(Type.Boolean({ description: 'run as a background job; the default without skus, and the only way to run every SKU' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RunSummary, 202: Type.Ref('Job'), ...errorResponses('job_running', 'unknown_sku', 'forecast_input_invalid', 'no_history', 'history_too_short', 'no_demand_observed') },
      },
    }, async (req, reply) => {
      const b = req.body;
      const opts = {
        ...(b.skus ? { skus: b.skus } : {}),
        ...(b.granularity ? { granularity: b.granularity } : {}),
        ...(b.horizon !== undefined ? { horizon: b.horizon } : {}),
        ...(b.method ? { method: b.method } : {}),
        backtest: b.backtest ?? true,
      };
      if (b.background === false && !b.skus) {
        throw invalidField('body.background', 'a run of every SKU is a background job: name the SKUs to run it in this request, or leave background out');
      }
      if (b.background ?? !b.skus) {
        const job = await planning.startForecastRun(opts);
        return reply.status(202).header('location', `/v1/jobs/${job.id}`).send(job);
      }
      return planning.forecastAll(opts);
    });
  };
