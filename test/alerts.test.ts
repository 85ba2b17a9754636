/**
 * Stock alerts to staff on every dialect, received by a real SMTP server on loopback: one email per recipient
 * for each transition into low stock and into out of stock, none while the SKU stays in that state, none twice
 * for one event (a reactor replaying the outbox finds its messages made), none when disabled or with nobody
 * listed; bad settings are refused with 400.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../src/core/log.ts';
import { MessageDispatcher } from '../src/messaging/dispatcher.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { startSmtpSink } from './helpers/smtp.ts';

const STAFF = ['stock@shop.example', 'Buyer@Shop.example'];

for (const dialect of DIALECTS) {
  describe(`stock alerts to staff (${dialect})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    let dispatcher: MessageDispatcher;
    let feedNo = 0;
    before(async () => {
      h = await harness(dialect);
      smtp = await startSmtpSink();
      dispatcher = new MessageDispatcher(h.restock.db, h.clock, createLogger('silent'), { smtpUrl: smtp.url, from: 'Shop <shop@example.com>', connections: 1, ratePerSecond: 10_000, perRecipientPerDay: 2 });
      await seedBasic(h, 'ALERT-1', {});
      await h.restock.catalog.upsert({ sku: 'ALERT-1', title: 'Linen <Shirt>', price: '30.00' });
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
    const feed = (sku: string, delta: number) => h.restock.inventory.applyFeed([{ sku, location: 'WH1', delta, idempotencyKey: `alert-${++feedNo}` }], 'test');
    /** Mails received since `mark`, as [recipient, subject] sorted. */
    const since = (mark: number) => smtp.mails.slice(mark).map((m) => [m.to.join(','), m.subject] as const).sort();

    it('stores the settings (each recipient once) and refuses bad ones with 400', async () => {
      const initial = await h.call('GET', '/v1/settings/alerts');
      assert.equal(initial.status, 200);
      assert.deepEqual(initial.body, { recipients: [], lowStock: true, outOfStock: true });
      const put = await h.call('PUT', '/v1/settings/alerts', { recipients: [...STAFF, 'buyer@shop.example'], lowStock: true, outOfStock: true });
      assert.equal(put.status, 200, put.raw);
      assert.deepEqual(put.body, { recipients: STAFF, lowStock: true, outOfStock: true });
      assert.deepEqual((await h.call('GET', '/v1/settings/alerts')).body, put.body);

      const bad: unknown[] = [
        { recipients: ['not an email'], lowStock: true, outOfStock: true },
        { recipients: Array.from({ length: 21 }, (_, i) => `s${i}@shop.example`), lowStock: true, outOfStock: true },
        { recipients: STAFF, lowStock: 'yes', outOfStock: true },
        { recipients: STAFF, lowStock: true },
        { recipients: STAFF, lowStock: true, outOfStock: true, unsubscribe: false },
        { recipients: 'stock@shop.example', lowStock: true, outOfStock: true },
      ];
      for (const body of bad) {
        const res = await h.call('PUT', '/v1/settings/alerts', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, 'invalid_request');
      }
      assert.deepEqual((await h.call('GET', '/v1/settings/alerts')).body, put.body, 'unchanged by the refused ones');
      assert.equal((await h.call('GET', '/v1/settings/alerts', undefined, { as: 'storefront' })).status, 403);
      assert.equal((await h.call('PUT', '/v1/settings/alerts', put.body, { as: 'checkout' })).status, 403);
    });

    it('emails each recipient once per transition into low stock and into out of stock', async () => {
      await feed('ALERT-1', 10); // from none to in stock: nothing ran low
      await deliver();
      assert.equal(smtp.mails.length, 0);

      let mark = smtp.mails.length;
      await feed('ALERT-1', -6); // 4 left, threshold 5: low
      await deliver();
      assert.deepEqual(since(mark), [
        ['buyer@shop.example', 'Low stock: Linen <Shirt> (ALERT-1), 4 left'],
        ['stock@shop.example', 'Low stock: Linen <Shirt> (ALERT-1), 4 left'],
      ]);
      const mail = smtp.mails[mark]!;
      assert.match(mail.text, /running low: 4 left to sell across all locations/);
      assert.match(mail.text, /No inbound stock is expected/);
      assert.match(mail.text, /Shoppers now see: "Only 4 left in stock"/);
      assert.match(mail.text, /\/dashboard/);
      assert.doesNotMatch(mail.raw, /List-Unsubscribe/i);
      assert.doesNotMatch(mail.text, /unsubscribe|\/w\//i);
      const recorded = (await h.call('GET', '/v1/messages?type=stock_alert')).body.items as Array<{ html: string; to: string }>;
      assert.equal(recorded.length, 2);
      assert.match(recorded[0]!.html, /Linen &lt;Shirt&gt;/);

      mark = smtp.mails.length;
      await feed('ALERT-1', -1); // still low: no second alert
      await feed('ALERT-1', -1);
      await deliver();
      assert.deepEqual(since(mark), []);

      await feed('ALERT-1', -2); // sold out
      await deliver();
      assert.deepEqual(since(mark), [
        ['buyer@shop.example', 'Out of stock: Linen <Shirt> (ALERT-1)'],
        ['stock@shop.example', 'Out of stock: Linen <Shirt> (ALERT-1)'],
      ]);
      assert.match(smtp.mails.at(-1)!.text, /sold out: nothing is left to sell from stock/);

      mark = smtp.mails.length;
      await feed('ALERT-1', 10); // back in stock, then low again: a new transition
      await deliver();
      assert.deepEqual(since(mark), []);
      await feed('ALERT-1', -7);
      await deliver();
      assert.deepEqual(since(mark).map(([to]) => to), ['buyer@shop.example', 'stock@shop.example']);
      // More than the shopper's daily cap per recipient (2 in this dispatcher): staff still get every alert.
      assert.equal(smtp.mails.filter((m) => m.to[0] === 'stock@shop.example').length, 3);
    });

    it('never alerts twice for one event, even when the reactor replays the outbox', async () => {
      const mark = smtp.mails.length;
      const count = async () => Number((await h.restock.db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'stock_alert').executeTakeFirstOrThrow()).n);
      const before = await count();
      await h.restock.db.kysely.updateTable('consumers').set({ cursor: 0 }).where('name', '=', 'staff-alerts').execute();
      await deliver();
      assert.equal(await count(), before);
      assert.deepEqual(since(mark), []);
    });

    it('sends nothing for a kind that is turned off, or with nobody listed', async () => {
      await seedBasic(h, 'ALERT-2', { WH1: 10 });
      await deliver();
      const mark = smtp.mails.length;
      assert.equal((await h.call('PUT', '/v1/settings/alerts', { recipients: STAFF, lowStock: false, outOfStock: true })).status, 200);
      await feed('ALERT-2', -8); // low: turned off
      await deliver();
      assert.deepEqual(since(mark), []);
      assert.equal((await h.call('PUT', '/v1/settings/alerts', { recipients: [], lowStock: true, outOfStock: true })).status, 200);
      await feed('ALERT-2', -2); // out: nobody listed
      await deliver();
      assert.deepEqual(since(mark), []);
      assert.equal((await h.call('PUT', '/v1/settings/alerts', { recipients: STAFF, lowStock: true, outOfStock: false })).status, 200);
      await feed('ALERT-2', 1); // low again (from out): on
      await deliver();
      await feed('ALERT-2', -1); // out: turned off
      await deliver();
      assert.deepEqual(since(mark).map(([, s]) => s), ['Low stock: Product ALERT-2 (ALERT-2), 1 left', 'Low stock: Product ALERT-2 (ALERT-2), 1 left']);
    });
  });
}
