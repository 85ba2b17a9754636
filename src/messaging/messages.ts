/**
 * Customer messages: recorded (rendered, with a dedupe key) in the transaction of their cause, sent afterwards
 * by the dispatcher. A dedupe key is unique, so a cause can never produce the same message twice.
 */
import type { Clock } from '../core/clock.ts';
import { NotFound } from '../core/errors.ts';
import type { Database, Q, TxContext } from '../db/database.ts';
import { render, type MessageData, type MessageType } from './templates.ts';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface Message {
  id: string;
  type: string;
  to: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  status: MessageStatus;
  sku: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewMessage {
  type: MessageType;
  to: string;
  locale: string;
  data: MessageData;
  dedupeKey: string;
  sku?: string | null;
}

export const messageId = (n: number) => `msg_${n}`;
export function parseMessageId(id: string): number | null {
  const m = /^msg_(\d{1,15})$/.exec(id);
  return m ? Number(m[1]) : null;
}

type Row = {
  id: number;
  type: string;
  to_addr: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  sku: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

export function rowToMessage(r: Row): Message {
  return {
    id: messageId(Number(r.id)),
    type: r.type,
    to: r.to_addr,
    locale: r.locale,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    status: r.status as MessageStatus,
    sku: r.sku,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export class MessageService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Records messages in the caller's transaction; ones whose dedupe key exists are skipped. Returns how many were new. */
  async enqueue(ctx: TxContext, messages: NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const now = this.clock.now().toISOString();
    let created = 0;
    for (let i = 0; i < messages.length; i += 200) {
      const rows = messages.slice(i, i + 200).map((m) => {
        const r = render(m.type, m.data, m.locale);
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
        };
      });
      const res = await ctx.tx.insertInto('messages').values(rows).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').execute();
      created += res.length;
    }
    if (created > 0) await ctx.notify(MESSAGES_CHANNEL, '');
    return created;
  }

  async list(filter: { to?: string | undefined; type?: string | undefined; status?: string | undefined; limit?: number | undefined; before?: string | undefined }): Promise<Message[]> {
    let q = this.db.kysely.selectFrom('messages').selectAll();
    if (filter.to) q = q.where('to_addr', '=', filter.to.toLowerCase());
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.status) q = q.where('status', '=', filter.status);
    const before = filter.before ? parseMessageId(filter.before) : null;
    if (before !== null) q = q.where('id', '<', before);
    const rows = await q.orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
    return rows.map((r) => rowToMessage(r as Row));
  }

  async get(id: string): Promise<Message> {
    const n = parseMessageId(id);
    const r = n === null ? undefined : await this.db.kysely.selectFrom('messages').selectAll().where('id', '=', n).executeTakeFirst();
    if (!r) throw new NotFound('Message', id, 'unknown_message');
    return rowToMessage(r as Row);
  }

  async counts(q: Q = this.db.kysely): Promise<Record<string, number>> {
    const rows = await q.selectFrom('messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}

export const MESSAGES_CHANNEL = 'restock_messages';
