/**
 * Sourcing: to whom the unfilled units of a failing purchase-order line go (issue 12, failover). Pure: plain
 * data in, a decision out, the date passed in; the service reads offers, performance and open POs, calls
 * `chooseSource`, and writes the decision log and the PO line.
 *
 * Every offer for the SKU becomes a candidate, eligible or not, with why in words:
 *   - never chosen: the failing supplier or one already tried for these units, an inactive offer or supplier,
 *     a supplier with failover switched off, an offer not yet valid or expired on `today`, a supplier that does
 *     not ship to the receiving region, a currency without an exchange rate, an offer with impossible terms;
 *   - the order quantity is the unfilled quantity raised to the offer's minimum, rounded up to its multiple, and
 *     raised further (in multiples) to the supplier's minimum order value unless an open PO with it is extended;
 *   - eligible candidates are scored on three criteria, each normalised to 0..1 over the eligible set (1 = the
 *     best of them: the lowest cost or the soonest arrival ÷ this one's, this reliability ÷ the highest) and weighted by `weights` (normalised by their sum):
 *       cost        the spend per needed unit (landed unit cost × order quantity ÷ unfilled quantity, in the
 *                   FX table's base currency), so overbuying for a pack size or minimum counts against it;
 *       arrival     days until the arrival expected at `confidence` (mean + z·sd of the lead time, the stated
 *                   lead time blended with the measured one by sample size);
 *       reliability the measured fill rate × on-time rate under a Beta prior, so a supplier with little
 *                   history is neither trusted nor condemned on a few lines;
 *   - ties (equal scores) go to the lower offer priority, then the lower supplier id, then the lower offer id:
 *     the same input gives the same decision whatever order the offers come in.
 */
import type {
  OfferWithSupplier,
  Performance,
  SourcingCandidate,
  SourcingDecision,
  SourcingInput,
  SourcingWeights,
} from './sourcing-model.ts';
import { DEFAULT_SOURCING_WEIGHTS } from './sourcing-model.ts';

/** Measured lead-time observations worth as much as the supplier's stated figures. */
export const LEAD_TIME_PRIOR_SAMPLES = 5;
/** Beta prior on "a line arrives in full and on time": mean 0.8, worth 5 lines. */
export const RELIABILITY_PRIOR = Object.freeze({ alpha: 4, beta: 1 });
export const DEFAULT_CONFIDENCE = 0.9;

