// Failover (issue 12): rejected, short, unacknowledged and late lines are re-sourced to the next supplier, the
// decision log says why, minimums and multiples hold, expired offers and inactive suppliers are never chosen,
// with nothing eligible the units are flagged (event + staff alert), and customers' promised dates follow.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, type Harness } from './helpers/app.ts';

const HOUR = 3_600_000;

// The harness clock starts at 2026-01-15T10:00Z.
for (const dialect of DIALECTS) {
  describe(`failover (${dialect})`, () => {
    let h: Harness;
    const sup: Record<string, any> = {};
    const events = async (type: string, since = 0) =>
      (await h.restock.db.kysely.selectFrom('events').selectAll().where('type', '=', type).where('id', '>', since).orderBy('id').execute()).map((e) => JSON.parse(e.payload));
    const lastEvent = async () => Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
    const po = async (id: string) => (await h.call('GET', `/v1/purchase-orders/${id}`)).body;
    const decisions = async (id: string) => (await h.call('GET', `/v1/purchase-orders/${id}/decisions`)).body.items;
    const order = async (supplier: string, sku: string, quantity: number) => {
      const r = await h.call('POST', '/v1/purchase-orders', { supplierId: sup[supplier].id, lines: [{ sku, location: 'WH1', quantity }] });
      assert.equal(r.status, 201, r.raw);
      assert.equal((await h.call('POST', `/v1/purchase-orders/${r.body.id}/send`, {})).status, 200);
      return r.body;
    };
    const answer = async (id: string, lines: unknown[]) => {
      const r = await h.call('POST', `/v1/purchase-orders/${id}/answer`, { lines });
      assert.equal(r.status, 200, r.raw);
      await h.restock.runReactors();
      return r.body;
    };
    /** The purchase orders holding a line that re-sources `lineId`. */
    const resourcedLines = async (lineId: string) => {
      const rows = await h.restock.db.kysely.selectFrom('po_lines').selectAll().where('resourced_from', '=', lineId).execute();
      return rows;
    };

    before(async () => {
      h = await harness(dialect);
      await h.restock.inventory.upsertLocation({ code: 'WH1', name: 'Main', type: 'warehouse', priority: 1, region: 'EU' });
      for (const sku of ['GEAR', 'CHAIN', 'BELT', 'LAMP', 'SOLO', 'BO']) {
        await h.restock.catalog.upsert({ sku, title: sku, price: '10', ...(sku === 'BO' ? { policy: { allowBackorder: true, backorderLimit: 100, leadTimeDays: 60 } } : {}) });
      }
      const mk = async (key: string, name: string, leadTimeDays: number, extra: Record<string, unknown> = {}) => {
        const r = await h.call('POST', '/v1/suppliers', { name, email: `${key}@suppliers.example`, channel: 'portal', currency: 'EUR', leadTimeDays, leadTimeSdDays: 1, ackDeadlineHours: 24, ...extra });
        assert.equal(r.status, 201, r.raw);
        sup[key] = r.body;
      };
      await mk('cheap', 'Cheap Ltd', 10);
      await mk('fast', 'Fast GmbH', 3);
      await mk('slow', 'Slow SA', 30);
      await mk('gone', 'Gone Inc', 1);
      const offer = async (key: string, sku: string, unitCost: number, extra: Record<string, unknown> = {}) => {
        const r = await h.call('POST', `/v1/suppliers/${sup[key].id}/offers`, { sku, unitCost, minQuantity: 1, multiple: 1, ...extra });
        assert.equal(r.status, 201, r.raw);
        return r.body;
      };
      for (const sku of ['GEAR', 'CHAIN', 'BELT', 'LAMP', 'BO']) {
        await offer('cheap', sku, 5);
        await offer('fast', sku, 6, { minQuantity: 10, multiple: 5 });
        await offer('slow', sku, 5.5);
        // The cheapest and fastest of all, but its supplier is inactive: never chosen.
        await offer('gone', sku, 1);
      }
      // An expired offer far cheaper than the rest: never chosen.
      await offer('fast', 'GEAR', 0.5, { validFrom: '2025-01-01', validTo: '2025-12-31', priority: 0 });
      await offer('cheap', 'SOLO', 5);
      assert.equal((await h.call('PATCH', `/v1/suppliers/${sup.gone.id}`, { active: false })).status, 200);
    });
    after(async () => h?.close());

    it('re-sources a rejected line to the next supplier, rounds to its minimum and multiple, and says why', async () => {
      const p = await order('cheap', 'GEAR', 7);
      const since = await lastEvent();
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'rejected', reason: 'out of production' }]);
      const [d, ...more] = await decisions(p.id);
      assert.equal(more.length, 0);
      assert.equal(d.trigger, 'rejected');
      assert.equal(d.quantity, 7);
      const byName = Object.fromEntries(d.candidates.map((c: any) => [`${c.supplierName}@${c.unitCost}`, c]));
      assert.equal(byName['Cheap Ltd@5'].eligible, false, 'the failing supplier');
      assert.equal(byName['Gone Inc@1'].eligible, false, 'an inactive supplier');
      assert.match(byName['Gone Inc@1'].why, /inactive/);
      assert.equal(byName['Fast GmbH@0.5'].eligible, false, 'an expired offer');
      assert.ok(d.chosen, d.reason);
      const chosen = d.candidates.find((c: any) => c.offerId === d.chosen.offerId);
      assert.ok(['Fast GmbH', 'Slow SA'].includes(chosen.supplierName));
      assert.ok(d.reason.length > 10);
      const lines = await resourcedLines(p.lines[0].id);
      assert.equal(lines.length, 1);
      const target = await po(d.chosen.poId);
      assert.equal(target.supplierId, d.chosen.supplierId);
      assert.equal(target.source, 'failover');
      assert.equal(target.status, 'sent', 're-sourced orders are sent by default');
      const tl = target.lines.find((l: any) => l.id === d.chosen.lineId);
      assert.equal(tl.resourcedFrom, p.lines[0].id);
      if (chosen.supplierName === 'Fast GmbH') assert.equal(tl.quantity, 10, 'min 10, multiple 5');
      else assert.equal(tl.quantity, 7);
      assert.equal((await po(p.id)).lines[0].resourcedQuantity, 7);
      const ev = await events('supply.line_resourced', since);
      assert.deepEqual(ev.map((e) => [e.lineId, e.quantity, e.trigger, e.toPoId]), [[p.lines[0].id, 7, 'rejected', d.chosen.poId]]);
      // Everything again: nothing more happens.
      await h.restock.runReactors();
      assert.equal((await h.restock.failover.sweep()).resourced, 0);
      assert.equal(await h.restock.failover.resourceLine(p.lines[0].id, 'rejected'), null);
      assert.equal((await resourcedLines(p.lines[0].id)).length, 1);
      assert.equal((await decisions(p.id)).length, 1);
    });

    it('re-sources only the rest of a short confirmation', async () => {
      const p = await order('cheap', 'CHAIN', 40);
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'confirmed', quantity: 25 }]);
      const [d] = await decisions(p.id);
      assert.equal(d.trigger, 'short');
      assert.equal(d.quantity, 15);
      const line = (await po(p.id)).lines[0];
      assert.deepEqual([line.confirmedQuantity, line.resourcedQuantity, line.status], [25, 15, 'confirmed']);
      const [rl] = await resourcedLines(p.lines[0].id);
      assert.ok(rl && rl.quantity >= 15 && (rl.quantity === 15 || rl.quantity % 5 === 0));
    });

    it('re-sources a line unanswered past the acknowledgement deadline, and refuses the late answer', async () => {
      const p = await order('cheap', 'BELT', 12);
      await h.restock.failover.sweep();
      assert.equal((await decisions(p.id)).length, 0, 'not due yet');
      h.clock.advance(25 * HOUR);
      const since = await lastEvent();
      // Every order sent before is now past its deadline too (the earlier tests' re-sourced ones): all are handled.
      const s = await h.restock.failover.sweep();
      assert.ok(s.resourced >= 1);
      const first = await po(p.id);
      assert.deepEqual([first.lines[0].status, first.lines[0].resourcedQuantity], ['cancelled', 12]);
      assert.ok(first.lines[0].lateAt);
      const [d] = await decisions(p.id);
      assert.equal(d.trigger, 'ack_timeout');
      assert.deepEqual((await events('supply.po_late', since)).filter((e) => e.poId === p.id).map((e) => [e.lineId, e.trigger]), [[p.lines[0].id, 'ack_timeout']]);
      const late = await h.call('POST', `/v1/purchase-orders/${p.id}/answer`, { lines: [{ lineId: p.lines[0].id, status: 'confirmed' }] });
      assert.ok(late.status >= 400 && late.status < 500, late.raw);
      await h.restock.failover.sweep();
      assert.equal((await decisions(p.id)).length, 1, 'once only');
      assert.equal((await resourcedLines(p.lines[0].id)).length, 1);
      h.clock.advance(-25 * HOUR);
    });

    it('re-sources a confirmed line not shipped by its date plus the grace days', async () => {
      const p = await order('cheap', 'LAMP', 5);
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'confirmed', date: '2026-01-20' }]);
      h.clock.set('2026-01-22T12:00:00Z'); // 2 grace days: due from 2026-01-23
      await h.restock.failover.sweep();
      assert.equal((await decisions(p.id)).length, 0);
      h.clock.set('2026-01-23T00:30:00Z');
      await h.restock.failover.sweep();
      const [d, ...more] = await decisions(p.id);
      assert.equal(more.length, 0);
      assert.equal(d.trigger, 'ship_late');
      assert.equal((await po(p.id)).lines[0].status, 'cancelled');
      // A shipment noticed now is refused: the units are with another supplier.
      const ship = await h.call('POST', `/v1/purchase-orders/${p.id}/ship`, { lines: [{ lineId: p.lines[0].id, quantity: 5 }] });
      assert.ok(ship.status >= 400 && ship.status < 500, ship.raw);
      h.clock.set('2026-01-15T10:00:00Z');
    });

    it('flags the units when no offer is eligible, with an event and a staff alert', async () => {
      assert.equal((await h.call('PUT', '/v1/settings/alerts', { recipients: ['ops@shop.example'], lowStock: true, outOfStock: true })).status, 200);
      const p = await order('cheap', 'SOLO', 3);
      const since = await lastEvent();
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'rejected', reason: 'discontinued' }]);
      const [d] = await decisions(p.id);
      assert.equal(d.chosen, null);
      assert.match(d.reason, /no eligible|nothing|no offer/i);
      const line = (await po(p.id)).lines[0];
      assert.deepEqual([line.resourcedQuantity, line.unsourcedQuantity], [0, 3]);
      assert.deepEqual((await events('supply.unsourced', since)).map((e) => [e.lineId, e.quantity]), [[p.lines[0].id, 3]]);
      const msgs = await h.restock.db.kysely.selectFrom('messages').selectAll().where('type', '=', 'supply_alert').where('sku', '=', 'SOLO').execute();
      assert.equal(msgs.length, 1);
      assert.equal(msgs[0]?.to_addr, 'ops@shop.example');
      await h.restock.runReactors();
      assert.equal((await h.restock.db.kysely.selectFrom('messages').selectAll().where('type', '=', 'supply_alert').where('sku', '=', 'SOLO').execute()).length, 1, 'once');
      assert.match(msgs[0]?.subject ?? '', /3 × SOLO could not be re-sourced/);
    });

    it('switched off per SKU or per supplier: flagged, not re-sourced; settings refuse bad input', async () => {
      const off = await h.call('PUT', '/v1/supply/skus/GEAR', { failover: false });
      assert.equal(off.status, 200, off.raw);
      assert.equal(off.body.failover, false);
      assert.ok(off.body.offers.length >= 4);
      const p = await order('cheap', 'GEAR', 4);
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'rejected', reason: 'x' }]);
      const [d] = await decisions(p.id);
      assert.equal(d.chosen, null);
      assert.match(d.reason, /switched off for GEAR/);
      assert.equal((await resourcedLines(p.lines[0].id)).length, 0);
      assert.equal((await h.call('PUT', '/v1/supply/skus/GEAR', { failover: true })).status, 200);
      // Per supplier: Cheap's lines are not re-sourced.
      assert.equal((await h.call('PATCH', `/v1/suppliers/${sup.cheap.id}`, { failover: false })).status, 200);
      const q = await order('cheap', 'CHAIN', 4);
      await answer(q.id, [{ lineId: q.lines[0].id, status: 'rejected', reason: 'x' }]);
      assert.match((await decisions(q.id))[0].reason, /switched off for Cheap Ltd/);
      assert.equal((await h.call('PATCH', `/v1/suppliers/${sup.cheap.id}`, { failover: true })).status, 200);

      const settings = await h.call('GET', '/v1/settings/supply');
      assert.deepEqual(settings.body, { failover: true, resourcedPoStatus: 'sent', shipGraceDays: 2, weights: { cost: 0.5, arrival: 0.3, reliability: 0.2 } });
      for (const bad of [{ shipGraceDays: -1 }, { resourcedPoStatus: 'maybe' }, { weights: { cost: -1 } }, { weights: { cost: 0, arrival: 0, reliability: 0 } }, {}, { nope: 1 }]) {
        const r = await h.call('PUT', '/v1/settings/supply', bad);
        assert.equal(r.status, 400, `${JSON.stringify(bad)}: ${r.raw}`);
        assert.ok(r.body.error.code, r.raw);
      }
      assert.deepEqual((await h.call('GET', '/v1/settings/supply')).body, settings.body, 'nothing written');
      assert.equal((await h.call('PUT', '/v1/supply/skus/NOPE', { failover: false })).status, 404);
      assert.equal((await h.call('PUT', '/v1/supply/skus/GEAR', { failover: 'no' })).status, 400);
      const ok = await h.call('PUT', '/v1/settings/supply', { resourcedPoStatus: 'draft', weights: { cost: 1 } });
      assert.equal(ok.status, 200, ok.raw);
      assert.deepEqual(ok.body.weights, { cost: 1, arrival: 0.3, reliability: 0.2 });
      // Drafts: the re-sourced line waits in a failover draft for a person to send, and the next one extends it.
      const a = await order('cheap', 'BELT', 2);
      const b = await order('cheap', 'LAMP', 2);
      await answer(a.id, [{ lineId: a.lines[0].id, status: 'rejected', reason: 'x' }]);
      await answer(b.id, [{ lineId: b.lines[0].id, status: 'rejected', reason: 'x' }]);
      const [da] = await decisions(a.id);
      const [db] = await decisions(b.id);
      assert.equal((await po(da.chosen.poId)).status, 'draft');
      if (da.chosen.supplierId === db.chosen.supplierId) assert.equal(da.chosen.poId, db.chosen.poId, 'the draft is extended');
      assert.equal((await h.call('PUT', '/v1/settings/supply', { resourcedPoStatus: 'sent', weights: { cost: 0.5 } })).status, 200);
    });

    it('moves customers\' promised dates with the re-sourced supply, for exactly the affected lines', async () => {
      const c = await h.call('POST', '/v1/orders', { customer: { id: 'cust-bo', email: 'bo@example.com' }, lines: [{ sku: 'BO', quantity: 2 }] }, { as: 'checkout' });
      assert.equal(c.status, 201, c.raw);
      const byLeadTime = c.body.lines[0].promisedDate;
      const p = await order('slow', 'BO', 10);
      const dated = (await h.call('GET', `/v1/orders/${c.body.id}`, undefined, { as: 'checkout' })).body.lines[0].promisedDate;
      assert.equal(dated, p.lines[0].expectedDate, 'promised by the PO line');
      assert.ok(dated < byLeadTime);
      const since = await lastEvent();
      await answer(p.id, [{ lineId: p.lines[0].id, status: 'rejected', reason: 'x' }]);
      const [d] = await decisions(p.id);
      assert.ok(d.chosen);
      const after = (await h.call('GET', `/v1/orders/${c.body.id}`, undefined, { as: 'checkout' })).body.lines[0].promisedDate;
      const target = (await po(d.chosen.poId)).lines.find((l: any) => l.id === d.chosen.lineId);
      assert.equal(after, target.expectedDate, 'promised by the re-sourced line');
      const moved = [...(await events('order.line_delayed', since)), ...(await events('order.line_expedited', since))];
      assert.ok(moved.length >= 1);
      assert.ok(moved.every((e) => e.lineId === c.body.lines[0].id), 'only the affected customer line');
    });
  });
}
