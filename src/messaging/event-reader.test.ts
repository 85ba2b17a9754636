/** The gap-free prefix rule and the coalescing runner, on their own. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredEvent } from '../core/events.ts';
import { gapFreePrefix } from './event-reader.ts';
import { CoalescingRunner } from './runner.ts';

const ev = (id: number) => ({ id, type: 'message.failed', sku: null, payload: { id: `msg_${id}`, type: 'back_in_stock', to: 'a@example.com', sku: null, attempts: 8, error: 'x' }, createdAt: '2026-05-04T10:00:00.000Z' }) as StoredEvent;

describe('gapFreePrefix', () => {
  it('passes a run without gaps whole', () => {
    const r = gapFreePrefix([ev(5), ev(6), ev(7)], 4, null, 1000, 5000);
    assert.deepEqual(r.events.map((e) => e.id), [5, 6, 7]);
    assert.deepEqual({ cursor: r.cursor, gapSince: r.gapSince, waitingOnGap: r.waitingOnGap }, { cursor: 7, gapSince: null, waitingOnGap: false });
  });

  it('stops at a gap and remembers when it was first seen', () => {
    const r = gapFreePrefix([ev(5), ev(7), ev(8)], 4, null, 1000, 5000);
    assert.deepEqual(r.events.map((e) => e.id), [5]);
    assert.deepEqual({ cursor: r.cursor, gapSince: r.gapSince, waitingOnGap: r.waitingOnGap }, { cursor: 5, gapSince: 1000, waitingOnGap: true });
    // Still open a moment later: still waiting, since the first sighting.
    const again = gapFreePrefix([ev(7), ev(8)], 5, r.gapSince, 5999, 5000);
    assert.deepEqual({ n: again.events.length, gapSince: again.gapSince, waitingOnGap: again.waitingOnGap }, { n: 0, gapSince: 1000, waitingOnGap: true });
  });

  it('skips a gap once it is older than the timeout (the transaction rolled back)', () => {
    const r = gapFreePrefix([ev(7), ev(8)], 5, 1000, 6000, 5000);
    assert.deepEqual(r.events.map((e) => e.id), [7, 8]);
    assert.deepEqual({ cursor: r.cursor, gapSince: r.gapSince, waitingOnGap: r.waitingOnGap }, { cursor: 8, gapSince: null, waitingOnGap: false });
  });

  it('times each gap on its own: a second gap starts a new wait', () => {
    const r = gapFreePrefix([ev(7), ev(9)], 5, 1000, 6000, 5000);
    assert.deepEqual(r.events.map((e) => e.id), [7]);
    assert.deepEqual({ gapSince: r.gapSince, waitingOnGap: r.waitingOnGap }, { gapSince: 6000, waitingOnGap: true });
  });
});

describe('CoalescingRunner', () => {
  it('folds wake-ups during a run into one more run, and reports errors without stopping', async () => {
    const gates: Array<() => void> = [];
    let runs = 0;
    const errors: unknown[] = [];
    const runner = new CoalescingRunner(
      async () => {
        runs++;
        await new Promise<void>((r) => gates.push(r));
        if (runs === 2) throw new Error('second run fails');
      },
      { onError: (err) => errors.push(err), pollMs: 3_600_000 },
    );
    runner.wake();
    for (let i = 0; i < 5; i++) runner.wake();
    assert.equal(runs, 1);
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
    assert.equal(runs, 2, 'five wake-ups while running: one more run');
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
    assert.equal(errors.length, 1);
    assert.equal(runner.busy, false);
    runner.wake();
    assert.equal(runs, 3, 'a failed run does not stop the runner');
    gates.shift()?.();
    await runner.stop();
    runner.wake();
    assert.equal(runs, 3, 'stopped: no more runs');
  });
});
