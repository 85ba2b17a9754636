/**
 * The typed Restock client, for shop engineers and for Restock's own pages (dashboard, demo shop, widget):
 *
 *   import { createRestockClient, unwrap } from 'restock/client';
 *   const restock = createRestockClient({ baseUrl: 'https://restock.example.com', key: process.env.RESTOCK_KEY });
 *   const availability = await unwrap(restock.GET('/v1/availability/{sku}', { params: { path: { sku: 'TEE-1' } } }));
 *
 * Paths, parameters, bodies and answers are typed from the OpenAPI document the server serves (schema.ts is
 * generated from it); the fetch client is openapi-fetch. It runs in browsers and in Node 20 (global fetch),
 * imports nothing from the server, and keeps the key in the Authorization header, never in a URL.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.ts';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type Availability = Schemas['Availability'];
export type Product = Schemas['Product'];
export type Reservation = Schemas['Reservation'];
export type Order = Schemas['Order'];
export type ApiErrorBody = Schemas['Error'];
export type RestockClient = Client<paths>;

export interface RestockClientOptions {
  /** Where Restock answers, e.g. `https://restock.example.com` (no trailing `/v1`). */
  baseUrl: string;
  /** An API key, or a function asked before every request (a key kept in session storage, say). */
  key?: string | null | (() => string | null | undefined);
  /** Another fetch (tests, a proxy); default the global one. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export function createRestockClient(opts: RestockClientOptions): RestockClient {
  const fetchImpl = opts.fetch ?? ((input: Request) => globalThis.fetch(input));
  const client = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    fetch: fetchImpl,
    ...(opts.headers ? { headers: opts.headers } : {}),
  });
  const { key } = opts;
  if (key) {
    client.use({
      onRequest({ request }) {
        const k = typeof key === 'function' ? key() : key;
        if (k) request.headers.set('authorization', `Bearer ${k}`);
        return request;
      },
    });
  }
  return client;
}

/** An answer other than 2xx, with the API's error code (see the error catalogue in the API reference). */
export class RestockApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'RestockApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or a RestockApiError for a 4xx/5xx (code `network_error` when the server was not reached). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    throw new RestockApiError(0, 'network_error', err instanceof Error ? err.message : String(err), null);
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  const e = body && typeof body === 'object' ? body.error : undefined;
  throw new RestockApiError(
    result.response.status,
    typeof e?.code === 'string' ? e.code : `http_${result.response.status}`,
    typeof e?.message === 'string' ? e.message : result.response.statusText || `HTTP ${result.response.status}`,
    e?.details ?? null,
  );
}
