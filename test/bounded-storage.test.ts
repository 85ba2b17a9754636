/**
 * Bounded storage on every dialect: idempotency records expire and are swept (the key is usable again), a claim
 * left pending by a dead process is taken over after the request time-out (not before), a response too large to
 * keep is not kept, read-only POSTs store nothing; and the retention sweeper deletes old outbox events, sent
 * messages and finished webhook deliveries in bounded batches while keeping what is still needed (events a
 * consumer has not processed, parked events, messages still queued or sending, deliveries still pending).
 * Time is the ManualClock's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_REQUEST_TIMEOUT_MS, requestHash, sweepIdempotencyKeys } from '../src/http/idempotency.ts';
import { RetentionSweeper } from '../src/messaging/retention.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

const SKU = 'BOUND-1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function idemRows(h: Harness, key?: string): Promise<Array<{ principal: string; key: string; state: string; response_body: string | null }>> {
  let q = h.restock.db.kysely.selectFrom('idempotency_keys').select(['principal', 'key', 'state', 'response_body']);
  if (key) q = q.where('key', '=', key);
  return q.execute();
}

async function reservationCount(h: Harness): Promise<number> {
  return Number((await h.restock.db.kysely.selectFrom('reservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

for (const dialect of DIALECTS) {
  describe(`idempotency records are bounded (${dialect})`, () => {
    let h: Harness;
    const idem = (key: string) => ({ 'idempotency-key': key });
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, SKU, { WH1: 500 });
    });
    after(async () => h?.close());

    it('a record older than the TTL (24 h) is swept, and its key is then usable for another request', async () => {
      const first = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('ttl-1') });
      assert.equal(first.status, 201, first.raw);
      h.clock.advance(DAY - 1);
      assert.equal(await sweepIdempotencyKeys(h.restock.db, h.clock.now(), DAY), 0, 'not yet');
      const early = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 2 }, { as: 'storefront', headers: idem('ttl-1') });
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, 'idempotency_key_reused');
      h.clock.advance(2);
      assert.equal(await sweepIdempotencyKeys(h.restock.db, h.clock.now(), DAY, 1), 1);
      assert.deepEqual(await idemRows(h, 'ttl-1'), []);
      const count = await reservationCount(h);
      const again = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 2 }, { as: 'storefront', headers: idem('ttl-1') });
      assert.equal(again.status, 201, again.raw);
      assert.equal(again.headers['idempotent-replayed'], undefined);
      assert.notEqual(again.body.id, first.body.id);
      assert.equal(await reservationCount(h), count + 1);
    });

    it('an expired record is not replayed even before the sweeper has run', async () => {
      const first = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('ttl-2') });
      assert.equal(first.status, 201);
      h.clock.advance(DAY + 1);
      const again = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 1 }, { as: 'storefront', headers: idem('ttl-2') });
      assert.equal(again.status, 201);
      assert.equal(again.headers['idempotent-replayed'], undefined);
      assert.notEqual(again.body.id, first.body.id);
    });

    it('sweeps in batches, with several sweepers at once', async () => {
      for (let i = 0; i < 7; i++) assert.equal((await h.call('POST', '/v1/locations', { code: `B${i}`, name: `B ${i}`, type: 'store', priority: 9, region: 'EU' }, { headers: idem(`batch-${i}`) })).status, 201);
      h.clock.advance(DAY + 1);
      const counts = await Promise.all([sweepIdempotencyKeys(h.restock.db, h.clock.now(), DAY, 2), sweepIdempotencyKeys(h.restock.db, h.clock.now(), DAY, 3)]);
      assert.ok(counts[0] + counts[1] >= 7, `${counts.join(' + ')} swept`);
      assert.deepEqual((await idemRows(h)).filter((r) => r.key.startsWith('batch-')), []);
    });

    it('a claim left pending by a dead process is taken over after the request time-out, not before', async () => {
      assert.equal(DEFAULT_REQUEST_TIMEOUT_MS, 30_000);
      const { key, apiKey } = await h.restock.keys.create('storefront', 'crashing shop');
      const body = { sku: SKU, quantity: 1, reference: 'crash' };
      // The process that claimed the key died before answering: its row stays pending.
      await h.restock.db.kysely
        .insertInto('idempotency_keys')
        .values({ principal: apiKey.id, key: 'crash-1', request_hash: requestHash('POST', '/v1/reservations', body), state: 'pending', response_status: null, response_body: null, created_at: h.clock.now().toISOString() })
        .execute();
      const call = () => h.call('POST', '/v1/reservations', body, { as: 'none', headers: { authorization: `Bearer ${key}`, ...idem('crash-1') } });
      const count = await reservationCount(h);
      h.clock.advance(DEFAULT_REQUEST_TIMEOUT_MS);
      const busy = await call();
      assert.equal(busy.status, 409, busy.raw);
      assert.equal(busy.body.error.code, 'idempotency_in_progress');
      assert.equal(await reservationCount(h), count);
      h.clock.advance(1);
      const taken = await call();
      assert.equal(taken.status, 201, taken.raw);
      assert.equal(taken.headers['idempotent-replayed'], undefined);
      assert.equal(await reservationCount(h), count + 1);
      const replay = await call();
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.body.id, taken.body.id);
    });

    it('POST /v1/availability with an Idempotency-Key stores nothing (a read needs no idempotency)', async () => {
      const before = (await idemRows(h)).length;
      const a = await h.call('POST', '/v1/availability', { skus: [SKU] }, { as: 'storefront', headers: idem('avail-1') });
      assert.equal(a.status, 200, a.raw);
      const b = await h.call('POST', '/v1/availability', { skus: [SKU, 'NOPE'] }, { as: 'storefront', headers: idem('avail-1') });
      assert.equal(b.status, 200, b.raw);
      assert.equal(b.headers['idempotent-replayed'], undefined);
      assert.deepEqual(b.body.unknown, ['NOPE']);
      assert.deepEqual(await idemRows(h, 'avail-1'), []);
      assert.equal((await idemRows(h)).length, before);
      const doc = await h.call('GET', '/openapi.json');
      const codes = JSON.stringify(doc.body.paths['/v1/availability'].post.responses);
      assert.ok(!codes.includes('idempotency_in_progress') && !codes.includes('idempotency_key_reused'), 'its documented errors carry no replay codes');
    });
  });

  describe(`idempotency keeps no large response (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect, { app: { idempotency: { maxResponseBytes: 64 } } });
      await seedBasic(h, SKU, { WH1: 50 });
    });
    after(async () => h?.close());

    it('a response over the cap is not stored; a replay says so (409) and does not run the request again', async () => {
      const count = await reservationCount(h);
      const first = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 2 }, { as: 'storefront', headers: { 'idempotency-key': 'big-1' } });
      assert.equal(first.status, 201, first.raw);
      assert.ok(first.raw.length > 64);
      const [row] = await idemRows(h, 'big-1');
      assert.ok(row);
      assert.equal(row.response_body, null, 'the body is not kept');
      const replay = await h.call('POST', '/v1/reservations', { sku: SKU, quantity: 2 }, { as: 'storefront', headers: { 'idempotency-key': 'big-1' } });
      assert.equal(replay.status, 409, replay.raw);
      assert.equal(replay.body.error.code, 'idempotency_response_not_kept');
      assert.equal(replay.body.error.details.key, 'big-1');
      assert.equal(replay.body.error.details.status, 201);
      assert.equal(await reservationCount(h), count + 1, 'reserved once');
      // A small answer is still kept and replayed.
      const small = await h.call('DELETE', `/v1/reservations/${first.body.id}`, undefined, { as: 'storefront', headers: { 'idempotency-key': 'small-1' } });
      assert.equal(small.status, 200);
      const smallRows = await idemRows(h, 'small-1');
      assert.equal(smallRows.length, 1);
      if (small.raw.length <= 64) assert.equal(smallRows[0]!.response_body, small.raw);
    });
  });

  describe(`retention sweeper (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, SKU, { WH1: 5 });
    });
    after(async () => h?.close());

    it('deletes old events, sent messages and finished deliveries in batches, and keeps what is still needed', async () => {
      const k = h.restock.db.kysely;
      const iso = (ms: number) => new Date(h.clock.now().getTime() + ms).toISOString();
      // Outbox: events the reactors handled, then a consumer that lags behind, and a parked event.
      for (let i = 0; i < 6; i++) await h.restock.inventory.applyFeed([{ sku: SKU, location: 'WH1', delta: 1, idempotencyKey: `ret-${i}` }], 'test');
      await h.restock.runReactors();
      const ids = (await k.selectFrom('events').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      assert.ok(ids.length >= 8, `${ids.length} events`);
      const lagAt = ids[ids.length - 3]!;
      await k.insertInto('consumers').values({ name: 'slow-reactor', cursor: lagAt, updated_at: iso(0) }).execute();
      const parkedId = ids[1]!;
      await k.insertInto('parked_events').values({ consumer: 'waitlist', event_id: parkedId, event_type: 'inventory.availability_changed', attempts: 5, error: 'boom', status: 'parked', parked_at: iso(0), resolved_at: null }).execute();
      const discardedId = ids[2]!;
      await k.insertInto('parked_events').values({ consumer: 'customer-messages', event_id: discardedId, event_type: 'inventory.availability_changed', attempts: 5, error: 'boom', status: 'discarded', parked_at: iso(0), resolved_at: iso(0) }).execute();

      // Messages in every state, all old.
      const statuses = ['queued', 'sending', 'sent', 'failed', 'sent'] as const;
      for (const [i, status] of statuses.entries()) {
        await k.insertInto('messages').values({ type: 'test', to_addr: `r${i}@example.com`, locale: 'en', subject: 's', text_body: 't', html_body: 'h', status, dedupe_key: `ret-msg-${i}`, sku: null, attempts: 0, next_attempt_at: iso(0), claimed_at: status === 'sending' ? iso(0) : null, last_error: null, created_at: iso(0), sent_at: status === 'sent' ? iso(0) : null }).execute();
      }
      // Deliveries in every state, all old.
      await k.insertInto('webhooks').values({ id: 'wh_ret', url: 'https://hooks.example.com/x', events: '["*"]', secret: 'whsec_x', description: null, active: 0, created_at: iso(0) }).execute();
      for (const [i, status] of (['pending', 'delivered', 'dead', 'delivered'] as const).entries()) {
        await k.insertInto('webhook_deliveries').values({ id: `whd_ret_${i}`, webhook_id: 'wh_ret', event_id: ids[i]!, event_type: 'x', payload: '{}', status, attempts: 1, next_attempt_at: iso(0), claimed_at: null, last_status: null, last_error: null, created_at: iso(0), delivered_at: status === 'delivered' ? iso(0) : null }).execute();
      }

      const sweeper = new RetentionSweeper(h.restock.db, h.clock, { eventsDays: 30, messagesDays: 90, deliveriesDays: 30, batch: 2 });
      // Young: nothing goes.
      h.clock.advance(29 * DAY);
      assert.deepEqual(await sweeper.sweep(), { events: 0, messages: 0, deliveries: 0 });

      h.clock.advance(2 * DAY);
      const first = await sweeper.sweep();
      const left = (await k.selectFrom('events').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      // Kept: the parked event, and everything after the slowest cursor.
      assert.deepEqual(left, [parkedId, ...ids.filter((id) => id > lagAt)]);
      assert.ok(!left.includes(discardedId), 'a discarded parked event is no longer needed');
      assert.equal(first.events, ids.length - left.length);
      assert.equal(first.messages, 0, 'messages are kept 90 days');
      const deliveries = (await k.selectFrom('webhook_deliveries').select(['id', 'status']).orderBy('id').execute()).map((r) => r.status);
      assert.deepEqual(deliveries, ['pending']);
      assert.equal(first.deliveries, 3);

      // The slow consumer catches up: the rest may go, but the newest event always stays (ids continue from it).
      await k.updateTable('consumers').set({ cursor: ids.at(-1)! }).where('name', '=', 'slow-reactor').execute();
      await sweeper.sweep();
      assert.deepEqual((await k.selectFrom('events').select('id').orderBy('id').execute()).map((r) => Number(r.id)), [parkedId, ids.at(-1)!]);

      h.clock.advance(60 * DAY);
      const later = await sweeper.sweep();
      assert.equal(later.messages, 3);
      assert.deepEqual((await k.selectFrom('messages').select('status').orderBy('id').execute()).map((r) => r.status), ['queued', 'sending']);
      assert.deepEqual(await sweeper.sweep(), { events: 0, messages: 0, deliveries: 0 });
    });
  });
}
