/** Names for the API's shapes the dashboard uses (from the generated schema), and the lists of their values. */
import type { paths, Schemas } from 'restock/client';

export type AvailabilityStatus = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder' | 'preorder' | 'discontinued';
export const AVAILABILITY_STATUSES: readonly AvailabilityStatus[] = ['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'preorder', 'discontinued'];

export type StockRow = Schemas['StockRow'];
export const STOCK_SORTS = ['sku', 'title', 'status', 'onHand', 'reserved', 'committed', 'availableToSell', 'backordered', 'waiting', 'inbound'] as const;
export type StockSort = (typeof STOCK_SORTS)[number];

export type Overview = Schemas['Overview'];
export type AlertSettings = paths['/v1/settings/alerts']['get']['responses'][200]['content']['application/json'];

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
