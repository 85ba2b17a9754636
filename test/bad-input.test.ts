/**
 * A barrage of malformed requests against every mutating endpoint. Each must be refused with a 4xx (never a
 * 5xx) in the one error shape `{ error: { code, message, details } }`, and after all of them stock, ledger,
 * outbox, reservations, products and locations must be exactly as before.
 *
 * Cases are generated from tables. Cases tagged `bug` once exposed defects in src/ (type coercion, unknown
 * fields dropped, deep nesting); they run after the clean barrage, with their own before/after check.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, type TestDialect } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { MAX_TTL_SECONDS } from '../src/inventory/service.ts';
import { offShapeDetails, undeclaredCodes } from '../src/http/errors.ts';

type As = 'admin' | 'storefront' | 'checkout' | 'feed' | 'none';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Case {
  name: string;
  method: Method;
  /** May contain {ACTIVE}, {COMMITTED}, {RELEASED}: reservation ids made in setup. */
  url: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is. */
  raw?: string;
  contentType?: string;
  as?: As;
  /** An explicit Authorization header (overrides `as`); null sends none. */
  auth?: string | null;
  headers?: Record<string, string>;
  /** Expected status; undefined = any 4xx. */
  status?: number;
  code?: string;
  /** The message must say this (what is wrong). */
  mention?: RegExp;
  /** Known src bug that makes this case fail today. */
  bug?: string;
}

// ---- cases that once exposed src bugs (strict body validation in plugins, deep nesting); fixed, kept as guards
const COERCE = undefined;
const DEEP = undefined;

const SKU = 'SKU-1';
const UPCOMING = 'SKU-UP';
const LONG = (n: number) => 'x'.repeat(n);
const REMOVE = Symbol('remove');

let feedKeyCounter = 0;
const feedKey = () => `bad-input-${++feedKeyCounter}`;

interface Endpoint {
  id: string;
  method: Method;
  url: string;
  /** A valid body (fresh each call); undefined = the route takes no body. */
  base?: () => Record<string, unknown>;
  as: As;
  denied: As[];
  limit: number;
}

const EP: Record<string, Endpoint> = {
  products: {
    id: 'POST /v1/products',
    method: 'POST',
    url: '/v1/products',
    base: () => ({ sku: SKU, title: 'Renamed by a bad request', price: '99.00' }),
    as: 'admin',
    denied: ['storefront', 'feed'],
    limit: 1024 * 1024,
  },
  locations: {
    id: 'POST /v1/locations',
    method: 'POST',
    url: '/v1/locations',
    base: () => ({ code: 'WH1', name: 'Renamed by a bad request', type: 'warehouse', priority: 7, region: 'EU' }),
    as: 'admin',
    denied: ['storefront', 'feed'],
    limit: 1024 * 1024,
  },
  feed: {
    id: 'POST /v1/inventory/feed',
    method: 'POST',
    url: '/v1/inventory/feed',
    base: () => ({ lines: [{ sku: SKU, location: 'WH1', onHand: 999, idempotencyKey: feedKey() }] }),
    as: 'feed',
    denied: ['storefront'],
    limit: 5 * 1024 * 1024,
  },
  adjustments: {
    id: 'POST /v1/inventory/adjustments',
    method: 'POST',
    url: '/v1/inventory/adjustments',
    base: () => ({ sku: SKU, location: 'WH1', delta: 3 }),
    as: 'feed',
    denied: ['storefront'],
    limit: 1024 * 1024,
  },
  receipts: {
    id: 'POST /v1/inventory/receipts',
    method: 'POST',
    url: '/v1/inventory/receipts',
    base: () => ({ sku: SKU, location: 'WH1', quantity: 3 }),
    as: 'feed',
    denied: ['storefront'],
    limit: 1024 * 1024,
  },
  shipments: {
    id: 'POST /v1/inventory/shipments',
    method: 'POST',
    url: '/v1/inventory/shipments',
    // One unit is committed at WH1, so this base body would really ship.
    base: () => ({ sku: SKU, location: 'WH1', quantity: 1 }),
    as: 'feed',
    denied: ['storefront'],
    limit: 1024 * 1024,
  },
  transfers: {
    id: 'POST /v1/inventory/transfers',
    method: 'POST',
    url: '/v1/inventory/transfers',
    base: () => ({ sku: SKU, from: 'WH1', to: 'WH2', quantity: 1 }),
    as: 'feed',
    denied: ['storefront'],
    limit: 1024 * 1024,
  },
  safety: {
    id: 'PUT /v1/inventory/:sku/locations/:location',
    method: 'PUT',
    url: `/v1/inventory/${SKU}/locations/WH1`,
    base: () => ({ safetyStock: 2 }),
    as: 'admin',
    denied: ['storefront', 'feed'],
    limit: 1024 * 1024,
  },
  reserve: {
    id: 'POST /v1/reservations',
    method: 'POST',
    url: '/v1/reservations',
    base: () => ({ sku: SKU, quantity: 1 }),
    // The checkout key: a storefront key's limits (publishable-key.test.ts) would answer first for large quantities.
    as: 'checkout',
    denied: ['feed'],
    limit: 1024 * 1024,
  },
  commit: {
    id: 'POST /v1/reservations/:id/commit',
    method: 'POST',
    url: '/v1/reservations/{ACTIVE}/commit',
    base: () => ({ reference: 'order-1' }),
    as: 'checkout',
    denied: ['storefront', 'feed'],
    limit: 1024 * 1024,
  },
  release: {
    id: 'DELETE /v1/reservations/:id',
    method: 'DELETE',
    url: '/v1/reservations/{ACTIVE}',
    as: 'storefront',
    denied: ['feed'],
    limit: 1024 * 1024,
  },
  availability: {
    id: 'POST /v1/availability',
    method: 'POST',
    url: '/v1/availability',
    base: () => ({ skus: [SKU] }),
    as: 'storefront',
    denied: [],
    limit: 1024 * 1024,
  },
};

/** A copy of `obj` with the value at `path` replaced (or removed). */
function setAt(obj: Record<string, unknown>, path: Array<string | number>, value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  let cur: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) delete cur[last];
  else cur[last] = value;
  return copy;
}

