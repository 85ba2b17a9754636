/** Inventory's pure decisions, tested directly: stock behind a waiting queue, availability, reservation plans. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_POLICY, type Product, type StockPolicy } from '../catalog/model.ts';
import type { Level, Location } from './model.ts';
import { computeAvailability, drawOrder, planReservation, sellable, sellableToNewDemand, STOCK_RISE_REACTIONS, type AvailabilityInputs } from './policy.ts';

const LOCATIONS: ReadonlyMap<string, Location> = new Map([
  ['WH1', { code: 'WH1', name: 'one', type: 'warehouse', priority: 1, region: 'EU' }],
  ['WH2', { code: 'WH2', name: 'two', type: 'warehouse', priority: 2, region: 'EU' }],
  ['ST1', { code: 'ST1', name: 'store', type: 'store', priority: 3, region: 'US' }],
]);

const level = (location: string, onHand: number, o: Partial<Level> = {}): Level => ({ sku: 'S', location, onHand, reserved: 0, committed: 0, safetyStock: 0, inbound: 0, ...o });
const total = (ls: readonly Level[]) => ls.reduce((n, l) => n + sellable(l), 0);
const product = (policy: Partial<StockPolicy> = {}, status: Product['status'] = 'active'): Product => ({
  sku: 'S', title: 'S', description: '', category: '', brand: '', price: '1', currency: 'EUR', attributes: {}, status, policy: { ...DEFAULT_POLICY, ...policy }, createdAt: '', updatedAt: '',
});
const inputs = (o: Partial<AvailabilityInputs>): AvailabilityInputs => ({
  product: product(), levels: [], locations: LOCATIONS, nextInboundDate: null, backordered: 0, preordered: 0, today: '2026-01-15', version: 1, ...o,
});

describe('sellableToNewDemand: can free stock behind a waiting queue be sold?', () => {
  it('nobody waiting: all free stock is for sale', () => {
    const ls = [level('WH1', 5), level('WH2', 3, { reserved: 1 })];
    assert.deepEqual(sellableToNewDemand(ls, LOCATIONS, { backordered: 0, preordered: 0 }), ls);
  });

  it('a queue owed more than is free (a full-shipment head of 3, 2 free): nothing is for sale', () => {
    const view = sellableToNewDemand([level('WH1', 2)], LOCATIONS, { backordered: 3, preordered: 0 });
    assert.equal(total(view), 0);
  });

  it('the claim comes off by location priority, the way allocation draws; only the rest is for sale', () => {
    const view = sellableToNewDemand([level('ST1', 4), level('WH2', 2), level('WH1', 1, { safetyStock: 0 })], LOCATIONS, { backordered: 2, preordered: 1 });
    assert.deepEqual(view.map((l) => [l.location, sellable(l)]), [['ST1', 4], ['WH2', 0], ['WH1', 0]]);
  });

  it('pre-orders and backorders both claim; safety stock and held units are never counted free', () => {
    const view = sellableToNewDemand([level('WH1', 10, { safetyStock: 2, reserved: 3, committed: 1 })], LOCATIONS, { backordered: 1, preordered: 2 });
    assert.equal(total(view), 1);
  });

  it('property: for sale = max(0, free − waiting), never more than free, levels otherwise unchanged', () => {
    const lv = fc.record({ location: fc.constantFrom('WH1', 'WH2', 'ST1'), onHand: fc.nat(20), reserved: fc.nat(5), committed: fc.nat(5), safetyStock: fc.nat(3) });
    fc.assert(
      fc.property(fc.uniqueArray(lv, { selector: (l) => l.location, maxLength: 3 }), fc.nat(30), fc.nat(30), (raw, b, p) => {
        const ls = raw.map((l) => level(l.location, l.onHand, l));
        const view = sellableToNewDemand(ls, LOCATIONS, { backordered: b, preordered: p });
        assert.equal(total(view), Math.max(0, total(ls) - b - p));
        view.forEach((v, i) => {
          const o = ls[i];
          assert.ok(o && v.location === o.location && v.onHand === o.onHand && v.reserved === o.reserved && sellable(v) <= sellable(o));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('availability and a reservation plan read the same view: what is shown is what can be reserved', () => {
    const ls = [level('WH1', 2), level('WH2', 3)];
    const demand = { backordered: 4, preordered: 0 };
    const a = computeAvailability(inputs({ levels: ls, backordered: 4 }));
    assert.equal(a.availableToSell, 1);
    assert.deepEqual(a.locations.map((l) => [l.location, l.availableToSell]), [['WH1', 0], ['WH2', 1]]);
    assert.deepEqual(planReservation(sellableToNewDemand(ls, LOCATIONS, demand), LOCATIONS, 1), [{ location: 'WH2', quantity: 1 }]);
    assert.equal(planReservation(sellableToNewDemand(ls, LOCATIONS, demand), LOCATIONS, 2), null);
  });
});

describe('planReservation and drawOrder', () => {
  it('draws by priority then code and splits across locations', () => {
    assert.deepEqual(drawOrder([level('ST1', 1), level('WH2', 1), level('WH1', 1)], LOCATIONS).map((l) => l.location), ['WH1', 'WH2', 'ST1']);
    assert.deepEqual(planReservation([level('WH2', 5), level('WH1', 2)], LOCATIONS, 4), [{ location: 'WH1', quantity: 2 }, { location: 'WH2', quantity: 2 }]);
  });

  it('a named location only, and null when the stock is not there', () => {
    assert.deepEqual(planReservation([level('WH1', 5), level('WH2', 5)], LOCATIONS, 3, 'WH2'), [{ location: 'WH2', quantity: 3 }]);
    assert.equal(planReservation([level('WH1', 5), level('WH2', 1)], LOCATIONS, 2, 'WH2'), null);
  });
});

describe('computeAvailability: the promised date', () => {
  it('a backorder is promised exactly what the orders module says a new line gets, even no date', () => {
    const p = product({ allowBackorder: true });
    assert.equal(computeAvailability(inputs({ product: p, nextInboundDate: '2026-02-01', newLinePromisedDate: null, backordered: 2 })).promisedDate, null);
    assert.equal(computeAvailability(inputs({ product: p, nextInboundDate: '2026-02-01', newLinePromisedDate: '2026-03-01', backordered: 2 })).promisedDate, '2026-03-01');
  });

  it('without an orders module: next inbound, else today plus the lead time', () => {
    assert.equal(computeAvailability(inputs({ product: product({ allowBackorder: true }), nextInboundDate: '2026-02-01' })).promisedDate, '2026-02-01');
    assert.equal(computeAvailability(inputs({ product: product({ allowBackorder: true, leadTimeDays: 10 }) })).promisedDate, '2026-01-25');
  });

  it('a pre-order is not promised a release date that has passed', () => {
    const p = product({ allowPreorder: true, releaseDate: '2026-01-10' }, 'upcoming');
    const a = computeAvailability(inputs({ product: p }));
    assert.deepEqual([a.status, a.promisedDate], ['preorder', null]);
    const ahead = computeAvailability(inputs({ product: product({ allowPreorder: true, releaseDate: '2026-01-20' }, 'upcoming') }));
    assert.equal(ahead.promisedDate, '2026-01-20');
  });

  it('stock owed to waiting orders is not shown for sale: the SKU shows as on backorder', () => {
    const a = computeAvailability(inputs({ product: product({ allowBackorder: true }), levels: [level('WH1', 2)], backordered: 3, newLinePromisedDate: '2026-02-01' }));
    assert.deepEqual([a.status, a.availableToSell, a.promisedDate], ['backorder', 0, '2026-02-01']);
  });
});

describe('STOCK_RISE_REACTIONS', () => {
  it('waiting orders come first, inside the write; the waitlist after it commits', () => {
    assert.deepEqual(STOCK_RISE_REACTIONS.map((r) => [r.stage, r.runs]), [['waiting_orders', 'in_write'], ['waitlist', 'after_commit']]);
  });
});
