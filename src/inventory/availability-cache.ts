/**
 * In-process availability cache. Writers put the exact new value after commit (highest version wins); other
 * processes' writes arrive as invalidations (LISTEN/NOTIFY). A load that raced an invalidation is not kept,
 * so a stale value never outlives the next write.
 */
import type { Availability } from './model.ts';

export class AvailabilityCache {
  private readonly values = new Map<string, Availability>();
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;

  constructor(private readonly maxEntries = 200_000) {}

  get(sku: string): Availability | undefined {
    return this.values.get(sku);
  }

  /** A token to hand back to `fill` so a load started before an invalidation is dropped. */
  ticket(sku: string): number {
    return this.globalGeneration * 1_000_000_000 + (this.generations.get(sku) ?? 0);
  }

  fill(a: Availability, ticket: number): void {
    if (ticket !== this.ticket(a.sku)) return;
    this.put(a);
  }

  put(a: Availability): void {
    const old = this.values.get(a.sku);
    if (old && old.version > a.version) return;
    if (!old && this.values.size >= this.maxEntries) {
      const first = this.values.keys().next();
      if (!first.done) this.values.delete(first.value);
    }
    this.values.set(a.sku, a);
  }

  invalidate(skus: readonly string[] | '*'): void {
    if (skus === '*') {
      this.globalGeneration++;
      this.values.clear();
      return;
    }
    for (const s of skus) {
      this.values.delete(s);
      this.generations.set(s, (this.generations.get(s) ?? 0) + 1);
    }
  }

  get size(): number {
    return this.values.size;
  }
}
