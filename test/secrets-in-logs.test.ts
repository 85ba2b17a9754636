/**
 * No secrets in logs (issue 9, item 5): API keys never travel in a URL (refused in any encoding, on any route),
 * the live stream opens with a short-lived signed ticket instead, and a captured log of a whole flow — keys,
 * reservation, order, waitlist links, a webhook, a stream ticket, keys tried in the query — holds none of the
 * secrets while it does hold every request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, testDatabase, type TestDb } from './helpers/db.ts';
import { ManualClock } from '../src/core/clock.ts';
import { createLogger } from '../src/core/log.ts';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';

/** The test's webhook receiver is on loopback over plain http (core/net-guard.ts refuses both by default). */
const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

// Deliveries go to a receiver on loopback (the SSRF guard admits loopback only when told to).

/** Every line a logger wrote, as text (what an operator's log shipper would see). */
function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  return { stream, lines };
}

/** Spellings of `key` a lenient query parser reads as `key`, and other names a key goes by. */
const KEY_NAMES = ['key', '%6Bey', '%6B%65%79', 'KEY', 'Key', 'k%45y', 'api_key', 'api%5Fkey', 'apiKey', 'api-key'];

for (const dialect of DIALECTS) {
  describe(`no secrets in logs (${dialect})`, () => {
    let db: TestDb;
    let restock: Restock;
    let app: FastifyInstance;
    let base: string;
    let clock: ManualClock;
    let admin: string;
    let storefront: string;
    let feed: string;
    let receiver: Server;
    let receiverUrl: string;
    const received: string[] = [];
    const log = capture();

    async function call(method: string, path: string, key: string | null, body?: unknown): Promise<{ status: number; body: any }> {
      const headers: Record<string, string> = {};
      if (key) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // an HTML page
      }
      return { status: res.status, body: parsed };
    }

    /** Opens a stream, reads its headers and status, and closes it (a stream never ends by itself). */
    async function openStream(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; first: string }> {
      const ac = new AbortController();
      const res = await fetch(`${base}${path}`, { headers, signal: ac.signal });
      if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
        const reader = res.body!.getReader();
        const { value } = await reader.read();
        ac.abort();
        return { status: res.status, body: null, first: new TextDecoder().decode(value) };
      }
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), first: '' };
    }

    before(async () => {
      db = await testDatabase(dialect);
      clock = new ManualClock();
      restock = await Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock, logger: createLogger('debug', log.stream), publicUrl: 'http://127.0.0.1:9' });
      app = await buildApp(restock, { logger: { level: 'debug', stream: log.stream } });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
      admin = (await restock.keys.create('admin')).key;
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    after(async () => {
      await app?.close();
      await restock?.close();
      await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
      await db?.drop();
    });

    it('creates keys through the API', async () => {
      const st = await call('POST', '/v1/keys', admin, { scope: 'storefront', name: 'shop' });
      const fd = await call('POST', '/v1/keys', admin, { scope: 'feed', name: 'warehouse' });
      assert.equal(st.status, 201, JSON.stringify(st.body));
      storefront = st.body.key;
      feed = fd.body.key;
      assert.ok(storefront && feed);
    });

    it('refuses an API key in the query string, in any encoding, on any route, even next to a valid header', async () => {
      for (const name of KEY_NAMES) {
        // The stream first: today it takes `?key=` and `%6Bey=` alike (the parser decodes the name) as the key.
        const stream = await openStream(`/v1/events?${name}=${storefront}`);
        assert.equal(stream.status, 400, `stream ${name}`);
        assert.equal(stream.body.error.code, 'api_key_in_query');
        assert.match(stream.body.error.message, /ticket/);
        for (const path of ['/v1/products', '/v1/availability/NONE', '/health', '/v1/waitlist/holds/abc.def']) {
          const sep = path.includes('?') ? '&' : '?';
          const r = await call('GET', `${path}${sep}${name}=${storefront}`, null);
          assert.equal(r.status, 400, `${path} ${name}: ${JSON.stringify(r.body)}`);
          assert.equal(r.body.error.code, 'api_key_in_query');
          assert.match(r.body.error.message, /Authorization: Bearer/);
        }
        const withHeader = await call('GET', `/v1/products?${name}=${storefront}`, admin);
        assert.equal(withHeader.status, 400, name);
      }
    });

    it('opens the stream with a short-lived signed ticket, and refuses an expired, altered or revoked one', async () => {
      const t = await call('POST', '/v1/events/tickets', storefront);
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(typeof t.body.ticket, 'string');
      assert.equal(new Date(t.body.expiresAt).getTime(), clock.now().getTime() + 60_000);
      assert.ok(!t.body.ticket.includes(storefront));
      const s = await openStream(`/v1/events?ticket=${encodeURIComponent(t.body.ticket)}&types=inventory.*`);
      assert.equal(s.status, 200);
      assert.match(s.first, /retry:/);
      // Resume with lastEventId still works beside a ticket.
      const resumed = await openStream(`/v1/events?ticket=${encodeURIComponent(t.body.ticket)}&lastEventId=0`);
      assert.equal(resumed.status, 200);

      // No key, a key that may not read the stream: no ticket.
      assert.equal((await call('POST', '/v1/events/tickets', null)).status, 401);
      assert.equal((await call('POST', '/v1/events/tickets', feed)).status, 403);
      // A ticket is not an API key, and a signed link is not a ticket.
      assert.equal((await call('GET', '/v1/products', t.body.ticket)).status, 401);
      const forged = await openStream(`/v1/events?ticket=${encodeURIComponent(`${t.body.ticket.slice(0, -4)}AAAA`)}`);
      assert.equal(forged.status, 401);
      assert.equal(forged.body.error.code, 'invalid_ticket');
      const none = await openStream('/v1/events');
      assert.equal(none.status, 401);
      assert.match(none.body.error.message, /ticket/);

      clock.advance(61_000);
      const expired = await openStream(`/v1/events?ticket=${encodeURIComponent(t.body.ticket)}`);
      assert.equal(expired.status, 401);
      assert.equal(expired.body.error.code, 'expired_ticket');
      assert.match(expired.body.error.message, /expired .*POST \/v1\/events\/tickets/);

      // A ticket of a key revoked since is refused (the key must still be valid when the stream opens).
      const doomed = await call('POST', '/v1/keys', admin, { scope: 'storefront', name: 'doomed' });
      const t2 = await call('POST', '/v1/events/tickets', doomed.body.key);
      assert.equal(t2.status, 201);
      await call('POST', `/v1/keys/${doomed.body.apiKey.id}/revoke`, admin, {});
      clock.advance(6000); // past the verifier's cache
      const revoked = await openStream(`/v1/events?ticket=${encodeURIComponent(t2.body.ticket)}`);
      assert.equal(revoked.status, 401);
      assert.equal(revoked.body.error.code, 'invalid_ticket');
    });

    it('a whole flow leaves no key, token, webhook secret or ticket in the log, while every request is in it', async () => {
      const secrets: Array<[string, string]> = [
        ['admin key', admin],
        ['storefront key', storefront],
        ['feed key', feed],
      ];
      const made = await call('POST', '/v1/keys', admin, { scope: 'storefront', name: 'flow' });
      secrets.push(['new key', made.body.key]);

      const loc = await call('POST', '/v1/locations', admin, { code: 'WH1', name: 'Warehouse', type: 'warehouse', priority: 1, region: 'EU' });
      assert.ok(loc.status < 300, JSON.stringify(loc.body));
      const product = await call('POST', '/v1/products', admin, { sku: 'LOG-1', title: 'Logged tee', price: '10.00' });
      assert.ok(product.status < 300, JSON.stringify(product.body));
      const fed = await call('POST', '/v1/inventory/feed', feed, { lines: [{ sku: 'LOG-1', location: 'WH1', onHand: 5, idempotencyKey: 'log-feed-1' }] });
      assert.ok(fed.status < 300, JSON.stringify(fed.body));

      const hook = await call('POST', '/v1/webhooks', admin, { url: receiverUrl, events: ['*'] });
      assert.equal(hook.status, 201, JSON.stringify(hook.body));
      secrets.push(['webhook secret', hook.body.secret]);
      secrets.push(['webhook secret bytes', String(hook.body.secret).replace(/^whsec_/, '')]);

      const res = await call('POST', '/v1/reservations', storefront, { sku: 'LOG-1', quantity: 1, ttlSeconds: 600 });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const order = await call('POST', '/v1/orders', admin, { customer: { id: 'c1', email: 'c1@example.com' }, lines: [{ sku: 'LOG-1', quantity: 1, reservationId: res.body.id }] });
      assert.equal(order.status, 201, JSON.stringify(order.body));

      // Waitlist: sell out, subscribe (double opt-in), confirm, get a hold, unsubscribe.
      await call('PUT', '/v1/settings/waitlist', admin, { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 2 });
      await call('POST', '/v1/inventory/adjustments', admin, { sku: 'LOG-1', location: 'WH1', delta: -4, reason: 'count' });
      const sub = await call('POST', '/v1/waitlist', storefront, { sku: 'LOG-1', email: 'w1@example.com', quantity: 1 });
      assert.equal(sub.status, 202, JSON.stringify(sub.body));
      await restock.runReactors();
      const links = async (): Promise<string[]> => {
        const m = await call('GET', '/v1/messages?limit=100', admin);
        return [...new Set((m.body.items as Array<{ text: string }>).flatMap((x) => [...x.text.matchAll(/https?:\/\/\S+\/w\/[a-z]+\/[^\s)>"]+/g)].map((g) => g[0])))];
      };
      const confirm = (await links()).find((l) => l.includes('/w/confirm/'));
      assert.ok(confirm, 'a confirmation link');
      const confirmPath = new URL(confirm).pathname;
      await call('GET', confirmPath, null);
      await call('POST', confirmPath, null);
      await call('POST', '/v1/inventory/receipts', feed, { sku: 'LOG-1', location: 'WH1', quantity: 1 });
      await restock.runReactors();
      await restock.waitlist.tick();
      await restock.runReactors();
      const all = await links();
      const hold = all.find((l) => l.includes('/w/hold/'));
      const unsubscribe = all.find((l) => l.includes('/w/unsubscribe/'));
      assert.ok(hold, `a hold link in ${all.join(' ')}`);
      assert.ok(unsubscribe, 'an unsubscribe link');
      for (const link of all) secrets.push([`token of ${link.split('/w/')[1]!.split('/')[0]}`, decodeURIComponent(link.split('/').pop()!)]);
      const holdToken = decodeURIComponent(hold.split('/').pop()!);
      await call('GET', new URL(hold).pathname, null);
      await call('GET', `/v1/waitlist/holds/${holdToken}`, null);
      await call('GET', new URL(unsubscribe).pathname, null);
      await call('POST', new URL(unsubscribe).pathname, null);

      // The webhook is delivered, signed with its secret.
      await restock.runReactors();
      await restock.webhooks.dispatcher.runDue();
      assert.ok(received.length > 0, 'the webhook was delivered');

      // A stream ticket, used.
      const t = await call('POST', '/v1/events/tickets', storefront);
      secrets.push(['ticket', t.body.ticket]);
      const s = await openStream(`/v1/events?ticket=${encodeURIComponent(t.body.ticket)}`);
      assert.equal(s.status, 200);

      // Keys tried in the query, every spelling, on a route, a missing route and the stream.
      for (const name of KEY_NAMES) {
        await call('GET', `/v1/products?${name}=${storefront}&limit=1`, null);
        await call('GET', `/v1/nowhere?${name}=${admin}`, null);
        await openStream(`/v1/events?${name}=${made.body.key}`);
      }
      await call('GET', `/v1/products?key=${encodeURIComponent(feed)}%00`, null);
      await call('GET', `/v1/products/${admin}`, null);

      await new Promise((r) => setImmediate(r));
      const text = log.lines.join('\n');
      // The log holds the requests (it cannot pass by logging nothing) …
      const urls = log.lines.flatMap((l) => {
        const u = (JSON.parse(l) as { req?: { url?: string } }).req?.url;
        return u ? [u] : [];
      });
      for (const want of ['/v1/keys', '/v1/reservations', '/v1/orders', '/v1/waitlist', '/v1/webhooks', '/v1/events/tickets', '/w/confirm/', '/w/hold/', '/w/unsubscribe/', '/v1/waitlist/holds/', '/v1/events?ticket=', '/v1/nowhere?']) {
        assert.ok(urls.some((u) => u.includes(want)), `the log records ${want}`);
      }
      for (const name of KEY_NAMES) assert.ok(urls.some((u) => u.startsWith(`/v1/products?${name}=`)), `the log records the request with ${name}=`);
      assert.ok(log.lines.some((l) => /request completed/.test(l)), 'replies are logged');
      assert.ok(log.lines.some((l) => /"statusCode":400/.test(l)), 'refusals are logged');
      // … and none of the secrets, in any spelling a URL could carry them.
      for (const [what, secret] of secrets) {
        assert.ok(secret && secret.length >= 16, `${what} is a real secret`);
        for (const form of new Set([secret, encodeURIComponent(secret), secret.slice(0, 24)])) {
          assert.ok(!text.includes(form), `the log holds the ${what} (${form.slice(0, 12)}…)`);
        }
      }
    });
  });
}
