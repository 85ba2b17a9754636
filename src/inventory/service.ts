/**
 * Inventory use cases: locations, stock feeds, adjustments, receipts, transfers, shipments, safety stock,
 * reservations (reserve, commit, release, expire) and availability reads. Every stock change goes through the
 * StockWriter, so ledger, levels, availability and events move together in one transaction.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { Conflict, InsufficientStock, Invalid, NotFound, RestockError, invalidField } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { CatalogService } from '../catalog/service.ts';
import { AvailabilityCache } from './availability-cache.ts';
import { appendInBulk, type BulkResult, type DatedMovement } from './bulk.ts';
import { movementPages, skusWithMovements, type StockMovement } from './history.ts';
import { LocationDirectory, LOCATIONS_CHANNEL } from './locations.ts';
import type {
  Availability,
  FeedLine,
  FeedLineResult,
  LedgerEntry,
  Level,
  Location,
  Reservation,
  ReservationClient,
  ReserveRequest,
  ReserveResult,
} from './model.ts';
import { computeAvailability, NO_DEMAND, planReservation, sellable, type InWriteStage } from './policy.ts';
import { feedLineProblem } from './feed-policy.ts';
import { chooseFulfilment, type FulfilmentPlan } from './fulfilment-policy.ts';
import { ReservationBatcher } from './reservation-batcher.ts';
import { INVENTORY_CHANNEL, noExtras, SkuWork, StockWriter, type AvailabilityExtras, type SettleHook, type SkuStock } from './stock-writer.ts';

export type { AvailabilityExtras, SettleHook, SkuExtras, SkuStock, StockSnapshot } from './stock-writer.ts';
export type { WaitingDemand } from './policy.ts';
export type { StockMovement } from './history.ts';
export type { LedgerFilter, StockTotals } from './store.ts';
/** The availability statuses, for other modules' schemas and filters (values come through the service). */
export { AVAILABILITY_STATUSES, MOVEMENT_TYPES } from './model.ts';
import {
  claimFeedKeys,
  clientReservationTimes,
  feedKeyOwners,
  locationExists,
  findExpiredIds,
  findReservations,
  insertReservations,
  loadLevels,
  readLedger,
  readLedgerFiltered,
  countLedger,
  stockTotals,
  type LedgerFilter,
  type StockTotals,
  readSkuStates,
  replayLedger,
  setReservationStatus,
  skusWithExpired,
  upsertLocation,
} from './store.ts';

/** How long a reservation holds stock unless the request says otherwise: the one default (the demo shop sets none). */

export const DEFAULT_TTL_SECONDS = 15 * 60;
export const MAX_TTL_SECONDS = 7 * 24 * 3600;

