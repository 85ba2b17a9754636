/**
 * Waitlist release in step with stock, over real SMTP on loopback: 100 contacts wait, 10 units arrive, exactly
 * the first 10 are mailed, in order; later batches follow while stock remains and stop when it is gone; nobody
 * is mailed twice; every message's unsubscribe link works.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { startSmtpSink } from './helpers/smtp.ts';
import { MessageDispatcher } from '../src/messaging/dispatcher.ts';
import { createLogger } from '../src/core/log.ts';

for (const dialect of DIALECTS) {
  describe(`waitlist and customer email (${dialect})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    // One connection: mail leaves strictly in the order it was recorded, so arrival order is checkable.
    let dispatcher: MessageDispatcher;
    let base: string;
    before(async () => {
      h = await harness(dialect);
      smtp = await startSmtpSink();
      dispatcher = new MessageDispatcher(h.restock.db, h.clock, createLogger('silent'), { smtpUrl: smtp.url, from: 'Shop <shop@example.com>', connections: 1, ratePerSecond: 10_000 });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
      await seedBasic(h, 'WL-1', {});
      await seedBasic(h, 'WL-2', { WH1: 5 });
    });
    after(async () => {
      await dispatcher?.stop();
      await smtp?.close();
      await h?.close();
    });

    const deliver = async () => {
      await h.restock.runReactors();
      await dispatcher.runUntilIdle();
    };

    it('double opt-in: a confirmation mail with a working link; subscribing again changes nothing', async () => {
      const r = await h.call('POST', '/v1/waitlist', { sku: 'WL-1', email: 'Ann@Example.com', quantity: 2, locale: 'de' }, { as: 'storefront' });
      assert.equal(r.status, 202, r.raw);
      assert.deepEqual(r.body, { status: 'pending' });
      const again = await h.call('POST', '/v1/waitlist', { sku: 'WL-1', email: 'ann@example.com' }, { as: 'storefront' });
      assert.deepEqual([again.status, again.body], [202, r.body]);
      await deliver();
      const mail = smtp.mails.find((m) => m.to.includes('ann@example.com'));
      assert.ok(mail, 'confirmation mailed');
      assert.match(mail.subject, /bestätigen/);
      const link = /(http:\/\/\S+\/w\/confirm\/\S+)/.exec(mail.text)?.[1];
      assert.ok(link, mail.text);
      const url = new URL(link);
      // The link opens a page with a button (a mail scanner's GET confirms nothing); the button posts.
      const page = await fetch(`${base}${url.pathname}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post">/);
      assert.equal((await h.call('GET', '/v1/waitlist?sku=WL-1')).body.items[0].status, 'pending');
      const posted = await fetch(`${base}${url.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      assert.equal(posted.status, 200);
      assert.match(await posted.text(), /on the list/);
      const list = await h.call('GET', '/v1/waitlist?sku=WL-1');
      assert.equal(list.body.items[0].status, 'waiting');
      // Tampered token: refused, nothing changes.
      const bad = await fetch(`${base}${url.pathname.slice(0, -3)}abc`);
      assert.equal(bad.status, 400);
      await h.call('POST', `/w/unsubscribe/x`, undefined, { as: 'none' });
    });

    it('10 units for 100 waiting contacts: the first 10 are mailed in order, then batches follow the stock', async () => {
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
      await seedBasic(h, 'HOTW', {});
      for (let i = 1; i <= 100; i++) {
        const r = await h.call('POST', '/v1/waitlist', { sku: 'HOTW', email: `c${String(i).padStart(3, '0')}@example.com` }, { as: 'storefront' });
        assert.equal(r.status, 202);
      }
      await deliver();
      const before = smtp.mails.length;
      await h.call('POST', '/v1/inventory/receipts', { sku: 'HOTW', location: 'WH1', quantity: 10 }, { as: 'feed' });
      await deliver();
      const batch1 = smtp.mails.slice(before);
      assert.deepEqual(batch1.map((m) => m.to[0]), Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(3, '0')}@example.com`));
      for (const m of batch1) {
        assert.match(m.subject, /Back in stock: Product HOTW/);
        assert.match(m.text, /Product HOTW \(HOTW\) is back in stock/);
        assert.match(m.text, /You wanted 1/);
      }
      // Nothing more until the batch interval passes, even though stock is left.
      await h.restock.waitlist.tick();
      await deliver();
      assert.equal(smtp.mails.length, before + 10);
      // 6 of them buy; 30 minutes later the next batch is sized to the 4 units left.
      for (let i = 0; i < 6; i++) await h.call('POST', '/v1/orders', { customer: { id: `b${i}`, email: `c00${i + 1}@example.com` }, lines: [{ sku: 'HOTW', quantity: 1 }] }, { as: 'checkout' });
      h.clock.advance(31 * 60_000);
      await h.restock.waitlist.tick();
      await deliver();
      const batch2 = smtp.mails.slice(before + 10);
      assert.deepEqual(batch2.map((m) => m.to[0]), ['c011@example.com', 'c012@example.com', 'c013@example.com', 'c014@example.com']);
      // The rest sells; the next check finds nothing and nobody else is mailed.
      for (let i = 0; i < 4; i++) await h.call('POST', '/v1/orders', { customer: { id: `d${i}`, email: `x${i}@example.com` }, lines: [{ sku: 'HOTW', quantity: 1 }] }, { as: 'checkout' });
      h.clock.advance(31 * 60_000);
      await h.restock.waitlist.tick();
      await deliver();
      assert.equal(smtp.mails.length, before + 14);
      const to = smtp.mails.slice(before).map((m) => m.to[0]);
      assert.equal(new Set(to).size, to.length, 'nobody twice');
      // Demand signals.
      const stats = await h.call('GET', '/v1/waitlist/stats?sku=HOTW');
      const s = stats.body.items[0];
      assert.deepEqual([s.active, s.notified, s.converted], [86, 14, 6]);
      assert.equal(s.signupsPerDay.at(-1).count, 100);
    });

    it('every message carries a working unsubscribe link (GET shows a page, POST unsubscribes)', async () => {
      const mail = smtp.mails.find((m) => m.to[0] === 'c020@example.com') ?? smtp.mails.at(-1);
      assert.ok(mail);
      const link = /(http:\/\/\S+\/w\/unsubscribe\/\S+)/.exec(mail.text)?.[1];
      assert.ok(link, mail.text);
      const path = new URL(link).pathname;
      const token = path.split('/').pop() as string;
      const get = await fetch(`${base}${path}`);
      assert.equal(get.status, 200);
      const post = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      assert.equal(post.status, 200);
      assert.match(await post.text(), /Unsubscribed/);
      const del = await h.call('DELETE', `/v1/waitlist/${token}`, undefined, { as: 'none' });
      assert.equal(del.body.status, 'unsubscribed');
      const forged = await h.call('DELETE', `/v1/waitlist/${token.slice(0, -4)}AAAA`, undefined, { as: 'none' });
      assert.equal(forged.status, 400);
      assert.equal(forged.body.error.code, 'invalid_token');
    });

    it('holds: each notified contact gets their units reserved; an unused hold goes to the next in line', async () => {
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 2 });
      await seedBasic(h, 'HOLD', {});
      for (const [i, q] of [[1, 2], [2, 1], [3, 1]] as const) await h.call('POST', '/v1/waitlist', { sku: 'HOLD', email: `h${i}@example.com`, quantity: q }, { as: 'storefront' });
      await deliver();
      const mark = smtp.mails.length;
      await h.call('POST', '/v1/inventory/receipts', { sku: 'HOLD', location: 'WH1', quantity: 3 }, { as: 'feed' });
      await deliver();
      assert.deepEqual(smtp.mails.slice(mark).map((m) => m.to[0]), ['h1@example.com', 'h2@example.com']);
      assert.equal((await h.call('GET', '/v1/availability/HOLD')).body.availableToSell, 0);
      const holdLink = /(http:\/\/\S+\/w\/hold\/\S+)/.exec(smtp.mails[mark]!.text)?.[1];
      assert.ok(holdLink);
      const token = new URL(holdLink).pathname.split('/').pop() as string;
      const hold = await h.call('GET', `/v1/waitlist/holds/${token}`, undefined, { as: 'none' });
      assert.equal(hold.status, 200, hold.raw);
      assert.equal(hold.body.quantity, 2);
      // h1 buys with the held reservation; h2's hold runs out and goes to h3.
      const o = await h.call('POST', '/v1/orders', { customer: { id: 'h1', email: 'h1@example.com' }, lines: [{ sku: 'HOLD', quantity: 2, reservationId: hold.body.reservationId }] }, { as: 'checkout' });
      assert.equal(o.status, 201, o.raw);
      h.clock.advance(90 * 60_000);
      await h.restock.waitlist.tick(); // reminder for h2
      await deliver();
      assert.ok(smtp.mails.some((m) => m.to[0] === 'h2@example.com' && /hold ends soon/.test(m.subject)));
      h.clock.advance(31 * 60_000);
      await h.restock.inventory.sweepExpired();
      await deliver();
      assert.ok(smtp.mails.some((m) => m.to[0] === 'h3@example.com' && /Back in stock/.test(m.subject)));
      const expired = await h.call('GET', `/v1/waitlist/holds/${token}`, undefined, { as: 'none' });
      assert.equal(expired.status, 400);
      assert.equal(expired.body.error.code, 'expired_token');
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
    });

    it('tells subscribers of a SKU in stock at once, and sends order messages with dates', async () => {
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
      const r = await h.call('POST', '/v1/waitlist', { sku: 'WL-2', email: 'now@example.com' }, { as: 'storefront' });
      // The answer never tells what happened to the address (no enumeration); the email below does.
      assert.deepEqual([r.status, r.body], [202, { status: 'waiting' }]);
      await h.restock.catalog.upsert({ sku: 'BOM', title: 'Backorder mug', price: '9', policy: { allowBackorder: true, leadTimeDays: 14 } });
      const o = await h.call('POST', '/v1/orders', { customer: { id: 'm1', email: 'mug@example.com' }, lines: [{ sku: 'BOM', quantity: 2 }] }, { as: 'checkout' });
      assert.equal(o.status, 201);
      await deliver();
      assert.ok(smtp.mails.some((m) => m.to[0] === 'now@example.com' && /Back in stock/.test(m.subject)));
      const conf = smtp.mails.find((m) => m.to[0] === 'mug@example.com');
      assert.ok(conf);
      assert.match(conf.text, /2 × Backorder mug \(BOM\): 2 on backorder, expected 29 January 2026/);
      const msgs = await h.call('GET', '/v1/messages?to=mug@example.com');
      assert.equal(msgs.body.items[0].type, 'order_confirmed');
      assert.equal(msgs.body.items[0].status, 'sent');
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
    });
  });
}
