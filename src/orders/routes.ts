/** HTTP for orders, inbound supply, the backorder and pre-order queues, and the allocation policy. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarDate, Id, LocationCode, Nullable, PageLimit, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import type { OrdersService } from './service.ts';

const LineSchema = Type.Object({
  id: Type.String(),
  lineNo: Type.Integer(),
  sku: Type.String(),
  quantity: Type.Integer(),
  fromStock: Type.Integer(),
  backordered: Type.Integer(),
  preordered: Type.Integer(),
  allocated: Type.Integer(),
  waiting: Type.Integer(),
  promisedDate: Nullable(Type.String()),
  status: StringEnum(['confirmed', 'backordered', 'preordered', 'allocated', 'cancelled'] as const),
  allowPartial: Type.Boolean(),
  reservationId: Nullable(Type.String()),
});

const PaymentSchema = Type.Object(
  {
    status: StringEnum(['pending', 'confirmed', 'expired'] as const, { description: 'pending: a browser order waiting for POST /v1/orders/{id}/confirm until expiresAt; expired: never confirmed, its lines were cancelled' }),
    expiresAt: Nullable(Type.String()),
  },
  { $id: 'OrderPayment' },
);

/** Placement answers carry the signed order link for the shopper (GET /v1/order-links/{token}, page /o/{token}). */
const PlacementFields = {
  token: Type.Optional(Type.String({ description: 'Signed order token (placement answers only): the shopper\'s access to this order' })),
  links: Type.Optional(Type.Object({ self: Type.String({ description: 'PUBLIC_URL/o/{token}' }) })),
};

const OrderSchema = Type.Object(
  {
    id: Type.String(),
    customer: Type.Object({ id: Type.String(), email: Type.String(), tier: Nullable(Type.String()), locale: Nullable(Type.String()) }),
    lines: Type.Array(LineSchema),
    createdAt: Type.String(),
    payment: Type.Ref('OrderPayment'),
    ...PlacementFields,
  },
  { $id: 'Order' },
);

/** What a publishable key sees of an order: no customer (email, id, tier). */
const StorefrontOrderSchema = Type.Object(
  {
    id: Type.String(),
    lines: Type.Array(LineSchema),
    createdAt: Type.String(),
    payment: Type.Ref('OrderPayment'),
    ...PlacementFields,
  },
  { $id: 'StorefrontOrder', additionalProperties: false },
);

/** What the signed order link shows the shopper: their email masked, no customer id or tier. */
const OrderLinkViewSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String({ description: 'The order\'s email, masked (s***5@example.com)' }),
    locale: Nullable(Type.String()),
    lines: Type.Array(LineSchema),
    createdAt: Type.String(),
    payment: Type.Ref('OrderPayment'),
  },
  { $id: 'OrderLinkView' },
);

const CheckoutSettingsSchema = Type.Object(
  {
    publishable: Type.Object(
      {
        maxQuantity: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Largest quantity of one reservation made with a publishable key' }),
        maxTtlSeconds: Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600, description: 'Longest hold of a reservation made with a publishable key' }),
        reservationsPerSku: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 1_000_000 }), windowSeconds: Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600 }) },
          { additionalProperties: false, description: 'Reservations of one SKU one client (publishable key + address) may make in a window, released ones included' },
        ),
      },
      { additionalProperties: false },
    ),
    browserOrders: Type.Boolean({ description: 'May a publishable key place orders? They wait for confirmation by the shop\'s backend (payment)' }),
    paymentTtlSeconds: Type.Integer({ minimum: 60, maximum: 7 * 24 * 3600, description: 'How long a browser order waits for confirmation before its lines are cancelled' }),
  },
  { additionalProperties: false },
);

const InboundSchema = Type.Object(
  {
    id: Type.String(),
    sku: Type.String(),
    location: Type.String(),
    quantity: Type.Integer(),
    received: Type.Integer(),
    expectedDate: Type.String(),
    reference: Nullable(Type.String()),
    status: StringEnum(['open', 'received', 'cancelled'] as const),
    createdAt: Type.String(),
  },
  { $id: 'Inbound' },
);

const QueueSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      orderId: Type.String(),
      lineId: Type.String(),
      sku: Type.String(),
      position: Type.Integer(),
      quantity: Type.Integer(),
      promisedDate: Nullable(Type.String()),
      kind: Type.String(),
      tier: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
  totals: Type.Record(Type.String(), Type.Object({ lines: Type.Integer(), units: Type.Integer() })),
  total: Type.Integer({ description: 'waiting lines in all (items holds the page)' }),
});

const Offset = Type.Integer({ minimum: 0, maximum: 1_000_000 });

const PolicySchema = Type.Object(
  {
    strategy: StringEnum(['fifo', 'priority'] as const),
    tierRanks: Type.Record(Type.String({ maxLength: 50 }), Type.Integer({ minimum: 0, maximum: 1000 })),
    preordersFirst: Type.Boolean(),
    useSafetyStock: Type.Boolean(),
  },
  { additionalProperties: false },
);

