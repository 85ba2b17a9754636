/** Supplier performance from PO history, tested directly. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computePerformance, quantile } from './performance.ts';
import type { PoLineHistory } from './sourcing-model.ts';

const row = (o: Partial<PoLineHistory> = {}): PoLineHistory => ({
  orderedAt: '2026-01-01T08:00:00.000Z',
  sentAt: '2026-01-01T09:00:00.000Z',
  acknowledgedAt: '2026-01-01T13:00:00.000Z',
  confirmedDate: '2026-01-11',
  quantity: 10,
  confirmedQuantity: 10,
  receivedQuantity: 10,
  receivedAt: '2026-01-11T09:00:00.000Z',
  status: 'received',
  ...o,
});

describe('computePerformance', () => {
  it('no history: zero lines and null figures, not made-up rates', () => {
    const p = computePerformance('sup_1', []);
    assert.deepEqual(p, { supplierId: 'sup_1', lines: 0, onTimeRate: null, fillRate: null, ackHours: { mean: null, p90: null }, leadTimeDays: { mean: null, sd: null, p90: null }, sample: 0 });
  });

  it('on-time: received in full by the confirmed date; late or short is not on time', () => {
    const p = computePerformance('s', [
      row(),
      row({ receivedAt: '2026-01-12T09:00:00.000Z' }),
      row({ receivedQuantity: 5, status: 'received' }),
      row({ receivedAt: '2026-01-10T23:59:00.000Z' }),
    ]);
    assert.equal(p.onTimeRate, 0.5);
  });

  it('fill rate: received ÷ ordered over finished lines; a rejected line counts as nothing received; over-receipt is capped', () => {
    const p = computePerformance('s', [
      row({ quantity: 10, receivedQuantity: 10 }),
      row({ quantity: 10, receivedQuantity: 0, receivedAt: null, status: 'rejected', confirmedQuantity: 0 }),
      row({ quantity: 20, receivedQuantity: 25 }),
      // still open, not due: not counted
      row({ quantity: 100, receivedQuantity: 0, receivedAt: null, status: 'confirmed', confirmedDate: '2026-02-01' }),
    ], '2026-01-20');
    assert.equal(p.fillRate, 30 / 40);
    assert.equal(p.lines, 4);
  });

  it('a confirmed line past its date and not received counts as late and short on asOf, not before', () => {
    const open = row({ receivedQuantity: 0, receivedAt: null, status: 'confirmed', confirmedDate: '2026-01-11' });
    assert.equal(computePerformance('s', [row(), open]).onTimeRate, 1);
    const p = computePerformance('s', [row(), open], '2026-01-15');
    assert.equal(p.onTimeRate, 0.5);
    assert.equal(p.fillRate, 0.5);
  });

  it('cancelled and unsent lines say nothing about the supplier', () => {
    const p = computePerformance('s', [row(), row({ status: 'cancelled', receivedQuantity: 0, receivedAt: null }), row({ sentAt: null, status: 'open', receivedAt: null, receivedQuantity: 0 })]);
    assert.equal(p.lines, 1);
    assert.equal(p.fillRate, 1);
  });

  it('acknowledgement hours and lead time: mean, sd, p90, sample', () => {
    const p = computePerformance('s', [
      row({ acknowledgedAt: '2026-01-01T11:00:00.000Z', receivedAt: '2026-01-09T09:00:00.000Z' }),
      row({ acknowledgedAt: '2026-01-01T13:00:00.000Z', receivedAt: '2026-01-11T09:00:00.000Z' }),
      row({ acknowledgedAt: '2026-01-02T09:00:00.000Z', receivedAt: '2026-01-13T09:00:00.000Z' }),
      row({ acknowledgedAt: null, receivedAt: null, receivedQuantity: 0, status: 'confirmed' }),
    ]);
    assert.equal(p.ackHours.mean, (2 + 4 + 24) / 3);
    assert.ok(Math.abs((p.ackHours.p90 ?? 0) - 20) < 1e-9);
    assert.equal(p.leadTimeDays.mean, 10);
    assert.equal(p.leadTimeDays.sd, 2);
    assert.ok(Math.abs((p.leadTimeDays.p90 ?? 0) - 11.6) < 1e-9);
    assert.equal(p.sample, 3);
  });

  it('quantile interpolates between order statistics', () => {
    assert.equal(quantile([], 0.9), null);
    assert.equal(quantile([7], 0.9), 7);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1);
  });

  it('properties: rates within [0, 1], p90 between min and max, sample ≤ lines', () => {
    const rowArb = fc.record({
      sentDay: fc.option(fc.integer({ min: 0, max: 30 })),
      ackH: fc.option(fc.integer({ min: 0, max: 200 })),
      confirmedDay: fc.option(fc.integer({ min: 0, max: 60 })),
      quantity: fc.integer({ min: 1, max: 100 }),
      received: fc.integer({ min: 0, max: 120 }),
      receivedDay: fc.option(fc.integer({ min: 30, max: 90 })),
      status: fc.constantFrom('open', 'confirmed', 'rejected', 'shipped', 'received', 'cancelled' as const),
    });
    const day = (d: number): string => new Date(Date.UTC(2026, 0, 1 + d)).toISOString();
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rs) => {
        const rows: PoLineHistory[] = rs.map((r) => ({
          orderedAt: day(0),
          sentAt: r.sentDay === null ? null : day(r.sentDay),
          acknowledgedAt: r.sentDay === null || r.ackH === null ? null : new Date(Date.parse(day(r.sentDay)) + r.ackH * 3_600_000).toISOString(),
          confirmedDate: r.confirmedDay === null ? null : day(r.confirmedDay).slice(0, 10),
          quantity: r.quantity,
          confirmedQuantity: null,
          receivedQuantity: r.receivedDay === null ? 0 : r.received,
          receivedAt: r.receivedDay === null ? null : day(r.receivedDay),
          status: r.status,
        }));
        const p = computePerformance('s', rows, '2026-02-15');
        for (const v of [p.onTimeRate, p.fillRate]) if (v !== null) assert.ok(v >= 0 && v <= 1);
        assert.ok(p.sample <= p.lines);
        const { mean, p90, sd } = p.leadTimeDays;
        if (p.sample > 0) assert.ok(mean !== null && p90 !== null && sd !== null && sd >= 0 && p90 >= 0);
        else assert.equal(mean, null);
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});
