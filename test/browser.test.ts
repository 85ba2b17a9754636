/**
 * The browser side in a real browser: the demo shop (grid, widget, product page, holds), the widget following
 * stock live over SSE, and the operator dashboard. Runs Debian's Chromium through playwright-core against a
 * real server on a loopback port. Without /usr/bin/chromium it skips visibly, except under CI where it fails.
 * Screenshots go to test-results/ for a human to look at.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { addDays, isoDate } from '../src/core/clock.ts';
import { testDatabase, type TestDb } from './helpers/db.ts';

const CHROMIUM = '/usr/bin/chromium';
const CI = process.env.CI === 'true' || process.env.CI === '1';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = new URL('../test-results/', import.meta.url).pathname;
const WAIT = 10_000;
const TODAY = isoDate(new Date());
const CAP_BACK = addDays(TODAY, 12);
const LAMP_SHIPS = addDays(TODAY, 21);
const ATLAS_RELEASE = addDays(TODAY, 45);
/** How the widget writes a date on a page whose language is "en". */
const longDate = (iso: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

if (!HAVE_CHROMIUM && !CI) console.log(`# browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`);

if (!HAVE_CHROMIUM && CI) {
  test('browser tests need Chromium under CI', () => {
    assert.fail(`${CHROMIUM} is missing; install it (apt-get install -y chromium) so the browser tests run`);
  });
}

describe('browser: demo shop, widget and dashboard', { skip: HAVE_CHROMIUM ? false : `${CHROMIUM} is missing` }, () => {
  let db: TestDb;
  let restock: Restock;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base = '';
  const keys = { admin: '', storefront: '' };
  const pageErrors: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await testDatabase('sqlite');
    restock = await Restock.open({ databaseUrl: db.url });
    keys.admin = (await restock.keys.create('admin')).key;
    keys.storefront = (await restock.keys.create('storefront')).key;
    await seedShop(restock);
    app = await buildApp(restock, { web: { storefrontKey: keys.storefront } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  });

  after(async () => {
    // The browser first: its open event streams would otherwise keep the server from closing.
    await browser?.close();
    await app?.close();
    await restock?.close();
    await db?.drop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
    page.on('console', (m) => {
      // Refused requests (a 409 the page shows in words) are logged by Chrome itself; scripts must not fail.
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`${path}: ${m.text()}`);
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  async function api(method: string, path: string, body?: unknown, key = keys.admin): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  /** The widget's badge and detail text (Playwright's CSS locators pierce open shadow roots). */
  const badge = (scope: Page | Locator, sku: string) => scope.locator(`restock-availability[sku="${sku}"] .badge`).first();
  const detail = (scope: Page | Locator, sku: string) => scope.locator(`restock-availability[sku="${sku}"] .detail`).first();

  async function waitForText(locator: Locator, expected: RegExp, timeout = WAIT): Promise<void> {
    const deadline = Date.now() + timeout;
    let last = '';
    while (Date.now() < deadline) {
      last = (await locator.textContent({ timeout }).catch(() => '')) ?? '';
      if (expected.test(last)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`expected ${expected} but the page shows '${last.trim()}'`);
  }

  test('pages carry the storefront key and never the admin key; the widget is served for other origins', async () => {
    const shop = await fetch(`${base}/`);
    const html = await shop.text();
    assert.equal(shop.status, 200);
    assert.match(shop.headers.get('content-type') ?? '', /text\/html/);
    assert.match(shop.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.ok(html.includes(`<meta name="restock-key" content="${keys.storefront}">`));
    assert.ok(!html.includes(keys.admin));
    const dashboard = await (await fetch(`${base}/dashboard`)).text();
    assert.ok(!dashboard.includes(keys.admin) && !dashboard.includes(keys.storefront), 'the dashboard page carries no key');
    const widget = await fetch(`${base}/widget/restock-widget.js`);
    assert.equal(widget.status, 200);
    assert.match(widget.headers.get('content-type') ?? '', /javascript/);
    assert.equal(widget.headers.get('access-control-allow-origin'), '*');
    await assert.rejects(buildApp(restock, { web: { storefrontKey: keys.admin } }), /only a storefront key/);
    const missing = await fetch(`${base}/widget/nope.js`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'route_not_found');
  });

  test('the grid shows each product with its availability badge', async () => {
    const page = await open('/');
    await waitForText(badge(page, 'TEE-BLK'), /^In stock$/);
    await waitForText(badge(page, 'MUG-ENAMEL'), /^Only 3 left$/);
    await waitForText(badge(page, 'CAP-RED'), /^Out of stock$/);
    await waitForText(detail(page, 'CAP-RED'), new RegExp(`^Expected back on ${longDate(CAP_BACK)}$`));
    await waitForText(badge(page, 'LAMP-BRASS'), /^Backorder$/);
    await waitForText(detail(page, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(LAMP_SHIPS)}$`));
    await waitForText(badge(page, 'ATLAS-ISLANDS'), /^Pre-order$/);
    await waitForText(detail(page, 'ATLAS-ISLANDS'), new RegExp(`^Released on ${longDate(ATLAS_RELEASE)}$`));
    await waitForText(badge(page, 'PEN-1919'), /^Discontinued$/);
    // The status is also announced politely and reflected for page CSS.
    assert.equal(await page.locator('restock-availability[sku="MUG-ENAMEL"] [role=status]').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('restock-availability[sku="CAP-RED"]').getAttribute('status'), 'out_of_stock');
    assert.equal(await page.locator('.card').count(), 8);

    // Filters: a category, then a search.
    await page.getByRole('button', { name: 'home', exact: true }).click();
    await page.locator('.card[data-sku="TEE-BLK"]').waitFor({ state: 'detached' });
    assert.deepEqual((await page.locator('.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).sort(), ['LAMP-BRASS', 'MUG-ENAMEL']);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.locator('#search').fill('tee');
    await page.locator('.card[data-sku="MUG-ENAMEL"]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.card').count(), 1);
    await page.locator('#search').fill('');
    await page.locator('.card[data-sku="MUG-ENAMEL"]').waitFor();
    await waitForText(badge(page, 'MUG-ENAMEL'), /^Only 3 left$/);
    await page.screenshot({ path: `${SHOTS}shop-grid.png`, fullPage: true });

    // A SKU that comes back in stock changes on the open grid, through the one shared stream.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await api('POST', '/v1/inventory/feed', { lines: [{ sku: 'CAP-RED', location: 'WH2', onHand: 30, idempotencyKey: 'cap-back' }] });
    await waitForText(badge(page, 'CAP-RED'), /^In stock$/);
    await waitForText(detail(page, 'CAP-RED'), /^$/);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
    await page.close();
  });

  test('a product page holds stock, buys it, releases it, and follows stock changes live', async () => {
    const page = await open('/');
    await page.locator('.card[data-sku="MUG-ENAMEL"] .card-link').click();
    await page.getByRole('heading', { level: 1, name: 'Enamel camping mug' }).waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const view = page.locator('#view-product');
    await waitForText(badge(view, 'MUG-ENAMEL'), /^Only 3 left$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Berlin\s*EU\s*3/);

    // Too many: the API's refusal is shown in plain words.
    await page.locator('#quantity').fill('7');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await waitForText(view.locator('.notice[role=alert]'), /^Sorry, only 3 are left\. Try a smaller quantity\.$/);

    // A hold: the cart shows it with a countdown and the widget follows at once.
    await page.locator('#quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const hold = view.locator('.hold').first();
    await waitForText(hold, /2 × Enamel camping mug/);
    await waitForText(hold.locator('.countdown-text'), /^(10:00|9:5\d)$/);
    await waitForText(badge(view, 'MUG-ENAMEL'), /^Only 1 left$/);
    await waitForText(page.locator('#cart-count'), /^2$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Berlin\s*EU\s*1$/);
    assert.equal((await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 2);
    await page.screenshot({ path: `${SHOTS}shop-product-hold.png`, fullPage: true });

    // Stock arrives elsewhere: the badge and the location table change without a reload.
    const adjusted = await api('POST', '/v1/inventory/adjustments', { sku: 'MUG-ENAMEL', location: 'WH2', delta: 20, reason: 'found stock' });
    assert.equal(adjusted.status, 200);
    await waitForText(badge(view, 'MUG-ENAMEL'), /^In stock$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Lyon\s*EU\s*20/);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);

    // Buy: the hold becomes a sale.
    await hold.getByRole('button', { name: 'Buy now' }).click();
    await waitForText(page.locator('#toast'), /Thank you! Your order for 2 × Enamel camping mug is placed\./);
    await view.locator('.hold').first().waitFor({ state: 'detached' });
    const afterBuy = (await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals;
    assert.deepEqual([afterBuy.reserved, afterBuy.committed], [0, 2]);

    // Another hold, released again.
    await page.locator('#quantity').fill('1');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await view.locator('.hold').first().waitFor();
    await waitForText(badge(view, 'MUG-ENAMEL'), /^In stock$/);
    assert.equal((await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 1);
    await view.locator('.hold').getByRole('button', { name: 'Release' }).click();
    await view.locator('.hold').first().waitFor({ state: 'detached' });
    assert.equal((await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 0);

    // Sold out while the shopper looks: the badge says so and the button is disabled.
    await api('POST', '/v1/inventory/feed', {
      lines: [
        { sku: 'MUG-ENAMEL', location: 'WH1', onHand: 2, idempotencyKey: 'mug-out-1' },
        { sku: 'MUG-ENAMEL', location: 'WH2', onHand: 0, idempotencyKey: 'mug-out-2' },
      ],
    });
    await waitForText(badge(view, 'MUG-ENAMEL'), /^Out of stock$/);
    assert.equal(await page.getByRole('button', { name: 'Add to cart' }).isDisabled(), true);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Berlin\s*EU\s*None\s*Warehouse Lyon\s*EU\s*None/);
    await page.screenshot({ path: `${SHOTS}shop-product-sold-out.png`, fullPage: true });
    await page.close();
  });

  test('the dashboard signs in with an admin key, shows the stock table and live events, and adjusts stock', async () => {
    const page = await open('/dashboard');
    // A storefront key is refused with a reason.
    await page.locator('#admin-key').fill(keys.storefront);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page.locator('#signin-error'), /not an admin key/);

    await page.locator('#admin-key').fill(keys.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const row = (sku: string) => page.locator(`#sku-rows tr[data-sku="${sku}"]`);
    await row('TEE-BLK').waitFor();
    assert.equal(await page.locator('#sku-rows tr').count(), 8);
    await waitForText(row('TEE-BLK').locator('td').nth(2), /In stock/);
    await waitForText(row('TEE-BLK').locator('[data-col=available]'), /^52$/);
    await waitForText(row('TEE-BLK').locator('[data-col=onHand]'), /^52$/);
    await waitForText(page.locator('#connection'), /^Live$/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('restock.adminKey')), keys.admin);

    // A change made elsewhere shows up in the feed and the table.
    await api('POST', '/v1/reservations', { sku: 'TENT-2P', quantity: 2 }, keys.storefront);
    await waitForText(page.locator('#events'), /TENT-2P/);
    await waitForText(row('TENT-2P').locator('[data-col=available]'), /^10$/);
    await waitForText(row('TENT-2P').locator('[data-col=reserved]'), /^2$/);

    // Choose a SKU, adjust it, and watch the ledger, the table and the feed follow.
    await row('SOCK-MERINO').locator('button.sku').click();
    await waitForText(page.locator('#detail-title'), /SOCK-MERINO/);
    await waitForText(page.locator('#levels tfoot'), /Total\s*5\s*0\s*0\s*0\s*5/);
    await page.locator('#adjust-location').selectOption('WH1');
    await page.locator('#adjust-delta').fill('12');
    await page.locator('#adjust-reason').fill('cycle count');
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForText(page.locator('#adjust-result'), /Added 12 at WH1: on hand is now 17\./);
    await waitForText(row('SOCK-MERINO').locator('td').nth(2), /In stock/);
    await waitForText(row('SOCK-MERINO').locator('[data-col=onHand]'), /^17$/);
    await waitForText(page.locator('#ledger tbody tr').first(), /Adjustment\s*WH1 · cycle count\s*\+12/i);
    await waitForText(page.locator('#events .event').first(), /SOCK-MERINO/);
    await waitForText(page.locator('#events'), /Low stock \(5\) → In stock \(17\)/);
    await page.screenshot({ path: `${SHOTS}dashboard.png`, fullPage: true });
    await page.close();
  });

  test('no page logged a script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});

/** A small shop that shows every kind of availability. */
async function seedShop(restock: Restock): Promise<void> {
  const inv = restock.inventory;
  await inv.upsertLocation({ code: 'WH1', name: 'Warehouse Berlin', type: 'warehouse', priority: 1, region: 'EU' });
  await inv.upsertLocation({ code: 'WH2', name: 'Warehouse Lyon', type: 'warehouse', priority: 2, region: 'EU' });
  await inv.upsertLocation({ code: 'ST1', name: 'Store Amsterdam', type: 'store', priority: 3, region: 'EU' });
  // Inbound supply is the orders module's to report (not built yet); stand in for it so CAP-RED has a date.
  inv.setAvailabilityExtras({
    load: async (_q, skus) => new Map(skus.filter((s) => s === 'CAP-RED').map((s) => [s, { nextInboundDate: CAP_BACK, backordered: 0, preordered: 0 }])),
  });
  const products = [
    { sku: 'TEE-BLK', title: 'Organic cotton tee, black', category: 'apparel', brand: 'Northway', price: '24.00', description: 'Heavyweight organic cotton, garment dyed.' },
    { sku: 'MUG-ENAMEL', title: 'Enamel camping mug', category: 'home', brand: 'Fieldcraft', price: '18.50', description: 'Steel with a glass-hard enamel coat. Holds 350 ml.', attributes: { colour: 'sage', capacity: '350 ml' } },
    { sku: 'CAP-RED', title: 'Wool beanie, red', category: 'apparel', brand: 'Northway', price: '29.00' },
    { sku: 'LAMP-BRASS', title: 'Brass desk lamp', category: 'home', brand: 'Lumen & Co', price: '149.00', policy: { allowBackorder: true, leadTimeDays: 21 } },
    { sku: 'ATLAS-ISLANDS', title: 'Atlas of remote islands', category: 'books', brand: 'Meridian Press', price: '35.00', status: 'upcoming' as const, policy: { allowPreorder: true, releaseDate: ATLAS_RELEASE } },
    { sku: 'PEN-1919', title: 'Fountain pen, 2019 edition', category: 'stationery', brand: 'Inkwell', price: '89.00', status: 'discontinued' as const },
    { sku: 'TENT-2P', title: 'Two-person tent', category: 'outdoors', brand: 'Fieldcraft', price: '329.00' },
    { sku: 'SOCK-MERINO', title: 'Merino hiking socks', category: 'apparel', brand: 'Northway', price: '16.00' },
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
  ];
  await inv.applyFeed(stock.map(([sku, location, onHand]) => ({ sku, location, onHand, idempotencyKey: `seed-${sku}-${location}` })), 'seed');
}
