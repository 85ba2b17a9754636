/**
 * The one way stock changes. A write locks the SKUs' state rows (in SKU order, so writers never deadlock),
 * loads products and levels, lets the caller decide movements on plain data, then appends the movements to the
 * ledger, stores the new levels, and — when what a shopper sees changed — bumps the SKU's version, writes
 * availability events to the outbox and tells every process's cache, all in the caller's transaction.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { Product } from '../catalog/model.ts';
import type { CatalogService } from '../catalog/service.ts';
import { appendEvents, type NewEvent } from '../messaging/outbox.ts';
import type { Availability, Level, Location, Movement, MovementType } from './model.ts';
import { availabilityEvents, computeAvailability } from './policy.ts';
import { insertLedger, loadLevels, lockSkuStates, writeLevels, writeSkuStates, type SkuStateRow } from './store.ts';
import type { AvailabilityCache } from './availability-cache.ts';
import type { LocationDirectory } from './locations.ts';

export const INVENTORY_CHANNEL = 'restock_inventory';

/** What other modules add to availability (open inbound, waiting orders); the orders issue plugs in here. */
export interface AvailabilityExtras {
  load(q: TxContext['tx'] | Database['kysely'], skus: readonly string[]): Promise<Map<string, { nextInboundDate: string | null; backordered: number; preordered: number }>>;
}

export const noExtras: AvailabilityExtras = { load: async () => new Map() };

export class SkuWork {
  readonly movements: Movement[] = [];
  private readonly byLocation: Map<string, Level>;
  private readonly changed = new Set<string>();

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
      throw new Error(`movement would make stock negative for ${this.sku}@${location}`);
    }
    l.onHand = onHand;
    l.reserved = reserved;
    l.committed = committed;
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
    this.level(location)[field] = value;
    this.changed.add(location);
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

  setExtras(extras: AvailabilityExtras): void {
    this.extras = extras;
  }

  /**
   * Runs `decide` over the SKUs' current stock under their locks and persists what it did. SKUs that do not
   * exist are absent from the map. With `skipLocked`, SKUs another transaction holds are skipped (sweepers).
   */
  async write<T>(
    ctx: TxContext,
    skus: readonly string[],
    decide: (work: Map<string, SkuWork>, locations: ReadonlyMap<string, Location>) => T | Promise<T>,
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
    const result = await decide(work, locations);

    const movements = [...work.values()].flatMap((w) => w.movements);
    await insertLedger(ctx.tx, movements, now);
    await writeLevels(ctx.tx, [...work.values()].flatMap((w) => w.changedLevels()), now);

    const dirty = [...work.values()].filter((w) => w.touched || opts.forceRecompute || !states.has(w.sku));
    if (dirty.length > 0) {
      const extras = await this.extras.load(ctx.tx, dirty.map((w) => w.sku));
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
