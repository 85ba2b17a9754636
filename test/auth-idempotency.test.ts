/**
 * API-key scopes and revocation, and `Idempotency-Key`: a replay answers what the first request answered and has
 * no second effect; another body under the same key is refused; keys belong to one API key; concurrent
 * duplicates have one effect between them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

const SKU = 'SKU-1';

type Reply = Awaited<ReturnType<Harness['call']>>;

/** A call with a raw key (not one of the harness's three). */
function withKey(h: Harness, key: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return h.call(method, url, body, { as: 'none', headers: { authorization: `Bearer ${key}`, ...headers } });
}

function assertError(r: Reply, status: number, code: string, mention?: RegExp): void {
  const where = `${r.status} ${r.raw.slice(0, 300)}`;
  assert.equal(r.status, status, where);
  assert.equal(r.body?.error?.code, code, where);
  assert.equal(typeof r.body.error.message, 'string');
  assert.ok(r.body.error.message.length > 0, where);
  assert.ok('details' in r.body.error, where);
  if (mention) assert.match(r.body.error.message, mention, where);
}

async function reservationCount(h: Harness): Promise<number> {
  const r = await h.restock.db.kysely.selectFrom('reservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function ledgerLength(h: Harness, sku = SKU): Promise<number> {
  return (await h.restock.inventory.ledger(sku, 0, 100_000)).length;
}

async function totals(h: Harness, sku = SKU) {
  return (await h.restock.inventory.levels(sku)).totals;
}

for (const dialect of DIALECTS) {
  describe(`API key scopes (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, SKU, { WH1: 50, WH2: 20 });
    });
    after(async () => h?.close());

    /** Requests only an admin key may make (each would change something if admitted). */
    const adminOnly = (): Array<[string, string, unknown]> => [
      ['POST', '/v1/products', { sku: SKU, title: 'Renamed', price: '1.00' }],
      ['POST', '/v1/locations', { code: 'WH9', name: 'New', type: 'warehouse', priority: 9, region: 'EU' }],
      ['PUT', `/v1/inventory/${SKU}/locations/WH1`, { safetyStock: 3 }],
      ['GET', `/v1/inventory/${SKU}/ledger`, undefined],
    ];
    /** Requests for feed (and admin) keys. */
    const feedOnly = (): Array<[string, string, unknown]> => [
      ['POST', '/v1/inventory/feed', { lines: [{ sku: SKU, location: 'WH1', onHand: 99, idempotencyKey: 'scope-feed' }] }],
      ['POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH1', quantity: 5 }],
      ['POST', '/v1/inventory/adjustments', { sku: SKU, location: 'WH1', delta: -1 }],
      ['POST', '/v1/inventory/shipments', { sku: SKU, location: 'WH1', quantity: 1 }],
      ['POST', '/v1/inventory/transfers', { sku: SKU, from: 'WH1', to: 'WH2', quantity: 1 }],
      ['GET', `/v1/inventory/${SKU}`, undefined],
    ];

    it('a storefront key reads availability and products and reserves and releases; the checkout key commits', async () => {
      assert.equal((await h.call('GET', `/v1/availability/${SKU}`, undefined, { as: 'storefront' })).status, 200);
      const many = await h.call('POST', '/v1/availability', { skus: [SKU, 'NOPE'] }, { as: 'storefront' });
      assert.equal(many.status, 200, many.raw);
      assert.deepEqual(many.body.unknown, ['NOPE']);
      assert.equal((await h.call('GET', `/v1/products/${SKU}`, undefined, { as: 'storefront' })).status, 200);
      assert.equal((await h.call('GET', '/v1/locations', undefined, { as: 'storefront' })).status, 200);
      const r = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront' });
      assert.equal(r.status, 201, r.raw);
      assert.equal((await h.call('GET', `/v1/reservations/${r.body.id}`, undefined, { as: 'storefront' })).status, 200);
      assert.equal((await h.call('POST', `/v1/reservations/${r.body.id}/commit`, {}, { as: 'storefront' })).status, 403);
      assert.equal((await h.call('POST', `/v1/reservations/${r.body.id}/commit`, {}, { as: 'checkout' })).status, 200);
      const r2 = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront' });
      assert.equal((await h.call('DELETE', `/v1/reservations/${r2.body.id}`, undefined, { as: 'storefront' })).status, 200);
    });

    it('a storefront key may not write products, locations, safety stock, feeds or movements (403), and nothing changes', async () => {
      const before1 = await h.restock.inventory.levels(SKU);
      const ledger = await ledgerLength(h);
      const product = await h.restock.catalog.get(SKU);
      for (const [method, url, body] of [...adminOnly(), ...feedOnly()]) {
        const r = await h.call(method, url, body, { as: 'storefront' });
        assertError(r, 403, 'forbidden', /scope .*storefront/);
      }
      assert.deepEqual(await h.restock.inventory.levels(SKU), before1);
      assert.equal(await ledgerLength(h), ledger);
      assert.deepEqual(await h.restock.catalog.get(SKU), product);
      assert.equal((await h.restock.inventory.listLocations()).some((l) => l.code === 'WH9'), false);
    });

    it('a feed key feeds, moves stock and reads levels and availability', async () => {
      const feed = await h.call('POST', '/v1/inventory/feed', { lines: [{ sku: SKU, location: 'WH1', delta: 2, idempotencyKey: 'feed-scope-ok' }] }, { as: 'feed' });
      assert.equal(feed.status, 200, feed.raw);
      assert.equal((await h.call('POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH2', quantity: 3 }, { as: 'feed' })).status, 200);
      assert.equal((await h.call('POST', '/v1/inventory/adjustments', { sku: SKU, location: 'WH2', delta: -1 }, { as: 'feed' })).status, 200);
      assert.equal((await h.call('POST', '/v1/inventory/transfers', { sku: SKU, from: 'WH2', to: 'WH1', quantity: 1 }, { as: 'feed' })).status, 200);
      assert.equal((await h.call('POST', '/v1/inventory/shipments', { sku: SKU, location: 'WH1', quantity: 1 }, { as: 'feed' })).status, 200);
      assert.equal((await h.call('GET', `/v1/inventory/${SKU}`, undefined, { as: 'feed' })).status, 200);
      assert.equal((await h.call('GET', `/v1/availability/${SKU}`, undefined, { as: 'feed' })).status, 200);
      assert.equal((await h.call('POST', '/v1/availability', { skus: [SKU] }, { as: 'feed' })).status, 200);
    });

    it('a feed key may not reserve, commit, release, read reservations or write the catalog (403)', async () => {
      const held = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 2 }, { as: 'storefront' });
      assert.equal(held.status, 201);
      const count = await reservationCount(h);
      const before1 = await h.restock.inventory.levels(SKU);
      for (const [method, url, body] of [
        ['POST', '/v1/reservations', { sku: SKU, quantity: 1 }],
        ['POST', `/v1/reservations/${held.body.id}/commit`, {}],
        ['DELETE', `/v1/reservations/${held.body.id}`, undefined],
        ['GET', `/v1/reservations/${held.body.id}`, undefined],
        ...adminOnly(),
      ] as Array<[string, string, unknown]>) {
        const r = await h.call(method, url, body, { as: 'feed' });
        assertError(r, 403, 'forbidden', /scope .*feed/);
      }
      assert.equal(await reservationCount(h), count);
      assert.deepEqual(await h.restock.inventory.levels(SKU), before1);
      assert.equal((await h.restock.inventory.getReservation(held.body.id)).status, 'active');
    });

    it('an admin key may do everything', async () => {
      const calls: Array<[string, string, unknown, number]> = [
        ['POST', '/v1/products', { sku: 'ADMIN-1', title: 'Made by admin', price: '2.50' }, 201],
        ['POST', '/v1/products', { sku: 'ADMIN-1', title: 'Renamed by admin', price: '2.50' }, 200],
        ['POST', '/v1/locations', { code: 'WH9', name: 'Warehouse 9', type: 'warehouse', priority: 9, region: 'EU' }, 201],
        ['POST', '/v1/inventory/feed', { lines: [{ sku: 'ADMIN-1', location: 'WH9', onHand: 10, idempotencyKey: 'admin-feed' }] }, 200],
        ['POST', '/v1/inventory/receipts', { sku: 'ADMIN-1', location: 'WH9', quantity: 2 }, 200],
        ['POST', '/v1/inventory/adjustments', { sku: 'ADMIN-1', location: 'WH9', delta: -1 }, 200],
        ['POST', '/v1/inventory/transfers', { sku: 'ADMIN-1', from: 'WH9', to: 'WH1', quantity: 1 }, 200],
        ['PUT', '/v1/inventory/ADMIN-1/locations/WH9', { safetyStock: 1 }, 200],
        ['GET', '/v1/inventory/ADMIN-1', undefined, 200],
        ['GET', '/v1/inventory/ADMIN-1/ledger', undefined, 200],
        ['GET', '/v1/availability/ADMIN-1', undefined, 200],
        ['POST', '/v1/availability', { skus: ['ADMIN-1'] }, 200],
        ['GET', '/v1/locations', undefined, 200],
      ];
      for (const [method, url, body, status] of calls) {
        const r = await h.call(method, url, body, { as: 'admin' });
        assert.equal(r.status, status, `${method} ${url}: ${r.raw.slice(0, 200)}`);
      }
      const r = await h.call('POST', '/v1/reservations', { sku: 'ADMIN-1', quantity: 2, location: 'WH9' }, { as: 'admin' });
      assert.equal(r.status, 201, r.raw);
      assert.equal((await h.call('GET', `/v1/reservations/${r.body.id}`, undefined, { as: 'admin' })).status, 200);
      assert.equal((await h.call('POST', `/v1/reservations/${r.body.id}/commit`, { reference: 'o-1' }, { as: 'admin' })).status, 200);
      assert.equal((await h.call('POST', '/v1/inventory/shipments', { sku: 'ADMIN-1', location: 'WH9', quantity: 2 }, { as: 'admin' })).status, 200);
      const r2 = await h.call('POST', '/v1/reservations', { sku: 'ADMIN-1', quantity: 1 }, { as: 'admin' });
      assert.equal((await h.call('DELETE', `/v1/reservations/${r2.body.id}`, undefined, { as: 'admin' })).status, 200);
      assert.deepEqual(await totals(h, 'ADMIN-1'), { onHand: 9, reserved: 0, committed: 0, safetyStock: 1, inbound: 0, availableToSell: 8 });
    });

    it('a revoked key is refused with 401, whatever its scope', async () => {
      for (const scope of ['storefront', 'feed', 'admin'] as const) {
        const { key, apiKey } = await h.restock.keys.create(scope, `to revoke (${scope})`);
        const url = scope === 'feed' ? `/v1/inventory/${SKU}` : `/v1/availability/${SKU}`;
        assert.equal((await withKey(h, key, 'GET', url)).status, 200);
        assert.equal(await h.restock.keys.revoke(apiKey.id), true);
        assertError(await withKey(h, key, 'GET', url), 401, 'unauthorized', /revoked/);
      }
    });

    it('a revoked key cannot reserve or receive any more, and nothing changes', async () => {
      const { key: sf, apiKey: sfKey } = await h.restock.keys.create('storefront');
      const { key: ad, apiKey: adKey } = await h.restock.keys.create('admin');
      assert.equal((await withKey(h, sf, 'POST', '/v1/reservations', { sku: SKU, quantity: 1 })).status, 201);
      await h.restock.keys.revoke(sfKey.id);
      await h.restock.keys.revoke(adKey.id);
      const count = await reservationCount(h);
      const t = await totals(h);
      assertError(await withKey(h, sf, 'POST', '/v1/reservations', { sku: SKU, quantity: 1 }), 401, 'unauthorized');
      assertError(await withKey(h, ad, 'POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH1', quantity: 1 }), 401, 'unauthorized');
      assertError(await withKey(h, ad, 'POST', '/v1/products', { sku: SKU, title: 'Revoked rename', price: '1' }), 401, 'unauthorized');
      assert.equal(await reservationCount(h), count);
      assert.deepEqual(await totals(h), t);
      assert.notEqual((await h.restock.catalog.get(SKU)).title, 'Revoked rename');
    });

    it('an admin key makes, lists and revokes keys over HTTP; the secret is shown once and works at once', async () => {
      const made = await h.call('POST', '/v1/keys', { scope: 'storefront', name: 'shop front over HTTP' });
      assert.equal(made.status, 201, made.raw);
      assert.match(made.body.key, /^rk_st_/);
      assert.equal(made.body.apiKey.scope, 'storefront');
      assert.equal(made.body.apiKey.revokedAt, null);
      assert.ok(made.body.key.startsWith(made.body.apiKey.prefix));
      assert.equal((await withKey(h, made.body.key, 'GET', `/v1/availability/${SKU}`)).status, 200);

      const listed = await h.call('GET', '/v1/keys');
      assert.equal(listed.status, 200, listed.raw);
      const mine = listed.body.items.find((k: { id: string }) => k.id === made.body.apiKey.id);
      assert.deepEqual(mine, made.body.apiKey);
      assert.ok(!listed.raw.includes(made.body.key), 'the list never carries a secret');

      const revoked = await h.call('POST', `/v1/keys/${made.body.apiKey.id}/revoke`);
      assert.equal(revoked.status, 200, revoked.raw);
      assert.equal(typeof revoked.body.revokedAt, 'string');
      assertError(await withKey(h, made.body.key, 'GET', `/v1/availability/${SKU}`), 401, 'unauthorized', /revoked/);
      // Again is harmless and keeps the first revocation time.
      const again = await h.call('POST', `/v1/keys/${made.body.apiKey.id}/revoke`);
      assert.equal(again.status, 200);
      assert.equal(again.body.revokedAt, revoked.body.revokedAt);
      assertError(await h.call('POST', '/v1/keys/key_nope/revoke'), 404, 'unknown_key');
    });

    it('only an admin key may touch keys, and a bad scope is a 400 that makes nothing', async () => {
      const before = (await h.restock.keys.list()).length;
      for (const as of ['storefront', 'feed'] as const) {
        assertError(await h.call('GET', '/v1/keys', undefined, { as }), 403, 'forbidden');
        assertError(await h.call('POST', '/v1/keys', { scope: 'admin' }, { as }), 403, 'forbidden');
      }
      assertError(await h.call('POST', '/v1/keys', { scope: 'root' }), 400, 'invalid_request', /scope/);
      assertError(await h.call('POST', '/v1/keys', { scope: 'feed', name: '' }), 400, 'invalid_request', /name/);
      assert.equal((await h.restock.keys.list()).length, before);
    });

    it('no key, or a malformed Authorization header, is a 401', async () => {
      assertError(await h.call('GET', `/v1/availability/${SKU}`, undefined, { as: 'none' }), 401, 'unauthorized', /API key/);
      for (const header of ['Basic Zm9vOmJhcg==', 'Bearer', 'Bearer  two words', h.keys.admin, `Token ${h.keys.admin}`]) {
        assertError(await h.call('GET', `/v1/availability/${SKU}`, undefined, { as: 'none', headers: { authorization: header } }), 401, 'unauthorized');
      }
      assertError(await withKey(h, `${h.keys.admin}x`, 'GET', `/v1/availability/${SKU}`), 401, 'unauthorized', /not valid/);
    });
  });

  describe(`Idempotency-Key (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, SKU, { WH1: 30, WH2: 10 });
    });
    after(async () => h?.close());

    const idem = (key: string) => ({ 'idempotency-key': key });

    it('the same key and body replays the first response with idempotent-replayed: true, and reserves once', async () => {
      const count = await reservationCount(h);
      const t = await totals(h);
      const ledger = await ledgerLength(h);
      const body = { sku: SKU, quantity: 2, reference: 'cart-1' };
      const first = await h.call('POST', '/v1/reservations', body, { as: 'storefront', headers: idem('idem-reserve-1') });
      assert.equal(first.status, 201, first.raw);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      for (let i = 0; i < 3; i++) {
        // Same body with keys in another order: the same request.
        const again = await h.call('POST', '/v1/reservations', { reference: 'cart-1', quantity: 2, sku: SKU }, { as: 'storefront', headers: idem('idem-reserve-1') });
        assert.equal(again.status, 201);
        assert.equal(again.headers['idempotent-replayed'], 'true');
        assert.match(String(again.headers['content-type']), /^application\/json/);
        assert.equal(again.raw, first.raw);
      }
      assert.equal(await reservationCount(h), count + 1);
      assert.equal((await totals(h)).reserved, t.reserved + 2);
      assert.equal(await ledgerLength(h), ledger + 1);
    });

    it('the same key with another body is a 409 idempotency_key_reused, with no effect', async () => {
      const count = await reservationCount(h);
      const t = await totals(h);
      const first = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('idem-reuse') });
      assert.equal(first.status, 201);
      for (const body of [{ sku: SKU, quantity: 3 }, { sku: SKU, quantity: 1, reference: 'x' }, { sku: SKU, quantity: 1, location: 'WH2' }]) {
        const r = await h.call('POST', '/v1/reservations', body, { as: 'storefront', headers: idem('idem-reuse') });
        assertError(r, 409, 'idempotency_key_reused', /different request/);
        assert.equal(r.headers['idempotent-replayed'], undefined);
      }
      // Another endpoint under the same key is another request too.
      const other = await h.call('DELETE', `/v1/reservations/${first.body.id}`, undefined, { as: 'storefront', headers: idem('idem-reuse') });
      assertError(other, 409, 'idempotency_key_reused');
      assert.equal(await reservationCount(h), count + 1);
      assert.equal((await totals(h)).reserved, t.reserved + 1);
      assert.equal((await h.restock.inventory.getReservation(first.body.id)).status, 'active');
    });

    it('keys belong to one API key: another key may use the same string for its own request', async () => {
      const other = await h.restock.keys.create('storefront', 'second shop front');
      const count = await reservationCount(h);
      const body = { sku: SKU, quantity: 1, reference: 'shared-key' };
      const a = await h.call('POST', '/v1/reservations', body, { as: 'storefront', headers: idem('idem-shared') });
      const b = await withKey(h, other.key, 'POST', '/v1/reservations', body, idem('idem-shared'));
      const c = await h.call('POST', '/v1/reservations', body, { as: 'admin', headers: idem('idem-shared') });
      for (const r of [a, b, c]) {
        assert.equal(r.status, 201, r.raw);
        assert.equal(r.headers['idempotent-replayed'], undefined);
      }
      assert.equal(new Set([a.body.id, b.body.id, c.body.id]).size, 3);
      assert.equal(await reservationCount(h), count + 3);
      // Each replays its own.
      const b2 = await withKey(h, other.key, 'POST', '/v1/reservations', body, idem('idem-shared'));
      assert.equal(b2.headers['idempotent-replayed'], 'true');
      assert.equal(b2.body.id, b.body.id);
      // A different body under the other key's string is that key's business only.
      assertError(await withKey(h, other.key, 'POST', '/v1/reservations', { sku: SKU, quantity: 5 }, idem('idem-shared')), 409, 'idempotency_key_reused');
      assert.equal(await reservationCount(h), count + 3);
    });

    it('a replayed 409 insufficient_stock stays a 409 even once the stock is there', async () => {
      const available = (await totals(h)).availableToSell;
      const want = available + 5;
      const count = await reservationCount(h);
      const first = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: want }, { as: 'checkout', headers: idem('idem-short') });
      assertError(first, 409, 'insufficient_stock');
      assert.equal(first.body.error.details.available, available);
      assert.equal((await h.call('POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH2', quantity: 10 }, { as: 'feed' })).status, 200);
      const replay = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: want }, { as: 'checkout', headers: idem('idem-short') });
      assertError(replay, 409, 'insufficient_stock');
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.raw, first.raw);
      assert.equal(await reservationCount(h), count);
      // The stock is really there now: under a fresh key the same request succeeds.
      const fresh = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: want }, { as: 'checkout', headers: idem('idem-short-2') });
      assert.equal(fresh.status, 201, fresh.raw);
      assert.equal((await h.call('DELETE', `/v1/reservations/${fresh.body.id}`, undefined, { as: 'checkout' })).status, 200);
    });

    it('a replayed 404 stays a 404', async () => {
      const first = await h.call('POST', '/v1/reservations', { sku: 'LATER-1', quantity: 1 }, { as: 'storefront', headers: idem('idem-404') });
      assertError(first, 404, 'unknown_sku');
      await h.restock.catalog.upsert({ sku: 'LATER-1', title: 'Later', price: '1' });
      const replay = await h.call('POST', '/v1/reservations', { sku: 'LATER-1', quantity: 1 }, { as: 'storefront', headers: idem('idem-404') });
      assert.equal(replay.status, 404);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.raw, first.raw);
    });

    it('commit, release, receipts and feeds replay without a second effect', async () => {
      const r = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 3 }, { as: 'storefront' });
      assert.equal(r.status, 201);
      const ledger = await ledgerLength(h);
      const commit = () => h.call('POST', `/v1/reservations/${r.body.id}/commit`, { reference: 'order-7' }, { as: 'checkout', headers: idem('idem-commit') });
      const c1 = await commit();
      const c2 = await commit();
      assert.equal(c1.status, 200, c1.raw);
      assert.equal(c2.status, 200);
      assert.equal(c2.headers['idempotent-replayed'], 'true');
      assert.equal(c2.raw, c1.raw);
      assert.equal(await ledgerLength(h), ledger + 1);
      // Without the key, a second commit is what it is: a conflict.
      assertError(await h.call('POST', `/v1/reservations/${r.body.id}/commit`, { reference: 'order-7' }, { as: 'checkout' }), 409, 'reservation_committed');

      const r2 = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront' });
      const d1 = await h.call('DELETE', `/v1/reservations/${r2.body.id}`, undefined, { as: 'storefront', headers: idem('idem-release') });
      const d2 = await h.call('DELETE', `/v1/reservations/${r2.body.id}`, undefined, { as: 'storefront', headers: idem('idem-release') });
      assert.equal(d1.status, 200);
      assert.equal(d2.headers['idempotent-replayed'], 'true');
      assert.equal(d2.raw, d1.raw);

      const t = await totals(h);
      const receive = () => h.call('POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH1', quantity: 4, reference: 'po-1' }, { as: 'feed', headers: idem('idem-receipt') });
      const g1 = await receive();
      const g2 = await receive();
      assert.equal(g1.status, 200, g1.raw);
      assert.equal(g2.headers['idempotent-replayed'], 'true');
      assert.equal(g2.raw, g1.raw);
      assert.equal((await totals(h)).onHand, t.onHand + 4);

      const feedBody = { lines: [{ sku: SKU, location: 'WH2', delta: 2, idempotencyKey: 'line-idem-feed' }] };
      const f1 = await h.call('POST', '/v1/inventory/feed', feedBody, { as: 'feed', headers: idem('idem-feed') });
      const f2 = await h.call('POST', '/v1/inventory/feed', feedBody, { as: 'feed', headers: idem('idem-feed') });
      assert.equal(f1.status, 200, f1.raw);
      assert.equal(f1.body.lines[0].status, 'applied');
      // The replay is the stored answer ("applied"), not a second run ("duplicate").
      assert.equal(f2.headers['idempotent-replayed'], 'true');
      assert.equal(f2.raw, f1.raw);
      assert.equal((await totals(h)).onHand, t.onHand + 6);
    });

    it('an Idempotency-Key over 255 characters is refused (400) and the request is not applied', async () => {
      const count = await reservationCount(h);
      const r = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('k'.repeat(256)) });
      assertError(r, 400, 'invalid_idempotency_key', /Idempotency-Key/);
      assert.equal(await reservationCount(h), count);
      const ok = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('k'.repeat(255)) });
      assert.equal(ok.status, 201, ok.raw);
    });

    it('a revoked key gets a 401, not its stored replay', async () => {
      const { key, apiKey } = await h.restock.keys.create('storefront');
      const body = { sku: SKU, quantity: 1 };
      assert.equal((await withKey(h, key, 'POST', '/v1/reservations', body, idem('idem-revoked'))).status, 201);
      await h.restock.keys.revoke(apiKey.id);
      const r = await withKey(h, key, 'POST', '/v1/reservations', body, idem('idem-revoked'));
      assertError(r, 401, 'unauthorized');
      assert.equal(r.headers['idempotent-replayed'], undefined);
    });

    it('20 concurrent identical reservations under one key reserve exactly once', async (t) => {
      const count = await reservationCount(h);
      const before1 = await totals(h);
      const body = { sku: SKU, quantity: 3, reference: 'double-click' };
      const replies = await Promise.all(
        Array.from({ length: 20 }, () => h.call('POST', '/v1/reservations', body, { as: 'storefront', headers: idem('idem-concurrent') })),
      );
      const created = replies.filter((r) => r.status === 201);
      const busy = replies.filter((r) => r.status === 409);
      assert.equal(created.length + busy.length, 20, replies.map((r) => `${r.status} ${r.raw.slice(0, 100)}`).join('\n'));
      t.diagnostic(`${created.length} created or replayed, ${busy.length} refused as in progress`);
      for (const r of busy) assertError(r, 409, 'idempotency_in_progress');
      assert.ok(created.length >= 1);
      assert.equal(created.filter((r) => r.headers['idempotent-replayed'] === undefined).length, 1, 'exactly one request ran');
      assert.equal(new Set(created.map((r) => r.body.id)).size, 1);
      assert.equal(await reservationCount(h), count + 1);
      assert.equal((await totals(h)).reserved, before1.reserved + 3);
      // Once settled, the key replays.
      const later = await h.call('POST', '/v1/reservations', body, { as: 'storefront', headers: idem('idem-concurrent') });
      assert.equal(later.status, 201);
      assert.equal(later.headers['idempotent-replayed'], 'true');
      assert.equal(later.body.id, created[0]!.body.id);
    });

    it('20 concurrent identical receipts under one key receive exactly once', async () => {
      const t = await totals(h);
      const ledger = await ledgerLength(h);
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          h.call('POST', '/v1/inventory/receipts', { sku: SKU, location: 'WH2', quantity: 7 }, { as: 'feed', headers: idem('idem-concurrent-receipt') }),
        ),
      );
      for (const r of replies) {
        if (r.status === 409) assertError(r, 409, 'idempotency_in_progress');
        else assert.equal(r.status, 200, r.raw);
      }
      assert.equal(replies.filter((r) => r.status === 200 && r.headers['idempotent-replayed'] === undefined).length, 1);
      assert.equal((await totals(h)).onHand, t.onHand + 7);
      assert.equal(await ledgerLength(h), ledger + 1);
    });

    it('20 concurrent requests under one key with different bodies: one runs, the rest are refused', async () => {
      const count = await reservationCount(h);
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1, reference: `variant-${i}` }, { as: 'storefront', headers: idem('idem-concurrent-mixed') })),
      );
      const created = replies.filter((r) => r.status === 201);
      assert.equal(created.length, 1, replies.map((r) => `${r.status} ${r.raw.slice(0, 100)}`).join('\n'));
      for (const r of replies.filter((x) => x.status !== 201)) {
        assert.equal(r.status, 409, r.raw);
        assert.ok(['idempotency_key_reused', 'idempotency_in_progress'].includes(r.body.error.code), r.raw);
      }
      assert.equal(await reservationCount(h), count + 1);
    });
  });
}
