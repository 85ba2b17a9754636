/** Pure rules about key secrets. */
import type { Scope } from './model.ts';

/** Secrets start with their scope, so a key's kind is visible without a lookup (see model.ts). */
export function secretPrefix(scope: Scope): string {
  return `rk_${scope.slice(0, 2)}_`;
}

/**
 * Only a storefront key may be written into a public page (the demo shop): storefront keys are public by design,
 * like Shopify storefront tokens; admin and feed keys must never reach a browser.
 */
export function mayPublish(secret: string): boolean {
  return secret.startsWith(secretPrefix('storefront'));
}

/** How many characters of a secret are kept to recognise it by: the scope prefix and a few random ones. */
export const SHOWN_PREFIX_LENGTH = 10;
