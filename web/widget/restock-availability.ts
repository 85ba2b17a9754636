/**
 * <restock-availability>: a product's availability on a storefront page, kept live.
 *
 *   <script type="module" src="https://restock.example.com/widget/restock-widget.js"></script>
 *   <restock-availability sku="TEE-BLK-M" key="rk_st_…"></restock-availability>
 *
 * (or `<script src="…/widget/restock-widget.classic.js" defer></script>` on pages without modules).
 *
 * Attributes
 *   sku    the SKU to show (required)
 *   key    a storefront API key (publishable by design); default: <meta name="restock-key" content="…">
 *   api    the Restock base URL; default: <meta name="restock-api">, else where this script was loaded from
 *   live   "off" to show a snapshot without the live stream
 *   notify present (any value but "off") to offer a "Notify me when available" form while the SKU is out of
 *          stock: email and an optional quantity, sent to `POST /v1/waitlist` with the page's language as the
 *          locale of the emails. Leave it off on product grids.
 *   demo   an availability to show instead of asking Restock, as JSON (`{"status":"backorder",
 *          "promisedDate":"2026-12-18"}`) or just a status (`demo="out_of_stock"`): no key, no requests. For
 *          style guides, design reviews and tests; the property `demoAvailability` takes the same as an object.
 *          A "Notify me" sign-up in demo mode sends nothing.
 *
 * Language: the closest [lang] (then the browser's) decides the words and how dates are written; English and
 * German are built in (a `lang="de"` page is German throughout), other languages get English words and their
 * own dates.
 *
 * What it shows: a status badge (In stock · Only N left · Out of stock · Backorder · Pre-order · Discontinued)
 * and a detail with dates in the page's language: when a backorder ships ("Ships by 18 December 2026"), when a
 * pre-order is released, when stock is expected back. Both sit in a polite live region, so a screen reader hears
 * a change once, when it happens. With `notify`, the sign-up answers in plain words.
 *
 * When it cannot show availability it stays calm: a neutral "Availability unavailable" (no broken UI), one
 * console warning for the developer saying why (no key, an invalid key, Restock unreachable, an unknown SKU),
 * the reason in the reflected `problem` attribute, and — while Restock is unreachable — quiet retries with
 * growing pauses.
 *
 * Extension points
 *   - reflected attribute `status` (in_stock, low_stock, out_of_stock, backorder, preorder, discontinued;
 *     loading, unknown, error), so page CSS can show slotted content only when it applies:
 *       restock-availability:not([status=out_of_stock]) [slot=actions] { display: none }
 *   - reflected attribute `problem` (no-key, no-sku, invalid-key, unreachable, unknown-sku) while it has one
 *   - slot "actions" (below the status) and the default slot (below that) for content the page adds
 *   - event `restock-change` (bubbles, composed) with `detail: { availability, previous }` after every change
 *   - event `restock-subscribe` (bubbles, composed) with `detail: { sku, email, quantity, status, demo }` after a
 *     sign-up the server accepted (status: pending with double opt-in, else waiting)
 *   - property `availability` (the last known availability, or null) and method `refresh()`
 *   - ::part(widget | status | badge | dot | label | detail | notify | notify-form | notify-title | notify-input |
 *     notify-button | notify-error | notify-result) and CSS custom properties for theming:
 *       --restock-font, --restock-text, --restock-muted, --restock-radius, --restock-badge-size,
 *       --restock-accent, --restock-accent-text, --restock-field-border, --restock-field-radius,
 *       --restock-detail-size, --restock-in-stock, --restock-low-stock, --restock-out-of-stock,
 *       --restock-backorder, --restock-preorder, --restock-discontinued, --restock-focus, --restock-panel-radius
 *
 * All widgets of a page that talk to the same Restock with the same key share one availability request and one
 * event stream (connection.ts).
 */
import type { Availability } from 'restock/client';
import { RestockApiError } from 'restock/client';
import { RestockConnection, problemOf, warnOnce, type AvailabilityChange } from './connection.ts';
import { WORDS, apiLocale, langOf, localeOf, longDate, type Words } from './i18n.ts';
import { CSS } from './styles.ts';