export class InventoryService {
  readonly cache = new AvailabilityCache();
  readonly locations: LocationDirectory;
  private readonly writer: StockWriter;
  private readonly batcher: ReservationBatcher;
  private extras: AvailabilityExtras = noExtras;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    opts: { maxBatch?: number; parallelBatches?: number } = {},
  ) {
    this.locations = new LocationDirectory(db);
    this.writer = new StockWriter(db, clock, catalog, this.locations, this.cache);
    // One lane per SKU: a second batch on the same hot SKU would only wait on the first one's lock (measured),
    // halving batches. Different SKUs commit side by side on PostgreSQL's connections; SQLite has one writer.
    this.batcher = new ReservationBatcher((reqs) => this.reserveBatch(reqs), opts.maxBatch ?? 256, opts.parallelBatches ?? (db.isPostgres ? 4 : 1));
    // A product write can change availability (status, policy): recompute it in the same transaction.
    catalog.onProductsWritten((ctx, skus) => this.writer.write(ctx, skus, () => undefined, { forceRecompute: true, productsWritten: true }));
  }

  async start(): Promise<void> {
    await this.locations.start();
    await this.db.subscribe(INVENTORY_CHANNEL, (payload) => this.cache.invalidate(payload === '*' ? '*' : payload.split(',')));
  }

  /** Lets the orders module add open inbound and waiting demand to availability. */
  setAvailabilityExtras(extras: AvailabilityExtras): void {
    this.extras = extras;
    this.writer.setExtras(extras);
  }

  /**
   * Lets another module react to a stock rise inside stock writes at its stage (the orders module serves
   * waiting orders at `waiting_orders`); STOCK_RISE_REACTIONS in policy.ts says the order and why.
   */
  onStockRise(stage: InWriteStage, hook: SettleHook): void {
    this.writer.onStockRise(stage, hook);
  }

  /**
   * A stock write for another module: `decide` gets the locked SKUs' stock through the narrow `SkuStock` view,
   * moves it through that view, and says what changed. Inside an open transaction pass its context.
   */
  async change<T>(skus: readonly string[], decide: (work: ReadonlyMap<string, SkuStock>, locations: ReadonlyMap<string, Location>, ctx: TxContext) => T | Promise<T>, ctx?: TxContext): Promise<T> {
    if (ctx) return this.writer.write(ctx, skus, decide);
    return this.db.transaction((c) => this.writer.write(c, skus, decide));
  }

  /**
   * The bulk mode of the stock write path (bulk.ts): appends a dated history of movements to the ledger and
   * derives levels and availability from it, all in one transaction. For loading history, not for live writes.
   */
  async appendHistory(movements: readonly DatedMovement[], opts: { onWritten?: (rows: number) => void } = {}): Promise<BulkResult> {
    const deps = { db: this.db, clock: this.clock, catalog: this.catalog, locations: this.locations, writer: this.writer };
    return this.db.transaction((ctx) => appendInBulk(ctx, deps, movements, opts.onWritten));
  }

  /** Runs the settle step now, mid-decision (order intake wants the promised dates it just caused). */
  /**
   * Inside a stock write: where the from-stock units of an order's lines come from (fulfilment-policy.ts: the
   * customer's region first, then location priority; one location for the whole order when one can fill it;
   * a line split across locations only when the order allows). Decides only; `SkuStock.sellAt` moves.
   */
  planFulfilmentIn(
    work: ReadonlyMap<string, SkuStock>,
    locations: ReadonlyMap<string, Location>,
    lines: ReadonlyArray<{ sku: string; quantity: number }>,
    opts: { region?: string | null | undefined; allowSplit?: boolean | undefined } = {},
  ): FulfilmentPlan {
    const available = new Map<string, Map<string, number>>();
    for (const l of lines) {
      const w = work.get(l.sku);
      if (w) available.set(l.sku, new Map(asWork(w).forSale().map((lv) => [lv.location, sellable(lv)])));
    }
    return chooseFulfilment({
      lines,
      customerRegion: opts.region ?? null,
      allowSplit: opts.allowSplit ?? true,
      locations: [...locations.values()].map((loc) => ({ code: loc.code, regions: [loc.region], priority: loc.priority, active: true })),
      available,
    });
  }

  async settleIn(ctx: TxContext, work: ReadonlyMap<string, SkuStock>, locations: ReadonlyMap<string, Location>): Promise<void> {
    await this.writer.settle(ctx, new Map([...work].map(([k, v]) => [k, asWork(v)])), locations);
  }

  /**
   * Inside a stock write of the reservation's SKU: turns an active, unexpired reservation into a sale for an
   * order line. Returns why not otherwise; moves nothing then.
   */
  async takeReservationIn(ctx: TxContext, stock: SkuStock, id: string, reference: string): Promise<{ ok: true; quantity: number; lines: Array<{ location: string; quantity: number }> } | { ok: false; code: string; reason: string }> {
    const w = asWork(stock);
    const r = (await findReservations(ctx.tx, [id])).get(id);
    if (!r) return { ok: false, code: 'unknown_reservation', reason: `reservation '${id}' does not exist` };
    if (r.sku !== w.sku) return { ok: false, code: 'reservation_mismatch', reason: `reservation '${id}' is for '${r.sku}', not '${w.sku}'` };
    const nowIso = this.clock.now().toISOString();
    if (r.status !== 'active' || r.expiresAt <= nowIso) {
      const status = r.status === 'active' ? 'expired' : r.status;
      const code = status === 'committed' ? 'reservation_committed' : status === 'released' ? 'reservation_released' : 'reservation_expired';
      return { ok: false, code, reason: `reservation '${id}' is ${status}` };
    }
    for (const l of r.lines) w.move(l.location, 'commit', l.quantity, { reserved: -l.quantity, committed: l.quantity }, 'sale', reference);
    await setReservationStatus(ctx.tx, [id], 'committed', nowIso);
    return { ok: true, quantity: r.quantity, lines: r.lines };
  }

  /**
   * Inside a stock write: reserves units for someone (a waitlist hold) the way a checkout would, by location
   * priority, from what a new sale may take (never units a waiting order is owed). Returns null, moving
   * nothing, when the stock is not there.
   */
  async holdIn(ctx: TxContext, stock: SkuStock, locations: ReadonlyMap<string, Location>, quantity: number, ttlSeconds: number, reference: string): Promise<Reservation | null> {
    const w = asWork(stock);
    const plan = planReservation(w.forSale(), locations, quantity);
    if (!plan) return null;
    const now = this.clock.now();
    const r: Reservation = { id: newId('res'), sku: w.sku, quantity, status: 'active', reference, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(), createdAt: now.toISOString(), lines: plan };
    for (const p of plan) w.move(p.location, 'reservation', p.quantity, { reserved: p.quantity }, 'waitlist hold', r.id);
    await insertReservations(ctx, [r], now.toISOString());
    return r;
  }

  // ---- locations

  async upsertLocation(l: Location): Promise<{ location: Location; created: boolean }> {
    return this.db.transaction(async (ctx) => {
      const existed = await locationExists(ctx.tx, l.code);
      await upsertLocation(ctx.tx, l, this.clock.now().toISOString());
      await ctx.notify(LOCATIONS_CHANNEL, l.code);
      ctx.afterCommit(() => this.locations.invalidate());
      return { location: l, created: !existed };
    });
  }

  async listLocations(): Promise<Location[]> {
    return [...(await this.locations.map()).values()];
  }

  // ---- feeds and manual movements

  /**
   * Applies a batch of absolute counts or deltas. A line whose idempotency key was seen before changes nothing.
   * The batch is checked whole first: one bad line rejects it and nothing is written.
   */
  async applyFeed(lines: FeedLine[], source: string): Promise<FeedLineResult[]> {
    const keys = new Set<string>();
    const errors: Array<{ line: number; reason: string }> = [];
    lines.forEach((l, i) => {
      const problem = feedLineProblem(l);
      if (problem !== null) errors.push({ line: i, reason: problem });
      if (keys.has(l.idempotencyKey)) errors.push({ line: i, reason: `idempotencyKey '${l.idempotencyKey}' repeats within the batch` });
      keys.add(l.idempotencyKey);
    });
    await this.checkRefs(lines, errors);
    if (errors.length > 0) throw new Invalid(`${errors.length} feed line(s) are invalid; nothing was applied`, { lines: errors }, 'invalid_feed');

    return this.db.transaction(async (ctx) => {
      const now = this.clock.now().toISOString();
      const fresh = await claimFeedKeys(ctx.tx, lines, now);
      const repeats = lines.filter((l) => !fresh.has(l.idempotencyKey));
      for (let i = 0; i < repeats.length; i += 500) {
        const chunk = repeats.slice(i, i + 500);
        const byKey = await feedKeyOwners(ctx.tx, chunk.map((l) => l.idempotencyKey));
        const clash = chunk.filter((l) => {
          const r = byKey.get(l.idempotencyKey);
          return r && (r.sku !== l.sku || r.location !== l.location);
        });
        if (clash.length > 0) {
          throw new Conflict(`${clash.length} idempotency key(s) were used before for another SKU or location; nothing was applied`, { keys: clash.map((l) => l.idempotencyKey) }, 'feed_key_reused');
        }
      }
      return this.writer.write(ctx, lines.map((l) => l.sku), (work) => {
        const bad: Array<{ line: number; reason: string }> = [];
        const out = lines.map((l, i): FeedLineResult => {
          const w = work.get(l.sku);
          if (!w) throw new NotFound('Product', l.sku, 'unknown_sku');
          if (fresh.has(l.idempotencyKey)) {
            const level = w.level(l.location);
            const reference = `feed:${source}:${l.idempotencyKey}`;
            if (l.onHand !== undefined) {
              w.move(l.location, 'count', l.onHand, { onHand: l.onHand - level.onHand }, l.reason ?? 'feed count', reference);
            } else if (level.onHand + l.delta < 0) {
              bad.push({ line: i, reason: `delta ${l.delta} would take on hand of '${l.sku}' at '${l.location}' below zero (on hand ${level.onHand})` });
            } else if (l.delta !== 0) {
              w.move(l.location, 'adjustment', Math.abs(l.delta), { onHand: l.delta }, l.reason ?? 'feed delta', reference);
            }
          }
          return { idempotencyKey: l.idempotencyKey, sku: l.sku, location: l.location, status: fresh.has(l.idempotencyKey) ? 'applied' : 'duplicate', onHand: w.level(l.location).onHand };
        });
        if (bad.length > 0) throw new Invalid(`${bad.length} feed line(s) are invalid; nothing was applied`, { lines: bad }, 'invalid_feed');
        return out;
      });
    });
  }

  private async checkRefs(lines: Array<{ sku: string; location: string }>, errors: Array<{ line: number; reason: string }>): Promise<void> {
    const locations = await this.locations.map();
    const products = await this.catalog.getMany([...new Set(lines.map((l) => l.sku))]);
    lines.forEach((l, i) => {
      if (!products.has(l.sku)) errors.push({ line: i, reason: `unknown sku '${l.sku}'` });
      if (!locations.has(l.location)) errors.push({ line: i, reason: `unknown location '${l.location}'` });
    });
  }

  private async oneSku<T>(sku: string, location: string | null, fn: (w: SkuWork, locations: ReadonlyMap<string, Location>) => T): Promise<T> {
    if (location !== null && !(await this.locations.map()).has(location)) throw new NotFound('Location', location, 'unknown_location');
    return this.db.transaction((ctx) =>
      this.writer.write(ctx, [sku], (work, locations) => {
        const w = work.get(sku);
        if (!w) throw new NotFound('Product', sku, 'unknown_sku');
        return fn(w, locations);
      }),
    );
  }

  async adjust(sku: string, location: string, delta: number, reason: string, reference: string | null = null): Promise<Level> {
    return this.oneSku(sku, location, (w) => {
      const l = w.level(location);
      if (l.onHand + delta < 0) throw new Conflict(`on hand of '${sku}' at '${location}' is ${l.onHand}; cannot adjust by ${delta}`, { sku, location, onHand: l.onHand, reserved: l.reserved, committed: l.committed }, 'negative_stock');
      w.move(location, 'adjustment', Math.abs(delta), { onHand: delta }, reason, reference);
      return { ...l };
    });
  }

  async receive(sku: string, location: string, quantity: number, reference: string | null = null): Promise<Level> {
    return this.oneSku(sku, location, (w) => {
      w.move(location, 'receipt', quantity, { onHand: quantity }, 'receipt', reference);
      return { ...w.level(location) };
    });
  }

  async count(sku: string, location: string, counted: number, reference: string | null = null): Promise<Level> {
    return this.oneSku(sku, location, (w) => {
      w.move(location, 'count', counted, { onHand: counted - w.level(location).onHand }, 'count', reference);
      return { ...w.level(location) };
    });
  }

  /** Moves sellable units between locations; units reserved or sold stay where they are. */
  async transfer(sku: string, from: string, to: string, quantity: number, reference: string | null = null): Promise<Level[]> {
    if (from === to) throw invalidField('to', 'from and to must be different locations');
    if (!(await this.locations.map()).has(to)) throw new NotFound('Location', to, 'unknown_location');
    return this.oneSku(sku, from, (w) => {
      const src = w.level(from);
      const free = Math.max(0, src.onHand - src.reserved - src.committed);
      if (free < quantity) throw new InsufficientStock(sku, quantity, free);
      w.move(from, 'transfer', quantity, { onHand: -quantity }, `transfer to ${to}`, reference);
      w.move(to, 'transfer', quantity, { onHand: quantity }, `transfer from ${from}`, reference);
      return [{ ...w.level(from) }, { ...w.level(to) }];
    });
  }

  /** Ships sold (committed) units: they leave on hand and committed together. */
  async ship(sku: string, location: string, quantity: number, reference: string | null = null): Promise<Level> {
    return this.oneSku(sku, location, (w) => {
      const l = w.level(location);
      if (l.committed < quantity) throw new Conflict(`only ${l.committed} sold units of '${sku}' wait to ship at '${location}'`, { committed: l.committed, quantity }, 'nothing_to_ship');
      if (l.onHand < quantity) throw new Conflict(`only ${l.onHand} units of '${sku}' are on hand at '${location}'; count or receive stock before shipping`, { onHand: l.onHand, quantity }, 'insufficient_on_hand');
      w.move(location, 'shipment', quantity, { onHand: -quantity, committed: -quantity }, 'shipment', reference);
      return { ...l };
    });
  }

  async setSafetyStock(sku: string, location: string, safetyStock: number): Promise<Level> {
    return this.oneSku(sku, location, (w) => {
      w.setLevelField(location, 'safetyStock', safetyStock);
      return { ...w.level(location) };
    });
  }

  // ---- reservations

  reserve(req: ReserveRequest): Promise<ReserveResult> {
    return this.batcher.submit(req);
  }

  /** Reserve, turning expected failures into the API's errors. */
  async reserveOrThrow(req: ReserveRequest): Promise<Reservation> {
    const r = await this.reserve(req);
    if (r.ok) return r.reservation;
    if (r.reason === 'insufficient_stock') throw new InsufficientStock(req.sku, req.quantity, r.available);
    if (r.reason === 'rate_limited') {
      throw new RestockError('rate_limited', `this client made ${r.limit} reservations of '${req.sku}' in ${r.windowSeconds} s, the most a publishable key may; retry in ${r.retryAfterSeconds} s`, { retryAfterSeconds: r.retryAfterSeconds, limit: r.limit, windowSeconds: r.windowSeconds });
    }
    if (r.reason === 'unknown_sku') throw new NotFound('Product', req.sku, 'unknown_sku');
    if (r.reason === 'unknown_location') throw new NotFound('Location', req.location ?? '', 'unknown_location');
    throw new Conflict(r.message, { sku: req.sku }, 'not_sellable');
  }

  private async reserveBatch(reqs: ReserveRequest[]): Promise<ReserveResult[]> {
    const locationMap = await this.locations.map();
    return this.db.transaction(async (ctx) => {
      const now = this.clock.now();
      const nowIso = now.toISOString();
      const skus = [...new Set(reqs.map((r) => r.sku))];
      const created: Reservation[] = [];
      const expiredIds: string[] = [];
      const checkedExpiry = new Set<string>();
      const madeInBatch = new Map<string, string[]>();
      const clients = new Map<string, { key: string; address: string }>();
      const results = await this.writer.write(ctx, skus, async (work, locations) => {
        // Expired holds are given back when a request would otherwise come up short (the sweeper gets the rest),
        // and to waiting orders before any new cart; this keeps the common path free of the lookup.
        const reclaim = async (sku: string, w: SkuWork): Promise<void> => {
          checkedExpiry.add(sku);
          const expired = await findReservations(ctx.tx, await findExpiredIds(ctx.tx, [sku], nowIso));
          if (expired.size === 0) return;
          for (const r of expired.values()) {
            if (r.status !== 'active') continue;
            for (const l of r.lines) w.move(l.location, 'release', l.quantity, { reserved: -l.quantity }, 'expired', r.id);
            expiredIds.push(r.id);
          }
          await this.writer.settle(ctx, work, locations);
        };
        // A publishable key's window: what the database holds (every process's reservations, read under the SKU
        // lock) plus what this batch made for the same client.
        const windowFull = async (sku: string, c: ReservationClient): Promise<ReserveResult | null> => {
          const k = `${sku}\u0000${c.key}\u0000${c.address}`;
          const since = new Date(now.getTime() - c.windowSeconds * 1000).toISOString();
          const times = [...(madeInBatch.get(k) ?? []), ...(await clientReservationTimes(ctx.tx, sku, c.key, c.address, since, c.limit))];
          const oldestCounted = times[c.limit - 1];
          if (oldestCounted === undefined) {
            madeInBatch.set(k, [nowIso, ...(madeInBatch.get(k) ?? [])]);
            return null;
          }
          const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(oldestCounted) + c.windowSeconds * 1000 - now.getTime()) / 1000));
          return { ok: false, reason: 'rate_limited', retryAfterSeconds, limit: c.limit, windowSeconds: c.windowSeconds };
        };
        const out: ReserveResult[] = [];
        for (const req of reqs) {
          const w = work.get(req.sku);
          if (!w) {
            out.push({ ok: false, reason: 'unknown_sku', message: `unknown sku '${req.sku}'` });
            continue;
          }
          if (req.location !== undefined && !locationMap.has(req.location)) {
            out.push({ ok: false, reason: 'unknown_location', message: `unknown location '${req.location}'` });
            continue;
          }
          if (w.product.status === 'upcoming') {
            out.push({ ok: false, reason: 'not_sellable', message: `'${req.sku}' is not released yet; pre-order it instead` });
            continue;
          }
          if (req.client) {
            const refused = await windowFull(req.sku, req.client);
            if (refused) {
              out.push(refused);
              continue;
            }
          }
          const ttl = req.ttlSeconds ?? DEFAULT_TTL_SECONDS;
          const id = newId('res');
          if (req.client) clients.set(id, { key: req.client.key, address: req.client.address });
          const base = { id, sku: req.sku, quantity: req.quantity, status: 'active' as const, reference: req.reference ?? null, expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(), createdAt: nowIso };
          if (!w.product.policy.trackInventory) {
            const r: Reservation = { ...base, lines: [] };
            created.push(r);
            out.push({ ok: true, reservation: r });
            continue;
          }
          // A cart takes only what waiting orders are not owed (sellableToNewDemand).
          let plan = planReservation(w.forSale(), locationMap, req.quantity, req.location);
          if (!plan && !checkedExpiry.has(req.sku)) {
            await reclaim(req.sku, w);
            plan = planReservation(w.forSale(), locationMap, req.quantity, req.location);
          }
          if (!plan) {
            const available = w.forSale().filter((l) => req.location === undefined || l.location === req.location).reduce((s, l) => s + sellable(l), 0);
            out.push({ ok: false, reason: 'insufficient_stock', available });
            continue;
          }
          const r: Reservation = { ...base, lines: plan };
          for (const p of plan) w.move(p.location, 'reservation', p.quantity, { reserved: p.quantity }, 'checkout', r.id);
          created.push(r);
          out.push({ ok: true, reservation: r });
        }
        await setReservationStatus(ctx.tx, expiredIds, 'expired', nowIso);
        // Queued inside the write, so the reservations go in with its ledger rows and levels (one statement on
        // PostgreSQL).
        await insertReservations(ctx, created, nowIso, clients);
        return out;
      });
      return results;
    });
  }

  async getReservation(id: string): Promise<Reservation> {
    const r = (await findReservations(this.db.kysely, [id])).get(id);
    if (!r) throw new NotFound('Reservation', id, 'unknown_reservation');
    return r;
  }

  /** Turns a reservation into a sale: its units move from reserved to committed. */
  async commitReservation(id: string, reference: string | null = null): Promise<Reservation> {
    return this.finishReservation(id, 'commit', reference);
  }

  async releaseReservation(id: string): Promise<Reservation> {
    return this.finishReservation(id, 'release', null);
  }

  private async finishReservation(id: string, action: 'commit' | 'release', reference: string | null): Promise<Reservation> {
    const first = await this.getReservation(id);
    return this.db.transaction(async (ctx) => {
      const nowIso = this.clock.now().toISOString();
      return this.writer.write(ctx, [first.sku], async (work) => {
        // Re-read under the SKU lock: every change of a reservation happens under it.
        const r = (await findReservations(ctx.tx, [id])).get(id);
        if (!r) throw new NotFound('Reservation', id, 'unknown_reservation');
        const w = work.get(r.sku);
        if (!w) throw new NotFound('Product', r.sku, 'unknown_sku');
        if (r.status === 'active' && r.expiresAt <= nowIso) {
          for (const l of r.lines) w.move(l.location, 'release', l.quantity, { reserved: -l.quantity }, 'expired', r.id);
          await setReservationStatus(ctx.tx, [r.id], 'expired', nowIso);
          r.status = 'expired';
          // The expiry is committed with the refusal: the units are free again either way.
          if (action === 'commit') return r;
        }
        if (r.status !== 'active') {
          if (action === 'release' && (r.status === 'released' || r.status === 'expired')) return r;
          const why = `reservation '${id}' is ${r.status}; only an active reservation can be ${action === 'commit' ? 'committed' : 'released'}`;
          if (r.status === 'expired') throw new Conflict(why, { id, status: r.status, expiresAt: r.expiresAt }, 'reservation_expired');
          throw new Conflict(why, { id, status: r.status }, r.status === 'committed' ? 'reservation_committed' : 'reservation_released');
        }
        for (const l of r.lines) {
          if (action === 'commit') w.move(l.location, 'commit', l.quantity, { reserved: -l.quantity, committed: l.quantity }, 'sale', reference ?? r.id);
          else w.move(l.location, 'release', l.quantity, { reserved: -l.quantity }, 'released', r.id);
        }
        const status: Reservation['status'] = action === 'commit' ? 'committed' : 'released';
        await setReservationStatus(ctx.tx, [r.id], status, nowIso);
        return { ...r, status };
      });
    }).then((r) => {
      if (action === 'commit' && r.status === 'expired') {
        throw new Conflict(`reservation '${id}' expired at ${r.expiresAt}; reserve again`, { id, status: 'expired', expiresAt: r.expiresAt }, 'reservation_expired');
      }
      return r;
    });
  }

  /**
   * Releases expired reservations. SKUs are claimed with FOR UPDATE SKIP LOCKED on PostgreSQL, so sweepers in
   * several processes share the work and never wait on a SKU a checkout is using.
   */
  async sweepExpired(maxSkus = 100): Promise<number> {
    const nowIso = this.clock.now().toISOString();
    const skus = await skusWithExpired(this.db.kysely, nowIso, maxSkus);
    if (skus.length === 0) return 0;
    return this.db.transaction(async (ctx) =>
      this.writer.write(
        ctx,
        skus,
        async (work) => {
          // SKIP LOCKED may have left none of the SKUs to this sweeper; another one has them.
          if (work.size === 0) return 0;
          const ids = await findExpiredIds(ctx.tx, [...work.keys()], nowIso);
          const rs = await findReservations(ctx.tx, ids);
          for (const r of rs.values()) {
            const w = work.get(r.sku);
            if (!w) continue;
            for (const l of r.lines) w.move(l.location, 'release', l.quantity, { reserved: -l.quantity }, 'expired', r.id);
          }
          await setReservationStatus(ctx.tx, ids, 'expired', nowIso);
          return ids.length;
        },
        { skipLocked: true },
      ),
    );
  }

  // ---- reads

  async levels(sku: string): Promise<{ sku: string; levels: Level[]; totals: Omit<Level, 'sku' | 'location'> & { availableToSell: number } }> {
    await this.catalog.get(sku);
    const levels = (await loadLevels(this.db.kysely, [sku])).get(sku) ?? [];
    levels.sort((a, b) => a.location.localeCompare(b.location));
    const totals = { onHand: 0, reserved: 0, committed: 0, safetyStock: 0, inbound: 0, availableToSell: 0 };
    for (const l of levels) {
      totals.onHand += l.onHand;
      totals.reserved += l.reserved;
      totals.committed += l.committed;
      totals.safetyStock += l.safetyStock;
      totals.inbound += l.inbound;
      totals.availableToSell += sellable(l);
    }
    return { sku, levels, totals };
  }

  async ledger(sku: string, afterId: number, limit: number, filter: LedgerFilter = {}): Promise<LedgerEntry[]> {
    await this.catalog.get(sku);
    if (filter.from === undefined && filter.to === undefined && (filter.types?.length ?? 0) === 0) return readLedger(this.db.kysely, sku, afterId, limit);
    return readLedgerFiltered(this.db.kysely, sku, afterId, limit, filter);
  }

  /** How many movements of a SKU pass the filter (a ledger page's total). */
  async ledgerCount(sku: string, filter: LedgerFilter = {}): Promise<number> {
    return countLedger(this.db.kysely, sku, filter);
  }

  /**
   * Every movement of a SKU that passes the filter, oldest first, a page at a time (the CSV export). The SKU is
   * checked before this returns, so an unknown one is an error before anything is sent.
   */
  async ledgerPages(sku: string, filter: LedgerFilter = {}, pageSize = 1000): Promise<AsyncGenerator<LedgerEntry[]>> {
    await this.catalog.get(sku);
    const db = this.db;
    return (async function* pages() {
      let after = 0;
      for (;;) {
        const page = await readLedgerFiltered(db.kysely, sku, after, pageSize, filter);
        if (page.length > 0) yield page;
        const last = page.at(-1);
        if (page.length < pageSize || !last) return;
        after = last.id;
      }
    })();
  }

  /**
   * Every SKU's stock summed over locations with the availability its last stock write stored (the status and
   * units computeAvailability gave then, which is what the storefront is shown): one statement for all SKUs.
   */
  async stockTotals(): Promise<StockTotals[]> {
    return stockTotals(this.db.kysely);
  }

  async replay(sku?: string): Promise<ReturnType<typeof replayLedger>> {
    return replayLedger(this.db.kysely, sku);
  }

  // History reads: what planning derives sales and stock-out days from (see history.ts).

  /** Every ledger movement in id order, a page at a time: of one SKU, or of all SKUs in one pass (null). */
  movements(sku: string | null): AsyncGenerator<StockMovement[]> {
    return movementPages(this.db.kysely, sku);
  }

  /** SKUs with any ledger movement, in SKU order. */
  async skusWithMovements(): Promise<string[]> {
    return skusWithMovements(this.db.kysely);
  }

  /**
   * Promised dates count from today: a new day starts the cache afresh. The day is kept as its bounds in
   * milliseconds, so the check on every read is two comparisons, not a date formatted per request; a clock
   * set back (tests) leaves the bounds as well and starts afresh too.
   */
  private static readonly DAY_MS = 86_400_000;
  private dayStartMs = 0;
  private dayEndMs = 0;
  private freshDay(): void {
    const now = this.clock.now().getTime();
    if (now >= this.dayStartMs && now < this.dayEndMs) return;
    this.cache.invalidate('*');
    this.dayStartMs = now - (now % InventoryService.DAY_MS);
    this.dayEndMs = this.dayStartMs + InventoryService.DAY_MS;
  }

  async availability(sku: string): Promise<Availability> {
    this.freshDay();
    const hit = this.cache.get(sku);
    if (hit) return hit;
    const found = (await this.loadAvailability([sku])).get(sku);
    if (!found) throw new NotFound('Product', sku, 'unknown_sku');
    return found;
  }

  /**
   * Availability of many SKUs, in the order asked; unknown ones are listed separately. When every SKU is
   * cached (the usual case) the answer is built in one pass over the cached objects, nothing copied.
   */
  async availabilityMany(skus: readonly string[]): Promise<{ items: Availability[]; unknown: string[] }> {
    this.freshDay();
    const items: Availability[] = [];
    let missing: string[] | null = null;
    for (const s of skus) {
      const hit = this.cache.get(s);
      if (hit) items.push(hit);
      else (missing ??= []).push(s);
    }
    if (missing === null) return { items, unknown: [] };
    // Some were not cached: the hits of the pass above stand (the cache may change while the rest loads).
    const out = new Map<string, Availability>();
    for (const a of items) out.set(a.sku, a);
    for (const [k, v] of await this.loadAvailability(missing)) out.set(k, v);
    items.length = 0;
    const unknown: string[] = [];
    for (const s of skus) {
      const a = out.get(s);
      if (a) items.push(a);
      else unknown.push(s);
    }
    return { items, unknown };
  }

  private async loadAvailability(skus: readonly string[]): Promise<Map<string, Availability>> {
    const tickets = new Map(skus.map((s) => [s, this.cache.ticket(s)]));
    const locations = await this.locations.map();
    const read = async (q: Database['kysely']) => {
      const products = await this.catalog.getManyIn(q, skus);
      const states = await readSkuStates(q, skus);
      const levels = await loadLevels(q, skus);
      const waiting = await this.extras.waiting(q, [...products.keys()]);
      const stock = [...products.values()].map((product) => ({
        product,
        free: (levels.get(product.sku) ?? []).reduce((sum, l) => sum + sellable(l), 0),
        waiting: waiting.get(product.sku) ?? NO_DEMAND,
        inbound: (levels.get(product.sku) ?? []).reduce((sum, l) => sum + l.inbound, 0),
      }));
      const extras = await this.extras.load(q, stock);
      return { products, states, levels, waiting, extras };
    };
    // One snapshot on PostgreSQL, so state version and levels agree.
    const data = this.db.isPostgres
      ? await this.db.kysely.transaction().setIsolationLevel('repeatable read').execute((tx) => read(tx))
      : await read(this.db.kysely);
    const today = isoDate(this.clock.now());
    const out = new Map<string, Availability>();
    for (const [sku, product] of data.products) {
      const x = data.extras.get(sku);
      const a = computeAvailability({
        product,
        levels: data.levels.get(sku) ?? [],
        locations,
        nextInboundDate: x?.nextInboundDate ?? null,
        backordered: data.waiting.get(sku)?.backordered ?? 0,
        preordered: data.waiting.get(sku)?.preordered ?? 0,
        newLinePromisedDate: x?.newLinePromisedDate,
        today,
        version: data.states.get(sku)?.version ?? 0,
      });
      this.cache.fill(a, tickets.get(sku) ?? -1);
      out.set(sku, a);
    }
    return out;
  }
}

/** The stock views handed out are the writer's own working copies; anything else is a programming error. */
function asWork(s: SkuStock): SkuWork {
  if (!(s instanceof SkuWork)) throw new Error('a SkuStock from outside a stock write');
  return s;
}
