/**
 * The ledger read as history, for the modules that derive one from it (planning's sales and stock-out days):
 * every movement's deltas, type, reference and time, in id order, a page at a time. The ledger is inventory's
 * table; other modules read it only through InventoryService.movements and skusWithMovements, which call this.
 */
import type { Q } from '../db/database.ts';

/** Ledger rows read per query: bounded memory however long the ledger. */
const PAGE = 20_000;

/** One ledger movement as a history reads it (the ledger row without quantity and reason). */
export interface StockMovement {
  id: number;
  sku: string;
  location: string;
  type: string;
  onHandDelta: number;
  reservedDelta: number;
  committedDelta: number;
  reference: string | null;
  /** ISO 8601 UTC timestamp */
  createdAt: string;
}

/**
 * Movements in id order, a page at a time: of one SKU (a range scan of the ledger_sku_id index), or of the
 * whole ledger (one pass in primary-key order). For every SKU at once the single pass is the fast way: a SKU's
 * rows are spread over the whole table (the ledger grows day by day across SKUs), so reading SKU after SKU
 * would visit every page once per SKU on it.
 */
export async function* movementPages(q: Q, sku: string | null): AsyncGenerator<StockMovement[]> {
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
export async function skusWithMovements(q: Q): Promise<string[]> {
  const rows = await q.selectFrom('ledger').select('sku').distinct().orderBy('sku').execute();
  return rows.map((r) => r.sku);
}
