import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Publishable and secret keys (issue 9). Reservations remember which key and client address made them, so the
 * per-client limit of a publishable key is counted in the database and holds across processes. Orders carry a
 * payment state: placed with a publishable key they wait for the shop's backend to confirm them, and are
 * cancelled by the sweeper when their time runs out. Orders placed before this migration were confirmed.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('reservations').addColumn('client_key', 'text').execute();
  await db.schema.alterTable('reservations').addColumn('client_addr', 'text').execute();
  await db.schema.createIndex('reservations_client_window').on('reservations').columns(['sku', 'client_key', 'client_addr', 'created_at']).execute();
  await db.schema.alterTable('orders').addColumn('payment_status', 'text', (c) => c.notNull().defaultTo('confirmed')).execute();
  await db.schema.alterTable('orders').addColumn('payment_expires_at', 'text').execute();
  await db.schema.createIndex('orders_payment_due').on('orders').columns(['payment_status', 'payment_expires_at']).execute();
}
