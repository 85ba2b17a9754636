/**
 * One order: per line what ships now, what waits and until when (the promised date of a backorder, the release
 * of a pre-order), and — through the order's signed link — cancelling a line that still waits.
 */
import type { components } from 'restock/client';
import { plainWords, restock, unwrap } from './api.ts';
import { act, customer, myOrders } from './cart.ts';
import { backLink, productFor, thumb } from './catalog.ts';
import { $, present, dateTime, formatMoney, h, longDate, toast } from './dom.ts';
import type { Product } from 'restock/client';

type OrderLine = components['schemas']['StorefrontOrder']['lines'][number];
interface OrderView {
  id: string;
  createdAt: string;
  email?: string;
  lines: OrderLine[];
  payment?: components['schemas']['OrderPayment'];
  token?: string;
}

let justPlaced = '';
let orderView = 0;

/** The next order page shows the thank-you banner for this order. */
export function orderPlaced(id: string): void {
  justPlaced = id;
}

const LINE_STATUS: Record<OrderLine['status'], string> = {
  confirmed: 'Confirmed',
  backordered: 'Backordered',
  preordered: 'Pre-ordered',
  allocated: 'Ready to ship',
  cancelled: 'Cancelled',
};

function dateOrTbc(iso: string | null): HTMLElement | string {
  return iso ? h('time', { datetime: iso }, longDate(iso)) : 'a date we will confirm soon';
}

function lineParts(line: OrderLine): HTMLLIElement[] {
  if (line.status === 'cancelled') return [h('li', { class: 'part cancelled' }, 'Cancelled — you will not be charged for it.')];
  const parts: HTMLLIElement[] = [];
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

function orderLineRow(order: OrderView, line: OrderLine, product: Product | null, rerender: (o: OrderView) => void): HTMLLIElement {
  const title = product?.title ?? line.sku;
  const actions = h('div', { class: 'line-actions' });
  const problem = h('p', { class: 'line-error', role: 'alert' });
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
  const ask = () => {
    const yes = h('button', { class: 'button danger small', type: 'button' }, 'Yes, cancel it');
    const no = h('button', { class: 'button small', type: 'button' }, 'Keep it');
    yes.addEventListener('click', () =>
      void act(
        yes,
        async () => {
          const token = order.token ?? '';
          const updated = await unwrap(restock.POST('/v1/order-links/{token}/lines/{lineId}/cancel', { params: { path: { token, lineId: line.id } }, body: {} }));
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
  idle();
  const price = product ? formatMoney(Number(product.price) * line.quantity, product.currency) : '';
  return h(
    'li',
    { class: `order-line s-${line.status}`, 'data-line': line.id, 'data-sku': line.sku },
    product ? thumb(product, 'mini') : null,
    h('div', { class: 'order-line-body' },
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

export async function showOrder(id: string): Promise<void> {
  const ticket = ++orderView;
  const view = $('view-order');
  view.replaceChildren(h('p', { class: 'muted loading' }, 'Loading…'));
  let order: OrderView;
  const token = myOrders().find((o) => o.id === id)?.token;
  try {
    // The signed link shows this shopper their order; without it (an order placed elsewhere) the storefront key
    // reads only the order's lines.
    order = token
      ? { ...(await unwrap(restock.GET('/v1/order-links/{token}', { params: { path: { token } } }))), token }
      : await unwrap(restock.GET('/v1/orders/{id}', { params: { path: { id } } }));
  } catch (err) {
    if (ticket !== orderView) return;
    view.replaceChildren(backLink(), h('div', { class: 'panel empty-state' }, h('h1', {}, 'Order not found'), h('p', { class: 'muted' }, plainWords(err))));
    return;
  }
  const products = new Map<string, Product | null>();
  await Promise.all(order.lines.map(async (l) => products.set(l.sku, await productFor(l.sku).catch(() => null))));
  if (ticket !== orderView) return;
  document.title = `Order ${order.id} · Restock demo shop`;
  const fresh = justPlaced === order.id;
  justPlaced = '';

  const draw = (next: OrderView) => {
    const o: OrderView = { ...next, ...(token ? { token } : {}) };
    const live = o.lines.filter((l) => l.status !== 'cancelled');
    const total = live.reduce((s, l) => s + Number(products.get(l.sku)?.price ?? 0) * l.quantity, 0);
    const currency = products.get(o.lines[0]?.sku ?? '')?.currency ?? 'EUR';
    const waiting = live.some((l) => l.waiting > 0);
    // The address this browser typed at checkout (the order link shows it masked).
    const to = customer().email || o.email;
    view.replaceChildren(
      ...present([
        h('a', { class: 'back', href: '#/cart' }, '← Cart and orders'),
        fresh
          ? h('div', { class: 'notice ok banner thanks', role: 'status' },
              h('strong', {}, 'Thank you! Your order is placed.'),
              ' ',
              waiting && to ? `We have emailed ${to} the dates below, and we will write again at once if one of them changes.` : null,
              ' ',
              h('a', { href: '#/inbox' }, 'See the emails in the demo inbox'),
            )
          : null,
        h('div', { class: 'panel order' },
          h('div', { class: 'order-head' },
            h('h1', { tabindex: '-1' }, 'Order ', h('code', {}, o.id)),
            h('p', { class: 'muted' }, `Placed ${dateTime(o.createdAt)}${o.email ? ` · ${o.email}` : ''}`),
          ),
          o.payment?.status === 'pending'
            ? h('p', { class: 'notice', role: 'status' }, `Awaiting payment until ${dateTime(o.payment.expiresAt ?? '')}: the shop confirms the order once it is paid (this demo takes no payment).`)
            : o.payment?.status === 'expired'
              ? h('p', { class: 'notice error', role: 'status' }, 'This order was not paid in time, so it was cancelled.')
              : null,
          h('ul', { class: 'order-lines' }, o.lines.map((l) => orderLineRow(o, l, products.get(l.sku) ?? null, draw))),
          h('p', { class: 'cart-total' }, h('span', {}, 'Total'), h('strong', { class: 'tabular' }, formatMoney(total, currency))),
          waiting ? h('p', { class: 'muted small' }, 'Items that wait are charged when they ship. You can cancel a waiting item at any time, free of charge.') : null,
        ),
      ]),
    );
  };
  draw(order);
  view.querySelector('h1')?.focus({ preventScroll: true });
}
