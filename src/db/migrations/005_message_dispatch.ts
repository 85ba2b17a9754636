import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Indexes the dispatcher's two hot queries need. Claiming walks queued messages in (next_attempt_at, id) order
 * and stops at its LIMIT, instead of sorting every queued message on each claim; the per-recipient limit is read
 * from the index alone for a whole batch of recipients.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('messages_claim').on('messages').columns(['status', 'next_attempt_at', 'id']).execute();
  await db.schema.dropIndex('messages_due').execute();
  await db.schema.createIndex('messages_recipient_sent').on('messages').columns(['to_addr', 'status', 'sent_at']).execute();
}
