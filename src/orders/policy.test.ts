/** Orders' pure decisions, tested directly: line split, line status changes, queue order, allocation, dates. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY, type Product, type StockPolicy } from '../catalog/model.ts';
import { DEFAULT_ALLOCATION_POLICY, type LineStatus, type WaitingLine } from './model.ts';
import { allocate, LINE_TRANSITIONS, promiseDates, queueOrder, splitLine, statusAfterAllocation, statusAtIntake, transition, type PromiseInputs } from './policy.ts';

const product = (policy: Partial<StockPolicy> = {}, status: Product['status'] = 'active'): Product => ({
  sku: 'S', title: 'S', description: '', category: '', brand: '', price: '1', currency: 'EUR', attributes: {}, status, policy: { ...DEFAULT_POLICY, ...policy }, createdAt: '', updatedAt: '',
});
let n = 0;
const wl = (waiting: number, o: Partial<WaitingLine> = {}): WaitingLine => ({ id: `l${++n}`, orderId: 'o', kind: 'backorder', waiting, tier: null, seq: n, allowPartial: true, promisedDate: null, promiseBasis: null, ...o });
const dates = (o: Partial<PromiseInputs>) => promiseDates({ queue: [], free: 0, inbound: [], today: '2026-01-15', leadTimeDays: null, releaseDate: null, ...o });

describe('splitLine', () => {
  const split = (o: Partial<Parameters<typeof splitLine>[0]>) => splitLine({ product: product({ allowBackorder: true }), quantity: 3, sellable: 0, reserved: 0, backordered: 0, preordered: 0, ...o });

  it('takes what a new sale may take from stock and backorders the rest', () => {
    assert.deepEqual(split({ sellable: 2 }), { ok: true, fromStock: 2, backordered: 1, preordered: 0 });
    // Stock owed to a waiting queue reaches splitLine as sellable 0 (inventory's sellableToNewDemand).
    assert.deepEqual(split({ sellable: 0 }), { ok: true, fromStock: 0, backordered: 3, preordered: 0 });
  });

  it('its own reservation counts first; caps and policy refuse with a code', () => {
    assert.deepEqual(split({ reserved: 2, sellable: 5 }), { ok: true, fromStock: 3, backordered: 0, preordered: 0 });
    assert.equal((split({ reserved: 4 }) as { code: string }).code, 'reservation_mismatch');
    assert.equal((splitLine({ product: product(), quantity: 3, sellable: 1, reserved: 0, backordered: 0, preordered: 0 }) as { code: string }).code, 'insufficient_stock');
    assert.equal((split({ product: product({ allowBackorder: true, backorderLimit: 4 }), backordered: 2 }) as { code: string }).code, 'backorder_limit');
    assert.equal((split({ product: product({}, 'discontinued') }) as { code: string }).code, 'discontinued');
  });

  it('an upcoming SKU takes pre-orders only, up to its cap', () => {
    const up = product({ allowPreorder: true, preorderLimit: 4 }, 'upcoming');
    assert.deepEqual(split({ product: up, sellable: 10 }), { ok: true, fromStock: 0, backordered: 0, preordered: 3 });
    assert.equal((split({ product: up, preordered: 2 }) as { code: string }).code, 'preorder_limit');
    assert.equal((split({ product: product({}, 'upcoming') }) as { code: string }).code, 'not_released');
  });
});

describe('line status changes', () => {
  it('start from how the line split', () => {
    assert.equal(statusAtIntake({ backordered: 0, preordered: 0 }), 'confirmed');
    assert.equal(statusAtIntake({ backordered: 2, preordered: 0 }), 'backordered');
    assert.equal(statusAtIntake({ backordered: 0, preordered: 1 }), 'preordered');
  });

  it('a waiting line is allocated when nothing is left to wait for, and keeps its status while partly served', () => {
    assert.deepEqual(statusAfterAllocation('backordered', 2), { ok: true, status: 'backordered' });
    assert.deepEqual(statusAfterAllocation('preordered', 0), { ok: true, status: 'allocated' });
    assert.equal(statusAfterAllocation('confirmed', 0).ok, false);
    assert.equal(statusAfterAllocation('cancelled', 0).ok, false);
  });

  it('any line may be cancelled once; nothing comes back from cancelled', () => {
    for (const s of ['confirmed', 'backordered', 'preordered', 'allocated'] as LineStatus[]) assert.deepEqual(transition(s, 'cancelled'), { ok: true, status: 'cancelled' });
    assert.deepEqual(LINE_TRANSITIONS.cancelled, []);
    assert.equal((transition('cancelled', 'cancelled') as { code: string }).code, 'line_cancelled');
    assert.equal((transition('allocated', 'backordered') as { code: string }).code, 'invalid_line_transition');
  });
});

describe('queue order and allocation', () => {
  it('fifo by arrival; priority by tier rank, then arrival; pre-orders first when asked', () => {
    const a = wl(1, { seq: 1 });
    const b = wl(1, { seq: 2, tier: 'vip' });
    const c = wl(1, { seq: 3, kind: 'preorder' });
    assert.deepEqual(queueOrder([c, b, a], DEFAULT_ALLOCATION_POLICY).map((l) => l.id), [a.id, b.id, c.id]);
    assert.deepEqual(queueOrder([c, b, a], { ...DEFAULT_ALLOCATION_POLICY, strategy: 'priority', tierRanks: { vip: 1 } }).map((l) => l.id), [b.id, a.id, c.id]);
    assert.deepEqual(queueOrder([a, b, c], { ...DEFAULT_ALLOCATION_POLICY, preordersFirst: true }).map((l) => l.id), [c.id, a.id, b.id]);
  });

  it('a full-shipment line blocks the queue behind it; a partial line takes what there is', () => {
    const head = wl(3, { allowPartial: false });
    const next = wl(1);
    assert.deepEqual(allocate([head, next], 2), []);
    assert.deepEqual(allocate([head, next], 4).map((x) => x.quantity), [3, 1]);
    assert.deepEqual(allocate([wl(3), next], 2).map((x) => x.quantity), [2]);
  });
});

describe('promiseDates', () => {
  it('the supply that brings the last unit of the line\'s place; stock on hand first; never before a line ahead', () => {
    const a = wl(2);
    const b = wl(2);
    const d = dates({ queue: [a, b], free: 1, inbound: [{ date: '2026-03-01', quantity: 5 }, { date: '2026-02-01', quantity: 1 }] });
    assert.deepEqual([d.lines.get(a.id), d.lines.get(b.id), d.next], ['2026-02-01', '2026-03-01', '2026-03-01']);
  });

  it('beyond known supply: today plus the lead time, else no date', () => {
    assert.equal(dates({ queue: [wl(1)], leadTimeDays: 10 }).next, '2026-01-25');
    assert.equal(dates({ queue: [wl(1)] }).next, null);
  });

  it('overdue inbound is promised for today, the best honest date', () => {
    const l = wl(1);
    assert.equal(dates({ queue: [l], inbound: [{ date: '2026-01-10', quantity: 1 }] }).lines.get(l.id), '2026-01-15');
  });

  it('a pre-order: not before release; the release date while it is ahead; no date once it passed with nothing to ship', () => {
    const early = wl(1, { kind: 'preorder' });
    assert.equal(dates({ queue: [early], releaseDate: '2026-01-20' }).lines.get(early.id), '2026-01-20');
    assert.equal(dates({ queue: [early], releaseDate: '2026-01-20', inbound: [{ date: '2026-01-16', quantity: 1 }] }).lines.get(early.id), '2026-01-20');
    assert.equal(dates({ queue: [early], releaseDate: '2026-01-10' }).lines.get(early.id), null);
    assert.equal(dates({ queue: [early], releaseDate: '2026-01-10', free: 1 }).lines.get(early.id), '2026-01-15');
    assert.equal(dates({ queue: [early], releaseDate: '2026-01-10', inbound: [{ date: '2026-02-01', quantity: 1 }] }).lines.get(early.id), '2026-02-01');
  });

  it('a lead-time promise stands as days pass instead of slipping a day each time it is recomputed', () => {
    const l = wl(1, { promisedDate: '2026-01-20', promiseBasis: 'lead_time' });
    assert.equal(dates({ queue: [l], leadTimeDays: 10 }).lines.get(l.id), '2026-01-20');
  });
});
