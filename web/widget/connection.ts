/**
 * One connection per (Restock, key) for every widget of a page: availability reads made together share one
 * `POST /v1/availability` (up to 500 SKUs), and all widgets share one event stream. Browsers allow about six
 * connections per host over HTTP/1.1, so a stream per widget would stall a product grid.
 *
 * When Restock cannot be reached the widgets stay quiet: the stream retries with growing pauses (1 s … 60 s)
 * and a developer gets one console warning per problem (an invalid key, an unreachable server), not one per
 * widget or per retry.
 */
import { createRestockClient, unwrap, RestockApiError, type Availability, type RestockClient } from 'restock/client';

const MAX_BATCH = 500;
export const EVENT_TYPE = 'inventory.availability_changed';

/** What an availability event carries (the server's AvailabilityChangedPayload). */
export interface AvailabilityChange {
  sku: string;
  version?: number;
  after?: { status?: Availability['status']; availableToSell?: number | null; message?: string; nextInboundDate?: string | null; promisedDate?: string | null };
  /** Set when the connection re-read the whole availability (after (re)connecting). */
  full?: Availability;
}

export type Problem = 'invalid-key' | 'unreachable';

/** Why a request failed, for the widget: a refused key, or anything else (network, 5xx) that may pass. */
export function problemOf(err: unknown): Problem {
  return err instanceof RestockApiError && (err.status === 401 || err.status === 403) ? 'invalid-key' : 'unreachable';
}

const warned = new Set<string>();
/** One console warning per message per page. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`<restock-availability>: ${message}`);
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}…` : '…';
}

/** The positions in `skus` a 400 names (`body.skus.3`). */
function malformed(err: unknown): number[] {
  if (!(err instanceof RestockApiError) || err.code !== 'invalid_request' || !Array.isArray(err.details)) return [];
  return err.details.flatMap((d: unknown) => {
    const m = /^body\.skus\.(\d+)$/.exec(String((d as { field?: unknown } | null)?.field ?? ''));
    return m ? [Number(m[1])] : [];
  });
}

interface Waiter {
  resolve: (a: Availability | null) => void;
  reject: (err: unknown) => void;
}

export class RestockConnection {
  static #all = new Map<string, RestockConnection>();

  static for(api: string, key: string): RestockConnection {
    const id = `${api}\n${key}`;
    let c = RestockConnection.#all.get(id);
    if (!c) {
      c = new RestockConnection(api, key);
      RestockConnection.#all.set(id, c);
    }
    return c;
  }

  readonly api: string;
  readonly key: string;
  readonly client: RestockClient;
  #pending = new Map<string, Waiter[]>();
  #batchTimer: ReturnType<typeof setTimeout> | undefined;
  #watchers = new Map<string, Set<(c: AvailabilityChange) => void>>();
  #source: EventSource | null = null;
  /** Set while a ticket is fetched for the next stream, so it is not opened twice. */
  #opening: object | null = null;
  /** The SKU the open stream is filtered to, or null for all SKUs. */
  #streamSku: string | null = null;
  #lastEventId: string | null = null;
  #reopenTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = 1000;

  private constructor(api: string, key: string) {
    this.api = api;
    this.key = key;
    this.client = createRestockClient({ baseUrl: api, key });
  }

  /** Availability of one SKU; null when Restock does not know it. Requests made together share one call. */
  load(sku: string): Promise<Availability | null> {
    return new Promise((resolve, reject) => this.#queue(sku, { resolve, reject }));
  }

  #queue(sku: string, waiter: Waiter): void {
    const waiting = this.#pending.get(sku) ?? [];
    waiting.push(waiter);
    this.#pending.set(sku, waiting);
    if (this.#batchTimer === undefined) this.#batchTimer = setTimeout(() => void this.#flush(), 10);
  }

  async #flush(): Promise<void> {
    this.#batchTimer = undefined;
    const batch = this.#pending;
    this.#pending = new Map();
    const skus = [...batch.keys()];
    for (let i = 0; i < skus.length; i += MAX_BATCH) {
      const chunk = skus.slice(i, i + MAX_BATCH);
      try {
        const body = await unwrap(this.client.POST('/v1/availability', { body: { skus: chunk } }));
        const found = new Map(body.items.map((a) => [a.sku, a]));
        for (const sku of chunk) for (const w of batch.get(sku) ?? []) w.resolve(found.get(sku) ?? null);
      } catch (err) {
        // A SKU the API refuses as malformed (a typo in a page's markup) is unknown, not a reason to leave every
        // other widget of the page without availability: answer it, ask again for the rest.
        const bad = new Set(malformed(err).map((i) => chunk[i]));
        if (bad.size > 0) {
          for (const sku of chunk) {
            const waiters = batch.get(sku) ?? [];
            if (bad.has(sku)) for (const w of waiters) w.resolve(null);
            else for (const w of waiters) this.#queue(sku, w);
          }
          continue;
        }
        this.report(err);
        for (const sku of chunk) for (const w of batch.get(sku) ?? []) w.reject(err);
      }
    }
  }

