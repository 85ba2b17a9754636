/**
 * The catalog views: a product grid with live availability badges (one widget per card, all sharing one request
 * and one event stream), search and category filters, and a product page with the widget (and its "Notify me"
 * form when sold out), the buy button that follows it (hold, backorder, pre-order), stock per location, and
 * what of it is in the cart.
 */
import type { Availability, Product } from 'restock/client';
import { isApiError, pageKey, plainWords, rememberStorefrontKey, restock, unwrap } from './api.ts';
import { act, addToCart, addWaiting, renderCartLines } from './cart.ts';
import { $, formatMoney, h, locale, toast } from './dom.ts';

const PAGE_SIZE = 48;

const state = {
  query: '',
  category: '',
  next: null as string | null,
  categories: [] as string[],
  products: new Map<string, Product>(),
  locationNames: new Map<string, string>(),
  listLoaded: false,
};

export function listLoaded(): boolean {
  return state.listLoaded;
}

export function setQuery(q: string): void {
  state.query = q;
}

export function invalidateList(): void {
  state.listLoaded = false;
}

export async function productFor(sku: string): Promise<Product> {
  const known = state.products.get(sku);
  if (known) return known;
  const p = await unwrap(restock.GET('/v1/products/{sku}', { params: { path: { sku } } }));
  state.products.set(sku, p);
  return p;
}

function hue(s: string): number {
  let x = 0;
  for (const c of s) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return x % 360;
}

function initials(title: string): string {
  const small = new Set(['a', 'an', 'and', 'of', 'the', 'for', 'with', 'in', 'on', '&']);
  const words = title.split(/[\s,]+/).filter((w) => /[A-Za-z0-9]/.test(w) && !small.has(w.toLowerCase()));
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '•';
}

/** A drawn placeholder picture: the demo catalog has no photos. */
export function thumb(product: Pick<Product, 'sku' | 'category' | 'title'>, size = ''): HTMLDivElement {
  return h(
    'div',
    { class: `thumb ${size}`, style: { '--hue': hue(product.category || product.sku), '--tilt': `${hue(product.sku) % 40}deg` }, 'aria-hidden': 'true' },
    h('span', {}, initials(product.title)),
  );
}

function productCard(p: Product): HTMLLIElement {
  return h(
    'li',
    { class: 'card', 'data-sku': p.sku },
    h('a', { class: 'card-link', href: `#/product/${encodeURIComponent(p.sku)}` },
      thumb(p),
      h('div', { class: 'card-body' },
        p.brand ? h('p', { class: 'eyebrow' }, p.brand) : null,
        h('h2', { class: 'card-title' }, p.title),
        h('p', { class: 'price tabular' }, formatMoney(p.price, p.currency)),
      ),
    ),
    h('restock-availability', { sku: p.sku, class: 'card-availability' }),
  );
}

