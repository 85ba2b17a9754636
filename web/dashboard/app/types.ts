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

// ---- suppliers, offers, purchase orders, failover (issue 12)
export type Supplier = Schemas['Supplier'];
export type SupplierChannel = Supplier['channel'];
export const SUPPLIER_CHANNELS: readonly SupplierChannel[] = ['email', 'portal', 'webhook'];
export type Offer = Schemas['Offer'];
export type PurchaseOrder = Schemas['PurchaseOrder'];
export type PoLine = PurchaseOrder['lines'][number];
export type PoStatus = PurchaseOrder['status'];
export const PO_STATUSES: readonly PoStatus[] = ['draft', 'sent', 'acknowledged', 'shipped', 'received', 'closed', 'cancelled'];
export type PoLineStatus = PoLine['status'];
export type SupplyDecision = Schemas['SupplyDecision'];
export type SupplyTrigger = SupplyDecision['trigger'];
export type SupplierPerformance = paths['/v1/suppliers/{id}/performance']['get']['responses'][200]['content']['application/json'];
/** GET/PUT /v1/settings/supply: failover on or off, the status of the orders it makes, ship grace days, weights. */
export type SupplySettings = Schemas['SupplySettings'];
/** GET /v1/supply/skus/:sku: the SKU's failover switch, its offers and the open PO lines bringing it. */
export type SkuSupply = Schemas['SkuSupply'];
