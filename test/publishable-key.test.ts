/**
 * The storefront key is publishable: whatever it can do, anyone can. It reserves within limits, places orders
 * only where the shop allows browser checkout (awaiting payment, confirmed by the shop's backend with a secret
 * `checkout` key), never commits a reservation, and reads orders without the customer's data. Shoppers reach
 * their order through a signed order link.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, testDatabase, type TestDialect } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { ManualClock } from '../src/core/clock.ts';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';

type Reply = Awaited<ReturnType<Harness['call']>>;

function assertError(r: Reply, status: number, code: string, mention?: RegExp): void {
  const where = `${r.status} ${r.raw.slice(0, 400)}`;
  assert.equal(r.status, status, where);
  assert.equal(r.body?.error?.code, code, where);
  if (mention) assert.match(r.body.error.message, mention, where);
}

const customer = (n: number) => ({ id: `cust-${n}`, email: `shopper${n}@example.com`, tier: 'gold' });

for (const dialect of DIALECTS) {
  describe(`publishable storefront key (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'TENT', { WH1: 100, WH2: 44 });
      await seedBasic(h, 'BOOT', { WH1: 2 });
      await h.restock.catalog.upsert({ sku: 'BOOT', title: 'Boot', price: '80.00', policy: { allowBackorder: true, backorderLimit: 50, leadTimeDays: 10 } });
    });
    after(async () => h?.close());

    it('cannot sell out the shop: 144 units for 7 days are refused, and commit needs the checkout key', async () => {
      const before = (await h.restock.inventory.levels('TENT')).totals;
      const big = await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 144, ttlSeconds: 7 * 24 * 3600 }, { as: 'storefront' });
      assertError(big, 403, 'publishable_limit');
      assert.equal(big.body.error.details.limit, 'maxQuantity');
      const long = await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 1, ttlSeconds: 7 * 24 * 3600 }, { as: 'storefront' });
      assertError(long, 403, 'publishable_limit');
      assert.equal(long.body.error.details.limit, 'maxTtlSeconds');
      // Within the limits a reservation is made, but only a secret key turns it into a sale.
      const ok = await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 2 }, { as: 'storefront' });
      assert.equal(ok.status, 201, ok.raw);
      assertError(await h.call('POST', `/v1/reservations/${ok.body.id}/commit`, {}, { as: 'storefront' }), 403, 'forbidden', /checkout/);
      assert.equal((await h.call('GET', `/v1/reservations/${ok.body.id}`, undefined, { as: 'storefront' })).body.status, 'active');
      assert.equal((await h.call('DELETE', `/v1/reservations/${ok.body.id}`, undefined, { as: 'storefront' })).status, 200);
      assert.deepEqual((await h.restock.inventory.levels('TENT')).totals, before);
      // The shop's backend holds the checkout key: it commits what its checkout reserved.
      const server = await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 20, ttlSeconds: 3600 }, { as: 'checkout' });
      assert.equal(server.status, 201, server.raw);
      assert.equal((await h.call('POST', `/v1/reservations/${server.body.id}/commit`, {}, { as: 'checkout' })).status, 200);
    });

    it('limits are settings an admin reads and changes; neither publishable nor checkout keys may', async () => {
      const got = await h.call('GET', '/v1/settings/checkout');
      assert.equal(got.status, 200, got.raw);
      assert.equal(got.body.browserOrders, false);
      assert.equal(typeof got.body.publishable.maxQuantity, 'number');
      for (const as of ['storefront', 'checkout', 'feed'] as const) {
        assertError(await h.call('PUT', '/v1/settings/checkout', got.body, { as }), 403, 'forbidden');
      }
      const bad = await h.call('PUT', '/v1/settings/checkout', { ...got.body, publishable: { ...got.body.publishable, maxQuantity: 0 } });
      assertError(bad, 400, 'invalid_request');
      const set = await h.call('PUT', '/v1/settings/checkout', { ...got.body, publishable: { ...got.body.publishable, maxQuantity: 3 } });
      assert.equal(set.status, 200, set.raw);
      assertError(await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 4 }, { as: 'storefront' }), 403, 'publishable_limit');
      const three = await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 3 }, { as: 'storefront' });
      assert.equal(three.status, 201, three.raw);
      await h.call('DELETE', `/v1/reservations/${three.body.id}`, undefined, { as: 'storefront' });
      assert.equal((await h.call('PUT', '/v1/settings/checkout', got.body)).status, 200);
    });

    it('reservations per SKU per client (key and address) in a window: the next is 429 with Retry-After', async () => {
      const base = (await h.call('GET', '/v1/settings/checkout')).body;
      const put = await h.call('PUT', '/v1/settings/checkout', { ...base, publishable: { ...base.publishable, reservationsPerSku: { limit: 2, windowSeconds: 600 } } });
      assert.equal(put.status, 200, put.raw);
      const reserve = (ip: string, sku = 'TENT') =>
        h.app.inject({ method: 'POST', url: '/v1/reservations', remoteAddress: ip, headers: { authorization: `Bearer ${h.keys.storefront}` }, payload: { sku, quantity: 1 } });
      for (let i = 0; i < 2; i++) {
        const r = await reserve('127.0.0.21');
        assert.equal(r.statusCode, 201, r.body);
        // A released reservation still counts: reserve and release in a loop is what the limit is for.
        await h.call('DELETE', `/v1/reservations/${JSON.parse(r.body).id}`, undefined, { as: 'storefront' });
      }
      const third = await reserve('127.0.0.21');
      assert.equal(third.statusCode, 429, third.body);
      const err = JSON.parse(third.body).error;
      assert.equal(err.code, 'rate_limited');
      assert.deepEqual({ limit: err.details.limit, windowSeconds: err.details.windowSeconds }, { limit: 2, windowSeconds: 600 });
      assert.ok(err.details.retryAfterSeconds >= 1 && err.details.retryAfterSeconds <= 600);
      assert.equal(third.headers['retry-after'], String(err.details.retryAfterSeconds));
      // Another address, another SKU, or a secret key are not limited by it.
      assert.equal((await reserve('127.0.0.22')).statusCode, 201);
      assert.equal((await reserve('127.0.0.21', 'BOOT')).statusCode, 201);
      assert.equal((await h.call('POST', '/v1/reservations', { sku: 'TENT', quantity: 1 }, { as: 'checkout' })).status, 201);
      // The window moves on.
      h.clock.advance(601_000);
      assert.equal((await reserve('127.0.0.21')).statusCode, 201);
      assert.equal((await h.call('PUT', '/v1/settings/checkout', base)).status, 200);
    });

    it('with browser checkout off, the storefront key cannot place orders (403 saying so)', async () => {
      const r = await h.call('POST', '/v1/orders', { customer: customer(1), lines: [{ sku: 'TENT', quantity: 1 }] }, { as: 'storefront' });
      assertError(r, 403, 'forbidden', /browser checkout is off/);
      const placed = await h.call('POST', '/v1/orders', { customer: customer(1), lines: [{ sku: 'TENT', quantity: 1 }] }, { as: 'checkout' });
      assert.equal(placed.status, 201, placed.raw);
      assert.equal(placed.body.payment.status, 'confirmed');
    });

    it('an order read with the storefront key shows no email, customer id or tier', async () => {
      const placed = await h.call('POST', '/v1/orders', { customer: customer(2), lines: [{ sku: 'TENT', quantity: 1 }] }, { as: 'checkout' });
      assert.equal(placed.status, 201, placed.raw);
      const read = await h.call('GET', `/v1/orders/${placed.body.id}`, undefined, { as: 'storefront' });
      assert.equal(read.status, 200, read.raw);
      assert.ok(!read.raw.includes('shopper2@example.com'), read.raw);
      assert.ok(!read.raw.includes('cust-2'), read.raw);
      assert.ok(!read.raw.includes('gold'), read.raw);
      assert.equal(read.body.lines.length, 1);
      // The secret key sees the customer.
      const full = await h.call('GET', `/v1/orders/${placed.body.id}`, undefined, { as: 'checkout' });
      assert.equal(full.body.customer.email, 'shopper2@example.com');
      // And only a secret key cancels lines by id.
      assertError(await h.call('POST', `/v1/orders/${placed.body.id}/lines/${placed.body.lines[0].id}/cancel`, {}, { as: 'storefront' }), 403, 'forbidden');
    });

    it('browser orders wait for payment; the backend confirms; unconfirmed ones are cancelled after their TTL', async () => {
      const base = (await h.call('GET', '/v1/settings/checkout')).body;
      assert.equal((await h.call('PUT', '/v1/settings/checkout', { ...base, browserOrders: true, paymentTtlSeconds: 600 })).status, 200);
      const free = async () => (await h.restock.inventory.levels('TENT')).totals.availableToSell;
      const start = await free();
      const a = await h.call('POST', '/v1/orders', { customer: customer(3), lines: [{ sku: 'TENT', quantity: 2 }] }, { as: 'storefront' });
      assert.equal(a.status, 201, a.raw);
      assert.equal(a.body.payment.status, 'pending');
      assert.equal(a.body.payment.expiresAt, new Date(h.clock.now().getTime() + 600_000).toISOString());
      assert.ok(!a.raw.includes('shopper3@example.com'), 'the placement answer to a publishable key is redacted too');
      assert.match(a.body.links.self, /\/o\/[^/]+$/);
      assert.equal(typeof a.body.token, 'string');
      const b = await h.call('POST', '/v1/orders', { customer: customer(4), lines: [{ sku: 'TENT', quantity: 1 }, { sku: 'BOOT', quantity: 5 }] }, { as: 'storefront' });
      assert.equal(b.status, 201, b.raw);
      assert.equal(await free(), start - 3);
      // The shop's backend confirms a after payment; the storefront key may not.
      assertError(await h.call('POST', `/v1/orders/${a.body.id}/confirm`, {}, { as: 'storefront' }), 403, 'forbidden');
      const conf = await h.call('POST', `/v1/orders/${a.body.id}/confirm`, {}, { as: 'checkout' });
      assert.equal(conf.status, 200, conf.raw);
      assert.equal(conf.body.payment.status, 'confirmed');
      assert.equal((await h.call('POST', `/v1/orders/${a.body.id}/confirm`, {}, { as: 'checkout' })).body.payment.status, 'confirmed', 'again is harmless');
      // b is never paid: after its TTL the sweeper cancels its lines and the stock is free again.
      h.clock.advance(601_000);
      assertError(await h.call('POST', `/v1/orders/${b.body.id}/confirm`, {}, { as: 'checkout' }), 409, 'payment_expired');
      const [n1, n2] = await Promise.all([h.restock.orders.sweepUnpaid(), h.restock.orders.sweepUnpaid()]);
      assert.equal(n1 + n2, 1, 'two sweepers cancel the order once between them');
      const gone = await h.call('GET', `/v1/orders/${b.body.id}`, undefined, { as: 'checkout' });
      assert.equal(gone.body.payment.status, 'expired');
      assert.deepEqual(gone.body.lines.map((l: { status: string }) => l.status), ['cancelled', 'cancelled']);
      assert.equal(await free(), start - 2);
      assert.equal((await h.call('GET', `/v1/orders/${a.body.id}`, undefined, { as: 'checkout' })).body.lines[0].status, 'confirmed');
      assert.equal(await h.restock.orders.sweepUnpaid(), 0);
      assert.equal((await h.call('PUT', '/v1/settings/checkout', base)).status, 200);
    });

    it('the signed order link shows the shopper their order (email masked) and cancels their own waiting lines', async () => {
      const placed = await h.call('POST', '/v1/orders', { customer: customer(5), lines: [{ sku: 'TENT', quantity: 1 }, { sku: 'BOOT', quantity: 3 }] }, { as: 'checkout' });
      assert.equal(placed.status, 201, placed.raw);
      const token: string = placed.body.token;
      assert.equal(placed.body.links.self, `${h.restock.publicUrl}/o/${token}`);
      const view = await h.call('GET', `/v1/order-links/${token}`, undefined, { as: 'none' });
      assert.equal(view.status, 200, view.raw);
      assert.equal(view.body.id, placed.body.id);
      assert.equal(view.body.email, 's***5@example.com');
      assert.ok(!view.raw.includes('cust-5') && !view.raw.includes('gold'), view.raw);
      const [stockLine, waitingLine] = placed.body.lines;
      assert.equal(waitingLine.status, 'backordered');
      // A line confirmed from stock is not the shopper's to cancel through the link.
      assertError(await h.call('POST', `/v1/order-links/${token}/lines/${stockLine.id}/cancel`, {}, { as: 'none' }), 409, 'invalid_line_transition');
      const c = await h.call('POST', `/v1/order-links/${token}/lines/${waitingLine.id}/cancel`, {}, { as: 'none' });
      assert.equal(c.status, 200, c.raw);
      assert.equal(c.body.lines[1].status, 'cancelled');
      assert.equal(c.body.email, 's***5@example.com');
      // A link for another order cannot reach this order's lines; an altered link is refused.
      const other = await h.call('POST', '/v1/orders', { customer: customer(6), lines: [{ sku: 'BOOT', quantity: 1 }] }, { as: 'checkout' });
      assertError(await h.call('POST', `/v1/order-links/${other.body.token}/lines/${stockLine.id}/cancel`, {}, { as: 'none' }), 404, 'unknown_order_line');
      assertError(await h.call('GET', `/v1/order-links/${token.slice(0, -2)}xx`, undefined, { as: 'none' }), 400, 'invalid_token');
      // Tokens of another purpose (a waitlist link) do not open orders.
      const wrong = h.restock.signer.sign({ p: 'unsubscribe', s: placed.body.id });
      assertError(await h.call('GET', `/v1/order-links/${wrong}`, undefined, { as: 'none' }), 400, 'invalid_token');
    });
  });

  describe(`publishable limits hold across processes (${dialect})`, () => {
    it('two processes on one database count one window', async () => {
      await crossProcess(dialect);
    });
  });
}

async function crossProcess(dialect: TestDialect): Promise<void> {
  const db = await testDatabase(dialect);
  const clock = new ManualClock();
  const a = await Restock.open({ databaseUrl: db.url, clock });
  const b = await Restock.open({ databaseUrl: db.url, clock });
  try {
    const appA = await buildApp(a);
    const appB = await buildApp(b);
    await a.inventory.upsertLocation({ code: 'WH1', name: 'W', type: 'warehouse', priority: 1, region: 'EU' });
    await a.catalog.upsert({ sku: 'X', title: 'X', price: '1.00' });
    await a.inventory.applyFeed([{ sku: 'X', location: 'WH1', onHand: 100, idempotencyKey: 'x' }], 'seed');
    const key = (await a.keys.create('storefront')).key;
    const current = await a.orders.checkoutSettings();
    await a.orders.setCheckoutSettings({ ...current, publishable: { ...current.publishable, reservationsPerSku: { limit: 3, windowSeconds: 900 } } });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? appA : appB;
      codes.push((await app.inject({ method: 'POST', url: '/v1/reservations', headers: { authorization: `Bearer ${key}` }, payload: { sku: 'X', quantity: 1 } })).statusCode);
    }
    assert.deepEqual(codes, [201, 201, 201, 429, 429, 429]);
    await appA.close();
    await appB.close();
  } finally {
    await a.close();
    await b.close();
    await db.drop();
  }
}
