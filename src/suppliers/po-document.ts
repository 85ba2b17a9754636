/**
 * A purchase order as the supplier receives it: the email (subject, text, HTML, in English or German, in the
 * house style of messaging/templates.ts), the CSV attachment with one row per line, and the JSON body a
 * supplier with the `webhook` channel is POSTed. Also the signed portal link's token (purpose `po-portal`, so a
 * waitlist or order token can never open a purchase order, nor a PO token anything else).
 *
 * Pure: data in, documents out. The types below are the fields of the shared Supplier / PurchaseOrder / PoLine
 * model this file reads, so the full model types are accepted as they are.
 */
import { Invalid } from '../core/errors.ts';
import type { TokenClaims, TokenSigner } from '../core/tokens.ts';
import { escapeHtml as esc } from '../core/html.ts';

export interface DocumentSupplier {
  id: string;
  name: string;
  email: string;
  channel: 'email' | 'webhook' | 'portal';
  currency: string;
}

export interface DocumentLine {
  id: string;
  sku: string;
  location: string;
  quantity: number;
  unitCost: number;
  expectedDate: string;
  /** The supplier's own article number (from the offer), when known. */
  supplierSku?: string | null;
}

export interface DocumentOrder {
  id: string;
  supplierId: string;
  currency: string;
  total: number;
  lines: readonly DocumentLine[];
  createdAt: string;
  sentAt: string | null;
}

export type DocumentLocale = 'en' | 'de';

export interface PoDocumentInput {
  po: DocumentOrder;
  supplier: DocumentSupplier;
  /** The buyer (the shop), named in the greeting and signature. */
  shopName: string;
  /** The signed portal link, where the supplier confirms, cuts, re-dates or rejects each line. */
  portalUrl: string;
  /** When the portal link stops working (ISO 8601). */
  linkExpiresAt: string;
  /** Supplier SKUs by our SKU, for lines that do not carry one themselves. */
  supplierSkus?: ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>;
  locale?: string | null;
}

export interface PoAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface PoEmail {
  subject: string;
  text: string;
  html: string;
  attachment: PoAttachment;
}

