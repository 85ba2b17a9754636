/**
 * Sourcing: to whom the unfilled units of a failing purchase-order line go (issue 12, failover). Pure: plain
 * data in, a decision out, the date passed in; the service reads offers, performance and open POs, calls
 * `chooseSource`, and writes the decision log and the PO line. For many lines of one SKU (a batch of triggers,
 * the benchmark) `prepareSourcing` works out once what they share and `decide` runs per line: same answer.
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
  SourcingContext,
  SourcingDecision,
  SourcingInput,
  SourcingLine,
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

// Dates of the few hundred days decisions look at, formatted once (toISOString dominated a decision's cost).
const DATES = new Map<number, string>();
function dateOf(day: number): string {
  let s = DATES.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (DATES.size < 100_000) DATES.set(day, s);
  }
  return s;
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

/** What an offer brings to every line of the SKU: worked out once per SKU (and day). */
interface PreparedOffer {
  o: OfferWithSupplier;
  /** Why it can never be chosen on this day whoever fails, or null. */
  never: string | null;
  reliability: number;
  days: number;
  expectedArrival: string;
  landed: number;
  /** Base-currency units per unit of its currency. */
  rate: number;
  /** Parts of its why that do not depend on the line. */
  costText: string;
  arrivalText: string;
  reliabilityText: string;
}

interface Working {
  c: SourcingCandidate;
  priority: number;
  /** Spend per needed unit in the base currency (eligible only). */
  cost: number;
  days: number;
  /** For the reason. */
  terms: string;
}

/** Why an offer can never be chosen on this day (whoever failed), or null when it can. */
function neverChosen(o: OfferWithSupplier, ctx: SourcingContext): string | null {
  const { offer, supplier } = o;
  if (offer.sku !== ctx.sku) return `offer ${offer.id} is for SKU '${offer.sku}', not '${ctx.sku}'`;
  if (offer.supplierId !== supplier.id) return `offer ${offer.id} belongs to supplier ${offer.supplierId}, not ${supplier.id}`;
  if (!supplier.active) return `supplier ${supplier.name} is inactive`;
  if (!supplier.failover) return `supplier ${supplier.name} has failover switched off`;
  if (!offer.active) return `offer ${offer.id} is inactive`;
  // YYYY-MM-DD strings order as the dates do.
  if (offer.validFrom !== null && offer.validFrom > ctx.today) return `offer ${offer.id} is valid only from ${offer.validFrom}`;
  if (offer.validTo !== null && offer.validTo < ctx.today) return `offer ${offer.id} expired ${offer.validTo}`;
  if (!(Number.isFinite(offer.unitCost) && offer.unitCost >= 0)) return `offer ${offer.id} has no valid unit cost`;
  if (!(Number.isInteger(offer.multiple) && offer.multiple >= 1)) return `offer ${offer.id} has an invalid multiple ${offer.multiple}`;
  if (!(Number.isInteger(offer.minQuantity) && offer.minQuantity >= 0)) return `offer ${offer.id} has an invalid minimum quantity ${offer.minQuantity}`;
  const region = ctx.receivingRegion;
  if (region && supplier.regions.length > 0 && !supplier.regions.includes(region)) return `${supplier.name} does not ship to region ${region}`;
  if (ctx.fx && supplier.currency !== ctx.fx.base && !((ctx.fx.rates[supplier.currency] ?? 0) > 0)) {
    return `no exchange rate from ${supplier.currency} to ${ctx.fx.base} to compare its cost`;
  }
  return null;
}

/** The offers of one SKU, prepared for deciding any number of its failing lines on one day. */
export interface PreparedSourcing {
  readonly context: SourcingContext;
  decide(line: SourcingLine): SourcingDecision;
}

/**
 * Works out once what every line of the SKU shares (eligibility on the day, lead times, reliability, landed
 * costs and most of each why); `decide` then costs a few allocations per offer. `chooseSource` is both in one.
 */
export function prepareSourcing(ctx: SourcingContext): PreparedSourcing {
  const today = epochDay(ctx.today);
  if (!Number.isFinite(today) || dateOf(today) !== ctx.today) throw new RangeError(`today '${ctx.today}' is not a date`);
  const z = normalQuantile(ctx.confidence ?? DEFAULT_CONFIDENCE);
  const prepared: PreparedOffer[] = ctx.offers.map((o) => {
    const { offer, supplier } = o;
    const perf = ctx.performance?.get(supplier.id);
    const reliability = reliabilityOf(perf);
    const lead = blendedLeadTime({ mean: offer.leadTimeDays ?? supplier.leadTimeDays, sd: supplier.leadTimeSdDays }, perf);
    const days = Math.max(0, Math.ceil(lead.mean + z * lead.sd - EPS));
    const shipping = ctx.shippingCostPerUnit?.get(supplier.id) ?? 0;
    const landed = offer.unitCost + shipping;
    const expectedArrival = dateOf(today + days);
    return {
      o,
      never: neverChosen(o, ctx),
      reliability,
      days,
      expectedArrival,
      landed,
      rate: ctx.fx && supplier.currency !== ctx.fx.base ? (ctx.fx.rates[supplier.currency] ?? Number.NaN) : 1,
      costText: ` × ${money(landed)} ${supplier.currency}${shipping > 0 ? ` (incl. shipping ${money(shipping)})` : ''}`,
      arrivalText: `; arrives by ${expectedArrival} (lead time ${r2(lead.mean)} ± ${r2(lead.sd)} days${lead.sample > 0 ? `, ${lead.sample} measured` : ', stated'})`,
      reliabilityText: `; reliability ${r2(reliability)}${perf && perf.lines > 0 ? ` over ${perf.lines} lines` : ' (no history: prior)'}`,
    };
  });
  const weights = ctx.weights ?? DEFAULT_SOURCING_WEIGHTS;
  return { context: ctx, decide: (line) => decide(ctx, prepared, weights, today, line) };
}

