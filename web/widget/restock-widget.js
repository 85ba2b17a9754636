/**
 * <restock-availability>: a product's availability on a storefront page, kept live.
 *
 *   <script type="module" src="https://restock.example.com/widget/restock-widget.js"></script>
 *   <restock-availability sku="TEE-BLK-M" key="rk_st_…"></restock-availability>
 *
 * Attributes
 *   sku    the SKU to show (required)
 *   key    a storefront API key (public by design); default: <meta name="restock-key" content="…">
 *   api    the Restock base URL; default: <meta name="restock-api">, else where this script was loaded from
 *   live   "off" to show a snapshot without the live stream
 *
 * What it shows: a status badge (In stock · Only N left · Out of stock · Backorder · Pre-order · Discontinued)
 * and the server's customer-facing message, with dates written in the page's language. Both sit in a polite
 * live region, so a screen reader hears a change once, when it happens.
 *
 * Extension points (for features that build on availability, such as a "Notify me" form or substitutes):
 *   - reflected attribute `status` on the element (in_stock, low_stock, out_of_stock, backorder, preorder,
 *     discontinued; loading, unknown, error), so page CSS can show slotted content only when it applies:
 *       restock-availability:not([status=out_of_stock]) [slot=actions] { display: none }
 *   - slot "actions" (below the status) and the default slot (below that) for content the page adds
 *   - event `restock-change` (bubbles, composed) with `detail.availability` after every change
 *   - property `availability` (the last known availability, or null) and method `refresh()`
 *   - ::part(widget | status | badge | detail) and CSS custom properties for theming:
 *       --restock-font, --restock-text, --restock-muted, --restock-radius, --restock-badge-size,
 *       --restock-detail-size, --restock-in-stock, --restock-low-stock, --restock-out-of-stock,
 *       --restock-backorder, --restock-preorder, --restock-discontinued
 *
 * All widgets of a page that talk to the same Restock with the same key share one availability request
 * (batched, up to 500 SKUs) and one event stream: browsers allow only ~6 connections per host over HTTP/1.1, so
 * a stream per widget would stall a product grid.
 */

const STATUSES = ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued'];
const MAX_BATCH = 500;
const EVENT_TYPE = 'inventory.availability_changed';

function scriptBase() {
  // The widget lives at <base>/widget/restock-widget.js.
  return new URL('../', import.meta.url).href.replace(/\/$/, '');
}

function metaContent(name) {
  const el = document.querySelector(`meta[name="${name}"]`);
  return el && el.content ? el.content : null;
}

// ---------------------------------------------------------------------------------------------------------
// One connection per (api, key): batched availability reads and one shared event stream.

class RestockConnection {
  /** @type {Map<string, RestockConnection>} */
  static #all = new Map();

  static for(api, key) {
    const id = `${api}\n${key}`;
    let c = RestockConnection.#all.get(id);
    if (!c) {
      c = new RestockConnection(api, key);
      RestockConnection.#all.set(id, c);
    }
    return c;
  }

  /** @type {Map<string, Array<{resolve: Function, reject: Function}>>} */
  #pending = new Map();
  #batchTimer = 0;
  /** @type {Map<string, Set<(data: object) => void>>} */
  #watchers = new Map();
  /** @type {EventSource | null} */
  #source = null;
  /** The SKU the open stream is filtered to, or null for all SKUs. */
  #streamSku = null;
  #lastEventId = null;
  #reopenTimer = 0;
  #retryDelay = 1000;

  constructor(api, key) {
    this.api = api;
    this.key = key;
  }