  /** Tells the developer, once, what keeps the widgets from showing availability. */
  report(err: unknown): void {
    if (problemOf(err) === 'invalid-key') {
      const why = err instanceof RestockApiError ? ` (${err.status} ${err.code}: ${err.message})` : '';
      warnOnce(`invalid key: ${this.api} refused the key ${maskKey(this.key)}${why}. Use a storefront (publishable) key that is not revoked.`);
    } else {
      warnOnce(`could not reach Restock at ${this.api}; showing "availability unavailable" and retrying quietly.`);
    }
  }

  /** "Notify me": `POST /v1/waitlist`. Rejects with a RestockApiError (code `network_error` when unreachable). */
  async joinWaitlist(body: { sku: string; email: string; quantity?: number; locale?: string }): Promise<{ status: 'pending' | 'waiting' }> {
    return unwrap(this.client.POST('/v1/waitlist', { body }));
  }

  /** Calls `listener` for each availability change of `sku` until the returned function is called. */
  watch(sku: string, listener: (c: AvailabilityChange) => void): () => void {
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

  #scheduleStream(): void {
    // Widgets come and go in bursts (a grid renders): settle before (re)opening the stream.
    clearTimeout(this.#reopenTimer);
    this.#reopenTimer = setTimeout(() => this.#syncStream(), this.#watchers.size === 0 ? 2000 : 20);
  }

  #syncStream(): void {
    if (this.#watchers.size === 0) {
      this.#closeStream();
      return;
    }
    const only = this.#watchers.size === 1 ? ([...this.#watchers.keys()][0] ?? null) : null;
    // A stream that already carries every SKU wanted is kept; narrowing it is not worth a reconnect.
    if ((this.#source || this.#opening) && (this.#streamSku === null || this.#streamSku === only)) return;
    this.#openStream(only);
  }

  /**
   * EventSource cannot send the Authorization header, and keys never go in a URL: each connection first gets
   * a short-lived stream ticket (`POST /v1/events/tickets`, key in the header) and opens with it.
   */
  #openStream(only: string | null): void {
    this.#closeStream();
    const opening = {};
    this.#opening = opening;
    this.#streamSku = only;
    unwrap(this.client.POST('/v1/events/tickets')).then(
      ({ ticket }) => {
        if (this.#opening !== opening) return;
        this.#opening = null;
        this.#connect(only, ticket);
      },
      (err: unknown) => {
        if (this.#opening !== opening) return;
        this.report(err);
        this.#closeStream();
        this.#retryLater();
      },
    );
  }

  #connect(only: string | null, ticket: string): void {
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
      // A stream without a past starts at the live edge: re-read, so nothing changed between read and connect.
      if (fresh) this.#refreshAll();
    });
    source.addEventListener(EVENT_TYPE, (e) => {
      const m = e as MessageEvent<string>;
      if (m.lastEventId) this.#lastEventId = m.lastEventId;
      let data: AvailabilityChange | undefined;
      try {
        data = (JSON.parse(m.data) as { data?: AvailabilityChange }).data;
      } catch {
        return;
      }
      if (!data || typeof data.sku !== 'string') return;
      for (const listener of this.#watchers.get(data.sku) ?? []) listener(data);
    });
    source.addEventListener('error', () => {
      // The browser's own reconnect would present the same ticket, expired within a minute: reconnect here with
      // a fresh ticket, from the last event seen, slower each time it fails.
      if (this.#source !== source) return;
      this.#closeStream();
      this.#retryLater();
    });
  }

  #retryLater(): void {
    clearTimeout(this.#reopenTimer);
    this.#reopenTimer = setTimeout(() => this.#syncStream(), this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, 60_000);
  }

  #closeStream(): void {
    this.#source?.close();
    this.#source = null;
    this.#opening = null;
    this.#streamSku = null;
  }

  #refreshAll(): void {
    for (const [sku, listeners] of this.#watchers) {
      this.load(sku).then(
        (a) => {
          if (a) for (const l of listeners) l({ sku, full: a });
        },
        () => undefined,
      );
    }
  }
}
