/**
 * The whole out-of-stock journey across the three pages, in Chromium: a shopper signs up for a sold-out item
 * with the widget; the operator receives stock on the dashboard's SKU page; the "back in stock" notice arrives in
 * the demo inbox with a working "held for you" link; the shopper follows it and buys; the dashboard's overview
 * no longer lists the SKU as out of stock. Fails on any console error or failed request (test/helpers/browser.ts).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { browserSuite, requireChromium, WAIT } from './helpers/browser.ts';

const skip = requireChromium();

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

describe('browser: from sold out to sold, across the shop, the dashboard and the inbox', { skip }, () => {
  const b = browserSuite();
  before(() => b.start());
  after(() => b.stop());
  afterEach(() => b.closePages());

  test('sign-up with the widget, receipt on the dashboard, the held-for-you email in the inbox, checkout', async () => {
    // The shop holds the unit for the first person on the list; no double opt-in, so the sign-up counts at once.
    const policy = (await b.api('GET', '/v1/settings/waitlist')).body;
    assert.equal((await b.api('PUT', '/v1/settings/waitlist', { ...policy, doubleOptIn: false, holdHours: 2 })).status, 200);
    const sku = 'KETTLE-COPPER';

    // 1. The shopper meets the sold-out product page and asks to be told.
    const shop = await b.open(`/#/product/${sku}`);
    const widget = shop.locator(`restock-availability[sku="${sku}"]`);
    await waitForText(widget.locator('.badge').first(), /^Out of stock$/);
    await widget.getByRole('textbox', { name: 'Email' }).fill('dee@example.com');
    await widget.getByRole('button', { name: 'Notify me' }).click();
    await waitForText(widget.locator('.notify-result'), /dee@example\.com/);
    await b.shot(shop, 'journey-1-notify');

    // 2. The operator sees it on the overview, opens the SKU and receives stock.
    const dash = await b.openDashboard('/');
    const outCard = dash.locator('main').getByRole('link', { name: new RegExp(sku) }).first();
    await outCard.waitFor();
    await b.shot(dash, 'journey-2-overview');
    await dash.goto(`${b.base}/dashboard/skus/${sku}`);
    await dash.getByRole('heading', { name: new RegExp(sku), level: 1 }).waitFor();
    await dash.locator('#move-location').selectOption('WH1');
    await dash.locator('#move-quantity').fill('2');
    await dash.locator('#move-reference').fill('PO-4001');
    await dash.getByRole('button', { name: 'Receive stock' }).click();
    await waitForText(dash.locator('#movement-result'), /Received 2 at WH1/);
    await b.shot(dash, 'journey-3-received');
    await b.restock.runReactors();

    // 3. The notice is in the shopper's inbox with a link that holds the unit; the shopper buys it.
    const inboxKey = b.keys.admin;
    const inbox = await b.context.newPage();
    await inbox.addInitScript((key) => sessionStorage.setItem('restock.adminKey', key), inboxKey);
    await inbox.goto(`${b.base}/#/inbox`);
    await inbox.locator('#inbox-email').fill('dee@example.com');
    await inbox.getByRole('button', { name: 'Show' }).click();
    const mail = inbox.locator('#view-inbox .mail[data-type="back_in_stock"]');
    await waitForText(mail, /Back in stock: Copper kettle/);
    await b.shot(inbox, 'journey-4-inbox');
    await mail.locator('a[href*="/w/hold/"]').click();
    await inbox.getByRole('heading', { name: 'Held for you' }).waitFor();
    await inbox.getByRole('link', { name: 'Complete your purchase' }).click();
    await waitForText(inbox.locator('#view-cart .hold'), /1 × Copper kettle/);
    await inbox.locator('#checkout-email').fill('dee@example.com');
    await inbox.getByRole('button', { name: 'Place order' }).click();
    await waitForText(inbox.locator('#view-order .order-line'), /1 × Copper kettle[\s\S]*1 ships now/);
    await b.shot(inbox, 'journey-5-ordered');
    await b.restock.runReactors();

    // 4. The list converted, and the overview no longer counts the SKU as out of stock.
    const stats = (await b.api('GET', `/v1/waitlist/stats?sku=${sku}`)).body.items[0];
    assert.deepEqual([stats.notified, stats.converted], [1, 1]);
    const overview = (await b.api('GET', '/v1/overview')).body;
    assert.ok(!overview.outOfStock.items.some((i: { sku: string }) => i.sku === sku), JSON.stringify(overview.outOfStock));
    await b.api('PUT', '/v1/settings/waitlist', policy);
  });

  test('no page logged an error or failed a request', () => b.assertNoErrors());
});
