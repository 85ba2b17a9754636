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
  const candidates = drawOrder(
    levels.filter((l) => (only ? l.location === only : true) && sellable(l) > 0),
    locations,
  );
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
  /** Units now waiting on backorder / pre-order (caps apply to them; free stock goes to them first). */
  backordered: number;
  preordered: number;
  /**
   * The date the orders module would promise one more unit ordered now (queue and inbound considered), null
   * when it could promise none. Undefined only without an orders module: then the SKU's own inbound, release
   * or lead time is all there is to go by.
   */
  newLinePromisedDate?: string | null | undefined;
  today: string;
  version: number;
}

export function computeAvailability(i: AvailabilityInputs): Availability {
  const { product, today } = i;
  const p = product.policy;
  // What a shopper may buy now: free stock less what waiting orders are owed (the one rule, see below).
  const forSale = sellableToNewDemand(i.levels, i.locations, { backordered: i.backordered, preordered: i.preordered });
  const locs: LocationAvailability[] = forSale
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
      // A release date that has passed (the release job has not run yet) is no promise: no date beats a false one.
      const promised = i.newLinePromisedDate !== undefined ? i.newLinePromisedDate : release !== null && release >= today ? release : null;
      return {
        ...base,
        status: 'preorder',
        availableToSell: 0,
        promisedDate: promised,
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
    // What a new line would be promised, exactly: the next inbound may be taken by the lines ahead of it.
    const promised = i.newLinePromisedDate !== undefined ? i.newLinePromisedDate : (i.nextInboundDate ?? (p.leadTimeDays != null ? addDays(today, p.leadTimeDays) : null));
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

// ---- waiting demand and new sales (one rule, used by availability, reservations, holds and order intake)

/** Units that waiting orders (backorders, pre-orders) still wait for, as the orders module reports them. */
export interface WaitingDemand {
  backordered: number;
  preordered: number;
}

export const NO_DEMAND: WaitingDemand = Object.freeze({ backordered: 0, preordered: 0 });

/** Locations in the order stock is drawn from: priority (lower first), then code. */
export function drawOrder<L extends { location: string }>(levels: readonly L[], locations: ReadonlyMap<string, Location>): L[] {
  return [...levels].sort((a, b) => {
    const pa = locations.get(a.location)?.priority ?? Number.MAX_SAFE_INTEGER;
    const pb = locations.get(b.location)?.priority ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || (a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
  });
}

/**
 * Can free stock behind a waiting queue be sold? Only what the queue does not wait for. People who ordered on
 * backorder or pre-order were promised the next units; a cart, a new order line or a waitlist hold that took
 * free stock while they wait would push their date back (behind a line that takes only full shipments, the
 * units already on hand are its first units). So the queue's claim is taken off the free stock first, location
 * by location in draw order (as allocation would take it), and a new sale may take only what is left.
 *
 * Returns the levels as a new sale sees them: the claimed units count as committed. Availability
 * (`availableToSell`), reservations and holds (`planReservation`) and order intake (the free units a line can
 * take) all read stock through this one view, so they cannot disagree.
 */
export function sellableToNewDemand(levels: readonly Level[], locations: ReadonlyMap<string, Location>, demand: WaitingDemand): Level[] {
  let claim = demand.backordered + demand.preordered;
  if (claim <= 0) return [...levels];
  const byLocation = new Map<string, Level>();
  for (const l of drawOrder(levels, locations)) {
    const take = Math.min(claim, sellable(l));
    claim -= take;
    byLocation.set(l.location, take > 0 ? { ...l, committed: l.committed + take } : l);
  }
  return levels.map((l) => byLocation.get(l.location) ?? l);
}

// ---- reactions to a stock rise

/**
 * What a rise of free stock (a receipt, a release, a cancelled sale, lower safety stock) sets off, in this order.
 *
 *  1. `waiting_orders`, inside the stock write under the SKU lock: backorders and pre-orders already placed are
 *     served (and re-promised) first. They are sales the shop has taken money or a commitment for; anyone else
 *     served first would break a promise already made.
 *  2. `waitlist`, after the write commits: holds and "back in stock" notices go out for what is still free to a
 *     new sale (`sellableToNewDemand`). People on a waitlist asked to be told, nobody promised them stock, so
 *     they get only what no order waits for. The waitlist reacts to the availability events the write raises
 *     once stage 1 has run, so it never sees units an order has just taken.
 *
 * The stock writer runs the in-write stages in this order whatever order the hooks were registered in.
 */
export const STOCK_RISE_REACTIONS = [
  { stage: 'waiting_orders', runs: 'in_write' },
  { stage: 'waitlist', runs: 'after_commit' },
] as const;
export type StockRiseStage = (typeof STOCK_RISE_REACTIONS)[number]['stage'];
export type InWriteStage = Extract<(typeof STOCK_RISE_REACTIONS)[number], { runs: 'in_write' }>['stage'];
