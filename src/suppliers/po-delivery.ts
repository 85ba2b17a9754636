/**
 * Delivers a sent purchase order to its supplier: the reactor of `supply.po_sent`, run as a durable outbox
 * consumer (`supplier-po-delivery`) that the app assembly creates around `onEvents`.
 *
 * - `email` and `portal` suppliers get an email (po-document.ts: text, HTML, CSV attachment, the signed portal
 *   link). It is recorded through the messaging service in the consumer's transaction with the dedupe key
 *   `po:ID:sent:SENT_AT`, so it is recorded once per sending, listed in GET /v1/messages, and sent by the
 *   message dispatcher like every other email.
 * - `webhook` suppliers get a Standard Webhooks–signed POST to their `webhookUrl` (the messaging module's
 *   signing, the outbound address guard). The POST runs inside the consumer's pass: a failure rolls the pass
 *   back and the consumer retries the event with backoff, then parks it where operators see it. A POST whose
 *   acknowledgement was lost (the pass rolled back after a 2xx) is sent again with the same `webhook-id`
 *   (`po_ID_SENT_AT`), which Standard Webhooks receivers use to drop the duplicate. A `webhook` supplier
 *   without a URL is emailed instead.
 *
 * The supplier's signing secret is derived from the service's signing key and the supplier id
 * (`supplierWebhookSecret`), so nothing new is stored and rotating the key rotates every supplier's secret.
 */
import { createHmac } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { StoredEvent } from '../core/events.ts';
import type { Logger } from '../core/log.ts';
import { STRICT_POLICY, type AddressPolicy, type Resolver } from '../core/net-guard.ts';
import { postGuarded, type PostResult } from '../core/outbound-http.ts';
import type { TokenSigner } from '../core/tokens.ts';
import type { TxContext } from '../db/database.ts';
import type { MessageService } from '../messaging/messages.ts';
import { signedWebhookHeaders } from '../messaging/webhooks/service.ts';
import {
  PORTAL_LINK_DAYS,
  pickDocumentLocale,
  poEmail,
  poWebhookPayload,
  portalApiUrl,
  portalLinkExpiry,
  portalPageUrl,
  signPortalToken,
  type DocumentOrder,
  type DocumentSupplier,
  type PoDocumentInput,
} from './po-document.ts';

export const PO_SENT_EVENT = 'supply.po_sent';
/** The outbox consumer's name (its cursor row; GET /v1/reactors lists it). */
export const PO_DELIVERY_CONSUMER = 'supplier-po-delivery';

/** The supplier as `supply.po_sent` carries it (the shared model's fields this reactor reads). */
export interface DeliverySupplier extends DocumentSupplier {
  webhookUrl: string | null;
  locale?: string | null;
}

export interface PoSentPayload {
  po: DocumentOrder;
  supplier: DeliverySupplier;
}

export interface PoDeliveryDeps {
  clock: Clock;
  signer: TokenSigner;
  messages: Pick<MessageService, 'enqueue'>;
  /** Absolute base of the links in the email (RESTOCK_PUBLIC_URL). */
  publicUrl: string;
  shopName: string;
  logger?: Logger;
  /** How long the portal link works (default 30 days). */
  linkDays?: number;
  /** The language of emails to suppliers that name none (default English). */
  defaultLocale?: string;
  /** Supplier SKUs for the PO's SKUs (from the offers), when the lines do not carry them. */
  supplierSkus?: (ctx: TxContext, supplierId: string, skus: readonly string[]) => Promise<ReadonlyMap<string, string | null>>;
  /** Which addresses a supplier's webhook may have (default: https to public addresses only). */
  webhookPolicy?: AddressPolicy;
  webhookResolver?: Resolver;
  webhookTimeoutMs?: number;
  /** The POST itself (tests replace it). */
  post?: (url: string, body: string, headers: Record<string, string>) => Promise<PostResult>;
}

