/**
 * The one way stock changes. A write locks the SKUs' state rows (in SKU order, so writers never deadlock),
 * loads products, levels and the units waiting orders are owed, lets the caller decide movements through the
 * narrow `SkuStock` view, runs the reactions to a stock rise in their policy order (STOCK_RISE_REACTIONS), then
 * appends the movements to the ledger, stores the new levels, and — when what a shopper sees changed — bumps
 * the SKU's version, writes availability events to the outbox and tells every process's cache, all in the
 * caller's transaction.
 */
import type { Clock } from '../core/clock.ts';
import { Conflict } from '../core/errors.ts';
import { isoDate } from '../core/clock.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { Product } from '../catalog/model.ts';
import type { CatalogService } from '../catalog/service.ts';
import { appendEvents, type NewEvent } from '../core/events.ts';
import type { Availability, Level, Location, Movement, MovementType } from './model.ts';
import {
  availabilityEvents,
  computeAvailability,
  NO_DEMAND,
  planReservation,
  sellable,
  sellableToNewDemand,
  STOCK_RISE_REACTIONS,
  type InWriteStage,
  type WaitingDemand,
} from './policy.ts';
import { MAX_ON_HAND } from './feed-policy.ts';
import { insertLedger, loadLevelsIn, lockSkuStates, writeLevels, writeSkuStates, type SkuStateRow } from './store.ts';
import type { AvailabilityCache } from './availability-cache.ts';
import type { LocationDirectory } from './locations.ts';

export const INVENTORY_CHANNEL = 'restock_inventory';

const waitingOf = (st: SkuStateRow): WaitingDemand =>
  st.backordered === 0 && st.preordered === 0 ? NO_DEMAND : { backordered: st.backordered, preordered: st.preordered };

/** What the orders module adds to availability: open inbound and the date a new backorder or pre-order gets. */
export interface SkuExtras {
  nextInboundDate: string | null;
  /** Promised date of one more unit ordered now; null when none can honestly be given. */
  newLinePromisedDate: string | null;
}

/** One SKU's stock as availability sees it, for the orders module to add its part to. */
export interface StockSnapshot {
  product: Product;
  /** Units on hand free to hand out (what a new waiting line would be covered by first). */
  free: number;
  waiting: WaitingDemand;
  /**
   * Units expected at all locations (the levels' `inbound`, which the orders module keeps equal to its open
   * inbound): 0 means there is no open supply to read.
   */
  inbound: number;
}

/** The orders module's view of demand and supply, asked for by every stock write and availability read. */
export interface AvailabilityExtras {
  /** Units waiting orders still wait for, per SKU; SKUs nobody waits for may be absent. */
  waiting(q: TxContext['tx'] | Database['kysely'], skus: readonly string[]): Promise<Map<string, WaitingDemand>>;
  load(q: TxContext['tx'] | Database['kysely'], stock: readonly StockSnapshot[]): Promise<Map<string, SkuExtras>>;
}

export const noExtras: AvailabilityExtras = { waiting: async () => new Map(), load: async () => new Map() };

/**
 * What another module may do with one SKU's stock inside a stock write, under the SKU's lock. Nothing else:
 * levels are read, never set; every unit that moves is a ledger movement made here.
 */