const DAY_MS = 86_400_000;
const EPS = 1e-9;

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile of ${p} is outside (0, 1)`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** The order quantity for `needed` units under an offer: at least the minimum, a multiple of the pack size. */
export function orderQuantity(needed: number, minQuantity: number, multiple: number): number {
  const m = Math.max(1, multiple);
  return Math.ceil(Math.max(needed, minQuantity, 1) / m) * m;
}

/** Stated lead time blended with the measured one, weighted by the measured sample size. */
export function blendedLeadTime(stated: { mean: number; sd: number }, measured: Performance | undefined): { mean: number; sd: number; sample: number } {
  const n = measured?.sample ?? 0;
  const m = measured?.leadTimeDays.mean;
  if (!measured || n <= 0 || m == null || !Number.isFinite(m)) return { mean: stated.mean, sd: stated.sd, sample: 0 };
  const s = measured.leadTimeDays.sd ?? stated.sd;
  const w = n / (n + LEAD_TIME_PRIOR_SAMPLES);
  const mean = (1 - w) * stated.mean + w * m;
  // The variance of the mixture: both spreads plus the disagreement of the two means.
  const variance = (1 - w) * stated.sd ** 2 + w * s ** 2 + w * (1 - w) * (stated.mean - m) ** 2;
  return { mean, sd: Math.sqrt(variance), sample: n };
}

/** Posterior mean of "a line arrives in full and on time" under the Beta prior. */
export function reliabilityOf(p: Performance | undefined): number {
  const { alpha, beta } = RELIABILITY_PRIOR;
  if (!p || p.lines <= 0 || (p.fillRate == null && p.onTimeRate == null)) return alpha / (alpha + beta);
  const rate = (p.fillRate ?? 1) * (p.onTimeRate ?? 1);
  return (alpha + p.lines * rate) / (alpha + beta + p.lines);
}

const money = (v: number): string => (Math.round(v * 100) / 100).toFixed(2);
const r2 = (v: number): string => String(Math.round(v * 100) / 100);

interface Working {
  c: SourcingCandidate;
  priority: number;
  /** Spend per needed unit in the base currency (eligible only). */
  cost: number;
  /** Days until expected arrival. */
  days: number;
  /** For the reason. */
  terms: string;
}

/** Why an offer can never be chosen for these units, or null when it can. */
function ineligibility(o: OfferWithSupplier, input: SourcingInput, today: number, excluded: ReadonlySet<string>): string | null {
  const { offer, supplier } = o;
  if (offer.sku !== input.sku) return `offer ${offer.id} is for SKU '${offer.sku}', not '${input.sku}'`;
  if (offer.supplierId !== supplier.id) return `offer ${offer.id} belongs to supplier ${offer.supplierId}, not ${supplier.id}`;
  if (excluded.has(supplier.id)) return `${supplier.name} is the failing supplier or was already tried for these units`;
  if (!supplier.active) return `supplier ${supplier.name} is inactive`;
  if (!supplier.failover) return `supplier ${supplier.name} has failover switched off`;
  if (!offer.active) return `offer ${offer.id} is inactive`;
  if (offer.validFrom !== null && epochDay(offer.validFrom) > today) return `offer ${offer.id} is valid only from ${offer.validFrom}`;
  if (offer.validTo !== null && epochDay(offer.validTo) < today) return `offer ${offer.id} expired ${offer.validTo}`;
  if (!(Number.isFinite(offer.unitCost) && offer.unitCost >= 0)) return `offer ${offer.id} has no valid unit cost`;
  if (!(Number.isInteger(offer.multiple) && offer.multiple >= 1)) return `offer ${offer.id} has an invalid multiple ${offer.multiple}`;
  if (!(Number.isInteger(offer.minQuantity) && offer.minQuantity >= 0)) return `offer ${offer.id} has an invalid minimum quantity ${offer.minQuantity}`;
  const region = input.receivingRegion;
  if (region && supplier.regions.length > 0 && !supplier.regions.includes(region)) return `${supplier.name} does not ship to region ${region}`;
  if (input.fx && supplier.currency !== input.fx.base && !(input.fx.rates[supplier.currency]! > 0)) {
    return `no exchange rate from ${supplier.currency} to ${input.fx.base} to compare its cost`;
  }
  return null;
}

/**
 * Chooses the offer that re-sources the unfilled units of a failing line, or none, and says why. Every offer
 * given is a candidate in the answer (eligible first, best first), each with its own why.
 */
export function chooseSource(input: SourcingInput): SourcingDecision {
  const base = { sku: input.sku, trigger: input.trigger, quantity: input.quantity };
  const today = epochDay(input.today);
  if (!Number.isFinite(today)) throw new RangeError(`today '${input.today}' is not a date`);
  if (!(Number.isInteger(input.quantity) && input.quantity > 0)) {
    return { ...base, candidates: [], chosen: null, reason: `nothing to source: ${input.quantity} units unfilled` };
  }
  const excluded = new Set(input.excludeSupplierIds);
  const z = normalQuantile(input.confidence ?? DEFAULT_CONFIDENCE);
  const needBy = input.needBy ? epochDay(input.needBy) : Number.NaN;

  const all: Working[] = [];
  const eligible: Working[] = [];
  for (const o of input.offers) {
    const { offer, supplier } = o;
    const perf = input.performance?.get(supplier.id);
    const reliability = reliabilityOf(perf);
    const stated = { mean: offer.leadTimeDays ?? supplier.leadTimeDays, sd: supplier.leadTimeSdDays };
    const lead = blendedLeadTime(stated, perf);
    const days = Math.max(0, Math.ceil(lead.mean + z * lead.sd - EPS));
    const shipping = input.shippingCostPerUnit?.get(supplier.id) ?? 0;
    const landed = offer.unitCost + shipping;
    const not = ineligibility(o, input, today, excluded);
    const c: SourcingCandidate = {
      offerId: offer.id,
      supplierId: supplier.id,
      supplierName: supplier.name,
      currency: supplier.currency,
      unitCost: offer.unitCost,
      landedUnitCost: landed,
      orderQuantity: 0,
      expectedArrival: dateOf(today + days),
      reliability,
      score: 0,
      eligible: not === null,
      why: not ?? '',
    };
    const w: Working = { c, priority: offer.priority, cost: Number.POSITIVE_INFINITY, days, terms: '' };
    all.push(w);
    if (not !== null) continue;

    let qty = orderQuantity(input.quantity, offer.minQuantity, offer.multiple);
    const terms: string[] = [];
    if (offer.minQuantity > input.quantity) terms.push(`minimum ${offer.minQuantity}`);
    if (offer.multiple > 1) terms.push(`multiple ${offer.multiple}`);
    const open = input.existingOpenPos?.get(supplier.id);
    const minValue = supplier.minOrderValue ?? 0;
    const have = open?.total ?? 0;
    if (minValue > 0 && landed > 0 && have + qty * landed < minValue - EPS) {
      qty = Math.ceil((minValue - have) / landed / offer.multiple - EPS) * offer.multiple;
      terms.push(`minimum order value ${money(minValue)} ${supplier.currency}`);
    }
    c.orderQuantity = qty;
    const rate = input.fx && supplier.currency !== input.fx.base ? (input.fx.rates[supplier.currency] ?? Number.NaN) : 1;
    w.cost = ((landed * qty) / input.quantity) * rate;
    w.terms = terms.length > 0 ? ` (${terms.join(', ')})` : '';
    const late = Number.isFinite(needBy) && today + days > needBy ? `, after the need-by date ${input.needBy ?? ''}` : '';
    c.why =
      `${qty} × ${money(landed)} ${supplier.currency}${shipping > 0 ? ` (incl. shipping ${money(shipping)})` : ''}${w.terms}` +
      `; arrives by ${c.expectedArrival} (lead time ${r2(lead.mean)} ± ${r2(lead.sd)} days${lead.sample > 0 ? `, ${lead.sample} measured` : ', stated'})${late}` +
      `; reliability ${r2(reliability)}${perf && perf.lines > 0 ? ` over ${perf.lines} lines` : ' (no history: prior)'}` +
      (open ? `; extends open PO ${open.poId}` : '');
    eligible.push(w);
  }

  score(eligible, input.weights ?? DEFAULT_SOURCING_WEIGHTS);
  all.sort(compare);
  const candidates = all.map((w) => w.c);
  const best = eligible.length > 0 ? all[0] : undefined;
  if (!best || !best.c.eligible) {
    const why = all.map((w) => w.c.why);
    const reason =
      all.length === 0
        ? `no offer for SKU '${input.sku}': nothing to re-source ${input.quantity} units to`
        : `no eligible offer for SKU '${input.sku}' on ${input.today}: ${why.join('; ')}`;
    return { ...base, candidates, chosen: null, reason };
  }
  const c = best.c;
  const open = input.existingOpenPos?.get(c.supplierId);
  const runnerUp = all[1]?.c.eligible ? `; next ${all[1].c.supplierName} at ${r2(all[1].c.score)}` : '';
  const reason =
    `${input.trigger}: ${input.quantity} units of '${input.sku}' re-sourced to ${c.supplierName} (offer ${c.offerId}), ` +
    `ordering ${c.orderQuantity}${best.terms}; best score ${r2(c.score)} of ${eligible.length} eligible ` +
    `(${money(c.landedUnitCost)} ${c.currency} a unit, arrives by ${c.expectedArrival}, reliability ${r2(c.reliability)})${runnerUp}` +
    (open ? `; extends open PO ${open.poId}` : '; on a new PO') +
    (eligible.length < all.length ? `; ${all.length - eligible.length} not eligible` : '');
  return {
    ...base,
    candidates,
    chosen: { supplierId: c.supplierId, offerId: c.offerId, poId: open?.poId ?? null, lineId: open?.lineId ?? null, quantity: c.orderQuantity },
    reason,
  };
}

function score(eligible: Working[], weights: SourcingWeights): void {
  if (eligible.length === 0) return;
  let wc = Math.max(0, weights.cost);
  let wa = Math.max(0, weights.arrival);
  let wr = Math.max(0, weights.reliability);
  let sum = wc + wa + wr;
  if (!(sum > 0)) {
    ({ cost: wc, arrival: wa, reliability: wr } = DEFAULT_SOURCING_WEIGHTS);
    sum = wc + wa + wr;
  }
  let minCost = Number.POSITIVE_INFINITY;
  let minDays = Number.POSITIVE_INFINITY;
  let maxReliability = 0;
  for (const w of eligible) {
    if (w.cost < minCost) minCost = w.cost;
    if (w.days < minDays) minDays = w.days;
    if (w.c.reliability > maxReliability) maxReliability = w.c.reliability;
  }
  for (const w of eligible) {
    const cost = w.cost <= 0 ? 1 : minCost / w.cost;
    const arrival = (minDays + 1) / (w.days + 1);
    const reliability = maxReliability > 0 ? w.c.reliability / maxReliability : 1;
    // Rounded so that equal scores compare equal exactly (a sort needs a consistent order, not a tolerance).
    w.c.score = Math.round(((wc * cost + wa * arrival + wr * reliability) / sum) * 1e9) / 1e9;
  }
}

/** Eligible first, then score (higher first), then offer priority, supplier id, offer id. */
function compare(a: Working, b: Working): number {
  if (a.c.eligible !== b.c.eligible) return a.c.eligible ? -1 : 1;
  if (a.c.score !== b.c.score) return b.c.score - a.c.score;
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.c.supplierId !== b.c.supplierId) return a.c.supplierId < b.c.supplierId ? -1 : 1;
  return a.c.offerId < b.c.offerId ? -1 : a.c.offerId > b.c.offerId ? 1 : 0;
}
