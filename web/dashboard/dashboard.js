/**
 * The operator dashboard, in tabs (the URL hash names the tab):
 *   #stock      every SKU with its status and stock, a live event feed, and for a chosen SKU its levels per
 *               location, a stock adjustment form and its ledger
 *   #orders     backorder and pre-order queues, inbound stock, the allocation policy   (orders.js)
 *   #waitlists  demand per SKU, who is on a list, the waitlist policy                  (waitlists.js)
 *   #messages   every customer email with a sandboxed preview                          (messages.js)
 *   #webhooks   endpoints, the event picker, deliveries and redelivery                 (webhooks.js)
 * One event stream feeds them all: each tab refreshes what an event touches.
 *
 * The admin key stays in sessionStorage and travels only in the Authorization header. That is also why the
 * event stream is read with fetch() rather than EventSource, which could only carry the key in the URL, where
 * it would end up in access logs and browser history.
 */
import { ApiError, createApi, h, plainWords } from '/shared/api.js';
import { wordsFor } from './ui.js';
import { ordersView } from './orders.js';
import { waitlistsView } from './waitlists.js';
import { messagesView } from './messages.js';
import { webhooksView } from './webhooks.js';

const KEY_STORAGE = 'restock.adminKey';
const PAGE = 50;
const BATCH = 500;
const FEED_MAX = 100;
const LEVEL_FETCHES_AT_ONCE = 4;

const STATUS_LABELS = {
  in_stock: 'In stock',
  low_stock: 'Low stock',
  out_of_stock: 'Out of stock',
  backorder: 'Backorder',
  preorder: 'Pre-order',
  discontinued: 'Discontinued',
};

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const adminKey = () => sessionStorage.getItem(KEY_STORAGE);
const api = createApi({ key: adminKey });
const locale = document.documentElement.lang || navigator.language || 'en';
const numberFormat = new Intl.NumberFormat(locale);
const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });

const state = {
  /** @type {Array<{ sku: string, title: string }>} */
  skus: [],
  /** @type {Map<string, { status: string, availableToSell: number | null, version: number }>} */
  availability: new Map(),
  /** @type {Map<string, { onHand: number, reserved: number, committed: number } | 'loading'>} */
  totals: new Map(),
  filter: '',
  status: '',
  page: 0,
  selected: /** @type {string | null} */ (null),
  /** Newest ledger id shown for the selected SKU. */
  ledgerCursor: 0,
  /** @type {Array<object>} newest first */
  ledger: [],
  locations: /** @type {Array<{ code: string, name: string }>} */ ([]),
  stream: /** @type {AbortController | null} */ (null),
  loaded: false,
};

// ---------------------------------------------------------------------------------------------------------
// Sign in / out.

async function signIn(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    // The ledger is admin-only: an unknown SKU answers 404 to an admin key, 401/403 to anything else.
    await api.get('/v1/inventory/restock-key-check/ledger?limit=1');
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) {
      sessionStorage.removeItem(KEY_STORAGE);
      throw err;
    }
  }
}

function signOut() {
  sessionStorage.removeItem(KEY_STORAGE);
  state.stream?.abort();
  location.reload();
}

function showSignIn(message = '') {
  $('signin').hidden = false;
  $('app').hidden = true;
  $('tabs').hidden = true;
  $('sign-out').hidden = true;
  $('signin-error').textContent = message;
  setConnection('off', 'Offline');
  $('admin-key').focus();
}

$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('admin-key'));
  const button = /** @type {HTMLButtonElement} */ (e.currentTarget.querySelector('button[type=submit]'));
  button.disabled = true;
  $('signin-error').textContent = '';
  try {
    await signIn(input.value.trim());
    input.value = '';
    void start();
  } catch (err) {
    $('signin-error').textContent =
      err instanceof ApiError && err.code === 'forbidden' ? 'That key works, but it is not an admin key. The dashboard needs an admin key.' : plainWords(err);
  } finally {
    button.disabled = false;
  }
});
$('sign-out').addEventListener('click', signOut);

