/** SQL the overview reads directly: the outbox's record of when SKUs went out of stock. */
import type { Q } from '../db/database.ts';

/**
 * The latest `inventory.out_of_stock` event per SKU among those kept (the outbox keeps 30 days by default). A
 * partial index holds only those events (013_overview), so this reads a few index entries per SKU.
 */
export async function lastOutOfStock(q: Q, skus: readonly string[]): Promise<Map<string, string>> {
  if (skus.length === 0) return new Map();
  const rows = await q
    .selectFrom('events')
    .select((eb) => ['sku', eb.fn.max('created_at').as('at')])
    .where('type', '=', 'inventory.out_of_stock')
    .where('sku', 'in', [...skus])
    .groupBy('sku')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.sku !== null && r.at !== null) out.set(r.sku, String(r.at));
  return out;
}
