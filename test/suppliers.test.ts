import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';
import { supplierWebhookSecret } from '../src/suppliers/po-delivery.ts';

const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

// The harness clock starts at 2026-01-15T10:00Z.
for (const dialect of DIALECTS) {
  describe(`suppliers and purchase orders (${dialect})`, () => {
    let h: Harness;
    let acme: any;
    let bolt: any;
    let acmeKey = '';
    let boltKey = '';
    const events = async (type: string, since = 0) =>
      (await h.restock.db.kysely.selectFrom('events').selectAll().where('type', '=', type).where('id', '>', since).orderBy('id').execute()).map((e) => JSON.parse(e.payload));
    const lastEvent = async () => Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
    const asKey = async (key: string, method: string, url: string, body?: unknown) => {
      const res = await h.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${key}` }, ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}) });
      return { status: res.statusCode, body: JSON.parse(res.body) };
    };
    const inboundOf = async (sku: string) => (await h.call('GET', `/v1/inbound?sku=${sku}`)).body.items;

    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: LOOPBACK } });
      await seedBasic(h, 'BOLT', {});
      await h.restock.catalog.upsert({ sku: 'NUT', title: 'Nut', price: '1.00' });
      await h.restock.catalog.upsert({ sku: 'BO', title: 'Backorderable', price: '10', policy: { allowBackorder: true, backorderLimit: 100, leadTimeDays: 30 } });
      await h.restock.catalog.upsert({ sku: 'BO2', title: 'Backorderable 2', price: '10', policy: { allowBackorder: true, backorderLimit: 100, leadTimeDays: 30 } });
    });
    after(async () => h?.close());

    it('creates, lists, reads and changes suppliers', async () => {
      const r = await h.call('POST', '/v1/suppliers', { name: 'Acme', email: 'orders@acme.example', channel: 'email', currency: 'EUR', leadTimeDays: 10, leadTimeSdDays: 2, ackDeadlineHours: 24 });
      assert.equal(r.status, 201, r.raw);
      acme = r.body;
      assert.match(acme.id, /^sup_/);
      assert.deepEqual([acme.active, acme.failover, acme.regions, acme.minOrderValue, acme.webhookUrl], [true, true, [], 0, null]);
      const b = await h.call('POST', '/v1/suppliers', { name: 'Bolt & Co', email: 'po@bolt.example', channel: 'webhook', webhookUrl: 'http://127.0.0.1:9/po', currency: 'EUR', leadTimeDays: 5, leadTimeSdDays: 1, ackDeadlineHours: 12, regions: ['EU'] });
      assert.equal(b.status, 201, b.raw);
      bolt = b.body;
      const got = await h.call('GET', `/v1/suppliers/${acme.id}`);
      assert.deepEqual(got.body, acme);
      const list = await h.call('GET', '/v1/suppliers?limit=1');
      assert.equal(list.body.total, 2);
      assert.deepEqual(list.body.items.map((s: any) => s.name), ['Acme']);
      const p = await h.call('PATCH', `/v1/suppliers/${acme.id}`, { minOrderValue: 50, regions: ['EU', 'US'] });
      assert.equal(p.status, 200, p.raw);
      assert.deepEqual([p.body.minOrderValue, p.body.regions, p.body.name], [50, ['EU', 'US'], 'Acme']);
      // A webhook supplier's signing secret: derived, shown to staff only.
      const sec = await h.call('GET', `/v1/suppliers/${bolt.id}/webhook-secret`);
      assert.equal(sec.status, 200, sec.raw);
      assert.equal(sec.body.secret, supplierWebhookSecret(h.restock.signer, bolt.id));
      assert.match(sec.body.secret, /^whsec_/);
      assert.equal(sec.headers['cache-control'], 'no-store');
      assert.notEqual(sec.body.secret, supplierWebhookSecret(h.restock.signer, acme.id));
      assert.equal((await h.call('GET', '/v1/suppliers/sup_nope/webhook-secret')).status, 404);
      acmeKey = (await h.restock.keys.create('supplier', 'acme portal', acme.id)).key;
      boltKey = (await h.restock.keys.create('supplier', 'bolt api', bolt.id)).key;
      assert.match(acmeKey, /^rk_su_/);
    });

    it('keeps offers per supplier and per SKU', async () => {
      const o1 = await h.call('POST', `/v1/suppliers/${acme.id}/offers`, { sku: 'BOLT', unitCost: 2.5, minQuantity: 10, multiple: 5, supplierSku: 'AC-BOLT', priority: 1 });
      assert.equal(o1.status, 201, o1.raw);
      assert.deepEqual([o1.body.unitCost, o1.body.minQuantity, o1.body.multiple, o1.body.leadTimeDays, o1.body.active], [2.5, 10, 5, null, true]);
      // An expired cheaper offer and a worse-priority one: neither is the default price.
      assert.equal((await h.call('POST', `/v1/suppliers/${acme.id}/offers`, { sku: 'BOLT', unitCost: 1, minQuantity: 1, multiple: 1, priority: 0, validFrom: '2025-01-01', validTo: '2025-12-31' })).status, 201);
      assert.equal((await h.call('POST', `/v1/suppliers/${acme.id}/offers`, { sku: 'BOLT', unitCost: 2, minQuantity: 1, multiple: 1, priority: 5, leadTimeDays: 3 })).status, 201);
      assert.equal((await h.call('POST', `/v1/suppliers/${bolt.id}/offers`, { sku: 'BOLT', unitCost: 3, minQuantity: 1, multiple: 1 })).status, 201);
      assert.equal((await h.call('POST', `/v1/suppliers/${acme.id}/offers`, { sku: 'BO', unitCost: 4, minQuantity: 1, multiple: 1 })).status, 201);
      assert.equal((await h.call('POST', `/v1/suppliers/${acme.id}/offers`, { sku: 'BO2', unitCost: 4, minQuantity: 1, multiple: 1 })).status, 201);
      const mine = await h.call('GET', `/v1/suppliers/${acme.id}/offers`);
      assert.equal(mine.body.items.length, 5);
      const perSku = await h.call('GET', '/v1/products/BOLT/offers');
      assert.equal(perSku.body.items.length, 4);
      const p = await h.call('PATCH', `/v1/offers/${o1.body.id}`, { unitCost: 2.4 });
      assert.equal(p.status, 200, p.raw);
      assert.equal(p.body.unitCost, 2.4);
      const eligible = await h.restock.suppliers.listEligibleOffers('BOLT', '2026-01-15');
      assert.deepEqual(eligible.map((e) => [e.supplier.name, e.offer.unitCost]), [['Acme', 2.4], ['Acme', 2], ['Bolt & Co', 3]]);
      // Deactivating a supplier takes its offers out of the eligible ones.
      await h.call('PATCH', `/v1/suppliers/${bolt.id}`, { active: false });
      assert.deepEqual((await h.restock.suppliers.listEligibleOffers('BOLT', '2026-01-15')).map((e) => e.supplier.name), ['Acme', 'Acme']);
      await h.call('PATCH', `/v1/suppliers/${bolt.id}`, { active: true });
    });

    it('walks a purchase order from draft to closed, each line owning its inbound, receipts through the ledger', async () => {
      const r = await h.call('POST', '/v1/purchase-orders', { supplierId: acme.id, lines: [{ sku: 'BOLT', location: 'WH1', quantity: 100 }, { sku: 'NUT', location: 'WH1', quantity: 50, unitCost: 0.1 }] });
      assert.equal(r.status, 201, r.raw);
      const po = r.body;
      assert.deepEqual([po.status, po.currency, po.source, po.sentAt], ['draft', 'EUR', 'manual', null]);
      const [bl, nl] = po.lines;
      assert.deepEqual([bl.unitCost, bl.expectedDate, bl.status, bl.confirmedQuantity], [2.4, '2026-01-25', 'open', null]);
      assert.equal(po.total, 245);
      let inb = await inboundOf('BOLT');
      assert.equal(inb.length, 1);
      assert.deepEqual([inb[0].reference, inb[0].quantity, inb[0].expectedDate, inb[0].status], [bl.id, 100, '2026-01-25', 'open']);
      assert.equal(bl.inboundId, inb[0].id);
      assert.equal((await h.restock.inventory.levels('BOLT')).totals.inbound, 100);

      const since = await lastEvent();
      const s = await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {});
      assert.equal(s.status, 200, s.raw);
      assert.equal(s.body.status, 'sent');
      assert.equal(s.body.sentAt, '2026-01-15T10:00:00.000Z');
      const sent = await events('supply.po_sent', since);
      assert.equal(sent.length, 1);
      assert.deepEqual([sent[0].email, sent[0].channel, sent[0].ackDeadline, sent[0].lines[0].supplierSku, sent[0].lines.length], ['orders@acme.example', 'email', '2026-01-16T10:00:00.000Z', 'AC-BOLT', 2]);
      assert.equal((await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {})).status, 200, 'sending again is harmless');
      assert.equal((await events('supply.po_sent', since)).length, 1);

      // The supplier cuts BOLT to 80 for 1 February and rejects NUT, with its own key.
      const a1 = { lines: [{ lineId: bl.id, status: 'confirmed', quantity: 80, date: '2026-02-01' }, { lineId: nl.id, status: 'rejected', reason: 'discontinued' }] };
      const ans = await asKey(acmeKey, 'POST', `/v1/purchase-orders/${po.id}/answer`, a1);
      assert.equal(ans.status, 200, JSON.stringify(ans.body));
      assert.equal(ans.body.status, 'acknowledged');
      assert.equal(ans.body.acknowledgedAt, '2026-01-15T10:00:00.000Z');
      const [b2, n2] = ans.body.lines;
      assert.deepEqual([b2.status, b2.confirmedQuantity, b2.confirmedDate, b2.expectedDate], ['confirmed', 80, '2026-02-01', '2026-02-01']);
      assert.deepEqual([n2.status, n2.rejectReason], ['rejected', 'discontinued']);
      inb = await inboundOf('BOLT');
      assert.deepEqual([inb[0].quantity, inb[0].expectedDate], [80, '2026-02-01']);
      assert.equal((await inboundOf('NUT'))[0].status, 'cancelled');
      assert.equal((await events('supply.po_acknowledged', since)).length, 1);
      const rej = await events('supply.line_rejected', since);
      assert.deepEqual(rej.map((e) => [e.lineId, e.quantity, e.reason]), [[nl.id, 50, 'discontinued']]);
      // The same answer again: 200, nothing written.
      const before = await lastEvent();
      const again = await asKey(acmeKey, 'POST', `/v1/purchase-orders/${po.id}/answer`, a1);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, ans.body);
      assert.equal(await lastEvent(), before);

      // Advance shipping notice, then a partial receipt and an over-receipt.
      const sh = await asKey(acmeKey, 'POST', `/v1/purchase-orders/${po.id}/ship`, { lines: [{ lineId: bl.id, quantity: 80 }] });
      assert.equal(sh.status, 200, JSON.stringify(sh.body));
      assert.deepEqual([sh.body.status, sh.body.lines[0].status, sh.body.lines[0].shippedQuantity], ['shipped', 'shipped', 80]);
      const r1 = await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: bl.id, quantity: 30 }] });
      assert.equal(r1.status, 200, r1.raw);
      assert.deepEqual([r1.body.status, r1.body.lines[0].receivedQuantity, r1.body.lines[0].status], ['received', 30, 'shipped']);
      let lv = await h.restock.inventory.levels('BOLT');
      assert.deepEqual([lv.totals.onHand, lv.totals.inbound], [30, 50]);
      const r2 = await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: bl.id, quantity: 55 }] });
      assert.equal(r2.status, 200, r2.raw);
      assert.deepEqual([r2.body.status, r2.body.lines[0].receivedQuantity, r2.body.lines[0].status], ['closed', 85, 'received']);
      lv = await h.restock.inventory.levels('BOLT');
      assert.deepEqual([lv.totals.onHand, lv.totals.inbound], [85, 0], 'the 5 extra units are in stock too');
      const ledger = await h.restock.inventory.ledger('BOLT', 0, 100);
      const receipts = ledger.filter((e) => e.type === 'receipt');
      assert.deepEqual(receipts.map((e) => e.quantity), [30, 55]);
      assert.ok(receipts.every((e) => (e.reference ?? '').endsWith(bl.id)));
      assert.equal((await inboundOf('BOLT'))[0].status, 'received');
      assert.equal(r2.body.total, 85 * 2.4);
      // Closed: no more answers or receipts.
      assert.equal((await asKey(acmeKey, 'POST', `/v1/purchase-orders/${po.id}/answer`, a1)).status, 409);
      assert.equal((await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: bl.id, quantity: 1 }] })).status, 409);

      const perf = await h.call('GET', `/v1/suppliers/${acme.id}/performance`);
      assert.equal(perf.status, 200, perf.raw);
      assert.deepEqual([perf.body.lines, perf.body.onTimeRate, perf.body.fillRate, perf.body.ackHours.mean, perf.body.leadTimeDays.mean], [2, 1, 0.5666666666666667, 0, 0]);
    });

    it('ends a line short on request (an under-receipt) and cancels only before receipt', async () => {
      const po = (await h.call('POST', '/v1/purchase-orders', { supplierId: acme.id, lines: [{ sku: 'NUT', location: 'WH1', quantity: 20, unitCost: 0.1 }] })).body;
      await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {});
      const r = await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: po.lines[0].id, quantity: 15, complete: true }] });
      assert.equal(r.status, 200, r.raw);
      assert.deepEqual([r.body.status, r.body.lines[0].status, r.body.lines[0].receivedQuantity], ['closed', 'received', 15]);
      const nut = (await inboundOf('NUT')).find((i: any) => i.reference === po.lines[0].id);
      assert.deepEqual([nut.quantity, nut.received, nut.status], [15, 15, 'received']);
      assert.equal((await h.restock.inventory.levels('NUT')).totals.inbound, 0);

      const c = (await h.call('POST', '/v1/purchase-orders', { supplierId: acme.id, lines: [{ sku: 'NUT', location: 'WH1', quantity: 7, unitCost: 0.1 }] })).body;
      assert.equal((await h.restock.inventory.levels('NUT')).totals.inbound, 7);
      const x = await h.call('POST', `/v1/purchase-orders/${c.id}/cancel`, {});
      assert.equal(x.status, 200, x.raw);
      assert.deepEqual([x.body.status, x.body.lines[0].status], ['cancelled', 'cancelled']);
      assert.equal((await h.restock.inventory.levels('NUT')).totals.inbound, 0);
      assert.equal((await h.call('POST', `/v1/purchase-orders/${c.id}/send`, {})).status, 409);
      assert.equal((await h.call('POST', `/v1/purchase-orders/${po.id}/cancel`, {})).status, 409, 'received: too late to cancel');
    });

    it('moves customers\' promised dates with the PO line: a confirmed later date delays exactly the lines it covers', async () => {
      const placed = [];
      for (const sku of ['BO', 'BO2']) {
        const o = await h.call('POST', '/v1/orders', { customer: { id: `c-${sku}`, email: `${sku.toLowerCase()}@example.com` }, lines: [{ sku, quantity: 2 }] }, { as: 'checkout' });
        assert.equal(o.status, 201, o.raw);
        assert.equal(o.body.lines[0].promisedDate, '2026-02-14');
        placed.push(o.body);
      }
      const mk = async (sku: string) => (await h.call('POST', '/v1/purchase-orders', { supplierId: acme.id, lines: [{ sku, location: 'WH1', quantity: 10 }] })).body;
      const po = await mk('BO');
      const po2 = await mk('BO2');
      // The supply the PO lines are: promised by their expected date (today + Acme's 10 days).
      for (const o of placed) assert.equal((await h.call('GET', `/v1/orders/${o.id}`, undefined, { as: 'checkout' })).body.lines[0].promisedDate, '2026-01-25');
      await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {});
      await h.call('POST', `/v1/purchase-orders/${po2.id}/send`, {});
      const since = await lastEvent();
      const a = await h.call('POST', `/v1/purchase-orders/${po.id}/answer`, { lines: [{ lineId: po.lines[0].id, status: 'confirmed', date: '2026-02-05' }] });
      assert.equal(a.status, 200, a.raw);
      const delayed = await events('order.line_delayed', since);
      assert.deepEqual(delayed.map((e) => [e.lineId, e.oldDate, e.newDate]), [[placed[0].lines[0].id, '2026-01-25', '2026-02-05']]);
      assert.equal((await h.call('GET', `/v1/orders/${placed[1].id}`, undefined, { as: 'checkout' })).body.lines[0].promisedDate, '2026-01-25', 'the other SKU keeps its date');
      // Earlier again: an expedite for that line only.
      const s2 = await lastEvent();
      await h.call('POST', `/v1/purchase-orders/${po.id}/answer`, { lines: [{ lineId: po.lines[0].id, status: 'confirmed', date: '2026-01-20' }] });
      assert.deepEqual((await events('order.line_expedited', s2)).map((e) => [e.lineId, e.newDate]), [[placed[0].lines[0].id, '2026-01-20']]);
      // Rejecting BO2's line withdraws that supply: the customer falls back to the lead time.
      const s3 = await lastEvent();
      await h.call('POST', `/v1/purchase-orders/${po2.id}/answer`, { lines: [{ lineId: po2.lines[0].id, status: 'rejected', reason: 'no stock' }] });
      assert.deepEqual((await events('order.line_delayed', s3)).map((e) => [e.lineId, e.oldDate, e.newDate]), [[placed[1].lines[0].id, '2026-01-25', '2026-02-14']]);
      // Receiving the BO line allocates the waiting customer, through the inbound.
      const rec = await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: po.lines[0].id, quantity: 10 }] });
      assert.equal(rec.status, 200, rec.raw);
      const o = await h.call('GET', `/v1/orders/${placed[0].id}`, undefined, { as: 'checkout' });
      assert.deepEqual([o.body.lines[0].status, o.body.lines[0].allocated], ['allocated', 2]);
    });

    it('a supplier key reads and answers only its own purchase orders', async () => {
      const mine = (await h.call('POST', '/v1/purchase-orders', { supplierId: bolt.id, lines: [{ sku: 'BOLT', location: 'WH2', quantity: 4 }] })).body;
      await h.call('POST', `/v1/purchase-orders/${mine.id}/send`, {});
      const list = await asKey(boltKey, 'GET', '/v1/purchase-orders');
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((p: any) => p.id), [mine.id]);
      assert.equal((await asKey(boltKey, 'GET', `/v1/purchase-orders?supplierId=${acme.id}`)).body.items.length, 0);
      const acmeList = await asKey(acmeKey, 'GET', '/v1/purchase-orders');
      assert.ok(acmeList.body.items.length >= 3);
      assert.ok(acmeList.body.items.every((p: any) => p.supplierId === acme.id));
      assert.equal((await asKey(boltKey, 'GET', `/v1/purchase-orders/${mine.id}`)).status, 200);
      assert.equal((await asKey(acmeKey, 'GET', `/v1/purchase-orders/${mine.id}`)).status, 404);
      const before = await lastEvent();
      const foreign = await asKey(acmeKey, 'POST', `/v1/purchase-orders/${mine.id}/answer`, { lines: [{ lineId: mine.lines[0].id, status: 'rejected' }] });
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.error.code, 'unknown_purchase_order');
      assert.equal((await asKey(acmeKey, 'POST', `/v1/purchase-orders/${mine.id}/ship`, { lines: [{ lineId: mine.lines[0].id, quantity: 1 }] })).status, 404);
      assert.equal(await lastEvent(), before);
      // Staff-only routes stay closed to supplier keys.
      assert.equal((await asKey(boltKey, 'POST', `/v1/purchase-orders/${mine.id}/receive`, { lines: [{ lineId: mine.lines[0].id, quantity: 1 }] })).status, 403);
      assert.equal((await asKey(boltKey, 'GET', `/v1/suppliers/${bolt.id}`)).status, 403);
      assert.equal((await asKey(boltKey, 'GET', '/v1/products')).status, 403);
      const ok = await asKey(boltKey, 'POST', `/v1/purchase-orders/${mine.id}/answer`, { lines: [{ lineId: mine.lines[0].id, status: 'confirmed' }] });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.lines[0].confirmedQuantity, 4);
      // Filters: by SKU and status.
      const bySku = await h.call('GET', '/v1/purchase-orders?sku=BO2');
      assert.equal(bySku.body.items.length, 1);
      const byStatus = await h.call('GET', `/v1/purchase-orders?status=acknowledged&supplierId=${bolt.id}`);
      assert.deepEqual(byStatus.body.items.map((p: any) => p.id), [mine.id]);
    });

    it('the decision log reads what failover recorded; resourcing helpers keep their books', async () => {
      const src = (await h.call('POST', '/v1/purchase-orders', { supplierId: acme.id, lines: [{ sku: 'BOLT', location: 'WH1', quantity: 20 }] })).body;
      await h.call('POST', `/v1/purchase-orders/${src.id}/send`, {});
      await h.call('POST', `/v1/purchase-orders/${src.id}/answer`, { lines: [{ lineId: src.lines[0].id, status: 'rejected', reason: 'strike' }] });
      const target = (await h.call('POST', '/v1/purchase-orders', { supplierId: bolt.id, lines: [{ sku: 'NUT', location: 'WH1', quantity: 1, unitCost: 1 }], source: 'failover' })).body;
      const { line } = await h.restock.db.transaction(async (ctx) => {
        const added = await h.restock.suppliers.addLine(target.id, { sku: 'BOLT', location: 'WH1', quantity: 20 }, { resourcedFrom: src.lines[0].id }, ctx);
        await h.restock.suppliers.markResourced(src.lines[0].id, 20, ctx);
        await h.restock.suppliers.recordDecision({ poId: src.id, lineId: src.lines[0].id, trigger: 'rejected', quantity: 20, candidates: [], chosen: { supplierId: bolt.id, offerId: 'off_x', poId: target.id, lineId: added.line.id, quantity: 20 }, reason: 'Bolt is next' }, ctx);
        return added;
      });
      assert.equal(line.resourcedFrom, src.lines[0].id);
      assert.equal(line.unitCost, 3);
      const d = await h.call('GET', `/v1/purchase-orders/${src.id}/decisions`);
      assert.equal(d.status, 200, d.raw);
      assert.deepEqual(d.body.items.map((x: any) => [x.trigger, x.lineId, x.chosen.lineId, x.reason]), [['rejected', src.lines[0].id, line.id, 'Bolt is next']]);
      const srcNow = (await h.call('GET', `/v1/purchase-orders/${src.id}`)).body;
      assert.deepEqual([srcNow.status, srcNow.lines[0].resourcedQuantity], ['closed', 20]);
      await assert.rejects(h.restock.suppliers.markResourced(src.lines[0].id, 1), /re-sourced already/);
      assert.equal((await h.call('GET', '/v1/purchase-orders/po_nope/decisions')).status, 404);
      const hist = await h.restock.suppliers.lineHistory(acme.id);
      assert.ok(hist.some((r) => r.lineId === src.lines[0].id && r.status === 'rejected'));
    });
  });
}
