import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Events a reactor gave up on after its retries, kept with the last error for an operator to retry or discard
 * (the reactor's cursor moved past them). One row per reactor and event.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pg = dialect === 'postgres';
  await db.schema
    .createTable('parked_events')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'bigint', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('parked_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addUniqueConstraint('parked_events_consumer_event', ['consumer', 'event_id'])
    .execute();
  await db.schema.createIndex('parked_events_status').on('parked_events').columns(['status', 'consumer', 'id']).execute();
}
