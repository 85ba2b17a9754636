/** SQL for the catalog tables. */
import type { Selectable } from 'kysely';
import type { Q, Tx } from '../db/database.ts';
import type { ProductsTable } from '../db/schema.ts';
import { parseJsonObject } from '../core/json.ts';
import type { Product, ProductStatus } from './model.ts';

export function rowToProduct(r: Selectable<ProductsTable>): Product {
  return {
    sku: r.sku,
    title: r.title,
    description: r.description,
    category: r.category,
    brand: r.brand,
    price: r.price,
    currency: r.currency,
    attributes: parseJsonObject(r.attributes),
    status: r.status as ProductStatus,
    policy: {
      trackInventory: r.track_inventory === 1,
      lowStockThreshold: r.low_stock_threshold,
      allowBackorder: r.allow_backorder === 1,
      backorderLimit: r.backorder_limit,
      allowPreorder: r.allow_preorder === 1,
      preorderLimit: r.preorder_limit,
      releaseDate: r.release_date,
      leadTimeDays: r.lead_time_days,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function productToRow(p: Product): Selectable<ProductsTable> {
  return {
    sku: p.sku,
    title: p.title,
    description: p.description,
    category: p.category,
    brand: p.brand,
    price: p.price,
    currency: p.currency,
    attributes: JSON.stringify(p.attributes),
    status: p.status,
    track_inventory: p.policy.trackInventory ? 1 : 0,
    low_stock_threshold: p.policy.lowStockThreshold,
    allow_backorder: p.policy.allowBackorder ? 1 : 0,
    backorder_limit: p.policy.backorderLimit,
    allow_preorder: p.policy.allowPreorder ? 1 : 0,
    preorder_limit: p.policy.preorderLimit,
    release_date: p.policy.releaseDate,
    lead_time_days: p.policy.leadTimeDays,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export async function findProducts(q: Q | Tx, skus: readonly string[]): Promise<Map<string, Product>> {
  const out = new Map<string, Product>();
  for (let i = 0; i < skus.length; i += 500) {
    const chunk = skus.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await q.selectFrom('products').selectAll().where('sku', 'in', chunk).execute();
    for (const r of rows) out.set(r.sku, rowToProduct(r));
  }
  return out;
}

export async function upsertProducts(tx: Tx, products: Product[]): Promise<void> {
  for (let i = 0; i < products.length; i += 200) {
    const rows = products.slice(i, i + 200).map(productToRow);
    await tx
      .insertInto('products')
      .values(rows)
      .onConflict((oc) =>
        oc.column('sku').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          category: eb.ref('excluded.category'),
          brand: eb.ref('excluded.brand'),
          price: eb.ref('excluded.price'),
          currency: eb.ref('excluded.currency'),
          attributes: eb.ref('excluded.attributes'),
          status: eb.ref('excluded.status'),
          track_inventory: eb.ref('excluded.track_inventory'),
          low_stock_threshold: eb.ref('excluded.low_stock_threshold'),
          allow_backorder: eb.ref('excluded.allow_backorder'),
          backorder_limit: eb.ref('excluded.backorder_limit'),
          allow_preorder: eb.ref('excluded.allow_preorder'),
          preorder_limit: eb.ref('excluded.preorder_limit'),
          release_date: eb.ref('excluded.release_date'),
          lead_time_days: eb.ref('excluded.lead_time_days'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export interface ProductQuery {
  category?: string | undefined;
  status?: ProductStatus | undefined;
  q?: string | undefined;
  after?: string | undefined;
  limit: number;
}

export async function listProducts(q: Q, query: ProductQuery): Promise<Product[]> {
  let sel = q.selectFrom('products').selectAll();
  if (query.category) sel = sel.where('category', '=', query.category);
  if (query.status) sel = sel.where('status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    sel = sel.where((eb) => eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['sku']), 'like', like)]));
  }
  if (query.after) sel = sel.where('sku', '>', query.after);
  const rows = await sel.orderBy('sku').limit(query.limit).execute();
  return rows.map(rowToProduct);
}

/** What lists of many products show: no description or attributes, which may be large. */
export interface ProductSummary {
  sku: string;
  title: string;
  category: string;
  status: ProductStatus;
  lowStockThreshold: number;
  createdAt: string;
}

/** Every product's summary, in SKU order (the dashboard's stock table sorts and filters up to ~10k in memory). */
export async function productSummaries(q: Q, filter: { category?: string | undefined } = {}): Promise<ProductSummary[]> {
  let sel = q.selectFrom('products').select(['sku', 'title', 'category', 'status', 'low_stock_threshold', 'created_at']);
  if (filter.category !== undefined) sel = sel.where('category', '=', filter.category);
  const rows = await sel.orderBy('sku').execute();
  return rows.map((r) => ({ sku: r.sku, title: r.title, category: r.category, status: r.status as ProductStatus, lowStockThreshold: r.low_stock_threshold, createdAt: r.created_at }));
}

/**
 * One product read to be changed: on PostgreSQL its row stays locked until the transaction ends, so two patches
 * of one product apply one after the other, each to what the other wrote (SQLite has one writer anyway).
 */
export async function findProductForUpdate(tx: Tx, sku: string, isPostgres: boolean): Promise<Product | null> {
  let sel = tx.selectFrom('products').selectAll().where('sku', '=', sku);
  if (isPostgres) sel = sel.forUpdate();
  const r = await sel.executeTakeFirst();
  return r ? rowToProduct(r) : null;
}