type OrderOut = Awaited<ReturnType<OrdersService['get']>>;
function presentLines(lines: OrderOut['lines']) {
  return lines.map((l) => ({ ...l, waiting: l.status === 'cancelled' ? 0 : l.backordered + l.preordered - l.allocated }));
}
function present(o: OrderOut) {
  return { ...o, lines: presentLines(o.lines) };
}
/** A publishable key's view of an order: its customer (email, id, tier) is left out, not just hidden. */
function presentFor(publishable: boolean, o: OrderOut) {
  if (!publishable) return present(o);
  return { id: o.id, lines: presentLines(o.lines), createdAt: o.createdAt, payment: o.payment };
}
function presentPlaced(publishable: boolean, o: Awaited<ReturnType<OrdersService['place']>>) {
  return { ...presentFor(publishable, o), token: o.link.token, links: { self: o.link.url } };
}
const OrderForKey = Type.Union([Type.Ref('Order'), Type.Ref('StorefrontOrder')], { description: 'Order with a secret key; StorefrontOrder (no customer) with a publishable key' });

export const orderRoutes = (orders: OrdersService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(PaymentSchema);
    app.addSchema(OrderSchema);
    app.addSchema(StorefrontOrderSchema);
    app.addSchema(OrderLinkViewSchema);
    app.addSchema(InboundSchema);

    app.post('/v1/orders', {
      config: { scopes: ['storefront', 'checkout'], limit: 'orders' },
      schema: {
        tags: ['orders'],
        summary: 'Place an order: each line is confirmed from stock, backordered or pre-ordered by the SKU policy, or the whole order is refused (409, reasons per line)',
        description:
          'With a secret (checkout) key the order is confirmed at once. With a publishable (storefront) key only where the shop allows browser checkout (browserOrders in GET /v1/settings/checkout; otherwise 403): the order waits for payment (`payment.status` pending until `payment.expiresAt`) and the shop\'s backend confirms it (POST /v1/orders/{id}/confirm), or its lines are cancelled when the time runs out; the answer leaves the customer out. Either way the answer carries the signed order link for the shopper (`token`, `links.self`).',
        body: Type.Object(
          {
            customer: Type.Object(
              { id: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ format: 'email', maxLength: 320 }), tier: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Za-z]{2})?$' })) },
              { additionalProperties: false },
            ),
            lines: Type.Array(
              Type.Object(
                { sku: Sku, quantity: Quantity, reservationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), allowPartial: Type.Optional(Type.Boolean()) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
            fulfilment: Type.Optional(
              Type.Object(
                {
                  region: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'The customer\'s region: locations in it are drawn from first, then the rest by priority' })),
                  allowSplit: Type.Optional(Type.Boolean({ description: 'May a line be served from several locations (default true)? Without, a line no single location can fill is refused (no_single_location)' })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrderForKey, ...errorResponses('duplicate_line', 'unknown_sku', 'order_refused') },
      },
    }, async (req, reply) => {
      const publishable = req.apiKey?.publishable ?? false;
      return reply.status(201).send(presentPlaced(publishable, await orders.place(req.body, { publishable })));
    });

    app.get('/v1/orders/:id', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: {
        tags: ['orders'],
        summary: 'An order; a publishable key gets it without the customer (StorefrontOrder)',
        params: Type.Object({ id: Id }),
        response: { 200: OrderForKey, ...errorResponses('unknown_order') },
      },
    }, async (req) => presentFor(req.apiKey?.publishable ?? false, await orders.get(req.params.id)));

    app.post('/v1/orders/:id/confirm', {
      config: { scopes: ['checkout'] },
      schema: {
        tags: ['orders'],
        summary: 'Confirm a browser order after payment (the shop\'s backend, checkout key); again is harmless; 409 payment_expired when its time ran out',
        params: Type.Object({ id: Id }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Ref('Order'), ...errorResponses('unknown_order', 'payment_expired') },
      },
    }, async (req) => present(await orders.confirm(req.params.id)));

    app.get('/v1/order-links/:token', {
      config: { limit: 'tokens' },
      schema: {
        tags: ['orders'],
        summary: 'The shopper\'s view of their order through its signed link (no key): email masked, no customer id or tier',
        security: [],
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 200: Type.Ref('OrderLinkView'), ...errorResponses('invalid_token', 'unknown_order') },
      },
    }, async (req) => {
      const v = await orders.getByLink(req.params.token);
      return { ...v, lines: presentLines(v.lines) };
    });

    app.post('/v1/order-links/:token/lines/:lineId/cancel', {
      config: { limit: 'tokens' },
      schema: {
        tags: ['orders'],
        summary: 'The shopper cancels a line of their order that still waits for stock (backordered or pre-ordered, nothing handed over yet), through the signed link',
        security: [],
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 1000 }), lineId: Id }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Ref('OrderLinkView'), ...errorResponses('invalid_token', 'unknown_order_line', 'line_cancelled', 'invalid_line_transition') },
      },
    }, async (req) => {
      const v = await orders.cancelByLink(req.params.token, req.params.lineId);
      return { ...v, lines: presentLines(v.lines) };
    });

    app.get('/v1/settings/checkout', {
      config: { scopes: [] },
      schema: { tags: ['orders'], summary: 'Browser checkout and the limits of publishable keys', response: { 200: CheckoutSettingsSchema, ...errorResponses() } },
    }, async () => orders.checkoutSettings());

    app.put('/v1/settings/checkout', {
      config: { scopes: [] },
      schema: { tags: ['orders'], summary: 'Set browser checkout and the limits of publishable keys', body: CheckoutSettingsSchema, response: { 200: CheckoutSettingsSchema, ...errorResponses() } },
    }, async (req) => orders.setCheckoutSettings(req.body));

    app.post('/v1/orders/:id/lines/:lineId/cancel', {
      config: { scopes: ['checkout'] },
      schema: {
        tags: ['orders'],
        summary: 'Cancel a line: its stock or its queue place goes to the next in line',
        params: Type.Object({ id: Id, lineId: Id }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Ref('Order'), ...errorResponses('unknown_order_line', 'line_cancelled', 'invalid_line_transition') },
      },
    }, async (req) => present(await orders.cancelLine(req.params.id, req.params.lineId)));

    app.post('/v1/inbound', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inbound'],
        summary: 'Record expected stock',
        body: Type.Object({ sku: Sku, location: LocationCode, quantity: Quantity, expectedDate: CalendarDate, reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
        response: { 201: Type.Ref('Inbound'), ...errorResponses('invalid_date', 'unknown_location', 'unknown_sku') },
      },
    }, async (req, reply) => reply.status(201).send(await orders.createInbound(req.body)));

    app.get('/v1/inbound', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inbound'],
        summary: 'Inbound stock by expected date; `late=true` keeps open inbound whose expected date has passed',
        querystring: Type.Object({
          sku: Type.Optional(Sku),
          status: Type.Optional(StringEnum(['open', 'received', 'cancelled'] as const)),
          late: Type.Optional(Type.Boolean({ description: 'only open inbound expected before today (UTC)' })),
          limit: Type.Optional(PageLimit(1000, { default: 1000 })),
          offset: Type.Optional(Offset),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Inbound')), total: Type.Integer({ description: 'every match, not only this page' }) }), ...errorResponses() },
      },
    }, async (req) => orders.inboundPage({ ...req.query, limit: req.query.limit ?? 1000, offset: req.query.offset ?? 0 }));

    app.patch('/v1/inbound/:id', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inbound'],
        summary: 'Change the expected date or quantity of inbound stock, or cancel it; promised dates follow',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { expectedDate: Type.Optional(CalendarDate), quantity: Type.Optional(Quantity), status: Type.Optional(StringEnum(['cancelled'] as const)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('Inbound'), ...errorResponses('invalid_date', 'unknown_inbound', 'inbound_received', 'inbound_cancelled', 'below_received') },
      },
    }, async (req) => orders.updateInbound(req.params.id, req.body));

    app.post('/v1/inbound/:id/receive', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inbound'],
        summary: 'Receive all (default) or part of inbound stock into on hand; waiting orders are allocated at once',
        params: Type.Object({ id: Id }),
        body: Type.Object({ quantity: Type.Optional(Quantity) }, { additionalProperties: false }),
        response: { 200: Type.Ref('Inbound'), ...errorResponses('unknown_inbound', 'inbound_received', 'inbound_cancelled', 'over_receipt', 'stock_limit') },
      },
    }, async (req) => orders.receiveInbound(req.params.id, req.body.quantity));

    for (const [path, kind] of [['/v1/backorders', 'backorder'], ['/v1/preorders', 'preorder']] as const) {
      app.get(path, {
        config: { scopes: [] },
        schema: {
          tags: ['orders'],
          summary: `Waiting ${kind} lines in queue order with position and promised date; page with limit and offset (all lines without a limit)`,
          querystring: Type.Object({ sku: Type.Optional(Sku), limit: Type.Optional(PageLimit(1000)), offset: Type.Optional(Offset) }),
          response: { 200: QueueSchema, ...errorResponses('unknown_sku') },
        },
      }, async (req) => {
        // Positions are places in the whole queue of a SKU, so the page is cut from the whole list.
        const all = await orders.queue(kind, req.query.sku);
        const from = req.query.offset ?? 0;
        const items = req.query.limit === undefined ? all.items.slice(from) : all.items.slice(from, from + req.query.limit);
        return { items, totals: all.totals, total: all.items.length };
      });
    }

    app.get('/v1/settings/allocation', {
      config: { scopes: [] },
      schema: { tags: ['orders'], response: { 200: PolicySchema } },
    }, async () => orders.allocationPolicy());

    app.put('/v1/settings/allocation', {
      config: { scopes: [] },
      schema: { tags: ['orders'], summary: 'How arriving stock is shared among waiting lines', body: PolicySchema, response: { 200: PolicySchema, ...errorResponses() } },
    }, async (req) => orders.setAllocationPolicy(req.body));
  };
