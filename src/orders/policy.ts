/**
 * Pure order decisions: how a line splits into stock, backorder and pre-order parts; the order of the queue;
 * which waiting lines arriving units go to; and the date each waiting line can honestly be promised.
 */
import { addDays } from '../core/clock.ts';
import type { Product } from '../catalog/model.ts';
import type { AllocationPolicy, PromiseBasis, WaitingLine } from './model.ts';

export type LineSplit =
  | { ok: true; fromStock: number; backordered: number; preordered: number }
  | { ok: false; code: string; reason: string; available?: number };

export interface SplitInputs {
  product: Product;
  quantity: number;
  /** Units free to sell now (after safety stock). */
  sellable: number;
  /** Units from the line's own reservation, already held for it. */
  reserved: number;
  /** Units already waiting on the SKU's queue. */
  queued: number;
  backordered: number;
  preordered: number;
}

export function splitLine(i: SplitInputs): LineSplit {
  const { product, quantity } = i;
  const p = product.policy;
  if (i.reserved > quantity) {
    return { ok: false, code: 'reservation_mismatch', reason: `the reservation holds ${i.reserved} units but the line orders ${quantity}` };
  }
  if (product.status === 'upcoming') {
    // Units held by the line's own reservation are already its own: only the rest is pre-ordered.
    const rest = quantity - i.reserved;
    if (rest === 0) return { ok: true, fromStock: i.reserved, backordered: 0, preordered: 0 };
    if (!p.allowPreorder) return { ok: false, code: 'not_released', reason: `'${product.sku}' is not released yet and does not take pre-orders` };
    const left = p.preorderLimit == null ? Infinity : p.preorderLimit - i.preordered;
    if (rest > left) {
      return { ok: false, code: 'preorder_limit', reason: `only ${Math.max(0, left)} pre-order units of '${product.sku}' are left (cap ${p.preorderLimit})` };
    }
    return { ok: true, fromStock: i.reserved, backordered: 0, preordered: rest };
  }
  if (!p.trackInventory) return { ok: true, fromStock: quantity, backordered: 0, preordered: 0 };
  // Someone is already waiting: a new order queues behind them rather than taking stock they wait for.
  const fromStock = i.reserved + (i.queued > 0 ? 0 : Math.min(quantity - i.reserved, i.sellable));
  const rest = quantity - fromStock;
  if (rest === 0) return { ok: true, fromStock, backordered: 0, preordered: 0 };
  if (product.status === 'discontinued') {
    return { ok: false, code: 'discontinued', reason: `'${product.sku}' is discontinued; only ${fromStock} can be sold` };
  }
  if (!p.allowBackorder) {
    return { ok: false, code: 'insufficient_stock', reason: `only ${fromStock} of '${product.sku}' available and it cannot be backordered`, available: fromStock };
  }
  const left = p.backorderLimit == null ? Infinity : p.backorderLimit - i.backordered;
  if (rest > left) {
    return { ok: false, code: 'backorder_limit', reason: `only ${Math.max(0, left)} backorder units of '${product.sku}' are left (cap ${p.backorderLimit})` };
  }
  return { ok: true, fromStock, backordered: rest, preordered: 0 };
}

/** The queue in serving order under the policy; ties always fall back to arrival order. */
export function queueOrder(lines: readonly WaitingLine[], policy: AllocationPolicy): WaitingLine[] {
  const rank = (l: WaitingLine) => (policy.strategy === 'priority' && l.tier != null ? (policy.tierRanks[l.tier] ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  return [...lines].sort((a, b) => {
    if (policy.preordersFirst && a.kind !== b.kind) return a.kind === 'preorder' ? -1 : 1;
    if (policy.strategy === 'priority') {
      const d = rank(a) - rank(b);
      if (d !== 0) return d;
    }
    return a.seq - b.seq;
  });
}

/**
 * Hands `units` to the queue in order. A line that takes partial shipments gets what there is; one that does
 * not is served only in full, and — to keep the queue fair — nobody behind it is served before it.
 */
export function allocate(queue: readonly WaitingLine[], units: number): Array<{ lineId: string; quantity: number }> {
  const out: Array<{ lineId: string; quantity: number }> = [];
  let left = units;
  for (const l of queue) {
    if (left <= 0) break;
    if (l.waiting <= left) {
      out.push({ lineId: l.id, quantity: l.waiting });
      left -= l.waiting;
    } else if (l.allowPartial) {
      out.push({ lineId: l.id, quantity: left });
      left = 0;
    } else break;
  }
  return out;
}

export interface Supply {
  date: string;
  quantity: number;
}

export interface PromiseInputs {
  /** Waiting lines in serving order. */
  queue: readonly WaitingLine[];
  /** Units on hand not yet handed out (pre-release stock of an upcoming SKU, say). */
  free: number;
  /** Open inbound, any order. */
  inbound: readonly Supply[];
  today: string;
  leadTimeDays: number | null;
  releaseDate: string | null;
}

/**
 * Each line's promised date: the date of the supply that brings the last unit of its place in the queue (a line
 * needing units 41–45 is covered by whichever receipt brings the 45th), else today plus the lead time, else
 * unknown. Pre-orders are never promised before the release date. Also returns the date one more unit would get.
 */
export function promiseDates(i: PromiseInputs): { lines: Map<string, string | null>; basis: Map<string, PromiseBasis>; next: string | null } {
  const supply: Supply[] = [];
  if (i.free > 0) supply.push({ date: i.today, quantity: i.free });
  supply.push(...[...i.inbound].filter((s) => s.quantity > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
  const fallback = i.leadTimeDays != null ? addDays(i.today, i.leadTimeDays) : null;
  let s = 0;
  let supplied = supply[0]?.quantity ?? 0;
  let needed = 0;
  let basis: PromiseBasis = 'supply';
  const dateFor = (need: number, kind: 'backorder' | 'preorder', previous?: WaitingLine): string | null => {
    while (s < supply.length && supplied < need) {
      s++;
      supplied += supply[s]?.quantity ?? 0;
    }
    basis = s < supply.length ? 'supply' : 'lead_time';
    // Beyond known supply the honest answer is: reorder now and wait the lead time. Counted from when it was
    // promised, not again every day: a lead-time promise still ahead of us stands (else every recompute on a
    // later day would "delay" every such line by a day).
    const kept = basis === 'lead_time' && previous?.promiseBasis === 'lead_time' && previous.promisedDate !== null && previous.promisedDate >= i.today ? previous.promisedDate : null;
    let date = s < supply.length ? (supply[s]?.date ?? null) : (kept ?? fallback);
    if (kind === 'preorder' && i.releaseDate && (date === null || date < i.releaseDate)) date = i.releaseDate;
    if (date !== null && date < i.today) date = i.today; // overdue inbound or release: the best honest date is today
    // Never promise a line sooner than one ahead of it in the queue.
    if (date !== null && ahead !== null && date < ahead) date = ahead;
    return date;
  };
  let ahead: string | null = null;
  const lines = new Map<string, string | null>();
  const bases = new Map<string, PromiseBasis>();
  for (const l of i.queue) {
    needed += l.waiting;
    const d = dateFor(needed, l.kind, l);
    lines.set(l.id, d);
    bases.set(l.id, basis);
    if (d !== null && (ahead === null || d > ahead)) ahead = d;
  }
  const next = dateFor(needed + 1, i.releaseDate && i.releaseDate > i.today ? 'preorder' : 'backorder');
  return { lines, basis: bases, next };
}
