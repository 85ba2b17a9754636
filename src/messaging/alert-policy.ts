/**
 * When staff hear of stock: once per transition into low stock or into out of stock, decided from the event's
 * before and after alone (no state of our own to keep in step). A SKU that sells on backorder has no stock
 * either, so for staff it is out of stock; moving between backorder and out of stock (a cap reached) is no new
 * transition. A SKU's first availability (a product just created, an import) alerts nobody: nothing ran out.
 */
import type { AvailabilityChangedPayload, AvailabilityStatus } from '../inventory/model.ts';
import type { AlertSettings } from './model.ts';

export type StockAlertKind = 'low_stock' | 'out_of_stock';

function stateOf(status: AvailabilityStatus): StockAlertKind | null {
  if (status === 'low_stock') return 'low_stock';
  if (status === 'out_of_stock' || status === 'backorder') return 'out_of_stock';
  return null;
}

/** The alert this change calls for under these settings, if any. */
export function stockAlertFor(change: Pick<AvailabilityChangedPayload, 'before' | 'after'>, settings: AlertSettings): StockAlertKind | null {
  if (!change.before || settings.recipients.length === 0) return null;
  const now = stateOf(change.after.status);
  if (now === null || now === stateOf(change.before.status)) return null;
  if (now === 'low_stock' ? !settings.lowStock : !settings.outOfStock) return null;
  return now;
}
