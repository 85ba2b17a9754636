/**
 * The widget's playground (`/widget`): every state drawn in demo mode (so it shows them even on an empty shop),
 * the same in German, a few live SKUs when the page carries a storefront key, and the code to embed and theme
 * it — with this server's address filled in.
 */
import { createRestockClient, unwrap } from 'restock/client';
import './restock-availability.ts';
import type { DemoAvailability } from './restock-availability.ts';

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function daysFromNow(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const STATES: Array<{ title: string; note: string; demo: DemoAvailability; notify?: boolean }> = [
  { title: 'In stock', note: 'status: in_stock', demo: { status: 'in_stock', availableToSell: 42 } },
  { title: 'Low stock', note: 'status: low_stock, availableToSell: 3', demo: { status: 'low_stock', availableToSell: 3 } },
  { title: 'Out of stock, with “Notify me”', note: 'status: out_of_stock, nextInboundDate; the notify attribute', demo: { status: 'out_of_stock', nextInboundDate: daysFromNow(12) }, notify: true },
  { title: 'Backorder with its date', note: 'status: backorder, promisedDate', demo: { status: 'backorder', promisedDate: daysFromNow(21) } },
  { title: 'Pre-order with its date', note: 'status: preorder, promisedDate', demo: { status: 'preorder', promisedDate: daysFromNow(45) } },
  { title: 'Discontinued', note: 'status: discontinued', demo: { status: 'discontinued' } },
];

function stateCard(title: string, note: string, demo: DemoAvailability, sku: string, notify = false): HTMLLIElement {
  const widget = el('restock-availability', { sku, demo: JSON.stringify(demo), ...(notify ? { notify: '' } : {}) });
  return el('li', { class: 'state', 'data-state': demo.status }, el('h3', {}, title), el('p', { class: 'muted small' }, el('code', {}, note)), widget);
}

const origin = location.origin;
const pageKey = document.querySelector<HTMLMetaElement>('meta[name="restock-key"]')?.content || '';
const exampleKey = pageKey || 'rk_st_…';

function drawStates(): void {
  $('state-list').replaceChildren(...STATES.map((s, i) => stateCard(s.title, s.note, s.demo, `DEMO-${i + 1}`, s.notify)));
  const german = [
    { title: 'Auf Lager', demo: { status: 'in_stock' } as DemoAvailability },
    { title: 'Nur noch wenige', demo: { status: 'low_stock', availableToSell: 2 } as DemoAvailability },
    { title: 'Ausverkauft, mit Benachrichtigung', demo: { status: 'out_of_stock', nextInboundDate: daysFromNow(12) } as DemoAvailability, notify: true },
    { title: 'Nachbestellbar', demo: { status: 'backorder', promisedDate: daysFromNow(21) } as DemoAvailability },
    { title: 'Vorbestellbar', demo: { status: 'preorder', promisedDate: daysFromNow(45) } as DemoAvailability },
    { title: 'Nicht mehr im Sortiment', demo: { status: 'discontinued' } as DemoAvailability },
  ];
  $('german-list').replaceChildren(...german.map((s, i) => stateCard(s.title, `status: ${s.demo.status}`, s.demo, `DEMO-DE-${i + 1}`, s.notify)));
}

async function drawLive(): Promise<void> {
  const note = $('live-note');
  if (!pageKey) {
    note.textContent = 'This page carries no storefront key (start the server with npm start for the demo shop), so the live examples are left out; the states above need none.';
    return;
  }
  try {
    const client = createRestockClient({ baseUrl: origin, key: pageKey });
    const r = await unwrap(client.GET('/v1/products', { params: { query: { limit: 6 } } }));
    if (r.items.length === 0) {
      note.textContent = 'This shop has no products yet; the states above are drawn without it.';
      return;
    }
    note.textContent = 'These follow the shop’s stock as it changes, over one shared event stream.';
    $('live-list').replaceChildren(
      ...r.items.map((p) => el('li', { class: 'state live', 'data-sku': p.sku }, el('h3', {}, p.title), el('p', { class: 'muted small' }, el('code', {}, p.sku)), el('restock-availability', { sku: p.sku }))),
    );
  } catch {
    note.textContent = 'Restock did not answer just now; the states above are drawn without it.';
  }
}

function snippet(id: string, text: string): void {
  const code = $(id);
  code.textContent = text;
  const pre = code.parentElement;
  const box = pre?.parentElement;
  if (!box) return;
  const copy = el('button', { type: 'button', class: 'copy' }, 'Copy');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(
      () => {
        copy.textContent = 'Copied';
        setTimeout(() => (copy.textContent = 'Copy'), 1500);
      },
      () => {
        // Without clipboard access (an insecure origin): select the text for the reader to copy.
        const range = document.createRange();
        range.selectNodeContents(code);
        const sel = getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
      },
    );
  });
  box.append(copy);
}

