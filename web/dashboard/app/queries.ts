/** Queries more than one page reads, so they share one cache entry (and one request). */
import { api, unwrap } from './api.ts';
import type { LocationRow } from './types.ts';

/** Counts and the first items of what needs the operator (GET /v1/overview); every event refreshes it. */
export const overviewQuery = { queryKey: ['overview'], queryFn: () => unwrap(api.GET('/v1/overview')) } as const;

/** Every location by priority. */
export const locationsQuery = { queryKey: ['locations', 'list'], queryFn: () => unwrap(api.GET('/v1/locations')).then((r) => r.items as LocationRow[]), staleTime: 60_000 } as const;

/** Every supplier by name (for names in lists and the choices in forms). */
export const suppliersQuery = {
  queryKey: ['suppliers', 'all'],
  queryFn: () => unwrap(api.GET('/v1/suppliers', { params: { query: { limit: 500 } } })).then((r) => r.items),
  staleTime: 60_000,
} as const;
