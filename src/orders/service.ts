/**
 * Order use cases: intake (split into stock, backorder and pre-order parts, all or nothing), inbound supply,
 * allocation of arriving stock to waiting lines, promised dates and their changes, cancellation, pre-order
 * release. Allocation runs inside inventory's stock writes (a settle hook), so stock arriving and stock handed to
 * the people who waited commit together.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { Conflict, Forbidden, Invalid, InvariantViolation, NotFound, RestockError } from '../core/errors.ts';
import type { TokenSigner } from '../core/tokens.ts';
import { newId } from '../core/ids.ts';
import type { Database, Q, Tx, TxContext } from '../db/database.ts';
import type { CatalogService } from '../catalog/service.ts';
import { isCalendarDate } from '../core/clock.ts';
import type { InventoryService, SkuExtras, SkuStock, StockSnapshot, WaitingDemand } from '../inventory/service.ts';
import type { Location } from '../inventory/model.ts';
import { appendEvents, type NewEvent } from '../core/events.ts';
import {
  DEFAULT_ALLOCATION_POLICY,
  DEFAULT_CHECKOUT_SETTINGS,
  type AllocationPolicy,
  type CheckoutSettings,
  type Inbound,
  type Order,
  type OrderInput,
  type OrderLine,
  type WaitingKind,
  type WaitingLine,
} from './model.ts';
import { allocate, maskEmail, promiseDates, queueOrder, splitLine, statusAfterAllocation, statusAtIntake, transition } from './policy.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import { OrderBatcher, type Outcome } from './order-batcher.ts';
import {
  addLineAllocations,
  claimUnpaid,
  clearLineAllocations,
  confirmPayment,
  findInbound,
  findLine,
  findOrder,
  insertLines,
  insertOrder,
  insertOrders,
  type NewOrderRow,
  lineAllocations,
  listInbound,
  pageInbound,
  nextSeq,
  openInbound,
  orderContacts,
  orderEmails,
  saveInbound,
  saveLines,
  waitingLines,
  waitingOf,
  waitingTotals,
  skusWithWaitingLines,
  unpaidDue,
} from './store.ts';

const POLICY_KEY = 'allocation_policy';
const CHECKOUT_KEY = 'checkout_settings';
/** What a signed order link is for (a token of another purpose, a waitlist link say, opens no order). */
const ORDER_LINK_PURPOSE = 'order';

/** Who places an order: a secret key's order is confirmed at once, a publishable key's waits for payment. */
export interface PlacedBy {
  publishable: boolean;
}

/** A signed link to one order: the shopper's way to read it and cancel their waiting lines, without a key. */
export interface OrderLink {
  token: string;
  url: string;
}

/** The order as its signed link shows it to the shopper: their email masked, no customer id or tier. */
export interface OrderLinkView {
  id: string;
  email: string;
  locale: string | null;
  lines: OrderLine[];
  createdAt: string;
  payment: Order['payment'];
}

export interface QueueItem {
  orderId: string;
  lineId: string;
  sku: string;
  position: number;
  quantity: number;
  promisedDate: string | null;
  kind: WaitingKind;
  tier: string | null;
  createdAt: string;
}

/** One order waiting for its placement batch. */
interface PlaceRequest {
  input: OrderInput;
  payment: Order['payment'];
}

