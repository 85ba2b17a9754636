/** A running Restock on a fresh database, with its Fastify app (inject) and one key per scope. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ManualClock } from '../../src/core/clock.ts';
import { Restock } from '../../src/restock.ts';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import type { RestockOptions } from '../../src/restock.ts';
import { testDatabase, type TestDialect } from './db.ts';

export interface Harness {
  restock: Restock;
  app: FastifyInstance;
  clock: ManualClock;
  keys: { admin: string; storefront: string; checkout: string; feed: string };
  url: string;
  /** inject with the admin key unless `as` says otherwise. */
  call(method: string, url: string, body?: unknown, opts?: { as?: 'admin' | 'storefront' | 'checkout' | 'feed' | 'none'; headers?: Record<string, string> }): Promise<{ status: number; body: any; raw: string; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** `restock` and `app` pass options through (e.g. the webhook address policy, idempotency limits). */
export async function harness(
  dialect: TestDialect,
  opts: { clock?: ManualClock; restock?: Omit<RestockOptions, 'databaseUrl' | 'clock'>; app?: AppOptions } = {},
): Promise<Harness> {
  const db = await testDatabase(dialect);
  const clock = opts.clock ?? new ManualClock();
  const restock = await Restock.open({ ...opts.restock, databaseUrl: db.url, clock });
  const app = await buildApp(restock, opts.app);
  const keys = {
    admin: (await restock.keys.create('admin')).key,
    storefront: (await restock.keys.create('storefront')).key,
    checkout: (await restock.keys.create('checkout')).key,
    feed: (await restock.keys.create('feed')).key,
  };
  return {
    restock,
    app,
    clock,
    keys,
    url: db.url,
    async call(method, url, body, o = {}) {
      const as = o.as ?? 'admin';
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (as !== 'none') headers.authorization = `Bearer ${keys[as]}`;
      const req: InjectOptions = { method: method as InjectOptions['method'], url, headers };
      if (body !== undefined) {
        if (typeof body === 'string') {
          req.payload = body;
          headers['content-type'] ??= 'application/json';
        } else req.payload = body as Record<string, unknown>;
      }
      const res = await app.inject(req);
      let parsed: unknown = null;
      try {
        parsed = res.body ? JSON.parse(res.body) : null;
      } catch {
        parsed = res.body;
      }
      return { status: res.statusCode, body: parsed, raw: res.body, headers: res.headers as Record<string, unknown> };
    },
    async close() {
      await app.close();
      await restock.close();
      await db.drop();
    },
  };
}

/** Two warehouses and a store, and a product with stock: the shop most tests start from. */
export async function seedBasic(h: Harness, sku = 'SKU-1', perLocation: Record<string, number> = { WH1: 10 }): Promise<void> {
  await h.restock.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
  await h.restock.inventory.upsertLocation({ code: 'WH2', name: 'Warehouse 2', type: 'warehouse', priority: 2, region: 'EU' });
  await h.restock.inventory.upsertLocation({ code: 'ST1', name: 'Store 1', type: 'store', priority: 3, region: 'US' });
  await h.restock.catalog.upsert({ sku, title: `Product ${sku}`, price: '10.00' });
  const lines = Object.entries(perLocation).map(([location, onHand]) => ({ sku, location, onHand, idempotencyKey: `seed-${sku}-${location}` }));
  if (lines.length > 0) await h.restock.inventory.applyFeed(lines, 'seed');
}
