/**
 * The demo shop that `restock serve --demo` seeds on an empty database: ~240 SKUs in seven categories, three
 * warehouses and a store, two years of daily sales in the ledger, and every availability a shopper can meet
 * (in stock, low, out, backorder, pre-order, discontinued). One API key per scope is made and kept in a keys
 * file of that database (see demoKeysFile) so later starts can show them again.
 *
 * Everything comes from one seeded generator and the clock, so a seed on a given day always builds the same
 * shop. The history is simulated first, in memory and per SKU (demand, replenishment, stock-outs), and only
 * then written: the SKUs that must end sold out or low are chosen from how the simulation ended, so the mix
 * comes about by selling rather than by correcting counts. Everything goes through the services: catalog and
 * locations as any client writes them, the history through the bulk mode of the stock write path
 * (InventoryService.appendHistory), which appends it to the ledger and derives levels and availability in one
 * transaction, because two years of movements one write at a time would take minutes.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { addDays, isoDate } from '../core/clock.ts';
import type { Json } from '../core/json.ts';
import { progressBar } from '../core/progress.ts';
import type { ProductInput } from '../catalog/model.ts';
import type { Location, MovementType } from '../inventory/model.ts';
import type { DatedMovement } from '../inventory/bulk.ts';
import { SCOPES as ALL_SCOPES, type Scope } from '../access/model.ts';

/** The demo keeps one key per scope, except `supplier`: such a key is bound to a supplier, and the demo has none. */
const SCOPES = ALL_SCOPES.filter((s): s is Exclude<Scope, 'supplier'> => s !== 'supplier');
import type { Restock } from '../restock.ts';

export type DemoKeys = Record<(typeof SCOPES)[number], string>;

export interface DemoOptions {
  progress?: boolean;
  /** Where the keys are kept (default: demoKeysFile of the database); null keeps them nowhere. */
  keysFile?: string | null;
}

/**
 * The keys file of a database, so two demo instances on two databases never share (or overwrite) one: beside
 * a SQLite file and named after it (`data/restock.db` → `data/restock.demo-keys.json`); for PostgreSQL, under
 * `data/` of the working directory, named after server and database. An in-memory database keeps none.
 */
export function demoKeysFile(databaseUrl: string, cwd = process.cwd()): string | null {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path === '' || path === ':memory:') return null;
    const file = resolve(cwd, path);
    const ext = extname(file);
    return join(dirname(file), `${basename(file, ext)}.demo-keys.json`);
  }
  let u: URL;
  try {
    u = new URL(databaseUrl);
  } catch {
    return null;
  }
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  const db = decodeURIComponent(u.pathname.replace(/^\/+/, '')) || decodeURIComponent(u.username) || 'postgres';
  return resolve(cwd, 'data', `demo-keys.${safe(u.hostname || 'localhost')}-${safe(u.port || '5432')}-${safe(db)}.json`);
}

export interface DemoSummary {
  skus: number;
  ledgerRows: number;
  ms: number;
}

const SEED = 0x5eed_2024;
const HISTORY_DAYS = 730;

/**
 * Seeds the demo shop when the database has no products and returns the new keys; on a database that has
 * products, returns the keys kept from the seed if they still work, else null.
 */
