/**
 * Access: API keys and their scopes. A key is shown once, at creation; only its SHA-256 is stored. Keys carry one
 * scope: `admin` (everything), `storefront` (publishable: written into shop pages, so whatever it may do anyone
 * may do — read availability and products, reserve within limits, subscribe to waitlists, place orders only where
 * the shop allows browser checkout, read orders without customer data), `checkout` (secret, held by the shop's
 * backend: what storefront may do without its limits, plus committing reservations, confirming orders for payment,
 * reading whole orders and cancelling lines) or `feed` (stock feeds and movements). A key's secret starts with its
 * scope (`rk_ad_`, `rk_st_`, `rk_ch_`, `rk_fe_`) so a page that would publish a key can tell a publishable key
 * from the secret ones (http/web.ts relies on it). A `supplier` key (secret, `rk_su_`) is bound to one supplier
 * (`supplierId`): it reads that supplier's purchase orders and answers and ships them, nothing else.
 */
export const SCOPES = ['admin', 'storefront', 'checkout', 'feed', 'supplier'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scope: Scope;
  /** The first characters of the secret, to recognise a key by without storing it. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  /** A publishable key (storefront) may be seen by anyone; the routes hold it to the publishable limits. */
  publishable: boolean;
  /** The supplier a `supplier` key acts for (null for every other scope). */
  supplierId: string | null;
}

export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}
