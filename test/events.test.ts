import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, testDatabase, type TestDb } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { openSse } from './helpers/sse.ts';
import { ManualClock } from '../src/core/clock.ts';
import { lastEventId } from '../src/core/events.ts';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { MessageDispatcher } from '../src/messaging/dispatcher.ts';
import { createLogger } from '../src/core/log.ts';
import { createServer } from 'node:net';

for (const dialect of DIALECTS) {
  describe(`live events over SSE (${dialect})`, () => {
    let h: Harness;
    let base: string;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'LIVE-1', { WH1: 3 });
      await seedBasic(h, 'LIVE-2', { WH1: 3 });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => h?.close());

    it('streams availability changes as they commit, and resumes after Last-Event-ID', async () => {
      const s = await openSse(`${base}/v1/events?sku=LIVE-1`, { authorization: `Bearer ${h.keys.storefront}` });
      assert.equal(s.status, 200);
      await new Promise((r) => setTimeout(r, 100));
      const r1 = await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-1', quantity: 1 });
      await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-2', quantity: 1 }); // other SKU: filtered out
      await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-1', quantity: 2 });
      const got = await s.waitFor(3);
      assert.deepEqual(got.map((e) => e.event), ['inventory.availability_changed', 'inventory.availability_changed', 'inventory.out_of_stock']);
      assert.equal(got[0]?.data.data.after.availableToSell, 2);
      assert.equal(got[1]?.data.data.after.availableToSell, 0);
      const lastSeen = got[2]!.id!;
      s.close();

      // Missed while disconnected: delivered on reconnect, in order, nothing twice.
      await h.restock.inventory.releaseReservation(r1.id);
      await h.restock.inventory.applyFeed([{ sku: 'LIVE-1', location: 'WH1', delta: 5, idempotencyKey: 'live-more' }], 't');
      // EventSource cannot send the Authorization header: it opens with a stream ticket.
      const ticket = (await h.call('POST', '/v1/events/tickets', undefined, { as: 'storefront' })).body.ticket as string;
      const s2 = await openSse(`${base}/v1/events?sku=LIVE-1&ticket=${encodeURIComponent(ticket)}`, { 'last-event-id': lastSeen });
      const missed = await s2.waitFor(4);
      assert.deepEqual(missed.map((e) => e.event), ['inventory.availability_changed', 'inventory.back_in_stock', 'inventory.low_stock', 'inventory.availability_changed']);
      assert.deepEqual(missed.map((e) => e.data.data.after.availableToSell), [1, 1, 1, 6]);
      const ids = missed.map((e) => Number(e.id));
      assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!), 'ids increase');
      assert.ok(ids[0]! > Number(lastSeen));
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(s2.events.length, 4, 'nothing more, nothing twice');
      s2.close();
    });

    it('filters by type and refuses a stream without a key', async () => {
      const s = await openSse(`${base}/v1/events?types=inventory.out_of_stock,inventory.back_in_stock`, { authorization: `Bearer ${h.keys.admin}` });
      await new Promise((r) => setTimeout(r, 100));
      const r = await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-2', quantity: 2 });
      await h.restock.inventory.releaseReservation(r.id);
      const got = await s.waitFor(2);
      assert.deepEqual(got.map((e) => e.event), ['inventory.out_of_stock', 'inventory.back_in_stock']);
      s.close();
      const res = await fetch(`${base}/v1/events`);
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as any).error.code, 'unauthorized');
    });

    it('takes the same patterns as webhooks (*, prefix.*, exact) and refuses others', async () => {
      const s = await openSse(`${base}/v1/events?types=inventory.*&sku=LIVE-2`, { authorization: `Bearer ${h.keys.admin}` });
      await new Promise((r) => setTimeout(r, 100));
      const r = await h.restock.inventory.reserveOrThrow({ sku: 'LIVE-2', quantity: 1 });
      const got = await s.waitFor(1);
      assert.equal(got[0]?.event, 'inventory.availability_changed');
      s.close();
      await h.restock.inventory.releaseReservation(r.id);
      for (const types of ['inv*', 'inventory.low*', 'nothing.*', 'inventory.nope']) {
        const res = await h.call('GET', `/v1/events?types=${encodeURIComponent(types)}`);
        assert.equal(res.status, 400, types);
        assert.equal(res.body.error.code, 'unknown_event_type');
        assert.deepEqual(res.body.error.details.unknown, [types]);
      }
    });

    it('refuses event ids beyond the integer range with a 400, in the query and in Last-Event-ID', async () => {
      for (const q of ['lastEventId=9007199254740992', 'lastEventId=99999999999999999999', 'lastEventId=-1']) {
        const res = await h.call('GET', `/v1/events?${q}`);
        assert.equal(res.status, 400, q);
        assert.equal(res.body.error.code, 'invalid_request');
      }
      for (const header of ['9223372036854775808', '9007199254740992', '12a', '1e5']) {
        const res = await h.call('GET', '/v1/events', undefined, { headers: { 'last-event-id': header } });
        assert.equal(res.status, 400, header);
        assert.match(res.body.error.message, /Last-Event-ID/);
      }
    });

    it('a message that gives up is a message.failed event, once', async () => {
      // A loopback port nobody listens on: every send is refused.
      const probe = createServer();
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      const port = (probe.address() as { port: number }).port;
      await new Promise((r) => probe.close(r));
      const from = await lastEventId(h.restock.db.kysely);
      await h.restock.waitlist.subscribe({ sku: 'LIVE-1', email: 'nobody@example.com' });
      const dispatcher = new MessageDispatcher(h.restock.db, h.clock, createLogger('silent'), { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Shop <shop@example.com>', connections: 1, maxAttempts: 1 });
      try {
        await dispatcher.runUntilIdle();
        await dispatcher.runUntilIdle();
      } finally {
        await dispatcher.stop();
      }
      const [m] = await h.restock.messages.list({ to: 'nobody@example.com' });
      assert.equal(m?.status, 'failed');
      const events = (await h.restock.db.kysely.selectFrom('events').selectAll().where('id', '>', from).where('type', '=', 'message.failed').execute()).map((e) => JSON.parse(e.payload));
      assert.equal(events.length, 1);
      assert.deepEqual({ id: events[0].id, type: events[0].type, to: events[0].to, sku: events[0].sku, attempts: events[0].attempts }, { id: m!.id, type: 'waitlist_confirm', to: 'nobody@example.com', sku: 'LIVE-1', attempts: 1 });
      assert.match(events[0].error, /ECONNREFUSED|connect/i);
    });

    it('lists every event type the modules declare', async () => {
      const res = await h.call('GET', '/v1/event-types', undefined, { as: 'storefront' });
      assert.equal(res.status, 200);
      for (const t of ['inventory.availability_changed', 'order.created', 'order.preorder_released', 'waitlist.notified', 'waitlist.converted', 'message.failed']) assert.ok(res.body.events.includes(t), t);
      assert.equal(new Set(res.body.events).size, res.body.events.length);
      assert.ok(res.body.messages.includes('back_in_stock'));
    });
  });
}

