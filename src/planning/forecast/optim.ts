/**
 * Derivative-free minimisation for model fitting, one implementation per method for the whole forecasting
 * library: Nelder–Mead with box bounds (trial points are projected onto the box, so optima on a bound — a
 * smoothing parameter at its floor — are reached exactly rather than approached through a penalty), adaptive
 * coefficients for higher dimensions (Gao & Han 2012), and restarts from the best vertex, which is the usual
 * cure for a simplex that collapsed too early; the intermittent models' smoothing constants and ETS's fallback
 * fit use it. Beside it R's classic Nelder–Mead (`nelderMeadClassic`), which ETS fits with first because it
 * measures best there (see ets.ts), and a golden-section search for one parameter (Theta).
 *
 * Non-finite objective values (an inadmissible parameter set, an overflow) count as +Infinity: the simplex
 * moves away from them. The inner loop allocates nothing; a workspace can be reused across calls of the same
 * dimension.
 */

export type Objective = (x: Float64Array) => number;

export interface NelderMeadOptions {
  /** Initial step per coordinate (the simplex edge lengths). Zero steps are replaced by 0.1. */
  step: ArrayLike<number>;
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  /** Budget of objective evaluations over all restarts (default 2000·dim, at least 200). */
  maxEvals?: number;
  /** Converged when max−min of the simplex values ≤ fAbsTol + fRelTol·|min| (defaults 1e-8, 1e-10). */
  fAbsTol?: number;
  fRelTol?: number;
  /** Restarts from the best point with a fresh simplex while they still improve (default 2). */
  restarts?: number;
  /**
   * When a reflection leaves the box, expand and contract outside along its ray (projecting only the point
   * tried) instead of from its projection (default false). The intermittent models' constants forecast better
   * this way (car parts auto RMSSE 0.598 against 0.599; it is how their own copy of the method worked). ETS's
   * fallback fit keeps the default: along the ray it broke the scale invariance of a seasonal fit (ets.test.ts).
   */
  alongRay?: boolean;
  /** Reuse buffers between calls; must have been created for the same dimension. */
  workspace?: NelderMeadWorkspace;
}

export interface NelderMeadResult {
  x: Float64Array;
  fx: number;
  evals: number;
  /** True if the last run stopped on the tolerance rather than on the evaluation budget. */
  converged: boolean;
}

export class NelderMeadWorkspace {
  readonly simplex: Float64Array;
  readonly values: Float64Array;
  readonly centroid: Float64Array;
  readonly xr: Float64Array;
  readonly xe: Float64Array;
  readonly xc: Float64Array;
  constructor(readonly dim: number) {
    this.simplex = new Float64Array((dim + 1) * dim);
    this.values = new Float64Array(dim + 1);
    this.centroid = new Float64Array(dim);
    this.xr = new Float64Array(dim);
    this.xe = new Float64Array(dim);
    this.xc = new Float64Array(dim);
  }
}

function project(x: Float64Array, lower: ArrayLike<number> | undefined, upper: ArrayLike<number> | undefined): void {
  if (lower === undefined && upper === undefined) return;
  for (let i = 0; i < x.length; i++) {
    const lo = lower === undefined ? -Infinity : (lower[i] ?? -Infinity);
    const hi = upper === undefined ? Infinity : (upper[i] ?? Infinity);
    const v = x[i] as number;
    if (v < lo) x[i] = lo;
    else if (v > hi) x[i] = hi;
  }
}

function evaluate(f: Objective, x: Float64Array): number {
  const v = f(x);
  return Number.isNaN(v) ? Infinity : v;
}

