import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { combine, sesFit, smoothAuto, theta } from './theta.ts';
import { naive, Z80 } from './naive.ts';
import { leadTimeDemand } from './ets.ts';

const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= 1e-9 + rel * Math.max(Math.abs(a), Math.abs(b));

describe('Theta', () => {
  it('is SES plus half the linear-trend slope, with the thetaf offset (1 − (1−α)^n)/α', () => {
    const y = [12, 15, 14, 18, 17, 21, 20, 24, 23, 27, 26, 30];
    const n = y.length;
    const f = theta(y, { horizon: 4, season: 1 });
    const ses = sesFit(y);
    // Least-squares slope on 0..n−1, by hand.
    const tm = (n - 1) / 2;
    const ym = y.reduce((a, b) => a + b, 0) / n;
    const b = y.reduce((s, v, t) => s + (t - tm) * (v - ym), 0) / y.reduce((s, _, t) => s + (t - tm) ** 2, 0);
    const a = ses.alpha;
    for (let h = 1; h <= 4; h++) {
      const expected = ses.level + (b / 2) * (h - 1 + (1 - (1 - a) ** n) / a);
      assert.ok(close(f.mean[h - 1] as number, expected), `h=${h}`);
      const sd = Math.sqrt(ses.sigma2 * ((h - 1) * a * a + 1));
      assert.ok(close((f.hi80[h - 1] as number) - (f.mean[h - 1] as number), Z80 * sd));
    }
    assert.equal(f.params.seasonal, false);
  });

  it('seasonal data is adjusted by multiplicative decomposition and re-seasonalised', () => {
    const pattern = [0.7, 0.9, 1.1, 1.3];
    const wiggle = [1.01, 0.99, 1.0, 1.02, 0.98];
    const y = Array.from({ length: 32 }, (_, t) => 50 * (wiggle[t % 5] as number) * (pattern[t % 4] as number));
    const f = theta(y, { horizon: 8, season: 4 });
    assert.equal(f.params.seasonal, true);
    for (let h = 0; h < 8; h++) {
      const truth = 50 * (pattern[(32 + h) % 4] as number);
      assert.ok(Math.abs((f.mean[h] as number) / truth - 1) < 0.03, `h=${h + 1}: ${f.mean[h]} vs ${truth}`);
    }
  });

  it('lead-time variance keeps SES error correlation: Var(sum) = σ² Σ (1 + kα)²', () => {
    const y = [5, 7, 6, 8, 9, 7, 10, 9, 11, 10, 12, 11, 13];
    const f = theta(y, { horizon: 5, season: 1 });
    const a = f.params.alpha as number;
    let v = 0;
    for (let k = 0; k < 5; k++) v += (1 + k * a) ** 2;
    assert.ok(close(leadTimeDemand(f, 5).sd, Math.sqrt(f.sigma2 * v)));
  });

  it('a combination averages the members, its lead-time sd is the mean of theirs', () => {
    const y = [3, 4, 5, 4, 6, 7, 6, 8];
    const o = { horizon: 3, season: 1 };
    const a = theta(y, o);
    const b = naive(y, o);
    const c = combine([a, b], 'mix');
    c.mean.forEach((v, i) => assert.ok(close(v, ((a.mean[i] as number) + (b.mean[i] as number)) / 2)));
    assert.ok(close(leadTimeDemand(c, 3).sd, (leadTimeDemand(a, 3).sd + leadTimeDemand(b, 3).sd) / 2));
    const auto = smoothAuto(y, o);
    assert.equal(auto.model, 'Auto(ETS+Theta)');
    assert.equal(auto.mean.length, 3);
  });
});
