/**
 * Message and webhook delivery volumes per UTC day (the dashboard's charts), on every dialect: rows made on
 * different days come back counted on their day by status, every day of the window present, zeros included.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

for (const dialect of DIALECTS) {
  describe(`volumes per day (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: LOOPBACK } });
    });
    after(async () => h?.close());

    const message = async (n: number) =>
      h.restock.db.transaction((ctx) =>
        h.restock.messages.enqueue(ctx, [{ type: 'back_in_stock', to: `v${n}@example.com`, locale: 'en', dedupeKey: `volume-test:${n}`, data: { title: 'Tee', sku: 'TEE', shopName: 'Shop' } }]),
      );

    it('counts messages per day and status, every day of the window present', async () => {
      h.clock.set('2026-03-01T23:59:00.000Z');
      await message(1); // outside a 3-day window ending 03-03
      h.clock.set('2026-03-02T00:00:00.000Z');
      await message(2);
      await message(3);
      await message(4);
      h.clock.set('2026-03-03T12:00:00.000Z');
      await message(5);
      await h.restock.db.kysely.updateTable('messages').set({ status: 'sent', sent_at: '2026-03-02T00:01:00.000Z' }).where('dedupe_key', 'in', ['volume-test:2', 'volume-test:3']).execute();
      await h.restock.db.kysely.updateTable('messages').set({ status: 'failed' }).where('dedupe_key', '=', 'volume-test:4').execute();
      await h.restock.db.kysely.updateTable('messages').set({ status: 'sending' }).where('dedupe_key', '=', 'volume-test:5').execute();

      const res = await h.call('GET', '/v1/messages/volume?days=3');
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual(res.body, {
        days: [
          { date: '2026-03-01', sent: 0, failed: 0, queued: 1 },
          { date: '2026-03-02', sent: 2, failed: 1, queued: 0 },
          { date: '2026-03-03', sent: 0, failed: 0, queued: 1 },
        ],
      });
      const two = await h.call('GET', '/v1/messages/volume?days=2');
      assert.deepEqual(two.body.days.map((d: { date: string }) => d.date), ['2026-03-02', '2026-03-03']);
      const dflt = await h.call('GET', '/v1/messages/volume');
      assert.equal(dflt.body.days.length, 30);
      assert.equal(dflt.body.days.at(-1).date, '2026-03-03');
      assert.equal(dflt.body.days[0].date, '2026-02-02');
      assert.deepEqual(dflt.body.days[0], { date: '2026-02-02', sent: 0, failed: 0, queued: 0 });
    });

    it('counts webhook deliveries per day and status (dead ones as failed)', async () => {
      h.clock.set('2026-04-10T08:00:00.000Z');
      await seedBasic(h, 'VOL-1', { WH1: 10 });
      await h.restock.webhooks.drainEvents(); // before the endpoint existed: no deliveries
      h.clock.set('2026-04-10T09:00:00.000Z');
      const hook = await h.call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['inventory.availability_changed'] });
      assert.equal(hook.status, 201, hook.raw);
      let n = 0;
      const sell = () => h.restock.inventory.applyFeed([{ sku: 'VOL-1', location: 'WH1', delta: -1, idempotencyKey: `vol-${++n}` }], 'test');
      await sell();
      await h.restock.webhooks.drainEvents();
      h.clock.set('2026-04-11T08:00:00.000Z');
      await sell();
      await sell();
      await h.restock.webhooks.drainEvents();
      const rows = await h.restock.db.kysely.selectFrom('webhook_deliveries').select(['id', 'created_at']).orderBy('created_at').orderBy('id').execute();
      const first = rows.filter((r) => r.created_at.startsWith('2026-04-10'));
      const second = rows.filter((r) => r.created_at.startsWith('2026-04-11'));
      assert.equal(first.length, 1);
      assert.equal(second.length, 2);
      await h.restock.db.kysely.updateTable('webhook_deliveries').set({ status: 'delivered' }).where('id', '=', first[0]!.id).execute();
      await h.restock.db.kysely.updateTable('webhook_deliveries').set({ status: 'dead' }).where('id', '=', second[0]!.id).execute();

      const res = await h.call('GET', '/v1/webhooks/volume?days=3');
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual(res.body, {
        days: [
          { date: '2026-04-09', delivered: 0, failed: 0, pending: 0 },
          { date: '2026-04-10', delivered: 1, failed: 0, pending: 0 },
          { date: '2026-04-11', delivered: 0, failed: 1, pending: 1 },
        ],
      });
    });

    it('refuses a window it cannot answer, and keys other than admin', async () => {
      for (const q of ['days=0', 'days=367', 'days=abc']) {
        const res = await h.call('GET', `/v1/messages/volume?${q}`);
        assert.equal(res.status, 400, q);
        assert.equal(res.body.error.code, 'invalid_request');
        assert.equal((await h.call('GET', `/v1/webhooks/volume?${q}`)).status, 400, q);
      }
      assert.equal((await h.call('GET', '/v1/messages/volume', undefined, { as: 'storefront' })).status, 403);
      assert.equal((await h.call('GET', '/v1/webhooks/volume', undefined, { as: 'checkout' })).status, 403);
    });
  });
}
