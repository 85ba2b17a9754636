/**
 * The browser side in a real browser: the demo shop (grid, widget, product page, holds, checkout, orders), the
 * widget following stock live over SSE and its "Notify me" form, a "held for you" link from a waitlist email,
 * and the operator dashboard's tabs (stock, backorders & pre-orders, waitlists, messages, webhooks). Runs
 * Debian's Chromium through playwright-core against a real server on a loopback port. Without /usr/bin/chromium
 * it skips visibly, except under CI where it fails. There is no background loop: the test runs the outbox
 * reactors (`restock.runReactors()`) and the webhook dispatcher by hand after each change.
 * Screenshots go to test-results/ for a human to look at.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
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
const LAMP_LATER = addDays(TODAY, 30);
const ATLAS_RELEASE = addDays(TODAY, 45);
/** How the widget writes a date on a page whose language is "en". */
const longDate = (iso: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
/** How the dashboard writes a calendar date in a table. */
const shortDate = (iso: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

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
  let receiver: Server;
  let receiverBase = '';
  const received: Array<{ path: string; type: string }> = [];
  let base = '';
  const keys = { admin: '', storefront: '' };
  const pageErrors: string[] = [];
  /** Pages a test opened: closed after it even when it fails, so their event streams do not use up Chrome's six connections per host. */
  const openPages = new Set<Page>();

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await testDatabase('sqlite');
    // Links in emails are absolute: the port is chosen first, so they lead back to this server.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The shop system below listens on loopback: the webhook allow-list opens that range.
    restock = await Restock.open({ databaseUrl: db.url, publicUrl: base, webhookPolicy: { allowHttp: true, allowPrivate: 'all' } });
    keys.admin = (await restock.keys.create('admin')).key;
    keys.storefront = (await restock.keys.create('storefront')).key;
    await seedShop(restock);
    // As the demo seed does: the shop page places orders with the publishable key (they await payment).
    await restock.orders.setCheckoutSettings({ ...(await restock.orders.checkoutSettings()), browserOrders: true });
    app = await buildApp(restock, { web: { storefrontKey: keys.storefront } });
    await app.listen({ port, host: '127.0.0.1' });

    // A shop system that receives webhooks: /ok answers 204, /fail answers 500.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: (JSON.parse(body || '{}') as { type?: string }).type ?? '' });
        res.writeHead(req.url === '/fail' ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  });

  afterEach(async () => {
    for (const p of openPages) await p.close().catch(() => undefined);
    openPages.clear();
  });

  after(async () => {
    // The browser first: its open event streams would otherwise keep the server from closing.
    await browser?.close();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    await app?.close();
    await restock?.close();
    await db?.drop();
  });

  async function open(path: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    openPages.add(page);
    page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
    page.on('console', (m) => {
      // Refused requests (a 409 the page shows in words) are logged by Chrome itself; scripts must not fail.
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`${path}: ${m.text()}`);
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  /** The dashboard, signed in (the admin key is in the tab's sessionStorage, as after signing in). */
  async function openDashboard(hash: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    openPages.add(page);
    page.on('pageerror', (err) => pageErrors.push(`dashboard${hash}: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`dashboard${hash}: ${m.text()}`);
    });
    await page.addInitScript((key) => sessionStorage.setItem('restock.adminKey', key), keys.admin);
    await page.goto(`${base}/dashboard${hash}`);
    await page.locator('#tabs').waitFor();
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
    await waitForText(detail(page, 'ATLAS-ISLANDS'), new RegExp(`^Releases ${longDate(ATLAS_RELEASE)}$`));
    await waitForText(badge(page, 'PEN-1919'), /^Discontinued$/);
    // The status is also announced politely and reflected for page CSS.
    assert.equal(await page.locator('restock-availability[sku="MUG-ENAMEL"] [role=status]').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('restock-availability[sku="CAP-RED"]').getAttribute('status'), 'out_of_stock');
    assert.equal(await page.locator('.card').count(), 11);
    // The grid offers no sign-up form: that is the product page's.
    assert.equal(await page.locator('restock-availability[sku="CAP-RED"] form').isVisible(), false);

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

  test('a product page holds stock, checks it out, releases it, and follows stock changes live', async () => {
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
    // The API's default hold (DEFAULT_TTL_SECONDS, 15 minutes), the one the README states: the shop sets none.
    await waitForText(hold.locator('.countdown-text'), /^(15:00|14:5\d)$/);
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

    // Check out: the order takes the hold, and the order page says what ships.
    await hold.getByRole('link', { name: 'Checkout' }).click();
    await page.locator('#checkout-email').fill('mia@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();
    const order = page.locator('#view-order');
    await waitForText(order.locator('.thanks'), /Thank you! Your order is placed\./);
    await waitForText(order.locator('.order-line').first(), /2 × Enamel camping mug[\s\S]*Confirmed[\s\S]*2 ships now/);
    await waitForText(page.locator('#cart-count'), /^0$/);
    const afterBuy = (await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals;
    assert.deepEqual([afterBuy.reserved, afterBuy.committed], [0, 2]);

    // Another hold, removed again.
    await page.evaluate(() => {
      location.hash = '#/product/MUG-ENAMEL';
    });
    await page.getByRole('heading', { level: 1, name: 'Enamel camping mug' }).waitFor();
    await page.locator('#quantity').fill('1');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await view.locator('.hold').first().waitFor();
    await waitForText(badge(view, 'MUG-ENAMEL'), /^In stock$/);
    assert.equal((await api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 1);
    await view.locator('.hold').getByRole('button', { name: 'Remove' }).click();
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
    await view.locator('.buy-form').waitFor({ state: 'hidden' });
    assert.equal(await view.locator('.buy-form button[type=submit]').isDisabled(), true);
    // ...and the widget offers to tell the shopper when it is back.
    await view.locator('restock-availability[sku="MUG-ENAMEL"] form').waitFor();
    await waitForText(view.locator('.buy-note'), /Sold out for now/);
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
    assert.equal(await page.locator('#sku-rows tr').count(), 11);
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

  test('a shopper joins the waitlist through the widget, confirms by email, and the restock email shows in the dashboard', async () => {
    const page = await open('/#/product/SCARF-GREY');
    const widget = page.locator('restock-availability[sku="SCARF-GREY"]');
    await waitForText(badge(page, 'SCARF-GREY'), /^Out of stock$/);
    await widget.locator('form').waitFor();
    const email = widget.locator('input[type=email]');
    const notify = widget.getByRole('button', { name: 'Notify me' });

    // The API's refusal in plain words: the browser takes "ada@localhost", the API wants a full address.
    await email.fill('ada@localhost');
    await notify.click();
    await waitForText(widget.locator('.notify-error'), /^Please enter a full email address, like name@example\.com\.$/);
    assert.equal(await email.getAttribute('aria-invalid'), 'true');

    // Double opt-in (the default): pending until the emailed link is followed.
    await email.fill('ada@example.com');
    await widget.locator('input[type=number]').fill('2');
    await notify.click();
    await waitForText(widget.locator('.notify-result'), /Check your inbox to confirm[\s\S]*ada@example\.com/);
    await page.screenshot({ path: `${SHOTS}shop-notify-pending.png` });
    const subscribed = (await api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items;
    assert.deepEqual(subscribed.map((s: { email: string; status: string; quantity: number; locale: string }) => [s.email, s.status, s.quantity, s.locale]), [['ada@example.com', 'pending', 2, 'en']]);

    // The operator's Messages tab is open meanwhile; it shows the confirmation email.
    const dash = await openDashboard('#messages');
    await dash.locator('#message-list button.message[data-type="waitlist_confirm"]').first().waitFor();

    // The confirmation link, read from the message as an email client would, opened in the browser.
    const mail = await api('GET', `/v1/messages?to=${encodeURIComponent('ada@example.com')}`);
    const confirmMail = mail.body.items.find((m: { type: string }) => m.type === 'waitlist_confirm');
    const link = /https?:\/\/\S+\/w\/confirm\/\S+/.exec(confirmMail.text)?.[0] ?? '';
    assert.ok(link.startsWith(`${base}/w/confirm/`), `confirm link in: ${confirmMail.text}`);
    const confirmed = await context.newPage();
    openPages.add(confirmed);
    // A GET shows a page and changes nothing (mail scanners open links); its button confirms.
    await confirmed.goto(link);
    await confirmed.getByRole('heading', { name: 'Confirm your sign-up' }).waitFor();
    assert.equal((await api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items[0].status, 'pending');
    await confirmed.getByRole('button', { name: 'Yes, notify me' }).click();
    await confirmed.getByRole('heading', { name: "You're on the list" }).waitFor();
    await confirmed.close();
    assert.equal((await api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items[0].status, 'waiting');

    // Signing up again with the same address: the same answer as for anyone (no enumeration), nothing sent.
    await widget.getByRole('button', { name: 'Use another email' }).click();
    await email.fill('ada@example.com');
    await notify.click();
    await waitForText(widget.locator('.notify-result'), /Check your inbox to confirm[\s\S]*ada@example\.com/);
    assert.equal((await api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items[0].status, 'waiting');
    await widget.screenshot({ path: `${SHOTS}shop-notify-waiting.png` });

    // Stock arrives: the waitlist reactor tells the list, and the email appears live in the dashboard.
    await api('POST', '/v1/inventory/adjustments', { sku: 'SCARF-GREY', location: 'WH1', delta: 3, reason: 'supplier delivery' });
    await restock.runReactors();
    await waitForText(badge(page, 'SCARF-GREY'), /^Only 3 left$/);
    assert.equal(await widget.locator('.notify').isVisible(), false, 'a waiting result is hidden once the item is in stock');
    const restocked = dash.locator('#message-list button.message[data-type="back_in_stock"]').first();
    await waitForText(restocked, /ada@example\.com[\s\S]*Back in stock: Grey wool scarf/);
    await dash.locator('#message-to').fill('ada@example.com');
    await waitForText(dash.locator('#message-list'), /^(?![\s\S]*mia@)[\s\S]*ada@example\.com/);
    await restocked.click();
    await waitForText(dash.locator('#message-preview .preview-subject'), /^Back in stock: Grey wool scarf$/);
    const frame = dash.locator('#message-preview iframe');
    assert.equal(await frame.getAttribute('sandbox'), 'allow-same-origin');
    await waitForText(dash.frameLocator('#message-preview iframe').locator('body'), /Grey wool scarf \(SCARF-GREY\) is back in stock\.[\s\S]*You wanted 2/);
    await waitForText(dash.locator('#message-preview .preview-links'), /\/w\/unsubscribe\//);
    await dash.screenshot({ path: `${SHOTS}dashboard-messages.png`, fullPage: true });
    await dash.getByRole('button', { name: 'Plain text' }).click();
    await waitForText(dash.locator('#message-preview .text-body'), /Stop messages about this item: http/);
    await dash.close();
    await page.close();
  });

  test('the Waitlists tab shows demand and edits the policy; without double opt-in a late sign-up is told at once', async () => {
    const dash = await openDashboard('#waitlists');
    const row = dash.locator('#waitlist-stats tr[data-sku="SCARF-GREY"]');
    await row.waitFor();
    await waitForText(row.locator('[data-col=notified]'), /^1$/);
    await row.click();
    await waitForText(dash.locator('#waitlist-people'), /ada@example\.com[\s\S]*Notified/);
    await dash.locator('#waitlist-policy #wl-double-opt-in').waitFor();
    await dash.locator('#wl-double-opt-in').uncheck();
    await dash.getByRole('button', { name: 'Save policy' }).click();
    await waitForText(dash.locator('#waitlist-policy .notice'), /Saved\. New sign-ups join the list at once/);
    assert.equal((await api('GET', '/v1/settings/waitlist')).body.doubleOptIn, false);
    await dash.screenshot({ path: `${SHOTS}dashboard-waitlists.png`, fullPage: true });

    // A shopper is typing their address when stock arrives: the form stays, and the answer says it is in stock.
    const page = await open('/#/product/KETTLE-COPPER');
    const widget = page.locator('restock-availability[sku="KETTLE-COPPER"]');
    await waitForText(badge(page, 'KETTLE-COPPER'), /^Out of stock$/);
    await widget.locator('input[type=email]').fill('bo@example.com');
    await api('POST', '/v1/inventory/adjustments', { sku: 'KETTLE-COPPER', location: 'WH1', delta: 4, reason: 'found stock' });
    await waitForText(badge(page, 'KETTLE-COPPER'), /^Only 4 left$/);
    await widget.getByRole('button', { name: 'Notify me' }).click();
    await waitForText(widget.locator('.notify-result'), /It's in stock now — we've emailed you[\s\S]*bo@example\.com/);
    await page.screenshot({ path: `${SHOTS}shop-notify-notified.png` });
    const sent = (await api('GET', `/v1/messages?to=${encodeURIComponent('bo@example.com')}`)).body.items;
    assert.deepEqual(sent.map((m: { type: string }) => m.type), ['back_in_stock']);
    await page.close();
    await dash.close();
  });

  test('a "held for you" link from a waitlist email puts the held item into the cart, and checking out converts', async () => {
    const policy = (await api('GET', '/v1/settings/waitlist')).body;
    await api('PUT', '/v1/settings/waitlist', { ...policy, holdHours: 2 });
    assert.equal((await api('POST', '/v1/waitlist', { sku: 'BOOT-TRAIL', email: 'cy@example.com' }, keys.storefront)).status, 202);
    await api('POST', '/v1/inventory/adjustments', { sku: 'BOOT-TRAIL', location: 'WH1', delta: 1, reason: 'return' });
    await restock.runReactors();
    const mail = (await api('GET', `/v1/messages?to=${encodeURIComponent('cy@example.com')}&type=back_in_stock`)).body.items[0];
    const holdLink = /https?:\/\/\S+\/w\/hold\/\S+/.exec(mail.text)?.[0] ?? '';
    assert.ok(holdLink, `hold link in: ${mail.text}`);

    // The email's link leads to a page that leads to the shop with the reservation.
    const page = await open(new URL(holdLink).pathname);
    await page.getByRole('heading', { name: 'Held for you' }).waitFor();
    await page.getByRole('link', { name: 'Complete your purchase' }).click();
    const cart = page.locator('#view-cart');
    await waitForText(cart.locator('.banner'), /we are holding 1 × Trail boots for you until/);
    await waitForText(cart.locator('.hold'), /1 × Trail boots[\s\S]*Held for you from the waitlist for (2:00:00|1:59:\d\d)/);
    assert.equal(new URL(page.url()).search, '', 'the link is tidied away so a reload does not add it again');
    await page.screenshot({ path: `${SHOTS}shop-cart-held.png`, fullPage: true });
    await page.locator('#checkout-email').fill('cy@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();
    await waitForText(page.locator('#view-order .order-line'), /1 × Trail boots[\s\S]*1 ships now/);
    await restock.runReactors();
    const stats = (await api('GET', '/v1/waitlist/stats?sku=BOOT-TRAIL')).body.items[0];
    assert.deepEqual([stats.notified, stats.converted], [1, 1]);
    await api('PUT', '/v1/settings/waitlist', { ...policy, holdHours: 0 });
    await page.close();
  });

  test('checkout with a backorder and a pre-order shows what ships now and the promised dates; a waiting line can be cancelled through the order link', async () => {
    const page = await open('/#/product/LAMP-BRASS');
    const view = page.locator('#view-product');
    await waitForText(badge(view, 'LAMP-BRASS'), /^Backorder$/);
    await waitForText(detail(view, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(LAMP_SHIPS)}$`));
    await page.getByRole('button', { name: 'Backorder', exact: true }).click();
    await waitForText(page.locator('#cart-count'), /^1$/);
    await waitForText(view.locator('.hold.wait'), /1 × Brass desk lamp/);
    await waitForText(view.locator('.hold.wait restock-availability .badge'), /^Backorder$/);

    await page.evaluate(() => {
      location.hash = '#/product/ATLAS-ISLANDS';
    });
    await waitForText(badge(view, 'ATLAS-ISLANDS'), /^Pre-order$/);
    await page.getByRole('button', { name: 'Pre-order', exact: true }).click();
    await waitForText(page.locator('#cart-count'), /^2$/);

    await page.evaluate(() => {
      location.hash = '#/product/TEE-BLK';
    });
    await waitForText(badge(view, 'TEE-BLK'), /^In stock$/);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await waitForText(page.locator('#cart-count'), /^3$/);

    await page.evaluate(() => {
      location.hash = '#/cart';
    });
    const cart = page.locator('#view-cart');
    await waitForText(detail(cart, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(LAMP_SHIPS)}$`));
    await waitForText(detail(cart, 'ATLAS-ISLANDS'), new RegExp(`^Releases ${longDate(ATLAS_RELEASE)}$`));
    await page.screenshot({ path: `${SHOTS}shop-cart.png`, fullPage: true });
    await page.locator('#checkout-email').fill('dee@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();

    const order = page.locator('#view-order');
    const line = (sku: string) => order.locator(`.order-line[data-sku="${sku}"]`);
    await waitForText(line('LAMP-BRASS'), new RegExp(`1 × Brass desk lamp[\\s\\S]*Backordered[\\s\\S]*1 on backorder — ships by ${longDate(LAMP_SHIPS)}`));
    await waitForText(line('ATLAS-ISLANDS'), new RegExp(`Pre-ordered[\\s\\S]*1 pre-ordered — releases ${longDate(ATLAS_RELEASE)}`));
    await waitForText(line('TEE-BLK'), /Confirmed[\s\S]*1 ships now/);
    await waitForText(order.locator('.thanks'), /We have emailed dee@example\.com the dates below/);
    await page.screenshot({ path: `${SHOTS}shop-order.png`, fullPage: true });

    // The order was placed from the browser: it awaits payment, and the page reads it through its signed link.
    const orderId = decodeURIComponent(new URL(page.url()).hash.replace('#/order/', ''));
    await waitForText(order.locator('.order'), /Awaiting payment until/);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('restock.orders') ?? '[]') as Array<{ id: string; token?: string }>);
    const token = stored.find((o) => o.id === orderId)?.token ?? '';
    assert.equal((await api('GET', `/v1/order-links/${token}`, undefined, '')).body.id, orderId);
    // What ships from stock is not the shopper's to cancel here; what waits is.
    assert.equal(await line('TEE-BLK').getByRole('button', { name: 'Cancel item' }).count(), 0);
    await line('ATLAS-ISLANDS').getByRole('button', { name: 'Cancel item' }).click();
    await line('ATLAS-ISLANDS').getByRole('button', { name: 'Yes, cancel it' }).click();
    await waitForText(line('ATLAS-ISLANDS'), /Cancelled[\s\S]*you will not be charged/);
    const placed = (await api('GET', `/v1/orders/${orderId}`)).body;
    assert.deepEqual(placed.lines.map((l: { sku: string; status: string }) => [l.sku, l.status]).sort(), [['ATLAS-ISLANDS', 'cancelled'], ['LAMP-BRASS', 'backordered'], ['TEE-BLK', 'confirmed']]);
    assert.equal((await api('GET', '/v1/preorders?sku=ATLAS-ISLANDS')).body.items.length, 0);
    // The shop's backend confirms the paid order; and the next test wants a pre-order in the queue again.
    assert.equal((await api('POST', `/v1/orders/${orderId}/confirm`, {})).body.payment.status, 'confirmed');
    assert.equal((await api('POST', '/v1/orders', { customer: { id: 'c-atlas', email: 'atlas@example.com' }, lines: [{ sku: 'ATLAS-ISLANDS', quantity: 1 }] })).status, 201);
    await page.close();
  });

  test('the Backorders tab shows the queue, adds and receives inbound stock, and edits the allocation policy', async () => {
    const dash = await openDashboard('#orders');
    const group = dash.locator('#queue tbody[data-sku="LAMP-BRASS"]');
    await waitForText(group, new RegExp(`LAMP-BRASS[\\s\\S]*Brass desk lamp[\\s\\S]*1 line · 1 unit waiting[\\s\\S]*#1[\\s\\S]*ord_[\\s\\S]*${shortDate(LAMP_SHIPS)}`));
    await waitForText(dash.locator('[data-count="orders"]'), /^2$/);
    await dash.getByRole('button', { name: /^Pre-orders/ }).click();
    await waitForText(dash.locator('#queue tbody[data-sku="ATLAS-ISLANDS"]'), new RegExp(`#1[\\s\\S]*${shortDate(ATLAS_RELEASE)}`));
    await dash.getByRole('button', { name: /^Backorders/ }).click();
    await dash.locator('#queue tbody[data-sku="LAMP-BRASS"]').waitFor();

    // Expect more stock, started from the queue.
    await group.getByRole('button', { name: '+ Expect stock' }).click();
    assert.equal(await dash.locator('#inbound-sku').inputValue(), 'LAMP-BRASS');
    await dash.locator('#inbound-location').selectOption('WH2');
    await dash.locator('#inbound-quantity').fill('10');
    await dash.locator('#inbound-date').fill(LAMP_LATER);
    await dash.locator('#inbound-reference').fill('PO-2001');
    await dash.getByRole('button', { name: 'Add inbound' }).click();
    await waitForText(dash.locator('#inbound-form .notice'), /Expecting 10 × LAMP-BRASS at WH2/);
    await waitForText(dash.locator('#inbound'), /PO-1002[\s\S]*PO-2001/);
    await dash.screenshot({ path: `${SHOTS}dashboard-backorders.png`, fullPage: true });

    // The order opens with its lines.
    await group.locator('button.link.mono').first().click();
    await waitForText(dash.locator('dialog.modal'), /dee@example\.com[\s\S]*LAMP-BRASS[\s\S]*Backordered/);
    await dash.locator('dialog.modal').getByRole('button', { name: 'Close' }).click();

    // Receive the first delivery: the waiting lamp is served and leaves the queue.
    const delivery = dash.locator('#inbound li', { hasText: 'PO-1002' });
    await delivery.getByRole('button', { name: 'Receive' }).click();
    assert.equal(await delivery.locator('input[type=number]').inputValue(), '5');
    await delivery.getByRole('button', { name: 'Receive now' }).click();
    await waitForText(dash.locator('#toast'), /Received 5 × LAMP-BRASS at WH1/);
    await waitForText(dash.locator('#queue'), /No one is waiting on a backorder\./);
    const lamp = (await api('GET', '/v1/backorders?sku=LAMP-BRASS')).body;
    assert.deepEqual(lamp.items, []);

    // Allocation policy: priority by tier.
    await dash.locator('#strategy-priority').check();
    await dash.getByRole('button', { name: '+ Add tier' }).click();
    await dash.locator('#tier-ranks .tier-name').last().fill('vip');
    await dash.locator('#tier-ranks .tier-rank').last().fill('0');
    await dash.getByRole('button', { name: 'Save policy' }).click();
    await waitForText(dash.locator('#allocation-form .notice'), /Saved: arriving stock goes to higher tiers first\./);
    const saved = (await api('GET', '/v1/settings/allocation')).body;
    assert.deepEqual([saved.strategy, saved.tierRanks], ['priority', { vip: 0 }]);
    await dash.screenshot({ path: `${SHOTS}dashboard-backorders-after.png`, fullPage: true });
    await dash.close();
  });

  test('the Webhooks tab registers endpoints with an event picker and shows and redelivers deliveries', async () => {
    const dash = await openDashboard('#webhooks');
    await waitForText(dash.locator('#webhook-list'), /No endpoints yet/);
    await dash.locator('#webhook-url').fill(`${receiverBase}/ok`);
    await dash.locator('#webhook-description').fill('ERP sync');
    await dash.locator('#ev-order-all').check();
    await dash.locator('[id="ev-inventory.back_in_stock"]').check();
    await dash.getByRole('button', { name: 'Add endpoint' }).click();
    await waitForText(dash.locator('#webhook-secret'), /Copy its signing secret now[\s\S]*whsec_/);
    await dash.locator('#webhook-url').fill(`${receiverBase}/fail`);
    await dash.locator('#ev-all').check();
    await dash.getByRole('button', { name: 'Add endpoint' }).click();
    await waitForText(dash.locator('article.hook', { hasText: '/ok' }), /ERP sync[\s\S]*(order\.\*[\s\S]*inventory\.back_in_stock|inventory\.back_in_stock[\s\S]*order\.\*)/);
    await waitForText(dash.locator('article.hook', { hasText: '/fail' }), /Active\*/);
    const hooks = (await api('GET', '/v1/webhooks')).body.items;
    assert.deepEqual(hooks.map((w: { url: string; events: string[] }) => [new URL(w.url).pathname, [...w.events].sort()]).sort(), [['/fail', ['*']], ['/ok', ['inventory.back_in_stock', 'order.*']]]);

    // Something happens in the shop; deliveries go out.
    const placed = await api('POST', '/v1/orders', { customer: { id: 'c-77', email: 'eve@example.com' }, lines: [{ sku: 'LAMP-BRASS', quantity: 1 }] }, keys.storefront);
    assert.equal(placed.status, 201);
    await restock.runReactors();
    await restock.webhooks.dispatcher.runDue();
    assert.ok(received.some((r) => r.path === '/ok' && r.type === 'order.created'), JSON.stringify(received));

    const okHook = dash.locator('article.hook', { hasText: '/ok' });
    await okHook.getByRole('button', { name: 'Deliveries' }).click();
    const row = dash.locator('#deliveries tr[data-status="delivered"]', { hasText: 'order.created' }).first();
    await waitForText(row, /order\.created[\s\S]*Delivered[\s\S]*1[\s\S]*HTTP 204/);
    await dash.locator('article.hook', { hasText: '/fail' }).getByRole('button', { name: 'Deliveries' }).click();
    await waitForText(dash.locator('#deliveries'), /HTTP 500/);
    await dash.screenshot({ path: `${SHOTS}dashboard-webhooks.png`, fullPage: true });

    await okHook.getByRole('button', { name: 'Deliveries' }).click();
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await waitForText(dash.locator('#toast'), /queued again, with the same webhook-id/);
    await dash.locator('#deliveries tr[data-status="pending"]', { hasText: 'order.created' }).first().waitFor();
    await dash.close();
  });

  test('on a phone: the product page with its notify form, the cart, and the dashboard tabs', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-GB', timezoneId: 'UTC', isMobile: true, hasTouch: true });
    try {
      const page = await open('/#/product/CAP-RED', phone);
      await api('POST', '/v1/inventory/feed', { lines: [{ sku: 'CAP-RED', location: 'WH2', onHand: 0, idempotencyKey: 'cap-gone' }] });
      await waitForText(badge(page, 'CAP-RED'), /^Out of stock$/);
      await page.locator('restock-availability[sku="CAP-RED"] form').waitFor();
      await page.screenshot({ path: `${SHOTS}phone-shop-notify.png`, fullPage: true });
      await page.close();
      for (const tab of ['orders', 'waitlists', 'messages', 'webhooks']) {
        const dash = await openDashboard(`#${tab}`, phone);
        await dash.locator(`#view-${tab} h1`).waitFor();
        await dash.waitForTimeout(300);
        const width = await dash.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `#${tab} is ${width}px wide on a 390px screen`);
        await dash.screenshot({ path: `${SHOTS}phone-dashboard-${tab}.png`, fullPage: true });
        await dash.close();
      }
    } finally {
      await phone.close();
    }
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
  const products = [
    { sku: 'TEE-BLK', title: 'Organic cotton tee, black', category: 'apparel', brand: 'Northway', price: '24.00', description: 'Heavyweight organic cotton, garment dyed.' },
    { sku: 'MUG-ENAMEL', title: 'Enamel camping mug', category: 'home', brand: 'Fieldcraft', price: '18.50', description: 'Steel with a glass-hard enamel coat. Holds 350 ml.', attributes: { colour: 'sage', capacity: '350 ml' } },
    { sku: 'CAP-RED', title: 'Wool beanie, red', category: 'apparel', brand: 'Northway', price: '29.00' },
    { sku: 'LAMP-BRASS', title: 'Brass desk lamp', category: 'home', brand: 'Lumen & Co', price: '149.00', policy: { allowBackorder: true, leadTimeDays: 21 } },
    { sku: 'ATLAS-ISLANDS', title: 'Atlas of remote islands', category: 'books', brand: 'Meridian Press', price: '35.00', status: 'upcoming' as const, policy: { allowPreorder: true, releaseDate: ATLAS_RELEASE } },
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
  // Expected deliveries: CAP-RED's date shows on the grid; LAMP-BRASS's sets the date its backorders ship by.
  await restock.orders.createInbound({ sku: 'CAP-RED', location: 'WH1', quantity: 30, expectedDate: CAP_BACK, reference: 'PO-1001' });
  await restock.orders.createInbound({ sku: 'LAMP-BRASS', location: 'WH1', quantity: 5, expectedDate: LAMP_SHIPS, reference: 'PO-1002' });
}

/** A free loopback port, so the server's public URL (links in emails) can be known before it listens. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
