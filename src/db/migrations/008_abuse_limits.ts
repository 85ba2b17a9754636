import type { Kysely } from 'kysely';
import { recipientKey } from '../../core/email.ts';
import type { DialectName } from '../database.ts';

/**
 * Rate limits shared by every process on the database (one counter row per limit and client, fixed windows);
 * waitlist recipients as one identity (`recipient_key`: lower-cased, `+tag` dropped) and when a confirmation was
 * last sent, so a pending sign-up is mailed at most once an hour; and the one-click unsubscribe URL of a message
 * (RFC 8058 `List-Unsubscribe`), sent as a header.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // ISO 8601 UTC, as every timestamp here: the end of the counter's window.
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute();

  await db.schema.alterTable('waitlist').addColumn('recipient_key', 'text').execute();
  await db.schema.alterTable('waitlist').addColumn('confirm_sent_at', 'text').execute();
  // Rows from before get their recipient key; a pending one counts as mailed when it was made.
  const q = db as unknown as Kysely<{ waitlist: { id: string; email: string; status: string; created_at: string; recipient_key: string | null; confirm_sent_at: string | null } }>;
  for (;;) {
    const rows = await q.selectFrom('waitlist').select(['id', 'email', 'status', 'created_at']).where('recipient_key', 'is', null).limit(1000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      await q.updateTable('waitlist').set({ recipient_key: recipientKey(r.email), confirm_sent_at: r.status === 'pending' ? r.created_at : null }).where('id', '=', r.id).execute();
    }
  }
  await db.schema.createIndex('waitlist_recipient_sku').on('waitlist').columns(['recipient_key', 'sku', 'status']).execute();

  await db.schema.alterTable('messages').addColumn('list_unsubscribe', 'text').execute();
}
