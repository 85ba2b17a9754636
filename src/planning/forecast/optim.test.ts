import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minimize1d, nelderMead, nelderMeadClassic } from './optim.ts';

const rosenbrock = (x: Float64Array): number => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { step: [0.5, 0.5], fAbsTol: 1e-14 });
    assert.ok(Math.abs((r.x[0] as number) - 1) < 1e-4 && Math.abs((r.x[1] as number) - 1) < 1e-4, `got ${Array.from(r.x).join(', ')}`);
    assert.ok(r.converged);
  });

  it('respects box bounds and reaches an optimum on a bound exactly', () => {
    const f = (x: Float64Array): number => ((x[0] as number) + 3) ** 2 + ((x[1] as number) - 0.5) ** 2;
    const r = nelderMead(f, [0.5, 0.2], { step: [0.1, 0.1], lower: [0, 0], upper: [1, 1], fAbsTol: 1e-14, fRelTol: 0 });
    assert.ok((r.x[0] as number) >= 0 && (r.x[0] as number) < 1e-9, `x0 ${r.x[0]}`);
    assert.ok(Math.abs((r.x[1] as number) - 0.5) < 1e-5);
  });

  it('moves away from an infeasible region (Infinity, NaN) and handles 10 dimensions', () => {
    const f = (x: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        if ((x[i] as number) < -0.5) return NaN;
        s += (i + 1) * ((x[i] as number) - 1) ** 2;
      }
      return s;
    };
    const r = nelderMead(f, new Float64Array(10), { step: new Float64Array(10).fill(0.3), maxEvals: 20000, fAbsTol: 1e-12 });
    assert.ok(r.fx < 1e-6, `fx ${r.fx}`);
  });

  it('along the ray or from the projection, a minimum beyond a corner of the box is reached on the corner', () => {
    const f = (x: Float64Array) => ((x[0] as number) - 2) ** 2 + ((x[1] as number) + 1) ** 2;
    for (const alongRay of [false, true]) {
      const r = nelderMead(f, [0.1, 0.1], { step: [0.099, 0.099], lower: [0.01, 0.01], upper: [1, 1], restarts: 0, fAbsTol: 0, fRelTol: 1e-12, alongRay });
      assert.deepEqual(Array.from(r.x), [1, 0.01], `alongRay ${alongRay}`);
    }
  });

  it('the classic (R optim) variant converges on a smooth bowl', () => {
    const r = nelderMeadClassic((x) => ((x[0] as number) - 2) ** 2 + ((x[1] as number) + 1) ** 2 + 1, [0, 0], 2000);
    assert.ok(Math.abs(r.fx - 1) < 1e-6);
  });

  it('one-dimensional search finds interior and boundary minima', () => {
    assert.ok(Math.abs(minimize1d((x) => (x - 0.3) ** 2, 0, 1).x - 0.3) < 1e-6);
    assert.equal(minimize1d((x) => x, 0.1, 1).x, 0.1);
  });
});
