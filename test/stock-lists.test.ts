/**
 * The dashboard's server side: the stock table (filter, sort, paging, total), the overview, PATCH of a product,
 * and the lists with paging, the ledger's date filter and its CSV export.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';

/** A webhook endpoint on loopback is allowed here; nothing is sent to it (no dispatcher runs). */
const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

for (const dialect of DIALECTS) {
  describe(`stock table, overview and lists (${dialect})`, () => {
    let h: Harness;
    let lateInboundId = '';

    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: LOOPBACK } });
      // The clock stands at 2026-01-15T10:00Z (ManualClock).
      await seedBasic(h, 'A-RED', { WH1: 20 });
      const cat = h.restock.catalog;
      await cat.upsert({ sku: 'A-RED', title: 'Red Mug', price: '9.00', category: 'mugs' });
      await cat.upsert({ sku: 'B-BLUE', title: 'Blue mug', price: '9.00', category: 'mugs' });
      await cat.upsert({ sku: 'C-OUT', title: 'Green Plate', price: '12.00', category: 'plates' });
      await cat.upsert({ sku: 'D-BACK', title: 'Backorder Bowl', price: '15.00', category: 'bowls', policy: { allowBackorder: true, leadTimeDays: 10 } });
      await cat.upsert({ sku: 'E-NEW', title: 'New Cup', price: '5.00', category: 'cups' });
      const inv = h.restock.inventory;
      await inv.applyFeed([{ sku: 'B-BLUE', location: 'WH1', onHand: 3, idempotencyKey: 'b1' }, { sku: 'C-OUT', location: 'WH2', onHand: 5, idempotencyKey: 'c1' }], 'test');
      await inv.applyFeed([{ sku: 'C-OUT', location: 'WH2', onHand: 0, idempotencyKey: 'c2' }], 'test');
      await inv.setSafetyStock('A-RED', 'WH1', 1);
      // A-RED: a cart holding 2, a sale of 3 not shipped.
      const held = await h.call('POST', '/v1/reservations', { sku: 'A-RED', quantity: 2, ttlSeconds: 7 * 24 * 3600 });
      assert.equal(held.status, 201);
      const sold = await h.call('POST', '/v1/reservations', { sku: 'A-RED', quantity: 3 });
      assert.equal((await h.call('POST', `/v1/reservations/${sold.body.id}/commit`, {})).status, 200);
      // D-BACK: an order of 2 on backorder.
      const order = await h.call('POST', '/v1/orders', { customer: { id: 'c1', email: 'c1@example.com' }, lines: [{ sku: 'D-BACK', quantity: 2 }] });
      assert.equal(order.status, 201);
      assert.equal(order.body.lines[0].status, 'backordered');
      // C-OUT: two people waiting, and inbound that was due five days ago.
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 2 });
      for (const email of ['w1@example.com', 'w2@example.com']) assert.equal((await h.call('POST', '/v1/waitlist', { sku: 'C-OUT', email, quantity: 2 })).status, 202);
      const late = await h.call('POST', '/v1/inbound', { sku: 'C-OUT', location: 'WH1', quantity: 10, expectedDate: '2026-01-10' });
      assert.equal(late.status, 201);
      lateInboundId = late.body.id;
      assert.equal((await h.call('POST', '/v1/inbound', { sku: 'B-BLUE', location: 'WH1', quantity: 4, expectedDate: '2026-02-01' })).status, 201);
    });
    after(async () => h?.close());

    const skus = (body: { items: Array<{ sku: string }> }) => body.items.map((i) => i.sku);

    it('lists one row per SKU whose numbers add up, with the status the storefront sees', async () => {
      const r = await h.call('GET', '/v1/stock');
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 5);
      assert.deepEqual(skus(r.body), ['A-RED', 'B-BLUE', 'C-OUT', 'D-BACK', 'E-NEW']);
      const a = r.body.items[0];
      assert.deepEqual(
        [a.onHand, a.reserved, a.committed, a.safetyStock, a.free, a.availableToSell, a.status],
        [20, 2, 3, 1, 14, 14, 'in_stock'],
      );
      for (const row of r.body.items) {
        const avail = await h.call('GET', `/v1/availability/${row.sku}`);
        assert.equal(row.status, avail.body.status, `${row.sku}: the stock table's status is the storefront's`);
        assert.equal(row.availableToSell, avail.body.availableToSell, `${row.sku}: and so are its units`);
        assert.equal(row.availableToSell, Math.max(0, row.free - row.backordered - row.preordered));
      }
      const byS = new Map(r.body.items.map((i: any) => [i.sku, i]));
      const d: any = byS.get('D-BACK');
      assert.deepEqual([d.status, d.backordered, d.availableToSell], ['backorder', 2, 0]);
      const c: any = byS.get('C-OUT');
      assert.deepEqual([c.status, c.waiting, c.waitingUnits, c.inbound, c.category], ['out_of_stock', 2, 4, 10, 'plates']);
      const b: any = byS.get('B-BLUE');
      assert.deepEqual([b.status, b.lowStockThreshold, b.inbound], ['low_stock', 5, 4]);
    });

    it('filters by text, status (repeated or comma list) and category; total counts every match', async () => {
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?q=MUG')).body), ['A-RED', 'B-BLUE']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?q=e-n')).body), ['E-NEW']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?status=out_of_stock,backorder')).body), ['C-OUT', 'D-BACK', 'E-NEW']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?status=out_of_stock&status=low_stock')).body), ['B-BLUE', 'C-OUT', 'E-NEW']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?category=mugs&status=low_stock')).body), ['B-BLUE']);
      const paged = await h.call('GET', '/v1/stock?status=out_of_stock,backorder&limit=1&offset=1');
      assert.deepEqual([skus(paged.body), paged.body.total], [['D-BACK'], 3]);
    });

    it('sorts by any column either way, ties by SKU, and pages without overlap', async () => {
      const desc = await h.call('GET', '/v1/stock?sort=availableToSell&order=desc');
      assert.deepEqual(skus(desc.body), ['A-RED', 'B-BLUE', 'C-OUT', 'D-BACK', 'E-NEW']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?sort=waiting&order=desc&limit=1')).body), ['C-OUT']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?sort=status')).body), ['C-OUT', 'E-NEW', 'D-BACK', 'B-BLUE', 'A-RED']);
      assert.deepEqual(skus((await h.call('GET', '/v1/stock?sort=title')).body), ['D-BACK', 'B-BLUE', 'C-OUT', 'E-NEW', 'A-RED']);
      const pages: string[] = [];
      for (let offset = 0; offset < 5; offset += 2) {
        const p = await h.call('GET', `/v1/stock?sort=onHand&order=desc&limit=2&offset=${offset}`);
        assert.equal(p.body.total, 5);
        pages.push(...skus(p.body));
      }
      assert.deepEqual(pages, ['A-RED', 'B-BLUE', 'C-OUT', 'D-BACK', 'E-NEW']);
      assert.equal((await h.call('GET', '/v1/stock?offset=10')).body.items.length, 0);
    });

    it('refuses bad parameters with 400 and non-admin keys with 403', async () => {
      for (const q of ['status=sold_out', 'status=in_stock,nope', 'sort=price', 'order=up', 'limit=0', 'limit=501', 'offset=-1']) {
        const r = await h.call('GET', `/v1/stock?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'invalid_request', q);
      }
      assert.equal((await h.call('GET', '/v1/stock', undefined, { as: 'storefront' })).status, 403);
      assert.equal((await h.call('GET', '/v1/overview', undefined, { as: 'feed' })).status, 403);
    });

    it('the overview leads with counts, out of stock, at risk, demand, late inbound, messages and webhooks', async () => {
      const r = await h.call('GET', '/v1/overview');
      assert.equal(r.status, 200);
      const o = r.body;
      assert.equal(o.counts.products, 5);
      assert.deepEqual(o.counts.byStatus, { in_stock: 1, low_stock: 1, out_of_stock: 2, backorder: 1, preorder: 0, discontinued: 0 });
      assert.equal(o.outOfStock.total, 2);
      const out = new Map(o.outOfStock.items.map((i: any) => [i.sku, i]));
      const c: any = out.get('C-OUT');
      assert.equal(c.title, 'Green Plate');
      assert.equal(c.waiting, 2);
      assert.equal(c.since, '2026-01-15T10:00:00.000Z', 'when its last unit went');
      assert.equal((out.get('E-NEW') as any).since, null, 'never stocked: no event says since when');
      assert.deepEqual(o.atRisk, { total: 1, items: [{ sku: 'B-BLUE', title: 'Blue mug', availableToSell: 3, lowStockThreshold: 5, daysOfCover: null }] });
      assert.deepEqual(o.waitlistDemand, { total: 1, items: [{ sku: 'C-OUT', title: 'Green Plate', people: 2, units: 4 }] });
      assert.deepEqual(o.lateInbound, { total: 1, items: [{ id: lateInboundId, sku: 'C-OUT', title: 'Green Plate', quantity: 10, expectedAt: '2026-01-10', daysLate: 5 }] });
      assert.equal(typeof o.messages.queued, 'number');
      assert.equal(o.messages.failedLast24h, 0);
      assert.deepEqual(o.webhooks, { endpoints: 0, failing: 0 });
    });

    it('the overview puts a SKU that just went out of stock first', async () => {
      h.clock.advance(60_000);
      await h.restock.catalog.upsert({ sku: 'F-GONE', title: 'Gone Glass', price: '3.00' });
      await h.restock.inventory.applyFeed([{ sku: 'F-GONE', location: 'WH1', onHand: 1, idempotencyKey: 'f1' }], 'test');
      h.clock.advance(60_000);
      await h.restock.inventory.applyFeed([{ sku: 'F-GONE', location: 'WH1', onHand: 0, idempotencyKey: 'f2' }], 'test');
      const o = (await h.call('GET', '/v1/overview')).body;
      assert.equal(o.outOfStock.items[0].sku, 'F-GONE');
      assert.equal(o.outOfStock.items[0].since, '2026-01-15T10:02:00.000Z');
      assert.equal(o.counts.byStatus.out_of_stock, 3);
    });

    it('PATCH changes only the fields given, merges the policy, and recomputes availability', async () => {
      const r = await h.call('PATCH', '/v1/products/B-BLUE', { policy: { lowStockThreshold: 2 }, brand: 'Acme' });
      assert.equal(r.status, 200);
      assert.equal(r.body.title, 'Blue mug');
      assert.equal(r.body.brand, 'Acme');
      assert.equal(r.body.category, 'mugs');
      assert.equal(r.body.price, '9.00');
      assert.equal(r.body.policy.lowStockThreshold, 2);
      assert.equal(r.body.policy.trackInventory, true);
      assert.equal((await h.call('GET', '/v1/availability/B-BLUE')).body.status, 'in_stock');
      assert.equal((await h.call('GET', '/v1/stock?q=b-blue')).body.items[0].status, 'in_stock');
      const d = await h.call('PATCH', '/v1/products/D-BACK', { policy: { allowBackorder: false } });
      assert.equal(d.body.policy.leadTimeDays, 10, 'policy fields not named stay');
      assert.equal((await h.call('GET', '/v1/availability/D-BACK')).body.status, 'out_of_stock');
      const t = await h.call('PATCH', '/v1/products/E-NEW', { title: 'Newer Cup', price: 6, attributes: { colour: 'white' } });
      assert.deepEqual([t.body.title, t.body.price, t.body.attributes], ['Newer Cup', '6', { colour: 'white' }]);
    });

    it('PATCH refuses unknown SKUs and bad input, writing nothing', async () => {
      const missing = await h.call('PATCH', '/v1/products/NOPE', { title: 'x' });
      assert.deepEqual([missing.status, missing.body.error.code], [404, 'unknown_sku']);
      const before = (await h.call('GET', '/v1/products/A-RED')).body;
      const bad: unknown[] = [
        {},
        { title: '' },
        { price: 'abc' },
        { price: -1 },
        { sku: 'OTHER' },
        { currency: 'euro' },
        { status: 'gone' },
        { policy: { lowStockThreshold: -1 } },
        { policy: { nope: true } },
        { title: 'Fine title', policy: { releaseDate: '2026-02-30' } },
        { brand: 'Fine', price: '1.23456' },
      ];
      for (const body of bad) {
        const r = await h.call('PATCH', '/v1/products/A-RED', body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.code, 'invalid_request', JSON.stringify(body));
      }
      assert.deepEqual((await h.call('GET', '/v1/products/A-RED')).body, before, 'nothing was written');
      assert.equal((await h.call('PATCH', '/v1/products/A-RED', { title: 'Red' }, { as: 'checkout' })).status, 403);
    });

    it('pages the waitlist with total, text search and sorts, positions right on every page', async () => {
      const all = await h.call('GET', '/v1/waitlist?sku=C-OUT');
      assert.deepEqual([all.body.total, all.body.items.map((i: any) => [i.email, i.position])], [2, [['w1@example.com', 1], ['w2@example.com', 2]]]);
      const second = await h.call('GET', '/v1/waitlist?sku=C-OUT&limit=1&offset=1');
      assert.deepEqual([second.body.total, second.body.items.map((i: any) => [i.email, i.position])], [2, [['w2@example.com', 2]]]);
      const found = await h.call('GET', '/v1/waitlist?q=W2%40EXAMPLE');
      assert.deepEqual([found.body.total, found.body.items.map((i: any) => [i.email, i.position])], [1, [['w2@example.com', 2]]]);
      assert.equal((await h.call('GET', '/v1/waitlist?q=c-out')).body.total, 2, 'q matches the SKU too');
      const sorted = await h.call('GET', '/v1/waitlist?sort=createdAt&order=desc&limit=1');
      assert.equal(sorted.body.total, 2);
      const s0 = sorted.body.items[0];
      assert.equal(s0.position, s0.email === 'w1@example.com' ? 1 : 2);
      assert.equal((await h.call('GET', '/v1/waitlist?q=nobody')).body.total, 0);
      assert.equal((await h.call('GET', '/v1/waitlist?sort=email')).status, 400);
    });

    it('pages inbound (late only, limit, offset) and the backorder queue with totals', async () => {
      const late = await h.call('GET', '/v1/inbound?late=true');
      assert.deepEqual([late.body.total, late.body.items.map((i: any) => i.id)], [1, [lateInboundId]]);
      const page = await h.call('GET', '/v1/inbound?limit=1&offset=1');
      assert.deepEqual([page.body.total, page.body.items.map((i: any) => i.sku)], [2, ['B-BLUE']]);
      assert.equal((await h.call('GET', '/v1/inbound')).body.items.length, 2, 'without paging parameters: all of them, as before');
      const q = await h.call('GET', '/v1/backorders');
      assert.deepEqual([q.body.total, q.body.items.length, q.body.totals['D-BACK']], [1, 1, { lines: 1, units: 2 }]);
      const past = await h.call('GET', '/v1/backorders?limit=1&offset=1');
      assert.deepEqual([past.body.total, past.body.items.length], [1, 0]);
      assert.equal((await h.call('GET', '/v1/preorders?limit=5')).body.total, 0);
    });

    it('pages and searches messages with total, keeping `before`', async () => {
      await h.restock.runReactors();
      const all = await h.call('GET', '/v1/messages');
      assert.ok(all.body.total >= 1);
      assert.equal(all.body.total, all.body.items.length);
      const mine = await h.call('GET', '/v1/messages?q=C1%40Example');
      assert.ok(mine.body.total >= 1);
      assert.ok(mine.body.items.every((m: any) => m.to === 'c1@example.com'));
      const one = await h.call('GET', `/v1/messages?limit=1&offset=${all.body.total - 1}`);
      assert.deepEqual([one.body.total, one.body.items.map((m: any) => m.id)], [all.body.total, [all.body.items.at(-1).id]]);
      const before = await h.call('GET', `/v1/messages?before=${all.body.items[0].id}`);
      assert.equal(before.body.items.length, all.body.total - 1);
      assert.equal((await h.call('GET', '/v1/messages?q=nobody-at-all')).body.total, 0);
    });

    it('filters the ledger by time and type, and exports it as CSV', async () => {
      h.clock.set('2026-01-16T09:00:00.000Z');
      await h.restock.catalog.upsert({ sku: 'G-LEDGER', title: 'Ledger Lamp', price: '30.00' });
      await h.call('POST', '/v1/inventory/receipts', { sku: 'G-LEDGER', location: 'WH1', quantity: 5, reference: 'PO-1' });
      h.clock.set('2026-01-17T12:00:00.000Z');
      await h.call('POST', '/v1/inventory/adjustments', { sku: 'G-LEDGER', location: 'WH1', delta: -1, reason: '=HYPERLINK("http://x")', reference: 'damaged, "dropped"' });
      h.clock.set('2026-01-18T08:00:00.000Z');
      await h.call('POST', '/v1/inventory/receipts', { sku: 'G-LEDGER', location: 'WH1', quantity: 2 });
      const types = async (q: string) => (await h.call('GET', `/v1/inventory/G-LEDGER/ledger${q}`)).body.items.map((i: any) => `${i.type}@${i.createdAt.slice(0, 10)}`);
      assert.deepEqual(await types(''), ['receipt@2026-01-16', 'adjustment@2026-01-17', 'receipt@2026-01-18']);
      assert.deepEqual(await types('?from=2026-01-17'), ['adjustment@2026-01-17', 'receipt@2026-01-18']);
      assert.deepEqual(await types('?to=2026-01-17'), ['receipt@2026-01-16', 'adjustment@2026-01-17'], 'a date as `to` includes that day');
      assert.deepEqual(await types('?from=2026-01-17T11:00:00Z&to=2026-01-17T13:30:00%2B01:00'), ['adjustment@2026-01-17']);
      assert.deepEqual(await types('?from=2026-01-17T12:00:00.001Z'), ['receipt@2026-01-18'], 'from is inclusive to the millisecond');
      assert.deepEqual(await types('?type=receipt'), ['receipt@2026-01-16', 'receipt@2026-01-18']);
      assert.deepEqual(await types('?type=adjustment&type=count&from=2026-01-16'), ['adjustment@2026-01-17']);
      const page = await h.call('GET', '/v1/inventory/G-LEDGER/ledger?type=receipt&limit=1');
      assert.deepEqual([page.body.items.length, page.body.total], [1, 2]);
      const rest = await h.call('GET', `/v1/inventory/G-LEDGER/ledger?type=receipt&limit=1&after=${page.body.next}`);
      assert.deepEqual([rest.body.items.map((i: any) => i.createdAt), rest.body.total], [['2026-01-18T08:00:00.000Z'], 2]);
      for (const q of ['from=yesterday', 'from=2026-02-30', 'from=2026-01-17T10:00', 'type=theft', 'from=2026-01-18&to=2026-01-17']) {
        const r = await h.call('GET', `/v1/inventory/G-LEDGER/ledger?${q}`);
        assert.deepEqual([r.status, r.body.error.code], [400, 'invalid_request'], q);
        assert.equal((await h.call('GET', `/v1/inventory/G-LEDGER/ledger.csv?${q}`)).status, 400, q);
      }

      const csv = await h.call('GET', '/v1/inventory/G-LEDGER/ledger.csv');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="ledger-G-LEDGER.csv"/);
      const lines = csv.raw.split('\r\n');
      assert.equal(lines.at(-1), '', 'every row ends with CRLF');
      assert.equal(lines[0], 'id,createdAt,sku,location,type,quantity,onHandDelta,reservedDelta,committedDelta,reason,reference');
      const rows = lines.slice(1, -1);
      assert.equal(rows.length, 3);
      for (const r of rows) assert.match(r.split(',')[1] ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.match(rows[0] ?? '', /,2026-01-16T09:00:00\.000Z,G-LEDGER,WH1,receipt,5,5,0,0,[^,]*,PO-1$/);
      assert.match(rows[1] ?? '', /,adjustment,1,-1,0,0,"'=HYPERLINK\(""http:\/\/x""\)","damaged, ""dropped"""$/, 'a formula is defused, quotes doubled');
      const filtered = await h.call('GET', '/v1/inventory/G-LEDGER/ledger.csv?from=2026-01-17&type=receipt');
      assert.deepEqual(filtered.raw.split('\r\n').slice(1, -1).map((r: string) => r.split(',')[1]), ['2026-01-18T08:00:00.000Z']);
      const empty = await h.call('GET', '/v1/inventory/G-LEDGER/ledger.csv?from=2027-01-01');
      assert.equal(empty.raw, `${lines[0]}\r\n`, 'nothing matches: the header row alone');
      const missing = await h.call('GET', '/v1/inventory/NOPE/ledger.csv');
      assert.deepEqual([missing.status, missing.body.error.code], [404, 'unknown_sku']);
      assert.equal((await h.call('GET', '/v1/inventory/G-LEDGER/ledger.csv', undefined, { as: 'feed' })).status, 403);
    });

    it('pages webhook deliveries with a status filter and total; the overview counts endpoints', async () => {
      const hook = await h.call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['inventory.*'] });
      assert.equal(hook.status, 201);
      for (let i = 0; i < 3; i++) await h.call('POST', '/v1/inventory/adjustments', { sku: 'G-LEDGER', location: 'WH1', delta: 1 });
      await h.restock.webhooks.drainEvents();
      const all = await h.call('GET', `/v1/webhooks/${hook.body.id}/deliveries`);
      assert.equal(all.status, 200);
      assert.ok(all.body.total >= 3);
      assert.equal(all.body.items.length, all.body.total);
      const page = await h.call('GET', `/v1/webhooks/${hook.body.id}/deliveries?limit=2&offset=1`);
      assert.deepEqual([page.body.total, page.body.items.map((d: any) => d.id)], [all.body.total, all.body.items.slice(1, 3).map((d: any) => d.id)]);
      const delivered = await h.call('GET', `/v1/webhooks/${hook.body.id}/deliveries?status=delivered`);
      assert.deepEqual([delivered.body.total, delivered.body.items.length], [0, 0]);
      assert.equal((await h.call('GET', `/v1/webhooks/${hook.body.id}/deliveries?status=pending`)).body.total, all.body.total);
      assert.deepEqual((await h.call('GET', '/v1/overview')).body.webhooks, { endpoints: 1, failing: 0 });
      // Nothing listens on the discard port: every attempt fails, and the endpoint counts as failing.
      await h.restock.webhooks.dispatcher.runDue();
      const retried = await h.call('GET', `/v1/webhooks/${hook.body.id}/deliveries?status=pending`);
      assert.equal(retried.body.total, all.body.total);
      assert.ok(retried.body.items.every((d: any) => d.attempts === 1 && d.lastError !== null));
      assert.deepEqual((await h.call('GET', '/v1/overview')).body.webhooks, { endpoints: 1, failing: 1 });
    });
  });
}
