/**
 * Model-based property test of backorders and pre-orders. Random sequences of orders (1–2 lines, some with a
 * reservation), receipts, inbound (create, move, shrink, cancel, receive part or all), line cancellations,
 * reservations (release, commit, expiry as time passes), adjustments, counts, shipments, allocation-policy
 * switches (fifo / priority with tiers, pre-orders first) and the pre-order release day, on four SKUs:
 *
 *   B  backorderable, cap 8, lead time 20 days      X  backorderable, cap 6, no lead time
 *   N  not backorderable                            P  upcoming, pre-orders capped at 8, released 2026-01-20
 *
 * An independent model predicts every answer that the spec pins down (how each line splits, which refusal and
 * why, reservations, on hand, inbound) and, after every step, the database is checked against it:
 *   - no unit created or lost: on hand per location is what was received, adjusted and counted less what shipped
 *     (also summed from the ledger); committed = Σ over live lines of (fromStock + allocated) + reservations
 *     committed outside orders − shipped; reserved = active reservations; the ledger replays to the levels;
 *   - never more handed out than there is: a location is only over-committed after a count or adjustment lowered
 *     it, and then nothing more is reserved or committed there;
 *   - no line allocated twice: allocated only grows, never beyond what the line waits for; the allocation rows of
 *     a line sum to fromStock + allocated; the order.line_allocated events of a line sum to its allocated;
 *   - queue order: a line gains units in a step only if every live line ahead of it in serving order (the policy
 *     in force: tier rank, pre-orders first, then arrival) has nothing left to wait for;
 *   - when stock becomes available (receipt, inbound receipt, upward adjustment or count, a cancelled line that
 *     held units, a released or expired reservation, release day) the head of the queue is served: it cannot take
 *     what is still free; nothing is allocated before release;
 *   - caps: waiting backorder units ≤ backorderLimit, pre-order units ≤ preorderLimit;
 *   - a waiting line of a SKU with a lead time or a release date has a promised date; the queue views list the
 *     waiting lines in serving order.
 *   - stock behind a waiting queue is not sold: a cart, a new line or availability sees only what the queue is
 *     not owed (taken off in location priority order).
 * Two stricter properties run too: stock never idle while the head of a queue could take it (after every step)
 * and availability agreeing with what the next line gets; and honest promised dates after every step. The
 * regressions at the end of this file are the minimal cases they once found.
 */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { RestockError } from '../src/core/errors.ts';
import { addDays, isoDate } from '../src/core/clock.ts';

const START = '2026-01-15T10:00:00.000Z';
const RELEASE_DATE = '2026-01-20';
const LOCS = ['WH1', 'WH2'] as const;
type Loc = (typeof LOCS)[number];
const KEYS = ['B', 'X', 'N', 'P'] as const;
type Key = (typeof KEYS)[number];
const CAP: Record<Key, number | null> = { B: 8, X: 6, N: null, P: 8 };
const LEAD: Record<Key, number | null> = { B: 20, X: null, N: null, P: null };
const BACKORDERABLE: Record<Key, boolean> = { B: true, X: true, N: false, P: false };
const TIERS = [null, 'vip', 'gold', 'bronze'] as const;
const RANKS: Record<string, number> = { vip: 1, gold: 2 };

// ---- operations

/** `=`: the SKU of the step before, so that steps on one SKU follow each other often enough to matter. */
type Pick = Key | '=';
interface LineOpOf<S> { s: S; q: number; partial: boolean; res: { any: boolean; pick: number } | null }
type OpOf<S> =
  | { k: 'order'; lines: Array<LineOpOf<S>>; tier: (typeof TIERS)[number] }
  | { k: 'receipt'; s: S; loc: Loc; q: number; http: boolean }
  | { k: 'inbound'; s: S; loc: Loc; q: number; day: number }
  | { k: 'inboundDate'; i: number; day: number }
  | { k: 'inboundQty'; i: number; keep: number; more: boolean }
  | { k: 'inboundCancel'; i: number }
  | { k: 'inboundReceive'; i: number; part: number | null; over: boolean }
  | { k: 'cancel'; i: number; waiting: boolean }
  | { k: 'reserve'; s: S; q: number; loc: Loc | null; ttl: number }
  | { k: 'release'; i: number }
  | { k: 'commit'; i: number }
  | { k: 'advance'; seconds: number; sweep: boolean }
  | { k: 'adjust'; s: S; loc: Loc; d: number }
  | { k: 'count'; s: S; loc: Loc; d: number }
  | { k: 'ship'; s: S; loc: Loc; q: number }
  | { k: 'policy'; strategy: 'fifo' | 'priority'; preordersFirst: boolean }
  | { k: 'releaseDay' };
type Op = OpOf<Key>;
type RawOp = OpOf<Pick>;

function resolve(raw: RawOp, prev: Key): Op {
  const pick = (s: Pick): Key => (s === '=' ? prev : s);
  if (raw.k === 'order') return { ...raw, lines: raw.lines.map((l) => ({ ...l, s: pick(l.s) })) };
  if ('s' in raw) return { ...raw, s: pick(raw.s) } as Op;
  return raw;
}

const same = { arbitrary: fc.constant<Pick>('='), weight: 3 };
const key = fc.oneof(same, { arbitrary: fc.constantFrom<Pick>(...KEYS), weight: 4 });
/** Order lines and receipts lean on the SKUs that queue. */
const lineKey = fc.oneof(same, { arbitrary: fc.constant<Pick>('B'), weight: 3 }, { arbitrary: fc.constant<Pick>('X'), weight: 2 }, { arbitrary: fc.constant<Pick>('P'), weight: 2 }, { arbitrary: fc.constant<Pick>('N'), weight: 1 });
const loc = fc.constantFrom(...LOCS);
const lineOp: fc.Arbitrary<LineOpOf<Pick>> = fc.record({
  s: lineKey,
  q: fc.integer({ min: 1, max: 5 }),
  partial: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  res: fc.option(fc.record({ any: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }), pick: fc.nat(30) }), { nil: null, freq: 3 }),
});
const opArb: fc.Arbitrary<RawOp> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('order' as const), lines: fc.array(lineOp, { minLength: 1, maxLength: 2 }), tier: fc.constantFrom(...TIERS) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('receipt' as const), s: lineKey, loc, q: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 2 }, { arbitrary: fc.integer({ min: 4, max: 8 }), weight: 1 }), http: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('inbound' as const), s: key, loc, q: fc.integer({ min: 1, max: 8 }), day: fc.integer({ min: 10, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('inboundDate' as const), i: fc.nat(20), day: fc.integer({ min: 10, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('inboundQty' as const), i: fc.nat(20), keep: fc.double({ min: 0, max: 0.99, noNaN: true }), more: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('inboundCancel' as const), i: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('inboundReceive' as const), i: fc.nat(20), part: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }), over: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('cancel' as const), i: fc.nat(40), waiting: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('reserve' as const), s: key, q: fc.integer({ min: 1, max: 3 }), loc: fc.option(loc, { nil: null }), ttl: fc.integer({ min: 60, max: 3600 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('release' as const), i: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('commit' as const), i: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('advance' as const), seconds: fc.integer({ min: 30, max: 5400 }), sweep: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('adjust' as const), s: key, loc, d: fc.integer({ min: -3, max: 5 }).filter((d) => d !== 0) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('count' as const), s: key, loc, d: fc.integer({ min: -3, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('ship' as const), s: key, loc, q: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('policy' as const), strategy: fc.constantFrom('fifo' as const, 'priority' as const), preordersFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ k: 'releaseDay' as const }) },
);

/** Stock on hand per SKU × location when a run starts (P's is kept for its release day). */
type Initial = Record<Key, Record<Loc, number>>;
const initialArb: fc.Arbitrary<Initial> = fc.record(
  Object.fromEntries(KEYS.map((k) => [k, fc.record({ WH1: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })), WH2: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })) })])) as Record<Key, fc.Arbitrary<Record<Loc, number>>>,
);

