import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnswerLine, LineHistoryRow, Offer, PoLine } from './model.ts';
import { applyAnswer, isTerminalLine, offerValidOn, orderableQuantity, outstanding, percentile, performanceOf, poStatusOf, rankOffers } from './policy.ts';

const offer = (o: Partial<Offer>): Offer => ({ id: 'o', supplierId: 's', sku: 'X', supplierSku: null, unitCost: 1, minQuantity: 1, multiple: 1, leadTimeDays: null, priority: 100, validFrom: null, validTo: null, active: true, createdAt: '2026-01-01T00:00:00.000Z', ...o });
const line = (l: Partial<PoLine>): PoLine => ({
  id: 'l1', poId: 'p', sku: 'X', location: 'W', quantity: 10, unitCost: 1, confirmedQuantity: null, status: 'open', expectedDate: '2026-01-25', confirmedDate: null,
  shippedQuantity: 0, receivedQuantity: 0, rejectReason: null, resourcedQuantity: 0, unsourcedQuantity: 0, lateAt: null, resourcedFrom: null, answeredAt: null, receivedAt: null, inboundId: 'i', ...l,
});

describe('supply policy', () => {
  it('an offer is valid inside its window only, and never when inactive', () => {
    const o = offer({ validFrom: '2026-01-10', validTo: '2026-01-20' });
    assert.deepEqual(['2026-01-09', '2026-01-10', '2026-01-20', '2026-01-21'].map((d) => offerValidOn(o, d)), [false, true, true, false]);
    assert.equal(offerValidOn(offer({ active: false }), '2026-01-15'), false);
    const ranked = rankOffers([offer({ id: 'a', priority: 2, unitCost: 1 }), offer({ id: 'b', priority: 1, unitCost: 5 }), offer({ id: 'c', priority: 1, unitCost: 3 }), offer({ id: 'd', priority: 0, validTo: '2025-12-31' })], '2026-01-15');
    assert.deepEqual(ranked.map((x) => x.id), ['c', 'b', 'a']);
  });

  it('orderable quantities respect minimums and multiples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 100 }), (wanted, min, multiple) => {
        const q = orderableQuantity(wanted, { minQuantity: min, multiple });
        assert.ok(q >= wanted && q >= min);
        assert.equal(q % multiple, 0);
        assert.ok(q - multiple < Math.max(wanted, min), 'no more than one pack too many');
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('answers never confirm more than ordered or date into the past; the same answer again changes nothing', () => {
    const answer = fc.record({
      status: fc.constantFrom('confirmed' as const, 'rejected' as const),
      quantity: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
      date: fc.option(fc.constantFrom('2026-01-10', '2026-01-15', '2026-02-01'), { nil: undefined }),
      reason: fc.option(fc.constant('no'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 10 }), (answers, received) => {
        let l = line({ receivedQuantity: received });
        for (const a of answers) {
          const r = applyAnswer(l, { lineId: l.id, ...a } as AnswerLine, '2026-01-15', 0);
          if (!r.ok || r.value === null) continue;
          const next: PoLine = { ...l, ...r.value };
          if (next.status === 'confirmed') {
            assert.ok((next.confirmedQuantity as number) <= l.quantity && (next.confirmedQuantity as number) >= Math.max(1, received));
            assert.ok(next.confirmedDate === null || next.confirmedDate >= '2026-01-15');
          } else assert.equal(received, 0, 'a line with receipts is never rejected');
          assert.ok(!(l.status === 'rejected' && next.status === 'confirmed'), 'a rejected line stays rejected');
          const again = applyAnswer(next, { lineId: l.id, ...a } as AnswerLine, '2026-01-15', 0);
          assert.deepEqual(again, { ok: true, value: null }, 'the same answer twice is a no-op');
          l = next;
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the order status follows its lines; outstanding units are zero on ended lines', () => {
    const statuses = fc.constantFrom(...(['open', 'confirmed', 'rejected', 'shipped', 'received', 'cancelled'] as const));
    fc.assert(
      fc.property(fc.array(fc.record({ status: statuses, receivedQuantity: fc.integer({ min: 0, max: 3 }), shippedQuantity: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }), (lines) => {
        assert.equal(poStatusOf('draft', lines), 'draft');
        assert.equal(poStatusOf('cancelled', lines), 'cancelled');
        const s = poStatusOf('sent', lines);
        assert.equal(s === 'closed', lines.every((l) => isTerminalLine(l.status)));
        for (const l of lines) if (isTerminalLine(l.status)) assert.equal(outstanding({ ...l, quantity: 5, confirmedQuantity: null }), 0);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('performance: on time against the confirmed date, fill rate over ended lines, lead-time spread', () => {
    const row = (r: Partial<LineHistoryRow>): LineHistoryRow => ({ lineId: 'l', poId: 'p', sku: 'X', status: 'received', quantity: 10, confirmedQuantity: 10, receivedQuantity: 10, expectedDate: '2026-01-20', confirmedDate: null, sentAt: '2026-01-10T00:00:00.000Z', answeredAt: '2026-01-10T06:00:00.000Z', receivedAt: '2026-01-20T00:00:00.000Z', ...r });
    const p = performanceOf('s', [
      row({}),
      row({ receivedAt: '2026-01-22T00:00:00.000Z', receivedQuantity: 8 }),
      row({ confirmedDate: '2026-01-25', receivedAt: '2026-01-24T00:00:00.000Z', answeredAt: '2026-01-11T00:00:00.000Z' }),
      row({ status: 'rejected', receivedQuantity: 0, receivedAt: null }),
      row({ status: 'open', sentAt: null, answeredAt: null, receivedAt: null, receivedQuantity: 0 }),
    ]);
    assert.deepEqual([p.lines, p.onTimeRate, p.fillRate, p.sample.received], [4, 0.6667, 0.7, 3]);
    assert.deepEqual(p.ackHours, { mean: 10.5, p90: 24 });
    assert.deepEqual(p.leadTimeDays, { mean: 12, sd: 2, p90: 14 });
    assert.equal(percentile([], 90), null);
    assert.deepEqual(performanceOf('s', []).onTimeRate, null);
  });
});
