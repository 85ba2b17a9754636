/**
 * Bad input to orders and inbound: every request below must be refused with a 4xx (never a 5xx) in the one error
 * shape `{ error: { code, message, details } }`, with the reason, and must write nothing: orders, order lines,
 * their allocations, ledger, outbox, inbound, reservations, settings and stock levels are compared row by row
 * before and after each request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

type As = 'admin' | 'storefront' | 'checkout' | 'feed' | 'none';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** Placeholders in {BRACES} are ids made in setup. */
  url: string;
  body?: unknown;
  as: As;
  status: number;
  code: string;
  /** For `order_refused`: the refusal code of each refused line, by line index. */
  lines?: Array<[number, string]>;
  /** The message must say this. */
  mention?: RegExp;
}

const C = (id: number) => ({ id: `cust-${id}`, email: `cust${id}@example.com` });
const ORDER = '/v1/orders';

/** Ids made in setup, substituted into urls and bodies. */
type Ids = Record<string, string>;

function cases(): Case[] {
  const out: Case[] = [];
  const order = (name: string, lines: unknown, status: number, code: string, extra: Partial<Case> = {}, customer: unknown = C(1)) =>
    out.push({ name: `order: ${name}`, method: 'POST', url: ORDER, body: { customer, lines }, as: 'checkout', status, code, ...extra });

  // ---- order lines: SKUs and quantities
  order('unknown SKU', [{ sku: 'NOPE', quantity: 1 }], 404, 'unknown_sku', { mention: /NOPE/ });
  order('a good line and an unknown SKU', [{ sku: 'OK', quantity: 1 }, { sku: 'NOPE', quantity: 1 }], 404, 'unknown_sku', { mention: /NOPE/ });
  for (const [label, q] of [['zero', 0], ['negative', -1], ['fractional', 1.5], ['tiny fraction', 1e-9], ['1_000_001', 1_000_001], ['huge 1e9', 1e9], ['huge 1e20', 1e20], ['2**53', 2 ** 53], ['a string', '2'], ['null', null]] as Array<[string, unknown]>) {
    order(`quantity ${label}`, [{ sku: 'OK', quantity: q }], 400, 'invalid_request', { mention: /quantity/ });
  }
  order('quantity missing', [{ sku: 'OK' }], 400, 'invalid_request', { mention: /quantity/ });
  order('sku with a space', [{ sku: 'O K', quantity: 1 }], 400, 'invalid_request', { mention: /sku/ });
  order('no lines', [], 400, 'invalid_request', { mention: /lines/ });
  order('201 lines', Array.from({ length: 201 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })), 400, 'invalid_request', { mention: /lines/ });
  order('lines an object', { sku: 'OK', quantity: 1 }, 400, 'invalid_request', { mention: /lines/ });
  order('unknown field in a line', [{ sku: 'OK', quantity: 1, price: '0.01' }], 400, 'invalid_request', { mention: /price/ });
  order('allowPartial a string', [{ sku: 'BO', quantity: 1, allowPartial: 'no' }], 400, 'invalid_request', { mention: /allowPartial/ });
  order('duplicate lines (same SKU twice)', [{ sku: 'OK', quantity: 1 }, { sku: 'OK', quantity: 2 }], 400, 'duplicate_line', { mention: /OK/ });
  order('duplicate lines, one of them with a reservation', [{ sku: 'OK', quantity: 1 }, { sku: 'OK', quantity: 3, reservationId: '{RES_ACTIVE}' }], 400, 'duplicate_line');

  // ---- policy refusals: 409 order_refused, reasons per line
  order('backorder on a SKU that does not allow it', [{ sku: 'NB', quantity: 3 }], 409, 'order_refused', { lines: [[0, 'insufficient_stock']] });
  order('a good line and a line beyond stock of a non-backorderable SKU', [{ sku: 'OK', quantity: 1 }, { sku: 'NB', quantity: 3 }], 409, 'order_refused', { lines: [[1, 'insufficient_stock']] });
  order('over the backorder cap (9 from stock + 6 > cap 5)', [{ sku: 'BO', quantity: 15 }], 409, 'order_refused', { lines: [[0, 'backorder_limit']] });
  order('over the backorder cap, huge', [{ sku: 'BO', quantity: 1_000_000 }], 409, 'order_refused', { lines: [[0, 'backorder_limit']] });
  order('over the pre-order cap (6 > 5)', [{ sku: 'PRE', quantity: 6 }], 409, 'order_refused', { lines: [[0, 'preorder_limit']] });
  order('two lines both over their caps', [{ sku: 'PRE', quantity: 6 }, { sku: 'BO', quantity: 15 }], 409, 'order_refused', { lines: [[0, 'preorder_limit'], [1, 'backorder_limit']] });
  order('pre-order of an upcoming SKU that takes none', [{ sku: 'UPNP', quantity: 1 }], 409, 'order_refused', { lines: [[0, 'not_released']] });
  order('good lines and one pre-order over the cap', [{ sku: 'OK', quantity: 3, reservationId: '{RES_ACTIVE}' }, { sku: 'BO', quantity: 1 }, { sku: 'PRE', quantity: 6 }], 409, 'order_refused', { lines: [[2, 'preorder_limit']] });

  // ---- reservations
  order('unknown reservationId', [{ sku: 'OK', quantity: 3, reservationId: 'res_never_made' }], 409, 'order_refused', { lines: [[0, 'unknown_reservation']] });
  order('released reservation', [{ sku: 'OK', quantity: 3, reservationId: '{RES_RELEASED}' }], 409, 'order_refused', { lines: [[0, 'reservation_released']] });
  order('expired reservation, not yet swept', [{ sku: 'OK', quantity: 3, reservationId: '{RES_EXPIRED}' }], 409, 'order_refused', { lines: [[0, 'reservation_expired']] });
  order('expired reservation, marked expired', [{ sku: 'OTHER', quantity: 1, reservationId: '{RES_EXPIRED_MARKED}' }], 409, 'order_refused', { lines: [[0, 'reservation_expired']] });
  order('reservation already used by an order', [{ sku: 'OK', quantity: 2, reservationId: '{RES_USED}' }], 409, 'order_refused', { lines: [[0, 'reservation_committed']] });
  order('reservation committed directly', [{ sku: 'OK', quantity: 1, reservationId: '{RES_COMMITTED}' }], 409, 'order_refused', { lines: [[0, 'reservation_committed']] });
  order('reservation for another SKU', [{ sku: 'OK', quantity: 3, reservationId: '{RES_OTHER}' }], 409, 'order_refused', { lines: [[0, 'reservation_mismatch']] });
  order('reservation larger than the line', [{ sku: 'OK', quantity: 2, reservationId: '{RES_ACTIVE}' }], 409, 'order_refused', { lines: [[0, 'reservation_mismatch']] });
  order('a good line with its reservation, and a line over the cap', [{ sku: 'OK', quantity: 3, reservationId: '{RES_ACTIVE}' }, { sku: 'BO', quantity: 15 }], 409, 'order_refused', { lines: [[1, 'backorder_limit']] });
  order('a reservation covering part of a line whose rest the SKU cannot backorder', [{ sku: 'NB', quantity: 5, reservationId: '{RES_NB}' }], 409, 'order_refused', { lines: [[0, 'insufficient_stock']] });
  order('reservationId empty', [{ sku: 'OK', quantity: 3, reservationId: '' }], 400, 'invalid_request', { mention: /reservationId/ });
  order('reservationId of 65 characters', [{ sku: 'OK', quantity: 3, reservationId: 'r'.repeat(65) }], 400, 'invalid_request', { mention: /reservationId/ });

  // ---- customer
  const line = [{ sku: 'OK', quantity: 1 }];
  order('customer missing', line, 400, 'invalid_request', { body: { lines: line }, mention: /customer/ });
  order('customer id missing', line, 400, 'invalid_request', { mention: /id/ }, { email: 'a@example.com' });
  order('customer id empty', line, 400, 'invalid_request', { mention: /id/ }, { id: '', email: 'a@example.com' });
  order('customer id of 201 characters', line, 400, 'invalid_request', { mention: /id/ }, { id: 'x'.repeat(201), email: 'a@example.com' });
  order('customer email missing', line, 400, 'invalid_request', { mention: /email/ }, { id: 'a' });
  for (const email of ['not-an-email', 'a@', '@example.com', 'a b@example.com', '']) {
    order(`customer email '${email}'`, line, 400, 'invalid_request', { mention: /email/ }, { id: 'a', email });
  }
  order('customer tier empty', line, 400, 'invalid_request', { mention: /tier/ }, { id: 'a', email: 'a@example.com', tier: '' });
  order('customer with an unknown field', line, 400, 'invalid_request', { mention: /vip/ }, { id: 'a', email: 'a@example.com', vip: true });
  order('customer a string', line, 400, 'invalid_request', { mention: /customer/ }, 'cust-1');

  // ---- wrong scopes and no key
  out.push({ name: 'order: placed with a feed key', method: 'POST', url: ORDER, body: { customer: C(1), lines: line }, as: 'feed', status: 403, code: 'forbidden', mention: /scope/ });
  out.push({ name: 'order: placed without a key', method: 'POST', url: ORDER, body: { customer: C(1), lines: line }, as: 'none', status: 401, code: 'unauthorized' });
  out.push({ name: 'order: line cancelled with a feed key', method: 'POST', url: '/v1/orders/{ORDER}/lines/{LINE}/cancel', body: {}, as: 'feed', status: 403, code: 'forbidden' });
  out.push({ name: 'order: read with a feed key', method: 'GET', url: '/v1/orders/{ORDER}', as: 'feed', status: 403, code: 'forbidden' });
  const inboundBody = { sku: 'IN', location: 'WH1', quantity: 5, expectedDate: '2026-02-01' };
  out.push({ name: 'inbound: created with a storefront key', method: 'POST', url: '/v1/inbound', body: inboundBody, as: 'storefront', status: 403, code: 'forbidden', mention: /scope/ });
  out.push({ name: 'inbound: changed with a storefront key', method: 'PATCH', url: '/v1/inbound/{INB_OPEN}', body: { quantity: 9 }, as: 'storefront', status: 403, code: 'forbidden' });
  out.push({ name: 'inbound: received with a storefront key', method: 'POST', url: '/v1/inbound/{INB_OPEN}/receive', body: {}, as: 'storefront', status: 403, code: 'forbidden' });
  out.push({ name: 'inbound: created without a key', method: 'POST', url: '/v1/inbound', body: inboundBody, as: 'none', status: 401, code: 'unauthorized' });
  out.push({ name: 'allocation policy: changed with a storefront key', method: 'PUT', url: '/v1/settings/allocation', body: { strategy: 'priority', tierRanks: {}, preordersFirst: true, useSafetyStock: true }, as: 'storefront', status: 403, code: 'forbidden' });
  out.push({ name: 'allocation policy: changed with a feed key', method: 'PUT', url: '/v1/settings/allocation', body: { strategy: 'priority', tierRanks: {}, preordersFirst: true, useSafetyStock: true }, as: 'feed', status: 403, code: 'forbidden' });

  // ---- unknown ids, wrong order id
  out.push({ name: 'order: unknown order id', method: 'GET', url: '/v1/orders/ord_nope', as: 'checkout', status: 404, code: 'unknown_order', mention: /ord_nope/ });
  out.push({ name: 'order: cancel with an unknown order id', method: 'POST', url: '/v1/orders/ord_nope/lines/{LINE}/cancel', body: {}, as: 'checkout', status: 404, code: 'unknown_order_line' });
  out.push({ name: 'order: cancel an unknown line', method: 'POST', url: '/v1/orders/{ORDER}/lines/line_nope/cancel', body: {}, as: 'checkout', status: 404, code: 'unknown_order_line' });
  out.push({ name: 'order: cancel a line through another order', method: 'POST', url: '/v1/orders/{ORDER2}/lines/{LINE}/cancel', body: {}, as: 'checkout', status: 404, code: 'unknown_order_line' });
  out.push({ name: 'order: cancel a line already cancelled', method: 'POST', url: '/v1/orders/{ORDER2}/lines/{LINE2_CANCELLED}/cancel', body: {}, as: 'checkout', status: 409, code: 'line_cancelled' });
  out.push({ name: 'order: cancel with a body field', method: 'POST', url: '/v1/orders/{ORDER}/lines/{LINE}/cancel', body: { reason: 'changed my mind' }, as: 'checkout', status: 400, code: 'invalid_request', mention: /reason/ });
  out.push({ name: 'order: id of 65 characters', method: 'GET', url: `/v1/orders/${'o'.repeat(65)}`, as: 'checkout', status: 400, code: 'invalid_request' });
  out.push({ name: 'inbound: change an unknown inbound', method: 'PATCH', url: '/v1/inbound/inb_nope', body: { quantity: 3 }, as: 'feed', status: 404, code: 'unknown_inbound', mention: /inb_nope/ });
  out.push({ name: 'inbound: receive an unknown inbound', method: 'POST', url: '/v1/inbound/inb_nope/receive', body: {}, as: 'feed', status: 404, code: 'unknown_inbound', mention: /inb_nope/ });
  out.push({ name: 'queue: backorders of an unknown SKU', method: 'GET', url: '/v1/backorders?sku=NOPE', as: 'admin', status: 404, code: 'unknown_sku' });

  // ---- inbound: creation
  const inb = (name: string, body: unknown, status: number, code: string, mention?: RegExp) =>
    out.push({ name: `inbound: ${name}`, method: 'POST', url: '/v1/inbound', body, as: 'feed', status, code, ...(mention ? { mention } : {}) });
  inb('unknown SKU', { ...inboundBody, sku: 'NOPE' }, 404, 'unknown_sku', /NOPE/);
  inb('unknown location', { ...inboundBody, location: 'NOWHERE' }, 404, 'unknown_location', /NOWHERE/);
  for (const [label, q] of [['zero', 0], ['negative', -5], ['fractional', 2.5], ['1_000_001', 1_000_001], ['huge 1e20', 1e20]] as Array<[string, unknown]>) {
    inb(`quantity ${label}`, { ...inboundBody, quantity: q }, 400, 'invalid_request', /quantity/);
  }
  for (const d of ['2026-13-01', '2026-02-30', '2026-02-29', '0000-00-00', '2026-00-10']) inb(`expectedDate ${d}`, { ...inboundBody, expectedDate: d }, 400, 'invalid_date', /expectedDate/);
  for (const d of ['tomorrow', '2026-1-5', '2026/02/01', '01-02-2026', '2026-02-01T00:00:00Z', '', ' 2026-02-01']) inb(`expectedDate '${d}'`, { ...inboundBody, expectedDate: d }, 400, 'invalid_request', /expectedDate/);
  inb('expectedDate missing', { sku: 'IN', location: 'WH1', quantity: 5 }, 400, 'invalid_request', /expectedDate/);
  inb('expectedDate a number', { ...inboundBody, expectedDate: 20260201 }, 400, 'invalid_request', /expectedDate/);
  inb('unknown field', { ...inboundBody, status: 'received' }, 400, 'invalid_request', /status/);
  inb('reference empty', { ...inboundBody, reference: '' }, 400, 'invalid_request', /reference/);

  // ---- inbound: changes
  const patch = (name: string, id: string, body: unknown, status: number, code: string, mention?: RegExp) =>
    out.push({ name: `inbound PATCH: ${name}`, method: 'PATCH', url: `/v1/inbound/${id}`, body, as: 'feed', status, code, ...(mention ? { mention } : {}) });
  patch('empty body', '{INB_PARTIAL}', {}, 400, 'invalid_request');
  patch('quantity below what was received (4 < 5)', '{INB_PARTIAL}', { quantity: 4 }, 409, 'below_received', /received/);
  patch('quantity zero', '{INB_PARTIAL}', { quantity: 0 }, 400, 'invalid_request', /quantity/);
  patch('quantity fractional', '{INB_PARTIAL}', { quantity: 7.5 }, 400, 'invalid_request', /quantity/);
  for (const d of ['2026-13-01', '2026-02-30']) patch(`expectedDate ${d}`, '{INB_OPEN}', { expectedDate: d }, 400, 'invalid_date', /expectedDate/);
  for (const d of ['tomorrow', '2026-1-5', '']) patch(`expectedDate '${d}'`, '{INB_OPEN}', { expectedDate: d }, 400, 'invalid_request', /expectedDate/);
  patch('a malformed date together with a valid quantity', '{INB_OPEN}', { quantity: 20, expectedDate: '2026-02-30' }, 400, 'invalid_date', /expectedDate/);
  patch('status other than cancelled', '{INB_OPEN}', { status: 'received' }, 400, 'invalid_request', /status/);
  patch('status open', '{INB_OPEN}', { status: 'open' }, 400, 'invalid_request', /status/);
  patch('unknown field', '{INB_OPEN}', { received: 10 }, 400, 'invalid_request', /received/);
  patch('sku cannot change', '{INB_OPEN}', { sku: 'OK' }, 400, 'invalid_request', /sku/);
  patch('a cancelled inbound', '{INB_CANCELLED}', { quantity: 3 }, 409, 'inbound_cancelled');
  patch('cancel a cancelled inbound', '{INB_CANCELLED}', { status: 'cancelled' }, 409, 'inbound_cancelled');
  patch('a fully received inbound', '{INB_RECEIVED}', { expectedDate: '2026-03-01' }, 409, 'inbound_received');

  // ---- inbound: receipts
  const receive = (name: string, id: string, body: unknown, status: number, code: string, mention?: RegExp) =>
    out.push({ name: `inbound receive: ${name}`, method: 'POST', url: `/v1/inbound/${id}/receive`, body, as: 'feed', status, code, ...(mention ? { mention } : {}) });
  receive('more than expected (11 of 10)', '{INB_OPEN}', { quantity: 11 }, 409, 'over_receipt', /expects 10/);
  receive('more than the rest of a partly received inbound (6 of 5 left)', '{INB_PARTIAL}', { quantity: 6 }, 409, 'over_receipt', /expects 5/);
  receive('huge quantity', '{INB_OPEN}', { quantity: 1_000_000 }, 409, 'over_receipt');
  receive('a cancelled inbound', '{INB_CANCELLED}', {}, 409, 'inbound_cancelled');
  receive('a cancelled inbound, with a quantity', '{INB_CANCELLED}', { quantity: 1 }, 409, 'inbound_cancelled');
  receive('a fully received inbound', '{INB_RECEIVED}', {}, 409, 'inbound_received');
  receive('quantity zero', '{INB_OPEN}', { quantity: 0 }, 400, 'invalid_request', /quantity/);
  receive('quantity negative', '{INB_OPEN}', { quantity: -1 }, 400, 'invalid_request', /quantity/);
  receive('quantity fractional', '{INB_OPEN}', { quantity: 1.5 }, 400, 'invalid_request', /quantity/);
  receive('unknown field', '{INB_OPEN}', { quantity: 1, location: 'WH2' }, 400, 'invalid_request', /location/);

  // ---- allocation policy
  const policy = { strategy: 'fifo', tierRanks: {}, preordersFirst: false, useSafetyStock: false };
  const put = (name: string, body: unknown, mention: RegExp) => out.push({ name: `allocation policy: ${name}`, method: 'PUT', url: '/v1/settings/allocation', body, as: 'admin', status: 400, code: 'invalid_request', mention });
  put('unknown strategy', { ...policy, strategy: 'random' }, /strategy/);
  put('negative tier rank', { ...policy, tierRanks: { vip: -1 } }, /tierRanks/);
  put('fractional tier rank', { ...policy, tierRanks: { vip: 1.5 } }, /tierRanks/);
  put('missing useSafetyStock', { strategy: 'fifo', tierRanks: {}, preordersFirst: false }, /useSafetyStock/);
  return out;
}

