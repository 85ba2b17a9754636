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
