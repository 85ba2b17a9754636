import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * The fast path (issue 10).
 *
 * `sku_state.product_rev` counts the writes of a SKU's product. Every stock write reads the state row under its
 * lock anyway, so comparing this number with a cached product's tells, in every process, whether the cache still
 * holds the product as committed: the product is read again only after it changed.
 *
 * `sku_state.backordered` / `preordered`: see below.
 *
 * Fewer index pages per reservation: each index a reservation row enters is one more page written at commit, at
 * a random place for the SKU-led ones. `reservations_sku_active` goes: expired holds are found through
 * `reservations_active_expiry` (status, expires_at), which the sweeper keeps to the few not yet released, then
 * filtered by SKU. The client window index holds only the rows that have a client (publishable-key
 * reservations), the only ones its query asks for.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('sku_state').addColumn('product_rev', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Units waiting orders are owed, as the last stock write of the SKU left them (it keeps them exact as the queue
  // moves): a stock write reads them with the lock instead of summing the SKU's waiting lines.
  await db.schema.alterTable('sku_state').addColumn('backordered', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sku_state').addColumn('preordered', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update sku_state set
    backordered = coalesce((select sum(backordered - case when preordered = 0 then allocated else 0 end) from order_lines
      where order_lines.sku = sku_state.sku and status in ('backordered', 'preordered')), 0),
    preordered = coalesce((select sum(preordered - case when preordered > 0 then allocated else 0 end) from order_lines
      where order_lines.sku = sku_state.sku and status in ('backordered', 'preordered')), 0)`.execute(db);
  await db.schema.dropIndex('reservations_sku_active').execute();
  await db.schema.dropIndex('reservations_client_window').execute();
  await db.schema
    .createIndex('reservations_client_window')
    .on('reservations')
    .columns(['sku', 'client_key', 'client_addr', 'created_at'])
    .where(sql.ref('client_key'), 'is not', null)
    .execute();
}
