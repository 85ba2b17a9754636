/**
 * The availability routes' fast path: each cached Availability is serialised once and its JSON reused (see
 * inventory/routes.ts), so these check that what goes out is still exactly the schema's JSON of the current
 * value — after writes, across a new day, for one SKU and for many — and that the key check's cached answer
 * still gives way to a revocation at once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { DIALECTS } from './helpers/db.ts';

/** The field order of the Availability schema, which fast-json-stringify writes in. */
const FIELDS = ['sku', 'status', 'availableToSell', 'locations', 'nextInboundDate', 'promisedDate', 'message', 'version'];

for (const dialect of DIALECTS) {
  describe(`availability over HTTP (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'AV-1', { WH1: 10 });
      await h.restock.catalog.upsert({ sku: 'AV-2', title: 'Second', price: '5.00' });
    });
    after(async () => h?.close());

    it('answers the schema JSON of the current value, compact and in schema order, again and after each write', async () => {
      for (let round = 0; round < 3; round++) {
        const a = await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'storefront' });
        const b = await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'storefront' });
        assert.equal(a.status, 200);
        assert.match(String(a.headers['content-type']), /^application\/json; charset=utf-8$/);
        assert.equal(a.raw, b.raw, 'a repeated read sends the same bytes');
        assert.deepEqual(Object.keys(a.body), FIELDS);
        assert.equal(a.raw, JSON.stringify(a.body), 'compact JSON, nothing but the schema fields');
        assert.deepEqual(a.body, JSON.parse(JSON.stringify(await h.restock.inventory.availability('AV-1'))));
        assert.equal(a.body.availableToSell, 10 - round);
        // A write puts a new value in the cache; the next read must show it, not the JSON made for the old one.
        const r = await h.call('POST', '/v1/reservations', { sku: 'AV-1', quantity: 1 }, { as: 'checkout' });
        assert.equal(r.status, 201);
      }
    });

    it('many SKUs: the items are byte for byte the one-SKU answers, unknown SKUs listed apart, order and repeats kept', async () => {
      const one = async (sku: string) => (await h.call('GET', `/v1/availability/${sku}`, undefined, { as: 'feed' })).raw;
      const res = await h.call('POST', '/v1/availability', { skus: ['AV-2', 'NOPE-1', 'AV-1', 'AV-2'] }, { as: 'storefront' });
      assert.equal(res.status, 200);
      assert.equal(res.raw, `{"items":[${await one('AV-2')},${await one('AV-1')},${await one('AV-2')}],"unknown":["NOPE-1"]}`);
      assert.equal(res.raw, JSON.stringify(res.body));
      const none = await h.call('POST', '/v1/availability', { skus: ['NOPE-2'] }, { as: 'storefront' });
      assert.equal(none.raw, '{"items":[],"unknown":["NOPE-2"]}');
    });

    it('an unknown SKU is still a 404 error body, and a bad one a 400', async () => {
      const res = await h.call('GET', '/v1/availability/NOPE-3', undefined, { as: 'storefront' });
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'unknown_sku');
      const bad = await h.call('GET', '/v1/availability/%20bad%20', undefined, { as: 'storefront' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_request');
    });

    it('a new day starts the cache afresh (promised dates count from today), and so does a clock set back', async () => {
      const cache = h.restock.inventory.cache;
      await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'storefront' });
      assert.ok(cache.get('AV-1'), 'cached after a read');
      h.clock.advance(60_000);
      await h.call('GET', '/v1/availability/AV-2', undefined, { as: 'storefront' });
      assert.ok(cache.get('AV-1'), 'the same day keeps the cache');
      h.clock.advance(24 * 3_600_000);
      await h.call('GET', '/v1/availability/AV-2', undefined, { as: 'storefront' });
      assert.equal(cache.get('AV-1'), undefined, 'the next day dropped it');
      await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'storefront' });
      h.clock.advance(-24 * 3_600_000);
      await h.call('GET', '/v1/availability/AV-2', undefined, { as: 'storefront' });
      assert.equal(cache.get('AV-1'), undefined, 'a clock set back to the day before dropped it too');
    });

    it('a cached key answers without a promise, and a revocation in this process stops it at once', async () => {
      const { key, apiKey } = await h.restock.keys.create('storefront', 'cached then revoked');
      assert.equal((await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'none', headers: { authorization: `Bearer ${key}` } })).status, 200);
      const cached = h.restock.keys.verify(key);
      assert.ok(!(cached instanceof Promise), 'the second look-up is served from the cache');
      assert.equal((cached as { id: string } | null)?.id, apiKey.id);
      assert.equal(await h.restock.keys.revoke(apiKey.id), true);
      const res = await h.call('GET', '/v1/availability/AV-1', undefined, { as: 'none', headers: { authorization: `Bearer ${key}` } });
      assert.equal(res.status, 401);
      assert.match(res.body.error.message, /revoked/);
    });
  });
}

describe('request log URLs', () => {
  it('a plain path is written as it is; anything that may hold a secret still goes through redaction', async () => {
    const { requestLogSerializers } = await import('../src/http/logging.ts');
    const url = (u: string) => requestLogSerializers.req({ method: 'GET', url: u }).url;
    assert.equal(url('/v1/availability/SKU-1'), '/v1/availability/SKU-1');
    assert.equal(url('/v1/x/rk_st_abcdefghijklmnopqrstuvwx'), '/v1/x/[redacted]');
    assert.equal(url('/v1/x/%72k_st_abcdefghijklmnopqrstuvwx'), '/v1/x/[redacted]');
    assert.equal(url('/o/abcdefgh.abcdefghijklmnopqrstuvwxyz0123456789'), '/o/[redacted]');
    assert.equal(url('/v1/events?ticket=abc&sku=A'), '/v1/events?ticket=[redacted]&sku=A');
  });
});
