/**
 * The world of the supply benchmark (issue 12, `npm run bench -- supply`): real monthly demand from the car-parts
 * and RAF series in ../shared/data (RESTOCK_DATA_DIR), and three suppliers per SKU that differ in cost, lead
 * time and reliability, one of them cheap but unreliable (rejects 20% of lines, ships 15% late). RAF items keep
 * their real lead times (months, from items.csv) and prices; car parts, which have neither, get seeded ones.
 * Everything random comes from one seed (src/core/random.ts): the same seed builds the same world.
 *
 * Exported for bench/supply.ts: `loadSupplyWorld` (the world), `supplierOutcome` (what a supplier does with one
 * line, drawn from its true behaviour), and `benchSourcingDecisions(n)` (the sourcing decision for n late or
 * rejected lines, timed, with a cheapest-offer baseline from the same run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readLongCsv } from '../../src/planning/forecast/data.ts';
import { seededRandom, type Random } from '../../src/core/random.ts';
import { prepareSourcing, type PreparedSourcing } from '../../src/suppliers/sourcing.ts';
import type { OfferWithSupplier, Performance, SourcingSupplier, SourcingTrigger } from '../../src/suppliers/sourcing-model.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const SUPPLY_DATA_DIR = process.env.RESTOCK_DATA_DIR ?? join(here, '..', '..', '..', 'shared', 'data');

/** Days in one period of the monthly series. */
export const PERIOD_DAYS = 30;

/** How a supplier really behaves (the simulator's truth; sourcing sees only what it states and what it measured). */
export interface SupplierProfile {
  id: string;
  name: string;
  /** Unit cost = the SKU's base cost × this (× a little per-SKU noise). */
  costFactor: number;
  /** Lead time = the SKU's base lead time × this. */
  leadTimeFactor: number;
  /** Standard deviation of the true lead time, as a share of its mean. */
  leadTimeCv: number;
  /** Share of lines rejected outright. */
  rejectRate: number;
  /** Share of confirmed lines confirmed short, and the share of the quantity then kept. */
  shortRate: number;
  shortKeeps: number;
  /** Share of confirmed lines shipped late, and by how much (a share of the lead time, uniform in the range). */
  lateRate: number;
  lateBy: readonly [number, number];
  /** Hours to acknowledge a line (mean). */
  ackHours: number;
  /** Packs: the offer's multiple is this many months of mean demand, rounded (0: no packs). */
  packMonths: number;
}

export const SUPPLIER_PROFILES: readonly SupplierProfile[] = Object.freeze([
  { id: 'sup_cheap', name: 'Cheapest (unreliable)', costFactor: 1.0, leadTimeFactor: 1.0, leadTimeCv: 0.25, rejectRate: 0.2, shortRate: 0.05, shortKeeps: 0.6, lateRate: 0.15, lateBy: [0.3, 0.8], ackHours: 30, packMonths: 0.5 },
  { id: 'sup_steady', name: 'Steady', costFactor: 1.04, leadTimeFactor: 1.1, leadTimeCv: 0.1, rejectRate: 0.02, shortRate: 0.02, shortKeeps: 0.8, lateRate: 0.03, lateBy: [0.1, 0.3], ackHours: 6, packMonths: 0 },
  { id: 'sup_fast', name: 'Fast (dear)', costFactor: 1.1, leadTimeFactor: 0.6, leadTimeCv: 0.1, rejectRate: 0.04, shortRate: 0.02, shortKeeps: 0.8, lateRate: 0.04, lateBy: [0.1, 0.3], ackHours: 4, packMonths: 0 },
]);

export interface SupplySeries {
  /** `carparts:ID` or `raf:ID`: unique across both sets. */
  sku: string;
  source: 'carparts' | 'raf';
  /** Units demanded per period (month), oldest first. */
  demand: number[];
  /** The SKU's base unit cost (RAF: its price in GBP) and base lead time in days (RAF: its real lead time). */
  baseCost: number;
  leadTimeDays: number;
  /** RAF: the lead time as items.csv states it, in months. */
  leadTimeMonths: number | null;
  /** The three offers, one per supplier, joined with their supplier as sourcing reads them. */
  offers: OfferWithSupplier[];
  /** Per supplier id: the true lead-time mean and sd of this SKU's offer (days). */
  truth: Map<string, { leadTimeDays: number; leadTimeSdDays: number }>;
}

