/**
 * Seeded randomness: the one generator that simulations (ETS sample paths, lead-time bootstraps), benchmarks
 * and test fixtures draw from, so that a seed reproduces a run exactly and code that takes a `Random` can be
 * handed a fixed sequence in tests (DESIGN.md: randomness from an injectable source).
 *
 * mulberry32: 32 bits of state, one multiply–xorshift round per draw, period 2³². Plenty for Monte Carlo paths,
 * bootstraps and believable demo data at a few nanoseconds a draw (the sequences here are thousands to millions
 * of draws long, far below its period); it is not for secrets (tokens and ids use node:crypto).
 */

/** A source of uniform draws in [0, 1), like Math.random. */
export type Random = () => number;

/** The seed used where none is given: the same run every time. */
export const DEFAULT_SEED = 0x5eed;

/** A generator of uniform draws in [0, 1) from a 32-bit seed; the same seed gives the same sequence. */
export function seededRandom(seed: number = DEFAULT_SEED): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
