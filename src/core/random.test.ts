import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SEED, seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('is mulberry32: these values are pinned, because benchmarks and fixtures are reproduced from the seed', () => {
    const r = seededRandom(1);
    assert.deepEqual([r(), r(), r()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    assert.equal(seededRandom()(), seededRandom(DEFAULT_SEED)());
    assert.equal(seededRandom()(), 0.7100320369936526);
  });

  it('gives the same sequence for the same seed, another for another, and treats the seed as 32 bits', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const d = seededRandom(42 + 2 ** 32);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(Array.from({ length: 100 }, () => b()), xs);
    assert.deepEqual(Array.from({ length: 100 }, () => d()), xs);
    assert.notDeepEqual(Array.from({ length: 100 }, () => c()), xs);
  });

  it('draws in [0, 1) with a flat histogram', () => {
    const r = seededRandom(7);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r();
      assert.ok(u >= 0 && u < 1, String(u));
      bins[Math.floor(u * 10)] = (bins[Math.floor(u * 10)] ?? 0) + 1;
    }
    // Chi-square with 9 degrees of freedom: above 27.9 has probability 0.001 for a uniform source.
    const chi2 = bins.reduce((s, k) => s + (k - n / 10) ** 2 / (n / 10), 0);
    assert.ok(chi2 < 27.9, `chi-square ${chi2.toFixed(1)}`);
  });
});