/** A request failed: a revoked key sends the operator back to sign in; anything else is reported where it happened. */
function handleAuthFailure(err) {
  if (err instanceof ApiError && err.code === 'unauthorized') {
    sessionStorage.removeItem(KEY_STORAGE);
    state.stream?.abort();
    showSignIn('Your key is no longer valid. Sign in again.');
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Live events, over fetch so the key stays in a header.

function setConnection(kind, text) {
  const el = $('connection');
  el.dataset.state = kind;
  el.textContent = text;
}

async function followEvents() {
  const controller = new AbortController();
  state.stream = controller;
  let lastId = null;
  let retry = 2000;
  while (!controller.signal.aborted) {
    try {
      const headers = { authorization: `Bearer ${adminKey()}`, accept: 'text/event-stream' };
      if (lastId) headers['last-event-id'] = lastId;
      const res = await fetch('/v1/events', { headers, signal: controller.signal, cache: 'no-store' });
      if (res.status === 401 || res.status === 403) {
        const body = await res.json().catch(() => null);
        handleAuthFailure(new ApiError(res.status, body?.error?.code ?? 'unauthorized', body?.error?.message ?? ''));
        return;
      }
      if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
      setConnection('live', 'Live');
      const fresh = lastId === null;
      if (fresh) void refreshAvailability(); // close the gap between the first read and the stream's start
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const message = parseEventBlock(block);
          if (message.retry) retry = message.retry;
          if (message.id) lastId = message.id;
          if (message.data) {
            try {
              onEvent(JSON.parse(message.data));
            } catch {
              // A malformed event is skipped, not fatal.
            }
          }
        }
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    setConnection('retry', 'Reconnecting…');
    await new Promise((r) => setTimeout(r, retry));
  }
}

function parseEventBlock(block) {
  const out = { id: '', event: '', data: '', retry: 0 };
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'id') out.id = value;
    else if (field === 'event') out.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) out.retry = Number(value);
  }
  out.data = data.join('\n');
  return out;
}

function onEvent(event) {
  addToFeed(event);
  for (const [name, view] of Object.entries(tabViews)) {
    try {
      view.onEvent(event, state.tab === name);
    } catch {
      // One view's trouble must not stop the others hearing the event.
    }
  }
  const d = event.data ?? {};
  if (event.type === 'inventory.availability_changed' && d.after && typeof d.sku === 'string') {
    mergeAvailability(d.sku, { status: d.after.status, availableToSell: d.after.availableToSell ?? null, version: d.version ?? 0 });
  }
  if (typeof event.sku === 'string' && event.type.startsWith('inventory.')) {
    state.totals.delete(event.sku);
    scheduleRender();
    if (event.sku === state.selected) scheduleDetailRefresh();
  }
}

