import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bias, mape, mase, pinball, rmsse, smape } from './metrics.ts';
import { ForecastInputError } from './model.ts';

describe('accuracy measures', () => {
  it('sMAPE and MAPE by hand', () => {
    assert.equal(smape([100, 200], [110, 180]), (200 * 10 / 210 + 200 * 20 / 380) / 2);
    assert.equal(smape([0, 0], [0, 0]), 0);
    assert.equal(mape([100, 0, 50], [90, 3, 60]), (10 + 20) / 2);
  });

  it('MASE scales by the in-sample seasonal naive error', () => {
    const insample = [1, 2, 3, 4, 3, 4, 5, 6];
    // lag 4 differences are all 2; lag 1: |1|,|1|,|1|,|1|,|1|,|1|,|1| → 1
    assert.equal(mase([7, 8], [6, 10], insample, 4), 1.5 / 2);
    assert.equal(mase([7, 8], [6, 10], insample, 1), 1.5 / 1);
    assert.equal(mase([1], [1], [5, 5, 5]), 0);
    assert.equal(mase([1], [2], [5, 5, 5]), Infinity);
  });

  it('RMSSE as in M5 (scale from the first non-zero value)', () => {
    const insample = [0, 0, 2, 4, 2];
    // from index 2: diffs 2, -2 → mean square 4
    assert.equal(rmsse([3, 5], [2, 2], insample), Math.sqrt((1 + 9) / 2 / 4));
    // including the leading zeros: diffs 0,2,2,-2 → mean square 3
    assert.equal(rmsse([3, 5], [2, 2], insample, { fromFirstNonZero: false }), Math.sqrt(5 / 3));
  });

  it('bias is forecast minus actual; pinball loss weighs under- and over-forecasts by tau', () => {
    assert.equal(bias([1, 2, 3], [2, 2, 5]), 1);
    assert.equal(pinball([10], [8], 0.9), 0.9 * 2);
    assert.ok(Math.abs(pinball([10], [12], 0.9) - 0.2) < 1e-12);
    assert.throws(() => pinball([1], [1], 1), ForecastInputError);
  });

  it('mismatched or empty inputs are a ForecastInputError', () => {
    assert.throws(() => smape([1, 2], [1]), /2 actual values but 1 forecasts/);
    assert.throws(() => mase([], [], [1, 2]), ForecastInputError);
  });
});