export interface SkuStock {
  readonly sku: string;
  readonly product: Product;
  levels(): readonly Readonly<Level>[];
  level(location: string): Readonly<Level>;
  /** Units free to hand out now (to waiting orders); with `useSafetyStock` safety stock counts as free. */
  free(useSafetyStock?: boolean): number;
  /**
   * Units the queue of waiting orders still waits for, as of this point in the write: read under the lock when
   * the write began, then kept in step by allocateToWaiting and queueChanged (so every change of the queue
   * inside a write must go through them).
   */
  readonly waiting: WaitingDemand;
  /** Units a new sale (an order line, a cart, a waitlist hold) may take: free stock the queue is not owed. */
  freeToSell(): number;
  /** True when free stock rose in this write (or a caller asked): waiting orders are to be served. */
  readonly stockRose: boolean;
  /**
   * Sells units to a new order line from what `freeToSell` allows, by location priority. Returns where they
   * came from, or null (moving nothing) when there is not enough.
   */
  sellFromStock(quantity: number, reference: string): Array<{ location: string; quantity: number }> | null;
  /**
   * Sells units to a new order line from the locations a fulfilment plan chose. Checks every part against what
   * may be sold at that location first and moves nothing (returns false) when one does not fit.
   */
  sellAt(plan: ReadonlyArray<{ location: string; quantity: number }>, reference: string): boolean;
  /**
   * Hands free units to a waiting line (allocation): the queue's own claim, so it may take any free unit (and
   * safety stock when the allocation policy says so). Returns where they came from, or null.
   */
  allocateToWaiting(quantity: number, kind: keyof WaitingDemand, reference: string, useSafetyStock: boolean): Array<{ location: string; quantity: number }> | null;
  /** Gives sold units back to stock (an order line cancelled). */
  returnSold(location: string, quantity: number, reason: string, reference: string): void;
  /** Receives units into a location (an inbound delivery). */
  receive(location: string, quantity: number, reason: string, reference: string): void;
  /** Sets the units expected to arrive at a location (open inbound), which availability shows. */
  setInbound(location: string, units: number): void;
  /**
   * The queue of waiting orders changed (a line joined or left, the serving order changed, release day):
   * serve its head from free stock, re-promise its lines, recompute availability. `delta` is the change of
   * waiting units, if any.
   */
  queueChanged(delta?: Partial<WaitingDemand>): void;
  /** Open supply changed (inbound created, moved, received): promised dates and availability are recomputed. */
  promisesChanged(): void;
  /** Something besides levels changed what a shopper sees (a promised date, waiting units). */
  availabilityChanged(): void;
}

/**
 * Runs inside a stock write, under the SKU locks, for the SKUs where free stock rose, the queue changed or
 * supply changed and someone waits (see STOCK_RISE_REACTIONS for the order of stages).
 */
export type SettleHook = (ctx: TxContext, due: SkuStock[], locations: ReadonlyMap<string, Location>) => Promise<void>;

/** The writer's working copy of one SKU; other modules see it only as a `SkuStock`. */
export class SkuWork implements SkuStock {
  readonly movements: Movement[] = [];
  private readonly byLocation: Map<string, Level>;
  private readonly changed = new Set<string>();
  /** Free stock rose since the last settle (or a caller asked for one): waiting orders may be served. */
  needsSettle = false;
  /** Waiting lines or inbound changed, so promises are recomputed. */
  promisesDirty = false;
  /** Something besides levels changed availability (waiting units, inbound dates). */
  availabilityDirty = false;
  /** The queue changed in this write: settle even though nobody waited when the write began. */
  queueTouched = false;
  private demand: WaitingDemand;

  constructor(
    readonly product: Product,
    levels: Level[],
    demand: WaitingDemand = NO_DEMAND,
    private readonly locations: ReadonlyMap<string, Location> = new Map(),
  ) {
    this.byLocation = new Map(levels.map((l) => [l.location, l]));
    this.demand = demand;
  }

  get sku(): string {
    return this.product.sku;
  }

  get waiting(): WaitingDemand {
    return this.demand;
  }

  get waitingUnits(): number {
    return this.demand.backordered + this.demand.preordered;
  }

  get stockRose(): boolean {
    return this.needsSettle;
  }

  levels(): Level[] {
    return [...this.byLocation.values()];
  }

  level(location: string): Level {
    let l = this.byLocation.get(location);
    if (!l) {
      l = { sku: this.sku, location, onHand: 0, reserved: 0, committed: 0, safetyStock: 0, inbound: 0 };
      this.byLocation.set(location, l);
    }
    return l;
  }

