import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import {
  demandDistribution,
  gammaP,
  inverseGammaP,
  leadTimeDistribution,
  lnGamma,
  normalQuantile,
  pinball,
  scoreLeadTime,
} from './leadtime.ts';
import { seededRandom } from '../../core/random.ts';
import { sba, ses, tsb } from './intermittent.ts';
import { leadTimeDemandAuto } from './select.ts';
import { readLongCsv } from './data.ts';
import { ForecastInputError } from './model.ts';

const DATA = process.env.RESTOCK_DATA_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data');
const CI = process.env.CI === 'true' || process.env.CI === '1';
/** Skips visibly when the shared data is missing; under CI missing data is a failure instead. */
const needs = (path: string): { skip: string | false } => ({
  skip: existsSync(path) || CI ? false : `SKIPPED: ${path} is missing (the data-based check needs ../shared/data)`,
});

const close = (a: number, b: number, tol: number): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

describe('special functions', () => {
  it('lnGamma and the normal quantile at known points', () => {
    close(lnGamma(1), 0, 1e-12);
    close(lnGamma(5), Math.log(24), 1e-12);
    close(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-12);
    close(normalQuantile(0.975), 1.959963984540054, 1e-8);
    close(normalQuantile(0.5), 0, 1e-12);
    close(normalQuantile(0.1), -1.2815515655446004, 1e-8);
  });

  it('the inverse incomplete gamma inverts the incomplete gamma', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 200, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a, p) => {
        const x = inverseGammaP(p, a);
        close(gammaP(a, x), p, 1e-6);
      }),
    );
    close(gammaP(1, 2), 1 - Math.exp(-2), 1e-12);
  });
});

describe('demand distributions', () => {
  it('negative binomial quantiles match the cumulative distribution summed by hand', () => {
    // Mean 2, variance 6: r = 1, p = 1/3 — geometric: P(k) = (1/3)(2/3)^k, P(D ≤ k) = 1 − (2/3)^(k+1).
    const d = demandDistribution(2, 6, true);
    assert.equal(d.shape, 'negative-binomial');
    for (const q of [0.1, 0.5, 0.9, 0.95, 0.99]) {
      let k = 0;
      while (1 - (2 / 3) ** (k + 1) < q) k++;
      assert.equal(d.quantile(q), k, `q = ${q}`);
    }
  });

  it('gamma for continuous quantities, rounded normal when counts are under-dispersed, a point when certain', () => {
    const g = demandDistribution(10, 20, false);
    assert.equal(g.shape, 'gamma');
    close(gammaP(5, g.quantile(0.9) / 2), 0.9, 1e-8);
    assert.equal(demandDistribution(10, 4, true).shape, 'normal-counts');
    assert.equal(demandDistribution(10, 4, true).quantile(0.5), 10);
    assert.equal(demandDistribution(10, 0, true).quantile(0.99), 10);
    assert.equal(demandDistribution(0, 5, true).quantile(0.99), 0);
  });

  it('quantiles increase with the level and are never negative', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), fc.boolean(), (m, v, integer) => {
        const d = demandDistribution(m, v, integer);
        let prev = -1;
        for (const q of [0.01, 0.1, 0.5, 0.8, 0.9, 0.95, 0.99]) {
          const x = d.quantile(q);
          assert.ok(Number.isFinite(x) && x >= 0 && x >= prev, `${q}: ${x} after ${prev}`);
          prev = x;
        }
      }),
    );
  });
});