function fill(v: unknown, ids: Ids): unknown {
  if (typeof v === 'string') return v.replace(/\{([A-Z0-9_]+)\}/g, (_, k: string) => ids[k] ?? `{${k}}`);
  if (Array.isArray(v)) return v.map((x) => fill(x, ids));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, ids)]));
  return v;
}

/** Every table an order or inbound request could write, row by row (timestamps included). */
async function snapshot(h: Harness) {
  const k = h.restock.db.kysely;
  return {
    orders: await k.selectFrom('orders').selectAll().orderBy('id').execute(),
    lines: await k.selectFrom('order_lines').selectAll().orderBy('id').execute(),
    allocations: await k.selectFrom('order_line_allocations').selectAll().orderBy('line_id').orderBy('location').execute(),
    ledger: Number((await k.selectFrom('ledger').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n),
    events: Number((await k.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n),
    inbound: await k.selectFrom('inbound').selectAll().orderBy('id').execute(),
    reservations: await k.selectFrom('reservations').select(['id', 'status', 'quantity', 'updated_at']).orderBy('id').execute(),
    levels: await k.selectFrom('stock_levels').selectAll().orderBy('sku').orderBy('location').execute(),
    skuState: await k.selectFrom('sku_state').selectAll().orderBy('sku').execute(),
    settings: await k.selectFrom('settings').selectAll().orderBy('key').execute(),
    products: await k.selectFrom('products').select(['sku', 'status', 'updated_at']).orderBy('sku').execute(),
  };
}

for (const dialect of DIALECTS) {
  describe(`orders and inbound refuse bad input, writing nothing (${dialect})`, () => {
    let h: Harness;
    const ids: Ids = {};

    before(async () => {
      h = await harness(dialect);
      const inv = h.restock.inventory;
      await seedBasic(h, 'OK', { WH1: 20 });
      await seedBasic(h, 'OTHER', { WH1: 5 });
      await seedBasic(h, 'NB', { WH1: 2 });
      await seedBasic(h, 'BO', { WH1: 10 });
      await seedBasic(h, 'IN', {});
      await h.restock.catalog.upsert({ sku: 'BO', title: 'Backorderable', price: '1', policy: { allowBackorder: true, backorderLimit: 5, leadTimeDays: 10 } });
      await h.restock.catalog.upsert({ sku: 'PRE', title: 'Upcoming', price: '1', status: 'upcoming', policy: { allowPreorder: true, preorderLimit: 5, releaseDate: '2026-03-01' } });
      await h.restock.catalog.upsert({ sku: 'UPNP', title: 'Upcoming, no pre-orders', price: '1', status: 'upcoming', policy: { releaseDate: '2026-03-01' } });
      const reserve = async (sku: string, quantity: number, ttlSeconds = 7 * 24 * 3600) => {
        const r = await inv.reserve({ sku, quantity, ttlSeconds });
        assert.ok(r.ok, `reserve ${quantity} of ${sku}`);
        return r.reservation.id;
      };
      ids.RES_ACTIVE = await reserve('OK', 3);
      ids.RES_RELEASED = await reserve('OK', 3);
      await inv.releaseReservation(ids.RES_RELEASED);
      ids.RES_COMMITTED = await reserve('OK', 1);
      await inv.commitReservation(ids.RES_COMMITTED);
      ids.RES_OTHER = await reserve('OTHER', 1);
      ids.RES_NB = await reserve('NB', 1);
      ids.RES_USED = await reserve('OK', 2);
      ids.RES_EXPIRED = await reserve('OK', 3, 60);
      ids.RES_EXPIRED_MARKED = await reserve('OTHER', 1, 60);
      const used = await h.call('POST', '/v1/orders', { customer: C(100), lines: [{ sku: 'OK', quantity: 2, reservationId: ids.RES_USED }] }, { as: 'checkout' });
      assert.equal(used.status, 201, used.raw);
      // Orders to cancel through the wrong id: ORDER has LINE; ORDER2 has a cancelled line.
      const o1 = await h.call('POST', '/v1/orders', { customer: C(101), lines: [{ sku: 'OK', quantity: 1 }] }, { as: 'checkout' });
      const o2 = await h.call('POST', '/v1/orders', { customer: C(102), lines: [{ sku: 'OK', quantity: 1 }, { sku: 'BO', quantity: 1 }] }, { as: 'checkout' });
      assert.equal(o1.status, 201, o1.raw);
      assert.equal(o2.status, 201, o2.raw);
      ids.ORDER = o1.body.id;
      ids.LINE = o1.body.lines[0].id;
      ids.ORDER2 = o2.body.id;
      ids.LINE2_CANCELLED = o2.body.lines[0].id;
      assert.equal((await h.call('POST', `/v1/orders/${ids.ORDER2}/lines/${ids.LINE2_CANCELLED}/cancel`, {}, { as: 'checkout' })).status, 200);
      // Inbound: open (10), partly received (5 of 10), cancelled, fully received.
      const mk = async (quantity: number) => {
        const r = await h.call('POST', '/v1/inbound', { sku: 'IN', location: 'WH1', quantity, expectedDate: '2026-02-10', reference: `PO-${quantity}` }, { as: 'feed' });
        assert.equal(r.status, 201, r.raw);
        return r.body.id as string;
      };
      ids.INB_OPEN = await mk(10);
      ids.INB_PARTIAL = await mk(10);
      assert.equal((await h.call('POST', `/v1/inbound/${ids.INB_PARTIAL}/receive`, { quantity: 5 }, { as: 'feed' })).status, 200);
      ids.INB_CANCELLED = await mk(3);
      assert.equal((await h.call('PATCH', `/v1/inbound/${ids.INB_CANCELLED}`, { status: 'cancelled' }, { as: 'feed' })).status, 200);
      ids.INB_RECEIVED = await mk(2);
      assert.equal((await h.call('POST', `/v1/inbound/${ids.INB_RECEIVED}/receive`, {}, { as: 'feed' })).status, 200);
      // Time passes: the two short reservations expire (not swept); one of them is then marked expired.
      h.clock.advance(120_000);
      assert.equal((await inv.releaseReservation(ids.RES_EXPIRED_MARKED)).status, 'expired');
    });
    after(async () => h?.close());

    for (const c of cases()) {
      it(c.name, async () => {
        const url = fill(c.url, ids) as string;
        assert.ok(!/\{[A-Z0-9_]+\}/.test(url), `unfilled id in ${url}`);
        const body = c.body === undefined ? undefined : fill(c.body, ids);
        const beforeRows = await snapshot(h);
        const r = await h.call(c.method, url, body, { as: c.as });
        assert.equal(r.status, c.status, `${c.method} ${url} → ${r.status} ${r.raw.slice(0, 500)}`);
        assert.ok(r.body && typeof r.body === 'object' && r.body.error, `error shape: ${r.raw.slice(0, 300)}`);
        assert.deepEqual(Object.keys(r.body.error).sort(), ['code', 'details', 'message']);
        assert.equal(r.body.error.code, c.code, r.raw.slice(0, 500));
        assert.equal(typeof r.body.error.message, 'string');
        assert.ok(r.body.error.message.length > 0);
        if (c.mention) assert.match(r.body.error.message + JSON.stringify(r.body.error.details), c.mention);
        if (c.lines) {
          const got = (r.body.error.details?.lines ?? []).map((l: { line: number; code: string; reason: string }) => {
            assert.ok(typeof l.reason === 'string' && l.reason.length > 0, 'each refused line says why');
            return [l.line, l.code];
          });
          assert.deepEqual(got, c.lines);
        }
        assert.deepEqual(await snapshot(h), beforeRows, 'nothing written');
      });
    }

    it('the setup objects are still usable: the active reservation still places an order', async () => {
      const r = await h.call('POST', '/v1/orders', { customer: C(200), lines: [{ sku: 'OK', quantity: 3, reservationId: ids.RES_ACTIVE }] }, { as: 'checkout' });
      assert.equal(r.status, 201, r.raw);
      assert.equal(r.body.lines[0].fromStock, 3);
      const rec = await h.call('POST', `/v1/inbound/${ids.INB_PARTIAL}/receive`, { quantity: 5 }, { as: 'feed' });
      assert.equal(rec.status, 200, rec.raw);
      assert.equal(rec.body.status, 'received');
    });

    it('a reservation of a SKU that has since become upcoming is not counted twice', {
    }, async () => {
      await seedBasic(h, 'FLIP', { WH1: 5 });
      const res = await h.restock.inventory.reserve({ sku: 'FLIP', quantity: 2, ttlSeconds: 3600 });
      assert.ok(res.ok);
      await h.restock.catalog.upsert({ sku: 'FLIP', title: 'Back to upcoming', price: '1', status: 'upcoming', policy: { allowPreorder: true, preorderLimit: 10, releaseDate: '2026-03-01' } });
      const beforeRows = await snapshot(h);
      const r = await h.call('POST', '/v1/orders', { customer: C(300), lines: [{ sku: 'FLIP', quantity: 2, reservationId: res.reservation.id }] }, { as: 'checkout' });
      if (r.status !== 201) {
        // Refusing is a fine answer too, as long as nothing was written.
        assert.equal(r.status, 409, r.raw);
        assert.deepEqual(await snapshot(h), beforeRows);
        return;
      }
      const line = r.body.lines[0];
      const lv = await h.restock.inventory.levels('FLIP');
      // 2 units ordered: what is committed to the line plus what it still waits for is 2, not 4.
      assert.equal(line.fromStock + line.allocated + line.waiting, 2, r.raw);
      assert.equal(lv.totals.committed, line.fromStock + line.allocated);
    });
  });
}
