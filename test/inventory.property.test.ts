/**
 * Model-based property test: random sequences of feeds (counts and deltas), reservations (by priority or at a
 * location), commits, releases, expiries, shipments and safety-stock changes, checked after every step against
 * an independent model: no unit created or lost, reserved and committed match the reservations, available never
 * negative, a reservation succeeds exactly when the model has the stock, and the ledger replays to the levels.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { RestockError } from '../src/core/errors.ts';

const LOCS = ['WH1', 'WH2', 'ST1'] as const;
type Loc = (typeof LOCS)[number];

type Op =
  | { k: 'count'; loc: Loc; n: number }
  | { k: 'delta'; loc: Loc; d: number }
  | { k: 'reserve'; q: number; loc: Loc | null; ttl: number }
  | { k: 'commit'; i: number }
  | { k: 'release'; i: number }
  | { k: 'advance'; s: number }
  | { k: 'ship'; loc: Loc; q: number }
  | { k: 'safety'; loc: Loc; n: number };

const loc = fc.constantFrom(...LOCS);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('count' as const), loc, n: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ k: fc.constant('delta' as const), loc, d: fc.integer({ min: -6, max: 8 }).filter((d) => d !== 0) }),
  { arbitrary: fc.record({ k: fc.constant('reserve' as const), q: fc.integer({ min: 1, max: 6 }), loc: fc.option(loc, { nil: null }), ttl: fc.integer({ min: 10, max: 120 }) }), weight: 4 },
  { arbitrary: fc.record({ k: fc.constant('commit' as const), i: fc.nat(20) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('release' as const), i: fc.nat(20) }), weight: 2 },
  fc.record({ k: fc.constant('advance' as const), s: fc.integer({ min: 5, max: 90 }) }),
  fc.record({ k: fc.constant('ship' as const), loc, q: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ k: fc.constant('safety' as const), loc, n: fc.integer({ min: 0, max: 3 }) }),
);

interface ModelRes { id: string; lines: Array<{ location: string; quantity: number }>; status: 'active' | 'committed' | 'released' | 'expired'; expiresAt: number }

for (const dialect of DIALECTS) {
  describe(`inventory invariants, property-based (${dialect})`, () => {
    let h: Harness;
    let run = 0;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
    });
    after(async () => h?.close());

    it('no unit created or lost, never negative, never oversold', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
          const sku = `P-${dialect}-${run++}`;
          await h.restock.catalog.upsert({ sku, title: sku, price: '1' });
          const inv = h.restock.inventory;
          const onHand: Record<string, number> = { WH1: 0, WH2: 0, ST1: 0 };
          const safety: Record<string, number> = { WH1: 0, WH2: 0, ST1: 0 };
          const shipped: Record<string, number> = { WH1: 0, WH2: 0, ST1: 0 };
          const res: ModelRes[] = [];
          let feedN = 0;
          const bucket = (status: ModelRes['status'], l: string) =>
            res.filter((r) => r.status === status).reduce((s, r) => s + r.lines.filter((x) => x.location === l).reduce((a, x) => a + x.quantity, 0), 0);
          const committedAt = (l: string) => bucket('committed', l) - shipped[l]!;
          const sellableAt = (l: string) => Math.max(0, onHand[l]! - bucket('active', l) - committedAt(l) - safety[l]!);
          const expire = () => {
            const now = h.clock.now().getTime();
            for (const r of res) if (r.status === 'active' && r.expiresAt <= now) r.status = 'expired';
          };

          for (const o of ops) {
            switch (o.k) {
              case 'count':
                await inv.applyFeed([{ sku, location: o.loc, onHand: o.n, idempotencyKey: `${sku}-${feedN++}` }], 'prop');
                onHand[o.loc] = o.n;
                break;
              case 'delta':
                if (onHand[o.loc]! + o.d < 0) {
                  await assert.rejects(inv.applyFeed([{ sku, location: o.loc, delta: o.d, idempotencyKey: `${sku}-${feedN++}` }], 'prop'), RestockError);
                } else {
                  await inv.applyFeed([{ sku, location: o.loc, delta: o.d, idempotencyKey: `${sku}-${feedN++}` }], 'prop');
                  onHand[o.loc]! += o.d;
                }
                break;
              case 'reserve': {
                const sellableNow = () => (o.loc ? sellableAt(o.loc) : LOCS.reduce((s, l) => s + sellableAt(l), 0));
                // Expired holds not yet swept are reclaimed only when the request would otherwise come up short.
                if (sellableNow() < o.q) expire();
                const can = sellableNow();
                const r = await inv.reserve({ sku, quantity: o.q, ttlSeconds: o.ttl, ...(o.loc ? { location: o.loc } : {}) });
                assert.equal(r.ok, can >= o.q, `reserve ${o.q} with ${can} sellable`);
                if (r.ok) {
                  assert.equal(r.reservation.lines.reduce((s, l) => s + l.quantity, 0), o.q);
                  for (const l of r.reservation.lines) {
                    assert.ok(l.quantity <= sellableAt(l.location), 'a line never takes more than is sellable there');
                    if (o.loc) assert.equal(l.location, o.loc);
                  }
                  res.push({ id: r.reservation.id, lines: r.reservation.lines, status: 'active', expiresAt: Date.parse(r.reservation.expiresAt) });
                } else if (r.reason === 'insufficient_stock') {
                  assert.equal(r.available, can);
                }
                break;
              }
              case 'commit':
              case 'release': {
                const r = res[o.i % Math.max(1, res.length)];
                if (!r) break;
                const now = h.clock.now().getTime();
                const wasActive = r.status === 'active' && r.expiresAt > now;
                if (r.status === 'active' && r.expiresAt <= now) r.status = 'expired';
                try {
                  const out = o.k === 'commit' ? await inv.commitReservation(r.id) : await inv.releaseReservation(r.id);
                  assert.ok(wasActive || (o.k === 'release' && (r.status === 'released' || r.status === 'expired')), `${o.k} of ${r.status} succeeded`);
                  if (wasActive) r.status = o.k === 'commit' ? 'committed' : 'released';
                  assert.equal(out.status, r.status);
                } catch (e) {
                  assert.ok(e instanceof RestockError && e.status === 409, String(e));
                  assert.ok(!wasActive, `${o.k} of an active reservation failed: ${String(e)}`);
                }
                break;
              }
              case 'advance':
                h.clock.advance(o.s * 1000);
                await inv.sweepExpired();
                expire();
                break;
              case 'ship':
                if (committedAt(o.loc) >= o.q) {
                  await inv.ship(sku, o.loc, o.q);
                  shipped[o.loc]! += o.q;
                  onHand[o.loc]! -= o.q;
                } else {
                  await assert.rejects(inv.ship(sku, o.loc, o.q), RestockError);
                }
                break;
              case 'safety':
                await inv.setSafetyStock(sku, o.loc, o.n);
                safety[o.loc] = o.n;
                break;
            }

            // Invariants after every step.
            const { levels, totals } = await inv.levels(sku);
            const byLoc = new Map(levels.map((l) => [l.location, l]));
            for (const l of LOCS) {
              const lv = byLoc.get(l) ?? { onHand: 0, reserved: 0, committed: 0, safetyStock: 0 };
              assert.equal(lv.onHand, onHand[l], `on hand at ${l}`);
              assert.equal(lv.reserved, bucket('active', l) + (res.some((r) => r.status === 'expired') ? 0 : 0), `reserved at ${l}`);
              assert.equal(lv.committed, committedAt(l), `committed at ${l}`);
            }
            const avail = await inv.availability(sku);
            assert.ok((avail.availableToSell ?? 0) >= 0);
            assert.equal(avail.availableToSell, LOCS.reduce((s, l) => s + sellableAt(l), 0));
            assert.equal(totals.availableToSell, avail.availableToSell);
            const replay = await inv.replay(sku);
            for (const r of replay) {
              const lv = byLoc.get(r.location);
              assert.deepEqual([r.onHand, r.reserved, r.committed], [lv?.onHand, lv?.reserved, lv?.committed], 'ledger replays to the levels');
            }
          }
        }),
        { numRuns: dialect === 'sqlite' ? 60 : 25, endOnFailure: true },
      );
    });
  });
}
