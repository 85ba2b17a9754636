/**
 * Group commit for reservations. Requests that arrive while a transaction is running wait and then share the
 * next one: the SKU lock is taken once per batch instead of once per reservation, which is what lets one hot
 * SKU take thousands of reservations a second. Each request is still decided on its own, in arrival order,
 * against the stock left by those before it, so the no-oversell guarantee is the same as one by one.
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
    this.runBatch(batch.map((p) => p.req)).then(
      (results) => batch.forEach((p, i) => p.resolve(results[i] ?? { ok: false, reason: 'not_sellable', message: 'no result' })),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    ).finally(() => {
      this.running--;
      this.flush();
    });
  }
}