export async function loadCategories(): Promise<void> {
  // The catalog filters by category but does not list them: gather them from the first products.
  const r = await unwrap(restock.GET('/v1/products', { params: { query: { limit: 500 } } }));
  state.categories = [...new Set(r.items.map((p) => p.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, locale));
  renderCategories();
}

function renderCategories(): void {
  const chip = (value: string, label: string) => {
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
export async function loadList(reset: boolean): Promise<void> {
  const id = ++listRequest;
  const grid = $('grid');
  grid.setAttribute('aria-busy', 'true');
  try {
    const query = {
      limit: PAGE_SIZE,
      ...(state.query ? { q: state.query } : {}),
      ...(state.category ? { category: state.category } : {}),
      ...(!reset && state.next ? { after: state.next } : {}),
    };
    const r = await unwrap(restock.GET('/v1/products', { params: { query } }));
    if (id !== listRequest) return;
    for (const p of r.items) state.products.set(p.sku, p);
    const cards = r.items.map(productCard);
    if (reset) grid.replaceChildren(...cards);
    else grid.append(...cards);
    state.next = r.next ?? null;
    state.listLoaded = true;
    const shown = grid.children.length;
    $('empty').hidden = shown > 0;
    $('load-more').hidden = !r.next;
    $('list-title').textContent = state.category || (state.query ? 'Search results' : 'All products');
    const count = `${shown}${r.next ? '+' : ''} ${shown === 1 ? 'product' : 'products'}`;
    $('results-count').textContent = state.query ? `${count} for “${state.query}”` : count;
  } catch (err) {
    if (id === listRequest) showApiFailure(err);
  } finally {
    if (id === listRequest) grid.removeAttribute('aria-busy');
  }
}

/** A key the API refuses (typed into the setup form): forget it and ask again. */
function showApiFailure(err: unknown): void {
  if (isApiError(err, 'unauthorized') && !pageKey) {
    rememberStorefrontKey(null);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  toast(plainWords(err), true);
}

async function locationNames(): Promise<Map<string, string>> {
  if (state.locationNames.size === 0) {
    try {
      const r = await unwrap(restock.GET('/v1/locations'));
      for (const l of r.items) state.locationNames.set(l.code, l.name);
    } catch {
      // Codes will do.
    }
  }
  return state.locationNames;
}

function renderLocations(container: HTMLElement, availability: Availability, names: Map<string, string>): void {
  if (availability.locations.length === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'No location holds this product.'));
    return;
  }
  const rows = availability.locations.map((l) =>
    h('tr', { class: l.availableToSell > 0 ? '' : 'none' },
      h('th', { scope: 'row' }, names.get(l.location) ?? l.location),
      h('td', {}, l.region || '—'),
      h('td', { class: 'num tabular' }, l.availableToSell > 0 ? String(l.availableToSell) : 'None'),
    ),
  );
  container.replaceChildren(
    h('div', { class: 'table-scroll' },
      h('table', { class: 'locations' },
        h('caption', { class: 'visually-hidden' }, 'Units available at each location'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Location'), h('th', { scope: 'col' }, 'Region'), h('th', { scope: 'col', class: 'num' }, 'Available'))),
        h('tbody', {}, rows),
      ),
    ),
  );
}

/** An attribute for a shopper: "colour: sage"; booleans as yes/no ("New release: yes", not "true"). */
function attributeValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

export function backLink(): HTMLAnchorElement {
  return h('a', { class: 'back', href: '#/' }, '← All products');
}

let productView = 0;
export async function showProduct(sku: string): Promise<void> {
  const id = ++productView;
  const view = $('view-product');
  view.replaceChildren(h('p', { class: 'muted loading' }, 'Loading…'));
  let product: Product;
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
  const form = h('form', { class: 'buy-form' }, h('div', { class: 'qty' }, h('label', { for: 'quantity' }, 'Quantity'), quantity), add);
  /** What the button does now: hold stock, take a backorder / pre-order, or nothing (sold out). */
  let mode: 'hold' | 'backorder' | 'preorder' | 'none' = 'hold';
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
    void act(add, () => addToCart(product, n), (message) => {
      error.textContent = message;
    });
  });

  // `notify`: when it is sold out, the widget offers "Notify me when available".
  const widget = h('restock-availability', { sku: product.sku, class: 'product-availability', notify: true });
  let subscribed = false;
  widget.addEventListener('restock-subscribe', (e) => {
    subscribed = true;
    const email = (e as CustomEvent<{ email: string }>).detail.email;
    // The demo inbox opens at this address.
    sessionStorage.setItem('restock.inboxEmail', email);
    if (mode === 'none') note.textContent = '';
  });
  const locations = h('div', { class: 'locations-wrap' }, h('p', { class: 'muted' }, 'Loading…'));
  const cartLines = h('ul', { class: 'holds', 'data-holds-for': product.sku, 'aria-label': 'In your cart' });
  renderCartLines(cartLines, product.sku);

  // The widget hears every change live; the per-location table follows it.
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshLocations = async () => {
    try {
      const [a, names] = await Promise.all([unwrap(restock.GET('/v1/availability/{sku}', { params: { path: { sku: product.sku } } })), locationNames()]);
      if (id === productView) renderLocations(locations, a, names);
    } catch (err) {
      if (id === productView) locations.replaceChildren(h('p', { class: 'notice' }, plainWords(err)));
    }
  };
  widget.addEventListener('restock-change', (e) => {
    const a = (e as CustomEvent<{ availability: Availability }>).detail.availability;
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
    refreshTimer = setTimeout(() => void refreshLocations(), 50);
  });
  void refreshLocations();

  const specs = Object.entries(product.attributes ?? {}).filter(([, v]) => v !== null && typeof v !== 'object');
  view.replaceChildren(
    backLink(),
    h('article', { class: 'product' },
      thumb(product, 'large'),
      h('div', { class: 'product-info' },
        product.brand ? h('p', { class: 'eyebrow' }, product.brand) : null,
        h('h1', { tabindex: '-1' }, product.title),
        h('p', { class: 'price large tabular' }, formatMoney(product.price, product.currency)),
        widget,
        form,
        note,
        error,
        cartLines,
        product.description ? h('p', { class: 'description' }, product.description) : null,
        h('section', { class: 'stock', 'aria-labelledby': 'stock-title' }, h('h2', { id: 'stock-title' }, 'Availability by location'), locations),
        h('dl', { class: 'specs' },
          h('dt', {}, 'SKU'),
          h('dd', {}, h('code', {}, product.sku)),
          product.category ? [h('dt', {}, 'Category'), h('dd', {}, product.category)] : null,
          specs.map(([k, v]) => [h('dt', {}, k.replace(/[_-]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()), h('dd', {}, attributeValue(v))]),
        ),
      ),
    ),
  );
  view.querySelector('h1')?.focus({ preventScroll: true });
}
