/**
 * Supply benchmark (issue 12): a simulated year on real demand with three suppliers per SKU, through the real
 * service layer, with failover versus single sourcing from the cheapest supplier in the same run; and the
 * sourcing decision for 100,000 late or rejected lines on SQLite.
 *
 *   npm run bench -- supply [--carparts=400] [--raf=200] [--months=12] [--warmup=6] [--review-days=7] [--z=1.645]
 *                           [--seed=12] [--decisions=100000] [--only=sim,decisions] [--reference=off]
 *                           [--sensitivity-review=DAYS, e.g. 30 (default off)] [--full-path-sample=100 (0: off)]
 *
 * Simulation (bench/lib/supply-sim.ts): the first `carparts` car parts and `raf` RAF items (complete series with
 * some demand, in file order), the last warmup + months months of each replayed day by day; the months before
 * are the history the reorder policy is set from. Arm A: failover on (rejected and short lines re-sourced by the
 * `supplier-failover` reactor after each answer, late and unacknowledged ones by `failover.sweep()` every
 * simulated day). Arm B: the same world, seed, demand and supplier draws, failover switched off, buying from the
 * cheapest supplier only. Both arms' reorder policy buys from the cheapest offer: the arms differ only in
 * failover. Targets: at least 40% fewer stock-out periods, at most 5% higher purchase cost.
 *
 * Beside the arms, to read the figures by: a reference run with suppliers that never reject, cut or ship late
 * (failover off; the stock-outs it still has are the demand's and the policy's, so 1 − reference ÷ arm B is the
 * share the suppliers' failures cause; failover goes below the reference only by re-sourcing to a faster
 * supplier), the periods whose demand alone exceeded the order-up-to level, the overlap of the arms' stock-out
 * periods, how the replacements of lines re-sourced for shipping late arrived against the late lines they
 * replaced, and both arms again with a monthly review (`--sensitivity-review=30`, off by default to keep the run near 2 minutes), where a rejected
 * line waits for the next review in arm B.
 *
 * Decisions: `benchSourcingDecisions` (the pure policy, offers in memory) and the same decision with the offers
 * read from SQLite through `restock.suppliers.listEligibleOffers` once per SKU and the performance through
 * `restock.suppliers.performance` once per supplier, each beside a cheapest-offer baseline from the same run.
 * Target: 100,000 lines under 10 s on SQLite. Beside it, a sample of rejected lines re-sourced one by one through
 * `restock.failover.resourceLine` (the whole write path per line), with its time per line.
 *
 * The data (car parts, RAF) comes from RESTOCK_DATA_DIR, default ../shared/data; without it the benchmark says so
 * and exits non-zero.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock, isoDate } from '../src/core/clock.ts';
import { seededRandom } from '../src/core/random.ts';
import { Restock } from '../src/restock.ts';
import { prepareSourcing, type PreparedSourcing } from '../src/suppliers/sourcing.ts';
import type { OfferWithSupplier, Performance as SourcingPerformance, SourcingTrigger } from '../src/suppliers/sourcing-model.ts';
import { SUPPLY_DATA_DIR, SUPPLIER_PROFILES, benchSourcingDecisions, benchSuppliers, loadSupplyWorld, type SupplyWorld } from './lib/supply-world.ts';
import { simulate, type ArmResult } from './lib/supply-sim.ts';
import { progress } from './lib/progress.ts';

interface Settings {
  carparts: number;
  raf: number;
  months: number;
  warmup: number;
  reviewDays: number;
  z: number;
  seed: number;
  decisions: number;
  only: Set<string>;
  /** Also run the reference (suppliers that never fail). */
  reference: boolean;
  /** Also run both arms with this review period (0: not). */
  sensitivityReview: number;
  /** Lines re-sourced one by one through restock.failover.resourceLine (0: not). */
  fullPathSample: number;
}