/** A supplier's webhook signing secret (`whsec_…`): derived, never stored; the dashboard shows it to operators. */
export function supplierWebhookSecret(signer: TokenSigner, supplierId: string): string {
  // A signed token's MAC is an HMAC under the service key: a key for this supplier that only the service can make.
  const token = signer.sign({ p: 'supplier-webhook-secret', s: supplierId });
  const mac = token.slice(token.indexOf('.') + 1);
  return `whsec_${createHmac('sha256', mac).update(supplierId).digest('base64')}`;
}

/** The `webhook-id` of a purchase order's delivery: the same for every retry of one sending. */
export function poWebhookId(poId: string, sentAt: string): string {
  return `po_${poId}_${sentAt.replace(/[^0-9A-Za-z]/g, '')}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the event's payload, refusing (so the event is parked, visibly) one that is not a PO and its supplier. */
export function parsePoSent(payload: unknown, at?: string): PoSentPayload {
  const p = isRecord(payload) ? payload : {};
  if (typeof p.poId === 'string' && Array.isArray(p.lines)) return fromFlat(p, at ?? new Date().toISOString());
  const po = p.po ?? p.purchaseOrder;
  const supplier = p.supplier;
  const str = (o: Record<string, unknown>, k: string) => typeof o[k] === 'string';
  if (!isRecord(po) || !str(po, 'id') || !str(po, 'supplierId') || !str(po, 'currency') || !Array.isArray(po.lines)) throw new Error(`${PO_SENT_EVENT}: the payload carries no purchase order`);
  if (!isRecord(supplier) || !str(supplier, 'id') || !str(supplier, 'email') || !str(supplier, 'name') || !str(supplier, 'channel')) throw new Error(`${PO_SENT_EVENT}: the payload carries no supplier`);
  if (supplier.id !== po.supplierId) throw new Error(`${PO_SENT_EVENT}: purchase order ${String(po.id)} is not supplier ${String(supplier.id)}'s`);
  // Shapes beyond these are the suppliers module's own model, written by it.
  return { po: po as unknown as DocumentOrder, supplier: supplier as unknown as DeliverySupplier };
}

/** The event as the suppliers module writes it (model.ts PoSentSchema: flat, lines with `lineId`). */
function fromFlat(p: Record<string, unknown>, at: string): PoSentPayload {
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  const poId = str('poId'), supplierId = str('supplierId'), email = str('email'), name = str('supplierName'), channel = str('channel'), currency = str('currency');
  if (!poId || !supplierId || !currency) throw new Error(`${PO_SENT_EVENT}: the payload carries no purchase order`);
  if (!email || !name || !channel) throw new Error(`${PO_SENT_EVENT}: the payload carries no supplier`);
  if (channel !== 'email' && channel !== 'webhook' && channel !== 'portal') throw new Error(`${PO_SENT_EVENT}: unknown channel '${channel}'`);
  const lines = (p.lines as unknown[]).filter(isRecord).map((l) => ({
    id: String(l.lineId ?? l.id),
    sku: String(l.sku),
    location: String(l.location),
    quantity: Number(l.quantity),
    unitCost: Number(l.unitCost),
    expectedDate: String(l.expectedDate),
    supplierSku: typeof l.supplierSku === 'string' ? l.supplierSku : null,
  }));
  return {
    po: { id: poId, supplierId, currency, total: typeof p.total === 'number' ? p.total : 0, lines, createdAt: at, sentAt: at },
    supplier: { id: supplierId, name, email, channel, currency, webhookUrl: str('webhookUrl') },
  };
}

export class PoDelivery {
  readonly consumer = PO_DELIVERY_CONSUMER;

  constructor(private readonly deps: PoDeliveryDeps) {}

  /** The consumer's handler: every `supply.po_sent` among the events is delivered (or recorded to be sent). */
  async onEvents(ctx: TxContext, events: readonly StoredEvent[]): Promise<void> {
    for (const e of events) {
      // Compared as a string: the type is declared into EventMap by the suppliers module.
      if ((e.type as string) !== PO_SENT_EVENT) continue;
      await this.deliver(ctx, parsePoSent(e.payload as unknown, e.createdAt), e.createdAt);
    }
  }

