/**
 * Waitlist use cases. Subscribing (double opt-in), confirming and unsubscribing by signed links; releasing a
 * SKU's list in step with its stock — first come, first served, in batches of at most k × available units,
 * stock re-checked before every batch, optionally holding each contact's units for N hours; conversions; demand
 * statistics. Release runs inside inventory's stock write for the SKU, so "how much is there" and "who is told"
 * are decided under the same lock, and the messages are recorded in that transaction.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { Conflict, Invalid, NotFound, RestockError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { recipientKey } from '../core/email.ts';
import type { TokenSigner } from '../core/tokens.ts';
import type { Logger } from '../core/log.ts';
import type { Database, Q, Tx, TxContext } from '../db/database.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import type { CatalogService } from '../catalog/service.ts';
import type { Location } from '../inventory/model.ts';
import type { InventoryService, SkuStock } from '../inventory/service.ts';
import { pickLocale, type MessageService, type NewMessage } from '../messaging/messages.ts';
import { appendEvents, type NewEvent, type StoredEvent, type StoredEventOf } from '../core/events.ts';
import { DEFAULT_WAITLIST_POLICY, type Subscription, type WaitlistPolicy, type WaitlistStats } from './model.ts';
import { batchGate, isStockRise, nextBatch, nextBatchAfter, summarise } from './policy.ts';
import * as store from './store.ts';

export type { SubscriptionQuery } from './store.ts';

const POLICY_KEY = 'waitlist_policy';
const CONVERSION_WINDOW_MS = 7 * 86_400_000;
/** A pending sign-up repeated sooner than this sends no second confirmation email. */
export const CONFIRM_RESEND_AFTER_MS = 3_600_000;
/** How long a confirmation link works by default (WAITLIST_CONFIRM_HOURS). */
export const DEFAULT_CONFIRM_HOURS = 7 * 24;

export interface SubscribeInput {
  sku: string;
  email: string;
  phone?: string | undefined;
  quantity?: number | undefined;
  locale?: string | undefined;
}

