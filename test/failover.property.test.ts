/**
 * A property over random supplier answers (confirm, cut, reject), shipments, receipts, cancellations and the
 * clock passing deadlines, with failover re-sourcing as it goes: no unit is ordered twice (what a line handed on
 * is exactly what its decisions say, each chosen decision is exactly one line elsewhere), every unfilled unit is
 * either re-sourced or flagged, and the stock received is what the ledger shows.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { unfilledOf } from '../src/suppliers/failover.ts';

type Op =
  | { kind: 'answer'; line: number; status: 'confirmed' | 'rejected'; cut: number | undefined; days: number | undefined }
  | { kind: 'ship'; line: number }
  | { kind: 'receive'; line: number; part: number; complete: boolean }
  | { kind: 'cancel'; line: number }
  | { kind: 'time'; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), line: fc.nat(20), status: fc.constantFrom('confirmed' as const, 'rejected' as const), cut: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), days: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ship' as const), line: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), line: fc.nat(20), part: fc.integer({ min: 1, max: 10 }), complete: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), line: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 24 * 12 }) }) },
);

for (const dialect of DIALECTS) {
  describe(`failover under random answers, deadlines, receipts and cancellations (${dialect})`, () => {
    let h: Harness;
    const suppliers: string[] = [];
    let run = 0;
    const seen = { resourced: 0, flagged: 0, triggers: new Set<string>() };
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
      for (const [i, lead] of [7, 3, 14].entries()) {
        const s = await h.call('POST', '/v1/suppliers', { name: `S${i}`, email: `s${i}@example.com`, channel: 'portal', currency: 'EUR', leadTimeDays: lead, leadTimeSdDays: 1, ackDeadlineHours: 24 });
        suppliers.push(s.body.id);
      }
    });
    after(async () => h?.close());

    it('no unit ordered twice; every unfilled unit re-sourced or flagged; received = ledger', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.array(op, { minLength: 1, maxLength: 10 }), async (quantity, ops) => {
          h.clock.set('2026-01-15T10:00:00Z');
          const sku = `F${++run}`;
          await h.restock.catalog.upsert({ sku, title: sku, price: '1' });
          for (const [i, id] of suppliers.entries()) {
            const r = await h.call('POST', `/v1/suppliers/${id}/offers`, { sku, unitCost: 1 + i, minQuantity: i === 1 ? 5 : 1, multiple: i === 1 ? 5 : 1 });
            assert.equal(r.status, 201, r.raw);
          }
          const first = (await h.call('POST', '/v1/purchase-orders', { supplierId: suppliers[0], lines: [{ sku, location: 'WH1', quantity }] })).body;
          assert.equal((await h.call('POST', `/v1/purchase-orders/${first.id}/send`, {})).status, 200);
          const linesOf = async () => h.restock.db.kysely.selectFrom('po_lines').selectAll().where('sku', '=', sku).orderBy('created_at').orderBy('id').execute();
          let received = 0;
          for (const o of ops) {
            const all = await linesOf();
            const l = all[('line' in o ? o.line : 0) % all.length];
            if (!l) continue;
            let res: { status: number; raw: string } | null = null;
            if (o.kind === 'answer') {
              const date = o.days === undefined ? undefined : new Date(h.clock.now().getTime() + o.days * 86_400_000).toISOString().slice(0, 10);
              const qty = o.cut === undefined ? undefined : Math.max(1, l.quantity - o.cut);
              res = await h.call('POST', `/v1/purchase-orders/${l.po_id}/answer`, { lines: [{ lineId: l.id, status: o.status, ...(o.status === 'rejected' ? { reason: 'random' } : {}), ...(o.status === 'confirmed' && qty ? { quantity: qty } : {}), ...(o.status === 'confirmed' && date ? { date } : {}) }] });
            } else if (o.kind === 'ship') {
              res = await h.call('POST', `/v1/purchase-orders/${l.po_id}/ship`, { lines: [{ lineId: l.id, quantity: l.confirmed_quantity ?? l.quantity }] });
            } else if (o.kind === 'receive') {
              const qty = Math.max(1, Math.ceil(((l.confirmed_quantity ?? l.quantity) * o.part) / 10));
              res = await h.call('POST', `/v1/purchase-orders/${l.po_id}/receive`, { lines: [{ lineId: l.id, quantity: qty, complete: o.complete }] });
              if (res.status === 200) received += qty;
            } else if (o.kind === 'cancel') {
              res = await h.call('POST', `/v1/purchase-orders/${l.po_id}/cancel`, {});
            } else {
              h.clock.advance(o.hours * 3_600_000);
              await h.restock.failover.sweep();
            }
            if (res) assert.ok([200, 400, 404, 409].includes(res.status), res.raw);
            await h.restock.runReactors();
          }
          await h.restock.runReactors();
          await h.restock.failover.sweep();

          const lines = await linesOf();
          const decisions = await h.restock.db.kysely.selectFrom('supply_decisions').selectAll().where('line_id', 'in', lines.map((l) => l.id)).execute();
          for (const l of lines) {
            const mine = decisions.filter((d) => d.line_id === l.id);
            const chosen = mine.filter((d) => d.chosen !== null).map((d) => ({ ...d, chosen: JSON.parse(d.chosen as string) }));
            const children = lines.filter((c) => c.resourced_from === l.id);
            // What the line handed on is what its decisions say, once each, on exactly one line elsewhere.
            assert.equal(l.resourced_quantity, chosen.reduce((s, d) => s + d.quantity, 0), `${l.id}: re-sourced = decided`);
            assert.equal(Number(l.unsourced_quantity), mine.filter((d) => d.chosen === null).reduce((s, d) => s + d.quantity, 0), `${l.id}: flagged = decided`);
            assert.deepEqual(children.map((c) => c.id).sort(), chosen.map((d) => d.chosen.lineId).sort(), `${l.id}: one line per choice`);
            for (const d of chosen) {
              const c = children.find((x) => x.id === d.chosen.lineId);
              assert.ok(c && c.quantity === d.chosen.quantity && c.quantity >= d.quantity, `${l.id}: the new line orders what was decided`);
            }
            // Never more handed on than the line left unfilled; every unfilled unit handled (a person's cancel aside).
            const line = { status: l.status as never, quantity: l.quantity, confirmedQuantity: l.confirmed_quantity, receivedQuantity: l.received_quantity, resourcedQuantity: l.resourced_quantity, unsourcedQuantity: Number(l.unsourced_quantity) };
            assert.ok(l.resourced_quantity + Number(l.unsourced_quantity) <= l.quantity);
            const byPerson = l.status === 'cancelled' && l.late_at === null;
            if (!byPerson && (l.status === 'rejected' || l.status === 'cancelled' || (l.confirmed_quantity !== null && l.confirmed_quantity < l.quantity && l.status === 'confirmed'))) {
              assert.equal(unfilledOf(line), 0, `${l.id} (${l.status}): every unfilled unit is re-sourced or flagged`);
            }
          }
          for (const d of decisions) {
            if (d.chosen) seen.resourced++;
            else seen.flagged++;
            seen.triggers.add(d.trigger);
          }
          // A line's units are with one supplier at a time: never two decisions for one trigger of one line.
          const keys = decisions.map((d) => `${d.line_id}:${d.trigger}`);
          assert.equal(new Set(keys).size, keys.length, 'one decision per line and trigger');
          const lv = await h.restock.inventory.levels(sku);
          assert.equal(lines.reduce((s, l) => s + l.received_quantity, 0), received);
          assert.equal(lv.totals.onHand, received, 'on hand is what was received');
          const replay = await h.restock.inventory.replay(sku);
          assert.equal(replay.reduce((s, r) => s + r.onHand, 0), received, 'the ledger shows what was received');
        }),
        { numRuns: 15, seed: 1204 },
      );
      // The runs exercised failover, not only the happy path.
      assert.ok(seen.resourced > 0 && seen.flagged > 0, JSON.stringify({ ...seen, triggers: [...seen.triggers] }));
      assert.ok(seen.triggers.size >= 3, `triggers seen: ${[...seen.triggers].join(', ')}`);
    });
  });
}
