// The PO delivery reactor on both databases, fed a `supply.po_sent` event by hand (the suppliers service that
// appends it is another part of issue 12): the email is recorded once, listed in GET /v1/messages, sent with its
// CSV over SMTP; a webhook supplier gets a Standard Webhooks–signed POST that its library verifies.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { parse } from 'csv-parse/sync';
import type { StoredEvent } from '../src/core/events.ts';
import { systemClock } from '../src/core/clock.ts';
import { createLogger } from '../src/core/log.ts';
import { MessageDispatcher } from '../src/messaging/dispatcher.ts';
import { PoDelivery, supplierWebhookSecret, type PoSentPayload } from '../src/suppliers/po-delivery.ts';
import { verifyPortalToken } from '../src/suppliers/po-document.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, type Harness } from './helpers/app.ts';
import { startSmtpSink } from './helpers/smtp.ts';

const SENT_AT = '2026-01-15T10:00:00.000Z';

function sent(channel: 'email' | 'webhook' | 'portal', over: Partial<PoSentPayload['supplier']> = {}): PoSentPayload {
  return {
    po: {
      id: 'po_abc',
      supplierId: 'sup_1',
      currency: 'EUR',
      total: 155,
      createdAt: '2026-01-15T09:00:00.000Z',
      sentAt: SENT_AT,
      lines: [
        { id: 'pol_1', sku: 'TEE-1', location: 'main', quantity: 10, unitCost: 5.5, expectedDate: '2026-01-29', supplierSku: 'AC-TEE' },
        { id: 'pol_2', sku: 'MUG-1', location: 'main', quantity: 10, unitCost: 10, expectedDate: '2026-01-29' },
      ],
    },
    supplier: { id: 'sup_1', name: 'Acme, "the" supplier', email: 'Orders@Acme.example', channel, currency: 'EUR', webhookUrl: null, ...over },
  };
}

const event = (id: number, payload: PoSentPayload): StoredEvent => ({ id, type: 'supply.po_sent', sku: null, payload, createdAt: SENT_AT }) as unknown as StoredEvent;

for (const dialect of DIALECTS) {
  describe(`PO delivery (${dialect})`, () => {
    let h: Harness;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    const posts: Array<{ url: string; body: string; headers: Record<string, string> }> = [];
    let answer = 200;
    let delivery: PoDelivery;

    before(async () => {
      h = await harness(dialect);
      smtp = await startSmtpSink();
      delivery = new PoDelivery({
        // Real time: the Standard Webhooks library checks the signature's timestamp against the wall clock.
        clock: systemClock,
        signer: h.restock.signer,
        messages: h.restock.messages,
        publicUrl: 'https://shop.example',
        shopName: 'Demo shop',
        supplierSkus: async () => new Map([['MUG-1', 'AC-MUG']]),
        post: async (url, body, headers) => {
          posts.push({ url, body, headers });
          return { status: answer, snippet: '' };
        },
      });
    });
    after(async () => {
      await h?.close();
      await smtp?.close();
    });

    it('records the email once, however often the event is handled, and lists it in GET /v1/messages', async () => {
      for (let i = 0; i < 2; i++) await h.restock.db.transaction((ctx) => delivery.onEvents(ctx, [event(1, sent('email'))]));
      const r = await h.call('GET', '/v1/messages?type=purchase_order');
      assert.equal(r.status, 200, r.raw);
      assert.equal(r.body.items.length, 1);
      const m = r.body.items[0];
      assert.equal(m.to, 'orders@acme.example');
      assert.equal(m.subject, 'Purchase order po_abc from Demo shop');
      assert.match(m.text, /10 × MUG-1 \(your AC-MUG\)/);
      const url = /https:\/\/shop\.example\/portal\/purchase-orders\/po_abc\?token=(\S+)/.exec(m.text);
      assert.ok(url, m.text);
      const grant = verifyPortalToken(h.restock.signer, decodeURIComponent(url[1] as string), 'po_abc', h.clock.now());
      assert.equal(grant.supplierId, 'sup_1');
      const types = await h.call('GET', '/v1/event-types');
      assert.ok(types.body.messages.includes('purchase_order'));
    });

    it('sends it over SMTP with the CSV attached', async () => {
      const dispatcher = new MessageDispatcher(h.restock.db, h.clock, createLogger('silent'), { smtpUrl: smtp.url, from: 'Shop <shop@example.com>', connections: 1, ratePerSecond: 10_000 });
      try {
        assert.equal(await dispatcher.runUntilIdle(), 1);
      } finally {
        await dispatcher.stop();
      }
      const mail = smtp.mails.find((x) => x.to.includes('orders@acme.example'));
      assert.ok(mail);
      assert.match(mail.raw, /Content-Type: multipart\/mixed/);
      assert.match(mail.text, /https:\/\/shop\.example\/portal\/purchase-orders\/po_abc\?token=/);
      const part = /Content-Disposition: attachment; filename="purchase-order-po_abc\.csv"\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(mail.raw);
      assert.ok(part, 'the CSV part');
      const csv = Buffer.from((part[1] as string).replace(/\r\n/g, ''), 'base64').toString('utf8');
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(rows.map((x) => [x.line_id, x.supplier_sku, x.quantity, x.unit_cost]), [['pol_1', 'AC-TEE', '10', '5.5'], ['pol_2', 'AC-MUG', '10', '10']]);
    });

    it('a webhook supplier gets a signed POST its Standard Webhooks library verifies; a refusal is retried, not lost', async () => {
      const payload = sent('webhook', { webhookUrl: 'https://erp.acme.example/hooks/po' });
      answer = 503;
      await assert.rejects(h.restock.db.transaction((ctx) => delivery.onEvents(ctx, [event(2, payload)])), /answered 503/);
      answer = 200;
      await h.restock.db.transaction((ctx) => delivery.onEvents(ctx, [event(2, payload)]));
      assert.equal(posts.length, 2);
      const [first, second] = posts as [(typeof posts)[number], (typeof posts)[number]];
      assert.equal(second.url, 'https://erp.acme.example/hooks/po');
      // The same webhook-id on the retry: the receiver drops a duplicate.
      assert.equal(first.headers['webhook-id'], second.headers['webhook-id']);
      const verified = new Webhook(supplierWebhookSecret(h.restock.signer, 'sup_1').slice('whsec_'.length)).verify(second.body, second.headers) as { type: string; data: { purchaseOrder: { id: string; lines: unknown[] } } };
      assert.equal(verified.type, 'purchase_order.sent');
      assert.equal(verified.data.purchaseOrder.id, 'po_abc');
      assert.equal(verified.data.purchaseOrder.lines.length, 2);
      assert.throws(() => new Webhook(supplierWebhookSecret(h.restock.signer, 'sup_2').slice('whsec_'.length)).verify(second.body, second.headers));
      // No email for a webhook supplier.
      const r = await h.call('GET', '/v1/messages?type=purchase_order');
      assert.equal(r.body.items.length, 1);
    });

    it('a payload that is not a PO and its supplier is refused (the consumer parks it)', async () => {
      await assert.rejects(h.restock.db.transaction((ctx) => delivery.onEvents(ctx, [event(3, { po: { id: 'x' } } as unknown as PoSentPayload)])), /no purchase order/);
      await assert.rejects(h.restock.db.transaction((ctx) => delivery.onEvents(ctx, [event(4, { ...sent('email'), supplier: { ...sent('email').supplier, id: 'sup_9' } })])), /not supplier/);
    });
  });
}
