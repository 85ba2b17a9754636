/**
 * The overview tells since when a SKU is out of stock from its latest `inventory.out_of_stock` event. A partial
 * index of those events only: they are rare beside the rest of the outbox, so stock writes barely pay for it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_out_of_stock_sku').on('events').columns(['sku', 'created_at']).where(sql.ref('type'), '=', 'inventory.out_of_stock').execute();
}
