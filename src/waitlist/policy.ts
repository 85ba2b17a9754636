/** Pure waitlist decisions: whether a batch is due (interval, upcoming SKUs, holds), who is told next, and the demand summary. */
import type { Subscription, WaitlistStats } from './model.ts';

/**
 * The next batch, first come first served: without holds, contacts for up to k × available units (each counts
 * its wanted quantity, at least one contact when anything is available); with holds, exactly as many as the
 * stock can hold for, in order, stopping at the first who does not fit (no one jumps the queue).
 */
export function nextBatch(waiting: readonly Subscription[], available: number, k: number, holds: boolean): Subscription[] {
  if (available <= 0) return [];
  const ordered = [...waiting].sort((a, b) => a.seq - b.seq);
  const out: Subscription[] = [];
  if (holds) {
    let left = available;
    for (const s of ordered) {
      if (s.quantity > left) break;
      out.push(s);
      left -= s.quantity;
    }
    return out;
  }
  let budget = Math.max(1, Math.floor(k * available));
  for (const s of ordered) {
    if (budget <= 0) break;
    out.push(s);
    budget -= s.quantity;
  }
  return out;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function summarise(sku: string, subs: readonly Subscription[], today: string, days = 30): WaitlistStats {
  const active = subs.filter((s) => s.status === 'waiting');
  const pending = subs.filter((s) => s.status === 'pending');
  const notified = subs.filter((s) => s.notifiedAt);
  const converted = notified.filter((s) => s.convertedAt);
  const counts = new Map<string, number>();
  for (const s of subs) counts.set(s.createdAt.slice(0, 10), (counts.get(s.createdAt.slice(0, 10)) ?? 0) + 1);
  const signupsPerDay: Array<{ date: string; count: number }> = [];
  const end = new Date(`${today}T00:00:00Z`);
  for (let d = days - 1; d >= 0; d--) {
    const date = new Date(end.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    signupsPerDay.push({ date, count: counts.get(date) ?? 0 });
  }
  const waits = notified.map((s) => (Date.parse(s.notifiedAt as string) - Date.parse(s.confirmedAt ?? s.createdAt)) / 3_600_000);
  return {
    sku,
    active: active.length,
    pending: pending.length,
    unitsWanted: active.reduce((n, s) => n + s.quantity, 0),
    signupsPerDay,
    notified: notified.length,
    converted: converted.length,
    conversionRate: notified.length ? converted.length / notified.length : null,
    medianWaitHours: median(waits),
    unsubscribed: subs.filter((s) => s.status === 'unsubscribed').length,
  };
}

// ---- batch gating: whether a release is due, and for how many units

export interface BatchGateInput {
  /** A contact just joined while stock is there (confirmation, or sign-up without double opt-in). */
  immediate: boolean;
  /** The policy holds units for each notified contact (holdHours > 0). */
  holds: boolean;
  /** When the SKU's next batch may go (null: at once). */
  nextBatchAt: string | null;
  now: string;
  /** An upcoming SKU (not yet released): its stock is kept for release day. */
  upcoming: boolean;
  /** Units free to sell now. */
  free: number;
  k: number;
}

/** Most contacts read for one batch. */
export const MAX_BATCH_READ = 100_000;

export type BatchGate =
  | { due: false; reason: 'interval' }
  /** `fetch`: how many waiting contacts to read (one more than can be told, so `nextBatch` sees who is next). */
  | { due: true; sellable: number; fetch: number };

/**
 * Whether a batch may go now. Without holds, a batch waits `batchIntervalMinutes` after the last one before stock
 * is checked again (people told need time to buy; telling more at once oversells the attention) — except for a
 * contact who joins while stock is there, who is told at once. With holds the units are reserved, so stock
 * itself gates: a batch goes whenever units are free. An upcoming SKU tells no one: nothing is sellable yet.
 */
export function batchGate(i: BatchGateInput): BatchGate {
  if (!i.immediate && !i.holds && i.nextBatchAt !== null && i.nextBatchAt > i.now) return { due: false, reason: 'interval' };
  const sellable = i.upcoming ? 0 : Math.max(0, i.free);
  if (sellable === 0) return { due: true, sellable, fetch: 0 };
  const fetch = i.holds ? sellable + 1 : Math.max(1, Math.floor(i.k * sellable)) + 1;
  return { due: true, sellable, fetch: Math.min(MAX_BATCH_READ, fetch) };
}

/**
 * When the SKU's next batch may go after this one: with nobody told, or with holds, at once (null: the next rise
 * of stock releases); otherwise after the interval.
 */
export function nextBatchAfter(now: Date, batchSize: number, holds: boolean, batchIntervalMinutes: number): string | null {
  if (batchSize === 0 || holds) return null;
  return new Date(now.getTime() + batchIntervalMinutes * 60_000).toISOString();
}

/** Whether an availability change is a rise that may release a batch (untracked stock counts as none). */
export function isStockRise(before: { availableToSell: number | null } | null, after: { availableToSell: number | null }): boolean {
  return (after.availableToSell ?? 0) > (before?.availableToSell ?? 0);
}
