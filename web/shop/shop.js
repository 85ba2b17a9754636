/**
 * The demo shop: a product grid with live availability, a product page with stock per location and a "Notify me"
 * form when sold out, a cart and a checkout that places an order, and an order page. Views are chosen by the
 * URL hash:
 *   #/                 all products (search and category filter)
 *   #/product/SKU      one product
 *   #/cart             the cart and checkout
 *   #/order/ID         one order: per line what ships now, what waits and until when; cancel a line
 *
 * The cart has two kinds of line. An in-stock item is held (a reservation that expires, with a countdown) and
 * checks out with its `reservationId`. A backorder or pre-order item holds nothing: it is ordered without a
 * reservation and waits in the queue with a promised date.
 *
 * `/?sku=…&reservation=…` is where a "held for you" link from a waitlist email lands: the held reservation is put
 * into the cart.
 */
import { ApiError, createApi, formatMoney, h, plainWords } from '/shared/api.js';

const KEY_STORAGE = 'restock.storefrontKey';
const HOLDS_STORAGE = 'restock.holds';
const WAITS_STORAGE = 'restock.waits';
const CUSTOMER_STORAGE = 'restock.customer';
const ORDERS_STORAGE = 'restock.orders';
const PAGE_SIZE = 48;

const pageKey = document.querySelector('meta[name="restock-key"]')?.content || null;
const storefrontKey = () => pageKey ?? sessionStorage.getItem(KEY_STORAGE);
const api = createApi({ key: storefrontKey });
const locale = document.documentElement.lang || navigator.language || 'en';
const longDate = (() => {
  let f;
  try {
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  } catch {
    f = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return (iso) => (iso ? f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '');
})();
const clockTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
/** The page's language as the API takes it for emails (`en`, `de`, `en-GB`). */
const emailLocale = (() => {
  const m = /^([a-z]{2})(?:[-_]([a-z]{2}))?\b/i.exec(locale);
  return m ? (m[2] ? `${m[1].toLowerCase()}-${m[2].toUpperCase()}` : m[1].toLowerCase()) : undefined;
})();

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const views = ['view-setup', 'view-list', 'view-product', 'view-cart', 'view-order'];

const state = {
  query: '',
  category: '',
  next: null,
  categories: /** @type {string[]} */ ([]),
  /** @type {Map<string, object>} */
  products: new Map(),
  /** @type {Map<string, string>} location code -> name */
  locationNames: new Map(),
  listLoaded: false,
  /** Reasons the last checkout attempt gave per SKU (a refused order), shown on the cart lines. */
  lineErrors: /** @type {Map<string, string>} */ (new Map()),
};

function readJson(storage, key, fallback) {
  try {
    const v = JSON.parse(storage.getItem(key) ?? 'null');
    return v ?? fallback;
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The cart: holds (reservations) and waiting items (backorder, pre-order), kept for the session.

/** @typedef {{ id: string, sku: string, title: string, quantity: number, expiresAt: string, createdAt?: string, status: string, price: string, currency: string, fromWaitlist?: boolean }} Hold */
/** @typedef {{ sku: string, title: string, quantity: number, kind: 'backorder' | 'preorder', price: string, currency: string }} Wait */

/** @type {Hold[]} */
let holds = (() => {
  const v = readJson(sessionStorage, HOLDS_STORAGE, []);
  return Array.isArray(v) ? v : [];
})();
/** @type {Wait[]} */
let waits = (() => {
  const v = readJson(sessionStorage, WAITS_STORAGE, []);
  return Array.isArray(v) ? v : [];
})();

function saveCart() {
  holds = holds.filter((x) => x.status === 'active');
  sessionStorage.setItem(HOLDS_STORAGE, JSON.stringify(holds));
  sessionStorage.setItem(WAITS_STORAGE, JSON.stringify(waits));
  renderCartCount();
  for (const el of document.querySelectorAll('[data-holds-for]')) renderCartLines(el, el.getAttribute('data-holds-for'));
  if (!$('view-cart').hidden) renderCart();
}

function activeHolds(sku) {
  return holds.filter((x) => x.status === 'active' && (sku === undefined || x.sku === sku));
}

function cartWaits(sku) {
  return waits.filter((x) => sku === undefined || x.sku === sku);
}

function renderCartCount() {
  const n = activeHolds().reduce((s, x) => s + x.quantity, 0) + cartWaits().reduce((s, x) => s + x.quantity, 0);
  $('cart-count').textContent = String(n);
  $('cart-link').setAttribute('aria-label', `Cart, ${n} ${n === 1 ? 'item' : 'items'}`);
}

function secondsLeft(hold) {
  return Math.max(0, Math.round((Date.parse(hold.expiresAt) - Date.now()) / 1000));
}

function formatCountdown(s) {
  if (s >= 3600) {
    const hours = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${hours}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

// Countdowns tick once a second; a hold that runs out is marked expired (the server releases it on its own).
setInterval(() => {
  const ranOut = activeHolds().filter((hold) => secondsLeft(hold) === 0);
  for (const hold of ranOut) hold.status = 'expired';
  if (ranOut.length > 0) {
    saveCart();
    toast(`Your hold on ${ranOut.map((x) => x.title).join(', ')} ran out, so it went back on sale.`, true);
  }
  for (const el of document.querySelectorAll('[data-countdown]')) {
    const hold = holds.find((x) => x.id === el.getAttribute('data-countdown'));
    if (hold) updateCountdown(el, hold);
  }
}, 1000);

function updateCountdown(el, hold) {
  const left = secondsLeft(hold);
  const text = el.querySelector('.countdown-text');
  const bar = el.querySelector('.countdown-bar');
  if (text) text.textContent = formatCountdown(left);
  if (bar) {
    // The hold's length is the API's (its default, or what a "held for you" link set): read it from the hold.
    const total = Math.max(1, (Date.parse(hold.expiresAt) - Date.parse(hold.createdAt ?? hold.expiresAt)) / 1000 || left);
    bar.style.setProperty('--left', String(Math.min(1, left / total)));
  }
  el.classList.toggle('urgent', left <= 60);
}

function holdFrom(r, product, extra = {}) {
  return { id: r.id, sku: r.sku, title: product.title, quantity: r.quantity, expiresAt: r.expiresAt, createdAt: r.createdAt, status: r.status, price: product.price, currency: product.currency, ...extra };
}

/**
 * Holds `quantity` more of a product. An order line takes one reservation, so a SKU already held is held again
 * as one reservation of the total: the extra units are reserved first (so a refusal changes nothing), then the
 * two holds are swapped for one.
 */
async function addToCart(product, quantity) {
  const existing = activeHolds(product.sku)[0];
  const extra = await api.post('/v1/reservations', { sku: product.sku, quantity });
  if (!existing) {
    holds.unshift(holdFrom(extra, product));
    saveCart();
    return;
  }
  const total = existing.quantity + extra.quantity;
  await api.del(`/v1/reservations/${encodeURIComponent(extra.id)}`);
  await api.del(`/v1/reservations/${encodeURIComponent(existing.id)}`).catch(() => null);
  existing.status = 'released';
  try {
    const merged = await api.post('/v1/reservations', { sku: product.sku, quantity: total });
    holds.unshift(holdFrom(merged, product));
  } catch (err) {
    // Someone took units in the moment between: keep what can still be held.
    const again = await api.post('/v1/reservations', { sku: product.sku, quantity: existing.quantity }).catch(() => null);
    if (again) holds.unshift(holdFrom(again, product));
    saveCart();
    throw err;
  }
  saveCart();
}

function addWaiting(product, quantity, kind) {
  const existing = waits.find((x) => x.sku === product.sku);
  if (existing) {
    existing.quantity += quantity;
    existing.kind = kind;
  } else waits.push({ sku: product.sku, title: product.title, quantity, kind, price: product.price, currency: product.currency });
  state.lineErrors.delete(product.sku);
  saveCart();
}

async function removeHold(hold) {
  try {
    await api.del(`/v1/reservations/${encodeURIComponent(hold.id)}`);
  } catch (err) {
    // Gone already (expired, released): the cart follows.
    if (!(err instanceof ApiError && /^reservation_|unknown_reservation/.test(err.code))) throw err;
  }
  hold.status = 'released';
  state.lineErrors.delete(hold.sku);
  saveCart();
  toast(`${hold.title} was taken out of your cart.`);
}

function removeWait(wait) {
  waits = waits.filter((x) => x !== wait);
  state.lineErrors.delete(wait.sku);
  saveCart();
  toast(`${wait.title} was taken out of your cart.`);
}

/** Runs an action from a button: disables it meanwhile and tells the shopper in plain words if it fails. */
async function act(button, action, onError) {
  button.disabled = true;
  try {
    await action();
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'reservation_expired' || err.code === 'unknown_reservation')) {
      for (const x of holds) if (button.closest('[data-hold]')?.getAttribute('data-hold') === x.id) x.status = 'expired';
      saveCart();
    }
    const message = plainWords(err);
    if (onError) onError(message);
    else toast(message, true);
  } finally {
    button.disabled = false;
  }
}

function lineError(sku) {
  const message = state.lineErrors.get(sku);
  return message ? h('p', { class: 'line-error', role: 'alert' }, message) : null;
}

function holdRow(hold, { checkoutLink = false } = {}) {
  const remove = h('button', { class: 'button danger small', type: 'button' }, 'Remove');
  remove.addEventListener('click', () => act(remove, () => removeHold(hold)));
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
    h(
      'div',
      { class: 'hold-main' },
      h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(hold.sku)}` }, `${hold.quantity} × ${hold.title}`),
      h('span', { class: 'hold-price tabular' }, formatMoney(Number(hold.price) * hold.quantity, hold.currency, locale)),
    ),
    countdown,
    lineError(hold.sku),
    h('div', { class: 'hold-actions' }, checkoutLink ? h('a', { class: 'button primary small', href: '#/cart' }, 'Checkout') : null, remove),
  );
}

function waitRow(wait, { checkoutLink = false } = {}) {
  const remove = h('button', { class: 'button danger small', type: 'button' }, 'Remove');
  remove.addEventListener('click', () => removeWait(wait));
  return h(
    'li',
    { class: `hold wait ${wait.kind}`, 'data-wait': wait.sku, 'data-sku': wait.sku },
    h(
      'div',
      { class: 'hold-main' },
      h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(wait.sku)}` }, `${wait.quantity} × ${wait.title}`),
      h('span', { class: 'hold-price tabular' }, formatMoney(Number(wait.price) * wait.quantity, wait.currency, locale)),
    ),
    // The widget keeps the date honest while the shopper looks: it follows the queue and inbound stock.
    h('restock-availability', { sku: wait.sku, class: 'wait-availability' }),
    h('p', { class: 'wait-fine muted' }, wait.kind === 'preorder' ? 'Nothing is charged or held until it is released; your place in line counts from checkout.' : 'Not in stock: your place in line counts from checkout, and we email you if the date moves.'),
    lineError(wait.sku),
    h('div', { class: 'hold-actions' }, checkoutLink ? h('a', { class: 'button primary small', href: '#/cart' }, 'Checkout') : null, remove),
  );
}

