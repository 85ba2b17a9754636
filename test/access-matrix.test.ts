/**
 * Route by credential: every route the app registers (its route table, so a new route is seen the moment it is
 * added) × no key, an unknown key, and a key of each scope, against the table below of what each scope may do.
 * A route missing from the table fails the suite by name: each new route needs a decided scope. Bodies are empty
 * or invalid on purpose: 400, 404, 409 and the like mean "admitted" (past authentication and scope); only 401 and
 * 403 mean refused. SQLite only: this is about the HTTP edge, not the database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { ManualClock } from '../src/core/clock.ts';
import { testDatabase, type TestDb } from './helpers/db.ts';

type Scope = 'admin' | 'storefront' | 'checkout' | 'feed' | 'supplier';
/** 'public': no key needed; otherwise the scopes admitted besides admin ([] = admin only). */
type Access = 'public' | ReadonlyArray<Exclude<Scope, 'admin'>>;

const S = 'storefront';
const C = 'checkout';
const F = 'feed';
const SU = 'supplier';
const ADMIN: Access = [];

/**
 * What each scope may do. `storefront` is publishable (anyone has it): it reads, reserves within limits, releases,
 * subscribes, places browser orders (if the shop allows) and reads orders redacted — never commits, confirms or
 * cancels lines by id. `checkout` is the shop's secret backend key. `supplier` is bound to one supplier: it reads,
 * answers and ships that supplier's purchase orders, nothing else.
 */
