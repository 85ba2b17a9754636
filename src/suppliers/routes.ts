/** HTTP for suppliers, offers, purchase orders (answers, shipments, receipts), the decision log and performance. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarDate, Id, LocationCode, Nullable, PageLimit, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import type { FastifyRequest } from 'fastify';
import { CHANNELS, LINE_STATUSES, PO_SOURCES, PO_STATUSES, TRIGGERS } from './model.ts';
import type { Actor, SupplierService } from './service.ts';
import { failoverRoutes } from './failover-routes.ts';
import type { FailoverService } from './failover.ts';

const Money = Type.Number({ minimum: 0, maximum: 1e9 });
const Days = Type.Number({ minimum: 0, maximum: 3650 });
const Offset = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const Region = Type.String({ minLength: 1, maxLength: 50 });

const SupplierSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    channel: StringEnum(CHANNELS),
    currency: Type.String(),
    leadTimeDays: Type.Number(),
    leadTimeSdDays: Type.Number(),
    ackDeadlineHours: Type.Number(),
    minOrderValue: Type.Number(),
    regions: Type.Array(Type.String()),
    active: Type.Boolean(),
    failover: Type.Boolean({ description: 'May failover re-source this supplier\'s unfilled lines and choose it' }),
    webhookUrl: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Supplier' },
);

const OfferSchema = Type.Object(
  {
    id: Type.String(),
    supplierId: Type.String(),
    sku: Type.String(),
    supplierSku: Nullable(Type.String()),
    unitCost: Type.Number(),
    minQuantity: Type.Integer(),
    multiple: Type.Integer({ description: 'order multiple / pack size' }),
    leadTimeDays: Nullable(Type.Integer({ description: 'overrides the supplier\'s lead time' })),
    priority: Type.Integer({ description: 'lower first' }),
    validFrom: Nullable(Type.String()),
    validTo: Nullable(Type.String()),
    active: Type.Boolean(),
    createdAt: Type.String(),
  },
  { $id: 'Offer' },
);

export const PoLineSchema = Type.Object({
  id: Type.String(),
  poId: Type.String(),
  sku: Type.String(),
  location: Type.String(),
  quantity: Type.Integer(),
  unitCost: Type.Number(),
  confirmedQuantity: Nullable(Type.Integer()),
  status: StringEnum(LINE_STATUSES),
  expectedDate: Type.String({ description: 'YYYY-MM-DD: the confirmed date, else the order date plus the lead time' }),
  confirmedDate: Nullable(Type.String()),
  shippedQuantity: Type.Integer(),
  receivedQuantity: Type.Integer({ description: 'may exceed quantity (an over-receipt)' }),
  rejectReason: Nullable(Type.String()),
  resourcedQuantity: Type.Integer({ description: 'units handed to another line by failover' }),
  unsourcedQuantity: Type.Integer({ description: 'units failover could not re-source (no eligible offer, or failover off): an operator must act' }),
  lateAt: Nullable(Type.String({ description: 'when the line was found late (acknowledgement deadline or ship date missed)' })),
  resourcedFrom: Nullable(Type.String({ description: 'the line this line re-sources' })),
  answeredAt: Nullable(Type.String()),
  receivedAt: Nullable(Type.String()),
  inboundId: Nullable(Type.String({ description: 'the inbound record (GET /v1/inbound) this line owns' })),
});

const PurchaseOrderSchema = Type.Object(
  {
    id: Type.String(),
    supplierId: Type.String(),
    status: StringEnum(PO_STATUSES),
    currency: Type.String(),
    source: StringEnum(PO_SOURCES),
    total: Type.Number(),
    lines: Type.Array(PoLineSchema),
    createdAt: Type.String(),
    sentAt: Nullable(Type.String()),
    acknowledgedAt: Nullable(Type.String()),
    updatedAt: Type.String(),
  },
  { $id: 'PurchaseOrder' },
);

const DecisionSchema = Type.Object(
  {
    id: Type.String(),
    poId: Type.String(),
    lineId: Type.String(),
    trigger: StringEnum(TRIGGERS),
    quantity: Type.Integer({ description: 'unfilled units' }),
    candidates: Type.Array(
      Type.Object({
        offerId: Type.String(),
        supplierId: Type.String(),
        supplierName: Type.String(),
        unitCost: Type.Number(),
        landedUnitCost: Type.Number(),
        expectedArrival: Type.String(),
        reliability: Type.Number(),
        score: Type.Number(),
        eligible: Type.Boolean(),
        why: Type.String(),
      }),
    ),
    chosen: Nullable(Type.Object({ supplierId: Type.String(), offerId: Type.String(), poId: Type.String(), lineId: Type.String(), quantity: Type.Integer() })),
    reason: Type.String(),
    at: Type.String(),
  },
  { $id: 'SupplyDecision' },
);

const Stat = Nullable(Type.Number());
const PerformanceSchema = Type.Object({
  supplierId: Type.String(),
  lines: Type.Integer({ description: 'lines of sent orders, cancelled ones aside' }),
  onTimeRate: Stat,
  fillRate: Stat,
  ackHours: Type.Object({ mean: Stat, p90: Stat }),
  leadTimeDays: Type.Object({ mean: Stat, sd: Stat, p90: Stat }),
  sample: Type.Integer({ description: 'received lines the lead-time figures come from' }),
});

const supplierFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  channel: StringEnum(CHANNELS),
  currency: Currency,
  leadTimeDays: Days,
  leadTimeSdDays: Days,
  ackDeadlineHours: Type.Number({ minimum: 0, maximum: 24 * 365 }),
  minOrderValue: Money,
  regions: Type.Array(Region, { maxItems: 100 }),
  active: Type.Boolean(),
  failover: Type.Boolean(),
  webhookUrl: Nullable(Type.String({ minLength: 1, maxLength: 2000 })),
};

const offerFields = {
  supplierSku: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  unitCost: Money,
  minQuantity: Quantity,
  multiple: Quantity,
  leadTimeDays: Nullable(Type.Integer({ minimum: 0, maximum: 3650 })),
  priority: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  validFrom: Nullable(CalendarDate),
  validTo: Nullable(CalendarDate),
  active: Type.Boolean(),
};

const Opt = <T extends Record<string, import('@sinclair/typebox').TSchema>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: import('@sinclair/typebox').TOptional<T[K]> };

const LineQuantities = Type.Object({ lineId: Id, quantity: Quantity }, { additionalProperties: false });
const PoParams = Type.Object({ id: Id });

/** A supplier key acts for its supplier only; other keys act as staff. */
function actor(req: FastifyRequest): Actor {
  return req.apiKey?.scope === 'supplier' ? { supplierId: req.apiKey.supplierId ?? 'none' } : {};
}