function renderCartLines(container, sku) {
  const mine = activeHolds(sku ?? undefined);
  const waiting = cartWaits(sku ?? undefined);
  container.replaceChildren(...mine.map((x) => holdRow(x, { checkoutLink: true })), ...waiting.map((x) => waitRow(x, { checkoutLink: true })));
  container.hidden = mine.length + waiting.length === 0;
}

// ---------------------------------------------------------------------------------------------------------
// Customer and orders (this browser's).

function customer() {
  const c = readJson(localStorage, CUSTOMER_STORAGE, null);
  if (c && typeof c.id === 'string') return c;
  const id = `demo-${crypto.randomUUID().slice(0, 8)}`;
  const fresh = { id, email: '' };
  localStorage.setItem(CUSTOMER_STORAGE, JSON.stringify(fresh));
  return fresh;
}

function rememberCustomerEmail(email) {
  localStorage.setItem(CUSTOMER_STORAGE, JSON.stringify({ ...customer(), email }));
}

/**
 * This browser's orders, each with its signed order link's token: the shopper's only way to read the order with
 * their (masked) email and to cancel a waiting line — the storefront key is public and sees no customer data.
 * @returns {Array<{ id: string, createdAt: string, items: number, token?: string }>}
 */
function myOrders() {
  const v = readJson(localStorage, ORDERS_STORAGE, []);
  return Array.isArray(v) ? v : [];
}

