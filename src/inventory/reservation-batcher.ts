/**
 * Group commit for reservations. Requests that arrive while a transaction is running wait and then share the
 * next one: the SKU lock is taken once per batch instead of once per reservation, which is what lets one hot
 * SKU take thousands of reservations a second. Each request is still decided on its own, in arrival order,
 * against the stock left by those before it, so the no-oversell guarantee is the same as one by one. A batch
 * that fails is retried request by request, so one bad request never fails the others.
 */
import type { ReserveRequest, ReserveResult } from './model.ts';

type Pending = { req: ReserveRequest; resolve: (r: ReserveResult) => void; reject: (e: unknown) => void };

export class ReservationBatcher {
  private queue: Pending[] = [];
  private running = 0;

  constructor(
    private readonly runBatch: (reqs: ReserveRequest[]) => Promise<ReserveResult[]>,
    private readonly maxBatch = 256,
    private readonly maxParallel = 1,
  ) {}

  submit(req: ReserveRequest): Promise<ReserveResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (this.running < this.maxParallel) this.flush();
    });
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.running++;
    // settle() never rejects: every request's outcome goes to its own promise.
    void this.settle(batch).finally(() => {
      this.running--;
      this.flush();
    });
  }

  /**
   * Runs a batch as one transaction. When it fails, nothing of it was written (the transaction rolled back), so
   * each request is tried again alone, in arrival order: one request that fails (bad data, a constraint) fails
   * only itself, and the others are decided just as they would have been one by one.
   */
  private async settle(batch: Pending[]): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((p) => p.req));
      batch.forEach((p, i) => p.resolve(results[i] ?? NO_RESULT));
      return;
    } catch (err: unknown) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
    }
    for (const p of batch) {
      try {
        const [result] = await this.runBatch([p.req]);
        p.resolve(result ?? NO_RESULT);
      } catch (err: unknown) {
        p.reject(err);
      }
    }
  }
}

const NO_RESULT: ReserveResult = { ok: false, reason: 'not_sellable', message: 'no result' };