/** Minimise `f` from `x0`. `x0` is not modified. */
export function nelderMead(f: Objective, x0: ArrayLike<number>, opts: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n === 0) {
    const x = new Float64Array(0);
    return { x, fx: evaluate(f, x), evals: 1, converged: true };
  }
  const ws = opts.workspace && opts.workspace.dim === n ? opts.workspace : new NelderMeadWorkspace(n);
  const maxEvals = opts.maxEvals ?? Math.max(200, 2000 * n);
  const fAbsTol = opts.fAbsTol ?? 1e-8;
  const fRelTol = opts.fRelTol ?? 1e-10;
  const restarts = opts.restarts ?? 2;
  const alongRay = opts.alongRay === true;
  const { lower, upper } = opts;

  // Adaptive coefficients: the standard (1, 2, 0.5, 0.5) for small n, gentler expansion and shrink as n grows.
  const rho = 1;
  const chi = n <= 2 ? 2 : 1 + 2 / n;
  const psi = n <= 2 ? 0.5 : 0.75 - 1 / (2 * n);
  const sigma = n <= 2 ? 0.5 : 1 - 1 / n;

  const best = new Float64Array(n);
  for (let i = 0; i < n; i++) best[i] = x0[i] as number;
  project(best, lower, upper);
  let bestF = evaluate(f, best);
  let evals = 1;
  let converged = false;

  const { simplex: S, values: V, centroid: c, xr, xe, xc } = ws;
  const row = (j: number): Float64Array => S.subarray(j * n, (j + 1) * n);
  // Expansion and outside contraction (factor k): from the reflected point as projected, or along the ray from
  // the centroid away from the worst vertex at hOff (the reflection unprojected); projected as tried.
  const along = (k: number, out: Float64Array, hOff: number): void => {
    if (alongRay) for (let i = 0; i < n; i++) out[i] = (c[i] as number) + rho * k * ((c[i] as number) - (S[hOff + i] as number));
    else for (let i = 0; i < n; i++) out[i] = (c[i] as number) + k * ((xr[i] as number) - (c[i] as number));
  };

  for (let attempt = 0; attempt <= restarts && evals < maxEvals; attempt++) {
    const startF = bestF;
    // Fresh simplex around the best point; a step that the box clips to nothing goes the other way.
    S.set(best, 0);
    V[0] = bestF;
    for (let j = 1; j <= n; j++) {
      const v = row(j);
      v.set(best);
      const k = j - 1;
      let s = (opts.step[k] ?? 0.1) * (attempt === 0 ? 1 : 0.5);
      if (s === 0) s = 0.1;
      const hi = upper === undefined ? Infinity : (upper[k] ?? Infinity);
      const lo = lower === undefined ? -Infinity : (lower[k] ?? -Infinity);
      const b = best[k] as number;
      if (b + s > hi) s = b - s >= lo ? -s : (hi - lo) / 2 - (b - lo);
      v[k] = b + s;
      project(v, lower, upper);
      V[j] = evaluate(f, v);
      evals++;
    }

    converged = false;
    while (evals < maxEvals) {
      // Find best, worst and second worst by one scan (n+1 values, no sort).
      let lo = 0;
      let hi = 0;
      for (let j = 1; j <= n; j++) {
        if ((V[j] as number) < (V[lo] as number)) lo = j;
        if ((V[j] as number) > (V[hi] as number)) hi = j;
      }
      let nh = lo;
      for (let j = 0; j <= n; j++) if (j !== hi && (V[j] as number) > (V[nh] as number)) nh = j;
      const fLo = V[lo] as number;
      const fHi = V[hi] as number;
      if (Number.isFinite(fHi) && fHi - fLo <= fAbsTol + fRelTol * Math.abs(fLo)) {
        converged = true;
        break;
      }

      // Centroid of all but the worst.
      c.fill(0);
      for (let j = 0; j <= n; j++) {
        if (j === hi) continue;
        const off = j * n;
        for (let i = 0; i < n; i++) c[i] = (c[i] as number) + (S[off + i] as number);
      }
      for (let i = 0; i < n; i++) c[i] = (c[i] as number) / n;

      const hOff = hi * n;
      for (let i = 0; i < n; i++) xr[i] = (c[i] as number) + rho * ((c[i] as number) - (S[hOff + i] as number));
      project(xr, lower, upper);
      const fr = evaluate(f, xr);
      evals++;

      if (fr < fLo) {
        along(chi, xe, hOff);
        project(xe, lower, upper);
        const fe = evaluate(f, xe);
        evals++;
        if (fe < fr) {
          S.set(xe, hOff);
          V[hi] = fe;
        } else {
          S.set(xr, hOff);
          V[hi] = fr;
        }
        continue;
      }
      if (fr < (V[nh] as number)) {
        S.set(xr, hOff);
        V[hi] = fr;
        continue;
      }
      // Contraction: outside if the reflection beat the worst, inside otherwise.
      const outside = fr < fHi;
      if (outside) {
        along(psi, xc, hOff);
      } else {
        for (let i = 0; i < n; i++) xc[i] = (c[i] as number) + psi * ((S[hOff + i] as number) - (c[i] as number));
      }
      project(xc, lower, upper);
      const fc = evaluate(f, xc);
      evals++;
      if (outside ? fc <= fr : fc < fHi) {
        S.set(xc, hOff);
        V[hi] = fc;
        continue;
      }
      // Shrink towards the best vertex.
      const lOff = lo * n;
      for (let j = 0; j <= n; j++) {
        if (j === lo) continue;
        const off = j * n;
        for (let i = 0; i < n; i++) {
          S[off + i] = (S[lOff + i] as number) + sigma * ((S[off + i] as number) - (S[lOff + i] as number));
        }
        V[j] = evaluate(f, row(j));
        evals++;
      }
    }

    let lo = 0;
    for (let j = 1; j <= n; j++) if ((V[j] as number) < (V[lo] as number)) lo = j;
    if ((V[lo] as number) < bestF) {
      bestF = V[lo] as number;
      best.set(row(lo));
    }
    // Stop restarting once a restart no longer buys a meaningful improvement.
    if (attempt > 0 && !(startF - bestF > 10 * (fAbsTol + fRelTol * Math.abs(bestF)))) break;
  }
  return { x: best, fx: bestF, evals, converged };
}