function rememberOrder(order) {
  const list = myOrders().filter((o) => o.id !== order.id);
  list.unshift({ id: order.id, createdAt: order.createdAt, items: order.lines.reduce((s, l) => s + l.quantity, 0), token: order.token });
  localStorage.setItem(ORDERS_STORAGE, JSON.stringify(list.slice(0, 20)));
}

// ---------------------------------------------------------------------------------------------------------
// Catalog views.

function hue(s) {
  let x = 0;
  for (const c of s) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return x % 360;
}

function initials(title) {
  const small = new Set(['a', 'an', 'and', 'of', 'the', 'for', 'with', 'in', 'on', '&']);
  const words = title.split(/[\s,]+/).filter((w) => /[A-Za-z0-9]/.test(w) && !small.has(w.toLowerCase()));
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '•';
}

function thumb(product, size = '') {
  return h(
    'div',
    { class: `thumb ${size}`, style: { '--hue': hue(product.category || product.sku), '--tilt': `${hue(product.sku) % 40}deg` }, 'aria-hidden': 'true' },
    h('span', {}, initials(product.title)),
  );
}

function productCard(p) {
  return h(
    'li',
    { class: 'card', 'data-sku': p.sku },
    h(
      'a',
      { class: 'card-link', href: `#/product/${encodeURIComponent(p.sku)}` },
      thumb(p),
      h(
        'div',
        { class: 'card-body' },
        p.brand ? h('p', { class: 'eyebrow' }, p.brand) : null,
        h('h3', { class: 'card-title' }, p.title),
        h('p', { class: 'price tabular' }, formatMoney(p.price, p.currency, locale)),
      ),
    ),
    h('restock-availability', { sku: p.sku, class: 'card-availability' }),
  );
}

