/**
 * Supplier performance learned from PO history (issue 12, §6). Pure: the service reads a supplier's PO lines
 * and passes them in with the date they are judged on.
 *
 *   lines        lines sent to the supplier and not cancelled (drafts and cancellations say nothing about it);
 *   on-time rate of the lines due (a confirmed date, and received or the date already passed on `asOf`), the
 *                share received in full (what was confirmed) by their confirmed date; a rejected line is not due
 *                (fill rate counts it);
 *   fill rate    units received (capped at the ordered quantity) ÷ units ordered, over finished lines: received,
 *                rejected, or confirmed with the confirmed date passed;
 *   ack hours    sent → acknowledged, mean and 90th percentile;
 *   lead time    sent → last receipt in days, over received lines: mean, standard deviation, 90th percentile;
 *   sample       the number of lead-time observations (what sourcing weighs the measured lead time by).
 * A figure with nothing to measure is null, never a made-up 0 or 1.
 */
import type { LineHistoryRow } from './model.ts';
import type { Performance, PoLineHistory } from './sourcing-model.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The p-quantile by linear interpolation between order statistics (R type 7); null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const a = s[lo] ?? 0;
  const b = s[Math.min(lo + 1, s.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for one value, null for none. */
function sd(values: readonly number[], m: number | null): number | null {
  if (m === null) return null;
  if (values.length < 2) return 0;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

const ms = (iso: string): number => Date.parse(iso);

/**
 * Performance of one supplier from its PO lines. `asOf` (YYYY-MM-DD) is the day lines are judged on: a
 * confirmed date before it that has not been met counts as late and short; without it only received and
 * rejected lines count.
 */
export function computePerformance(supplierId: string, rows: readonly PoLineHistory[], asOf?: string): Performance {
  let lines = 0;
  let due = 0;
  let onTime = 0;
  let ordered = 0;
  let received = 0;
  const ack: number[] = [];
  const lead: number[] = [];
  for (const r of rows) {
    if (r.status === 'cancelled' || r.sentAt === null) continue;
    lines++;
    const got = Math.max(0, Math.min(r.receivedQuantity, r.quantity));
    const isReceived = r.status === 'received' || (r.receivedAt !== null && r.receivedQuantity >= r.quantity);
    const overdue = r.confirmedDate !== null && asOf !== undefined && r.confirmedDate < asOf;
    if (r.status !== 'rejected' && r.confirmedDate !== null && (isReceived || overdue)) {
      due++;
      // On time in full: what was confirmed, in by the confirmed date.
      if (isReceived && r.receivedAt !== null && r.receivedQuantity >= (r.confirmedQuantity ?? r.quantity) && r.receivedAt.slice(0, 10) <= r.confirmedDate) onTime++;
    }
    if (isReceived || r.status === 'rejected' || overdue) {
      ordered += r.quantity;
      received += got;
    }
    if (r.acknowledgedAt !== null) {
      const h = (ms(r.acknowledgedAt) - ms(r.sentAt)) / HOUR_MS;
      if (Number.isFinite(h) && h >= 0) ack.push(h);
    }
    if (r.receivedAt !== null && r.receivedQuantity > 0) {
      const d = (ms(r.receivedAt) - ms(r.sentAt)) / DAY_MS;
      if (Number.isFinite(d) && d >= 0) lead.push(d);
    }
  }
  const leadMean = mean(lead);
  return {
    supplierId,
    lines,
    onTimeRate: due > 0 ? onTime / due : null,
    fillRate: ordered > 0 ? received / ordered : null,
    ackHours: { mean: mean(ack), p90: quantile(ack, 0.9) },
    leadTimeDays: { mean: leadMean, sd: sd(lead, leadMean), p90: quantile(lead, 0.9) },
    sample: lead.length,
  };
}

/** A stored line (store.historyOf) as performance reads it: its answer is its acknowledgement. */
export function historyOfRow(r: Pick<LineHistoryRow, 'status' | 'quantity' | 'confirmedQuantity' | 'receivedQuantity' | 'confirmedDate' | 'sentAt' | 'answeredAt' | 'receivedAt'>): PoLineHistory {
  return {
    orderedAt: r.sentAt ?? '',
    sentAt: r.sentAt,
    acknowledgedAt: r.answeredAt,
    confirmedDate: r.confirmedDate,
    quantity: r.quantity,
    confirmedQuantity: r.confirmedQuantity,
    receivedQuantity: r.receivedQuantity,
    receivedAt: r.receivedAt,
    status: r.status,
  };
}
