/**
 * A storefront on another origin talks to Restock with a publishable key: the live event stream (which writes its
 * own head) and the refusals (401 for a wrong key, 403 for a key without the scope) carry CORS headers, so the
 * page can read the answer — the widget tells an invalid key from an unreachable server — and EventSource is
 * allowed to deliver events at all.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { DIALECTS } from './helpers/db.ts';

const SHOP = 'http://shop.127.0.0.1.nip.io:8080';

for (const dialect of DIALECTS) {
  describe(`CORS on the event stream and on refusals (${dialect})`, () => {
    let h: Harness;
    let base = '';

    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'SKU-1', { WH1: 10 });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => h?.close());

    test('the stream opened with a ticket from another origin carries Access-Control-Allow-Origin and delivers events', async () => {
      const ticket = await fetch(`${base}/v1/events/tickets`, { method: 'POST', headers: { origin: SHOP, authorization: `Bearer ${h.keys.storefront}` } });
      assert.equal(ticket.status, 201);
      assert.equal(ticket.headers.get('access-control-allow-origin'), SHOP);
      const { ticket: t } = (await ticket.json()) as { ticket: string };

      const ac = new AbortController();
      const res = await fetch(`${base}/v1/events?types=inventory.availability_changed&ticket=${encodeURIComponent(t)}`, { headers: { origin: SHOP }, signal: ac.signal });
      try {
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
        assert.match(res.headers.get('vary') ?? '', /origin/i);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        // And it is a working stream: a change arrives on it.
        const reader = res.body!.getReader();
        await h.restock.inventory.adjust('SKU-1', 'WH1', -8, 'cors test');
        let text = '';
        while (!/event: inventory\.availability_changed/.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
        assert.match(text, /"sku":"SKU-1"/);
      } finally {
        ac.abort();
      }
    });

    test('a wrong key is answered 401 with CORS headers and the error body, readable by the other origin', async () => {
      for (const [method, path, body] of [
        ['POST', '/v1/availability', JSON.stringify({ skus: ['SKU-1'] })],
        ['POST', '/v1/events/tickets', undefined],
        ['GET', '/v1/events', undefined],
      ] as const) {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { origin: SHOP, authorization: 'Bearer rk_st_not-a-real-key', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(res.headers.get('access-control-allow-origin'), SHOP, `${method} ${path}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
      }
      // An expired or forged ticket on the stream, too.
      const forged = await fetch(`${base}/v1/events?ticket=forged`, { headers: { origin: SHOP } });
      assert.equal(forged.status, 401);
      assert.equal(forged.headers.get('access-control-allow-origin'), SHOP);
      assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'invalid_ticket');
    });

    test('a key without the scope is answered 403 with CORS headers', async () => {
      const res = await h.call('GET', '/v1/messages', undefined, { as: 'storefront', headers: { origin: SHOP } });
      assert.equal(res.status, 403);
      assert.equal(res.headers['access-control-allow-origin'], SHOP);
      assert.equal(res.body.error.code, 'forbidden');
    });

    test('the preflight of the widget\'s requests is answered before authentication', async () => {
      const res = await h.call('OPTIONS', '/v1/availability', undefined, {
        as: 'none',
        headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers['access-control-allow-origin'], SHOP);
      assert.match(String(res.headers['access-control-allow-headers']), /authorization/);
    });
  });
}
