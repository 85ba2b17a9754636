/**
 * The one way stock changes. A write locks the SKUs' state rows (in SKU order, so writers never deadlock),
 * loads products and levels, lets the caller decide movements on plain data, then appends the movements to the
 * ledger, stores the new levels, and — when what a shopper sees changed — bumps the SKU's version, writes
 * availability events to the outbox and tells every process's cache, all in the caller's transaction.
 */
import type { Clock } from '../core/clock.ts';
import { Conflict } from '../core/errors.ts';
import { isoDate } from '../core/clock.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { Product } from '../catalog/model.ts';
import type { CatalogService } from '../catalog/service.ts';
import { appendEvents, type NewEvent } from '../core/events.ts';
import type { Availability, Level, Location, Movement, MovementType } from './model.ts';
import { availabilityEvents, computeAvailability, planReservation, sellable } from './policy.ts';
import { MAX_ON_HAND } from './feed-policy.ts';
import { insertLedger, loadLevels, lockSkuStates, writeLevels, writeSkuStates, type SkuStateRow } from './store.ts';
import type { AvailabilityCache } from './availability-cache.ts';
import type { LocationDirectory } from './locations.ts';

export const INVENTORY_CHANNEL = 'restock_inventory';

/** What the orders module adds to availability: open inbound, units waiting, the date a new backorder gets. */
export interface SkuExtras {
  nextInboundDate: string | null;
  backordered: number;
  preordered: number;
  /** Promised date of one more unit ordered now, when known. */
  newLinePromisedDate?: string | null;
}

export interface AvailabilityExtras {
  /** `free`: units on hand free to hand out per SKU (what a new line could be covered by first). */
  load(q: TxContext['tx'] | Database['kysely'], skus: readonly string[], free: ReadonlyMap<string, number>): Promise<Map<string, SkuExtras>>;
}

/**
 * Runs inside a stock write, under the SKU locks, for SKUs whose free stock rose (or that asked for it): the
 * orders module hands arriving stock to waiting lines here, in the same transaction as the arrival.
 */
export type SettleHook = (ctx: TxContext, work: SkuWork[], locations: ReadonlyMap<string, Location>) => Promise<void>;

export const noExtras: AvailabilityExtras = { load: async () => new Map() };

export class SkuWork {
  readonly movements: Movement[] = [];
  private readonly byLocation: Map<string, Level>;
  private readonly changed = new Set<string>();
  /** Free stock rose since the last settle (or a caller asked for one): waiting orders may be served. */
  needsSettle = false;
  /** Set by the orders module when waiting lines or inbound changed, so promises are recomputed. */
  promisesDirty = false;
  /** Something besides levels changed availability (waiting units, inbound dates). */
  availabilityDirty = false;

  constructor(
    readonly product: Product,
    levels: Level[],
  ) {
    this.byLocation = new Map(levels.map((l) => [l.location, l]));
  }

  get sku(): string {
    return this.product.sku;
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

  /** Units free to hand out now; with `useSafetyStock` safety stock counts as free. */
  free(useSafetyStock = false): number {
    return this.levels().reduce((sum, l) => sum + sellable(useSafetyStock ? { ...l, safetyStock: 0 } : l), 0);
  }

  /**
   * Sells units straight from stock (an order line, an allocation to a waiting line): commits them at locations
   * by priority. Returns where they came from, or null (and moves nothing) when there is not enough.
   */
  commitFromStock(quantity: number, locations: ReadonlyMap<string, Location>, reference: string, reason: string, useSafetyStock = false): Array<{ location: string; quantity: number }> | null {
    const view = useSafetyStock ? this.levels().map((l) => ({ ...l, safetyStock: 0 })) : this.levels();
    const plan = planReservation(view, locations, quantity);
    if (!plan) return null;
    for (const p of plan) this.move(p.location, 'commit', p.quantity, { committed: p.quantity }, reason, reference);
    return plan;
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

  private readonly settleHooks: SettleHook[] = [];

  setExtras(extras: AvailabilityExtras): void {
    this.extras = extras;
  }

  onSettle(hook: SettleHook): void {
    this.settleHooks.push(hook);
  }

  /** Serves waiting demand from stock that became free; callers may settle mid-decision (reservations do). */
  async settle(ctx: TxContext, work: Map<string, SkuWork>, locations: ReadonlyMap<string, Location>): Promise<void> {
    const due = [...work.values()].filter((w) => w.needsSettle || w.promisesDirty);
    if (due.length === 0 || this.settleHooks.length === 0) return;
    for (const hook of this.settleHooks) await hook(ctx, due, locations);
    for (const w of due) {
      w.needsSettle = false;
      w.promisesDirty = false;
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
    opts: { skipLocked?: boolean; forceRecompute?: boolean } = {},
  ): Promise<T> {
    const sorted = [...new Set(skus)].sort();
    const now = this.clock.now().toISOString();
    const states = await lockSkuStates(this.db, ctx.tx, sorted, opts);
    const present = opts.skipLocked ? sorted.filter((s) => states.has(s)) : sorted;
    const products = await this.catalog.getManyIn(ctx.tx, present);
    const levels = await loadLevels(ctx.tx, [...products.keys()]);
    const locations = await this.locations.map(ctx.tx);
    const work = new Map<string, SkuWork>();
    for (const sku of present) {
      const p = products.get(sku);
      if (p) work.set(sku, new SkuWork(p, levels.get(sku) ?? []));
    }
    const result = await decide(work, locations, ctx);
    await this.settle(ctx, work, locations);

    const movements = [...work.values()].flatMap((w) => w.movements);
    await insertLedger(ctx.tx, movements, now);
    await writeLevels(ctx.tx, [...work.values()].flatMap((w) => w.changedLevels()), now);

    const dirty = [...work.values()].filter((w) => w.touched || w.availabilityDirty || opts.forceRecompute || !states.has(w.sku));
    if (dirty.length > 0) {
      const extras = await this.extras.load(ctx.tx, dirty.map((w) => w.sku), new Map(dirty.map((w) => [w.sku, w.free()])));
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
          backordered: x?.backordered ?? 0,
          preordered: x?.preordered ?? 0,
          newLinePromisedDate: x?.newLinePromisedDate ?? null,
          today,
          version: (prev?.version ?? 0) + 1,
        });
        const before = prev
          ? ({ ...after, status: prev.status, availableToSell: prev.availableToSell } as Availability)
          : null;
        for (const e of availabilityEvents(before, after)) events.push({ type: e.type, sku: w.sku, payload: { ...e.payload, version: after.version } });
        newStates.push({ sku: w.sku, status: after.status, availableToSell: after.availableToSell, version: after.version });
        published.push(after);
      }
      await writeSkuStates(ctx.tx, newStates, now);
      await appendEvents(ctx, events, now);
      const names = published.map((a) => a.sku).join(',');
      await ctx.notify(INVENTORY_CHANNEL, names.length > 7000 ? '*' : names);
      ctx.afterCommit(() => {
        for (const a of published) this.cache.put(a);
      });
    }
    return result;
  }
}
