/**
 * Group commit for reservations. Requests that arrive while a transaction is running wait and then share the
 * next one: the SKU lock is taken once per batch instead of once per reservation, which is what lets one hot
 * SKU take thousands of reservations a second. Each request is still decided on its own, in arrival order,
 * against the stock left by those before it, so the no-oversell guarantee is the same as one by one. A batch
 * that fails is retried request by request, so one bad request never fails the others.
 */
import type { ReserveRequest, ReserveResult } from './model.ts';

type Pending = { req: ReserveRequest; resolve: (r: ReserveResult) => void; reject: (e: unknown) => void };

/**
 * Lanes: requests are split by SKU into `lanes` queues, each running one batch at a time. One SKU always goes to
 * the same lane, so a hot SKU's batches never wait on each other's lock; SKUs spread over many lanes commit in
 * parallel on a database with many connections (PostgreSQL). SQLite has one writer: one lane.
 */
export class ReservationBatcher {
  private readonly queues: Pending[][];
  private readonly running: boolean[];

  constructor(
    private readonly runBatch: (reqs: ReserveRequest[]) => Promise<ReserveResult[]>,
    private readonly maxBatch = 256,
    lanes = 1,
  ) {
    this.queues = Array.from({ length: Math.max(1, lanes) }, () => []);
    this.running = this.queues.map(() => false);
  }

  submit(req: ReserveRequest): Promise<ReserveResult> {
    return new Promise((resolve, reject) => {
      const lane = this.queues.length === 1 ? 0 : laneOf(req.sku, this.queues.length);
      (this.queues[lane] as Pending[]).push({ req, resolve, reject });
      if (!this.running[lane]) this.flush(lane);
    });
  }

  private flush(lane: number): void {
    const queue = this.queues[lane] as Pending[];
    if (queue.length === 0) return;
    const batch = queue.splice(0, this.maxBatch);
    this.running[lane] = true;
    // settle() never rejects: every request's outcome goes to its own promise.
    void this.settle(batch).finally(() => {
      this.running[lane] = false;
      this.flush(lane);
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

/** FNV-1a of the SKU: the same SKU, the same lane. */
function laneOf(sku: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}
