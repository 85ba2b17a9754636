/** Catalog: SKUs with their descriptive fields and the per-SKU stock policy that the rest of Restock obeys. */
import type { Json } from '../core/json.ts';

export const PRODUCT_STATUSES = ['active', 'upcoming', 'discontinued'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface StockPolicy {
  trackInventory: boolean;
  lowStockThreshold: number;
  allowBackorder: boolean;
  /** Most units that may wait on backorder at once; null = no cap. */
  backorderLimit: number | null;
  allowPreorder: boolean;
  /** Most units that may be pre-ordered; null = no cap. */
  preorderLimit: number | null;
  /** Calendar date (YYYY-MM-DD) an upcoming SKU is released. */
  releaseDate: string | null;
  /** Supplier lead time, used for promised dates when no inbound is known. */
  leadTimeDays: number | null;
}

export interface Product {
  sku: string;
  title: string;
  description: string;
  category: string;
  brand: string;
  /** Decimal as a string ("19.99"): money never goes through binary floating point. */
  price: string;
  currency: string;
  attributes: Record<string, Json>;
  status: ProductStatus;
  policy: StockPolicy;
  createdAt: string;
  updatedAt: string;
}

export type ProductInput = Omit<Product, 'createdAt' | 'updatedAt' | 'policy' | 'description' | 'category' | 'brand' | 'attributes' | 'status' | 'currency'> & {
  description?: string;
  category?: string;
  brand?: string;
  currency?: string;
  attributes?: Record<string, Json>;
  status?: ProductStatus;
  policy?: Partial<StockPolicy>;
};

export const DEFAULT_POLICY: StockPolicy = {
  trackInventory: true,
  lowStockThreshold: 5,
  allowBackorder: false,
  backorderLimit: null,
  allowPreorder: false,
  preorderLimit: null,
  releaseDate: null,
  leadTimeDays: null,
};
