import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { adida, croston, sba, ses, tsb, zeroForecast, type IntermittentOptions } from './intermittent.ts';
import { ForecastInputError, type Forecast, type ForecastOptions } from './model.ts';

type Method = (y: readonly number[], opts: ForecastOptions, o?: IntermittentOptions) => Forecast;
const METHODS: Record<string, Method> = { croston, sba, tsb, ses, adida };
const H = { horizon: 4, season: 1 };

const close = (actual: number, expected: number, tol = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

describe('known answers', () => {
  it('Croston and SBA, α = β = 0.1, worked by hand', () => {
    // Demands 3, 5, 2, 4 after intervals 2, 3, 2, 4. Start from the first (z = 3, p = 2), then
    // z: 3 → 3.2 → 3.08 → 3.172; p: 2 → 2.1 → 2.09 → 2.281.
    const y = [0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 4, 0];
    const c = croston(y, H);
    for (const v of c.mean) close(v, 3.172 / 2.281);
    assert.deepEqual(c.fitted.slice(0, 3), [0, 0, 1.5]);
    close(c.fitted[5] ?? Number.NaN, 3.2 / 2.1);
    const s = sba(y, H);
    for (const v of s.mean) close(v, (1 - 0.1 / 2) * (3.172 / 2.281));
    assert.equal(c.model, 'Croston');
    assert.equal(s.model, 'SBA');
  });

  it('Croston and SBA with α = β = 0.5', () => {
    // First demand 6 after 3 periods; then 2 after 2: z = 6 + 0.5(2 − 6) = 4, p = 3 + 0.5(2 − 3) = 2.5.
    const y = [0, 0, 6, 0, 2];
    close(croston(y, H, { alpha: 0.5, beta: 0.5 }).mean[0] ?? Number.NaN, 1.6);
    close(sba(y, H, { alpha: 0.5, beta: 0.5 }).mean[0] ?? Number.NaN, 1.6 * 0.75);
  });

  it('TSB with α = β = 0.5 from the mean initial states', () => {
    // z0 = mean size 3, p0 = share of periods with demand 0.5.
    // t0: f 1.5; demand 2 → p 0.75, z 2.5.  t1: f 1.875; none → p 0.375.
    // t2: f 0.9375; demand 4 → p 0.6875, z 3.25.  t3: f 2.234375; none → p 0.34375.  Forecast 0.34375 × 3.25.
    const f = tsb([2, 0, 4, 0], H, { alpha: 0.5, beta: 0.5 });
    const expected = [1.5, 1.875, 0.9375, 2.234375];
    f.fitted.forEach((v, i) => close(v, expected[i] ?? Number.NaN));
    close(f.mean[0] ?? Number.NaN, 0.34375 * 3.25);
    close(Number(f.params.probability), 0.34375);
  });

  it('ADIDA: buckets of 2, SES with α = 0.5 and the least-squares initial level', () => {
    // Buckets 2, 4, 6. One-step forecasts l0, 1 + l0/2, 2.5 + l0/4 → SSE is least at l0 = 8.75 / 2.625.
    // Final level 0.5 (2.5 + l0/4) + 3 = 14/3; per period half of it.
    const f = adida([0, 2, 0, 4, 0, 6], H, { level: 2, alpha: 0.5 });
    close(f.mean[0] ?? Number.NaN, 14 / 3 / 2);
    assert.equal(f.model, 'ADIDA(2)');
    assert.equal(f.params.level, 2);
  });

  it('no demand at all forecasts zero, with zero intervals', () => {
    for (const [name, m] of Object.entries(METHODS)) {
      const f = m([0, 0, 0, 0, 0], H);
      assert.deepEqual(f.mean, [0, 0, 0, 0], name);
      assert.deepEqual(f.hi95, [0, 0, 0, 0], name);
    }
    assert.deepEqual(zeroForecast([1, 2, 3], H).mean, [0, 0, 0, 0]);
  });

  it('optimised constants stay in bounds and fit at least as well as the defaults in-sample', () => {
    const y = [0, 0, 4, 0, 0, 3, 0, 5, 0, 0, 0, 2, 0, 6, 0, 0, 4, 0, 0, 0, 3];
    for (const m of [croston, sba, tsb]) {
      const opt = m(y, H, { optimise: true });
      const fixed = m(y, H);
      for (const k of ['alpha', 'beta'] as const) {
        const v = Number(opt.params[k]);
        assert.ok(v >= 0.01 && v <= 1, `${k} = ${v}`);
      }
      assert.equal(opt.params.optimised, true);
      const mse = (f: Forecast): number => y.slice(3).reduce((s, v, i) => s + (v - (f.fitted[i + 3] ?? 0)) ** 2, 0);
      assert.ok(mse(opt) <= mse(fixed) * 1.05, `${opt.model}: ${mse(opt)} vs ${mse(fixed)}`);
    }
  });
});

describe('properties', () => {
  const demand = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 50 })), { minLength: 2, maxLength: 60 });

  it('forecasts and intervals are finite, non-negative and ordered; intervals widen with the horizon', () => {
    fc.assert(
      fc.property(demand, fc.boolean(), fc.integer({ min: 1, max: 12 }), (y, optimise, horizon) => {
        for (const [name, m] of Object.entries(METHODS)) {
          const f = m(y, { horizon, season: 1 }, { optimise });
          assert.equal(f.mean.length, horizon);
          assert.equal(f.fitted.length, y.length);
          for (let h = 0; h < horizon; h++) {
            const [mean, lo95, lo80, hi80, hi95] = [f.mean[h], f.lo95[h], f.lo80[h], f.hi80[h], f.hi95[h]].map(Number) as [number, number, number, number, number];
            for (const v of [mean, lo95, lo80, hi80, hi95]) assert.ok(Number.isFinite(v) && v >= 0, `${name}: ${v}`);
            assert.ok(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95, `${name}: ${lo95} ${lo80} ${hi80} ${hi95}`);
            if (h > 0) assert.ok(hi95 - lo95 >= (f.hi95[h - 1] ?? 0) - (f.lo95[h - 1] ?? 0), `${name} narrows at ${h}`);
          }
          for (const v of f.fitted) assert.ok(Number.isFinite(v) && v >= 0);
          assert.ok(Number.isFinite(f.sigma2) && f.sigma2 >= 0);
          assert.equal(f.cumVariance?.length, horizon);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a constant series forecasts that constant (SBA: the constant times its 1 − β/2 correction)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1e4, noNaN: true }), fc.integer({ min: 3, max: 40 }), fc.boolean(), (c, n, optimise) => {
        const y = new Array<number>(n).fill(c);
        for (const m of [croston, tsb, ses, adida]) close(m(y, H, { optimise }).mean[0] ?? Number.NaN, c, 1e-6);
        close(sba(y, H).mean[0] ?? Number.NaN, c * 0.95, 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('scaling the data scales the forecast', () => {
    fc.assert(
      fc.property(demand, fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.boolean(), (y, k, optimise) => {
        for (const [name, m] of Object.entries(METHODS)) {
          const a = m(y, H, { optimise });
          const b = m(
            y.map((v) => v * k),
            H,
            { optimise },
          );
          // Fixed constants scale exactly; optimised ones agree to the optimiser's tolerance (TSB's two-parameter
          // search can stop a hair apart on rescaled data).
          const tol = optimise ? 1e-3 : 1e-6;
          a.mean.forEach((v, i) => assert.ok(Math.abs((b.mean[i] ?? 0) - v * k) <= tol * Math.max(1, v * k), `${name}: ${b.mean[i]} vs ${v * k}`));
        }
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('censored periods are skipped: the fit equals the fit on the history without them', () => {
    fc.assert(
      fc.property(
        demand,
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (y, flags) => {
          const censored = y.map((_, t) => flags[t] === true && t % 3 !== 0);
          const kept = y.filter((_, t) => !censored[t]);
          if (kept.length < 2) return;
          for (const m of [croston, sba, tsb, ses]) {
            const a = m(y, H, { censored, optimise: true });
            const b = m(kept, H, { optimise: true });
            close(a.mean[0] ?? Number.NaN, b.mean[0] ?? Number.NaN, 1e-6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('bad input', () => {
  const bad: [string, unknown[]][] = [
    ['empty', []],
    ['too short', [3]],
    ['negative', [1, -2, 3]],
    ['NaN', [1, Number.NaN, 3]],
    ['infinite', [1, Infinity, 3]],
  ];
  for (const [what, y] of bad) {
    it(`${what} → ForecastInputError`, () => {
      for (const [name, m] of Object.entries(METHODS)) {
        assert.throws(() => m(y as number[], H), ForecastInputError, name);
      }
    });
  }
  it('bad options → ForecastInputError', () => {
    const y = [0, 1, 0, 2];
    assert.throws(() => croston(y, { horizon: 0, season: 1 }), ForecastInputError);
    assert.throws(() => croston(y, { horizon: 1.5, season: 1 }), ForecastInputError);
    assert.throws(() => tsb(y, H, { alpha: 0 }), ForecastInputError);
    assert.throws(() => tsb(y, H, { beta: 1.5 }), ForecastInputError);
    assert.throws(() => adida(y, H, { level: 0 }), ForecastInputError);
    assert.throws(() => sba(y, H, { censored: [true] }), ForecastInputError);
    assert.throws(() => sba(y, H, { censored: [true, true, true, true] }), ForecastInputError);
  });
});