async function loadCategories() {
  // The catalog API filters by category but does not list them: gather them from the first products.
  const r = await api.get('/v1/products?limit=500');
  state.categories = [...new Set(r.items.map((p) => p.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, locale));
  renderCategories();
}

function renderCategories() {
  const chip = (value, label) => {
    const b = h('button', { type: 'button', class: 'chip', 'aria-pressed': String(state.category === value) }, label);
    b.addEventListener('click', () => {
      state.category = value;
      renderCategories();
      void loadList(true);
    });
    return b;
  };
  $('categories').replaceChildren(chip('', 'All'), ...state.categories.map((c) => chip(c, c)));
  $('categories').hidden = state.categories.length === 0;
}

let listRequest = 0;
async function loadList(reset) {
  const id = ++listRequest;
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (state.query) params.set('q', state.query);
  if (state.category) params.set('category', state.category);
  if (!reset && state.next) params.set('after', state.next);
  const grid = $('grid');
  grid.setAttribute('aria-busy', 'true');
  try {
    const r = await api.get(`/v1/products?${params}`);
    if (id !== listRequest) return;
    for (const p of r.items) state.products.set(p.sku, p);
    const cards = r.items.map(productCard);
    if (reset) grid.replaceChildren(...cards);
    else grid.append(...cards);
    state.next = r.next;
    state.listLoaded = true;
    const shown = grid.children.length;
    $('empty').hidden = shown > 0;
    $('load-more').hidden = !r.next;
    $('list-title').textContent = state.category || (state.query ? 'Search results' : 'All products');
    $('results-count').textContent = state.query
      ? `${shown}${r.next ? '+' : ''} ${shown === 1 ? 'product' : 'products'} for “${state.query}”`
      : `${shown}${r.next ? '+' : ''} ${shown === 1 ? 'product' : 'products'}`;
  } catch (err) {
    if (id === listRequest) showApiFailure(err);
  } finally {
    if (id === listRequest) grid.removeAttribute('aria-busy');
  }
}

function showApiFailure(err) {
  if (err instanceof ApiError && err.code === 'unauthorized' && !pageKey) {
    sessionStorage.removeItem(KEY_STORAGE);
    route();
  }
  toast(plainWords(err), true);
}

async function productFor(sku) {
  const known = state.products.get(sku);
  if (known) return known;
  const p = await api.get(`/v1/products/${encodeURIComponent(sku)}`);
  state.products.set(sku, p);
  return p;
}

async function locationNames() {
  if (state.locationNames.size === 0) {
    try {
      const r = await api.get('/v1/locations');
      for (const l of r.items) state.locationNames.set(l.code, l.name);
    } catch {
      // Codes will do.
    }
  }
  return state.locationNames;
}

function renderLocations(container, availability, names) {
  if (!availability || availability.locations.length === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'No location holds this product.'));
    return;
  }
  const rows = availability.locations.map((l) =>
    h(
      'tr',
      { class: l.availableToSell > 0 ? '' : 'none' },
      h('th', { scope: 'row' }, names.get(l.location) ?? l.location),
      h('td', {}, l.region || '—'),
      h('td', { class: 'num tabular' }, l.availableToSell > 0 ? String(l.availableToSell) : 'None'),
    ),
  );
  container.replaceChildren(
    h(
      'table',
      { class: 'locations' },
      h('caption', { class: 'visually-hidden' }, 'Units available at each location'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Location'), h('th', { scope: 'col' }, 'Region'), h('th', { scope: 'col', class: 'num' }, 'Available'))),
      h('tbody', {}, rows),
    ),
  );
}

let productView = 0;
async function showProduct(sku) {
  const id = ++productView;
  const view = $('view-product');
  view.replaceChildren(h('p', { class: 'muted loading' }, 'Loading…'));
  let product;
  try {
    product = await productFor(sku);
  } catch (err) {
    if (id !== productView) return;
    view.replaceChildren(backLink(), h('div', { class: 'panel empty-state' }, h('h1', {}, 'Product not found'), h('p', { class: 'muted' }, plainWords(err))));
    return;
  }
  if (id !== productView) return;
  document.title = `${product.title} · Restock demo shop`;

  const quantity = h('input', { id: 'quantity', name: 'quantity', type: 'number', min: '1', max: '99', value: '1', inputmode: 'numeric', required: true });
  const add = h('button', { class: 'button primary', type: 'submit' }, 'Add to cart');
  const error = h('p', { class: 'notice', role: 'alert' });
  const note = h('p', { class: 'muted buy-note' });
  const form = h(
    'form',
    { class: 'buy-form' },
    h('div', { class: 'qty' }, h('label', { for: 'quantity' }, 'Quantity'), quantity),
    add,
  );
  /** What the button does now: hold stock, or take a backorder / pre-order. */
  let mode = 'hold';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const n = Number(quantity.value);
    if (!Number.isInteger(n) || n < 1) {
      error.textContent = 'Choose a quantity of at least 1.';
      return;
    }
    if (mode === 'backorder' || mode === 'preorder') {
      addWaiting(product, n, mode);
      toast(`Added to your cart: ${n} × ${product.title} on ${mode === 'preorder' ? 'pre-order' : 'backorder'}.`);
      return;
    }
    void act(add, async () => {
      await addToCart(product, n);
    }, (message) => {
      error.textContent = message;
    });
  });

  // `notify`: when it is sold out, the widget offers "Notify me when available".
  const widget = h('restock-availability', { sku: product.sku, class: 'product-availability', notify: true });
  let subscribed = false;
  widget.addEventListener('restock-subscribe', () => {
    subscribed = true;
    if (mode === 'none') note.textContent = '';
  });
  const locations = h('div', { class: 'locations-wrap' }, h('p', { class: 'muted' }, 'Loading…'));
  const cartLines = h('ul', { class: 'holds', 'data-holds-for': product.sku, 'aria-label': 'In your cart' });
  renderCartLines(cartLines, product.sku);

  // The widget hears every change live; the per-location table follows it.
  let refreshTimer = 0;
  const refreshLocations = async () => {
    try {
      const [a, names] = await Promise.all([api.get(`/v1/availability/${encodeURIComponent(product.sku)}`), locationNames()]);
      if (id === productView) renderLocations(locations, a, names);
    } catch (err) {
      if (id === productView) locations.replaceChildren(h('p', { class: 'notice' }, plainWords(err)));
    }
  };
  widget.addEventListener('restock-change', (e) => {
    const a = /** @type {CustomEvent} */ (e).detail.availability;
    const inStock = a.availableToSell === null || a.availableToSell > 0;
    mode = inStock ? 'hold' : a.status === 'backorder' || a.status === 'preorder' ? a.status : 'none';
    add.disabled = mode === 'none';
    // Sold out: the widget's "Notify me" form is the thing to do, not a greyed-out button.
    form.hidden = mode === 'none';
    add.textContent = mode === 'backorder' ? 'Backorder' : mode === 'preorder' ? 'Pre-order' : 'Add to cart';
    note.textContent =
      mode === 'backorder'
        ? 'Not in stock right now: order it and it ships by the date above. We email you if that changes.'
        : mode === 'preorder'
          ? 'Not released yet: pre-order it to be among the first to get it.'
          : mode === 'none'
            ? a.status === 'discontinued'
              ? 'This product is no longer sold.'
              : subscribed
                ? ''
                : 'Sold out for now. Leave your email above and we will tell you when it is back.'
            : '';
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshLocations, 50);
  });
  void refreshLocations();

  const specs = Object.entries(product.attributes ?? {}).filter(([, v]) => v !== null && typeof v !== 'object');
  view.replaceChildren(
    backLink(),
    h(
      'article',
      { class: 'product' },
      thumb(product, 'large'),
      h(
        'div',
        { class: 'product-info' },
        product.brand ? h('p', { class: 'eyebrow' }, product.brand) : null,
        h('h1', { tabindex: '-1' }, product.title),
        h('p', { class: 'price large tabular' }, formatMoney(product.price, product.currency, locale)),
        widget,
        form,
        note,
        error,
        cartLines,
        product.description ? h('p', { class: 'description' }, product.description) : null,
        h(
          'section',
          { class: 'stock', 'aria-labelledby': 'stock-title' },
          h('h2', { id: 'stock-title' }, 'Availability by location'),
          locations,
        ),
        h(
          'dl',
          { class: 'specs' },
          h('dt', {}, 'SKU'),
          h('dd', {}, h('code', {}, product.sku)),
          product.category ? [h('dt', {}, 'Category'), h('dd', {}, product.category)] : null,
          specs.map(([k, v]) => [h('dt', {}, k.replace(/[_-]/g, ' ')), h('dd', {}, String(v))]),
        ),
      ),
    ),
  );
  view.querySelector('h1')?.focus({ preventScroll: true });
}

