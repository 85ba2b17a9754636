/**
 * The demo shop and the storefront widget in Debian's Chromium (playwright-core), against a real server on a
 * loopback port: the grid with its badges, the product page (holds, countdowns, checkout, live stock), the
 * widget's "Notify me" with the email confirmation read from the shop's demo inbox, a "held for you" link from a
 * waitlist email, a checkout with a backorder and a pre-order showing their dates, the order page and its
 * per-line cancel; the widget on a page of another origin with a publishable key (ES module and classic script),
 * live; with the API down (a quiet fallback, retries, recovery); with no key and with an invalid key; on a German
 * page; the playground at /widget showing every state; axe-core on the playground and the product page; a phone.
 *
 * Every page fails the test on a console error, a page error or a failed request (test/helpers/browser.ts);
 * screenshots go to test-results/. There is no background loop: the test runs the reactors by hand.
 * Needs the built pages (npm run build:web).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, connect, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { buildApp } from '../src/api/app.ts';
import { SEED_DATES, WAIT, browserSuite, freePort, requireChromium } from './helpers/browser.ts';

const skip = requireChromium();
const b = browserSuite();

/** How the widget and the shop write a date on a page whose language is English or German. */
const dateIn = (lang: string, iso: string) => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const longDate = (iso: string) => dateIn('en', iso);
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeout = WAIT): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Warnings the page wrote to the console. */
function warnings(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning') out.push(m.text());
  });
  return out;
}

