/**
 * Orders under concurrency, over HTTP (in-process inject) with Promise.all, on every dialect: caps hold exactly,
 * refusals say why, and when receipts, cancellations and new orders race on one SKU every unit is accounted for.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`orders under concurrency (${dialect})`, () => {
    let h: Harness;
    let n = 0;
    const customer = () => ({ id: `cc${++n}`, email: `cc${n}@example.com` });
    const place = (lines: unknown[]) => h.call('POST', '/v1/orders', { customer: customer(), lines }, { as: 'checkout' });
    const count = async (table: 'orders' | 'order_lines', sku?: string) => {
      const k = h.restock.db.kysely;
      if (table === 'orders') return Number((await k.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
      let q = k.selectFrom('order_lines').select((eb) => eb.fn.countAll().as('n'));
      if (sku) q = q.where('sku', '=', sku);
      return Number((await q.executeTakeFirst())?.n);
    };
    const eventCount = async (type: string) =>
      Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('type', '=', type).executeTakeFirst())?.n);

    /** The same checks for both caps: exact counts, clear refusals, a clean queue, nothing half-written. */
    async function capRace(sku: string, kind: 'preorder' | 'backorder', fromStock: number) {
      const ordersBefore = await count('orders');
      const createdBefore = await eventCount('order.created');
      const results = await Promise.all(Array.from({ length: 200 }, () => place([{ sku, quantity: 1 }])));
      const accepted = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      assert.deepEqual(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => `${r.status} ${r.raw}`), []);
      assert.equal(accepted.length, fromStock + 50);
      assert.equal(refused.length, 150 - fromStock);
      for (const r of refused) {
        assert.equal(r.body.error.code, 'order_refused', r.raw);
        assert.equal(r.body.error.details.lines.length, 1);
        assert.equal(r.body.error.details.lines[0].code, `${kind}_limit`, r.raw);
        assert.match(r.body.error.details.lines[0].reason, new RegExp(`only 0 ${kind === 'preorder' ? 'pre-order' : kind} units .* left \\(cap 50\\)`));
      }
      const lines = accepted.map((r) => r.body.lines[0]);
      assert.equal(lines.filter((l) => l.fromStock === 1 && l.status === 'confirmed').length, fromStock);
      const waiting = lines.filter((l) => l.fromStock === 0);
      assert.equal(waiting.length, 50);
      for (const l of waiting) {
        assert.equal(l.status, kind === 'preorder' ? 'preordered' : 'backordered');
        assert.equal(kind === 'preorder' ? l.preordered : l.backordered, 1);
        assert.notEqual(l.promisedDate, null);
      }
      // Nothing half-written: one order and one line per acceptance, none for a refusal.
      assert.equal((await count('orders')) - ordersBefore, accepted.length);
      assert.equal(await count('order_lines', sku), accepted.length);
      assert.equal((await eventCount('order.created')) - createdBefore, accepted.length);
      const q = await h.call('GET', `/v1/${kind}s?sku=${sku}`);
      assert.deepEqual(q.body.totals[sku], { lines: 50, units: 50 });
      assert.deepEqual(q.body.items.map((i: { position: number }) => i.position), Array.from({ length: 50 }, (_, i) => i + 1));
      assert.deepEqual(new Set(q.body.items.map((i: { lineId: string }) => i.lineId)), new Set(waiting.map((l) => l.id)));
      const seqs = (await h.restock.db.kysely.selectFrom('order_lines').select('seq').where('sku', '=', sku).where('status', '=', kind === 'preorder' ? 'preordered' : 'backordered').execute()).map((r) => r.seq);
      assert.equal(new Set(seqs).size, 50, 'every waiting line has its own place in the queue');
      const lv = await h.restock.inventory.levels(sku);
      assert.equal(lv.totals.committed, fromStock);
      assert.equal(lv.totals.availableToSell, 0);
      const av = await h.call('GET', `/v1/availability/${sku}`, undefined, { as: 'storefront' });
      assert.equal(av.body.status, 'out_of_stock', 'cap reached: no more pre-orders or backorders offered');
    }

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
    });
    after(async () => h?.close());

    it('200 concurrent pre-orders of one unit against a cap of 50: exactly 50 accepted, 150 refused with preorder_limit', async () => {
      await h.restock.catalog.upsert({ sku: 'HOTPRE', title: 'Upcoming', price: '1', status: 'upcoming', policy: { allowPreorder: true, preorderLimit: 50, releaseDate: '2026-03-01' } });
      await capRace('HOTPRE', 'preorder', 0);
    });

    it('200 concurrent orders of one unit, 10 in stock, backorder cap 50: 10 sold from stock, 50 backordered, 140 refused', async () => {
      await seedBasic(h, 'HOTBO', { WH1: 6, WH2: 4 });
      await h.restock.catalog.upsert({ sku: 'HOTBO', title: 'Backorderable', price: '1', policy: { allowBackorder: true, backorderLimit: 50, leadTimeDays: 14 } });
      await capRace('HOTBO', 'backorder', 10);
    });

    it('two-line orders naming two SKUs in both orders never deadlock and never oversell', async () => {
      await seedBasic(h, 'PAIR-A', { WH1: 30 });
      await seedBasic(h, 'PAIR-B', { WH2: 30 });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          place(i % 2 === 0 ? [{ sku: 'PAIR-A', quantity: 1 }, { sku: 'PAIR-B', quantity: 1 }] : [{ sku: 'PAIR-B', quantity: 1 }, { sku: 'PAIR-A', quantity: 1 }]),
        ),
      );
      assert.deepEqual(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => `${r.status} ${r.raw}`), []);
      assert.equal(results.filter((r) => r.status === 201).length, 30);
      for (const r of results.filter((x) => x.status === 409)) assert.equal(r.body.error.details.lines[0].code, 'insufficient_stock');
      for (const sku of ['PAIR-A', 'PAIR-B']) {
        const lv = await h.restock.inventory.levels(sku);
        assert.deepEqual([lv.totals.onHand, lv.totals.committed, lv.totals.availableToSell], [30, 30, 0]);
      }
    });

    it('concurrent receipts, inbound receipts, cancellations and new orders on one SKU: every unit accounted for', async () => {
      const sku = 'RACE';
      await seedBasic(h, sku, { WH1: 5 });
      await h.restock.catalog.upsert({ sku, title: 'Race', price: '1', policy: { allowBackorder: true, backorderLimit: 400, leadTimeDays: 7 } });
      // A deterministic spread of quantities (all lines take partial shipments: see the idle-stock check below).
      const qty = (i: number) => 1 + ((i * 7) % 4);
      const first = [];
      for (let i = 0; i < 60; i++) first.push(await place([{ sku, quantity: qty(i) }]));
      assert.ok(first.every((r) => r.status === 201));
      const inbound = [];
      for (let i = 0; i < 5; i++) {
        const r = await h.call('POST', '/v1/inbound', { sku, location: i % 2 ? 'WH2' : 'WH1', quantity: 6, expectedDate: `2026-02-0${i + 1}` }, { as: 'feed' });
        assert.equal(r.status, 201, r.raw);
        inbound.push(r.body.id as string);
      }
      const receiptUnits = Array.from({ length: 20 }, (_, i) => 1 + (i % 5));
      const jobs: Array<Promise<{ status: number; raw: string }>> = [];
      receiptUnits.forEach((q, i) => jobs.push(h.call('POST', '/v1/inventory/receipts', { sku, location: i % 3 === 0 ? 'WH2' : 'WH1', quantity: q }, { as: 'feed' })));
      for (const id of inbound) jobs.push(h.call('POST', `/v1/inbound/${id}/receive`, { quantity: 4 }, { as: 'feed' }));
      // Cancel every third of the first orders: some were sold from stock, some wait, some are partly allocated.
      for (let i = 0; i < 60; i += 3) jobs.push(h.call('POST', `/v1/orders/${first[i]!.body.id}/lines/${first[i]!.body.lines[0].id}/cancel`, {}, { as: 'checkout' }));
      for (let i = 0; i < 40; i++) jobs.push(place([{ sku, quantity: qty(i + 60) }]));
      for (let i = 0; i < 10; i++) jobs.push(h.call('POST', '/v1/inventory/adjustments', { sku, location: 'WH2', delta: 1, reason: 'found' }, { as: 'feed' }));
      const results = await Promise.all(jobs);
      assert.deepEqual(results.filter((r) => r.status >= 300).map((r) => `${r.status} ${r.raw}`), []);

      const received = 5 + receiptUnits.reduce((s, q) => s + q, 0) + inbound.length * 4 + 10;
      const lv = await h.restock.inventory.levels(sku);
      assert.equal(lv.totals.onHand, received, 'on hand is everything received');
      const lines = await h.restock.db.kysely.selectFrom('order_lines').selectAll().where('sku', '=', sku).orderBy('seq').execute();
      assert.equal(lines.length, 100);
      assert.equal(lines.filter((l) => l.status === 'cancelled').length, 20);
      const live = lines.filter((l) => l.status !== 'cancelled');
      const held = live.reduce((s, l) => s + l.from_stock + l.allocated, 0);
      assert.equal(lv.totals.committed, held, 'committed = Σ (fromStock + allocated) of live lines');
      assert.ok(lv.totals.committed <= lv.totals.onHand, 'never more handed out than received');
      const allocs = await h.restock.db.kysely.selectFrom('order_line_allocations').selectAll().where('line_id', 'in', lines.map((l) => l.id)).execute();
      for (const l of lines) {
        const sum = allocs.filter((a) => a.line_id === l.id).reduce((s, a) => s + a.quantity, 0);
        assert.equal(sum, l.status === 'cancelled' ? 0 : l.from_stock + l.allocated, `allocations of line ${l.id}`);
        assert.ok(l.allocated <= l.backordered + l.preordered, 'no line allocated more than it waits for');
        assert.equal(l.from_stock + l.backordered + l.preordered, l.quantity);
      }
      for (const loc of lv.levels) {
        const atLoc = allocs.filter((a) => a.location === loc.location).reduce((s, a) => s + a.quantity, 0);
        assert.equal(loc.committed, atLoc, `committed at ${loc.location}`);
      }
      // FIFO, partial shipments everywhere: stock is idle only when nobody waits, and only the head of the queue
      // can be partly served.
      const waiting = live.filter((l) => l.backordered + l.preordered - l.allocated > 0);
      if (waiting.length > 0) assert.equal(lv.totals.availableToSell, 0, 'stock left idle while lines wait');
      assert.ok(waiting.slice(1).every((l) => l.allocated === 0), 'a line behind a waiting line got units');
      const events = await h.restock.db.kysely.selectFrom('events').select('payload').where('type', '=', 'order.line_allocated').where('sku', '=', sku).execute();
      const allocatedByEvents = events.reduce((s, e) => s + (JSON.parse(e.payload) as { quantity: number }).quantity, 0);
      assert.equal(allocatedByEvents, lines.reduce((s, l) => s + l.allocated, 0), 'one order.line_allocated event per allocation');
      const replay = await h.restock.inventory.replay(sku);
      for (const l of lv.levels) {
        const r = replay.find((x) => x.location === l.location);
        assert.deepEqual([r?.onHand, r?.reserved, r?.committed], [l.onHand, l.reserved, l.committed], 'ledger replays to the levels');
      }
    });
  });
}
