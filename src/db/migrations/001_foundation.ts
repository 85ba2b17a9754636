import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/** Foundation: catalog, locations, ledger, levels, reservations, outbox, keys, idempotency, feed lines. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pg = dialect === 'postgres';
  const autoId = pg ? 'bigserial' : 'integer';
  // Stock quantities are 64-bit on both (SQLite integers always are): sums over locations outgrow int4.
  const qty = 'bigint';

  await db.schema
    .createTable('products')
    .addColumn('sku', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('brand', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('price', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('track_inventory', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('low_stock_threshold', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('allow_backorder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('backorder_limit', 'integer')
    .addColumn('allow_preorder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preorder_limit', 'integer')
    .addColumn('release_date', 'text')
    .addColumn('lead_time_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_category').on('products').columns(['category']).execute();

  await db.schema
    .createTable('locations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('sku', 'text', (c) => c.notNull().references('products.sku'))
    .addColumn('location', 'text', (c) => c.notNull().references('locations.code'))
    .addColumn('on_hand', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('committed', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('safety_stock', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('inbound', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['sku', 'location'])
    .addCheckConstraint('stock_levels_nonneg', sql`on_hand >= 0 and reserved >= 0 and committed >= 0`)
    .execute();

  // One row per SKU: the last published availability, and the lock every stock write of that SKU takes first.
  await db.schema
    .createTable('sku_state')
    .addColumn('sku', 'text', (c) => c.primaryKey().references('products.sku'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('available_to_sell', qty)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger')
    .addColumn('id', autoId, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('quantity', qty, (c) => c.notNull())
    .addColumn('on_hand_delta', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('reserved_delta', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('committed_delta', qty, (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_sku_id').on('ledger').columns(['sku', 'id']).execute();

  await db.schema
    .createTable('reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reservations_active_expiry').on('reservations').columns(['status', 'expires_at']).execute();
  await db.schema.createIndex('reservations_sku_active').on('reservations').columns(['sku', 'status', 'expires_at']).execute();

  await db.schema
    .createTable('reservation_lines')
    .addColumn('reservation_id', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reservation_lines_pk', ['reservation_id', 'location'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', autoId, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal', 'key'])
    .execute();

  await db.schema
    .createTable('feed_lines')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
