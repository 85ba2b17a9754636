/**
 * Customer message templates: one per type, in English and German, plain text and HTML. Each states the facts
 * (which item, how many, which date) and carries a signed unsubscribe link where the message is about a
 * subscription. Stock alerts go to the shop's staff (no unsubscribe link: they leave the list in the settings).
 * Pure: data in, subject/text/html out.
 */
import { escapeHtml as esc } from '../core/html.ts';

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const MESSAGE_TYPES = [
  'waitlist_confirm',
  'back_in_stock',
  'hold_expiring',
  'order_confirmed',
  'order_delayed',
  'order_expedited',
  'order_allocated',
  'preorder_released',
  'stock_alert',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface MessageData {
  title: string;
  sku: string;
  quantity?: number;
  date?: string | null;
  oldDate?: string | null;
  newDate?: string | null;
  expiresAt?: string;
  confirmUrl?: string;
  unsubscribeUrl?: string;
  holdUrl?: string;
  productUrl?: string;
  orderId?: string;
  /** The signed link to the order (the shopper's view, where waiting lines can be cancelled). */
  orderUrl?: string;
  lines?: Array<{ title: string; sku: string; quantity: number; fromStock: number; waiting: number; promisedDate: string | null; kind: string }>;
  /** A stock alert to staff: what the SKU turned into and what shoppers see now. */
  alert?: {
    kind: 'low_stock' | 'out_of_stock';
    status: string;
    availableToSell: number | null;
    shopperMessage: string;
    nextInboundDate: string | null;
    promisedDate: string | null;
  };
  shopName: string;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export function pickLocale(l: string | null | undefined): Locale {
  const base = (l ?? 'en').toLowerCase().slice(0, 2);
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** The button to the shopper's order, in every message about an order that has a link. */
function orderAction(data: MessageData, de: boolean): { label: string; url: string } | undefined {
  return data.orderUrl ? { label: de ? 'Bestellung ansehen' : 'View my order', url: data.orderUrl } : undefined;
}

function fmtDate(d: string | null | undefined, locale: Locale): string {
  if (!d) return locale === 'de' ? 'noch offen' : 'to be confirmed';
  const date = new Date(d.length === 10 ? `${d}T12:00:00Z` : d);
  return date.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function fmtTime(d: string | undefined, locale: Locale): string {
  if (!d) return '';
  return new Date(d).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
}


interface Parts {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

function build(p: Parts, data: MessageData, locale: Locale): Rendered {
  const unsub = data.unsubscribeUrl
    ? locale === 'de'
      ? `Keine Nachrichten mehr zu diesem Artikel: ${data.unsubscribeUrl}`
      : `Stop messages about this item: ${data.unsubscribeUrl}`
    : '';
  const text = [...p.paragraphs, p.action ? `${p.action.label}: ${p.action.url}` : '', p.footer ?? '', unsub, `— ${data.shopName}`].filter(Boolean).join('\n\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1f1d;max-width:560px;margin:0 auto;padding:24px">
${p.paragraphs.map((x) => `<p style="line-height:1.5">${esc(x)}</p>`).join('\n')}
${p.action ? `<p><a href="${esc(p.action.url)}" style="display:inline-block;background:#1d5c4a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${esc(p.action.label)}</a></p>` : ''}
${p.footer ? `<p style="color:#555;font-size:14px">${esc(p.footer)}</p>` : ''}
${data.unsubscribeUrl ? `<p style="color:#777;font-size:12px"><a href="${esc(data.unsubscribeUrl)}" style="color:#777">${locale === 'de' ? 'Keine Nachrichten mehr zu diesem Artikel' : 'Stop messages about this item'}</a></p>` : ''}
<p style="color:#777;font-size:12px">${esc(data.shopName)}</p>
</body></html>`;
  return { subject: p.subject, text, html };
}

export function render(type: MessageType, data: MessageData, localeIn: string | null | undefined): Rendered {
  const l = pickLocale(localeIn);
  const de = l === 'de';
  const q = data.quantity ?? 1;
  const item = `${data.title} (${data.sku})`;
  switch (type) {
    case 'waitlist_confirm':
      return build({
        subject: de ? `Bitte bestätigen: Benachrichtigung für ${data.title}` : `Please confirm: notify me about ${data.title}`,
        paragraphs: [
          de ? `Sie haben sich für eine Benachrichtigung zu ${item} eingetragen (${q} Stück).` : `You asked to be told when ${item} is back in stock (${q} wanted).`,
          de ? 'Bitte bestätigen Sie Ihre E-Mail-Adresse, damit wir Ihnen schreiben dürfen. Ohne Bestätigung senden wir nichts.' : 'Please confirm your email address so we may write to you. Without confirmation we send nothing.',
        ],
        action: data.confirmUrl ? { label: de ? 'E-Mail bestätigen' : 'Confirm my email', url: data.confirmUrl } : undefined,
      }, data, l);
    case 'back_in_stock': {
      const held = data.holdUrl && data.expiresAt;
      return build({
        subject: de ? `Wieder da: ${data.title}` : `Back in stock: ${data.title}`,
        paragraphs: [
          de ? `${item} ist wieder verfügbar.` : `${item} is back in stock.`,
          held
            ? de
              ? `Wir halten ${q} Stück für Sie bis ${fmtTime(data.expiresAt, l)} zurück. Danach geht es an die nächste Person auf der Liste.`
              : `We are holding ${q} for you until ${fmtTime(data.expiresAt, l)}. After that it goes to the next person on the list.`
            : de
              ? `Sie wollten ${q} Stück. Wir benachrichtigen die Liste in der Reihenfolge der Anmeldung und nur so viele, wie Ware da ist — schnell sein lohnt sich.`
              : `You wanted ${q}. We tell the list in sign-up order and only as many people as there is stock for, so it may go quickly.`,
        ],
        action: held ? { label: de ? 'Reservierung ansehen' : 'See my reserved item', url: data.holdUrl as string } : data.productUrl ? { label: de ? 'Zum Artikel' : 'View the item', url: data.productUrl } : undefined,
      }, data, l);
    }
    case 'hold_expiring':
      return build({
        subject: de ? `Ihre Reservierung läuft ab: ${data.title}` : `Your hold ends soon: ${data.title}`,
        paragraphs: [de ? `Wir halten ${q} × ${item} nur noch bis ${fmtTime(data.expiresAt, l)} für Sie.` : `We are holding ${q} × ${item} for you only until ${fmtTime(data.expiresAt, l)}.`],
        action: data.holdUrl ? { label: de ? 'Jetzt kaufen' : 'Buy it now', url: data.holdUrl } : undefined,
      }, data, l);
    case 'order_confirmed': {
      const lines = (data.lines ?? []).map((x) => {
        const waiting = x.waiting > 0 ? (de ? `${x.waiting} ${x.kind === 'preorder' ? 'vorbestellt' : 'nachbestellt'}, voraussichtlich am ${fmtDate(x.promisedDate, l)}` : `${x.waiting} on ${x.kind === 'preorder' ? 'pre-order' : 'backorder'}, expected ${fmtDate(x.promisedDate, l)}`) : '';
        const now = x.fromStock > 0 ? (de ? `${x.fromStock} sofort lieferbar` : `${x.fromStock} ships now`) : '';
        return `${x.quantity} × ${x.title} (${x.sku}): ${[now, waiting].filter(Boolean).join('; ')}`;
      });
      return build({
        subject: de ? `Bestellung ${data.orderId}: Ihre Liefertermine` : `Order ${data.orderId}: your delivery dates`,
        paragraphs: [de ? 'Danke für Ihre Bestellung. Nicht alles ist sofort lieferbar; das sind unsere ehrlichen Termine:' : 'Thank you for your order. Not everything is in stock right now; these are our honest dates:', ...lines, de ? 'Ändert sich ein Termin, schreiben wir Ihnen sofort.' : 'If a date changes, we will tell you straight away.'],
        action: orderAction(data, de),
      }, data, l);
    }
    case 'order_delayed':
      return build({
        subject: de ? `Verspätung: ${data.title}` : `Delayed: ${data.title}`,
        paragraphs: [
          de ? `Es tut uns leid: ${q} × ${item} aus Bestellung ${data.orderId} kommt später als versprochen.` : `We are sorry: ${q} × ${item} from order ${data.orderId} will arrive later than we promised.`,
          de ? `Bisheriger Termin: ${fmtDate(data.oldDate, l)}. Neuer Termin: ${fmtDate(data.newDate, l)}.` : `Promised date was ${fmtDate(data.oldDate, l)}; the new date is ${fmtDate(data.newDate, l)}.`,
          de ? 'Sie können die Position jederzeit kostenlos stornieren.' : 'You can cancel the item at any time at no cost.',
        ],
        action: orderAction(data, de),
      }, data, l);
    case 'order_expedited':
      return build({
        subject: de ? `Früher als gedacht: ${data.title}` : `Sooner than promised: ${data.title}`,
        paragraphs: [de ? `Gute Nachricht: ${q} × ${item} aus Bestellung ${data.orderId} kommt früher — am ${fmtDate(data.newDate, l)} statt am ${fmtDate(data.oldDate, l)}.` : `Good news: ${q} × ${item} from order ${data.orderId} is coming sooner — ${fmtDate(data.newDate, l)} instead of ${fmtDate(data.oldDate, l)}.`],
        action: orderAction(data, de),
      }, data, l);
    case 'order_allocated':
      return build({
        subject: de ? `Auf dem Weg zu Ihnen: ${data.title}` : `On its way: ${data.title}`,
        paragraphs: [de ? `${q} × ${item} aus Bestellung ${data.orderId} ist eingetroffen und für Sie reserviert; wir versenden es jetzt.` : `${q} × ${item} from order ${data.orderId} has arrived and is set aside for you; we are shipping it now.`],
        action: orderAction(data, de),
      }, data, l);
    case 'preorder_released':
      return build({
        subject: de ? `Erschienen: ${data.title}` : `Released today: ${data.title}`,
        paragraphs: [
          de ? `${item} ist heute erschienen. Ihre Vorbestellung über ${q} Stück (Bestellung ${data.orderId}) wird jetzt bedient.` : `${item} is released today. Your pre-order of ${q} (order ${data.orderId}) is now being fulfilled.`,
          data.date ? (de ? `Voraussichtlicher Versand: ${fmtDate(data.date, l)}.` : `Expected to ship: ${fmtDate(data.date, l)}.`) : '',
        ].filter(Boolean),
        action: orderAction(data, de),
      }, data, l);
    case 'stock_alert': {
      const a = data.alert;
      const low = a?.kind === 'low_stock';
      const units = a?.availableToSell ?? 0;
      const inbound = a?.nextInboundDate
        ? de ? `Nächste erwartete Lieferung: ${fmtDate(a.nextInboundDate, l)}.` : `Next inbound stock is expected on ${fmtDate(a.nextInboundDate, l)}.`
        : de ? 'Es ist keine Lieferung erwartet: Zeit nachzubestellen.' : 'No inbound stock is expected: time to reorder.';
      const selling = a?.status === 'backorder'
        ? de ? `Er wird jetzt auf Nachbestellung verkauft${a.promisedDate ? ` (zugesagt für ${fmtDate(a.promisedDate, l)})` : ''}.` : `It now sells on backorder${a.promisedDate ? `, promised for ${fmtDate(a.promisedDate, l)}` : ''}.`
        : '';
      return build({
        subject: low
          ? de ? `Wenig Bestand: ${item}, noch ${units}` : `Low stock: ${item}, ${units} left`
          : de ? `Ausverkauft: ${item}` : `Out of stock: ${item}`,
        paragraphs: [
          low
            ? de ? `${item} hat wenig Bestand: noch ${units} Stück verkaufbar, über alle Lager.` : `${item} is running low: ${units} left to sell across all locations.`
            : de ? `${item} ist ausverkauft: nichts mehr ab Lager verkaufbar.` : `${item} has sold out: nothing is left to sell from stock.`,
          selling,
          inbound,
          a ? (de ? `Kunden sehen jetzt: „${a.shopperMessage}“` : `Shoppers now see: "${a.shopperMessage}"`) : '',
        ].filter(Boolean),
        action: data.productUrl ? { label: de ? 'Dashboard öffnen' : 'Open the dashboard', url: data.productUrl } : undefined,
        footer: de ? 'Sie erhalten diese Nachricht, weil Ihre Adresse in den Bestandswarnungen des Shops steht (Einstellungen → Warnungen).' : "You get this because your address is on the shop's stock alert list (settings: alerts).",
      }, data, l);
    }
  }
}
