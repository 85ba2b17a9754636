// The supplier portal in Chromium: a purchase order is sent, the supplier opens the link from the email, cuts
// one line and rejects the other, and sees the answer; the PO shows it through the API. Failover then re-sources
// the cut and the rejected units to the next supplier, and the operator sees it in the dashboard: the decision
// log on the PO page, and the next supplier's PO with the re-sourced lines linking back. A tampered or expired
// link gets a 4xx page that says so. Skips (visibly) until the suppliers routes exist in the app (issue 12).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, requireChromium, TODAY, WAIT } from './helpers/browser.ts';
import { startSmtpSink } from './helpers/smtp.ts';
import { addDays } from '../src/core/clock.ts';
import { signPortalToken } from '../src/suppliers/po-document.ts';

const noChromium = requireChromium();
const b = browserSuite();

describe('supplier portal in the browser', { skip: noChromium }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let missing: string | false = false;
  let poId = '';
  let supplierId = '';
  let nextSupplierId = '';
  let link = '';
  let answered = false;

  before(async () => {
    smtp = await startSmtpSink();
    await b.start({ restock: { smtp: { smtpUrl: smtp.url, from: 'Restock <buyer@shop.example>' } } });
    const probe = await b.api('GET', '/v1/suppliers');
    const page = await fetch(`${b.base}/v1/portal/purchase-orders/x`);
    if (probe.status === 404 || page.status === 404) missing = 'the suppliers and portal routes are not in the app yet (issue 12 merge)';
  });
  after(async () => {
    await b.stop();
    await smtp?.close();
  });

  it('a sent purchase order reaches the supplier by email with a portal link', async (t) => {
    if (missing) return t.skip(missing);
    const s = await b.api('POST', '/v1/suppliers', { name: 'Acme Parts', email: 'orders@acme.example', channel: 'email', currency: 'EUR', leadTimeDays: 7, leadTimeSdDays: 1, ackDeadlineHours: 48 });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    supplierId = s.body.id;
    for (const sku of ['TEE-BLK', 'MUG-ENAMEL']) {
      const o = await b.api('POST', `/v1/suppliers/${supplierId}/offers`, { sku, unitCost: 6.5, minQuantity: 1, multiple: 1 });
      assert.equal(o.status, 201, JSON.stringify(o.body));
    }
    // The next supplier, dearer: failover's choice when Acme cuts or rejects.
    const next = await b.api('POST', '/v1/suppliers', { name: 'Beta Supply', email: 'po@beta.example', channel: 'portal', currency: 'EUR', leadTimeDays: 10, leadTimeSdDays: 2, ackDeadlineHours: 48 });
    assert.equal(next.status, 201, JSON.stringify(next.body));
    nextSupplierId = next.body.id;
    for (const sku of ['TEE-BLK', 'MUG-ENAMEL']) {
      const o = await b.api('POST', `/v1/suppliers/${nextSupplierId}/offers`, { sku, unitCost: 7.5, minQuantity: 1, multiple: 1 });
      assert.equal(o.status, 201, JSON.stringify(o.body));
    }
    const po = await b.api('POST', '/v1/purchase-orders', { supplierId, lines: [{ sku: 'TEE-BLK', location: 'WH1', quantity: 20 }, { sku: 'MUG-ENAMEL', location: 'WH1', quantity: 10 }] });
    assert.equal(po.status, 201, JSON.stringify(po.body));
    poId = po.body.id;
    const sent = await b.api('POST', `/v1/purchase-orders/${poId}/send`);
    assert.ok(sent.status < 300, JSON.stringify(sent.body));

    await b.restock.runReactors();
    await b.restock.dispatcher?.runUntilIdle();
    const mail = smtp.mails.find((m) => m.to.includes('orders@acme.example'));
    assert.ok(mail, 'the supplier got an email');
    assert.match(mail.subject, new RegExp(`Purchase order ${poId}`));
    assert.match(mail.raw, /filename="purchase-order-[^"]+\.csv"/);
    const found = /(http:\/\/127\.0\.0\.1:\d+\/portal\/purchase-orders\/[^\s?]+\?token=\S+)/.exec(mail.text);
    assert.ok(found, mail.text);
    link = found[1] as string;
    const listed = await b.api('GET', '/v1/messages?type=purchase_order');
    assert.equal(listed.body.items.length, 1);
  });

  it('the supplier cuts one line and rejects the other, once, and sees the result', async (t) => {
    if (missing || !link) return t.skip(missing || 'no link (the previous test failed)');
    const page = await b.open(link);
    await page.getByRole('heading', { level: 1, name: `Purchase order ${poId}` }).waitFor({ timeout: WAIT });
    await b.axe(page, 'the portal page');

    // Line 1 (TEE-BLK): confirm fewer, on another day — chosen by keyboard.
    const tee = page.locator('fieldset.line', { hasText: 'TEE-BLK' });
    await tee.getByLabel('Confirm fewer', { exact: true }).focus();
    await page.keyboard.press('Space');
    const later = addDays(TODAY, 10);
    await tee.getByLabel(/Units you can deliver/).fill('12');
    await tee.getByLabel('Delivery date', { exact: true }).fill(later);

    // Line 2 (MUG-ENAMEL): reject; without a reason the page refuses to send.
    const mug = page.locator('fieldset.line', { hasText: 'MUG-ENAMEL' });
    await mug.getByLabel('Reject', { exact: true }).check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByText('Say why you reject this line.').waitFor({ timeout: WAIT });
    assert.equal(await mug.getByLabel(/Reason for rejecting/).evaluate((el) => el === document.activeElement), true, 'focus moves to the field to correct');
    await mug.getByLabel(/Reason for rejecting/).fill('Discontinued by the maker');

    const answers: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/answer')) answers.push(r.url());
    });
    const submit = page.getByRole('button', { name: 'Send my answer' });
    await submit.click();
    await page.getByRole('heading', { name: /your answer is recorded/ }).waitFor({ timeout: WAIT });
    assert.equal(answers.length, 1, 'sent once');
    const rows = page.locator('#result-lines tr');
    assert.match((await rows.filter({ hasText: 'TEE-BLK' }).textContent()) ?? '', /20\s*12.*Confirmed \(fewer\)/);
    assert.match((await rows.filter({ hasText: 'MUG-ENAMEL' }).textContent()) ?? '', /Rejected: Discontinued by the maker/);
    await b.shot(page, 'portal-answered');

    const po = await b.api('GET', `/v1/purchase-orders/${poId}`);
    const bySku = new Map<string, { status: string; confirmedQuantity: number | null; rejectReason?: string | null; confirmedDate?: string | null }>(po.body.lines.map((l: { sku: string }) => [l.sku, l]));
    assert.equal(bySku.get('TEE-BLK')?.confirmedQuantity, 12);
    assert.equal(bySku.get('TEE-BLK')?.confirmedDate, later);
    assert.equal(bySku.get('MUG-ENAMEL')?.status, 'rejected');

    // Opening the link again shows the answer, not the form.
    const again = await b.open(link);
    await again.getByRole('heading', { name: 'This purchase order is answered' }).waitFor({ timeout: WAIT });
    answered = true;
    b.assertNoErrors();
  });

  it('failover re-sources the cut and the rejected units, and the dashboard shows the decision log and the next PO', async (t) => {
    if (missing || !answered) return t.skip(missing || 'not answered (the previous test failed)');
    if (!('failover' in b.restock)) return t.skip('the failover service is not on this branch yet');
    const dash = await b.openDashboard(`/purchase-orders/${encodeURIComponent(poId)}`);
    await dash.getByRole('heading', { level: 1, name: `Purchase order ${poId}` }).waitFor({ timeout: WAIT });
    // The outbox reactor re-sources the answer; the page follows the live stream.
    await b.restock.runReactors();
    const decisions = dash.locator('#decisions article.decision');
    const short = decisions.filter({ hasText: 'Confirmed short' });
    const rejected = decisions.filter({ hasText: 'Rejected by the supplier' });
    await short.waitFor({ timeout: WAIT });
    await rejected.waitFor({ timeout: WAIT });
    const log = (await b.api('GET', `/v1/purchase-orders/${poId}/decisions`)).body.items as Array<{ trigger: string; quantity: number; lineId: string; chosen: { supplierId: string; poId: string; quantity: number } | null }>;
    const byTrigger = new Map(log.map((d) => [d.trigger, d]));
    assert.equal(byTrigger.get('short')?.quantity, 8, 'only the cut units');
    assert.equal(byTrigger.get('rejected')?.quantity, 10);
    assert.equal(byTrigger.get('short')?.chosen?.supplierId, nextSupplierId);
    assert.equal(byTrigger.get('rejected')?.chosen?.supplierId, nextSupplierId);
    const nextPoId = byTrigger.get('short')?.chosen?.poId ?? '';
    assert.ok(nextPoId);
    assert.match((await short.textContent()) ?? '', new RegExp(`8 unfilled units[\\s\\S]*8 units ordered from Beta Supply on ${nextPoId}`));
    assert.match((await rejected.textContent()) ?? '', new RegExp(`10 unfilled units[\\s\\S]*10 units ordered from Beta Supply on ${byTrigger.get('rejected')?.chosen?.poId}`));
    // The failed lines say how many units went where.
    const line = (sku: string) => dash.locator(`#po-lines tr[data-sku="${sku}"]`);
    await line('TEE-BLK').locator('td[data-label="Re-sourced"]', { hasText: nextPoId }).waitFor({ timeout: WAIT });
    assert.match((await line('TEE-BLK').textContent()) ?? '', /Confirmed[\s\S]*20\s*12/);
    assert.match((await line('MUG-ENAMEL').textContent()) ?? '', /Rejected[\s\S]*Discontinued by the maker/);
    await b.shot(dash, 'portal-failover-decisions');
    await b.axe(dash, 'the PO page with its decision log');

    // The next supplier's PO: the re-sourced lines, each linking back to the PO it stands in for.
    await short.locator('.decision-choice').getByRole('link', { name: nextPoId }).click();
    await dash.getByRole('heading', { level: 1, name: `Purchase order ${nextPoId}` }).waitFor({ timeout: WAIT });
    const teeLine = dash.locator('#po-lines tr[data-sku="TEE-BLK"]');
    await teeLine.getByRole('link', { name: poId }).waitFor({ timeout: WAIT });
    assert.match((await teeLine.locator('.resourced-from').textContent()) ?? '', new RegExp(`re-sources pol_\\w+ of ${poId}`));
    assert.equal(await teeLine.locator('td[data-label="Ordered"]').textContent(), '8');
    await b.shot(dash, 'portal-failover-next-po');
    b.assertNoErrors();
  });

  it('a tampered or expired link is refused with a page that says so', async (t) => {
    if (missing || !link) return t.skip(missing || 'no link (the first test failed)');
    const tampered = link.replace(/token=([^&]+)/, (_m, tok: string) => `token=${tok.slice(0, -3)}abc`);
    const page = await b.context.newPage();
    const r1 = await page.goto(tampered);
    assert.equal(r1?.status(), 400);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor({ timeout: WAIT });

    const expired = signPortalToken(b.restock.signer, { poId, supplierId, expiresAt: new Date(Date.now() - 60_000) });
    const r2 = await page.goto(`${b.base}/portal/purchase-orders/${encodeURIComponent(poId)}?token=${encodeURIComponent(expired)}`);
    assert.equal(r2?.status(), 400);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor({ timeout: WAIT });

    // Another purchase order's id with this token: refused too.
    const r3 = await page.goto(link.replace(`/purchase-orders/${encodeURIComponent(poId)}`, '/purchase-orders/po_other'));
    assert.equal(r3?.status(), 400);
    await page.close();
  });
});
