/**
 * The cart page and checkout: what is held (with countdowns) and what waits (backorders and pre-orders, with
 * their dates from the widget), one email, one "Place order". A refused order says per line what to change.
 * Also where a "held for you" link from a waitlist email lands (`/?sku=…&reservation=…`).
 */
import { isApiError, plainWords, restock, unwrap } from './api.ts';
import { activeHolds, cart, cartWaits, customer, holdFrom, holdRow, myOrders, rememberCustomerEmail, rememberOrder, saveCart, waitRow } from './cart.ts';
import { backLink, productFor } from './catalog.ts';
import { $, present, clockTime, dateTime, emailLocale, formatMoney, h } from './dom.ts';
import { orderPlaced } from './order.ts';

/** A refused line's reason, for a shopper. */
function refusalWords(code: string, reason: string): string {
  const n = /only (\d+)/.exec(reason)?.[1];
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
      const t = reason.trim();
      return t ? `${(t[0] as string).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : 'This item cannot be ordered right now.';
    }
  }
}

interface Line {
  sku: string;
  quantity: number;
  reservationId?: string;
}

/** The order lines for the cart: one per SKU, with its hold where there is one. */
function orderLines(): { lines: Line[]; problems: Map<string, string> } {
  const bySku = new Map<string, Line>();
  const problems = new Map<string, string>();
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
async function placeOrder(form: HTMLFormElement): Promise<void> {
  const email = form.elements.namedItem('email') as HTMLInputElement;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]') as HTMLButtonElement;
  const status = form.querySelector<HTMLElement>('.checkout-error') as HTMLElement;
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
    cart.lineErrors = problems;
    renderCart();
    return;
  }
  if (lines.length === 0 || placing) return;
  placing = true;
  button.disabled = true;
  button.textContent = 'Placing your order…';
  try {
    const me = customer();
    const order = await unwrap(restock.POST('/v1/orders', { body: { customer: { id: me.id, email: address, ...(emailLocale ? { locale: emailLocale } : {}) }, lines } }));
    rememberCustomerEmail(address);
    rememberOrder(order);
    for (const hold of activeHolds()) hold.status = 'committed';
    cart.waits = [];
    cart.lineErrors = new Map();
    orderPlaced(order.id);
    saveCart();
    location.hash = `#/order/${encodeURIComponent(order.id)}`;
  } catch (err) {
    const refused = isApiError(err, 'order_refused') ? (err.details as { lines?: Array<{ sku: unknown; code: unknown; reason: unknown }> } | null)?.lines : undefined;
    if (Array.isArray(refused)) {
      cart.lineErrors = new Map(refused.map((l) => [String(l.sku), refusalWords(String(l.code), String(l.reason ?? ''))]));
      const n = refused.length;
      renderCart();
      const again = $('view-cart').querySelector('.checkout-error');
      if (again) again.textContent = `${n === 1 ? 'One item needs' : `${n} items need`} your attention (see above). Nothing was ordered yet.`;
      $('view-cart').querySelector('.line-error')?.scrollIntoView({ block: 'center' });
      return;
    }
    if (isApiError(err, 'invalid_request') && /email/.test(err.message)) {
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
let cartNotice: { kind: 'ok' | 'error'; text: string } | null = null;

export function clearCartNotice(): void {
  cartNotice = null;
}

export function renderCart(): void {
  const view = $('view-cart');
  const mine = activeHolds();
  const waiting = cartWaits();
  const all = [...mine, ...waiting];
  const total = all.reduce((s, x) => s + Number(x.price) * x.quantity, 0);
  const currency = all[0]?.currency ?? 'EUR';
  const me = customer();
  const orders = myOrders();

  let checkout: HTMLFormElement | null = null;
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
        h('p', { class: 'cart-total' }, h('span', {}, 'Total'), h('strong', { class: 'tabular' }, formatMoney(total, currency))),
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

  view.replaceChildren(
    ...present([
      backLink(),
      cartNotice ? h('p', { class: `notice banner ${cartNotice.kind === 'ok' ? 'ok' : ''}`, role: 'status' }, cartNotice.text) : null,
      h('div', { class: `cart-layout ${all.length ? '' : 'empty'}` },
        h('div', { class: 'panel cart' },
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
        ? h('section', { class: 'panel my-orders', 'aria-labelledby': 'my-orders-title' },
            h('h2', { id: 'my-orders-title' }, 'Your orders'),
            h('ul', {}, orders.map((o) => h('li', {}, h('a', { href: `#/order/${encodeURIComponent(o.id)}` }, h('code', {}, o.id)), h('span', { class: 'muted' }, ` · ${dateTime(o.createdAt)} · ${o.items} ${o.items === 1 ? 'item' : 'items'}`)))),
          )
        : null,
    ]),
  );
}

/**
 * `/?sku=…&reservation=…`: a "held for you" link from a waitlist email. The held reservation goes into the cart;
 * the URL is tidied so a reload does not add it again.
 */
export async function takeHeldLink(): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const sku = params.get('sku');
  const reservation = params.get('reservation');
  if (!sku || !reservation) return false;
  history.replaceState(null, '', `${location.pathname}#/cart`);
  try {
    const r = await unwrap(restock.GET('/v1/reservations/{id}', { params: { path: { id: reservation } } }));
    if (r.sku !== sku) throw new Error('the reservation is for another product');
    const product = await productFor(r.sku);
    if (r.status !== 'active' || Date.parse(r.expiresAt) <= Date.now()) {
      cartNotice = { kind: 'error', text: `Your hold on ${product.title} has ended${r.status === 'committed' ? ': it was already bought' : ''}. It may still be in stock — have a look on its page.` };
    } else {
      if (!cart.holds.some((x) => x.id === r.id)) cart.holds.unshift(holdFrom(r, product, { fromWaitlist: true }));
      saveCart();
      cartNotice = { kind: 'ok', text: `Good news: we are holding ${r.quantity} × ${product.title} for you until ${clockTime(r.expiresAt)}. Check out before then; after that it goes to the next person on the list.` };
    }
  } catch (err) {
    cartNotice = {
      kind: 'error',
      text: !isApiError(err) || err.status === 404 || err.code === 'unknown_reservation' ? 'We could not find that hold. It may have ended; the item may still be in stock.' : plainWords(err),
    };
  }
  return true;
}
