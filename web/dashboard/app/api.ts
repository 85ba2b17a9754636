/**
 * The dashboard's one way to the API: the typed client with the admin key from this tab's session storage
 * (never a URL, never localStorage), and one TanStack Query cache. An answer of 401/403 signs the tab out with
 * the reason (see auth.tsx): a revoked key is told apart from a wrong one.
 */
import { QueryClient } from '@tanstack/react-query';
import { createRestockClient, RestockApiError, unwrap } from 'restock/client';

export const KEY_STORAGE = 'restock.adminKey';
export const adminKey = (): string | null => sessionStorage.getItem(KEY_STORAGE);
export const api = createRestockClient({ baseUrl: location.origin, key: adminKey });
export { unwrap, RestockApiError };

type AuthListener = (err: RestockApiError) => void;
const authListeners = new Set<AuthListener>();
export function onAuthFailure(fn: AuthListener): () => void {
  authListeners.add(fn);
  return () => authListeners.delete(fn);
}
export function isAuthFailure(err: unknown): err is RestockApiError {
  return err instanceof RestockApiError && (err.status === 401 || err.status === 403);
}
/** Any 401/403 — a query's, a mutation's, the event stream's — signs the tab out (auth.tsx listens). */
export function reportAuthFailure(err: unknown): void {
  if (isAuthFailure(err)) for (const fn of authListeners) fn(err);
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, err) => !isAuthFailure(err) && !(err instanceof RestockApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { onError: reportAuthFailure },
  },
});
queryClient.getQueryCache().subscribe((e) => {
  if (e.type === 'updated' && e.action.type === 'error') reportAuthFailure(e.action.error);
});

/** Words for an error a person can act on. */
export function errorText(err: unknown): string {
  if (err instanceof RestockApiError) {
    if (err.code === 'network_error') return 'Restock could not be reached. Check the connection and try again.';
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** `?a=1&b=x`, leaving out empty values (arrays repeat the name). */
export function queryString(query: Record<string, QueryValue> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v as ReadonlyArray<string | number>) q.append(k, String(x));
    else q.set(k, String(v as string | number | boolean));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function send(method: string, path: string, opts: { query?: Record<string, QueryValue>; body?: unknown; accept?: string }): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  const key = adminKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${path}${queryString(opts.query)}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), cache: 'no-store' });
  } catch (err) {
    throw new RestockApiError(0, 'network_error', err instanceof Error ? err.message : String(err), null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
    const e = body?.error;
    throw new RestockApiError(res.status, typeof e?.code === 'string' ? e.code : `http_${res.status}`, typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`, e?.details ?? null);
  }
  return res;
}

/**
 * A request by path for answers the typed client does not describe (yet): same key, same errors as `unwrap`.
 * Prefer `unwrap(api.GET(…))` wherever the path is in the generated schema.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts: { query?: Record<string, QueryValue>; body?: unknown } = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Downloads what `path` answers (a CSV export, say) as a file: fetched with the key in the header and handed
 * to the browser as a Blob, so the key never appears in a URL, a download list or a server log.
 */
export async function download(path: string, filename: string, query: Record<string, QueryValue> = {}): Promise<void> {
  const res = await send('GET', path, { query, accept: 'text/csv, application/octet-stream, */*' });
  saveBlob(await res.blob(), filename);
}

/** Hands a Blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The click has started the download; the object URL may go once the current task is over.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The API's words for a refused field ("Quantity must be >= 1."), else the error's message. */
export function fieldErrorText(err: unknown): string {
  if (err instanceof RestockApiError && err.code === 'invalid_request' && Array.isArray(err.details)) {
    const d = (err.details as Array<{ field?: unknown; message?: unknown }>)[0];
    if (d && typeof d.field === 'string' && typeof d.message === 'string') {
      const field = d.field.replace(/^(body|query|params)\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return `${field.charAt(0).toUpperCase()}${field.slice(1)} ${d.message}.`;
    }
  }
  return errorText(err);
}

/**
 * The API's refusal, field by field (`{ leadTimeDays: "must be >= 0" }`), for errors shown beside their inputs:
 * `invalid_request` details name the field (`body.leadTimeDays`, `lines[0].quantity` → `lines`); an error that
 * names no field is under `''`.
 */
export function fieldErrors(err: unknown, fieldOf: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof RestockApiError && fieldOf[err.code]) out[fieldOf[err.code] as string] = err.message;
  else if (err instanceof RestockApiError && err.code === 'invalid_request' && Array.isArray(err.details)) {
    for (const d of err.details as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof d.field !== 'string' || typeof d.message !== 'string') continue;
      const field = d.field.replace(/^(body|query|params)\.?/, '').split(/[.[]/)[0] ?? '';
      out[field] ??= d.message;
    }
  }
  if (Object.keys(out).length === 0) out[''] = errorText(err);
  return out;
}
