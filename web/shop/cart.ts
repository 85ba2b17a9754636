/**
 * The cart, kept for the browser session. It has two kinds of line. An in-stock item is held (a reservation that
 * expires, with a countdown) and checks out with its `reservationId`. A backorder or pre-order item holds
 * nothing: it is ordered without a reservation and waits in the queue with a promised date.
 *
 * Also this browser's customer id and orders (each with the signed order link's token: the shopper's only way
 * to read their order with their masked email and to cancel a waiting line — the storefront key is public and
 * sees no customer data).
 */
import type { Product, Reservation } from 'restock/client';
import { isApiError, plainWords, restock, unwrap } from './api.ts';
import { formatMoney, h, readJson, toast } from './dom.ts';

const HOLDS_STORAGE = 'restock.holds';
const WAITS_STORAGE = 'restock.waits';
const CUSTOMER_STORAGE = 'restock.customer';
const ORDERS_STORAGE = 'restock.orders';

export interface Hold {
  id: string;
  sku: string;
  title: string;
  quantity: number;
  expiresAt: string;
  createdAt?: string;
  status: string;
  price: string;
  currency: string;
  fromWaitlist?: boolean;
}

export interface Wait {
  sku: string;
  title: string;
  quantity: number;
  kind: 'backorder' | 'preorder';
  price: string;
  currency: string;
}

