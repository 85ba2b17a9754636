/**
 * The plain data the sourcing policy (sourcing.ts) and the performance calculation (performance.ts) decide on.
 * The names mirror the shared model of issue 12 (Supplier, Offer, Decision, Performance in suppliers/model.ts);
 * only the fields a decision reads are required here, so the service can hand over its rows as they are.
 */

export type SourcingTrigger = 'rejected' | 'short' | 'ack_timeout' | 'ship_late';

/** The supplier fields sourcing reads (a subset of Supplier). */
export interface SourcingSupplier {
  id: string;
  name: string;
  currency: string;
  leadTimeDays: number;
  leadTimeSdDays: number;
  /** Regions it ships to; empty = anywhere. */
  regions: readonly string[];
  active: boolean;
  /** False: failover never sends units to this supplier. */
  failover: boolean;
  /** The least a new purchase order with it may be worth (in its currency); 0 = none. */
  minOrderValue?: number | undefined;
}

/** The offer fields sourcing reads (a subset of Offer). */
export interface SourcingOffer {
  id: string;
  supplierId: string;
  sku: string;
  unitCost: number;
  minQuantity: number;
  multiple: number;
  /** Overrides the supplier's lead time for this SKU. */
  leadTimeDays: number | null;
  /** Lower first, on equal scores. */
  priority: number;
  /** YYYY-MM-DD, inclusive; null = open. */
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
}

/** An offer joined with its supplier, eligible or not: the policy says which and why. */
export interface OfferWithSupplier {
  offer: SourcingOffer;
  supplier: SourcingSupplier;
}

/** A supplier's measured performance, learned from its PO history (performance.ts). Null: nothing to measure. */
export interface Performance {
  supplierId: string;
  /** Lines counted (sent, not cancelled). */
  lines: number;
  /** Share of due lines received by their confirmed date. */
  onTimeRate: number | null;
  /** Units received ÷ units ordered, over finished lines. */
  fillRate: number | null;
  ackHours: { mean: number | null; p90: number | null };
  /** Sent → (last) received, in days. */
  leadTimeDays: { mean: number | null; sd: number | null; p90: number | null };
  /** Received lines the lead-time figures come from. */
  sample: number;
}

/** How much each criterion counts; any non-negative numbers (they are normalised by their sum). */
export interface SourcingWeights {
  cost: number;
  arrival: number;
  reliability: number;
}

export const DEFAULT_SOURCING_WEIGHTS: SourcingWeights = Object.freeze({ cost: 0.5, arrival: 0.3, reliability: 0.2 });

/** Exchange rates into one base currency: `rates[c]` base units per unit of `c`. */
export interface FxTable {
  base: string;
  rates: Readonly<Record<string, number>>;
}

/** An open (draft or sent) purchase order with a supplier that re-sourced units may extend. */
export interface OpenPo {
  poId: string;
  /** The PO's line for this SKU (and receiving location), when it has one. */
  lineId: string | null;
  /** Value of the PO so far, in the supplier's currency: counts towards its minimum order value. */
  total?: number | undefined;
}

/**
 * What stays the same for every failing line of one SKU on one day: its offers and what is known of their
 * suppliers. `prepareSourcing` works it out once; the lines are then decided against it.
 */
export interface SourcingContext {
  sku: string;
  today: string;
  offers: readonly OfferWithSupplier[];
  performance?: ReadonlyMap<string, Performance> | undefined;
  weights?: SourcingWeights | undefined;
  receivingRegion?: string | null | undefined;
  /** Per supplier id: shipping cost per unit, in that supplier's currency. */
  shippingCostPerUnit?: ReadonlyMap<string, number> | undefined;
  fx?: FxTable | undefined;
  /** Confidence for the expected arrival (mean + z·sd); default 0.9. */
  confidence?: number | undefined;
}

/** One failing line's units to re-source. */
export interface SourcingLine {
  /** Units left unfilled by the failing line. */
  quantity: number;
  trigger: SourcingTrigger;
  /** The failing supplier and any already tried for these units: never chosen. */
  excludeSupplierIds: readonly string[];
  /** The date the units are needed by (YYYY-MM-DD), if any: a later arrival is said in the why. */
  needBy?: string | null | undefined;
  /** Per supplier id: an open PO to extend rather than create a new one. */
  existingOpenPos?: ReadonlyMap<string, OpenPo> | undefined;
}

export type SourcingInput = SourcingContext & SourcingLine;

export interface SourcingCandidate {
  offerId: string;
  supplierId: string;
  supplierName: string;
  currency: string;
  unitCost: number;
  /** Unit cost plus shipping per unit, in the candidate's currency. */
  landedUnitCost: number;
  /** Units it would order: the unfilled quantity rounded up to its minimum, multiple and minimum order value. */
  orderQuantity: number;
  expectedArrival: string;
  reliability: number;
  /** 0..1, higher is better; 0 for an ineligible candidate. */
  score: number;
  eligible: boolean;
  why: string;
}

export interface SourcingChoice {
  supplierId: string;
  offerId: string;
  /** The open PO to extend, or null: create one. */
  poId: string | null;
  /** The line of that PO to extend, or null: add one. */
  lineId: string | null;
  quantity: number;
}

/** The Decision of the shared model less what the service adds (id, poId, lineId of the failing line, at). */
export interface SourcingDecision {
  sku: string;
  trigger: SourcingTrigger;
  quantity: number;
  candidates: SourcingCandidate[];
  chosen: SourcingChoice | null;
  reason: string;
}

// ---- performance

export type PoLineHistoryStatus = 'open' | 'confirmed' | 'rejected' | 'shipped' | 'received' | 'cancelled';

/** One PO line as performance reads it. Timestamps ISO 8601 UTC, dates YYYY-MM-DD. */
export interface PoLineHistory {
  orderedAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  confirmedDate: string | null;
  quantity: number;
  confirmedQuantity: number | null;
  receivedQuantity: number;
  /** The last receipt. */
  receivedAt: string | null;
  status: PoLineHistoryStatus;
}
