/** SQL for locations, levels, the ledger, reservations and the per-SKU state row. */
import { sql, type Selectable } from 'kysely';
import type { LedgerTable } from '../db/schema.ts';
import { marks, type Database, type KeyedQuery, type Q, type RowsInsert, type Tx, type TxContext } from '../db/database.ts';
import type { Level, LedgerEntry, Location, LocationType, Movement, Reservation, ReservationStatus } from './model.ts';

export interface SkuStateRow {
  sku: string;
  status: string;
  availableToSell: number | null;
  version: number;
  /** Counts writes of the SKU's product (see 012_fast_path): what a cached product is checked against. */
  productRev: number;
  /** Units waiting orders are owed, as the last stock write left them. */
  backordered: number;
  preordered: number;
}

/*
 * The stock write's statements, written out once per dialect and run without Kysely's per-query building
 * (Database.selectIn / insertRows): a reservation runs about ten of them, and building them cost more than
 * running them. Kept beside the Kysely versions other reads use, column for column.
 */
const STATE_COLUMNS = 'sku, status, available_to_sell, version, product_rev, backordered, preordered';
const LEVEL_COLUMNS = 'sku, location, on_hand, reserved, committed, safety_stock, inbound';
/*
 * SQLite: the lock (none needed: one writer) and the levels in one statement, a row per level (or one with null
 * level columns), state columns repeated. PostgreSQL: the lock alone, then the levels in a statement of their
 * own. Joined to a FOR UPDATE, a row a concurrent write changed would be re-read after the wait for its lock
 * only in the locked table: the levels would come from the snapshot taken before the wait, and a write based on
 * them would lose the other's units.
 */
const LOCKED_COLUMNS = `s.sku, s.status, s.available_to_sell, s.version, s.product_rev, s.backordered, s.preordered,
  l.location, l.on_hand, l.reserved, l.committed, l.safety_stock, l.inbound`;
