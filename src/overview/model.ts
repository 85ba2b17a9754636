/**
 * Overview: the operator's read views across modules — the stock table (one row per SKU, sortable and
 * filterable on the server) and the dashboard's overview (what needs attention now). It owns no tables: it
 * reads the other modules through their services (and the outbox for when a SKU went out of stock).
 */
import type { AvailabilityStatus } from '../inventory/model.ts';
import type { ProductStatus } from '../catalog/model.ts';

export const STOCK_SORTS = ['sku', 'title', 'status', 'onHand', 'reserved', 'committed', 'availableToSell', 'backordered', 'waiting', 'inbound'] as const;
export type StockSort = (typeof STOCK_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** One SKU of the stock table: its units summed over locations, and its availability as the storefront sees it. */
export interface StockRow {
  sku: string;
  title: string;
  category: string;
  productStatus: ProductStatus;
  status: AvailabilityStatus;
  onHand: number;
  reserved: number;
  committed: number;
  safetyStock: number;
  /** Σ over locations of max(0, onHand − reserved − committed − safetyStock). */
  free: number;
  /** max(0, free − backordered − preordered) for an active tracked SKU; 0 while upcoming; null when not tracked. */
  availableToSell: number | null;
  backordered: number;
  preordered: number;
  inbound: number;
  /** People on the waitlist (status waiting) and the units they want. */
  waiting: number;
  waitingUnits: number;
  lowStockThreshold: number;
  /** When the product was created (orders the overview's out-of-stock list when no event says when it went out). */
  createdAt: string;
}

export interface StockQuery {
  q?: string | undefined;
  statuses?: readonly AvailabilityStatus[] | undefined;
  category?: string | undefined;
  sort: StockSort;
  order: SortOrder;
  limit: number;
  offset: number;
}

export interface StockPage {
  items: StockRow[];
  total: number;
}

export interface OutOfStockItem {
  sku: string;
  title: string;
  /** When it last stopped selling (the latest inventory.out_of_stock event still kept), null when unknown. */
  since: string | null;
  waiting: number;
  backordered: number;
}

export interface AtRiskItem {
  sku: string;
  title: string;
  availableToSell: number;
  lowStockThreshold: number;
  /** availableToSell over the latest forecast's mean daily demand; null without a forecast or demand. */
  daysOfCover: number | null;
}

export interface DemandItem {
  sku: string;
  title: string;
  people: number;
  units: number;
}

export interface LateInboundItem {
  id: string;
  sku: string;
  title: string;
  /** Units still expected (ordered less received). */
  quantity: number;
  /** The expected date (YYYY-MM-DD) that has passed. */
  expectedAt: string;
  daysLate: number;
}

export interface Section<T> {
  /** How many there are in all; `items` holds the first ten. */
  total: number;
  items: T[];
}

export interface Overview {
  counts: { products: number; byStatus: Record<AvailabilityStatus, number> };
  outOfStock: Section<OutOfStockItem>;
  atRisk: Section<AtRiskItem>;
  waitlistDemand: Section<DemandItem>;
  lateInbound: Section<LateInboundItem>;
  messages: { queued: number; failedLast24h: number };
  webhooks: { endpoints: number; failing: number };
}

/** A forecast as the overview needs it: demand per period of its granularity. */
export interface DemandForecast {
  granularity: 'day' | 'week' | 'month';
  mean: readonly number[];
}
