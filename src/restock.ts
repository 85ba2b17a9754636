/**
 * Assembles Restock: one database, the module services wired to each other, and the background work
 * (outbox follower, reservation sweeper). The API and the CLI both start from here.
 */
import { systemClock, type Clock } from './core/clock.ts';
import { createLogger, type Logger } from './core/log.ts';
import { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { CatalogService } from './catalog/service.ts';
import { InventoryService } from './inventory/service.ts';
import { OrdersService } from './orders/service.ts';
import { EventHub } from './messaging/hub.ts';
import { ApiKeys } from './api/keys.ts';

export interface RestockOptions {
  databaseUrl: string;
  clock?: Clock;
  logger?: Logger;
  /** Run background loops (sweeper). Tests drive them by hand instead. */
  background?: boolean;
  migrate?: boolean;
  poolSize?: number;
}

export class Restock {
  readonly catalog: CatalogService;
  readonly inventory: InventoryService;
  readonly orders: OrdersService;
  readonly events: EventHub;
  readonly keys: ApiKeys;
  private timers: NodeJS.Timeout[] = [];

  private constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly logger: Logger,
  ) {
    this.catalog = new CatalogService(db, clock);
    this.inventory = new InventoryService(db, clock, this.catalog);
    this.orders = new OrdersService(db, clock, this.catalog, this.inventory);
    this.events = new EventHub(db);
    this.keys = new ApiKeys(db, clock);
  }

  static async open(opts: RestockOptions): Promise<Restock> {
    const db = Database.open(opts.databaseUrl, { poolSize: opts.poolSize });
    const r = new Restock(db, opts.clock ?? systemClock, opts.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent'));
    if (opts.migrate !== false) await migrate(db);
    await r.inventory.start();
    await r.events.start();
    if (opts.background) r.startBackground();
    return r;
  }

  private startBackground(): void {
    const sweep = setInterval(() => {
      this.inventory.sweepExpired().catch((err: unknown) => this.logger.warn({ err }, 'reservation sweep failed'));
    }, 1000);
    sweep.unref();
    this.timers.push(sweep);
    const release = setInterval(() => {
      this.orders.releaseDue().catch((err: unknown) => this.logger.warn({ err }, 'pre-order release failed'));
    }, 60_000);
    release.unref();
    this.timers.push(release);
    void this.orders.releaseDue().catch((err: unknown) => this.logger.warn({ err }, 'pre-order release failed'));
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.events.stop();
    await this.db.close();
  }
}
