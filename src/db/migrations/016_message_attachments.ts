import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Files a message carries (a purchase order's CSV): JSON `[{ filename, contentType, content }]`, null for the
 * messages that have none (every customer message).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('messages').addColumn('attachments', 'text').execute();
}