export interface MyOrder {
  id: string;
  createdAt: string;
  items: number;
  token?: string;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export const cart = {
  holds: list<Hold>(readJson(sessionStorage, HOLDS_STORAGE, [])),
  waits: list<Wait>(readJson(sessionStorage, WAITS_STORAGE, [])),
  /** Reasons the last checkout attempt gave per SKU (a refused order), shown on the cart lines. */
  lineErrors: new Map<string, string>(),
};

/** Fired on `document` after every change of the cart: the views that show it draw it again. */
export const CART_CHANGED = 'shop:cart-changed';

export function saveCart(): void {
  cart.holds = cart.holds.filter((x) => x.status === 'active');
  sessionStorage.setItem(HOLDS_STORAGE, JSON.stringify(cart.holds));
  sessionStorage.setItem(WAITS_STORAGE, JSON.stringify(cart.waits));
  document.dispatchEvent(new Event(CART_CHANGED));
}

export function activeHolds(sku?: string): Hold[] {
  return cart.holds.filter((x) => x.status === 'active' && (sku === undefined || x.sku === sku));
}

export function cartWaits(sku?: string): Wait[] {
  return cart.waits.filter((x) => sku === undefined || x.sku === sku);
}

export function itemsInCart(): number {
  return activeHolds().reduce((s, x) => s + x.quantity, 0) + cartWaits().reduce((s, x) => s + x.quantity, 0);
}

function secondsLeft(hold: Hold): number {
  return Math.max(0, Math.round((Date.parse(hold.expiresAt) - Date.now()) / 1000));
}

function formatCountdown(s: number): string {
  if (s >= 3600) {
    const hours = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${hours}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

function updateCountdown(el: Element, hold: Hold): void {
  const left = secondsLeft(hold);
  const text = el.querySelector('.countdown-text');
  const bar = el.querySelector<HTMLElement>('.countdown-bar');
  if (text) text.textContent = formatCountdown(left);
  if (bar) {
    // The hold's length is the API's (its default, or what a "held for you" link set): read it from the hold.
    const total = Math.max(1, (Date.parse(hold.expiresAt) - Date.parse(hold.createdAt ?? hold.expiresAt)) / 1000 || left);
    bar.style.setProperty('--left', String(Math.min(1, left / total)));
  }
  el.classList.toggle('urgent', left <= 60);
}

/** Countdowns tick once a second; a hold that runs out is marked expired (the server releases it on its own). */
export function startCountdowns(): void {
  setInterval(() => {
    const ranOut = activeHolds().filter((hold) => secondsLeft(hold) === 0);
    for (const hold of ranOut) hold.status = 'expired';
    if (ranOut.length > 0) {
      saveCart();
      toast(`Your hold on ${ranOut.map((x) => x.title).join(', ')} ran out, so it went back on sale.`, true);
    }
    for (const el of document.querySelectorAll('[data-countdown]')) {
      const hold = cart.holds.find((x) => x.id === el.getAttribute('data-countdown'));
      if (hold) updateCountdown(el, hold);
    }
  }, 1000);
}

export function holdFrom(r: Reservation, product: Pick<Product, 'title' | 'price' | 'currency'>, extra: Partial<Hold> = {}): Hold {
  return { id: r.id, sku: r.sku, title: product.title, quantity: r.quantity, expiresAt: r.expiresAt, createdAt: r.createdAt, status: r.status, price: product.price, currency: product.currency, ...extra };
}

const reserve = (sku: string, quantity: number) => unwrap(restock.POST('/v1/reservations', { body: { sku, quantity } }));
const release = (id: string) => unwrap(restock.DELETE('/v1/reservations/{id}', { params: { path: { id } } }));

/**
 * Holds `quantity` more of a product. An order line takes one reservation, so a SKU already held is held again
 * as one reservation of the total: the extra units are reserved first (so a refusal changes nothing), then the
 * two holds are swapped for one.
 */
export async function addToCart(product: Product, quantity: number): Promise<void> {
  const existing = activeHolds(product.sku)[0];
  const extra = await reserve(product.sku, quantity);
  if (!existing) {
    cart.holds.unshift(holdFrom(extra, product));
    saveCart();
    return;
  }
  const total = existing.quantity + extra.quantity;
  await release(extra.id);
  await release(existing.id).catch(() => null);
  existing.status = 'released';
  try {
    cart.holds.unshift(holdFrom(await reserve(product.sku, total), product));
  } catch (err) {
    // Someone took units in the moment between: keep what can still be held.
    const again = await reserve(product.sku, existing.quantity).catch(() => null);
    if (again) cart.holds.unshift(holdFrom(again, product));
    saveCart();
    throw err;
  }
  saveCart();
}

export function addWaiting(product: Product, quantity: number, kind: Wait['kind']): void {
  const existing = cart.waits.find((x) => x.sku === product.sku);
  if (existing) {
    existing.quantity += quantity;
    existing.kind = kind;
  } else cart.waits.push({ sku: product.sku, title: product.title, quantity, kind, price: product.price, currency: product.currency });
  cart.lineErrors.delete(product.sku);
  saveCart();
}

async function removeHold(hold: Hold): Promise<void> {
  try {
    await release(hold.id);
  } catch (err) {
    // Gone already (expired, released): the cart follows.
    if (!(isApiError(err) && /^reservation_|unknown_reservation/.test(err.code))) throw err;
  }
  hold.status = 'released';
  cart.lineErrors.delete(hold.sku);
  saveCart();
  toast(`${hold.title} was taken out of your cart.`);
}

function removeWait(wait: Wait): void {
  cart.waits = cart.waits.filter((x) => x !== wait);
  cart.lineErrors.delete(wait.sku);
  saveCart();
  toast(`${wait.title} was taken out of your cart.`);
}

/** Runs an action from a button: disables it meanwhile and tells the shopper in plain words if it fails. */
export async function act(button: HTMLButtonElement, action: () => Promise<void>, onError?: (message: string) => void): Promise<void> {
  button.disabled = true;
  try {
    await action();
  } catch (err) {
    if (isApiError(err, 'reservation_expired', 'unknown_reservation')) {
      const id = button.closest('[data-hold]')?.getAttribute('data-hold');
      for (const x of cart.holds) if (x.id === id) x.status = 'expired';
      saveCart();
    }
    const message = plainWords(err);
    if (onError) onError(message);
    else toast(message, true);
  } finally {
    button.disabled = false;
  }
}

function lineError(sku: string): HTMLElement | null {
  const message = cart.lineErrors.get(sku);
  return message ? h('p', { class: 'line-error', role: 'alert' }, message) : null;
}

export function holdRow(hold: Hold, { checkoutLink = false } = {}): HTMLLIElement {
  const remove = h('button', { class: 'button danger small', type: 'button' }, 'Remove');
  remove.addEventListener('click', () => void act(remove, () => removeHold(hold)));
  const countdown = h(
    'div',
    { class: 'countdown', 'data-countdown': hold.id },
    h('span', { class: 'countdown-label' }, hold.fromWaitlist ? 'Held for you from the waitlist for ' : 'Held for you for ', h('strong', { class: 'countdown-text tabular' }, formatCountdown(secondsLeft(hold)))),
    h('span', { class: 'countdown-track', 'aria-hidden': 'true' }, h('span', { class: 'countdown-bar' })),
  );
  updateCountdown(countdown, hold);
  return h(
    'li',
    { class: 'hold', 'data-hold': hold.id, 'data-sku': hold.sku },
    h('div', { class: 'hold-main' },
      h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(hold.sku)}` }, `${hold.quantity} × ${hold.title}`),
      h('span', { class: 'hold-price tabular' }, formatMoney(Number(hold.price) * hold.quantity, hold.currency)),
    ),
    countdown,
    lineError(hold.sku),
    h('div', { class: 'hold-actions' }, checkoutLink ? h('a', { class: 'button primary small', href: '#/cart' }, 'Checkout') : null, remove),
  );
}

export function waitRow(wait: Wait, { checkoutLink = false } = {}): HTMLLIElement {
  const remove = h('button', { class: 'button danger small', type: 'button' }, 'Remove');
  remove.addEventListener('click', () => removeWait(wait));
  return h(
    'li',
    { class: `hold wait ${wait.kind}`, 'data-wait': wait.sku, 'data-sku': wait.sku },
    h('div', { class: 'hold-main' },
      h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(wait.sku)}` }, `${wait.quantity} × ${wait.title}`),
      h('span', { class: 'hold-price tabular' }, formatMoney(Number(wait.price) * wait.quantity, wait.currency)),
    ),
    // The widget keeps the date honest while the shopper looks: it follows the queue and inbound stock.
    h('restock-availability', { sku: wait.sku, class: 'wait-availability' }),
    h('p', { class: 'wait-fine muted' }, wait.kind === 'preorder' ? 'Nothing is charged or held until it is released; your place in line counts from checkout.' : 'Not in stock: your place in line counts from checkout, and we email you if the date moves.'),
    lineError(wait.sku),
    h('div', { class: 'hold-actions' }, checkoutLink ? h('a', { class: 'button primary small', href: '#/cart' }, 'Checkout') : null, remove),
  );
}