  /** The documents for one sending (exported for the dashboard's preview and for tests). */
  async documentFor(ctx: TxContext, sent: PoSentPayload, at: string): Promise<PoDocumentInput> {
    const { po, supplier } = sent;
    const sentAt = new Date(po.sentAt ?? at);
    const expires = portalLinkExpiry(sentAt, this.deps.linkDays ?? PORTAL_LINK_DAYS);
    const token = signPortalToken(this.deps.signer, { poId: po.id, supplierId: supplier.id, expiresAt: expires });
    const missing = po.lines.filter((l) => l.supplierSku === undefined || l.supplierSku === null).map((l) => l.sku);
    const supplierSkus = missing.length > 0 && this.deps.supplierSkus ? await this.deps.supplierSkus(ctx, supplier.id, [...new Set(missing)]) : undefined;
    return {
      po,
      supplier,
      shopName: this.deps.shopName,
      portalUrl: portalPageUrl(this.deps.publicUrl, po.id, token),
      linkExpiresAt: expires.toISOString(),
      ...(supplierSkus ? { supplierSkus } : {}),
      locale: supplier.locale ?? this.deps.defaultLocale ?? 'en',
    };
  }

  private async deliver(ctx: TxContext, sent: PoSentPayload, at: string): Promise<void> {
    const { po, supplier } = sent;
    const input = await this.documentFor(ctx, sent, at);
    const sentAt = po.sentAt ?? at;
    if (supplier.channel === 'webhook' && supplier.webhookUrl) {
      await this.postWebhook(supplier.webhookUrl, supplier.id, poWebhookId(po.id, sentAt), input);
      return;
    }
    if (supplier.channel === 'webhook') this.deps.logger?.warn({ poId: po.id, supplierId: supplier.id }, 'webhook supplier has no webhookUrl; purchase order emailed instead');
    const mail = poEmail(input);
    await this.deps.messages.enqueue(ctx, [
      {
        type: 'purchase_order',
        to: supplier.email,
        locale: pickDocumentLocale(input.locale),
        dedupeKey: `po:${po.id}:sent:${sentAt}`,
        sku: null,
        rendered: { subject: mail.subject, text: mail.text, html: mail.html },
        attachments: [mail.attachment],
      },
    ]);
  }

  private async postWebhook(url: string, supplierId: string, id: string, input: PoDocumentInput): Promise<void> {
    const payload = poWebhookPayload({ ...input, apiUrl: portalApiUrl(this.deps.publicUrl, input.po.id) });
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(this.deps.clock.now().getTime() / 1000);
    const headers = signedWebhookHeaders(supplierWebhookSecret(this.deps.signer, supplierId), id, timestamp, body);
    const post = this.deps.post ?? ((u: string, b: string, h: Record<string, string>) =>
      postGuarded(u, b, h, {
        policy: this.deps.webhookPolicy ?? STRICT_POLICY,
        timeoutMs: this.deps.webhookTimeoutMs ?? 10_000,
        ...(this.deps.webhookResolver ? { resolve: this.deps.webhookResolver } : {}),
      }));
    const r = await post(url, body, headers);
    if (r.status !== null && r.status >= 200 && r.status < 300) {
      this.deps.logger?.info({ poId: input.po.id, supplierId, webhookId: id, status: r.status }, 'purchase order webhook delivered');
      return;
    }
    // Thrown: the consumer rolls back, retries with backoff, and parks the event when retries are spent.
    const why = r.blocked ? `refused: ${r.blocked}` : r.status === null ? `no answer (${r.failure?.kind ?? 'network'})` : `answered ${r.status}`;
    throw new Error(`purchase order ${input.po.id}: supplier webhook ${why}`);
  }
}

/**
 * The registration the app calls: makes the reactor and hands its name and handler to the assembly's way of
 * creating outbox consumers (restock.ts: `new OutboxConsumer(db, clock, name, handler, reactor)`).
 */
export function registerPoDelivery<C>(deps: PoDeliveryDeps, makeConsumer: (name: string, handler: (ctx: TxContext, events: StoredEvent[]) => Promise<void>) => C): { delivery: PoDelivery; consumer: C } {
  const delivery = new PoDelivery(deps);
  return { delivery, consumer: makeConsumer(PO_DELIVERY_CONSUMER, (ctx, events) => delivery.onEvents(ctx, events)) };
}