/** Log lines as objects, for asserting what a failure logged. */
function capturingLogger() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

for (const dialect of DIALECTS) {
  describe(`a reactor that fails on an event (${dialect})`, () => {
    let db: TestDb;
    let restock: Restock;
    let app: FastifyInstance;
    let admin: string;
    let storefront: string;
    const log = capturingLogger();
    const call = async (method: 'GET' | 'POST', url: string, key = admin) => {
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(method === 'POST' ? { payload: {} } : {}) });
      return { status: res.statusCode, body: res.json() };
    };
    /** The waitlist reactor throws on events of these SKUs (a stand-in for a bug or a bad event). */
    const poisoned = new Set<string>();
    const handled: number[] = [];

    before(async () => {
      db = await testDatabase(dialect);
      restock = await Restock.open({ databaseUrl: db.url, clock: new ManualClock(), logger: log.logger, reactorRetry: { maxAttempts: 3, backoffMs: 0 } });
      app = await buildApp(restock);
      admin = (await restock.keys.create('admin')).key;
      storefront = (await restock.keys.create('storefront')).key;
      await restock.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
      for (const sku of ['OK-1', 'BAD-1', 'OK-2']) await restock.catalog.upsert({ sku, title: `Product ${sku}`, price: '10.00' });
      await restock.waitlist.setPolicy({ doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
      await restock.waitlist.subscribe({ sku: 'BAD-1', email: 'waiting@example.com' });
      await restock.runReactors();
      const real = restock.waitlist.onEvents.bind(restock.waitlist);
      restock.waitlist.onEvents = async (ctx, events) => {
        for (const e of events) if (e.sku && poisoned.has(e.sku)) throw new Error(`cannot handle ${e.type} of ${e.sku}`);
        await real(ctx, events);
        handled.push(...events.map((e) => e.id));
      };
    });
    after(async () => {
      await app?.close();
      await restock?.close();
      await db?.drop();
    });

    it('retries it alone, parks it with its error after N tries, and handles the events after it', async () => {
      poisoned.add('BAD-1');
      const from = await lastEventId(restock.db.kysely);
      // One stock write, three SKUs: their events land in one batch of the reactor.
      await restock.inventory.applyFeed(['OK-1', 'BAD-1', 'OK-2'].map((sku) => ({ sku, location: 'WH1', onHand: 5, idempotencyKey: `first-${sku}` })), 'test');
      const to = await lastEventId(restock.db.kysely);
      await restock.runReactors();

      const reactors = await call('GET', '/v1/reactors');
      assert.equal(reactors.status, 200);
      // BAD-1's rise raises several events (availability changed, back in stock, low stock): each is parked.
      const badEvents = (await restock.db.kysely.selectFrom('events').select(['id', 'type']).where('id', '>', from).where('sku', '=', 'BAD-1').orderBy('id').execute()).map((e) => Number(e.id));
      assert.ok(badEvents.length >= 2);
      const waitlist = reactors.body.items.find((r: any) => r.name === 'waitlist');
      assert.deepEqual({ cursor: waitlist.cursor, behind: waitlist.behind, parked: waitlist.parked, failing: waitlist.failing }, { cursor: to, behind: 0, parked: badEvents.length, failing: null });
      for (const r of reactors.body.items.filter((x: any) => x.name !== 'waitlist')) assert.equal(r.parked, 0, r.name);

      const parked = await call('GET', '/v1/reactors/parked?status=parked');
      assert.deepEqual(parked.body.items.map((x: any) => x.eventId).sort((a: number, b: number) => a - b), badEvents);
      const p = parked.body.items.find((x: any) => x.eventType === 'inventory.availability_changed');
      assert.equal(p.consumer, 'waitlist');
      assert.equal(p.attempts, 3);
      assert.equal(p.status, 'parked');
      assert.equal(p.eventId, badEvents[0]);
      assert.match(p.error, /cannot handle inventory\.availability_changed of BAD-1/);
      // Every other event of the batch was handled, once.
      const others = (await restock.db.kysely.selectFrom('events').select('id').where('id', '>', from).where('id', '<=', to).where('sku', '!=', 'BAD-1').execute()).map((e) => Number(e.id));
      for (const id of others) assert.equal(handled.filter((x) => x === id).length, 1, `event ${id}`);
      assert.ok(badEvents.length >= 1);
      // Nobody was told yet: the rise of BAD-1 is parked, not handled.
      assert.equal((await restock.messages.list({ to: 'waiting@example.com', type: 'back_in_stock' })).length, 0);

      const logged = log.lines.filter((l) => l.msg === 'reactor.event_parked');
      assert.equal(logged.length, badEvents.length);
      assert.deepEqual({ consumer: logged[0].consumer, eventId: logged[0].eventId, eventType: logged[0].eventType, sku: logged[0].sku, attempts: logged[0].attempts }, { consumer: 'waitlist', eventId: p.eventId, eventType: p.eventType, sku: 'BAD-1', attempts: 3 });
      assert.ok(log.lines.some((l) => l.msg === 'reactor batch failed; retrying its events one at a time' && l.consumer === 'waitlist'));
      assert.equal(log.lines.filter((l) => l.msg === 'reactor.event_failed' && l.eventId === p.eventId).length, 2);
    });

    it('an operator retry that fails again is a 409 with the error; once fixed it runs the reactor and commits its effects', async () => {
      const open = (await call('GET', '/v1/reactors/parked?status=parked&consumer=waitlist')).body.items;
      const p = open.find((x: any) => x.eventType === 'inventory.availability_changed');
      const again = await call('POST', `/v1/reactors/parked/${p.id}/retry`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'reactor_retry_failed');
      assert.match(again.body.error.details.error, /cannot handle/);
      assert.equal((await call('GET', '/v1/reactors/parked?consumer=waitlist')).body.items.find((x: any) => x.id === p.id).attempts, 4);

      poisoned.clear();
      for (const x of open) {
        const ok = await call('POST', `/v1/reactors/parked/${x.id}/retry`);
        assert.equal(ok.status, 200);
        assert.equal(ok.body.status, 'retried');
        assert.ok(ok.body.resolvedAt);
      }
      // The rise of BAD-1 released its waitlist: the contact is told now.
      assert.equal((await restock.messages.list({ to: 'waiting@example.com', type: 'back_in_stock' })).length, 1);
      const twice = await call('POST', `/v1/reactors/parked/${p.id}/retry`);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'parked_event_closed');
    });

    it('discards a parked event; the routes are admin only and check their ids', async () => {
      poisoned.add('OK-2');
      await restock.inventory.applyFeed([{ sku: 'OK-2', location: 'WH1', onHand: 7, idempotencyKey: 'second-OK-2' }], 'test');
      await restock.runReactors();
      const open = (await call('GET', '/v1/reactors/parked?status=parked')).body.items;
      assert.ok(open.length >= 1);
      for (const p of open) {
        const d = await call('POST', `/v1/reactors/parked/${p.id}/discard`);
        assert.equal(d.status, 200);
        assert.equal(d.body.status, 'discarded');
      }
      assert.equal((await call('GET', '/v1/reactors/parked?status=parked')).body.items.length, 0);
      poisoned.clear();
      assert.equal((await call('GET', '/v1/reactors', storefront)).status, 403);
      assert.equal((await call('POST', `/v1/reactors/parked/${open[0].id}/retry`, storefront)).status, 403);
      assert.equal((await call('POST', '/v1/reactors/parked/999999/retry')).status, 404);
      assert.equal((await call('POST', '/v1/reactors/parked/99999999999999999999/discard')).status, 400);
      assert.equal((await call('GET', '/v1/reactors/parked?status=lost')).status, 400);
    });

    it('waits out its backoff without skipping ahead: the events after the failing one stay unhandled', async () => {
      const slow = await Restock.open({ databaseUrl: db.url, clock: new ManualClock(), logger: log.logger, migrate: false, reactorRetry: { maxAttempts: 3, backoffMs: 3_600_000 } });
      try {
        const reactor = slow.reactors.find((r) => r.name === 'waitlist')!;
        const realSlow = slow.waitlist.onEvents.bind(slow.waitlist);
        slow.waitlist.onEvents = async (ctx, events) => {
          if (events.some((e) => e.sku === 'BAD-1')) throw new Error('still broken');
          await realSlow(ctx, events);
        };
        await slow.inventory.applyFeed([{ sku: 'BAD-1', location: 'WH1', onHand: 9, idempotencyKey: 'third-BAD-1' }, { sku: 'OK-1', location: 'WH1', onHand: 9, idempotencyKey: 'third-OK-1' }], 'test');
        const before = (await slow.reactorService.list()).find((r) => r.name === 'waitlist')!;
        await reactor.drain();
        await reactor.drain();
        const state = (await slow.reactorService.list()).find((r) => r.name === 'waitlist')!;
        assert.equal(state.cursor, before.cursor, 'the cursor stays before the failing event');
        assert.ok(state.failing);
        assert.equal(state.failing.attempts, 1, 'no retry before the backoff has passed');
        assert.match(state.failing.lastError, /still broken/);
        assert.equal(state.parked, 0);
      } finally {
        await slow.close();
      }
    });
  });
}
