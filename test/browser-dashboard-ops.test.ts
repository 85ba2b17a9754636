/**
 * The dashboard's operations pages in Chromium: Backorders & pre-orders (queues, inbound stock with late
 * deliveries flagged, the order dialog, the allocation policy), Waitlists (demand, the sign-ups chart,
 * subscribers, the policy), Messages (the list, filters, a preview sanitised in a sandboxed frame, links listed
 * beside it, a hostile email shown without its script, remote images or remote CSS), and Webhooks (endpoints
 * with the event picker, deliveries, redelivery, pause and delete, volume, parked events). axe-core on each page,
 * each page at 390 px without horizontal overflow, screenshots in test-results/, no console errors.
 * The reactors and the webhook dispatcher run by hand (`runReactors`, `dispatcher.runDue`).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { addDays } from '../src/core/clock.ts';
import { ADMIN_KEY_STORAGE, browserSuite, requireChromium, SEED_DATES, TODAY, WAIT } from './helpers/browser.ts';

const skip = requireChromium();
const LAMP_LATER = addDays(TODAY, 30);
const CAP_LATE = addDays(TODAY, -3);
/** How the dashboard writes a calendar date. */
const shortDate = (iso: string) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function waitForText(locator: Locator, expected: RegExp, timeout = WAIT): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout }).catch(() => '')) ?? '';
    if (expected.test(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`expected ${expected} but the page shows '${last.trim()}'`);
}