  /** Records a movement and applies it to the level; the buckets never go negative. */
  move(location: string, type: MovementType, quantity: number, d: { onHand?: number; reserved?: number; committed?: number }, reason: string | null = null, reference: string | null = null): void {
    const l = this.level(location);
    const onHand = l.onHand + (d.onHand ?? 0);
    const reserved = l.reserved + (d.reserved ?? 0);
    const committed = l.committed + (d.committed ?? 0);
    if (onHand < 0 || reserved < 0 || committed < 0) {
      throw new Conflict(`this would take stock of '${this.sku}' at '${location}' below zero (on hand ${l.onHand}, reserved ${l.reserved}, committed ${l.committed})`, { sku: this.sku, location, onHand: l.onHand, reserved: l.reserved, committed: l.committed }, 'negative_stock');
    }
    if (onHand > MAX_ON_HAND) {
      throw new Conflict(`on hand of '${this.sku}' at '${location}' would exceed ${MAX_ON_HAND}`, { sku: this.sku, location, max: MAX_ON_HAND }, 'stock_limit');
    }
    l.onHand = onHand;
    l.reserved = reserved;
    l.committed = committed;
    if ((d.onHand ?? 0) > 0 || (d.reserved ?? 0) < 0 || (d.committed ?? 0) < 0) this.needsSettle = true;
    this.changed.add(location);
    this.movements.push({
      sku: this.sku,
      location,
      type,
      quantity,
      onHandDelta: d.onHand ?? 0,
      reservedDelta: d.reserved ?? 0,
      committedDelta: d.committed ?? 0,
      reason,
      reference,
    });
  }

  /** Changes a level field that is not a ledger bucket (safety stock, inbound). */
  setLevelField(location: string, field: 'safetyStock' | 'inbound', value: number): void {
    const l = this.level(location);
    if (field === 'safetyStock' && value < l.safetyStock) this.needsSettle = true;
    l[field] = value;
    this.changed.add(location);
  }

  free(useSafetyStock = false): number {
    let sum = 0;
    for (const l of this.byLocation.values()) sum += sellable(useSafetyStock ? { ...l, safetyStock: 0 } : l);
    return sum;
  }

  /** The levels as a new sale sees them (see sellableToNewDemand). */
  forSale(): Level[] {
    return this.waitingUnits > 0 ? sellableToNewDemand(this.levels(), this.locations, this.demand) : this.levels();
  }

  freeToSell(): number {
    return this.forSale().reduce((sum, l) => sum + sellable(l), 0);
  }

  /**
   * Commits units at locations by priority from the given view of the levels. Returns where they came from, or
   * null (and moves nothing) when there is not enough.
   */
  commitFromStock(quantity: number, view: Level[], reference: string, reason: string): Array<{ location: string; quantity: number }> | null {
    const plan = planReservation(view, this.locations, quantity);
    if (!plan) return null;
    for (const p of plan) this.move(p.location, 'commit', p.quantity, { committed: p.quantity }, reason, reference);
    return plan;
  }

  sellFromStock(quantity: number, reference: string): Array<{ location: string; quantity: number }> | null {
    return this.commitFromStock(quantity, this.forSale(), reference, 'sale');
  }

  sellAt(plan: ReadonlyArray<{ location: string; quantity: number }>, reference: string): boolean {
    const view = this.forSale();
    const want = new Map<string, number>();
    for (const p of plan) want.set(p.location, (want.get(p.location) ?? 0) + p.quantity);
    for (const [location, q] of want) {
      const l = view.find((v) => v.location === location);
      if (!l || !Number.isInteger(q) || q < 0 || sellable(l) < q) return false;
    }
    for (const p of plan) if (p.quantity > 0) this.move(p.location, 'commit', p.quantity, { committed: p.quantity }, 'sale', reference);
    return true;
  }

  allocateToWaiting(quantity: number, kind: keyof WaitingDemand, reference: string, useSafetyStock: boolean): Array<{ location: string; quantity: number }> | null {
    const view = useSafetyStock ? this.levels().map((l) => ({ ...l, safetyStock: 0 })) : this.levels();
    const plan = this.commitFromStock(quantity, view, reference, 'allocation');
    if (plan) this.demand = { ...this.demand, [kind]: Math.max(0, this.demand[kind] - quantity) };
    return plan;
  }

  returnSold(location: string, quantity: number, reason: string, reference: string): void {
    this.move(location, 'release', quantity, { committed: -quantity }, reason, reference);
  }

