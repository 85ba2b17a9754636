/** SQL for planning: the ledger read as sales history, and the stored forecasts (table `forecasts`). */
import type { Selectable } from 'kysely';
import type { Q } from '../db/database.ts';
import type { ForecastsTable } from '../db/schema.ts';
import type { LedgerMovement } from './history.ts';
import type { Accuracy, Censoring, DemandClassOut, ForecastPath, Granularity, LeadTimeDemandOut, StoredForecast } from './model.ts';

/** Ledger rows read per query: bounded memory however long the ledger. */
const PAGE = 20_000;

export interface SkuMovement extends LedgerMovement {
  sku: string;
}

/**
 * Movements in id order, a page at a time: of one SKU (a range scan of the ledger_sku_id index), or of the
 * whole ledger (one pass in primary-key order). For every SKU at once the single pass is the fast way: a SKU's
 * rows are spread over the whole table (the ledger grows day by day across SKUs), so reading SKU after SKU
 * would visit every page once per SKU on it.
 */
export async function* movementPages(q: Q, sku: string | null): AsyncGenerator<SkuMovement[]> {
  let after = 0;
  for (;;) {
    let query = q
      .selectFrom('ledger')
      .select(['id', 'sku', 'location', 'type', 'on_hand_delta', 'reserved_delta', 'committed_delta', 'reference', 'created_at'])
      .where('id', '>', after);
    if (sku !== null) query = query.where('sku', '=', sku);
    const rows = await query.orderBy('id').limit(PAGE).execute();
    yield rows.map((r) => ({
      id: Number(r.id),
      sku: r.sku,
      location: r.location,
      type: r.type,
      onHandDelta: Number(r.on_hand_delta),
      reservedDelta: Number(r.reserved_delta),
      committedDelta: Number(r.committed_delta),
      reference: r.reference,
      createdAt: r.created_at,
    }));
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]?.id ?? after);
  }
}

/** SKUs with any ledger movement, in SKU order (from the ledger_sku_id index alone). */
export async function skusInLedger(q: Q): Promise<string[]> {
  const rows = await q.selectFrom('ledger').select('sku').distinct().orderBy('sku').execute();
  return rows.map((r) => r.sku);
}

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
