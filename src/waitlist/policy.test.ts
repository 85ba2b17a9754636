/** The waitlist's pure decisions: batch gating (interval, upcoming SKUs, holds), who is told next, demand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Subscription } from './model.ts';
import { MAX_BATCH_READ, batchGate, isStockRise, median, nextBatch, nextBatchAfter, summarise, type BatchGateInput } from './policy.ts';

const NOW = '2026-05-04T10:00:00.000Z';
const gate = (over: Partial<BatchGateInput> = {}) => batchGate({ immediate: false, holds: false, nextBatchAt: null, now: NOW, upcoming: false, free: 10, k: 1, ...over });

function sub(seq: number, quantity = 1, over: Partial<Subscription> = {}): Subscription {
  return {
    id: `wl_${seq}`,
    sku: 'SKU-1',
    email: `c${seq}@example.com`,
    phone: null,
    quantity,
    locale: 'en',
    status: 'waiting',
    seq,
    holdReservationId: null,
    holdExpiresAt: null,
    createdAt: '2026-05-01T00:00:00.000Z',
    confirmedAt: '2026-05-01T00:00:00.000Z',
    notifiedAt: null,
    convertedAt: null,
    confirmSentAt: null,
    ...over,
  };
}

describe('batchGate', () => {
  it('waits out the interval after a batch without holds', () => {
    assert.deepEqual(gate({ nextBatchAt: '2026-05-04T10:30:00.000Z' }), { due: false, reason: 'interval' });
  });

  it('is due once the interval has passed, or when there is no interval running', () => {
    assert.deepEqual(gate({ nextBatchAt: '2026-05-04T09:59:59.999Z' }), { due: true, sellable: 10, fetch: 11 });
    assert.deepEqual(gate({ nextBatchAt: NOW }), { due: true, sellable: 10, fetch: 11 });
    assert.deepEqual(gate({ nextBatchAt: null }), { due: true, sellable: 10, fetch: 11 });
  });

  it('tells a contact who joins while stock is there at once, interval or not', () => {
    assert.equal(gate({ immediate: true, nextBatchAt: '2026-05-04T10:30:00.000Z' }).due, true);
  });

  it('with holds, stock itself gates: the interval does not apply', () => {
    assert.deepEqual(gate({ holds: true, nextBatchAt: '2026-05-04T10:30:00.000Z', free: 4 }), { due: true, sellable: 4, fetch: 5 });
  });

  it('tells no one about an upcoming SKU, whatever its stock', () => {
    assert.deepEqual(gate({ upcoming: true, free: 50 }), { due: true, sellable: 0, fetch: 0 });
    assert.deepEqual(gate({ upcoming: true, holds: true, free: 50 }), { due: true, sellable: 0, fetch: 0 });
  });

  it('reads k × available (at least one) plus the next in line, bounded', () => {
    assert.deepEqual(gate({ k: 2.5, free: 4 }), { due: true, sellable: 4, fetch: 11 });
    assert.deepEqual(gate({ k: 0.1, free: 3 }), { due: true, sellable: 3, fetch: 2 });
    assert.deepEqual(gate({ k: 1000, free: 1_000_000 }), { due: true, sellable: 1_000_000, fetch: MAX_BATCH_READ });
    assert.deepEqual(gate({ free: 0 }), { due: true, sellable: 0, fetch: 0 });
    assert.deepEqual(gate({ free: -3 }), { due: true, sellable: 0, fetch: 0 });
  });

  it('reads enough contacts for nextBatch to decide (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(0.5, 1, 2, 3.5),
        fc.boolean(),
        (quantities, free, k, holds) => {
          const all = quantities.map((q, i) => sub(i + 1, q));
          const g = batchGate({ immediate: false, holds, nextBatchAt: null, now: NOW, upcoming: false, free, k });
          assert.ok(g.due);
          // Deciding on the first `fetch` contacts gives the same batch as deciding on all of them.
          assert.deepEqual(nextBatch(all.slice(0, g.fetch), g.sellable, k, holds), nextBatch(all, g.sellable, k, holds));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nextBatchAfter', () => {
  const now = new Date(NOW);
  it('starts the interval after a batch without holds', () => {
    assert.equal(nextBatchAfter(now, 3, false, 30), '2026-05-04T10:30:00.000Z');
  });
  it('leaves the next batch free when nobody was told or holds gate it', () => {
    assert.equal(nextBatchAfter(now, 0, false, 30), null);
    assert.equal(nextBatchAfter(now, 3, true, 30), null);
  });
});

describe('isStockRise', () => {
  it('is a rise only when more units are available to sell than before', () => {
    assert.equal(isStockRise({ availableToSell: 0 }, { availableToSell: 3 }), true);
    assert.equal(isStockRise(null, { availableToSell: 1 }), true);
    assert.equal(isStockRise({ availableToSell: 3 }, { availableToSell: 3 }), false);
    assert.equal(isStockRise({ availableToSell: 5 }, { availableToSell: 2 }), false);
    // Untracked stock (null) counts as none either side.
    assert.equal(isStockRise({ availableToSell: 0 }, { availableToSell: null }), false);
    assert.equal(isStockRise({ availableToSell: null }, { availableToSell: 2 }), true);
  });
});

describe('nextBatch', () => {
  it('without holds: contacts for k × available units in sign-up order, at least one', () => {
    const waiting = [sub(3, 2), sub(1, 1), sub(2, 1), sub(4, 1)];
    assert.deepEqual(nextBatch(waiting, 2, 1, false).map((s) => s.seq), [1, 2]);
    assert.deepEqual(nextBatch(waiting, 1, 0.1, false).map((s) => s.seq), [1]);
    assert.deepEqual(nextBatch(waiting, 0, 1, false), []);
  });

  it('with holds: as many as stock can hold, stopping at the first who does not fit', () => {
    const waiting = [sub(1, 2), sub(2, 3), sub(3, 1)];
    assert.deepEqual(nextBatch(waiting, 4, 1, true).map((s) => s.seq), [1]);
    assert.deepEqual(nextBatch(waiting, 6, 1, true).map((s) => s.seq), [1, 2, 3]);
  });

  it('never jumps the queue and never holds more than is there (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (quantities, free) => {
        const all = quantities.map((q, i) => sub(i + 1, q));
        const b = nextBatch(all, free, 1, true);
        assert.deepEqual(b.map((s) => s.seq), all.slice(0, b.length).map((s) => s.seq));
        assert.ok(b.reduce((n, s) => n + s.quantity, 0) <= free);
      }),
      { numRuns: 300 },
    );
  });
});

describe('summarise', () => {
  it('counts the list, units wanted, conversions and the median wait', () => {
    const subs = [
      sub(1, 2),
      sub(2, 1, { status: 'notified', notifiedAt: '2026-05-01T10:00:00.000Z', convertedAt: '2026-05-01T12:00:00.000Z' }),
      sub(3, 1, { status: 'notified', notifiedAt: '2026-05-01T20:00:00.000Z' }),
      sub(4, 1, { status: 'unsubscribed' }),
      sub(5, 1, { status: 'pending', confirmedAt: null }),
    ];
    const s = summarise('SKU-1', subs, '2026-05-04', 7);
    assert.deepEqual({ active: s.active, pending: s.pending, unitsWanted: s.unitsWanted, notified: s.notified, converted: s.converted, conversionRate: s.conversionRate, medianWaitHours: s.medianWaitHours, unsubscribed: s.unsubscribed }, { active: 1, pending: 1, unitsWanted: 2, notified: 2, converted: 1, conversionRate: 0.5, medianWaitHours: 15, unsubscribed: 1 });
    assert.equal(s.signupsPerDay.length, 7);
    assert.equal(s.signupsPerDay.find((d) => d.date === '2026-05-01')?.count, 5);
    assert.equal(median([]), null);
  });
});
