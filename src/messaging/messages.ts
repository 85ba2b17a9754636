/**
 * Customer messages: recorded (rendered, with a dedupe key) in the transaction of their cause, sent afterwards
 * by the dispatcher. A dedupe key is unique, so a cause can never produce the same message twice.
 */
import type { Clock } from '../core/clock.ts';
import { NotFound } from '../core/errors.ts';
import type { Database, Q, TxContext } from '../db/database.ts';
import { parseMessageId, type Message } from './model.ts';
import * as store from './store.ts';
import { render, type MessageData, type MessageType, type Rendered } from './templates.ts';
import { perDay, utcDays, windowStart } from './volume.ts';

export { messageId, parseMessageId, type Message, type MessageStatus } from './model.ts';
/** The message locale for a requested one (modules that record messages store it with the contact). */
export { pickLocale } from './templates.ts';

interface MessageCommon {
  to: string;
  locale: string;
  dedupeKey: string;
  sku?: string | null;
}

/** A file sent with a message (a purchase order's CSV). */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  /** The file's text (UTF-8). */
  content: string;
}

/** Messages another module renders itself (its document is its own), recorded and sent like the others. */
export const RENDERED_MESSAGE_TYPES = ['purchase_order', 'supply_alert'] as const;
export type RenderedMessageType = (typeof RENDERED_MESSAGE_TYPES)[number];

/** A message from one of our templates (data in), or one rendered by its module, with files if it has any. */
export type NewMessage =
  | (MessageCommon & { type: MessageType; data: MessageData })
  | (MessageCommon & { type: RenderedMessageType; rendered: Rendered; attachments?: readonly MessageAttachment[] });

export const MESSAGES_CHANNEL = 'restock_messages';

export class MessageService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Records messages in the caller's transaction; ones whose dedupe key exists are skipped. Returns how many were new. */
  async enqueue(ctx: TxContext, messages: NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const now = this.clock.now().toISOString();
    const rows = messages.map((m) => {
      const r = 'rendered' in m ? m.rendered : render(m.type, m.data, m.locale);
      const files = 'rendered' in m && m.attachments && m.attachments.length > 0 ? JSON.stringify(m.attachments) : null;
      return {
        type: m.type,
        to_addr: m.to.toLowerCase(),
        locale: m.locale,
        subject: r.subject,
        text_body: r.text,
        html_body: r.html,
        status: 'queued',
        dedupe_key: m.dedupeKey,
        sku: m.sku ?? null,
        attempts: 0,
        next_attempt_at: now,
        claimed_at: null,
        last_error: null,
        created_at: now,
        sent_at: null,
        // RFC 8058: mail clients offer one-click unsubscribe, a POST to this URL (the link pages accept it).
        list_unsubscribe: 'data' in m ? (m.data.unsubscribeUrl ?? null) : null,
        attachments: files,
      };
    });
    const created = await store.insertMessages(ctx.tx, rows);
    if (created > 0) await ctx.notify(MESSAGES_CHANNEL, '');
    return created;
  }

  async list(filter: { to?: string | undefined; type?: string | undefined; status?: string | undefined; q?: string | undefined; limit?: number | undefined; offset?: number | undefined; before?: string | undefined }): Promise<Message[]> {
    return store.listMessages(this.db.kysely, {
      to: filter.to?.toLowerCase(),
      type: filter.type,
      status: filter.status,
      q: filter.q,
      beforeId: filter.before ? parseMessageId(filter.before) : null,
      limit: filter.limit ?? 100,
      offset: filter.offset,
    });
  }

  /** How many messages match (to, type, status, q), for a list's total. */
  async count(filter: { to?: string | undefined; type?: string | undefined; status?: string | undefined; q?: string | undefined }): Promise<number> {
    return store.countMessages(this.db.kysely, { to: filter.to?.toLowerCase(), type: filter.type, status: filter.status, q: filter.q });
  }

  async get(id: string): Promise<Message> {
    const n = parseMessageId(id);
    const m = n === null ? null : await store.findMessage(this.db.kysely, n);
    if (!m) throw new NotFound('Message', id, 'unknown_message');
    return m;
  }

  /** Messages per UTC day of the last `days` (today included) by status: `queued` holds those being sent too. */
  async volume(days: number): Promise<Array<{ date: string; sent: number; failed: number; queued: number }>> {
    const now = this.clock.now();
    const counted = await store.messageVolume(this.db.kysely, windowStart(now, days));
    return perDay(utcDays(now, days), counted, ['sent', 'failed', 'queued'] as const, (s) => (s === 'sent' ? 'sent' : s === 'failed' ? 'failed' : s === 'queued' || s === 'sending' ? 'queued' : null));
  }

  async counts(q: Q = this.db.kysely): Promise<Record<string, number>> {
    return store.countMessagesByStatus(q);
  }

  /** Messages that failed for good among those created in the last `hours` (the overview's alarm). */
  async failedRecently(hours = 24): Promise<number> {
    return store.countFailedSince(this.db.kysely, new Date(this.clock.now().getTime() - hours * 3_600_000).toISOString());
  }
}
