import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { autocorrelations, classicalDecompose, isSeasonal, naive, naive2, seasonalNaive, Z95 } from './naive.ts';
import { ForecastInputError } from './model.ts';
import { leadTimeDemand } from './ets.ts';

describe('naive forecasts', () => {
  it('naive repeats the last value; random-walk intervals grow with sqrt(h)', () => {
    const f = naive([1, 3, 2, 4], { horizon: 3, season: 1 });
    assert.deepEqual(f.mean, [4, 4, 4]);
    const sigma2 = (4 + 1 + 4) / 3;
    assert.equal(f.sigma2, sigma2);
    for (let h = 1; h <= 3; h++) assert.ok(Math.abs((f.hi95[h - 1] as number) - 4 - Z95 * Math.sqrt(sigma2 * h)) < 1e-12);
    // The sum of a random walk's next three values: variance σ²(1 + 4 + 9).
    const ltd = leadTimeDemand(f, 3);
    assert.equal(ltd.mean, 12);
    assert.ok(Math.abs(ltd.sd - Math.sqrt(sigma2 * 14)) < 1e-12);
  });

  it('seasonal naive repeats the last season; each phase is its own random walk', () => {
    const y = [1, 2, 3, 4, 2, 3, 4, 5];
    const f = seasonalNaive(y, { horizon: 6, season: 4 });
    assert.deepEqual(f.mean, [2, 3, 4, 5, 2, 3]);
    const w = (h: number): number => (f.hi80[h] as number) - (f.lo80[h] as number);
    assert.ok(Math.abs(w(4) / w(0) - Math.sqrt(2)) < 1e-12);
    assert.equal(seasonalNaive([5, 6], { horizon: 2, season: 4 }).mean.join(), '6,6');
  });

  it('NAIVE2 re-seasonalises a naive forecast of the adjusted data', () => {
    const pattern = [0.8, 1.2, 1.0, 1.0];
    const y = Array.from({ length: 24 }, (_, t) => 100 * (pattern[t % 4] as number));
    assert.ok(isSeasonal(y, 4));
    const f = naive2(y, { horizon: 4, season: 4 });
    f.mean.forEach((v, i) => assert.ok(Math.abs(v - 100 * (pattern[i] as number)) < 1e-9));
  });

  it('classical decomposition and autocorrelations match hand values', () => {
    const y = [1, 3, 1, 3, 1, 3, 1, 3];
    const d = classicalDecompose(y, 2, 'additive');
    assert.deepEqual(Array.from(d.figure), [-1, 1]);
    const r = autocorrelations([1, 2, 3, 4], 1);
    assert.ok(Math.abs((r[0] as number) - 0.25) < 1e-12);
  });

  it('bad input is a ForecastInputError', () => {
    assert.throws(() => naive([], { horizon: 2, season: 1 }), (e: unknown) => e instanceof ForecastInputError && /empty/.test(e.message));
    assert.throws(() => naive([1, Number.NaN], { horizon: 2, season: 1 }), /non-finite value \(NaN\) at index 1/);
    assert.throws(() => naive([1, -1], { horizon: 2, season: 1 }), /negative value \(-1\) at index 1/);
    assert.throws(() => naive([1, 2], { horizon: 0, season: 1 }), /horizon must be a positive integer/);
    assert.throws(() => seasonalNaive([1, 2], { horizon: 1, season: 0 }), /season must be a positive integer/);
  });
});
