/**
 * The shop's way to Restock: the typed client (`restock/client`) with the storefront key, and the API's errors
 * said the way a person would (no codes, no stack traces).
 */
import { createRestockClient, RestockApiError } from 'restock/client';

export { RestockApiError, unwrap } from 'restock/client';

const KEY_STORAGE = 'restock.storefrontKey';

export const pageKey = document.querySelector<HTMLMetaElement>('meta[name="restock-key"]')?.content || null;

export function storefrontKey(): string | null {
  return pageKey ?? sessionStorage.getItem(KEY_STORAGE);
}

export function rememberStorefrontKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

export const restock = createRestockClient({ baseUrl: location.origin, key: storefrontKey });

function sentence(s: unknown): string {
  const t = String(s ?? '').trim();
  if (!t) return '';
  const capital = (t[0] as string).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function isApiError(err: unknown, ...codes: string[]): err is RestockApiError {
  return err instanceof RestockApiError && (codes.length === 0 || codes.includes(err.code));
}

/** What went wrong, for a shopper. */
export function plainWords(err: unknown): string {
  if (!(err instanceof RestockApiError)) return 'Something went wrong. Please try again.';
  const d = (err.details && typeof err.details === 'object' ? err.details : {}) as { available?: unknown };
  switch (err.code) {
    case 'network_error':
      return 'We could not reach the shop. Check your connection and try again.';
    case 'insufficient_stock':
      return typeof d.available === 'number'
        ? d.available === 0
          ? 'Sorry, this just sold out.'
          : `Sorry, only ${d.available} ${d.available === 1 ? 'is' : 'are'} left. Try a smaller quantity.`
        : 'Sorry, there is not enough stock for that quantity.';
    case 'reservation_expired':
      return 'Your hold ran out, so the items went back on sale. Add them to your cart again.';
    case 'reservation_committed':
      return 'This order has already been placed.';
    case 'reservation_released':
      return 'This hold was already released.';
    case 'unknown_reservation':
      return 'We could not find that hold any more. Add the item to your cart again.';
    case 'unknown_sku':
      return 'We could not find that product.';
    case 'not_sellable':
      return sentence(err.message) || 'This product cannot be bought right now.';
    case 'unauthorized':
      return 'The API key is missing, not valid, or was revoked.';
    case 'forbidden':
      return 'This API key is not allowed to do that.';
    case 'rate_limited':
      return 'Too many requests just now. Please wait a moment and try again.';
    case 'internal':
      return 'Something went wrong on our side; nothing was changed. Please try again.';
    default:
      if (err.status >= 500) return 'Something went wrong on our side. Please try again.';
      return sentence(err.message) || 'That did not work. Please try again.';
  }
}
