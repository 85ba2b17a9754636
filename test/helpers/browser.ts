/**
 * What every browser test shares: Debian's Chromium through playwright-core, a real Restock server on a
 * loopback port with the demo shop's catalogue, pages that fail the test on any console error, page error or
 * failed request, screenshots in test-results/, and axe-core run inside the page.
 *
 *   const b = browserSuite();            // in a describe(…, { skip: b.skip }) body
 *   before(() => b.start());  after(() => b.stop());  afterEach(() => b.closePages());
 *   const page = await b.open('/');      await b.shot(page, 'shop-grid');   await b.axe(page, 'shop');
 *   test('no page logged an error', () => b.assertNoErrors());
 *
 * Without /usr/bin/chromium the suite skips visibly, except under CI where `requireChromium()` fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { Restock, type RestockOptions } from '../../src/restock.ts';
import { buildApp } from '../../src/api/app.ts';
import { addDays, isoDate } from '../../src/core/clock.ts';
import { testDatabase, type TestDb } from './db.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const CI = process.env.CI === 'true' || process.env.CI === '1';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
export const WAIT = 10_000;
export const TODAY = isoDate(new Date());
/** Dates the seeded shop uses (days from today). */
export const SEED_DATES = { capBack: addDays(TODAY, 12), lampShips: addDays(TODAY, 21), atlasRelease: addDays(TODAY, 45) };
/** The dashboard keeps the admin key here (session storage of the tab). */
export const ADMIN_KEY_STORAGE = 'restock.adminKey';