const LOCK_STATES: KeyedQuery = {
  sqlite: (n) => `select ${LOCKED_COLUMNS} from sku_state s left join stock_levels l on l.sku = s.sku where s.sku in (${marks(n)}) order by s.sku`,
  postgres: `select ${STATE_COLUMNS} from sku_state where sku = any($1::text[]) order by sku for update`,
};
const LOCK_STATES_SKIP_LOCKED: KeyedQuery = {
  sqlite: LOCK_STATES.sqlite,
  postgres: `select ${STATE_COLUMNS} from sku_state where sku = any($1::text[]) order by sku for update skip locked`,
};
const LEVELS_OF: KeyedQuery = {
  sqlite: (n) => `select ${LEVEL_COLUMNS} from stock_levels where sku in (${marks(n)})`,
  postgres: `select ${LEVEL_COLUMNS} from stock_levels where sku = any($1::text[])`,
};
const UPSERT_STATES: RowsInsert = {
  sqlite: `insert into sku_state (sku, status, available_to_sell, version, product_rev, backordered, preordered, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (sku) do update set status = excluded.status, available_to_sell = excluded.available_to_sell, version = excluded.version,
    product_rev = excluded.product_rev, backordered = excluded.backordered, preordered = excluded.preordered, updated_at = excluded.updated_at`,
  postgres: `insert into sku_state (sku, status, available_to_sell, version, product_rev, backordered, preordered, updated_at)
    select * from unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::bigint[], $7::bigint[], $8::text[])
    on conflict (sku) do update set status = excluded.status, available_to_sell = excluded.available_to_sell, version = excluded.version,
    product_rev = excluded.product_rev, backordered = excluded.backordered, preordered = excluded.preordered, updated_at = excluded.updated_at`,
};
const UPSERT_LEVELS: RowsInsert = {
  sqlite: `insert into stock_levels (sku, location, on_hand, reserved, committed, safety_stock, inbound, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (sku, location) do update set on_hand = excluded.on_hand, reserved = excluded.reserved, committed = excluded.committed,
    safety_stock = excluded.safety_stock, inbound = excluded.inbound, updated_at = excluded.updated_at`,
  postgres: `insert into stock_levels (sku, location, on_hand, reserved, committed, safety_stock, inbound, updated_at)
    select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[])
    on conflict (sku, location) do update set on_hand = excluded.on_hand, reserved = excluded.reserved, committed = excluded.committed,
    safety_stock = excluded.safety_stock, inbound = excluded.inbound, updated_at = excluded.updated_at`,
};
const INSERT_LEDGER: RowsInsert = {
  sqlite: `insert into ledger (sku, location, type, quantity, on_hand_delta, reserved_delta, committed_delta, reason, reference, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  postgres: `insert into ledger (sku, location, type, quantity, on_hand_delta, reserved_delta, committed_delta, reason, reference, created_at)
    select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[], $10::text[])`,
};
const INSERT_RESERVATIONS: RowsInsert = {
  sqlite: `insert into reservations (id, sku, quantity, status, reference, expires_at, created_at, updated_at, client_key, client_addr) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  postgres: `insert into reservations (id, sku, quantity, status, reference, expires_at, created_at, updated_at, client_key, client_addr)
    select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
};
const INSERT_RESERVATION_LINES: RowsInsert = {
  sqlite: `insert into reservation_lines (reservation_id, location, quantity) values (?, ?, ?)`,
  postgres: `insert into reservation_lines (reservation_id, location, quantity) select * from unnest($1::text[], $2::text[], $3::int[])`,
};

type StateRecord = { sku: string; status: string; available_to_sell: number | null; version: number; product_rev: number; backordered: number; preordered: number };
type LevelRecord = { sku: string; location: string; on_hand: number; reserved: number; committed: number; safety_stock: number; inbound: number };

const toState = (r: StateRecord): SkuStateRow => ({
  sku: r.sku,
  status: r.status,
  availableToSell: r.available_to_sell,
  version: r.version,
  productRev: r.product_rev,
  backordered: r.backordered,
  preordered: r.preordered,
});
const toLevel = (r: LevelRecord): Level => ({ sku: r.sku, location: r.location, onHand: r.on_hand, reserved: r.reserved, committed: r.committed, safetyStock: r.safety_stock, inbound: r.inbound });

/**
 * Locks the SKUs' state rows in SKU order (PostgreSQL; SQLite's single writer needs no row locks) and reads
 * their levels with them. SKUs without a state row are absent from both maps.
 */
export async function lockSkuStates(
  db: Database,
  tx: Tx,
  skus: readonly string[],
  opts: { skipLocked?: boolean } = {},
): Promise<{ states: Map<string, SkuStateRow>; levels: Map<string, Level[]> }> {
  const states = new Map<string, SkuStateRow>();
  const levels = new Map<string, Level[]>();
  for (const r of await db.selectIn<StateRecord & Partial<Omit<LevelRecord, 'sku'>>>(tx, opts.skipLocked ? LOCK_STATES_SKIP_LOCKED : LOCK_STATES, skus)) {
    if (!states.has(r.sku)) {
      states.set(r.sku, toState(r));
      levels.set(r.sku, []);
    }
    if (r.location !== null && r.location !== undefined) (levels.get(r.sku) as Level[]).push(toLevel(r as unknown as LevelRecord));
  }
  if (db.isPostgres && states.size > 0) for (const [sku, list] of await loadLevelsIn(db, tx, [...states.keys()])) levels.set(sku, list);
  return { states, levels };
}

export async function readSkuStates(q: Q | Tx, skus: readonly string[]): Promise<Map<string, SkuStateRow>> {
  const out = new Map<string, SkuStateRow>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await q.selectFrom('sku_state').selectAll().where('sku', 'in', skus.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.sku, toState(r));
  }
  return out;
}

/** Queued with the write's other rows (TxContext.later): nothing reads them back before the write's flush. */
export async function writeSkuStates(ctx: TxContext, rows: SkuStateRow[], now: string): Promise<void> {
  await ctx.later(UPSERT_STATES, rows.map((r) => [r.sku, r.status, r.availableToSell, r.version, r.productRev, r.backordered, r.preordered, now]));
}

/** Levels of the SKUs, read inside a stock write. */
export async function loadLevelsIn(db: Database, tx: Tx, skus: readonly string[]): Promise<Map<string, Level[]>> {
  const out = new Map<string, Level[]>();
  for (const r of await db.selectIn<LevelRecord>(tx, LEVELS_OF, skus)) {
    const list = out.get(r.sku);
    if (list) list.push(toLevel(r));
    else out.set(r.sku, [toLevel(r)]);
  }
  return out;
}

export async function loadLevels(q: Q | Tx, skus: readonly string[]): Promise<Map<string, Level[]>> {
  const out = new Map<string, Level[]>();
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await q.selectFrom('stock_levels').selectAll().where('sku', 'in', skus.slice(i, i + 500)).execute();
    for (const r of rows) {
      const list = out.get(r.sku) ?? [];
      list.push(toLevel(r));
      out.set(r.sku, list);
    }
  }
  return out;
}

export async function writeLevels(ctx: TxContext, levels: Level[], now: string): Promise<void> {
  await ctx.later(UPSERT_LEVELS, levels.map((l) => [l.sku, l.location, l.onHand, l.reserved, l.committed, l.safetyStock, l.inbound, now]));
}

/** One movement as a ledger row. */
function ledgerRow(m: Movement, createdAt: string) {
  return {
    sku: m.sku,
    location: m.location,
    type: m.type,
    quantity: m.quantity,
    on_hand_delta: m.onHandDelta,
    reserved_delta: m.reservedDelta,
    committed_delta: m.committedDelta,
    reason: m.reason,
    reference: m.reference,
    created_at: createdAt,
  };
}

export async function insertLedger(ctx: TxContext, movements: Movement[], now: string): Promise<void> {
  await ctx.later(INSERT_LEDGER, movements.map((m) => [m.sku, m.location, m.type, m.quantity, m.onHandDelta, m.reservedDelta, m.committedDelta, m.reason, m.reference, now]));
}

/**
 * Ledger rows that carry their own times (a history loaded in bulk), thousands to a statement: as many rows as
 * the dialect's bound-parameter limit allows (10 per row; SQLite 32,766, PostgreSQL 65,535).
 */
export async function insertDatedLedger(tx: Tx, movements: ReadonlyArray<Movement & { createdAt: string }>, postgres: boolean, onWritten?: (rows: number) => void): Promise<void> {
  const chunk = postgres ? 6000 : 3000;
  for (let i = 0; i < movements.length; i += chunk) {
    const rows = movements.slice(i, i + chunk);
    await tx
      .insertInto('ledger')
      .values(
        rows.map((m) => ledgerRow(m, m.createdAt)),
      )
      .execute();
    onWritten?.(rows.length);
  }
}

export async function readLedger(q: Q, sku: string, afterId: number, limit: number): Promise<LedgerEntry[]> {
  const rows = await q.selectFrom('ledger').selectAll().where('sku', '=', sku).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toLedgerEntry);
}

function toLedgerEntry(r: Selectable<LedgerTable>): LedgerEntry {
  return {
    id: Number(r.id),
    sku: r.sku,
    location: r.location,
    type: r.type as Movement['type'],
    quantity: r.quantity,
    onHandDelta: r.on_hand_delta,
    reservedDelta: r.reserved_delta,
    committedDelta: r.committed_delta,
    reason: r.reason,
    reference: r.reference,
    createdAt: r.created_at,
  };
}

/** Sums the ledger per SKU × location: what the levels must be if they were kept in step. */
export async function replayLedger(q: Q, sku?: string): Promise<Array<{ sku: string; location: string; onHand: number; reserved: number; committed: number }>> {
  let sel = q
    .selectFrom('ledger')
    .select((eb) => [
      'sku',
      'location',
      eb.fn.sum<number>('on_hand_delta').as('on_hand'),
      eb.fn.sum<number>('reserved_delta').as('reserved'),
      eb.fn.sum<number>('committed_delta').as('committed'),
    ])
    .groupBy(['sku', 'location']);
  if (sku) sel = sel.where('sku', '=', sku);
  const rows = await sel.execute();
  return rows.map((r) => ({ sku: r.sku, location: r.location, onHand: Number(r.on_hand), reserved: Number(r.reserved), committed: Number(r.committed) }));
}

export function rowToLocation(r: { code: string; name: string; type: string; priority: number; region: string }): Location {
  return { code: r.code, name: r.name, type: r.type as LocationType, priority: r.priority, region: r.region };
}

export async function listLocations(q: Q | Tx): Promise<Location[]> {
  const rows = await q.selectFrom('locations').selectAll().orderBy('priority').orderBy('code').execute();
  return rows.map(rowToLocation);
}

export async function upsertLocation(tx: Tx, l: Location, now: string): Promise<void> {
  await tx
    .insertInto('locations')
    .values({ ...l, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        type: eb.ref('excluded.type'),
        priority: eb.ref('excluded.priority'),
        region: eb.ref('excluded.region'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Queued (TxContext.later) to go with the stock write's rows: read back only after the write's flush. */
export async function insertReservations(ctx: TxContext, rs: Reservation[], now: string, clients: ReadonlyMap<string, { key: string; address: string }> = new Map()): Promise<void> {
  await ctx.later(INSERT_RESERVATIONS, rs.map((r) => {
    const c = clients.get(r.id);
    return [r.id, r.sku, r.quantity, r.status, r.reference, r.expiresAt, r.createdAt, now, c?.key ?? null, c?.address ?? null];
  }));
  await ctx.later(INSERT_RESERVATION_LINES, rs.flatMap((r) => r.lines.map((l) => [r.id, l.location, l.quantity])));
}

/**
 * When one client (publishable key + address) made its latest reservations of a SKU since `since`, newest
 * first, at most `limit` of them: enough to tell whether the window is full and when it frees a place.
 */
export async function clientReservationTimes(q: Q | Tx, sku: string, key: string, address: string, since: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('reservations')
    .select('created_at')
    .where('sku', '=', sku)
    .where('client_key', '=', key)
    .where('client_addr', '=', address)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

export async function findReservations(q: Q | Tx, ids: readonly string[]): Promise<Map<string, Reservation>> {
  const out = new Map<string, Reservation>();
  if (ids.length === 0) return out;
  const rows = await q.selectFrom('reservations').selectAll().where('id', 'in', [...ids]).execute();
  const lines = await q.selectFrom('reservation_lines').selectAll().where('reservation_id', 'in', [...ids]).orderBy('location').execute();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      sku: r.sku,
      quantity: r.quantity,
      status: r.status as ReservationStatus,
      reference: r.reference,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
      lines: [],
    });
  }
  for (const l of lines) out.get(l.reservation_id)?.lines.push({ location: l.location, quantity: l.quantity });
  return out;
}

/** Active reservations of these SKUs whose time is up. */
export async function findExpiredIds(q: Q | Tx, skus: readonly string[], now: string): Promise<string[]> {
  // Every SKU may have been skipped as locked by another process: no SKUs, no SQL (`in ()` is a syntax error).
  if (skus.length === 0) return [];
  const rows = await q
    .selectFrom('reservations')
    .select('id')
    .where('sku', 'in', [...skus])
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .execute();
  return rows.map((r) => r.id);
}

/** SKUs with expired active reservations, oldest first: what the sweeper works on. */
export async function skusWithExpired(q: Q, now: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('reservations')
    .select('sku')
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit * 4)
    .execute();
  return [...new Set(rows.map((r) => r.sku))].slice(0, limit);
}

export async function setReservationStatus(tx: Tx, ids: readonly string[], status: ReservationStatus, now: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('reservations').set({ status, updated_at: now }).where('id', 'in', [...ids]).execute();
}

export async function locationExists(q: Q | Tx, code: string): Promise<boolean> {
  return (await q.selectFrom('locations').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** Records feed line keys not seen before; returns the ones that were new. */
export async function claimFeedKeys(tx: Tx, lines: ReadonlyArray<{ idempotencyKey: string; sku: string; location: string }>, now: string): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < lines.length; i += 500) {
    const chunk = lines.slice(i, i + 500);
    const inserted = await tx
      .insertInto('feed_lines')
      .values(chunk.map((l) => ({ idempotency_key: l.idempotencyKey, sku: l.sku, location: l.location, created_at: now })))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('idempotency_key')
      .execute();
    for (const r of inserted) fresh.add(r.idempotency_key);
  }
  return fresh;
}

/** What SKU and location each of these feed keys was first used for. */
export async function feedKeyOwners(tx: Tx, keys: readonly string[]): Promise<Map<string, { sku: string; location: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.selectFrom('feed_lines').select(['idempotency_key', 'sku', 'location']).where('idempotency_key', 'in', [...keys]).execute();
  return new Map(rows.map((r) => [r.idempotency_key, { sku: r.sku, location: r.location }]));
}

/** One SKU's stock summed over its locations, with the availability its last stock write stored. */
export interface StockTotals {
  sku: string;
  /** The availability status computeAvailability gave at the SKU's last stock write. */
  status: string;
  availableToSell: number | null;
  backordered: number;
  preordered: number;
  onHand: number;
  reserved: number;
  committed: number;
  safetyStock: number;
  inbound: number;
  /** Σ per location of max(0, onHand − reserved − committed − safetyStock): `sellable` in SQL. */
  free: number;
}

/**
 * Every SKU's totals in one statement (the stock table of up to ~10k SKUs): each state row (every product has
 * one from its first write on) with its levels summed, walked in key order on both tables. PostgreSQL sums bigints as numeric, which
 * the driver hands over as text: hence Number() below.
 */
export async function stockTotals(q: Q): Promise<StockTotals[]> {
  type Row = Record<'sku' | 'status', string> & Record<'available_to_sell' | 'backordered' | 'preordered' | 'on_hand' | 'reserved' | 'committed' | 'safety_stock' | 'inbound' | 'free', number | string | null>;
  const r = await sql<Row>`
    select s.sku, s.status, s.available_to_sell, s.backordered, s.preordered,
      sum(l.on_hand) as on_hand, sum(l.reserved) as reserved, sum(l.committed) as committed, sum(l.safety_stock) as safety_stock,
      sum(l.inbound) as inbound,
      sum(case when l.on_hand - l.reserved - l.committed - l.safety_stock > 0 then l.on_hand - l.reserved - l.committed - l.safety_stock else 0 end) as free
    from sku_state s left join stock_levels l on l.sku = s.sku
    group by s.sku`.execute(q);
  const n = (v: number | string | null): number => (v === null ? 0 : Number(v));
  return r.rows.map((row) => ({
    sku: row.sku,
    status: row.status,
    availableToSell: row.available_to_sell === null ? null : Number(row.available_to_sell),
    backordered: n(row.backordered),
    preordered: n(row.preordered),
    onHand: n(row.on_hand),
    reserved: n(row.reserved),
    committed: n(row.committed),
    safetyStock: n(row.safety_stock),
    inbound: n(row.inbound),
    free: n(row.free),
  }));
}

/** Filters of a ledger read: created from (inclusive) and to (exclusive), ISO 8601 text; movement types. */
export interface LedgerFilter {
  from?: string | undefined;
  to?: string | undefined;
  types?: readonly string[] | undefined;
}

function ledgerOf(q: Q, sku: string, f: LedgerFilter) {
  let sel = q.selectFrom('ledger').where('sku', '=', sku);
  if (f.from !== undefined) sel = sel.where('created_at', '>=', f.from);
  if (f.to !== undefined) sel = sel.where('created_at', '<', f.to);
  if (f.types !== undefined && f.types.length > 0) sel = sel.where('type', 'in', [...f.types]);
  return sel;
}

export async function readLedgerFiltered(q: Q, sku: string, afterId: number, limit: number, f: LedgerFilter): Promise<LedgerEntry[]> {
  const rows = await ledgerOf(q, sku, f).selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toLedgerEntry);
}

/** Movements of a SKU that pass the filter, whatever page is read. */
export async function countLedger(q: Q, sku: string, f: LedgerFilter): Promise<number> {
  const r = await ledgerOf(q, sku, f).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
