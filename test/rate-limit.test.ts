/**
 * Rate limits (http/rate-limit.ts): per API key and per client address on reservations, orders, waitlist
 * sign-ups and signed-link redemptions, and on failed authentications per address; each refusal a 429
 * `rate_limited` with `Retry-After`, in the error shape of every other error and listed in the OpenAPI document.
 * Counters live in the database (both dialects, one process here; two processes on one PostgreSQL database
 * below) or in Redis, and the sum admitted across processes stays at the limit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { DEFAULT_RATE_LIMITS, RATE_LIMITS_OFF, type RateLimitSettings } from '../src/core/config.ts';
import { buildApp } from '../src/api/app.ts';
import { Restock } from '../src/restock.ts';
import { DIALECTS, PG_AVAILABLE, testDatabase, type TestDb } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { startServer } from './helpers/server.ts';

const NONE = { perKey: 0, perAddress: 0 };
/** Every limit off but the ones a test names. */
const only = (over: Partial<RateLimitSettings>): RateLimitSettings => ({
  ...DEFAULT_RATE_LIMITS,
  reservations: NONE,
  orders: NONE,
  waitlist: NONE,
  tokensPerAddress: 0,
  authFailuresPerAddress: 0,
  ...over,
});

type Res = { statusCode: number; body: string; headers: Record<string, unknown> };
const json = (r: Res) => JSON.parse(r.body) as { error: { code: string; message: string; details: unknown } };

function assertLimited(r: Res, limit: number, windowSeconds = 60): void {
  assert.equal(r.statusCode, 429, r.body);
  const body = json(r);
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, 'rate_limited');
  assert.equal(typeof body.error.message, 'string');
  const d = body.error.details as { retryAfterSeconds: number; limit: number; windowSeconds: number };
  assert.deepEqual([d.limit, d.windowSeconds], [limit, windowSeconds]);
  assert.ok(Number.isInteger(d.retryAfterSeconds) && d.retryAfterSeconds >= 1 && d.retryAfterSeconds <= windowSeconds, JSON.stringify(d));
  assert.equal(r.headers['retry-after'], String(d.retryAfterSeconds));
}

