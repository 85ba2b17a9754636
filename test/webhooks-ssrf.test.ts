/**
 * The webhook SSRF guard, end to end on every dialect: registration refuses private, loopback, link-local, CGNAT,
 * multicast and metadata addresses in every notation and names that resolve to them (through an injected
 * resolver: nothing here asks a real DNS server or contacts a private address); each delivery checks the address
 * it connects to again (DNS rebinding), follows no redirect, and keeps only a short sanitised snippet of the
 * answer. Traffic goes to loopback servers only, opened through the allow-list where a test needs it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCidrList, STRICT_POLICY, type AddressPolicy, type Resolver } from '../src/core/net-guard.ts';
import { WebhookService } from '../src/messaging/webhooks/service.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

/** http allowed, no private range opened: what is refused is refused for its address, not its scheme. */
const HTTP_PUBLIC_ONLY: AddressPolicy = { allowHttp: true, allowPrivate: 'none' };
const LOOPBACK_ONLY = (): AddressPolicy => ({ allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') });
/** A public address (documentation ranges are refused, so one of example.com's): resolved, never contacted. */
const PUBLIC_IP = '93.184.216.34';

interface Recorder {
  server: Server;
  port: number;
  base: string;
  hits: string[];
}

async function recorder(handle: (path: string, res: import('node:http').ServerResponse) => void = (_p, res) => void res.writeHead(200).end('ok')): Promise<Recorder> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    req.on('end', () => handle(req.url ?? '', res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, base: `http://127.0.0.1:${port}`, hits };
}

async function closeRecorder(r: Recorder | undefined): Promise<void> {
  if (!r) return;
  r.server.closeAllConnections();
  await new Promise<void>((resolve) => r.server.close(() => resolve()));
}

let feedNo = 0;
async function changeStock(h: Harness, sku: string): Promise<void> {
  await h.restock.inventory.applyFeed([{ sku, location: 'WH1', delta: 1, idempotencyKey: `ssrf-feed-${++feedNo}` }], 'test');
}

for (const dialect of DIALECTS) {
  describe(`webhook SSRF guard at registration (${dialect})`, () => {
    let h: Harness;
    const names: Record<string, string[]> = {
      'loopback.example.test': ['127.0.0.1'],
      'mixed.example.test': [PUBLIC_IP, '10.1.2.3'],
      'metadata.example.test': ['169.254.169.254'],
      'mapped.example.test': ['::ffff:127.0.0.1'],
      'public.example.test': [PUBLIC_IP],
    };
    const resolver: Resolver = async (host) => {
      const a = names[host];
      if (!a) throw Object.assign(new Error(`no such name ${host}`), { code: 'ENOTFOUND' });
      return a;
    };
    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: HTTP_PUBLIC_ONLY, webhookResolver: resolver } });
    });
    after(async () => h?.close());

    const count = async () => Number((await h.restock.db.kysely.selectFrom('webhooks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);

    it('refuses every notation of a private, loopback, link-local, CGNAT, multicast or metadata address, and names resolving to one', async () => {
      const n0 = await count();
      const refused: Array<[string, RegExp]> = [
        ['http://127.1/', /loopback/],
        ['http://2130706433/', /loopback/],
        ['http://0x7f000001/', /loopback/],
        ['http://0177.0.0.1/', /loopback/],
        ['http://127.0.0.1:8080/hook', /loopback/],
        ['http://[::ffff:127.0.0.1]/', /loopback/],
        ['http://[::ffff:7f00:1]/', /loopback/],
        ['http://[::1]/', /loopback/],
        ['http://10.0.0.1/', /private/],
        ['http://172.16.5.4/', /private/],
        ['http://172.31.255.255/', /private/],
        ['http://192.168.1.1/', /private/],
        ['http://169.254.169.254/latest/meta-data/', /link-local/],
        ['http://100.64.0.1/', /carrier-grade NAT/],
        ['http://224.0.0.1/', /multicast/],
        ['http://[ff02::1]/', /multicast/],
        ['http://[fe80::1]/', /link-local/],
        ['http://[fd00::1]/', /unique-local/],
        ['http://0.0.0.0/', /this network/],
        ['http://localhost:3000/', /private name/],
        ['http://intranet/', /not a public domain name/],
        ['http://loopback.example.test/hook', /resolves to a loopback address \(127\.0\.0\.1\)/],
        ['http://mapped.example.test/hook', /resolves to a loopback address/],
        ['http://mixed.example.test/hook', /resolves to a private address \(10\.1\.2\.3\)/],
        ['http://metadata.example.test/hook', /resolves to a link-local address/],
        ['http://nowhere.example.test/hook', /does not resolve/],
      ];
      for (const [url, why] of refused) {
        const res = await h.call('POST', '/v1/webhooks', { url, events: ['inventory.*'] });
        assert.equal(res.status, 400, `${url} → ${res.raw}`);
        assert.equal(res.body.error.code, 'invalid_webhook_url', url);
        assert.equal(res.body.error.details.field, 'url', url);
        assert.match(res.body.error.details.reason, why, url);
        assert.match(res.body.error.message, why, url);
      }
      assert.equal(await count(), n0, 'nothing registered');

      // The same on PATCH: an endpoint cannot be pointed at loopback afterwards.
      const ok = await h.call('POST', '/v1/webhooks', { url: 'http://public.example.test/hook', events: ['inventory.*'] });
      assert.equal(ok.status, 201, ok.raw);
      for (const [url, why] of [['http://2130706433/', /loopback/], ['http://loopback.example.test/', /loopback/], ['http://[::ffff:169.254.169.254]/', /link-local/]] as const) {
        const res = await h.call('PATCH', `/v1/webhooks/${ok.body.id}`, { url });
        assert.equal(res.status, 400, `${url} → ${res.raw}`);
        assert.equal(res.body.error.code, 'invalid_webhook_url');
        assert.equal(res.body.error.details.field, 'url');
        assert.match(res.body.error.details.reason, why);
      }
      assert.equal((await h.call('GET', `/v1/webhooks/${ok.body.id}`)).body.url, 'http://public.example.test/hook');
      await h.call('DELETE', `/v1/webhooks/${ok.body.id}`);
    });

    it('takes only https unless http is allowed, and keeps cloud metadata closed even when every private range is open', async () => {
      const strict = new WebhookService(h.restock.db, h.clock, { eventTypes: h.restock.eventTypes.types, policy: STRICT_POLICY, resolve: resolver });
      await assert.rejects(strict.create({ url: 'http://public.example.test/hook', events: ['inventory.*'] }), (err: Error & { code?: string; details?: { reason?: string } }) => {
        assert.equal(err.code, 'invalid_webhook_url');
        assert.match(err.details?.reason ?? '', /must use https/);
        return true;
      });
      const created = await strict.create({ url: 'https://public.example.test/hook', events: ['inventory.*'] });
      assert.equal(created.url, 'https://public.example.test/hook');
      await strict.deactivate(created.id);

      const open = new WebhookService(h.restock.db, h.clock, { eventTypes: h.restock.eventTypes.types, policy: { allowHttp: true, allowPrivate: 'all' }, resolve: resolver });
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://100.100.100.200/', 'http://metadata.example.test/']) {
        await assert.rejects(open.create({ url, events: ['inventory.*'] }), (err: Error & { code?: string; details?: { reason?: string } }) => {
          assert.equal(err.code, 'invalid_webhook_url', url);
          assert.match(err.details?.reason ?? '', /metadata/, url);
          return true;
        });
      }
      const onPrem = await open.create({ url: 'http://10.0.0.5/hook', events: ['inventory.*'] });
      await open.deactivate(onPrem.id);
    });
  });

  describe(`webhook SSRF guard at delivery (${dialect})`, () => {
    let h: Harness;
    let rx: Recorder;
    /** What the injected resolver answers now: public at registration, loopback at delivery (rebinding). */
    let answer = [PUBLIC_IP];
    before(async () => {
      h = await harness(dialect, { restock: { webhookPolicy: HTTP_PUBLIC_ONLY, webhookResolver: async () => answer } });
      await seedBasic(h, 'SSRF-1', { WH1: 5 });
      await h.restock.webhooks.drainEvents();
      rx = await recorder();
    });
    after(async () => {
      await closeRecorder(rx);
      await h?.close();
    });

    it('refuses a delivery whose name resolves to loopback by then, without connecting', async () => {
      const url = `http://rebind.example.test:${rx.port}/hook`;
      const created = await h.call('POST', '/v1/webhooks', { url, events: ['inventory.*'] });
      assert.equal(created.status, 201, created.raw);
      answer = ['127.0.0.1'];
      await changeStock(h, 'SSRF-1');
      await h.restock.webhooks.drainEvents();
      const run = await h.restock.webhooks.dispatcher.runDue();
      assert.ok(run.attempted >= 1);
      assert.deepEqual(rx.hits, [], 'the loopback server saw no connection');
      const items = (await h.call('GET', `/v1/webhooks/${created.body.id}/deliveries`)).body.items as Array<{ status: string; lastStatus: number | null; lastError: string; attempts: number }>;
      assert.ok(items.length >= 1);
      for (const d of items) {
        assert.equal(d.status, 'pending', 'a refused attempt is a failed one, retried on the schedule');
        assert.equal(d.attempts, 1);
        assert.equal(d.lastStatus, null);
        assert.match(d.lastError, /^blocked: .*loopback address \(127\.0\.0\.1\)/);
      }
      // An IPv4-mapped answer is the same address.
      answer = ['::ffff:127.0.0.1'];
      h.clock.advance(60_000);
      await h.restock.webhooks.dispatcher.runDue();
      assert.deepEqual(rx.hits, []);
      const [latest] = (await h.call('GET', `/v1/webhooks/${created.body.id}/deliveries`)).body.items as Array<{ lastError: string; attempts: number }>;
      assert.equal(latest!.attempts, 2);
      assert.match(latest!.lastError, /^blocked: .*loopback/);
      await h.call('DELETE', `/v1/webhooks/${created.body.id}`);
    });
  });

  describe(`webhook redirects and answers (${dialect})`, () => {
    let h: Harness;
    let target: Recorder;
    let hop: Recorder;
    before(async () => {
      // Loopback is opened by the allow-list (a CIDR list), as an on-premise setup would open its own range.
      h = await harness(dialect, { restock: { webhookPolicy: LOOPBACK_ONLY() } });
      await seedBasic(h, 'SSRF-2', { WH1: 5 });
      await h.restock.webhooks.drainEvents();
      target = await recorder();
      hop = await recorder((path, res) => {
        if (path === '/noisy') {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`\u001b[31mboom\u0007\u202e ${'x'.repeat(5000)}`);
          return;
        }
        res.writeHead(302, { location: `${target.base}/stolen` }).end('moved');
      });
    });
    after(async () => {
      await closeRecorder(hop);
      await closeRecorder(target);
      await h?.close();
    });

    it('does not follow a redirect: a 3xx is a failed delivery, recorded', async () => {
      const created = await h.call('POST', '/v1/webhooks', { url: `${hop.base}/hook`, events: ['inventory.availability_changed'] });
      assert.equal(created.status, 201, created.raw);
      await changeStock(h, 'SSRF-2');
      await h.restock.webhooks.drainEvents();
      assert.equal((await h.restock.webhooks.dispatcher.runDue()).retrying, 1);
      assert.deepEqual(hop.hits, ['/hook']);
      assert.deepEqual(target.hits, [], 'the redirect target saw nothing');
      const [d] = (await h.call('GET', `/v1/webhooks/${created.body.id}/deliveries`)).body.items as Array<{ status: string; lastStatus: number; lastError: string }>;
      assert.equal(d!.status, 'pending');
      assert.equal(d!.lastStatus, 302);
      assert.match(d!.lastError, /^HTTP 302 \(redirects are not followed\)/);
      await h.call('DELETE', `/v1/webhooks/${created.body.id}`);
    });

    it('keeps the status and a short, sanitised snippet of the answer', async () => {
      const created = await h.call('POST', '/v1/webhooks', { url: `${hop.base}/noisy`, events: ['inventory.availability_changed'] });
      assert.equal(created.status, 201, created.raw);
      await changeStock(h, 'SSRF-2');
      await h.restock.webhooks.drainEvents();
      await h.restock.webhooks.dispatcher.runDue();
      const [d] = (await h.call('GET', `/v1/webhooks/${created.body.id}/deliveries`)).body.items as Array<{ lastStatus: number; lastError: string }>;
      assert.equal(d!.lastStatus, 500);
      assert.match(d!.lastError, /^HTTP 500: \[31mboom x+/);
      assert.ok(d!.lastError.length <= 300, `${d!.lastError.length} characters kept`);
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(d!.lastError), JSON.stringify(d!.lastError));
      await h.call('DELETE', `/v1/webhooks/${created.body.id}`);
    });
  });
}