export const supplierRoutes = (suppliers: SupplierService, failover?: FailoverService, opts: { webhookSecret?: (supplierId: string) => string } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(SupplierSchema);
    app.addSchema(OfferSchema);
    app.addSchema(PurchaseOrderSchema);
    app.addSchema(DecisionSchema);
    const admin = { scopes: [] };
    const supplierToo = { scopes: ['supplier'] };

    app.post('/v1/suppliers', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Create a supplier',
        description: 'Channel `email`, `webhook` (needs `webhookUrl`, checked like webhook endpoints) or `portal`. Lead times and costs cannot be negative.',
        body: Type.Object({ ...supplierFields, ...Opt({ leadTimeSdDays: supplierFields.leadTimeSdDays, ackDeadlineHours: supplierFields.ackDeadlineHours, minOrderValue: supplierFields.minOrderValue, regions: supplierFields.regions, active: supplierFields.active, failover: supplierFields.failover, webhookUrl: supplierFields.webhookUrl }) }, { additionalProperties: false }),
        response: { 201: Type.Ref('Supplier'), ...errorResponses('invalid_webhook_url') },
      },
    }, async (req, reply) => reply.status(201).send(await suppliers.createSupplier(req.body)));

    app.get('/v1/suppliers', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Suppliers by name; page with limit and offset',
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()), limit: Type.Optional(PageLimit(500, { default: 100 })), offset: Type.Optional(Offset) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Supplier')), total: Type.Integer({ description: 'every match, not only this page' }) }), ...errorResponses() },
      },
    }, async (req) => suppliers.listSuppliers({ active: req.query.active, limit: req.query.limit ?? 100, offset: req.query.offset ?? 0 }));

    app.get('/v1/suppliers/:id', {
      config: admin,
      schema: { tags: ['suppliers'], summary: 'A supplier', params: PoParams, response: { 200: Type.Ref('Supplier'), ...errorResponses('unknown_supplier') } },
    }, async (req) => suppliers.getSupplier(req.params.id));

    app.patch('/v1/suppliers/:id', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Change a supplier (deactivate it: no new orders, never chosen by failover)',
        params: PoParams,
        body: Type.Object(Opt(supplierFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref('Supplier'), ...errorResponses('unknown_supplier', 'invalid_webhook_url') },
      },
    }, async (req) => suppliers.updateSupplier(req.params.id, req.body));

    app.get('/v1/suppliers/:id/performance', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Supplier performance from its PO history: on-time rate, fill rate, acknowledgement time, lead-time distribution',
        params: PoParams,
        response: { 200: PerformanceSchema, ...errorResponses('unknown_supplier') },
      },
    }, async (req) => suppliers.performance(req.params.id));

    if (opts.webhookSecret) {
      const secretOf = opts.webhookSecret;
      app.get('/v1/suppliers/:id/webhook-secret', {
        config: admin,
        schema: {
          tags: ['suppliers'],
          summary: "The secret a supplier's system verifies our purchase-order webhooks with (Standard Webhooks, `whsec_…`)",
          description: 'Derived from the service signing key and the supplier id: nothing is stored, and rotating the signing key rotates it. Give it to the supplier once, over a safe channel.',
          params: PoParams,
          response: { 200: Type.Object({ supplierId: Type.String(), secret: Type.String() }), ...errorResponses('unknown_supplier') },
        },
      }, async (req, reply) => {
        const s = await suppliers.getSupplier(req.params.id);
        return reply.header('cache-control', 'no-store').send({ supplierId: s.id, secret: secretOf(s.id) });
      });
    }

    app.post('/v1/suppliers/:id/offers', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Add an offer: what the supplier sells a SKU for, in what quantities, how fast, and when',
        params: PoParams,
        body: Type.Object({ sku: Sku, unitCost: Money, ...Opt({ supplierSku: offerFields.supplierSku, minQuantity: offerFields.minQuantity, multiple: offerFields.multiple, leadTimeDays: offerFields.leadTimeDays, priority: offerFields.priority, validFrom: offerFields.validFrom, validTo: offerFields.validTo, active: offerFields.active }) }, { additionalProperties: false }),
        response: { 201: Type.Ref('Offer'), ...errorResponses('unknown_supplier', 'unknown_sku', 'invalid_date') },
      },
    }, async (req, reply) => reply.status(201).send(await suppliers.createOffer(req.params.id, req.body)));

    app.get('/v1/suppliers/:id/offers', {
      config: admin,
      schema: { tags: ['suppliers'], summary: 'A supplier\'s offers', params: PoParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Offer')) }), ...errorResponses('unknown_supplier') } },
    }, async (req) => ({ items: await suppliers.listOffers(req.params.id) }));

    app.patch('/v1/offers/:id', {
      config: admin,
      schema: {
        tags: ['suppliers'],
        summary: 'Change an offer (deactivate it: never chosen again)',
        params: PoParams,
        body: Type.Object(Opt(offerFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref('Offer'), ...errorResponses('unknown_offer', 'invalid_date') },
      },
    }, async (req) => suppliers.updateOffer(req.params.id, req.body));

    app.get('/v1/products/:sku/offers', {
      config: admin,
      schema: { tags: ['suppliers'], summary: 'Every supplier\'s offers for a SKU', params: Type.Object({ sku: Sku }), response: { 200: Type.Object({ items: Type.Array(Type.Ref('Offer')) }), ...errorResponses('unknown_sku') } },
    }, async (req) => ({ items: await suppliers.offersForSku(req.params.sku) }));

    app.post('/v1/purchase-orders', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Create a draft purchase order with one supplier; every line is inbound supply at once',
        description: 'A line\'s unit cost defaults to the supplier\'s best valid offer for the SKU; its expected date is today plus the offer\'s (else the supplier\'s) lead time. An inactive supplier is 409.',
        body: Type.Object(
          {
            supplierId: Id,
            lines: Type.Array(Type.Object({ sku: Sku, location: LocationCode, quantity: Quantity, unitCost: Type.Optional(Money) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
            source: Type.Optional(StringEnum(PO_SOURCES)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_supplier', 'unknown_sku', 'unknown_location', 'supplier_inactive') },
      },
    }, async (req, reply) => reply.status(201).send(await suppliers.createPurchaseOrder(req.body)));

    app.get('/v1/purchase-orders', {
      config: supplierToo,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Purchase orders, newest first; a supplier key sees only its own',
        querystring: Type.Object({
          sku: Type.Optional(Sku),
          status: Type.Optional(StringEnum(PO_STATUSES)),
          supplierId: Type.Optional(Id),
          limit: Type.Optional(PageLimit(500, { default: 100 })),
          offset: Type.Optional(Offset),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('PurchaseOrder')), total: Type.Integer({ description: 'every match, not only this page' }) }), ...errorResponses() },
      },
    }, async (req) => suppliers.listPurchaseOrders({ ...req.query, limit: req.query.limit ?? 100, offset: req.query.offset ?? 0 }, actor(req)));

    app.get('/v1/purchase-orders/:id', {
      config: supplierToo,
      schema: { tags: ['purchase-orders'], summary: 'A purchase order with its lines (a supplier key: its own only)', params: PoParams, response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order') } },
    }, async (req) => suppliers.getPurchaseOrder(req.params.id, actor(req)));

    app.get('/v1/purchase-orders/:id/decisions', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'The failover decision log of a purchase order: trigger, scored candidates, the choice and why',
        params: PoParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('SupplyDecision')) }), ...errorResponses('unknown_purchase_order') },
      },
    }, async (req) => ({ items: await suppliers.decisions(req.params.id) }));

    app.post('/v1/purchase-orders/:id/send', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Send a draft purchase order to its supplier (draft → sent; the event supply.po_sent carries what the sender needs)',
        params: PoParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order', 'invalid_po_transition', 'supplier_inactive') },
      },
    }, async (req) => suppliers.send(req.params.id));

    app.post('/v1/purchase-orders/:id/answer', {
      config: supplierToo,
      schema: {
        tags: ['purchase-orders'],
        summary: 'The supplier answers lines: confirm (fewer units, a date) or reject with a reason; the same answer again changes nothing',
        description: 'Admin key or the supplier\'s own key. Confirming more than ordered, a date in the past, a line of another order or an order not sent/acknowledged are refused, and nothing is written. Confirmed quantities and dates re-date the customers waiting on the line\'s supply.',
        params: PoParams,
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                { lineId: Id, status: StringEnum(['confirmed', 'rejected'] as const), quantity: Type.Optional(Quantity), date: Type.Optional(CalendarDate), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order', 'unknown_po_line', 'invalid_po_transition', 'invalid_date') },
      },
    }, async (req) => suppliers.answer(req.params.id, req.body.lines, actor(req)));

    app.post('/v1/purchase-orders/:id/ship', {
      config: supplierToo,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Advance shipping notice: units shipped so far per line (the same notice again changes nothing)',
        params: PoParams,
        body: Type.Object({ lines: Type.Array(LineQuantities, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order', 'unknown_po_line', 'invalid_po_transition') },
      },
    }, async (req) => suppliers.ship(req.params.id, req.body.lines, actor(req)));

    app.post('/v1/purchase-orders/:id/receive', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Receive units per line through the ledger (partly or fully; over-receipts go into stock and are recorded; `complete` ends a line short)',
        params: PoParams,
        body: Type.Object(
          { lines: Type.Array(Type.Object({ lineId: Id, quantity: Quantity, complete: Type.Optional(Type.Boolean({ description: 'nothing more is coming on this line (an under-receipt)' })) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order', 'unknown_po_line', 'invalid_po_transition', 'stock_limit') },
      },
    }, async (req) => suppliers.receive(req.params.id, req.body.lines));

    app.post('/v1/purchase-orders/:id/cancel', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Cancel a purchase order before any receipt: its open lines and their inbound supply are cancelled',
        params: PoParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: Type.Ref('PurchaseOrder'), ...errorResponses('unknown_purchase_order', 'invalid_po_transition') },
      },
    }, async (req) => suppliers.cancel(req.params.id));
    if (failover) await app.register(failoverRoutes(failover, suppliers));
  };