for (const dialect of DIALECTS) {
  describe(`rate limits in the database store (${dialect})`, () => {
    let h: Harness;
    const reserve = (key: string, remoteAddress = '127.0.0.1') =>
      h.app.inject({ method: 'POST', url: '/v1/reservations', remoteAddress, headers: { authorization: `Bearer ${key}` }, payload: { sku: 'RL-1', quantity: 1 } });
    before(async () => {
      h = await harness(dialect, {
        app: { rateLimits: only({ reservations: { perKey: 3, perAddress: 5 }, waitlist: { perKey: 0, perAddress: 2 }, tokensPerAddress: 2, authFailuresPerAddress: 3 }) },
      });
      await seedBasic(h, 'RL-1', { WH1: 100 });
    });
    after(async () => h?.close());

    it('per key: the fourth reservation in the window is 429 with Retry-After, writes nothing, and the window ends', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await reserve(h.keys.checkout)).statusCode, 201);
      const refused = await reserve(h.keys.checkout);
      assertLimited(refused, 3);
      const n = await h.restock.db.kysely.selectFrom('reservations').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', '=', 'RL-1').executeTakeFirst();
      assert.equal(Number(n?.n), 3, 'a refused request reserved nothing');
      // Another key has its own count.
      assert.equal((await reserve(h.keys.admin)).statusCode, 201);
      // Past the window the key may reserve again.
      h.clock.advance(61_000);
      assert.equal((await reserve(h.keys.checkout)).statusCode, 201);
    });

    it('per client address: a sixth request from one address is refused whatever key it carries; another address is not', async () => {
      h.clock.advance(61_000);
      const keys = [h.keys.storefront, h.keys.admin, h.keys.storefront, h.keys.admin, h.keys.storefront];
      for (const k of keys) {
        const r = await reserve(k, '127.0.0.2');
        assert.equal(r.statusCode, 201, r.body);
      }
      const fresh = (await h.restock.keys.create('storefront')).key;
      assertLimited(await reserve(fresh, '127.0.0.2'), 5);
      assert.equal((await reserve(fresh, '127.0.0.3')).statusCode, 201);
    });

    it('failed authentications: after 3 401s the address gets 429 before any key is looked up, even a good one', async () => {
      h.clock.advance(61_000);
      const verify = h.restock.keys.verify.bind(h.restock.keys);
      let lookups = 0;
      h.restock.keys.verify = async (secret: string) => {
        lookups++;
        return verify(secret);
      };
      try {
        const bad = () => h.app.inject({ method: 'GET', url: '/v1/availability/RL-1', remoteAddress: '127.0.0.4', headers: { authorization: 'Bearer rk_st_not-a-key' } });
        for (let i = 0; i < 3; i++) assert.equal((await bad()).statusCode, 401);
        assert.equal(lookups, 3);
        assertLimited(await bad(), 3);
        const before = lookups;
        assertLimited(await bad(), 3);
        assertLimited(await h.app.inject({ method: 'GET', url: '/v1/availability/RL-1', remoteAddress: '127.0.0.4', headers: { authorization: `Bearer ${h.keys.storefront}` } }), 3);
        assertLimited(await h.app.inject({ method: 'GET', url: '/v1/availability/RL-1', remoteAddress: '127.0.0.4' }), 3);
        assert.equal(lookups, before, 'no key was looked up for a blocked address');
        // Another address is not affected; the blocked one is let in again once the window has ended.
        assert.equal((await h.app.inject({ method: 'GET', url: '/v1/availability/RL-1', remoteAddress: '127.0.0.5', headers: { authorization: `Bearer ${h.keys.storefront}` } })).statusCode, 200);
        h.clock.advance(61_000);
        assert.equal((await h.app.inject({ method: 'GET', url: '/v1/availability/RL-1', remoteAddress: '127.0.0.4', headers: { authorization: `Bearer ${h.keys.storefront}` } })).statusCode, 200);
      } finally {
        h.restock.keys.verify = verify;
      }
    });

    it('waitlist sign-ups and signed-link redemptions per address', async () => {
      h.clock.advance(61_000);
      const sub = (email: string) => h.app.inject({ method: 'POST', url: '/v1/waitlist', remoteAddress: '127.0.0.6', headers: { authorization: `Bearer ${h.keys.storefront}` }, payload: { sku: 'RL-1', email } });
      assert.equal((await sub('a@example.com')).statusCode, 202);
      assert.equal((await sub('b@example.com')).statusCode, 202);
      assertLimited(await sub('c@example.com'), 2);
      const link = (url: string) => h.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.7' });
      assert.equal((await link('/w/unsubscribe/not-a-token-at-all')).statusCode, 400);
      assert.equal((await link('/w/confirm/not-a-token-at-all')).statusCode, 400);
      assertLimited(await link('/w/hold/not-a-token-at-all'), 2);
      assertLimited(await h.app.inject({ method: 'DELETE', url: '/v1/waitlist/not-a-token-at-all', remoteAddress: '127.0.0.7' }), 2);
    });

    it('the counters are rows of rate_limits; ended windows are swept', async () => {
      const rows = await h.restock.db.kysely.selectFrom('rate_limits').selectAll().execute();
      assert.ok(rows.some((r) => r.key === 'waitlist:ip:127.0.0.6'), JSON.stringify(rows));
      assert.ok(rows.some((r) => r.key === 'tokens:ip:127.0.0.7'), JSON.stringify(rows));
      h.clock.advance(3600_000);
      assert.equal((await reserve(h.keys.checkout, '127.0.0.8')).statusCode, 201);
      let left = rows.length;
      for (let i = 0; i < 200 && left > 2; i++) {
        await new Promise((r) => setTimeout(r, 25));
        left = (await h.restock.db.kysely.selectFrom('rate_limits').select('key').execute()).length;
      }
      assert.ok(left <= 2, `${left} counters left after their windows ended`);
    });

    it('the OpenAPI document lists rate_limited under 429 on the limited operations', async () => {
      const doc = (await h.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }> }> }>> };
      for (const [path, method] of [['/v1/reservations', 'post'], ['/v1/orders', 'post'], ['/v1/waitlist', 'post'], ['/v1/waitlist/{token}', 'delete'], ['/v1/waitlist/holds/{token}', 'get'], ['/v1/availability/{sku}', 'get']] as const) {
        const codes = doc.paths[path]?.[method]?.responses['429']?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum;
        assert.deepEqual(codes, ['rate_limited'], `${method} ${path}`);
      }
    });
  });
}

describe('rate limits off', () => {
  it('RATE_LIMIT=off admits everything', async () => {
    const h = await harness('sqlite', { app: { rateLimits: { ...RATE_LIMITS_OFF, reservations: { perKey: 1, perAddress: 1 }, authFailuresPerAddress: 1 } } });
    try {
      await seedBasic(h, 'RL-OFF', { WH1: 10 });
      for (let i = 0; i < 3; i++) assert.equal((await h.call('POST', '/v1/reservations', { sku: 'RL-OFF', quantity: 1 }, { as: 'storefront' })).status, 201);
      for (let i = 0; i < 3; i++) assert.equal((await h.call('GET', '/v1/availability/RL-OFF', undefined, { as: 'none' })).status, 401);
      assert.equal((await h.restock.db.kysely.selectFrom('rate_limits').select('key').execute()).length, 0);
    } finally {
      await h.close();
    }
  });
});

const REDIS_URL = process.env.RESTOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
const REDIS = await redisReachable();
if (!REDIS && process.env.CI === 'true') throw new Error(`Redis is required under CI but ${REDIS_URL} is not reachable`);

