/**
 * Pure order decisions: how a line splits into stock, backorder and pre-order parts; which status changes a
 * line may make; the order of the queue; which waiting lines arriving units go to; and the date each waiting
 * line can honestly be promised.
 */
import { addDays } from '../core/clock.ts';
import type { Product } from '../catalog/model.ts';
import type { AllocationPolicy, LineStatus, PromiseBasis, WaitingLine } from './model.ts';

export type LineSplit =
  | { ok: true; fromStock: number; backordered: number; preordered: number }
  | { ok: false; code: string; reason: string; available?: number };

export interface SplitInputs {
  product: Product;
  quantity: number;
  /**
   * Units a new line may take from stock now: free stock less what waiting orders are owed, as inventory's
   * one rule (`sellableToNewDemand`) answers it. Someone already waiting is served before a new line.
   */
  sellable: number;
  /** Units from the line's own reservation, already held for it. */
  reserved: number;
  /** Units already waiting on backorder / pre-order (the caps count them). */
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
  const fromStock = i.reserved + Math.min(quantity - i.reserved, Math.max(0, i.sellable));
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

// ---- line status

/**
 * The status changes an order line may make. A line starts `confirmed` (all from stock), `backordered` or
 * `preordered` (some units wait); a waiting line becomes `allocated` when its last unit is handed over (it keeps
 * its status while partly served); any line may be cancelled, once — its units go back to stock.
 */
export const LINE_TRANSITIONS: Readonly<Record<LineStatus, readonly LineStatus[]>> = {
  confirmed: ['cancelled'],
  backordered: ['allocated', 'cancelled'],
  preordered: ['allocated', 'cancelled'],
  allocated: ['cancelled'],
  cancelled: [],
};

export type LineTransition = { ok: true; status: LineStatus } | { ok: false; code: 'line_cancelled' | 'invalid_line_transition'; reason: string };

/** The status a line starts with, from how it split. */
export function statusAtIntake(split: { backordered: number; preordered: number }): LineStatus {
  return split.preordered > 0 ? 'preordered' : split.backordered > 0 ? 'backordered' : 'confirmed';
}

/** The status of a waiting line after units were handed to it: `allocated` once nothing is left to wait for. */
export function statusAfterAllocation(from: LineStatus, remaining: number): LineTransition {
  if (remaining > 0) return { ok: true, status: from };
  return transition(from, 'allocated');
}

/** Checks a status change against LINE_TRANSITIONS. */
export function transition(from: LineStatus, to: LineStatus): LineTransition {
  if (LINE_TRANSITIONS[from].includes(to)) return { ok: true, status: to };
  if (from === 'cancelled') return { ok: false, code: 'line_cancelled', reason: 'the line is already cancelled' };
  return { ok: false, code: 'invalid_line_transition', reason: `a ${from} line cannot become ${to}` };
}

// ---- the queue

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
    // A pre-order is never promised before release. Without any supply or lead time the release date itself is
    // the promise only while it is ahead: once it has passed with nothing to ship, no date is the honest answer
    // (today would be invented).
    if (kind === 'preorder' && i.releaseDate) {
      if (date !== null && date < i.releaseDate) date = i.releaseDate;
      else if (date === null && i.releaseDate >= i.today) date = i.releaseDate;
    }
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

/** `shopper5@example.com` → `s***5@example.com`: enough for the owner to recognise, not enough to learn it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const first = local.slice(0, 1);
  return `${local.length > 2 ? `${first}***${local.slice(-1)}` : `${first}***`}${email.slice(at)}`;
}
