import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { openSse } from './helpers/sse.ts';

for (const dialect of DIALECTS) {
  describe(`live events over SSE (${dialect})`, () => {
    let h: Harness;
    let base: string;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'LIVE-1', { WH1: 3 });
      await seedBasic(h, 'LIVE-2', { WH1: 3 });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => h?.close());

    it('streams availability changes as they commit, and resumes after Last-Event-ID', async () => {
      const s = await openSse(`${base}/v1/events?sku=LIVE-1`, { authorization: `Bearer ${h.keys.storefront}` });
      assert.equal(s.status, 200);
      await new Promise((r) => setTimeout(r, 100));
      const r1 = await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-1', quantity: 1 });
      await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-2', quantity: 1 }); // other SKU: filtered out
      await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-1', quantity: 2 });
      const got = await s.waitFor(3);
      assert.deepEqual(got.map((e) => e.event), ['inventory.availability_changed', 'inventory.availability_changed', 'inventory.out_of_stock']);
      assert.equal(got[0]?.data.data.after.availableToSell, 2);
      assert.equal(got[1]?.data.data.after.availableToSell, 0);
      const lastSeen = got[2]!.id!;
      s.close();

      // Missed while disconnected: delivered on reconnect, in order, nothing twice.
      await h.restock.inventory.releaseReservation(r1.id);
      await h.restock.inventory.applyFeed([{ sku: 'LIVE-1', location: 'WH1', delta: 5, idempotencyKey: 'live-more' }], 't');
      const s2 = await openSse(`${base}/v1/events?sku=LIVE-1&key=${h.keys.storefront}`, { 'last-event-id': lastSeen });
      const missed = await s2.waitFor(4);
      assert.deepEqual(missed.map((e) => e.event), ['inventory.availability_changed', 'inventory.back_in_stock', 'inventory.low_stock', 'inventory.availability_changed']);
      assert.deepEqual(missed.map((e) => e.data.data.after.availableToSell), [1, 1, 1, 6]);
      const ids = missed.map((e) => Number(e.id));
      assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!), 'ids increase');
      assert.ok(ids[0]! > Number(lastSeen));
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(s2.events.length, 4, 'nothing more, nothing twice');
      s2.close();
    });

    it('filters by type and refuses a stream without a key', async () => {
      const s = await openSse(`${base}/v1/events?types=inventory.out_of_stock,inventory.back_in_stock`, { authorization: `Bearer ${h.keys.admin}` });
      await new Promise((r) => setTimeout(r, 100));
      const r = await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-2', quantity: 2 });
      await h.restock.inventory.releaseReservation(r.id);
      const got = await s.waitFor(2);
      assert.deepEqual(got.map((e) => e.event), ['inventory.out_of_stock', 'inventory.back_in_stock']);
      s.close();
      const res = await fetch(`${base}/v1/events`);
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as any).error.code, 'unauthorized');
    });
  });
}