function eventSummary(event) {
  const d = event.data ?? {};
  if (d.after && typeof d.after === 'object') {
    const before = d.before ? `${STATUS_LABELS[d.before.status] ?? d.before.status} (${d.before.availableToSell ?? '∞'})` : 'new';
    const after = `${STATUS_LABELS[d.after.status] ?? d.after.status} (${d.after.availableToSell ?? '∞'})`;
    return `${before} → ${after}`;
  }
  // Order and waitlist events: who, how many, which dates, in words.
  const parts = [];
  if (typeof d.orderId === 'string') parts.push(d.orderId);
  if (Array.isArray(d.lines)) parts.push(`${d.lines.length} ${d.lines.length === 1 ? 'line' : 'lines'}`);
  if (typeof d.email === 'string') parts.push(d.email);
  if (typeof d.quantity === 'number') parts.push(`qty ${d.quantity}`);
  if (typeof d.status === 'string') parts.push(d.status);
  if (d.oldDate || d.newDate) parts.push(`${d.oldDate ?? '—'} → ${d.newDate ?? '—'}`);
  if (parts.length > 0) return parts.join(' · ');
  const json = JSON.stringify(d);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

function addToFeed(event) {
  const list = $('events');
  const type = String(event.type ?? 'event');
  const short = type.replace(/^inventory\./, '');
  const item = h(
    'li',
    { class: 'event', 'data-type': type },
    h('div', { class: 'event-head' },
      h('span', { class: `event-type t-${short.replace(/[^a-z_]/g, '')} g-${type.split('.')[0]}` }, sentenceCase(short.replace(/[_.]/g, ' '))),
      event.sku ? h('button', { class: 'link sku', type: 'button', onclick: () => select(event.sku) }, event.sku) : null,
      h('time', { datetime: event.createdAt, class: 'muted tabular' }, safeTime(event.createdAt)),
    ),
    h('p', { class: 'event-body' }, eventSummary(event)),
  );
  list.prepend(item);
  while (list.children.length > FEED_MAX) list.lastElementChild?.remove();
  $('feed-empty').hidden = true;
}

function sentenceCase(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function safeTime(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : timeFormat.format(t);
}

$('feed-clear').addEventListener('click', () => {
  $('events').replaceChildren();
  $('feed-empty').hidden = false;
});

// ---------------------------------------------------------------------------------------------------------
// The SKU table.

function mergeAvailability(sku, a) {
  const known = state.availability.get(sku);
  if (known && a.version < known.version) return;
  state.availability.set(sku, a);
}

async function loadAll() {
  // Products, 500 at a time, then their availability in batches of 500; the table fills in as pages arrive.
  const skus = [];
  let after = null;
  do {
    const q = new URLSearchParams({ limit: String(BATCH) });
    if (after) q.set('after', after);
    const page = await api.get(`/v1/products?${q}`);
    for (const p of page.items) skus.push({ sku: p.sku, title: p.title });
    after = page.next;
    state.skus = skus.slice();
    fillSkuOptions();
    await loadAvailability(page.items.map((p) => p.sku));
    state.loaded = true;
    render();
  } while (after);
}

async function loadAvailability(skus) {
  for (let i = 0; i < skus.length; i += BATCH) {
    const r = await api.post('/v1/availability', { skus: skus.slice(i, i + BATCH) });
    for (const a of r.items) mergeAvailability(a.sku, { status: a.status, availableToSell: a.availableToSell, version: a.version });
  }
}

async function refreshAvailability() {
  if (!state.loaded) return;
  try {
    await loadAvailability(state.skus.map((s) => s.sku));
    scheduleRender();
  } catch (err) {
    handleAuthFailure(err);
  }
}

function visibleSkus() {
  const f = state.filter.toLowerCase();
  return state.skus.filter((s) => {
    if (f && !s.sku.toLowerCase().includes(f) && !s.title.toLowerCase().includes(f)) return false;
    if (state.status && state.availability.get(s.sku)?.status !== state.status) return false;
    return true;
  });
}

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function badge(status) {
  return h('span', { class: `badge s-${status ?? 'unknown'}` }, STATUS_LABELS[status] ?? '—');
}

function num(n) {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

function render() {
  renderTiles();
  const rows = visibleSkus();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  state.page = Math.min(state.page, pages - 1);
  const shown = rows.slice(state.page * PAGE, state.page * PAGE + PAGE);
  const body = $('sku-rows');
  const keys = shown.map((s) => s.sku).join('\n');
  if (body.dataset.keys === keys) {
    // Same rows as before (an event changed some numbers): update cells in place, so focus and selection stay.
    for (const s of shown) {
      const tr = body.querySelector(`tr[data-sku="${CSS.escape(s.sku)}"]`);
      if (tr) fillRow(tr, s);
    }
  } else {
    body.dataset.keys = keys;
    body.replaceChildren(...shown.map(rowFor));
  }
  $('table-empty').hidden = !state.loaded || shown.length > 0;
  $('stock-summary').textContent = state.loaded
    ? `${numberFormat.format(rows.length)} of ${numberFormat.format(state.skus.length)} SKUs`
    : 'Loading…';
  renderPager(pages);
  void loadTotals(shown.map((s) => s.sku));
}

function rowFor(s) {
  const tr = h(
    'tr',
    { 'data-sku': s.sku, class: s.sku === state.selected ? 'selected' : '', 'aria-selected': String(s.sku === state.selected) },
    h('td', {}, h('button', { class: 'link sku', type: 'button', onclick: () => select(s.sku) }, s.sku)),
    h('td', { class: 'title' }, s.title),
    h('td', { 'data-col': 'status' }),
    h('td', { class: 'num tabular', 'data-col': 'available' }),
    h('td', { class: 'num tabular', 'data-col': 'onHand' }),
    h('td', { class: 'num tabular', 'data-col': 'reserved' }),
  );
  tr.addEventListener('click', (e) => {
    if (!(e.target instanceof HTMLButtonElement)) select(s.sku);
  });
  fillRow(tr, s);
  return tr;
}

function fillRow(tr, s) {
  const a = state.availability.get(s.sku);
  const t = state.totals.get(s.sku);
  const totals = t && t !== 'loading' ? t : null;
  const cell = (col) => /** @type {HTMLElement} */ (tr.querySelector(`[data-col=${col}]`));
  const status = a?.status ?? '';
  if (cell('status').dataset.status !== status) {
    cell('status').dataset.status = status;
    cell('status').replaceChildren(badge(a?.status));
  }
  cell('available').textContent = a ? (a.availableToSell === null ? 'Untracked' : num(a.availableToSell)) : '…';
  // Totals being re-read keep showing the last numbers until the new ones arrive.
  if (totals) {
    cell('onHand').textContent = num(totals.onHand);
    cell('reserved').textContent = num(totals.reserved);
  } else if (!cell('onHand').textContent) {
    cell('onHand').textContent = '…';
    cell('reserved').textContent = '…';
  }
}

function renderTiles() {
  const counts = Object.fromEntries(Object.keys(STATUS_LABELS).map((k) => [k, 0]));
  for (const s of state.skus) {
    const st = state.availability.get(s.sku)?.status;
    if (st && st in counts) counts[st] += 1;
  }
  const tile = (status, label, count) => {
    const b = h(
      'button',
      { type: 'button', class: `tile s-${status || 'all'}`, 'aria-pressed': String(state.status === status) },
      h('span', { class: 'tile-count tabular' }, numberFormat.format(count)),
      h('span', { class: 'tile-label' }, label),
    );
    b.addEventListener('click', () => {
      state.status = state.status === status ? '' : status;
      /** @type {HTMLSelectElement} */ ($('status-filter')).value = state.status;
      state.page = 0;
      render();
    });
    return b;
  };
  $('tiles').replaceChildren(
    ...Object.entries(STATUS_LABELS).filter(([k]) => counts[k] > 0 || ['in_stock', 'low_stock', 'out_of_stock'].includes(k)).map(([k, label]) => tile(k, label, counts[k])),
  );
}

function renderPager(pages) {
  const pager = $('pager');
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const prev = h('button', { class: 'button small', type: 'button', disabled: state.page === 0 }, '← Previous');
  const next = h('button', { class: 'button small', type: 'button', disabled: state.page >= pages - 1 }, 'Next →');
  prev.addEventListener('click', () => {
    state.page -= 1;
    render();
  });
  next.addEventListener('click', () => {
    state.page += 1;
    render();
  });
  pager.replaceChildren(prev, h('span', { class: 'muted tabular' }, `Page ${state.page + 1} of ${pages}`), next);
}

/** On hand and reserved come from the per-SKU levels: read them for the rows on screen, a few at a time. */
async function loadTotals(skus) {
  const todo = skus.filter((s) => !state.totals.has(s));
  for (const s of todo) state.totals.set(s, 'loading');
  let i = 0;
  const worker = async () => {
    while (i < todo.length) {
      const sku = todo[i++];
      try {
        const r = await api.get(`/v1/inventory/${encodeURIComponent(sku)}`);
        state.totals.set(sku, r.totals);
        updateRowTotals(sku, r.totals);
      } catch (err) {
        state.totals.delete(sku);
        if (handleAuthFailure(err)) return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LEVEL_FETCHES_AT_ONCE, todo.length) }, worker));
}

function updateRowTotals(sku, totals) {
  const row = $('sku-rows').querySelector(`tr[data-sku="${CSS.escape(sku)}"]`);
  if (!row) return;
  const onHand = row.querySelector('[data-col=onHand]');
  const reserved = row.querySelector('[data-col=reserved]');
  if (onHand) onHand.textContent = num(totals.onHand);
  if (reserved) reserved.textContent = num(totals.reserved);
}

let filterTimer = 0;
$('filter').addEventListener('input', (e) => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    state.filter = /** @type {HTMLInputElement} */ (e.target).value.trim();
    state.page = 0;
    render();
  }, 150);
});
$('status-filter').addEventListener('change', (e) => {
  state.status = /** @type {HTMLSelectElement} */ (e.target).value;
  state.page = 0;
  render();
});