function parseArgs(args: string[]): Settings {
  const get = (name: string): string | undefined => args.find((x) => x.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number, integer = true, min = 1): number => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min) throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, got '${v}'`);
    return n;
  };
  return {
    carparts: num('carparts', 400, true, 0),
    raf: num('raf', 200, true, 0),
    months: num('months', 12),
    warmup: num('warmup', 6, true, 0),
    reviewDays: num('review-days', 7),
    z: num('z', 1.645, false, 0),
    seed: num('seed', 12, true, 0),
    decisions: num('decisions', 100_000),
    only: new Set((get('only') ?? 'sim,decisions').split(',').map((x) => x.trim())),
    reference: get('reference') !== 'off',
    sensitivityReview: num('sensitivity-review', 0, true, 0),
    fullPathSample: num('full-path-sample', 100, true, 0),
  };
}

const log = (msg: string): void => {
  process.stderr.write(`[supply] ${msg}\n`);
};
const r1 = (v: number): number => Math.round(v * 10) / 10;
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** The world of both arms: the first N series of each set. */
function world(s: Settings): SupplyWorld {
  const parts: SupplyWorld[] = [];
  if (s.carparts > 0) parts.push(loadSupplyWorld({ seed: s.seed, limit: s.carparts, sets: ['carparts'] }));
  if (s.raf > 0) parts.push(loadSupplyWorld({ seed: s.seed + 1, limit: s.raf, sets: ['raf'] }));
  const [first] = parts;
  if (!first) throw new Error('no SKUs: give --carparts or --raf above 0');
  return {
    ...first,
    series: parts.flatMap((p) => p.series),
    skipped: { carparts: parts.reduce((a, p) => a + p.skipped.carparts, 0), raf: parts.reduce((a, p) => a + p.skipped.raf, 0) },
  };
}

type Arm = 'A' | 'B' | 'ref';

/** An arm's figures for the JSON (its stock-out list is summarised, not printed). */
function printable(r: ArmResult): Omit<ArmResult, 'stockOuts'> {
  const { stockOuts: _list, ...rest } = r;
  void _list;
  return rest;
}

function compare(a: ArmResult, b: ArmResult): { stockOutReduction: number | null; costIncrease: number | null; fillRate: { failover: number; singleSourcing: number }; costPerUnitReceived: { failover: number | null; singleSourcing: number | null }; stockOutOverlap: { both: number; onlyFailover: number; onlySingleSourcing: number } } {
  const inA = new Set(a.stockOuts);
  const inB = new Set(b.stockOuts);
  return {
    stockOutReduction: b.stockOutPeriods > 0 ? r3(1 - a.stockOutPeriods / b.stockOutPeriods) : null,
    costIncrease: b.purchaseCost > 0 ? r3(a.purchaseCost / b.purchaseCost - 1) : null,
    fillRate: { failover: a.fillRate, singleSourcing: b.fillRate },
    costPerUnitReceived: { failover: a.receivedUnits > 0 ? r3(a.purchaseCost / a.receivedUnits) : null, singleSourcing: b.receivedUnits > 0 ? r3(b.purchaseCost / b.receivedUnits) : null },
    stockOutOverlap: { both: a.stockOuts.filter((k) => inB.has(k)).length, onlyFailover: a.stockOuts.filter((k) => !inB.has(k)).length, onlySingleSourcing: b.stockOuts.filter((k) => !inA.has(k)).length },
  };
}

async function simulation(s: Settings): Promise<Record<string, unknown>> {
  const w = world(s);
  const days = (s.warmup + s.months) * w.periodDays;
  log(`world: ${w.series.length} SKUs (${w.series.filter((x) => x.source === 'carparts').length} car parts, ${w.series.filter((x) => x.source === 'raf').length} RAF), ${s.warmup} + ${s.months} months, review every ${s.reviewDays} days`);

  const arm = async (which: Arm, reviewDays: number): Promise<ArmResult> => {
    const label = which === 'A' ? 'arm A (failover)' : which === 'B' ? 'arm B (single sourcing)' : 'reference (suppliers never fail)';
    const bar = progress(`${label}, review ${reviewDays} d`, days);
    const { result } = await simulate(w, { warmupMonths: s.warmup, months: s.months, reviewDays, z: s.z, seed: s.seed, failover: which === 'A', perfectSupply: which === 'ref', onDay: () => bar.tick() });
    bar.done();
    log(`${label}, review ${reviewDays} d: ${result.stockOutPeriods} stock-out periods, fill rate ${result.fillRate}, cost ${result.purchaseCost}, ${(result.ms / 1000).toFixed(1)} s`);
    return result;
  };
  const b = await arm('B', s.reviewDays);
  const a = await arm('A', s.reviewDays);
  const ref = s.reference ? await arm('ref', s.reviewDays) : null;

  const out: Record<string, unknown> = {
    world: {
      skus: w.series.length,
      carparts: w.series.filter((x) => x.source === 'carparts').length,
      raf: w.series.filter((x) => x.source === 'raf').length,
      skippedSeries: w.skipped,
      seed: s.seed,
      warmupMonths: s.warmup,
      measuredMonths: s.months,
      simulatedDays: days,
      suppliers: SUPPLIER_PROFILES,
    },
    policy: {
      what: 'periodic review (s, S) on the inventory position the service reports (on hand − reserved − committed + open inbound); s = mean demand over lead time + review period + z·sd (demand and stated lead-time variability, from the months before the simulated ones); S = s + one month of mean demand (≥ 1); rounded to the offer minimum and multiple; both arms buy from the cheapest offer; unmet demand is lost',
      reviewDays: s.reviewDays,
      z: s.z,
    },
    singleSourcing: printable(b),
  };
  if (ref) {
    out.reference = {
      what: 'the same world and policy with failover off and suppliers that never reject, cut or ship late (lead-time spread kept): the stock-outs left are the demand\'s and the policy\'s; failover can still go below it only by re-sourcing to a faster supplier than the cheapest',
      ...printable(ref),
      stockOutShareFromSupplierFailures: b.stockOutPeriods > 0 ? r3(1 - ref.stockOutPeriods / b.stockOutPeriods) : null,
    };
  }
  out.failover = printable(a);
  const ratios = compare(a, b);
  out.ratios = ratios;
  out.simTargets = {
    stockOutReduction: { target: '≥ 0.40', value: ratios.stockOutReduction, pass: ratios.stockOutReduction !== null && ratios.stockOutReduction >= 0.4 },
    costIncrease: { target: '≤ 0.05', value: ratios.costIncrease, pass: ratios.costIncrease !== null && ratios.costIncrease <= 0.05 },
    accounting: { target: 'books balance in every arm', pass: a.accounting.ok && b.accounting.ok && (ref?.accounting.ok ?? true) },
  };
  if (s.sensitivityReview > 0 && s.sensitivityReview !== s.reviewDays) {
    const b2 = await arm('B', s.sensitivityReview);
    const a2 = await arm('A', s.sensitivityReview);
    out.sensitivity = {
      what: `the same two arms with a review every ${s.sensitivityReview} days (a monthly planning run): a rejected line then waits for the next review in arm B`,
      reviewDays: s.sensitivityReview,
      singleSourcing: { stockOutPeriods: b2.stockOutPeriods, fillRate: b2.fillRate, purchaseCost: b2.purchaseCost, accountingOk: b2.accounting.ok },
      failover: { stockOutPeriods: a2.stockOutPeriods, fillRate: a2.fillRate, purchaseCost: a2.purchaseCost, accountingOk: a2.accounting.ok, shipLateResourcing: a2.shipLateResourcing },
      ratios: compare(a2, b2),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- decisions

const TRIGGERS: readonly SourcingTrigger[] = ['rejected', 'short', 'ack_timeout', 'ship_late'];

/**
 * The sourcing decision with the offers read from SQLite: `skus` SKUs with the three bench suppliers' offers
 * plus an expired offer and one of an inactive supplier each, written through the service; then `n` failing
 * lines (random SKU, trigger, quantity, failing supplier; a tenth already re-sourced once) decided with
 * `listEligibleOffers` once per SKU (as lines of it come up) and `prepareSourcing`/`decide` per line. The
 * baseline reads the same offers the same way and takes the cheapest one not excluded.
 */
async function serviceDecisions(n: number, seed: number, sample: number): Promise<Record<string, unknown>> {
  const skuCount = Math.min(5000, Math.max(1, Math.ceil(n / 20)));
  const clock = new ManualClock('2026-12-04T09:00:00.000Z');
  const today = isoDate(clock.now());
  const restock = await Restock.open({ databaseUrl: 'sqlite::memory:', clock, migrate: true });
  await restock.events.stop();
  try {
    const rng = seededRandom(seed);
    const t0 = performance.now();
    await restock.inventory.upsertLocation({ code: 'WH1', name: 'Bench warehouse', type: 'warehouse', priority: 1, region: 'EU' });
    const skus = Array.from({ length: skuCount }, (_, i) => `SKU-${i}`);
    for (let i = 0; i < skus.length; i += 500) await restock.catalog.upsertMany(skus.slice(i, i + 500).map((sku) => ({ sku, title: sku, price: '10.00' })));
    const suppliers = benchSuppliers();
    const ids: string[] = [];
    for (const sup of suppliers) {
      const c = await restock.suppliers.createSupplier({ name: sup.name, email: `${sup.id}@suppliers.example`, channel: 'portal', currency: 'GBP', leadTimeDays: sup.leadTimeDays, leadTimeSdDays: sup.leadTimeSdDays, ackDeadlineHours: 48 });
      ids.push(c.id);
    }
    const old = await restock.suppliers.createSupplier({ name: 'Old contract', email: 'old@suppliers.example', channel: 'portal', currency: 'GBP', leadTimeDays: 5 });
    const gone = await restock.suppliers.createSupplier({ name: 'Gone', email: 'gone@suppliers.example', channel: 'portal', currency: 'GBP', leadTimeDays: 5 });
    const bar = progress('offers', skuCount);
    for (const sku of skus) {
      const base = Math.round(Math.exp(1 + rng() * 4) * 100) / 100;
      const lead = 14 + Math.floor(rng() * 120);
      const mean = 1 + rng() * 30;
      for (const [i, p] of SUPPLIER_PROFILES.entries()) {
        const pack = p.packMonths > 0 ? Math.max(1, Math.round(mean * p.packMonths)) : 1;
        await restock.suppliers.createOffer(ids[i] ?? '', { sku, unitCost: Math.max(0.01, Math.round(base * p.costFactor * (1 + (rng() - 0.5) * 0.04) * 100) / 100), minQuantity: pack, multiple: pack, leadTimeDays: Math.max(1, Math.round(lead * p.leadTimeFactor)), priority: i });
      }
      await restock.suppliers.createOffer(old.id, { sku, unitCost: 0.01, leadTimeDays: 5, priority: 0, validFrom: '2025-01-01', validTo: '2026-06-30' });
      await restock.suppliers.createOffer(gone.id, { sku, unitCost: 0.01, leadTimeDays: 5, priority: 0 });
      bar.tick();
    }
    bar.done();
    await restock.suppliers.updateSupplier(gone.id, { active: false });
    const setupMs = performance.now() - t0;
    const lines = Array.from({ length: n }, () => {
      const s = Math.floor(rng() * skuCount);
      const failing = ids[Math.floor(rng() * ids.length)] ?? '';
      const second = rng() < 0.1 ? (ids[Math.floor(rng() * ids.length)] ?? '') : null;
      return { s, trigger: TRIGGERS[Math.floor(rng() * TRIGGERS.length)] ?? 'rejected', quantity: 1 + Math.floor(rng() * 60), exclude: second && second !== failing ? [failing, second] : [failing] };
    });
    const readOffers = async (sku: string): Promise<OfferWithSupplier[]> => (await restock.suppliers.listEligibleOffers(sku, today)).map((e) => ({ offer: e.offer, supplier: e.supplier }));

    // Scored: performance once per supplier, offers once per SKU, a decision per line.
    const d0 = performance.now();
    const perf = new Map<string, SourcingPerformance>();
    for (const id of [...ids, old.id]) {
      perf.set(id, await restock.suppliers.performance(id));
    }
    const prepared: Array<PreparedSourcing | undefined> = new Array(skuCount);
    let chosen = 0;
    let unitsOrdered = 0;
    for (const l of lines) {
      let p = prepared[l.s];
      if (!p) {
        p = prepareSourcing({ sku: skus[l.s] ?? '', today, offers: await readOffers(skus[l.s] ?? ''), performance: perf });
        prepared[l.s] = p;
      }
      const d = p.decide({ quantity: l.quantity, trigger: l.trigger, excludeSupplierIds: l.exclude });
      if (d.chosen) {
        chosen++;
        unitsOrdered += d.chosen.quantity;
      }
    }
    const ms = performance.now() - d0;

    // Baseline: the same reads, the cheapest offer not excluded.
    const b0 = performance.now();
    const read: Array<OfferWithSupplier[] | undefined> = new Array(skuCount);
    let baseChosen = 0;
    for (const l of lines) {
      let offers = read[l.s];
      if (!offers) {
        offers = await readOffers(skus[l.s] ?? '');
        read[l.s] = offers;
      }
      let best: OfferWithSupplier | null = null;
      for (const o of offers) if (!l.exclude.includes(o.supplier.id) && (!best || o.offer.unitCost < best.offer.unitCost)) best = o;
      if (best) baseChosen++;
    }
    const baseMs = performance.now() - b0;

    // The whole service path on a sample: rejected lines re-sourced one by one through restock.failover
    // (lock, decision with performance read per supplier, new PO sent, decision log, events), each its own
    // transaction. Not the batch decision the target is about: what one failing line costs end to end.
    let fullPath: Record<string, unknown> | null = null;
    if (sample > 0) {
      // One single-line PO per SKU (as the reorder policy raises them), sent, answered by a rejection.
      const k = Math.min(sample, skuCount);
      const p0 = performance.now();
      const failing: string[] = [];
      for (const sku of skus.slice(0, k)) {
        const po = await restock.suppliers.createPurchaseOrder({ supplierId: ids[0] ?? '', lines: [{ sku, location: 'WH1', quantity: 1 + Math.floor(rng() * 60) }] });
        await restock.suppliers.send(po.id);
        failing.push(po.id);
      }
      await restock.runReactors();
      const createMs = (performance.now() - p0) / k;
      clock.advance(3_600_000);
      const lineIds: string[] = [];
      for (const poId of failing) {
        const po = await restock.suppliers.answer(poId, [{ lineId: (await restock.suppliers.getPurchaseOrder(poId)).lines[0]?.id ?? '', status: 'rejected', reason: 'bench' }]);
        lineIds.push(po.lines[0]?.id ?? '');
      }
      const f0 = performance.now();
      let resourced = 0;
      for (const id of lineIds) if ((await restock.failover.resourceLine(id, 'rejected'))?.chosen) resourced++;
      const fMs = performance.now() - f0;
      fullPath = {
        what: 'restock.failover.resourceLine per rejected line (decision + new PO sent + decision log + events, one transaction each), a sample',
        lines: k,
        resourced,
        ms: r1(fMs),
        perLineMs: r3(fMs / k),
        createAndSendPoMs: r3(createMs),
        extrapolatedTo: { lines: n, seconds: r1((fMs / k) * n / 1000), note: 'sample time × lines: an estimate, not a measurement' },
      };
    }
    return {
      what: 'offers read from SQLite (listEligibleOffers once per SKU), performance once per supplier, prepareSourcing + decide per line',
      lines: n,
      skus: skuCount,
      setupMs: Math.round(setupMs),
      ms: r1(ms),
      perLineMicros: r3((ms * 1000) / n),
      chosen,
      unsourced: n - chosen,
      unitsOrdered,
      baseline: { what: 'the same reads, cheapest offer not excluded', ms: r1(baseMs), chosen: baseChosen },
      ratioToBaseline: baseMs > 0 ? r3(ms / baseMs) : null,
      fullPath,
    };
  } finally {
    await restock.close();
  }
}

// ---------------------------------------------------------------------------------------------- runner

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const s = parseArgs(args);
  const need = [join(SUPPLY_DATA_DIR, 'carparts', 'series.csv'), join(SUPPLY_DATA_DIR, 'raf', 'series.csv'), join(SUPPLY_DATA_DIR, 'raf', 'items.csv')];
  const missing = need.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    process.stderr.write(`[supply] the benchmark needs the car-parts and RAF data: ${missing.join(', ')} not found. Set RESTOCK_DATA_DIR to the shared data folder (default ${SUPPLY_DATA_DIR}).\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const out: Record<string, unknown> = { dataDir: SUPPLY_DATA_DIR, settings: { ...s, only: [...s.only] } };
  if (s.only.has('sim')) out.simulation = await simulation(s);
  if (s.only.has('decisions')) {
    log(`decisions: ${s.decisions} lines, pure policy`);
    const pure = benchSourcingDecisions(s.decisions, { seed: s.seed });
    log(`decisions: ${s.decisions} lines, offers from SQLite`);
    const service = await serviceDecisions(s.decisions, s.seed, s.fullPathSample);
    const ms = Number(service.ms) + 0;
    out.decisions = { pure, sqlite: service };
    out.decisionTargets = {
      pure: { target: `${s.decisions} decisions < 10 s`, ms: pure.ms, pass: pure.ms < 10_000 },
      sqlite: { target: `${s.decisions} decisions < 10 s on SQLite`, ms, pass: ms < 10_000 },
    };
  }
  const cpu = process.cpuUsage(cpu0);
  out.cpuSeconds = r1((cpu.user + cpu.system) / 1e6);
  out.seconds = r1((performance.now() - t0) / 1000);
  return out;
}
