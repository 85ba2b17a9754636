/**
 * The typed client (`restock/client`) against a real server over HTTP, and its types against the served
 * document: the drift check regenerates src/client/schema.ts from /openapi.json and fails when they differ.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRestockClient, RestockApiError, unwrap, type RestockClient } from '../src/client/index.ts';
import { CLIENT_SCHEMA, clientSchemaSource, servedDocument } from '../scripts/openapi.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

describe('the typed client: drift from the served document', () => {
  it('src/client/schema.ts is what `npm run client:generate` makes of /openapi.json', async () => {
    const fresh = await clientSchemaSource(await servedDocument());
    const committed = readFileSync(CLIENT_SCHEMA, 'utf8');
    assert.ok(fresh === committed, 'src/client/schema.ts differs from the served OpenAPI document: run `npm run client:generate` and commit it');
  });

  it('the package exports it as restock/client (from the build)', { skip: existsSync(new URL('../dist/client/index.js', import.meta.url)) ? false : 'dist/ is not built' }, async () => {
    const mod = (await import('restock/client' as string)) as { createRestockClient?: unknown; unwrap?: unknown };
    assert.equal(typeof mod.createRestockClient, 'function');
    assert.equal(typeof mod.unwrap, 'function');
  });
});

for (const dialect of DIALECTS) {
  describe(`the typed client over HTTP (${dialect})`, () => {
    let h: Harness;
    let base: string;
    let admin: RestockClient;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'TEE-1', { WH1: 7 });
      base = await h.app.listen({ host: '127.0.0.1', port: 0 });
      admin = createRestockClient({ baseUrl: base, key: h.keys.admin });
    });
    after(() => h.close());

    it('reads availability and products with typed answers', async () => {
      const storefront = createRestockClient({ baseUrl: `${base}/`, key: () => h.keys.storefront });
      const a = await unwrap(storefront.GET('/v1/availability/{sku}', { params: { path: { sku: 'TEE-1' } } }));
      assert.equal(a.sku, 'TEE-1');
      assert.equal(a.status, 'in_stock');
      assert.equal(a.availableToSell, 7);
      const p = await unwrap(admin.GET('/v1/products/{sku}', { params: { path: { sku: 'TEE-1' } } }));
      assert.equal(p.title, 'Product TEE-1');
    });

    it('reserves and releases, and turns an error answer into a RestockApiError with its code', async () => {
      const r = await unwrap(admin.POST('/v1/reservations', { body: { sku: 'TEE-1', quantity: 2 } }));
      assert.equal(r.status, 'active');
      await assert.rejects(
        unwrap(admin.POST('/v1/reservations', { body: { sku: 'TEE-1', quantity: 99 } })),
        (err: unknown) => err instanceof RestockApiError && err.status === 409 && err.code === 'insufficient_stock',
      );
      await assert.rejects(
        unwrap(admin.GET('/v1/products/{sku}', { params: { path: { sku: 'NOPE' } } })),
        (err: unknown) => err instanceof RestockApiError && err.status === 404 && err.code === 'unknown_sku',
      );
      const released = await unwrap(admin.DELETE('/v1/reservations/{id}', { params: { path: { id: r.id } } }));
      assert.equal(released.status, 'released');
    });

    it('without a key the answer is 401, and an unreachable server is a network_error', async () => {
      const anonymous = createRestockClient({ baseUrl: base });
      await assert.rejects(unwrap(anonymous.GET('/v1/keys')), (err: unknown) => err instanceof RestockApiError && err.status === 401);
      const nowhere = createRestockClient({ baseUrl: 'http://127.0.0.1:9', key: 'rk_ad_x' });
      await assert.rejects(unwrap(nowhere.GET('/v1/keys')), (err: unknown) => err instanceof RestockApiError && err.code === 'network_error');
    });
  });
}
