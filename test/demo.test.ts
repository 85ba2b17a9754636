/**
 * The demo shop: the mix a visitor should meet (every availability, several warehouses, enough SKUs), two
 * years of sales history that replays to the stock levels, keys that work and come back on the next start.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { addDays, isoDate } from '../src/core/clock.ts';
import { demoKeysFile, ensureDemo, type DemoKeys } from '../src/demo/seed.ts';
import type { Product } from '../src/catalog/model.ts';
import type { Availability } from '../src/inventory/model.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, type Harness } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`demo shop (${dialect})`, () => {
    let h: Harness;
    let dir: string;
    let keysFile: string;
    let keys: DemoKeys | null;
    let products: Product[];
    let availability: Map<string, Availability>;
    let today: string;

    before(async () => {
      h = await harness(dialect);
      dir = mkdtempSync(join(tmpdir(), 'restock-demo-'));
      keysFile = join(dir, 'data', 'demo-keys.json');
      // How long the seed takes is shown, never asserted: it measures the machine as much as the code.
      const started = performance.now();
      keys = await ensureDemo(h.restock, { keysFile });
      console.log(`demo seed on ${dialect}: ${Math.round(performance.now() - started)} ms`);
      products = await h.restock.catalog.list({ limit: 1000 });
      const av = await h.restock.inventory.availabilityMany(products.map((p) => p.sku));
      availability = new Map(av.items.map((a) => [a.sku, a]));
      today = isoDate(h.clock.now());
    });

    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('makes one working key per scope and keeps them in the keys file', async () => {
      assert.ok(keys);
      for (const scope of ['admin', 'storefront', 'feed'] as const) {
        assert.equal((await h.restock.keys.verify(keys[scope]))?.scope, scope);
      }
      assert.deepEqual(JSON.parse(readFileSync(keysFile, 'utf8')), keys);
      const names = (await h.restock.keys.list()).map((k) => k.name);
      assert.ok(names.includes('demo storefront key'));
      const res = await h.app.inject({ method: 'GET', url: '/v1/products?limit=5', headers: { authorization: `Bearer ${keys.storefront}` } });
      assert.equal(res.statusCode, 200);
    });

    it('has at least 200 SKUs across at least 6 categories, with believable fields', () => {
      assert.ok(products.length >= 200, `${products.length} SKUs`);
      const categories = new Set(products.map((p) => p.category));
      assert.ok(categories.size >= 6, [...categories].join(', '));
      assert.equal(new Set(products.map((p) => p.title)).size, products.length, 'titles are unique');
      for (const p of products) {
        assert.ok(p.brand.length > 0 && p.description.length > 0, p.sku);
        assert.match(p.price, /^\d+\.\d{2}$/);
        assert.ok(Number(p.price) > 0, p.sku);
      }
      assert.ok(products.filter((p) => Object.keys(p.attributes).length >= 2).length > 200);
    });

    it('has three warehouses in different regions and a store', async () => {
      const locations = await h.restock.inventory.listLocations();
      const warehouses = locations.filter((l) => l.type === 'warehouse');
      assert.ok(warehouses.length >= 3);
      assert.equal(new Set(warehouses.map((l) => l.region)).size, warehouses.length);
      assert.equal(new Set(warehouses.map((l) => l.priority)).size, warehouses.length);
      assert.ok(locations.some((l) => l.type === 'store'));
    });

    it('shows every availability a shopper can meet', () => {
      const count = new Map<string, number>();
      for (const a of availability.values()) count.set(a.status, (count.get(a.status) ?? 0) + 1);
      for (const status of ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued']) {
        assert.ok((count.get(status) ?? 0) >= 1, `no SKU is ${status}: ${JSON.stringify(Object.fromEntries(count))}`);
      }
      assert.ok((count.get('in_stock') ?? 0) > products.length / 2, 'most of the shop is in stock');
    });

    it('gives backorders a cap and a lead time, and pre-orders a future release date and a cap', () => {
      const bySku = new Map(products.map((p) => [p.sku, p]));
      for (const a of availability.values()) {
        const p = bySku.get(a.sku);
        assert.ok(p);
        if (a.status === 'backorder') {
          assert.ok(p.policy.allowBackorder && p.policy.backorderLimit !== null && p.policy.leadTimeDays !== null, p.sku);
          assert.ok(a.promisedDate && a.promisedDate > today, `${p.sku} promises ${a.promisedDate}`);
        }
        if (a.status === 'preorder') {
          assert.equal(p.status, 'upcoming');
          assert.ok(p.policy.allowPreorder && p.policy.preorderLimit !== null, p.sku);
          assert.ok(p.policy.releaseDate && p.policy.releaseDate > today, `${p.sku} releases ${p.policy.releaseDate}`);
        }
      }
      assert.ok(products.filter((p) => p.status === 'discontinued').length >= 2);
    });

    it('holds two years of daily sales ending yesterday, each sale committed then shipped', async () => {
      const k = h.restock.db.kysely;
      const span = await k
        .selectFrom('ledger')
        .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last'), eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'shipment')
        .where('reason', '=', 'sale')
        .executeTakeFirstOrThrow();
      assert.equal(String(span.first).slice(0, 10), addDays(today, -730));
      assert.equal(String(span.last).slice(0, 10), addDays(today, -1));
      assert.ok(Number(span.n) > 50_000, `${span.n} sale shipments`);

      const sums = await k
        .selectFrom('ledger')
        .select(['type', (eb) => eb.fn.sum<number>('quantity').as('q'), (eb) => eb.fn.sum<number>('committed_delta').as('c'), (eb) => eb.fn.sum<number>('on_hand_delta').as('o')])
        .where('reason', '=', 'sale')
        .groupBy('type')
        .execute();
      const commit = sums.find((s) => s.type === 'commit');
      const shipment = sums.find((s) => s.type === 'shipment');
      assert.ok(commit && shipment);
      assert.equal(Number(commit.q), Number(shipment.q));
      assert.equal(Number(commit.c), -Number(shipment.c));
      assert.equal(Number(shipment.o), -Number(shipment.q));

      // Replenishment arrives as receipts; no day has two years of stock from the start.
      const receipts = await k.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'receipt').executeTakeFirstOrThrow();
      assert.ok(Number(receipts.n) > 5_000);
    });

    it('has sales days, quiet days and stock-out spells in the history', async () => {
      const rows = await h.restock.db.kysely
        .selectFrom('ledger')
        .select(['sku', 'created_at'])
        .where('type', '=', 'shipment')
        .where('reason', '=', 'sale')
        .orderBy('sku')
        .orderBy('id')
        .execute();
      const days = new Map<string, Set<string>>();
      for (const r of rows) {
        const set = days.get(r.sku) ?? new Set<string>();
        set.add(r.created_at.slice(0, 10));
        days.set(r.sku, set);
      }
      const dayCounts = [...days.values()].map((s) => s.size);
      assert.ok(dayCounts.some((n) => n >= 700), 'some SKUs sell nearly every day');
      assert.ok(dayCounts.some((n) => n <= 150), 'some SKUs sell now and then');
      // A fast mover with a week or more without a sale mid-history ran out of stock.
      const spells = [...days.values()].filter((set) => {
        if (set.size < 500) return false;
        const sorted = [...set].sort();
        return sorted.some((d, i) => i > 0 && addDays(sorted[i - 1] ?? d, 7) <= d);
      });
      assert.ok(spells.length >= 3, `${spells.length} fast movers with stock-out spells`);
    });

    it('keeps levels equal to the replayed ledger', async () => {
      const simulated = products.filter((p) => p.policy.trackInventory && p.status !== 'upcoming');
      const sample = simulated.filter((_, i) => i % 8 === 0);
      assert.ok(sample.length >= 25);
      for (const p of sample) {
        const replayed = (await h.restock.inventory.replay(p.sku)).map((r) => ({ location: r.location, onHand: r.onHand, reserved: r.reserved, committed: r.committed }));
        const levels = (await h.restock.inventory.levels(p.sku)).levels.map((l) => ({ location: l.location, onHand: l.onHand, reserved: l.reserved, committed: l.committed }));
        const byLocation = (a: { location: string }, b: { location: string }) => a.location.localeCompare(b.location);
        assert.deepEqual(replayed.sort(byLocation), levels.sort(byLocation), p.sku);
        assert.ok(levels.length >= 1, `${p.sku} is stocked somewhere`);
      }
    });

    it('keeps a safety stock on a few levels, and availability counts it', async () => {
      const withBuffer = await h.restock.db.kysely.selectFrom('stock_levels').selectAll().where('safety_stock', '>', 0).execute();
      assert.ok(withBuffer.length >= 3);
      for (const l of withBuffer.slice(0, 3)) {
        const { totals } = await h.restock.inventory.levels(l.sku);
        assert.equal(availability.get(l.sku)?.availableToSell, totals.availableToSell);
        assert.ok(totals.availableToSell <= totals.onHand - Number(l.safety_stock));
      }
    });

    it('does not seed again on the next start, and gives back the kept keys', async () => {
      const ledgerBefore = await h.restock.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.deepEqual(await ensureDemo(h.restock, { keysFile }), keys);
      const ledgerAfter = await h.restock.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(ledgerAfter.n), Number(ledgerBefore.n));
      assert.equal((await h.restock.catalog.list({ limit: 1000 })).length, products.length);

      const elsewhere = join(dir, 'other', 'demo-keys.json');
      assert.equal(await ensureDemo(h.restock, { keysFile: elsewhere }), null);
      assert.equal(existsSync(elsewhere), false);
    });
  });
}

describe('demo keys file', () => {
  it('sits beside a SQLite file and is named after it; PostgreSQL gets one per server and database', () => {
    assert.equal(demoKeysFile('sqlite:./data/restock.db', '/srv/shop'), '/srv/shop/data/restock.demo-keys.json');
    assert.equal(demoKeysFile('sqlite:/var/lib/a/shop.sqlite', '/srv/shop'), '/var/lib/a/shop.demo-keys.json');
    assert.equal(demoKeysFile('sqlite:other', '/srv/shop'), '/srv/shop/other.demo-keys.json');
    assert.equal(demoKeysFile('sqlite::memory:'), null);
    assert.equal(demoKeysFile('postgres://u:secret@db.internal:6543/shop_a', '/srv'), '/srv/data/demo-keys.db.internal-6543-shop_a.json');
    assert.equal(demoKeysFile('postgres://u@127.0.0.1/shop_b', '/srv'), '/srv/data/demo-keys.127.0.0.1-5432-shop_b.json');
    assert.notEqual(demoKeysFile('postgres://u@h/one', '/srv'), demoKeysFile('postgres://u@h/two', '/srv'));
    assert.doesNotMatch(demoKeysFile('postgres://u:secret@h/one', '/srv') ?? '', /secret/);
  });
});

describe('demo shop is deterministic', () => {
  it('builds the same catalog and history from the same day, and each database keeps its own keys', async () => {
    const fingerprints: string[] = [];
    const kept: Array<{ file: string; keys: DemoKeys | null }> = [];
    for (let run = 0; run < 2; run++) {
      const h = await harness('sqlite');
      const dir = dirname(h.url.slice('sqlite:'.length));
      try {
        // The default keys file: beside this run's database, so the second run cannot overwrite the first's.
        const keys = await ensureDemo(h.restock);
        const file = join(dir, 'test.demo-keys.json');
        assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), keys);
        kept.push({ file, keys });
        if (run === 1 && kept[0]) {
          assert.notEqual(file, kept[0].file);
          assert.notDeepEqual(keys, kept[0].keys);
        }
        const products = (await h.restock.catalog.list({ limit: 1000 })).map((p) => [p.sku, p.title, p.price, p.status, p.policy, p.attributes]);
        const ledger = await h.restock.db.kysely
          .selectFrom('ledger')
          .select(['sku', (eb) => eb.fn.sum<number>('on_hand_delta').as('o'), (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('sku')
          .orderBy('sku')
          .execute();
        fingerprints.push(JSON.stringify({ products, ledger }));
      } finally {
        await h.close();
      }
    }
    assert.equal(fingerprints[0], fingerprints[1]);
  });
});