const CASES: Case[] = [];
function add(ep: Endpoint, c: Omit<Case, 'method' | 'url' | 'as'> & { url?: string; as?: As }): void {
  CASES.push({ method: ep.method, url: ep.url, as: ep.as, ...c, name: `${ep.id}: ${c.name}` });
}

type Mutation = [label: string, value: unknown, bug?: string];

/** Values that are never a Quantity (whole units, 1..1_000_000). */
const BAD_QUANTITY: Mutation[] = [
  ['zero', 0],
  ['negative', -1],
  ['fractional', 1.5],
  ['tiny fraction', 1e-9],
  ['huge 1e9', 1e9],
  ['huge 1e20', 1e20],
  ['2**53', 2 ** 53],
  ['-(2**53)', -(2 ** 53)],
  ['string "NaN"', 'NaN'],
  ['string "abc"', 'abc'],
  ['empty string', ''],
  ['object', {}],
  ['null', null],
  ['numeric string "1"', '1', COERCE],
  ['hex string "0x10"', '0x10', COERCE],
  ['string "Infinity"', 'Infinity', COERCE],
  ['string "-Infinity"', '-Infinity', COERCE],
  ['boolean true', true, COERCE],
  ['one-element array [1]', [1], COERCE],
];
/** Values that are never a StockCount (whole units, 0..1_000_000_000). */
const BAD_COUNT: Mutation[] = [
  ['negative', -1],
  ['fractional', 2.5],
  ['1e9 + 1', 1_000_000_001],
  ['huge 1e20', 1e20],
  ['2**53', 2 ** 53],
  ['string "NaN"', 'NaN'],
  ['string "abc"', 'abc'],
  ['object', {}],
  ['numeric string "10"', '10', COERCE],
  ['string "Infinity"', 'Infinity', COERCE],
  ['null', null, COERCE],
  ['boolean true', true, COERCE],
  ['one-element array [5]', [5], COERCE],
];
/** Values that are never a delta (whole, non-zero, -1_000_000..1_000_000). */
const BAD_DELTA: Mutation[] = [
  ['zero', 0],
  ['fractional', 1.5],
  ['1_000_001', 1_000_001],
  ['-1_000_001', -1_000_001],
  ['huge 1e20', 1e20],
  ['2**53', 2 ** 53],
  ['string "NaN"', 'NaN'],
  ['object', {}],
  ['null', null],
  ['numeric string "3"', '3', COERCE],
  ['string "Infinity"', 'Infinity', COERCE],
  ['boolean true', true, COERCE],
  ['one-element array [3]', [3], COERCE],
];
/** Values that are never a SKU / location code. */
const BAD_CODE: Mutation[] = [
  ['empty', ''],
  ['65 characters', 'A'.repeat(65)],
  ['leading space', ' SKU-1'],
  ['inner space', 'SKU 1'],
  ['leading dash', '-SKU'],
  ['non-ASCII', 'SKÜ-1'],
  ['object', {}],
  ['number', 5, COERCE],
  ['one-element array', ['WH1'], COERCE],
];

function numberField(ep: Endpoint, path: Array<string | number>, field: string, bad: Mutation[], required = true): void {
  const base = ep.base as () => Record<string, unknown>;
  for (const [label, value, bug] of bad) {
    add(ep, { name: `${field} ${label}`, body: setAt(base(), path, value), status: 400, code: 'invalid_request', mention: new RegExp(field), bug });
  }
  if (required) add(ep, { name: `${field} missing`, body: setAt(base(), path, REMOVE), status: 400, code: 'invalid_request', mention: new RegExp(field) });
}

function stringField(ep: Endpoint, path: Array<string | number>, field: string, bad: Mutation[], required = true): void {
  const base = ep.base as () => Record<string, unknown>;
  for (const [label, value, bug] of bad) {
    add(ep, { name: `${field} ${label}`, body: setAt(base(), path, value), status: 400, code: 'invalid_request', mention: new RegExp(field), bug });
  }
  if (required) add(ep, { name: `${field} missing`, body: setAt(base(), path, REMOVE), status: 400, code: 'invalid_request', mention: new RegExp(field) });
}

const TEXT_200: Mutation[] = [
  ['empty', ''],
  ['201 characters', LONG(201)],
  ['number', 42, COERCE],
];

