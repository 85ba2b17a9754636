import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/** Orders with backorder and pre-order lines, their allocations, inbound supply, and shop settings. */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('customer_email', 'text', (c) => c.notNull())
    .addColumn('customer_tier', 'text')
    .addColumn('customer_locale', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_customer_email').on('orders').columns(['customer_email']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('from_stock', 'integer', (c) => c.notNull())
    .addColumn('backordered', 'integer', (c) => c.notNull())
    .addColumn('preordered', 'integer', (c) => c.notNull())
    // Units of the waiting part handed over later from arriving stock.
    .addColumn('allocated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text')
    // What the promise rests on: 'supply' (stock or an inbound delivery) or 'lead_time' (nothing known inbound).
    .addColumn('promise_basis', 'text')
    .addColumn('customer_tier', 'text')
    .addColumn('allow_partial', 'integer', (c) => c.notNull().defaultTo(1))
    // Arrival order per SKU: first come, first served.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('reservation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_lines_order').on('order_lines').columns(['order_id', 'line_no']).execute();
  await db.schema.createIndex('order_lines_waiting').on('order_lines').columns(['sku', 'status', 'seq']).execute();

  await db.schema
    .createTable('order_line_allocations')
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_line_allocations_pk', ['line_id', 'location'])
    .execute();

  await db.schema
    .createTable('inbound')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
    .addColumn('location', 'text', (c) => c.notNull().references('locations.code'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_date', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_sku_open').on('inbound').columns(['sku', 'status', 'expected_date']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
