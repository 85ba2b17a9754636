import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ADI_CUTOFF, CV2_CUTOFF, classifyDemand } from './classify.ts';
import { ForecastInputError } from './model.ts';

/** n periods with demand in the first `sizes.length` of them, zeros after. */
const series = (n: number, sizes: number[]): number[] => [...sizes, ...new Array<number>(n - sizes.length).fill(0)];

describe('Syntetos–Boylan classification', () => {
  it('uses the published cut-offs', () => {
    assert.equal(ADI_CUTOFF, 1.32);
    assert.equal(CV2_CUTOFF, 0.49);
  });

  it('sorts the four patterns', () => {
    // Equal sizes (CV² 0) or sizes 1, 5, 1, 5 (mean 3, sample variance 16/3, CV² 16/27 ≈ 0.59).
    assert.equal(classifyDemand([5, 5, 5, 5, 5]).pattern, 'smooth');
    assert.equal(classifyDemand([1, 5, 1, 5]).pattern, 'erratic');
    assert.equal(classifyDemand([0, 5, 0, 5, 0, 5]).pattern, 'intermittent');
    assert.equal(classifyDemand([0, 1, 0, 5, 0, 1, 0, 5]).pattern, 'lumpy');
    assert.ok(Math.abs(classifyDemand([0, 1, 0, 5, 0, 1, 0, 5]).cv2 - 16 / 27) < 1e-12);
  });

  it('ADI exactly at 1.32 is smooth, just above is intermittent', () => {
    const at = classifyDemand(series(33, new Array<number>(25).fill(4)));
    assert.equal(at.adi, 33 / 25);
    assert.equal(at.pattern, 'smooth');
    const above = classifyDemand(series(4, [4, 4, 4]));
    assert.ok(above.adi > ADI_CUTOFF);
    assert.equal(above.pattern, 'intermittent');
  });

  it('CV² just below 0.49 is smooth, 0.5 is erratic', () => {
    // Sizes 1 and 2.9: CV² = 2·1.9² / 3.9² ≈ 0.475.
    const below = classifyDemand([1, 2.9]);
    assert.ok(Math.abs(below.cv2 - (2 * 1.9 ** 2) / 3.9 ** 2) < 1e-12);
    assert.equal(below.pattern, 'smooth');
    const above = classifyDemand([1, 3]);
    assert.equal(above.cv2, 0.5);
    assert.equal(above.pattern, 'erratic');
  });

  it('smooth goes to the ETS family, everything else to the intermittent family', () => {
    assert.equal(classifyDemand([5, 5, 5]).family, 'ets');
    assert.equal(classifyDemand([1, 5, 1, 5]).family, 'intermittent');
    assert.equal(classifyDemand([0, 5, 0, 5]).family, 'intermittent');
    assert.equal(classifyDemand([0, 1, 0, 5, 0, 1, 0, 5]).family, 'intermittent');
  });

  it('no demand at all is intermittent with an infinite ADI', () => {
    const c = classifyDemand([0, 0, 0]);
    assert.equal(c.adi, Infinity);
    assert.equal(c.pattern, 'intermittent');
  });

  it('stock-out periods count neither as demand nor as periods', () => {
    const y = [5, 0, 5, 0, 5, 0];
    assert.equal(classifyDemand(y).pattern, 'intermittent');
    const c = classifyDemand(y, [false, true, false, true, false, true]);
    assert.equal(c.pattern, 'smooth');
    assert.equal(c.observed, 3);
    assert.equal(c.adi, 1);
  });

  it('is invariant to scaling (a pattern does not depend on the unit)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (y, k) => {
        const a = classifyDemand(y);
        const b = classifyDemand(y.map((v) => v * k));
        assert.equal(a.adi, b.adi);
        assert.ok(Math.abs(a.cv2 - b.cv2) <= 1e-9 * Math.max(1, a.cv2));
      }),
    );
  });

  it('bad input → ForecastInputError', () => {
    assert.throws(() => classifyDemand([]), ForecastInputError);
    assert.throws(() => classifyDemand([1, -1]), ForecastInputError);
    assert.throws(() => classifyDemand([1, Number.NaN]), ForecastInputError);
  });
});
