/**
 * Webhooks: the endpoints shops register, the `webhooks` reactor that turns outbox events into one delivery per
 * subscribed endpoint (in the transaction that advances its cursor, so each event is fanned out exactly once),
 * and the dispatcher that sends them. Owns the `webhooks` and `webhook_deliveries` tables.
 */
import type { Clock } from '../../core/clock.ts';
import { Conflict, Invalid, NotFound, invalidField } from '../../core/errors.ts';
import { cryptoRandom, newId, type RandomSource } from '../../core/ids.ts';
import { STRICT_POLICY, checkOutboundUrlResolved, type AddressPolicy, type Resolver } from '../../core/net-guard.ts';
import type { Database, TxContext } from '../../db/database.ts';
import { matchesPattern, type EventType, type StoredEvent } from '../../core/events.ts';
import { OutboxConsumer, type ConsumerOptions } from '../consumer.ts';
import { WEBHOOKS_CHANNEL, WebhookDispatcher, type DispatcherOptions } from './dispatcher.ts';
import type { CreatedWebhook, DeliveryStatus, NewWebhook, Webhook, WebhookDelivery, WebhookPatch } from './model.ts';
import { checkEventPatterns, checkUrl, newSecret, webhookBody, type Checked } from './policy.ts';
import * as store from './store.ts';
import { perDay, utcDays, windowStart } from '../volume.ts';
import { SecretsLocked, isSealed, type SecretBox } from '../../core/secret-box.ts';

export const WEBHOOKS_CONSUMER = 'webhooks';

/** Standard Webhooks headers (signature included) for a body, for modules that POST to endpoints of their own (supplier webhooks). */
export { deliveryHeaders as signedWebhookHeaders, sign as signWebhook } from './policy.ts';

export interface WebhookOptions extends DispatcherOptions {
  /** Bytes for ids and signing secrets. */
  randomBytes?: RandomSource;
  /** Options of the outbox consumer (tests shorten the gap timeout). */
  consumer?: ConsumerOptions;
  /** Every event type there is (what an endpoint may subscribe to); the app assembly passes the registry's. */
  eventTypes: readonly EventType[];
}

function valid<T>(c: Checked<T>, code: 'invalid_webhook_url' | 'unknown_event_type'): T {
  if (!c.ok) throw new Invalid(c.reason, c.details, code);
  return c.value;
}

export class WebhookService {
  readonly consumer: OutboxConsumer;
  readonly dispatcher: WebhookDispatcher;
  private readonly randomBytes: RandomSource;
  private initialised = false;

  private readonly eventTypes: readonly EventType[];
  private readonly policy: AddressPolicy;
  private readonly resolve: Resolver | undefined;

