/** The feed line rules on their own: exactly one of onHand/delta, and the bounds every caller shares. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_FEED_DELTA, MAX_FEED_KEY_LENGTH, MAX_ON_HAND, feedLineProblem, toFeedLine } from './feed-policy.ts';

const base = { sku: 'SKU-1', location: 'WH1', idempotencyKey: 'k-1' };

describe('feed line policy', () => {
  it('a count or a delta makes a typed line', () => {
    assert.deepEqual(toFeedLine({ ...base, onHand: 0 }), { line: { ...base, onHand: 0 } });
    assert.deepEqual(toFeedLine({ ...base, delta: -3, reason: 'damage' }), { line: { ...base, delta: -3, reason: 'damage' } });
    assert.equal(feedLineProblem({ ...base, onHand: MAX_ON_HAND }), null);
    assert.equal(feedLineProblem({ ...base, delta: -MAX_FEED_DELTA }), null);
  });

  it('both or neither is refused, in the caller\'s own field names', () => {
    assert.match(feedLineProblem({ ...base, onHand: 1, delta: 1 }) ?? '', /^both onHand and delta are given/);
    assert.match(feedLineProblem({ ...base }) ?? '', /^neither onHand nor delta/);
    assert.equal(feedLineProblem({ ...base }, { onHand: 'on_hand', delta: 'delta' }), 'neither on_hand nor delta is given');
  });

  it('quantities, keys and reasons out of bounds are refused', () => {
    for (const l of [
      { ...base, onHand: MAX_ON_HAND + 1 },
      { ...base, onHand: -1 },
      { ...base, onHand: 1.5 },
      { ...base, delta: MAX_FEED_DELTA + 1 },
      { ...base, delta: Number.NaN },
      { ...base, onHand: 1, idempotencyKey: '' },
      { ...base, onHand: 1, idempotencyKey: 'k'.repeat(MAX_FEED_KEY_LENGTH + 1) },
      { ...base, onHand: 1, reason: 'r'.repeat(201) },
    ]) {
      assert.notEqual(feedLineProblem(l), null, JSON.stringify(l).slice(0, 100));
      assert.ok('problem' in toFeedLine(l));
    }
  });

  it('a line is accepted exactly when one whole quantity within its bounds is given', () => {
    const qty = fc.option(fc.oneof(fc.integer({ min: -2 * MAX_ON_HAND, max: 2 * MAX_ON_HAND }), fc.double()), { nil: undefined });
    fc.assert(
      fc.property(qty, qty, (onHand, delta) => {
        const valid =
          (onHand === undefined) !== (delta === undefined) &&
          (onHand === undefined || (Number.isInteger(onHand) && onHand >= 0 && onHand <= MAX_ON_HAND)) &&
          (delta === undefined || (Number.isInteger(delta) && Math.abs(delta) <= MAX_FEED_DELTA));
        return (feedLineProblem({ ...base, onHand, delta }) === null) === valid;
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});
