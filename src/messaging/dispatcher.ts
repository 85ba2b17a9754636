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
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import type { Clock } from '../core/clock.ts';
import { appendEvents } from '../core/events.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/database.ts';
import { MESSAGES_CHANNEL } from './messages.ts';
import { messageId, type ClaimedMessage } from './model.ts';
import * as store from './store.ts';

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
  /** Messages claimed at a time; `connections` of them are in flight, the rest wait their turn. */
  batch?: number;
  maxAttempts?: number;
  messageIdDomain?: string;
}

type Claimed = ClaimedMessage;

export class MessageDispatcher {
  private readonly transport: Transporter;
  private readonly connections: number;
  private readonly batch: number;
  private stopped = false;
  /** Sent in the last 24 hours, per recipient of the current drain (read once per batch, counted up as we send). */
  private readonly recent = new Map<string, number>();
  private pendingMarks: number[] = [];
  private flush: Promise<void> | null = null;
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
    this.batch = Math.max(this.connections, opts.batch ?? Math.max(64, this.connections * 8));
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
    return store.requeueStaleClaims(this.db.kysely, cutoff);
  }

  /** Sends until nothing is due; returns how many were sent. */
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await this.drain();
      total += r.sent;
      if (r.handled === 0) return total;
    }
  }

  private async loop(): Promise<void> {
    let idleRounds = 0;
    while (!this.stopped) {
      try {
        const n = (await this.drain()).handled;
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
    return store.claimDueMessages(this.db.kysely, this.db.isPostgres, this.clock.now().toISOString(), limit);
  }

  /**
   * Claims due messages a batch at a time and sends them with `connections` in flight, claiming the next batch
   * while the last ones of this batch are still sending, until nothing is due. Only messages handed to SMTP and
   * not yet marked sent are ambiguous if the process dies — at most `connections`; claimed ones still waiting
   * their turn were never sent and go back to the queue (at stop at once, after a crash by `recoverStale`).
   */
  private async drain(): Promise<{ handled: number; sent: number }> {
    const queue: Claimed[] = [];
    let exhausted = false;
    let refilling: Promise<void> | null = null;
    let failure: unknown = null;
    let handled = 0;
    const sentBefore = this.sent;
    this.recent.clear();
    const refill = async (): Promise<void> => {
      try {
        const allowed = await this.take(this.batch);
        const batch = await this.claim(allowed);
        this.tokens += allowed - batch.length;
        if (batch.length === 0) exhausted = true;
        else {
          await this.loadRecent(batch);
          queue.push(...batch);
        }
      } catch (err) {
        failure ??= err;
        exhausted = true;
      }
    };
    const worker = async (): Promise<void> => {
      for (;;) {
        if (this.stopped) return;
        if (queue.length <= this.connections && !exhausted && !refilling) {
          refilling = refill().finally(() => {
            refilling = null;
          });
        }
        const m = queue.shift();
        if (m) {
          await this.sendOne(m);
          handled++;
        } else if (refilling) await refilling;
        else return;
      }
    };
    await Promise.all(Array.from({ length: this.connections }, () => worker()));
    while (this.flush) await this.flush;
    if (queue.length > 0) {
      // Stopped with claims not yet handed to SMTP: back to the queue now rather than after the claim timeout.
      await store.requeueClaims(this.db.kysely, queue.map((m) => Number(m.id)));
    }
    if (failure) throw failure;
    return { handled, sent: this.sent - sentBefore };
  }

  /** The per-recipient limit: one query for the recipients of a batch not seen yet in this drain. */
  private async loadRecent(batch: Claimed[]): Promise<void> {
    const fresh = [...new Set(batch.map((m) => m.to_addr))].filter((a) => !this.recent.has(a));
    if (fresh.length === 0) return;
    const dayAgo = new Date(this.clock.now().getTime() - 86_400_000).toISOString();
    for (const a of fresh) this.recent.set(a, 0);
    for (const [a, n] of await store.sentCountsSince(this.db.kysely, fresh, dayAgo)) this.recent.set(a, n);
  }

  /**
   * Records a message as sent. Acceptances that arrive in the same turn of the event loop share one UPDATE; each
   * sender waits for its own, so no more than `connections` acceptances are ever unrecorded.
   */
  private markSent(id: number): Promise<void> {
    this.pendingMarks.push(id);
    this.flush ??= new Promise<void>((r) => setImmediate(r)).then(async () => {
      this.flush = null;
      const ids = this.pendingMarks.splice(0);
      for (let attempt = 0; ; attempt++) {
        try {
          await store.markMessagesSent(this.db.kysely, ids, this.clock.now().toISOString());
          return;
        } catch (err) {
          // The mail is out: never treat this as a send failure. If the database stays away, the claims go stale
          // and are sent again after the claim timeout — the at-least-once window the module comment states.
          if (attempt >= 4) throw err;
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    });
    return this.flush;
  }

  private async sendOne(m: Claimed): Promise<void> {
    const id = Number(m.id);
    const limit = this.opts.perRecipientPerDay ?? 20;
    const recent = this.recent.get(m.to_addr) ?? 0;
    // The daily cap protects shoppers; staff asked for every stock alert, and their number is bounded by stock
    // transitions, so those are not held back a day; nor are purchase orders to a supplier (the shop's own orders).
    if (recent >= limit && m.type !== 'stock_alert' && m.type !== 'purchase_order' && m.type !== 'supply_alert') {
      const later = new Date(this.clock.now().getTime() + 3_600_000).toISOString();
      await store.deferMessage(this.db.kysely, id, later, `recipient reached ${limit} messages in 24 h; deferred`);
      return;
    }
    // Counted before the send, so two messages to one recipient in flight at once both count.
    this.recent.set(m.to_addr, recent + 1);
    try {
      const mid = `<${messageId(id)}@${this.opts.messageIdDomain ?? 'restock.local'}>`;
      await this.transport.sendMail({ envelope: { from: this.envelopeFrom, to: [m.to_addr] }, raw: composeMime(this.opts.from, m, mid, messageId(id), this.clock.now()) });
    } catch (err) {
      this.recent.set(m.to_addr, recent);
      const attempts = m.attempts + 1;
      const failed = attempts >= (this.opts.maxAttempts ?? 8);
      const backoff = Math.min(6 * 3600_000, 30_000 * 2 ** (attempts - 1));
      const now = this.clock.now();
      const set = { status: failed ? ('failed' as const) : ('queued' as const), attempts, nextAttemptAt: new Date(now.getTime() + backoff).toISOString(), lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500) };
      if (!failed) {
        await store.recordSendFailure(this.db.kysely, id, set);
        return;
      }
      // Given up: the failure and its event commit together, so webhooks and the live stream hear of it once.
      await this.db.transaction(async (ctx) => {
        await store.recordSendFailure(ctx.tx, id, set);
        await appendEvents(ctx, [{ type: 'message.failed', sku: m.sku, payload: { id: messageId(id), type: m.type, to: m.to_addr, sku: m.sku, attempts, error: set.lastError } }], now.toISOString());
      });
      return;
    }
    try {
      await this.markSent(id);
      this.sent++;
    } catch (err) {
      this.logger.error({ id: messageId(id), err: err instanceof Error ? err.message : String(err) }, 'message sent but not recorded; it will be sent again after the claim timeout');
    }
  }

  private get envelopeFrom(): string {
    return /<([^>]+)>\s*$/.exec(this.opts.from)?.[1] ?? this.opts.from;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wake();
    await this.running;
    this.transport.close();
  }
}

/**
 * The message as MIME, built directly: multipart/alternative with both bodies base64 (Buffer's native encoder)
 * and headers encoded and folded by nodemailer's own MIME functions. Composing through nodemailer's full
 * pipeline (streams, quoted-printable) costs about half of the dispatcher's CPU per message; this is a small
 * fraction of it.
 */
export function composeMime(from: string, m: { to_addr: string; subject: string; text_body: string; html_body: string; list_unsubscribe?: string | null; attachments?: string | null }, mid: string, tag: string, now: Date): string {
  const boundary = `----restock-${tag}`;
  const files = parseAttachments(m.attachments ?? null);
  // Not a prefix of the other boundary, so no parser can take one for the other.
  const mixed = `====restock-mixed-${tag}`;
  const header = (name: string, value: string) => mimeFuncs.foldLines(`${name}: ${mimeFuncs.encodeWords(value, 'Q', 52)}`, 76);
  const body = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    header('From', from),
    `To: ${m.to_addr}`,
    header('Subject', m.subject),
    `Message-ID: ${mid}`,
    `X-Restock-Message: ${tag}`,
    // One-click unsubscribe (RFC 8058): the mail client POSTs `List-Unsubscribe=One-Click` to the URL.
    ...(m.list_unsubscribe ? [`List-Unsubscribe: <${m.list_unsubscribe}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] : []),
    `Date: ${now.toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    // With files: multipart/mixed around the two bodies (multipart/alternative) and one part per file.
    ...(files.length > 0 ? [`Content-Type: multipart/mixed; boundary="${mixed}"`, '', `--${mixed}`] : []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body(m.text_body),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body(m.html_body),
    `--${boundary}--`,
    ...files.flatMap((f) => {
      const name = mimeFuncs.encodeWords(f.filename.replace(/["\\\r\n]/g, '_'), 'Q', 52);
      return [`--${mixed}`, `Content-Type: ${f.contentType.replace(/[\r\n]/g, '')}; name="${name}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${name}"`, '', body(f.content)];
    }),
    ...(files.length > 0 ? [`--${mixed}--`] : []),
    '',
  ].join('\r\n');
}

function parseAttachments(raw: string | null): Array<{ filename: string; contentType: string; content: string }> {
  if (!raw) return [];
  const parsed = JSON.parse(raw) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((f): f is { filename: string; contentType: string; content: string } => typeof f === 'object' && f !== null && typeof (f as { filename?: unknown }).filename === 'string' && typeof (f as { contentType?: unknown }).contentType === 'string' && typeof (f as { content?: unknown }).content === 'string');
}
