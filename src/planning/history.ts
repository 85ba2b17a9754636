/**
 * Sales history from the stock ledger: what planning reads demand from. Pure: it takes ledger rows of one SKU
 * in id order and returns daily sales with stock-out days flagged, per SKU and per location, and folds days
 * into ISO weeks or calendar months. The movements come from InventoryService.movements (the ledger is
 * inventory's table).
 *
 * Sales. A sale is a `commit` movement (committed +q): sold and waiting to ship. Shipments only fulfil what a
 * commit already counted, and reservations are carts, not sales. A cancelled sale comes back as a `release`
 * with committed_delta < 0 (an order line cancelled); it is taken off the day of the commit it undoes, found by
 * location and reference (both carry the order line id), so a cancellation never shows as negative demand on
 * its own day. A cancellation whose commit is not found is taken off its own day, never below zero.
 * Days are UTC calendar days of `created_at`.
 *
 * Stock-outs. The SKU's free stock, on_hand − reserved − committed summed over its locations (per location for
 * location histories), is replayed from zero through the movements in id order — the ledger is complete, so
 * replaying it gives the levels. A day is a stock-out (censored) day when free stock was ≤ 0 at any moment of
 * it: at its start (after the previous day's last movement; this covers whole days without movements while out
 * of stock), or after any of its movements (it ran out part-way, or closed out). On such a day a shopper could
 * not buy at least for a while, so its sales are a lower bound of demand, not demand — the forecaster then
 * estimates the day's demand instead of learning from it. The first day of a history does not count its start
 * (nothing was for sale before the first movement). Safety stock is not subtracted: it is a level setting with
 * no history in the ledger. A day that opened out of stock and was restocked before its first shopper counts
 * as censored too; the cost is one good day per stock-out spell treated as a lower bound.
 *
 * Backordered lines commit when stock arrives to them (reason 'allocation'), so their sales land on the
 * arrival day; that day opened out of stock, so it is flagged and read as a lower bound like the rest.
 */
import type { StockMovement } from '../inventory/service.ts';

export const DAY_MS = 86_400_000;

/** One ledger movement as planning reads it: what InventoryService.movements gives, the SKU aside. */
export type LedgerMovement = Omit<StockMovement, 'sku'>;

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** A history of consecutive periods; `dates[i]` is the first day (YYYY-MM-DD) of period i. */
export interface SalesHistory {
  granularity: Granularity;
  dates: string[];
  sales: number[];
  stockout: boolean[];
  /** Stock-out days within each period (1 or 0 for daily histories). */
  stockoutDays: number[];
}

export interface DailyHistories {
  /** the SKU as a whole: sales over all locations, stock-out when no location had free stock */
  total: SalesHistory;
  /** per location, same dates as `total`; before a location's first stock its days are stock-outs */
  byLocation: Map<string, SalesHistory>;
}

/** Day number since the epoch of a YYYY-MM-DD date (or the date part of an ISO timestamp). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`) / DAY_MS);
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface Scope {
  free: number;
  sales: number[];
  out: Uint8Array;
}

/**
 * Builds daily histories from one SKU's movements, fed in id order. The history runs from the first
 * movement's day to `lastDay` (inclusive; normally yesterday, the last complete day); later movements are
 * ignored.
 */
export class HistoryBuilder {
  /** day number of the first day, set by the first movement */
  private first = 0;
  private span = 0;
  private current = 0;
  private started = false;
  private readonly total: Scope = { free: 0, sales: [], out: new Uint8Array(0) };
  private readonly locations = new Map<string, Scope>();
  /** commits still open to cancellation, by location and reference: [day index, units left] */
  private readonly commits = new Map<string, Array<[number, number]>>();

  constructor(
    private readonly lastDay: number,
    private readonly withLocations = false,
  ) {}

  private scope(): Scope {
    return { free: 0, sales: new Array<number>(this.span).fill(0), out: new Uint8Array(this.span) };
  }

