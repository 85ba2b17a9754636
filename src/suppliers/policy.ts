/**
 * Pure rules of supply: which offers are valid on a day, the purchase-order state machine (what an answer, a
 * shipment, a receipt or a cancellation may do to a line, and the order's status from its lines), and supplier
 * performance from line history. No I/O; the day is passed in.
 */
import { addDays } from '../core/clock.ts';
import type { AnswerLine, Offer, PoLine, PoLineStatus, PoStatus } from './model.ts';

/** An offer may be chosen on `day` (YYYY-MM-DD): active and inside its validity window (bounds included). */
export function offerValidOn(o: Offer, day: string): boolean {
  return o.active && (o.validFrom === null || o.validFrom <= day) && (o.validTo === null || o.validTo >= day);
}

/** Valid offers on `day`, best first: lower priority number, then lower unit cost, then the older offer. */
export function rankOffers(offers: readonly Offer[], day: string): Offer[] {
  return offers.filter((o) => offerValidOn(o, day)).sort((a, b) => a.priority - b.priority || a.unitCost - b.unitCost || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The quantity an offer lets one order: at least `wanted`, at least its minimum, a whole number of multiples. */
export function orderableQuantity(wanted: number, o: Pick<Offer, 'minQuantity' | 'multiple'>): number {
  const q = Math.max(wanted, o.minQuantity);
  return Math.ceil(q / o.multiple) * o.multiple;
}

/** Order day plus lead time (whole days, rounded up). */
export function expectedArrival(orderDay: string, leadTimeDays: number): string {
  return addDays(orderDay, Math.max(0, Math.ceil(leadTimeDays)));
}

/** Line states that end a line: nothing more comes of it. */
export const TERMINAL_LINE: readonly PoLineStatus[] = ['received', 'rejected', 'cancelled'];
export const isTerminalLine = (s: PoLineStatus): boolean => TERMINAL_LINE.includes(s);

/** States in which the supplier may answer lines. */
export const ANSWERABLE: readonly PoStatus[] = ['sent', 'acknowledged'];
/** States in which shipments and receipts are taken. */
export const RECEIVABLE: readonly PoStatus[] = ['sent', 'acknowledged', 'shipped', 'received'];

/** Units the line still expects: confirmed (else ordered) minus received, never below zero. */
export function outstanding(l: Pick<PoLine, 'status' | 'quantity' | 'confirmedQuantity' | 'receivedQuantity'>): number {
  if (isTerminalLine(l.status)) return 0;
  return Math.max(0, (l.confirmedQuantity ?? l.quantity) - l.receivedQuantity);
}

/**
 * The order's status from its lines. Draft and cancelled are set by hand and stay; otherwise the furthest step
 * every line has reached: all lines ended → closed; any units received → received; any shipped → shipped; no
 * line left unanswered → acknowledged; else sent.
 */
export function poStatusOf(current: PoStatus, lines: readonly Pick<PoLine, 'status' | 'receivedQuantity' | 'shippedQuantity'>[]): PoStatus {
  if (current === 'draft' || current === 'cancelled') return current;
  if (lines.length > 0 && lines.every((l) => isTerminalLine(l.status))) return 'closed';
  if (current === 'closed') return 'closed';
  if (lines.some((l) => l.receivedQuantity > 0)) return 'received';
  if (lines.some((l) => l.status === 'shipped' || l.shippedQuantity > 0)) return 'shipped';
  if (lines.every((l) => l.status !== 'open')) return 'acknowledged';
  return 'sent';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

/** What one answer does to a line: the new fields, or null when it changes nothing (the same answer again). */
export interface AnswerEffect {
  status: 'confirmed' | 'rejected';
  confirmedQuantity: number | null;
  confirmedDate: string | null;
  rejectReason: string | null;
}

/**
 * Checks a supplier's answer to one line on `today`: confirm at most what was ordered (and not below what has
 * arrived), a date not in the past; a line that ended or shipped cannot be answered again, except with the
 * same answer (no change). A rejected line cannot be confirmed later (its units may be re-sourced already).
 */
export function applyAnswer(line: PoLine, a: AnswerLine, today: string, at: number): Checked<AnswerEffect | null> {
  const field = `lines[${at}]`;
  if (a.date !== undefined && a.date < today) return { ok: false, field: `${field}.date`, reason: `date ${a.date} is in the past (today is ${today})` };
  if (a.status === 'rejected') {
    if (a.quantity !== undefined || a.date !== undefined) return { ok: false, field, reason: 'a rejection takes no quantity or date' };
    if (line.status === 'rejected') return { ok: true, value: null };
    if (line.status !== 'open' && line.status !== 'confirmed') return { ok: false, field, reason: `line '${line.id}' is ${line.status}; it cannot be rejected` };
    if (line.receivedQuantity > 0) return { ok: false, field, reason: `units of line '${line.id}' were received already; it cannot be rejected` };
    return { ok: true, value: { status: 'rejected', confirmedQuantity: null, confirmedDate: null, rejectReason: a.reason ?? null } };
  }
  if (a.reason !== undefined) return { ok: false, field, reason: 'a confirmation takes no reason' };
  const quantity = a.quantity ?? line.confirmedQuantity ?? line.quantity;
  if (quantity > line.quantity) return { ok: false, field: `${field}.quantity`, reason: `${quantity} units cannot be confirmed: line '${line.id}' ordered ${line.quantity}` };
  if (quantity < 1) return { ok: false, field: `${field}.quantity`, reason: 'confirm at least 1 unit, or reject the line' };
  if (quantity < line.receivedQuantity) return { ok: false, field: `${field}.quantity`, reason: `${line.receivedQuantity} units of line '${line.id}' arrived already` };
  const date = a.date ?? line.confirmedDate;
  if (line.status === 'confirmed' && quantity === line.confirmedQuantity && date === line.confirmedDate) return { ok: true, value: null };
  if (line.status !== 'open' && line.status !== 'confirmed') return { ok: false, field, reason: `line '${line.id}' is ${line.status}; it cannot be confirmed` };
  return { ok: true, value: { status: 'confirmed', confirmedQuantity: quantity, confirmedDate: date, rejectReason: null } };
}
