import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { autoEts, etsFit, etsForecast, isAdmissible, leadTimeDemand, parseSpec, selectEts, ALL_MODELS, type EtsModel } from './ets.ts';
import { seededRandom } from '../../core/random.ts';
import { ForecastInputError, type Forecast } from './model.ts';
import { naive, seasonalNaive, Z95 } from './naive.ts';
import { sesFit, theta } from './theta.ts';

const close = (a: number, b: number, rel = 1e-9, abs = 1e-9): boolean => Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
const width = (f: Forecast, h: number): number => (f.hi95[h] as number) - (f.lo95[h] as number);
const allFinite = (f: Forecast): boolean =>
  [f.mean, f.lo80, f.hi80, f.lo95, f.hi95, f.fitted, f.cumVariance ?? []].every((a) => a.every((v) => Number.isFinite(v))) && Number.isFinite(f.sigma2);

/** A positive series with level, optional trend, seasonality and noise, from a seeded generator. */
function synthetic(n: number, m: number, seed: number, opts: { trend?: number; amp?: number; noise?: number } = {}): number[] {
  const r = seededRandom(seed);
  const out: number[] = [];
  for (let t = 0; t < n; t++) {
    const season = m > 1 ? 1 + (opts.amp ?? 0.3) * Math.sin((2 * Math.PI * t) / m) : 1;
    out.push((100 + (opts.trend ?? 0.5) * t) * season * (1 + (opts.noise ?? 0.05) * (r() - 0.5)));
  }
  return out;
}

const positiveSeries = (min: number, max: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: 1, max: 1000, noNaN: true, noDefaultInfinity: true }), { minLength: min, maxLength: max });

