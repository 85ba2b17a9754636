/**
 * Group commit for order placement, the idea of inventory's reservation batcher applied to orders. Orders that
 * arrive while a placement transaction runs wait and then share the next one: the SKU locks, the stock and
 * queue reads, the ledger, level and outbox writes and the commit are paid once per batch instead of once per
 * order, which is what lets a flash sale (hundreds of shoppers on one SKU) be served at the rate the database
 * commits. Each order is still decided on its own, in arrival order, against what the ones before it left, so
 * no-oversell holds exactly as one by one.
 *
 * A batch's answer is one outcome per order: an order refused on its merits (no stock, a cap, an unknown SKU)
 * is an outcome, not a failure, and leaves nothing written. A batch whose transaction fails (a constraint, an
 * invariant, the database) rolled back whole, so each order is tried again alone, in arrival order: one bad
 * order fails only itself, and none is placed twice.
 */

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Pending<Q, R> = { req: Q; resolve: (r: R) => void; reject: (e: unknown) => void };

export class OrderBatcher<Q, R> {
  private queue: Array<Pending<Q, R>> = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly runBatch: (reqs: Q[]) => Promise<Array<Outcome<R>>>,
    private readonly maxBatch = 256,
    private readonly maxParallel = 1,
  ) {}

  submit(req: Q): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (this.running < this.maxParallel && !this.scheduled) {
        // Start on the next turn of the event loop, not now: the requests whose bytes arrived in this turn reach
        // the queue first and share the batch. On SQLite this matters most: the driver is synchronous, so a
        // transaction started at once would run to its end before the server read the next request, and every
        // batch would hold one order.
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.queue.length === 0 || this.running >= this.maxParallel) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.running++;
    // settle() never rejects: every order's outcome goes to its own promise.
    void this.settle(batch).finally(() => {
      this.running--;
      this.flush();
    });
  }

  private async settle(batch: Array<Pending<Q, R>>): Promise<void> {
    let outcomes: Array<Outcome<R>> | null = null;
    try {
      outcomes = await this.runBatch(batch.map((p) => p.req));
    } catch (err: unknown) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
    }
    if (outcomes) {
      batch.forEach((p, i) => deliver(p, outcomes[i]));
      return;
    }
    // The batch rolled back: nothing of it was written. Alone, each order meets the state the ones before it
    // left, as in the batch; a failure now is that order's own.
    for (const p of batch) {
      try {
        const [outcome] = await this.runBatch([p.req]);
        deliver(p, outcome);
      } catch (err: unknown) {
        p.reject(err);
      }
    }
  }
}

function deliver<Q, R>(p: Pending<Q, R>, o: Outcome<R> | undefined): void {
  if (!o) p.reject(new Error('order batch gave no outcome for an order'));
  else if (o.ok) p.resolve(o.value);
  else p.reject(o.error);
}
