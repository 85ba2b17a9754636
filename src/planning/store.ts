/**
 * SQL for planning's own table, `forecasts`. Sales history comes from the ledger, which inventory owns: planning
 * reads it through InventoryService (movements, skusWithMovements), never here.
 */
import type { Selectable } from 'kysely';
import type { Q } from '../db/database.ts';
import type { ForecastsTable } from '../db/schema.ts';
import type { Accuracy, Censoring, DemandClassOut, ForecastPath, Granularity, LeadTimeDemandOut, StoredForecast } from './model.ts';

function toRow(f: StoredForecast): Selectable<ForecastsTable> {
  return {
    sku: f.sku,
    granularity: f.granularity,
    season: f.season,
    horizon: f.horizon,
    model: f.model,
    method: f.method,
    demand_class: JSON.stringify(f.demandClass),
    params: JSON.stringify(f.params),
    history_end: f.historyEnd,
    forecast: JSON.stringify(f.forecast),
    lead_time_demand: f.leadTimeDemand ? JSON.stringify(f.leadTimeDemand) : null,
    accuracy: f.accuracy ? JSON.stringify(f.accuracy) : null,
    lost_sales: f.lostSales,
    censoring: JSON.stringify(f.censoring),
    computed_at: f.computedAt,
  };
}

function parse<T>(text: string): T {
  return JSON.parse(text) as T;
}

function fromRow(r: Selectable<ForecastsTable>): StoredForecast {
  return {
    sku: r.sku,
    granularity: r.granularity as Granularity,
    season: r.season,
    horizon: r.horizon,
    model: r.model,
    method: r.method,
    demandClass: parse<DemandClassOut>(r.demand_class),
    params: parse<Record<string, number | string | boolean>>(r.params),
    historyEnd: r.history_end,
    forecast: parse<ForecastPath>(r.forecast),
    leadTimeDemand: r.lead_time_demand === null ? null : parse<LeadTimeDemandOut>(r.lead_time_demand),
    accuracy: r.accuracy === null ? null : parse<Accuracy>(r.accuracy),
    lostSales: Number(r.lost_sales),
    censoring: parse<Censoring>(r.censoring),
    computedAt: r.computed_at,
  };
}

export async function getForecast(q: Q, sku: string): Promise<StoredForecast | null> {
  const r = await q.selectFrom('forecasts').selectAll().where('sku', '=', sku).executeTakeFirst();
  return r ? fromRow(r) : null;
}

/** Inserts or replaces forecasts, many to a statement. */
export async function saveForecasts(q: Q, forecasts: readonly StoredForecast[]): Promise<void> {
  for (let i = 0; i < forecasts.length; i += 200) {
    const rows = forecasts.slice(i, i + 200).map(toRow);
    if (rows.length === 0) continue;
    await q
      .insertInto('forecasts')
      .values(rows)
      .onConflict((oc) =>
        oc.column('sku').doUpdateSet((eb) => ({
          granularity: eb.ref('excluded.granularity'),
          season: eb.ref('excluded.season'),
          horizon: eb.ref('excluded.horizon'),
          model: eb.ref('excluded.model'),
          method: eb.ref('excluded.method'),
          demand_class: eb.ref('excluded.demand_class'),
          params: eb.ref('excluded.params'),
          history_end: eb.ref('excluded.history_end'),
          forecast: eb.ref('excluded.forecast'),
          lead_time_demand: eb.ref('excluded.lead_time_demand'),
          accuracy: eb.ref('excluded.accuracy'),
          lost_sales: eb.ref('excluded.lost_sales'),
          censoring: eb.ref('excluded.censoring'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}
