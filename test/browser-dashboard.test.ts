/**
 * The operator dashboard (React, /dashboard) in Debian's Chromium against a real server: signing in with an
 * admin key (a storefront key is refused with the reason, a revoked key signs the tab out and says so), the
 * overview with a SKU the test sold out, the stock table on GET /v1/stock whose numbers add up and follow the
 * live stream, the SKU page (adjusting and receiving stock, the ledger with dates, safety stock, the product
 * and its policy, the sales chart with stock-out periods shaded and the forecast with its intervals),
 * locations and staff alerts; every page at 390 px without sideways scrolling, axe-core on every page, a
 * screenshot of each in test-results/, and no console error or failed request anywhere.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { addDays } from '../src/core/clock.ts';
import { browserSuite, requireChromium, seedShop, SHOTS, TODAY, WAIT } from './helpers/browser.ts';
import { seedHistory } from './helpers/sales.ts';

const skip = requireChromium();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'UTC' };
/** How the dashboard writes the date of a moment (the page is in English, lang="en"). */
const dayMonthYear = (iso: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function waitForText(locator: Locator, expected: RegExp, timeout = WAIT): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent({ timeout }).catch(() => '')) ?? '';
    if (expected.test(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`expected ${expected} but the page shows '${last.trim().replace(/\s+/g, ' ').slice(0, 400)}'`);
}

let axeSource: string | undefined;
/**
 * axe-core in the page, evaluated through the DevTools protocol: the dashboard's Content-Security-Policy
 * (script-src 'self') refuses an inline script tag, rightly, so the helper's addScriptTag cannot inject it.
 */
