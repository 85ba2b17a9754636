import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postGuarded, sanitiseSnippet } from './outbound-http.ts';
import { STRICT_POLICY } from './net-guard.ts';

const loopback = { allowHttp: true, allowPrivate: 'all' as const };

describe('guarded POST', () => {
  let server: Server;
  let base = '';
  const seen: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/target' }).end();
        return;
      }
      if (req.url === '/slow') return; // never answers
      if (req.url === '/noisy') {
        res.writeHead(500).end(`\u001b[31mboom\u0007 ${'x'.repeat(5000)}`);
        return;
      }
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('delivers to loopback only where private addresses are opened', async () => {
    const ok = await postGuarded(`${base}/hook`, '{}', {}, { policy: loopback, timeoutMs: 5000 });
    assert.equal(ok.status, 204);
    const refused = await postGuarded(`${base}/hook`, '{}', {}, { policy: { ...STRICT_POLICY, allowHttp: true }, timeoutMs: 5000 });
    assert.equal(refused.status, null);
    assert.match(refused.blocked ?? '', /loopback/);
    assert.equal(seen.filter((u) => u === '/hook').length, 1);
  });

  it('a name that resolves to loopback is refused at connect time', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = seen.length;
    const r = await postGuarded(`http://hooks.example.com:${port}/hook`, '{}', {}, {
      policy: { ...STRICT_POLICY, allowHttp: true },
      timeoutMs: 5000,
      resolve: async () => ['127.0.0.1'],
    });
    assert.equal(r.status, null);
    assert.match(r.blocked ?? '', /loopback/);
    assert.equal(seen.length, before);
  });

  it('does not follow redirects', async () => {
    const r = await postGuarded(`${base}/redirect`, '{}', {}, { policy: loopback, timeoutMs: 5000 });
    assert.equal(r.status, 302);
    assert.ok(!seen.includes('/target'));
  });

  it('times out and keeps a short sanitised snippet', async () => {
    const slow = await postGuarded(`${base}/slow`, '{}', {}, { policy: loopback, timeoutMs: 200 });
    assert.equal(slow.status, null);
    assert.match(slow.snippet, /no answer/);
    const noisy = await postGuarded(`${base}/noisy`, '{}', {}, { policy: loopback, timeoutMs: 5000 });
    assert.equal(noisy.status, 500);
    assert.ok(noisy.snippet.length <= 257);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u001f]/.test(noisy.snippet));
    assert.equal(sanitiseSnippet('a\u202eb'), 'ab');
  });
});
