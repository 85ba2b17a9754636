/** Small DOM and formatting helpers for the demo shop. Elements are built, never parsed from HTML strings. */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined | Record<string, string | number>;

/** h('a', { href: '#', class: 'x' }, 'text', child). `style` takes custom properties (set through CSSOM). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'style' && typeof v === 'object') for (const [p, val] of Object.entries(v)) el.style.setProperty(p, String(val));
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c as readonly Child[]);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** The element with this id (the page's fixed skeleton: a missing one is a bug in index.html). */
export function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
}

export const locale = document.documentElement.lang || navigator.language || 'en';

export function formatMoney(amount: string | number, currency: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

const longDateFormat = (() => {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
})();
const clockFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });

export function longDate(iso: string | null | undefined): string {
  return iso ? longDateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '';
}

export function clockTime(iso: string): string {
  return clockFormat.format(Date.parse(iso));
}

export function dateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : dateTimeFormat.format(t);
}

/** The page's language as the API takes it for emails (`en`, `de`, `en-GB`). */
export const emailLocale = (() => {
  const m = /^([a-z]{2})(?:[-_]([a-z]{2}))?\b/i.exec(locale);
  if (!m) return undefined;
  const lang = (m[1] as string).toLowerCase();
  return m[2] ? `${lang}-${m[2].toUpperCase()}` : lang;
})();

export function readJson<T>(storage: Storage, key: string, fallback: T): T {
  try {
    const v = JSON.parse(storage.getItem(key) ?? 'null') as T | null;
    return v ?? fallback;
  } catch {
    return fallback;
  }
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(message: string, isError = false): void {
  const t = $('toast');
  t.textContent = message;
  t.classList.toggle('error', isError);
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    t.hidden = true;
  }, isError ? 7000 : 4000);
}

export function hideToast(): void {
  $('toast').hidden = true;
}

/** Drops the nulls of a list of optional elements. */
export function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((x): x is T => x !== null);
}
