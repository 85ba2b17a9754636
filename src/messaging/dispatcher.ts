/**
 * Sends recorded messages over SMTP (nodemailer, pooled connections).
 *
 * A message is claimed (status `sending`, `claimed_at`) in a short transaction, handed to SMTP, and marked
 * `sent` the moment the server accepts it. Only claimed messages can be in flight, and the dispatcher claims no
 * more than it has connections, so if the process dies the ambiguous window is those few: on restart, claims
 * older than `claimTimeoutMs` go back to the queue and are sent again (each carries a stable Message-ID, so a
 * mail system can drop the rare duplicate). Nothing that was marked sent is ever sent again.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/database.ts';
import { MESSAGES_CHANNEL, messageId } from './messages.ts';

export interface DispatcherOptions {
  smtpUrl: string;
  from: string;
  /** SMTP connections, and so messages in flight at once. */
  connections?: number;
  /** Global send rate, messages per second (per process). */
  ratePerSecond?: number;
  /** Most messages one recipient gets in 24 hours; more wait for the next day. */
  perRecipientPerDay?: number;
  claimTimeoutMs?: number;
  maxAttempts?: number;
  messageIdDomain?: string;
}

interface Claimed {
  id: number;
  to_addr: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

export class MessageDispatcher {
  private readonly transport: Transporter;
  private readonly connections: number;
  private stopped = false;
  private running: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private tokens: number;
  private lastRefill = Date.now();
  sent = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly opts: DispatcherOptions,
  ) {
    this.connections = opts.connections ?? 4;
    this.tokens = opts.ratePerSecond ?? 200;
    this.transport = nodemailer.createTransport({
      url: opts.smtpUrl,
      pool: true,
      maxConnections: this.connections,
      maxMessages: Infinity,
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async start(): Promise<void> {
    await this.recoverStale();
    this.unsubscribe = await this.db.subscribe(MESSAGES_CHANNEL, () => this.wake());
    this.running = this.loop();
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Claims left by a process that died go back to the queue (see the module comment). */
  async recoverStale(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - (this.opts.claimTimeoutMs ?? 60_000)).toISOString();
    const r = await this.db.kysely.updateTable('messages').set({ status: 'queued', claimed_at: null }).where('status', '=', 'sending').where('claimed_at', '<', cutoff).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Sends until nothing is due; returns how many were sent. */
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.round();
      if (n === 0) return total;
      total += n;
    }
  }

  private async loop(): Promise<void> {
    let idleRounds = 0;
    while (!this.stopped) {
      try {
        const n = await this.round();
        if (n > 0) {
          idleRounds = 0;
          continue;
        }
        if (++idleRounds % 30 === 0) await this.recoverStale();
      } catch (err) {
        this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'message dispatch round failed');
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, 1000);
        this.wakeUp = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wakeUp = null;
    }
  }

  private async take(n: number): Promise<number> {
    const rate = this.opts.ratePerSecond ?? 200;
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(rate, this.tokens + ((now - this.lastRefill) / 1000) * rate);
      this.lastRefill = now;
      if (this.tokens >= 1) {
        const k = Math.min(n, Math.floor(this.tokens));
        this.tokens -= k;
        return k;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) / rate) * 1000)));
    }
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const now = this.clock.now().toISOString();
    const lock = this.db.isPostgres ? sql`for update skip locked` : sql``;
    const r = await sql<Claimed>`
      update messages set status = 'sending', claimed_at = ${now}
      where id in (select id from messages where status = 'queued' and next_attempt_at <= ${now} order by id limit ${limit} ${lock})
      returning id, to_addr, subject, text_body, html_body, attempts`.execute(this.db.kysely);
    return [...r.rows].sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** One round: claim up to `connections` messages, send them concurrently, record each outcome at once. */
  private async round(): Promise<number> {
    const allowed = await this.take(this.connections);
    const batch = await this.claim(allowed);
    if (batch.length === 0) {
      this.tokens += allowed;
      return 0;
    }
    this.tokens += allowed - batch.length;
    await Promise.all(batch.map((m) => this.sendOne(m)));
    return batch.length;
  }

  private async sendOne(m: Claimed): Promise<void> {
    const id = Number(m.id);
    const limit = this.opts.perRecipientPerDay ?? 20;
    const dayAgo = new Date(this.clock.now().getTime() - 86_400_000).toISOString();
    const recent = await this.db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('to_addr', '=', m.to_addr).where('status', '=', 'sent').where('sent_at', '>', dayAgo).executeTakeFirst();
    if (Number(recent?.n ?? 0) >= limit) {
      const later = new Date(this.clock.now().getTime() + 3_600_000).toISOString();
      await this.db.kysely.updateTable('messages').set({ status: 'queued', claimed_at: null, next_attempt_at: later, last_error: `recipient reached ${limit} messages in 24 h; deferred` }).where('id', '=', id).execute();
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.opts.from,
        to: m.to_addr,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body,
        messageId: `<${messageId(id)}@${this.opts.messageIdDomain ?? 'restock.local'}>`,
        headers: { 'X-Restock-Message': messageId(id) },
      });
      await this.db.kysely.updateTable('messages').set({ status: 'sent', sent_at: this.clock.now().toISOString(), claimed_at: null, attempts: m.attempts + 1 }).where('id', '=', id).execute();
      this.sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const failed = attempts >= (this.opts.maxAttempts ?? 8);
      const backoff = Math.min(6 * 3600_000, 30_000 * 2 ** (attempts - 1));
      await this.db.kysely
        .updateTable('messages')
        .set({
          status: failed ? 'failed' : 'queued',
          attempts,
          claimed_at: null,
          next_attempt_at: new Date(this.clock.now().getTime() + backoff).toISOString(),
          last_error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        })
        .where('id', '=', id)
        .execute();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wake();
    await this.running;
    this.transport.close();
  }
}