function backLink() {
  return h('a', { class: 'back', href: '#/' }, '← All products');
}

// ---------------------------------------------------------------------------------------------------------
// Cart and checkout.

/** A refused line's reason, for a shopper. */
function refusalWords(code, reason) {
  const n = /only (\d+)/.exec(String(reason ?? ''))?.[1];
  switch (code) {
    case 'insufficient_stock':
      return n && n !== '0' ? `Only ${n} left, and this item cannot be backordered. Lower the quantity or remove it.` : 'Sold out, and this item cannot be backordered. Remove it to place the rest of the order.';
    case 'backorder_limit':
      return n && n !== '0' ? `Only ${n} more can be backordered right now. Lower the quantity.` : 'No more backorders are taken for this item right now. Remove it to place the rest of the order.';
    case 'preorder_limit':
      return n && n !== '0' ? `Only ${n} more can be pre-ordered. Lower the quantity.` : 'Pre-orders for this item are full. Remove it to place the rest of the order.';
    case 'discontinued':
      return 'This product is no longer sold, so only what is left in stock can be bought.';
    case 'not_released':
      return 'Not released yet, and it cannot be pre-ordered. Remove it to place the rest of the order.';
    case 'reservation_expired':
      return 'Your hold ran out, so the items went back on sale. Remove it and add it again.';
    case 'reservation_committed':
      return 'This hold was already bought. Remove it from the cart.';
    case 'reservation_released':
    case 'unknown_reservation':
    case 'reservation_mismatch':
      return 'We could not find this hold any more. Remove it and add the item again.';
    case 'duplicate_hold':
      return reason;
    default: {
      const t = String(reason ?? '').trim();
      return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : 'This item cannot be ordered right now.';
    }
  }
}

/** The order lines for the cart: one per SKU, with its hold where there is one. */
function orderLines() {
  const bySku = new Map();
  const problems = new Map();
  for (const hold of activeHolds()) {
    const line = bySku.get(hold.sku);
    if (line?.reservationId) {
      problems.set(hold.sku, 'You hold this item twice. Remove one of the two holds, then place the order.');
      continue;
    }
    bySku.set(hold.sku, { sku: hold.sku, quantity: hold.quantity + (line?.quantity ?? 0), reservationId: hold.id });
  }
  for (const wait of cartWaits()) {
    const line = bySku.get(wait.sku);
    bySku.set(wait.sku, line ? { ...line, quantity: line.quantity + wait.quantity } : { sku: wait.sku, quantity: wait.quantity });
  }
  return { lines: [...bySku.values()], problems };
}