const PROPS = ['--restock-font', '--restock-text', '--restock-muted', '--restock-radius', '--restock-badge-size', '--restock-detail-size', '--restock-accent', '--restock-accent-text', '--restock-field-border', '--restock-field-radius', '--restock-focus', '--restock-panel-radius', '--restock-in-stock', '--restock-low-stock', '--restock-out-of-stock', '--restock-backorder', '--restock-preorder', '--restock-discontinued'];
const PARTS = ['widget', 'status', 'badge', 'dot', 'label', 'detail', 'notify', 'notify-form', 'notify-title', 'notify-input', 'notify-button', 'notify-error', 'notify-result'];

function drawSnippets(): void {
  snippet('snippet-module', `<script type="module" src="${origin}/widget/restock-widget.js"></script>
<meta name="restock-key" content="${exampleKey}">

<!-- on a product grid -->
<restock-availability sku="TEE-BLK"></restock-availability>

<!-- on a product page: with "Notify me when available" while it is sold out -->
<restock-availability sku="TEE-BLK" notify></restock-availability>`);
  snippet('snippet-classic', `<script src="${origin}/widget/restock-widget.classic.js" defer></script>
<restock-availability sku="TEE-BLK" key="${exampleKey}"></restock-availability>`);
  const theme = `restock-availability.brand {
  --restock-font: Georgia, serif;
  --restock-radius: 4px;
  --restock-in-stock: #0b6e4f;
  --restock-backorder: #7a4b00;
  --restock-accent: #7a4b00;
}
restock-availability.brand::part(badge) {
  text-transform: uppercase;
  letter-spacing: 0.06em;
}`;
  snippet('snippet-theme', theme);
  $('themed-demo').replaceChildren(
    el('restock-availability', { class: 'brand', sku: 'THEMED-1', demo: JSON.stringify({ status: 'in_stock' }) }),
    el('restock-availability', { class: 'brand', sku: 'THEMED-2', demo: JSON.stringify({ status: 'backorder', promisedDate: daysFromNow(21) }) }),
  );
  $('css-props').textContent = PROPS.join(', ');
  $('css-parts').textContent = PARTS.join(', ');
  snippet('snippet-demo', `<!-- a status alone -->
<restock-availability sku="ANY" demo="out_of_stock" notify></restock-availability>

<!-- or the availability as the API returns it (any fields you want to show) -->
<restock-availability sku="ANY"
  demo='{"status":"backorder","promisedDate":"${daysFromNow(21)}"}'></restock-availability>

<script type="module">
  // the same from script
  document.querySelector('restock-availability').demoAvailability = { status: 'low_stock', availableToSell: 2 };
</script>`);
  snippet('snippet-events', `const widget = document.querySelector('restock-availability');
widget.addEventListener('restock-change', (e) => {
  const { availability } = e.detail;     // status, availableToSell, promisedDate, locations…
  addToCart.disabled = availability.status === 'out_of_stock' || availability.status === 'discontinued';
});
widget.addEventListener('restock-subscribe', (e) => {
  analytics.track('waitlist_join', { sku: e.detail.sku, status: e.detail.status });
});
widget.refresh();                        // read again (rarely needed: it is live)

/* page CSS can follow the reflected status */
restock-availability:not([status=out_of_stock]) [slot=actions] { display: none; }`);
}

drawStates();
drawSnippets();
void drawLive();
