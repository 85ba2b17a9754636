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
 *   notify present (any value but "off") to offer a "Notify me when available" form while the SKU is out of
 *          stock: email and an optional quantity, sent to `POST /v1/waitlist` with the page's language (the
 *          closest [lang]) as the locale of the emails. Leave it off on product grids.
 *
 * What it shows: a status badge (In stock · Only N left · Out of stock · Backorder · Pre-order · Discontinued)
 * and the server's customer-facing message, with dates written in the page's language: a backorder says when it
 * ships ("Ships by 18 December 2026"), a pre-order when it is released, both from the availability's
 * `promisedDate`. Both sit in a polite live region, so a screen reader hears a change once, when it happens.
 * With `notify`, the sign-up answers in plain words: "Check your inbox to confirm" (double opt-in) or
 * "You're on the list" (without it). The API answers the same whether or not the address was on the list
 * already, so the widget cannot tell either (and neither can anyone trying addresses).
 *
 * Extension points (for features that build on availability, such as a "Notify me" form or substitutes):
 *   - reflected attribute `status` on the element (in_stock, low_stock, out_of_stock, backorder, preorder,
 *     discontinued; loading, unknown, error), so page CSS can show slotted content only when it applies:
 *       restock-availability:not([status=out_of_stock]) [slot=actions] { display: none }
 *   - slot "actions" (below the status) and the default slot (below that) for content the page adds
 *   - event `restock-change` (bubbles, composed) with `detail.availability` after every change
 *   - event `restock-subscribe` (bubbles, composed) with `detail: { sku, email, quantity, status }` after a
 *     sign-up the server accepted (status: pending with double opt-in, else waiting)
 *   - property `availability` (the last known availability, or null) and method `refresh()`
 *   - ::part(widget | status | badge | detail | notify | notify-form | notify-input | notify-button |
 *     notify-result) and CSS custom properties for theming:
 *       --restock-font, --restock-text, --restock-muted, --restock-radius, --restock-badge-size,
 *       --restock-accent, --restock-accent-text, --restock-field-border, --restock-field-radius,
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
  /** Set while a ticket is being fetched for the next stream (so it is not opened twice). */
  #opening = null;
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

  /**
   * "Notify me": `POST /v1/waitlist`. Resolves to `{ status }`; rejects with a WaitlistError whose
   * `code`, `status` and `details` come from the API's error body.
   */
  async joinWaitlist(body) {
    let res;
    try {
      res = await fetch(`${this.api}/v1/waitlist`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}` },
        body: JSON.stringify(body),
      });
    } catch {
      throw new WaitlistError(0, 'network', 'network error');
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const e = data?.error ?? {};
      throw new WaitlistError(res.status, e.code ?? `http_${res.status}`, e.message ?? '', e.details ?? null);
    }
    return { status: data?.status ?? 'pending' };
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
    // An open (or opening) stream that already carries every SKU we want is kept; narrowing it is not worth a reconnect.
    if ((this.#source || this.#opening) && (this.#streamSku === null || this.#streamSku === only)) return;
    this.#openStream(only);
  }

  /**
   * EventSource cannot send the Authorization header, and keys never go in a URL: each connection first gets
   * a short-lived stream ticket (`POST /v1/events/tickets`, with the key in the header) and opens with it.
   */
  async #ticket() {
    const res = await fetch(`${this.api}/v1/events/tickets`, { method: 'POST', headers: { authorization: `Bearer ${this.key}` } });
    const body = await res.json().catch(() => null);
    if (!res.ok || typeof body?.ticket !== 'string') throw new Error(body?.error?.message ?? `Restock answered ${res.status}`);
    return body.ticket;
  }

  #openStream(only) {
    this.#closeStream();
    const opening = {};
    this.#opening = opening;
    this.#streamSku = only;
    this.#ticket().then(
      (ticket) => {
        if (this.#opening !== opening) return; // closed or replaced meanwhile
        this.#opening = null;
        this.#connect(only, ticket);
      },
      () => {
        if (this.#opening !== opening) return;
        this.#closeStream();
        this.#retryLater();
      },
    );
  }

  #connect(only, ticket) {
    const url = new URL(`${this.api}/v1/events`);
    url.searchParams.set('types', EVENT_TYPE);
    if (only) url.searchParams.set('sku', only);
    url.searchParams.set('ticket', ticket);
    // A new stream resumes where the last one stopped.
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
      // The browser's own reconnect would present the same ticket, expired within a minute: reconnect here
      // instead, with a fresh ticket, from the last event seen (lastEventId); slower each time it fails.
      if (this.#source !== source) return;
      this.#closeStream();
      this.#retryLater();
    });
  }

  #retryLater() {
    clearTimeout(this.#reopenTimer);
    this.#reopenTimer = setTimeout(() => this.#syncStream(), this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, 60_000);
  }

  #closeStream() {
    this.#source?.close();
    this.#source = null;
    this.#opening = null;
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

class WaitlistError extends Error {
  constructor(status, code, message, details = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** What went wrong with a sign-up, for a shopper: no codes, no field paths. */
export function waitlistErrorWords(err) {
  if (!(err instanceof WaitlistError)) return 'Something went wrong. Please try again.';
  const fields = Array.isArray(err.details) ? err.details.map((d) => String(d?.field ?? '')) : [];
  const about = (name) => fields.some((f) => f.endsWith(`.${name}`)) || new RegExp(`\\b${name}\\b`).test(err.message);
  switch (err.code) {
    case 'network':
      return 'We could not reach the shop. Check your connection and try again.';
    case 'invalid_request':
      if (about('email')) return 'Please enter a full email address, like name@example.com.';
      if (about('quantity')) return 'Choose how many you want: a whole number of at least 1.';
      if (about('phone')) return 'Please enter the phone number with its country code, like +49 151 2345678.';
      return 'Please check what you entered and try again.';
    case 'unknown_sku':
    case 'not_found':
      return 'This product is not sold here any more, so there is no list to join.';
    case 'rate_limited':
      return 'Too many sign-ups just now. Please wait a minute and try again.';
    case 'unauthorized':
    case 'forbidden':
      return 'Sign-ups are not available on this page right now. Please try again later.';
    default: {
      if (err.status >= 500 || err.status === 0) return 'Something went wrong on our side; you are not on the list yet. Please try again.';
      const t = String(err.message ?? '').trim();
      return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : 'That did not work. Please try again.';
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

  .notify {
    container-type: inline-size;
    display: grid;
    gap: 0.5rem;
    padding: 0.85rem 0.9rem;
    border: 1px solid color-mix(in srgb, var(--restock-muted, #4b5563) 25%, transparent);
    border-radius: var(--restock-panel-radius, 10px);
    background: color-mix(in srgb, var(--restock-muted, #4b5563) 4%, transparent);
    font-size: var(--restock-detail-size, 0.875rem);
  }
  .notify, .notify * { box-sizing: border-box; }
  .notify[hidden], .notify [hidden] { display: none !important; }
  .notify form { display: grid; gap: 0.5rem; margin: 0; }
  .notify-title { margin: 0; font-weight: 650; font-size: 0.95em; color: var(--restock-text, inherit); }
  .notify-fields { display: grid; grid-template-columns: minmax(0, 1fr) 5.5rem auto; align-items: end; gap: 0.5rem; }
  .notify-field { display: grid; gap: 0.2rem; min-width: 0; }
  @container (max-width: 26rem) {
    .notify-fields { grid-template-columns: minmax(0, 1fr) 5rem; }
    .notify-fields button { grid-column: 1 / -1; }
  }
  .notify label { font-size: 0.8em; font-weight: 600; color: var(--restock-muted, #4b5563); }
  .notify input {
    font: inherit;
    font-size: 0.95rem;
    color: inherit;
    width: 100%;
    min-height: 2.4rem;
    padding: 0 0.6rem;
    border: 1px solid var(--restock-field-border, #c9ccc6);
    border-radius: var(--restock-field-radius, 6px);
    background: #fff;
  }
  .notify input:focus-visible { outline: 2px solid var(--restock-focus, #2563eb); outline-offset: 0; border-color: transparent; }
  .notify input[aria-invalid=true] { border-color: var(--restock-out-of-stock, #b91c1c); }
  .notify button {
    font: inherit;
    font-weight: 650;
    min-height: 2.4rem;
    padding: 0 1rem;
    border: 0;
    border-radius: var(--restock-field-radius, 6px);
    background: var(--restock-accent, #1f5f4a);
    color: var(--restock-accent-text, #fff);
    cursor: pointer;
    white-space: nowrap;
  }
  .notify button:hover { filter: brightness(0.92); }
  .notify button:disabled { opacity: 0.6; cursor: progress; }
  .notify button:focus-visible { outline: 2px solid var(--restock-focus, #2563eb); outline-offset: 2px; }
  .notify-fine { margin: 0; font-size: 0.8em; color: var(--restock-muted, #4b5563); }
  .notify-error { margin: 0; color: var(--restock-out-of-stock, #b91c1c); font-weight: 600; }
  .notify-error:empty { display: none; }
  .notify-result { display: grid; grid-template-columns: auto 1fr; gap: 0.15rem 0.6rem; align-items: start; }
  .notify-result .icon {
    grid-row: span 2;
    width: 1.6rem; height: 1.6rem; border-radius: 50%;
    display: grid; place-items: center;
    font-size: 0.9rem; font-weight: 700;
    color: #fff; background: var(--_result, var(--restock-accent, #1f5f4a));
  }
  .notify-result strong { font-size: 1em; color: var(--restock-text, inherit); }
  .notify-result p { margin: 0; color: var(--restock-muted, #4b5563); }
  .notify-result .again {
    grid-column: 2;
    justify-self: start;
    min-height: 0;
    padding: 0;
    background: none;
    color: var(--restock-accent, #1f5f4a);
    font-weight: 600;
    text-decoration: underline;
  }
  .notify-result[data-status=pending] { --_result: var(--restock-backorder, #1d4ed8); }
  .notify-result[data-status=notified] { --_result: var(--restock-in-stock, #166534); }
  .vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
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

/**
 * The promised date where one applies, else what the server's message adds to the badge. Dates stay ISO here;
 * `withDates` writes them in the page's language.
 */
export function availabilityDetail(a, label) {
  const promised = typeof a.promisedDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.promisedDate) ? a.promisedDate : null;
  if (promised && a.status === 'backorder') return `Ships by ${promised}`;
  if (promised && a.status === 'preorder') {
    // A pre-order placed once the first delivery is spoken for ships after the release: say both.
    const release = /\b(\d{4}-\d{2}-\d{2})\b/.exec(String(a.message ?? ''))?.[1];
    return release && release < promised ? `Releases ${release} · ships by ${promised}` : `Releases ${promised}`;
  }
  return messageDetail(a.message, label);
}

/** Sign-ups made on this page, by Restock, key and SKU: a widget drawn again (a re-rendered page) remembers. */
const signups = new Map();

const RESULTS = {
  pending: {
    icon: '✉',
    title: 'Check your inbox to confirm',
    text: (email) => `We sent a link to ${email}. Click it and you are on the list; until then we send nothing else.`,
  },
  waiting: {
    icon: '✓',
    title: "You're on the list",
    text: (email) => `We'll email ${email} as soon as it's back, in the order people signed up.`,
  },
  notified: {
    icon: '✓',
    title: "It's in stock now — we've emailed you",
    text: (email) => `We sent the details to ${email}. You can also buy it right here.`,
  },
};

export class RestockAvailability extends HTMLElement {
  static observedAttributes = ['sku', 'api', 'key', 'live', 'notify'];

  /** @type {object | null} */
  #availability = null;
  #unwatch = null;
  #subscribedTo = '';
  #badge;
  #label;
  #detail;
  #status;
  #generation = 0;
  #notify;
  #form;
  #email;
  #quantity;
  #submit;
  #error;
  #result;
  #busy = false;

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
    widget.append(this.#status, this.#buildNotify(), actions, document.createElement('slot'));
    root.append(widget);
  }

  #buildNotify() {
    const el = (tag, props = {}, ...children) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(props)) {
        if (k === 'part' || k === 'className' || k === 'type' || k === 'hidden' || k === 'textContent') e[k] = v;
        else e.setAttribute(k, String(v));
      }
      e.append(...children);
      return e;
    };
    this.#notify = el('div', { className: 'notify', part: 'notify', hidden: true });
    this.#email = el('input', { id: 'notify-email', type: 'email', name: 'email', autocomplete: 'email', inputmode: 'email', spellcheck: 'false', required: '', maxlength: '320', placeholder: 'you@example.com', part: 'notify-input', 'aria-describedby': 'notify-fine notify-error' });
    this.#quantity = el('input', { id: 'notify-quantity', type: 'number', name: 'quantity', min: '1', max: '999', step: '1', inputmode: 'numeric', placeholder: '1', part: 'notify-input' });
    this.#submit = el('button', { type: 'submit', part: 'notify-button', textContent: 'Notify me' });
    this.#error = el('p', { id: 'notify-error', className: 'notify-error', role: 'alert' });
    this.#form = el(
      'form',
      { part: 'notify-form', novalidate: '', 'aria-labelledby': 'notify-title' },
      el('p', { id: 'notify-title', className: 'notify-title', textContent: 'Notify me when available' }),
      el(
        'div',
        { className: 'notify-fields' },
        el('div', { className: 'notify-field email' }, el('label', { for: 'notify-email', textContent: 'Email' }), this.#email),
        el('div', { className: 'notify-field qty' }, el('label', { for: 'notify-quantity', textContent: 'How many' }), this.#quantity),
        this.#submit,
      ),
      this.#error,
      el('p', { id: 'notify-fine', className: 'notify-fine', textContent: 'We email you once to confirm, then only about this item. Unsubscribe with one click.' }),
    );
    // A live region of its own (not role=status: the availability above is the element's status).
    this.#result = el('div', { className: 'notify-result', part: 'notify-result', 'aria-live': 'polite', tabindex: '-1', hidden: true });
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#signUp();
    });
    this.#email.addEventListener('input', () => {
      this.#email.removeAttribute('aria-invalid');
      this.#error.textContent = '';
    });
    this.#notify.append(this.#form, this.#result);
    return this.#notify;
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

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'notify') this.#renderNotify();
    else this.#subscribe();
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
    this.#show(status, label, availabilityDetail(a, label));
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
    this.#renderNotify();
  }

  #locale() {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return lang || navigator.language || 'en';
  }

  /** The page's language as the API takes it (`de`, `en-GB`), or undefined. */
  #emailLocale() {
    const m = /^([a-z]{2})(?:[-_]([a-z]{2}))?\b/i.exec(this.#locale());
    if (!m) return undefined;
    return m[2] ? `${m[1].toLowerCase()}-${m[2].toUpperCase()}` : m[1].toLowerCase();
  }

  #signupKey() {
    const c = this.#connection();
    return c ? `${c.api}\n${c.key}\n${this.sku}` : '';
  }

  /**
   * The form shows while the SKU is out of stock. It stays while the shopper is filling it in even if stock
   * arrives meanwhile (pulling a form away mid-typing is worse; the answer then says it is in stock). A result
   * shows while it is still true: being on the list while out of stock, being told at any time.
   */
  #renderNotify() {
    const enabled = this.hasAttribute('notify') && this.getAttribute('notify') !== 'off';
    const status = this.getAttribute('status');
    const result = signups.get(this.#signupKey()) ?? null;
    const typing = !this.#notify.hidden && !this.#form.hidden && (this.#email.value.trim() !== '' || this.#busy);
    const showResult = enabled && result !== null && (result.status === 'notified' || status === 'out_of_stock');
    const showForm = enabled && result === null && (status === 'out_of_stock' || typing);
    this.#notify.hidden = !showResult && !showForm;
    this.#form.hidden = !showForm;
    this.#result.hidden = !showResult;
    if (showResult) this.#drawResult(result);
  }

  #drawResult(result) {
    const words = RESULTS[result.status] ?? RESULTS.waiting;
    this.#result.dataset.status = result.status in RESULTS ? result.status : 'waiting';
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = words.icon;
    const title = document.createElement('strong');
    title.textContent = words.title;
    const text = document.createElement('p');
    text.textContent = words.text(result.email);
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'again';
    again.textContent = 'Use another email';
    again.addEventListener('click', () => {
      signups.delete(this.#signupKey());
      this.#email.value = '';
      this.#renderNotify();
      this.#email.focus();
    });
    this.#result.replaceChildren(icon, title, text, again);
  }

  async #signUp() {
    if (this.#busy) return;
    const c = this.#connection();
    const email = this.#email.value.trim();
    const rawQuantity = this.#quantity.value.trim();
    const quantity = rawQuantity === '' ? undefined : Number(rawQuantity);
    const fail = (message, field) => {
      this.#error.textContent = message;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    };
    this.#error.textContent = '';
    this.#email.removeAttribute('aria-invalid');
    this.#quantity.removeAttribute('aria-invalid');
    if (!email) return fail('Please enter your email address so we can tell you.', this.#email);
    if (this.#email.validity.typeMismatch) return fail('Please enter a full email address, like name@example.com.', this.#email);
    if (quantity !== undefined && (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)) {
      return fail('Choose how many you want: a whole number from 1 to 999.', this.#quantity);
    }
    if (!c) return fail('Sign-ups are not available on this page right now. Please try again later.');
    const key = this.#signupKey();
    const sku = this.sku;
    this.#busy = true;
    this.#submit.disabled = true;
    this.#submit.textContent = 'Signing you up…';
    try {
      const locale = this.#emailLocale();
      const r = await c.joinWaitlist({ sku, email, ...(quantity ? { quantity } : {}), ...(locale ? { locale } : {}) });
      // The answer says nothing of the address (no enumeration); what is in stock is public: without double
      // opt-in a sign-up while it is in stock is told at once, so say so.
      const inStock = ['in_stock', 'low_stock'].includes(this.getAttribute('status') ?? '');
      signups.set(key, { status: r.status === 'waiting' && inStock ? 'notified' : r.status, email, quantity: quantity ?? 1 });
      this.dispatchEvent(new CustomEvent('restock-subscribe', { bubbles: true, composed: true, detail: { sku, email, quantity: quantity ?? 1, status: r.status } }));
      this.#renderNotify();
      this.#result.focus({ preventScroll: true });
    } catch (err) {
      const message = waitlistErrorWords(err);
      const field = err instanceof WaitlistError && /quantity/.test(JSON.stringify(err.details ?? err.message)) ? this.#quantity : err instanceof WaitlistError && err.code === 'invalid_request' ? this.#email : null;
      fail(message, field);
    } finally {
      this.#busy = false;
      this.#submit.disabled = false;
      this.#submit.textContent = 'Notify me';
    }
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
