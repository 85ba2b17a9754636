/** HTTP for orders, inbound supply, the backorder and pre-order queues, and the allocation policy. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarDate, Id, LocationCode, Nullable, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
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

const OrderSchema = Type.Object(
  {
    id: Type.String(),
    customer: Type.Object({ id: Type.String(), email: Type.String(), tier: Nullable(Type.String()), locale: Nullable(Type.String()) }),
    lines: Type.Array(LineSchema),
    createdAt: Type.String(),
  },
  { $id: 'Order' },
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
});

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
function present(o: OrderOut) {
  return { ...o, lines: o.lines.map((l) => ({ ...l, waiting: l.status === 'cancelled' ? 0 : l.backordered + l.preordered - l.allocated })) };
}

export const orderRoutes = (orders: OrdersService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(OrderSchema);
    app.addSchema(InboundSchema);

    app.post('/v1/orders', {
      config: { scopes: ['storefront'], limit: 'orders' },
      schema: {
        tags: ['orders'],
        summary: 'Place an order: each line is confirmed from stock, backordered or pre-ordered by the SKU policy, or the whole order is refused (409, reasons per line)',
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
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Order'), ...errorResponses('duplicate_line', 'unknown_sku', 'order_refused') },
      },
    }, async (req, reply) => reply.status(201).send(present(await orders.place(req.body))));

    app.get('/v1/orders/:id', {
      config: { scopes: ['storefront'] },
      schema: { tags: ['orders'], params: Type.Object({ id: Id }), response: { 200: Type.Ref('Order'), ...errorResponses('unknown_order') } },
    }, async (req) => present(await orders.get(req.params.id)));

    app.post('/v1/orders/:id/lines/:lineId/cancel', {
      config: { scopes: ['storefront'] },
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
        querystring: Type.Object({ sku: Type.Optional(Sku), status: Type.Optional(StringEnum(['open', 'received', 'cancelled'] as const)) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Inbound')) }), ...errorResponses() },
      },
    }, async (req) => ({ items: await orders.listInbound(req.query.sku, req.query.status) }));

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
        schema: { tags: ['orders'], summary: `Waiting ${kind} lines in queue order with position and promised date`, querystring: Type.Object({ sku: Type.Optional(Sku) }), response: { 200: QueueSchema, ...errorResponses('unknown_sku') } },
      }, async (req) => orders.queue(kind, req.query.sku));
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
