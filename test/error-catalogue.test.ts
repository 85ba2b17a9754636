/**
 * The error catalogue (core/errors.ts): every code has one status, one meaning and one `details` shape; the
 * OpenAPI document lists, for every operation, the codes it answers with, all from the catalogue; the same code has
 * the same shape wherever it is raised (an order line refused for insufficient_stock carries `available` like the
 * top-level error); a broken invariant is a 500 `internal`, logged with its context and nothing of it sent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Value } from '@sinclair/typebox/value';
import { ERROR_CATALOGUE, InvariantViolation, isErrorCode, type ErrorCode } from '../src/core/errors.ts';
import { errorResponses } from '../src/http/schemas.ts';
import { offShapeDetails, undeclaredCodes } from '../src/http/errors.ts';
import { buildApp } from '../src/api/app.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

type Op = { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

function codesOf(res: { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined): string[] | null {
  const schema = res?.content?.['application/json']?.schema as { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } | undefined;
  return schema?.properties?.error?.properties?.code?.enum ?? null;
}

describe('the error catalogue', () => {
  it('has snake_case codes, each with a status, a meaning and a details schema', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
      assert.match(code, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, code);
      assert.ok(spec.status >= 400 && spec.status <= 599, code);
      assert.ok(spec.meaning.length > 10 && spec.meaning.endsWith('.'), code);
      assert.equal(typeof spec.details, 'object', code);
    }
    assert.equal(isErrorCode('insufficient_stock'), true);
    assert.equal(isErrorCode('toString'), false, 'inherited names are not codes');
    // The one 500 is the bug.
    assert.deepEqual(Object.entries(ERROR_CATALOGUE).filter(([, s]) => s.status === 500).map(([c]) => c), ['internal']);
  });
});

/** POST routes that only read (`config: { readOnly: true }`): Idempotency-Key stores nothing on them. */
const READ_ONLY_POSTS = new Set(['POST /v1/availability']);

