/** Pure rules about key secrets. */
import type { Scope } from './model.ts';

/** Secrets start with their scope, so a key's kind is visible without a lookup (see model.ts). */
export function secretPrefix(scope: Scope): string {
  return `rk_${scope.slice(0, 2)}_`;
}

/** Scopes whose keys are public by design (like payment APIs' publishable keys); all others are secret. */
export const PUBLISHABLE_SCOPES: readonly Scope[] = ['storefront'];

export function isPublishable(scope: Scope): boolean {
  return PUBLISHABLE_SCOPES.includes(scope);
}

/**
 * Only a publishable (storefront) key may be written into a public page (the demo shop); admin, checkout and
 * feed keys are secret and must never reach a browser.
 */
export function mayPublish(secret: string): boolean {
  return PUBLISHABLE_SCOPES.some((s) => secret.startsWith(secretPrefix(s)));
}

/** How many characters of a secret are kept to recognise it by: the scope prefix and a few random ones. */
export const SHOWN_PREFIX_LENGTH = 10;
