/**
 * Bad input to every supplier and purchase-order endpoint: 4xx with the reason, and nothing written (the tables
 * and the outbox are compared before and after each refused request).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`suppliers: bad input (${dialect})`, () => {
    let h: Harness;
    let sup: any;
    let other: any;
    let sleepy: any;
    let po: any;
    let draft: any;
    let closed: any;
    let otherKey = '';
    let supKey = '';

    const snapshot = async () => {
      const k = h.restock.db.kysely;
      const count = async (t: 'suppliers' | 'offers' | 'purchase_orders' | 'po_lines' | 'events' | 'inbound' | 'ledger') => Number((await k.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      const lines = await k.selectFrom('po_lines').selectAll().orderBy('id').execute();
      const pos = await k.selectFrom('purchase_orders').selectAll().orderBy('id').execute();
      const inbound = await k.selectFrom('inbound').selectAll().orderBy('id').execute();
      const sups = await k.selectFrom('suppliers').selectAll().orderBy('id').execute();
      const offers = await k.selectFrom('offers').selectAll().orderBy('id').execute();
      return JSON.stringify({ c: await Promise.all((['suppliers', 'offers', 'purchase_orders', 'po_lines', 'events', 'inbound', 'ledger'] as const).map(count)), lines, pos, inbound, sups, offers });
    };
    const refused = async (status: number, code: string | null, method: string, url: string, body?: unknown, key?: string) => {
      const before = await snapshot();
      const res = key
        ? await h.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${key}` }, ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}) })
        : await h.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${h.keys.admin}` }, ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}) });
      const parsed = JSON.parse(res.body);
      assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(body)}: ${res.body}`);
      if (code) assert.equal(parsed.error.code, code, res.body);
      assert.ok(parsed.error.message.length > 0);
      assert.equal(await snapshot(), before, `${method} ${url} wrote something`);
      return parsed;
    };
    const base = { name: 'S', email: 's@example.com', channel: 'email', currency: 'EUR', leadTimeDays: 5, leadTimeSdDays: 1, ackDeadlineHours: 24 };

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'SKU-1', {});
      sup = (await h.call('POST', '/v1/suppliers', base)).body;
      other = (await h.call('POST', '/v1/suppliers', { ...base, name: 'Other' })).body;
      sleepy = (await h.call('POST', '/v1/suppliers', { ...base, name: 'Sleepy' })).body;
      await h.call('POST', `/v1/suppliers/${sup.id}/offers`, { sku: 'SKU-1', unitCost: 1, minQuantity: 1, multiple: 1 });
      po = (await h.call('POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ sku: 'SKU-1', location: 'WH1', quantity: 10 }] })).body;
      await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {});
      draft = (await h.call('POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ sku: 'SKU-1', location: 'WH2', quantity: 3 }] })).body;
      closed = (await h.call('POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ sku: 'SKU-1', location: 'ST1', quantity: 2 }] })).body;
      await h.call('POST', `/v1/purchase-orders/${closed.id}/send`, {});
      const rec = await h.call('POST', `/v1/purchase-orders/${closed.id}/receive`, { lines: [{ lineId: closed.lines[0].id, quantity: 2 }] });
      assert.equal(rec.body.status, 'closed');
      await h.call('PATCH', `/v1/suppliers/${sleepy.id}`, { active: false });
      supKey = (await h.restock.keys.create('supplier', 's', sup.id)).key;
      otherKey = (await h.restock.keys.create('supplier', 'o', other.id)).key;
    });
    after(async () => h?.close());

    it('refuses bad suppliers', async () => {
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, leadTimeDays: -1 });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, leadTimeSdDays: -0.5 });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, ackDeadlineHours: -3 });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, minOrderValue: -10 });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, channel: 'fax' });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, email: 'not-an-email' });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, currency: 'euro' });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, name: '' });
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, extra: 1 });
      const noLead: Partial<typeof base> = { ...base };
      delete noLead.leadTimeDays;
      await refused(400, 'invalid_request', 'POST', '/v1/suppliers', noLead);
      const w = await refused(400, 'invalid_request', 'POST', '/v1/suppliers', { ...base, channel: 'webhook' });
      assert.match(w.error.message, /webhookUrl/);
      // Default address policy: https to public addresses only.
      await refused(400, 'invalid_webhook_url', 'POST', '/v1/suppliers', { ...base, channel: 'webhook', webhookUrl: 'http://127.0.0.1:9/po' });
      await refused(400, 'invalid_webhook_url', 'POST', '/v1/suppliers', { ...base, channel: 'webhook', webhookUrl: 'https://10.0.0.1/po' });
      await refused(400, 'invalid_webhook_url', 'POST', '/v1/suppliers', { ...base, channel: 'webhook', webhookUrl: 'ftp://93.184.216.34/po' });
      await refused(400, 'invalid_request', 'PATCH', `/v1/suppliers/${sup.id}`, { channel: 'webhook' });
      await refused(400, 'invalid_request', 'PATCH', `/v1/suppliers/${sup.id}`, { leadTimeDays: -2 });
      await refused(400, 'invalid_request', 'PATCH', `/v1/suppliers/${sup.id}`, {});
      await refused(404, 'unknown_supplier', 'PATCH', '/v1/suppliers/sup_nope', { name: 'x' });
      await refused(404, 'unknown_supplier', 'GET', '/v1/suppliers/sup_nope');
      await refused(404, 'unknown_supplier', 'GET', '/v1/suppliers/sup_nope/performance');
    });

    it('refuses bad offers', async () => {
      const o = { sku: 'SKU-1', unitCost: 1, minQuantity: 1, multiple: 1 };
      const url = `/v1/suppliers/${sup.id}/offers`;
      await refused(400, 'invalid_request', 'POST', url, { ...o, unitCost: -0.01 });
      await refused(400, 'invalid_request', 'POST', url, { ...o, multiple: 0 });
      await refused(400, 'invalid_request', 'POST', url, { ...o, multiple: -5 });
      await refused(400, 'invalid_request', 'POST', url, { ...o, minQuantity: 0 });
      await refused(400, 'invalid_request', 'POST', url, { ...o, leadTimeDays: -1 });
      await refused(400, 'invalid_request', 'POST', url, { ...o, validFrom: '2026-03-01', validTo: '2026-02-01' });
      await refused(400, 'invalid_date', 'POST', url, { ...o, validFrom: '2026-02-30' });
      await refused(400, 'invalid_request', 'POST', url, { ...o, validFrom: 'tomorrow' });
      await refused(404, 'unknown_sku', 'POST', url, { ...o, sku: 'NOPE' });
      await refused(404, 'unknown_supplier', 'POST', '/v1/suppliers/sup_nope/offers', o);
      await refused(404, 'unknown_supplier', 'GET', '/v1/suppliers/sup_nope/offers');
      await refused(404, 'unknown_sku', 'GET', '/v1/products/NOPE/offers');
      const offer = (await h.call('GET', url)).body.items[0];
      await refused(400, 'invalid_request', 'PATCH', `/v1/offers/${offer.id}`, { multiple: 0 });
      await refused(400, 'invalid_request', 'PATCH', `/v1/offers/${offer.id}`, { validFrom: '2026-05-01', validTo: '2026-04-01' });
      await refused(400, 'invalid_request', 'PATCH', `/v1/offers/${offer.id}`, { sku: 'SKU-2' });
      await refused(404, 'unknown_offer', 'PATCH', '/v1/offers/off_nope', { unitCost: 2 });
    });

    it('refuses bad purchase orders', async () => {
      const line = { sku: 'SKU-1', location: 'WH1', quantity: 1 };
      await refused(404, 'unknown_supplier', 'POST', '/v1/purchase-orders', { supplierId: 'sup_nope', lines: [line] });
      await refused(404, 'unknown_sku', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [line, { ...line, sku: 'NOPE' }] });
      await refused(404, 'unknown_location', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ ...line, location: 'NOWHERE' }] });
      await refused(409, 'supplier_inactive', 'POST', '/v1/purchase-orders', { supplierId: sleepy.id, lines: [{ ...line, unitCost: 1 }] });
      await refused(400, 'invalid_request', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [] });
      await refused(400, 'invalid_request', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ ...line, quantity: 0 }] });
      await refused(400, 'invalid_request', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [{ ...line, unitCost: -1 }] });
      await refused(400, 'invalid_request', 'POST', '/v1/purchase-orders', { supplierId: sup.id, lines: [line, line] });
      // No offer of this supplier for the SKU and no unit cost given.
      const noOffer = await refused(400, 'invalid_request', 'POST', '/v1/purchase-orders', { supplierId: other.id, lines: [line] });
      assert.match(noOffer.error.message, /no valid offer/);
      await refused(404, 'unknown_purchase_order', 'GET', '/v1/purchase-orders/po_nope');
      await refused(404, 'unknown_purchase_order', 'POST', '/v1/purchase-orders/po_nope/send', {});
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${closed.id}/send`, {});
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${closed.id}/cancel`, {});
      await refused(400, 'invalid_request', 'GET', '/v1/purchase-orders?status=lost');
    });

    it('refuses bad answers, shipments and receipts, writing nothing', async () => {
      const lineId = po.lines[0].id;
      const answer = (lines: unknown[], key?: string) => refusedAnswer(lines, key);
      const refusedAnswer = async (lines: unknown[], key?: string, status = 400, code: string | null = 'invalid_request') => refused(status, code, 'POST', `/v1/purchase-orders/${po.id}/answer`, { lines }, key);
      const over = await answer([{ lineId, status: 'confirmed', quantity: 11 }]);
      assert.match(over.error.message, /ordered 10/);
      await answer([{ lineId, status: 'confirmed', quantity: 0 }]);
      const past = await answer([{ lineId, status: 'confirmed', date: '2026-01-14' }]);
      assert.match(past.error.message, /in the past/);
      await refused(400, 'invalid_date', 'POST', `/v1/purchase-orders/${po.id}/answer`, { lines: [{ lineId, status: 'confirmed', date: '2026-02-31' }] });
      await answer([{ lineId, status: 'maybe' }]);
      await answer([{ lineId, status: 'rejected', quantity: 3 }]);
      await answer([{ lineId, status: 'confirmed', reason: 'why not' }]);
      await answer([]);
      // A valid first line does not land when the second is bad: all or nothing.
      await answer([{ lineId, status: 'confirmed', quantity: 5 }, { lineId, status: 'confirmed', quantity: 6 }]);
      await refusedAnswer([{ lineId: draft.lines[0].id, status: 'confirmed' }], undefined, 404, 'unknown_po_line');
      await refusedAnswer([{ lineId: 'pol_nope', status: 'confirmed' }], undefined, 404, 'unknown_po_line');
      // Another supplier's key: the order does not exist for it.
      await refusedAnswer([{ lineId, status: 'confirmed' }], otherKey, 404, 'unknown_purchase_order');
      await refused(404, 'unknown_purchase_order', 'GET', `/v1/purchase-orders/${po.id}`, undefined, otherKey);
      // Not sent yet, or closed: not answerable.
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${draft.id}/answer`, { lines: [{ lineId: draft.lines[0].id, status: 'confirmed' }] });
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${closed.id}/answer`, { lines: [{ lineId: closed.lines[0].id, status: 'confirmed' }] }, supKey);
      // Shipments: more than ordered, a foreign line, a draft.
      await refused(400, 'invalid_request', 'POST', `/v1/purchase-orders/${po.id}/ship`, { lines: [{ lineId, quantity: 11 }] });
      await refused(404, 'unknown_po_line', 'POST', `/v1/purchase-orders/${po.id}/ship`, { lines: [{ lineId: draft.lines[0].id, quantity: 1 }] });
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${draft.id}/ship`, { lines: [{ lineId: draft.lines[0].id, quantity: 1 }] });
      // Receipts: zero, a draft, a closed order, a foreign line, the supplier's key.
      await refused(400, 'invalid_request', 'POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId, quantity: 0 }] });
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${draft.id}/receive`, { lines: [{ lineId: draft.lines[0].id, quantity: 1 }] });
      await refused(409, 'invalid_po_transition', 'POST', `/v1/purchase-orders/${closed.id}/receive`, { lines: [{ lineId: closed.lines[0].id, quantity: 1 }] });
      await refused(404, 'unknown_po_line', 'POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId: closed.lines[0].id, quantity: 1 }] });
      await refused(403, 'forbidden', 'POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId, quantity: 1 }] }, supKey);
      // After a rejection of its only line the order is closed: confirming the line later is refused.
      assert.equal((await h.call('POST', `/v1/purchase-orders/${po.id}/answer`, { lines: [{ lineId, status: 'rejected', reason: 'none left' }] })).status, 200);
      await refusedAnswer([{ lineId, status: 'confirmed' }], supKey, 409, 'invalid_po_transition');
    });

    it('a supplier key must name its supplier, and only a supplier key may', async () => {
      await refused(400, 'invalid_request', 'POST', '/v1/keys', { scope: 'supplier' });
      await refused(400, 'invalid_request', 'POST', '/v1/keys', { scope: 'feed', supplierId: sup.id });
      const ok = await h.call('POST', '/v1/keys', { scope: 'supplier', supplierId: sup.id });
      assert.equal(ok.status, 201, ok.raw);
      assert.deepEqual([ok.body.apiKey.scope, ok.body.apiKey.supplierId], ['supplier', sup.id]);
    });
  });
}