describe('ETS: known answers', () => {
  it('ETS(A,N,N) is exponential smoothing: the final level is the closed-form weighted average', () => {
    const y = [3, 5, 4, 6, 8, 7, 9, 8, 10, 12, 11, 13];
    const fit = etsFit(y, parseSpec('ANN'), 1);
    const a = fit.alpha;
    let level = (1 - a) ** y.length * fit.initial.level;
    y.forEach((v, t) => (level += a * (1 - a) ** (y.length - 1 - t) * v));
    assert.ok(close(fit.final.level, level, 1e-10), `${fit.final.level} vs ${level}`);
    // Same objective as the closed-form SES of theta.ts: the same optimum.
    const ses = sesFit(y);
    assert.ok(Math.abs(ses.alpha - a) < 1e-3, `alpha ${a} vs ${ses.alpha}`);
    assert.ok(close(fit.residuals.reduce((s, e) => s + e * e, 0), ses.sse, 1e-5));
  });

  it('SES least squares: no alpha on a fine grid does better', () => {
    const y = synthetic(40, 1, 3, { trend: 0.8, noise: 0.3 });
    const ses = sesFit(y);
    const sseAt = (alpha: number): number => {
      // Closed-form best initial level for this alpha, then the SSE.
      let l = 0;
      let w = 1;
      let sa = 0;
      let sww = 0;
      const as: number[] = [];
      const ws: number[] = [];
      for (const v of y) {
        const e = v - l;
        as.push(e);
        ws.push(w);
        sa += e * w;
        sww += w * w;
        l += alpha * e;
        w *= 1 - alpha;
      }
      const l0 = sa / sww;
      return as.reduce((s, e, i) => s + (e - (ws[i] as number) * l0) ** 2, 0);
    };
    for (let a = 0.0001; a <= 0.9999; a += 0.001) assert.ok(ses.sse <= sseAt(a) * (1 + 1e-9), `alpha ${a} beats the fit`);
  });

  it('a straight line is extended by Holt’s linear trend', () => {
    const y = Array.from({ length: 30 }, (_, t) => 5 + 2 * t);
    const f = etsForecast(etsFit(y, parseSpec('AAN'), 1), 5);
    f.mean.forEach((v, i) => assert.ok(close(v, 5 + 2 * (30 + i), 1e-4), `step ${i + 1}: ${v}`));
  });

  it('a seasonal pattern with trend is continued by additive and multiplicative Holt–Winters', () => {
    const additive = (t: number): number => 100 + t + 20 * Math.sin((2 * Math.PI * t) / 12);
    const multiplicative = (t: number): number => (100 + t) * (1 + 0.25 * Math.sin((2 * Math.PI * t) / 12));
    for (const [code, g] of [['AAA', additive], ['MAM', multiplicative]] as const) {
      const y = Array.from({ length: 72 }, (_, t) => g(t));
      const f = etsForecast(etsFit(y, parseSpec(code), 12), 18);
      f.mean.forEach((v, i) => assert.ok(close(v, g(72 + i), 0.01), `${code} step ${i + 1}: ${v} vs ${g(72 + i)}`));
    }
  });

  it('class 1 intervals: ETS(A,N,N) variance σ²(1 + (h−1)α²), lead-time sums keep the correlation', () => {
    const fit = etsFit(synthetic(50, 1, 9, { trend: 0, noise: 0.4 }), parseSpec('ANN'), 1);
    const f = etsForecast(fit, 6);
    for (let h = 1; h <= 6; h++) {
      const sd = Math.sqrt(fit.sigma2 * (1 + (h - 1) * fit.alpha ** 2));
      assert.ok(close(width(f, h - 1), 2 * Z95 * sd, 1e-10));
    }
    // Var(y1 + … + yL) = σ² Σ_{k<L} (1 + kα)²: more than the sum of the variances when α > 0.
    const L = 4;
    let v = 0;
    let independent = 0;
    for (let k = 0; k < L; k++) {
      v += (1 + k * fit.alpha) ** 2;
      independent += 1 + k * fit.alpha ** 2;
    }
    const ltd = leadTimeDemand(f, L);
    assert.ok(close(ltd.sd, Math.sqrt(fit.sigma2 * v), 1e-10));
    assert.ok(close(ltd.mean, f.mean.slice(0, L).reduce((s, x) => s + x, 0), 1e-12));
    if (fit.alpha > 0.01) assert.ok(ltd.sd > Math.sqrt(fit.sigma2 * independent));
  });

  it('lead-time demand of a multiplicative model matches a direct simulation of the fitted model', () => {
    const y = synthetic(60, 12, 11, { trend: 0.3, amp: 0.3, noise: 0.2 });
    const fit = etsFit(y, parseSpec('MNM'), 12);
    const f = etsForecast(fit, 6);
    const ltd = leadTimeDemand(f, 6);
    const r = seededRandom(99);
    const sums: number[] = [];
    for (let p = 0; p < 20000; p++) {
      let l = fit.final.level;
      const s = fit.final.seasonal.slice();
      let sum = 0;
      for (let h = 0; h < 6; h++) {
        const e = Math.sqrt(fit.sigma2) * Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r());
        const mean = l * (s[h] as number);
        const v = mean * (1 + e);
        s[h] = (s[h] as number) * (1 + fit.gamma * e);
        l = l * (1 + fit.alpha * e);
        sum += v;
      }
      sums.push(sum);
    }
    const mu = sums.reduce((a, b) => a + b, 0) / sums.length;
    const sd = Math.sqrt(sums.reduce((a, b) => a + (b - mu) ** 2, 0) / (sums.length - 1));
    assert.ok(close(ltd.mean, mu, 0.01), `mean ${ltd.mean} vs simulated ${mu}`);
    assert.ok(close(ltd.sd, sd, 0.06), `sd ${ltd.sd} vs simulated ${sd}`);
  });

  it('lead time: zero, fractional and beyond the horizon', () => {
    const f = naive([1, 2, 3], { horizon: 3, season: 1 });
    assert.deepEqual(leadTimeDemand(f, 0), { mean: 0, sd: 0 });
    const one = leadTimeDemand(f, 1);
    const two = leadTimeDemand(f, 2);
    const half = leadTimeDemand(f, 1.5);
    assert.ok(close(half.mean, (one.mean + two.mean) / 2));
    assert.ok(half.sd > one.sd && half.sd < two.sd);
    assert.throws(() => leadTimeDemand(f, 4), /exceeds the forecast horizon 3/);
    assert.throws(() => leadTimeDemand(f, -1), ForecastInputError);
  });

  it('admissibility: the characteristic roots of seasonal models', () => {
    assert.ok(isAdmissible(0.3, 0, 0.1, 1, 12));
    assert.ok(isAdmissible(0.3, 0.05, 0.1, 0.95, 12));
    // Usual bounds but outside the admissible region (a root outside the unit circle).
    assert.ok(!isAdmissible(0.9923, 0.2322, 0.001, 1, 12));
    assert.ok(!isAdmissible(0.5, 0.1, 0.1, 1.2, 4));
  });

  it('seasonal models without trend are admissible everywhere in the usual region (fitting relies on it)', () => {
    const r = seededRandom(17);
    for (const m of [2, 4, 7, 12, 24]) {
      for (let i = 0; i < 5000; i++) {
        const alpha = 1e-4 + r() * (0.9999 - 1e-4);
        const gamma = 1e-4 + r() * (Math.min(1 - alpha, 0.9999) - 1e-4);
        assert.ok(isAdmissible(alpha, 0, gamma, 1, m), `m=${m} alpha=${alpha} gamma=${gamma}`);
      }
    }
  });

  it('selection by AICc: the chosen model has the least AICc of the candidates', () => {
    const y = synthetic(48, 4, 21, { trend: 0.8, amp: 0.2, noise: 0.1 });
    const best = selectEts(y, 4) as EtsModel;
    for (const code of ALL_MODELS) {
      const fit = etsFit(y, parseSpec(code), 4);
      assert.ok(best.aicc <= fit.aicc + 1e-9, `${fit.name} ${fit.aicc} < ${best.name} ${best.aicc}`);
      const k = fit.nParams;
      assert.ok(close(fit.aicc, fit.aic + (2 * k * (k + 1)) / (fit.n - k - 1)));
    }
  });
});

