import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import pg from 'pg';

for (const dialect of DIALECTS) {
  describe(`inventory (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'SKU-1', { WH1: 4, WH2: 6 });
    });
    after(async () => h?.close());

    it('reserves from locations by priority, splitting when one has too little', async () => {
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 5 }, { as: 'storefront' });
      assert.equal(r.status, 201);
      assert.deepEqual(r.body.lines, [{ location: 'WH1', quantity: 4 }, { location: 'WH2', quantity: 1 }]);
      const a = await h.call('GET', '/v1/availability/SKU-1', undefined, { as: 'storefront' });
      assert.equal(a.body.availableToSell, 5);
      assert.equal(a.body.status, 'low_stock');
      assert.deepEqual(a.body.locations.map((l: any) => [l.location, l.availableToSell]), [['WH1', 0], ['WH2', 5]]);
      const del = await h.call('DELETE', `/v1/reservations/${r.body.id}`, undefined, { as: 'storefront' });
      assert.equal(del.body.status, 'released');
      assert.equal((await h.call('GET', '/v1/availability/SKU-1')).body.availableToSell, 10);
    });

    it('reserves from a named location only', async () => {
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 5, location: 'WH1' });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'insufficient_stock');
      assert.equal(r.body.error.details.available, 4);
      const ok = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 3, location: 'WH2' });
      assert.deepEqual(ok.body.lines, [{ location: 'WH2', quantity: 3 }]);
      await h.call('DELETE', `/v1/reservations/${ok.body.id}`);
    });

    it('one failing request does not fail the reservation batch it shared: the others are decided alone', async () => {
      await seedBasic(h, 'SKU-BATCH', { WH1: 3 });
      // The first request runs at once; the next four wait and share one batch (group commit). The third of
      // them fails while it is decided (an expiry beyond what a date can hold), which rolls the batch back.
      const reqs = [
        { sku: 'SKU-BATCH', quantity: 1 },
        { sku: 'SKU-BATCH', quantity: 1 },
        { sku: 'SKU-BATCH', quantity: 1, ttlSeconds: 1e16 },
        { sku: 'SKU-BATCH', quantity: 1 },
        { sku: 'SKU-BATCH', quantity: 2 },
      ];
      const out = await Promise.allSettled(reqs.map((r) => h.restock.inventory.reserve(r)));
      const summary = out.map((o) => (o.status === 'rejected' ? `rejected ${(o.reason as Error).name}` : o.value.ok ? 'ok' : o.value.reason));
      assert.deepEqual(summary, ['ok', 'ok', 'rejected RangeError', 'ok', 'insufficient_stock']);
      const last = out[4];
      assert.ok(last?.status === 'fulfilled' && !last.value.ok && last.value.reason === 'insufficient_stock' && last.value.available === 0);
      const lv = await h.restock.inventory.levels('SKU-BATCH');
      assert.deepEqual([lv.totals.onHand, lv.totals.reserved, lv.totals.availableToSell], [3, 3, 0]);
      const rows = await h.restock.db.kysely.selectFrom('reservations').select('id').where('sku', '=', 'SKU-BATCH').execute();
      assert.equal(rows.length, 3, 'the failed request wrote nothing, the others one reservation each');
      const replay = await h.restock.inventory.replay('SKU-BATCH');
      assert.deepEqual(replay.map((r) => [r.onHand, r.reserved, r.committed]), [[3, 3, 0]]);
    });

    it('commits a reservation as a sale and ships it; the ledger replays to the levels', async () => {
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 2 });
      const c = await h.call('POST', `/v1/reservations/${r.body.id}/commit`, { reference: 'order-1' });
      assert.equal(c.status, 200);
      assert.equal(c.body.status, 'committed');
      const again = await h.call('POST', `/v1/reservations/${r.body.id}/commit`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'reservation_committed');
      let lv = await h.call('GET', '/v1/inventory/SKU-1');
      assert.equal(lv.body.totals.committed, 2);
      assert.equal(lv.body.totals.onHand, 10);
      const s = await h.call('POST', '/v1/inventory/shipments', { sku: 'SKU-1', location: 'WH1', quantity: 2, reference: 'order-1' });
      assert.equal(s.status, 200);
      lv = await h.call('GET', '/v1/inventory/SKU-1');
      assert.equal(lv.body.totals.onHand, 8);
      assert.equal(lv.body.totals.committed, 0);
      const tooMuch = await h.call('POST', '/v1/inventory/shipments', { sku: 'SKU-1', location: 'WH1', quantity: 1 });
      assert.equal(tooMuch.status, 409);
      await assertReplayMatches(h);
    });

    it('expires reservations: the sweeper releases them, and a commit after expiry is refused', async () => {
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 8, ttlSeconds: 60 });
      assert.equal(r.status, 201);
      assert.equal((await h.call('GET', '/v1/availability/SKU-1')).body.availableToSell, 0);
      h.clock.advance(61_000);
      const c = await h.call('POST', `/v1/reservations/${r.body.id}/commit`);
      assert.equal(c.status, 409);
      assert.equal(c.body.error.code, 'reservation_expired');
      assert.equal((await h.call('GET', `/v1/reservations/${r.body.id}`)).body.status, 'expired');
      assert.equal((await h.call('GET', '/v1/availability/SKU-1')).body.availableToSell, 8);

      const r2 = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 8, ttlSeconds: 30 });
      h.clock.advance(31_000);
      assert.equal(await h.restock.inventory.sweepExpired(), 1);
      assert.equal((await h.call('GET', `/v1/reservations/${r2.body.id}`)).body.status, 'expired');
      assert.equal((await h.call('GET', '/v1/availability/SKU-1')).body.availableToSell, 8);

      // An expired hold is also given back by the next reservation of its SKU, sweeper or not.
      const r3 = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 8, ttlSeconds: 30 });
      h.clock.advance(31_000);
      const r4 = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 8 });
      assert.equal(r4.status, 201);
      assert.equal((await h.call('GET', `/v1/reservations/${r3.body.id}`)).body.status, 'expired');
      await h.call('DELETE', `/v1/reservations/${r4.body.id}`);
      await assertReplayMatches(h);
    });

    it('a sweeper that finds every expired SKU locked by others skips them all, and sweeps them once they are free', async () => {
      await seedBasic(h, 'SKU-SWEEP', { WH1: 5 });
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-SWEEP', quantity: 2, ttlSeconds: 30 });
      assert.equal(r.status, 201);
      h.clock.advance(31_000);
      if (dialect === 'postgres') {
        // Another process holds the SKU (a checkout mid-transaction): SKIP LOCKED leaves the sweeper nothing to
        // work on, which once built the SQL `sku in ()`.
        const other = new pg.Client({ connectionString: h.url });
        await other.connect();
        try {
          await other.query('BEGIN');
          await other.query("SELECT sku FROM sku_state WHERE sku = 'SKU-SWEEP' FOR UPDATE");
          assert.equal(await h.restock.inventory.sweepExpired(), 0);
          assert.equal((await h.call('GET', `/v1/reservations/${r.body.id}`)).body.status, 'active');
          await other.query('COMMIT');
        } finally {
          await other.end();
        }
      }
      assert.equal(await h.restock.inventory.sweepExpired(), 1);
      assert.equal((await h.call('GET', `/v1/reservations/${r.body.id}`)).body.status, 'expired');
    });

    it('keeps safety stock out of sale and counts that undercut promises never show negative stock', async () => {
      await h.call('PUT', '/v1/inventory/SKU-1/locations/WH2', { safetyStock: 3 });
      assert.equal((await h.call('GET', '/v1/availability/SKU-1')).body.availableToSell, 5);
      const big = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 6 });
      assert.equal(big.status, 409);
      const r = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 5 });
      assert.equal(r.status, 201);
      // The warehouse counts fewer than are held: availability is 0, not negative.
      await h.call('POST', '/v1/inventory/feed', { lines: [{ sku: 'SKU-1', location: 'WH2', onHand: 1, idempotencyKey: 'count-low' }] }, { as: 'feed' });
      const a = await h.call('GET', '/v1/availability/SKU-1');
      assert.equal(a.body.availableToSell, 0);
      assert.ok(a.body.locations.every((l: any) => l.availableToSell >= 0));
      await h.call('DELETE', `/v1/reservations/${r.body.id}`);
      await h.call('PUT', '/v1/inventory/SKU-1/locations/WH2', { safetyStock: 0 });
      await h.call('POST', '/v1/inventory/feed', { lines: [{ sku: 'SKU-1', location: 'WH2', onHand: 6, idempotencyKey: 'count-back' }] }, { as: 'feed' });
      await assertReplayMatches(h);
    });

    it('transfers sellable units between locations', async () => {
      const before = (await h.call('GET', '/v1/inventory/SKU-1')).body.totals.onHand;
      const t = await h.call('POST', '/v1/inventory/transfers', { sku: 'SKU-1', from: 'WH2', to: 'ST1', quantity: 2 });
      assert.equal(t.status, 200);
      const lv = await h.call('GET', '/v1/inventory/SKU-1');
      assert.equal(lv.body.totals.onHand, before);
      assert.equal(lv.body.levels.find((l: any) => l.location === 'ST1').onHand, 2);
      const tooMany = await h.call('POST', '/v1/inventory/transfers', { sku: 'SKU-1', from: 'ST1', to: 'WH1', quantity: 3 });
      assert.equal(tooMany.status, 409);
      await assertReplayMatches(h);
    });

    it('writes availability events to the outbox in the same transaction as the change', async () => {
      await h.restock.catalog.upsert({ sku: 'EV-1', title: 'Evented', price: '1', policy: { lowStockThreshold: 2 } });
      const since = await maxEventId(h);
      await h.restock.inventory.applyFeed([{ sku: 'EV-1', location: 'WH1', onHand: 3, idempotencyKey: 'ev-1' }], 't');
      const r = await h.restock.inventory.reserveOrThrow({ sku: 'EV-1', quantity: 1 });
      await h.restock.inventory.reserveOrThrow({ sku: 'EV-1', quantity: 2 });
      await h.restock.inventory.releaseReservation(r.id);
      const types = (await eventsAfter(h, since)).filter((e) => e.sku === 'EV-1').map((e) => e.type);
      assert.deepEqual(types, [
        'inventory.availability_changed', 'inventory.back_in_stock', // 0 -> 3
        'inventory.availability_changed', 'inventory.low_stock', // 3 -> 2
        'inventory.availability_changed', 'inventory.out_of_stock', // 2 -> 0
        'inventory.availability_changed', 'inventory.back_in_stock', 'inventory.low_stock', // 0 -> 1
      ]);
      // A feed line seen before changes nothing and raises nothing.
      const mark = await maxEventId(h);
      const dup = await h.restock.inventory.applyFeed([{ sku: 'EV-1', location: 'WH1', onHand: 3, idempotencyKey: 'ev-1' }], 't');
      assert.equal(dup[0]?.status, 'duplicate');
      assert.equal((await eventsAfter(h, mark)).length, 0);
    });

    it('reflects product policy changes in availability at once', async () => {
      await h.restock.catalog.upsert({ sku: 'BO-1', title: 'Backorderable', price: '5', policy: { allowBackorder: true, leadTimeDays: 10 } });
      let a = await h.call('GET', '/v1/availability/BO-1', undefined, { as: 'storefront' });
      assert.equal(a.body.status, 'backorder');
      assert.equal(a.body.promisedDate, '2026-01-25');
      await h.restock.catalog.upsert({ sku: 'BO-1', title: 'Backorderable', price: '5', policy: { allowBackorder: false } });
      a = await h.call('GET', '/v1/availability/BO-1', undefined, { as: 'storefront' });
      assert.equal(a.body.status, 'out_of_stock');
      await h.restock.catalog.upsert({ sku: 'PRE-1', title: 'Soon', price: '5', status: 'upcoming', policy: { allowPreorder: true, releaseDate: '2026-03-01', preorderLimit: 10 } });
      a = await h.call('GET', '/v1/availability/PRE-1', undefined, { as: 'storefront' });
      assert.equal(a.body.status, 'preorder');
      assert.match(a.body.message, /2026-03-01/);
      const many = await h.call('POST', '/v1/availability', { skus: ['BO-1', 'PRE-1', 'NOPE-9'] }, { as: 'storefront' });
      assert.deepEqual(many.body.items.map((i: any) => i.sku), ['BO-1', 'PRE-1']);
      assert.deepEqual(many.body.unknown, ['NOPE-9']);
    });
  });
}

async function assertReplayMatches(h: Harness): Promise<void> {
  const replay = await h.restock.inventory.replay();
  const levels = await h.restock.db.kysely.selectFrom('stock_levels').selectAll().execute();
  const key = (s: string, l: string) => `${s}@${l}`;
  const replayed = new Map(replay.map((r) => [key(r.sku, r.location), r]));
  for (const l of levels) {
    const r = replayed.get(key(l.sku, l.location)) ?? { onHand: 0, reserved: 0, committed: 0 };
    assert.deepEqual({ onHand: l.on_hand, reserved: l.reserved, committed: l.committed }, { onHand: r.onHand, reserved: r.reserved, committed: r.committed }, `${l.sku}@${l.location}`);
  }
}

async function maxEventId(h: Harness): Promise<number> {
  const r = await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

async function eventsAfter(h: Harness, id: number) {
  return h.restock.db.kysely.selectFrom('events').selectAll().where('id', '>', id).orderBy('id').execute();
}