  /** Availability of one SKU; null when Restock does not know it. Requests made together share one call. */
  load(sku) {
    return new Promise((resolve, reject) => {
      const waiting = this.#pending.get(sku) ?? [];
      waiting.push({ resolve, reject });
      this.#pending.set(sku, waiting);
      if (!this.#batchTimer) this.#batchTimer = setTimeout(() => this.#flush(), 10);
    });
  }

  async #flush() {
    this.#batchTimer = 0;
    const batch = this.#pending;
    this.#pending = new Map();
    const skus = [...batch.keys()];
    for (let i = 0; i < skus.length; i += MAX_BATCH) {
      const chunk = skus.slice(i, i + MAX_BATCH);
      try {
        const res = await fetch(`${this.api}/v1/availability`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}` },
          body: JSON.stringify({ skus: chunk }),
        });
        const body = await res.json().catch(() => null);
        if (!res.ok) throw new Error(body?.error?.message ?? `Restock answered ${res.status}`);
        const found = new Map(body.items.map((a) => [a.sku, a]));
        for (const sku of chunk) for (const w of batch.get(sku) ?? []) w.resolve(found.get(sku) ?? null);
      } catch (err) {
        for (const sku of chunk) for (const w of batch.get(sku) ?? []) w.reject(err);
      }
    }
  }

  /** Calls `listener(eventData)` for each availability change of `sku` until the returned function is called. */
  watch(sku, listener) {
    let set = this.#watchers.get(sku);
    if (!set) {
      set = new Set();
      this.#watchers.set(sku, set);
    }
    set.add(listener);
    this.#scheduleStream();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#watchers.delete(sku);
      this.#scheduleStream();
    };
  }

  #scheduleStream() {
    // Widgets come and go in bursts (a grid renders): settle before (re)opening the stream.
    clearTimeout(this.#reopenTimer);
    this.#reopenTimer = setTimeout(() => this.#syncStream(), this.#watchers.size === 0 ? 2000 : 20);
  }

  #syncStream() {
    if (this.#watchers.size === 0) {
      this.#closeStream();
      return;
    }
    const only = this.#watchers.size === 1 ? [...this.#watchers.keys()][0] : null;
    // An open stream that already carries every SKU we want is kept; narrowing it is not worth a reconnect.
    if (this.#source && (this.#streamSku === null || this.#streamSku === only)) return;
    this.#openStream(only);
  }

  #openStream(only) {
    this.#closeStream();
    const url = new URL(`${this.api}/v1/events`);
    url.searchParams.set('types', EVENT_TYPE);
    if (only) url.searchParams.set('sku', only);
    url.searchParams.set('key', this.key);
    // A new stream resumes where the last one stopped; the browser's own reconnects send Last-Event-ID.
    if (this.#lastEventId) url.searchParams.set('lastEventId', this.#lastEventId);
    const fresh = this.#lastEventId === null;
    const source = new EventSource(url);
    this.#source = source;
    this.#streamSku = only;
    source.addEventListener('open', () => {
      this.#retryDelay = 1000;
      // A stream without a past starts at the live edge: re-read so nothing changed between read and connect.
      if (fresh) this.#refreshAll();
    });
    source.addEventListener(EVENT_TYPE, (e) => {
      if (e.lastEventId) this.#lastEventId = e.lastEventId;
      let event;
      try {
        event = JSON.parse(e.data);
      } catch {
        return;
      }
      const data = event?.data;
      if (!data || typeof data.sku !== 'string') return;
      for (const listener of this.#watchers.get(data.sku) ?? []) listener(data);
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up (say a 401 or a
      // proxy error); try again later, slower each time.
      if (source.readyState !== EventSource.CLOSED || this.#source !== source) return;
      this.#closeStream();
      clearTimeout(this.#reopenTimer);
      this.#reopenTimer = setTimeout(() => this.#syncStream(), this.#retryDelay);
      this.#retryDelay = Math.min(this.#retryDelay * 2, 60_000);
    });
  }

  #closeStream() {
    this.#source?.close();
    this.#source = null;
    this.#streamSku = null;
  }

  #refreshAll() {
    for (const [sku, listeners] of this.#watchers) {
      this.load(sku).then(
        (a) => {
          if (a) for (const l of listeners) l({ sku, after: a, version: a.version, full: a });
        },
        () => {},
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The element.

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host {
    display: block;
    font-family: var(--restock-font, inherit);
    color: var(--restock-text, inherit);
    --_tone: var(--restock-muted, #4b5563);
  }
  :host([hidden]) { display: none; }
  :host([status=in_stock]) { --_tone: var(--restock-in-stock, #166534); }
  :host([status=low_stock]) { --_tone: var(--restock-low-stock, #b45309); }
  :host([status=out_of_stock]) { --_tone: var(--restock-out-of-stock, #b91c1c); }
  :host([status=backorder]) { --_tone: var(--restock-backorder, #1d4ed8); }
  :host([status=preorder]) { --_tone: var(--restock-preorder, #6d28d9); }
  :host([status=discontinued]) { --_tone: var(--restock-discontinued, #4b5563); }

  .widget { display: grid; gap: 0.5rem; }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    min-height: 1.75em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.2em 0.65em 0.2em 0.55em;
    border-radius: var(--restock-radius, 999px);
    font-size: var(--restock-badge-size, 0.8125rem);
    font-weight: 600;
    line-height: 1.4;
    white-space: nowrap;
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 11%, transparent);
  }
  .dot {
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .detail {
    font-size: var(--restock-detail-size, 0.875rem);
    line-height: 1.4;
    color: var(--restock-muted, #4b5563);
  }
  .detail:empty { display: none; }
  :host([status=loading]) .badge { color: transparent; background: linear-gradient(90deg, #e5e7eb, #f3f4f6, #e5e7eb); background-size: 200% 100%; animation: shimmer 1.2s linear infinite; }
  :host([status=loading]) .dot { visibility: hidden; }
  .changed .badge { animation: pulse 0.9s ease-out; }
  @keyframes shimmer { to { background-position: -200% 0; } }
  @keyframes pulse { 0% { box-shadow: 0 0 0 0 color-mix(in srgb, var(--_tone) 45%, transparent); } 100% { box-shadow: 0 0 0 0.6em transparent; } }
  @media (prefers-reduced-motion: reduce) { .badge { animation: none !important; } }
  ::slotted([slot=actions]) { margin: 0; }
`);

const LABELS = {
  in_stock: () => 'In stock',
  low_stock: (a) => (a.availableToSell != null ? `Only ${a.availableToSell} left` : 'Low stock'),
  out_of_stock: () => 'Out of stock',
  backorder: () => 'Backorder',
  preorder: () => 'Pre-order',
  discontinued: () => 'Discontinued',
};

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The part of the server's message the badge does not already say: "Out of stock: expected back on …" next to
 * an "Out of stock" badge becomes "Expected back on …"; "In stock" next to "In stock" becomes nothing. A message
 * the badge does not start (a shop's own wording) is shown whole.
 */
export function messageDetail(message, label) {
  const lead = new RegExp(`^(?:available (?:on|for) )?${escapeRegExp(label)}(?:\\s+(?:now|in stock))?\\s*(?:[:.!—–-]\\s*|$)`, 'i');
  const rest = String(message ?? '').replace(lead, '').trim();
  return rest ? rest[0].toUpperCase() + rest.slice(1) : '';
}

export class RestockAvailability extends HTMLElement {
  static observedAttributes = ['sku', 'api', 'key', 'live'];

  /** @type {object | null} */
  #availability = null;
  #unwatch = null;
  #subscribedTo = '';
  #badge;
  #label;
  #detail;
  #status;
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const widget = document.createElement('div');
    widget.className = 'widget';
    widget.part = 'widget';
    this.#status = document.createElement('div');
    this.#status.className = 'status';
    this.#status.part = 'status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    this.#status.setAttribute('aria-atomic', 'true');
    this.#badge = document.createElement('span');
    this.#badge.className = 'badge';
    this.#badge.part = 'badge';
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    this.#label = document.createElement('span');
    this.#label.className = 'label';
    this.#badge.append(dot, this.#label);
    this.#detail = document.createElement('span');
    this.#detail.className = 'detail';
    this.#detail.part = 'detail';
    this.#status.append(this.#badge, this.#detail);
    const actions = document.createElement('slot');
    actions.name = 'actions';
    widget.append(this.#status, actions, document.createElement('slot'));
    root.append(widget);
  }

  /** The last known availability (as `GET /v1/availability/:sku` returns it, updated from events), or null. */
  get availability() {
    return this.#availability;
  }

  get sku() {
    return this.getAttribute('sku') ?? '';
  }

  connectedCallback() {
    this.#subscribe();
  }

  disconnectedCallback() {
    this.#unsubscribe();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#subscribe();
  }

  /** Reads availability again (the live stream makes this rarely needed). */
  refresh() {
    const c = this.#connection();
    if (c) this.#load(c, this.#generation);
  }

  #connection() {
    const key = this.getAttribute('key') || metaContent('restock-key');
    const api = (this.getAttribute('api') || metaContent('restock-api') || scriptBase()).replace(/\/$/, '');
    if (!this.sku || !key) return null;
    return RestockConnection.for(api, key);
  }

  #subscribe() {
    const c = this.#connection();
    const target = c ? `${c.api}\n${c.key}\n${this.sku}\n${this.getAttribute('live')}` : '';
    if (target === this.#subscribedTo) return;
    this.#unsubscribe();
    this.#subscribedTo = target;
    const generation = ++this.#generation;
    this.#availability = null;
    if (!c) {
      this.#show('unknown', 'Unavailable', this.sku ? 'No storefront key is set for this widget.' : '');
      return;
    }
    this.#show('loading', 'Checking availability', '');
    if (this.getAttribute('live') !== 'off') {
      this.#unwatch = c.watch(this.sku, (data) => {
        if (generation === this.#generation) this.#onEvent(c, generation, data);
      });
    }
    this.#load(c, generation);
  }

  #unsubscribe() {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#subscribedTo = '';
  }

  #load(c, generation) {
    c.load(this.sku).then(
      (a) => {
        if (generation !== this.#generation) return;
        if (a) this.#apply(a);
        else if (!this.#availability) this.#show('unknown', 'Unavailable', 'This product is not sold here.');
      },
      () => {
        if (generation !== this.#generation || this.#availability) return;
        this.#show('error', 'Availability unknown', 'We could not check availability just now.');
      },
    );
  }

  #onEvent(c, generation, data) {
    if (data.full) {
      this.#apply(data.full);
      return;
    }
    const prev = this.#availability;
    const version = typeof data.version === 'number' ? data.version : null;
    if (prev && version !== null && version <= prev.version) return;
    const after = data.after ?? {};
    const next = {
      ...(prev ?? { sku: data.sku, locations: [], promisedDate: null }),
      status: after.status,
      availableToSell: after.availableToSell ?? null,
      message: after.message ?? '',
      nextInboundDate: after.nextInboundDate ?? null,
      version: version ?? (prev ? prev.version + 1 : 0),
    };
    if ('promisedDate' in after) next.promisedDate = after.promisedDate;
    // Events carry what a shopper sees, not per-location detail or promise dates: fetch those when they matter.
    const needsFull = !prev || ((next.status === 'backorder' || next.status === 'preorder') && !('promisedDate' in after));
    this.#apply(next);
    if (needsFull) this.#load(c, generation);
  }

  #apply(a) {
    const prev = this.#availability;
    if (prev && typeof a.version === 'number' && a.version < prev.version) return;
    this.#availability = a;
    const status = STATUSES.includes(a.status) ? a.status : 'unknown';
    const label = (LABELS[status] ?? (() => 'Unavailable'))(a);
    const changed = prev !== null && (prev.status !== a.status || prev.availableToSell !== a.availableToSell);
    this.#show(status, label, messageDetail(a.message, label));
    if (changed) {
      this.#status.classList.remove('changed');
      void this.#status.offsetWidth; // restart the animation
      this.#status.classList.add('changed');
    }
    if (prev === null || prev.version !== a.version || prev.status !== a.status) {
      this.dispatchEvent(new CustomEvent('restock-change', { bubbles: true, composed: true, detail: { availability: a, previous: prev } }));
    }
  }

  #show(status, label, detail) {
    this.setAttribute('status', status);
    this.#status.setAttribute('aria-busy', String(status === 'loading'));
    this.#label.textContent = label;
    this.#detail.replaceChildren(...withDates(detail, this.#locale()));
  }

  #locale() {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return lang || navigator.language || 'en';
  }
}

/** Text with each YYYY-MM-DD written as a date in the reader's language, inside <time datetime>. */
function withDates(text, locale) {
  const out = [];
  const re = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  let at = 0;
  let m;
  let format;
  try {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  while ((m = re.exec(text))) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (Number.isNaN(date.getTime())) continue;
    if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
    const time = document.createElement('time');
    time.dateTime = m[0];
    time.textContent = format.format(date);
    out.push(time);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

if (!customElements.get('restock-availability')) customElements.define('restock-availability', RestockAvailability);
