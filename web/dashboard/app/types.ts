/**
 * Answers of the read views the dashboard leads with (GET /v1/stock, GET /v1/overview, the alert settings),
 * written out here until the generated schema describes them; then these become aliases of its types.
 */
import type { Schemas } from 'restock/client';

export type AvailabilityStatus = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder' | 'preorder' | 'discontinued';
export const AVAILABILITY_STATUSES: readonly AvailabilityStatus[] = ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued'];

export interface StockRow {
  sku: string;
  title: string;
  category: string;
  productStatus: 'active' | 'upcoming' | 'discontinued';
  status: AvailabilityStatus;
  onHand: number;
  reserved: number;
  committed: number;
  safetyStock: number;
  free: number;
  availableToSell: number | null;
  backordered: number;
  preordered: number;
  inbound: number;
  waiting: number;
  waitingUnits: number;
  lowStockThreshold: number;
}
export const STOCK_SORTS = ['sku', 'title', 'status', 'onHand', 'reserved', 'committed', 'availableToSell', 'backordered', 'waiting', 'inbound'] as const;
export type StockSort = (typeof STOCK_SORTS)[number];

interface Top<T> {
  total: number;
  items: T[];
}
export interface Overview {
  counts: { products: number; byStatus: Record<AvailabilityStatus, number> };
  outOfStock: Top<{ sku: string; title: string; since: string | null; waiting: number; backordered: number }>;
  atRisk: Top<{ sku: string; title: string; availableToSell: number; lowStockThreshold: number; daysOfCover: number | null }>;
  waitlistDemand: Top<{ sku: string; title: string; people: number; units: number }>;
  lateInbound: Top<{ id: string; sku: string; title: string; quantity: number; expectedAt: string; daysLate: number }>;
  messages: { queued: number; failedLast24h: number };
  webhooks: { endpoints: number; failing: number };
}

export type Product = Schemas['Product'];
export type ProductPolicy = Product['policy'];
export interface LocationRow {
  code: string;
  name: string;
  type: 'warehouse' | 'store' | 'dropship';
  priority: number;
  region: string;
}
export const LOCATION_TYPES: ReadonlyArray<LocationRow['type']> = ['warehouse', 'store', 'dropship'];
