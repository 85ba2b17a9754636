import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * The volume charts (GET /v1/messages/volume, GET /v1/webhooks/volume) count rows of a window of days by status:
 * (created_at, status) covers that query, so it reads the window only, not every message or delivery kept.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('messages_created_status').on('messages').columns(['created_at', 'status']).execute();
  await db.schema.createIndex('webhook_deliveries_created_status').on('webhook_deliveries').columns(['created_at', 'status']).execute();
}