export class OrdersService {
  /** Group commit for placements (order-batcher.ts); orders with reservations take their own transaction. */
  private readonly batcher = new OrderBatcher<PlaceRequest, Order>((reqs) => this.placeBatch(reqs), 256);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly links: { signer: TokenSigner; publicUrl: string },
  ) {
    inventory.onStockRise('waiting_orders', (ctx, work, locations) => this.settle(ctx, work, locations));
    inventory.setAvailabilityExtras({ waiting: (q, skus) => waitingTotals(q, skus, this.db), load: (q, stock) => this.extras(q, stock) });
  }

  // ---- policy

  async allocationPolicy(q: Q | Tx = this.db.kysely): Promise<AllocationPolicy> {
    const raw = await readSetting(q, POLICY_KEY);
    return raw ? { ...DEFAULT_ALLOCATION_POLICY, ...(JSON.parse(raw) as Partial<AllocationPolicy>) } : DEFAULT_ALLOCATION_POLICY;
  }

  /** A new policy reorders every queue: serve the new heads and re-promise dates at once. */
  async setAllocationPolicy(p: AllocationPolicy): Promise<AllocationPolicy> {
    await writeSetting(this.db.kysely, POLICY_KEY, JSON.stringify(p), this.clock.now().toISOString());
    const skus = await skusWithWaitingLines(this.db.kysely);
    for (let i = 0; i < skus.length; i += 100) {
      await this.inventory.change(skus.slice(i, i + 100), (work) => {
        for (const w of work.values()) w.queueChanged();
      });
    }
    return p;
  }

  // ---- checkout settings

  async checkoutSettings(q: Q | Tx = this.db.kysely): Promise<CheckoutSettings> {
    const raw = await readSetting(q, CHECKOUT_KEY);
    if (!raw) return DEFAULT_CHECKOUT_SETTINGS;
    const s = JSON.parse(raw) as Partial<CheckoutSettings>;
    return { ...DEFAULT_CHECKOUT_SETTINGS, ...s, publishable: { ...DEFAULT_CHECKOUT_SETTINGS.publishable, ...s.publishable } };
  }

  async setCheckoutSettings(s: CheckoutSettings): Promise<CheckoutSettings> {
    await writeSetting(this.db.kysely, CHECKOUT_KEY, JSON.stringify(s), this.clock.now().toISOString());
    return s;
  }

  // ---- signed order links

  orderLink(orderId: string): OrderLink {
    // No expiry: shoppers come back to an order for as long as it waits (pre-orders wait months). The token names
    // one order and one purpose; it reads the order and cancels its waiting lines, nothing else.
    const token = this.links.signer.sign({ p: ORDER_LINK_PURPOSE, s: orderId });
    return { token, url: `${this.links.publicUrl}/o/${token}` };
  }

  private orderOfLink(token: string): string {
    return this.links.signer.verify(token, ORDER_LINK_PURPOSE, this.clock.now()).s;
  }

  async getByLink(token: string): Promise<OrderLinkView> {
    return linkView(await this.get(this.orderOfLink(token)));
  }

  /** The shopper cancels one of their own lines that still waits for stock (nothing of it handed over yet). */
  async cancelByLink(token: string, lineId: string): Promise<OrderLinkView> {
    return linkView(await this.cancelLine(this.orderOfLink(token), lineId, { onlyWaiting: true }));
  }

  // ---- payment (browser checkout)

  /** The shop's backend confirms a browser order after payment; confirming a confirmed order again is harmless. */
  async confirm(orderId: string): Promise<Order> {
    const now = this.clock.now().toISOString();
    if (await confirmPayment(this.db.kysely, orderId, now)) return this.get(orderId);
    const o = await this.get(orderId);
    if (o.payment.status === 'confirmed') return o;
    const expiresAt = o.payment.expiresAt ?? now;
    throw new Conflict(`order '${orderId}' waited for payment until ${expiresAt}; its lines are cancelled, place it again`, { id: orderId, expiresAt }, 'payment_expired');
  }

  /**
   * Cancels every line of browser orders whose payment time ran out, through the same path as a cancelled line
   * (stock and queue places go to the next in line). Each order is claimed in the transaction that cancels it,
   * so sweepers in several processes cancel it once between them. Returns how many orders this call expired.
   */
  async sweepUnpaid(max = 50): Promise<number> {
    const now = this.clock.now().toISOString();
    let n = 0;
    for (const id of await unpaidDue(this.db.kysely, now, max)) if (await this.expireUnpaid(id, now)) n++;
    return n;
  }

  private async expireUnpaid(orderId: string, now: string): Promise<boolean> {
    const first = await findOrder(this.db.kysely, orderId);
    if (!first) return false;
    return this.inventory.change([...new Set(first.lines.map((l) => l.sku))], async (work, _locations, ctx) => {
      if (!(await claimUnpaid(ctx.tx, orderId, now))) return false;
      for (const l of first.lines) {
        const w = work.get(l.sku);
        const line = await findLine(ctx.tx, l.id);
        if (!w || !line || line.status === 'cancelled') continue;
        await this.cancelLineIn(ctx, w, line);
      }
      return true;
    });
  }

  // ---- intake

  async place(input: OrderInput, by: PlacedBy = { publishable: false }): Promise<Order & { link: OrderLink }> {
    let payment: Order['payment'] = { status: 'confirmed', expiresAt: null };
    if (by.publishable) {
      const settings = await this.checkoutSettings();
      if (!settings.browserOrders) {
        throw new Forbidden('browser checkout is off for this shop: a publishable (storefront) key cannot place orders; place them from the shop\'s backend with a checkout key, or turn browserOrders on (PUT /v1/settings/checkout)');
      }
      payment = { status: 'pending', expiresAt: new Date(this.clock.now().getTime() + settings.paymentTtlSeconds * 1000).toISOString() };
    }
    const seen = new Set<string>();
    input.lines.forEach((l, i) => {
      if (seen.has(l.sku)) throw new Invalid(`line ${i} repeats sku '${l.sku}'; order each SKU once with the total quantity`, { line: i, sku: l.sku }, 'duplicate_line');
      seen.add(l.sku);
    });
    // An order that turns reservations into sales moves stock and reservation rows line by line as it goes, so
    // it takes its own transaction; every other order shares one with those arriving at the same time.
    const order = input.lines.some((l) => l.reservationId) ? await this.placeAlone(input, payment) : await this.batcher.submit({ input, payment });
    return { ...order, link: this.orderLink(order.id) };
  }

  /**
   * Places a batch of orders (none with reservations) in one stock write over all their SKUs. Each order is
   * decided in arrival order against the stock, queue and caps the ones before it left: its lines are checked
   * first, and only an order whose every line can be accepted moves anything, so a refused order leaves no trace
   * in the shared transaction. Rows are written in multi-row statements at the end, except that an order with
   * waiting lines is written before it is settled (allocation reads the queue from the database), after every
   * order before it, so the outbox keeps the order a one-by-one run would give.
   */
  private async placeBatch(reqs: readonly PlaceRequest[]): Promise<Array<Outcome<Order>>> {
    const skus = [...new Set(reqs.flatMap((r) => r.input.lines.map((l) => l.sku)))];
    return this.inventory.change(skus, async (work, locations, ctx) => {
      const now = this.clock.now().toISOString();
      const today = isoDate(this.clock.now());
      const out: Array<Outcome<Order>> = [];
      const seqs = new Map<string, number>();
      let orderRows: NewOrderRow[] = [];
      let lineRows: OrderLine[] = [];
      let allocRows: Array<{ lineId: string; location: string; quantity: number }> = [];
      let events: NewEvent[] = [];
      const flush = async (): Promise<void> => {
        if (orderRows.length > 0) await insertOrders(ctx.tx, orderRows);
        if (lineRows.length > 0) await insertLines(ctx.tx, lineRows, now);
        if (allocRows.length > 0) await addLineAllocations(ctx.tx, allocRows);
        if (events.length > 0) await appendEvents(ctx, events, now);
        orderRows = [];
        lineRows = [];
        allocRows = [];
        events = [];
      };
      for (const { input, payment } of reqs) {
        const unknown = input.lines.map((l, i) => ({ line: i, sku: l.sku })).filter((l) => !work.has(l.sku));
        if (unknown.length > 0) {
          // The message names them all; details the first, as every unknown_sku does.
          out.push({ ok: false, error: new RestockError('unknown_sku', `Product '${unknown.map((u) => u.sku).join(', ')}' does not exist`, { id: unknown[0]?.sku ?? '' }) });
          continue;
        }
        // Decide every line before moving anything. Lines name distinct SKUs, so one line's split never depends
        // on another's; the queue's waiting units are the stock write's own, kept exact as orders join it.
        const refusals: Array<{ line: number; sku: string; code: string; reason: string; requested?: number; available?: number }> = [];
        const splits = input.lines.map((l, n) => {
          const w = work.get(l.sku) as SkuStock;
          const split = splitLine({ product: w.product, quantity: l.quantity, sellable: w.freeToSell(), reserved: 0, backordered: w.waiting.backordered, preordered: w.waiting.preordered });
          // Like the top-level insufficient_stock error, so clients read numbers rather than parse the reason.
          if (!split.ok) refusals.push({ line: n, sku: l.sku, code: split.code, reason: split.reason, ...(split.available !== undefined ? { requested: l.quantity, available: split.available } : {}) });
          return split;
        });
        const fulfilment = refusals.length === 0 ? this.planFromStock(work, locations, input, (n) => splits[n]?.ok ? splits[n].fromStock : 0, refusals) : null;
        if (refusals.length > 0 || !fulfilment) {
          out.push({ ok: false, error: new Conflict(`${refusals.length} of ${input.lines.length} line(s) cannot be accepted; nothing was ordered`, { lines: refusals }, 'order_refused') });
          continue;
        }
        const orderId = newId('ord');
        const customer = { id: input.customer.id, email: input.customer.email, tier: input.customer.tier ?? null, locale: input.customer.locale ?? null };
        const lines: OrderLine[] = [];
        let waits = false;
        for (const [n, l] of input.lines.entries()) {
          const w = work.get(l.sku) as SkuStock;
          const split = splits[n];
          if (!split?.ok) throw new InvariantViolation('a refused line was not reported', { sku: l.sku });
          const lineId = newId('line');
          const plan = fulfilment.get(l.sku);
          if (plan) {
            if (!w.sellAt(plan, lineId)) throw new InvariantViolation('stock vanished under the lock', { sku: l.sku, quantity: split.fromStock });
            for (const a of plan) allocRows.push({ lineId, ...a });
          }
          const waitingUnits = split.backordered + split.preordered;
          lines.push({
            id: lineId,
            orderId,
            lineNo: n + 1,
            sku: l.sku,
            quantity: l.quantity,
            fromStock: split.fromStock,
            backordered: split.backordered,
            preordered: split.preordered,
            allocated: 0,
            status: statusAtIntake(split),
            promisedDate: waitingUnits > 0 ? null : today,
            promiseBasis: waitingUnits > 0 ? null : 'supply',
            allowPartial: l.allowPartial ?? true,
            seq: waitingUnits > 0 ? await this.nextSeqIn(ctx, seqs, l.sku) : 0,
            tier: customer.tier,
            reservationId: null,
            createdAt: now,
          });
          if (waitingUnits > 0) {
            waits = true;
            // Under a priority policy a new line can head the queue, so free stock may be its now.
            w.queueChanged({ backordered: split.backordered, preordered: split.preordered });
          }
        }
        orderRows.push({ id: orderId, customer, createdAt: now, payment });
        lineRows.push(...lines);
        let placed: Order = { id: orderId, customer, lines, createdAt: now, payment };
        if (waits) {
          // Settle now so the waiting lines have their promised dates for the confirmation, and so the next
          // order meets the queue as this one left it. Allocation reads the queue from the database: write first.
          await flush();
          await this.inventory.settleIn(ctx, work, locations);
          const fresh = await findOrder(ctx.tx, orderId);
          if (!fresh) throw new InvariantViolation('order vanished inside its transaction', { orderId });
          placed = fresh;
        }
        events.push(createdEvent(placed));
        out.push({ ok: true, value: placed });
      }
      await flush();
      return out;
    });
  }

  /**
   * Where each line's units from stock come from (the inventory module's fulfilment policy, over the lines of
   * tracked SKUs that take units from stock now), by SKU. A line no allowed plan can fill is added to `refusals`
   * (only without a split: the units were counted as free across the locations); then null.
   */
  private planFromStock(
    work: ReadonlyMap<string, SkuStock>,
    locations: ReadonlyMap<string, Location>,
    input: OrderInput,
    fromStock: (line: number) => number,
    refusals: Array<{ line: number; sku: string; code: string; reason: string; requested?: number; available?: number }>,
  ): Map<string, Array<{ location: string; quantity: number }>> | null {
    const wanted = input.lines
      .map((l, n) => ({ n, sku: l.sku, quantity: fromStock(n) }))
      .filter((l) => l.quantity > 0 && work.get(l.sku)?.product.policy.trackInventory);
    const out = new Map<string, Array<{ location: string; quantity: number }>>();
    if (wanted.length === 0) return out;
    const plan = this.inventory.planFulfilmentIn(work, locations, wanted, { region: input.fulfilment?.region, allowSplit: input.fulfilment?.allowSplit });
    for (const [i, pl] of plan.lines.entries()) {
      const w = wanted[i];
      if (!w) continue;
      if (pl.unfillable > 0) {
        refusals.push({ line: w.n, sku: w.sku, code: 'no_single_location', reason: `no single location has ${w.quantity} unit(s) of '${w.sku}' and the order does not allow a split`, requested: w.quantity });
        continue;
      }
      out.set(w.sku, pl.allocations);
    }
    return refusals.length > 0 ? null : out;
  }

  /** The next queue place on a SKU: read once per batch under the SKU lock, then counted here. */
  private async nextSeqIn(ctx: TxContext, seqs: Map<string, number>, sku: string): Promise<number> {
    const next = seqs.get(sku) ?? (await nextSeq(ctx.tx, sku));
    seqs.set(sku, next + 1);
    return next;
  }

  /** One order in its own stock write: the path of orders that turn reservations into sales. */
  private async placeAlone(input: OrderInput, payment: Order['payment']): Promise<Order> {
    const products = await this.catalog.getMany(input.lines.map((l) => l.sku));
    const unknown = input.lines.map((l, i) => ({ line: i, sku: l.sku })).filter((l) => !products.has(l.sku));
    if (unknown.length > 0) {
      const first = unknown[0]?.sku ?? '';
      // The message names them all; details the first, as every unknown_sku does.
      throw new RestockError('unknown_sku', `Product '${unknown.map((u) => u.sku).join(', ')}' does not exist`, { id: first });
    }
    const orderId = newId('ord');
    return this.inventory.change(input.lines.map((l) => l.sku), async (work, locations, tx) => {
      const now = this.clock.now().toISOString();
      const refusals: Array<{ line: number; sku: string; code: string; reason: string; requested?: number; available?: number }> = [];
      const lines: OrderLine[] = [];
      const fromStockNow = new Map<number, number>();
      const allocationsOf = new Map<string, Array<{ location: string; quantity: number }>>();
      const queued: Array<() => void> = [];
      const customer = { id: input.customer.id, email: input.customer.email, tier: input.customer.tier ?? null, locale: input.customer.locale ?? null };
      for (const [n, l] of input.lines.entries()) {
        const w = work.get(l.sku);
        if (!w) throw new NotFound('Product', l.sku, 'unknown_sku');
        const lineId = newId('line');
        let reserved = 0;
        let fromReservation: Array<{ location: string; quantity: number }> = [];
        if (l.reservationId) {
          const taken = await this.inventory.takeReservationIn(tx, w, l.reservationId, lineId);
          if (!taken.ok) {
            refusals.push({ line: n, sku: l.sku, code: taken.code, reason: taken.reason });
            continue;
          }
          reserved = taken.quantity;
          fromReservation = taken.lines;
        }
        const split = splitLine({ product: w.product, quantity: l.quantity, sellable: w.freeToSell(), reserved, backordered: w.waiting.backordered, preordered: w.waiting.preordered });
        if (!split.ok) {
          // Like the top-level insufficient_stock error, so clients read numbers rather than parse the reason.
          refusals.push({ line: n, sku: l.sku, code: split.code, reason: split.reason, ...(split.available !== undefined ? { requested: l.quantity, available: split.available } : {}) });
          continue;
        }
        fromStockNow.set(n, split.fromStock - reserved);
        allocationsOf.set(lineId, [...fromReservation]);
        const waitingUnits = split.backordered + split.preordered;
        const line: OrderLine = {
          id: lineId,
          orderId,
          lineNo: n + 1,
          sku: l.sku,
          quantity: l.quantity,
          fromStock: split.fromStock,
          backordered: split.backordered,
          preordered: split.preordered,
          allocated: 0,
          status: statusAtIntake(split),
          promisedDate: waitingUnits > 0 ? null : isoDate(this.clock.now()),
          promiseBasis: waitingUnits > 0 ? null : 'supply',
          allowPartial: l.allowPartial ?? true,
          seq: waitingUnits > 0 ? await nextSeq(tx.tx, l.sku) : 0,
          tier: customer.tier,
          reservationId: l.reservationId ?? null,
          createdAt: now,
        };
        lines.push(line);
        // After the units from stock are sold (below): the line's own waiting part must not claim them.
        if (waitingUnits > 0) queued.push(() => w.queueChanged({ backordered: split.backordered, preordered: split.preordered }));
      }
      const fulfilment = refusals.length === 0 ? this.planFromStock(work, locations, input, (n) => fromStockNow.get(n) ?? 0, refusals) : null;
      if (refusals.length > 0 || !fulfilment) {
        throw new Conflict(`${refusals.length} of ${input.lines.length} line(s) cannot be accepted; nothing was ordered`, { lines: refusals }, 'order_refused');
      }
      for (const line of lines) {
        const w = work.get(line.sku);
        const plan = fulfilment.get(line.sku);
        const allocations = allocationsOf.get(line.id) ?? [];
        if (w && plan) {
          if (!w.sellAt(plan, line.id)) throw new InvariantViolation('stock vanished under the lock', { sku: line.sku });
          allocations.push(...plan);
        }
        if (allocations.length > 0) await addLineAllocations(tx.tx, allocations.map((a) => ({ lineId: line.id, ...a })));
      }
      // Under a priority policy a new line can head the queue, so free stock may be its now.
      for (const q of queued) q();
      await insertOrder(tx.tx, { id: orderId, customer, createdAt: now, payment });
      await insertLines(tx.tx, lines, now);
      // Settle now so the waiting lines have their promised dates for the confirmation.
      await this.inventory.settleIn(tx, work, locations);
      const order = await findOrder(tx.tx, orderId);
      if (!order) throw new InvariantViolation('order vanished inside its transaction', { orderId });
      await appendEvents(tx, [createdEvent(order)], now);
      return order;
    });
  }

  async get(id: string): Promise<Order> {
    const o = await findOrder(this.db.kysely, id);
    if (!o) throw new NotFound('Order', id, 'unknown_order');
    return o;
  }

  // ---- settle: allocation and promises, inside stock writes

  private async settle(ctx: TxContext, due: SkuStock[], _locations: ReadonlyMap<string, Location>): Promise<void> {
    const policy = await this.allocationPolicy(ctx.tx);
    const skus = due.map((w) => w.sku);
    const queues = await waitingLines(ctx.tx, skus);
    const inbound = await openInbound(ctx.tx, skus);
    const today = isoDate(this.clock.now());
    const now = this.clock.now().toISOString();
    const changed = new Map<string, OrderLine>();
    const events: NewEvent[] = [];
    const allocRows: Array<{ lineId: string; location: string; quantity: number }> = [];
    const emailsNeeded = new Set<string>();
    const pendingEvents: Array<{ line: OrderLine; make: (email: string) => NewEvent }> = [];

    for (const w of due) {
      const lines = queues.get(w.sku) ?? [];
      if (lines.length === 0) continue;
      const byId = new Map(lines.map((l) => [l.id, l]));
      let queue = queueOrder(lines.map(waitingOf), policy);

      // Hand free stock to the queue (not before an upcoming SKU's release: that stock is kept for release day).
      if (w.stockRose && w.product.status !== 'upcoming') {
        const plan = allocate(queue, w.free(policy.useSafetyStock));
        for (const a of plan) {
          const line = byId.get(a.lineId);
          if (!line) continue;
          const from = w.allocateToWaiting(a.quantity, line.preordered > 0 ? 'preordered' : 'backordered', line.id, policy.useSafetyStock);
          if (!from) break;
          allocRows.push(...from.map((f) => ({ lineId: line.id, ...f })));
          line.allocated += a.quantity;
          const remaining = line.backordered + line.preordered - line.allocated;
          const next = statusAfterAllocation(line.status, remaining);
          if (!next.ok) throw new Error(`line '${line.id}': ${next.reason}`);
          if (next.status !== line.status) line.promisedDate = today;
          line.status = next.status;
          changed.set(line.id, line);
          w.availabilityChanged();
          emailsNeeded.add(line.orderId);
          const qty = a.quantity;
          pendingEvents.push({
            line,
            make: (email) => ({
              type: 'order.line_allocated',
              sku: line.sku,
              payload: { orderId: line.orderId, lineId: line.id, sku: line.sku, email, quantity: qty, allocated: line.allocated, remaining, status: line.status, kind: line.preordered > 0 ? 'preorder' : 'backorder' },
            }),
          });
        }
        queue = queue.filter((q) => (byId.get(q.id)?.status ?? 'allocated') !== 'allocated').map((q) => waitingOf(byId.get(q.id) as OrderLine));
      }

      // Promise dates for everyone still waiting.
      const supply = (inbound.get(w.sku) ?? []).map((i) => ({ date: i.expectedDate, quantity: i.quantity - i.received }));
      // Units still free after allocation (behind a line that takes only full shipments, say) count first.
      const free = w.free(policy.useSafetyStock);
      const dates = promiseDates({ queue, free, inbound: supply, today, leadTimeDays: w.product.policy.leadTimeDays, releaseDate: w.product.policy.releaseDate });
      for (const q of queue) {
        const line = byId.get(q.id);
        if (!line) continue;
        const next = dates.lines.get(q.id) ?? null;
        const basis = dates.basis.get(q.id) ?? null;
        if (basis !== line.promiseBasis) {
          line.promiseBasis = basis;
          changed.set(line.id, line);
        }
        if (next === line.promisedDate) continue;
        const old = line.promisedDate;
        line.promisedDate = next;
        changed.set(line.id, line);
        w.availabilityChanged();
        if (old === null) continue; // a first promise, not a change
        const later = next === null || next > old;
        emailsNeeded.add(line.orderId);
        pendingEvents.push({
          line,
          make: (email) => ({
            type: later ? 'order.line_delayed' : 'order.line_expedited',
            sku: line.sku,
            payload: { orderId: line.orderId, lineId: line.id, sku: line.sku, email, oldDate: old, newDate: next, waiting: line.backordered + line.preordered - line.allocated },
          }),
        });
      }
    }

    if (changed.size > 0) await saveLines(ctx.tx, [...changed.values()], now);
    if (allocRows.length > 0) await addLineAllocations(ctx.tx, allocRows);
    const emails = emailsNeeded.size > 0 ? await orderEmails(ctx.tx, [...emailsNeeded]) : new Map<string, string>();
    for (const p of pendingEvents) events.push(p.make(emails.get(p.line.orderId) ?? ''));
    await appendEvents(ctx, events, now);
  }

  // ---- availability extras

  /**
   * What a new line of each SKU would be promised, and its next inbound date. Inventory hands over the
   * products, free units and waiting demand it already read, so the only read here is open inbound.
   */
  private async extras(q: Q | Tx, stock: readonly StockSnapshot[]): Promise<Map<string, SkuExtras>> {
    const out = new Map<string, SkuExtras>();
    // Levels carry the units still expected (setInbound): with none, there is no open inbound to read.
    const withSupply = stock.filter((s) => s.inbound > 0).map((s) => s.product.sku);
    const inbound = withSupply.length > 0 ? await openInbound(q, withSupply) : new Map<string, Inbound[]>();
    const today = isoDate(this.clock.now());
    for (const { product: p, free, waiting } of stock) {
      const supply = (inbound.get(p.sku) ?? []).map((i) => ({ date: i.expectedDate, quantity: i.quantity - i.received }));
      // The next unit queues behind everything waiting: only the total matters for its date.
      const queue: WaitingLine[] = [{ id: '', orderId: '', kind: 'backorder', waiting: waiting.backordered + waiting.preordered, tier: null, seq: 0, allowPartial: true, promisedDate: null, promiseBasis: null }];
      const next = promiseDates({ queue, free, inbound: supply, today, leadTimeDays: p.policy.leadTimeDays, releaseDate: p.status === 'upcoming' ? p.policy.releaseDate : null }).next;
      out.set(p.sku, { nextInboundDate: supply.find((s) => s.quantity > 0)?.date ?? null, newLinePromisedDate: next });
    }
    return out;
  }

  // ---- cancellation

  /** `onlyWaiting`: only a line still waiting with nothing handed over yet (what a shopper may cancel). */
  async cancelLine(orderId: string, lineId: string, opts: { onlyWaiting?: boolean } = {}): Promise<Order> {
    const first = await findLine(this.db.kysely, lineId);
    if (!first || first.orderId !== orderId) throw new NotFound('Order line', `${orderId}/${lineId}`, 'unknown_order_line');
    await this.inventory.change([first.sku], async (work, _locations, ctx) => {
      const line = await findLine(ctx.tx, lineId);
      const w = work.get(first.sku);
      if (!line || !w) throw new NotFound('Order line', lineId, 'unknown_order_line');
      if (opts.onlyWaiting && line.status !== 'cancelled' && (!['backordered', 'preordered'].includes(line.status) || line.allocated > 0)) {
        throw new Conflict(`line '${lineId}' is ${line.status === 'confirmed' || line.status === 'allocated' || line.allocated > 0 ? 'being fulfilled from stock' : line.status}; only a line still waiting for stock can be cancelled from the order link — ask the shop`, { lineId }, 'invalid_line_transition');
      }
      await this.cancelLineIn(ctx, w, line);
    });
    return this.get(orderId);
  }

  /** Cancels one line inside a stock write of its SKU: what it holds goes back, its queue place to the next. */
  private async cancelLineIn(ctx: TxContext, w: SkuStock, line: OrderLine): Promise<void> {
    const lineId = line.id;
    const orderId = line.orderId;
    const to = transition(line.status, 'cancelled');
    if (!to.ok) throw new Conflict(to.code === 'line_cancelled' ? `line '${lineId}' is already cancelled` : `line '${lineId}': ${to.reason}`, { lineId }, to.code);
    // Units sold to this line go back to stock; settle hands them to the next in line.
    for (const a of await lineAllocations(ctx.tx, lineId)) w.returnSold(a.location, a.quantity, 'order line cancelled', lineId);
    await clearLineAllocations(ctx.tx, lineId);
    const now = this.clock.now().toISOString();
    const waitingBefore = line.backordered + line.preordered - line.allocated;
    const kind: keyof WaitingDemand = line.preordered > 0 ? 'preordered' : 'backordered';
    line.status = to.status;
    await saveLines(ctx.tx, [line], now);
    // Even a line that held nothing may have been the full-shipment line blocking free stock.
    w.queueChanged({ [kind]: -waitingBefore });
    const email = (await orderEmails(ctx.tx, [orderId])).get(orderId) ?? '';
    await appendEvents(ctx, [{ type: 'order.line_cancelled', sku: line.sku, payload: { orderId, lineId, sku: line.sku, email, quantity: line.quantity, wasWaiting: waitingBefore } }], now);
  }

  // ---- inbound

  async createInbound(input: { sku: string; location: string; quantity: number; expectedDate: string; reference?: string | undefined }): Promise<Inbound> {
    if (!isCalendarDate(input.expectedDate)) throw new Invalid(`expectedDate must be a calendar date YYYY-MM-DD, got '${input.expectedDate}'`, { field: 'expectedDate' }, 'invalid_date');
    await this.catalog.get(input.sku);
    if (!(await this.inventory.locations.map()).has(input.location)) throw new NotFound('Location', input.location, 'unknown_location');
    const inbound: Inbound = {
      id: newId('inb'),
      sku: input.sku,
      location: input.location,
      quantity: input.quantity,
      received: 0,
      expectedDate: input.expectedDate,
      reference: input.reference ?? null,
      status: 'open',
      createdAt: this.clock.now().toISOString(),
    };
    await this.inventory.change([input.sku], async (work, _locations, ctx) => {
      await saveInbound(ctx.tx, inbound, inbound.createdAt);
      await this.syncInboundLevel(ctx, work, input.sku, input.location);
    });
    return inbound;
  }

  async updateInbound(id: string, patch: { expectedDate?: string | undefined; quantity?: number | undefined; status?: 'cancelled' | undefined }): Promise<Inbound> {
    if (patch.expectedDate !== undefined && !isCalendarDate(patch.expectedDate)) {
      throw new Invalid(`expectedDate must be a calendar date YYYY-MM-DD, got '${patch.expectedDate}'`, { field: 'expectedDate' }, 'invalid_date');
    }
    const first = await findInbound(this.db.kysely, id);
    if (!first) throw new NotFound('Inbound', id, 'unknown_inbound');
    return this.inventory.change([first.sku], async (work, _locations, ctx) => {
      const i = await findInbound(ctx.tx, id);
      if (!i) throw new NotFound('Inbound', id, 'unknown_inbound');
      if (i.status !== 'open') throw new Conflict(`inbound '${id}' is ${i.status}; only open inbound can change`, { id, status: i.status }, i.status === 'received' ? 'inbound_received' : 'inbound_cancelled');
      if (patch.quantity !== undefined && patch.quantity < i.received) {
        throw new Conflict(`${i.received} units of inbound '${id}' were already received; quantity cannot go below that`, { received: i.received }, 'below_received');
      }
      if (patch.expectedDate !== undefined) i.expectedDate = patch.expectedDate;
      if (patch.quantity !== undefined) i.quantity = patch.quantity;
      if (patch.status === 'cancelled') i.status = 'cancelled';
      else if (i.received >= i.quantity) i.status = 'received';
      await saveInbound(ctx.tx, i, this.clock.now().toISOString());
      await this.syncInboundLevel(ctx, work, i.sku, i.location);
      return i;
    });
  }

  async receiveInbound(id: string, quantity?: number): Promise<Inbound> {
    const first = await findInbound(this.db.kysely, id);
    if (!first) throw new NotFound('Inbound', id, 'unknown_inbound');
    return this.inventory.change([first.sku], async (work, _locations, ctx) => {
      const i = await findInbound(ctx.tx, id);
      const w = work.get(first.sku);
      if (!i || !w) throw new NotFound('Inbound', id, 'unknown_inbound');
      if (i.status !== 'open') throw new Conflict(`inbound '${id}' is ${i.status}`, { id, status: i.status }, i.status === 'received' ? 'inbound_received' : 'inbound_cancelled');
      const remaining = i.quantity - i.received;
      const q = quantity ?? remaining;
      if (q > remaining) throw new Conflict(`inbound '${id}' expects ${remaining} more units; ${q} cannot be received against it`, { expected: remaining, quantity: q }, 'over_receipt');
      w.receive(i.location, q, 'inbound receipt', i.reference ? `${i.id}:${i.reference}` : i.id);
      i.received += q;
      if (i.received >= i.quantity) i.status = 'received';
      await saveInbound(ctx.tx, i, this.clock.now().toISOString());
      await this.syncInboundLevel(ctx, work, i.sku, i.location);
      return i;
    });
  }

  // ---- inbound inside a caller's transaction (purchase-order lines own one inbound each, kept in step)

  /** createInbound inside an open transaction (another module's use case: a purchase-order line's supply). */
  async createInboundIn(ctx: TxContext, input: { sku: string; location: string; quantity: number; expectedDate: string; reference?: string | undefined }): Promise<Inbound> {
    if (!isCalendarDate(input.expectedDate)) throw new Invalid(`expectedDate must be a calendar date YYYY-MM-DD, got '${input.expectedDate}'`, { field: 'expectedDate' }, 'invalid_date');
    if (!(await this.catalog.getManyIn(ctx.tx, [input.sku])).has(input.sku)) throw new NotFound('Product', input.sku, 'unknown_sku');
    if (!(await this.inventory.locations.map(ctx.tx)).has(input.location)) throw new NotFound('Location', input.location, 'unknown_location');
    const now = this.clock.now().toISOString();
    const inbound: Inbound = { id: newId('inb'), sku: input.sku, location: input.location, quantity: input.quantity, received: 0, expectedDate: input.expectedDate, reference: input.reference ?? null, status: 'open', createdAt: now };
    await this.inventory.change([input.sku], async (work, _locations, c) => {
      await saveInbound(c.tx, inbound, now);
      await this.syncInboundLevel(c, work, input.sku, input.location);
    }, ctx);
    return inbound;
  }

  /** updateInbound inside an open transaction; an inbound no longer open is returned as it is. */
  async updateInboundIn(ctx: TxContext, id: string, patch: { expectedDate?: string | undefined; quantity?: number | undefined; status?: 'cancelled' | undefined }): Promise<Inbound> {
    const first = await findInbound(ctx.tx, id);
    if (!first) throw new NotFound('Inbound', id, 'unknown_inbound');
    if (first.status !== 'open') return first;
    return this.inventory.change([first.sku], async (work, _locations, c) => {
      const i = await findInbound(c.tx, id);
      if (!i) throw new NotFound('Inbound', id, 'unknown_inbound');
      if (patch.quantity !== undefined && patch.quantity < i.received) {
        throw new Conflict(`${i.received} units of inbound '${id}' were already received; quantity cannot go below that`, { received: i.received }, 'below_received');
      }
      if (patch.expectedDate !== undefined) i.expectedDate = patch.expectedDate;
      if (patch.quantity !== undefined) i.quantity = patch.quantity;
      if (patch.status === 'cancelled') i.status = 'cancelled';
      else if (i.received >= i.quantity) i.status = 'received';
      await saveInbound(c.tx, i, this.clock.now().toISOString());
      await this.syncInboundLevel(c, work, i.sku, i.location);
      return i;
    }, ctx);
  }

  /**
   * Receives units against an inbound inside an open transaction, through the ledger. More than it expects
   * (an over-receipt) raises its quantity to what arrived: the extra units go into stock too. `complete` closes
   * it at what has arrived (an under-receipt: the rest is not coming).
   */
  async receiveInboundIn(ctx: TxContext, id: string, quantity: number, opts: { complete?: boolean } = {}): Promise<Inbound> {
    const first = await findInbound(ctx.tx, id);
    if (!first) throw new NotFound('Inbound', id, 'unknown_inbound');
    return this.inventory.change([first.sku], async (work, _locations, c) => {
      const i = await findInbound(c.tx, id);
      const w = work.get(first.sku);
      if (!i || !w) throw new NotFound('Inbound', id, 'unknown_inbound');
      if (i.status === 'cancelled') throw new Conflict(`inbound '${id}' is cancelled`, { id, status: i.status }, 'inbound_cancelled');
      if (quantity > 0) w.receive(i.location, quantity, 'inbound receipt', i.reference ? `${i.id}:${i.reference}` : i.id);
      i.received += quantity;
      if (i.received > i.quantity || opts.complete) i.quantity = i.received;
      if (i.received >= i.quantity) i.status = 'received';
      await saveInbound(c.tx, i, this.clock.now().toISOString());
      await this.syncInboundLevel(c, work, i.sku, i.location);
      return i;
    }, ctx);
  }

  async listInbound(sku?: string, status?: Inbound['status']): Promise<Inbound[]> {
    return listInbound(this.db.kysely, sku, status);
  }

  /**
   * A page of inbound by expected date and how many match; `late` keeps open inbound whose expected date is
   * before today (by the service's clock, UTC).
   */
  async inboundPage(query: { sku?: string | undefined; status?: Inbound['status'] | undefined; late?: boolean | undefined; limit: number; offset: number }): Promise<{ items: Inbound[]; total: number }> {
    return pageInbound(this.db.kysely, { ...query, expectedBefore: query.late ? isoDate(this.clock.now()) : undefined });
  }

  private async syncInboundLevel(ctx: TxContext, work: ReadonlyMap<string, SkuStock>, sku: string, location: string): Promise<void> {
    const w = work.get(sku);
    if (!w) throw new NotFound('Product', sku, 'unknown_sku');
    const open = (await openInbound(ctx.tx, [sku])).get(sku) ?? [];
    w.setInbound(location, open.filter((i) => i.location === location).reduce((s, i) => s + i.quantity - i.received, 0));
    w.promisesChanged();
  }

  // ---- pre-order release

  /** Turns upcoming SKUs whose release date has come active, and their pre-orders into allocations. */
  async releaseDue(): Promise<string[]> {
    const today = isoDate(this.clock.now());
    const released: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.catalog.list({ status: 'upcoming', after, limit: 500 });
      for (const p of page) {
        if (!p.policy.releaseDate || p.policy.releaseDate > today) continue;
        await this.db.transaction(async (ctx) => {
          const fresh = (await this.catalog.getManyIn(ctx.tx, [p.sku])).get(p.sku);
          if (!fresh || fresh.status !== 'upcoming') return;
          await this.catalog.upsertManyIn(ctx, [{ ...fresh, status: 'active' }]);
          // Release day: the stock kept for the pre-orders is theirs now.
          await this.inventory.change([p.sku], (work) => work.get(p.sku)?.queueChanged(), ctx);
          const waiting = ((await waitingLines(ctx.tx, [p.sku])).get(p.sku) ?? []).filter((l) => l.preordered > 0);
          const contacts = await orderContacts(ctx.tx, waiting.map((l) => l.orderId));
          const lines = waiting.map((l) => ({ orderId: l.orderId, lineId: l.id, email: contacts.get(l.orderId)?.email ?? '', locale: contacts.get(l.orderId)?.locale ?? null, quantity: l.quantity, allocated: l.allocated, promisedDate: l.promisedDate }));
          await appendEvents(ctx, [{ type: 'order.preorder_released', sku: p.sku, payload: { sku: p.sku, releaseDate: fresh.policy.releaseDate, lines } }], this.clock.now().toISOString());
          released.push(p.sku);
        });
      }
      if (page.length < 500) break;
      after = page.at(-1)?.sku;
    }
    return released;
  }

  // ---- queue views

  async queue(kind: WaitingKind, sku?: string): Promise<{ items: QueueItem[]; totals: Record<string, { lines: number; units: number }> }> {
    if (sku) await this.catalog.get(sku);
    const policy = await this.allocationPolicy();
    let skus: string[];
    if (sku) skus = [sku];
    else {
      skus = await skusWithWaitingLines(this.db.kysely, 1000);
    }
    const queues = await waitingLines(this.db.kysely, skus);
    const items: QueueItem[] = [];
    const totals: Record<string, { lines: number; units: number }> = {};
    for (const s of skus) {
      const lines = queues.get(s) ?? [];
      const byId = new Map(lines.map((l) => [l.id, l]));
      const ordered: WaitingLine[] = queueOrder(lines.map(waitingOf), policy);
      let position = 0;
      for (const w of ordered) {
        position++;
        if (w.kind !== kind) continue;
        const l = byId.get(w.id);
        if (!l) continue;
        items.push({ orderId: l.orderId, lineId: l.id, sku: s, position, quantity: w.waiting, promisedDate: l.promisedDate, kind: w.kind, tier: l.tier, createdAt: l.createdAt });
        const t = (totals[s] ??= { lines: 0, units: 0 });
        t.lines++;
        t.units += w.waiting;
      }
    }
    return { items, totals };
  }
}

/** The confirmation's event: one per placed order, in the transaction that placed it. */
function createdEvent(order: Order): NewEvent {
  return {
    type: 'order.created',
    sku: null,
    payload: {
      orderId: order.id,
      email: order.customer.email,
      locale: order.customer.locale,
      customerId: order.customer.id,
      lines: order.lines.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity, fromStock: l.fromStock, backordered: l.backordered, preordered: l.preordered, promisedDate: l.promisedDate, status: l.status })),
    },
  };
}

function linkView(o: Order): OrderLinkView {
  // Masked: a link travels in emails that get forwarded and sits in browser storage; the shopper recognises their
  // address, whoever else holds the link does not learn it.
  return { id: o.id, email: maskEmail(o.customer.email), locale: o.customer.locale, lines: o.lines, createdAt: o.createdAt, payment: o.payment };
}