describe('lead-time demand', () => {
  const y = [0, 2, 0, 0, 3, 0, 1, 0, 0, 4, 0, 0, 2, 0, 1, 0, 0, 3];

  it('parametric: the mean sums the forecasts, the variance is the model’s lead-time variance', () => {
    const f = tsb(y, { horizon: 6, season: 1 });
    const d = leadTimeDistribution(f, y, 4);
    close(d.mean, 4 * (f.mean[0] ?? 0), 1e-12);
    close(d.sd, Math.sqrt(f.cumVariance?.[3] ?? 0), 1e-12);
    assert.equal(d.shape, 'negative-binomial');
    assert.ok(d.quantile(0.95) >= d.quantile(0.9));
  });

  it('empirical: quantiles of the in-sample overlapping sums', () => {
    const d = leadTimeDistribution(ses(y, { horizon: 3, season: 1 }), [1, 2, 3, 4, 5], 2, { method: 'empirical' });
    // Sums 3, 5, 7, 9.
    assert.equal(d.quantile(0.5), 5);
    assert.equal(d.quantile(0.75), 7);
    assert.equal(d.quantile(1), 9);
  });

  it('bootstrap: repeatable from its seed, centred on the model’s mean', () => {
    const f = sba(y, { horizon: 6, season: 1 });
    const a = leadTimeDistribution(f, y, 6, { method: 'bootstrap', random: seededRandom(3), draws: 4000 });
    const b = leadTimeDistribution(f, y, 6, { method: 'bootstrap', random: seededRandom(3), draws: 4000 });
    assert.equal(a.quantile(0.9), b.quantile(0.9));
    close(a.mean, 6 * (f.mean[0] ?? 0), 1e-9);
    assert.ok(a.quantile(0.5) <= a.quantile(0.95));
  });

  it('pinball loss and scoring', () => {
    close(pinball(10, 8, 0.9), 0.9 * 2, 1e-12);
    close(pinball(10, 14, 0.9), 0.1 * 4, 1e-12);
    const d = { mean: 3, sd: 1, shape: 'test', quantile: (q: number) => (q >= 0.95 ? 6 : 5) };
    const s = scoreLeadTime(d, [0, 2, 0, 2], [3, 4, 9], 2);
    assert.equal(s.actual, 7);
    assert.equal(s.scale, 2);
    close(s.loss['0.9'] ?? Number.NaN, (0.9 * 2) / 2, 1e-12);
    close(s.loss['0.95'] ?? Number.NaN, (0.95 * 1) / 2, 1e-12);
    assert.deepEqual(s.covered, { '0.9': 0, '0.95': 0 });
  });

  it('bad input → ForecastInputError', () => {
    const f = tsb(y, { horizon: 3, season: 1 });
    assert.throws(() => leadTimeDistribution(f, y, 0), ForecastInputError);
    assert.throws(() => leadTimeDistribution(f, y, 2.5), ForecastInputError);
    assert.throws(() => leadTimeDistribution(f, y, 4), ForecastInputError);
    assert.throws(() => scoreLeadTime(leadTimeDistribution(f, y, 3), y, [1], 3), ForecastInputError);
    assert.throws(() => leadTimeDemandAuto([], 3), ForecastInputError);
    assert.throws(() => leadTimeDemandAuto([1, Number.NaN, 2], 3), ForecastInputError);
  });

  it('RAF, 400 items with their real lead times: the product’s quantiles beat no model and ordering nothing', needs(join(DATA, 'raf', 'series.csv')), () => {
    const items = parse(readFileSync(join(DATA, 'raf', 'items.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const leadTimes = new Map(items.map((r) => [r.series_id ?? '', Number(r.lead_time_months)]));
    const series = readLongCsv(join(DATA, 'raf', 'series.csv')).slice(0, 400);
    const losses: Record<'auto' | 'empirical' | 'zero', [number, number]> = { auto: [0, 0], empirical: [0, 0], zero: [0, 0] };
    let covered90 = 0;
    for (const s of series) {
      const train = s.values.slice(0, 72);
      const test = s.values.slice(72);
      // Lead times beyond the 12-month holdout are cut to 12; a zero lead time still needs a month's cover.
      const L = Math.min(12, Math.max(1, leadTimes.get(s.id) ?? 12));
      const auto = leadTimeDemandAuto(train, L, { season: 12 });
      const emp = leadTimeDistribution(tsb(train, { horizon: L, season: 12 }), train, L, { method: 'empirical' });
      const zero = { mean: 0, sd: 0, shape: 'zero', quantile: () => 0 };
      for (const [k, d] of [['auto', auto], ['empirical', emp], ['zero', zero]] as const) {
        const sc = scoreLeadTime(d, train, test, L);
        losses[k][0] += (sc.loss['0.9'] ?? 0) / series.length;
        losses[k][1] += (sc.loss['0.95'] ?? 0) / series.length;
        if (k === 'auto') covered90 += (sc.covered['0.9'] ?? 0) / series.length;
      }
    }
    assert.ok(losses.auto[0] < losses.empirical[0] && losses.auto[1] < losses.empirical[1], JSON.stringify(losses));
    assert.ok(losses.auto[0] < losses.zero[0] / 1.5, JSON.stringify(losses));
    assert.ok(covered90 > 0.85 && covered90 < 0.97, `90% quantile covered ${covered90}`);
  });
});