/** A TCP forwarder to the API that can be taken down and brought back: "the API is down". */
class Outage {
  #server: NetServer | null = null;
  #sockets = new Set<Socket>();
  constructor(readonly port: number, private readonly target: number) {}
  async up(): Promise<void> {
    this.#server = createNetServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve));
  }
  async down(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise((resolve) => (this.#server ? this.#server.close(resolve) : resolve(undefined)));
    this.#server = null;
  }
}

describe('browser: the demo shop and the storefront widget', { skip }, () => {
  /** Another origin: a static "shop" on its own loopback port (localhost, not 127.0.0.1) that embeds the widget. */
  let other: Server;
  let otherBase = '';
  const otherPages = new Map<string, string>();
  let outage: Outage;

  before(async () => {
    await b.start();
    other = createServer((req, res) => {
      const html = otherPages.get(new URL(req.url ?? '/', 'http://x').pathname);
      if (!html) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://localhost:${(other.address() as AddressInfo).port}`;
    outage = new Outage(await freePort(), Number(new URL(b.base).port));
  });
  afterEach(() => b.closePages());
  after(async () => {
    await b.stop();
    await outage?.down();
    await new Promise((resolve) => (other ? other.close(resolve) : resolve(undefined)));
  });

  /** A static page on the other origin. */
  function page(path: string, body: string, { lang = 'en', head = '' } = {}): string {
    otherPages.set(path, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Another shop</title>${head}</head><body><main><h1>Another shop</h1>${body}</main></body></html>`);
    return `${otherBase}${path}`;
  }

  /** An empty page on the other origin: listeners go on before the page under test loads. */
  function blank(): string {
    return page('/blank.html', '');
  }

  /** The shop, with the admin key in the tab's session storage (the demo inbox reads the outbox with it). */
  let adminInContext = false;
  async function openWithAdmin(path: string): Promise<Page> {
    if (!adminInContext) await b.context.addInitScript((key) => sessionStorage.setItem('restock.adminKey', key), b.keys.admin);
    adminInContext = true;
    return b.open(path);
  }

  /**
   * axe-core in a page of its own context that admits the test's inline script: the helper injects axe as an
   * inline <script>, which the pages' strict policy (script-src 'self') refuses, as it should.
   */
  async function axe(path: string, what: string, ready: (p: Page) => Promise<void>): Promise<void> {
    const c = await b.newContext({ bypassCSP: true });
    const q = await b.open(path, c);
    await ready(q);
    await b.axe(q, what);
    await c.close();
  }

  /** Every request any page of the main context made, by URL. */
  const requested: string[] = [];
  const requestBodies: string[] = [];
  before(() => {
    b.context.on('request', (r) => {
      requested.push(r.url());
      if (r.method() === 'POST') requestBodies.push(`${r.url()} ${r.postData() ?? ''}`);
    });
  });

  test('pages carry the storefront key and never the admin key, with a strict CSP and nothing inline; the widget files are served for other origins', async () => {
    for (const path of ['/', '/widget']) {
      const res = await fetch(`${b.base}${path}`);
      const html = await res.text();
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /style-src 'self'(;|$)/, path);
      assert.ok(html.includes(`<meta name="restock-key" content="${b.keys.storefront}">`), path);
      assert.ok(!html.includes(b.keys.admin), path);
      // Nothing the policy would refuse: no inline script, no <style>, no style attribute.
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path} has an inline script`);
      assert.doesNotMatch(html, /<style|\sstyle=/, `${path} has inline styles`);
      assert.match(html, /<link rel="icon"[^>]+href="\/assets\/[^"]+"/, `${path} names its favicon`);
    }
    for (const file of ['restock-widget.js', 'restock-widget.classic.js']) {
      const widget = await fetch(`${b.base}/widget/${file}`);
      assert.equal(widget.status, 200);
      assert.match(widget.headers.get('content-type') ?? '', /javascript/);
      assert.equal(widget.headers.get('access-control-allow-origin'), '*');
    }
    const dashboard = await (await fetch(`${b.base}/dashboard`)).text();
    assert.ok(!dashboard.includes(b.keys.admin) && !dashboard.includes(b.keys.storefront), 'the dashboard page carries no key');
    await assert.rejects(buildApp(b.restock, { web: { storefrontKey: b.keys.admin } }), /only a storefront key/);
    const missing = await fetch(`${b.base}/widget/nope.js`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'route_not_found');
  });

  test('on a German page the widget is German throughout: labels, sentences, dates and the notify form', async () => {
    const url = page(
      '/de.html',
      ['CAP-RED', 'LAMP-BRASS', 'ATLAS-ISLANDS', 'PEN-1919', 'TEE-BLK', 'MUG-ENAMEL'].map((sku) => `<restock-availability sku="${sku}"></restock-availability>`).join('') +
        '<restock-availability sku="SCARF-GREY" notify></restock-availability>',
      { lang: 'de', head: `<meta name="restock-key" content="${b.keys.storefront}"><script type="module" src="${b.base}/widget/restock-widget.js"></script>` },
    );
    const p = await b.open(url);
    await waitForText(badge(p, 'CAP-RED'), /^Ausverkauft$/);
    await waitForText(detail(p, 'CAP-RED'), new RegExp(`^Wieder erwartet am ${re(dateIn('de', SEED_DATES.capBack))}$`));
    await waitForText(badge(p, 'LAMP-BRASS'), /^Nachbestellbar$/);
    await waitForText(detail(p, 'LAMP-BRASS'), new RegExp(`^Versand bis ${re(dateIn('de', SEED_DATES.lampShips))}$`));
    await waitForText(badge(p, 'ATLAS-ISLANDS'), /^Vorbestellbar$/);
    await waitForText(detail(p, 'ATLAS-ISLANDS'), new RegExp(`^Erscheint am ${re(dateIn('de', SEED_DATES.atlasRelease))}$`));
    await waitForText(badge(p, 'PEN-1919'), /^Nicht mehr im Sortiment$/);
    await waitForText(badge(p, 'TEE-BLK'), /^Auf Lager$/);
    await waitForText(badge(p, 'MUG-ENAMEL'), /^Nur noch 3 verfügbar$/);
    const form = p.locator('restock-availability[sku="SCARF-GREY"] form');
    await form.waitFor();
    await waitForText(form, /Benachrichtigen, sobald verfügbar[\s\S]*E-Mail[\s\S]*Anzahl[\s\S]*Benachrichtigen/);
    assert.equal(await form.getByRole('textbox', { name: 'E-Mail' }).count(), 1, 'the email field is labelled in German');
    // Not one English word in any widget.
    const all = (await p.locator('restock-availability').evaluateAll((els) => els.map((e) => e.shadowRoot?.textContent ?? ''))).join(' ');
    assert.doesNotMatch(all, /\b(In stock|Out of stock|Backorder|Pre-order|Ships|Releases|Expected|Notify|Email|How many|December|January)\b/);
    // A sign-up from a German page asks for German emails.
    await form.locator('input[type=email]').fill('lena@example.com');
    await form.getByRole('button', { name: 'Benachrichtigen' }).click();
    await waitForText(p.locator('restock-availability[sku="SCARF-GREY"] .notify-result'), /Bitte bestätigen Sie in Ihrem Postfach[\s\S]*lena@example\.com/);
    const subs = (await b.api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items as Array<{ email: string; locale: string }>;
    assert.deepEqual(subs.map((s) => [s.email, s.locale]), [['lena@example.com', 'de']]);
    await b.shot(p, 'widget-german');
  });

  test('the grid shows each product with its availability badge, filters, and follows a change live through one stream', async () => {
    const p = await b.open('/');
    const streams: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/v1/events?')) streams.push(r.url());
    });
    await waitForText(badge(p, 'TEE-BLK'), /^In stock$/);
    await waitForText(badge(p, 'MUG-ENAMEL'), /^Only 3 left$/);
    await waitForText(badge(p, 'CAP-RED'), /^Out of stock$/);
    await waitForText(detail(p, 'CAP-RED'), new RegExp(`^Expected back on ${longDate(SEED_DATES.capBack)}$`));
    await waitForText(badge(p, 'LAMP-BRASS'), /^Backorder$/);
    await waitForText(detail(p, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(SEED_DATES.lampShips)}$`));
    await waitForText(badge(p, 'ATLAS-ISLANDS'), /^Pre-order$/);
    await waitForText(detail(p, 'ATLAS-ISLANDS'), new RegExp(`^Releases ${longDate(SEED_DATES.atlasRelease)}$`));
    await waitForText(badge(p, 'PEN-1919'), /^Discontinued$/);
    // The status is announced politely and reflected for page CSS.
    assert.equal(await p.locator('restock-availability[sku="MUG-ENAMEL"] [role=status]').getAttribute('aria-live'), 'polite');
    assert.equal(await p.locator('restock-availability[sku="CAP-RED"]').getAttribute('status'), 'out_of_stock');
    assert.equal(await p.locator('.card').count(), 11);
    // The grid offers no sign-up form: that is the product page's.
    assert.equal(await p.locator('restock-availability[sku="CAP-RED"] form').isVisible(), false);

    // Filters: a category, then a search.
    await p.getByRole('button', { name: 'home', exact: true }).click();
    await p.locator('.card[data-sku="TEE-BLK"]').waitFor({ state: 'detached' });
    assert.deepEqual((await p.locator('.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).sort(), ['LAMP-BRASS', 'MUG-ENAMEL']);
    await p.getByRole('button', { name: 'All', exact: true }).click();
    await p.locator('#search').fill('tee');
    await p.locator('.card[data-sku="MUG-ENAMEL"]').waitFor({ state: 'detached' });
    assert.equal(await p.locator('.card').count(), 1);
    await p.locator('#search').fill('');
    await p.locator('.card[data-sku="MUG-ENAMEL"]').waitFor();
    await waitForText(badge(p, 'MUG-ENAMEL'), /^Only 3 left$/);
    await b.shot(p, 'shop-grid');

    // A SKU that comes back in stock changes on the open grid, through the one shared stream.
    await p.evaluate(() => Object.assign(window, { notReloaded: true }));
    await b.api('POST', '/v1/inventory/feed', { lines: [{ sku: 'CAP-RED', location: 'WH2', onHand: 30, idempotencyKey: 'cap-back' }] });
    await waitForText(badge(p, 'CAP-RED'), /^In stock$/);
    await waitForText(detail(p, 'CAP-RED'), /^$/);
    assert.equal(await p.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
    assert.equal(new Set(streams.map((u) => new URL(u).searchParams.get('sku'))).size, 1, `one stream for the whole grid: ${streams.join(', ')}`);
  });

  test('a product page writes its attributes for people: words for camelCase keys, yes and no for booleans', async () => {
    assert.equal((await b.api('POST', '/v1/products', { sku: 'GIFT-WRAP', title: 'Gift wrap', category: 'extras', price: '3.00', attributes: { newRelease: true, recycled_paper: false, colour: 'kraft' } })).status, 201);
    const p = await b.open('/#/product/GIFT-WRAP');
    const specs = p.locator('.specs');
    await waitForText(specs, /new release\s*Yes/);
    await waitForText(specs, /recycled paper\s*No/);
    assert.doesNotMatch((await specs.textContent()) ?? '', /true|false|newRelease/);
  });

  test('a product page holds stock, checks it out, releases it, and follows stock changes live', async () => {
    const p = await b.open('/');
    await p.locator('.card[data-sku="MUG-ENAMEL"] .card-link').click();
    await p.getByRole('heading', { level: 1, name: 'Enamel camping mug' }).waitFor();
    await p.evaluate(() => Object.assign(window, { notReloaded: true }));
    const view = p.locator('#view-product');
    await waitForText(badge(view, 'MUG-ENAMEL'), /^Only 3 left$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Berlin\s*EU\s*3/);
    await waitForText(view.locator('.specs'), /colour\s*sage[\s\S]*capacity\s*350 ml/);

    // Too many: the API's refusal is shown in plain words.
    await p.locator('#quantity').fill('7');
    await p.getByRole('button', { name: 'Add to cart' }).click();
    await waitForText(view.locator('.notice[role=alert]'), /^Sorry, only 3 are left\. Try a smaller quantity\.$/);

    // A hold: the cart shows it with a countdown and the widget follows at once.
    await p.locator('#quantity').fill('2');
    await p.getByRole('button', { name: 'Add to cart' }).click();
    const hold = view.locator('.hold').first();
    await waitForText(hold, /2 × Enamel camping mug/);
    // The API's default hold (15 minutes), the one the README states: the shop sets none.
    await waitForText(hold.locator('.countdown-text'), /^(15:00|14:5\d)$/);
    await waitForText(badge(view, 'MUG-ENAMEL'), /^Only 1 left$/);
    await waitForText(p.locator('#cart-count'), /^2$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Berlin\s*EU\s*1$/);
    assert.equal((await b.api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 2);
    await b.shot(p, 'shop-product-hold');

    // Stock arrives elsewhere: the badge and the location table change without a reload.
    assert.equal((await b.api('POST', '/v1/inventory/adjustments', { sku: 'MUG-ENAMEL', location: 'WH2', delta: 20, reason: 'found stock' })).status, 200);
    await waitForText(badge(view, 'MUG-ENAMEL'), /^In stock$/);
    await waitForText(view.locator('table.locations tbody'), /Warehouse Lyon\s*EU\s*20/);
    assert.equal(await p.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);

    // Check out: the order takes the hold, and the order page says what ships.
    await hold.getByRole('link', { name: 'Checkout' }).click();
    await p.locator('#checkout-email').fill('mia@example.com');
    await p.getByRole('button', { name: 'Place order' }).click();
    const order = p.locator('#view-order');
    await waitForText(order.locator('.thanks'), /Thank you! Your order is placed\./);
    await waitForText(order.locator('.order-line').first(), /2 × Enamel camping mug[\s\S]*Confirmed[\s\S]*2 ships now/);
    await waitForText(p.locator('#cart-count'), /^0$/);
    const afterBuy = (await b.api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals;
    assert.deepEqual([afterBuy.reserved, afterBuy.committed], [0, 2]);

    // Another hold, removed again.
    await p.evaluate(() => {
      location.hash = '#/product/MUG-ENAMEL';
    });
    await p.getByRole('heading', { level: 1, name: 'Enamel camping mug' }).waitFor();
    await p.locator('#quantity').fill('1');
    await p.getByRole('button', { name: 'Add to cart' }).click();
    await view.locator('.hold').first().waitFor();
    await waitForText(badge(view, 'MUG-ENAMEL'), /^In stock$/);
    assert.equal((await b.api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 1);
    await view.locator('.hold').getByRole('button', { name: 'Remove' }).click();
    await view.locator('.hold').first().waitFor({ state: 'detached' });
    assert.equal((await b.api('GET', '/v1/inventory/MUG-ENAMEL')).body.totals.reserved, 0);

    // Sold out while the shopper looks: the badge says so and the buy button goes.
    await b.api('POST', '/v1/inventory/feed', {
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
    await b.shot(p, 'shop-product-sold-out');
    await axe('/#/product/MUG-ENAMEL', 'the shop\'s product page', async (q) => {
      await q.locator('restock-availability[sku="MUG-ENAMEL"] form').waitFor();
      await waitForText(q.locator('table.locations tbody'), /None/);
    });
  });

  test('a shopper joins the waitlist on an out-of-stock product, confirms from the demo inbox, and the restock email arrives there', async () => {
    const p = await openWithAdmin('/#/product/SCARF-GREY');
    const widget = p.locator('restock-availability[sku="SCARF-GREY"]');
    await waitForText(badge(p, 'SCARF-GREY'), /^Out of stock$/);
    await widget.locator('form').waitFor();
    const email = widget.getByRole('textbox', { name: 'Email' });
    const notify = widget.getByRole('button', { name: 'Notify me' });

    // Keyboard only: the form is reachable and submits with Enter. The browser takes "ada@localhost", the API
    // wants a full address: its refusal in plain words, on the field.
    await email.focus();
    await p.keyboard.type('ada@localhost');
    await p.keyboard.press('Enter');
    await waitForText(widget.locator('.notify-error'), /^Please enter a full email address, like name@example\.com\.$/);
    assert.equal(await email.getAttribute('aria-invalid'), 'true');

    // Double opt-in (the default): pending until the emailed link is followed.
    await email.fill('ada@example.com');
    await widget.getByRole('spinbutton', { name: 'How many' }).fill('2');
    await notify.click();
    await waitForText(widget.locator('.notify-result'), /Check your inbox to confirm[\s\S]*ada@example\.com/);
    await b.shot(p, 'shop-notify-pending');
    const subscribed = (await b.api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items as Array<{ email: string; status: string; quantity: number; locale: string }>;
    assert.deepEqual(subscribed.filter((s) => s.email === 'ada@example.com').map((s) => [s.status, s.quantity, s.locale]), [['pending', 2, 'en']]);

    // The demo inbox opens at the address just used and shows the confirmation email with a working link.
    await p.getByRole('link', { name: 'Inbox' }).click();
    const inbox = p.locator('#view-inbox');
    await waitForText(inbox.locator('[role=status]'), /1 email to ada@example\.com/);
    const confirmMail = inbox.locator('.mail[data-type="waitlist_confirm"]');
    const link = confirmMail.locator('a[href*="/w/confirm/"]');
    await link.waitFor();
    assert.ok((await link.getAttribute('href'))?.startsWith(`${b.base}/w/confirm/`));
    await b.shot(p, 'shop-inbox-confirm');
    // A GET shows a page and changes nothing (mail scanners open links); its button confirms.
    await link.click();
    await p.getByRole('heading', { name: 'Confirm your sign-up' }).waitFor();
    assert.equal((await b.api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items.find((s: { email: string }) => s.email === 'ada@example.com').status, 'pending');
    await p.getByRole('button', { name: 'Yes, notify me' }).click();
    await p.getByRole('heading', { name: "You're on the list" }).waitFor();
    assert.equal((await b.api('GET', '/v1/waitlist?sku=SCARF-GREY')).body.items.find((s: { email: string }) => s.email === 'ada@example.com').status, 'waiting');

    // Signing up again with the same address: the same answer as for anyone (no enumeration), nothing sent.
    await p.goto(`${b.base}/#/product/SCARF-GREY`);
    await waitForText(badge(p, 'SCARF-GREY'), /^Out of stock$/);
    await widget.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await widget.getByRole('button', { name: 'Notify me' }).click();
    await waitForText(widget.locator('.notify-result'), /Check your inbox to confirm[\s\S]*ada@example\.com/);
    await widget.screenshot({ path: `${new URL('../test-results/', import.meta.url).pathname}shop-notify-waiting.png` });

    // Stock arrives: the waitlist reactor tells the list; the widget shows it live, the inbox has the email.
    await b.api('POST', '/v1/inventory/adjustments', { sku: 'SCARF-GREY', location: 'WH1', delta: 3, reason: 'supplier delivery' });
    await b.restock.runReactors();
    await waitForText(badge(p, 'SCARF-GREY'), /^Only 3 left$/);
    assert.equal(await widget.locator('.notify').isVisible(), false, 'a waiting result is hidden once the item is in stock');
    await p.goto(`${b.base}/#/inbox`);
    const restocked = p.locator('#view-inbox .mail[data-type="back_in_stock"]');
    await waitForText(restocked, /Back in stock: Grey wool scarf[\s\S]*is back in stock\.[\s\S]*You wanted 2/);
    await restocked.locator('a[href*="/w/unsubscribe/"]').waitFor();
    await b.shot(p, 'shop-inbox-back-in-stock');
  });

  test('without double opt-in a late sign-up is told at once, also when stock arrives while the shopper types', async () => {
    const policy = (await b.api('GET', '/v1/settings/waitlist')).body;
    await b.api('PUT', '/v1/settings/waitlist', { ...policy, doubleOptIn: false });
    try {
      const p = await b.open('/#/product/KETTLE-COPPER');
      const widget = p.locator('restock-availability[sku="KETTLE-COPPER"]');
      await waitForText(badge(p, 'KETTLE-COPPER'), /^Out of stock$/);
      await widget.locator('input[type=email]').fill('bo@example.com');
      await b.api('POST', '/v1/inventory/adjustments', { sku: 'KETTLE-COPPER', location: 'WH1', delta: 4, reason: 'found stock' });
      await waitForText(badge(p, 'KETTLE-COPPER'), /^Only 4 left$/);
      // The form stays while the shopper types; the answer says it is in stock.
      await widget.getByRole('button', { name: 'Notify me' }).click();
      await waitForText(widget.locator('.notify-result'), /It's in stock now — we've emailed you[\s\S]*bo@example\.com/);
      await b.shot(p, 'shop-notify-notified');
      const sent = (await b.api('GET', `/v1/messages?to=${encodeURIComponent('bo@example.com')}`)).body.items as Array<{ type: string }>;
      assert.deepEqual(sent.map((m) => m.type), ['back_in_stock']);
    } finally {
      await b.api('PUT', '/v1/settings/waitlist', policy);
    }
  });

  test('a "held for you" link from a waitlist email, opened from the demo inbox, puts the held item into the cart, and checking out converts', async () => {
    const policy = (await b.api('GET', '/v1/settings/waitlist')).body;
    await b.api('PUT', '/v1/settings/waitlist', { ...policy, doubleOptIn: false, holdHours: 2 });
    try {
      assert.equal((await b.api('POST', '/v1/waitlist', { sku: 'BOOT-TRAIL', email: 'cy@example.com' }, b.keys.storefront)).status, 202);
      await b.api('POST', '/v1/inventory/adjustments', { sku: 'BOOT-TRAIL', location: 'WH1', delta: 1, reason: 'return' });
      await b.restock.runReactors();

      const p = await openWithAdmin('/#/inbox');
      await p.locator('#inbox-email').fill('cy@example.com');
      await p.getByRole('button', { name: 'Show' }).click();
      const mail = p.locator('#view-inbox .mail[data-type="back_in_stock"]');
      await waitForText(mail, /Back in stock: Trail boots/);
      await mail.locator('a[href*="/w/hold/"]').click();
      await p.getByRole('heading', { name: 'Held for you' }).waitFor();
      await p.getByRole('link', { name: 'Complete your purchase' }).click();
      const cartView = p.locator('#view-cart');
      await waitForText(cartView.locator('.banner'), /we are holding 1 × Trail boots for you until/);
      await waitForText(cartView.locator('.hold'), /1 × Trail boots[\s\S]*Held for you from the waitlist for (2:00:00|1:59:\d\d)/);
      assert.equal(new URL(p.url()).search, '', 'the link is tidied away so a reload does not add it again');
      await b.shot(p, 'shop-cart-held');
      await p.locator('#checkout-email').fill('cy@example.com');
      await p.getByRole('button', { name: 'Place order' }).click();
      await waitForText(p.locator('#view-order .order-line'), /1 × Trail boots[\s\S]*1 ships now/);
      await b.restock.runReactors();
      const stats = (await b.api('GET', '/v1/waitlist/stats?sku=BOOT-TRAIL')).body.items[0];
      assert.deepEqual([stats.notified, stats.converted], [1, 1]);
    } finally {
      await b.api('PUT', '/v1/settings/waitlist', policy);
    }
  });

  test('a checkout with a backorder and a pre-order shows what ships now and the promised dates; a waiting line is cancelled through the order link', async () => {
    const p = await b.open('/#/product/LAMP-BRASS');
    const view = p.locator('#view-product');
    await waitForText(badge(view, 'LAMP-BRASS'), /^Backorder$/);
    await waitForText(detail(view, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(SEED_DATES.lampShips)}$`));
    await p.getByRole('button', { name: 'Backorder', exact: true }).click();
    await waitForText(p.locator('#cart-count'), /^1$/);
    await waitForText(view.locator('.hold.wait'), /1 × Brass desk lamp/);
    await waitForText(view.locator('.hold.wait restock-availability .badge'), /^Backorder$/);

    await p.evaluate(() => {
      location.hash = '#/product/ATLAS-ISLANDS';
    });
    await waitForText(badge(view, 'ATLAS-ISLANDS'), /^Pre-order$/);
    await p.getByRole('button', { name: 'Pre-order', exact: true }).click();
    await waitForText(p.locator('#cart-count'), /^2$/);

    await p.evaluate(() => {
      location.hash = '#/product/TEE-BLK';
    });
    await waitForText(badge(view, 'TEE-BLK'), /^In stock$/);
    await p.getByRole('button', { name: 'Add to cart' }).click();
    await waitForText(p.locator('#cart-count'), /^3$/);

    await p.getByRole('link', { name: /^Cart/ }).click();
    const cartView = p.locator('#view-cart');
    await waitForText(detail(cartView, 'LAMP-BRASS'), new RegExp(`^Ships by ${longDate(SEED_DATES.lampShips)}$`));
    await waitForText(detail(cartView, 'ATLAS-ISLANDS'), new RegExp(`^Releases ${longDate(SEED_DATES.atlasRelease)}$`));
    await b.shot(p, 'shop-cart');
    await p.locator('#checkout-email').fill('dee@example.com');
    await p.getByRole('button', { name: 'Place order' }).click();

    const order = p.locator('#view-order');
    const line = (sku: string) => order.locator(`.order-line[data-sku="${sku}"]`);
    await waitForText(line('LAMP-BRASS'), new RegExp(`1 × Brass desk lamp[\\s\\S]*Backordered[\\s\\S]*1 on backorder — ships by ${longDate(SEED_DATES.lampShips)}`));
    await waitForText(line('ATLAS-ISLANDS'), new RegExp(`Pre-ordered[\\s\\S]*1 pre-ordered — releases ${longDate(SEED_DATES.atlasRelease)}`));
    await waitForText(line('TEE-BLK'), /Confirmed[\s\S]*1 ships now/);
    await waitForText(order.locator('.thanks'), /We have emailed dee@example\.com the dates below/);
    assert.equal(await line('LAMP-BRASS').locator(`time[datetime="${SEED_DATES.lampShips}"]`).count(), 1, 'the promised date is a machine-readable <time>');
    await b.shot(p, 'shop-order');

    // Placed from the browser: it awaits payment, and the page reads it through its signed link.
    const orderId = decodeURIComponent(new URL(p.url()).hash.replace('#/order/', ''));
    await waitForText(order.locator('.order'), /Awaiting payment until/);
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('restock.orders') ?? '[]') as Array<{ id: string; token?: string }>);
    const token = stored.find((o) => o.id === orderId)?.token ?? '';
    assert.equal((await b.api('GET', `/v1/order-links/${token}`, undefined, '')).body.id, orderId);
    // What ships from stock is not the shopper's to cancel here; what waits is.
    assert.equal(await line('TEE-BLK').getByRole('button', { name: 'Cancel item' }).count(), 0);
    await line('ATLAS-ISLANDS').getByRole('button', { name: 'Cancel item' }).click();
    await line('ATLAS-ISLANDS').getByRole('button', { name: 'Yes, cancel it' }).click();
    await waitForText(line('ATLAS-ISLANDS'), /Cancelled[\s\S]*you will not be charged/);
    const placed = (await b.api('GET', `/v1/orders/${orderId}`)).body;
    assert.deepEqual(placed.lines.map((l: { sku: string; status: string }) => [l.sku, l.status]).sort(), [['ATLAS-ISLANDS', 'cancelled'], ['LAMP-BRASS', 'backordered'], ['TEE-BLK', 'confirmed']]);
    assert.equal((await b.api('GET', '/v1/preorders?sku=ATLAS-ISLANDS')).body.items.length, 0);
    assert.equal((await b.api('POST', `/v1/orders/${orderId}/confirm`, {})).body.payment.status, 'confirmed');

    // The order confirmation, with its dates, is in the demo inbox.
    await b.restock.runReactors();
    const sent = (await b.api('GET', `/v1/messages?to=${encodeURIComponent('dee@example.com')}`)).body.items as Array<{ text: string }>;
    assert.ok(sent.some((m) => m.text.includes(SEED_DATES.lampShips) || m.text.includes(dateIn('en-GB', SEED_DATES.lampShips))), `an email names the promised date: ${sent.map((m) => m.text).join('\n---\n')}`);
  });

  test('on another origin with a publishable key, the widget (ES module and classic script) shows availability and follows a live change', async () => {
    for (const [kind, script] of [
      ['module', `<script type="module" src="${b.base}/widget/restock-widget.js"></script>`],
      ['classic', `<script src="${b.base}/widget/restock-widget.classic.js" defer></script>`],
    ] as const) {
      // A malformed SKU beside it (a typo in the page) is unknown and does not take the others down.
      const url = page(`/cross-${kind}.html`, `<p>Two-person tent</p><restock-availability sku="TENT-2P" key="${b.keys.storefront}"></restock-availability><restock-availability sku="no such sku!" key="${b.keys.storefront}"></restock-availability>`, { head: script });
      const from = requested.length;
      const p = await b.open(url);
      assert.notEqual(new URL(p.url()).origin, b.base, 'the page is on another origin');
      const w = p.locator('restock-availability[sku="TENT-2P"]');
      await waitForText(badge(p, 'TENT-2P'), kind === 'module' ? /^In stock$/ : /^Only 4 left$/);
      // The live stream works cross-origin: a change arrives without a reload.
      await waitFor('the event stream', () => requested.slice(from).some((u) => u.startsWith(`${b.base}/v1/events?`)));
      const left = kind === 'module' ? 4 : 2;
      await b.api('POST', '/v1/inventory/feed', {
        lines: [
          { sku: 'TENT-2P', location: 'ST1', onHand: 0, idempotencyKey: `tent-${kind}-1` },
          { sku: 'TENT-2P', location: 'WH2', onHand: left, idempotencyKey: `tent-${kind}-2` },
        ],
      });
      await waitForText(badge(p, 'TENT-2P'), new RegExp(`^Only ${left} left$`));
      assert.equal(await w.getAttribute('problem'), null);
      await waitFor('the malformed SKU to read as unknown', async () => (await p.locator('restock-availability[sku="no such sku!"]').getAttribute('problem')) === 'unknown-sku');
      await b.shot(p, `widget-cross-origin-${kind}`);
      await p.close();
    }
  });

  test('with no key the widget shows a neutral state with a hint and warns once; with an invalid key it says so to the developer', async () => {
    const noKey = page('/no-key.html', '<restock-availability sku="TEE-BLK"></restock-availability><restock-availability sku="TENT-2P"></restock-availability>', {
      head: `<script type="module" src="${b.base}/widget/restock-widget.js"></script>`,
    });
    const page1 = await b.open(blank());
    const warned1 = warnings(page1);
    await page1.goto(noKey);
    await waitForText(badge(page1, 'TEE-BLK'), /^Availability unavailable$/);
    await waitForText(detail(page1, 'TEE-BLK'), /No storefront key: set key="rk_st_…" or <meta name="restock-key">\./);
    assert.equal(await page1.locator('restock-availability[sku="TEE-BLK"]').getAttribute('problem'), 'no-key');
    assert.equal(await page1.locator('restock-availability[sku="TEE-BLK"]').getAttribute('status'), 'unknown');
    assert.equal(warned1.filter((w) => /no storefront key/.test(w)).length, 1, `one warning for two widgets: ${JSON.stringify(warned1)}`);
    await b.shot(page1, 'widget-no-key');

    const bad = page('/bad-key.html', '<restock-availability sku="TEE-BLK" key="rk_st_not-a-real-key"></restock-availability>', {
      head: `<script type="module" src="${b.base}/widget/restock-widget.js"></script>`,
    });
    const page2 = await b.open(blank());
    const warned2 = warnings(page2);
    await page2.goto(bad);
    const w = page2.locator('restock-availability[sku="TEE-BLK"]');
    await waitFor('problem=invalid-key', async () => (await w.getAttribute('problem')) === 'invalid-key');
    await waitForText(badge(page2, 'TEE-BLK'), /^Availability unavailable$/);
    await waitFor('the invalid-key warning', () => warned2.some((m) => /invalid key/.test(m)));
    assert.equal(warned2.filter((m) => /invalid key/.test(m)).length, 1);
    assert.ok(!warned2.some((m) => m.includes('rk_st_not-a-real-key')), 'the warning does not print the whole key');
  });

  test('with the API down the widget falls back quietly, retries with growing pauses, and recovers when it is back', async () => {
    const api = `http://127.0.0.1:${outage.port}`;
    b.allowFailures(new RegExp(`^${re(api)}/`));
    const url = page('/down.html', `<restock-availability sku="SOCK-MERINO" notify></restock-availability><restock-availability sku="TEE-BLK"></restock-availability>`, {
      head: `<meta name="restock-key" content="${b.keys.storefront}"><meta name="restock-api" content="${api}"><script type="module" src="${b.base}/widget/restock-widget.js"></script>`,
    });
    const p = await b.open(blank());
    const warned = warnings(p);
    const attempts: number[] = [];
    p.on('requestfailed', (r) => {
      if (r.url() === `${api}/v1/availability`) attempts.push(Date.now());
    });
    await p.goto(url);
    const w = p.locator('restock-availability[sku="SOCK-MERINO"]');
    await waitForText(badge(p, 'SOCK-MERINO'), /^Availability unavailable$/);
    assert.equal(await w.getAttribute('status'), 'error');
    assert.equal(await w.getAttribute('problem'), 'unreachable');
    // No broken UI: no sign-up form for an availability it does not know, an empty detail.
    assert.equal(await w.locator('form').isVisible(), false);
    await waitForText(detail(p, 'SOCK-MERINO'), /^$/);
    // It keeps trying, each pause longer than the one before, and says so once.
    await waitFor('three attempts', () => attempts.length >= 3);
    const pauses = attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    assert.ok((pauses[1] as number) > (pauses[0] as number), `growing pauses: ${pauses.join(', ')} ms`);
    assert.equal(warned.filter((m) => /could not reach Restock/.test(m)).length, 1, JSON.stringify(warned));
    await b.shot(p, 'widget-api-down');

    // The API is back: the widget shows availability and follows changes again, without a reload.
    await outage.up();
    await waitForText(badge(p, 'SOCK-MERINO'), /^Only 5 left$/, 70_000);
    await waitForText(badge(p, 'TEE-BLK'), /^In stock$/);
    assert.equal(await w.getAttribute('problem'), null);
    await waitFor('the event stream through the restored API', () => requested.some((u) => u.startsWith(`${api}/v1/events?`)), 70_000);
    await b.api('POST', '/v1/inventory/adjustments', { sku: 'SOCK-MERINO', location: 'WH1', delta: 20, reason: 'delivery' });
    await waitForText(badge(p, 'SOCK-MERINO'), /^In stock$/);
    await p.close();
  });

  test('the playground shows every state with the code to embed it, in English and German, and passes axe', async () => {
    const p = await b.open('/widget');
    const state = (s: string) => p.locator(`#state-list .state[data-state="${s}"] restock-availability .badge`);
    await waitForText(state('in_stock'), /^In stock$/);
    await waitForText(state('low_stock'), /^Only 3 left$/);
    await waitForText(state('out_of_stock'), /^Out of stock$/);
    await waitForText(state('backorder'), /^Backorder$/);
    await waitForText(state('preorder'), /^Pre-order$/);
    await waitForText(state('discontinued'), /^Discontinued$/);
    await waitForText(p.locator('#state-list .state[data-state="backorder"] .detail'), /^Ships by \w+ \d{1,2}, \d{4}$/);
    await waitForText(p.locator('#state-list .state[data-state="preorder"] .detail'), /^Releases \w+ \d{1,2}, \d{4}$/);
    await p.locator('#state-list .state[data-state="out_of_stock"] restock-availability form').waitFor();
    await waitForText(p.locator('#german-list .state[data-state="backorder"] .detail'), /^Versand bis \d{1,2}\. \w+ \d{4}$/);
    // The snippets name this server and its storefront key.
    await waitForText(p.locator('#snippet-module'), new RegExp(`${re(b.base)}/widget/restock-widget\\.js[\\s\\S]*${re(b.keys.storefront)}`));
    await waitForText(p.locator('#snippet-classic'), new RegExp(`${re(b.base)}/widget/restock-widget\\.classic\\.js`));
    await waitForText(p.locator('#snippet-theme'), /--restock-[\s\S]*::part\(badge\)/);
    // Live SKUs of the demo data.
    await waitForText(p.locator('#live-list restock-availability[sku="BOOT-TRAIL"] .badge'), /^(In stock|Only \d+ left|Out of stock)$/);
    // A sign-up in demo mode sends nothing.
    const demoForm = p.locator('#state-list .state[data-state="out_of_stock"] restock-availability');
    await demoForm.locator('input[type=email]').fill('demo@example.com');
    await demoForm.getByRole('button', { name: 'Notify me' }).click();
    await waitForText(demoForm.locator('.notify-result'), /Demo: nothing was sent/);
    assert.equal((await b.api('GET', `/v1/messages?to=${encodeURIComponent('demo@example.com')}`)).body.items.length, 0);
    // Every state is drawn without the API (so it shows on an empty shop too): no request names a demo SKU.
    assert.ok(!requestBodies.some((r) => r.includes('DEMO-')), 'the demo widgets ask Restock for nothing');
    for (const s of ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued']) {
      assert.equal(await p.locator(`#state-list .state[data-state="${s}"] restock-availability`).getAttribute('problem'), null);
    }
    await b.shot(p, 'widget-playground');
    await axe('/widget', 'the widget playground', async (q) => {
      await waitForText(q.locator('#live-list restock-availability[sku="BOOT-TRAIL"] .badge'), /\w/);
    });
  });

  test('on a phone: the product page with its notify form and the cart fit 390 px', async () => {
    const phone = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await b.open('/#/product/CAP-RED', phone);
    await b.api('POST', '/v1/inventory/feed', { lines: [{ sku: 'CAP-RED', location: 'WH2', onHand: 0, idempotencyKey: 'cap-gone' }] });
    await waitForText(badge(p, 'CAP-RED'), /^Out of stock$/);
    await p.locator('restock-availability[sku="CAP-RED"] form').waitFor();
    await waitForText(detail(p, 'CAP-RED'), new RegExp(`^Expected back on ${longDate(SEED_DATES.capBack)}$`));
    assert.ok((await p.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the product page fits');
    await b.shot(p, 'phone-shop-notify');
    for (const hash of ['#/', '#/cart', '#/inbox']) {
      await p.evaluate((h) => {
        location.hash = h;
      }, hash);
      await p.waitForTimeout(200);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${hash} is ${width}px wide on a 390px screen`);
    }
    const playground = await b.open('/widget', phone);
    await playground.locator('#state-list .state').first().waitFor();
    assert.ok((await playground.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'the playground fits');
    await b.shot(playground, 'phone-widget-playground');
  });

  test('the demo inbox asks for the admin key and says so when it is given another key', async () => {
    const fresh = await b.newContext();
    const p = await b.open('/#/inbox', fresh);
    await p.getByRole('textbox', { name: 'Admin key' }).fill(b.keys.storefront);
    await p.getByRole('button', { name: 'Open the inbox' }).click();
    await waitForText(p.locator('#view-inbox .notice[role=alert]'), /not an admin key/);
    assert.equal(await p.evaluate(() => sessionStorage.getItem('restock.adminKey')), null, 'a refused key is not kept');
    await fresh.close();
  });

  test('no page logged an error or failed a request', () => {
    b.assertNoErrors();
  });
});