export interface SupplyWorld {
  seed: number;
  dataDir: string;
  periodDays: number;
  suppliers: SourcingSupplier[];
  profiles: readonly SupplierProfile[];
  series: SupplySeries[];
  /** Series read but left out (incomplete, or no demand at all). */
  skipped: { carparts: number; raf: number };
}

export interface SupplyWorldOptions {
  dataDir?: string;
  seed?: number;
  /** At most this many series from each set, in file order (default: all). */
  limit?: number;
  sets?: ReadonlyArray<'carparts' | 'raf'>;
}

/** The suppliers as sourcing sees them: stated lead times (the offers override per SKU), all shipping anywhere. */
export function benchSuppliers(profiles: readonly SupplierProfile[] = SUPPLIER_PROFILES): SourcingSupplier[] {
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    currency: 'GBP',
    leadTimeDays: Math.round(60 * p.leadTimeFactor),
    leadTimeSdDays: Math.round(60 * p.leadTimeFactor * p.leadTimeCv),
    regions: [],
    active: true,
    failover: true,
    minOrderValue: 0,
  }));
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function offersFor(sku: string, baseCost: number, leadTimeDays: number, meanDemand: number, suppliers: readonly SourcingSupplier[], profiles: readonly SupplierProfile[], rng: Random): Pick<SupplySeries, 'offers' | 'truth'> {
  const offers: OfferWithSupplier[] = [];
  const truth = new Map<string, { leadTimeDays: number; leadTimeSdDays: number }>();
  profiles.forEach((p, i) => {
    const supplier = suppliers[i];
    if (!supplier) return;
    // ±2% per SKU, so the ranking by cost is the profiles' but not every gap is the same.
    const unitCost = Math.max(0.01, round2(baseCost * p.costFactor * (1 + (rng() - 0.5) * 0.04)));
    const lead = Math.max(1, Math.round(leadTimeDays * p.leadTimeFactor));
    const pack = p.packMonths > 0 ? Math.max(1, Math.round(meanDemand * p.packMonths)) : 1;
    truth.set(p.id, { leadTimeDays: lead, leadTimeSdDays: Math.max(0.5, lead * p.leadTimeCv) });
    offers.push({
      supplier,
      offer: { id: `of_${p.id}_${sku}`, supplierId: p.id, sku, unitCost, minQuantity: pack, multiple: pack, leadTimeDays: lead, priority: i, validFrom: null, validTo: null, active: true },
    });
  });
  return { offers, truth };
}