export async function ensureDemo(restock: Restock, opts: DemoOptions = {}): Promise<DemoKeys | null> {
  const keysFile = opts.keysFile === undefined ? demoKeysFile(restock.options.databaseUrl) : opts.keysFile && resolve(opts.keysFile);
  const any = await restock.catalog.list({ limit: 1 });
  if (any.length > 0) return keysFile ? readKeys(restock, keysFile) : null;

  const summary = await seedDemo(restock, opts);
  // The demo shop is a page without a backend: its browser places orders with the publishable key. They await a
  // payment nobody takes, so they are held for a week (the longest) before the sweeper cancels them.
  await restock.orders.setCheckoutSettings({ ...(await restock.orders.checkoutSettings()), browserOrders: true, paymentTtlSeconds: 7 * 24 * 3600 });
  const keys = {} as DemoKeys;
  for (const scope of SCOPES) keys[scope] = (await restock.keys.create(scope, `demo ${scope} key`)).key;
  if (keysFile) {
    await mkdir(dirname(keysFile), { recursive: true });
    await writeFile(keysFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
    await chmod(keysFile, 0o600); // `mode` applies only to a file that did not exist
  }
  restock.logger.info({ ...summary, keysFile }, 'demo shop seeded');
  return keys;
}

async function readKeys(restock: Restock, file: string): Promise<DemoKeys | null> {
  let parsed: unknown;
  try {
    // The file holds the admin key: owner-only, also when it was made before (or by hand) with looser rights.
    await chmod(file, 0o600);
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const keys = {} as DemoKeys;
  let added = false;
  for (const scope of SCOPES) {
    const k: unknown = (parsed as Record<string, unknown>)[scope];
    // A file from before a scope existed (the checkout key) gets a key of it; the file is written again below.
    if (k === undefined && scope === 'checkout') {
      keys[scope] = (await restock.keys.create(scope, `demo ${scope} key`)).key;
      added = true;
      continue;
    }
    // A file left from another database (or a revoked key) would print keys that do not work: say nothing.
    if (typeof k !== 'string' || (await restock.keys.verify(k))?.scope !== scope) return null;
    keys[scope] = k;
  }
  if (added) await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

// ---------------------------------------------------------------------------------------------- seeding

const LOCATIONS: Location[] = [
  { code: 'WH-EAST', name: 'East warehouse (Poznań)', type: 'warehouse', priority: 1, region: 'EU-East' },
  { code: 'WH-WEST', name: 'West warehouse (Rotterdam)', type: 'warehouse', priority: 2, region: 'EU-West' },
  { code: 'WH-CENTRAL', name: 'Central warehouse (Nuremberg)', type: 'warehouse', priority: 3, region: 'EU-Central' },
  { code: 'STORE-BERLIN', name: 'Berlin Mitte store', type: 'store', priority: 4, region: 'EU-Central' },
];

/** Share of a day's orders each location's customers place (before a stock-out sends them elsewhere). */
const LOCATION_WEIGHT: Record<string, number> = { 'WH-EAST': 0.4, 'WH-WEST': 0.3, 'WH-CENTRAL': 0.2, 'STORE-BERLIN': 0.1 };

async function seedDemo(restock: Restock, opts: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const bar = progressBar({ title: 'seeding demo shop:', counts: false, enabled: opts.progress === true });
  try {
    const today = isoDate(restock.clock.now());
    const first = addDays(today, -HISTORY_DAYS);
    const days = dayInfo(first, HISTORY_DAYS);
    const plans = planCatalog(today);
    const sims = new Map<string, Simulation>();
    for (const p of plans) if (p.demand) sims.set(p.input.sku, simulate(p, days));
    choosePolicies(plans, sims);

    const rowsTotal = [...sims.values()].reduce((n, s) => n + s.rows, 0);
    bar?.start(rowsTotal + plans.length * 2, 0, { stage: 'catalog' });

    for (const l of LOCATIONS) await restock.inventory.upsertLocation(l);
    const inputs = plans.map((p) => p.input);
    await restock.catalog.upsertMany(inputs);
    bar?.increment(plans.length);

    bar?.stage('sales history');
    const history = historyMovements(plans, sims, days);
    await restock.inventory.appendHistory(history, { onWritten: (n) => bar?.increment(n) });
    bar?.increment(plans.length);

    await setDemoSafetyStock(restock, plans, sims);
    await seedDemoSuppliers(restock, plans);
    return { skus: plans.length, ledgerRows: rowsTotal, ms: Math.round(performance.now() - started) };
  } finally {
    bar?.stop();
  }
}

/**
 * Three suppliers with offers on the replenished SKUs, and a few purchase orders in every state: one answered in
 * full, one where the supplier cut a line and rejected another (the failover reactor re-sources them as soon as
 * the service runs: their decision log is on the dashboard), and
 * a draft. Sending goes through the real delivery reactor, so their emails are in the message list.
 */
async function seedDemoSuppliers(restock: Restock, plans: SkuPlan[]): Promise<void> {
  const mk = (name: string, email: string, leadTimeDays: number, leadTimeSdDays: number, channel: 'email' | 'portal') =>
    restock.suppliers.createSupplier({ name, email, channel, currency: 'EUR', leadTimeDays, leadTimeSdDays, ackDeadlineHours: 48, regions: [] });
  const nordic = await mk('Nordic Parts AB', 'orders@nordic-parts.example', 14, 3, 'portal');
  const rhein = await mk('Rhein Logistik GmbH', 'einkauf@rhein-logistik.example', 5, 1, 'email');
  const baltic = await mk('Baltic Supply OÜ', 'sales@baltic-supply.example', 21, 6, 'portal');
  const stocked = plans.filter((p) => p.demand && p.input.status !== 'upcoming').slice(0, 60);
  for (const [i, p] of stocked.entries()) {
    const price = Number(p.input.price);
    await restock.suppliers.createOffer(nordic.id, { sku: p.input.sku, supplierSku: `NP-${1000 + i}`, unitCost: round2(price * 0.45), minQuantity: 1, multiple: 1, priority: 1 });
    await restock.suppliers.createOffer(rhein.id, { sku: p.input.sku, supplierSku: `RL-${p.input.sku}`, unitCost: round2(price * 0.52), minQuantity: 10, multiple: 5, priority: 2 });
    if (i % 2 === 0) await restock.suppliers.createOffer(baltic.id, { sku: p.input.sku, unitCost: round2(price * 0.48), minQuantity: 1, multiple: 1, priority: 3 });
  }
  const line = (k: number, quantity: number) => ({ sku: (stocked[k] as SkuPlan).input.sku, location: 'WH-EAST', quantity });
  if (stocked.length < 6) return;
  const answered = await restock.suppliers.createPurchaseOrder({ supplierId: nordic.id, lines: [line(0, 40), line(1, 24)] });
  await restock.suppliers.send(answered.id);
  await restock.suppliers.answer(answered.id, answered.lines.map((l) => ({ lineId: l.id, status: 'confirmed' as const })));
  const cut = await restock.suppliers.createPurchaseOrder({ supplierId: nordic.id, lines: [line(2, 30), line(3, 18)] });
  await restock.suppliers.send(cut.id);
  await restock.suppliers.answer(cut.id, [
    { lineId: (cut.lines[0] as { id: string }).id, status: 'confirmed', quantity: 20 },
    { lineId: (cut.lines[1] as { id: string }).id, status: 'rejected', reason: 'Discontinued by the manufacturer' },
  ]);
  await restock.suppliers.createPurchaseOrder({ supplierId: rhein.id, lines: [line(4, 50), line(5, 25)] });
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A few fast movers keep a buffer back from sale at their main warehouse, as a planner would set. */
async function setDemoSafetyStock(restock: Restock, plans: SkuPlan[], sims: Map<string, Simulation>): Promise<void> {
  const candidates = plans
    .filter((p) => p.target === 'in_stock' && p.demand?.kind === 'fast')
    .map((p) => ({ p, onHand: sims.get(p.input.sku)?.finalOnHand.get('WH-EAST') ?? 0 }))
    .filter((c) => c.onHand >= 40)
    .sort((a, b) => b.onHand - a.onHand || a.p.input.sku.localeCompare(b.p.input.sku))
    .slice(0, 8);
  for (const c of candidates) await restock.inventory.setSafetyStock(c.p.input.sku, 'WH-EAST', Math.max(3, Math.round(c.onHand * 0.15)));
}

// ---------------------------------------------------------------------------------------------- history

interface DayInfo {
  date: string;
  /** 0 = Sunday. */
  dow: number;
  /** 0..365, for yearly seasonality. */
  doy: number;
}

function dayInfo(first: string, n: number): DayInfo[] {
  const out: DayInfo[] = [];
  const t0 = new Date(`${first}T00:00:00.000Z`).getTime();
  for (let i = 0; i < n; i++) {
    const d = new Date(t0 + i * 86_400_000);
    const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
    out.push({ date: isoDate(d), dow: d.getUTCDay(), doy: Math.floor((d.getTime() - jan1) / 86_400_000) });
  }
  return out;
}

interface Simulation {
  /** Per stocking location: units received and sold on each day of the history. */
  locations: Array<{ code: string; receipts: Int32Array; sales: Int32Array }>;
  finalOnHand: Map<string, number>;
  /** Closing counts on the last day, for the rare SKU the simulation left outside its target band. */
  closing: Map<string, number>;
  rows: number;
}

/**
 * One SKU's two years: Poisson (or, for slow movers, intermittent) demand shaped by trend, week and season;
 * each day's orders go to one location by customer region and spill to the others by priority when it runs
 * dry; each location reorders up to a level every review period, with lead times that sometimes slip. Demand
 * beyond the stock is lost, so a stock-out shows in the history as days without sales.
 */
function simulate(plan: SkuPlan, days: DayInfo[]): Simulation {
  const d = plan.demand;
  if (!d) throw new Error(`${plan.input.sku} has no demand plan`);
  const rng = new Rng(d.seed);
  const n = days.length;
  const locs = plan.stockedAt.map((code) => ({
    code,
    share: 0,
    onHand: 0,
    pipeline: [] as Array<{ day: number; qty: number }>,
    nextReview: d.launchDay + rng.int(1, d.reviewDays),
    receipts: new Int32Array(n),
    sales: new Int32Array(n),
  }));
  const weightSum = locs.reduce((s, l) => s + (LOCATION_WEIGHT[l.code] ?? 0.1), 0);
  for (const l of locs) l.share = (LOCATION_WEIGHT[l.code] ?? 0.1) / weightSum;

  const meanAt = (day: number): number => {
    const info = days[Math.min(day, n - 1)];
    if (!info) return 0;
    const trend = Math.max(0.2, 1 + (d.trendPerYear * (day - d.launchDay)) / 365);
    const base = d.kind === 'slow' ? d.level * d.sizeMean : d.level;
    return base * trend * seasonality(d.season, info.doy);
  };
  const orderUpTo = (day: number, share: number): number => {
    const horizon = d.reviewDays + d.leadDays;
    return Math.ceil(meanAt(day + d.leadDays) * share * horizon * d.cover) + (d.kind === 'slow' ? 1 : 2);
  };
  const mayOrder = (day: number): boolean => day < d.stopOrderingDay && !d.outages.some(([a, b]) => day >= a && day < b);

  for (let day = d.launchDay; day < n; day++) {
    const info = days[day];
    if (!info) break;
    for (const l of locs) {
      if (day === d.launchDay) {
        const opening = orderUpTo(day, l.share);
        l.onHand += opening;
        l.receipts[day] = (l.receipts[day] ?? 0) + opening;
      }
      if (l.pipeline.length > 0 && l.pipeline[0] && l.pipeline[0].day <= day) {
        const arrived = l.pipeline.filter((p) => p.day <= day);
        l.pipeline = l.pipeline.filter((p) => p.day > day);
        const qty = arrived.reduce((s, p) => s + p.qty, 0);
        l.onHand += qty;
        l.receipts[day] = (l.receipts[day] ?? 0) + qty;
      }
    }

    let demand: number;
    const season = seasonality(d.season, info.doy);
    if (d.kind === 'slow') {
      demand = rng.chance(Math.min(0.95, d.level * season * weekly(d.week, info.dow))) ? 1 + rng.poisson(d.sizeMean - 1) : 0;
    } else {
      const trend = Math.max(0.2, 1 + (d.trendPerYear * (day - d.launchDay)) / 365);
      demand = rng.poisson(d.level * trend * season * weekly(d.week, info.dow));
    }

    if (demand > 0) {
      let r = rng.next();
      let first = locs[0];
      for (const l of locs) {
        r -= l.share;
        if (r < 0) {
          first = l;
          break;
        }
      }
      const order = first ? [first, ...locs.filter((l) => l !== first)] : locs;
      for (const l of order) {
        if (demand === 0) break;
        const q = Math.min(demand, l.onHand);
        if (q <= 0) continue;
        l.onHand -= q;
        l.sales[day] = (l.sales[day] ?? 0) + q;
        demand -= q;
      }
    }

    for (const l of locs) {
      if (day < l.nextReview) continue;
      l.nextReview += d.reviewDays;
      if (!mayOrder(day)) continue;
      const position = l.onHand + l.pipeline.reduce((s, p) => s + p.qty, 0);
      const target = orderUpTo(day, l.share);
      if (position >= target) continue;
      const slip = rng.chance(d.slipChance) ? rng.int(5, 21) : rng.int(0, 2);
      l.pipeline.push({ day: day + d.leadDays + slip, qty: target - position });
      l.pipeline.sort((a, b) => a.day - b.day);
    }
  }

  const finalOnHand = new Map(locs.map((l) => [l.code, l.onHand]));
  let rows = 0;
  for (const l of locs) for (let i = 0; i < n; i++) rows += ((l.receipts[i] ?? 0) > 0 ? 1 : 0) + ((l.sales[i] ?? 0) > 0 ? 2 : 0);
  return { locations: locs.map((l) => ({ code: l.code, receipts: l.receipts, sales: l.sales })), finalOnHand, closing: new Map(), rows };
}

/** The simulated history as dated movements, day by day across all SKUs, so ledger ids follow time. */
function historyMovements(plans: SkuPlan[], sims: Map<string, Simulation>, days: DayInfo[]): DatedMovement[] {
  const out: DatedMovement[] = [];
  const add = (sku: string, location: string, type: MovementType, quantity: number, onHandDelta: number, committedDelta: number, reason: string, reference: string, createdAt: string) =>
    out.push({ sku, location, type, quantity, onHandDelta, reservedDelta: 0, committedDelta, reason, reference, createdAt });
  const simulated = plans.filter((p) => sims.has(p.input.sku));
  for (let day = 0; day < days.length; day++) {
    const info = days[day];
    if (!info) continue;
    const stamp = (time: string) => `${info.date}T${time}.000Z`;
    const compact = info.date.replaceAll('-', '');
    for (const p of simulated) {
      const s = sims.get(p.input.sku);
      for (const l of s?.locations ?? []) {
        const q = l.receipts[day] ?? 0;
        if (q > 0) {
          const opening = day === p.demand?.launchDay;
          add(p.input.sku, l.code, 'receipt', q, q, 0, opening ? 'opening stock' : 'replenishment', `PO-${compact}-${p.input.sku}`, stamp('07:30:00'));
        }
      }
    }
    for (const phase of ['commit', 'shipment'] as const) {
      for (const p of simulated) {
        const s = sims.get(p.input.sku);
        for (const l of s?.locations ?? []) {
          const q = l.sales[day] ?? 0;
          if (q <= 0) continue;
          const ref = `SO-${compact}-${p.input.sku}`;
          if (phase === 'commit') add(p.input.sku, l.code, 'commit', q, 0, q, 'sale', ref, stamp('12:00:00'));
          else add(p.input.sku, l.code, 'shipment', q, -q, -q, 'sale', ref, stamp('17:00:00'));
        }
      }
    }
  }
  const last = days[days.length - 1];
  if (!last) return out;
  for (const p of simulated) {
    const s = sims.get(p.input.sku);
    for (const [code, counted] of s?.closing ?? []) {
      const before = s?.finalOnHand.get(code) ?? 0;
      add(p.input.sku, code, 'count', counted, counted - before, 0, 'cycle count', `COUNT-${last.date}`, `${last.date}T20:00:00.000Z`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- catalog

type Target = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder' | 'discontinued' | 'preorder' | 'untracked';
type SeasonKind = 'flat' | 'summer' | 'spring' | 'winter' | 'holiday' | 'electronics';
type WeekKind = 'weekend' | 'weekday' | 'online';

interface DemandPlan {
  seed: number;
  /** fast and steady: Poisson around `level` units a day; slow: a sale on a `level` share of days, `sizeMean` units. */
  kind: 'fast' | 'steady' | 'slow';
  level: number;
  sizeMean: number;
  trendPerYear: number;
  season: SeasonKind;
  week: WeekKind;
  /** Day of the history the SKU went on sale (some are newer than two years). */
  launchDay: number;
  reviewDays: number;
  leadDays: number;
  /** How generously the order-up-to level covers review period plus lead time. */
  cover: number;
  slipChance: number;
  /** Supplier outages: [from, to) days without orders — the long stock-out spells in the history. */
  outages: Array<[number, number]>;
  stopOrderingDay: number;
}

interface SkuPlan {
  input: ProductInput & { policy: NonNullable<ProductInput['policy']> };
  stockedAt: string[];
  demand: DemandPlan | null;
  target: Target;
  /** Replenishment stopped before the end of the history: a candidate to end sold out. */
  endsDry: boolean;
}

function planCatalog(today: string): SkuPlan[] {
  const rng = new Rng(SEED);
  const titles = new Set<string>();
  const plans: SkuPlan[] = [];
  let n = 0;
  for (const cat of CATEGORIES) {
    const items = rng.shuffle([...cat.items]);
    for (let k = 0; k < 33; k++) {
      const item = items[k % items.length];
      if (!item) continue;
      const { title, brand, variant } = uniqueTitle(rng, cat, item[0], titles);
      const sku = `${cat.code}-${1001 + k}`;
      const unitPrice = price(rng, item[1], item[2]);
      // Cheap things sell faster: an espresso machine is rarely a fast mover.
      const pFast = Number(unitPrice) < 40 ? 0.45 : Number(unitPrice) < 150 ? 0.28 : 0.12;
      const kind = rng.chance(pFast) ? 'fast' : rng.chance(0.64) ? 'steady' : 'slow';
      const demand = planDemand((SEED ^ Math.imul(++n, 0x9e3779b1)) >>> 0, kind, cat, rng);
      if (kind !== 'slow') demand.level *= Math.min(1, Math.sqrt(60 / Number(unitPrice)));
      const endsDry = kind !== 'slow' && demand.launchDay < 400 && rng.chance(0.24);
      if (endsDry) demand.stopOrderingDay = HISTORY_DAYS - rng.int(55, 95);
      const stockedAt = ['WH-EAST'];
      if (rng.chance(0.7)) stockedAt.push('WH-WEST');
      if (rng.chance(0.45)) stockedAt.push('WH-CENTRAL');
      if (kind !== 'slow' && rng.chance(0.25)) stockedAt.push('STORE-BERLIN');
      plans.push({
        input: {
          sku,
          title,
          description: describe(rng, cat, item[0], brand),
          category: cat.name,
          brand,
          price: unitPrice,
          currency: 'EUR',
          attributes: attributesOf(rng, cat, item, variant),
          status: 'active',
          policy: { leadTimeDays: demand.leadDays },
        },
        stockedAt,
        demand,
        target: 'in_stock',
        endsDry,
      });
    }
  }

  // A few long-running lines were dropped from the range: replenishment ended months ago.
  const discontinued = plans.filter((p) => p.demand?.kind === 'steady' && !p.endsDry && p.demand.launchDay === 0);
  for (const p of rng.shuffle(discontinued).slice(0, 3)) {
    p.input.status = 'discontinued';
    p.target = 'discontinued';
    if (p.demand) p.demand.stopOrderingDay = HISTORY_DAYS - rng.int(150, 220);
  }

  // Next season's models, open for pre-order until release.
  for (let k = 0; k < 8; k++) {
    const cat = CATEGORIES[k % CATEGORIES.length];
    if (!cat) continue;
    const item = rng.pick(cat.items);
    const brand = rng.pick(cat.brands);
    let title = `${brand} ${item[0]} ${rng.pick(NEW_MODEL)}`;
    while (titles.has(title)) title = `${brand} ${item[0]} ${rng.pick(NEW_MODEL)} ${rng.int(2, 9)}`;
    titles.add(title);
    plans.push({
      input: {
        sku: `${cat.code}-${2001 + k}`,
        title,
        description: `${describe(rng, cat, item[0], brand)} Ships from its release date.`,
        category: cat.name,
        brand,
        price: price(rng, item[1] * 1.1, item[2] * 1.2),
        currency: 'EUR',
        attributes: { ...attributesOf(rng, cat, item, null), new_release: true },
        status: 'upcoming',
        policy: { allowPreorder: true, preorderLimit: rng.int(5, 40) * 10, releaseDate: addDays(today, rng.int(12, 80)) },
      },
      stockedAt: [],
      demand: null,
      target: 'preorder',
      endsDry: false,
    });
  }

  plans.push({
    input: {
      sku: 'GFT-CARD-50',
      title: 'E-gift card €50',
      description: 'Delivered by email, valid for three years on everything in the shop.',
      category: 'Gift Cards',
      brand: 'Restock Demo Shop',
      price: '50.00',
      currency: 'EUR',
      attributes: { delivery: 'email', validity_years: 3 },
      status: 'active',
      policy: { trackInventory: false },
    },
    stockedAt: [],
    demand: null,
    target: 'untracked',
    endsDry: false,
  });
  return plans;
}

function planDemand(seed: number, kind: DemandPlan['kind'], cat: CategorySpec, rng: Rng): DemandPlan {
  const level = kind === 'fast' ? Math.exp(rng.range(Math.log(4), Math.log(18))) : kind === 'steady' ? rng.range(0.8, 3.5) : rng.range(0.04, 0.25);
  const outages: Array<[number, number]> = [];
  if (rng.chance(0.3)) {
    const from = rng.int(60, HISTORY_DAYS - 150);
    outages.push([from, from + rng.int(12, 35)]);
  }
  return {
    seed,
    kind,
    level,
    sizeMean: kind === 'slow' ? rng.range(1, 2.2) : 1,
    trendPerYear: rng.range(-0.25, 0.45),
    season: cat.season,
    week: cat.week,
    launchDay: rng.chance(0.85) ? 0 : rng.int(60, 480),
    reviewDays: kind === 'fast' ? 7 : kind === 'steady' ? rng.pick([7, 14]) : 28,
    leadDays: rng.int(3, 14),
    cover: rng.range(1.1, 1.6),
    slipChance: rng.range(0.03, 0.15),
    outages,
    stopOrderingDay: HISTORY_DAYS,
  };
}

/**
 * Stock policies chosen from how the history ended, so availability comes out of the simulated selling: SKUs
 * that sold out wait on backorder or show out of stock, those with little left show low stock.
 */
function choosePolicies(plans: SkuPlan[], sims: Map<string, Simulation>): void {
  const rng = new Rng(SEED ^ 0x70c1);
  const total = (p: SkuPlan) => [...(sims.get(p.input.sku)?.finalOnHand.values() ?? [])].reduce((s, v) => s + v, 0);
  const backorderable = (p: SkuPlan) => {
    p.input.policy.allowBackorder = true;
    p.input.policy.backorderLimit = rng.pick([20, 25, 40, 50, 100, 150]);
    p.input.policy.leadTimeDays = rng.int(7, 28);
  };
  const simulated = plans.filter((p) => p.demand);
  for (const p of simulated) {
    const kind = p.demand?.kind;
    p.input.policy.lowStockThreshold = kind === 'fast' ? 10 : kind === 'steady' ? 5 : 2;
  }

  // Enough sold-out SKUs for both out of stock and backorder; a closing count empties the rest of the
  // ones that should have sold out, should the simulation leave too few.
  const dry = simulated.filter((p) => p.target !== 'discontinued' && p.endsDry);
  dry.sort((a, b) => total(a) - total(b) || a.input.sku.localeCompare(b.input.sku));
  const wanted = 30;
  dry.slice(0, wanted).forEach((p, i) => {
    const sim = sims.get(p.input.sku);
    if (sim && total(p) > 0) for (const [code, onHand] of sim.finalOnHand) if (onHand > 0) sim.closing.set(code, 0);
    p.target = i % 2 === 0 ? 'backorder' : 'out_of_stock';
  });
  for (const p of simulated) {
    if (p.target === 'in_stock' && total(p) === 0 && sims.get(p.input.sku)?.closing.size === 0) p.target = 'out_of_stock';
  }
  for (const p of simulated) if (p.target === 'backorder') backorderable(p);

  // Low stock: whatever ended at or below its threshold, and if that is too few, the slow lines with least
  // left get the higher threshold a merchandiser would give a line that sells in ones and twos.
  const low = (p: SkuPlan) => total(p) > 0 && total(p) <= (p.input.policy.lowStockThreshold ?? 5);
  for (const p of simulated) if (p.target === 'in_stock' && low(p)) p.target = 'low_stock';
  const more = simulated
    .filter((p) => p.target === 'in_stock' && p.demand?.kind !== 'fast' && total(p) > 0 && total(p) <= 12)
    .sort((a, b) => total(a) - total(b) || a.input.sku.localeCompare(b.input.sku));
  for (const p of more.slice(0, Math.max(0, 24 - simulated.filter((q) => q.target === 'low_stock').length))) {
    p.input.policy.lowStockThreshold = Math.max(total(p), 6);
    p.target = 'low_stock';
  }

  // Some lines that are in stock may also be sold beyond it.
  for (const p of simulated) if (p.target === 'in_stock' && rng.chance(0.12)) backorderable(p);
  // Discontinued lines that sold out leave the shop; one with units left sells them off.
  for (const p of simulated) if (p.target === 'discontinued' && total(p) > 0) p.target = low(p) ? 'low_stock' : 'in_stock';
}

function uniqueTitle(rng: Rng, cat: CategorySpec, noun: string, used: Set<string>): { title: string; brand: string; variant: string | null } {
  for (let attempt = 0; ; attempt++) {
    const brand = rng.pick(cat.brands);
    const variant = cat.code === 'APP' ? `${rng.pick(cat.colors)} / ${rng.pick(SIZES)}` : rng.chance(0.55) ? rng.pick(cat.colors) : null;
    let title = `${brand} ${noun}${variant ? ` — ${variant}` : ''}`;
    if (attempt > 20) title = `${title} (${rng.int(100, 999)})`;
    if (!used.has(title)) {
      used.add(title);
      return { title, brand, variant };
    }
  }
}

function attributesOf(rng: Rng, cat: CategorySpec, item: Item, variant: string | null): Record<string, Json> {
  const materials = item[3];
  return {
    ...(cat.code === 'APP' ? {} : { color: variant ?? rng.pick(cat.colors) }),
    ...(materials ? { material: rng.pick(materials) } : {}),
    ...cat.attributes(rng, variant),
  };
}

function describe(rng: Rng, cat: CategorySpec, noun: string, brand: string): string {
  const [a, b] = rng.shuffle([...cat.features]);
  return `${noun} by ${brand}. ${a ?? ''} ${b ?? ''}`.trim();
}

/** Shop prices: .99 and .95 endings below a hundred, round-ish above. */
function price(rng: Rng, low: number, high: number): string {
  const x = rng.range(low, high);
  if (x < 20) return (Math.floor(x) + 0.99).toFixed(2);
  if (x < 100) return (Math.floor(x) + rng.pick([0.99, 0.95, 0.49])).toFixed(2);
  return (Math.round(x / 5) * 5 - 0.01).toFixed(2);
}

// ---------------------------------------------------------------------------------------------- demand shape

const TWO_PI = 2 * Math.PI;

/** A bell around a day of the year, wrapping at the year's end (a peak in late December spills into January). */
function bump(doy: number, centre: number, width: number): number {
  const d = Math.min(Math.abs(doy - centre), 365 - Math.abs(doy - centre));
  return Math.exp(-0.5 * (d / width) ** 2);
}

function seasonality(kind: SeasonKind, doy: number): number {
  switch (kind) {
    case 'flat':
      return 1 + 0.35 * bump(doy, 345, 20);
    case 'summer':
      return Math.max(0.3, 1 + 0.55 * Math.cos((TWO_PI * (doy - 195)) / 365));
    case 'spring':
      return Math.max(0.15, 1 + 0.8 * Math.cos((TWO_PI * (doy - 135)) / 365));
    case 'winter':
      return 1 + 0.3 * Math.cos((TWO_PI * (doy - 340)) / 365) + 0.4 * bump(doy, 2, 6);
    case 'holiday':
      return 0.8 + 1.8 * bump(doy, 350, 16);
    case 'electronics':
      // Black Friday week, then Christmas.
      return 0.9 + 1.6 * bump(doy, 331, 3) + 0.7 * bump(doy, 352, 10);
  }
}

const WEEKLY: Record<WeekKind, readonly number[]> = {
  // Sunday first, as Date.getUTCDay counts.
  weekend: [1.3, 0.85, 0.85, 0.9, 0.95, 1.0, 1.35],
  weekday: [0.75, 1.1, 1.1, 1.05, 1.05, 1.05, 0.9],
  online: [1.25, 1.15, 0.95, 0.9, 0.9, 0.9, 0.95],
};

function weekly(kind: WeekKind, dow: number): number {
  return WEEKLY[kind][dow] ?? 1;
}

// ---------------------------------------------------------------------------------------------- randomness

/** mulberry32: small, fast and good enough to make believable data; the same seed gives the same shop. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i];
      const b = items[j];
      if (a === undefined || b === undefined) continue;
      items[i] = b;
      items[j] = a;
    }
    return items;
  }

  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(TWO_PI * this.next());
  }

  /** Knuth's method for small means, a rounded normal above (where they barely differ). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

// ---------------------------------------------------------------------------------------------- word lists

interface CategorySpec {
  code: string;
  name: string;
  brands: readonly string[];
  items: readonly Item[];
  colors: readonly string[];
  features: readonly string[];
  attributes(rng: Rng, variant: string | null): Record<string, Json>;
  season: SeasonKind;
  week: WeekKind;
}

/** Noun, lowest and highest believable price, and what it may be made of. */
type Item = readonly [noun: string, low: number, high: number, materials?: readonly string[]];

const SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;
const NEW_MODEL = ['Gen 2', 'Pro', 'Plus', '2026 Edition', 'Limited Edition', 'Max', 'Mk II', 'Signature'] as const;

const CATEGORIES: readonly CategorySpec[] = [
  {
    code: 'KIT',
    name: 'Kitchen',
    brands: ['Hearthline', 'Copperleaf', 'Ironbark', 'Maison Brava', 'Saltmarsh'],
    items: [
      ["Chef's Knife 20 cm", 45, 140, ['carbon steel', 'Damascus steel', 'stainless steel']],
      ['Cast Iron Skillet 26 cm', 30, 80, ['cast iron']],
      ['Enamelled Dutch Oven 5 L', 70, 260, ['enamelled cast iron']],
      ['French Press 1 L', 25, 55, ['borosilicate glass', 'stainless steel']],
      ['Pour-Over Coffee Set', 30, 60, ['ceramic', 'borosilicate glass']],
      ['Electric Kettle 1.7 L', 35, 110, ['stainless steel', 'borosilicate glass']],
      ['Stand Mixer', 220, 480, ['die-cast aluminium']],
      ['Bamboo Cutting Board', 18, 45, ['bamboo']],
      ['Stainless Saucepan 2 L', 40, 120, ['stainless steel']],
      ['Espresso Machine', 280, 690, ['stainless steel']],
      ['Knife Block Set', 120, 320, ['stainless steel', 'carbon steel']],
      ['Salad Spinner', 20, 35, ['BPA-free plastic']],
      ['Ceramic Mixing Bowls (set of 3)', 30, 60, ['ceramic']],
      ['Silicone Spatula Set', 12, 25, ['silicone']],
      ['Pepper Mill', 20, 55, ['beech wood', 'acacia wood', 'stainless steel']],
    ],
    colors: ['Graphite', 'Sage', 'Cream', 'Terracotta', 'Midnight Blue', 'Natural'],
    features: [
      'Dishwasher safe and built for daily use.',
      'Balanced weight and a comfortable grip.',
      'Works on gas, electric and induction hobs.',
      'Comes with a ten-year guarantee.',
      'Designed with professional cooks.',
      'Easy to clean, hard to wear out.',
    ],
    attributes: (rng) => ({ dishwasher_safe: rng.chance(0.6) }),
    season: 'flat',
    week: 'weekday',
  },
  {
    code: 'OUT',
    name: 'Outdoor',
    brands: ['Ridgeway', 'Northfold', 'Summit & Co.', 'Trailhead', 'Fjellstad'],
    items: [
      ['2-Person Backpacking Tent', 180, 420],
      ['Down Sleeping Bag −5 °C', 160, 380],
      ['Trekking Poles (pair)', 45, 130],
      ['Rechargeable Headlamp 400 lm', 25, 70],
      ['Daypack 24 L', 55, 140],
      ['Camping Stove', 40, 120],
      ['Water Filter Bottle', 30, 55],
      ['Insulated Bottle 750 ml', 20, 40],
      ['Camping Hammock', 35, 80],
      ['Self-Inflating Sleeping Mat', 60, 150],
      ['Folding Camp Chair', 35, 90],
      ['LED Camping Lantern', 20, 60],
    ],
    colors: ['Forest Green', 'Slate', 'Ember Orange', 'Glacier Blue', 'Sand'],
    features: [
      'Light enough for long days on the trail.',
      'Tested in wind, rain and snow.',
      'Packs down small.',
      'Made with recycled fabrics.',
      'Repairable, with spare parts sold separately.',
    ],
    attributes: (rng) => ({ weight_g: rng.int(8, 250) * 10, seasons: rng.pick(['3-season', '4-season']) }),
    season: 'summer',
    week: 'weekend',
  },
  {
    code: 'ELE',
    name: 'Electronics',
    brands: ['Voltaic', 'Lumen Audio', 'Kestrel', 'Pulsewave', 'Orbis'],
    items: [
      ['Wireless Earbuds', 49, 199],
      ['Noise-Cancelling Headphones', 149, 379],
      ['Bluetooth Speaker', 39, 229],
      ['USB-C Charger 65 W', 29, 69],
      ['Power Bank 20 000 mAh', 29, 79],
      ['Smart Plug (2-pack)', 19, 39],
      ['E-Reader 6"', 99, 189],
      ['Webcam 1080p', 39, 119],
      ['Mechanical Keyboard', 79, 189],
      ['Wireless Mouse', 19, 79],
      ['Smartwatch', 149, 399],
      ['Portable SSD 1 TB', 79, 159],
      ['USB-C Hub 7-in-1', 29, 69],
    ],
    colors: ['Black', 'White', 'Space Grey', 'Navy', 'Coral'],
    features: [
      'Charges over USB-C.',
      'Two-year warranty.',
      'Pairs with phones, tablets and laptops.',
      'Firmware updates over the air.',
      'All-day battery life.',
    ],
    attributes: (rng) => ({ battery_hours: rng.int(6, 40), connectivity: rng.pick(['Bluetooth 5.3', 'USB-C', 'Wi-Fi', 'Bluetooth 5.3 + USB-C']), warranty_years: rng.pick([1, 2, 3]) }),
    season: 'electronics',
    week: 'online',
  },
  {
    code: 'APP',
    name: 'Apparel',
    brands: ['Fernweh', 'Oakfield', 'Marlowe & Finch', 'Tidewater', 'Alpenrose'],
    items: [
      ['Merino Crew T-Shirt', 45, 80, ['merino wool']],
      ['Rain Jacket', 120, 260, ['recycled polyester, 3-layer membrane']],
      ['Fleece Hoodie', 60, 120, ['recycled polyester fleece']],
      ['Running Shorts', 30, 60, ['recycled polyester']],
      ['Wool Hiking Socks (2-pack)', 18, 32, ['merino wool blend']],
      ['Down Vest', 110, 210, ['recycled nylon, responsible down']],
      ['Organic Cotton Chinos', 65, 110, ['organic cotton twill']],
      ['Flannel Shirt', 55, 95, ['cotton flannel']],
      ['Knit Beanie', 20, 40, ['merino wool', 'lambswool']],
      ['Softshell Trousers', 80, 150, ['stretch softshell']],
    ],
    colors: ['Navy', 'Charcoal', 'Olive', 'Rust', 'Oatmeal', 'Black'],
    features: [
      'Cut for movement.',
      'Machine washable at 30 °C.',
      'Fairly made in Portugal.',
      'Soft against the skin, no itch.',
      'Keeps its shape wash after wash.',
    ],
    attributes: (rng, variant) => {
      const [color, size] = (variant ?? '').split(' / ');
      return { color: color ?? 'Navy', size: size ?? 'M', fit: rng.pick(['regular', 'slim', 'relaxed']) };
    },
    season: 'winter',
    week: 'weekend',
  },
  {
    code: 'HOM',
    name: 'Home',
    brands: ['Linnea Home', 'Stillwater', 'Kindling & Co.', 'Hygge House', 'Birchmoor'],
    items: [
      ['Linen Duvet Cover', 120, 260, ['stonewashed linen']],
      ['Wool Throw Blanket', 70, 160, ['lambswool', 'merino wool']],
      ['Down-Alternative Pillow', 35, 80, ['cotton percale, microfibre fill']],
      ['Soy Wax Candle', 18, 42, ['soy wax']],
      ['Ceramic Table Lamp', 60, 180, ['glazed ceramic, linen shade']],
      ['Waffle Bath Towel Set', 40, 95, ['Turkish cotton']],
      ['Jute Rug 160×230', 120, 340, ['jute']],
      ['Linen Napkins (set of 4)', 24, 45, ['linen']],
      ['Oak Wall Clock', 35, 90, ['oak']],
      ['Stoneware Plant Pot', 12, 48, ['stoneware']],
      ['Blackout Curtains (pair)', 60, 140, ['polyester', 'cotton blend']],
    ],
    colors: ['Oat', 'Sage', 'Clay', 'Charcoal', 'Ivory', 'Dusty Rose'],
    features: [
      'Stonewashed for softness.',
      'OEKO-TEX certified.',
      'Made to be used every day.',
      'Ages beautifully.',
      'Designed in Copenhagen.',
    ],
    attributes: (rng) => ({ care: rng.pick(['machine wash 40 °C', 'wipe clean', 'spot clean only', 'machine wash 30 °C']) }),
    season: 'winter',
    week: 'weekend',
  },
  {
    code: 'TOY',
    name: 'Toys & Games',
    brands: ['Little Maple', 'Tinkerbox', 'Kite & Kin', 'Brightfield', 'Puzzleworks'],
    items: [
      ['Wooden Building Blocks (100 pcs)', 30, 60],
      ['1000-Piece Jigsaw Puzzle', 18, 32],
      ['Strategy Board Game', 30, 65],
      ['Plush Bear', 18, 40],
      ['Magnetic Tiles Set', 45, 110],
      ["Kids' Art Easel", 60, 130],
      ['Remote-Control Car', 35, 90],
      ['Marble Run', 35, 75],
      ['Wooden Train Set', 45, 120],
      ['Family Card Game', 12, 25],
      ['Science Experiment Kit', 25, 55],
    ],
    colors: ['Rainbow', 'Natural Wood', 'Red', 'Teal', 'Sunshine Yellow'],
    features: [
      'Tested to EN 71 toy safety standards.',
      'Hours of screen-free play.',
      'Made from FSC-certified wood.',
      'A favourite gift.',
      'Rules fit on one page.',
    ],
    attributes: (rng) => ({ age_range: rng.pick(['3+', '5+', '8+', '10+', '14+']), players: rng.pick(['1', '1-4', '2-6', '2-5']), pieces: rng.int(1, 120) * 10 }),
    season: 'holiday',
    week: 'weekend',
  },
  {
    code: 'GAR',
    name: 'Garden',
    brands: ['Greenreach', 'Fieldstone', 'Bloomwell', 'Copse & Meadow', 'Verdigris'],
    items: [
      ['Stainless Steel Trowel', 15, 30, ['stainless steel, ash handle']],
      ['Bypass Pruning Shears', 20, 55, ['carbon steel']],
      ['Expandable Garden Hose 30 m', 35, 80, ['latex core, polyester sleeve']],
      ['Raised Garden Bed', 80, 220, ['FSC larch', 'galvanised steel']],
      ['Galvanised Watering Can 9 L', 25, 60, ['galvanised steel']],
      ['Cordless Hedge Trimmer', 90, 220, ['hardened steel blade']],
      ['Compost Bin 300 L', 60, 140, ['recycled plastic']],
      ['Bird Feeder', 18, 45, ['FSC pine', 'powder-coated steel']],
      ['Solar Path Lights (6-pack)', 25, 60, ['stainless steel']],
      ['Gardening Gloves', 12, 28, ['goatskin leather', 'nitrile-coated bamboo']],
      ['Seed Starter Kit', 20, 45, ['recycled plastic']],
    ],
    colors: ['Moss', 'Terracotta', 'Galvanised Grey', 'Black', 'Heritage Green'],
    features: [
      'Rust-resistant and weatherproof.',
      'Lifetime guarantee on the blade.',
      'Ergonomic handles reduce strain.',
      'Made from recycled materials.',
      'Ready for the first frost and the last.',
    ],
    attributes: (rng) => ({ outdoor_rated: true, warranty_years: rng.pick([2, 5, 10]) }),
    season: 'spring',
    week: 'weekend',
  },
];