export function pickDocumentLocale(l: string | null | undefined): DocumentLocale {
  return (l ?? 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
}


function fmtDate(d: string, locale: DocumentLocale): string {
  const date = new Date(d.length === 10 ? `${d}T12:00:00Z` : d);
  if (Number.isNaN(date.getTime())) return d;
  return date.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function fmtTime(d: string, locale: DocumentLocale): string {
  const date = new Date(d);
  if (Number.isNaN(date.getTime())) return d;
  return date.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
}

function fmtMoney(amount: number, currency: string, locale: DocumentLocale): string {
  try {
    return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency }).format(amount);
  } catch {
    // An unusual currency code: the figure and the code, never a thrown render.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

function supplierSkuOf(line: DocumentLine, input: PoDocumentInput): string | null {
  if (line.supplierSku !== undefined && line.supplierSku !== null) return line.supplierSku;
  const m = input.supplierSkus;
  if (!m) return null;
  if (m instanceof Map) return (m as ReadonlyMap<string, string | null>).get(line.sku) ?? null;
  return Object.prototype.hasOwnProperty.call(m, line.sku) ? ((m as Readonly<Record<string, string | null>>)[line.sku] ?? null) : null;
}

// ---- CSV (RFC 4180)

/**
 * One CSV field: quoted when it holds a comma, a quote, a line break or surrounding space, quotes doubled. A
 * field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's
 * CSV-injection advice), except plain numbers, which stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['line_id', 'sku', 'supplier_sku', 'location', 'quantity', 'unit_cost', 'currency', 'expected_date'] as const;

/** The attachment: a header row and one row per line, CRLF line ends, UTF-8. */
export function poCsv(input: PoDocumentInput): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const l of input.po.lines) {
    rows.push([l.id, l.sku, supplierSkuOf(l, input), l.location, l.quantity, l.unitCost, input.po.currency, l.expectedDate].map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function csvFilename(poId: string): string {
  return `purchase-order-${poId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
}

// ---- the email

const words = {
  en: {
    subject: (id: string, shop: string) => `Purchase order ${id} from ${shop}`,
    hello: (name: string) => `Hello ${name},`,
    intro: (shop: string, n: number) => `${shop} orders the following ${n === 1 ? 'line' : `${n} lines`} from you:`,
    line: (q: number, sku: string, ssku: string | null, loc: string, cost: string, date: string) => `${q} × ${sku}${ssku ? ` (your ${ssku})` : ''} to ${loc} at ${cost} each, wanted by ${date}`,
    total: (t: string) => `Order total: ${t}.`,
    ask: 'Please confirm each line, or confirm a smaller quantity, another date, or reject it with a reason, on the order page (no account needed):',
    action: 'Answer this purchase order',
    expires: (t: string) => `The link works until ${t}. The lines are attached as a CSV file as well.`,
    head: ['Line', 'SKU', 'Your SKU', 'Deliver to', 'Quantity', 'Unit cost', 'Wanted by'],
  },
  de: {
    subject: (id: string, shop: string) => `Bestellung ${id} von ${shop}`,
    hello: (name: string) => `Guten Tag ${name},`,
    intro: (shop: string, n: number) => `${shop} bestellt bei Ihnen ${n === 1 ? 'folgende Position' : `folgende ${n} Positionen`}:`,
    line: (q: number, sku: string, ssku: string | null, loc: string, cost: string, date: string) => `${q} × ${sku}${ssku ? ` (Ihre Nr. ${ssku})` : ''} an ${loc} zu je ${cost}, gewünscht bis ${date}`,
    total: (t: string) => `Bestellsumme: ${t}.`,
    ask: 'Bitte bestätigen Sie jede Position – oder bestätigen Sie eine kleinere Menge oder einen anderen Termin, oder lehnen Sie sie mit Begründung ab – auf der Bestellseite (ohne Konto):',
    action: 'Bestellung beantworten',
    expires: (t: string) => `Der Link gilt bis ${t}. Die Positionen liegen auch als CSV-Datei bei.`,
    head: ['Position', 'Artikel', 'Ihre Nr.', 'Lieferort', 'Menge', 'Stückpreis', 'Gewünscht bis'],
  },
} as const;

/** The email to the supplier: text and HTML say the same, the CSV carries the lines for their system. */
export function poEmail(input: PoDocumentInput): PoEmail {
  const l = pickDocumentLocale(input.locale);
  const w = words[l];
  const { po, supplier } = input;
  const money = (n: number) => fmtMoney(n, po.currency, l);
  const lines = po.lines.map((x) => ({ x, ssku: supplierSkuOf(x, input) }));
  const subject = w.subject(po.id, input.shopName);
  const paragraphs = [w.hello(supplier.name), w.intro(input.shopName, po.lines.length)];
  const text = [
    ...paragraphs,
    lines.map(({ x, ssku }) => `- ${w.line(x.quantity, x.sku, ssku, x.location, money(x.unitCost), fmtDate(x.expectedDate, l))}`).join('\n'),
    w.total(money(po.total)),
    w.ask,
    `${w.action}: ${input.portalUrl}`,
    w.expires(fmtTime(input.linkExpiresAt, l)),
    `— ${input.shopName}`,
  ].join('\n\n');
  const cell = 'padding:6px 8px;border-bottom:1px solid #e3e1dc;text-align:left';
  const num = `${cell};text-align:right`;
  const table = `<table style="border-collapse:collapse;width:100%;font-size:14px">
<thead><tr>${w.head.map((h, i) => `<th scope="col" style="${i === 4 || i === 5 ? num : cell}">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${lines.map(({ x, ssku }) => `<tr><td style="${cell}">${esc(x.id)}</td><td style="${cell}">${esc(x.sku)}</td><td style="${cell}">${esc(ssku ?? '')}</td><td style="${cell}">${esc(x.location)}</td><td style="${num}">${x.quantity}</td><td style="${num}">${esc(money(x.unitCost))}</td><td style="${cell}">${esc(fmtDate(x.expectedDate, l))}</td></tr>`).join('\n')}
</tbody></table>`;
  const html = `<!doctype html><html lang="${l}"><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1f1d;max-width:640px;margin:0 auto;padding:24px">
${paragraphs.map((p) => `<p style="line-height:1.5">${esc(p)}</p>`).join('\n')}
${table}
<p style="line-height:1.5"><b>${esc(w.total(money(po.total)))}</b></p>
<p style="line-height:1.5">${esc(w.ask)}</p>
<p><a href="${esc(input.portalUrl)}" style="display:inline-block;background:#1d5c4a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${esc(w.action)}</a></p>
<p style="color:#555;font-size:14px">${esc(w.expires(fmtTime(input.linkExpiresAt, l)))}</p>
<p style="color:#777;font-size:12px">${esc(input.shopName)}</p>
</body></html>`;
  return { subject, text, html, attachment: { filename: csvFilename(po.id), contentType: 'text/csv; charset=utf-8', content: poCsv(input) } };
}

// ---- the webhook body

export const PO_WEBHOOK_TYPE = 'purchase_order.sent';

export interface PoWebhookPayload {
  type: typeof PO_WEBHOOK_TYPE;
  timestamp: string;
  data: {
    purchaseOrder: {
      id: string;
      currency: string;
      total: number;
      createdAt: string;
      sentAt: string | null;
      lines: Array<{ id: string; sku: string; supplierSku: string | null; location: string; quantity: number; unitCost: number; expectedDate: string }>;
    };
    supplier: { id: string; name: string };
    buyer: string;
    /** Where to answer: the portal page (signed link) and the API (same body, the token in a header). */
    answer: { portalUrl: string; apiUrl: string; expiresAt: string };
  };
}

/** Standard Webhooks' `{ type, timestamp, data }`, with what the supplier's system needs to answer. */
export function poWebhookPayload(input: PoDocumentInput & { apiUrl: string }): PoWebhookPayload {
  const { po, supplier } = input;
  return {
    type: PO_WEBHOOK_TYPE,
    timestamp: po.sentAt ?? po.createdAt,
    data: {
      purchaseOrder: {
        id: po.id,
        currency: po.currency,
        total: po.total,
        createdAt: po.createdAt,
        sentAt: po.sentAt,
        lines: po.lines.map((l) => ({ id: l.id, sku: l.sku, supplierSku: supplierSkuOf(l, input), location: l.location, quantity: l.quantity, unitCost: l.unitCost, expectedDate: l.expectedDate })),
      },
      supplier: { id: supplier.id, name: supplier.name },
      buyer: input.shopName,
      answer: { portalUrl: input.portalUrl, apiUrl: input.apiUrl, expiresAt: input.linkExpiresAt },
    },
  };
}

// ---- the portal link's token

/** The purpose the signer writes into a portal token; other purposes (waitlist, orders, tickets) are refused. */
export const PO_PORTAL_PURPOSE = 'po-portal';

/** How long a portal link works by default: 30 days from sending. */
export const PORTAL_LINK_DAYS = 30;

export interface PortalGrant {
  poId: string;
  supplierId: string;
  expiresAt: string;
}

export function portalLinkExpiry(sentAt: Date, days = PORTAL_LINK_DAYS): Date {
  return new Date(Math.floor((sentAt.getTime() + days * 86_400_000) / 1000) * 1000);
}

export function signPortalToken(signer: TokenSigner, grant: { poId: string; supplierId: string; expiresAt: Date }): string {
  const claims: TokenClaims = { p: PO_PORTAL_PURPOSE, s: grant.poId, c: grant.supplierId, e: Math.floor(grant.expiresAt.getTime() / 1000) };
  return signer.sign(claims);
}

/**
 * Checks the token (signature, purpose, expiry — a 400 `invalid_token` or `expired_token` otherwise) and that
 * it names this purchase order: a link for one PO opens no other.
 */
export function verifyPortalToken(signer: TokenSigner, token: string, poId: string, now: Date): PortalGrant {
  const claims = signer.verify(token, PO_PORTAL_PURPOSE, now);
  if (typeof claims.c !== 'string' || claims.c === '' || claims.e === undefined) {
    throw new InvalidPortalToken('this link is not valid (it names no supplier or expiry)');
  }
  if (claims.s !== poId) throw new InvalidPortalToken('this link is for another purchase order');
  return { poId: claims.s, supplierId: claims.c, expiresAt: new Date(claims.e * 1000).toISOString() };
}

class InvalidPortalToken extends Invalid<'invalid_token'> {
  constructor(message: string) {
    super(message, null, 'invalid_token');
  }
}

export function portalPageUrl(publicUrl: string, poId: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/portal/purchase-orders/${encodeURIComponent(poId)}?token=${encodeURIComponent(token)}`;
}

export function portalApiUrl(publicUrl: string, poId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/v1/portal/purchase-orders/${encodeURIComponent(poId)}`;
}