/** Builds the world from the car-parts and RAF series (complete series with some demand). */
export function loadSupplyWorld(opts: SupplyWorldOptions = {}): SupplyWorld {
  const dataDir = opts.dataDir ?? SUPPLY_DATA_DIR;
  const seed = opts.seed ?? 12;
  const rng = seededRandom(seed);
  const suppliers = benchSuppliers();
  const sets = opts.sets ?? ['carparts', 'raf'];
  const series: SupplySeries[] = [];
  const skipped = { carparts: 0, raf: 0 };
  for (const set of sets) {
    const path = join(dataDir, set, 'series.csv');
    if (!existsSync(path)) throw new Error(`${path} not found: set RESTOCK_DATA_DIR to the shared data folder`);
    const length = set === 'carparts' ? 51 : 84;
    let items = new Map<string, { leadTimeMonths: number; price: number }>();
    if (set === 'raf') {
      const rows = parse(readFileSync(join(dataDir, 'raf', 'items.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      items = new Map(rows.map((r) => [r.series_id ?? '', { leadTimeMonths: Number(r.lead_time_months), price: Number(r.price_gbp) }]));
    }
    let taken = 0;
    for (const s of readLongCsv(path, { source: `${set}/series.csv` })) {
      if (opts.limit !== undefined && taken >= opts.limit) break;
      const total = s.values.reduce((a, v) => a + v, 0);
      if (s.values.length !== length || total <= 0) {
        skipped[set]++;
        continue;
      }
      taken++;
      const meanDemand = total / s.values.length;
      const sku = `${set}:${s.id}`;
      let baseCost: number;
      let leadTimeDays: number;
      let leadTimeMonths: number | null = null;
      const item = items.get(s.id);
      if (set === 'raf' && item && Number.isFinite(item.leadTimeMonths)) {
        leadTimeMonths = item.leadTimeMonths;
        // A stated lead time of 0 months is under a month, not instant: a week.
        leadTimeDays = Math.max(7, Math.round(item.leadTimeMonths * PERIOD_DAYS));
        baseCost = Number.isFinite(item.price) && item.price > 0 ? item.price : round2(Math.exp(1 + rng() * 4));
      } else {
        // Car parts: cost log-uniform 2.7–150, lead time 2–12 weeks.
        baseCost = round2(Math.exp(1 + rng() * 4));
        leadTimeDays = 14 + Math.floor(rng() * 71);
      }
      series.push({ sku, source: set, demand: s.values, baseCost, leadTimeDays, leadTimeMonths, ...offersFor(sku, baseCost, leadTimeDays, meanDemand, suppliers, SUPPLIER_PROFILES, rng) });
    }
  }
  return { seed, dataDir, periodDays: PERIOD_DAYS, suppliers, profiles: SUPPLIER_PROFILES, series, skipped };
}

/** A normal draw (Box–Muller) from the seeded source. */
export function normalDraw(rng: Random): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export interface LineOutcome {
  rejected: boolean;
  /** Units confirmed (0 when rejected). */
  confirmedQuantity: number;
  /** Days from sending to the confirmed (promised) delivery. */
  confirmedLeadDays: number;
  /** Days from sending to the actual delivery (≥ confirmed when late). */
  actualLeadDays: number;
  late: boolean;
  ackHours: number;
}

/** What a supplier does with one line of `quantity` units, drawn from its true behaviour for this SKU. */
export function supplierOutcome(rng: Random, profile: SupplierProfile, truth: { leadTimeDays: number; leadTimeSdDays: number }, quantity: number): LineOutcome {
  const ackHours = profile.ackHours * (0.5 + rng());
  if (rng() < profile.rejectRate) return { rejected: true, confirmedQuantity: 0, confirmedLeadDays: 0, actualLeadDays: 0, late: false, ackHours };
  const confirmedQuantity = rng() < profile.shortRate ? Math.max(0, Math.floor(quantity * profile.shortKeeps)) : quantity;
  const confirmedLeadDays = Math.max(1, Math.round(truth.leadTimeDays + normalDraw(rng) * truth.leadTimeSdDays));
  const late = rng() < profile.lateRate;
  const [lo, hi] = profile.lateBy;
  const actualLeadDays = late ? confirmedLeadDays + Math.max(1, Math.round(truth.leadTimeDays * (lo + rng() * (hi - lo)))) : confirmedLeadDays;
  return { rejected: false, confirmedQuantity, confirmedLeadDays, actualLeadDays, late, ackHours };
}

// ---------------------------------------------------------------------------------------------- decisions

export interface SourcingBenchResult {
  lines: number;
  skus: number;
  ms: number;
  perLineMicros: number;
  chosen: number;
  unsourced: number;
  /** Units ordered by the chosen offers (a checksum of the run: the same seed gives the same figure). */
  unitsOrdered: number;
  byTrigger: Record<SourcingTrigger, number>;
  /** The same lines given to the cheapest eligible offer (no scoring), timed in the same run. */
  baseline: { ms: number; chosen: number };
  ratioToBaseline: number;
}

const TRIGGERS: readonly SourcingTrigger[] = ['rejected', 'short', 'ack_timeout', 'ship_late'];

/**
 * Times the sourcing decision (`prepareSourcing` once per SKU, then `decide` per line: what chooseSource does
 * for one line) for `n` synthetic late or rejected lines over `skus` SKUs with the three bench
 * suppliers plus an expired and an inactive offer per SKU (so eligibility is exercised). The per-SKU offers and
 * the per-supplier performance are built once, as the service would read them once per SKU and batch.
 */
export function benchSourcingDecisions(n: number, opts: { skus?: number; seed?: number } = {}): SourcingBenchResult {
  const rng = seededRandom(opts.seed ?? 12);
  const skuCount = Math.max(1, opts.skus ?? Math.min(5000, Math.max(1, Math.ceil(n / 20))));
  const suppliers = benchSuppliers();
  const expiredSupplier: SourcingSupplier = { ...suppliers[1]!, id: 'sup_old', name: 'Old contract' };
  const inactiveSupplier: SourcingSupplier = { ...suppliers[2]!, id: 'sup_gone', name: 'Gone', active: false };
  const bySku: OfferWithSupplier[][] = [];
  const skus: string[] = [];
  for (let i = 0; i < skuCount; i++) {
    const sku = `SKU-${i}`;
    const { offers } = offersFor(sku, round2(Math.exp(1 + rng() * 4)), 14 + Math.floor(rng() * 120), 1 + rng() * 30, suppliers, SUPPLIER_PROFILES, rng);
    offers.push(
      { supplier: expiredSupplier, offer: { id: `of_old_${sku}`, supplierId: 'sup_old', sku, unitCost: 0.01, minQuantity: 1, multiple: 1, leadTimeDays: 5, priority: 0, validFrom: null, validTo: '2026-06-30', active: true } },
      { supplier: inactiveSupplier, offer: { id: `of_gone_${sku}`, supplierId: 'sup_gone', sku, unitCost: 0.01, minQuantity: 1, multiple: 1, leadTimeDays: 5, priority: 0, validFrom: null, validTo: null, active: true } },
    );
    bySku.push(offers);
    skus.push(sku);
  }
  const measured = new Map<string, Performance>(
    SUPPLIER_PROFILES.map((p) => {
      const onTime = 1 - p.lateRate;
      const fill = (1 - p.rejectRate) * (1 - p.shortRate * (1 - p.shortKeeps));
      const lead = 60 * p.leadTimeFactor;
      return [p.id, { supplierId: p.id, lines: 400, onTimeRate: onTime, fillRate: fill, ackHours: { mean: p.ackHours, p90: p.ackHours * 1.4 }, leadTimeDays: { mean: lead, sd: lead * p.leadTimeCv, p90: lead * (1 + 1.28 * p.leadTimeCv) }, sample: 400 }];
    }),
  );
  const lines = Array.from({ length: n }, () => {
    const s = Math.floor(rng() * skuCount);
    const failing = SUPPLIER_PROFILES[Math.floor(rng() * SUPPLIER_PROFILES.length)]!.id;
    // A tenth of the lines have been re-sourced once already: two suppliers are out.
    const second = rng() < 0.1 ? SUPPLIER_PROFILES[Math.floor(rng() * SUPPLIER_PROFILES.length)]!.id : null;
    return { s, trigger: TRIGGERS[Math.floor(rng() * TRIGGERS.length)]!, quantity: 1 + Math.floor(rng() * 60), exclude: second && second !== failing ? [failing, second] : [failing] };
  });

  const byTrigger: Record<SourcingTrigger, number> = { rejected: 0, short: 0, ack_timeout: 0, ship_late: 0 };
  let chosen = 0;
  let unitsOrdered = 0;
  // Timed from the per-SKU preparation (done once per SKU as lines of it come up) to the last decision.
  const t0 = performance.now();
  const prepared: Array<PreparedSourcing | undefined> = new Array(skuCount);
  for (const l of lines) {
    let p = prepared[l.s];
    if (!p) {
      p = prepareSourcing({ sku: skus[l.s]!, today: '2026-12-04', offers: bySku[l.s]!, performance: measured });
      prepared[l.s] = p;
    }
    const d = p.decide({ quantity: l.quantity, trigger: l.trigger, excludeSupplierIds: l.exclude });
    byTrigger[l.trigger]++;
    if (d.chosen) {
      chosen++;
      unitsOrdered += d.chosen.quantity;
    }
  }
  const ms = performance.now() - t0;

  // Baseline: the cheapest offer not excluded and not obviously ineligible, no scoring, no reasons.
  let baseChosen = 0;
  const b0 = performance.now();
  for (const l of lines) {
    let best: OfferWithSupplier | null = null;
    for (const o of bySku[l.s]!) {
      if (l.exclude.includes(o.supplier.id) || !o.supplier.active || !o.offer.active || (o.offer.validTo !== null && o.offer.validTo < '2026-12-04')) continue;
      if (!best || o.offer.unitCost < best.offer.unitCost) best = o;
    }
    if (best) baseChosen++;
  }
  const baseMs = performance.now() - b0;
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    lines: n,
    skus: skuCount,
    ms: r(ms),
    perLineMicros: r(n > 0 ? (ms * 1000) / n : 0),
    chosen,
    unsourced: n - chosen,
    unitsOrdered,
    byTrigger,
    baseline: { ms: r(baseMs), chosen: baseChosen },
    ratioToBaseline: r(baseMs > 0 ? ms / baseMs : 0),
  };
}
