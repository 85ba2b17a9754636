/**
 * Access: API keys and their scopes. A key is shown once, at creation; only its SHA-256 is stored. Keys carry one
 * scope: `admin` (everything), `storefront` (availability, reservations, orders and waitlists, public by design)
 * or `feed` (stock feeds and movements). A key's secret starts with its scope (`rk_ad_`, `rk_st_`, `rk_fe_`) so
 * a page that would publish a key can tell a storefront key from the others (http/web.ts relies on it).
 */
export const SCOPES = ['admin', 'storefront', 'feed'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scope: Scope;
  /** The first characters of the secret, to recognise a key by without storing it. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}