/** Call once at the top of a browser test file: under CI a missing Chromium is a failure, elsewhere a visible skip. */
export function requireChromium(): string | false {
  if (HAVE_CHROMIUM) return false;
  if (CI) {
    test('browser tests need Chromium under CI', () => assert.fail(`${CHROMIUM} is missing; install it (apt-get install -y chromium)`));
  } else console.log(`# browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return `${CHROMIUM} is missing`;
}

export interface BrowserSuite {
  readonly base: string;
  readonly restock: Restock;
  readonly app: FastifyInstance;
  readonly keys: { admin: string; storefront: string; checkout: string };
  readonly context: BrowserContext;
  readonly browser: Browser;
  /** Starts the server (seeded with `seedShop` unless `seed` says otherwise) and the browser. */
  start(opts?: { seed?: (r: Restock) => Promise<void>; restock?: Omit<RestockOptions, 'databaseUrl' | 'publicUrl'>; context?: BrowserContextOptions; storefrontKey?: boolean }): Promise<void>;
  stop(): Promise<void>;
  /** A new page at `path`, watched for errors; `on` another context (a phone viewport, another origin). */
  open(path: string, on?: BrowserContext): Promise<Page>;
  /** The dashboard at `/dashboard{path}`, signed in with the admin key. */
  openDashboard(path?: string, on?: BrowserContext): Promise<Page>;
  newContext(opts?: BrowserContextOptions): Promise<BrowserContext>;
  closePages(): Promise<void>;
  /** A full-page screenshot in test-results/NAME.png. */
  shot(page: Page, name: string): Promise<void>;
  /** axe-core in the page: fails on serious or critical violations. */
  axe(page: Page, what: string, opts?: { include?: string }): Promise<void>;
  /** The API as the admin (or another key). */
  api(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: any }>;
  /** Errors every page logged so far (console errors, page errors, failed or 5xx requests). */
  errors(): string[];
  assertNoErrors(): void;
  /** Failed requests matching this are expected (a test that stops the API on purpose). */
  allowFailures(pattern: RegExp): void;
}

export function browserSuite(): BrowserSuite {
  let db: TestDb | undefined;
  let restock: Restock | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = '';
  const keys = { admin: '', storefront: '', checkout: '' };
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  const pages = new Set<Page>();
  const contexts: BrowserContext[] = [];
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`browserSuite: ${what} is not started`);
    return v;
  };

  function watch(page: Page, label: string): void {
    pages.add(page);
    page.on('pageerror', (err) => errors.push(`${label}: page error: ${err.message}`));
    page.on('console', (m) => {
      // A refused request the page explains in words is logged by Chrome as "Failed to load resource": the
      // request itself is judged below, by its status.
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`${label}: console: ${m.text()}`);
    });
    page.on('requestfailed', (req) => {
      const what = `${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'failed'})`;
      // A page that navigates away or closes aborts its open streams: that is not a failure of the page.
      if (/ERR_ABORTED/.test(req.failure()?.errorText ?? '')) return;
      if (!allowed.some((re) => re.test(req.url()))) errors.push(`${label}: request failed: ${what}`);
    });
    page.on('response', (res) => {
      const status = res.status();
      // 4xx answers are part of flows (a refused reservation, a revoked key); a 404 for a page asset or a 5xx is not.
      const asset = /\.(js|css|png|svg|ico|woff2?)(\?|$)/.test(res.url()) || res.url().endsWith('/favicon.ico');
      if ((status >= 500 || (status === 404 && asset)) && !allowed.some((re) => re.test(res.url()))) {
        errors.push(`${label}: ${status} for ${res.request().method()} ${res.url()}`);
      }
    });
  }

  const suite: BrowserSuite = {
    get base() {
      return base;
    },
    get restock() {
      return need(restock, 'the server');
    },
    get app() {
      return need(app, 'the server');
    },
    get keys() {
      return keys;
    },
    get context() {
      return need(context, 'the browser');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    async start(opts = {}) {
      mkdirSync(SHOTS, { recursive: true });
      db = await testDatabase('sqlite');
      // Links in emails are absolute: the port is chosen first, so they lead back to this server.
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      restock = await Restock.open({ webhookPolicy: { allowHttp: true, allowPrivate: 'all' }, ...opts.restock, databaseUrl: db.url, publicUrl: base });
      keys.admin = (await restock.keys.create('admin')).key;
      keys.storefront = (await restock.keys.create('storefront')).key;
      keys.checkout = (await restock.keys.create('checkout')).key;
      await (opts.seed ?? seedShop)(restock);
      app = await buildApp(restock, { web: { storefrontKey: opts.storefrontKey === false ? null : keys.storefront } });
      await app.listen({ port, host: '127.0.0.1' });
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      context = await suite.newContext(opts.context);
    },
    async newContext(opts = {}) {
      const c = await need(browser, 'the browser').newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC', ...opts });
      contexts.push(c);
      return c;
    },
    async stop() {
      // The browser first: its open event streams would otherwise keep the server from closing.
      await browser?.close();
      await app?.close();
      await restock?.close();
      await db?.drop();
    },
    async open(path, on) {
      const page = await (on ?? suite.context).newPage();
      watch(page, path);
      await page.goto(path.startsWith('http') ? path : `${base}${path}`);
      return page;
    },
    async openDashboard(path = '', on) {
      const page = await (on ?? suite.context).newPage();
      watch(page, `/dashboard${path}`);
      // Init scripts run in every frame, also the email preview's sandboxed one, which has no storage at all.
      await page.addInitScript(([k, key]) => {
        try {
          if (window.top === window) sessionStorage.setItem(k as string, key as string);
        } catch {
          // an opaque-origin frame: nothing to sign in
        }
      }, [ADMIN_KEY_STORAGE, keys.admin]);
      await page.goto(`${base}/dashboard${path}`);
      return page;
    },
    async closePages() {
      for (const p of pages) await p.close().catch(() => undefined);
      pages.clear();
    },
    async shot(page, name) {
      await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
    },
    async axe(page, what, opts = {}) {
      // Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP (script-src 'self')
      // refuses inline scripts, and must stay as strict as it is in production while axe runs.
      await page.evaluate(AXE_SOURCE());
      const violations = await page.evaluate(async (include) => {
        const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
        const r = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
      }, opts.include ?? null);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], `axe found serious or critical violations on ${what}:\n${bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`).join('\n')}`);
    },
    async api(method, path, body, key = keys.admin) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (a CSV export, say): the text as it is
      }
      return { status: res.status, body: parsed };
    },
    errors: () => [...errors],
    assertNoErrors() {
      assert.deepEqual(errors, [], `pages logged errors:\n${errors.join('\n')}`);
    },
    allowFailures(pattern) {
      allowed.push(pattern);
    },
  };
  return suite;
}