/** Golden-section search with a final parabolic polish, for one-parameter fits (SES alpha, Theta). */
export function minimize1d(f: (x: number) => number, lo: number, hi: number, tol = 1e-7, maxIter = 200): { x: number; fx: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < maxIter && b - a > tol; i++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(x2);
    }
  }
  let x = f1 <= f2 ? x1 : x2;
  let fx = Math.min(f1, f2);
  // The bounds themselves: optima at a bound are common (alpha at its floor).
  const fl = f(lo);
  if (fl < fx) {
    x = lo;
    fx = fl;
  }
  const fh = f(hi);
  if (fh < fx) {
    x = hi;
    fx = fh;
  }
  return { x, fx };
}

/**
 * The classic Nelder–Mead of R's `optim` (nmmin: reflection 1, contraction 0.5, expansion 2, one initial step
 * of a tenth of the largest coordinate for every direction, stop when the simplex values agree to a relative
 * tolerance). No bounds: the objective returns Infinity outside its domain. Kept for comparison with the
 * forecast package's fits.
 */
export function nelderMeadClassic(f: Objective, x0: ArrayLike<number>, maxEvals = 2000, relTol = 1.490116119384765e-8): NelderMeadResult {
  const n = x0.length;
  const big = 1e35;
  const ev = (x: Float64Array): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : big;
  };
  const n1 = n + 1;
  const P = new Float64Array(n1 * n); // vertex j at P[j*n .. j*n+n)
  const V = new Float64Array(n1);
  const C = new Float64Array(n);
  const B = new Float64Array(n);
  for (let i = 0; i < n; i++) B[i] = x0[i] as number;
  let fx = f(B);
  if (!Number.isFinite(fx)) return { x: B, fx: Infinity, evals: 1, converged: false };
  let evals = 1;
  const convtol = relTol * (Math.abs(fx) + relTol);
  P.set(B, 0);
  V[0] = fx;
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(B[i] as number));
  if (step === 0) step = 0.1;
  let oldsize = 0;
  for (let j = 1; j < n1; j++) {
    P.set(B, j * n);
    let trystep = step;
    while (P[j * n + j - 1] === B[j - 1]) {
      P[j * n + j - 1] = (B[j - 1] as number) + trystep;
      trystep *= 10;
    }
    oldsize += trystep;
  }
  let calcvert = true;
  let L = 0;
  let converged = false;
  // Running sum of all vertices, so the centroid costs O(n) rather than O(n²) per iteration.
  const sum = new Float64Array(n);
  const resum = (): void => {
    sum.fill(0);
    for (let j = 0; j < n1; j++) for (let i = 0; i < n; i++) sum[i] = (sum[i] as number) + (P[j * n + i] as number);
  };
  const replace = (H: number, x: Float64Array): void => {
    for (let i = 0; i < n; i++) sum[i] = (sum[i] as number) - (P[H * n + i] as number) + (x[i] as number);
    P.set(x, H * n);
  };
  const vertex = new Float64Array(n);
  for (;;) {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) vertex[i] = P[j * n + i] as number;
        V[j] = ev(vertex);
        evals++;
      }
      calcvert = false;
      resum();
    }
    let VL = V[L] as number;
    let VH = VL;
    let H = L;
    for (let j = 0; j < n1; j++) {
      if (j === L) continue;
      const v = V[j] as number;
      if (v < VL) {
        L = j;
        VL = v;
      }
      if (v > VH) {
        H = j;
        VH = v;
      }
    }
    if (VH <= VL + convtol) {
      converged = true;
      break;
    }
    if (evals > maxEvals) break;
    for (let i = 0; i < n; i++) C[i] = ((sum[i] as number) - (P[H * n + i] as number)) / n;
    for (let i = 0; i < n; i++) B[i] = 2 * (C[i] as number) - (P[H * n + i] as number);
    const VR = ev(B);
    evals++;
    if (VR < VL) {
      // Expansion: B ← 2B − C, keeping the reflected point in C.
      for (let i = 0; i < n; i++) {
        const e = 2 * (B[i] as number) - (C[i] as number);
        C[i] = B[i] as number;
        B[i] = e;
      }
      const fe = ev(B);
      evals++;
      if (fe < VR) {
        replace(H, B);
        V[H] = fe;
      } else {
        replace(H, C);
        V[H] = VR;
      }
    } else {
      if (VR < VH) {
        replace(H, B);
        V[H] = VR;
      }
      for (let i = 0; i < n; i++) B[i] = 0.5 * (P[H * n + i] as number) + 0.5 * (C[i] as number);
      const fc = ev(B);
      evals++;
      if (fc < (V[H] as number)) {
        replace(H, B);
        V[H] = fc;
      } else if (VR >= VH) {
        calcvert = true;
        let size = 0;
        for (let j = 0; j < n1; j++) {
          if (j === L) continue;
          for (let i = 0; i < n; i++) {
            P[j * n + i] = 0.5 * ((P[j * n + i] as number) - (P[L * n + i] as number)) + (P[L * n + i] as number);
            size += Math.abs((P[j * n + i] as number) - (P[L * n + i] as number));
          }
        }
        if (size < oldsize) oldsize = size;
        else break;
      }
    }
  }
  fx = V[L] as number;
  return { x: P.slice(L * n, L * n + n), fx: fx >= big ? Infinity : fx, evals, converged };
}
