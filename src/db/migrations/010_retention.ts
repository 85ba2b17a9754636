import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Indexes for bounded storage: the idempotency sweep (by creation time), the outbox retention sweep (events by
 * creation time) and the message retention sweep (finished messages by creation time). Webhook deliveries are
 * swept through the existing (status, next_attempt_at) index.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
  await db.schema.createIndex('events_created').on('events').column('created_at').execute();
  await db.schema.createIndex('messages_status_created').on('messages').columns(['status', 'created_at']).execute();
}
