import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

// Which location an order's units come from (issue 12, §7): the customer's region first, then priority; one
// location for the whole order when one can; a line split across locations only when the order allows it.
for (const dialect of DIALECTS) {
  describe(`fulfilment source of order lines (${dialect})`, () => {
    let h: Harness;
    let n = 0;
    const place = (lines: Array<{ sku: string; quantity: number }>, fulfilment?: Record<string, unknown>) =>
      h.call('POST', '/v1/orders', { customer: { id: `c${++n}`, email: `c${n}@example.com` }, lines, ...(fulfilment ? { fulfilment } : {}) }, { as: 'checkout' });
    const committed = async (sku: string): Promise<Record<string, number>> => {
      const lv = await h.restock.inventory.levels(sku);
      return Object.fromEntries(lv.levels.filter((l) => l.committed > 0).map((l) => [l.location, l.committed]));
    };

    before(async () => {
      h = await harness(dialect);
      // WH1 (EU, priority 1), WH2 (EU, priority 2), ST1 (US, priority 3).
      await seedBasic(h, 'F-A', { WH1: 3, WH2: 10, ST1: 10 });
      await seedBasic(h, 'F-B', { WH1: 10, WH2: 10, ST1: 10 });
      await seedBasic(h, 'F-C', { WH1: 4, WH2: 4 });
    });
    after(async () => h?.close());

    it('serves a line from one location that has it all rather than splitting by priority', async () => {
      const r = await place([{ sku: 'F-A', quantity: 5 }]);
      assert.equal(r.status, 201, r.raw);
      assert.deepEqual(await committed('F-A'), { WH2: 5 });
    });

    it("draws from the customer's region first, and keeps a whole order at one location", async () => {
      const r = await place([{ sku: 'F-A', quantity: 2 }, { sku: 'F-B', quantity: 2 }], { region: 'US' });
      assert.equal(r.status, 201, r.raw);
      assert.deepEqual(await committed('F-A'), { WH2: 5, ST1: 2 });
      assert.deepEqual(await committed('F-B'), { ST1: 2 });
    });

    it('splits a line across locations only when the order allows it', async () => {
      const refused = await place([{ sku: 'F-C', quantity: 6 }], { allowSplit: false });
      assert.equal(refused.status, 409, refused.raw);
      assert.equal(refused.body.error.code, 'order_refused');
      assert.equal(refused.body.error.details.lines[0].code, 'no_single_location');
      assert.deepEqual(await committed('F-C'), {}, 'nothing moved');
      const split = await place([{ sku: 'F-C', quantity: 6 }]);
      assert.equal(split.status, 201, split.raw);
      assert.deepEqual(await committed('F-C'), { WH1: 4, WH2: 2 });
    });

    it('refuses an unknown fulfilment field with a 400', async () => {
      const r = await place([{ sku: 'F-B', quantity: 1 }], { region: 'US', pick: 'fastest' });
      assert.equal(r.status, 400, r.raw);
    });
  });
}
