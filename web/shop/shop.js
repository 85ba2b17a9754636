/**
 * The demo shop: a product grid with live availability, a product page with stock per location, and a cart
 * whose lines are reservations (holds) that expire. Views are chosen by the URL hash:
 *   #/                 all products (search and category filter)
 *   #/product/SKU      one product
 *   #/cart             the holds in the cart
 */
import { ApiError, createApi, formatMoney, h, plainWords } from '/shared/api.js';

const KEY_STORAGE = 'restock.storefrontKey';
const HOLDS_STORAGE = 'restock.holds';
const PAGE_SIZE = 48;
const HOLD_SECONDS = 600;

const pageKey = document.querySelector('meta[name="restock-key"]')?.content || null;
const storefrontKey = () => pageKey ?? sessionStorage.getItem(KEY_STORAGE);
const api = createApi({ key: storefrontKey });
const locale = document.documentElement.lang || navigator.language || 'en';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const views = ['view-setup', 'view-list', 'view-product', 'view-cart'];

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
};

// ---------------------------------------------------------------------------------------------------------
// Holds (reservations) kept for the session, so a reload keeps the cart.

/** @typedef {{ id: string, sku: string, title: string, quantity: number, expiresAt: string, status: string, price: string, currency: string }} Hold */

function loadHolds() {
  try {
    const v = JSON.parse(sessionStorage.getItem(HOLDS_STORAGE) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** @type {Hold[]} */
let holds = loadHolds();

function saveHolds() {
  sessionStorage.setItem(HOLDS_STORAGE, JSON.stringify(holds));
  renderCartCount();
  for (const el of document.querySelectorAll('[data-holds-for]')) renderHoldList(el, el.getAttribute('data-holds-for'));
  if (!$('view-cart').hidden) renderCart();
}

function activeHolds(sku) {
  return holds.filter((x) => x.status === 'active' && (sku === undefined || x.sku === sku));
}

function renderCartCount() {
  const n = activeHolds().reduce((s, x) => s + x.quantity, 0);
  $('cart-count').textContent = String(n);
  $('cart-link').setAttribute('aria-label', `Cart, ${n} ${n === 1 ? 'item' : 'items'} held`);
}

function secondsLeft(hold) {
  return Math.max(0, Math.round((Date.parse(hold.expiresAt) - Date.now()) / 1000));
}

function formatCountdown(s) {
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

// Countdowns tick once a second; a hold that runs out is marked expired (the server releases it on its own).
setInterval(() => {
  const ranOut = activeHolds().filter((hold) => secondsLeft(hold) === 0);
  for (const hold of ranOut) hold.status = 'expired';
  if (ranOut.length > 0) {
    saveHolds();
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
    const total = Math.max(1, (Date.parse(hold.expiresAt) - Date.parse(hold.createdAt ?? hold.expiresAt)) / 1000 || HOLD_SECONDS);
    bar.style.setProperty('--left', String(Math.min(1, left / total)));
  }
  el.classList.toggle('urgent', left <= 60);
}

async function addToCart(product, quantity) {
  const r = await api.post('/v1/reservations', { sku: product.sku, quantity, ttlSeconds: HOLD_SECONDS });
  holds.unshift({ id: r.id, sku: r.sku, title: product.title, quantity: r.quantity, expiresAt: r.expiresAt, createdAt: r.createdAt, status: r.status, price: product.price, currency: product.currency });
  saveHolds();
  return r;
}

async function buy(hold) {
  const r = await api.post(`/v1/reservations/${encodeURIComponent(hold.id)}/commit`, { reference: `demo-order-${hold.id}` });
  hold.status = r.status;
  saveHolds();
  toast(`Thank you! Your order for ${hold.quantity} × ${hold.title} is placed.`);
}

async function release(hold) {
  const r = await api.del(`/v1/reservations/${encodeURIComponent(hold.id)}`);
  hold.status = r.status;
  saveHolds();
  toast(`${hold.title} was taken out of your cart.`);
}

/** Runs an action from a button: disables it meanwhile and tells the shopper in plain words if it fails. */
async function act(button, action, onError) {
  button.disabled = true;
  try {
    await action();
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'reservation_expired' || err.code === 'unknown_reservation')) {
      for (const x of holds) if (button.closest('[data-hold]')?.getAttribute('data-hold') === x.id) x.status = 'expired';
      saveHolds();
    }
    const message = plainWords(err);
    if (onError) onError(message);
    else toast(message, true);
  } finally {
    button.disabled = false;
  }
}

function holdRow(hold) {
  const buyButton = h('button', { class: 'button primary small', type: 'button' }, 'Buy now');
  const releaseButton = h('button', { class: 'button danger small', type: 'button' }, 'Release');
  buyButton.addEventListener('click', () => act(buyButton, () => buy(hold)));
  releaseButton.addEventListener('click', () => act(releaseButton, () => release(hold)));
  const countdown = h(
    'div',
    { class: 'countdown', 'data-countdown': hold.id },
    h('span', { class: 'countdown-label' }, 'Held for you for ', h('strong', { class: 'countdown-text tabular' }, formatCountdown(secondsLeft(hold)))),
    h('span', { class: 'countdown-track', 'aria-hidden': 'true' }, h('span', { class: 'countdown-bar' })),
  );
  updateCountdown(countdown, hold);
  return h(
    'li',
    { class: 'hold', 'data-hold': hold.id },
    h(
      'div',
      { class: 'hold-main' },
      h('a', { class: 'hold-title', href: `#/product/${encodeURIComponent(hold.sku)}` }, `${hold.quantity} × ${hold.title}`),
      h('span', { class: 'hold-price tabular' }, formatMoney(Number(hold.price) * hold.quantity, hold.currency, locale)),
    ),
    countdown,
    h('div', { class: 'hold-actions' }, buyButton, releaseButton),
  );
}

function renderHoldList(container, sku) {
  const mine = activeHolds(sku ?? undefined);
  container.replaceChildren(...mine.map(holdRow));
  container.hidden = mine.length === 0;
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
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const n = Number(quantity.value);
    if (!Number.isInteger(n) || n < 1) {
      error.textContent = 'Choose a quantity of at least 1.';
      return;
    }
    void act(add, async () => {
      await addToCart(product, n);
    }, (message) => {
      error.textContent = message;
    });
  });

  const widget = h('restock-availability', { sku: product.sku, class: 'product-availability' });
  const locations = h('div', { class: 'locations-wrap' }, h('p', { class: 'muted' }, 'Loading…'));
  const holdList = h('ul', { class: 'holds', 'data-holds-for': product.sku, 'aria-label': 'Held in your cart' });
  renderHoldList(holdList, product.sku);

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
    const canReserve = a.availableToSell === null || a.availableToSell > 0;
    add.disabled = !canReserve;
    note.textContent = canReserve
      ? ''
      : a.status === 'backorder' || a.status === 'preorder'
        ? 'Backorders and pre-orders cannot be placed in this demo yet.'
        : 'Nothing left to add right now.';
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
        holdList,
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

function renderCart() {
  const view = $('view-cart');
  const mine = activeHolds();
  const total = mine.reduce((s, x) => s + Number(x.price) * x.quantity, 0);
  const currency = mine[0]?.currency ?? 'EUR';
  view.replaceChildren(
    backLink(),
    h(
      'div',
      { class: 'panel cart' },
      h('h1', {}, 'Your cart'),
      mine.length === 0
        ? h('p', { class: 'muted' }, 'Your cart is empty. Items you add are held for you for ten minutes.')
        : [
            h('p', { class: 'muted' }, 'Each item is held for you for a few minutes. Buy before the timer runs out, or release it for someone else.'),
            h('ul', { class: 'holds' }, mine.map(holdRow)),
            h('p', { class: 'cart-total' }, 'Total ', h('strong', { class: 'tabular' }, formatMoney(total, currency, locale))),
          ],
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Routing and start-up.

function show(viewId) {
  for (const v of views) $(v).hidden = v !== viewId;
}

function route() {
  if (!storefrontKey()) {
    show('view-setup');
    return;
  }
  const hash = location.hash.replace(/^#/, '') || '/';
  const product = /^\/product\/(.+)$/.exec(hash);
  if (product?.[1]) {
    show('view-product');
    void showProduct(decodeURIComponent(product[1]));
  } else if (hash === '/cart') {
    document.title = 'Cart · Restock demo shop';
    show('view-cart');
    renderCart();
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
route();