async function axe(page: Page, what: string): Promise<void> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe found serious or critical violations on ${what}:\n${bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`).join('\n')}`);
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what} is ${width}px wide on a 390px screen`);
}

describe('browser: the operator dashboard', { skip }, () => {
  const b = browserSuite();

  before(async () =>
    b.start({
      seed: async (restock) => {
        await seedShop(restock);
        // A year of daily sales with a three-week stock-out, forecast before the browser opens the page.
        await seedHistory(restock, 'FC-KETTLE', { first: addDays(TODAY, -364), days: 364, level: 6, spell: [250, 271], leadTimeDays: 14 });
        // The sales helper names WH1 its own way: the shop's name back.
        await restock.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse Berlin', type: 'warehouse', priority: 1, region: 'EU' });
        await restock.catalog.upsert({ sku: 'FC-KETTLE', title: 'Enamel kettle', price: '45.00', attributes: { newRelease: true, colour: 'cream' }, policy: { leadTimeDays: 14 } });
      },
    }),
  );
  after(() => b.stop());
  afterEach(() => b.closePages());

  test('signs in with an admin key (a storefront key is refused with the reason), shows the stock table and live events, and adjusts stock', async () => {
    const page = await b.open('/dashboard');
    await page.locator('#admin-key').fill(b.keys.storefront);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page.getByRole('alert'), /needs the admin scope/);
    await page.locator('#admin-key').fill(b.keys.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await waitForText(page.locator('.connection'), /^Live$/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('restock.adminKey')), b.keys.admin);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Stock' }).click();
    const row = (sku: string) => page.locator(`tr[data-row="${sku}"]`);
    const cell = (sku: string, col: string) => row(sku).locator(`[data-col="${col}"]`);
    await row('TEE-BLK').waitFor();
    assert.equal(await page.locator('tbody tr[data-row]').count(), 12);
    await waitForText(page.locator('.pager'), /1–12 of 12/);
    await waitForText(cell('TEE-BLK', 'status'), /In stock/);
    await waitForText(cell('TEE-BLK', 'availableToSell'), /^52$/);
    await waitForText(cell('TEE-BLK', 'onHand'), /^52$/);
    // The status chips carry the server's counts.
    const counts = (await b.api('GET', '/v1/overview')).body.counts;
    await waitForText(page.getByRole('button', { name: /^Out of stock/ }), new RegExp(`Out of stock\\s*${counts.byStatus.out_of_stock}$`));
    await waitForText(page.getByRole('button', { name: /^All/ }), new RegExp(`All\\s*${counts.products}$`));

    // Changes made elsewhere: the table follows the stream, and its numbers add up (committed shown). A
    // commit alone changes no availability and sends no event; the next reservation's event brings both.
    const sold = await b.api('POST', '/v1/reservations', { sku: 'TENT-2P', quantity: 1 }, b.keys.storefront);
    assert.equal((await b.api('POST', `/v1/reservations/${sold.body.id}/commit`, {})).status, 200);
    await b.api('POST', '/v1/reservations', { sku: 'TENT-2P', quantity: 2 }, b.keys.storefront);
    await waitForText(cell('TENT-2P', 'availableToSell'), /^9$/);
    await waitForText(cell('TENT-2P', 'reserved'), /^2$/);
    await waitForText(cell('TENT-2P', 'committed'), /^1$/);
    await waitForText(cell('TENT-2P', 'onHand'), /^12$/);
    assert.match((await cell('TENT-2P', 'availableToSell').locator('[title]').getAttribute('title')) ?? '', /12 on hand − 2 reserved − 1 committed − 0 safety stock = 9 free/);

    // Sort by available, descending: the server orders the rows.
    await page.getByRole('button', { name: 'Available' }).click();
    await page.getByRole('button', { name: 'Available' }).click();
    await waitForText(page.locator('tbody tr[data-row]').first(), /TEE-BLK/);
    assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Available▼');
    // Search goes to the server too, and into the URL.
    await page.locator('#stock-search').fill('sock');
    await waitForText(page.locator('.pager'), /1–1 of 1/);
    assert.match(page.url(), /q=sock/);
    await b.shot(page, 'dashboard-stock');

    // A row opens the SKU page; adjust stock there and watch levels, ledger and the feed follow.
    await row('SOCK-MERINO').locator('td[data-col="title"]').click();
    await page.getByRole('heading', { name: /SOCK-MERINO/, level: 1 }).waitFor();
    await waitForText(page.locator('#levels tfoot'), /Total\s*5\s*0\s*0\s*0\s*0\s*5/);
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await page.locator('#move-location').selectOption('WH1');
    await page.locator('#move-delta').fill('12');
    await page.locator('#move-reason').fill('cycle count');
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    await waitForText(page.locator('#movement-result'), /Added 12 at WH1: on hand is now 17\./);
    await waitForText(page.locator('#levels tfoot'), /Total\s*17\s*0\s*0\s*0\s*0\s*17/);
    await waitForText(page.locator('#sku-available'), /^17$/);
    // The ledger says when, with the date.
    await waitForText(page.locator('#ledger tbody tr').first(), new RegExp(`${dayMonthYear(TODAY)}, \\d\\d:\\d\\d:\\d\\d[\\s\\S]*Adjustment[\\s\\S]*WH1 · cycle count[\\s\\S]*\\+12`));
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview' }).click();
    await waitForText(page.locator('#events'), /SOCK-MERINO[\s\S]*Low stock \(5\) → In stock \(17\)/);
  });

  test('an operator receives stock on the SKU page (a receipt, and part of an expected delivery): back in stock, in the ledger', async () => {
    const page = await b.openDashboard('/skus/SCARF-GREY');
    await page.getByRole('heading', { name: /SCARF-GREY/, level: 1 }).waitFor();
    await waitForText(page.locator('.sku-sub'), /Out of stock/);
    // Receive is the form's first choice.
    await page.locator('#move-location').selectOption('WH2');
    await page.locator('#move-quantity').fill('9');
    await page.locator('#move-reference').fill('PO-3001');
    await page.getByRole('button', { name: 'Receive stock' }).click();
    await waitForText(page.locator('#movement-result'), /Received 9 at WH2: on hand there is now 9\./);
    await waitForText(page.locator('.sku-sub'), /In stock/);
    await waitForText(page.locator('#levels tr[data-location="WH2"]'), /WH2[\s\S]*9/);
    await waitForText(page.locator('#ledger tbody tr').first(), /Receipt[\s\S]*WH2[\s\S]*PO-3001[\s\S]*\+9/);
    const levels = (await b.api('GET', '/v1/inventory/SCARF-GREY')).body;
    assert.equal(levels.totals.onHand, 9);

    // Safety stock per location, edited in the levels table.
    await page.locator('#safety-WH2').fill('2');
    await page.locator('#levels tr[data-location="WH2"]').getByRole('button', { name: 'Save' }).click();
    await waitForText(page.locator('#levels tfoot'), /Total\s*9\s*0\s*0\s*2\s*0\s*7/);
    await waitForText(page.locator('#sku-available'), /^7$/);
    assert.equal((await b.api('GET', '/v1/inventory/SCARF-GREY')).body.levels.find((l: { location: string }) => l.location === 'WH2').safetyStock, 2);
    await b.shot(page, 'dashboard-sku-receive');

    // An expected delivery, received in part from its SKU page: the rest stays expected.
    const cap = await b.openDashboard('/skus/CAP-RED');
    const delivery = cap.locator('#deliveries li', { hasText: 'PO-1001' });
    await waitForText(delivery, /PO-1001[\s\S]*WH1[\s\S]*30 units[\s\S]*expected/);
    await delivery.getByRole('button', { name: 'Receive' }).click();
    assert.equal(await delivery.getByLabel('Units arrived').inputValue(), '30');
    await delivery.getByLabel('Units arrived').fill('10');
    await delivery.getByRole('button', { name: 'Receive now' }).click();
    await waitForText(cap.locator('#deliveries-result'), /Received 10 at WH1 \(PO-1001\); 20 still expected\./);
    await waitForText(delivery, /20 units/);
    await waitForText(cap.locator('.sku-sub'), /In stock/);
    await waitForText(cap.locator('#levels tr[data-location="WH1"]'), /WH1[\s\S]*10/);
    const inbound = (await b.api('GET', '/v1/inbound?sku=CAP-RED&status=open')).body.items;
    assert.deepEqual(inbound.map((i: { reference: string; received: number }) => [i.reference, i.received]), [['PO-1001', 10]]);
    await b.shot(cap, 'dashboard-sku-delivery');
  });

  test('the overview lists a SKU the test sold out, with counts from the server, and links into its page', async () => {
    await b.restock.catalog.upsert({ sku: 'GONE-1', title: 'Linen apron', price: '22.00' });
    await b.restock.inventory.applyFeed([{ sku: 'GONE-1', location: 'WH1', onHand: 2, idempotencyKey: 'gone-1' }], 'test');
    const page = await b.openDashboard('/');
    const out = page.locator('[data-card="out-of-stock"]');
    await out.getByRole('heading', { name: 'Out of stock now' }).waitFor();
    const before = Number(await out.locator('.card-count').textContent());
    // Sold out while the page is open: the card follows the stream.
    await b.api('POST', '/v1/inventory/adjustments', { sku: 'GONE-1', location: 'WH1', delta: -2, reason: 'damaged' });
    await waitForText(out, /GONE-1[\s\S]*Linen apron/);
    await waitForText(out.locator('.card-count'), new RegExp(`^${before + 1}$`));
    const overview = (await b.api('GET', '/v1/overview')).body;
    assert.equal(overview.outOfStock.total, before + 1);
    await waitForText(page.locator('[data-card="at-risk"]'), /MUG-ENAMEL/);
    await waitForText(page.locator('[data-card="waitlist-demand"]'), /No one is waiting|people|person/);
    await waitForText(page.locator('[data-card="late-inbound"]'), /No delivery is overdue|late/);
    await waitForText(page.locator('#events'), /GONE-1/);
    await b.shot(page, 'dashboard-overview');
    await axe(page, 'the overview');
    await out.getByRole('link', { name: 'GONE-1' }).click();
    await page.getByRole('heading', { name: /GONE-1/, level: 1 }).waitFor();
    await waitForText(page.locator('.sku-sub'), /Out of stock/);
  });

  test('the SKU page draws the sales history with stock-out periods shaded and the forecast with its intervals', async () => {
    const run = await b.api('POST', '/v1/forecasts/run', { skus: ['FC-KETTLE'] });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.equal(run.body.computed, 1);
    const stored = (await b.api('GET', '/v1/forecasts/FC-KETTLE')).body;
    const outWeeks = stored.history.filter((h: { stockout: boolean }) => h.stockout).length;
    assert.ok(outWeeks >= 2, `the seeded spell is flagged (${outWeeks} weeks)`);

    const page = await b.openDashboard('/skus/FC-KETTLE');
    const chart = page.locator('[data-testid="sales-chart"]');
    await chart.waitFor();
    assert.equal(await chart.getAttribute('data-forecast-points'), String(stored.forecast.length));
    assert.equal(await chart.getAttribute('data-stockout-periods'), String(outWeeks));
    assert.equal(await chart.getAttribute('data-intervals'), '80,95');
    assert.ok(Number(await chart.getAttribute('data-stockout-spells')) >= 1);
    await chart.locator('canvas').first().waitFor();
    await b.shot(page, 'dashboard-sku-chart');
    await waitForText(chart.locator('.chart-summary'), new RegExp(`out of stock in ${outWeeks} weeks[\\s\\S]*Forecast for the next ${stored.forecast.length} weeks[\\s\\S]*80% and 95% intervals`));
    // ECharts drew the shaded periods and the bands: the canvas has the red shade and the amber band in it.
    const colours = await chart.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return { shade: 0, band: 0 };
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let shade = 0;
      let band = 0;
      for (let i = 0; i < data.length; i += 4) {
        // The canvas is transparent where nothing is drawn: each pixel as it shows on the white page.
        const a = (data[i + 3] ?? 0) / 255;
        const [r, g, bl] = [0, 1, 2].map((k) => (data[i + k] ?? 0) * a + 255 * (1 - a)) as [number, number, number];
        if (r > 235 && g > 200 && g < 230 && bl > 200 && bl < 230 && r - g > 15) shade++;
        if (r > 235 && g > 215 && bl < 215 && r - bl > 30) band++;
      }
      return { shade, band };
    });
    assert.ok(colours.shade > 200, `stock-out shading is drawn (${colours.shade} px)`);
    assert.ok(colours.band > 200, `the forecast interval band is drawn (${colours.band} px)`);
    // The tooltip over the forecast says the interval in numbers (and breaks no Content-Security-Policy rule).
    const box = await chart.locator('canvas').first().boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width * 0.93, box.y + box.height * 0.5);
    await waitForText(chart, /Forecast: \d[\s\S]*80%: \d+(\.\d)?–\d[\s\S]*95%: \d/);
    await page.mouse.move(box.x + box.width * 0.08, box.y + box.height * 0.5);
    await waitForText(chart, /Sales: \d/);
    // By day, the shaded periods are the stock-out days themselves.
    const daily = (await b.api('GET', '/v1/forecasts/FC-KETTLE/history?granularity=day')).body.history;
    const outDays = daily.filter((d: { stockout: boolean }) => d.stockout).length;
    assert.ok(outDays >= 14, `the spell's days are flagged (${outDays})`);
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Days' }).click();
    await waitForText(chart.locator('.chart-summary'), new RegExp(`Sales per day[\\s\\S]*out of stock in ${outDays} days`), 30_000);
    assert.equal(await chart.getAttribute('data-stockout-periods'), String(outDays));
    assert.ok(Number(await chart.getAttribute('data-forecast-points')) > 0);
    await b.shot(page, 'dashboard-sku-chart-days');
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Weeks' }).click();
    await waitForText(page.locator('.sales .facts'), /Model[\s\S]*Lost to stock-outs[\s\S]*Demand over the lead time \(14 days\)/);

    // The product with its attributes in words, edited with its stock policy.
    const product = page.locator('.product');
    await waitForText(product, /New release\s*Yes/);
    assert.doesNotMatch((await product.textContent()) ?? '', /newRelease|true/);
    await product.getByRole('button', { name: 'Edit' }).click();
    await page.locator('#p-title').fill('Enamel kettle, cream');
    await page.locator('#p-low').fill('8');
    await page.locator('#p-backorder').check();
    await page.locator('#p-backorder-limit').fill('20');
    await page.locator('#p-lead').fill('10');
    await axe(page, 'the product form');
    await page.getByRole('button', { name: 'Save product' }).click();
    await waitForText(page.locator('.product'), /Saved\./);
    await waitForText(page.locator('.product'), /Low-stock alert at 8 units[\s\S]*Backorders allowed, up to 20 units[\s\S]*Restocks take 10 days/);
    await waitForText(page.locator('.sku-title'), /Enamel kettle, cream/);
    const saved = (await b.api('GET', '/v1/products/FC-KETTLE')).body;
    assert.deepEqual(
      [saved.title, saved.policy.lowStockThreshold, saved.policy.allowBackorder, saved.policy.backorderLimit, saved.policy.leadTimeDays, saved.attributes],
      ['Enamel kettle, cream', 8, true, 20, 10, { newRelease: true, colour: 'cream' }],
    );
    await b.shot(page, 'dashboard-sku-forecast');
    await axe(page, 'the SKU page');
  });

  test('the ledger filters by date and exports CSV through the key header, never a URL', async () => {
    const page = await b.openDashboard('/skus/FC-KETTLE');
    await page.locator('#ledger tbody tr[data-type]').first().waitFor();
    const from = addDays(TODAY, -10);
    await page.locator('#ledger-from').fill(from);
    await page.locator('#ledger-type').selectOption('shipment');
    await waitForText(page.locator('.ledger-panel .pager'), /of \d+/);
    const dates = await page.locator('#ledger tbody time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    assert.ok(dates.length > 0);
    for (const d of dates) assert.ok(d.slice(0, 10) >= from, `${d} is on or after ${from}`);
    const types = await page.locator('#ledger tbody tr[data-type]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    assert.deepEqual([...new Set(types)], ['shipment']);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^FC-KETTLE-ledger-from-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /type/i);
    assert.ok(csv.split('\n').length > 2);
    for (const u of urls) assert.ok(!u.includes(b.keys.admin), `no key in ${u}`);
  });

  test('locations are listed, added and edited; staff alerts are set in Settings', async () => {
    const page = await b.openDashboard('/locations');
    await waitForText(page.locator('#locations tbody tr').first(), /1[\s\S]*WH1[\s\S]*Warehouse Berlin/);
    await page.locator('#loc-code').fill('WH9');
    await page.locator('#loc-name').fill('Warehouse Vienna');
    await page.locator('#loc-region').fill('EU');
    await page.getByRole('button', { name: 'Add location' }).click();
    await waitForText(page.locator('#location-result'), /Added Warehouse Vienna \(WH9\)/);
    await waitForText(page.locator('#locations'), /WH9[\s\S]*Warehouse Vienna/);
    await page.getByRole('button', { name: 'Edit Warehouse Vienna' }).click();
    assert.equal(await page.locator('#loc-code').isDisabled(), true);
    await page.locator('#loc-name').fill('Warehouse Wien');
    await page.getByRole('button', { name: 'Save location' }).click();
    await waitForText(page.locator('#location-result'), /Saved Warehouse Wien \(WH9\)/);
    const list = (await b.api('GET', '/v1/locations')).body.items;
    assert.equal(list.find((l: { code: string }) => l.code === 'WH9').name, 'Warehouse Wien');
    await b.shot(page, 'dashboard-locations');
    await axe(page, 'the locations page');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.locator('#alert-recipients').fill('stock@shop.example\nbuyer@shop.example, Stock@Shop.example');
    await page.getByRole('checkbox', { name: /Low stock/ }).uncheck();
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await waitForText(page.locator('#alerts-result'), /Saved: 2 people are emailed when a SKU runs out of stock\./);
    assert.deepEqual((await b.api('GET', '/v1/settings/alerts')).body, { recipients: ['stock@shop.example', 'buyer@shop.example'], lowStock: false, outOfStock: true });
    await page.locator('#alert-recipients').fill('not an address');
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await waitForText(page.locator('#alerts-result'), /email|address|format/i);
    await b.shot(page, 'dashboard-settings');
    await axe(page, 'the settings page');
  });

  test('axe finds no serious or critical violations on the stock page and the sign-in page', async () => {
    const page = await b.openDashboard('/stock');
    await page.locator('tr[data-row="TEE-BLK"]').waitFor();
    await axe(page, 'the stock page');
    const signin = await b.open('/dashboard');
    await signin.locator('#admin-key').waitFor();
    await b.shot(signin, 'dashboard-signin');
    await axe(signin, 'the sign-in page');
  });

  test('a revoked key signs the tab out and says the key was revoked', async () => {
    const { key, apiKey } = await b.restock.keys.create('admin', 'to revoke');
    const page = await b.open('/dashboard');
    await page.locator('#admin-key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(await b.restock.keys.revoke(apiKey.id), true);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Stock' }).click();
    await waitForText(page.locator('.notice[data-reason="revoked"]'), /no longer accepted: it was revoked/);
    await page.locator('#admin-key').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('restock.adminKey')), null);
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).count(), 0);
    await b.shot(page, 'dashboard-revoked');
    // Signing out on purpose says so too.
    const other = await b.openDashboard('/');
    await other.getByRole('button', { name: 'Sign out' }).click();
    await waitForText(other.locator('.notice[data-reason="signed-out"]'), /You are signed out\./);
  });

  test('on a 390 px phone: overview, stock and SKU page fit the screen, and a tapped row opens the SKU at its top', async () => {
    // Someone waits for a product: the Waitlists tab carries a count, which must scroll with the tabs too.
    await b.restock.waitlist.setPolicy({ ...(await b.restock.waitlist.policy()), doubleOptIn: false });
    await b.restock.waitlist.subscribe({ sku: 'KETTLE-COPPER', email: 'phone@example.com' });
    const phone = await b.newContext(PHONE);
    try {
      const overview = await b.openDashboard('/', phone);
      await overview.locator('[data-card="out-of-stock"] .card-list').waitFor();
      await waitForText(overview.locator('[data-card="waitlist-demand"]'), /KETTLE-COPPER[\s\S]*1 person/);
      await waitForText(overview.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Waitlists/ }), /Waitlists\s*1/);
      await noSidewaysScroll(overview, 'the overview');
      await b.shot(overview, 'phone-dashboard-overview');
      await axe(overview, 'the overview on a phone');
      await overview.screenshot({ path: `${SHOTS}phone-dashboard-overview-screen.png` });

      const stock = await b.openDashboard('/stock', phone);
      await stock.locator('tr[data-row="TEE-BLK"]').waitFor();
      await noSidewaysScroll(stock, 'the stock page');
      await b.shot(stock, 'phone-dashboard-stock');
      await stock.screenshot({ path: `${SHOTS}phone-dashboard-stock-screen.png` });
      // Far down the list, a tap on a card opens the SKU page at its top.
      const last = stock.locator('tbody tr[data-row]').last();
      const sku = await last.getAttribute('data-row');
      await last.scrollIntoViewIfNeeded();
      assert.ok((await stock.evaluate(() => window.scrollY)) > 200, 'the last card is further down');
      await last.locator('td[data-col="status"]').tap();
      await stock.getByRole('heading', { name: new RegExp(sku ?? '?'), level: 1 }).waitFor();
      assert.equal(await stock.evaluate(() => window.scrollY), 0);
      const top = await stock.getByRole('heading', { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 400, `the SKU heading is on screen (top ${top}px)`);
      await stock.screenshot({ path: `${SHOTS}phone-dashboard-tapped-row.png` });

      const skuPage = await b.openDashboard('/skus/FC-KETTLE', phone);
      await skuPage.locator('[data-testid="sales-chart"] canvas').first().waitFor();
      await skuPage.locator('#ledger tbody tr[data-type]').first().waitFor();
      await noSidewaysScroll(skuPage, 'the SKU page');
      await b.shot(skuPage, 'phone-dashboard-sku');
      await axe(skuPage, 'the SKU page on a phone');
      await skuPage.screenshot({ path: `${SHOTS}phone-dashboard-sku-screen.png` });

      const signin = await b.open('/dashboard', phone);
      await signin.locator('#admin-key').waitFor();
      await noSidewaysScroll(signin, 'the sign-in page');
      await b.shot(signin, 'phone-dashboard-signin');

      for (const path of ['/locations', '/settings']) {
        const p = await b.openDashboard(path, phone);
        await p.getByRole('heading', { level: 1 }).waitFor();
        await p.locator('form').first().waitFor();
        await noSidewaysScroll(p, path);
        await b.shot(p, `phone-dashboard${path.replace('/', '-')}`);
      }
    } finally {
      await phone.close();
    }
  });

  test('no page logged an error or a failed request (the favicon included)', async () => {
    const res = await fetch(`${b.base}/dashboard`);
    const html = await res.text();
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(icon, 'the page names its icon');
    assert.equal((await fetch(`${b.base}${icon}`)).status, 200);
    b.assertNoErrors();
  });
});
