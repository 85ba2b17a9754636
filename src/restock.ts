/**
 * Assembles Restock: one database, the module services wired to each other, and the background work
 * (outbox reactors, reservation sweeper, unpaid browser-order sweeper, pre-order release, waitlist batches, message dispatch). The API and the
 * CLI both start from here.
 */
import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from './core/clock.ts';
import { createLogger, type Logger } from './core/log.ts';
import { TokenSigner } from './core/tokens.ts';
import { SecretBox, openStored } from './core/secret-box.ts';
import { addressPolicyFromEnv, type AddressPolicy, type Resolver } from './core/net-guard.ts';
import { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { readSetting } from './db/settings.ts';
import { CatalogService } from './catalog/service.ts';
import { InventoryService } from './inventory/service.ts';
import { OrdersService } from './orders/service.ts';
import { WaitlistService } from './waitlist/service.ts';
import type { EventType } from './core/events.ts';
import { INVENTORY_EVENT_TYPES } from './inventory/model.ts';
import { ORDER_EVENT_TYPES } from './orders/model.ts';
import { WAITLIST_EVENT_TYPES } from './waitlist/model.ts';
import { MESSAGE_EVENT_TYPES } from './messaging/model.ts';
import { EventTypeRegistry } from './messaging/event-types.ts';
import { EventHub } from './messaging/hub.ts';
import { OutboxConsumer, type RetryOptions } from './messaging/consumer.ts';
import { ReactorService } from './messaging/reactors.ts';
import { registerPoDelivery } from './suppliers/po-delivery.ts';
import { FailoverService } from './suppliers/failover.ts';
import { MessageService } from './messaging/messages.ts';
import { MessageDispatcher, type DispatcherOptions } from './messaging/dispatcher.ts';
import { OrderMessages } from './messaging/order-messages.ts';
import { StaffAlerts } from './messaging/alerts.ts';
import { WebhookService } from './messaging/webhooks/service.ts';
import { DEFAULT_RETENTION, RetentionSweeper, type RetentionSettings } from './messaging/retention.ts';
import { AccessService } from './access/service.ts';
import { PlanningService } from './planning/service.ts';
import { JobService } from './jobs/service.ts';
import { OverviewService } from './overview/service.ts';
import { SupplierService } from './suppliers/service.ts';
import { SUPPLY_EVENT_TYPES } from './suppliers/model.ts';

export interface RestockOptions {
  databaseUrl: string;
  clock?: Clock;
  logger?: Logger;
  /** Run background loops (reactors, sweeper, dispatch). Tests drive them by hand instead. */
  background?: boolean;
  migrate?: boolean;
  poolSize?: number;
  /** Reuse compiled statements (SQLite cache, PostgreSQL named statements); on by default, off to measure. */
  preparedStatements?: boolean;
  /** Absolute base of links this service hands out (emails). */
  publicUrl?: string;
  /** Secret for signed links; by default one generated once and kept in the database. */
  secret?: string;
  /**
   * The master secret that encrypts the secrets kept in the database (signing key, webhook secrets); default
   * `RESTOCK_SECRET`. Without one they are stored in plaintext.
   */
  masterSecret?: string;
  /** SMTP for customer email; without it messages are kept and readable through the API. */
  smtp?: Omit<DispatcherOptions, 'from'> & { from?: string };
  shopName?: string;
  /** How long a waitlist confirmation link works (default 7 days). */
  waitlistConfirmHours?: number;
  /** How reactors retry an event before parking it (tests retry at once). */
  reactorRetry?: RetryOptions;
  /**
   * Which addresses webhook endpoints may have, at registration and at each delivery. Default: from the
   * environment (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOW_HTTP; see core/net-guard.ts), which is https to public
   * addresses only when neither is set.
   */
  webhookPolicy?: AddressPolicy;
  /** Name resolution for the webhook guard (tests inject one; default: the system's). */
  webhookResolver?: Resolver;
  /** How long outbox events, finished messages and finished webhook deliveries are kept (30/90/30 days). */
  retention?: RetentionSettings;
}

/** Every event type a module declares; the compiler checks below that none is left out. */
const ALL_EVENT_TYPES = [...INVENTORY_EVENT_TYPES, ...ORDER_EVENT_TYPES, ...WAITLIST_EVENT_TYPES, ...MESSAGE_EVENT_TYPES, ...SUPPLY_EVENT_TYPES];
// A type declared into core's EventMap but missing from the lists above fails to compile here.
const everyEventTypeListed: [Exclude<EventType, (typeof ALL_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
void everyEventTypeListed;

export class Restock {
  readonly catalog: CatalogService;
  readonly inventory: InventoryService;
  readonly orders: OrdersService;
  readonly messages: MessageService;
  readonly waitlist: WaitlistService;
  /** Low-stock and out-of-stock emails to staff (settings and the reactor that records them). */
  readonly alerts: StaffAlerts;
  readonly events: EventHub;
  /** Every event type the outbox carries (webhook subscriptions, the live stream's filter, GET /v1/event-types). */
  readonly eventTypes = new EventTypeRegistry(ALL_EVENT_TYPES);
  readonly keys: AccessService;
  readonly webhooks: WebhookService;
  readonly planning: PlanningService;
  /** Background jobs (a forecast run of every SKU): one of a kind at a time, followed at GET /v1/jobs/:id. */
  readonly jobs: JobService;
  /** The stock table and the dashboard's overview, read across the modules. */
  readonly overview: OverviewService;
  /** Suppliers, offers, purchase orders (each open line is inbound supply), decision log, performance. */
  readonly suppliers: SupplierService;
  /** Re-sources what a supplier cannot deliver (rejected, short, unacknowledged, not shipped) to the next supplier. */
  readonly failover: FailoverService;
  /** Durable outbox consumers; `runReactors()` drains them all. */
  readonly reactors: OutboxConsumer[];
  /** The reactors as operators see them: cursors, parked events, retry and discard. */
  readonly reactorService: ReactorService;
  /** Deletes old outbox events, messages and deliveries; hourly in the background. */
  readonly retention: RetentionSweeper;
  dispatcher: MessageDispatcher | null = null;
  private timers: NodeJS.Timeout[] = [];
  private webhooksStarted = false;

  private constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly logger: Logger,
    readonly signer: TokenSigner,
    readonly publicUrl: string,
    readonly options: RestockOptions,
    /** Seals secrets kept in the database; null when no RESTOCK_SECRET is set (they stay plaintext). */
    readonly secretBox: SecretBox | null,
  ) {
    const shopName = options.shopName ?? 'Restock demo shop';
    this.catalog = new CatalogService(db, clock);
    this.inventory = new InventoryService(db, clock, this.catalog);
    this.orders = new OrdersService(db, clock, this.catalog, this.inventory, { signer, publicUrl });
    this.messages = new MessageService(db, clock);
    this.waitlist = new WaitlistService(db, clock, this.catalog, this.inventory, this.messages, signer, publicUrl, shopName, logger, { confirmHours: options.waitlistConfirmHours });
    this.events = new EventHub(db, { logger });
    this.keys = new AccessService(db, clock);
    this.alerts = new StaffAlerts(db, clock, this.catalog, this.messages, shopName, `${publicUrl}/dashboard`);
    const orderMessages = new OrderMessages(this.catalog, this.messages, shopName, (orderId) => this.orders.orderLink(orderId).url);
    const reactor = { logger, ...(options.reactorRetry ? { retry: options.reactorRetry } : {}) };
    this.webhooks = new WebhookService(db, clock, {
      logger,
      eventTypes: this.eventTypes.types,
      consumer: reactor,
      secretBox,
      policy: options.webhookPolicy ?? addressPolicyFromEnv(process.env),
      ...(options.webhookResolver ? { resolve: options.webhookResolver } : {}),
    });
    this.suppliers = new SupplierService(db, clock, { catalog: this.catalog, inventory: this.inventory, orders: this.orders, checkWebhookUrl: (url) => this.webhooks.checkEndpointUrl(url) });
    this.failover = new FailoverService(db, clock, { suppliers: this.suppliers, catalog: this.catalog, inventory: this.inventory });
    this.jobs = new JobService(db, clock, logger);
    this.planning = new PlanningService(db, clock, this.catalog, this.inventory, this.waitlist, this.jobs);
    this.overview = new OverviewService(db, clock, { catalog: this.catalog, inventory: this.inventory, orders: this.orders, waitlist: this.waitlist, messages: this.messages, webhooks: this.webhooks, planning: this.planning });
    this.reactors = [
      this.webhooks.consumer,
      new OutboxConsumer(db, clock, 'waitlist', (ctx, events) => this.waitlist.onEvents(ctx, events), reactor),
      new OutboxConsumer(db, clock, 'customer-messages', (ctx, events) => orderMessages.onEvents(ctx, events), reactor),
      new OutboxConsumer(db, clock, 'staff-alerts', (ctx, events) => this.alerts.onEvents(ctx, events), reactor),
      registerPoDelivery(
        {
          clock,
          signer,
          messages: this.messages,
          publicUrl,
          shopName,
          logger,
          webhookPolicy: options.webhookPolicy ?? addressPolicyFromEnv(process.env),
          ...(options.webhookResolver ? { webhookResolver: options.webhookResolver } : {}),
        },
        (name, handler) => new OutboxConsumer(db, clock, name, handler, reactor),
      ).consumer,
      new OutboxConsumer(db, clock, this.failover.consumer, (ctx, events) => this.failover.onEvents(ctx, events), reactor),
    ];
    this.reactorService = new ReactorService(db, clock, this.reactors, logger);
    this.retention = new RetentionSweeper(db, clock, options.retention ?? DEFAULT_RETENTION);
  }

  static async open(opts: RestockOptions): Promise<Restock> {
    const db = Database.open(opts.databaseUrl, { poolSize: opts.poolSize, ...(opts.preparedStatements !== undefined ? { preparedStatements: opts.preparedStatements } : {}) });
    if (opts.migrate !== false) await migrate(db);
    const clock = opts.clock ?? systemClock;
    const master = opts.masterSecret ?? process.env.RESTOCK_SECRET;
    const box = master !== undefined ? SecretBox.fromSecret(master) : null;
    let signer: TokenSigner;
    try {
      // Before this version RESTOCK_SECRET itself signed links: links sent then still verify.
      signer = opts.secret !== undefined
        ? new TokenSigner(Buffer.from(opts.secret))
        : new TokenSigner(Buffer.from(await signingSecret(db, clock, box)), master !== undefined ? [Buffer.from(master)] : []);
      await WebhookService.sealSecrets(db, box);
    } catch (err) {
      await db.close();
      throw err;
    }
    const publicUrl = (opts.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
    const r = new Restock(db, clock, opts.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent'), signer, publicUrl, opts, box);
    await r.inventory.start();
    await r.events.start();
    for (const c of r.reactors) await c.init();
    if (opts.smtp) r.dispatcher = new MessageDispatcher(db, clock, r.logger, { from: 'Restock <no-reply@restock.local>', ...opts.smtp });
    if (opts.background) await r.startBackground();
    return r;
  }

  /** Runs every reactor until the outbox is consumed (tests; the background loop does this by itself). */
  async runReactors(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      let n = 0;
      for (const c of this.reactors) n += await c.drain();
      if (n === 0) return;
    }
  }

  private async startBackground(): Promise<void> {
    for (const c of this.reactors) await c.start();
    if (this.dispatcher) await this.dispatcher.start();
    await this.webhooks.dispatcher.start();
    this.webhooksStarted = true;
    const every = (ms: number, what: string, fn: () => Promise<unknown>) => {
      const t = setInterval(() => {
        fn().catch((err: unknown) => this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, `${what} failed`));
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(1000, 'reservation sweep', () => this.inventory.sweepExpired());
    every(10_000, 'unpaid order sweep', () => this.orders.sweepUnpaid());
    every(60_000, 'pre-order release', () => this.orders.releaseDue());
    every(5000, 'waitlist tick', () => this.waitlist.tick());
    every(3_600_000, 'retention sweep', () => this.retention.sweep());
    every(60_000, 'supplier failover sweep', () => this.failover.sweep());
    void this.orders.releaseDue().catch((err: unknown) => this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'pre-order release failed'));
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.jobs.close();
    for (const c of this.reactors) await c.stop();
    if (this.dispatcher) await this.dispatcher.stop();
    if (this.webhooksStarted) await this.webhooks.dispatcher.stop();
    await this.events.stop();
    await this.db.close();
  }
}

/**
 * One secret for signed links, made on first start and shared by every process through the database; sealed
 * under RESTOCK_SECRET when that is set (a plaintext one from before is sealed now). A wrong RESTOCK_SECRET
 * fails here, before anything is changed: a secret is never made anew because the old one could not be read.
 */
async function signingSecret(db: Database, clock: Clock, box: SecretBox | null): Promise<string> {
  const what = 'signing secret (signed links)';
  const existing = await readSetting(db.kysely, 'signing_secret');
  if (existing) {
    const plain = openStored(box, existing, what);
    if (box && plain === existing) {
      await db.kysely.updateTable('settings').set({ value: box.seal(plain), updated_at: clock.now().toISOString() }).where('key', '=', 'signing_secret').where('value', '=', existing).execute();
    }
    return plain;
  }
  const fresh = randomBytes(32).toString('hex');
  await db.kysely
    .insertInto('settings')
    .values({ key: 'signing_secret', value: box ? box.seal(fresh) : fresh, updated_at: clock.now().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return openStored(box, (await readSetting(db.kysely, 'signing_secret')) ?? '', what);
}