export type { Availability };
export type AvailabilityStatus = Availability['status'];
/** What `demo` / `demoAvailability` take: a status and whatever else the page wants to show. */
export type DemoAvailability = Partial<Availability> & { status: AvailabilityStatus };
export type Problem = 'no-key' | 'no-sku' | 'invalid-key' | 'unreachable' | 'unknown-sku';

const STATUSES: readonly AvailabilityStatus[] = ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where this script was loaded from: the classic script knows it only while it runs, the module always. */
const SCRIPT_URL: string = (() => {
  const current = typeof document !== 'undefined' ? document.currentScript : null;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  // The classic build has no import.meta (its bundler leaves an empty object): the page's address then.
  return (import.meta as { url?: string }).url || location.href;
})();

function metaContent(name: string): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || null;
}

export function badgeLabel(a: Pick<Availability, 'status' | 'availableToSell'>, w: Words): string {
  switch (a.status) {
    case 'in_stock':
      return w.inStock;
    case 'low_stock':
      return w.lowStock(a.availableToSell ?? null);
    case 'out_of_stock':
      return w.outOfStock;
    case 'backorder':
      return w.backorder;
    case 'preorder':
      return w.preorder;
    case 'discontinued':
      return w.discontinued;
    default:
      return w.unavailable;
  }
}

/**
 * The line under the badge, from the availability's fields (not the server's English `message`, so it reads in
 * the page's language): the promised date of a backorder or pre-order, the expected date of a sold-out SKU.
 * Dates stay ISO here; the element writes them in the page's language.
 */
export function availabilityDetail(a: Partial<Availability> & { status: AvailabilityStatus }, w: Words): string {
  const promised = typeof a.promisedDate === 'string' && ISO_DATE.test(a.promisedDate) ? a.promisedDate : null;
  const inMessage = (re: RegExp) => re.exec(String(a.message ?? ''))?.[1] ?? null;
  switch (a.status) {
    case 'backorder':
      return promised ? w.shipsBy(promised) : '';
    case 'preorder': {
      // A pre-order placed once the first delivery is spoken for ships after the release: say both.
      const release = inMessage(/\b(\d{4}-\d{2}-\d{2})\b/);
      if (promised) return release && release < promised ? w.releasesShipsBy(release, promised) : w.releases(promised);
      return release ? w.releases(release) : '';
    }
    case 'out_of_stock': {
      if (a.nextInboundDate && ISO_DATE.test(a.nextInboundDate)) return w.expectedBack(a.nextInboundDate);
      const coming = inMessage(/^Coming on (\d{4}-\d{2}-\d{2})/);
      return coming ? w.comingOn(coming) : '';
    }
    case 'discontinued':
      return w.noLongerSold;
    default:
      return '';
  }
}