for (const dialect of DIALECTS) {
  describe(`errors over HTTP (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'SKU-1', { WH1: 3 });
    });
    after(async () => h?.close());

    it('every documented operation lists its error codes from the catalogue, under their status', async () => {
      const doc = (await h.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, Op>> };
      let operations = 0;
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const where = `${method.toUpperCase()} ${path}`;
          operations++;
          const errs = Object.entries(op.responses ?? {}).filter(([s]) => Number(s) >= 400);
          assert.ok(errs.length > 0, `${where} lists no error responses`);
          const listed = new Set<string>();
          for (const [status, res] of errs) {
            const codes = codesOf(res);
            assert.ok(codes && codes.length > 0, `${where} ${status} names no codes`);
            for (const c of codes) {
              assert.ok(isErrorCode(c), `${where} lists '${c}', which is not in the catalogue`);
              assert.equal(ERROR_CATALOGUE[c].status, Number(status), `${where} lists '${c}' under ${status}`);
              listed.add(c);
            }
          }
          const must: ErrorCode[] = ['internal', 'invalid_request'];
          if (['post', 'put', 'patch', 'delete'].includes(method)) {
            must.push('payload_too_large', 'unsupported_media_type', 'invalid_json', 'invalid_idempotency_key');
            // A read-only POST checks the header's form but stores nothing, so no key can be reused or busy.
            if (READ_ONLY_POSTS.has(where)) {
              for (const c of ['idempotency_key_reused', 'idempotency_in_progress', 'idempotency_response_not_kept']) assert.ok(!listed.has(c), `${where} lists ${c}`);
            } else must.push('idempotency_key_reused', 'idempotency_in_progress', 'idempotency_response_not_kept');
          }
          for (const c of must) assert.ok(listed.has(c), `${where} does not list ${c}`);
        }
      }
      assert.ok(operations > 40, `only ${operations} operations documented`);
      // Spot checks: the codes a route raises itself are listed, not only the kit's.
      const reserve = doc.paths['/v1/reservations']?.post;
      assert.ok(codesOf(reserve?.responses?.['409'])?.includes('insufficient_stock'));
      assert.ok(codesOf(reserve?.responses?.['404'])?.includes('unknown_sku'));
      assert.ok(codesOf(reserve?.responses?.['401'])?.includes('unauthorized'));
    });

    it('one code, one details shape: an order line refused for insufficient_stock carries available like the top-level error', async () => {
      const top = await h.call('POST', '/v1/reservations', { sku: 'SKU-1', quantity: 5 }, { as: 'storefront' });
      assert.equal(top.status, 409, top.raw);
      assert.equal(top.body.error.code, 'insufficient_stock');
      assert.deepEqual(top.body.error.details, { sku: 'SKU-1', requested: 5, available: 3 });

      const order = await h.call('POST', '/v1/orders', { customer: { id: 'c1', email: 'c1@example.com' }, lines: [{ sku: 'SKU-1', quantity: 5 }] }, { as: 'checkout' });
      assert.equal(order.status, 409, order.raw);
      assert.equal(order.body.error.code, 'order_refused');
      const [line] = order.body.error.details.lines;
      assert.equal(line.code, 'insufficient_stock');
      assert.equal(line.requested, top.body.error.details.requested);
      assert.equal(line.available, top.body.error.details.available);
      assert.ok(Value.Check(ERROR_CATALOGUE.order_refused.details, order.body.error.details));
    });

    it('errors from every layer have their code\'s shape', async () => {
      const cases: Array<[string, string, unknown, ErrorCode]> = [
        ['POST', '/v1/reservations', { sku: 'SKU-1', quantity: 'two' }, 'invalid_request'],
        ['POST', '/v1/reservations', { sku: 'NOPE', quantity: 1 }, 'unknown_sku'],
        ['GET', '/v1/reservations/res_nope', undefined, 'unknown_reservation'],
        ['POST', '/v1/inventory/feed', { lines: [{ sku: 'SKU-1', location: 'WH1', idempotencyKey: 'k', onHand: 1, delta: 1 }] }, 'invalid_feed'],
        ['POST', '/v1/inventory/adjustments', { sku: 'SKU-1', location: 'WH1', delta: -100 }, 'negative_stock'],
        ['POST', '/v1/inventory/transfers', { sku: 'SKU-1', from: 'WH1', to: 'WH1', quantity: 1 }, 'invalid_request'],
        ['POST', '/v1/products', { sku: 'SKU-2', title: 'x', price: '1.23456' }, 'invalid_request'],
        ['POST', '/v1/keys/key_nope/revoke', undefined, 'unknown_key'],
        ['GET', '/v1/orders/ord_nope', undefined, 'unknown_order'],
      ];
      for (const [method, url, body, code] of cases) {
        const r = await h.call(method, url, body);
        assert.equal(r.body?.error?.code, code, `${method} ${url}: ${r.raw.slice(0, 300)}`);
        assert.equal(r.status, ERROR_CATALOGUE[code].status);
        assert.ok(Value.Check(ERROR_CATALOGUE[code].details, r.body.error.details), `${method} ${url}: ${JSON.stringify(r.body.error.details)}`);
      }
      const twice = { sku: 'SKU-1', quantity: 1 };
      assert.equal((await h.call('POST', '/v1/reservations', twice, { as: 'storefront', headers: { 'idempotency-key': 'shape-1' } })).status, 201);
      const reused = await h.call('POST', '/v1/reservations', { ...twice, quantity: 2 }, { as: 'storefront', headers: { 'idempotency-key': 'shape-1' } });
      assert.deepEqual(reused.body.error.details, { key: 'shape-1' });
      const xml = await h.app.inject({ method: 'POST', url: '/v1/products', headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/xml' }, payload: '<product/>' });
      assert.equal(xml.statusCode, 415);
      assert.equal(JSON.parse(xml.body).error.details, null);
    });

    it('nothing answered so far used a code its operation does not list, or a details shape off its code\'s', () => {
      assert.deepEqual([...undeclaredCodes], []);
      assert.deepEqual([...offShapeDetails], []);
    });

    it('a broken invariant is a 500 internal, logged with its context; the client learns nothing of it', async () => {
      const lines: string[] = [];
      const stream = new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } });
      const app = await buildApp(h.restock, {
        logger: { level: 'error', stream },
        extraRoutes: async (a) => {
          a.get('/test/invariant', { schema: { response: { ...errorResponses() } } }, async () => {
            throw new InvariantViolation('a level went below zero inside its own lock', { sku: 'SKU-1', onHand: -1 });
          });
        },
      });
      try {
        const r = await app.inject({ method: 'GET', url: '/test/invariant' });
        assert.equal(r.statusCode, 500);
        const body = JSON.parse(r.body);
        assert.deepEqual(body, { error: { code: 'internal', message: 'something went wrong on our side; the request was not applied', details: null } });
        assert.ok(!r.body.includes('below zero'));
        const logged = lines.map((l) => JSON.parse(l) as { msg?: string; context?: unknown; err?: { message?: string } }).find((l) => l.msg === 'invariant violated');
        assert.ok(logged, lines.join('\n'));
        assert.deepEqual(logged.context, { sku: 'SKU-1', onHand: -1 });
        assert.match(logged.err?.message ?? '', /below zero/);
      } finally {
        await app.close();
      }
    });
  });
}