let placing = false;
async function placeOrder(form) {
  const email = /** @type {HTMLInputElement} */ (form.elements.namedItem('email'));
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
  const status = /** @type {HTMLElement} */ (form.querySelector('.checkout-error'));
  status.textContent = '';
  email.removeAttribute('aria-invalid');
  const address = email.value.trim();
  if (!address || email.validity.typeMismatch) {
    status.textContent = address ? 'Please enter a full email address, like name@example.com.' : 'Please enter your email address: we send the order confirmation and any date changes there.';
    email.setAttribute('aria-invalid', 'true');
    email.focus();
    return;
  }
  const { lines, problems } = orderLines();
  if (problems.size > 0) {
    state.lineErrors = problems;
    renderCart();
    return;
  }
  if (lines.length === 0 || placing) return;
  placing = true;
  button.disabled = true;
  button.textContent = 'Placing your order…';
  try {
    const me = customer();
    const order = await api.post('/v1/orders', { customer: { id: me.id, email: address, ...(emailLocale ? { locale: emailLocale } : {}) }, lines });
    rememberCustomerEmail(address);
    rememberOrder(order);
    for (const hold of activeHolds()) hold.status = 'committed';
    waits = [];
    state.lineErrors = new Map();
    justPlaced = order.id;
    saveCart();
    location.hash = `#/order/${encodeURIComponent(order.id)}`;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'order_refused' && Array.isArray(err.details?.lines)) {
      state.lineErrors = new Map(err.details.lines.map((l) => [String(l.sku), refusalWords(l.code, l.reason)]));
      const n = err.details.lines.length;
      renderCart();
      const again = /** @type {HTMLElement | null} */ ($('view-cart').querySelector('.checkout-error'));
      if (again) again.textContent = `${n === 1 ? 'One item needs' : `${n} items need`} your attention (see above). Nothing was ordered yet.`;
      const firstBad = $('view-cart').querySelector('.line-error');
      firstBad?.scrollIntoView({ block: 'center' });
      return;
    }
    if (err instanceof ApiError && err.code === 'invalid_request' && /email/.test(err.message)) {
      status.textContent = 'Please enter a full email address, like name@example.com.';
      email.setAttribute('aria-invalid', 'true');
    } else status.textContent = plainWords(err);
  } finally {
    placing = false;
    if (button.isConnected) {
      button.disabled = false;
      button.textContent = 'Place order';
    }
  }
}

/** What the shopper typed as their email, kept while the cart is drawn again (a refused order, a countdown). */
let checkoutEmail = '';

/** A notice for the cart page (a "held for you" link that was opened), shown once. */
let cartNotice = /** @type {{ kind: 'ok' | 'error', text: string } | null} */ (null);

function renderCart() {
  const view = $('view-cart');
  const mine = activeHolds();
  const waiting = cartWaits();
  const all = [...mine, ...waiting];
  const total = all.reduce((s, x) => s + Number(x.price) * x.quantity, 0);
  const currency = all[0]?.currency ?? 'EUR';
  const me = customer();
  const orders = myOrders();

  let checkout = null;
  if (all.length > 0) {
    const email = h('input', { id: 'checkout-email', name: 'email', type: 'email', autocomplete: 'email', required: true, value: checkoutEmail || me.email || '', placeholder: 'you@example.com', 'aria-describedby': 'checkout-email-hint' });
    email.addEventListener('input', () => {
      checkoutEmail = email.value;
    });
    const form = h(
      'form',
      { class: 'checkout', novalidate: true, 'aria-labelledby': 'checkout-title' },
      h('h2', { id: 'checkout-title' }, 'Checkout'),
      h('div', { class: 'field' }, h('label', { for: 'checkout-email' }, 'Email'), email, h('p', { class: 'muted small', id: 'checkout-email-hint' }, 'For the confirmation, and to tell you at once if a date changes.')),
      h('div', { class: 'checkout-summary' },
        mine.length > 0 ? h('p', {}, h('span', {}, 'Ships now'), h('strong', { class: 'tabular' }, String(mine.reduce((s, x) => s + x.quantity, 0)))) : null,
        waiting.length > 0 ? h('p', {}, h('span', {}, 'Waits for stock or release'), h('strong', { class: 'tabular' }, String(waiting.reduce((s, x) => s + x.quantity, 0)))) : null,
        h('p', { class: 'cart-total' }, h('span', {}, 'Total'), h('strong', { class: 'tabular' }, formatMoney(total, currency, locale))),
      ),
      h('p', { class: 'notice checkout-error', role: 'alert' }),
      h('button', { class: 'button primary wide', type: 'submit' }, 'Place order'),
      h('p', { class: 'muted small' }, 'Demo shop: no payment is taken.'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void placeOrder(form);
    });
    checkout = form;
  }

  view.replaceChildren(...[
    backLink(),
    cartNotice ? h('p', { class: `notice banner ${cartNotice.kind === 'ok' ? 'ok' : ''}`, role: 'status' }, cartNotice.text) : null,
    h(
      'div',
      { class: `cart-layout ${all.length ? '' : 'empty'}` },
      h(
        'div',
        { class: 'panel cart' },
        h('h1', {}, 'Your cart'),
        all.length === 0
          ? h('p', { class: 'muted' }, 'Your cart is empty. Items in stock are held for you for a while once you add them; the cart counts down the time left.')
          : [
              mine.length ? h('p', { class: 'muted' }, 'In-stock items are held for you for a few minutes. Check out before the timer runs out, or remove them for someone else.') : null,
              h('ul', { class: 'holds' }, mine.map((x) => holdRow(x)), waiting.map((x) => waitRow(x))),
            ],
      ),
      checkout ? h('div', { class: 'panel checkout-panel' }, checkout) : null,
    ),
    orders.length > 0
      ? h(
          'section',
          { class: 'panel my-orders', 'aria-labelledby': 'my-orders-title' },
          h('h2', { id: 'my-orders-title' }, 'Your orders'),
          h('ul', {}, orders.map((o) => h('li', {}, h('a', { href: `#/order/${encodeURIComponent(o.id)}` }, h('code', {}, o.id)), h('span', { class: 'muted' }, ` · ${safeDateTime(o.createdAt)} · ${o.items} ${o.items === 1 ? 'item' : 'items'}`)))),
        )
      : null,
  ].filter(Boolean));
}

