/**
 * Products as stock writes last read them, each with the revision it was read at (sku_state.product_rev). A
 * lookup names the revision the caller read under the SKU's lock, so an entry is used only while it is still
 * the committed product: no invalidation message has to arrive in time, in this process or another. Bounded:
 * the least recently used entries go first (a shop's hot SKUs stay).
 */
import type { Product } from './model.ts';

export class ProductCache {
  private readonly entries = new Map<string, { rev: number; product: Product }>();

  constructor(private readonly capacity = 50_000) {}

  get(sku: string, rev: number): Product | undefined {
    const e = this.entries.get(sku);
    if (!e) return undefined;
    if (e.rev !== rev) {
      this.entries.delete(sku);
      return undefined;
    }
    return e.product;
  }

  put(sku: string, rev: number, product: Product): void {
    const current = this.entries.get(sku);
    // A slower reader must not put back an older revision over a newer one.
    if (current && current.rev > rev) return;
    this.entries.delete(sku);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Shared by every write that reads the SKU from now on: frozen, so a change to it fails loudly, not silently.
    Object.freeze(product.policy);
    Object.freeze(product.attributes);
    this.entries.set(sku, { rev, product: Object.freeze(product) });
  }
}
