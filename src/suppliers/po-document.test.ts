import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { TokenSigner } from '../core/tokens.ts';
import { RestockError } from '../core/errors.ts';
import {
  CSV_COLUMNS,
  PO_PORTAL_PURPOSE,
  csvField,
  poCsv,
  poEmail,
  poWebhookPayload,
  portalLinkExpiry,
  signPortalToken,
  verifyPortalToken,
  type PoDocumentInput,
} from './po-document.ts';

const input = (over: Partial<PoDocumentInput> = {}): PoDocumentInput => ({
  po: {
    id: 'po_1',
    supplierId: 'sup_1',
    currency: 'EUR',
    total: 1234.5,
    createdAt: '2026-12-01T10:00:00.000Z',
    sentAt: '2026-12-01T11:00:00.000Z',
    lines: [
      { id: 'pol_1', sku: 'TEE-1', location: 'main', quantity: 10, unitCost: 12.5, expectedDate: '2026-12-20', supplierSku: 'A-100' },
      { id: 'pol_2', sku: 'MUG<b>', location: 'north, "annex"', quantity: 3, unitCost: 369.83, expectedDate: '2026-12-22' },
    ],
  },
  supplier: { id: 'sup_1', name: 'Acme <script>alert(1)</script> & Co', email: 'orders@acme.example', channel: 'email', currency: 'EUR' },
  shopName: 'Shop "Best" & Sons',
  portalUrl: 'https://shop.example/portal/purchase-orders/po_1?token=abc.def&x="1"',
  linkExpiresAt: '2026-12-31T11:00:00.000Z',
  supplierSkus: { 'MUG<b>': '=HYPERLINK("http://evil")' },
  ...over,
});

const signer = new TokenSigner(Buffer.from('a test secret of enough length'));
const now = new Date('2026-12-01T12:00:00Z');

describe('purchase order CSV', () => {
  it('has the header and one row per line, read back exactly by a CSV parser', () => {
    const rows = parse(poCsv(input()), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...CSV_COLUMNS]);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0], { line_id: 'pol_1', sku: 'TEE-1', supplier_sku: 'A-100', location: 'main', quantity: '10', unit_cost: '12.5', currency: 'EUR', expected_date: '2026-12-20' });
    assert.equal(rows[1]?.location, 'north, "annex"');
    // A supplier SKU that a spreadsheet would run as a formula is defused with a leading apostrophe.
    assert.equal(rows[1]?.supplier_sku, `'=HYPERLINK("http://evil")`);
  });

  it('quotes commas, quotes, line breaks and edge spaces; numbers stay plain', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' pad'), '" pad"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(-3), '-3');
    assert.equal(csvField('-3'), '-3');
    assert.equal(csvField('@cmd'), "'@cmd");
  });

  it('any text in any field survives a round trip through a parser (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 6 }), (fields) => {
        const line = `${fields.map(csvField).join(',')}\r\n`;
        const [back] = parse(line, { relax_column_count: false }) as string[][];
        const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+(\.\d+)?$/.test(f) ? `'${f}` : f));
        assert.deepEqual(back, expected);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe('purchase order email', () => {
  it('escapes every value in the HTML and keeps them as written in the text', () => {
    const m = poEmail(input());
    assert.ok(!m.html.includes('<script>'), 'no markup from data');
    assert.ok(m.html.includes('Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co'));
    assert.ok(m.html.includes('MUG&lt;b&gt;'));
    assert.ok(m.html.includes('href="https://shop.example/portal/purchase-orders/po_1?token=abc.def&amp;x=&quot;1&quot;"'));
    assert.ok(m.html.includes('north, &quot;annex&quot;'));
    assert.ok(m.text.includes('Acme <script>alert(1)</script> & Co'));
    assert.ok(m.text.includes(input().portalUrl));
    assert.equal(m.attachment.filename, 'purchase-order-po_1.csv');
    assert.equal(m.attachment.content, poCsv(input()));
  });

  it('in English by default, in German for de', () => {
    const en = poEmail(input());
    assert.equal(en.subject, 'Purchase order po_1 from Shop "Best" & Sons');
    assert.match(en.text, /10 × TEE-1 \(your A-100\) to main at €12\.50 each, wanted by 20 December 2026/);
    assert.match(en.html, /<html lang="en">/);
    const de = poEmail(input({ locale: 'de-AT' }));
    assert.equal(de.subject, 'Bestellung po_1 von Shop "Best" & Sons');
    assert.match(de.text, /10 × TEE-1 \(Ihre Nr\. A-100\) an main zu je 12,50\s€, gewünscht bis 20\. Dezember 2026/);
    assert.match(de.text, /Bestellsumme: 1\.234,50\s€/);
    assert.match(de.html, /<html lang="de">/);
    assert.match(poEmail(input({ locale: 'fr' })).subject, /^Purchase order/);
  });

  it('the webhook body lists every line with what the supplier needs to answer', () => {
    const p = poWebhookPayload({ ...input(), apiUrl: 'https://shop.example/v1/portal/purchase-orders/po_1' });
    assert.equal(p.type, 'purchase_order.sent');
    assert.equal(p.timestamp, '2026-12-01T11:00:00.000Z');
    assert.deepEqual(p.data.purchaseOrder.lines.map((l) => [l.id, l.supplierSku]), [['pol_1', 'A-100'], ['pol_2', '=HYPERLINK("http://evil")']]);
    assert.equal(p.data.answer.portalUrl, input().portalUrl);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), p);
  });
});