// ---------------------------------------------------------------------------------------------------------
// The selected SKU: levels, adjustment, ledger.

function select(sku) {
  if (state.selected !== sku) {
    state.selected = sku;
    state.ledger = [];
    state.ledgerCursor = 0;
    /** @type {HTMLFormElement} */ ($('adjust-form')).reset();
    $('adjust-result').textContent = '';
  }
  for (const tr of $('sku-rows').querySelectorAll('tr')) {
    const on = tr.getAttribute('data-sku') === sku;
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', String(on));
  }
  const title = state.skus.find((s) => s.sku === sku)?.title;
  $('detail-title').replaceChildren(h('code', {}, sku), title ? h('span', { class: 'detail-product' }, title) : '');
  $('detail-hint').hidden = true;
  $('detail-body').hidden = false;
  void refreshDetail();
}

let detailTimer = 0;
function scheduleDetailRefresh() {
  clearTimeout(detailTimer);
  detailTimer = setTimeout(() => void refreshDetail(), 200);
}

let detailRequest = 0;
async function refreshDetail() {
  const sku = state.selected;
  if (!sku) return;
  const id = ++detailRequest;
  try {
    const [levels, newer] = await Promise.all([api.get(`/v1/inventory/${encodeURIComponent(sku)}`), readLedgerAfter(sku, state.ledgerCursor)]);
    if (id !== detailRequest || sku !== state.selected) return;
    state.totals.set(sku, levels.totals);
    updateRowTotals(sku, levels.totals);
    renderLevels(levels);
    if (newer.length > 0) {
      state.ledgerCursor = newer[newer.length - 1].id;
      state.ledger = [...newer.reverse(), ...state.ledger].slice(0, 200);
    }
    renderLedger();
  } catch (err) {
    if (handleAuthFailure(err)) return;
    $('levels').replaceChildren(h('caption', { class: 'notice' }, plainWords(err)));
  }
}

