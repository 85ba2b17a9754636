/** The sourcing policy, tested directly: each eligibility rule, quantities, scoring, reasons, and invariants. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blendedLeadTime, chooseSource, normalQuantile, orderQuantity, prepareSourcing, reliabilityOf } from './sourcing.ts';
import type { OfferWithSupplier, Performance, SourcingInput, SourcingOffer, SourcingSupplier } from './sourcing-model.ts';

const supplier = (id: string, o: Partial<SourcingSupplier> = {}): SourcingSupplier => ({
  id, name: `Supplier ${id}`, currency: 'EUR', leadTimeDays: 10, leadTimeSdDays: 2, regions: [], active: true, failover: true, ...o,
});
const offer = (id: string, supplierId: string, o: Partial<SourcingOffer> = {}): SourcingOffer => ({
  id, supplierId, sku: 'S', unitCost: 5, minQuantity: 1, multiple: 1, leadTimeDays: null, priority: 0, validFrom: null, validTo: null, active: true, ...o,
});
const pair = (id: string, so: Partial<SourcingSupplier> = {}, oo: Partial<SourcingOffer> = {}): OfferWithSupplier => ({
  supplier: supplier(id, so),
  offer: offer(`of_${id}`, id, oo),
});
const input = (offers: OfferWithSupplier[], o: Partial<SourcingInput> = {}): SourcingInput => ({
  sku: 'S', quantity: 10, today: '2026-12-04', trigger: 'rejected', excludeSupplierIds: ['A'], offers, ...o,
});
const perf = (supplierId: string, o: Partial<Performance> = {}): Performance => ({
  supplierId, lines: 50, onTimeRate: 0.95, fillRate: 0.98, ackHours: { mean: 4, p90: 8 }, leadTimeDays: { mean: 10, sd: 2, p90: 13 }, sample: 50, ...o,
});

describe('chooseSource: who gets the unfilled units', () => {
  it('the failing supplier is never chosen, even when it is the cheapest', () => {
    const d = chooseSource(input([pair('A', {}, { unitCost: 1 }), pair('B', {}, { unitCost: 9 })]));
    assert.equal(d.chosen?.supplierId, 'B');
    const a = d.candidates.find((c) => c.supplierId === 'A');
    assert.equal(a?.eligible, false);
    assert.match(a?.why ?? '', /failing supplier/);
  });

  it('an expired offer is never chosen, and the reason names it and its date', () => {
    const d = chooseSource(input([pair('B', {}, { validTo: '2026-11-30', unitCost: 1 })]));
    assert.equal(d.chosen, null);
    assert.match(d.reason, /no eligible offer for SKU 'S' on 2026-12-04/);
    assert.match(d.reason, /offer of_B expired 2026-11-30/);
  });

  it('an offer valid from a later date is not chosen; one valid through today is', () => {
    const d = chooseSource(input([pair('B', {}, { validFrom: '2026-12-05', unitCost: 1 }), pair('C', {}, { validTo: '2026-12-04', unitCost: 9 })]));
    assert.equal(d.chosen?.supplierId, 'C');
    assert.match(d.candidates.find((c) => c.supplierId === 'B')?.why ?? '', /valid only from 2026-12-05/);
  });

  it('an inactive supplier or offer is never chosen', () => {
    const d = chooseSource(input([pair('B', { active: false }, { unitCost: 1 }), pair('C', {}, { active: false, unitCost: 1 }), pair('D', {}, { unitCost: 20 })]));
    assert.equal(d.chosen?.supplierId, 'D');
    assert.match(d.candidates.find((c) => c.supplierId === 'B')?.why ?? '', /supplier Supplier B is inactive/);
    assert.match(d.candidates.find((c) => c.supplierId === 'C')?.why ?? '', /offer of_C is inactive/);
  });

  it('a supplier with failover switched off is never chosen', () => {
    const d = chooseSource(input([pair('B', { failover: false }, { unitCost: 1 })]));
    assert.equal(d.chosen, null);
    assert.match(d.reason, /failover switched off/);
  });

  it('a supplier already tried for these units is not chosen again', () => {
    const d = chooseSource(input([pair('B', {}, { unitCost: 1 }), pair('C', {}, { unitCost: 2 })], { excludeSupplierIds: ['A', 'B'] }));
    assert.equal(d.chosen?.supplierId, 'C');
  });

  it('a supplier that does not ship to the receiving region is not chosen', () => {
    const d = chooseSource(input([pair('B', { regions: ['US'] }, { unitCost: 1 }), pair('C', { regions: ['EU'] }, { unitCost: 2 })], { receivingRegion: 'EU' }));
    assert.equal(d.chosen?.supplierId, 'C');
    assert.match(d.candidates.find((c) => c.supplierId === 'B')?.why ?? '', /does not ship to region EU/);
  });

  it('the order quantity respects the minimum and the multiple (rounded up to a multiple at least the minimum)', () => {
    assert.equal(orderQuantity(10, 25, 12), 36);
    assert.equal(orderQuantity(10, 1, 12), 12);
    assert.equal(orderQuantity(24, 1, 12), 24);
    assert.equal(orderQuantity(10, 0, 1), 10);
    const d = chooseSource(input([pair('B', {}, { minQuantity: 25, multiple: 12 })]));
    assert.equal(d.chosen?.quantity, 36);
    assert.match(d.reason, /ordering 36 \(minimum 25, multiple 12\)/);
  });

  it('a minimum order value raises a new PO in multiples, unless an open PO with the supplier is extended', () => {
    const offers = [pair('B', { minOrderValue: 100 }, { unitCost: 5, multiple: 4 })];
    assert.equal(chooseSource(input(offers)).chosen?.quantity, 20);
    const d = chooseSource(input(offers, { existingOpenPos: new Map([['B', { poId: 'po_1', lineId: 'ln_1', total: 200 }]]) }));
    assert.deepEqual(d.chosen, { supplierId: 'B', offerId: 'of_B', poId: 'po_1', lineId: 'ln_1', quantity: 12 });
    assert.match(d.reason, /extends open PO po_1/);
  });

  it('overbuying for a pack size counts against the offer: the cost compared is the spend per needed unit', () => {
    // B: 10 × 5 = 50. C: 4.5 a unit but packs of 100 → 450 for 10 needed units.
    const d = chooseSource(input([pair('B', {}, { unitCost: 5 }), pair('C', {}, { unitCost: 4.5, multiple: 100 })], { weights: { cost: 1, arrival: 0, reliability: 0 } }));
    assert.equal(d.chosen?.supplierId, 'B');
  });

  it('shipping per unit is added to the landed cost', () => {
    const d = chooseSource(input([pair('B', {}, { unitCost: 5 }), pair('C', {}, { unitCost: 6 })], {
      shippingCostPerUnit: new Map([['B', 2]]), weights: { cost: 1, arrival: 0, reliability: 0 },
    }));
    assert.equal(d.chosen?.supplierId, 'C');
    assert.equal(d.candidates.find((c) => c.supplierId === 'B')?.landedUnitCost, 7);
  });

  it('costs in other currencies are compared through the FX table; a currency without a rate is not eligible', () => {
    const offers = [pair('B', { currency: 'GBP' }, { unitCost: 5 }), pair('C', {}, { unitCost: 5.5 }), pair('D', { currency: 'JPY' }, { unitCost: 1 })];
    const d = chooseSource(input(offers, { fx: { base: 'EUR', rates: { GBP: 1.2 } }, weights: { cost: 1, arrival: 0, reliability: 0 } }));
    assert.equal(d.chosen?.supplierId, 'C', '5 GBP = 6 EUR > 5.5 EUR');
    assert.equal(d.candidates.find((c) => c.supplierId === 'B')?.landedUnitCost, 5, 'landed cost stays in its own currency');
    assert.match(d.candidates.find((c) => c.supplierId === 'D')?.why ?? '', /no exchange rate from JPY to EUR/);
  });

  it('arrival weighs: a faster supplier wins on arrival weight alone, and a late arrival is said', () => {
    const offers = [pair('B', { leadTimeDays: 30 }, { unitCost: 1 }), pair('C', { leadTimeDays: 5 }, { unitCost: 2 })];
    const d = chooseSource(input(offers, { weights: { cost: 0, arrival: 1, reliability: 0 }, needBy: '2026-12-20' }));
    assert.equal(d.chosen?.supplierId, 'C');
    assert.match(d.candidates.find((c) => c.supplierId === 'B')?.why ?? '', /after the need-by date 2026-12-20/);
  });

  it('the offer lead time overrides the supplier one; the expected arrival is mean + z·sd', () => {
    const d = chooseSource(input([pair('B', { leadTimeDays: 30, leadTimeSdDays: 5 }, { leadTimeDays: 10 })], { confidence: 0.5 }));
    assert.equal(d.candidates[0]?.expectedArrival, '2026-12-14');
    const d90 = chooseSource(input([pair('B', { leadTimeDays: 30, leadTimeSdDays: 5 }, { leadTimeDays: 10 })]));
    assert.equal(d90.candidates[0]?.expectedArrival, '2026-12-21', 'ceil(10 + 1.2816 × 5) = 17 days');
  });

  it('measured reliability weighs: an unreliable supplier loses to a reliable one at the same price', () => {
    const offers = [pair('B'), pair('C')];
    const performance = new Map([['B', perf('B', { fillRate: 0.8, onTimeRate: 0.85 })], ['C', perf('C')]]);
    const d = chooseSource(input(offers, { performance }));
    assert.equal(d.chosen?.supplierId, 'C');
    assert.ok((d.candidates[0]?.reliability ?? 0) > (d.candidates[1]?.reliability ?? 1));
  });

  it('little history leans on the prior; much history on the measurement', () => {
    const prior = reliabilityOf(undefined);
    assert.equal(prior, 0.8);
    const few = reliabilityOf(perf('B', { lines: 2, fillRate: 0, onTimeRate: 0 }));
    const many = reliabilityOf(perf('B', { lines: 500, fillRate: 0, onTimeRate: 0 }));
    assert.ok(few > 0.5 && few < prior);
    assert.ok(many < 0.01);
  });

  it('measured lead times blend with the stated ones by sample size', () => {
    assert.deepEqual(blendedLeadTime({ mean: 10, sd: 2 }, undefined), { mean: 10, sd: 2, sample: 0 });
    const b = blendedLeadTime({ mean: 10, sd: 2 }, perf('B', { sample: 5, leadTimeDays: { mean: 20, sd: 2, p90: 22 } }));
    assert.equal(b.mean, 15);
    assert.ok(b.sd > 2, 'disagreement widens the spread');
    const big = blendedLeadTime({ mean: 10, sd: 2 }, perf('B', { sample: 995, leadTimeDays: { mean: 20, sd: 2, p90: 22 } }));
    assert.ok(Math.abs(big.mean - 19.95) < 1e-9);
  });

  it('ties go to the lower priority, then the lower supplier id, whatever the input order', () => {
    const d = chooseSource(input([pair('D', {}, { priority: 1 }), pair('C', {}, { priority: 0 }), pair('B', {}, { priority: 1 })]));
    assert.deepEqual(d.candidates.map((c) => c.supplierId), ['C', 'B', 'D']);
    const same = chooseSource(input([pair('D'), pair('C'), pair('B')]));
    assert.equal(same.chosen?.supplierId, 'B');
  });

  it('nothing eligible: chosen is null and the reason lists every offer with its why', () => {
    const d = chooseSource(input([pair('A'), pair('B', { active: false }), pair('C', {}, { validTo: '2026-01-01' })]));
    assert.equal(d.chosen, null);
    assert.equal(d.candidates.length, 3);
    assert.ok(d.candidates.every((c) => !c.eligible && c.score === 0));
    assert.match(d.reason, /Supplier A is the failing supplier/);
    assert.match(d.reason, /Supplier B is inactive/);
    assert.match(d.reason, /expired 2026-01-01/);
  });

  it('no offer at all, and no units: chosen null with a reason', () => {
    assert.match(chooseSource(input([])).reason, /no offer for SKU 'S'/);
    assert.match(chooseSource(input([pair('B')], { quantity: 0 })).reason, /nothing to source/);
  });

  it('the reason of a choice says the trigger, supplier, quantity, score and the runner-up', () => {
    const d = chooseSource(input([pair('B', {}, { unitCost: 4 }), pair('C', {}, { unitCost: 5 })], { trigger: 'short' }));
    assert.match(d.reason, /^short: 10 units of 'S' re-sourced to Supplier B \(offer of_B\), ordering 10; best score 1 of 2 eligible/);
    assert.match(d.reason, /next Supplier C at 0\.9/);
    assert.match(d.reason, /on a new PO/);
  });

  it('z of the normal quantile matches known values', () => {
    assert.ok(Math.abs(normalQuantile(0.9) - 1.2815515655) < 1e-8);
    assert.ok(Math.abs(normalQuantile(0.5)) < 1e-12);
    assert.ok(Math.abs(normalQuantile(0.01) + 2.326347874) < 1e-8);
  });
});

// ---- properties

const SUPPLIERS = ['A', 'B', 'C', 'D', 'E'];
const offerArb = fc.record({
  supplier: fc.constantFrom(...SUPPLIERS),
  unitCost: fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
  minQuantity: fc.integer({ min: 0, max: 200 }),
  multiple: fc.integer({ min: 1, max: 50 }),
  leadTimeDays: fc.option(fc.integer({ min: 0, max: 120 })),
  priority: fc.integer({ min: 0, max: 3 }),
  validFrom: fc.option(fc.constantFrom('2026-11-01', '2026-12-04', '2026-12-05')),
  validTo: fc.option(fc.constantFrom('2026-12-03', '2026-12-04', '2027-01-01')),
  active: fc.boolean(),
  supplierActive: fc.boolean(),
  failover: fc.boolean(),
  minOrderValue: fc.constantFrom(0, 0, 250),
  sd: fc.integer({ min: 0, max: 10 }),
});
const worldArb = fc.record({
  offers: fc.array(offerArb, { maxLength: 8 }),
  quantity: fc.integer({ min: 1, max: 500 }),
  exclude: fc.subarray(SUPPLIERS),
  history: fc.array(fc.record({ s: fc.constantFrom(...SUPPLIERS), lines: fc.integer({ min: 0, max: 100 }), fill: fc.double({ min: 0, max: 1, noNaN: true }), onTime: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 5 }),
  weights: fc.record({ cost: fc.integer({ min: 0, max: 5 }), arrival: fc.integer({ min: 0, max: 5 }), reliability: fc.integer({ min: 0, max: 5 }) }),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;
const build = (w: World): SourcingInput => ({
  sku: 'S',
  quantity: w.quantity,
  today: '2026-12-04',
  trigger: 'rejected',
  excludeSupplierIds: w.exclude,
  offers: w.offers.map((o, i) => ({
    supplier: supplier(o.supplier, { active: o.supplierActive, failover: o.failover, minOrderValue: o.minOrderValue, leadTimeSdDays: o.sd }),
    offer: offer(`of${i}`, o.supplier, { unitCost: o.unitCost, minQuantity: o.minQuantity, multiple: o.multiple, leadTimeDays: o.leadTimeDays, priority: o.priority, validFrom: o.validFrom, validTo: o.validTo, active: o.active }),
  })),
  performance: new Map(w.history.map((h) => [h.s, perf(h.s, { lines: h.lines, fillRate: h.fill, onTimeRate: h.onTime })])),
  weights: w.weights,
});

describe('chooseSource: properties', () => {
  it('a chosen quantity is ≥ the unfilled units, ≥ the minimum, a multiple of the pack; the chosen offer is eligible', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const inp = build(w);
        const d = chooseSource(inp);
        assert.equal(d.candidates.length, inp.offers.length);
        if (d.chosen === null) {
          assert.ok(d.candidates.every((c) => !c.eligible));
          assert.ok(d.reason.length > 0);
          return;
        }
        const chosen = d.chosen;
        const o = inp.offers.find((x) => x.offer.id === chosen.offerId);
        assert.ok(o);
        assert.ok(chosen.quantity >= inp.quantity);
        assert.ok(chosen.quantity >= o.offer.minQuantity);
        assert.equal(chosen.quantity % o.offer.multiple, 0);
        // Eligible by every rule, checked here independently of the policy.
        assert.ok(o.offer.active && o.supplier.active && o.supplier.failover);
        assert.ok(!inp.excludeSupplierIds.includes(o.supplier.id));
        assert.ok(o.offer.validFrom === null || o.offer.validFrom <= inp.today);
        assert.ok(o.offer.validTo === null || o.offer.validTo >= inp.today);
        assert.ok(d.candidates[0]?.offerId === chosen.offerId && d.candidates[0].eligible);
        // Nobody eligible scores higher.
        for (const c of d.candidates) if (c.eligible) assert.ok(c.score <= (d.candidates[0]?.score ?? 0));
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it('is deterministic: the same offers in any order give the same decision', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (w, seed) => {
        const inp = build(w);
        const shuffled = [...inp.offers].map((o, i) => ({ o, k: Math.imul(i + 1, seed | 1) >>> 0 })).sort((a, b) => a.k - b.k).map((x) => x.o);
        const d = chooseSource(inp);
        assert.deepEqual(chooseSource({ ...inp, offers: shuffled }), d);
        // Prepared once for the SKU, decided per line: the same answer, line after line.
        const prepared = prepareSourcing(inp);
        assert.deepEqual(prepared.decide({ ...inp, quantity: inp.quantity + 7 }), chooseSource({ ...inp, quantity: inp.quantity + 7 }));
        assert.deepEqual(prepared.decide(inp), d);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