describe('rate limits in Redis, two servers sharing it', { skip: REDIS ? false : `Redis not reachable at ${REDIS_URL} (set RESTOCK_TEST_REDIS_URL)` }, () => {
  let db: TestDb;
  let restock: Restock;
  const settings = only({ store: 'redis', redisUrl: REDIS_URL, reservations: { perKey: 7, perAddress: 0 }, authFailuresPerAddress: 4 });
  let apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  let key = '';
  let keyId = '';
  before(async () => {
    db = await testDatabase('sqlite');
    restock = await Restock.open({ databaseUrl: db.url });
    await restock.inventory.upsertLocation({ code: 'WH1', name: 'W1', type: 'warehouse', priority: 1, region: 'EU' });
    await restock.catalog.upsert({ sku: 'RD-1', title: 'Redis mug', price: '3' });
    await restock.inventory.applyFeed([{ sku: 'RD-1', location: 'WH1', onHand: 100, idempotencyKey: 'rd' }], 'seed');
    const k = await restock.keys.create('storefront');
    key = k.key;
    keyId = k.apiKey.id;
    apps = [await buildApp(restock, { rateLimits: settings }), await buildApp(restock, { rateLimits: settings })];
    // The address's counter of an earlier run may still be live in Redis.
    const r = new Redis(REDIS_URL);
    const left = await r.keys('restock-rl:*auth-failures:ip:127.0.0.9');
    if (left.length > 0) await r.del(...left);
    await r.quit();
  });
  after(async () => {
    for (const a of apps) await a.close();
    const r = new Redis(REDIS_URL);
    const stale = await r.keys(`restock-rl:*${keyId}*`);
    const auth = await r.keys('restock-rl:*auth-failures:ip:127.0.0.9');
    if (stale.length + auth.length > 0) await r.del(...stale, ...auth);
    await r.quit();
    await restock?.close();
    await db?.drop();
  });

  it('admits exactly the limit across both, then answers 429 with Retry-After from either', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => apps[i % 2]!.inject({ method: 'POST', url: '/v1/reservations', headers: { authorization: `Bearer ${key}` }, payload: { sku: 'RD-1', quantity: 1 } })),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 7, codes.join(','));
    assert.equal(codes.filter((c) => c === 429).length, 13);
    for (const r of results.filter((x) => x.statusCode === 429)) assertLimited(r, 7);
  });

  it('counts failed authentications across both', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await apps[i % 2]!.inject({ method: 'GET', url: '/v1/availability/RD-1', remoteAddress: '127.0.0.9', headers: { authorization: 'Bearer nope' } })).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 429, 429, 429, 429]);
  });
});

describe('rate limits across two processes on one PostgreSQL database', { skip: PG_AVAILABLE ? false : 'PostgreSQL not available (set RESTOCK_TEST_PG_URL)' }, () => {
  let db: TestDb;
  let servers: Array<{ proc: ChildProcess; base: string }> = [];
  let key = '';
  before(async () => {
    db = await testDatabase('postgres');
    const r = await Restock.open({ databaseUrl: db.url });
    await r.inventory.upsertLocation({ code: 'WH1', name: 'W1', type: 'warehouse', priority: 1, region: 'EU' });
    await r.catalog.upsert({ sku: 'MPL-1', title: 'Limited', price: '3' });
    await r.inventory.applyFeed([{ sku: 'MPL-1', location: 'WH1', onHand: 500, idempotencyKey: 'a' }], 'seed');
    key = (await r.keys.create('checkout')).key;
    await r.close();
    const env = { RATE_LIMIT_RESERVATIONS_PER_KEY: '25', RATE_LIMIT_RESERVATIONS_PER_ADDRESS: '0', RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS: '6' };
    servers = await Promise.all([startServer(db.url, env), startServer(db.url, env)]);
  });
  after(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db?.drop();
  });

  it('the sum of reservations admitted by both stays at the limit', async () => {
    const counts = new Map<number, number>();
    const client = async (base: string) => {
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ sku: 'MPL-1', quantity: 1 }) });
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        const body = (await res.json()) as { error?: { code: string } };
        if (res.status === 429) {
          assert.equal(body.error?.code, 'rate_limited');
          assert.ok(Number(res.headers.get('retry-after')) >= 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => client(servers[i % 2]!.base)));
    assert.deepEqual(Object.fromEntries(counts), { 201: 25, 429: 55 });
  });

  it('failed authentications are counted across both', async () => {
    let unauthorized = 0;
    let limited = 0;
    for (let i = 0; i < 16; i++) {
      const res = await fetch(`${servers[i % 2]!.base}/v1/availability/MPL-1`, { headers: { authorization: 'Bearer rk_st_wrong' } });
      await res.arrayBuffer();
      if (res.status === 401) unauthorized++;
      else if (res.status === 429) limited++;
    }
    assert.deepEqual({ unauthorized, limited }, { unauthorized: 6, limited: 10 });
  });
});