  add(m: LedgerMovement): void {
    const d = dayNumber(m.createdAt);
    if (d > this.lastDay) return;
    if (!this.started) {
      this.started = true;
      this.first = d;
      this.current = d;
      this.span = this.lastDay - d + 1;
      Object.assign(this.total, this.scope());
    }
    // Ids follow time but not strictly across concurrent writers: a row stamped a moment before the one
    // replayed last is replayed where its id puts it, and its sale still counts on its own day.
    if (d > this.current) {
      this.enterDay(this.total, d);
      if (this.withLocations) for (const s of this.locations.values()) this.enterDay(s, d);
      this.current = d;
    }
    const loc = this.withLocations ? this.location(m.location) : null;
    const delta = m.onHandDelta - m.reservedDelta - m.committedDelta;
    this.total.free += delta;
    if (loc) loc.free += delta;

    const i = Math.max(0, d - this.first);
    if (m.type === 'commit' && m.committedDelta > 0) {
      this.addSale(i, m.committedDelta, m.location);
      if (m.reference !== null) {
        const key = `${m.location}\u0000${m.reference}`;
        const open = this.commits.get(key);
        if (open) open.push([i, m.committedDelta]);
        else this.commits.set(key, [[i, m.committedDelta]]);
      }
    } else if (m.type === 'release' && m.committedDelta < 0) {
      this.cancel(i, -m.committedDelta, m.location, m.reference);
    }
    const at = this.current - this.first;
    if (this.total.free <= 0) this.total.out[at] = 1;
    if (loc && loc.free <= 0) loc.out[at] = 1;
  }

  /** Crossing into day `d`: the days after `current` up to `d` all started with the scope's free stock. */
  private enterDay(s: Scope, d: number): void {
    if (s.free > 0) return;
    for (let k = this.current + 1; k <= d; k++) s.out[k - this.first] = 1;
  }

  private location(code: string): Scope {
    let s = this.locations.get(code);
    if (!s) {
      s = this.scope();
      // No stock here before its first movement: every day so far, today included (it opened with none), was a
      // stock-out at this location — unless today is the history's first day, whose start does not count.
      if (this.current > this.first) for (let k = this.first; k <= this.current; k++) s.out[k - this.first] = 1;
      this.locations.set(code, s);
    }
    return s;
  }

  private addSale(i: number, q: number, location: string): void {
    this.total.sales[i] = (this.total.sales[i] ?? 0) + q;
    if (this.withLocations) {
      const s = this.location(location);
      s.sales[i] = (s.sales[i] ?? 0) + q;
    }
  }

  private cancel(i: number, q: number, location: string, reference: string | null): void {
    let left = q;
    const open = reference === null ? undefined : this.commits.get(`${location}\u0000${reference}`);
    // Newest commit first: a line's later allocations are the ones a cancellation most likely undoes.
    while (open && open.length > 0 && left > 0) {
      const last = open[open.length - 1] as [number, number];
      const take = Math.min(left, last[1]);
      this.addSale(last[0], -take, location);
      last[1] -= take;
      left -= take;
      if (last[1] === 0) open.pop();
    }
    if (left > 0) this.addSale(i, -left, location);
  }

  /** Daily histories, or null when the SKU has no movement up to `lastDay`. */
  finish(): DailyHistories | null {
    if (!this.started) return null;
    const dates: string[] = [];
    for (let k = this.first; k <= this.lastDay; k++) dates.push(dateOf(k));
    const close = (s: Scope): SalesHistory => {
      // Out of stock after the last movement: every later day up to the end is a stock-out.
      if (s.free <= 0) for (let k = this.current + 1; k <= this.lastDay; k++) s.out[k - this.first] = 1;
      const stockout = Array.from(s.out, (v) => v === 1);
      return { granularity: 'day', dates: [...dates], sales: s.sales.map((v) => Math.max(0, v)), stockout, stockoutDays: stockout.map((b) => (b ? 1 : 0)) };
    };
    const byLocation = new Map<string, SalesHistory>();
    for (const [code, s] of [...this.locations.entries()].sort((a, b) => a[0].localeCompare(b[0]))) byLocation.set(code, close(s));
    return { total: close(this.total), byLocation };
  }
}

