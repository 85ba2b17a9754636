/** Numbers, dates and times in the operator's language. Ledger and event times always carry their date. */
export const locale = document.documentElement.lang || navigator.language || 'en';
const numberFormat = new Intl.NumberFormat(locale);
const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export const num = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : numberFormat.format(n));
export const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : percentFormat.format(x));
/** A calendar date (YYYY-MM-DD, read as UTC so it never shifts a day). */
export function calendarDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}
/** A moment, with its date. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}
export function money(amount: string | number, currency: string): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}

export const STATUS_LABELS: Record<string, string> = {
  in_stock: 'In stock',
  low_stock: 'Low stock',
  out_of_stock: 'Out of stock',
  backorder: 'Backorder',
  preorder: 'Pre-order',
  discontinued: 'Discontinued',
};
export const statusLabel = (s: string): string => STATUS_LABELS[s] ?? s.replace(/_/g, ' ');
/** Attribute names as words ("newRelease" → "New release", "new_release" → "New release"). */
export function words(name: string): string {
  const w = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}
