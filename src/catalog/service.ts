/**
 * Catalog use cases: create or update SKUs (one at a time or in bulk, as the importer does) and read them.
 * Other modules learn of product writes through `onProductsWritten` hooks that run inside the same transaction
 * (inventory recomputes availability there), so a policy change and its effect commit together.
 */
import type { Clock } from '../core/clock.ts';
import { Invalid, InvariantViolation, NotFound } from '../core/errors.ts';
import type { Database, Q, Tx, TxContext } from '../db/database.ts';
import { DEFAULT_POLICY, type Product, type ProductInput } from './model.ts';
import { normalisePrice, validateProductInput } from './policy.ts';
import { ProductCache } from './product-cache.ts';
import { findProductForUpdate, findProducts, listProducts, productSummaries, upsertProducts, type ProductQuery, type ProductSummary } from './store.ts';

export type { ProductSummary } from './store.ts';

export type ProductsWrittenHook = (ctx: TxContext, skus: string[]) => Promise<void>;

export class CatalogService {
  private readonly hooks: ProductsWrittenHook[] = [];
  private readonly cache = new ProductCache();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  onProductsWritten(hook: ProductsWrittenHook): void {
    this.hooks.push(hook);
  }

  async upsert(input: ProductInput): Promise<{ product: Product; created: boolean }> {
    const [r] = await this.upsertMany([input]);
    if (!r) throw new InvariantViolation('upsertMany returned nothing for one input', { sku: input.sku });
    return r;
  }

  /** Validates every input first: one bad product fails the batch before anything is written. */
  async upsertMany(inputs: ProductInput[]): Promise<Array<{ product: Product; created: boolean }>> {
    for (const i of inputs) validateProductInput(i);
    rejectRepeats(inputs);
    const prices = inputs.map((i) => normalisePrice(i.price));
    return this.db.transaction((ctx) => this.upsertManyValidated(ctx, inputs, prices));
  }

  /** The same inside another module's transaction (a pre-order release turns its SKU active with its allocations). */
  async upsertManyIn(ctx: TxContext, inputs: ProductInput[]): Promise<Array<{ product: Product; created: boolean }>> {
    for (const i of inputs) validateProductInput(i);
    rejectRepeats(inputs);
    return this.upsertManyValidated(ctx, inputs, inputs.map((i) => normalisePrice(i.price)));
  }

  private async upsertManyValidated(ctx: TxContext, inputs: ProductInput[], prices: string[]): Promise<Array<{ product: Product; created: boolean }>> {
    {
      const skus = inputs.map((i) => i.sku);
      const existing = await findProducts(ctx.tx, skus);
      const now = this.clock.now().toISOString();
      const out = inputs.map((i, n) => {
        const old = existing.get(i.sku);
        const product: Product = {
          sku: i.sku,
          title: i.title,
          description: i.description ?? old?.description ?? '',
          category: i.category ?? old?.category ?? '',
          brand: i.brand ?? old?.brand ?? '',
          price: prices[n] ?? '0',
          currency: i.currency ?? old?.currency ?? 'EUR',
          attributes: i.attributes ?? old?.attributes ?? {},
          status: i.status ?? old?.status ?? 'active',
          policy: { ...DEFAULT_POLICY, ...old?.policy, ...stripUndefined(i.policy ?? {}) },
          createdAt: old?.createdAt ?? now,
          updatedAt: now,
        };
        return { product, created: !old };
      });
      await upsertProducts(ctx.tx, out.map((o) => o.product));
      for (const hook of this.hooks) await hook(ctx, skus);
      return out;
    }
  }

  async get(sku: string): Promise<Product> {
    const found = (await findProducts(this.db.kysely, [sku])).get(sku);
    if (!found) throw new NotFound('Product', sku, 'unknown_sku');
    return found;
  }

  async getMany(skus: readonly string[]): Promise<Map<string, Product>> {
    return findProducts(this.db.kysely, skus);
  }

  /** Reads products inside another module's transaction. */
  async getManyIn(q: Q | Tx, skus: readonly string[]): Promise<Map<string, Product>> {
    return findProducts(q, skus);
  }

  /**
   * Products inside a stock write, by revision: `revs` holds each SKU's product revision, read under the SKU's
   * lock (sku_state.product_rev, which every product write bumps under that lock). A cached product of the
   * same revision is the committed one in any process, so only products written since are read.
   */
  async getAtRevisions(tx: Tx, revs: ReadonlyMap<string, number>): Promise<Map<string, Product>> {
    const out = new Map<string, Product>();
    const missing: string[] = [];
    for (const [sku, rev] of revs) {
      const hit = this.cache.get(sku, rev);
      if (hit) out.set(sku, hit);
      else missing.push(sku);
    }
    if (missing.length > 0) {
      for (const [sku, p] of await findProducts(tx, missing)) {
        out.set(sku, p);
        this.cache.put(sku, revs.get(sku) ?? 0, p);
      }
    }
    return out;
  }

  /** After a product write commits at `rev`, the product as written is the committed one of that revision. */
  rememberAt(sku: string, rev: number, product: Product): void {
    this.cache.put(sku, rev, product);
  }

  async list(query: ProductQuery): Promise<Product[]> {
    return listProducts(this.db.kysely, query);
  }

  /** Every product's summary (no description, attributes or policy beyond the low-stock threshold), by SKU. */
  async summaries(filter: { category?: string | undefined } = {}): Promise<ProductSummary[]> {
    return productSummaries(this.db.kysely, filter);
  }

  /**
   * Changes some fields of an existing product: what is not given stays, `policy` fields merge into the
   * current policy, `attributes` replaces the whole set. The merged product goes through the same validation
   * and write as an upsert (so availability is recomputed in the same transaction), read and written in one
   * transaction: a patch never half-applies nor overwrites a concurrent one with stale fields it did not name.
   */
  async patch(sku: string, patch: ProductPatch): Promise<Product> {
    checkPatch(patch);
    return this.db.transaction(async (ctx) => {
      const old = await findProductForUpdate(ctx.tx, sku, this.db.isPostgres);
      if (!old) throw new NotFound('Product', sku, 'unknown_sku');
      const input: ProductInput = {
        sku,
        title: patch.title ?? old.title,
        description: patch.description ?? old.description,
        category: patch.category ?? old.category,
        brand: patch.brand ?? old.brand,
        price: patch.price ?? old.price,
        currency: patch.currency ?? old.currency,
        attributes: patch.attributes ?? old.attributes,
        status: patch.status ?? old.status,
        policy: { ...old.policy, ...stripUndefined(patch.policy ?? {}) },
      };
      validateProductInput(input);
      const [r] = await this.upsertManyValidated(ctx, [input], [normalisePrice(input.price)]);
      if (!r) throw new InvariantViolation('upsert returned nothing for one input', { sku });
      return r.product;
    });
  }
}

/** The fields a PATCH may change: any of an upsert's but the SKU. */
export type ProductPatch = Partial<Omit<ProductInput, 'sku'>>;

/** A patch that names no field is a mistake of the caller's, not a no-op to hide. */
function checkPatch(patch: ProductPatch): void {
  const named = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (named.length === 0) throw new Invalid('the patch names no field to change', [{ field: 'body', message: 'give at least one field to change' }]);
}

function rejectRepeats(inputs: ProductInput[]): void {
  const seen = new Set<string>();
  for (const [n, i] of inputs.entries()) {
    if (seen.has(i.sku)) throw new Invalid(`sku '${i.sku}' appears more than once in the batch (item ${n})`, { sku: i.sku, item: n }, 'duplicate_sku');
    seen.add(i.sku);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