const TABLE: Record<string, Access> = {
  // meta, docs and the pages
  'OPTIONS *': 'public',
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'HEAD /docs/': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/*': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  'GET /': 'public',
  'GET /dashboard': 'public',
  'GET /dashboard/': 'public',
  'GET /dashboard/*': 'public',
  'GET /widget': 'public',
  'GET /favicon.ico': 'public',
  // keys
  'POST /v1/keys': ADMIN,
  'GET /v1/keys': ADMIN,
  'POST /v1/keys/:id/revoke': ADMIN,
  // catalog
  'POST /v1/products': ADMIN,
  'GET /v1/products': [S, C],
  'GET /v1/products/:sku': [S, C],
  'PATCH /v1/products/:sku': ADMIN,
  'GET /v1/stock': ADMIN,
  'GET /v1/overview': ADMIN,
  // inventory
  'POST /v1/locations': ADMIN,
  'GET /v1/locations': [S, C, F],
  'POST /v1/inventory/feed': [F],
  'POST /v1/inventory/adjustments': [F],
  'POST /v1/inventory/receipts': [F],
  'POST /v1/inventory/shipments': [F],
  'POST /v1/inventory/transfers': [F],
  'PUT /v1/inventory/:sku/locations/:location': ADMIN,
  'GET /v1/inventory/:sku': [F],
  'GET /v1/inventory/:sku/ledger': ADMIN,
  'GET /v1/inventory/:sku/ledger.csv': ADMIN,
  'POST /v1/reservations': [S, C],
  'GET /v1/reservations/:id': [S, C],
  'DELETE /v1/reservations/:id': [S, C],
  'POST /v1/reservations/:id/commit': [C],
  'GET /v1/availability/:sku': [S, C, F],
  'POST /v1/availability': [S, C, F],
  // events and reactors
  'GET /v1/events': [S, C],
  'POST /v1/events/tickets': [S, C],
  'GET /v1/event-types': [S, C],
  'GET /v1/reactors': ADMIN,
  'GET /v1/reactors/parked': ADMIN,
  'POST /v1/reactors/parked/:id/retry': ADMIN,
  'POST /v1/reactors/parked/:id/discard': ADMIN,
  // orders
  'POST /v1/orders': [S, C],
  'GET /v1/orders/:id': [S, C],
  'POST /v1/orders/:id/confirm': [C],
  'POST /v1/orders/:id/lines/:lineId/cancel': [C],
  'GET /v1/order-links/:token': 'public',
  'POST /v1/order-links/:token/lines/:lineId/cancel': 'public',
  'GET /v1/settings/checkout': ADMIN,
  'PUT /v1/settings/checkout': ADMIN,
  'POST /v1/inbound': [F],
  'GET /v1/inbound': [F],
  'PATCH /v1/inbound/:id': [F],
  'POST /v1/inbound/:id/receive': [F],
  'GET /v1/backorders': ADMIN,
  'GET /v1/preorders': ADMIN,
  'GET /v1/settings/allocation': ADMIN,
  'PUT /v1/settings/allocation': ADMIN,
  // messages and webhooks
  'GET /v1/messages': ADMIN,
  'GET /v1/messages/:id': ADMIN,
  'GET /v1/messages/volume': ADMIN,
  'GET /v1/settings/alerts': ADMIN,
  'PUT /v1/settings/alerts': ADMIN,
  'GET /v1/webhooks/volume': ADMIN,
  'POST /v1/webhooks': ADMIN,
  'GET /v1/webhooks': ADMIN,
  'GET /v1/webhooks/:id': ADMIN,
  'PATCH /v1/webhooks/:id': ADMIN,
  'DELETE /v1/webhooks/:id': ADMIN,
  'GET /v1/webhooks/:id/deliveries': ADMIN,
  'GET /v1/webhooks/deliveries/:id': ADMIN,
  'POST /v1/webhooks/deliveries/:id/redeliver': ADMIN,
  // planning
  'GET /v1/forecasts/:sku': ADMIN,
  'GET /v1/forecasts/:sku/history': ADMIN,
  'POST /v1/forecasts/run': ADMIN,
  'GET /v1/jobs': ADMIN,
  'GET /v1/jobs/:id': ADMIN,
  // waitlist
  'POST /v1/waitlist': [S, C],
  'GET /v1/waitlist': ADMIN,
  'GET /v1/waitlist/stats': ADMIN,
  'GET /v1/settings/waitlist': ADMIN,
  'PUT /v1/settings/waitlist': ADMIN,
  'DELETE /v1/waitlist/:token': 'public',
  'GET /v1/waitlist/holds/:token': 'public',
  'GET /w/confirm/:token': 'public',
  'POST /w/confirm/:token': 'public',
  'GET /w/unsubscribe/:token': 'public',
  'POST /w/unsubscribe/:token': 'public',
  'GET /w/hold/:token': 'public',
  // suppliers and purchase orders: a supplier key reads, answers and ships its own orders only
  'POST /v1/suppliers': ADMIN,
  'GET /v1/suppliers': ADMIN,
  'GET /v1/suppliers/:id': ADMIN,
  'PATCH /v1/suppliers/:id': ADMIN,
  'GET /v1/suppliers/:id/performance': ADMIN,
  'GET /v1/suppliers/:id/webhook-secret': ADMIN,
  'POST /v1/suppliers/:id/offers': ADMIN,
  'GET /v1/suppliers/:id/offers': ADMIN,
  'PATCH /v1/offers/:id': ADMIN,
  'GET /v1/products/:sku/offers': ADMIN,
  'POST /v1/purchase-orders': ADMIN,
  'GET /v1/purchase-orders': [SU],
  'GET /v1/purchase-orders/:id': [SU],
  'GET /v1/purchase-orders/:id/decisions': ADMIN,
  'POST /v1/purchase-orders/:id/send': ADMIN,
  'POST /v1/purchase-orders/:id/answer': [SU],
  'POST /v1/purchase-orders/:id/ship': [SU],
  'POST /v1/purchase-orders/:id/receive': ADMIN,
  'POST /v1/purchase-orders/:id/cancel': ADMIN,
  // failover: settings, the SKU supply panel and the manual sweep are staff's
  'GET /v1/settings/supply': ADMIN,
  'PUT /v1/settings/supply': ADMIN,
  'GET /v1/supply/skus/:sku': ADMIN,
  'PUT /v1/supply/skus/:sku': ADMIN,
  'POST /v1/supply/sweep': ADMIN,
  // the supplier portal: no key, the signed link is the credential (refused without it: test/browser-portal.test.ts)
  'GET /portal/purchase-orders/:id': 'public',
  'GET /v1/portal/purchase-orders/:id': 'public',
  'POST /v1/portal/purchase-orders/:id/answer': 'public',
};

/** Static files of the pages (one route per file): public, whatever their names. */
const STATIC_FILE = /^(GET|HEAD) \/(shop|dashboard|shared|widget|assets)\/[\w.-]+\.(js|css|svg|png|ico|map)$/;

/** Requests that would not end (the event stream) are made to fail validation once admitted. */
const URL_OVERRIDES: Record<string, string> = { 'GET /v1/events': '/v1/events?types=no.such_type', 'HEAD /v1/events': '/v1/events?types=no.such_type' };

function accessOf(method: string, url: string): Access | undefined {
  const id = `${method} ${url}`;
  if (TABLE[id] !== undefined) return TABLE[id];
  // HEAD is GET without the body: the same decision.
  if (method === 'HEAD') return TABLE[`GET ${url}`] ?? TABLE[`HEAD ${url}`] ?? (STATIC_FILE.test(id) ? 'public' : undefined);
  return STATIC_FILE.test(id) ? 'public' : undefined;
}

const CREDENTIALS = ['none', 'unknown', 'admin', 'storefront', 'checkout', 'feed', 'supplier'] as const;
type Credential = (typeof CREDENTIALS)[number];

function expectedAdmitted(access: Access, who: Credential): boolean {
  if (access === 'public') return true;
  if (who === 'none' || who === 'unknown') return false;
  return who === 'admin' || (access as readonly string[]).includes(who);
}

describe('route × credential matrix (sqlite)', () => {
  let db: TestDb;
  let restock: Restock;
  let app: FastifyInstance;
  const keys: Record<Scope, string> = { admin: '', storefront: '', checkout: '', feed: '', supplier: '' };

  before(async () => {
    db = await testDatabase('sqlite');
    restock = await Restock.open({ databaseUrl: db.url, clock: new ManualClock() });
    for (const scope of Object.keys(keys) as Scope[]) keys[scope] = (await restock.keys.create(scope, undefined, scope === 'supplier' ? 'sup_matrix' : null)).key;
    app = await buildApp(restock, { web: { storefrontKey: keys.storefront } });
  });
  after(async () => {
    await app?.close();
    await restock?.close();
    await db?.drop();
  });

  it('every route has a decided scope in the table', () => {
    const missing = app.routeTable.filter((r) => accessOf(r.method, r.url) === undefined).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], `routes without a decided scope in test/access-matrix.test.ts TABLE: ${missing.join(', ')}`);
  });

  it('the table names no route that does not exist', () => {
    const present = new Set(app.routeTable.map((r) => `${r.method} ${r.url}`));
    const stale = Object.keys(TABLE).filter((id) => !present.has(id));
    assert.deepEqual(stale, [], `table entries for routes that are gone: ${stale.join(', ')}`);
  });

  it('the route config agrees with the table (public routes take no key; scoped ones name the same scopes)', () => {
    for (const r of app.routeTable) {
      const access = accessOf(r.method, r.url);
      if (access === undefined) continue;
      const id = `${r.method} ${r.url}`;
      if (access === 'public') assert.equal(r.scopes, null, `${id} is public in the table but its route asks for a key`);
      else assert.deepEqual([...(r.scopes ?? ['(public)'])].sort(), [...access].sort(), `${id}: route scopes differ from the table`);
    }
  });

  it('each route answers each credential as the table says: refused is 401 (no or unknown key) or 403 (scope)', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of app.routeTable) {
      const access = accessOf(r.method, r.url);
      if (access === undefined) continue;
      const id = `${r.method} ${r.url}`;
      const path = URL_OVERRIDES[id] ?? (r.url === '*' ? '/v1/products' : r.url.replace(/:[A-Za-z]+/g, 'x').replace(/\*/g, 'x'));
      for (const who of CREDENTIALS) {
        const headers: Record<string, string> = {};
        if (who === 'unknown') headers.authorization = 'Bearer rk_st_thisKeyWasNeverIssuedToAnyone000000';
        else if (who !== 'none') headers.authorization = `Bearer ${keys[who]}`;
        const req: InjectOptions = { method: r.method as InjectOptions['method'], url: path, headers };
        if (r.method === 'OPTIONS') Object.assign(headers, { origin: 'http://127.0.0.1:9', 'access-control-request-method': 'POST' });
        if (['POST', 'PUT', 'PATCH'].includes(r.method)) req.payload = {};
        const res = await app.inject(req);
        checked++;
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const admitted = expectedAdmitted(access, who);
        if (res.statusCode >= 500) wrong.push(`${id} as ${who}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (admitted && refused) wrong.push(`${id} as ${who}: refused ${res.statusCode}, the table admits it`);
        else if (!admitted && !refused) wrong.push(`${id} as ${who}: admitted ${res.statusCode}, the table refuses it`);
        else if (!admitted) {
          const expected = who === 'none' || who === 'unknown' ? 401 : 403;
          if (res.statusCode !== expected) wrong.push(`${id} as ${who}: ${res.statusCode}, expected ${expected}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(checked > 100 * CREDENTIALS.length, `only ${checked} requests checked`);
  });
});