  receive(location: string, quantity: number, reason: string, reference: string): void {
    this.move(location, 'receipt', quantity, { onHand: quantity }, reason, reference);
  }

  setInbound(location: string, units: number): void {
    this.setLevelField(location, 'inbound', units);
  }

  queueChanged(delta: Partial<WaitingDemand> = {}): void {
    this.demand = {
      backordered: Math.max(0, this.demand.backordered + (delta.backordered ?? 0)),
      preordered: Math.max(0, this.demand.preordered + (delta.preordered ?? 0)),
    };
    this.queueTouched = true;
    this.needsSettle = true;
    this.promisesDirty = true;
    this.availabilityDirty = true;
  }

  promisesChanged(): void {
    this.promisesDirty = true;
    this.availabilityDirty = true;
  }

  availabilityChanged(): void {
    this.availabilityDirty = true;
  }

  inboundUnits(): number {
    let sum = 0;
    for (const l of this.byLocation.values()) sum += l.inbound;
    return sum;
  }

  changedLevels(): Level[] {
    return [...this.changed].map((c) => this.level(c));
  }

  get touched(): boolean {
    return this.changed.size > 0;
  }
}

export class StockWriter {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly locations: LocationDirectory,
    private readonly cache: AvailabilityCache,
    private extras: AvailabilityExtras = noExtras,
  ) {}

  private readonly settleHooks = new Map<InWriteStage, SettleHook[]>();

  setExtras(extras: AvailabilityExtras): void {
    this.extras = extras;
  }

  /** Registers a reaction to a stock rise at its stage; stages run in STOCK_RISE_REACTIONS order. */
  onStockRise(stage: InWriteStage, hook: SettleHook): void {
    this.settleHooks.set(stage, [...(this.settleHooks.get(stage) ?? []), hook]);
  }

  /** Serves waiting demand from stock that became free; callers may settle mid-decision (reservations do). */
  async settle(ctx: TxContext, work: Map<string, SkuWork>, locations: ReadonlyMap<string, Location>): Promise<void> {
    // Nobody waits and the queue did not change: there is nothing to serve or re-promise.
    const due = [...work.values()].filter((w) => (w.needsSettle || w.promisesDirty) && (w.waitingUnits > 0 || w.queueTouched));
    if (due.length > 0 && this.settleHooks.size > 0) {
      for (const { stage, runs } of STOCK_RISE_REACTIONS) {
        if (runs !== 'in_write') continue;
        for (const hook of this.settleHooks.get(stage) ?? []) await hook(ctx, due, locations);
      }
      // No re-read of the waiting demand: allocateToWaiting and queueChanged kept it exact as the queue moved.
    }
    for (const w of work.values()) {
      w.needsSettle = false;
      w.promisesDirty = false;
      w.queueTouched = false;
    }
  }

  /**
   * Runs `decide` over the SKUs' current stock under their locks and persists what it did. SKUs that do not
   * exist are absent from the map. With `skipLocked`, SKUs another transaction holds are skipped (sweepers).
   */
  async write<T>(
    ctx: TxContext,
    skus: readonly string[],
    decide: (work: Map<string, SkuWork>, locations: ReadonlyMap<string, Location>, ctx: TxContext) => T | Promise<T>,
    opts: { skipLocked?: boolean; forceRecompute?: boolean; productsWritten?: boolean } = {},
  ): Promise<T> {
    const sorted = skus.length === 1 ? [...skus] : [...new Set(skus)].sort();
    const now = this.clock.now().toISOString();
    const { states, levels } = await lockSkuStates(this.db, ctx.tx, sorted, opts);
    const present = opts.skipLocked ? sorted.filter((s) => states.has(s)) : sorted;
    // A product of the revision read under the lock comes from the cache; one just written (or a SKU without a
    // state row yet) is read in this transaction.
    const revs = new Map<string, number>();
    const unrevised: string[] = [];
    for (const sku of present) {
      const st = states.get(sku);
      if (st && !opts.productsWritten) revs.set(sku, st.productRev);
      else unrevised.push(sku);
    }
    const products = await this.catalog.getAtRevisions(ctx.tx, revs);
    if (unrevised.length > 0) for (const [sku, p] of await this.catalog.getManyIn(ctx.tx, unrevised)) products.set(sku, p);
    // Levels came with the lock; a SKU without a state row (a new product) has them read now.
    const stateless = [...products.keys()].filter((sku) => !states.has(sku));
    if (stateless.length > 0) for (const [sku, list] of await loadLevelsIn(this.db, ctx.tx, stateless)) levels.set(sku, list);
    const locations = await this.locations.map(ctx.tx);
    // Waiting demand as the state row holds it (every write that moves the queue stores it, see SkuWork.waiting).
    // A recompute (a product write, a history load, a SKU without a state row) sums the waiting lines afresh,
    // under the same locks: waiting lines change only inside stock writes of their SKU.
    const recount = opts.forceRecompute ? [...products.keys()] : stateless;
    const counted = recount.length > 0 ? await this.extras.waiting(ctx.tx, recount) : new Map<string, WaitingDemand>();
    const work = new Map<string, SkuWork>();
    for (const sku of present) {
      const p = products.get(sku);
      if (!p) continue;
      const st = states.get(sku);
      const demand = counted.get(sku) ?? (st && !opts.forceRecompute ? waitingOf(st) : NO_DEMAND);
      work.set(sku, new SkuWork(p, levels.get(sku) ?? [], demand, locations));
    }
    const result = await decide(work, locations, ctx);
    await this.settle(ctx, work, locations);

    const movements = [...work.values()].flatMap((w) => w.movements);
    await insertLedger(ctx, movements, now);
    await writeLevels(ctx, [...work.values()].flatMap((w) => w.changedLevels()), now);

    const dirty = [...work.values()].filter((w) => w.touched || w.availabilityDirty || opts.forceRecompute || !states.has(w.sku));
    if (dirty.length > 0) {
      const extras = await this.extras.load(ctx.tx, dirty.map((w) => ({ product: w.product, free: w.free(), waiting: w.waiting, inbound: w.inboundUnits() })));
      const today = isoDate(this.clock.now());
      const newStates: SkuStateRow[] = [];
      const events: NewEvent[] = [];
      const published: Availability[] = [];
      for (const w of dirty) {
        const prev = states.get(w.sku);
        const x = extras.get(w.sku);
        const after = computeAvailability({
          product: w.product,
          levels: w.levels(),
          locations,
          nextInboundDate: x?.nextInboundDate ?? null,
          backordered: w.waiting.backordered,
          preordered: w.waiting.preordered,
          newLinePromisedDate: x?.newLinePromisedDate,
          today,
          version: (prev?.version ?? 0) + 1,
        });
        const before = prev
          ? ({ ...after, status: prev.status, availableToSell: prev.availableToSell } as Availability)
          : null;
        for (const e of availabilityEvents(before, after)) events.push({ type: e.type, sku: w.sku, payload: { ...e.payload, version: after.version } });
        // A product write bumps the revision every process checks its cached product against.
        const productRev = (prev?.productRev ?? 0) + (opts.productsWritten ? 1 : 0);
        newStates.push({ sku: w.sku, status: after.status, availableToSell: after.availableToSell, version: after.version, productRev, backordered: w.waiting.backordered, preordered: w.waiting.preordered });
        published.push(after);
      }
      await writeSkuStates(ctx, newStates, now);
      if (opts.productsWritten) {
        ctx.afterCommit(() => {
          for (const st of newStates) {
            const p = work.get(st.sku)?.product;
            if (p) this.catalog.rememberAt(st.sku, st.productRev, p);
          }
        });
      }
      await appendEvents(ctx, events, now);
      const names = published.map((a) => a.sku).join(',');
      await ctx.notify(INVENTORY_CHANNEL, names.length > 7000 ? '*' : names);
      ctx.afterCommit(() => {
        for (const a of published) this.cache.put(a);
      });
    }
    // Ledger, levels, state, events and what the caller queued go in now, in one statement on PostgreSQL: a later
    // write in this transaction reads them.
    await ctx.flush();
    return result;
  }
}