function safeDateTime(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : dateTime.format(t);
}

/**
 * `/?sku=…&reservation=…`: a "held for you" link from a waitlist email. The held reservation goes into the cart;
 * the URL is tidied so a reload does not add it again.
 */
async function takeHeldLink() {
  const params = new URLSearchParams(location.search);
  const sku = params.get('sku');
  const reservation = params.get('reservation');
  if (!sku || !reservation) return false;
  history.replaceState(null, '', `${location.pathname}#/cart`);
  try {
    const r = await api.get(`/v1/reservations/${encodeURIComponent(reservation)}`);
    if (r.sku !== sku) throw new ApiError(404, 'unknown_reservation', 'reservation is for another product');
    const product = await productFor(r.sku);
    if (r.status !== 'active' || Date.parse(r.expiresAt) <= Date.now()) {
      cartNotice = { kind: 'error', text: `Your hold on ${product.title} has ended${r.status === 'committed' ? ': it was already bought' : ''}. It may still be in stock — have a look on its page.` };
    } else {
      if (!holds.some((x) => x.id === r.id)) holds.unshift(holdFrom(r, product, { fromWaitlist: true }));
      saveCart();
      cartNotice = { kind: 'ok', text: `Good news: we are holding ${r.quantity} × ${product.title} for you until ${clockTime.format(Date.parse(r.expiresAt))}. Check out before then; after that it goes to the next person on the list.` };
    }
  } catch (err) {
    cartNotice = {
      kind: 'error',
      text: err instanceof ApiError && (err.status === 404 || err.code === 'unknown_reservation') ? 'We could not find that hold. It may have ended; the item may still be in stock.' : plainWords(err),
    };
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// An order.

let justPlaced = '';
let orderView = 0;

const LINE_STATUS = {
  confirmed: 'Confirmed',
  backordered: 'Backordered',
  preordered: 'Pre-ordered',
  allocated: 'Ready to ship',
  cancelled: 'Cancelled',
};

function dateOrTbc(iso) {
  return iso ? h('time', { datetime: iso }, longDate(iso)) : 'a date we will confirm soon';
}

function lineParts(line) {
  if (line.status === 'cancelled') return [h('li', { class: 'part cancelled' }, 'Cancelled — you will not be charged for it.')];
  const parts = [];
  if (line.fromStock > 0) parts.push(h('li', { class: 'part now' }, h('strong', {}, `${line.fromStock}`), ' ships now'));
  if (line.allocated > 0) parts.push(h('li', { class: 'part now' }, h('strong', {}, `${line.allocated}`), ' arrived and set aside for you — ships now'));
  if (line.waiting > 0) {
    parts.push(
      line.preordered > 0
        ? h('li', { class: 'part waits preorder' }, h('strong', {}, `${line.waiting}`), ' pre-ordered — releases ', dateOrTbc(line.promisedDate))
        : h('li', { class: 'part waits backorder' }, h('strong', {}, `${line.waiting}`), ' on backorder — ships by ', dateOrTbc(line.promisedDate)),
    );
  }
  return parts;
}

function orderLineRow(order, line, product, rerender) {
  const title = product?.title ?? line.sku;
  const actions = h('div', { class: 'line-actions' });
  const problem = h('p', { class: 'line-error', role: 'alert' });
  const ask = () => {
    const yes = h('button', { class: 'button danger small', type: 'button' }, 'Yes, cancel it');
    const no = h('button', { class: 'button small', type: 'button' }, 'Keep it');
    yes.addEventListener('click', () =>
      act(
        yes,
        async () => {
          const updated = await api.post(`/v1/order-links/${encodeURIComponent(order.token)}/lines/${encodeURIComponent(line.id)}/cancel`, {});
          toast(`Cancelled: ${line.quantity} × ${title}.`);
          rerender(updated);
        },
        (message) => {
          problem.textContent = message;
        },
      ),
    );
    no.addEventListener('click', idle);
    actions.replaceChildren(h('span', { class: 'confirm-text' }, `Cancel ${line.quantity} × ${title}?`), yes, no);
    no.focus();
  };
  const idle = () => {
    // Through the order link a shopper cancels only what still waits for stock (nothing handed over yet).
    const cancellable = Boolean(order.token) && (line.status === 'backordered' || line.status === 'preordered') && !(line.allocated > 0);
    if (!cancellable) {
      actions.replaceChildren();
      return;
    }
    const cancel = h('button', { class: 'button small', type: 'button' }, 'Cancel item');
    cancel.addEventListener('click', ask);
    actions.replaceChildren(cancel);
  };
  idle();
  const price = product ? formatMoney(Number(product.price) * line.quantity, product.currency, locale) : '';
  return h(
    'li',
    { class: `order-line s-${line.status}`, 'data-line': line.id, 'data-sku': line.sku },
    product ? thumb(product, 'mini') : null,
    h(
      'div',
      { class: 'order-line-body' },
      h('div', { class: 'order-line-head' },
        h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(line.sku)}` }, `${line.quantity} × ${title}`),
        h('span', { class: `line-status s-${line.status}` }, LINE_STATUS[line.status] ?? line.status),
        h('span', { class: 'line-price tabular' }, price),
      ),
      h('ul', { class: 'parts' }, lineParts(line)),
      problem,
      actions,
    ),
  );
}

async function showOrder(id) {
  const ticket = ++orderView;
  const view = $('view-order');
  view.replaceChildren(h('p', { class: 'muted loading' }, 'Loading…'));
  let order;
  const token = myOrders().find((o) => o.id === id)?.token;
  try {
    // The signed link shows this shopper their order; without it (an order placed elsewhere) the storefront key
    // reads only the order's lines.
    order = token ? { ...(await api.get(`/v1/order-links/${encodeURIComponent(token)}`)), token } : await api.get(`/v1/orders/${encodeURIComponent(id)}`);
  } catch (err) {
    if (ticket !== orderView) return;
    view.replaceChildren(backLink(), h('div', { class: 'panel empty-state' }, h('h1', {}, 'Order not found'), h('p', { class: 'muted' }, plainWords(err))));
    return;
  }
  const products = new Map();
  await Promise.all(order.lines.map(async (l) => products.set(l.sku, await productFor(l.sku).catch(() => null))));
  if (ticket !== orderView) return;
  document.title = `Order ${order.id} · Restock demo shop`;
  const fresh = justPlaced === order.id;
  justPlaced = '';

  const draw = (next) => {
    const o = { ...next, token };
    const live = o.lines.filter((l) => l.status !== 'cancelled');
    const total = live.reduce((s, l) => s + Number(products.get(l.sku)?.price ?? 0) * l.quantity, 0);
    const currency = products.get(o.lines[0]?.sku)?.currency ?? 'EUR';
    const waiting = live.some((l) => l.waiting > 0);
    view.replaceChildren(...[
      h('a', { class: 'back', href: '#/cart' }, '← Cart and orders'),
      fresh
        ? h(
            'div',
            { class: 'notice ok banner thanks', role: 'status' },
            h('strong', {}, 'Thank you! Your order is placed.'),
            ' ',
            // The address this browser typed at checkout (the order link shows it masked).
            waiting && (customer().email || o.email) ? `We have emailed ${customer().email || o.email} the dates below, and we will write again at once if one of them changes.` : null,
          )
        : null,
      h(
        'div',
        { class: 'panel order' },
        h('div', { class: 'order-head' },
          h('h1', { tabindex: '-1' }, 'Order ', h('code', {}, o.id)),
          h('p', { class: 'muted' }, `Placed ${safeDateTime(o.createdAt)}${o.email ? ` · ${o.email}` : ''}`),
        ),
        o.payment?.status === 'pending'
          ? h('p', { class: 'notice', role: 'status' }, `Awaiting payment until ${safeDateTime(o.payment.expiresAt)}: the shop confirms the order once it is paid (this demo takes no payment).`)
          : o.payment?.status === 'expired'
            ? h('p', { class: 'notice error', role: 'status' }, 'This order was not paid in time, so it was cancelled.')
            : null,
        h('ul', { class: 'order-lines' }, o.lines.map((l) => orderLineRow(o, l, products.get(l.sku), draw))),
        h('p', { class: 'cart-total' }, h('span', {}, 'Total'), h('strong', { class: 'tabular' }, formatMoney(total, currency, locale))),
        waiting ? h('p', { class: 'muted small' }, 'Items that wait are charged when they ship. You can cancel a waiting item at any time, free of charge.') : null,
      ),
    ].filter(Boolean));
  };
  draw(order);
  view.querySelector('h1')?.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------------------
// Routing and start-up.

function show(viewId) {
  for (const v of views) $(v).hidden = v !== viewId;
}

function route() {
  $('toast').hidden = true;
  if (!storefrontKey()) {
    show('view-setup');
    return;
  }
  const hash = location.hash.replace(/^#/, '') || '/';
  const product = /^\/product\/(.+)$/.exec(hash);
  const order = /^\/order\/(.+)$/.exec(hash);
  if (product?.[1]) {
    show('view-product');
    void showProduct(decodeURIComponent(product[1]));
  } else if (order?.[1]) {
    show('view-order');
    void showOrder(decodeURIComponent(order[1]));
  } else if (hash === '/cart') {
    document.title = 'Cart · Restock demo shop';
    show('view-cart');
    renderCart();
    cartNotice = null;
  } else {
    document.title = 'Restock demo shop';
    show('view-list');
    if (!state.listLoaded) {
      void loadCategories().catch(() => {});
      void loadList(true);
    }
  }
  window.scrollTo({ top: 0 });
}

let toastTimer = 0;
function toast(message, isError = false) {
  const t = $('toast');
  t.textContent = message;
  t.classList.toggle('error', isError);
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    t.hidden = true;
  }, isError ? 7000 : 4000);
}

let searchTimer = 0;
$('search').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    state.query = /** @type {HTMLInputElement} */ (e.target).value.trim();
    if ($('view-list').hidden) {
      state.listLoaded = false;
      location.hash = '#/';
    } else void loadList(true);
  }, 250);
});
$('search-form').addEventListener('submit', (e) => e.preventDefault());
$('load-more').addEventListener('click', () => void loadList(false));
$('setup-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = /** @type {HTMLInputElement} */ ($('setup-key')).value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_STORAGE, key);
  location.reload();
});

window.addEventListener('hashchange', route);
renderCartCount();
if (storefrontKey()) {
  void takeHeldLink().then(route);
} else route();