let axeSource: string | undefined;
function AXE_SOURCE(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** The demo shop's catalogue: every availability state, expected deliveries, three locations. */
export async function seedShop(restock: Restock): Promise<void> {
  const inv = restock.inventory;
  await inv.upsertLocation({ code: 'WH1', name: 'Warehouse Berlin', type: 'warehouse', priority: 1, region: 'EU' });
  await inv.upsertLocation({ code: 'WH2', name: 'Warehouse Lyon', type: 'warehouse', priority: 2, region: 'EU' });
  await inv.upsertLocation({ code: 'ST1', name: 'Store Amsterdam', type: 'store', priority: 3, region: 'EU' });
  const products = [
    { sku: 'TEE-BLK', title: 'Organic cotton tee, black', category: 'apparel', brand: 'Northway', price: '24.00', description: 'Heavyweight organic cotton, garment dyed.' },
    { sku: 'MUG-ENAMEL', title: 'Enamel camping mug', category: 'home', brand: 'Fieldcraft', price: '18.50', description: 'Steel with a glass-hard enamel coat. Holds 350 ml.', attributes: { colour: 'sage', capacity: '350 ml' } },
    { sku: 'CAP-RED', title: 'Wool beanie, red', category: 'apparel', brand: 'Northway', price: '29.00' },
    { sku: 'LAMP-BRASS', title: 'Brass desk lamp', category: 'home', brand: 'Lumen & Co', price: '149.00', policy: { allowBackorder: true, leadTimeDays: 21 } },
    { sku: 'ATLAS-ISLANDS', title: 'Atlas of remote islands', category: 'books', brand: 'Meridian Press', price: '35.00', status: 'upcoming' as const, policy: { allowPreorder: true, releaseDate: SEED_DATES.atlasRelease } },
    { sku: 'PEN-1919', title: 'Fountain pen, 2019 edition', category: 'stationery', brand: 'Inkwell', price: '89.00', status: 'discontinued' as const },
    { sku: 'TENT-2P', title: 'Two-person tent', category: 'outdoors', brand: 'Fieldcraft', price: '329.00' },
    { sku: 'SOCK-MERINO', title: 'Merino hiking socks', category: 'apparel', brand: 'Northway', price: '16.00' },
    { sku: 'SCARF-GREY', title: 'Grey wool scarf', category: 'apparel', brand: 'Northway', price: '39.00', description: 'Lambswool, woven in Scotland.' },
    { sku: 'KETTLE-COPPER', title: 'Copper kettle', category: 'kitchen', brand: 'Fieldcraft', price: '64.00' },
    { sku: 'BOOT-TRAIL', title: 'Trail boots', category: 'outdoors', brand: 'Fieldcraft', price: '159.00' },
  ];
  for (const p of products) await restock.catalog.upsert(p);
  const stock: Array<[string, string, number]> = [
    ['TEE-BLK', 'WH1', 40], ['TEE-BLK', 'WH2', 12],
    ['MUG-ENAMEL', 'WH1', 3],
    ['CAP-RED', 'WH1', 0],
    ['LAMP-BRASS', 'WH1', 0],
    ['PEN-1919', 'WH1', 0],
    ['TENT-2P', 'ST1', 8], ['TENT-2P', 'WH2', 4],
    ['SOCK-MERINO', 'WH1', 5],
    ['SCARF-GREY', 'WH1', 0],
    ['KETTLE-COPPER', 'WH1', 0],
    ['BOOT-TRAIL', 'WH1', 0],
  ];
  await inv.applyFeed(stock.map(([sku, location, onHand]) => ({ sku, location, onHand, idempotencyKey: `seed-${sku}-${location}` })), 'seed');
  await restock.orders.createInbound({ sku: 'CAP-RED', location: 'WH1', quantity: 30, expectedDate: SEED_DATES.capBack, reference: 'PO-1001' });
  await restock.orders.createInbound({ sku: 'LAMP-BRASS', location: 'WH1', quantity: 5, expectedDate: SEED_DATES.lampShips, reference: 'PO-1002' });
  // As the demo seed does: the shop page places orders with the publishable key (they await payment).
  await restock.orders.setCheckoutSettings({ ...(await restock.orders.checkoutSettings()), browserOrders: true });
}

/** A free loopback port, so the server's public URL (links in emails) can be known before it listens. */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
