import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Failover (issue 12): per line the units flagged as unsourced (no eligible offer, or failover switched off:
 * an operator must act) and when the line was found late (its acknowledgement deadline or ship date passed;
 * `supply.po_late` is emitted once); per SKU whether failover may re-source it.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('po_lines').addColumn('unsourced_quantity', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('po_lines').addColumn('late_at', 'text').execute();
  await db.schema
    .createTable('supply_skus')
    .addColumn('sku', 'text', (c) => c.primaryKey())
    .addColumn('failover', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
