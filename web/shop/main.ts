/**
 * The demo shop, on the storefront widget and the typed client. Views are chosen by the URL hash:
 *   #/                 all products (search and category filter), each with its live availability badge
 *   #/product/SKU      one product: the widget with "Notify me" when sold out, hold / backorder / pre-order
 *   #/cart             the cart (holds with countdowns, waiting lines with their dates) and checkout
 *   #/order/ID         one order: per line what ships now, what waits and until when; cancel a waiting line
 *   #/inbox            the demo inbox: the emails Restock sent this shopper, with working links
 *
 * `/?sku=…&reservation=…` is where a "held for you" link from a waitlist email lands: the held reservation is put
 * into the cart.
 */
import '../widget/restock-availability.ts';
import { rememberStorefrontKey, storefrontKey } from './api.ts';
import { CART_CHANGED, itemsInCart, renderCartLines, startCountdowns } from './cart.ts';
import { invalidateList, listLoaded, loadCategories, loadList, setQuery, showProduct } from './catalog.ts';
import { clearCartNotice, renderCart, takeHeldLink } from './checkout.ts';
import { $, hideToast } from './dom.ts';
import { showInbox } from './inbox.ts';
import { showOrder } from './order.ts';

const views = ['view-setup', 'view-list', 'view-product', 'view-cart', 'view-order', 'view-inbox'];

function show(viewId: string): void {
  for (const v of views) $(v).hidden = v !== viewId;
}

function renderCartCount(): void {
  const n = itemsInCart();
  $('cart-count').textContent = String(n);
  $('cart-link').setAttribute('aria-label', `Cart, ${n} ${n === 1 ? 'item' : 'items'}`);
}

function route(): void {
  hideToast();
  if (!storefrontKey()) {
    show('view-setup');
    return;
  }
  const hash = location.hash.replace(/^#/, '') || '/';
  const product = /^\/product\/(.+)$/.exec(hash);
  const order = /^\/order\/(.+)$/.exec(hash);
  for (const a of document.querySelectorAll('.site-nav a')) {
    if (a.getAttribute('href') === `#${hash}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
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
    clearCartNotice();
  } else if (hash === '/inbox') {
    show('view-inbox');
    void showInbox();
  } else {
    document.title = 'Restock demo shop';
    show('view-list');
    if (!listLoaded()) {
      void loadCategories().catch(() => undefined);
      void loadList(true);
    }
  }
  window.scrollTo({ top: 0 });
}

document.addEventListener(CART_CHANGED, () => {
  renderCartCount();
  for (const el of document.querySelectorAll<HTMLElement>('[data-holds-for]')) renderCartLines(el, el.getAttribute('data-holds-for') ?? undefined);
  if (!$('view-cart').hidden) renderCart();
});

let searchTimer: ReturnType<typeof setTimeout> | undefined;
$('search').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    setQuery((e.target as HTMLInputElement).value.trim());
    if ($('view-list').hidden) {
      invalidateList();
      location.hash = '#/';
    } else void loadList(true);
  }, 250);
});
$('search-form').addEventListener('submit', (e) => e.preventDefault());
$('load-more').addEventListener('click', () => void loadList(false));
$('setup-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = ($('setup-key') as HTMLInputElement).value.trim();
  if (!key) return;
  rememberStorefrontKey(key);
  location.reload();
});

window.addEventListener('hashchange', route);
renderCartCount();
startCountdowns();
if (storefrontKey()) void takeHeldLink().then(route);
else route();
