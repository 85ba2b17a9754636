/**
 * Security headers on every HTML page (http/page-headers.ts): the demo shop, the dashboard, the API reference
 * at /docs, the pages behind email links — a CSP with frame-ancestors 'none', nosniff, a referrer policy — and
 * nosniff on every other answer. The API reference is also opened in Chromium to show that its own policy
 * lets it render and that nothing on it is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { testDatabase, type TestDb } from './helpers/db.ts';

const CHROMIUM = '/usr/bin/chromium';
const CI = process.env.CI === 'true' || process.env.CI === '1';

/** Every HTML page the service serves; signed-link pages are asked with a token that does not verify. */
export const HTML_PAGES = ['/', '/dashboard', '/docs', '/w/confirm/not-a-token', '/w/unsubscribe/not-a-token', '/w/hold/not-a-token'];

describe('security headers', () => {
  let db: TestDb;
  let restock: Restock;
  let app: FastifyInstance;
  before(async () => {
    db = await testDatabase('sqlite');
    restock = await Restock.open({ databaseUrl: db.url });
    const storefront = (await restock.keys.create('storefront')).key;
    app = await buildApp(restock, { web: { storefrontKey: storefront } });
  });
  after(async () => {
    await app?.close();
    await restock?.close();
    await db?.drop();
  });

  it('every HTML page forbids framing, sniffing and referrers, and allows no inline or remote script', async () => {
    for (const url of HTML_PAGES) {
      const res = await app.inject({ method: 'GET', url });
      assert.match(String(res.headers['content-type']), /^text\/html/, `${url} is a page (${res.statusCode})`);
      const csp = String(res.headers['content-security-policy'] ?? '');
      assert.match(csp, /frame-ancestors 'none'/, `${url}: ${csp}`);
      assert.match(csp, /object-src 'none'/, url);
      assert.doesNotMatch(csp, /script-src[^;]*('unsafe-inline'|https:|\*)/, `${url} allows inline or remote scripts: ${csp}`);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.ok(['no-referrer', 'same-origin'].includes(String(res.headers['referrer-policy'])), `${url}: ${String(res.headers['referrer-policy'])}`);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
    }
  });

  it("the pages behind email links admit their own inline style by hash, never 'unsafe-inline'", async () => {
    for (const url of HTML_PAGES.filter((u) => u.startsWith('/w/'))) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1];
      if (style === undefined) continue;
      const { createHash } = await import('node:crypto');
      assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), `${url}: ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline/, url);
    }
  });

  it('JSON answers and static files are nosniff too', async () => {
    for (const url of ['/health', '/openapi.json', '/v1/products', '/nope', '/widget/restock-widget.js']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', `${url} (${res.statusCode})`);
    }
  });

  it('the API reference renders in Chromium under its policy, with nothing refused and nothing fetched from other sites', { skip: existsSync(CHROMIUM) || CI ? false : `${CHROMIUM} is missing` }, async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await page.goto(`${base}/docs`);
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Restock API' }).waitFor({ timeout: 15_000 });
      await page.locator('.opblock-tag').first().waitFor({ timeout: 15_000 });
      assert.deepEqual(refused, []);
      assert.deepEqual(foreign, []);
    } finally {
      await browser.close();
    }
  });
});