/** Daily histories of one SKU from its movements in id order, up to `lastDate` (see HistoryBuilder). */
export function dailyHistory(movements: Iterable<LedgerMovement>, lastDate: string, opts: { byLocation?: boolean } = {}): DailyHistories | null {
  const builder = new HistoryBuilder(dayNumber(lastDate), opts.byLocation === true);
  for (const m of movements) builder.add(m);
  return builder.finish();
}

/** Monday (YYYY-MM-DD) of the ISO week that holds `day`. */
export function isoWeekStart(day: number): number {
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** ISO week label (e.g. 2026-W05) of a date. */
export function isoWeekLabel(date: string): string {
  const day = dayNumber(date);
  const thursday = isoWeekStart(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

function nextMonthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/** First day of the period after the one starting on `date`. */
export function nextPeriod(date: string, granularity: Granularity): string {
  const day = dayNumber(date);
  if (granularity === 'day') return dateOf(day + 1);
  if (granularity === 'week') return dateOf(isoWeekStart(day) + 7);
  return dateOf(nextMonthStart(day));
}

/** The `n` period starts after the period starting on `date`. */
export function periodsAfter(date: string, granularity: Granularity, n: number): string[] {
  const out: string[] = [];
  let d = date;
  for (let i = 0; i < n; i++) {
    d = nextPeriod(d, granularity);
    out.push(d);
  }
  return out;
}

/**
 * Folds a daily history into ISO weeks (Monday to Sunday) or calendar months. Only whole periods are kept: a
 * first week the SKU joined on a Thursday, or the current month, would read as a drop in demand. A period is a
 * stock-out period when any of its days was; `stockoutDays` says how many.
 */
export function aggregate(daily: SalesHistory, granularity: Granularity): SalesHistory {
  if (granularity === 'day') return daily;
  const n = daily.dates.length;
  const out: SalesHistory = { granularity, dates: [], sales: [], stockout: [], stockoutDays: [] };
  if (n === 0) return out;
  const first = dayNumber(daily.dates[0] as string);
  const last = first + n - 1;
  const startOf = granularity === 'week' ? isoWeekStart : monthStart;
  const endAfter = granularity === 'week' ? (d: number) => isoWeekStart(d) + 7 : nextMonthStart;
  let p = startOf(first);
  if (p < first) p = endAfter(first);
  while (p <= last) {
    const end = endAfter(p);
    if (end - 1 > last) break;
    let sales = 0;
    let outDays = 0;
    for (let d = p; d < end; d++) {
      sales += daily.sales[d - first] ?? 0;
      if (daily.stockout[d - first] === true) outDays++;
    }
    out.dates.push(dateOf(p));
    out.sales.push(sales);
    out.stockout.push(outDays > 0);
    out.stockoutDays.push(outDays);
    p = end;
  }
  return out;
}

/** Sums per-day counts (e.g. waitlist sign-ups by date) into the periods of `history`. */
export function countsPerPeriod(history: SalesHistory, perDay: ReadonlyMap<string, number>): number[] {
  const out = new Array<number>(history.dates.length).fill(0);
  if (history.dates.length === 0 || perDay.size === 0) return out;
  const starts = history.dates.map(dayNumber);
  const end = history.granularity === 'day' ? (starts[starts.length - 1] as number) + 1 : dayNumber(nextPeriod(history.dates[history.dates.length - 1] as string, history.granularity));
  for (const [date, count] of perDay) {
    const d = dayNumber(date);
    if (!(d >= (starts[0] as number) && d < end) || count <= 0) continue;
    // Last period whose start is ≤ d.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= d) lo = mid;
      else hi = mid - 1;
    }
    out[lo] = (out[lo] ?? 0) + count;
  }
  return out;
}