/** Ledger rows after `cursor`, oldest first; a first read keeps only the newest 200. */
async function readLedgerAfter(sku, cursor) {
  const rows = [];
  let after = cursor;
  for (;;) {
    const r = await api.get(`/v1/inventory/${encodeURIComponent(sku)}/ledger?after=${after}&limit=1000`);
    rows.push(...r.items);
    if (rows.length > 200) rows.splice(0, rows.length - 200);
    if (r.next === null) return rows;
    after = r.next;
  }
}

function renderLevels(data) {
  const names = new Map(state.locations.map((l) => [l.code, l.name]));
  const head = h('thead', {}, h('tr', {}, ['Location', 'On hand', 'Reserved', 'Committed', 'Safety', 'Available'].map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : '' }, t))));
  const available = (l) => Math.max(0, l.onHand - l.reserved - l.committed - l.safetyStock);
  const rows = data.levels.map((l) =>
    h('tr', {},
      h('th', { scope: 'row' }, l.location, names.has(l.location) ? h('span', { class: 'loc-name' }, names.get(l.location)) : null),
      [l.onHand, l.reserved, l.committed, l.safetyStock, available(l)].map((n) => h('td', { class: 'num tabular' }, num(n))),
    ),
  );
  const t = data.totals;
  const foot = h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), [t.onHand, t.reserved, t.committed, t.safetyStock, t.availableToSell].map((n) => h('td', { class: 'num tabular' }, num(n)))));
  $('levels').replaceChildren(
    h('caption', { class: 'visually-hidden' }, 'Stock per location'),
    head,
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: '6', class: 'muted' }, 'No stock recorded at any location yet.'))),
    foot,
  );
  const select = /** @type {HTMLSelectElement} */ ($('adjust-location'));
  const chosen = select.value;
  select.replaceChildren(...state.locations.map((l) => h('option', { value: l.code }, `${l.name} (${l.code})`)));
  if (chosen) select.value = chosen;
}

function renderLedger() {
  const signed = (n) => (n > 0 ? `+${numberFormat.format(n)}` : n < 0 ? `−${numberFormat.format(-n)}` : '·');
  $('ledger').replaceChildren(
    h('caption', { class: 'visually-hidden' }, 'Ledger movements, newest first'),
    h('thead', {}, h('tr', {}, ['When', 'Movement', 'On hand', 'Reserved', 'Committed'].map((t, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : '' }, t)))),
    h(
      'tbody',
      {},
      state.ledger.length === 0
        ? h('tr', {}, h('td', { colspan: '5', class: 'muted' }, 'No movements yet.'))
        : state.ledger.map((m) =>
            h('tr', {},
              h('td', { class: 'tabular muted', title: dateTimeFormat.format(Date.parse(m.createdAt)) }, safeTime(m.createdAt)),
              h('td', {},
                h('span', { class: `movement m-${m.type}` }, m.type),
                h('span', { class: 'muted movement-where' }, [m.location, m.reason].filter(Boolean).join(' · ')),
              ),
              [m.onHandDelta, m.reservedDelta, m.committedDelta].map((n) => h('td', { class: `num tabular ${n > 0 ? 'up' : n < 0 ? 'down' : 'zero'}` }, signed(n))),
            ),
          ),
    ),
  );
}