describe('ETS: properties', () => {
  it('forecasts, intervals and fitted values are finite', () => {
    fc.assert(
      fc.property(positiveSeries(4, 40), fc.constantFrom(1, 4), fc.integer({ min: 1, max: 8 }), (y, season, horizon) => {
        const f = autoEts(y, { horizon, season });
        assert.equal(f.mean.length, horizon);
        assert.equal(f.fitted.length, y.length);
        assert.ok(allFinite(f), JSON.stringify(f));
        for (let h = 0; h < horizon; h++) {
          assert.ok((f.lo95[h] as number) <= (f.lo80[h] as number) && (f.lo80[h] as number) <= (f.mean[h] as number));
          assert.ok((f.mean[h] as number) <= (f.hi80[h] as number) && (f.hi80[h] as number) <= (f.hi95[h] as number));
        }
      }),
      { numRuns: 40, seed: 1 },
    );
  });

  it('a constant series gives a constant forecast', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 3, max: 30 }), fc.constantFrom(1, 4, 12), (c, n, season) => {
        const y = new Array<number>(n).fill(c);
        const o = { horizon: 6, season };
        for (const f of [autoEts(y, o), theta(y, o), naive(y, o), seasonalNaive(y, o)]) {
          assert.ok(f.mean.every((v) => v === c), `${f.model}: ${f.mean.join()}`);
          assert.ok(f.lo95.every((v) => v === c) && f.hi95.every((v) => v === c), `${f.model} intervals`);
        }
      }),
      { numRuns: 30, seed: 2 },
    );
  });

  it('intervals widen with the horizon (additive-error ETS, Theta, naive)', () => {
    const additive = ALL_MODELS.filter((c) => c.startsWith('A'));
    fc.assert(
      fc.property(positiveSeries(30, 60), fc.constantFrom(...additive), (y, code) => {
        const spec = parseSpec(code);
        const season = spec.season === 'N' ? 1 : 4;
        const o = { horizon: 10, season: 1 };
        const forecasts = [etsForecast(etsFit(y, spec, season), 10), theta(y, o), naive(y, o), seasonalNaive(y, { horizon: 10, season: 4 })];
        for (const f of forecasts) {
          for (let h = 1; h < 10; h++) assert.ok(width(f, h) >= width(f, h - 1) * (1 - 1e-12), `${f.model} step ${h + 1}`);
        }
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('scaling the data scales the forecast', () => {
    fc.assert(
      fc.property(positiveSeries(12, 36), fc.constantFrom(1, 4), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (y, season, k) => {
        const o = { horizon: 6, season };
        const a = autoEts(y, o);
        const b = autoEts(y.map((v) => v * k), o);
        assert.equal(b.model, a.model);
        // The fit runs on data normalised by its scale, so only rounding differs between the two.
        a.mean.forEach((v, i) => assert.ok(close((b.mean[i] as number) / k, v, 1e-4, 1e-9), `step ${i + 1}: ${(b.mean[i] as number) / k} vs ${v}`));
        a.hi95.forEach((v, i) => assert.ok(close((b.hi95[i] as number) / k, v, 1e-4, 1e-9)));
        const t1 = theta(y, o);
        const t2 = theta(y.map((v) => v * k), o);
        t1.mean.forEach((v, i) => assert.ok(close((t2.mean[i] as number) / k, v, 1e-6, 1e-9)));
      }),
      { numRuns: 30, seed: 4 },
    );
  });
});

describe('ETS: bad input', () => {
  const o = { horizon: 3, season: 1 };
  it('empty, too short, NaN, Infinity and negative series are refused with a clear message', () => {
    const is = (re: RegExp) => (e: unknown): boolean => e instanceof ForecastInputError && re.test(e.message);
    assert.throws(() => autoEts([], o), is(/series is empty/));
    assert.throws(() => autoEts([1, 2], o), is(/too short: 2 values, at least 3 needed/));
    assert.throws(() => autoEts([1, Number.NaN, 3, 4], o), is(/non-finite value \(NaN\) at index 1/));
    assert.throws(() => autoEts([1, 2, Number.POSITIVE_INFINITY, 4], o), is(/non-finite value \(Infinity\) at index 2/));
    assert.throws(() => autoEts([1, 2, -3, 4], o), is(/negative value \(-3\) at index 2/));
    assert.throws(() => autoEts([1, 2, 3, 4], { horizon: 0, season: 1 }), is(/horizon must be a positive integer/));
    assert.throws(() => theta([], o), is(/empty/));
  });

  it('a model the data cannot support is refused, not crashed on', () => {
    assert.throws(() => etsFit([1, 0, 2, 3, 4, 5], parseSpec('MNN'), 1), /needs strictly positive data; value 0 at index 1/);
    assert.throws(() => etsFit([1, 2, 3, 4, 5, 6], parseSpec('ANA'), 1), /needs a seasonal period/);
    assert.throws(() => etsFit([1, 2, 3, 4, 5, 6, 7, 8], parseSpec('AAdA'), 4), /too short for ETS\(A,Ad,A\)/);
    assert.throws(() => parseSpec('AMN'), /unknown ETS model 'AMN'/);
  });

  it('negative data is accepted when allowed (additive models only)', () => {
    const f = autoEts([-1, 2, -3, 4, -2, 3, -1, 2], { horizon: 2, season: 1, allowNegative: true });
    assert.ok(f.model.startsWith('ETS(A,'));
    assert.ok(allFinite(f));
  });

  it('too short for any model: three values give a naive forecast', () => {
    const f = autoEts([1, 2, 3], o);
    assert.deepEqual(f.mean, [3, 3, 3]);
  });
});