describe('browser: the dashboard’s backorders, waitlists, messages and webhooks', { skip }, () => {
  const b = browserSuite();
  let receiver: Server;
  let receiverBase = '';
  const received: Array<{ path: string; type: string }> = [];
  /** Requests any page made to the "remote" host a hostile email points at. */
  const remote: string[] = [];

  before(async () => {
    await b.start();
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
  });
  afterEach(() => b.closePages());
  after(async () => {
    await b.stop();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  });

  /**
   * The dashboard at /dashboard{path}, signed in as after the sign-in form: the key goes into the tab's
   * session storage and the page reloads. (openDashboard's init script would also run in the preview frame,
   * whose opaque origin has no storage, and fail there.)
   */
  async function signedIn(path: string, on?: BrowserContext): Promise<Page> {
    const p = await b.open(`/dashboard${path}`, on);
    await p.locator('#admin-key').waitFor();
    await p.evaluate(([k, key]) => sessionStorage.setItem(k as string, key as string), [ADMIN_KEY_STORAGE, b.keys.admin]);
    await p.reload();
    return p;
  }

  /** The innermost elements that reach past the window's right edge, for the failure message. */
  const tooWide = (p: Page) =>
    p.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`)
        .join(', '),
    );

  /** The page is no wider than its window (1280 px here). */
  async function fits(p: Page): Promise<void> {
    const [scroll, inner] = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${p.url()} is ${scroll}px wide in a ${inner}px window; too wide: ${await tooWide(p)}`);
  }

  async function page(path: string): Promise<Page> {
    const p = await signedIn(path);
    p.on('request', (r) => {
      if (r.url().startsWith('http://remote.example')) remote.push(r.url());
    });
    await p.locator('main h1').first().waitFor();
    return p;
  }

  test('Backorders & pre-orders: the queues, inbound stock (add, late, change date and quantity, receive, cancel), the order dialog and the allocation policy', async () => {
    const lamp = await b.api('POST', '/v1/orders', { customer: { id: 'c-dee', email: 'dee@example.com' }, lines: [{ sku: 'LAMP-BRASS', quantity: 1 }] }, b.keys.checkout);
    assert.equal(lamp.status, 201, JSON.stringify(lamp.body));
    assert.equal((await b.api('POST', '/v1/orders', { customer: { id: 'c-atlas', email: 'atlas@example.com' }, lines: [{ sku: 'ATLAS-ISLANDS', quantity: 1 }] }, b.keys.checkout)).status, 201);
    // A delivery that should have arrived three days ago.
    assert.equal((await b.api('POST', '/v1/inbound', { sku: 'CAP-RED', location: 'WH2', quantity: 6, expectedDate: CAP_LATE, reference: 'PO-LATE' })).status, 201);

    const dash = await page('/orders');
    const queue = dash.locator('#queue');
    await waitForText(queue, new RegExp(`#1[\\s\\S]*LAMP-BRASS[\\s\\S]*Brass desk lamp[\\s\\S]*ord_[\\s\\S]*${shortDate(SEED_DATES.lampShips)}`));
    await waitForText(dash.locator('#queue-summary'), /^1 unit backordered on 1 line across 1 SKU$/);
    await waitForText(dash.getByRole('button', { name: /^Backorders/ }), /^Backorders 1$/);
    await waitForText(dash.getByRole('button', { name: /^Pre-orders/ }), /^Pre-orders 1$/);
    await dash.getByRole('button', { name: /^Pre-orders/ }).click();
    await waitForText(queue, new RegExp(`ATLAS-ISLANDS[\\s\\S]*${shortDate(SEED_DATES.atlasRelease)}`));
    await dash.getByRole('button', { name: /^Backorders/ }).click();
    await waitForText(queue, /LAMP-BRASS/);

    // The late delivery is flagged.
    const late = dash.locator('#inbound li', { hasText: 'PO-LATE' });
    await waitForText(late, /CAP-RED[\s\S]*Late/);
    assert.equal(await late.getAttribute('data-late'), 'true');
    await waitForText(dash.locator('.late-notice'), /1 delivery is late/);

    // Expect more stock, started from the queue.
    await queue.getByRole('button', { name: '+ Expect stock' }).first().click();
    assert.equal(await dash.locator('#inbound-sku').inputValue(), 'LAMP-BRASS');
    assert.equal(await dash.locator('#inbound-quantity').inputValue(), '1');
    await dash.locator('#inbound-location').selectOption('WH2');
    await dash.locator('#inbound-quantity').fill('10');
    await dash.locator('#inbound-date').fill(LAMP_LATER);
    await dash.locator('#inbound-reference').fill('PO-2001');
    await dash.getByRole('button', { name: 'Add inbound' }).click();
    await waitForText(dash.locator('#inbound-form .notice'), /Expecting 10 × LAMP-BRASS at WH2/);
    await waitForText(dash.locator('#inbound'), /PO-1002[\s\S]*PO-2001/);
    await b.shot(dash, 'dashboard-ops-backorders');
    await fits(dash);

    // Move the new delivery's date and change its quantity.
    const po2001 = dash.locator('#inbound li', { hasText: 'PO-2001' });
    await po2001.getByRole('button', { name: 'Change date' }).click();
    await po2001.locator('input[type=date]').fill(addDays(TODAY, 35));
    await po2001.getByRole('button', { name: 'Save date' }).click();
    await waitForText(dash.locator('#toast'), /LAMP-BRASS is now expected on/);
    await po2001.getByRole('button', { name: 'Change quantity' }).click();
    await po2001.locator('input[type=number]').fill('12');
    await po2001.getByRole('button', { name: 'Save quantity' }).click();
    await waitForText(po2001, /12 units/);
    const stored = (await b.api('GET', '/v1/inbound?sku=LAMP-BRASS&status=open')).body.items.find((i: { reference: string }) => i.reference === 'PO-2001');
    assert.deepEqual([stored.expectedDate, stored.quantity], [addDays(TODAY, 35), 12]);

    // The order opens with its lines.
    await queue.locator('button.link.mono').first().click();
    const dialog = dash.locator('dialog.modal');
    await waitForText(dialog, /dee@example\.com[\s\S]*LAMP-BRASS[\s\S]*Backordered/);
    await b.axe(dash, 'the order dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Receive the first delivery: the waiting lamp is served and leaves the queue.
    const po1002 = dash.locator('#inbound li', { hasText: 'PO-1002' });
    await po1002.getByRole('button', { name: 'Receive', exact: true }).click();
    assert.equal(await po1002.locator('input[type=number]').inputValue(), '5');
    await po1002.getByRole('button', { name: 'Receive now' }).click();
    await waitForText(dash.locator('#toast'), /Received 5 × LAMP-BRASS at WH1/);
    await waitForText(queue, /No one is waiting on a backorder\./);
    assert.deepEqual((await b.api('GET', '/v1/backorders?sku=LAMP-BRASS')).body.items, []);

    // The overview's way in: /orders?inbound=late shows only the late delivery.
    const lateOnly = await page('/orders?inbound=late');
    await waitForText(lateOnly.locator('#inbound'), /^(?![\s\S]*PO-1001)[\s\S]*Late[\s\S]*PO-LATE/);
    assert.equal(await lateOnly.locator('#inbound-status').inputValue(), 'late');
    await lateOnly.close();

    // Cancel the late one.
    await late.getByRole('button', { name: 'Cancel' }).click();
    await late.getByRole('button', { name: 'Yes, cancel it' }).click();
    await waitForText(dash.locator('#toast'), /Inbound PO-LATE cancelled/);
    await waitForText(dash.locator('#inbound'), /^(?![\s\S]*PO-LATE)/);

    // A waiting pre-order line is cancelled from its order's dialog; its place goes.
    await dash.getByRole('button', { name: /^Pre-orders/ }).click();
    await queue.locator('button.link.mono').first().click();
    await waitForText(dialog, /atlas@example\.com[\s\S]*ATLAS-ISLANDS[\s\S]*Pre-ordered/);
    await dialog.getByRole('button', { name: 'Cancel line' }).click();
    await waitForText(dialog, /Cancelled/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitForText(queue, /No pre-orders are waiting\./);
    assert.deepEqual((await b.api('GET', '/v1/preorders?sku=ATLAS-ISLANDS')).body.items, []);
    await dash.getByRole('button', { name: /^Backorders/ }).click();

    // Allocation policy: priority by tier.
    await dash.locator('#strategy-priority').check();
    await dash.getByRole('button', { name: '+ Add tier' }).click();
    await dash.locator('#tier-ranks .tier-name').last().fill('vip');
    await dash.locator('#tier-ranks .tier-rank').last().fill('0');
    await dash.getByRole('button', { name: 'Save policy' }).click();
    await waitForText(dash.locator('#allocation-form .notice'), /Saved: arriving stock goes to higher tiers first\./);
    const saved = (await b.api('GET', '/v1/settings/allocation')).body;
    assert.deepEqual([saved.strategy, saved.tierRanks], ['priority', { vip: 0 }]);
    await b.axe(dash, 'Backorders & pre-orders');
    await b.shot(dash, 'dashboard-ops-backorders-after');
  });

  test('Waitlists: demand per SKU with the sign-ups chart, subscribers with a search, and the policy', async () => {
    const policy = (await b.api('GET', '/v1/settings/waitlist')).body;
    // Without double opt-in, sign-ups wait at once; stock for one of them notifies ada first.
    await b.api('PUT', '/v1/settings/waitlist', { ...policy, doubleOptIn: false });
    for (const [email, quantity] of [['ada@example.com', 2], ['bo@example.com', 1], ['cy@example.com', 3]] as const) {
      assert.equal((await b.api('POST', '/v1/waitlist', { sku: 'SCARF-GREY', email, quantity }, b.keys.storefront)).status, 202);
    }
    assert.equal((await b.api('POST', '/v1/waitlist', { sku: 'BOOT-TRAIL', email: 'dan@example.com' }, b.keys.storefront)).status, 202);
    await b.api('POST', '/v1/inventory/adjustments', { sku: 'SCARF-GREY', location: 'WH1', delta: 2, reason: 'supplier delivery' });
    await b.restock.runReactors();

    const dash = await page('/waitlists');
    const row = dash.locator('#waitlist-stats tbody tr', { hasText: 'SCARF-GREY' });
    await waitForText(row.locator('[data-col=notified]'), /^1$/);
    await waitForText(row.locator('[data-col=units]'), /^4$/);
    await waitForText(dash.locator('#waitlist-kpis'), /Waiting[\s\S]*Units wanted/);
    await dash.locator('[data-testid="signups-chart"] canvas').waitFor();
    assert.match((await dash.locator('[data-testid="signups-chart"]').getAttribute('aria-label')) ?? '', /^4 waitlist sign-ups across all SKUs/);

    await row.getByRole('button', { name: 'SCARF-GREY' }).click();
    await waitForText(dash.locator('#signups-title'), /SCARF-GREY/);
    // …and the same list from a link (/waitlists?sku=…).
    const linked = await page('/waitlists?sku=BOOT-TRAIL');
    await waitForText(linked.locator('#waitlist-people'), /Subscribers BOOT-TRAIL[\s\S]*dan@example\.com/);
    await linked.close();
    assert.match((await dash.locator('[data-testid="signups-chart"]').getAttribute('aria-label')) ?? '', /^3 waitlist sign-ups for SCARF-GREY/);
    const people = dash.locator('#waitlist-people');
    // In list order: ada was told first; bo and cy wait in their places.
    await waitForText(people, /ada@example\.com[\s\S]*Notified[\s\S]*#1[\s\S]*bo@example\.com[\s\S]*Waiting[\s\S]*#2[\s\S]*cy@example\.com[\s\S]*Waiting/);
    await people.locator('#people-search').fill('cy@');
    await waitForText(people.locator('tbody'), /^(?![\s\S]*(ada|bo)@)[\s\S]*cy@example\.com/);
    await people.locator('#people-search').fill('');
    await people.locator('#people-status').selectOption('notified');
    await waitForText(people.locator('tbody'), /^(?![\s\S]*(bo|cy)@)[\s\S]*ada@example\.com/);

    await dash.locator('#wl-double-opt-in').check();
    await dash.locator('#wl-hold').fill('2');
    await dash.getByRole('button', { name: 'Save policy' }).click();
    await waitForText(dash.locator('#waitlist-policy .notice'), /Saved\. New sign-ups confirm by email first; notified people get a 2 h hold\./);
    const saved = (await b.api('GET', '/v1/settings/waitlist')).body;
    assert.deepEqual([saved.doubleOptIn, saved.holdHours], [true, 2]);
    await b.axe(dash, 'Waitlists');
    await b.shot(dash, 'dashboard-ops-waitlists');
    await fits(dash);
    await b.api('PUT', '/v1/settings/waitlist', { ...saved, holdHours: 0 });
  });

  test('Messages: the list with filters and a search, the volume chart, a preview in a sandboxed frame with its links listed beside it', async () => {
    const dash = await page('/messages');
    const list = dash.locator('#message-list');
    const restocked = list.locator('button.message[data-type="back_in_stock"]', { hasText: 'ada@example.com' });
    await waitForText(restocked, /ada@example\.com[\s\S]*Back in stock: Grey wool scarf/);
    await dash.locator('[data-testid="message-volume"] canvas').waitFor();

    // The type filter and the search.
    await dash.locator('#message-type').selectOption('back_in_stock');
    await waitForText(list.locator('tbody'), /^(?![\s\S]*Order dates)[\s\S]*Back in stock/);
    await dash.locator('#message-search').fill('ada@example.com');
    await waitForText(list.locator('tbody'), /^(?![\s\S]*(bo|cy|dan)@)[\s\S]*ada@example\.com/);
    await dash.getByRole('button', { name: /^Queued/ }).click();
    await waitForText(list.locator('tbody'), /ada@example\.com/);

    await restocked.click();
    await waitForText(dash.locator('#message-preview .preview-subject'), /^Back in stock: Grey wool scarf$/);
    const frame = dash.locator('#message-preview iframe');
    // Scripts for our drawing code only, and an opaque origin: nothing in the frame reaches the dashboard.
    assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts');
    const inFrame = dash.frameLocator('#message-preview iframe');
    await waitForText(inFrame.locator('body'), /Grey wool scarf \(SCARF-GREY\) is back in stock\.[\s\S]*You wanted 2/);
    // The email's own styles are applied (the template's body width, its grey unsubscribe link), though the page's CSP refuses inline styles.
    assert.equal(await inFrame.locator('body').evaluate((el) => getComputedStyle(el).maxWidth), '560px');
    const anchors = await inFrame.locator('body').evaluate((el) => [...el.querySelectorAll('a')].map((a) => [getComputedStyle(a).color, a.getAttribute('href')]));
    assert.ok(anchors.some(([color]) => color === 'rgb(119, 119, 119)'), JSON.stringify(anchors));
    assert.ok(anchors.every(([, href]) => href === null), 'links are not followed inside the preview');
    assert.equal(await frame.evaluate((f) => { try { return (f as HTMLIFrameElement).contentDocument === null; } catch { return true; } }), true, 'the frame is cross-origin to the dashboard');
    const links = dash.locator('#message-preview .preview-links');
    await waitForText(links, /\/w\/unsubscribe\//);
    assert.match((await links.locator('a').last().getAttribute('href')) ?? '', /\/w\/unsubscribe\//);
    await b.axe(dash, 'Messages');
    await b.shot(dash, 'dashboard-ops-messages');
    await fits(dash);
    await dash.getByRole('button', { name: 'Plain text' }).click();
    await waitForText(dash.locator('#message-preview .text-body'), /Stop messages about this item: http/);
  });

  test('Messages: a hostile email shows without its script, handlers, remote images or remote CSS, and nothing is fetched', async () => {
    const hostile = [
      '<!doctype html><html lang="en"><head><style>@import url(http://remote.example/a.css); p.x { border-top: 3px solid rgb(0, 0, 255); } body { background-image: url(http://remote.example/bg.png); }',
      '@font-face { font-family: Spy; src: url(http://remote.example/font.woff2); } .d { background-image: url(data:image/gif;base64,R0lGODlhAQABAAAAACw=); }</style></head>',
      '<body style="background: url(http://remote.example/body.png); color: rgb(20, 20, 20)">',
      '<script>parent.postMessage({type:"restock-preview-size",height:9999},"*");document.title="pwned"</script>',
      '<p class="x" style="color: rgb(200, 0, 0); background-image: u\\72l(http://remote.example/escaped.png)" onclick="alert(1)">Hello, styled</p>',
      '<img src="http://remote.example/track.gif" alt="Shop logo"><img src="http://remote.example/pixel.gif">',
      '<a href="javascript:alert(1)">bad link</a> <a href="https://shop.example/deal">good link</a>',
      '<form action="http://remote.example/steal"><input name="card"></form><iframe src="http://remote.example/frame"></iframe>',
      '<table background="http://remote.example/t.png"><tr><td class="d">cell</td></tr></table>',
      '<svg><image href="http://remote.example/svg.png"/></svg><link rel="stylesheet" href="http://remote.example/l.css">',
      '<meta http-equiv="refresh" content="0;url=http://remote.example/"><base href="http://remote.example/">',
      '<video poster="http://remote.example/p.png"></video><img srcset="http://remote.example/s.png 1x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot">',
      '<style>.e { background: \\75rl(http://remote.example/esc.png) }</style><div class="e" style="background-image: image-set(\'http://remote.example/is.png\' 1x)">escaped</div>',
      '</body></html>',
    ].join('\n');
    await b.restock.db.kysely.updateTable('messages').set({ html_body: hostile, subject: 'Hostile email' }).where('to_addr', '=', 'ada@example.com').execute();

    const dash = await page('/messages');
    const item = dash.locator('#message-list button.message', { hasText: 'Hostile email' }).first();
    await item.click();
    const inFrame = dash.frameLocator('#message-preview iframe');
    const p = inFrame.locator('p.x');
    await waitForText(p, /^Hello, styled$/);
    // What is kept is drawn as sent: the inline colour and the <style> rule.
    assert.equal(await p.evaluate((el) => getComputedStyle(el).color), 'rgb(200, 0, 0)');
    assert.equal(await p.evaluate((el) => getComputedStyle(el).borderTopColor), 'rgb(0, 0, 255)');
    assert.equal(await p.evaluate((el) => getComputedStyle(el).backgroundImage), 'none');
    assert.equal(await p.getAttribute('onclick'), null);
    assert.equal(await inFrame.locator('body').evaluate((el) => getComputedStyle(el).backgroundImage), 'none');
    assert.equal(await inFrame.locator('body').evaluate((el) => getComputedStyle(el).color), 'rgb(20, 20, 20)');
    assert.match(await inFrame.locator('td.d').evaluate((el) => getComputedStyle(el).backgroundImage), /^url\("data:image\/gif/);
    assert.equal(await inFrame.locator('body').locator('script, form, input, iframe, svg, link, meta, base, video, [background], [srcset]').count(), 0);
    assert.equal(await inFrame.locator('body img').count(), 1, 'a data: image stays');
    assert.equal(await inFrame.locator('div.e').evaluate((el) => getComputedStyle(el).backgroundImage), 'none');
    await waitForText(inFrame.locator('body'), /\[Shop logo\][\s\S]*bad link[\s\S]*good link/);
    assert.notEqual(await inFrame.locator('html').evaluate(() => document.title), 'pwned');
    // The script's forged height never arrived: the frame is sized by what it draws.
    assert.ok(Number((await dash.locator('#message-preview iframe').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height))) < 1400);
    const links = dash.locator('#message-preview .preview-links');
    await waitForText(links, /good link[\s\S]*https:\/\/shop\.example\/deal/);
    assert.equal(await links.locator('a').count(), 1, 'javascript: links are not listed');
    await waitForText(dash.locator('#message-preview .preview-removed'), /scripts or embedded objects, 1 event handler, 3 remote images, \d+ remote styles/);
    await b.shot(dash, 'dashboard-ops-messages-hostile');
    assert.deepEqual(remote, [], 'the preview fetched nothing from the hostile email’s host');
  });

  test('Webhooks: endpoints with the event picker, deliveries with redelivery, pause, resume and delete, the volume chart, parked events', async () => {
    const dash = await page('/webhooks');
    await waitForText(dash.locator('#webhook-list'), /No endpoints yet/);
    await dash.locator('#ev-order-all').waitFor();
    await dash.locator('#webhook-url').fill(`${receiverBase}/ok`);
    await dash.locator('#webhook-description').fill('ERP sync');
    await dash.locator('#ev-order-all').check();
    await dash.locator('[id="ev-inventory.back_in_stock"]').check();
    await dash.getByRole('button', { name: 'Add endpoint' }).click();
    await waitForText(dash.locator('#webhook-secret'), /Copy its signing secret now[\s\S]*whsec_/);
    await dash.locator('#webhook-url').fill(`${receiverBase}/fail`);
    await dash.locator('#ev-all').check();
    await dash.getByRole('button', { name: 'Add endpoint' }).click();
    const okHook = dash.locator('article.hook', { hasText: '/ok' });
    const failHook = dash.locator('article.hook', { hasText: '/fail' });
    await waitForText(okHook, /ERP sync[\s\S]*(order\.\*[\s\S]*inventory\.back_in_stock|inventory\.back_in_stock[\s\S]*order\.\*)/);
    await waitForText(failHook, /Active\*/);
    const hooks = (await b.api('GET', '/v1/webhooks')).body.items;
    assert.deepEqual(hooks.map((w: { url: string; events: string[] }) => [new URL(w.url).pathname, [...w.events].sort()]).sort(), [['/fail', ['*']], ['/ok', ['inventory.back_in_stock', 'order.*']]]);

    // Something happens in the shop; deliveries go out.
    assert.equal((await b.api('POST', '/v1/orders', { customer: { id: 'c-77', email: 'eve@example.com' }, lines: [{ sku: 'LAMP-BRASS', quantity: 1 }] }, b.keys.checkout)).status, 201);
    await b.restock.runReactors();
    await b.restock.webhooks.dispatcher.runDue();
    assert.ok(received.some((r) => r.path === '/ok' && r.type === 'order.created'), JSON.stringify(received));

    await okHook.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = dash.locator('#deliveries');
    const row = deliveries.locator('tbody tr', { hasText: 'order.created' }).filter({ hasText: 'Delivered' }).first();
    await waitForText(row, /order\.created[\s\S]*Delivered[\s\S]*1[\s\S]*HTTP 204/);
    await failHook.getByRole('button', { name: 'Deliveries' }).click();
    await waitForText(deliveries, /HTTP 500/);
    await dash.locator('#delivery-status').selectOption('delivered');
    await waitForText(deliveries, /No deliveries with this status\./);
    await dash.locator('#delivery-status').selectOption('');
    await dash.locator('[data-testid="webhook-volume"] canvas').waitFor();
    await waitForText(dash.locator('#parked-events'), /Nothing parked: every reactor is keeping up\./);
    await b.axe(dash, 'Webhooks');
    await b.shot(dash, 'dashboard-ops-webhooks');
    await fits(dash);

    await okHook.getByRole('button', { name: 'Deliveries' }).click();
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await waitForText(dash.locator('#toast'), /queued again, with the same webhook-id/);
    await deliveries.locator('tbody tr', { hasText: 'order.created' }).filter({ hasText: 'Pending' }).first().waitFor();

    // Pause and resume; delete stops the endpoint.
    await failHook.getByRole('button', { name: 'Pause' }).click();
    await waitForText(failHook, /Paused/);
    await failHook.getByRole('button', { name: 'Resume' }).click();
    await waitForText(failHook, /Active/);
    await failHook.getByRole('button', { name: 'Delete' }).click();
    await failHook.getByRole('button', { name: 'Yes, delete' }).click();
    await waitForText(dash.locator('#toast'), /stopped: nothing more is sent to it/);
    const fail = (await b.api('GET', '/v1/webhooks')).body.items.find((w: { url: string }) => w.url.endsWith('/fail'));
    assert.equal(fail.active, false);
  });

  test('on a phone (390 px) and a tablet (800 px) every operations page fits the screen', async () => {
    const phone = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const tablet = await b.newContext({ viewport: { width: 800, height: 1000 } });
    try {
      for (const [device, on, width] of [['phone', phone, 390], ['tablet', tablet, 800]] as const) {
        for (const path of ['/orders', '/waitlists', '/messages', '/webhooks']) {
          const dash = await signedIn(path, on);
          await dash.locator('main h1').first().waitFor();
          await waitForText(dash.locator('.data-table .pager'), /of \d/);
          if (path === '/messages') {
            await dash.locator('#message-list button.message').first().click();
            await dash.frameLocator('#message-preview iframe').locator('body p').first().waitFor();
          }
          if (path === '/webhooks') await dash.locator('[data-testid="webhook-volume"] canvas').waitFor();
          await dash.waitForTimeout(300);
          await b.shot(dash, `${device}-dashboard-ops${path.replace('/', '-')}`);
          const scroll = await dash.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `${path} is ${scroll}px wide on a ${width}px screen; too wide: ${await tooWide(dash)}`);
          await dash.close();
        }
      }
    } finally {
      await phone.close();
      await tablet.close();
    }
  });

  test('no page logged an error', () => b.assertNoErrors());
});