$('adjust-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = /** @type {HTMLFormElement} */ (e.currentTarget);
  const result = $('adjust-result');
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
  const delta = Number(/** @type {HTMLInputElement} */ ($('adjust-delta')).value);
  const locationCode = /** @type {HTMLSelectElement} */ ($('adjust-location')).value;
  const reason = /** @type {HTMLInputElement} */ ($('adjust-reason')).value.trim();
  result.classList.remove('ok');
  if (!Number.isInteger(delta) || delta === 0) {
    result.textContent = 'Enter a whole number of units to add (like 5) or remove (like -2).';
    return;
  }
  if (!state.selected || !locationCode) return;
  button.disabled = true;
  try {
    const level = await api.post('/v1/inventory/adjustments', { sku: state.selected, location: locationCode, delta, ...(reason ? { reason } : {}) });
    result.classList.add('ok');
    result.textContent = `${delta > 0 ? 'Added' : 'Removed'} ${Math.abs(delta)} at ${locationCode}: on hand is now ${num(level.onHand)}.`;
    /** @type {HTMLInputElement} */ ($('adjust-delta')).value = '';
    scheduleDetailRefresh();
  } catch (err) {
    if (!handleAuthFailure(err)) result.textContent = plainWords(err);
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------------------------------------------------
// Tabs.

let toastTimer = 0;
function flash(message) {
  const t = $('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    t.hidden = true;
  }, 5000);
}

function fillSkuOptions() {
  $('sku-options').replaceChildren(...state.skus.map((s) => h('option', { value: s.sku }, s.title)));
}

/** What every tab view gets: the API, how to report a revoked key, names of things, and the tab counters. */
const viewContext = {
  api,
  onAuthFailure: handleAuthFailure,
  words: wordsFor,
  flash,
  titleOf: (sku) => state.skus.find((s) => s.sku === sku)?.title ?? '',
  locations: () => state.locations,
  locationName: (code) => state.locations.find((l) => l.code === code)?.name ?? code,
  setCount(tab, n) {
    const el = document.querySelector(`[data-count="${tab}"]`);
    if (!el) return;
    el.textContent = n > 0 ? numberFormat.format(n) : '';
  },
};

const tabViews = {
  orders: ordersView(viewContext),
  waitlists: waitlistsView(viewContext),
  messages: messagesView(viewContext),
  webhooks: webhooksView(viewContext),
};
for (const [name, view] of Object.entries(tabViews)) $(`view-${name}`).append(view.el);
const TABS = ['stock', ...Object.keys(tabViews)];
state.tab = 'stock';

function showTab() {
  const wanted = location.hash.replace(/^#\/?/, '');
  const tab = TABS.includes(wanted) ? wanted : 'stock';
  state.tab = tab;
  for (const t of TABS) $(`view-${t}`).hidden = t !== tab;
  for (const a of document.querySelectorAll('#tabs a')) {
    if (a.getAttribute('data-tab') === tab) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const names = { stock: 'Stock', orders: 'Backorders & pre-orders', waitlists: 'Waitlists', messages: 'Messages', webhooks: 'Webhooks' };
  document.title = `${names[tab]} · Restock`;
  if (tab !== 'stock') void tabViews[tab].show();
}
window.addEventListener('hashchange', () => {
  if (!$('app').hidden) showTab();
});

// ---------------------------------------------------------------------------------------------------------
// Start.

async function start() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('tabs').hidden = false;
  $('sign-out').hidden = false;
  setConnection('retry', 'Connecting…');
  void followEvents();
  showTab();
  // Tab counters (units waiting, people waiting, queued messages) before a tab is opened.
  for (const [name, view] of Object.entries(tabViews)) if (name !== state.tab) void view.prime().catch(() => {});
  render();
  try {
    const locations = api.get('/v1/locations').then((r) => {
      state.locations = r.items;
      tabViews.orders.locationsChanged();
      if (state.selected) scheduleDetailRefresh();
    });
    await Promise.all([locations, loadAll()]);
    // Product titles are known now: draw the open tab again with them.
    if (state.tab !== 'stock') void tabViews[state.tab].show();
  } catch (err) {
    if (!handleAuthFailure(err)) $('stock-summary').textContent = plainWords(err);
  }
}

if (adminKey()) void start();
else showSignIn();