  private readonly secretBox: SecretBox | null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    opts: WebhookOptions,
  ) {
    this.secretBox = opts.secretBox ?? null;
    this.randomBytes = opts.randomBytes ?? cryptoRandom;
    this.eventTypes = opts.eventTypes;
    this.policy = opts.policy ?? STRICT_POLICY;
    this.resolve = opts.resolve;
    this.consumer = new OutboxConsumer(db, clock, WEBHOOKS_CONSUMER, (ctx, events) => this.fanOut(ctx, events), { logger: opts.logger, ...opts.consumer });
    this.dispatcher = new WebhookDispatcher(db, clock, opts);
  }

  /** Creates the reactor's cursor (idempotent); `drainEvents` and the started reactor need it. */
  async init(): Promise<void> {
    if (this.initialised) return;
    await this.consumer.init();
    this.initialised = true;
  }

  /** Background work: the reactor follows the outbox, the dispatcher sends what is due. */
  async start(): Promise<void> {
    await this.consumer.start();
    this.initialised = true;
    await this.dispatcher.start();
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.dispatcher.stop();
  }

  /** Fans out every outbox event not yet handled (tests and the CLI call this instead of waiting). */
  async drainEvents(): Promise<number> {
    await this.init();
    return this.consumer.drain();
  }

  /** The reactor's handler: one delivery per active endpoint subscribed to the event, registered before it. */
  private async fanOut(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    const subs = await store.activeSubscriptions(ctx.tx);
    if (subs.length === 0) return;
    const now = this.clock.now().toISOString();
    const rows = [];
    for (const e of events) {
      for (const s of subs) {
        if (e.createdAt < s.createdAt || !matchesPattern(e.type, s.events)) continue;
        rows.push({
          id: newId('whd', this.randomBytes),
          webhook_id: s.id,
          event_id: e.id,
          event_type: e.type,
          payload: webhookBody(e),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          claimed_at: null,
          last_status: null,
          last_error: null,
          created_at: now,
          delivered_at: null,
        });
      }
    }
    if (rows.length === 0) return;
    if ((await store.insertDeliveries(ctx.tx, rows)) > 0) await ctx.notify(WEBHOOKS_CHANNEL, '');
  }

  /**
   * A URL the guard lets us call: well formed (checkUrl), then https (or http where allowed) to a host that is
   * not, and does not now resolve to, a loopback, private, link-local, CGNAT, multicast or metadata address.
   * Each delivery checks the address again when it connects (a name may change its answer).
   */
  /** The same check for other modules' endpoints (a supplier's webhook): the URL, or 400 invalid_webhook_url. */
  async checkEndpointUrl(raw: string): Promise<string> {
    return this.endpointUrl(raw);
  }

  private async endpointUrl(raw: string): Promise<string> {
    const url = valid(checkUrl(raw), 'invalid_webhook_url');
    const c = await checkOutboundUrlResolved(url, this.policy, this.resolve);
    if (!c.ok) throw new Invalid(`url is refused: ${c.reason}`, { field: 'url', reason: c.reason }, 'invalid_webhook_url');
    return url;
  }

  async create(input: NewWebhook): Promise<CreatedWebhook> {
    const url = await this.endpointUrl(input.url);
    const events = valid(checkEventPatterns(input.events, this.eventTypes), 'unknown_event_type');
    const description = input.description?.trim() || null;
    const secret = newSecret(this.randomBytes);
    const stored = this.secretBox ? this.secretBox.seal(secret) : secret;
    const row = { id: newId('wh', this.randomBytes), url, events: JSON.stringify(events), secret: stored, description, active: 1, created_at: this.clock.now().toISOString() };
    await store.insertWebhook(this.db.kysely, row);
    return { ...store.toWebhook(row), secret };
  }

  /**
   * At start-up: seals webhook secrets stored in plaintext when a box is given, and checks that every sealed one
   * opens (a wrong RESTOCK_SECRET fails start-up here rather than every delivery later).
   */
  static async sealSecrets(db: Database, box: SecretBox | null): Promise<void> {
    for (const { id, secret } of await store.webhookSecrets(db.kysely)) {
      if (isSealed(secret)) {
        if (!box) throw new SecretsLocked('the webhook secrets stored in this database are encrypted: set RESTOCK_SECRET to the secret they were stored under');
        box.open(secret);
      } else if (box) await store.replaceWebhookSecret(db.kysely, id, secret, box.seal(secret));
    }
  }

  async list(): Promise<Webhook[]> {
    return (await store.listWebhooks(this.db.kysely)).map(store.toWebhook);
  }

  async get(id: string): Promise<Webhook> {
    const row = await store.findWebhook(this.db.kysely, id);
    if (!row) throw new NotFound('Webhook', id, 'webhook_not_found');
    return store.toWebhook(row);
  }

  async update(id: string, patch: WebhookPatch): Promise<Webhook> {
    const set: Parameters<typeof store.updateWebhook>[2] = {};
    if (patch.url !== undefined) set.url = await this.endpointUrl(patch.url);
    if (patch.events !== undefined) set.events = JSON.stringify(valid(checkEventPatterns(patch.events, this.eventTypes), 'unknown_event_type'));
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
    if (patch.description !== undefined) set.description = patch.description?.trim() || null;
    if (Object.keys(set).length === 0) throw invalidField('body', 'nothing to change: give url, events, active or description');
    return this.db.transaction(async ({ tx }) => {
      if (!(await store.findWebhook(tx, id))) throw new NotFound('Webhook', id, 'webhook_not_found');
      await store.updateWebhook(tx, id, set);
      const row = await store.findWebhook(tx, id);
      if (!row) throw new NotFound('Webhook', id, 'webhook_not_found');
      return store.toWebhook(row);
    });
  }

  /** Stops deliveries to the endpoint; its history stays readable, and PATCH `active: true` resumes it. */
  async deactivate(id: string): Promise<Webhook> {
    return this.update(id, { active: false });
  }

  /** Deliveries per UTC day of the last `days` (today included) by status: `failed` are the dead ones. */
  async volume(days: number): Promise<Array<{ date: string; delivered: number; failed: number; pending: number }>> {
    const now = this.clock.now();
    const counted = await store.deliveryVolume(this.db.kysely, windowStart(now, days));
    return perDay(utcDays(now, days), counted, ['delivered', 'failed', 'pending'] as const, (s) => (s === 'delivered' ? 'delivered' : s === 'dead' ? 'failed' : s === 'pending' ? 'pending' : null));
  }

  async deliveries(webhookId: string, opts: { status?: DeliveryStatus | undefined; limit?: number | undefined; offset?: number | undefined } = {}): Promise<WebhookDelivery[]> {
    await this.get(webhookId);
    const rows = await store.listDeliveries(this.db.kysely, webhookId, opts.status, opts.limit ?? 50, opts.offset ?? 0);
    return rows.map(store.toDelivery);
  }

  /** A page of an endpoint's deliveries, newest first, and how many there are (of the status, if given). */
  async deliveriesPage(webhookId: string, opts: { status?: DeliveryStatus | undefined; limit?: number | undefined; offset?: number | undefined } = {}): Promise<{ items: WebhookDelivery[]; total: number }> {
    const items = await this.deliveries(webhookId, opts);
    return { items, total: await store.countDeliveries(this.db.kysely, webhookId, opts.status) };
  }

  /** Active endpoints, and how many failed in the last `hours` (a dead delivery) or are being retried now. */
  async health(hours = 24): Promise<{ endpoints: number; failing: number }> {
    return store.endpointHealth(this.db.kysely, new Date(this.clock.now().getTime() - hours * 3_600_000).toISOString());
  }

  async delivery(id: string): Promise<WebhookDelivery> {
    const row = await store.findDelivery(this.db.kysely, id);
    if (!row) throw new NotFound('Delivery', id, 'delivery_not_found');
    return store.toDelivery(row);
  }

  /** Sends a delivered or dead delivery again, now, with a fresh attempt cycle and the same `webhook-id`. */
  async redeliver(id: string): Promise<WebhookDelivery> {
    return this.db.transaction(async (ctx) => {
      const row = await store.findDelivery(ctx.tx, id);
      if (!row) throw new NotFound('Delivery', id, 'delivery_not_found');
      const hook = await store.findWebhook(ctx.tx, row.webhook_id);
      if (!hook || Number(hook.active) !== 1) {
        throw new Conflict(`webhook '${row.webhook_id}' is inactive; activate it before redelivering`, { webhookId: row.webhook_id }, 'webhook_inactive');
      }
      if (!(await store.restartDelivery(ctx.tx, id, this.clock.now().toISOString()))) {
        throw new Conflict(`delivery '${id}' is still pending; it will be attempted on schedule`, { deliveryId: id, status: row.status }, 'delivery_pending');
      }
      await ctx.notify(WEBHOOKS_CHANNEL, '');
      const after = await store.findDelivery(ctx.tx, id);
      if (!after) throw new NotFound('Delivery', id, 'delivery_not_found');
      return store.toDelivery(after);
    });
  }
}
