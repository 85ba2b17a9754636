import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

// The harness clock starts at 2026-01-15.
for (const dialect of DIALECTS) {
  describe(`backorders and pre-orders (${dialect})`, () => {
    let h: Harness;
    let n = 0;
    const customer = (tier?: string) => ({ id: `c${++n}`, email: `c${n}@example.com`, ...(tier ? { tier } : {}) });
    const order = (sku: string, quantity: number, extra: Record<string, unknown> = {}, tier?: string) =>
      h.call('POST', '/v1/orders', { customer: customer(tier), lines: [{ sku, quantity, ...extra }] }, { as: 'checkout' });
    const events = async (type: string, since: number) =>
      (await h.restock.db.kysely.selectFrom('events').selectAll().where('type', '=', type).where('id', '>', since).orderBy('id').execute()).map((e) => JSON.parse(e.payload));
    const lastEvent = async () => Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BO', { WH1: 3 });
      await h.restock.catalog.upsert({ sku: 'BO', title: 'Backorderable', price: '10', policy: { allowBackorder: true, backorderLimit: 100, leadTimeDays: 30 } });
    });
    after(async () => h?.close());

    it('splits a line into stock and backorder, with a promised date from lead time, then from inbound', async () => {
      const r = await order('BO', 5);
      assert.equal(r.status, 201, r.raw);
      const line = r.body.lines[0];
      assert.deepEqual([line.fromStock, line.backordered, line.preordered, line.status], [3, 2, 0, 'backordered']);
      assert.equal(line.promisedDate, '2026-02-14'); // today + 30 days
      const av = await h.call('GET', '/v1/availability/BO', undefined, { as: 'storefront' });
      assert.equal(av.body.status, 'backorder');
      const inb = await h.call('POST', '/v1/inbound', { sku: 'BO', location: 'WH1', quantity: 10, expectedDate: '2026-01-25', reference: 'PO-1' }, { as: 'feed' });
      assert.equal(inb.status, 201, inb.raw);
      const again = await h.call('GET', `/v1/orders/${r.body.id}`, undefined, { as: 'checkout' });
      assert.equal(again.body.lines[0].promisedDate, '2026-01-25');
      const av2 = await h.call('GET', '/v1/availability/BO', undefined, { as: 'storefront' });
      assert.equal(av2.body.promisedDate, '2026-01-25');
      assert.equal(av2.body.nextInboundDate, '2026-01-25');
      // Receive: the waiting 2 units are allocated in the same transaction, the rest is sellable.
      const since = await lastEvent();
      const rec = await h.call('POST', `/v1/inbound/${inb.body.id}/receive`, {}, { as: 'feed' });
      assert.equal(rec.status, 200, rec.raw);
      assert.equal(rec.body.status, 'received');
      const done = await h.call('GET', `/v1/orders/${r.body.id}`, undefined, { as: 'checkout' });
      assert.deepEqual([done.body.lines[0].allocated, done.body.lines[0].status, done.body.lines[0].waiting], [2, 'allocated', 0]);
      const alloc = await events('order.line_allocated', since);
      assert.equal(alloc.length, 1);
      assert.equal(alloc[0].quantity, 2);
      assert.equal(alloc[0].email, r.body.customer.email);
      assert.equal((await h.call('GET', '/v1/availability/BO')).body.availableToSell, 8);
      const lv = await h.restock.inventory.levels('BO');
      assert.equal(lv.totals.committed, 5);
      assert.equal(lv.totals.inbound, 0);
      // Drain the stock for the next tests.
      const drain = await order('BO', 8);
      assert.equal(drain.body.lines[0].fromStock, 8);
    });

    it('allocates first come, first served, partially where allowed, and never to someone behind a full-only line', async () => {
      const a = await order('BO', 4); // partial allowed
      const b = await order('BO', 3, { allowPartial: false });
      const c = await order('BO', 1);
      for (const o of [a, b, c]) assert.equal(o.status, 201, o.raw);
      const q = await h.call('GET', '/v1/backorders?sku=BO');
      assert.deepEqual(q.body.items.map((i: any) => [i.orderId, i.position, i.quantity]), [[a.body.id, 1, 4], [b.body.id, 2, 3], [c.body.id, 3, 1]]);
      assert.deepEqual(q.body.totals.BO, { lines: 3, units: 8 });
      // 6 units: A gets 4, B needs 3 and takes only full shipments, so 2 wait for B (C, behind B, gets nothing).
      await h.call('POST', '/v1/inventory/receipts', { sku: 'BO', location: 'WH1', quantity: 6 }, { as: 'feed' });
      const [ra, rb, rc] = await Promise.all([a, b, c].map((o) => h.call('GET', `/v1/orders/${o.body.id}`)));
      assert.deepEqual([ra!.body.lines[0].allocated, rb!.body.lines[0].allocated, rc!.body.lines[0].allocated], [4, 0, 0]);
      // One more unit completes B; C still waits.
      await h.call('POST', '/v1/inventory/adjustments', { sku: 'BO', location: 'WH1', delta: 1, reason: 'found' }, { as: 'feed' });
      const rb2 = await h.call('GET', `/v1/orders/${b.body.id}`);
      assert.equal(rb2.body.lines[0].status, 'allocated');
      const rc2 = await h.call('GET', `/v1/orders/${c.body.id}`);
      assert.equal(rc2.body.lines[0].status, 'backordered');
      // A partial line: 2 units for a line of 5.
      const d = await order('BO', 5);
      await h.call('POST', '/v1/inventory/receipts', { sku: 'BO', location: 'WH1', quantity: 3 }, { as: 'feed' });
      const rd = await h.call('GET', `/v1/orders/${d.body.id}`);
      assert.deepEqual([rd.body.lines[0].allocated, rd.body.lines[0].waiting, rd.body.lines[0].status], [2, 3, 'backordered']);
      assert.equal((await h.call('GET', `/v1/orders/${c.body.id}`)).body.lines[0].status, 'allocated');
      await h.call('POST', `/v1/orders/${d.body.id}/lines/${d.body.lines[0].id}/cancel`, {}, { as: 'checkout' });
    });

    it('serves customer tiers and pre-orders first under the priority policy', async () => {
      await h.restock.catalog.upsert({ sku: 'PR', title: 'Priority', price: '1', policy: { allowBackorder: true, leadTimeDays: 7 } });
      const put = await h.call('PUT', '/v1/settings/allocation', { strategy: 'priority', tierRanks: { vip: 1, gold: 2 }, preordersFirst: true, useSafetyStock: false });
      assert.equal(put.status, 200, put.raw);
      const plain = await order('PR', 2);
      const gold = await order('PR', 2, {}, 'gold');
      const vip = await order('PR', 2, {}, 'vip');
      const q = await h.call('GET', '/v1/backorders?sku=PR');
      assert.deepEqual(q.body.items.map((i: any) => i.orderId), [vip.body.id, gold.body.id, plain.body.id]);
      await h.call('POST', '/v1/inventory/receipts', { sku: 'PR', location: 'WH2', quantity: 3 }, { as: 'feed' });
      const got = await Promise.all([vip, gold, plain].map(async (o) => (await h.call('GET', `/v1/orders/${o.body.id}`)).body.lines[0].allocated));
      assert.deepEqual(got, [2, 1, 0]);
      await h.call('PUT', '/v1/settings/allocation', { strategy: 'fifo', tierRanks: {}, preordersFirst: false, useSafetyStock: false });
    });

    it('recomputes promised dates when inbound slips, delaying exactly the lines it covered', async () => {
      await h.restock.catalog.upsert({ sku: 'DL', title: 'Delays', price: '1', policy: { allowBackorder: true, leadTimeDays: 60 } });
      const i1 = await h.call('POST', '/v1/inbound', { sku: 'DL', location: 'WH1', quantity: 5, expectedDate: '2026-02-01' }, { as: 'feed' });
      const i2 = await h.call('POST', '/v1/inbound', { sku: 'DL', location: 'WH1', quantity: 5, expectedDate: '2026-03-01' }, { as: 'feed' });
      const o = [await order('DL', 3), await order('DL', 2), await order('DL', 4), await order('DL', 2)];
      const dates = async () => Promise.all(o.map(async (x) => (await h.call('GET', `/v1/orders/${x.body.id}`)).body.lines[0].promisedDate));
      // Units 1–3 and 4–5 come with the first inbound, 6–9 with the second, 10–11: beyond inbound, lead time.
      assert.deepEqual(await dates(), ['2026-02-01', '2026-02-01', '2026-03-01', '2026-03-16']);
      let since = await lastEvent();
      await h.call('PATCH', `/v1/inbound/${i1.body.id}`, { expectedDate: '2026-02-10' }, { as: 'feed' });
      assert.deepEqual(await dates(), ['2026-02-10', '2026-02-10', '2026-03-01', '2026-03-16']);
      const delayed = await events('order.line_delayed', since);
      assert.deepEqual(delayed.map((e) => [e.orderId, e.oldDate, e.newDate]), [[o[0]!.body.id, '2026-02-01', '2026-02-10'], [o[1]!.body.id, '2026-02-01', '2026-02-10']]);
      // Smaller quantity: the second line now waits for the second inbound.
      since = await lastEvent();
      await h.call('PATCH', `/v1/inbound/${i1.body.id}`, { quantity: 4 }, { as: 'feed' });
      assert.deepEqual(await dates(), ['2026-02-10', '2026-03-01', '2026-03-01', '2026-03-16']);
      assert.deepEqual((await events('order.line_delayed', since)).map((e) => e.orderId), [o[1]!.body.id]);
      // An earlier arrival expedites.
      since = await lastEvent();
      await h.call('PATCH', `/v1/inbound/${i2.body.id}`, { expectedDate: '2026-02-20' }, { as: 'feed' });
      assert.deepEqual((await events('order.line_expedited', since)).map((e) => [e.orderId, e.newDate]), [[o[1]!.body.id, '2026-02-20'], [o[2]!.body.id, '2026-02-20']]);
      // Cancelled inbound: everything it covered falls back.
      since = await lastEvent();
      await h.call('PATCH', `/v1/inbound/${i1.body.id}`, { status: 'cancelled' }, { as: 'feed' });
      assert.deepEqual(await dates(), ['2026-02-20', '2026-02-20', '2026-03-16', '2026-03-16']);
      assert.deepEqual((await events('order.line_delayed', since)).map((e) => e.orderId), [o[0]!.body.id, o[2]!.body.id]);
    });

    it('keeps a lead-time promise on later days instead of "delaying" every waiting line each day', async () => {
      await h.restock.catalog.upsert({ sku: 'LT', title: 'Lead time', price: '1', policy: { allowBackorder: true, leadTimeDays: 20 } });
      const a = await order('LT', 1);
      const first = a.body.lines[0].promisedDate;
      assert.equal(first, '2026-02-04');
      h.clock.advance(3 * 86_400_000);
      const since = await lastEvent();
      const b = await order('LT', 1); // recomputes the queue's promises three days later
      assert.equal((await h.call('GET', `/v1/orders/${a.body.id}`)).body.lines[0].promisedDate, first);
      assert.equal(b.body.lines[0].promisedDate, '2026-02-07');
      assert.equal((await events('order.line_delayed', since)).length, 0);
      // Evidence that beats the lead time still moves it: an inbound sooner expedites both.
      await h.call('POST', '/v1/inbound', { sku: 'LT', location: 'WH1', quantity: 5, expectedDate: '2026-01-25' }, { as: 'feed' });
      assert.equal((await h.call('GET', `/v1/orders/${a.body.id}`)).body.lines[0].promisedDate, '2026-01-25');
      h.clock.set('2026-01-15T10:00:00.000Z');
    });

    it('moves the queue up when a line is cancelled, and gives its stock to the next in line', async () => {
      await h.restock.catalog.upsert({ sku: 'CX', title: 'Cancel', price: '1', policy: { allowBackorder: true, leadTimeDays: 10 } });
      await h.restock.inventory.applyFeed([{ sku: 'CX', location: 'WH1', onHand: 2, idempotencyKey: 'cx' }], 't');
      const first = await order('CX', 2); // from stock
      const second = await order('CX', 2); // waits
      const third = await order('CX', 1); // waits
      assert.equal(first.body.lines[0].status, 'confirmed');
      let q = await h.call('GET', '/v1/backorders?sku=CX');
      assert.deepEqual(q.body.items.map((i: any) => [i.orderId, i.position]), [[second.body.id, 1], [third.body.id, 2]]);
      const c = await h.call('POST', `/v1/orders/${second.body.id}/lines/${second.body.lines[0].id}/cancel`, {}, { as: 'checkout' });
      assert.equal(c.status, 200, c.raw);
      assert.equal(c.body.lines[0].status, 'cancelled');
      q = await h.call('GET', '/v1/backorders?sku=CX');
      assert.deepEqual(q.body.items.map((i: any) => [i.orderId, i.position]), [[third.body.id, 1]]);
      // Cancelling a line sold from stock hands its units to the next in line.
      await h.call('POST', `/v1/orders/${first.body.id}/lines/${first.body.lines[0].id}/cancel`, {}, { as: 'checkout' });
      const t = await h.call('GET', `/v1/orders/${third.body.id}`);
      assert.equal(t.body.lines[0].status, 'allocated');
      assert.equal((await h.call('GET', '/v1/availability/CX')).body.availableToSell, 1);
      const again = await h.call('POST', `/v1/orders/${second.body.id}/lines/${second.body.lines[0].id}/cancel`, {}, { as: 'checkout' });
      assert.equal(again.status, 409);
    });

    it('waiting orders are served before the waitlist: stock owed to a full-shipment line is not held for a contact', async () => {
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 2 });
      await seedBasic(h, 'OWED', {});
      await h.restock.catalog.upsert({ sku: 'OWED', title: 'Owed', price: '10', policy: { allowBackorder: true } });
      const head = await order('OWED', 3, { allowPartial: false });
      assert.equal(head.status, 201, head.raw);
      await h.restock.inventory.receive('OWED', 'WH1', 2);
      // Two units sit free, but the head waits for them (and one more): a sign-up now is not told, nor held.
      const sub = await h.call('POST', '/v1/waitlist', { sku: 'OWED', email: 'owed@example.com' }, { as: 'storefront' });
      assert.equal(sub.status, 202, sub.raw);
      await h.restock.runReactors();
      const status = async () => (await h.restock.waitlist.list('OWED', undefined)).map((x) => x.status);
      assert.deepEqual(await status(), ['waiting']);
      assert.equal((await h.restock.inventory.levels('OWED')).totals.reserved, 0);
      // The third unit completes the head's shipment; the next two are free to anyone, so the contact is told.
      await h.restock.inventory.receive('OWED', 'WH1', 1);
      await h.restock.runReactors();
      assert.equal((await h.call('GET', `/v1/orders/${head.body.id}`, undefined, { as: 'checkout' })).body.lines[0].status, 'allocated');
      assert.deepEqual(await status(), ['waiting']);
      await h.restock.inventory.receive('OWED', 'WH1', 2);
      await h.restock.runReactors();
      assert.deepEqual(await status(), ['notified']);
      assert.equal((await h.restock.inventory.levels('OWED')).totals.reserved, 1);
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
    });

    it('refuses the whole order when one line cannot be accepted, writing nothing', async () => {
      await seedBasic(h, 'NB', { WH1: 5 });
      const before = await snapshot(h);
      const r = await h.call('POST', '/v1/orders', { customer: customer(), lines: [{ sku: 'NB', quantity: 2 }, { sku: 'NB-2', quantity: 1 }] }, { as: 'checkout' });
      assert.equal(r.status, 404);
      const r2 = await h.call('POST', '/v1/orders', { customer: customer(), lines: [{ sku: 'NB', quantity: 2 }, { sku: 'BO', quantity: 1000 }] }, { as: 'checkout' });
      assert.equal(r2.status, 409);
      assert.equal(r2.body.error.code, 'order_refused');
      assert.deepEqual(r2.body.error.details.lines.map((l: any) => [l.line, l.code]), [[1, 'backorder_limit']]);
      const r3 = await h.call('POST', '/v1/orders', { customer: customer(), lines: [{ sku: 'NB', quantity: 6 }] }, { as: 'checkout' });
      assert.equal(r3.status, 409);
      assert.equal(r3.body.error.details.lines[0].code, 'insufficient_stock');
      assert.deepEqual(await snapshot(h), before);
    });

    it('takes pre-orders within the cap, promises the release date, and releases them on the day', async () => {
      await h.restock.catalog.upsert({ sku: 'PRE', title: 'Upcoming', price: '50', status: 'upcoming', policy: { allowPreorder: true, preorderLimit: 5, releaseDate: '2026-02-01' } });
      const a = await order('PRE', 3);
      assert.equal(a.status, 201, a.raw);
      assert.deepEqual([a.body.lines[0].preordered, a.body.lines[0].status, a.body.lines[0].promisedDate], [3, 'preordered', '2026-02-01']);
      const over = await order('PRE', 3);
      assert.equal(over.status, 409);
      assert.equal(over.body.error.details.lines[0].code, 'preorder_limit');
      const b = await order('PRE', 2);
      assert.equal(b.status, 201);
      assert.equal((await h.call('GET', '/v1/availability/PRE')).body.status, 'out_of_stock'); // cap reached
      const pq = await h.call('GET', '/v1/preorders?sku=PRE');
      assert.deepEqual(pq.body.totals.PRE, { lines: 2, units: 5 });
      // Stock arriving before the release is kept for release day.
      await h.call('POST', '/v1/inventory/receipts', { sku: 'PRE', location: 'WH1', quantity: 4 }, { as: 'feed' });
      assert.equal((await h.call('GET', `/v1/orders/${a.body.id}`)).body.lines[0].allocated, 0);
      assert.deepEqual(await h.restock.orders.releaseDue(), []);
      h.clock.set('2026-02-01T06:00:00.000Z');
      assert.deepEqual(await h.restock.orders.releaseDue(), ['PRE']);
      assert.equal((await h.restock.catalog.get('PRE')).status, 'active');
      const ra = await h.call('GET', `/v1/orders/${a.body.id}`);
      const rb = await h.call('GET', `/v1/orders/${b.body.id}`);
      assert.deepEqual([ra.body.lines[0].status, rb.body.lines[0].allocated], ['allocated', 1]);
      h.clock.set('2026-01-15T10:00:00.000Z');
    });
  });
}

async function snapshot(h: Harness) {
  const k = h.restock.db.kysely;
  const count = async (t: 'orders' | 'order_lines' | 'ledger' | 'events' | 'order_line_allocations') => Number((await k.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  return { orders: await count('orders'), lines: await count('order_lines'), ledger: await count('ledger'), events: await count('events'), allocs: await count('order_line_allocations'), levels: await k.selectFrom('stock_levels').selectAll().orderBy('sku').orderBy('location').execute() };
}