/** Text with each YYYY-MM-DD written as a date in the reader's language, inside <time datetime>. */
function withDates(text: string, locale: string): Node[] {
  const out: Node[] = [];
  const re = /\b(\d{4}-\d{2}-\d{2})\b/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const iso = m[1] as string;
    const i = m.index;
    if (i > at) out.push(document.createTextNode(text.slice(at, i)));
    const time = document.createElement('time');
    time.dateTime = iso;
    time.textContent = longDate(iso, locale);
    out.push(time);
    at = i + iso.length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

function parseDemo(value: string | null): DemoAvailability | null {
  if (value === null) return null;
  const v = value.trim();
  if ((STATUSES as readonly string[]).includes(v)) return { status: v as AvailabilityStatus };
  try {
    const parsed = JSON.parse(v) as Partial<DemoAvailability>;
    if (parsed && typeof parsed === 'object' && (STATUSES as readonly string[]).includes(String(parsed.status))) return parsed as DemoAvailability;
  } catch {
    // reported below
  }
  warnOnce(`demo="${v.slice(0, 60)}" is neither a status (${STATUSES.join(', ')}) nor JSON with one.`);
  return null;
}

function fullDemo(d: DemoAvailability, sku: string, version: number): Availability {
  return {
    sku: d.sku ?? sku,
    status: d.status,
    availableToSell: d.availableToSell ?? (d.status === 'in_stock' ? null : d.status === 'low_stock' ? 3 : 0),
    locations: d.locations ?? [],
    message: d.message ?? '',
    nextInboundDate: d.nextInboundDate ?? null,
    promisedDate: d.promisedDate ?? null,
    version: d.version ?? version,
  };
}

type SignupStatus = 'pending' | 'waiting' | 'notified' | 'demo';
/** Sign-ups made on this page, by Restock, key and SKU: a widget drawn again (a re-rendered page) remembers. */
const signups = new Map<string, { status: SignupStatus; email: string; quantity: number }>();

let sheet: CSSStyleSheet | null = null;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

export class RestockAvailability extends HTMLElement {
  static observedAttributes = ['sku', 'api', 'key', 'live', 'notify', 'demo'];

  #availability: Availability | null = null;
  #demo: DemoAvailability | null = null;
  #demoFromProperty = false;
  #unwatch: (() => void) | null = null;
  #subscribedTo = '';
  #generation = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = RETRY_FIRST_MS;
  #busy = false;
  readonly #status: HTMLDivElement;
  readonly #label: HTMLSpanElement;
  readonly #detail: HTMLSpanElement;
  readonly #notify: HTMLDivElement;
  readonly #form: HTMLFormElement;
  readonly #title: HTMLParagraphElement;
  readonly #emailLabel: HTMLLabelElement;
  readonly #quantityLabel: HTMLLabelElement;
  readonly #email: HTMLInputElement;
  readonly #quantity: HTMLInputElement;
  readonly #submit: HTMLButtonElement;
  readonly #error: HTMLParagraphElement;
  readonly #fine: HTMLParagraphElement;
  readonly #result: HTMLDivElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.#label = el('span', { class: 'label', part: 'label' });
    this.#detail = el('span', { class: 'detail', part: 'detail' });
    const badge = el('span', { class: 'badge', part: 'badge' }, el('span', { class: 'dot', part: 'dot', 'aria-hidden': 'true' }), this.#label);
    this.#status = el('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, badge, this.#detail);

    this.#email = el('input', { id: 'notify-email', type: 'email', name: 'email', autocomplete: 'email', inputmode: 'email', spellcheck: 'false', required: '', maxlength: '320', placeholder: 'you@example.com', part: 'notify-input', 'aria-describedby': 'notify-fine notify-error' });
    this.#quantity = el('input', { id: 'notify-quantity', type: 'number', name: 'quantity', min: '1', max: '999', step: '1', inputmode: 'numeric', placeholder: '1', part: 'notify-input' });
    this.#submit = el('button', { type: 'submit', part: 'notify-button' });
    this.#error = el('p', { id: 'notify-error', class: 'notify-error', part: 'notify-error', role: 'alert' });
    this.#fine = el('p', { id: 'notify-fine', class: 'notify-fine' });
    this.#title = el('p', { id: 'notify-title', class: 'notify-title', part: 'notify-title' });
    this.#emailLabel = el('label', { for: 'notify-email' });
    this.#quantityLabel = el('label', { for: 'notify-quantity' });
    this.#form = el(
      'form',
      { part: 'notify-form', novalidate: '', 'aria-labelledby': 'notify-title' },
      this.#title,
      el('div', { class: 'notify-fields' }, el('div', { class: 'notify-field email' }, this.#emailLabel, this.#email), el('div', { class: 'notify-field qty' }, this.#quantityLabel, this.#quantity), this.#submit),
      this.#error,
      this.#fine,
    );
    // A live region of its own (not role=status: the availability above is the element's status).
    this.#result = el('div', { class: 'notify-result', part: 'notify-result', 'aria-live': 'polite', tabindex: '-1' });
    this.#notify = el('div', { class: 'notify', part: 'notify' }, this.#form, this.#result);
    this.#notify.hidden = true;
    this.#result.hidden = true;
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#signUp();
    });
    this.#email.addEventListener('input', () => {
      this.#email.removeAttribute('aria-invalid');
      this.#error.textContent = '';
    });
    const actions = el('slot', { name: 'actions' });
    root.append(el('div', { class: 'widget', part: 'widget' }, this.#status, this.#notify, actions, el('slot')));
  }

  /** The last known availability (as `GET /v1/availability/:sku` returns it, kept up to date by events), or null. */
  get availability(): Availability | null {
    return this.#availability;
  }

  get sku(): string {
    return this.getAttribute('sku') ?? '';
  }

  /** Demo mode: the availability to show without asking Restock (null: ask Restock). */
  get demoAvailability(): DemoAvailability | null {
    return this.#demo;
  }

  set demoAvailability(value: DemoAvailability | null) {
    this.#demo = value;
    this.#demoFromProperty = value !== null;
    if (this.isConnected) this.#subscribe(true);
  }

  connectedCallback(): void {
    this.#subscribe();
  }

  disconnectedCallback(): void {
    this.#unsubscribe();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'demo' && !this.#demoFromProperty) this.#demo = parseDemo(this.getAttribute('demo'));
    if (!this.isConnected) return;
    if (name === 'notify') this.#renderNotify();
    else this.#subscribe(name === 'demo');
  }

  /** Reads availability again (the live stream makes this rarely needed). */
  refresh(): void {
    if (this.#demo) {
      this.#subscribe(true);
      return;
    }
    const c = this.#connection();
    if (c) this.#load(c, this.#generation);
  }

  #words(): Words {
    return WORDS[langOf(localeOf(this))];
  }

  #connection(): RestockConnection | null {
    const key = this.getAttribute('key') || metaContent('restock-key');
    const api = (this.getAttribute('api') || metaContent('restock-api') || new URL('../', SCRIPT_URL).href).replace(/\/+$/, '');
    if (!this.sku || !key) return null;
    return RestockConnection.for(api, key);
  }

  #subscribe(force = false): void {
    if (this.#demo) {
      this.#unsubscribe();
      this.#subscribedTo = 'demo';
      this.#generation++;
      const prev = this.#availability;
      this.#setProblem(null);
      this.#apply(fullDemo(this.#demo, this.sku, (prev?.version ?? 0) + 1));
      return;
    }
    const c = this.#connection();
    const target = c ? `${c.api}\n${c.key}\n${this.sku}\n${this.getAttribute('live')}` : `none\n${this.sku}`;
    if (target === this.#subscribedTo && !force) return;
    this.#unsubscribe();
    this.#subscribedTo = target;
    const generation = ++this.#generation;
    this.#availability = null;
    const w = this.#words();
    if (!c) {
      if (!this.sku) {
        warnOnce('an element has no sku attribute: <restock-availability sku="…">.');
        this.#setProblem('no-sku');
        this.#show('unknown', w.unavailable, '');
      } else {
        warnOnce('no storefront key: add key="rk_st_…" to the element or <meta name="restock-key" content="rk_st_…"> to the page.');
        this.#setProblem('no-key');
        this.#show('unknown', w.unavailable, w.noKeyHint, true);
      }
      return;
    }
    this.#setProblem(null);
    this.#show('loading', w.loading, '');
    if (this.getAttribute('live') !== 'off') {
      this.#unwatch = c.watch(this.sku, (data) => {
        if (generation === this.#generation) this.#onEvent(c, generation, data);
      });
    }
    this.#load(c, generation);
  }

  #unsubscribe(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    clearTimeout(this.#retryTimer);
    this.#subscribedTo = '';
  }

  #load(c: RestockConnection, generation: number): void {
    c.load(this.sku).then(
      (a) => {
        if (generation !== this.#generation) return;
        this.#retryDelay = RETRY_FIRST_MS;
        if (a) {
          this.#setProblem(null);
          this.#apply(a);
        } else if (!this.#availability) {
          warnOnce(`Restock does not know the SKU "${this.sku}".`);
          this.#setProblem('unknown-sku');
          this.#show('unknown', this.#words().unavailable, this.#words().notSoldHere);
        }
      },
      (err: unknown) => {
        if (generation !== this.#generation) return;
        // What was shown stays (the stream catches up when it is back); with nothing shown, a neutral state.
        this.#setProblem(problemOf(err));
        if (!this.#availability) this.#show('error', this.#words().unavailable, '');
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => {
          if (generation === this.#generation) this.#load(c, generation);
        }, this.#retryDelay);
        this.#retryDelay = Math.min(this.#retryDelay * 2, RETRY_MAX_MS);
      },
    );
  }

  #setProblem(problem: Problem | null): void {
    if (problem) this.setAttribute('problem', problem);
    else this.removeAttribute('problem');
  }

  #onEvent(c: RestockConnection, generation: number, data: AvailabilityChange): void {
    if (data.full) {
      this.#setProblem(null);
      clearTimeout(this.#retryTimer);
      this.#apply(data.full);
      return;
    }
    const prev = this.#availability;
    const version = typeof data.version === 'number' ? data.version : null;
    if (prev && version !== null && version <= prev.version) return;
    const after = data.after ?? {};
    if (!after.status) return;
    const next: Availability = {
      ...(prev ?? { sku: data.sku, locations: [], promisedDate: null }),
      status: after.status,
      availableToSell: after.availableToSell ?? null,
      message: after.message ?? '',
      nextInboundDate: after.nextInboundDate ?? null,
      promisedDate: 'promisedDate' in after ? (after.promisedDate ?? null) : (prev?.promisedDate ?? null),
      version: version ?? (prev ? prev.version + 1 : 0),
    };
    // Events carry what a shopper sees, not per-location detail: read the whole availability when it matters.
    const needsFull = !prev || ((next.status === 'backorder' || next.status === 'preorder') && !('promisedDate' in after));
    this.#apply(next);
    if (needsFull) this.#load(c, generation);
  }

  #apply(a: Availability): void {
    const prev = this.#availability;
    if (prev && !this.#demo && a.version < prev.version) return;
    this.#availability = a;
    const w = this.#words();
    const status = STATUSES.includes(a.status) ? a.status : 'unknown';
    const changed = prev !== null && (prev.status !== a.status || prev.availableToSell !== a.availableToSell);
    this.#show(status, badgeLabel(a, w), availabilityDetail(a, w));
    if (changed) {
      this.#status.classList.remove('changed');
      void this.#status.offsetWidth; // restarts the animation
      this.#status.classList.add('changed');
    }
    if (prev === null || prev.version !== a.version || prev.status !== a.status) {
      this.dispatchEvent(new CustomEvent('restock-change', { bubbles: true, composed: true, detail: { availability: a, previous: prev } }));
    }
  }

  #show(status: string, label: string, detail: string, hint = false): void {
    this.setAttribute('status', status);
    this.#status.setAttribute('aria-busy', String(status === 'loading'));
    this.#label.textContent = label;
    this.#detail.classList.toggle('hint', hint);
    this.#detail.replaceChildren(...(hint ? [document.createTextNode(detail)] : withDates(detail, localeOf(this))));
    this.#renderNotify();
  }

  #signupKey(): string {
    if (this.#demo) return `demo\n${this.sku}`;
    const c = this.#connection();
    return c ? `${c.api}\n${c.key}\n${this.sku}` : '';
  }

  /**
   * The form shows while the SKU is out of stock. It stays while the shopper is filling it in even if stock
   * arrives meanwhile (pulling a form away mid-typing is worse; the answer then says it is in stock). A result
   * shows while it is still true: being on the list while out of stock, being told at any time.
   */
  #renderNotify(): void {
    const w = this.#words();
    this.#title.textContent = w.notifyTitle;
    this.#emailLabel.textContent = w.email;
    this.#quantityLabel.textContent = w.howMany;
    if (!this.#busy) this.#submit.textContent = w.notifyMe;
    this.#fine.textContent = w.fine;
    const enabled = this.hasAttribute('notify') && this.getAttribute('notify') !== 'off';
    const status = this.getAttribute('status');
    const result = signups.get(this.#signupKey()) ?? null;
    const typing = !this.#notify.hidden && !this.#form.hidden && (this.#email.value.trim() !== '' || this.#busy);
    const showResult = enabled && result !== null && (result.status === 'notified' || status === 'out_of_stock');
    const showForm = enabled && result === null && (status === 'out_of_stock' || typing);
    this.#notify.hidden = !showResult && !showForm;
    this.#form.hidden = !showForm;
    this.#result.hidden = !showResult;
    if (showResult && result) this.#drawResult(result, w);
  }

  #drawResult(result: { status: SignupStatus; email: string }, w: Words): void {
    const words = {
      pending: { icon: '✉', title: w.pendingTitle, text: w.pendingText },
      waiting: { icon: '✓', title: w.waitingTitle, text: w.waitingText },
      notified: { icon: '✓', title: w.notifiedTitle, text: w.notifiedText },
      demo: { icon: '✓', title: w.demoTitle, text: w.demoText },
    }[result.status];
    this.#result.dataset.status = result.status;
    const again = el('button', { type: 'button', class: 'again' }, w.useAnother);
    again.addEventListener('click', () => {
      signups.delete(this.#signupKey());
      this.#email.value = '';
      this.#renderNotify();
      this.#email.focus();
    });
    this.#result.replaceChildren(el('span', { class: 'icon', 'aria-hidden': 'true' }, words.icon), el('strong', {}, words.title), el('p', {}, words.text(result.email)), again);
  }

  async #signUp(): Promise<void> {
    if (this.#busy) return;
    const w = this.#words();
    const email = this.#email.value.trim();
    const rawQuantity = this.#quantity.value.trim();
    const quantity = rawQuantity === '' ? undefined : Number(rawQuantity);
    const fail = (message: string, field: HTMLInputElement | null) => {
      this.#error.textContent = message;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    };
    this.#error.textContent = '';
    this.#email.removeAttribute('aria-invalid');
    this.#quantity.removeAttribute('aria-invalid');
    if (!email) return fail(w.errEmpty, this.#email);
    if (this.#email.validity.typeMismatch) return fail(w.errEmail, this.#email);
    if (quantity !== undefined && (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)) return fail(w.errQuantity, this.#quantity);
    const key = this.#signupKey();
    const sku = this.sku;
    if (this.#demo) {
      signups.set(key, { status: 'demo', email, quantity: quantity ?? 1 });
      this.dispatchEvent(new CustomEvent('restock-subscribe', { bubbles: true, composed: true, detail: { sku, email, quantity: quantity ?? 1, status: 'pending', demo: true } }));
      this.#renderNotify();
      this.#result.focus({ preventScroll: true });
      return;
    }
    const c = this.#connection();
    if (!c) return fail(w.errClosed, null);
    this.#busy = true;
    this.#submit.disabled = true;
    this.#submit.textContent = w.signingUp;
    try {
      const locale = apiLocale(localeOf(this));
      const r = await c.joinWaitlist({ sku, email, ...(quantity ? { quantity } : {}), ...(locale ? { locale } : {}) });
      // The answer says nothing of the address (no enumeration); what is in stock is public: without double
      // opt-in a sign-up while it is in stock is told at once, so say so.
      const inStock = ['in_stock', 'low_stock'].includes(this.getAttribute('status') ?? '');
      signups.set(key, { status: r.status === 'waiting' && inStock ? 'notified' : r.status, email, quantity: quantity ?? 1 });
      this.dispatchEvent(new CustomEvent('restock-subscribe', { bubbles: true, composed: true, detail: { sku, email, quantity: quantity ?? 1, status: r.status, demo: false } }));
      this.#busy = false;
      this.#renderNotify();
      this.#result.focus({ preventScroll: true });
    } catch (err) {
      const [message, field] = this.#signupError(err, w);
      fail(message, field);
    } finally {
      this.#busy = false;
      this.#submit.disabled = false;
      this.#submit.textContent = w.notifyMe;
    }
  }

  /** What went wrong with a sign-up, for a shopper (no codes, no field paths), and the field it concerns. */
  #signupError(err: unknown, w: Words): [string, HTMLInputElement | null] {
    if (!(err instanceof RestockApiError)) return [w.errOther, null];
    const fields = Array.isArray(err.details) ? err.details.map((d: unknown) => String((d as { field?: unknown } | null)?.field ?? '')) : [];
    const about = (name: string) => fields.some((f) => f.endsWith(`.${name}`)) || new RegExp(`\\b${name}\\b`).test(err.message);
    switch (err.code) {
      case 'network_error':
        return [w.errNetwork, null];
      case 'invalid_request':
        if (about('quantity')) return [w.errQuantity, this.#quantity];
        if (about('email')) return [w.errEmail, this.#email];
        if (about('phone')) return [w.errPhone, null];
        return [w.errCheck, null];
      case 'unknown_sku':
      case 'not_found':
        return [w.errGone, null];
      case 'rate_limited':
        return [w.errRate, null];
      case 'unauthorized':
      case 'forbidden':
        return [w.errClosed, null];
      default:
        return [err.status >= 500 ? w.errServer : w.errOther, null];
    }
  }
}

if (!customElements.get('restock-availability')) customElements.define('restock-availability', RestockAvailability);

declare global {
  interface HTMLElementTagNameMap {
    'restock-availability': RestockAvailability;
  }
}
