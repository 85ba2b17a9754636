/**
 * Group commit of order placement (src/orders/order-batcher.ts), on every dialect: orders placed at the same
 * time share transactions, yet each is decided in arrival order against what the ones before it left. A flash
 * sale sells exactly the stock; a batch that fails is retried order by order, so the bad order fails alone; and
 * a property test places random concurrent orders and checks every answer against a one-by-one model. The
 * batcher's own grouping and retry are checked apart, with a plain function for a batch.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { RestockError } from '../src/core/errors.ts';
import { OrderBatcher, type Outcome } from '../src/orders/order-batcher.ts';
import type { Order, OrderInput } from '../src/orders/model.ts';

describe('order batcher', () => {
  it('orders submitted in one turn share a batch, in arrival order', async () => {
    const batches: number[][] = [];
    const b = new OrderBatcher<number, number>(async (reqs) => {
      batches.push([...reqs]);
      return reqs.map((r) => ({ ok: true, value: r * 10 }));
    }, 4);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => b.submit(i)));
    assert.deepEqual(results, Array.from({ length: 10 }, (_, i) => i * 10));
    assert.deepEqual(batches, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
  });

  it('a refusal is that order\'s outcome; a failed batch is retried one by one and only the bad one fails', async () => {
    const calls: number[][] = [];
    const b = new OrderBatcher<number, number>(async (reqs) => {
      calls.push([...reqs]);
      if (reqs.includes(3)) throw new Error('constraint');
      return reqs.map((r): Outcome<number> => (r === 5 ? { ok: false, error: new Error('refused') } : { ok: true, value: r }));
    });
    const settled = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => b.submit(i)));
    assert.deepEqual(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)), [0, 1, 2, 'constraint', 4, 'refused', 6]);
    assert.deepEqual(calls, [[0, 1, 2, 3, 4, 5, 6], [0], [1], [2], [3], [4], [5], [6]]);
  });
});

for (const dialect of DIALECTS) {
  describe(`order placement in batches (${dialect})`, () => {
    let h: Harness;
    const count = async (table: 'orders' | 'order_lines' | 'events', where?: { col: string; val: string }) => {
      let q = h.restock.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      if (where) q = q.where(where.col as never, '=', where.val as never);
      return Number((await q.executeTakeFirst())?.n);
    };

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'BASE', {});
    });
    after(async () => h?.close());

    it('flash sale: 200 shoppers at once for 50 units sell exactly 50; 150 are refused with insufficient_stock', async () => {
      await seedBasic(h, 'FLASH', { WH1: 30, WH2: 20 });
      const eventsBefore = await count('events', { col: 'type', val: 'order.created' });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => h.call('POST', '/v1/orders', { customer: { id: `f${i}`, email: `f${i}@example.com` }, lines: [{ sku: 'FLASH', quantity: 1 }] }, { as: 'checkout' })),
      );
      assert.deepEqual(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => `${r.status} ${r.raw}`), []);
      const accepted = results.filter((r) => r.status === 201);
      assert.equal(accepted.length, 50);
      for (const r of accepted) {
        assert.equal(r.body.lines.length, 1);
        assert.deepEqual([r.body.lines[0].fromStock, r.body.lines[0].backordered, r.body.lines[0].status], [1, 0, 'confirmed']);
        assert.equal(typeof r.body.token, 'string');
        // What placement answered is what is stored.
        const stored = await h.call('GET', `/v1/orders/${r.body.id}`, undefined, { as: 'checkout' });
        assert.deepEqual(stored.body.lines, r.body.lines);
      }
      for (const r of results.filter((x) => x.status === 409)) {
        assert.equal(r.body.error.code, 'order_refused', r.raw);
        assert.deepEqual(r.body.error.details.lines.map((l: { code: string }) => l.code), ['insufficient_stock']);
      }
      const lv = await h.restock.inventory.levels('FLASH');
      assert.equal(lv.totals.committed, 50);
      assert.equal(lv.totals.availableToSell, 0);
      assert.equal(await count('order_lines', { col: 'sku', val: 'FLASH' }), 50);
      const alloc = await h.restock.db.kysely.selectFrom('order_line_allocations').innerJoin('order_lines', 'order_lines.id', 'order_line_allocations.line_id').select((eb) => eb.fn.sum<number>('order_line_allocations.quantity').as('n')).where('order_lines.sku', '=', 'FLASH').executeTakeFirst();
      assert.equal(Number(alloc?.n), 50);
      // One confirmation per placed order, none for a refused one.
      assert.equal((await count('events', { col: 'type', val: 'order.created' })) - eventsBefore, 50);
    });

    it('a bad order among many placed at once fails alone; the others are placed once each', async () => {
      await seedBasic(h, 'MIX', { WH1: 100 });
      const ordersBefore = await count('orders');
      const eventsBefore = await count('events', { col: 'type', val: 'order.created' });
      const inputs: OrderInput[] = Array.from({ length: 20 }, (_, i) => ({ customer: { id: `m${i}`, email: `m${i}@example.com` }, lines: [{ sku: 'MIX', quantity: 1 }] }));
      // What no route lets through: a customer without an id breaks a NOT NULL constraint inside the batch.
      (inputs[7] as { customer: { id: unknown } }).customer.id = null;
      const settled = await Promise.allSettled(inputs.map((i) => h.restock.orders.place(i)));
      const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [i] : []));
      assert.deepEqual(failed, [7]);
      assert.ok(!((settled[7] as PromiseRejectedResult).reason instanceof RestockError), 'the database refused it, not a business rule');
      assert.equal((await count('orders')) - ordersBefore, 19);
      assert.equal((await count('events', { col: 'type', val: 'order.created' })) - eventsBefore, 19);
      assert.equal((await h.restock.inventory.levels('MIX')).totals.committed, 19);
      const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id] : []));
      assert.equal(new Set(ids).size, 19);
    });

    it('an unknown SKU in a batch refuses only its order, with unknown_sku naming it', async () => {
      await seedBasic(h, 'KNOWN', { WH1: 5 });
      const settled = await Promise.allSettled([
        h.restock.orders.place({ customer: { id: 'u1', email: 'u1@example.com' }, lines: [{ sku: 'KNOWN', quantity: 1 }] }),
        h.restock.orders.place({ customer: { id: 'u2', email: 'u2@example.com' }, lines: [{ sku: 'KNOWN', quantity: 1 }, { sku: 'NOPE', quantity: 1 }] }),
        h.restock.orders.place({ customer: { id: 'u3', email: 'u3@example.com' }, lines: [{ sku: 'KNOWN', quantity: 1 }] }),
      ]);
      assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled']);
      const err = (settled[1] as PromiseRejectedResult).reason as RestockError;
      assert.equal(err.code, 'unknown_sku');
      assert.deepEqual(err.details, { id: 'NOPE' });
      assert.equal((await h.restock.inventory.levels('KNOWN')).totals.committed, 2);
    });

    // ---- property: concurrent orders answer exactly as one by one, in arrival order

    interface LineSpec { sku: 'A' | 'B'; q: number }
    const lineArb = fc.record({ sku: fc.constantFrom<'A' | 'B'>('A', 'B'), q: fc.integer({ min: 1, max: 3 }) });
    const orderArb = fc.uniqueArray(lineArb, { minLength: 1, maxLength: 2, selector: (l) => l.sku });
    let run = 0;

    it('property: orders placed at once are decided as one by one in arrival order (no oversell, caps exact)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ a: fc.integer({ min: 0, max: 6 }), b: fc.integer({ min: 0, max: 4 }), cap: fc.integer({ min: 0, max: 4 }), orders: fc.array(orderArb, { minLength: 1, maxLength: 25 }) }),
          async ({ a, b, cap, orders }) => {
            run++;
            const sku = { A: `PA${run}`, B: `PB${run}` };
            // A: not backorderable, stock split over two locations; B: backorderable up to `cap` units.
            await h.restock.catalog.upsert({ sku: sku.A, title: 'A', price: '1' });
            await h.restock.catalog.upsert({ sku: sku.B, title: 'B', price: '1', policy: { allowBackorder: true, backorderLimit: cap } });
            const feed = [
              { sku: sku.A, location: 'WH1', onHand: Math.ceil(a / 2), idempotencyKey: `p${run}a1` },
              { sku: sku.A, location: 'WH2', onHand: Math.floor(a / 2), idempotencyKey: `p${run}a2` },
              { sku: sku.B, location: 'WH1', onHand: b, idempotencyKey: `p${run}b` },
            ];
            await h.restock.inventory.applyFeed(feed, 'prop');

            // The model, one by one in arrival order.
            const free = { A: a, B: b };
            let waiting = 0;
            const expected = orders.map((lines: LineSpec[]) => {
              const splits = lines.map((l) => {
                const fromStock = Math.min(l.q, free[l.sku]);
                const rest = l.q - fromStock;
                if (rest === 0) return { ok: true as const, fromStock, backordered: 0 };
                if (l.sku === 'A') return { ok: false as const, code: 'insufficient_stock' };
                if (rest > cap - waiting) return { ok: false as const, code: 'backorder_limit' };
                return { ok: true as const, fromStock, backordered: rest };
              });
              const refused = splits.flatMap((s) => (s.ok ? [] : [s.code]));
              if (refused.length > 0) return { refused };
              lines.forEach((l, i) => {
                const s = splits[i];
                if (!s?.ok) return;
                free[l.sku] -= s.fromStock;
                waiting += s.backordered;
              });
              return { lines: splits.map((s) => (s.ok ? [s.fromStock, s.backordered] : [])) };
            });

            const settled = await Promise.allSettled(
              orders.map((lines: LineSpec[], i: number) => h.restock.orders.place({ customer: { id: `p${run}-${i}`, email: `p${i}@example.com` }, lines: lines.map((l) => ({ sku: sku[l.sku], quantity: l.q })) })),
            );
            const actual = settled.map((s) => {
              if (s.status === 'fulfilled') return { lines: (s.value as Order).lines.map((l) => [l.fromStock, l.backordered]) };
              const e = s.reason as RestockError;
              if (e.code !== 'order_refused') throw e;
              return { refused: (e.details as { lines: Array<{ code: string }> }).lines.map((l) => l.code) };
            });
            assert.deepEqual(actual, expected);

            // No oversell and nothing half-written: levels, lines and confirmations agree with the model.
            const accepted = expected.filter((x) => 'lines' in x).length;
            assert.equal((await h.restock.inventory.levels(sku.A)).totals.committed, a - free.A);
            assert.equal((await h.restock.inventory.levels(sku.B)).totals.committed, b - free.B);
            const placed = await h.restock.db.kysely.selectFrom('orders').select('id').where('customer_id', 'like', `p${run}-%`).execute();
            assert.equal(placed.length, accepted);
            const waitingLines = await h.restock.db.kysely.selectFrom('order_lines').select(['seq', 'backordered']).where('sku', '=', sku.B).where('status', '=', 'backordered').execute();
            assert.equal(waitingLines.reduce((s, l) => s + l.backordered, 0), waiting);
            assert.ok(waiting <= cap);
            assert.equal(new Set(waitingLines.map((l) => l.seq)).size, waitingLines.length, 'every waiting line has its own queue place');
          },
        ),
        { numRuns: 25, seed: 0x0bad5eed },
      );
    });
  });
}
