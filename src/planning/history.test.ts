/** Sales history from ledger movements: sales, cancellations, stock-out days, weeks and months. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, countsPerPeriod, dailyHistory, isoWeekLabel, isoWeekStart, dayNumber, dateOf, nextPeriod, periodsAfter, type LedgerMovement, type SalesHistory } from './history.ts';

let nextId = 1;
function mv(at: string, type: string, d: { onHand?: number; reserved?: number; committed?: number }, location = 'WH1', reference: string | null = null): LedgerMovement {
  return { id: nextId++, location, type, onHandDelta: d.onHand ?? 0, reservedDelta: d.reserved ?? 0, committedDelta: d.committed ?? 0, reference, createdAt: at };
}
const receipt = (at: string, q: number, location = 'WH1') => mv(`${at}T07:00:00.000Z`, 'receipt', { onHand: q }, location);
const sale = (at: string, q: number, ref: string | null = null, location = 'WH1') => mv(`${at}T12:00:00.000Z`, 'commit', { committed: q }, location, ref);
const ship = (at: string, q: number, location = 'WH1') => mv(`${at}T17:00:00.000Z`, 'shipment', { onHand: -q, committed: -q }, location);

describe('dailyHistory', () => {
  it('counts commits as sales by UTC day, takes a cancellation off its commit day, and flags stock-out days', () => {
    const h = dailyHistory(
      [
        receipt('2026-03-02', 5),
        sale('2026-03-02', 2, 'line-a'),
        sale('2026-03-03', 3, 'line-b'), // free stock 0: the day closes out of stock
        // 03-04: no movement, still out
        receipt('2026-03-05', 4), // opened out of stock
        mv('2026-03-06T09:00:00.000Z', 'release', { committed: -2 }, 'WH1', 'line-a'), // line-a cancelled
        sale('2026-03-06', 1, 'line-c'),
        ship('2026-03-06', 3),
        mv('2026-03-07T23:59:59.999Z', 'reservation', { reserved: 5 }), // a cart takes all free stock
        mv('2026-03-08T00:00:01.000Z', 'release', { reserved: -5 }), // and lets go: not a cancelled sale
        sale('2026-03-09', 4), // after the last day: ignored
      ],
      '2026-03-08',
    );
    assert.ok(h);
    assert.deepEqual(h.total.dates, ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    assert.deepEqual(h.total.sales, [0, 3, 0, 0, 1, 0, 0]);
    assert.deepEqual(h.total.stockout, [false, true, true, true, false, true, true]);
  });

  it('a cancellation with no commit to match comes off its own day, never below zero', () => {
    const h = dailyHistory([receipt('2026-03-02', 5), sale('2026-03-02', 1), mv('2026-03-03T10:00:00.000Z', 'release', { committed: -1 }, 'WH1', 'unknown')], '2026-03-03');
    assert.deepEqual(h?.total.sales, [1, 0]);
  });

  it('the SKU is out only when every location is; a location is out before its first stock', () => {
    const h = dailyHistory(
      [receipt('2026-03-02', 1, 'A'), sale('2026-03-02', 1, null, 'A'), receipt('2026-03-03', 2, 'B'), sale('2026-03-04', 1, null, 'B')],
      '2026-03-04',
      { byLocation: true },
    );
    assert.ok(h);
    assert.deepEqual(h.total.stockout, [true, true, false]);
    assert.deepEqual(h.byLocation.get('A')?.stockout, [true, true, true]);
    assert.deepEqual(h.byLocation.get('B')?.stockout, [true, true, false]);
    assert.deepEqual(h.byLocation.get('B')?.sales, [0, 0, 1]);
    assert.deepEqual(h.byLocation.get('A')?.sales, [1, 0, 0]);
  });

  it('returns null without movements', () => {
    assert.equal(dailyHistory([], '2026-03-04'), null);
  });
});

describe('weeks and months', () => {
  const daily = (first: string, sales: number[], out: number[] = []): SalesHistory => ({
    granularity: 'day',
    dates: sales.map((_, i) => dateOf(dayNumber(first) + i)),
    sales,
    stockout: sales.map((_, i) => out.includes(i)),
    stockoutDays: sales.map((_, i) => (out.includes(i) ? 1 : 0)),
  });

  it('ISO weeks start on Monday; 2026-01-01 is in 2026-W01, 2027-01-01 in 2026-W53', () => {
    assert.equal(dateOf(isoWeekStart(dayNumber('2026-03-08'))), '2026-03-02');
    assert.equal(dateOf(isoWeekStart(dayNumber('2026-03-02'))), '2026-03-02');
    assert.equal(isoWeekLabel('2026-01-01'), '2026-W01');
    assert.equal(isoWeekLabel('2027-01-01'), '2026-W53');
    assert.equal(isoWeekLabel('2024-12-30'), '2025-W01');
  });

  it('keeps whole weeks only and flags a week with any stock-out day', () => {
    // Wednesday 2026-03-04 to Tuesday 2026-03-24: whole weeks 03-09 and 03-16.
    const d = daily('2026-03-04', Array.from({ length: 21 }, (_, i) => i), [12]);
    const w = aggregate(d, 'week');
    assert.deepEqual(w.dates, ['2026-03-09', '2026-03-16']);
    assert.deepEqual(w.sales, [5 + 6 + 7 + 8 + 9 + 10 + 11, 12 + 13 + 14 + 15 + 16 + 17 + 18]);
    assert.deepEqual(w.stockout, [false, true]);
    assert.deepEqual(w.stockoutDays, [0, 1]);
  });

  it('keeps whole calendar months only', () => {
    const d = daily('2026-01-15', Array.from({ length: 60 }, () => 1)); // to 2026-03-15
    const m = aggregate(d, 'month');
    assert.deepEqual(m.dates, ['2026-02-01']);
    assert.deepEqual(m.sales, [28]);
  });

  it('counts per-day sign-ups into periods and names the periods after a date', () => {
    const w = aggregate(daily('2026-03-02', Array.from({ length: 14 }, () => 1)), 'week');
    assert.deepEqual(countsPerPeriod(w, new Map([['2026-03-03', 2], ['2026-03-15', 1], ['2026-03-16', 9], ['2026-03-01', 9]])), [2, 1]);
    assert.deepEqual(periodsAfter('2026-03-09', 'week', 2), ['2026-03-16', '2026-03-23']);
    assert.equal(nextPeriod('2026-01-31', 'month'), '2026-02-01');
    assert.equal(nextPeriod('2026-12-01', 'month'), '2027-01-01');
  });
});