/**
 * Chooses the offer that re-sources the unfilled units of a failing line, or none, and says why. Every offer
 * given is a candidate in the answer (eligible first, best first), each with its own why.
 */
export function chooseSource(input: SourcingInput): SourcingDecision {
  return prepareSourcing(input).decide(input);
}

function decide(ctx: SourcingContext, prepared: readonly PreparedOffer[], weights: SourcingWeights, today: number, line: SourcingLine): SourcingDecision {
  const base = { sku: ctx.sku, trigger: line.trigger, quantity: line.quantity };
  if (!(Number.isInteger(line.quantity) && line.quantity > 0)) {
    return { ...base, candidates: [], chosen: null, reason: `nothing to source: ${line.quantity} units unfilled` };
  }
  const excluded = line.excludeSupplierIds;
  const needBy = line.needBy ? epochDay(line.needBy) : Number.NaN;
  const all: Working[] = [];
  const eligible: Working[] = [];
  for (const p of prepared) {
    const { offer, supplier } = p.o;
    const not = p.never ?? (excluded.includes(supplier.id) ? `${supplier.name} is the failing supplier or was already tried for these units` : null);
    const c: SourcingCandidate = {
      offerId: offer.id,
      supplierId: supplier.id,
      supplierName: supplier.name,
      currency: supplier.currency,
      unitCost: offer.unitCost,
      landedUnitCost: p.landed,
      orderQuantity: 0,
      expectedArrival: p.expectedArrival,
      reliability: p.reliability,
      score: 0,
      eligible: not === null,
      why: not ?? '',
    };
    const w: Working = { c, priority: offer.priority, cost: Number.POSITIVE_INFINITY, days: p.days, terms: '' };
    all.push(w);
    if (not !== null) continue;

    let qty = orderQuantity(line.quantity, offer.minQuantity, offer.multiple);
    let terms = '';
    if (offer.minQuantity > line.quantity) terms = `minimum ${offer.minQuantity}`;
    if (offer.multiple > 1) terms += `${terms ? ', ' : ''}multiple ${offer.multiple}`;
    const open = line.existingOpenPos?.get(supplier.id);
    const minValue = supplier.minOrderValue ?? 0;
    const have = open?.total ?? 0;
    if (minValue > 0 && p.landed > 0 && have + qty * p.landed < minValue - EPS) {
      qty = Math.ceil((minValue - have) / p.landed / offer.multiple - EPS) * offer.multiple;
      terms += `${terms ? ', ' : ''}minimum order value ${money(minValue)} ${supplier.currency}`;
    }
    c.orderQuantity = qty;
    w.cost = ((p.landed * qty) / line.quantity) * p.rate;
    w.terms = terms ? ` (${terms})` : '';
    const late = Number.isFinite(needBy) && today + p.days > needBy ? `, after the need-by date ${line.needBy ?? ''}` : '';
    c.why = `${qty}${p.costText}${w.terms}${p.arrivalText}${late}${p.reliabilityText}${open ? `; extends open PO ${open.poId}` : ''}`;
    eligible.push(w);
  }

  score(eligible, weights);
  all.sort(compare);
  const candidates = all.map((w) => w.c);
  const best = all[0];
  if (!best || !best.c.eligible) {
    const reason =
      all.length === 0
        ? `no offer for SKU '${ctx.sku}': nothing to re-source ${line.quantity} units to`
        : `no eligible offer for SKU '${ctx.sku}' on ${ctx.today}: ${candidates.map((c) => c.why).join('; ')}`;
    return { ...base, candidates, chosen: null, reason };
  }
  const c = best.c;
  const open = line.existingOpenPos?.get(c.supplierId);
  const next = all[1]?.c;
  const runnerUp = next?.eligible ? `; next ${next.supplierName} at ${r2(next.score)}` : '';
  const reason =
    `${line.trigger}: ${line.quantity} units of '${ctx.sku}' re-sourced to ${c.supplierName} (offer ${c.offerId}), ` +
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
