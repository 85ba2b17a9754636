import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daysLate, daysOfCover, selectStock } from './policy.ts';
import type { StockRow } from './model.ts';

const row = (sku: string, over: Partial<StockRow> = {}): StockRow => ({
  sku,
  title: sku,
  category: '',
  productStatus: 'active',
  status: 'in_stock',
  onHand: 0,
  reserved: 0,
  committed: 0,
  safetyStock: 0,
  free: 0,
  availableToSell: 0,
  backordered: 0,
  preordered: 0,
  inbound: 0,
  waiting: 0,
  waitingUnits: 0,
  lowStockThreshold: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('overview policy', () => {
  it('days of cover: units over the mean daily demand of the forecast, per its granularity', () => {
    assert.equal(daysOfCover(14, { granularity: 'week', mean: [7, 7, 7] }), 14);
    assert.equal(daysOfCover(10, { granularity: 'day', mean: [2, 3] }), 4);
    assert.equal(daysOfCover(3, { granularity: 'week', mean: [2] }), 10.5);
    assert.equal(daysOfCover(0, { granularity: 'week', mean: [7] }), 0);
    assert.equal(daysOfCover(5, { granularity: 'week', mean: [0, 0] }), null, 'no demand: no end in sight');
    assert.equal(daysOfCover(5, { granularity: 'week', mean: [] }), null);
    assert.equal(daysOfCover(5, { granularity: 'day', mean: [-1, 1] }), 10, 'a negative mean counts as none');
  });

  it('days late between calendar dates', () => {
    assert.equal(daysLate('2026-01-10', '2026-01-15'), 5);
    assert.equal(daysLate('2025-12-31', '2026-03-01'), 60);
  });

  it('untracked stock (availableToSell null) sorts last either way; ties by SKU', () => {
    const rows = [row('A', { availableToSell: null }), row('B', { availableToSell: 3 }), row('C', { availableToSell: 3 }), row('D', { availableToSell: 9 })];
    const q = { sort: 'availableToSell', limit: 10, offset: 0 } as const;
    assert.deepEqual(selectStock(rows, { ...q, order: 'asc' }).items.map((r) => r.sku), ['B', 'C', 'D', 'A']);
    assert.deepEqual(selectStock(rows, { ...q, order: 'desc' }).items.map((r) => r.sku), ['D', 'B', 'C', 'A']);
  });
});
