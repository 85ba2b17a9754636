/**
 * Suppliers, their offers per SKU, purchase orders with their lines (each open line owns one inbound record of
 * the orders module), the failover decision log, and the supplier a `supplier` API key is bound to.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const money = sql`double precision`;
  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', money, (c) => c.notNull())
    .addColumn('lead_time_sd_days', money, (c) => c.notNull())
    .addColumn('ack_deadline_hours', money, (c) => c.notNull())
    .addColumn('min_order_value', money, (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('failover', 'integer', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('supplier_sku', 'text')
    .addColumn('unit_cost', money, (c) => c.notNull())
    .addColumn('min_quantity', 'integer', (c) => c.notNull())
    .addColumn('multiple', 'integer', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offers_sku').on('offers').columns(['sku', 'priority']).execute();
  await db.schema.createIndex('offers_supplier').on('offers').columns(['supplier_id', 'sku']).execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('purchase_orders_supplier').on('purchase_orders').columns(['supplier_id', 'created_at']).execute();
  await db.schema.createIndex('purchase_orders_status').on('purchase_orders').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('po_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('po_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_cost', money, (c) => c.notNull())
    .addColumn('confirmed_quantity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expected_date', 'text', (c) => c.notNull())
    .addColumn('confirmed_date', 'text')
    .addColumn('shipped_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reject_reason', 'text')
    .addColumn('resourced_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resourced_from', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('inbound_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('po_lines_po').on('po_lines').columns(['po_id', 'line_no']).execute();
  await db.schema.createIndex('po_lines_sku').on('po_lines').columns(['sku', 'status']).execute();
  await db.schema.createIndex('po_lines_resourced_from').on('po_lines').columns(['resourced_from']).execute();

  await db.schema
    .createTable('supply_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('po_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('chosen', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supply_decisions_po').on('supply_decisions').columns(['po_id', 'at']).execute();
  await db.schema.createIndex('supply_decisions_line').on('supply_decisions').columns(['line_id', 'trigger']).execute();

  await db.schema.alterTable('api_keys').addColumn('supplier_id', 'text').execute();
}