describe('portal link token', () => {
  const expiresAt = portalLinkExpiry(now, 30);
  const token = signPortalToken(signer, { poId: 'po_1', supplierId: 'sup_1', expiresAt });
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof RestockError, String(err));
      assert.equal(err.status, 400);
      return err.code;
    }
    assert.fail('expected a refusal');
  };

  it('opens its purchase order for its supplier until it expires', () => {
    assert.deepEqual(verifyPortalToken(signer, token, 'po_1', now), { poId: 'po_1', supplierId: 'sup_1', expiresAt: expiresAt.toISOString() });
  });

  it('is refused once expired', () => {
    assert.equal(code(() => verifyPortalToken(signer, token, 'po_1', new Date(expiresAt.getTime() + 1000))), 'expired_token');
  });

  it('is refused when altered: body, signature, or signed by another key', () => {
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: PO_PORTAL_PURPOSE, s: 'po_1', c: 'sup_2', e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
    assert.equal(code(() => verifyPortalToken(signer, `${forged}.${sig}`, 'po_1', now)), 'invalid_token');
    assert.equal(code(() => verifyPortalToken(signer, `${body}.${sig.slice(0, -2)}xx`, 'po_1', now)), 'invalid_token');
    assert.equal(code(() => verifyPortalToken(signer, body, 'po_1', now)), 'invalid_token');
    const other = new TokenSigner(Buffer.from('another secret altogether'));
    assert.equal(code(() => verifyPortalToken(other, token, 'po_1', now)), 'invalid_token');
  });

  it('opens no other purchase order', () => {
    assert.equal(code(() => verifyPortalToken(signer, token, 'po_2', now)), 'invalid_token');
  });

  it('a token of another purpose (waitlist, order link) never opens a purchase order', () => {
    for (const p of ['confirm', 'unsubscribe', 'hold', 'order']) {
      const t = signer.sign({ p, s: 'po_1', c: 'sup_1', e: Math.floor(expiresAt.getTime() / 1000) });
      assert.equal(code(() => verifyPortalToken(signer, t, 'po_1', now)), 'invalid_token', p);
    }
    // …and a portal token opens no waitlist link.
    assert.equal(code(() => signer.verify(token, 'confirm', now)), 'invalid_token');
  });

  it('a portal-purpose token without supplier or expiry is refused', () => {
    assert.equal(code(() => verifyPortalToken(signer, signer.sign({ p: PO_PORTAL_PURPOSE, s: 'po_1' }), 'po_1', now)), 'invalid_token');
  });
});
