/**
 * The bulk mode of the stock write path, for a history loaded at once (the demo seed's two years of daily
 * sales; an import from another system): many dated movements appended to the ledger in one transaction, the
 * levels derived from them under the SKUs' locks and held to the rules every stock write keeps (no bucket
 * below zero at any step, on hand within MAX_ON_HAND), then availability recomputed and published by the stock
 * writer in the same transaction. Either all of it lands or none.
 *
 * It exists because the one-write-at-a-time path spends a transaction, a lock and an availability computation
 * per write: two years of movements through it take minutes. Here one statement carries thousands of rows.
 */
import { Conflict, NotFound, invalidField } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { Database, TxContext } from '../db/database.ts';
import type { CatalogService } from '../catalog/service.ts';
import type { Level, Movement } from './model.ts';
import type { LocationDirectory } from './locations.ts';
import type { StockWriter } from './stock-writer.ts';
import { MAX_ON_HAND } from './feed-policy.ts';
import { insertDatedLedger, loadLevels, lockSkuStates, writeLevels } from './store.ts';

/** A movement with the time it happened (history keeps its own dates; live writes are stamped now). */
export interface DatedMovement extends Movement {
  /** ISO 8601 UTC. */
  createdAt: string;
}

export interface BulkDeps {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
  locations: LocationDirectory;
  writer: StockWriter;
}

export interface BulkResult {
  movements: number;
  skus: number;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * Appends `movements` in the order given (ledger ids follow it) to the current levels of their SKUs. Refuses
 * the whole batch, writing nothing, for an unknown SKU or location, a malformed movement, or a step that would
 * take a bucket below zero or on hand past the limit.
 */
export async function appendInBulk(ctx: TxContext, deps: BulkDeps, movements: readonly DatedMovement[], onWritten?: (rows: number) => void): Promise<BulkResult> {
  const skus = [...new Set(movements.map((m) => m.sku))].sort();
  if (skus.length === 0) return { movements: 0, skus: 0 };
  await lockSkuStates(deps.db, ctx.tx, skus);
  const products = await deps.catalog.getManyIn(ctx.tx, skus);
  const missing = skus.find((s) => !products.has(s));
  if (missing !== undefined) throw new NotFound('Product', missing, 'unknown_sku');
  const locations = await deps.locations.map(ctx.tx);

  const levels = new Map<string, Level>();
  for (const [sku, list] of await loadLevels(ctx.tx, skus)) for (const l of list) levels.set(`${sku}\u0000${l.location}`, l);
  movements.forEach((m, i) => {
    if (!locations.has(m.location)) throw new NotFound('Location', m.location, 'unknown_location');
    if (![m.quantity, m.onHandDelta, m.reservedDelta, m.committedDelta].every(Number.isSafeInteger) || !ISO_UTC.test(m.createdAt)) {
      throw invalidField(`movements.${i}`, `movement ${i} ('${m.sku}' at '${m.location}') needs whole-number quantities and an ISO 8601 UTC time`);
    }
    const key = `${m.sku}\u0000${m.location}`;
    let l = levels.get(key);
    if (!l) {
      l = { sku: m.sku, location: m.location, onHand: 0, reserved: 0, committed: 0, safetyStock: 0, inbound: 0 };
      levels.set(key, l);
    }
    l.onHand += m.onHandDelta;
    l.reserved += m.reservedDelta;
    l.committed += m.committedDelta;
    if (l.onHand < 0 || l.reserved < 0 || l.committed < 0) {
      throw new Conflict(`movement ${i} would take stock of '${m.sku}' at '${m.location}' below zero (on hand ${l.onHand}, reserved ${l.reserved}, committed ${l.committed} after it)`, { sku: m.sku, location: m.location, onHand: l.onHand - m.onHandDelta, reserved: l.reserved - m.reservedDelta, committed: l.committed - m.committedDelta }, 'negative_stock');
    }
    if (l.onHand > MAX_ON_HAND) throw new Conflict(`movement ${i} would take on hand of '${m.sku}' at '${m.location}' past ${MAX_ON_HAND}`, { sku: m.sku, location: m.location, max: MAX_ON_HAND }, 'stock_limit');
  });

  await insertDatedLedger(ctx.tx, movements, deps.db.isPostgres, onWritten);
  await writeLevels(ctx, [...levels.values()], deps.clock.now().toISOString());
  // The writer reads the levels back: they go in now, not with its own rows.
  await ctx.flush();
  // Availability, its events and every process's cache follow the new levels through the one writer.
  await deps.writer.write(ctx, skus, () => undefined, { forceRecompute: true });
  return { movements: movements.length, skus: skus.length };
}