// ---- body shape, content type, size: every endpoint with a body
for (const ep of Object.values(EP)) {
  const base = ep.base;
  if (base) {
    for (const [label, raw] of [
      ['body null', 'null'],
      ['body a string', '"hello"'],
      ['body a number', '42'],
      ['body true', 'true'],
    ] as const) {
      add(ep, { name: label, raw, status: 400, code: 'invalid_request', mention: /body/ });
    }
    add(ep, { name: 'body an array holding the valid object', body: [base()], status: 400, code: 'invalid_request', mention: /body must be object/ });
    add(ep, { name: 'empty array', body: [], status: 400, code: 'invalid_request', mention: /body must be object/ });
    add(ep, { name: 'unknown top-level field', body: { ...base(), sneaky: 1 }, status: 400, code: 'invalid_request', mention: /sneaky/, bug: COERCE });
    add(ep, { name: 'valid JSON as text/plain', raw: JSON.stringify(base()), contentType: 'text/plain', status: 400, code: 'invalid_request', mention: /body must be object/ });
    add(ep, { name: 'empty body with application/json', raw: '', status: 400, code: 'invalid_json', mention: /empty/i });
    if (ep !== EP.commit) add(ep, { name: 'empty object', body: {}, status: 400, code: 'invalid_request', mention: /required property/ });
  }
  for (const [label, raw] of [
    ['truncated JSON', '{"sku": "SKU-1", "quantity": '],
    ['single-quoted JSON', "{'sku': 'SKU-1'}"],
    ['trailing comma', '{"sku": "SKU-1",}'],
    ['bare NaN literal', '{"quantity": NaN}'],
    ['__proto__ key', '{"__proto__": {"admin": true}}'],
  ] as const) {
    add(ep, { name: `bad JSON: ${label}`, raw, status: 400, code: 'invalid_json', mention: /JSON/ });
  }
  add(ep, { name: 'XML body', raw: '<reservation sku="SKU-1"/>', contentType: 'application/xml', status: 415, code: 'unsupported_media_type', mention: /media type/i });
  add(ep, { name: 'form-encoded body', raw: 'sku=SKU-1&quantity=1', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' });
  add(ep, { name: `body over its limit (${ep.limit} bytes)`, raw: JSON.stringify({ ...(base?.() ?? {}), pad: LONG(ep.limit + 1024) }), status: 413, code: 'payload_too_large', mention: /too large/i });
}

// ---- authentication, scopes, Idempotency-Key: every endpoint, with an otherwise valid request
for (const ep of Object.values(EP)) {
  const body = ep.base?.();
  const withBody = (c: Omit<Case, 'method' | 'url' | 'name'> & { name: string }) => add(ep, body === undefined ? c : { body: ep.base?.(), ...c });
  withBody({ name: 'no Authorization header', auth: null, status: 401, code: 'unauthorized', mention: /API key/ });
  withBody({ name: 'Basic auth instead of Bearer', auth: 'Basic dXNlcjpwYXNz', status: 401, code: 'unauthorized', mention: /Bearer/ });
  withBody({ name: '"Bearer" without a key', auth: 'Bearer', status: 401, code: 'unauthorized', mention: /Bearer/ });
  withBody({ name: '"Bearer" with two words', auth: 'Bearer abc def', status: 401, code: 'unauthorized', mention: /Bearer/ });
  withBody({ name: 'empty Authorization header', auth: '', status: 401, code: 'unauthorized' });
  withBody({ name: 'unknown key', auth: 'Bearer rk_ad_this-key-was-never-issued', status: 401, code: 'unauthorized', mention: /not valid/ });
  withBody({ name: 'key without the Bearer scheme', auth: 'KEY:admin', status: 401, code: 'unauthorized', mention: /Bearer/ });
  for (const scope of ep.denied) withBody({ name: `wrong scope (${scope})`, as: scope, status: 403, code: 'forbidden', mention: /scope/ });
  withBody({ name: 'Idempotency-Key of 256 characters', headers: { 'idempotency-key': 'k'.repeat(256) }, status: 400, code: 'invalid_idempotency_key', mention: /Idempotency-Key/ });
  withBody({ name: 'empty Idempotency-Key', headers: { 'idempotency-key': '' }, status: 400, code: 'invalid_idempotency_key', mention: /Idempotency-Key/ });
}

// ---- POST /v1/products
{
  const ep = EP.products!;
  const b = ep.base!;
  stringField(ep, ['sku'], 'sku', BAD_CODE);
  stringField(ep, ['title'], 'title', [['empty', ''], ['501 characters', LONG(501)], ['number', 5, COERCE]]);
  add(ep, { name: 'price missing', body: setAt(b(), ['price'], REMOVE), status: 400, code: 'invalid_request', mention: /price/ });
  for (const [label, value] of [
    ['"abc"', 'abc'],
    ['"-1"', '-1'],
    ['-1', -1],
    ['5 decimals', '1.23456'],
    ['exponent string', '1e3'],
    ['1e20', 1e20],
    ['tiny 1e-7', 1e-7],
    ['empty', ''],
    ['spaces', '   '],
    ['object', {}],
    ['array', []],
    ['null', null],
    ['33 characters', '1'.repeat(33)],
  ] as Array<[string, unknown]>) {
    add(ep, { name: `price ${label}`, body: setAt(b(), ['price'], value), status: 400, code: 'invalid_request', mention: /price/ });
  }
  add(ep, { name: 'currency lower case', body: { ...b(), currency: 'eur' }, status: 400, code: 'invalid_request', mention: /currency/ });
  add(ep, { name: 'currency of 4 letters', body: { ...b(), currency: 'EURO' }, status: 400, code: 'invalid_request', mention: /currency/ });
  add(ep, { name: 'status unknown', body: { ...b(), status: 'gone' }, status: 400, code: 'invalid_request', mention: /status/ });
  add(ep, { name: 'description of 20001 characters', body: { ...b(), description: LONG(20_001) }, status: 400, code: 'invalid_request', mention: /description/ });
  add(ep, { name: 'category of 201 characters', body: { ...b(), category: LONG(201) }, status: 400, code: 'invalid_request', mention: /category/ });
  add(ep, { name: 'brand of 201 characters', body: { ...b(), brand: LONG(201) }, status: 400, code: 'invalid_request', mention: /brand/ });
  add(ep, { name: 'attributes a string', body: { ...b(), attributes: 'red' }, status: 400, code: 'invalid_request', mention: /attributes/ });
  add(ep, { name: 'attributes an array', body: { ...b(), attributes: ['red'] }, status: 400, code: 'invalid_request', mention: /attributes/ });
  add(ep, { name: 'policy a string', body: { ...b(), policy: 'strict' }, status: 400, code: 'invalid_request', mention: /policy/ });
  add(ep, { name: 'policy.trackInventory "yes"', body: { ...b(), policy: { trackInventory: 'yes' } }, status: 400, code: 'invalid_request', mention: /trackInventory/ });
  add(ep, { name: 'policy.lowStockThreshold negative', body: { ...b(), policy: { lowStockThreshold: -1 } }, status: 400, code: 'invalid_request', mention: /lowStockThreshold/ });
  add(ep, { name: 'policy.lowStockThreshold fractional', body: { ...b(), policy: { lowStockThreshold: 2.5 } }, status: 400, code: 'invalid_request', mention: /lowStockThreshold/ });
  add(ep, { name: 'policy.backorderLimit 1e20', body: { ...b(), policy: { backorderLimit: 1e20 } }, status: 400, code: 'invalid_request', mention: /backorderLimit/ });
  add(ep, { name: 'policy.leadTimeDays 3651', body: { ...b(), policy: { leadTimeDays: 3651 } }, status: 400, code: 'invalid_request', mention: /leadTimeDays/ });
  add(ep, { name: 'policy.releaseDate 2026-02-30', body: { ...b(), policy: { releaseDate: '2026-02-30' } }, status: 400, code: 'invalid_request', mention: /releaseDate/ });
  add(ep, { name: 'policy.releaseDate 15/01/2026', body: { ...b(), policy: { releaseDate: '15/01/2026' } }, status: 400, code: 'invalid_request', mention: /releaseDate/ });
  add(ep, { name: 'policy.trackInventory "false"', body: { ...b(), policy: { trackInventory: 'false' } }, status: 400, code: 'invalid_request', mention: /trackInventory/, bug: COERCE });
  add(ep, { name: 'policy.lowStockThreshold "5"', body: { ...b(), policy: { lowStockThreshold: '5' } }, status: 400, code: 'invalid_request', mention: /lowStockThreshold/, bug: COERCE });
  add(ep, { name: 'unknown policy field', body: { ...b(), policy: { sneaky: true } }, status: 400, code: 'invalid_request', mention: /sneaky/, bug: COERCE });
  let deep = '1';
  for (let i = 0; i < 6000; i++) deep = `[${deep}]`;
  add(ep, { name: 'attributes nested 6000 deep', raw: `{"sku":"${SKU}","title":"Deep","price":"1","attributes":{"a":${deep}}}`, status: 400, bug: DEEP });
}

// ---- POST /v1/locations
{
  const ep = EP.locations!;
  const b = ep.base!;
  stringField(ep, ['code'], 'code', BAD_CODE);
  stringField(ep, ['name'], 'name', [['empty', ''], ['201 characters', LONG(201)], ['number', 5, COERCE]]);
  stringField(ep, ['type'], 'type', [['unknown "depot"', 'depot'], ['upper case', 'WAREHOUSE'], ['empty', ''], ['number', 1]]);
  numberField(ep, ['priority'], 'priority', [
    ['negative', -1],
    ['fractional', 1.5],
    ['1_000_001', 1_000_001],
    ['huge 1e20', 1e20],
    ['string "NaN"', 'NaN'],
    ['numeric string "1"', '1', COERCE],
    ['null', null, COERCE],
    ['boolean true', true, COERCE],
  ]);
  stringField(ep, ['region'], 'region', [['101 characters', LONG(101)], ['object', {}], ['number', 5, COERCE]]);
  add(ep, { name: 'body is a list of locations', body: [b(), b()], status: 400, code: 'invalid_request', mention: /body must be object/ });
}

// ---- POST /v1/inventory/feed
{
  const ep = EP.feed!;
  const b = ep.base!;
  const line = (extra: Record<string, unknown>) => ({ sku: SKU, location: 'WH1', idempotencyKey: feedKey(), ...extra });
  stringField(ep, ['lines', 0, 'sku'], 'sku', BAD_CODE);
  stringField(ep, ['lines', 0, 'location'], 'location', BAD_CODE);
  numberField(ep, ['lines', 0, 'onHand'], 'onHand', BAD_COUNT, false); // without onHand or delta: see below
  for (const [label, value, bug] of BAD_DELTA.filter(([l]) => l !== 'zero' && l !== 'null')) {
    add(ep, { name: `delta ${label}`, body: { lines: [line({ delta: value })] }, status: 400, code: 'invalid_request', mention: /delta/, bug });
  }
  stringField(ep, ['lines', 0, 'idempotencyKey'], 'idempotencyKey', [['empty', ''], ['201 characters', LONG(201)], ['number', 7, COERCE]]);
  stringField(ep, ['lines', 0, 'reason'], 'reason', TEXT_200, false);
  add(ep, { name: 'unknown sku', body: { lines: [line({ sku: 'NOPE', onHand: 5 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'unknown location', body: { lines: [line({ location: 'NOWHERE', onHand: 5 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'both onHand and delta', body: { lines: [line({ onHand: 5, delta: 1 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'neither onHand nor delta', body: { lines: [line({})] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'delta taking on hand below zero', body: { lines: [line({ delta: -11 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  const dup = feedKey();
  add(ep, { name: 'idempotencyKey repeated within the batch', body: { lines: [line({ idempotencyKey: dup, onHand: 1 }), line({ idempotencyKey: dup, onHand: 2 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'good lines with one unknown location', body: { lines: [line({ onHand: 50 }), line({ location: 'WH2', delta: 5 }), line({ location: 'NOWHERE', onHand: 5 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'good lines with one unknown sku', body: { lines: [line({ onHand: 50 }), line({ sku: 'NOPE', onHand: 5 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'good lines with one going below zero', body: { lines: [line({ onHand: 50 }), line({ location: 'WH2', delta: -6 })] }, status: 400, code: 'invalid_feed', mention: /nothing was applied/ });
  add(ep, { name: 'unknown field in a line', body: { lines: [line({ onHand: 3, sneaky: 1 })] }, status: 400, code: 'invalid_request', mention: /sneaky/, bug: COERCE });
  add(ep, { name: 'lines missing', body: {}, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'lines empty', body: { lines: [] }, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'lines an object', body: { lines: (b().lines as unknown[])[0] }, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'lines a string', body: { lines: 'WH1=5' }, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'lines null', body: { lines: null }, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'a line that is an array', body: { lines: [[SKU, 'WH1', 5]] }, status: 400, code: 'invalid_request', mention: /lines/ });
  add(ep, { name: 'a line that is null', body: { lines: [null] }, status: 400, code: 'invalid_request', mention: /lines/ });
  // 5001 lines of ~290 bytes: over 1 MB (the feed's limit is 5 MB), so refused for its count, not its size.
  add(ep, {
    name: '5001 lines (1.4 MB, under the 5 MB limit)',
    body: { lines: Array.from({ length: 5001 }, (_, i) => ({ sku: SKU, location: 'WH1', onHand: 1, idempotencyKey: `bulk-${i}`, reason: LONG(200) })) },
    status: 400,
    code: 'invalid_request',
    mention: /lines/,
  });
  add(ep, { name: '2 MB body (under the feed limit) with an overlong reason', body: { lines: [line({ onHand: 1, reason: LONG(2_000_000) })] }, status: 400, code: 'invalid_request', mention: /reason/ });
}

// ---- POST /v1/inventory/adjustments
{
  const ep = EP.adjustments!;
  const b = ep.base!;
  numberField(ep, ['delta'], 'delta', BAD_DELTA);
  stringField(ep, ['sku'], 'sku', BAD_CODE);
  stringField(ep, ['location'], 'location', BAD_CODE);
  stringField(ep, ['reason'], 'reason', TEXT_200, false);
  stringField(ep, ['reference'], 'reference', TEXT_200, false);
  add(ep, { name: 'unknown sku', body: { ...b(), sku: 'NOPE' }, status: 404, code: 'unknown_sku', mention: /NOPE/ });
  add(ep, { name: 'unknown location', body: { ...b(), location: 'NOWHERE' }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
  add(ep, { name: 'delta taking on hand below zero', body: { ...b(), delta: -11 }, status: 409, code: 'negative_stock', mention: /cannot adjust/ });
  add(ep, { name: 'negative delta where nothing is on hand', body: { ...b(), location: 'ST1', delta: -1 }, status: 409, code: 'negative_stock' });
}

// ---- POST /v1/inventory/receipts and /shipments
for (const ep of [EP.receipts!, EP.shipments!]) {
  const b = ep.base!;
  numberField(ep, ['quantity'], 'quantity', BAD_QUANTITY);
  add(ep, { name: 'quantity 1e400 (Infinity once parsed)', raw: `{"sku":"${SKU}","location":"WH1","quantity":1e400}`, status: 400, code: 'invalid_request', mention: /quantity/ });
  stringField(ep, ['sku'], 'sku', BAD_CODE);
  stringField(ep, ['location'], 'location', BAD_CODE);
  stringField(ep, ['reference'], 'reference', TEXT_200, false);
  add(ep, { name: 'unknown sku', body: { ...b(), sku: 'NOPE' }, status: 404, code: 'unknown_sku', mention: /NOPE/ });
  add(ep, { name: 'unknown location', body: { ...b(), location: 'NOWHERE' }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
}
add(EP.shipments!, { name: 'more than is committed', body: { sku: SKU, location: 'WH1', quantity: 2 }, status: 409, code: 'nothing_to_ship', mention: /ship/ });
add(EP.shipments!, { name: 'nothing committed at the location', body: { sku: SKU, location: 'WH2', quantity: 1 }, status: 409, code: 'nothing_to_ship' });

// ---- POST /v1/inventory/transfers
{
  const ep = EP.transfers!;
  const b = ep.base!;
  numberField(ep, ['quantity'], 'quantity', BAD_QUANTITY);
  stringField(ep, ['sku'], 'sku', BAD_CODE.slice(0, 4));
  stringField(ep, ['from'], 'from', BAD_CODE.slice(0, 4));
  stringField(ep, ['to'], 'to', BAD_CODE.slice(0, 4));
  add(ep, { name: 'from and to the same', body: { ...b(), to: 'WH1' }, status: 400, code: 'invalid_request', mention: /different/ });
  add(ep, { name: 'unknown sku', body: { ...b(), sku: 'NOPE' }, status: 404, code: 'unknown_sku', mention: /NOPE/ });
  add(ep, { name: 'unknown source location', body: { ...b(), from: 'NOWHERE' }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
  add(ep, { name: 'unknown target location', body: { ...b(), to: 'NOWHERE' }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
  add(ep, { name: 'more than is free at the source', body: { ...b(), from: 'WH2', to: 'ST1', quantity: 6 }, status: 409, code: 'insufficient_stock', mention: /available/ });
  add(ep, { name: 'reserved and sold units are not free', body: { ...b(), quantity: 8 }, status: 409, code: 'insufficient_stock', mention: /available/ });
  add(ep, { name: 'from an empty location', body: { ...b(), from: 'ST1', to: 'WH1', quantity: 1 }, status: 409, code: 'insufficient_stock' });
}

// ---- PUT /v1/inventory/:sku/locations/:location
{
  const ep = EP.safety!;
  numberField(ep, ['safetyStock'], 'safetyStock', BAD_COUNT);
  add(ep, { name: 'unknown sku in the path', url: '/v1/inventory/NOPE/locations/WH1', body: { safetyStock: 2 }, status: 404, code: 'unknown_sku', mention: /NOPE/ });
  add(ep, { name: 'unknown location in the path', url: `/v1/inventory/${SKU}/locations/NOWHERE`, body: { safetyStock: 2 }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
  add(ep, { name: 'sku with a space in the path', url: '/v1/inventory/SKU%201/locations/WH1', body: { safetyStock: 2 }, status: 400, code: 'invalid_request', mention: /sku/ });
  add(ep, { name: '65-character sku in the path', url: `/v1/inventory/${'A'.repeat(65)}/locations/WH1`, body: { safetyStock: 2 }, status: 400, code: 'invalid_request', mention: /sku/ });
  add(ep, { name: 'location starting with a dot in the path', url: `/v1/inventory/${SKU}/locations/.hidden`, body: { safetyStock: 2 }, status: 400, code: 'invalid_request', mention: /location/ });
  add(ep, { name: '65-character location in the path', url: `/v1/inventory/${SKU}/locations/${'L'.repeat(65)}`, body: { safetyStock: 2 }, status: 400, code: 'invalid_request', mention: /location/ });
}

// ---- POST /v1/reservations
{
  const ep = EP.reserve!;
  const b = ep.base!;
  numberField(ep, ['quantity'], 'quantity', BAD_QUANTITY);
  add(ep, { name: 'quantity 1e400 (Infinity once parsed)', raw: `{"sku":"${SKU}","quantity":1e400}`, status: 400, code: 'invalid_request', mention: /quantity/ });
  add(ep, { name: 'quantity given twice, the last negative', raw: `{"sku":"${SKU}","quantity":1,"quantity":-1}`, status: 400, code: 'invalid_request', mention: /quantity/ });
  stringField(ep, ['sku'], 'sku', BAD_CODE);
  stringField(ep, ['location'], 'location', BAD_CODE.slice(0, 6), false);
  numberField(ep, ['ttlSeconds'], 'ttlSeconds', [
    ['zero', 0],
    ['negative', -60],
    ['fractional', 1.5],
    ['over the maximum', MAX_TTL_SECONDS + 1],
    ['huge 1e20', 1e20],
    ['numeric string "60"', '60', COERCE],
  ], false);
  stringField(ep, ['reference'], 'reference', TEXT_200, false);
  add(ep, { name: 'unknown sku', body: { ...b(), sku: 'NOPE' }, status: 404, code: 'unknown_sku', mention: /NOPE/ });
  add(ep, { name: 'unknown location', body: { ...b(), location: 'NOWHERE' }, status: 404, code: 'unknown_location', mention: /NOWHERE/ });
  add(ep, { name: 'more than is available', body: { ...b(), quantity: 13 }, status: 409, code: 'insufficient_stock', mention: /available/ });
  add(ep, { name: 'the maximum quantity', body: { ...b(), quantity: 1_000_000 }, status: 409, code: 'insufficient_stock', mention: /available/ });
  add(ep, { name: 'more than is at the named location', body: { ...b(), location: 'WH2', quantity: 6 }, status: 409, code: 'insufficient_stock', mention: /available/ });
  add(ep, { name: 'at a location without stock', body: { ...b(), location: 'ST1' }, status: 409, code: 'insufficient_stock' });
  add(ep, { name: 'a product not released yet', body: { ...b(), sku: UPCOMING }, status: 409, code: 'not_sellable', mention: /released/ });
}

// ---- POST /v1/reservations/:id/commit
{
  const ep = EP.commit!;
  stringField(ep, ['reference'], 'reference', TEXT_200, false);
  add(ep, { name: 'unknown reservation', url: '/v1/reservations/res_doesnotexist/commit', body: {}, status: 404, code: 'unknown_reservation', mention: /res_doesnotexist/ });
  add(ep, { name: 'unknown reservation, no body', url: '/v1/reservations/res_doesnotexist/commit', status: 404, code: 'unknown_reservation' });
  add(ep, { name: '65-character id', url: `/v1/reservations/${'r'.repeat(65)}/commit`, body: {}, status: 400, code: 'invalid_request', mention: /id/ });
  add(ep, { name: 'empty id', url: '/v1/reservations//commit', body: {}, status: 400, code: 'invalid_request', mention: /id/ });
  add(ep, { name: 'a committed reservation', url: '/v1/reservations/{COMMITTED}/commit', body: {}, status: 409, code: 'reservation_committed', mention: /committed/ });
  add(ep, { name: 'a released reservation', url: '/v1/reservations/{RELEASED}/commit', body: {}, status: 409, code: 'reservation_released', mention: /released/ });
}

// ---- DELETE /v1/reservations/:id
{
  const ep = EP.release!;
  add(ep, { name: 'unknown reservation', url: '/v1/reservations/res_doesnotexist', status: 404, code: 'unknown_reservation', mention: /res_doesnotexist/ });
  add(ep, { name: '65-character id', url: `/v1/reservations/${'r'.repeat(65)}`, status: 400, code: 'invalid_request', mention: /id/ });
  add(ep, { name: 'a committed reservation', url: '/v1/reservations/{COMMITTED}', status: 409, code: 'reservation_committed', mention: /committed/ });
}

// ---- POST /v1/availability
{
  const ep = EP.availability!;
  add(ep, { name: 'skus missing', body: {}, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'skus empty', body: { skus: [] }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: '501 skus', body: { skus: Array.from({ length: 501 }, (_, i) => `S-${i}`) }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'a sku with a space', body: { skus: [SKU, 'SKU 2'] }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'a 65-character sku', body: { skus: ['A'.repeat(65)] }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'a sku that is an object', body: { skus: [{ sku: SKU }] }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'skus an object', body: { skus: { 0: SKU } }, status: 400, code: 'invalid_request', mention: /skus/ });
  add(ep, { name: 'skus a string', body: { skus: SKU }, status: 400, code: 'invalid_request', mention: /skus/, bug: COERCE });
  add(ep, { name: 'a sku that is a number', body: { skus: [5] }, status: 400, code: 'invalid_request', mention: /skus/, bug: COERCE });
}

// ---- query strings and path ids: bounded everywhere, so nothing out of range reaches the database (PostgreSQL
// refuses a bigint past 2^63 with an error that was a 500; JavaScript loses exactness past 2^53).
{
  const get = (name: string, url: string, mention: RegExp, as: As = 'admin') =>
    CASES.push({ method: 'GET', url, as, name: `GET ${url.split('?')[0]}: ${name}`, status: 400, code: 'invalid_request', mention });
  const BAD_INTEGER: Array<[string, string]> = [
    ['negative', '-1'],
    ['fractional', '1.5'],
    ['not a number', 'abc'],
    ['2^53 (past exact integers)', '9007199254740992'],
    ['past a bigint', '99999999999999999999'],
    ['1e400 (Infinity)', '1e400'],
  ];
  for (const [label, v] of BAD_INTEGER) {
    get(`after ${label}`, `/v1/inventory/${SKU}/ledger?after=${v}`, /after/);
    get(`limit ${label}`, `/v1/inventory/${SKU}/ledger?limit=${v}`, /limit/);
    get(`limit ${label}`, `/v1/products?limit=${v}`, /limit/, 'storefront');
    get(`limit ${label}`, `/v1/waitlist?limit=${v}`, /limit/);
    get(`limit ${label}`, `/v1/messages?limit=${v}`, /limit/);
    get(`limit ${label}`, `/v1/webhooks/wh_none/deliveries?limit=${v}`, /limit/);
    get(`horizon ${label}`, `/v1/forecasts/${SKU}?horizon=${v}`, /horizon/);
  }
  get('limit 0', `/v1/products?limit=0`, /limit/, 'storefront');
  get('limit past its maximum', `/v1/inventory/${SKU}/ledger?limit=1001`, /limit/);
  get('after longer than a sku', `/v1/products?after=${LONG(65)}`, /after/, 'storefront');
  get('before longer than a message id', `/v1/messages?before=${LONG(31)}`, /before/);
  get('an id of 65 characters', `/v1/reservations/${LONG(65)}`, /id/, 'storefront');
  get('an id of 65 characters', `/v1/orders/${LONG(65)}`, /id/, 'storefront');
  get('an id of 65 characters', `/v1/webhooks/${LONG(65)}`, /id/);
  get('a sku of 65 characters', `/v1/availability/${LONG(65)}`, /sku/, 'storefront');
  get('a sku that is not one', `/v1/inventory/${encodeURIComponent('-bad sku')}`, /sku/);
}

// ---- the run
const CLEAN = CASES.filter((c) => !c.bug);
const BUGGY = CASES.filter((c) => c.bug);

interface Ids {
  active: string;
  committed: string;
  released: string;
}

async function send(h: Harness, c: Case, ids: Ids) {
  const url = c.url.replace('{ACTIVE}', ids.active).replace('{COMMITTED}', ids.committed).replace('{RELEASED}', ids.released);
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (c.auth !== undefined) {
    if (c.auth !== null) headers.authorization = c.auth;
  } else if ((c.as ?? 'admin') !== 'none') headers.authorization = `Bearer ${h.keys[(c.as ?? 'admin') as Exclude<As, 'none'>]}`;
  const payload = c.raw ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined);
  if (payload !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  const res = await h.app.inject({ method: c.method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  return { status: res.statusCode, raw: res.body, contentType: String(res.headers['content-type'] ?? '') };
}

function checkRefusal(c: Case, res: { status: number; raw: string; contentType: string }): void {
  const where = `${c.name} -> ${res.status} ${res.raw.slice(0, 300)}`;
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx: ${where}`);
  if (c.status !== undefined) assert.equal(res.status, c.status, where);
  assert.match(res.contentType, /^application\/json/, where);
  const body = JSON.parse(res.raw) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  assert.deepEqual(Object.keys(body), ['error'], where);
  const e = body.error!;
  assert.equal(typeof e.code, 'string', where);
  assert.match(e.code as string, /^[a-z_]+$/, where);
  assert.equal(typeof e.message, 'string', where);
  assert.ok((e.message as string).trim().length > 0, `empty message: ${where}`);
  assert.ok('details' in e, `no details: ${where}`);
  if (c.code) assert.equal(e.code, c.code, where);
  if (c.mention) assert.match(e.message as string, c.mention, where);
}

/** Everything a refused request must leave untouched. */
async function snapshot(h: Harness) {
  const k = h.restock.db.kysely;
  const count = async (t: 'ledger' | 'events' | 'reservations' | 'reservation_lines' | 'feed_lines' | 'products' | 'locations') =>
    Number((await k.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    levels: await h.restock.inventory.levels(SKU),
    levelsUpcoming: await h.restock.inventory.levels(UPCOMING),
    ledgerOfSku: (await h.restock.inventory.ledger(SKU, 0, 100_000)).length,
    ledger: await count('ledger'),
    events: await count('events'),
    reservations: await count('reservations'),
    reservationLines: await count('reservation_lines'),
    reservationStates: await k.selectFrom('reservations').select(['id', 'status', 'quantity', 'reference', 'updated_at']).orderBy('id').execute(),
    feedLines: await count('feed_lines'),
    stockLevels: await k.selectFrom('stock_levels').selectAll().orderBy('sku').orderBy('location').execute(),
    skuState: await k.selectFrom('sku_state').selectAll().orderBy('sku').execute(),
    products: await k.selectFrom('products').selectAll().orderBy('sku').execute(),
    locations: await k.selectFrom('locations').selectAll().orderBy('code').execute(),
  };
}

async function setup(h: Harness): Promise<Ids> {
  await seedBasic(h, SKU, { WH1: 10, WH2: 5 });
  await h.restock.catalog.upsert({ sku: UPCOMING, title: 'Not out yet', price: '5.00', status: 'upcoming', policy: { releaseDate: '2026-06-01' } });
  await h.restock.inventory.applyFeed([{ sku: UPCOMING, location: 'WH1', onHand: 3, idempotencyKey: 'seed-up' }], 'seed');
  const reserve = async (quantity: number) => {
    const r = await h.restock.inventory.reserve({ sku: SKU, quantity, location: 'WH1' });
    assert.ok(r.ok);
    return r.reservation.id;
  };
  const active = await reserve(2);
  const committed = await reserve(1);
  await h.restock.inventory.commitReservation(committed, 'order-0');
  const released = await reserve(1);
  await h.restock.inventory.releaseReservation(released);
  // WH1: on hand 10, reserved 2, committed 1 (7 free); WH2: on hand 5; ST1: nothing.
  return { active, committed, released };
}

function run(dialect: TestDialect): void {
  describe(`malformed requests are refused and change nothing (${dialect})`, () => {
    let h: Harness;
    let ids: Ids;
    let before0: Awaited<ReturnType<typeof snapshot>>;
    before(async () => {
      h = await harness(dialect);
      ids = await setup(h);
      before0 = await snapshot(h);
    });
    after(async () => h?.close());

    it(`the barrage is large and covers every mutating endpoint (${CLEAN.length} clean + ${BUGGY.length} known-bug cases)`, () => {
      assert.ok(CLEAN.length >= 200, `only ${CLEAN.length} cases`);
      for (const ep of Object.values(EP)) {
        assert.ok(CLEAN.filter((c) => c.name.startsWith(`${ep.id}:`)).length >= 10, `few cases for ${ep.id}`);
      }
    });

    for (const c of CLEAN) {
      it(c.name, async () => checkRefusal(c, await send(h, c, ids)));
    }

    it('after the barrage, levels, ledger, events, reservations, products and locations are unchanged', async () => {
      assert.deepEqual(await snapshot(h), before0);
      const replay = await h.restock.inventory.replay(SKU);
      for (const l of before0.levels.levels) {
        const r = replay.find((x) => x.location === l.location);
        assert.deepEqual(r && [r.onHand, r.reserved, r.committed], [l.onHand, l.reserved, l.committed]);
      }
    });

    // Known src bugs: these run after the invariant above because, while the bug stands, some are accepted.
    for (const c of BUGGY) {
      it(c.name, { todo: c.bug }, async () => checkRefusal(c, await send(h, c, ids)));
    }
    it('after the known-bug cases, nothing changed either', { todo: COERCE }, async () => {
      assert.deepEqual(await snapshot(h), before0);
    });
  });

  describe(`feed batches are all or nothing (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'ATOM-1', { WH1: 10, WH2: 4 });
    });
    after(async () => h?.close());

    const good = [
      { sku: 'ATOM-1', location: 'WH1', onHand: 50, idempotencyKey: 'atom-good-1' },
      { sku: 'ATOM-1', location: 'WH2', delta: 3, idempotencyKey: 'atom-good-2' },
    ];

    for (const [label, bad, reason] of [
      ['an unknown location', { sku: 'ATOM-1', location: 'NOWHERE', onHand: 5, idempotencyKey: 'atom-bad-1' }, /unknown location 'NOWHERE'/],
      ['an unknown sku', { sku: 'NOPE', location: 'WH1', onHand: 5, idempotencyKey: 'atom-bad-2' }, /unknown sku 'NOPE'/],
      ['a delta below zero (found inside the write)', { sku: 'ATOM-1', location: 'WH2', delta: -8, idempotencyKey: 'atom-bad-3' }, /below zero/],
    ] as const) {
      it(`one line with ${label} rejects the whole batch, good lines included`, async () => {
        const levels = await h.restock.inventory.levels('ATOM-1');
        const ledger = (await h.restock.inventory.ledger('ATOM-1', 0, 10_000)).length;
        const r = await h.call('POST', '/v1/inventory/feed', { lines: [...good, bad] }, { as: 'feed' });
        assert.equal(r.status, 400, r.raw);
        assert.equal(r.body.error.code, 'invalid_feed');
        assert.match(r.body.error.message, /nothing was applied/);
        assert.equal(r.body.error.details.lines.length, 1, r.raw);
        assert.equal(r.body.error.details.lines[0].line, 2);
        assert.match(r.body.error.details.lines[0].reason, reason);
        assert.deepEqual(await h.restock.inventory.levels('ATOM-1'), levels);
        assert.equal((await h.restock.inventory.ledger('ATOM-1', 0, 10_000)).length, ledger);
      });
    }

    it("the good lines' idempotency keys were not used up: sent alone they apply", async () => {
      const r = await h.call('POST', '/v1/inventory/feed', { lines: good }, { as: 'feed' });
      assert.equal(r.status, 200, r.raw);
      assert.deepEqual(r.body.lines.map((l: { status: string; onHand: number }) => [l.status, l.onHand]), [['applied', 50], ['applied', 7]]);
    });
  });

  describe(`valid requests that still must not fail with a 5xx (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'EDGE-1', { WH1: 10 });
      await h.restock.catalog.upsert({ sku: 'NUL-1', title: 'Nul', price: '1' });
      await h.restock.inventory.applyFeed([{ sku: 'NUL-1', location: 'WH1', onHand: 10, idempotencyKey: 'nul-seed' }], 'seed');
    });
    after(async () => h?.close());

    it(
      'shipping sold units after a count found fewer on hand than are sold is refused with a 409, not a 500',
      async () => {
        const r = await h.call('POST', '/v1/reservations', { sku: 'EDGE-1', quantity: 3 }, { as: 'storefront' });
        assert.equal(r.status, 201);
        assert.equal((await h.call('POST', `/v1/reservations/${r.body.id}/commit`, {}, { as: 'checkout' })).status, 200);
        const count = await h.call('POST', '/v1/inventory/feed', { lines: [{ sku: 'EDGE-1', location: 'WH1', onHand: 1, idempotencyKey: 'edge-count' }] }, { as: 'feed' });
        assert.equal(count.status, 200);
        const before1 = await h.restock.inventory.levels('EDGE-1');
        const s = await h.call('POST', '/v1/inventory/shipments', { sku: 'EDGE-1', location: 'WH1', quantity: 3 }, { as: 'feed' });
        assert.ok(s.status >= 400 && s.status < 500, `${s.status} ${s.raw}`);
        assert.equal(s.status, 409, s.raw);
        assert.deepEqual(await h.restock.inventory.levels('EDGE-1'), before1);
      },
    );

    it(
      'counts of 1e9 at three locations (each within the schema) are accepted',
      {},
      async () => {
        await h.restock.catalog.upsert({ sku: 'BIG-1', title: 'Big', price: '1' });
        const lines = ['WH1', 'WH2', 'ST1'].map((location) => ({ sku: 'BIG-1', location, onHand: 1_000_000_000, idempotencyKey: `big-${location}` }));
        const r = await h.call('POST', '/v1/inventory/feed', { lines }, { as: 'feed' });
        assert.ok(r.status < 500, `${r.status} ${r.raw}`);
        assert.equal(r.status, 200, r.raw);
        assert.equal((await h.restock.inventory.levels('BIG-1')).totals.availableToSell, 3_000_000_000);
      },
    );

    it(
      'a feed of 3000 deltas of +1e6 (each within the schema) is accepted or refused with a 4xx, never a 500',
      {},
      async () => {
        await h.restock.catalog.upsert({ sku: 'BIG-2', title: 'Big', price: '1' });
        const lines = Array.from({ length: 3000 }, (_, i) => ({ sku: 'BIG-2', location: 'WH1', delta: 1_000_000, idempotencyKey: `big2-${i}` }));
        const r = await h.call('POST', '/v1/inventory/feed', { lines }, { as: 'feed' });
        assert.ok(r.status < 500, `${r.status} ${r.raw.slice(0, 300)}`);
        // 3e9 units would pass MAX_ON_HAND (inventory/feed-policy.ts), the one bound for counts and levels.
        assert.equal(r.status, 409, r.raw.slice(0, 300));
        assert.equal(r.body.error.code, 'stock_limit');
        assert.deepEqual(r.body.error.details, { sku: 'BIG-2', location: 'WH1', max: 1_000_000_000 });
      },
    );

    for (const [label, method, url, body, as] of [
      ['a reservation reference', 'POST', '/v1/reservations', { sku: 'NUL-1', quantity: 1, reference: 'order\u0000-9' }, 'storefront'],
      ['a product title', 'POST', '/v1/products', { sku: 'EDGE-NUL', title: 'Nul\u0000title', price: '1' }, 'admin'],
      ['a location name', 'POST', '/v1/locations', { code: 'NUL1', name: 'Nul\u0000name', type: 'store', priority: 9, region: '' }, 'admin'],
      ['a feed idempotencyKey', 'POST', '/v1/inventory/feed', { lines: [{ sku: 'NUL-1', location: 'WH1', delta: 1, idempotencyKey: 'nul\u0000key' }] }, 'feed'],
      ['an adjustment reason', 'POST', '/v1/inventory/adjustments', { sku: 'NUL-1', location: 'WH1', delta: 1, reason: 'found\u0000' }, 'feed'],
    ] as const) {
      it(
        `a NUL character in ${label} is stored or refused with a 4xx, never a 500`,
        {},
        async () => {
          const r = await h.call(method, url, body, { as });
          assert.ok(r.status < 500, `${r.status} ${r.raw}`);
        },
      );
    }
  });
}

for (const dialect of DIALECTS) run(dialect);

// Last, after every case above: each error answered used a code its operation lists in the OpenAPI document, with
// the details shape the error catalogue gives that code (http/errors.ts records both under the test runner).
describe('the answers above kept to the error catalogue', () => {
  it('no code outside its operation\'s list, no details off its code\'s shape', () => {
    assert.deepEqual([...undeclaredCodes], []);
    assert.deepEqual([...offShapeDetails], []);
  });
});
