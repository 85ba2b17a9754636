/**
 * Pure inventory decisions: how much of a level can be sold, which locations a reservation draws from, what a
 * SKU's availability is and what to tell the shopper, and which events a change of availability raises.
 */
import { addDays } from '../core/clock.ts';
import type { Product } from '../catalog/model.ts';
import type {
  Availability,
  AvailabilityChangedPayload,
  AvailabilityStatus,
  InventoryEvents,
  Level,
  Location,
  LocationAvailability,
} from './model.ts';

/** Units of a level free to sell: never below zero even when a count found less than is promised. */
export function sellable(l: Level): number {
  return Math.max(0, l.onHand - l.reserved - l.committed - l.safetyStock);
}

/**
 * Chooses where a reservation draws from: a named location only, or locations by priority (then code),
 * splitting across them when one alone has too little. Returns null when the stock is not there.
 */
export function planReservation(
  levels: Level[],
  locations: ReadonlyMap<string, Location>,
  quantity: number,
  only?: string,
): Array<{ location: string; quantity: number }> | null {
  const candidates = levels
    .filter((l) => (only ? l.location === only : true) && sellable(l) > 0)
    .sort((a, b) => {
      const pa = locations.get(a.location)?.priority ?? Number.MAX_SAFE_INTEGER;
      const pb = locations.get(b.location)?.priority ?? Number.MAX_SAFE_INTEGER;
      return pa - pb || (a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
    });
  const plan: Array<{ location: string; quantity: number }> = [];
  let left = quantity;
  for (const l of candidates) {
    if (left === 0) break;
    const take = Math.min(left, sellable(l));
    plan.push({ location: l.location, quantity: take });
    left -= take;
  }
  return left === 0 ? plan : null;
}

export interface AvailabilityInputs {
  product: Product;
  levels: Level[];
  locations: ReadonlyMap<string, Location>;
  /** Earliest expected date of open inbound supply, if any. */
  nextInboundDate: string | null;
  /** Units now waiting on backorder / pre-order (caps apply to them). */
  backordered: number;
  preordered: number;
  /** The date the orders module would promise one more unit ordered now (queue and inbound considered). */
  newLinePromisedDate?: string | null;
  today: string;
  version: number;
}

export function computeAvailability(i: AvailabilityInputs): Availability {
  const { product, today } = i;
  const p = product.policy;
  const locs: LocationAvailability[] = i.levels
    .map((l) => ({ location: l.location, region: i.locations.get(l.location)?.region ?? '', availableToSell: sellable(l) }))
    .sort((a, b) => (i.locations.get(a.location)?.priority ?? 0) - (i.locations.get(b.location)?.priority ?? 0) || a.location.localeCompare(b.location));
  const ats = locs.reduce((s, l) => s + l.availableToSell, 0);
  const base = { sku: product.sku, locations: locs, nextInboundDate: i.nextInboundDate, version: i.version };

  if (!p.trackInventory) {
    const status: AvailabilityStatus = product.status === 'discontinued' ? 'discontinued' : 'in_stock';
    return { ...base, status, availableToSell: null, promisedDate: null, message: status === 'in_stock' ? 'In stock' : 'No longer available' };
  }
  if (product.status === 'upcoming') {
    const capLeft = p.preorderLimit == null ? Infinity : p.preorderLimit - i.preordered;
    if (p.allowPreorder && capLeft > 0) {
      const release = p.releaseDate;
      return {
        ...base,
        status: 'preorder',
        availableToSell: 0,
        promisedDate: i.newLinePromisedDate ?? release,
        message: release ? `Pre-order now: released on ${release}` : 'Pre-order now',
      };
    }
    return { ...base, status: 'out_of_stock', availableToSell: 0, promisedDate: null, message: p.releaseDate ? `Coming on ${p.releaseDate}` : 'Coming soon' };
  }
  if (ats > 0) {
    if (ats <= p.lowStockThreshold) {
      return { ...base, status: 'low_stock', availableToSell: ats, promisedDate: null, message: `Only ${ats} left in stock` };
    }
    return { ...base, status: 'in_stock', availableToSell: ats, promisedDate: null, message: 'In stock' };
  }
  if (product.status === 'discontinued') {
    return { ...base, status: 'discontinued', availableToSell: 0, promisedDate: null, message: 'No longer available' };
  }
  const backorderLeft = p.backorderLimit == null ? Infinity : p.backorderLimit - i.backordered;
  if (p.allowBackorder && backorderLeft > 0) {
    const promised = i.newLinePromisedDate ?? i.nextInboundDate ?? (p.leadTimeDays != null ? addDays(today, p.leadTimeDays) : null);
    return {
      ...base,
      status: 'backorder',
      availableToSell: 0,
      promisedDate: promised,
      message: promised ? `Available on backorder: ships by ${promised}` : 'Available on backorder',
    };
  }
  return {
    ...base,
    status: 'out_of_stock',
    availableToSell: 0,
    promisedDate: null,
    message: i.nextInboundDate ? `Out of stock: expected back on ${i.nextInboundDate}` : 'Out of stock',
  };
}

export interface AvailabilityEvent {
  type: keyof InventoryEvents;
  payload: Omit<AvailabilityChangedPayload, 'version'>;
}

/** The events a change of availability raises; none when nothing a shopper sees changed. */
export function availabilityEvents(before: Availability | null, after: Availability): AvailabilityEvent[] {
  const b = before ? { status: before.status, availableToSell: before.availableToSell } : null;
  const a = { status: after.status, availableToSell: after.availableToSell };
  if (b && b.status === a.status && b.availableToSell === a.availableToSell) return [];
  const payload = { sku: after.sku, before: b, after: { ...a, message: after.message, nextInboundDate: after.nextInboundDate, promisedDate: after.promisedDate } };
  const out: AvailabilityEvent[] = [{ type: 'inventory.availability_changed', payload }];
  const wasSelling = (b?.availableToSell ?? 0) > 0 || b?.availableToSell === null;
  const sells = (a.availableToSell ?? 1) > 0;
  if (before && !wasSelling && sells) out.push({ type: 'inventory.back_in_stock', payload });
  if (before && wasSelling && !sells) out.push({ type: 'inventory.out_of_stock', payload });
  if (a.status === 'low_stock' && b?.status !== 'low_stock') out.push({ type: 'inventory.low_stock', payload });
  return out;
}
