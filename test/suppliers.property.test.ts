/**
 * A property over random supplier answers, shipments, receipts and cancellations of a purchase order: stock on
 * hand is exactly what was received (over-receipts included), the ledger replays to the levels, the inbound the
 * lines own is exactly what they still expect, and the order's status follows its lines.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

type Op =
  | { kind: 'answer'; line: number; status: 'confirmed' | 'rejected'; quantity?: number; late?: number }
  | { kind: 'ship'; line: number; quantity: number }
  | { kind: 'receive'; line: number; quantity: number; complete: boolean }
  | { kind: 'cancel' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('answer' as const), line: fc.integer({ min: 0, max: 1 }), status: fc.constantFrom('confirmed' as const, 'rejected' as const), quantity: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), late: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('ship' as const), line: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('receive' as const), line: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 1, max: 12 }), complete: fc.boolean() }),
  fc.constant({ kind: 'cancel' as const }),
);

for (const dialect of DIALECTS) {
  describe(`purchase orders under random answers and receipts (${dialect})`, () => {
    let h: Harness;
    let supplierId = '';
    let run = 0;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
      supplierId = (await h.call('POST', '/v1/suppliers', { name: 'S', email: 's@example.com', channel: 'portal', currency: 'EUR', leadTimeDays: 7, leadTimeSdDays: 1, ackDeadlineHours: 24 })).body.id;
    });
    after(async () => h?.close());

    it('stock received = ledger = levels, and inbound = what the lines still expect', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
          const skus = [`P${++run}A`, `P${run}B`];
          for (const sku of skus) await h.restock.catalog.upsert({ sku, title: sku, price: '1' });
          const po = (await h.call('POST', '/v1/purchase-orders', { supplierId, lines: skus.map((sku) => ({ sku, location: 'WH1', quantity: 10, unitCost: 1 })) })).body;
          assert.equal((await h.call('POST', `/v1/purchase-orders/${po.id}/send`, {})).status, 200);
          const received = [0, 0];
          for (const o of ops) {
            const lineId = o.kind === 'cancel' ? '' : po.lines[o.line].id;
            let res;
            if (o.kind === 'answer') {
              const date = o.late === undefined ? undefined : new Date(Date.parse('2026-01-15') + o.late * 86_400_000).toISOString().slice(0, 10);
              res = await h.call('POST', `/v1/purchase-orders/${po.id}/answer`, { lines: [{ lineId, status: o.status, ...(o.status === 'confirmed' && o.quantity ? { quantity: o.quantity } : {}), ...(o.status === 'confirmed' && date ? { date } : {}) }] });
            } else if (o.kind === 'ship') res = await h.call('POST', `/v1/purchase-orders/${po.id}/ship`, { lines: [{ lineId, quantity: o.quantity }] });
            else if (o.kind === 'receive') {
              res = await h.call('POST', `/v1/purchase-orders/${po.id}/receive`, { lines: [{ lineId, quantity: o.quantity, complete: o.complete }] });
              if (res.status === 200) received[o.line] = (received[o.line] as number) + o.quantity;
            } else res = await h.call('POST', `/v1/purchase-orders/${po.id}/cancel`, {});
            assert.ok(res.status < 500, res.raw);
            assert.ok([200, 400, 404, 409].includes(res.status), res.raw);
          }
          const now = (await h.call('GET', `/v1/purchase-orders/${po.id}`)).body;
          const inbound = (await h.call('GET', `/v1/inbound?status=open`)).body.items;
          for (const [i, sku] of skus.entries()) {
            const l = now.lines[i];
            const lv = await h.restock.inventory.levels(sku);
            assert.equal(l.receivedQuantity, received[i]);
            assert.equal(lv.totals.onHand, received[i], `${sku}: on hand is what was received`);
            const replay = await h.restock.inventory.replay(sku);
            assert.equal(replay.reduce((sum, r) => sum + r.onHand, 0), received[i], `${sku}: the ledger shows what was received`);
            const ended = ['received', 'rejected', 'cancelled'].includes(l.status);
            const expects = ended ? 0 : Math.max(0, (l.confirmedQuantity ?? l.quantity) - l.receivedQuantity);
            assert.equal(lv.totals.inbound, expects, `${sku}: inbound is what line ${l.status} still expects`);
            const own = inbound.filter((x: any) => x.reference === l.id);
            assert.equal(own.length, ended ? 0 : 1);
            if (!ended) assert.equal(own[0].expectedDate, l.expectedDate);
            assert.ok(l.confirmedQuantity === null || l.confirmedQuantity <= l.quantity);
          }
          const allEnded = now.lines.every((l: any) => ['received', 'rejected', 'cancelled'].includes(l.status));
          if (now.status !== 'cancelled') assert.equal(now.status === 'closed', allEnded, JSON.stringify(now));
        }),
        { numRuns: 12, seed: 2026 },
      );
    });
  });
}
