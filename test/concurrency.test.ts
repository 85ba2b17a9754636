import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`no oversell under concurrency (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'HOT', { WH1: 400, WH2: 350, ST1: 250 });
    });
    after(async () => h?.close());

    it('50 clients × 200 single-unit attempts on 1,000 units: exactly 1,000 succeed', async () => {
      let ok = 0;
      let refused = 0;
      const other: number[] = [];
      const client = async () => {
        for (let i = 0; i < 200; i++) {
          const r = await h.call('POST', '/v1/reservations', { sku: 'HOT', quantity: 1 }, { as: 'checkout' });
          if (r.status === 201) ok++;
          else if (r.status === 409 && r.body.error.code === 'insufficient_stock') refused++;
          else other.push(r.status);
        }
      };
      await Promise.all(Array.from({ length: 50 }, client));
      assert.deepEqual(other, []);
      assert.equal(ok, 1000);
      assert.equal(refused, 9000);
      const lv = await h.restock.inventory.levels('HOT');
      assert.equal(lv.totals.reserved, 1000);
      assert.equal(lv.totals.availableToSell, 0);
      for (const l of lv.levels) assert.ok(l.reserved + l.committed <= l.onHand - l.safetyStock);
      const replay = await h.restock.inventory.replay('HOT');
      for (const l of lv.levels) {
        const r = replay.find((x) => x.location === l.location);
        assert.deepEqual([r?.onHand, r?.reserved, r?.committed], [l.onHand, l.reserved, l.committed]);
      }
      const count = await h.restock.db.kysely.selectFrom('reservations').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', '=', 'HOT').executeTakeFirst();
      assert.equal(Number(count?.n), 1000);
      assert.equal((await h.call('GET', '/v1/availability/HOT', undefined, { as: 'storefront' })).body.status, 'out_of_stock');
    });

    it('concurrent commits, releases and new reservations keep every unit accounted for', async () => {
      const ids = (await h.restock.db.kysely.selectFrom('reservations').select('id').where('sku', '=', 'HOT').where('status', '=', 'active').limit(300).execute()).map((r) => r.id);
      const work = ids.map((id, i) => (i % 2 === 0 ? h.restock.inventory.commitReservation(id) : h.restock.inventory.releaseReservation(id)));
      const grabs = Array.from({ length: 300 }, () => h.restock.inventory.reserve({ sku: 'HOT', quantity: 1 }));
      await Promise.all(work);
      const results = await Promise.all(grabs);
      const lv = await h.restock.inventory.levels('HOT');
      assert.equal(lv.totals.onHand, 1000);
      assert.equal(lv.totals.committed, 150);
      assert.equal(lv.totals.reserved + lv.totals.committed + lv.totals.availableToSell, 1000);
      assert.ok(results.filter((r) => r.ok).length <= 150);
    });
  });
}