/** The cart lines of one SKU (or all), e.g. under the product page's buy button. */
export function renderCartLines(container: HTMLElement, sku?: string): void {
  const mine = activeHolds(sku);
  const waiting = cartWaits(sku);
  container.replaceChildren(...mine.map((x) => holdRow(x, { checkoutLink: true })), ...waiting.map((x) => waitRow(x, { checkoutLink: true })));
  container.hidden = mine.length + waiting.length === 0;
}

// ---------------------------------------------------------------------------------------------------------
// This browser's customer and orders.

export interface Customer {
  id: string;
  email: string;
}

export function customer(): Customer {
  const c = readJson<Partial<Customer> | null>(localStorage, CUSTOMER_STORAGE, null);
  if (c && typeof c.id === 'string') return { id: c.id, email: typeof c.email === 'string' ? c.email : '' };
  const fresh = { id: `demo-${crypto.randomUUID().slice(0, 8)}`, email: '' };
  localStorage.setItem(CUSTOMER_STORAGE, JSON.stringify(fresh));
  return fresh;
}

export function rememberCustomerEmail(email: string): void {
  localStorage.setItem(CUSTOMER_STORAGE, JSON.stringify({ ...customer(), email }));
}

export function myOrders(): MyOrder[] {
  return list<MyOrder>(readJson(localStorage, ORDERS_STORAGE, []));
}

export function rememberOrder(order: { id: string; createdAt: string; lines: Array<{ quantity: number }>; token?: string }): void {
  const rest = myOrders().filter((o) => o.id !== order.id);
  rest.unshift({ id: order.id, createdAt: order.createdAt, items: order.lines.reduce((s, l) => s + l.quantity, 0), ...(order.token ? { token: order.token } : {}) });
  localStorage.setItem(ORDERS_STORAGE, JSON.stringify(rest.slice(0, 20)));
}