// ---- the model

interface MLine {
  id: string;
  orderId: string;
  s: Key;
  qty: number;
  fromStock: number;
  backordered: number;
  preordered: number;
  allocated: number;
  cancelled: boolean;
  partial: boolean;
  tier: string | null;
  arrival: number;
}
interface MRes { id: string; s: Key; q: number; lines: Array<{ location: string; quantity: number }>; status: 'active' | 'committed' | 'released' | 'expired'; expiresAt: number; standalone: boolean }
interface MInb { id: string; s: Key; loc: Loc; qty: number; received: number; date: string; status: 'open' | 'received' | 'cancelled' }
interface Policy { strategy: 'fifo' | 'priority'; tierRanks: Record<string, number>; preordersFirst: boolean; useSafetyStock: boolean }

const waitingOf = (l: MLine) => (l.cancelled ? 0 : l.backordered + l.preordered - l.allocated);
const kindOf = (l: MLine): 'preorder' | 'backorder' => (l.preordered > 0 ? 'preorder' : 'backorder');
const perLoc = () => ({ WH1: 0, WH2: 0 }) as Record<Loc, number>;

/** Serving order by the spec: pre-orders first if asked, then tier rank under `priority`, then arrival. */
function servingOrder(lines: readonly MLine[], p: Policy): MLine[] {
  const rank = (l: MLine) => (p.strategy === 'priority' && l.tier != null ? (p.tierRanks[l.tier] ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  return [...lines].sort((a, b) => {
    if (p.preordersFirst && kindOf(a) !== kindOf(b)) return kindOf(a) === 'preorder' ? -1 : 1;
    return rank(a) - rank(b) || a.arrival - b.arrival;
  });
}

interface Checks {
  /** Stock never idle while the head of a queue could take it (after every step, not only after arrivals). */
  idleAlways: boolean;
  /** Promised dates honest after every step. */
  promises: boolean;
}

for (const dialect of DIALECTS) {
  describe(`backorders and pre-orders, property-based (${dialect})`, () => {
    let h: Harness;
    let run = 0;
    let customerN = 0;

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
    });
    after(async () => h?.close());

    async function runOps(initial: Initial, ops: RawOp[], checks: Checks): Promise<void> {
      const r = run++;
      const sku = Object.fromEntries(KEYS.map((k) => [k, `${k}${r}-${dialect}`])) as Record<Key, string>;
      const keyOf = new Map(KEYS.map((k) => [sku[k], k]));
      const allSkus = KEYS.map((k) => sku[k]);
      const inv = h.restock.inventory;
      const db = h.restock.db.kysely;
      h.clock.set(START);
      const policy: Policy = { strategy: 'fifo', tierRanks: RANKS, preordersFirst: false, useSafetyStock: false };
      await h.restock.orders.setAllocationPolicy(policy);
      await h.restock.catalog.upsert({ sku: sku.B, title: 'B', price: '1', policy: { allowBackorder: true, backorderLimit: CAP.B, leadTimeDays: LEAD.B } });
      await h.restock.catalog.upsert({ sku: sku.X, title: 'X', price: '1', policy: { allowBackorder: true, backorderLimit: CAP.X } });
      await h.restock.catalog.upsert({ sku: sku.N, title: 'N', price: '1' });
      await h.restock.catalog.upsert({ sku: sku.P, title: 'P', price: '1', status: 'upcoming', policy: { allowPreorder: true, preorderLimit: CAP.P, releaseDate: RELEASE_DATE } });
      const seed = KEYS.flatMap((k) => LOCS.filter((l) => initial[k][l] > 0).map((l) => ({ sku: sku[k], location: l, onHand: initial[k][l], idempotencyKey: `${sku[k]}-seed-${l}` })));
      if (seed.length > 0) await inv.applyFeed(seed, 'property');

      // Model state.
      const status: Record<Key, 'active' | 'upcoming'> = { B: 'active', X: 'active', N: 'active', P: 'upcoming' };
      const onHand = Object.fromEntries(KEYS.map((k) => [k, { ...initial[k] }])) as Record<Key, Record<Loc, number>>;
      const shipped = Object.fromEntries(KEYS.map((k) => [k, perLoc()])) as Record<Key, Record<Loc, number>>;
      const lines: MLine[] = [];
      const res: MRes[] = [];
      const inbound: MInb[] = [];
      let arrival = 0;
      /** Units committed per SKU × location to order lines, as the allocation rows say (where is the system's choice). */
      let lineCommitted = Object.fromEntries(KEYS.map((k) => [k, perLoc()])) as Record<Key, Record<Loc, number>>;
      /** Locations over-committed (on hand < reserved + committed) at the end of the last step. */
      let over = new Set<string>();
      /** Per line: units allocated; per SKU:location: reserved + committed; both as of the end of the last step. */
      const prevHeld = new Map<string, number>();
      const prevPromise = new Map<string, string | null>();
      const log: string[] = [];

      const today = () => isoDate(h.clock.now());
      const reservedAt = (s: Key, l: Loc) => res.filter((x) => x.s === s && x.status === 'active').reduce((n, x) => n + x.lines.filter((y) => y.location === l).reduce((a, y) => a + y.quantity, 0), 0);
      const standaloneAt = (s: Key, l: Loc) => res.filter((x) => x.s === s && x.status === 'committed' && x.standalone).reduce((n, x) => n + x.lines.filter((y) => y.location === l).reduce((a, y) => a + y.quantity, 0), 0) - shipped[s][l];
      const committedAt = (s: Key, l: Loc) => lineCommitted[s][l] + standaloneAt(s, l);
      const sellableAt = (s: Key, l: Loc) => Math.max(0, onHand[s][l] - reservedAt(s, l) - committedAt(s, l));
      const free = (s: Key) => LOCS.reduce((n, l) => n + sellableAt(s, l), 0);
      const live = (s: Key) => lines.filter((l) => l.s === s && !l.cancelled);
      const waitingLines = (s: Key) => live(s).filter((l) => waitingOf(l) > 0);
      const waitingUnits = (s: Key, kind?: 'preorder' | 'backorder') => waitingLines(s).filter((l) => !kind || kindOf(l) === kind).reduce((n, l) => n + waitingOf(l), 0);
      /** What a new sale may take at a location: the queue's claim comes off first, WH1 (priority 1) then WH2. */
      const forSaleAt = (s: Key, at: Loc) => {
        let claim = waitingUnits(s);
        for (const l of LOCS) {
          const take = Math.min(claim, sellableAt(s, l));
          claim -= take;
          if (l === at) return sellableAt(s, l) - take;
        }
        return 0;
      };
      const forSale = (s: Key) => LOCS.reduce((n, l) => n + forSaleAt(s, l), 0);
      const expectFail = async (p: Promise<unknown>, status: number, code: string) => {
        await assert.rejects(p, (e: unknown) => {
          assert.ok(e instanceof RestockError, String(e));
          assert.deepEqual([e.status, e.code], [status, code], e.message);
          return true;
        });
      };
      const pickInbound = (i: number) => inbound[i % Math.max(1, inbound.length)];

      let lastKey: Key = 'B';
      let policySwitched = false;
      /** order.line_allocated events per line, summed as they appear in the outbox. */
      const eventSum = new Map<string, number>();
      let lastEventId = Number((await db.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
      for (const [stepNo, raw] of ops.entries()) {
        const op = resolve(raw, lastKey);
        lastKey = op.k === 'order' ? (op.lines[0]?.s ?? lastKey) : 's' in op ? op.s : lastKey;
        log.push(`${stepNo}: ${JSON.stringify(op)}`);
        const available = new Set<Key>(); // SKUs where stock became available in this step
        const lowered = new Set<string>(); // sku:loc lowered by a count or adjustment
        const newLines = new Set<string>();
        let released = false;
        let orderProbe: { line: MLine; availability: { availableToSell: number | null; promisedDate: string | null; status: string } } | null = null;

        switch (op.k) {
          case 'order': {
            if (op.lines.length === 2 && op.lines[0]?.s === op.lines[1]?.s) {
              const dup = { sku: sku[op.lines[0]!.s], quantity: 1 };
              const out = await h.call('POST', '/v1/orders', { customer: { id: 'dup', email: 'dup@example.com' }, lines: [dup, dup] }, { as: 'checkout' });
              assert.equal(out.status, 400, out.raw);
              assert.equal(out.body.error.code, 'duplicate_line');
              break;
            }
            const now = h.clock.now().getTime();
            const refusals: Array<[number, string]> = [];
            const splits: Array<{ fromStock: number; backordered: number; preordered: number }> = [];
            const usedRes: Array<MRes | null> = [];
            const body: Array<Record<string, unknown>> = [];
            for (const [n, l] of op.lines.entries()) {
              const s = l.s;
              let reservation: MRes | null = null;
              if (l.res) {
                const pool = l.res.any ? res : res.filter((x) => x.s === s);
                reservation = pool.length > 0 ? (pool[l.res.pick % pool.length] ?? null) : null;
              }
              body.push({ sku: sku[s], quantity: l.q, ...(l.partial ? {} : { allowPartial: false }), ...(reservation ? { reservationId: reservation.id } : {}) });
              usedRes.push(reservation);
              let reserved = 0;
              if (reservation) {
                if (reservation.s !== s) { refusals.push([n, 'reservation_mismatch']); continue; }
                const st = reservation.status === 'active' && reservation.expiresAt <= now ? 'expired' : reservation.status;
                if (st !== 'active') { refusals.push([n, `reservation_${st}`]); continue; }
                reserved = reservation.q;
                if (reserved > l.q) { refusals.push([n, 'reservation_mismatch']); continue; }
              }
              if (status[s] === 'upcoming') {
                if (l.q > (CAP[s] ?? Infinity) - waitingUnits(s, 'preorder')) { refusals.push([n, 'preorder_limit']); continue; }
                splits.push({ fromStock: 0, backordered: 0, preordered: l.q });
                continue;
              }
              // Someone already waits: a new line queues behind them rather than take the stock they wait for.
              const fromStock = reserved + Math.min(l.q - reserved, forSale(s));
              const rest = l.q - fromStock;
              if (rest > 0 && !BACKORDERABLE[s]) { refusals.push([n, 'insufficient_stock']); continue; }
              if (rest > 0 && rest > (CAP[s] ?? Infinity) - waitingUnits(s, 'backorder')) { refusals.push([n, 'backorder_limit']); continue; }
              splits.push({ fromStock, backordered: rest, preordered: 0 });
            }
            let availability = null;
            if (checks.idleAlways || checks.promises) {
              const only = op.lines[0];
              if (op.lines.length === 1 && only && !usedRes[0]) availability = (await h.call('GET', `/v1/availability/${sku[only.s]}`, undefined, { as: 'storefront' })).body;
            }
            const customer = { id: `pc${++customerN}`, email: `pc${customerN}@example.com`, ...(op.tier ? { tier: op.tier } : {}) };
            const out = await h.call('POST', '/v1/orders', { customer, lines: body }, { as: 'checkout' });
            if (refusals.length > 0) {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, 'order_refused');
              assert.deepEqual(out.body.error.details.lines.map((x: { line: number; code: string }) => [x.line, x.code]), refusals, out.raw);
              break;
            }
            assert.equal(out.status, 201, out.raw);
            for (const [n, l] of op.lines.entries()) {
              const got = out.body.lines[n];
              const want = splits[n];
              assert.ok(got && want);
              assert.deepEqual([got.sku, got.quantity, got.fromStock, got.backordered, got.preordered], [sku[l.s], l.q, want.fromStock, want.backordered, want.preordered], `line ${n} split`);
              const m: MLine = { id: got.id, orderId: out.body.id, s: l.s, qty: l.q, ...want, allocated: 0, cancelled: false, partial: l.partial, tier: op.tier, arrival: arrival++ };
              lines.push(m);
              newLines.add(m.id);
              const used = usedRes[n];
              if (used) used.status = 'committed';
              if (availability && op.lines.length === 1) orderProbe = { line: m, availability };
            }
            break;
          }
          case 'receipt': {
            if (op.http) {
              const out = await h.call('POST', '/v1/inventory/receipts', { sku: sku[op.s], location: op.loc, quantity: op.q }, { as: 'feed' });
              assert.equal(out.status, 200, out.raw);
            } else await inv.receive(sku[op.s], op.loc, op.q);
            onHand[op.s][op.loc] += op.q;
            available.add(op.s);
            break;
          }
          case 'inbound': {
            const date = addDays(START.slice(0, 10), op.day);
            const out = await h.call('POST', '/v1/inbound', { sku: sku[op.s], location: op.loc, quantity: op.q, expectedDate: date, reference: `PO-${stepNo}` }, { as: 'feed' });
            assert.equal(out.status, 201, out.raw);
            assert.deepEqual([out.body.status, out.body.received, out.body.quantity], ['open', 0, op.q]);
            inbound.push({ id: out.body.id, s: op.s, loc: op.loc, qty: op.q, received: 0, date, status: 'open' });
            break;
          }
          case 'inboundDate':
          case 'inboundQty':
          case 'inboundCancel': {
            const i = pickInbound(op.i);
            if (!i) break;
            let patch: Record<string, unknown>;
            if (op.k === 'inboundDate') patch = { expectedDate: addDays(START.slice(0, 10), op.day) };
            else if (op.k === 'inboundQty') patch = { quantity: Math.max(1, op.more ? i.qty + 2 : i.received + Math.floor((i.qty - i.received) * op.keep)) };
            else patch = { status: 'cancelled' };
            const out = await h.call('PATCH', `/v1/inbound/${i.id}`, patch, { as: 'feed' });
            if (i.status !== 'open') {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, `inbound_${i.status}`);
              break;
            }
            const q = patch.quantity as number | undefined;
            if (q !== undefined && q < i.received) {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, 'below_received');
              break;
            }
            assert.equal(out.status, 200, out.raw);
            if (patch.expectedDate) i.date = patch.expectedDate as string;
            if (q !== undefined) i.qty = q;
            if (op.k === 'inboundCancel') i.status = 'cancelled';
            else if (i.received >= i.qty) i.status = 'received';
            assert.deepEqual([out.body.status, out.body.quantity, out.body.received, out.body.expectedDate], [i.status, i.qty, i.received, i.date]);
            break;
          }
          case 'inboundReceive': {
            const i = pickInbound(op.i);
            if (!i) break;
            const remaining = i.qty - i.received;
            const q = op.over ? remaining + 1 : op.part === null ? null : Math.min(op.part, Math.max(1, remaining));
            const out = await h.call('POST', `/v1/inbound/${i.id}/receive`, q === null ? {} : { quantity: q }, { as: 'feed' });
            if (i.status !== 'open') {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, `inbound_${i.status}`);
              break;
            }
            const units = q ?? remaining;
            if (units > remaining) {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, 'over_receipt');
              break;
            }
            assert.equal(out.status, 200, out.raw);
            i.received += units;
            if (i.received >= i.qty) i.status = 'received';
            assert.deepEqual([out.body.status, out.body.received], [i.status, i.received]);
            onHand[i.s][i.loc] += units;
            available.add(i.s);
            break;
          }
          case 'cancel': {
            // Half the time a line that still waits (one that blocks a queue, say), else any line, even a cancelled one.
            const pool = op.waiting && lines.some((x) => waitingOf(x) > 0) ? lines.filter((x) => waitingOf(x) > 0) : lines;
            const l = pool[op.i % Math.max(1, pool.length)];
            if (!l) break;
            const out = await h.call('POST', `/v1/orders/${l.orderId}/lines/${l.id}/cancel`, {}, { as: 'checkout' });
            if (l.cancelled) {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, 'line_cancelled');
              break;
            }
            assert.equal(out.status, 200, out.raw);
            if (l.fromStock + l.allocated > 0) available.add(l.s);
            l.cancelled = true;
            break;
          }
          case 'reserve': {
            // When the request would come up short, the SKU's lapsed holds go back first (to waiting lines first).
            const now = h.clock.now().getTime();
            let settled = false;
            let can = op.loc ? forSaleAt(op.s, op.loc) : forSale(op.s);
            if (can < op.q && status[op.s] === 'active') {
              for (const x of res) {
                if (x.s === op.s && x.status === 'active' && x.expiresAt <= now) {
                  x.status = 'expired';
                  available.add(op.s);
                  settled ||= waitingLines(op.s).length > 0;
                }
              }
              can = op.loc ? forSaleAt(op.s, op.loc) : forSale(op.s);
            }
            const out = await inv.reserve({ sku: sku[op.s], quantity: op.q, ttlSeconds: op.ttl, ...(op.loc ? { location: op.loc } : {}) });
            if (status[op.s] === 'upcoming') {
              assert.ok(!out.ok && out.reason === 'not_sellable', JSON.stringify(out));
              break;
            }
            // When freed units went to waiting lines first, what was left is checked through the levels below.
            if (!settled) assert.equal(out.ok, can >= op.q, `reserve ${op.q} of ${op.s} with ${can} sellable: ${JSON.stringify(out)}`);
            if (!out.ok) break;
            for (const x of out.reservation.lines) {
              if (!settled) assert.ok(x.quantity <= forSaleAt(op.s, x.location as Loc), 'a reservation takes only units no waiting line is owed');
              if (op.loc) assert.equal(x.location, op.loc);
            }
            assert.equal(out.reservation.lines.reduce((n, x) => n + x.quantity, 0), op.q);
            res.push({ id: out.reservation.id, s: op.s, q: op.q, lines: out.reservation.lines, status: 'active', expiresAt: Date.parse(out.reservation.expiresAt), standalone: false });
            break;
          }
          case 'release': {
            const x = res[op.i % Math.max(1, res.length)];
            if (!x) break;
            if (x.status === 'committed') {
              await expectFail(inv.releaseReservation(x.id), 409, 'reservation_committed');
              break;
            }
            const out = await inv.releaseReservation(x.id);
            if (x.status === 'active') {
              // A hold whose time is up but that no sweep has seen yet ends as expired.
              x.status = x.expiresAt <= h.clock.now().getTime() ? 'expired' : 'released';
              available.add(x.s);
            }
            assert.equal(out.status, x.status);
            break;
          }
          case 'commit': {
            const x = res[op.i % Math.max(1, res.length)];
            if (!x) break;
            if (x.status === 'active' && x.expiresAt <= h.clock.now().getTime()) {
              // Too late: the refusal gives the units back.
              await expectFail(inv.commitReservation(x.id), 409, 'reservation_expired');
              x.status = 'expired';
              available.add(x.s);
              break;
            }
            if (x.status !== 'active') {
              await expectFail(inv.commitReservation(x.id), 409, `reservation_${x.status}`);
              break;
            }
            assert.equal((await inv.commitReservation(x.id, 'outside-orders')).status, 'committed');
            x.status = 'committed';
            x.standalone = true;
            break;
          }
          case 'advance':
          case 'releaseDay': {
            if (op.k === 'advance') h.clock.advance(op.seconds * 1000);
            else {
              if (h.clock.now().toISOString() < `${RELEASE_DATE}T06:00:00.000Z`) h.clock.set(`${RELEASE_DATE}T06:00:00.000Z`);
              const out = await h.restock.orders.releaseDue();
              if (status.P === 'upcoming') {
                assert.ok(out.includes(sku.P), `release day releases ${sku.P}: ${JSON.stringify(out)}`);
                status.P = 'active';
                available.add('P');
                released = true;
              } else assert.ok(!out.includes(sku.P));
            }
            // Expired holds go back when the sweeper passes (every second in a real process); until then they hold.
            if (op.k === 'advance' && !op.sweep) break;
            await inv.sweepExpired();
            const now = h.clock.now().getTime();
            for (const x of res) {
              if (x.status === 'active' && x.expiresAt <= now) {
                x.status = 'expired';
                available.add(x.s);
              }
            }
            break;
          }
          case 'adjust': {
            const out = await h.call('POST', '/v1/inventory/adjustments', { sku: sku[op.s], location: op.loc, delta: op.d, reason: 'property' }, { as: 'feed' });
            if (onHand[op.s][op.loc] + op.d < 0) {
              assert.equal(out.status, 409, out.raw);
              assert.equal(out.body.error.code, 'negative_stock');
              break;
            }
            assert.equal(out.status, 200, out.raw);
            onHand[op.s][op.loc] += op.d;
            if (op.d > 0) available.add(op.s);
            else lowered.add(`${op.s}:${op.loc}`);
            break;
          }
          case 'count': {
            const counted = Math.max(0, onHand[op.s][op.loc] + op.d);
            await inv.applyFeed([{ sku: sku[op.s], location: op.loc, onHand: counted, idempotencyKey: `${sku[op.s]}-count-${stepNo}` }], 'property');
            if (counted > onHand[op.s][op.loc]) available.add(op.s);
            if (counted < onHand[op.s][op.loc]) lowered.add(`${op.s}:${op.loc}`);
            onHand[op.s][op.loc] = counted;
            break;
          }
          case 'ship': {
            // Ships units committed outside orders only (shipments are not tied to lines).
            if (standaloneAt(op.s, op.loc) < op.q) break;
            if (onHand[op.s][op.loc] < op.q) {
              await expectFail(inv.ship(sku[op.s], op.loc, op.q), 409, 'insufficient_on_hand');
              break;
            }
            await inv.ship(sku[op.s], op.loc, op.q);
            shipped[op.s][op.loc] += op.q;
            onHand[op.s][op.loc] -= op.q;
            break;
          }
          case 'policy': {
            policySwitched = true;
            policy.strategy = op.strategy;
            policy.preordersFirst = op.preordersFirst;
            const out = await h.call('PUT', '/v1/settings/allocation', policy);
            assert.equal(out.status, 200, out.raw);
            break;
          }
        }

        // ---- read the database
        const dbLines = await db.selectFrom('order_lines').selectAll().where('sku', 'in', allSkus).execute();
        const byId = new Map(dbLines.map((l) => [l.id, l]));
        const allocRows = dbLines.length > 0 ? await db.selectFrom('order_line_allocations').selectAll().where('line_id', 'in', dbLines.map((l) => l.id)).execute() : [];
        const levelRows = await db.selectFrom('stock_levels').selectAll().where('sku', 'in', allSkus).execute();
        // The outbox only grows: read what is new since the last step.
        const eventRows = await db.selectFrom('events').select(['id', 'payload']).where('id', '>', lastEventId).where('type', '=', 'order.line_allocated').where('sku', 'in', allSkus).orderBy('id').execute();
        const ledgerSums = await db
          .selectFrom('ledger')
          .select((eb) => ['sku', 'location', 'type', eb.fn.sum<number>('on_hand_delta').as('d'), eb.fn.sum<number>('reserved_delta').as('r'), eb.fn.sum<number>('committed_delta').as('c')])
          .where('sku', 'in', allSkus)
          .groupBy(['sku', 'location', 'type'])
          .execute();
        const where = () => `\n${log.join('\n')}`;

        // ---- lines: the model's, with the allocation the system chose checked before it is adopted
        assert.equal(dbLines.length, lines.length, `every accepted line stored, no other${where()}`);
        const allocSum = new Map<string, number>();
        for (const a of allocRows) allocSum.set(a.line_id, (allocSum.get(a.line_id) ?? 0) + a.quantity);
        for (const e of eventRows) {
          lastEventId = Math.max(lastEventId, Number(e.id));
          const p = JSON.parse(e.payload) as { lineId: string; quantity: number };
          eventSum.set(p.lineId, (eventSum.get(p.lineId) ?? 0) + p.quantity);
        }
        const gained = new Set<string>();
        for (const m of lines) {
          const d = byId.get(m.id);
          assert.ok(d, `line ${m.id} stored${where()}`);
          assert.deepEqual([d.quantity, d.from_stock, d.backordered, d.preordered], [m.qty, m.fromStock, m.backordered, m.preordered], `line ${m.id} split${where()}`);
          assert.equal(d.allow_partial === 1, m.partial);
          assert.equal(d.status === 'cancelled', m.cancelled, `line ${m.id} cancelled iff cancelled: ${d.status}${where()}`);
          if (!m.cancelled) {
            assert.ok(d.allocated >= m.allocated, `allocation of ${m.id} never shrinks (${m.allocated} → ${d.allocated})${where()}`);
            assert.ok(d.allocated <= m.backordered + m.preordered, `line ${m.id} allocated ${d.allocated} beyond what it waits for${where()}`);
            if (status[m.s] === 'upcoming') assert.equal(d.allocated, 0, `nothing allocated before release${where()}`);
            if (d.allocated > (prevHeld.get(m.id) ?? 0)) gained.add(m.id);
            m.allocated = d.allocated;
            const w = waitingOf(m);
            const want = w > 0 ? (m.preordered > 0 ? 'preordered' : 'backordered') : m.backordered + m.preordered > 0 ? 'allocated' : 'confirmed';
            assert.equal(d.status, want, `status of ${m.id}${where()}`);
            assert.equal(allocSum.get(m.id) ?? 0, m.fromStock + m.allocated, `allocation rows of ${m.id} = fromStock + allocated${where()}`);
          } else {
            assert.equal(allocSum.get(m.id) ?? 0, 0, `a cancelled line holds nothing${where()}`);
          }
          assert.equal(eventSum.get(m.id) ?? 0, d.allocated, `order.line_allocated events of ${m.id} sum to its allocation${where()}`);
        }
        // Arrival order is queue order: seq grows with arrival for lines that waited at intake.
        for (const k of KEYS) {
          const seqs = lines.filter((m) => m.s === k && m.backordered + m.preordered > 0).map((m) => byId.get(m.id)?.seq ?? 0);
          for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `queue places follow arrival${where()}`);
        }

        // ---- queue order: a line gains units only when everyone ahead of it has all they wait for
        for (const k of KEYS) {
          const order = servingOrder(live(k), policy);
          order.forEach((m, idx) => {
            if (!gained.has(m.id)) return;
            for (const ahead of order.slice(0, idx)) {
              assert.equal(waitingOf(ahead), 0, `line ${m.id} got units while ${ahead.id}, ahead of it, still waits ${waitingOf(ahead)}${where()}`);
            }
          });
        }

        // ---- levels: units neither created nor lost
        lineCommitted = Object.fromEntries(KEYS.map((k) => [k, perLoc()])) as Record<Key, Record<Loc, number>>;
        for (const a of allocRows) {
          const m = byId.get(a.line_id);
          const k = m ? keyOf.get(m.sku) : undefined;
          assert.ok(k && (a.location === 'WH1' || a.location === 'WH2'), `allocation row at ${a.location}`);
          lineCommitted[k][a.location as Loc] += a.quantity;
        }
        const nextOver = new Set<string>();
        for (const k of KEYS) {
          let committedTotal = 0;
          for (const l of LOCS) {
            const row = levelRows.find((x) => x.sku === sku[k] && x.location === l);
            const lv = { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0, committed: row?.committed ?? 0, inbound: row?.inbound ?? 0 };
            assert.equal(lv.onHand, onHand[k][l], `on hand of ${k} at ${l}${where()}`);
            assert.equal(lv.reserved, reservedAt(k, l), `reserved of ${k} at ${l}${where()}`);
            assert.equal(lv.committed, committedAt(k, l), `committed of ${k} at ${l} = allocation rows + reservations committed outside orders − shipped${where()}`);
            const openIn = inbound.filter((i) => i.s === k && i.loc === l && i.status === 'open').reduce((n, i) => n + i.qty - i.received, 0);
            assert.equal(lv.inbound, openIn, `inbound of ${k} at ${l}${where()}`);
            committedTotal += lv.committed;
            const id = `${k}:${l}`;
            const held = lv.reserved + lv.committed;
            if (lv.onHand < held) {
              // Only a count or adjustment may leave a location short, and nothing more is handed out there after.
              assert.ok(lowered.has(id) || (over.has(id) && held <= (prevHeld.get(id) ?? 0)), `${k} at ${l} over-committed: on hand ${lv.onHand} < reserved ${lv.reserved} + committed ${lv.committed}${where()}`);
              nextOver.add(id);
            }
            prevHeld.set(id, held);
          }
          const standalone = LOCS.reduce((n, l) => n + standaloneAt(k, l), 0);
          assert.equal(committedTotal, live(k).reduce((n, m) => n + m.fromStock + m.allocated, 0) + standalone, `committed of ${k} = Σ live lines (fromStock + allocated) + outside orders${where()}`);
          const sums = ledgerSums.filter((x) => x.sku === sku[k]);
          const inflow = sums.filter((x) => ['receipt', 'adjustment', 'count'].includes(x.type)).reduce((n, x) => n + Number(x.d), 0);
          const outflow = sums.filter((x) => x.type === 'shipment').reduce((n, x) => n - Number(x.d), 0);
          const shippedTotal = LOCS.reduce((n, l) => n + shipped[k][l], 0);
          assert.equal(outflow, shippedTotal, `shipped of ${k}${where()}`);
          assert.equal(inflow, LOCS.reduce((n, l) => n + onHand[k][l], 0) + shippedTotal, `receipts + adjustments + counts = on hand + shipped for ${k}${where()}`);
          // The ledger replays to the levels (inventory.replay, the public read, is compared at the end of the run).
          for (const l of LOCS) {
            const at = sums.filter((x) => x.location === l);
            const row = levelRows.find((x) => x.sku === sku[k] && x.location === l);
            const total = (f: 'd' | 'r' | 'c') => at.reduce((n, x) => n + Number(x[f]), 0);
            assert.deepEqual([total('d'), total('r'), total('c')], [row?.on_hand ?? 0, row?.reserved ?? 0, row?.committed ?? 0], `ledger replays to the levels of ${k} at ${l}${where()}`);
          }

          // ---- caps
          if (status[k] === 'active' && CAP[k] !== null) assert.ok(waitingUnits(k, 'backorder') <= CAP[k]!, `backorder cap of ${k}${where()}`);
          if (status[k] === 'upcoming') assert.ok(waitingUnits(k, 'preorder') <= CAP[k]!, `pre-order cap of ${k}${where()}`);

          // ---- the head of the queue takes what is free
          const head = servingOrder(waitingLines(k), policy)[0];
          if (head && status[k] === 'active' && (available.has(k) || checks.idleAlways)) {
            const f = free(k);
            assert.ok(!(f > 0 && (head.partial || waitingOf(head) <= f)), `${f} units of ${k} free while line ${head.id} (waiting ${waitingOf(head)}, partial ${head.partial}) heads the queue${where()}`);
          }

          // ---- promised dates
          // Without a lead time, a backorder has a date when open inbound covers its place in the queue (checked
          // until the first policy switch: a switch reorders the queue without re-promising, see regressions).
          const openSupply = inbound.filter((i) => i.s === k && i.status === 'open').reduce((n, i) => n + i.qty - i.received, 0);
          let queued = 0;
          for (const m of servingOrder(waitingLines(k), policy)) {
            queued += waitingOf(m);
            const d = byId.get(m.id)?.promised_date ?? null;
            // A pre-order whose release date has passed with nothing to ship may have no date: none beats a false one.
            if (LEAD[k] !== null || (kindOf(m) === 'preorder' && today() <= RELEASE_DATE)) assert.notEqual(d, null, `waiting line ${m.id} of ${k} has a promised date${where()}`);
            // Units free on hand that a waiting line cannot take yet (it ships only in full) count towards its cover.
            else if (!policySwitched) assert.equal(d !== null, queued <= openSupply + free(k), `line ${m.id} of ${k} (units up to ${queued}, ${openSupply} inbound, ${free(k)} free) promised ${d}${where()}`);
            // A promise made or changed now is never in the past.
            if (checks.promises && (newLines.has(m.id) || (released && k === 'P') || d !== (prevPromise.get(m.id) ?? null)) && d !== null) {
              assert.ok(d >= today(), `line ${m.id} of ${k} is promised ${d} (was ${prevPromise.get(m.id) ?? null}), before today ${today()}${where()}`);
            }
          }
          if (checks.promises) {
            // Spec: the date of the supply that brings the last unit of the line's place in the queue; units
            // free on hand come first, then open inbound by date. Dates never go down along the queue.
            const supply = [{ date: status[k] === 'upcoming' ? RELEASE_DATE : today(), quantity: free(k) }, ...inbound.filter((i) => i.s === k && i.status === 'open').map((i) => ({ date: i.date, quantity: i.qty - i.received })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))];
            let need = 0;
            let last: string | null = null;
            for (const m of servingOrder(waitingLines(k), policy)) {
              need += waitingOf(m);
              const d = byId.get(m.id)?.promised_date ?? null;
              let covered = 0;
              let coverDate: string | null = null;
              for (const s of supply) {
                covered += s.quantity;
                if (covered >= need) {
                  coverDate = s.date;
                  break;
                }
              }
              if (coverDate !== null && kindOf(m) === 'preorder' && coverDate < RELEASE_DATE) coverDate = RELEASE_DATE;
              if (coverDate !== null && coverDate > today()) assert.equal(d, coverDate, `line ${m.id} of ${k} (units up to ${need} of the queue) is covered by supply on ${coverDate}, promised ${d}${where()}`);
              else if (coverDate !== null) assert.ok(d !== null && d <= (kindOf(m) === 'preorder' && RELEASE_DATE > today() ? RELEASE_DATE : today()), `line ${m.id} of ${k} is covered by stock on hand, promised ${d}${where()}`);
              if (last !== null) assert.ok(d === null || d >= last, `line ${m.id} of ${k} is promised ${d}, before ${last} promised to a line ahead of it${where()}`);
              if (d !== null) last = d;
            }
          }

          // ---- queue views list the waiting lines in serving order
          const touched = op.k === 'policy' || op.k === 'advance' || op.k === 'releaseDay' || ('s' in op && op.s === k) || (op.k === 'order' && op.lines.some((l) => l.s === k));
          if (touched) {
            const order = servingOrder(waitingLines(k), policy);
            for (const kind of k === 'P' ? (['backorder', 'preorder'] as const) : (['backorder'] as const)) {
              const q = await h.call('GET', `/v1/${kind}s?sku=${sku[k]}`);
              assert.equal(q.status, 200, q.raw);
              const want = order.map((m, i) => ({ m, position: i + 1 })).filter((x) => kindOf(x.m) === kind);
              assert.deepEqual(
                q.body.items.map((x: { lineId: string; position: number; quantity: number }) => [x.lineId, x.position, x.quantity]),
                want.map((x) => [x.m.id, x.position, waitingOf(x.m)]),
                `${kind} queue of ${k}${where()}`,
              );
            }
          }
          // ---- the waiting units the SKU's state row keeps (what the next stock write starts from) are the lines'
          const kept = await h.restock.db.kysely.selectFrom('sku_state').select(['backordered', 'preordered']).where('sku', '=', sku[k]).executeTakeFirstOrThrow();
          const summed = (await h.restock.db.kysely
            .selectFrom('order_lines')
            .select(['backordered', 'preordered', 'allocated'])
            .where('sku', '=', sku[k])
            .where('status', 'in', ['backordered', 'preordered'])
            .execute()).reduce((t, l) => (l.preordered > 0 ? { ...t, p: t.p + l.preordered - l.allocated } : { ...t, b: t.b + l.backordered - l.allocated }), { b: 0, p: 0 });
          assert.deepEqual([Number(kept.backordered), Number(kept.preordered)], [summed.b, summed.p], `waiting units kept for ${k}${where()}`);
        }
        over = nextOver;

        // ---- what the shopper was told before ordering
        if (orderProbe) {
          const { line: m, availability: av } = orderProbe;
          if (checks.idleAlways && (av.availableToSell ?? 0) >= m.qty) {
            assert.equal(m.fromStock, m.qty, `availability said ${av.availableToSell} in stock (${av.status}) but a line of ${m.qty} got ${m.fromStock} from stock${where()}`);
          }
          const d = byId.get(m.id)?.promised_date ?? null;
          // Availability speaks for a line that joins at the back; a priority customer may be served sooner.
          const jumps = policy.strategy === 'priority' && m.tier !== null && RANKS[m.tier] !== undefined;
          if (checks.promises && !jumps && m.qty === 1 && m.fromStock === 0 && (av.status === 'backorder' || av.status === 'preorder')) {
            assert.equal(d, av.promisedDate, `availability promised ${av.promisedDate}, the line got ${d}${where()}`);
          }
        }
        for (const m of lines) {
          prevHeld.set(m.id, m.allocated);
          prevPromise.set(m.id, byId.get(m.id)?.promised_date ?? null);
        }
      }

      for (const k of KEYS) {
        const { levels } = await inv.levels(sku[k]);
        const replay = await inv.replay(sku[k]);
        assert.deepEqual(
          replay.map((x) => [x.location, x.onHand, x.reserved, x.committed]).sort(),
          levels.filter((x) => replay.some((y) => y.location === x.location)).map((x) => [x.location, x.onHand, x.reserved, x.committed]).sort(),
          `inventory.replay(${k}) = inventory.levels(${k})`,
        );
        for (const l of levels.filter((x) => !replay.some((y) => y.location === x.location))) assert.deepEqual([l.onHand, l.reserved, l.committed], [0, 0, 0]);
      }
      // Give back holds so later runs (on their own SKUs) see no stray expiries.
      for (const x of res) if (x.status === 'active') await inv.releaseReservation(x.id);
    }

    const ops = fc.array(opArb, { minLength: 1, maxLength: 40, size: 'max' });
    const input = fc.tuple(initialArb, ops);
    const none: Initial = { B: { WH1: 0, WH2: 0 }, X: { WH1: 0, WH2: 0 }, N: { WH1: 0, WH2: 0 }, P: { WH1: 0, WH2: 0 } };
    const ln = (s: Pick, q: number, partial = true, res: LineOpOf<Pick>['res'] = null): LineOpOf<Pick> => ({ s, q, partial, res });
    /** Scenarios that matter, tried before the random ones (the search finds each, but not in every run). */
    const mainExamples: Array<[Initial, RawOp[]]> = [
      // A full-shipment line blocks the queue: the partial line behind it gets nothing from a short receipt, and a
      // new order joins behind rather than take the free units.
      [none, [
        { k: 'order', lines: [ln('B', 3, false)], tier: null },
        { k: 'order', lines: [ln('B', 1)], tier: null },
        { k: 'receipt', s: 'B', loc: 'WH1', q: 2, http: false },
        { k: 'order', lines: [ln('B', 1)], tier: null },
        { k: 'receipt', s: 'B', loc: 'WH2', q: 1, http: true },
      ]],
      // A hold whose time is up cannot be ordered against, even before the sweeper sees it; a short request reclaims it.
      [{ ...none, N: { WH1: 3, WH2: 0 } }, [
        { k: 'reserve', s: 'N', q: 2, loc: null, ttl: 60 },
        { k: 'advance', seconds: 120, sweep: false },
        { k: 'order', lines: [ln('N', 2, true, { any: false, pick: 0 })], tier: null },
        { k: 'reserve', s: 'N', q: 2, loc: 'WH1', ttl: 600 },
        { k: 'order', lines: [ln('N', 2, true, { any: false, pick: 1 })], tier: null },
      ]],
      // Tiers first under the priority policy; stock received before release is kept for the pre-orders.
      [{ ...none, P: { WH1: 2, WH2: 0 } }, [
        { k: 'policy', strategy: 'priority', preordersFirst: true },
        { k: 'order', lines: [ln('B', 2), ln('P', 3)], tier: null },
        { k: 'order', lines: [ln('B', 2)], tier: 'gold' },
        { k: 'order', lines: [ln('B', 2), ln('P', 1)], tier: 'vip' },
        { k: 'receipt', s: 'B', loc: 'WH1', q: 3, http: true },
        { k: 'releaseDay' },
      ]],
    ];
    /** Counterexamples the random search found (shrunk by hand), tried first so the strict properties fail every run until fixed. */
    const idleExamples: Array<[Initial, RawOp[]]> = [
      [none, [
        { k: 'order', lines: [{ s: 'X', q: 3, partial: false, res: null }], tier: null },
        { k: 'receipt', s: 'X', loc: 'WH1', q: 2, http: false },
        { k: 'order', lines: [{ s: 'X', q: 1, partial: true, res: null }], tier: null },
        { k: 'cancel', i: 0, waiting: true },
      ]],
    ];
    const promiseExamples: Array<[Initial, RawOp[]]> = [
      [none, [
        { k: 'inbound', s: 'B', loc: 'WH1', q: 3, day: 45 },
        { k: 'order', lines: [{ s: 'B', q: 3, partial: true, res: null }], tier: null },
        { k: 'order', lines: [{ s: 'B', q: 2, partial: true, res: null }], tier: null },
      ]],
    ];

    it('no unit created or lost, no line allocated twice, queue order and caps respected, the ledger replays', async () => {
      await fc.assert(
        fc.asyncProperty(input, async ([i, o]) => runOps(i, o, { idleAlways: false, promises: false })),
        { numRuns: dialect === 'sqlite' ? 50 : 25, includeErrorInReport: true, examples: mainExamples.map((e) => [e] as [[Initial, RawOp[]]]) },
      );
    });

    it('stock is never left idle while the head of a queue could take it, and availability tells the truth', async () => {
      await fc.assert(fc.asyncProperty(input, async ([i, o]) => runOps(i, o, { idleAlways: true, promises: false })), { numRuns: dialect === 'sqlite' ? 30 : 15, includeErrorInReport: true, examples: idleExamples.map((e) => [e] as [[Initial, RawOp[]]]) });
    });

    it('promised dates: covered by the supply that brings the line\'s last unit, never before a line ahead, never in the past', async () => {
      await fc.assert(fc.asyncProperty(input, async ([i, o]) => runOps(i, o, { idleAlways: false, promises: true })), { numRuns: dialect === 'sqlite' ? 30 : 15, includeErrorInReport: true, examples: promiseExamples.map((e) => [e] as [[Initial, RawOp[]]]) });
    });
  });

  // Minimal cases of what the two stricter properties found, each once a src bug.
  describe(`regressions found by the property test (${dialect})`, () => {
    let h: Harness;
    let n = 0;
    /** Upcoming SKUs a case made: released or not, they must not show up in a later case's release day. */
    let upcoming: string[] = [];
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
    });
    after(async () => h?.close());
    afterEach(async () => {
      for (const sku of upcoming) await h.restock.catalog.upsert({ sku, title: sku, price: '1', status: 'discontinued' });
      upcoming = [];
    });

    const fresh = async (policy: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const sku = `R${++n}`;
      if (extra.status === 'upcoming') upcoming.push(sku);
      h.clock.set(START);
      await h.restock.orders.setAllocationPolicy({ strategy: 'fifo', tierRanks: RANKS, preordersFirst: false, useSafetyStock: false });
      await h.restock.catalog.upsert({ sku, title: sku, price: '1', policy: { allowBackorder: true, ...policy }, ...extra });
      return sku;
    };
    const order = async (sku: string, quantity: number, o: { partial?: boolean; tier?: string; reservationId?: string } = {}) => {
      const r = await h.call('POST', '/v1/orders', {
        customer: { id: `r${++n}`, email: `r${n}@example.com`, ...(o.tier ? { tier: o.tier } : {}) },
        lines: [{ sku, quantity, ...(o.partial === false ? { allowPartial: false } : {}), ...(o.reservationId ? { reservationId: o.reservationId } : {}) }],
      }, { as: 'checkout' });
      assert.equal(r.status, 201, r.raw);
      return r.body.lines[0] as { id: string; fromStock: number; promisedDate: string | null };
    };
    const line = async (id: string) => (await h.restock.db.kysely.selectFrom('order_lines').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    const receive = (sku: string, quantity: number) => h.restock.inventory.receive(sku, 'WH1', quantity);
    const inbound = async (sku: string, quantity: number, expectedDate: string) =>
      assert.equal((await h.call('POST', '/v1/inbound', { sku, location: 'WH1', quantity, expectedDate }, { as: 'feed' })).status, 201);
    /** A queue headed by a full-shipment line of 3 with 2 units free behind it: the state every case below starts from. */
    const blocked = async (sku: string) => {
      const head = await order(sku, 3, { partial: false });
      await receive(sku, 2);
      assert.equal((await line(head.id)).allocated, 0);
      return head;
    };

    it('cancelling a waiting line that held no units hands the free stock to the next in line', async () => {
      const sku = await fresh({});
      const head = await blocked(sku);
      const next = await order(sku, 1);
      const c = await h.call('POST', `/v1/orders/${(await line(head.id)).order_id}/lines/${head.id}/cancel`, {}, { as: 'checkout' });
      assert.equal(c.status, 200, c.raw);
      assert.equal((await line(next.id)).status, 'allocated', 'the next in line moves up and is served');
      assert.equal((await h.restock.inventory.levels(sku)).totals.availableToSell, 1);
    });

    it('switching the allocation policy serves the new head of the queue and re-promises dates', async () => {
      const sku = await fresh({ leadTimeDays: 30 });
      await blocked(sku);
      const vip = await order(sku, 1, { tier: 'vip' });
      const put = await h.call('PUT', '/v1/settings/allocation', { strategy: 'priority', tierRanks: RANKS, preordersFirst: false, useSafetyStock: false });
      assert.equal(put.status, 200);
      assert.equal((await line(vip.id)).status, 'allocated', 'the vip line now heads the queue and 2 units are free');
    });

    it('switching the allocation policy re-promises dates in the new queue order', async () => {
      const sku = await fresh({ leadTimeDays: 30 });
      await inbound(sku, 2, '2026-02-01');
      const plain = await order(sku, 2);
      const vip = await order(sku, 2, { tier: 'vip' });
      assert.deepEqual([plain.promisedDate, vip.promisedDate], ['2026-02-01', '2026-02-14']);
      await h.call('PUT', '/v1/settings/allocation', { strategy: 'priority', tierRanks: RANKS, preordersFirst: false, useSafetyStock: false });
      const q = await h.call('GET', `/v1/backorders?sku=${sku}`);
      assert.deepEqual(q.body.items.map((i: { lineId: string; promisedDate: string }) => [i.lineId, i.promisedDate]), [[vip.id, '2026-02-01'], [plain.id, '2026-02-14']]);
    });

    it('a priority customer who joins at the head of a blocked queue is served from free stock', async () => {
      const sku = await fresh({});
      await h.restock.orders.setAllocationPolicy({ strategy: 'priority', tierRanks: RANKS, preordersFirst: false, useSafetyStock: false });
      await blocked(sku);
      const vip = await order(sku, 1, { tier: 'vip' });
      const q = await h.call('GET', `/v1/backorders?sku=${sku}`);
      const pos = q.body.items.find((i: { lineId: string }) => i.lineId === vip.id)?.position ?? 0;
      assert.ok(vip.fromStock === 1 || (await line(vip.id)).status === 'allocated', `the vip line waits at position ${pos} while ${(await h.restock.inventory.levels(sku)).totals.availableToSell} units are free`);
    });

    it('availability, reservations and order intake agree on whether blocked stock can be sold', async () => {
      const sku = await fresh({});
      await blocked(sku);
      const av = await h.call('GET', `/v1/availability/${sku}`, undefined, { as: 'storefront' });
      const direct = await order(sku, 1);
      const res = await h.restock.inventory.reserve({ sku, quantity: 1 });
      const viaCart = res.ok ? await order(sku, 1, { reservationId: res.reservation.id }) : null;
      assert.deepEqual(
        { availableToSell: av.body.availableToSell, direct: direct.fromStock, viaCart: viaCart?.fromStock ?? 0 },
        av.body.availableToSell > 0 ? { availableToSell: 2, direct: 1, viaCart: 1 } : { availableToSell: 0, direct: 0, viaCart: 0 },
      );
    });

    it('a promise counts the units already on hand', async () => {
      const sku = await fresh({});
      const head = await blocked(sku);
      await inbound(sku, 1, '2026-02-01');
      await inbound(sku, 5, '2026-03-01');
      assert.equal((await line(head.id)).promised_date, '2026-02-01', '2 on hand + 1 arriving on 2026-02-01 make the 3 units');
    });

    it('a line is never promised an earlier date than a line ahead of it', async () => {
      const sku = await fresh({ leadTimeDays: 10 });
      await inbound(sku, 3, '2026-03-01');
      const first = await order(sku, 3);
      const second = await order(sku, 2);
      assert.equal(first.promisedDate, '2026-03-01');
      assert.ok(second.promisedDate !== null && second.promisedDate >= '2026-03-01', `second in line promised ${second.promisedDate}, before the first (2026-03-01)`);
      const pre = await fresh({ allowBackorder: false, allowPreorder: true, preorderLimit: 10, releaseDate: RELEASE_DATE }, { status: 'upcoming' });
      await inbound(pre, 2, '2026-02-15');
      const p1 = await order(pre, 2);
      const p2 = await order(pre, 1);
      assert.equal(p1.promisedDate, '2026-02-15');
      assert.ok(p2.promisedDate === null || p2.promisedDate >= '2026-02-15', `pre-order beyond the inbound promised ${p2.promisedDate}, before the one ahead (2026-02-15)`);
    });

    it('a waiting pre-order is never promised a release date that has passed', async () => {
      const sku = await fresh({ allowBackorder: false, allowPreorder: true, preorderLimit: 10, releaseDate: RELEASE_DATE }, { status: 'upcoming' });
      const early = await order(sku, 2);
      h.clock.set('2026-01-22T09:00:00.000Z'); // the release job runs late (say the process was down)
      // No stock, no inbound, no lead time and the release date behind us: nothing supports a date, so none is
      // given (not the past release date, and not "today", which would be invented).
      const av = await h.call('GET', `/v1/availability/${sku}`, undefined, { as: 'storefront' });
      assert.equal(av.body.promisedDate, null, `availability on 2026-01-22 promises ${av.body.promisedDate}`);
      const late = await order(sku, 1);
      assert.equal(late.promisedDate, null, `a pre-order placed on 2026-01-22 with nothing to ship is promised ${late.promisedDate}`);
      assert.deepEqual(await h.restock.orders.releaseDue(), [sku]);
      const d = (await line(early.id)).promised_date;
      assert.equal(d, null, `released, nothing in stock, inbound or lead time, still promised ${d}`);
      // Supply is a reason for a date again.
      await inbound(sku, 5, '2026-02-10');
      assert.deepEqual([(await line(early.id)).promised_date, (await line(late.id)).promised_date], ['2026-02-10', '2026-02-10']);
    });

    it('availability promises what a new line would get', async () => {
      const sku = await fresh({});
      await inbound(sku, 2, '2026-02-01');
      await order(sku, 2);
      const av = await h.call('GET', `/v1/availability/${sku}`, undefined, { as: 'storefront' });
      const next = await order(sku, 1);
      assert.equal(av.body.promisedDate, next.promisedDate, 'availability promised one date, the order another');
      const lead = await fresh({ leadTimeDays: 20 });
      await order(lead, 1);
      h.clock.set('2026-01-20T10:00:00.000Z');
      const av2 = await h.call('GET', `/v1/availability/${lead}`, undefined, { as: 'storefront' });
      const next2 = await order(lead, 1);
      assert.equal(av2.body.promisedDate, next2.promisedDate, 'five days later availability still shows the first day\'s lead-time date');
    });
  });
}
