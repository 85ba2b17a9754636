/**
 * The supply benchmark's simulation (bench/lib/supply-sim.ts) in miniature: a few real SKUs for a few months
 * through the service layer. The books must balance (units received by the simulation = received on the PO
 * lines = inbound receipts in the ledger; costs tallied = Σ received × unit cost over the lines; on hand =
 * opening + received − shipped), the same seed must give the same run, and the arms see the same demand.
 * With failover, lines are re-sourced and their replacements received. No timing is asserted. Needs ../shared/data (RESTOCK_DATA_DIR); skips visibly without it, except under CI.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPLY_DATA_DIR, loadSupplyWorld, type SupplyWorld } from '../bench/lib/supply-world.ts';
import { simulate, type ArmResult } from '../bench/lib/supply-sim.ts';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const need = join(SUPPLY_DATA_DIR, 'raf', 'items.csv');
const skip = existsSync(need) || CI ? false : `SKIPPED: ${need} is missing (the supply benchmark's check needs ../shared/data)`;

const OPTS = { warmupMonths: 1, months: 4, reviewDays: 7, z: 1.645, seed: 12 };

/** The busiest few SKUs of the first 200 car parts and 200 RAF items over the simulated months: orders happen. */
function tinyWorld(): SupplyWorld {
  const busiest = (w: SupplyWorld, k: number) =>
    [...w.series].sort((x, y) => y.demand.slice(-5).reduce((a, v) => a + v, 0) - x.demand.slice(-5).reduce((a, v) => a + v, 0) || (x.sku < y.sku ? -1 : 1)).slice(0, k);
  const cars = loadSupplyWorld({ limit: 200, sets: ['carparts'] });
  const raf = loadSupplyWorld({ limit: 200, sets: ['raf'], seed: 13 });
  return { ...cars, series: [...busiest(cars, 6), ...busiest(raf, 3)] };
}

function assertBooks(r: ArmResult): void {
  const a = r.accounting;
  assert.equal(a.receivedBySim, a.receivedByLines, 'units received: simulation vs PO lines');
  assert.equal(a.receivedByLines, a.receivedInLedger, 'units received: PO lines vs ledger receipts');
  assert.ok(Math.abs(a.costBySim - a.costByLines) < 0.01, `cost: simulation ${a.costBySim} vs lines ${a.costByLines}`);
  assert.equal(a.onHandExpected, a.onHandNow, 'on hand = opening + received − shipped');
  assert.equal(a.shippedInLedger, a.servedBySim, 'units shipped = units served');
  assert.ok(a.ok);
  // Costs add up: per supplier to the whole run, the measured months within it.
  const perSupplier = Object.values(r.lines.perSupplier);
  assert.ok(Math.abs(perSupplier.reduce((s, v) => s + v.cost, 0) - r.whole.purchaseCost) < 0.01);
  assert.equal(perSupplier.reduce((s, v) => s + v.receivedUnits, 0), r.whole.receivedUnits);
  assert.equal(r.whole.receivedUnits, a.receivedBySim);
  assert.ok(r.purchaseCost <= r.whole.purchaseCost + 1e-9 && r.receivedUnits <= r.whole.receivedUnits);
  assert.ok(r.served <= r.demanded && r.whole.served <= r.whole.demanded);
  assert.ok(r.stockOutPeriods <= r.skuPeriods);
  assert.deepEqual(r.refused, {}, 'no service call was refused');
}

describe('supply benchmark simulation (tiny)', { skip }, () => {
  it('single sourcing: the books balance and the same seed gives the same run', async () => {
    const w = tinyWorld();
    const { result: one } = await simulate(w, { ...OPTS, failover: false });
    assertBooks(one);
    assert.ok(one.lines.byPolicy > 0, 'the reorder policy ordered');
    assert.ok(one.receivedUnits > 0, 'units arrived');
    assert.equal(one.lines.byFailover, 0);
    assert.equal(one.lines.perSupplier.sup_cheap?.lines, one.lines.byPolicy, 'single sourcing buys from the cheapest only');
    const { result: two } = await simulate(w, { ...OPTS, failover: false });
    const strip = (r: ArmResult) => ({ ...r, ms: 0, msByEvent: {} });
    assert.deepEqual(strip(two), strip(one));
  });

  it('failover: the books balance, and the demand is the same as single sourcing sees', async () => {
    const w = tinyWorld();
    const { result: a } = await simulate(w, { ...OPTS, failover: true });
    const { result: b } = await simulate(w, { ...OPTS, failover: false });
    assertBooks(a);
    assert.ok(a.lines.byFailover > 0, 'failover re-sourced lines');
    const others = (a.lines.perSupplier.sup_steady?.lines ?? 0) + (a.lines.perSupplier.sup_fast?.lines ?? 0);
    assert.equal(others, a.lines.byFailover, 'the reorder policy buys from the cheapest; only failover goes elsewhere');
    assert.equal(a.lines.perSupplier.sup_cheap?.lines, a.lines.byPolicy);
    assert.equal(a.demanded, b.demanded);
    assert.equal(a.whole.demanded, b.whole.demanded);
  });
});
