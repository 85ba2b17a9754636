/**
 * Demand classification (Syntetos, Boylan & Croston 2005, "On the categorization of demand patterns", JORS 56):
 * the average demand interval (ADI) and the squared coefficient of variation of the non-zero demand sizes (CV²)
 * split items into four patterns, and the pattern picks the model family. The cut-offs 1.32 and 0.49 are where
 * SBA starts to beat Croston and SES in their theory; `smooth` goes to the exponential-smoothing family, the
 * other three to the intermittent family (Croston, SBA, TSB, ADIDA).
 */
import { validateSeries } from './model.ts';

export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';
export type ModelFamily = 'ets' | 'intermittent';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface DemandClass {
  pattern: DemandPattern;
  family: ModelFamily;
  /** periods per demand occurrence: observed periods / periods with demand (Infinity when there is none) */
  adi: number;
  /** squared coefficient of variation of the non-zero demand sizes (sample sd; 0 with fewer than two) */
  cv2: number;
  /** periods with demand among the observed ones */
  demands: number;
  observed: number;
}

/**
 * Classifies a demand history. `censored[t]` marks stock-out periods whose zero is not a demand observation:
 * they count neither as demand nor as an interval.
 *
 * ADI is taken as observed periods over demand occurrences rather than the mean gap between demands, so a long
 * run of zeros after the last demand (an item that stopped selling) raises it as it should.
 * Values exactly at a cut-off fall on the smooth side (ADI ≤ 1.32 and CV² ≤ 0.49 is smooth).
 */
export function classifyDemand(y: readonly number[], censored?: readonly boolean[]): DemandClass {
  validateSeries(y);
  let observed = 0;
  let demands = 0;
  let sum = 0;
  let sumSq = 0;
  for (let t = 0; t < y.length; t++) {
    if (censored?.[t] === true) continue;
    observed += 1;
    const v = y[t] ?? 0;
    if (v > 0) {
      demands += 1;
      sum += v;
      sumSq += v * v;
    }
  }
  const adi = demands > 0 ? observed / demands : Infinity;
  let cv2 = 0;
  if (demands >= 2) {
    const mean = sum / demands;
    const variance = Math.max(0, (sumSq - demands * mean * mean) / (demands - 1));
    cv2 = variance / (mean * mean);
  }
  const intermittent = adi > ADI_CUTOFF;
  const erratic = cv2 > CV2_CUTOFF;
  const pattern: DemandPattern = intermittent ? (erratic ? 'lumpy' : 'intermittent') : erratic ? 'erratic' : 'smooth';
  return { pattern, family: pattern === 'smooth' ? 'ets' : 'intermittent', adi, cv2, demands, observed };
}