export class WaitlistService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly messages: MessageService,
    private readonly signer: TokenSigner,
    private readonly publicUrl: string,
    private readonly shopName = 'Restock demo shop',
    private readonly logger?: Logger,
    private readonly opts: { confirmHours?: number | undefined } = {},
  ) {}

  /** Inside a transaction pass it: SQLite has one connection, and the transaction holds it. */
  async policy(q: Q | Tx = this.db.kysely): Promise<WaitlistPolicy> {
    const raw = await readSetting(q, POLICY_KEY);
    return raw ? { ...DEFAULT_WAITLIST_POLICY, ...(JSON.parse(raw) as Partial<WaitlistPolicy>) } : DEFAULT_WAITLIST_POLICY;
  }

  async setPolicy(p: WaitlistPolicy): Promise<WaitlistPolicy> {
    await writeSetting(this.db.kysely, POLICY_KEY, JSON.stringify(p), this.clock.now().toISOString());
    return p;
  }

  // ---- links

  private link(path: string, purpose: string, id: string, expiresAt?: Date): string {
    const token = this.signer.sign({ p: purpose, s: id, ...(expiresAt ? { e: Math.floor(expiresAt.getTime() / 1000) } : {}) });
    return `${this.publicUrl}/w/${path}/${token}`;
  }

  unsubscribeUrl(id: string): string {
    return this.link('unsubscribe', 'unsubscribe', id);
  }

  // ---- subscribe / confirm / unsubscribe

  /**
   * Puts a contact on a SKU's list (pending until confirmed, with double opt-in). A recipient (`+tag` variants and
   * case are one: core/email.ts) has at most one pending or waiting subscription per SKU; signing up again while
   * pending sends the confirmation again at most once an hour. `answer` is what the caller may be told: the same
   * whether or not the address was on the list already, so the API cannot be used to find out who is.
   */
  async subscribe(input: SubscribeInput): Promise<{ subscription: Subscription; created: boolean; answer: 'pending' | 'waiting' }> {
    const email = input.email.trim();
    const recipient = recipientKey(email);
    const product = await this.catalog.get(input.sku);
    const policy = await this.policy();
    const answer = policy.doubleOptIn ? ('pending' as const) : ('waiting' as const);
    return this.inventory.change([input.sku], async (work, locations, ctx) => {
      const now = this.clock.now().toISOString();
      const existing = await store.findActive(ctx.tx, input.sku, recipient);
      if (existing) {
        const last = existing.confirmSentAt ? Date.parse(existing.confirmSentAt) : Number.NEGATIVE_INFINITY;
        if (existing.status === 'pending' && this.clock.now().getTime() - last >= CONFIRM_RESEND_AFTER_MS) {
          await this.messages.enqueue(ctx, [this.confirmMessage(existing, product.title, `waitlist:${existing.id}:confirm:${now}`)]);
          await store.markConfirmSent(ctx.tx, existing.id, now);
        }
        return { subscription: existing, created: false, answer };
      }
      const s: Subscription = {
        id: newId('wl'),
        sku: input.sku,
        email,
        phone: input.phone ?? null,
        quantity: input.quantity ?? 1,
        locale: pickLocale(input.locale),
        status: policy.doubleOptIn ? 'pending' : 'waiting',
        seq: await store.nextSeq(ctx.tx, input.sku),
        holdReservationId: null,
        holdExpiresAt: null,
        createdAt: now,
        confirmedAt: policy.doubleOptIn ? null : now,
        notifiedAt: null,
        convertedAt: null,
        confirmSentAt: policy.doubleOptIn ? now : null,
      };
      await store.insertSubscription(ctx.tx, s, recipient);
      const events: NewEvent[] = [{ type: 'waitlist.subscribed', sku: s.sku, payload: { id: s.id, sku: s.sku, email, quantity: s.quantity, status: s.status } }];
      if (policy.doubleOptIn) {
        await this.messages.enqueue(ctx, [this.confirmMessage(s, product.title, `waitlist:${s.id}:confirm`)]);
      } else {
        // Already in stock: tell them at once rather than putting them on a list.
        await this.releaseLocked(ctx, work, locations, input.sku, policy, true);
      }
      await appendEvents(ctx, events, now);
      return { subscription: (await store.findById(ctx.tx, s.id)) ?? s, created: true, answer };
    });
  }

  private confirmMessage(s: Subscription, title: string, dedupeKey: string): NewMessage {
    const expires = new Date(this.clock.now().getTime() + (this.opts.confirmHours ?? DEFAULT_CONFIRM_HOURS) * 3_600_000);
    return {
      type: 'waitlist_confirm',
      to: s.email,
      locale: s.locale,
      sku: s.sku,
      dedupeKey,
      data: { title, sku: s.sku, quantity: s.quantity, confirmUrl: this.link('confirm', 'confirm', s.id, expires), unsubscribeUrl: this.unsubscribeUrl(s.id), shopName: this.shopName },
    };
  }

  /**
   * What a confirmation link is for, read only (the page a GET shows; mail scanners follow links): the token is
   * checked (signature, purpose, expiry) and the subscription looked up, nothing changes.
   */
  /** The product's title for pages that name it (the SKU code when the product is gone). */
  async productTitle(sku: string): Promise<string> {
    return (await this.catalog.getMany([sku])).get(sku)?.title ?? sku;
  }

  async confirmation(token: string): Promise<{ subscription: Subscription; title: string }> {
    const claims = this.signer.verify(token, 'confirm', this.clock.now());
    const s = await store.findById(this.db.kysely, claims.s);
    if (!s) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
    if (s.status === 'unsubscribed') throw new Conflict('this subscription was cancelled; sign up again to be told when it is back', { id: s.id }, 'unsubscribed');
    return { subscription: s, title: (await this.catalog.getMany([s.sku])).get(s.sku)?.title ?? s.sku };
  }

  /** What an unsubscribe link names, read only (the page a GET shows). */
  async unsubscription(token: string): Promise<{ subscription: Subscription; title: string }> {
    const claims = this.signer.verify(token, 'unsubscribe', this.clock.now());
    const s = await store.findById(this.db.kysely, claims.s);
    if (!s) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
    return { subscription: s, title: (await this.catalog.getMany([s.sku])).get(s.sku)?.title ?? s.sku };
  }

  async confirm(token: string): Promise<Subscription> {
    const claims = this.signer.verify(token, 'confirm', this.clock.now());
    const first = await store.findById(this.db.kysely, claims.s);
    if (!first) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
    const policy = await this.policy();
    return this.inventory.change([first.sku], async (work, locations, ctx) => {
      const s = await store.findById(ctx.tx, claims.s);
      if (!s) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
      if (s.status === 'unsubscribed') throw new Conflict('this subscription was cancelled; sign up again to be told when it is back', { id: s.id }, 'unsubscribed');
      if (s.status !== 'pending') return s;
      const now = this.clock.now().toISOString();
      await store.confirmSubscription(ctx.tx, s.id, now);
      await appendEvents(ctx, [{ type: 'waitlist.confirmed', sku: s.sku, payload: { id: s.id, sku: s.sku, email: s.email } }], now);
      await this.releaseLocked(ctx, work, locations, s.sku, policy, true);
      return (await store.findById(ctx.tx, s.id)) ?? s;
    });
  }

  async unsubscribe(token: string): Promise<Subscription> {
    const claims = this.signer.verify(token, 'unsubscribe', this.clock.now());
    const first = await store.findById(this.db.kysely, claims.s);
    if (!first) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
    return this.inventory.change([first.sku], async (_work, _locations, ctx) => {
      const s = await store.findById(ctx.tx, claims.s);
      if (!s) throw new NotFound('Subscription', claims.s, 'unknown_subscription');
      if (s.status === 'unsubscribed') return s;
      const now = this.clock.now().toISOString();
      await store.unsubscribeSubscription(ctx.tx, s.id, now);
      await appendEvents(ctx, [{ type: 'waitlist.unsubscribed', sku: s.sku, payload: { id: s.id, sku: s.sku, email: s.email } }], now);
      return { ...s, status: 'unsubscribed' as const };
    }).then(async (s) => {
      // A hold they no longer want goes back to the next in line.
      if (first.holdReservationId && first.status === 'notified') await this.releaseHold(first.id, first.holdReservationId);
      return s;
    });
  }

  /**
   * Gives a hold back to stock. They are unsubscribed already, so a failure here must not fail the request: a
   * hold they bought (committed) stays theirs, and one that cannot be released now expires on its own.
   */
  private async releaseHold(subscriptionId: string, reservationId: string): Promise<void> {
    try {
      await this.inventory.releaseReservation(reservationId);
    } catch (err) {
      if (err instanceof RestockError && err.code === 'reservation_committed') return;
      this.logger?.warn({ subscriptionId, reservationId, err: err instanceof Error ? err.message : String(err) }, 'waitlist hold not released on unsubscribe; it expires on its own');
    }
  }

  /** The "held for you" link: what is held, until when, and the reservation to check out with. */
  async hold(token: string): Promise<{ subscription: Subscription; reservationId: string; expiresAt: string; title: string }> {
    const claims = this.signer.verify(token, 'hold', this.clock.now());
    const s = await store.findById(this.db.kysely, claims.s);
    if (!s || !s.holdReservationId || !s.holdExpiresAt) throw new NotFound('Hold', claims.s, 'unknown_hold');
    if (s.holdExpiresAt <= this.clock.now().toISOString()) throw new Invalid(`this hold ended at ${s.holdExpiresAt}`, { expiredAt: s.holdExpiresAt }, 'expired_token');
    const product = await this.catalog.get(s.sku);
    return { subscription: s, reservationId: s.holdReservationId, expiresAt: s.holdExpiresAt, title: product.title };
  }

  // ---- release

  /**
   * Tells the next batch for one SKU, if one is due. `immediate` ignores the batch interval (a new confirmation
   * while stock is there). Runs inside the SKU's stock write.
   */
  private async releaseLocked(ctx: TxContext, work: ReadonlyMap<string, SkuStock>, locations: ReadonlyMap<string, Location>, sku: string, policy: WaitlistPolicy, immediate: boolean): Promise<number> {
    const w = work.get(sku);
    if (!w) return 0;
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const holds = policy.holdHours > 0;
    // Only what waiting orders are not owed goes to the waitlist (STOCK_RISE_REACTIONS in inventory/policy.ts).
    const gate = batchGate({ immediate, holds, nextBatchAt: await store.releaseAt(ctx.tx, sku), now: nowIso, upcoming: w.product.status === 'upcoming', free: w.freeToSell(), k: policy.k });
    if (!gate.due) return 0; // a batch is out; wait before re-checking
    const candidates = gate.fetch > 0 ? await store.waiting(ctx.tx, sku, gate.fetch) : [];
    const batch = nextBatch(candidates, gate.sellable, policy.k, holds);
    if (batch.length === 0) {
      // Nothing to tell (no stock, or nobody waiting): the next rise of stock releases at once.
      await store.setReleaseAt(ctx.tx, sku, null, nowIso);
      return 0;
    }
    const messages: NewMessage[] = [];
    const events: NewEvent[] = [];
    let told = 0;
    for (const s of batch) {
      let holdUrl: string | undefined;
      let expiresAt: string | undefined;
      if (holds) {
        const r = await this.inventory.holdIn(ctx, w, locations, s.quantity, policy.holdHours * 3600, `waitlist:${s.id}`);
        if (!r) break;
        expiresAt = r.expiresAt;
        holdUrl = this.link('hold', 'hold', s.id, new Date(r.expiresAt));
        await store.setHold(ctx.tx, s.id, r.id, r.expiresAt);
      }
      await store.markNotified(ctx.tx, s.id, nowIso);
      messages.push({
        type: 'back_in_stock',
        to: s.email,
        locale: s.locale,
        sku,
        dedupeKey: `waitlist:${s.id}:back_in_stock`,
        data: { title: w.product.title, sku, quantity: s.quantity, holdUrl, expiresAt, productUrl: `${this.publicUrl}/#/product/${encodeURIComponent(sku)}`, unsubscribeUrl: this.unsubscribeUrl(s.id), shopName: this.shopName },
      });
      events.push({ type: 'waitlist.notified', sku, payload: { id: s.id, sku, email: s.email, quantity: s.quantity, held: holds, holdExpiresAt: expiresAt ?? null } });
      told++;
    }
    await this.messages.enqueue(ctx, messages);
    await appendEvents(ctx, events, nowIso);
    await store.setReleaseAt(ctx.tx, sku, nextBatchAfter(now, batch.length, holds, policy.batchIntervalMinutes), nowIso);
    return told;
  }

  /** Releases the next batch of one SKU now if one is due (the reactor and the tick call this). */
  async release(sku: string, ctx?: TxContext): Promise<number> {
    const policy = await this.policy(ctx?.tx);
    return this.inventory.change([sku], (work, locations, c) => this.releaseLocked(c, work, locations, sku, policy, false), ctx);
  }

  /** Periodic work: batches whose interval has passed, and reminders for holds about to end. */
  async tick(): Promise<{ released: number; reminded: number }> {
    const nowIso = this.clock.now().toISOString();
    let released = 0;
    for (const sku of await store.dueSkus(this.db.kysely, nowIso, 200)) released += await this.release(sku);
    const reminded = await this.remindHolds();
    return { released, reminded };
  }

  private async remindHolds(): Promise<number> {
    const policy = await this.policy();
    if (policy.holdHours <= 0) return 0;
    const now = this.clock.now();
    const soon = new Date(now.getTime() + Math.min(3600_000, policy.holdHours * 3600_000 * 0.25)).toISOString();
    const subs = await store.holdsEndingBefore(this.db.kysely, now.toISOString(), soon, 500);
    if (subs.length === 0) return 0;
    const products = await this.catalog.getMany([...new Set(subs.map((s) => s.sku))]);
    return this.db.transaction(async (ctx) => {
      await store.markReminded(ctx.tx, subs.map((s) => s.id));
      return this.messages.enqueue(ctx, subs.map((s) => ({
        type: 'hold_expiring' as const,
        to: s.email,
        locale: s.locale,
        sku: s.sku,
        dedupeKey: `waitlist:${s.id}:hold_expiring`,
        data: { title: products.get(s.sku)?.title ?? s.sku, sku: s.sku, quantity: s.quantity, expiresAt: s.holdExpiresAt ?? undefined, holdUrl: this.link('hold', 'hold', s.id, new Date(s.holdExpiresAt ?? now)), unsubscribeUrl: this.unsubscribeUrl(s.id), shopName: this.shopName },
      })));
    });
  }

  /** Reactor: stock rising while people wait releases a batch; an order by a notified contact is a conversion. */
  async onEvents(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    const rising = new Set<string>();
    for (const e of events) {
      if (e.type === 'inventory.availability_changed') {
        if (isStockRise(e.payload.before, e.payload.after)) rising.add(e.payload.sku);
      } else if (e.type === 'order.created') {
        await this.markConversions(ctx, e);
      }
    }
    for (const sku of rising) {
      if (await store.anyWaiting(ctx.tx, sku)) await this.release(sku, ctx);
    }
  }

  private async markConversions(ctx: TxContext, e: StoredEventOf<'order.created'>): Promise<void> {
    const email = e.payload.email.toLowerCase();
    const skus = [...new Set(e.payload.lines.map((l) => l.sku))];
    if (!email || skus.length === 0) return;
    const since = new Date(Date.parse(e.createdAt) - CONVERSION_WINDOW_MS).toISOString();
    const hits = await store.unconvertedNotified(ctx.tx, recipientKey(email), skus, since);
    if (hits.length === 0) return;
    await store.markConverted(ctx.tx, hits.map((h) => h.id), e.createdAt);
    await appendEvents(ctx, hits.map((h) => ({ type: 'waitlist.converted', sku: h.sku, payload: { id: h.id, sku: h.sku, email, orderId: e.payload.orderId } })), this.clock.now().toISOString());
  }

  // ---- reads

  async list(sku: string | undefined, status: string | undefined, limit = 500): Promise<Subscription[]> {
    if (sku) await this.catalog.get(sku);
    return store.list(this.db.kysely, sku, status, limit);
  }

  /** A page of subscriptions with each waiting one's position in its SKU's list, and how many match. */
  async page(query: store.SubscriptionQuery): Promise<{ items: Array<Subscription & { position: number | null }>; total: number }> {
    if (query.sku) await this.catalog.get(query.sku);
    return store.page(this.db.kysely, query);
  }

  /** People waiting and the units they want, per SKU (SKUs nobody waits for are absent): one grouped query. */
  async waitingBySku(): Promise<Map<string, { people: number; units: number }>> {
    return store.waitingBySku(this.db.kysely);
  }

  async stats(sku?: string): Promise<WaitlistStats[]> {
    const today = isoDate(this.clock.now());
    if (sku) {
      await this.catalog.get(sku);
      return [summarise(sku, await store.all(this.db.kysely, sku), today)];
    }
    const skus = await store.subscribedSkus(this.db.kysely, 1000);
    const out: WaitlistStats[] = [];
    for (const s of skus) out.push(summarise(s, await store.all(this.db.kysely, s), today));
    return out.sort((a, b) => b.unitsWanted - a.unitsWanted);
  }

  /** Daily sign-ups of a SKU: the demand signal planning reads while the SKU is out of stock. */
  async signups(sku: string, days = 90): Promise<Array<{ date: string; count: number }>> {
    return summarise(sku, await store.all(this.db.kysely, sku), isoDate(this.clock.now()), days).signupsPerDay;
  }
}
