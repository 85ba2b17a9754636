/**
 * The delivery worker: claims due deliveries (several processes share the work; see store.claimDue), POSTs each
 * signed, and records the outcome — delivered on a 2xx, else the next attempt by the schedule, or dead when it is
 * spent. A small pool keeps a few requests in flight; one slow endpoint does not hold up the others.
 *
 * Every POST goes through the outbound guard (core/outbound-http.ts): the address the socket connects to is
 * checked against the address policy at that moment (a name that resolved to a public address at registration
 * may resolve to loopback now), redirects are not followed (a 3xx is a failed attempt), and only a short,
 * sanitised snippet of an error answer is kept in the delivery's `last_error`.
 */
import { openStored, type SecretBox } from '../../core/secret-box.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/log.ts';
import { STRICT_POLICY, type AddressPolicy, type Resolver } from '../../core/net-guard.ts';
import { postGuarded } from '../../core/outbound-http.ts';
import type { Database } from '../../db/database.ts';
import type { AttemptOutcome, ClaimedDelivery, UnitRandom } from './model.ts';
import { DEFAULT_JITTER, MAX_ATTEMPTS, deliveryHeaders, describeNoAnswer, describeStatus, messageIdOf, retryDelayMs } from './policy.ts';
import { claimDue, recordOutcome } from './store.ts';
import { CoalescingRunner } from '../runner.ts';

/** Notified when deliveries become due at once (new ones, redeliveries), so a running dispatcher need not wait for its poll. */
export const WEBHOOKS_CHANNEL = 'restock_webhooks';

export interface DispatcherOptions {
  /** Per request, in real time (default 10 s). */
  timeoutMs?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  random?: UnitRandom;
  /** ± fraction of each delay (default 0.1). */
  jitter?: number;
  /** How often a started dispatcher looks for due deliveries (default 1 s). */
  pollMs?: number;
  logger?: Logger;
  /** Opens webhook secrets sealed under RESTOCK_SECRET (null: they are stored in plaintext). */
  secretBox?: SecretBox | null;
  /** Which addresses endpoints may have (default: https to public addresses only; see core/net-guard.ts). */
  policy?: AddressPolicy;
  /** Name resolution for the guard (tests inject one; default: the system's). */
  resolve?: Resolver;
}

export interface RunResult {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

export class WebhookDispatcher {
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly random: UnitRandom;
  private readonly jitter: number;
  private readonly policy: AddressPolicy;
  private readonly runner: CoalescingRunner;
  private stopped = false;
  /** Aborts requests in flight when the dispatcher stops. */
  private readonly shutdown = new AbortController();
  lastError: unknown = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly opts: DispatcherOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.concurrency = Math.max(1, opts.concurrency ?? 8);
    this.random = opts.random ?? Math.random;
    this.jitter = opts.jitter ?? DEFAULT_JITTER;
    this.policy = opts.policy ?? STRICT_POLICY;
    this.runner = new CoalescingRunner(async () => {
      await this.runDue();
    }, {
      pollMs: opts.pollMs ?? 1000,
      subscribe: (wake) => db.subscribe(WEBHOOKS_CHANNEL, wake),
      onError: (err) => {
        this.lastError = err;
        this.opts.logger?.warn({ err }, 'webhook dispatch failed');
      },
    });
  }

  async start(): Promise<void> {
    await this.runner.start();
  }

  wake(): void {
    this.runner.wake();
  }

  /** Sends everything due now, at most `concurrency` at a time, and returns when all of it has an outcome. */
  async runDue(): Promise<RunResult> {
    const result: RunResult = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const free = this.concurrency - inFlight.size;
      if (free > 0 && !this.stopped) {
        const now = this.clock.now();
        // Long enough that the request has ended (timed out) before anyone else may take the delivery.
        const leaseUntil = new Date(now.getTime() + this.timeoutMs + 60_000).toISOString();
        const { claimed, spent } = await claimDue(this.db, now.toISOString(), leaseUntil, free, MAX_ATTEMPTS);
        for (const row of spent) {
          result.dead++;
          this.opts.logger?.warn(
            { deliveryId: row.id, webhookId: row.webhook_id, eventId: Number(row.event_id), eventType: row.event_type, attempts: Number(row.attempts) },
            'webhook.dead',
          );
        }
        for (const d of claimed) {
          result.attempted++;
          const p: Promise<void> = this.attempt(d)
            .then((kind) => {
              result[kind]++;
            })
            .catch((err: unknown) => {
              // The outcome could not be written: the lease runs out and the delivery is tried again.
              this.lastError = err;
              this.opts.logger?.warn({ err, deliveryId: d.id }, 'webhook outcome not recorded');
            })
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      }
      if (inFlight.size === 0) return result;
      await Promise.race(inFlight);
    }
  }

  private async attempt(d: ClaimedDelivery): Promise<'delivered' | 'retrying' | 'dead'> {
    const outcome = await this.send(d);
    const now = this.clock.now();
    const iso = now.toISOString();
    if (outcome.ok) {
      await recordOutcome(this.db.kysely, d.id, d.attempt, { status: 'delivered', nextAttemptAt: iso, lastStatus: outcome.status, lastError: null, deliveredAt: iso });
      this.opts.logger?.debug({ deliveryId: d.id, webhookId: d.webhookId, eventId: d.eventId, attempt: d.attempt, status: outcome.status }, 'webhook.delivered');
      return 'delivered';
    }
    const delay = retryDelayMs(d.attempt, this.random, this.jitter);
    if (delay === null) {
      await recordOutcome(this.db.kysely, d.id, d.attempt, { status: 'dead', nextAttemptAt: iso, lastStatus: outcome.status, lastError: outcome.error, deliveredAt: null });
      this.opts.logger?.warn(
        { deliveryId: d.id, webhookId: d.webhookId, eventId: d.eventId, eventType: d.eventType, attempts: d.attempt, lastStatus: outcome.status, error: outcome.error },
        'webhook.dead',
      );
      return 'dead';
    }
    const next = new Date(now.getTime() + delay).toISOString();
    await recordOutcome(this.db.kysely, d.id, d.attempt, { status: 'pending', nextAttemptAt: next, lastStatus: outcome.status, lastError: outcome.error, deliveredAt: null });
    this.opts.logger?.debug({ deliveryId: d.id, webhookId: d.webhookId, attempt: d.attempt, lastStatus: outcome.status, error: outcome.error, nextAttemptAt: next }, 'webhook.retry');
    return 'retrying';
  }

  private async send(d: ClaimedDelivery): Promise<AttemptOutcome> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const headers = deliveryHeaders(openStored(this.opts.secretBox ?? null, d.secret, 'webhook secret'), messageIdOf(d.eventId), timestamp, d.body);
    const r = await postGuarded(d.url, d.body, headers, {
      policy: this.policy,
      timeoutMs: this.timeoutMs,
      signal: this.shutdown.signal,
      ...(this.opts.resolve ? { resolve: this.opts.resolve } : {}),
    });
    if (r.status === null) return { ok: false, status: null, error: describeNoAnswer(r, this.timeoutMs) };
    if (r.status >= 200 && r.status < 300) return { ok: true, status: r.status };
    return { ok: false, status: r.status, error: describeStatus(r.status, r.snippet) };
  }

  /** Stops polling, aborts requests in flight (each recorded as a failed attempt) and waits for the last pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shutdown.abort();
    await this.runner.stop();
  }
}
