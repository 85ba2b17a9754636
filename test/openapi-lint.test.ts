/**
 * The OpenAPI document as served: it passes Redocly's recommended rules (redocly.yaml) with no error, every
 * operation has a stable camelCase operationId and says which scopes it admits (the same ones the auth hook
 * enforces), the main operations carry examples, and every event type has its webhook payload schema.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { harness, type Harness } from './helpers/app.ts';
import { operationIdFor } from '../src/api/openapi.ts';
import { WEBHOOK_EXAMPLES } from '../src/api/openapi-examples.ts';
import { INVENTORY_EVENT_SCHEMAS } from '../src/inventory/model.ts';
import { ORDER_EVENT_SCHEMAS } from '../src/orders/model.ts';
import { WAITLIST_EVENT_SCHEMAS } from '../src/waitlist/model.ts';
import { MESSAGE_EVENT_SCHEMAS } from '../src/messaging/model.ts';

const root = new URL('..', import.meta.url).pathname;

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: Array<{ pointer?: string }>;
}

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  'x-restock-scopes'?: string[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: Operation & { requestBody: { content: Record<string, { schema: { properties: { data: { $ref: string } } } }> } } }>;
  components: { schemas: Record<string, unknown> };
  tags: Array<{ name: string; description?: string }>;
};

describe('OpenAPI document', () => {
  let h: Harness;
  let doc: Doc;
  let dir: string;
  before(async () => {
    h = await harness('sqlite');
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    doc = JSON.parse(res.body) as Doc;
    dir = mkdtempSync(join(tmpdir(), 'restock-openapi-'));
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  it('passes the Redocly linter (recommended rules, redocly.yaml) without errors', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const start = r.stdout.indexOf('{');
    assert.ok(start >= 0, `redocly printed no report (exit ${String(r.status)}): ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(r.stdout.slice(start)) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    const show = (p: Problem) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? '?'}`;
    for (const p of report.problems.filter((x) => x.severity !== 'error')) console.log(`# redocly ${show(p)}`);
    const errors = report.problems.filter((x) => x.severity === 'error');
    assert.deepEqual(errors.map(show), []);
    assert.equal(report.totals.errors, 0);
    assert.equal(r.status, 0);
  });

  it('is OpenAPI 3.1 with a tag description for every tag in use', () => {
    assert.match(doc.openapi, /^3\.1\./);
    const described = new Map(doc.tags.map((t) => [t.name, t.description ?? '']));
    for (const { op } of operations()) for (const t of op.tags ?? []) assert.ok(described.get(t), `tag ${t} has no description`);
  });

  it('gives every operation a unique camelCase operationId, derived the same way for every route', () => {
    const ids = operations().map(({ op }) => op.operationId ?? '');
    for (const id of ids) assert.match(id, /^[a-z][a-zA-Z0-9]*$/);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    const byRoute = new Map(operations().map(({ path, method, op }) => [`${method} ${path}`, op.operationId]));
    // Names shops' generated clients already call: they never change.
    const stable: Record<string, string> = {
      'GET /v1/availability/{sku}': 'getAvailability',
      'POST /v1/availability': 'getAvailabilityBatch',
      'POST /v1/reservations': 'createReservation',
      'POST /v1/reservations/{id}/commit': 'commitReservation',
      'DELETE /v1/reservations/{id}': 'releaseReservation',
      'GET /v1/products': 'listProducts',
      'GET /v1/products/{sku}': 'getProduct',
      'POST /v1/products': 'upsertProduct',
      'POST /v1/orders': 'createOrder',
      'GET /v1/orders/{id}': 'getOrder',
      'POST /v1/waitlist': 'joinWaitlist',
      'POST /v1/inventory/feed': 'pushInventoryFeed',
      'POST /v1/inbound': 'createInbound',
      'GET /v1/settings/checkout': 'getCheckoutSettings',
      'PUT /v1/settings/alerts': 'setAlertSettings',
      'GET /v1/messages/volume': 'getMessageVolume',
      'GET /v1/webhooks/volume': 'getWebhookVolume',
      'GET /v1/webhooks/{id}/deliveries': 'listWebhookDeliveries',
    };
    for (const [route, id] of Object.entries(stable)) assert.equal(byRoute.get(route), id, route);
  });

  it('says on every operation the scopes it admits, as the auth hook enforces them', () => {
    const table = new Map(h.app.routeTable.map((r) => [`${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, r.scopes]));
    for (const { path, method, op } of operations()) {
      const scopes = table.get(`${method} ${path}`);
      assert.notEqual(scopes, undefined, `${method} ${path} is in the route table`);
      const expected = scopes === null || scopes === undefined ? [] : ['admin', ...scopes];
      assert.deepEqual(op['x-restock-scopes'], expected, `${method} ${path}`);
      if (expected.length === 0) {
        assert.deepEqual(op.security, [], `${method} ${path} is public`);
        assert.match(op.description ?? '', /^\*\*Public\*\*/);
      } else {
        assert.deepEqual(op.security, expected.map((s) => ({ bearer: [s] })), `${method} ${path}`);
        assert.match(op.description ?? '', new RegExp(`^\\*\\*Scopes?\\*\\*: ${expected.map((s) => `\`${s}\``).join(', ')}`));
      }
    }
  });

  it('has examples on the main operations', () => {
    const byId = new Map(operations().map(({ op }) => [op.operationId, op]));
    const withBody = ['upsertProduct', 'getAvailabilityBatch', 'createReservation', 'createOrder', 'joinWaitlist', 'createInbound', 'pushInventoryFeed'];
    for (const id of withBody) assert.notEqual(byId.get(id)?.requestBody?.content['application/json']?.example, undefined, `${id} request example`);
    const withResponse: Array<[string, string]> = [
      ['upsertProduct', '201'], ['listProducts', '200'], ['getProduct', '200'], ['getAvailability', '200'], ['getAvailabilityBatch', '200'],
      ['createReservation', '201'], ['createOrder', '201'], ['getOrder', '200'], ['joinWaitlist', '202'], ['createInbound', '201'], ['pushInventoryFeed', '200'],
    ];
    for (const [id, status] of withResponse) assert.notEqual(byId.get(id)?.responses[status]?.content?.['application/json']?.example, undefined, `${id} ${status} example`);
  });

  it('publishes the payload schema of every event type as a webhook', () => {
    assert.deepEqual(Object.keys(doc.webhooks).sort(), [...h.restock.eventTypes.types].sort());
    for (const [type, w] of Object.entries(doc.webhooks)) {
      const ref = w.post.requestBody.content['application/json']?.schema.properties.data.$ref;
      assert.equal(ref, `#/components/schemas/Event.${type}`);
      const schema = doc.components.schemas[`Event.${type}`] as { type?: string; properties?: Record<string, unknown> };
      assert.equal(schema.type, 'object', type);
      assert.ok(Object.keys(schema.properties ?? {}).length > 0, type);
    }
    const changed = doc.components.schemas['Event.inventory.availability_changed'] as { required: string[] };
    assert.deepEqual([...changed.required].sort(), ['after', 'before', 'sku', 'version']);
  });

  it('has webhook examples that match the payload schemas the modules define', () => {
    const schemas: Record<string, TSchema> = { ...INVENTORY_EVENT_SCHEMAS, ...ORDER_EVENT_SCHEMAS, ...WAITLIST_EVENT_SCHEMAS, ...MESSAGE_EVENT_SCHEMAS };
    assert.ok(Object.keys(WEBHOOK_EXAMPLES).length >= 5);
    const ajv = (addFormatsModule as unknown as (a: Ajv) => Ajv)(new Ajv({ strict: false, allErrors: true }));
    for (const [type, data] of Object.entries(WEBHOOK_EXAMPLES)) {
      const schema = schemas[type];
      assert.ok(schema, `${type} is an event type`);
      const validate = ajv.compile(schema);
      assert.equal(validate(data), true, `${type}: ${JSON.stringify(validate.errors)}`);
      const example = (doc.webhooks[type]?.post.requestBody.content['application/json'] as { example?: { type: string; data: unknown } } | undefined)?.example;
      assert.equal(example?.type, type);
      assert.deepEqual(example?.data, data);
    }
  });

  it('derives operationIds of routes to come by the same rules', () => {
    const cases: Array<[string, string, string]> = [
      ['GET', '/v1/stock', 'listStock'],
      ['PATCH', '/v1/products/{sku}', 'updateProduct'],
      ['GET', '/v1/overview', 'getOverview'],
      ['POST', '/v1/suppliers', 'createSupplier'],
      ['GET', '/v1/suppliers/{id}/offers', 'listSupplierOffers'],
      ['POST', '/v1/purchase-orders/{id}/send', 'sendPurchaseOrder'],
      ['DELETE', '/v1/locations/{code}', 'deleteLocation'],
      ['PUT', '/v1/settings/substitutes', 'setSubstituteSettings'],
    ];
    for (const [method, path, id] of cases) assert.equal(operationIdFor(method, path), id, `${method} ${path}`);
  });
});
