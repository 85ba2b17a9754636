/**
 * Webhooks end to end on every dialect: real inventory changes → outbox → the `webhooks` reactor → signed POSTs
 * to a local receiver that checks each one with the Standard Webhooks algorithm, written here independently.
 * The ManualClock walks through the retry schedule; requests and time-outs are real.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { ManualClock } from '../src/core/clock.ts';
import { buildApp } from '../src/api/app.ts';
import { WebhookService } from '../src/messaging/webhooks/service.ts';
import { webhookRoutes } from '../src/messaging/webhooks/routes.ts';
import { claimDue } from '../src/messaging/webhooks/store.ts';
import { MAX_ATTEMPTS, RETRY_SCHEDULE_MS, retryDelayMs, sign } from '../src/messaging/webhooks/policy.ts';
import { seededRandom } from '../src/core/random.ts';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

const TIMEOUT_MS = 300;
const JITTER = 0.1;
const HOUR = 3_600_000;
/** The receiver listens on loopback: the allow-list opens just that range (and plain http) for these tests. */
const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

// ---------------------------------------------------------------------------------------------------------------
// The receiver's side: the Standard Webhooks verification, independent of src/.

type Verdict = { ok: true } | { ok: false; reason: string };

function verifyStandardWebhook(secret: string, h: { id?: string; timestamp?: string; signature?: string }, body: string, nowSeconds: number): Verdict {
  if (!h.id || !h.timestamp || !h.signature) return { ok: false, reason: 'missing webhook headers' };
  if (!/^\d+$/.test(h.timestamp)) return { ok: false, reason: 'bad timestamp' };
  if (Math.abs(nowSeconds - Number(h.timestamp)) > 5 * 60) return { ok: false, reason: 'timestamp outside tolerance' };
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${h.id}.${h.timestamp}.${body}`).digest();
  for (const part of h.signature.split(' ')) {
    const comma = part.indexOf(',');
    if (comma < 0 || part.slice(0, comma) !== 'v1') continue;
    const got = Buffer.from(part.slice(comma + 1), 'base64');
    if (got.length === expected.length && timingSafeEqual(got, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no valid signature' };
}

type Answer = number | 'hang';

interface Hit {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  userAgent: string;
  contentType: string;
  body: string;
  verdict: Verdict;
  /** The test clock when the request arrived. */
  at: number;
  answer: Answer | 401;
}

class Receiver {
  readonly hits: Hit[] = [];
  private readonly routes = new Map<string, { secret: string; answer: (n: number) => Answer; count: number }>();
  private readonly server: Server;
  base = '';

  constructor(private readonly clock: ManualClock) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** `answer(n)` for the n-th verified request on the path: a status, or 'hang' (never answer). */
  route(path: string, secret: string, answer: (n: number) => Answer): void {
    this.routes.set(path, { secret, answer, count: 0 });
  }

  answerWith(path: string, answer: (n: number) => Answer): void {
    const r = this.routes.get(path);
    assert.ok(r);
    r.answer = answer;
  }

  on(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path && h.verdict.ok);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const r = this.routes.get(path);
    if (!r || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const header = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : '');
    const id = header('webhook-id');
    const timestamp = header('webhook-timestamp');
    const signature = header('webhook-signature');
    const verdict = verifyStandardWebhook(r.secret, { id, timestamp, signature }, body, Math.floor(this.clock.now().getTime() / 1000));
    const hit: Hit = {
      path,
      id,
      timestamp,
      signature,
      userAgent: header('user-agent'),
      contentType: header('content-type'),
      body,
      verdict,
      at: this.clock.now().getTime(),
      answer: 401,
    };
    this.hits.push(hit);
    if (!verdict.ok) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end(verdict.reason);
      return;
    }
    r.count++;
    const answer = r.answer(r.count);
    hit.answer = answer;
    if (answer === 'hang') return; // the dispatcher must give up by itself
    res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 200 && answer < 300 ? 'ok' : `receiver says no (${answer})`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface Api {
  (method: string, url: string, body?: unknown, as?: 'admin' | 'storefront' | 'none'): Promise<{ status: number; body: any }>;
}

/** The webhook routes as the app serves them: the harness's app once they are wired in, else an app with them added. */
async function webhookApi(h: Harness, service: WebhookService): Promise<{ api: Api; close(): Promise<void> }> {
  if (h.app.hasRoute({ method: 'POST', url: '/v1/webhooks' })) {
    return { api: async (m, u, b, as) => h.call(m, u, b, { as: as ?? 'admin' }), close: async () => undefined };
  }
  const app: FastifyInstance = await buildApp(h.restock, {
    extraRoutes: async (a) => {
      await a.register(webhookRoutes(service));
    },
  });
  const keys = h.keys as Record<string, string>;
  return {
    api: async (method, url, body, as = 'admin') => {
      const headers: Record<string, string> = {};
      if (as !== 'none') headers.authorization = `Bearer ${keys[as]}`;
      if (typeof body === 'string') headers['content-type'] = 'application/json';
      const res = await app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
    },
    close: () => app.close(),
  };
}

describe('webhook policy', () => {
  it('signs like the Standard Webhooks reference vector', () => {
    assert.equal(
      sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('retries on the Standard Webhooks schedule within ±10% and lasts over 24 hours', () => {
    assert.equal(MAX_ATTEMPTS, 8);
    assert.deepEqual(RETRY_SCHEDULE_MS, [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    for (let n = 1; n < MAX_ATTEMPTS; n++) {
      const base: number = RETRY_SCHEDULE_MS[n]!;
      assert.equal(retryDelayMs(n, () => 0), Math.round(base * 0.9));
      assert.equal(retryDelayMs(n, () => 0.5), base);
      assert.ok(retryDelayMs(n, () => 0.999999)! <= base * 1.1);
    }
    assert.equal(retryDelayMs(MAX_ATTEMPTS, () => 0.5), null);
    const shortest = RETRY_SCHEDULE_MS.slice(1).reduce((s, d) => s + d * 0.9, 0);
    assert.ok(shortest >= 24 * HOUR, `shortest schedule ${shortest / HOUR} h`);
  });
});

for (const dialect of DIALECTS) {
  describe(`webhooks (${dialect})`, () => {
    let h: Harness;
    let svc: WebhookService;
    let rx: Receiver;
    let api: Api;
    let closeApi: () => Promise<void>;
    const logLines: Array<Record<string, unknown>> = [];

    const deliveries = async (hookId: string, query = ''): Promise<any[]> => {
      const res = await api('GET', `/v1/webhooks/${hookId}/deliveries${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items;
    };
    const create = async (path: string, events: string[], answer: (n: number) => Answer) => {
      const res = await api('POST', '/v1/webhooks', { url: `${rx.base}${path}`, events });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      rx.route(path, res.body.secret, answer);
      return res.body as { id: string; secret: string; url: string; events: string[] };
    };
    let feedNo = 0;
    const feed = async (sku: string, change: { delta: number } | { onHand: number }) => {
      await h.restock.inventory.applyFeed([{ sku, location: 'WH1', ...change, idempotencyKey: `wh-feed-${++feedNo}` }], 'test');
    };

    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: LOOPBACK } });
      const logger = pino({ level: 'debug' }, { write: (s: string) => void logLines.push(JSON.parse(s) as Record<string, unknown>) });
      svc = new WebhookService(h.restock.db, h.clock, { eventTypes: h.restock.eventTypes.types, policy: LOOPBACK, timeoutMs: TIMEOUT_MS, random: seededRandom(7) /* jitter the same every run, still not one fixed value */, jitter: JITTER, logger, consumer: { gapTimeoutMs: 200 } });
      await seedBasic(h, 'WH-1', { WH1: 50 });
      await seedBasic(h, 'WH-2', { WH1: 2 });
      await svc.drainEvents(); // the seed happened before any endpoint existed
      rx = new Receiver(h.clock);
      await rx.start();
      ({ api, close: closeApi } = await webhookApi(h, svc));
    });
    after(async () => {
      await svc?.stop();
      await closeApi?.();
      await rx?.close();
      await h?.close();
    });

    it('retries after 500s and a time-out on the schedule, with one webhook-id, until delivered once', async () => {
      const hook = await create('/retry', ['inventory.availability_changed'], (n) => (n <= 3 ? 500 : n === 4 ? 'hang' : 200));
      assert.match(hook.secret, /^whsec_[A-Za-z0-9+/]+={0,2}$/);
      assert.ok(Buffer.from(hook.secret.slice(6), 'base64').length >= 24);
      const shown = await api('GET', `/v1/webhooks/${hook.id}`);
      assert.equal(shown.status, 200);
      assert.equal(shown.body.secret, undefined, 'the secret is shown only at creation');
      assert.deepEqual(shown.body.events, ['inventory.availability_changed']);

      await feed('WH-1', { delta: 7 });
      await svc.drainEvents();
      let [d] = await deliveries(hook.id);
      assert.ok(d);
      assert.equal(d.status, 'pending');
      assert.equal(d.attempts, 0);
      assert.equal(d.messageId, `evt_${d.eventId}`);

      const sentAt: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        const before = rx.on('/retry').length;
        const run = await svc.dispatcher.runDue();
        assert.equal(run.attempted, 1, `attempt ${attempt}`);
        assert.equal(rx.on('/retry').length, before + 1);
        sentAt.push(h.clock.now().getTime());
        [d] = await deliveries(hook.id);
        assert.equal(d.attempts, attempt);
        if (attempt === 5) break;
        assert.equal(d.status, 'pending');
        if (attempt <= 3) {
          assert.equal(d.lastStatus, 500);
          assert.match(d.lastError, /^HTTP 500: receiver says no/);
        } else {
          assert.equal(d.lastStatus, null);
          assert.equal(d.lastError, `timed out after ${TIMEOUT_MS} ms`);
        }
        const delay = Date.parse(d.nextAttemptAt) - h.clock.now().getTime();
        const base = RETRY_SCHEDULE_MS[attempt]!;
        assert.ok(delay >= base * (1 - JITTER) && delay <= base * (1 + JITTER), `delay ${delay} ms after attempt ${attempt}, schedule ${base} ms`);
        // Not a moment early.
        h.clock.advance(delay - 1);
        assert.equal((await svc.dispatcher.runDue()).attempted, 0);
        h.clock.advance(1);
      }
      assert.equal(d.status, 'delivered');
      assert.equal(d.lastStatus, 200);
      assert.equal(d.lastError, null);
      assert.equal(d.nextAttemptAt, null);
      assert.equal(d.deliveredAt, new Date(sentAt[4]!).toISOString());

      const hits = rx.on('/retry');
      assert.equal(hits.length, 5);
      assert.deepEqual(hits.map((x) => x.answer), [500, 500, 500, 'hang', 200]);
      assert.ok(hits.every((x) => x.id === d.messageId), 'the same webhook-id on every attempt');
      assert.deepEqual(hits.map((x) => Number(x.timestamp)), sentAt.map((t) => Math.floor(t / 1000)));
      for (const x of hits) {
        assert.equal(x.userAgent, 'Restock-Webhooks/1');
        assert.equal(x.contentType, 'application/json');
        assert.equal(x.body, hits[0]!.body, 'the same body on every attempt');
        const payload = JSON.parse(x.body);
        assert.deepEqual(Object.keys(payload).sort(), ['data', 'timestamp', 'type']);
        assert.equal(payload.type, 'inventory.availability_changed');
        assert.equal(payload.data.sku, 'WH-1');
        assert.equal(payload.data.after.availableToSell, 57);
        assert.ok(!Number.isNaN(Date.parse(payload.timestamp)));
      }

      // Exactly one delivered row, and fanning out again adds nothing.
      await svc.drainEvents();
      assert.equal((await deliveries(hook.id)).length, 1);
      assert.equal((await deliveries(hook.id, '?status=delivered')).length, 1);
      assert.equal((await svc.dispatcher.runDue()).attempted, 0);

      // The receiver's check is real: a tampered body, a wrong secret, or a stale timestamp is refused.
      const genuine = hits[4]!;
      const resend = (body: string, headers: Record<string, string>) =>
        fetch(`${rx.base}/retry`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
      const headers = { 'webhook-id': genuine.id, 'webhook-timestamp': genuine.timestamp, 'webhook-signature': genuine.signature };
      const tampered = genuine.body.replace('"availableToSell":57', '"availableToSell":9999');
      assert.notEqual(tampered, genuine.body);
      assert.equal((await resend(tampered, headers)).status, 401);
      assert.deepEqual(rx.hits.at(-1)!.verdict, { ok: false, reason: 'no valid signature' });
      const forged = sign('whsec_' + Buffer.alloc(32, 1).toString('base64'), genuine.id, Number(genuine.timestamp), genuine.body);
      assert.equal((await resend(genuine.body, { ...headers, 'webhook-signature': forged })).status, 401);
      const stale = String(Number(genuine.timestamp) - 6 * 60);
      const staleSig = sign(hook.secret, genuine.id, Number(stale), genuine.body);
      assert.equal((await resend(genuine.body, { ...headers, 'webhook-timestamp': stale, 'webhook-signature': staleSig })).status, 401);
      assert.deepEqual(rx.hits.at(-1)!.verdict, { ok: false, reason: 'timestamp outside tolerance' });
      assert.equal((await resend(genuine.body, headers)).status, 200, 'the genuine request still verifies');
      assert.ok(rx.hits.filter((x) => x.path === '/retry' && x.verdict.ok).length === 6);

      assert.equal((await api('DELETE', `/v1/webhooks/${hook.id}`)).body.active, false);
    });

    it('dead-letters after the whole schedule (over 24 h), shows it, and redelivers when the receiver recovers', async () => {
      const hook = await create('/down', ['inventory.availability_changed'], () => 503);
      await feed('WH-1', { delta: 1 });
      await svc.drainEvents();
      const start = h.clock.now().getTime();
      let [d] = await deliveries(hook.id);
      assert.ok(d);
      for (let i = 0; i < 20 && d.status === 'pending'; i++) {
        await svc.dispatcher.runDue();
        [d] = await deliveries(hook.id);
        if (d.status === 'pending') h.clock.set(d.nextAttemptAt);
      }
      assert.equal(d.status, 'dead');
      assert.equal(d.attempts, MAX_ATTEMPTS);
      assert.equal(d.lastStatus, 503);
      assert.match(d.lastError, /^HTTP 503/);
      assert.equal(d.nextAttemptAt, null);
      const hits = rx.on('/down');
      assert.equal(hits.length, MAX_ATTEMPTS);
      assert.ok(hits.every((x) => x.id === d.messageId));
      const span = hits.at(-1)!.at - start;
      assert.ok(span >= 24 * HOUR, `retried for ${(span / HOUR).toFixed(1)} h`);
      for (let n = 1; n < hits.length; n++) {
        const gap = hits[n]!.at - hits[n - 1]!.at;
        const base = RETRY_SCHEDULE_MS[n]!;
        assert.ok(gap >= base * (1 - JITTER) && gap <= base * (1 + JITTER), `gap ${gap} before attempt ${n + 1}`);
      }
      const dead = logLines.filter((l) => l.msg === 'webhook.dead' && l.deliveryId === d.id);
      assert.equal(dead.length, 1, 'one dead-letter log line');
      assert.equal(dead[0]!.lastStatus, 503);
      assert.ok(!JSON.stringify(logLines).includes(hook.secret.slice(6)), 'no secret in the logs');

      // Nothing more happens by itself.
      h.clock.advance(48 * HOUR);
      assert.equal((await svc.dispatcher.runDue()).attempted, 0);
      const listed = await deliveries(hook.id, '?status=dead');
      assert.deepEqual(listed.map((x) => x.id), [d.id]);
      assert.deepEqual(await deliveries(hook.id, '?status=pending'), []);

      // The receiver recovers; the operator redelivers.
      rx.answerWith('/down', () => 200);
      const again = await api('POST', `/v1/webhooks/deliveries/${d.id}/redeliver`);
      assert.equal(again.status, 202, JSON.stringify(again.body));
      assert.equal(again.body.status, 'pending');
      assert.equal(again.body.attempts, 0);
      assert.equal(again.body.nextAttemptAt, h.clock.now().toISOString());
      const twice = await api('POST', `/v1/webhooks/deliveries/${d.id}/redeliver`);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'delivery_pending');
      assert.equal((await svc.dispatcher.runDue()).delivered, 1);
      [d] = await deliveries(hook.id);
      assert.equal(d.status, 'delivered');
      assert.equal(d.attempts, 1);
      assert.equal(rx.on('/down').length, MAX_ATTEMPTS + 1);
      assert.equal(rx.on('/down').at(-1)!.id, d.messageId, 'a redelivery keeps the webhook-id');

      // A delivered one may be sent again too.
      assert.equal((await api('POST', `/v1/webhooks/deliveries/${d.id}/redeliver`)).status, 202);
      await svc.dispatcher.runDue();
      assert.equal(rx.on('/down').length, MAX_ATTEMPTS + 2);
      assert.equal((await deliveries(hook.id, '?status=delivered')).length, 1);

      // An inactive endpoint's deliveries are not redelivered.
      await api('DELETE', `/v1/webhooks/${hook.id}`);
      const off = await api('POST', `/v1/webhooks/deliveries/${d.id}/redeliver`);
      assert.equal(off.status, 409);
      assert.equal(off.body.error.code, 'webhook_inactive');
    });

    it('sends each endpoint only the event types it subscribed to', async () => {
      const out = await create('/only-out', ['inventory.out_of_stock'], () => 200);
      const all = await create('/all-inventory', ['inventory.*'], () => 204);
      const orders = await create('/orders', ['order.*'], () => 200);
      const retried = rx.on('/retry').length;
      await feed('WH-2', { onHand: 0 }); // availability changes and the SKU runs out
      await svc.drainEvents();
      await svc.dispatcher.runDue();
      const types = (path: string) => rx.on(path).map((x) => JSON.parse(x.body).type as string);
      assert.deepEqual(types('/only-out'), ['inventory.out_of_stock']);
      assert.deepEqual(new Set(types('/all-inventory')), new Set(['inventory.availability_changed', 'inventory.out_of_stock']));
      assert.deepEqual(types('/orders'), []);
      assert.ok(rx.on('/only-out').every((x) => JSON.parse(x.body).data.sku === 'WH-2'));
      assert.equal(rx.on('/retry').length, retried, 'a deactivated endpoint gets nothing more');
      assert.equal((await deliveries(all.id, '?status=delivered')).length, types('/all-inventory').length);
      assert.equal((await deliveries(orders.id)).length, 0);

      // Changing the subscription and deactivating take effect for later events.
      const patched = await api('PATCH', `/v1/webhooks/${out.id}`, { events: ['inventory.back_in_stock'] });
      assert.equal(patched.status, 200);
      assert.deepEqual(patched.body.events, ['inventory.back_in_stock']);
      assert.equal((await api('DELETE', `/v1/webhooks/${all.id}`)).status, 200);
      const before = rx.on('/all-inventory').length;
      await feed('WH-2', { onHand: 4 });
      await svc.drainEvents();
      await svc.dispatcher.runDue();
      assert.deepEqual(types('/only-out'), ['inventory.out_of_stock', 'inventory.back_in_stock']);
      assert.equal(rx.on('/all-inventory').length, before);
      const listed = await api('GET', '/v1/webhooks');
      assert.equal(listed.status, 200);
      const byId = new Map<string, any>(listed.body.items.map((w: any) => [w.id, w]));
      assert.equal(byId.get(all.id).active, false);
      assert.equal(byId.get(out.id).active, true);
      assert.ok(listed.body.items.every((w: any) => w.secret === undefined));
      await api('DELETE', `/v1/webhooks/${out.id}`);
      await api('DELETE', `/v1/webhooks/${orders.id}`);
    });

    it('fans each event out exactly once, however often and by however many workers it is drained', async () => {
      const hook = await create('/once', ['inventory.*'], () => 200);
      const other = new WebhookService(h.restock.db, h.clock, { eventTypes: h.restock.eventTypes.types, policy: LOOPBACK, timeoutMs: TIMEOUT_MS, consumer: { gapTimeoutMs: 200 } });
      const lastBefore = Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
      for (let i = 0; i < 12; i++) await feed('WH-1', { delta: i % 2 === 0 ? 2 : -1 });
      await Promise.all([svc.drainEvents(), other.drainEvents(), svc.drainEvents()]);
      await svc.drainEvents();
      await other.drainEvents();
      const events = await h.restock.db.kysely.selectFrom('events').select(['id', 'type']).where('id', '>', lastBefore).execute();
      const expected = events.filter((e) => e.type.startsWith('inventory.'));
      assert.ok(expected.length >= 12);
      const rows = await h.restock.db.kysely.selectFrom('webhook_deliveries').select(['event_id']).where('webhook_id', '=', hook.id).execute();
      assert.equal(rows.length, expected.length, 'one delivery per event');
      assert.deepEqual(new Set(rows.map((r) => Number(r.event_id))), new Set(expected.map((e) => Number(e.id))));

      // Two dispatchers at once: every delivery goes out once.
      const [a, b] = await Promise.all([svc.dispatcher.runDue(), other.dispatcher.runDue()]);
      assert.equal(a.attempted + b.attempted, expected.length);
      const ids = rx.on('/once').map((x) => x.id);
      assert.equal(ids.length, expected.length);
      assert.equal(new Set(ids).size, ids.length, 'nobody sent twice');
      assert.equal((await deliveries(hook.id, '?status=delivered&limit=500')).length, expected.length);
      await other.stop();
      await api('DELETE', `/v1/webhooks/${hook.id}`);
    });

    it('refuses bad input with the reason, writing nothing', async () => {
      const count = async () => Number((await h.restock.db.kysely.selectFrom('webhooks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      const n0 = await count();
      const good = { url: `${rx.base}/x`, events: ['inventory.*'] };
      const cases: Array<[unknown, number, string | RegExp]> = [
        [{ ...good, url: 'ftp://example.com/hook' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: 'javascript:alert(1)' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: 'not a url' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: 'http://' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: '/relative/path' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: 'https://user:pw@example.com/hook' }, 400, 'invalid_webhook_url'],
        [{ ...good, url: `https://example.com/${'a'.repeat(3000)}` }, 400, 'invalid_request'],
        [{ ...good, url: '' }, 400, 'invalid_request'],
        [{ ...good, url: 42 }, 400, 'invalid_request'],
        [{ ...good, events: [] }, 400, 'invalid_request'],
        [{ ...good, events: ['inventory.exploded'] }, 400, 'unknown_event_type'],
        [{ ...good, events: ['inventory.*', 'bogus.*'] }, 400, 'unknown_event_type'],
        [{ ...good, events: 'inventory.*' }, 400, 'invalid_request'],
        [{ url: good.url }, 400, 'invalid_request'],
        [{ events: good.events }, 400, 'invalid_request'],
        [{ ...good, secret: 'mine' }, 400, 'invalid_request'],
        ['{"url": ', 400, 'invalid_json'],
      ];
      for (const [body, status, code] of cases) {
        const res = await api('POST', '/v1/webhooks', body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
        assert.equal(typeof res.body.error.message, 'string');
        assert.ok(res.body.error.message.length > 0);
        if (typeof code === 'string') assert.equal(res.body.error.code, code, JSON.stringify(res.body));
      }
      const unknown = await api('POST', '/v1/webhooks', { ...good, events: ['inventory.*', 'nope.thing'] });
      assert.deepEqual(unknown.body.error.details.unknown, ['nope.thing']);
      assert.equal((await api('POST', '/v1/webhooks', good, 'storefront')).status, 403);
      assert.equal((await api('POST', '/v1/webhooks', good, 'none')).status, 401);
      assert.equal((await api('GET', '/v1/webhooks', undefined, 'storefront')).status, 403);
      assert.equal(await count(), n0, 'nothing written');

      const hook = await create('/bad-input', ['inventory.*'], () => 200);
      const patches: Array<[unknown, number, string]> = [
        [{ url: 'gopher://example.com' }, 400, 'invalid_webhook_url'],
        [{ events: ['orders.*'] }, 400, 'unknown_event_type'],
        [{ events: [] }, 400, 'invalid_request'],
        [{}, 400, 'invalid_request'],
        [{ active: 'yes' }, 400, 'invalid_request'],
        [{ secret: 'x' }, 400, 'invalid_request'],
      ];
      for (const [body, status, code] of patches) {
        const res = await api('PATCH', `/v1/webhooks/${hook.id}`, body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, code);
      }
      const unchanged = await api('GET', `/v1/webhooks/${hook.id}`);
      assert.equal(unchanged.body.url, `${rx.base}/bad-input`);
      assert.deepEqual(unchanged.body.events, ['inventory.*']);
      assert.equal(unchanged.body.active, true);

      const missing: Array<[string, string, unknown, string]> = [
        ['GET', '/v1/webhooks/wh_nope', undefined, 'webhook_not_found'],
        ['PATCH', '/v1/webhooks/wh_nope', { active: false }, 'webhook_not_found'],
        ['DELETE', '/v1/webhooks/wh_nope', undefined, 'webhook_not_found'],
        ['GET', '/v1/webhooks/wh_nope/deliveries', undefined, 'webhook_not_found'],
        ['POST', '/v1/webhooks/deliveries/whd_nope/redeliver', undefined, 'delivery_not_found'],
        ['GET', '/v1/webhooks/deliveries/whd_nope', undefined, 'delivery_not_found'],
      ];
      for (const [method, url, body, code] of missing) {
        const res = await api(method, url, body);
        assert.equal(res.status, 404, `${method} ${url}`);
        assert.equal(res.body.error.code, code);
      }
      const badStatus = await api('GET', `/v1/webhooks/${hook.id}/deliveries?status=lost`);
      assert.equal(badStatus.status, 400);
      assert.match(badStatus.body.error.message, /pending, delivered, dead/);
      assert.equal(await count(), n0 + 1);
      await api('DELETE', `/v1/webhooks/${hook.id}`);

      const doc = await api('GET', '/openapi.json');
      assert.equal(doc.status, 200);
      assert.ok(doc.body.paths['/v1/webhooks'] && doc.body.paths['/v1/webhooks/deliveries/{id}/redeliver']);
    });

    it('takes back a delivery whose worker died mid-request once its lease runs out, same webhook-id', async () => {
      const hook = await create('/crash', ['inventory.availability_changed'], () => 200);
      await feed('WH-1', { delta: 3 });
      await svc.drainEvents();
      // A worker claims it and dies before recording anything.
      const now = h.clock.now();
      const lease = new Date(now.getTime() + TIMEOUT_MS + 60_000).toISOString();
      const { claimed } = await claimDue(h.restock.db, now.toISOString(), lease, 10, MAX_ATTEMPTS);
      assert.equal(claimed.length, 1);
      assert.equal((await svc.dispatcher.runDue()).attempted, 0, 'not while the lease holds');
      h.clock.set(lease);
      assert.equal((await svc.dispatcher.runDue()).delivered, 1);
      const [d] = await deliveries(hook.id);
      assert.equal(d.status, 'delivered');
      assert.equal(d.attempts, 2, 'the lost attempt counts');
      assert.deepEqual(rx.on('/crash').map((x) => x.id), [d.messageId]);

      // A delivery whose last scheduled attempt was lost that way is dead-lettered, not sent a ninth time.
      await feed('WH-1', { delta: 3 });
      await svc.drainEvents();
      const [e] = await deliveries(hook.id, '?status=pending');
      await h.restock.db.kysely.updateTable('webhook_deliveries').set({ attempts: MAX_ATTEMPTS }).where('id', '=', e.id).execute();
      assert.equal((await svc.dispatcher.runDue()).dead, 1);
      const dead = await api('GET', `/v1/webhooks/deliveries/${e.id}`);
      assert.equal(dead.body.status, 'dead');
      assert.match(dead.body.lastError, /stopped mid-request/);
      assert.equal(rx.on('/crash').length, 1);
      await api('DELETE', `/v1/webhooks/${hook.id}`);
    });

    it('runs in the background once started, and stops at once, aborting a request in flight', async () => {
      const bg = new WebhookService(h.restock.db, h.clock, { eventTypes: h.restock.eventTypes.types, policy: LOOPBACK, timeoutMs: 30_000, pollMs: 50, consumer: { gapTimeoutMs: 200 } });
      const hook = await create('/background', ['inventory.availability_changed'], (n) => (n === 1 ? 200 : 'hang'));
      await bg.start();
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200 && rx.on('/background').length < n; i++) await new Promise((r) => setTimeout(r, 25));
        assert.equal(rx.on('/background').length, n);
      };
      await feed('WH-1', { delta: 1 });
      await waitFor(1);
      await feed('WH-1', { delta: 1 });
      await waitFor(2); // this one hangs
      // Stopping aborts the hanging request (its 30 s timeout would give another error), checked by the
      // delivery's error rather than by the clock.
      await bg.stop();
      const [latest, first] = await deliveries(hook.id);
      assert.equal(first.status, 'delivered');
      assert.equal(latest.status, 'pending');
      assert.equal(latest.attempts, 1);
      assert.equal(latest.lastError, 'aborted: the dispatcher stopped mid-request');
      await api('DELETE', `/v1/webhooks/${hook.id}`);
    });
  });
}
