/** Which locations fulfil an order, tested directly: region, priority, one location, splits, and invariants. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chooseFulfilment, fulfilmentOrder, type FulfilmentLocation, type FulfilmentRequest } from './fulfilment-policy.ts';

const loc = (code: string, region: string, priority: number, active = true): FulfilmentLocation => ({ code, regions: [region], priority, active });
const LOCS = [loc('EU1', 'EU', 2), loc('EU2', 'EU', 3), loc('US1', 'US', 1), loc('OFF', 'EU', 0, false)];
const stock = (rows: Record<string, Record<string, number>>): Map<string, Map<string, number>> =>
  new Map(Object.entries(rows).map(([sku, m]) => [sku, new Map(Object.entries(m))]));
const req = (o: Partial<FulfilmentRequest>): FulfilmentRequest => ({ lines: [], allowSplit: false, locations: LOCS, available: new Map(), ...o });

describe('chooseFulfilment', () => {
  it('order of locations: customer region first, then priority, then code; inactive ones never', () => {
    assert.deepEqual(fulfilmentOrder(LOCS, 'EU').map((l) => l.code), ['EU1', 'EU2', 'US1']);
    assert.deepEqual(fulfilmentOrder(LOCS).map((l) => l.code), ['US1', 'EU1', 'EU2']);
    const d = chooseFulfilment(req({ lines: [{ sku: 'A', quantity: 1 }], available: stock({ A: { OFF: 10 } }) }));
    assert.equal(d.lines[0]?.unfillable, 1);
    assert.deepEqual(d.lines[0]?.allocations, []);
  });

  it('the customer region wins over a better priority elsewhere', () => {
    const d = chooseFulfilment(req({ customerRegion: 'EU', lines: [{ sku: 'A', quantity: 2 }], available: stock({ A: { US1: 5, EU2: 5 } }) }));
    assert.deepEqual(d.lines[0]?.allocations, [{ location: 'EU2', quantity: 2 }]);
  });

  it('one location for the whole order when one can, even a later one in the order', () => {
    const available = stock({ A: { EU1: 5, EU2: 5 }, B: { EU2: 5 } });
    const d = chooseFulfilment(req({ customerRegion: 'EU', allowSplit: true, lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 2 }], available }));
    assert.equal(d.singleLocation, true);
    assert.deepEqual(d.locations, ['EU2']);
    assert.deepEqual(d.lines.map((l) => l.allocations), [[{ location: 'EU2', quantity: 2 }], [{ location: 'EU2', quantity: 2 }]]);
  });

  it('no single location: each line from the first that has it in full, preferring one the order already uses', () => {
    const available = stock({ A: { EU1: 5, EU2: 5 }, B: { EU2: 5 }, C: { EU1: 5, EU2: 1 } });
    const d = chooseFulfilment(req({ customerRegion: 'EU', lines: [{ sku: 'B', quantity: 2 }, { sku: 'A', quantity: 2 }, { sku: 'C', quantity: 3 }], available }));
    assert.deepEqual(d.lines.map((l) => l.allocations[0]?.location), ['EU2', 'EU2', 'EU1']);
    assert.equal(d.singleLocation, false);
    assert.equal(d.unfillable, 0);
  });

  it('split across locations only when allowed; otherwise the one best location and the rest unfillable', () => {
    const available = stock({ A: { EU1: 3, EU2: 4, US1: 2 } });
    const split = chooseFulfilment(req({ customerRegion: 'EU', allowSplit: true, lines: [{ sku: 'A', quantity: 8 }], available }));
    assert.deepEqual(split.lines[0]?.allocations, [{ location: 'EU1', quantity: 3 }, { location: 'EU2', quantity: 4 }, { location: 'US1', quantity: 1 }]);
    assert.equal(split.unfillable, 0);
    const single = chooseFulfilment(req({ customerRegion: 'EU', allowSplit: false, lines: [{ sku: 'A', quantity: 8 }], available }));
    assert.deepEqual(single.lines[0]?.allocations, [{ location: 'EU2', quantity: 4 }]);
    assert.equal(single.lines[0]?.unfillable, 4);
  });

  it('two lines of one SKU share its stock', () => {
    const d = chooseFulfilment(req({ lines: [{ sku: 'A', quantity: 3 }, { sku: 'A', quantity: 3 }], available: stock({ A: { EU1: 4 } }) }));
    assert.deepEqual(d.lines.map((l) => [l.allocations[0]?.quantity ?? 0, l.unfillable]), [[3, 0], [1, 2]]);
  });

  it('an unknown SKU is all unfillable', () => {
    const d = chooseFulfilment(req({ lines: [{ sku: 'X', quantity: 2 }] }));
    assert.equal(d.unfillable, 2);
  });

  it('properties: never more than available nor requested, allocated + unfillable = requested, deterministic', () => {
    const CODES = ['L1', 'L2', 'L3', 'L4'];
    const SKUS = ['A', 'B', 'C'];
    const arb = fc.record({
      locations: fc.array(fc.record({ code: fc.constantFrom(...CODES), region: fc.constantFrom('EU', 'US'), priority: fc.integer({ min: 0, max: 3 }), active: fc.boolean() }), { maxLength: 4 })
        .map((ls) => [...new Map(ls.map((l) => [l.code, { code: l.code, regions: [l.region], priority: l.priority, active: l.active }])).values()]),
      lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 0, max: 20 }) }), { maxLength: 6 }),
      stock: fc.array(fc.tuple(fc.constantFrom(...SKUS), fc.constantFrom(...CODES), fc.integer({ min: 0, max: 15 })), { maxLength: 12 }),
      region: fc.option(fc.constantFrom('EU', 'US')),
      allowSplit: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (w) => {
        const available = new Map<string, Map<string, number>>();
        for (const [sku, code, n] of w.stock) {
          const m = available.get(sku) ?? new Map<string, number>();
          m.set(code, n);
          available.set(sku, m);
        }
        const input: FulfilmentRequest = { lines: w.lines, customerRegion: w.region, allowSplit: w.allowSplit, locations: w.locations, available };
        const plan = chooseFulfilment(input);
        const taken = new Map<string, number>();
        const active = new Set(w.locations.filter((l) => l.active).map((l) => l.code));
        plan.lines.forEach((l, i) => {
          const got = l.allocations.reduce((s, a) => s + a.quantity, 0);
          assert.equal(got + l.unfillable, w.lines[i]?.quantity);
          assert.ok(l.unfillable >= 0);
          if (!w.allowSplit) assert.ok(l.allocations.length <= 1);
          for (const a of l.allocations) {
            assert.ok(a.quantity > 0 && active.has(a.location));
            const k = `${l.sku}@${a.location}`;
            taken.set(k, (taken.get(k) ?? 0) + a.quantity);
          }
        });
        for (const [k, n] of taken) {
          const [sku, code] = k.split('@') as [string, string];
          assert.ok(n <= (available.get(sku)?.get(code) ?? 0), `${k}: ${n} taken`);
        }
        if (w.allowSplit) {
          // Splitting leaves a unit unfilled only when the active locations have too few of the SKU.
          for (const sku of SKUS) {
            const want = w.lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
            const have = [...(available.get(sku) ?? new Map<string, number>())].filter(([c]) => active.has(c)).reduce((s, [, n]) => s + n, 0);
            const short = plan.lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.unfillable, 0);
            assert.equal(short, Math.max(0, want - have));
          }
        }
        assert.deepEqual(chooseFulfilment({ ...input, locations: [...w.locations].reverse() }), plan);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
