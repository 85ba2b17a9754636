/** HTTP for the operator's read views: `GET /v1/stock` (the stock table) and `GET /v1/overview` (admin). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { invalidField } from '../core/errors.ts';
import { Nullable, PageLimit, StringEnum, errorResponses } from '../http/schemas.ts';
import { AVAILABILITY_STATUSES } from '../inventory/service.ts';
import type { AvailabilityStatus } from '../inventory/model.ts';
import type { OverviewService } from './service.ts';
import { STOCK_SORTS } from './model.ts';

const Status = StringEnum(AVAILABILITY_STATUSES, { description: 'availability as the storefront sees it (GET /v1/availability/{sku})' });

const StockRowSchema = Type.Object(
  {
    sku: Type.String(),
    title: Type.String(),
    category: Type.String(),
    productStatus: StringEnum(['active', 'upcoming', 'discontinued'] as const),
    status: Status,
    onHand: Type.Integer({ description: 'physical units at all locations' }),
    reserved: Type.Integer({ description: 'held for carts (reservations)' }),
    committed: Type.Integer({ description: 'sold, not shipped yet (still on hand), including units allocated to waiting orders' }),
    safetyStock: Type.Integer({ description: 'kept back from sale' }),
    free: Type.Integer({ description: 'Σ over locations of max(0, onHand − reserved − committed − safetyStock)' }),
    availableToSell: Nullable(Type.Integer({ description: 'max(0, free − backordered − preordered); 0 while upcoming; null when stock is not tracked' })),
    backordered: Type.Integer({ description: 'units waiting backorder lines are still owed' }),
    preordered: Type.Integer({ description: 'units waiting pre-order lines are still owed' }),
    inbound: Type.Integer({ description: 'units of open inbound (expected, not received)' }),
    waiting: Type.Integer({ description: 'people on the waitlist (status waiting)' }),
    waitingUnits: Type.Integer({ description: 'units those people want' }),
    lowStockThreshold: Type.Integer({ description: 'availableToSell at or below this (and above 0) is low_stock' }),
  },
  {
    $id: 'StockRow',
    description:
      'One SKU, summed over its locations. free = Σ per location max(0, onHand − reserved − committed − safetyStock) (a location counted short never makes another negative); ' +
      'availableToSell = max(0, free − backordered − preordered): the units waiting orders are owed come off free stock first, so a new sale takes only the rest. ' +
      'status is the availability the storefront is shown, as the availability policy computed it at the SKU\'s last stock or product change.',
  },
);

const Top = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ total: Type.Integer({ description: 'how many in all; items holds up to the first ten' }), items: Type.Array(item) });

const OverviewSchema = Type.Object(
  {
    counts: Type.Object({
      products: Type.Integer(),
      byStatus: Type.Object(Object.fromEntries(AVAILABILITY_STATUSES.map((s) => [s, Type.Integer()])) as Record<AvailabilityStatus, ReturnType<typeof Type.Integer>>),
    }),
    outOfStock: Top(
      Type.Object({
        sku: Type.String(),
        title: Type.String(),
        since: Nullable(Type.String({ description: 'when it last stopped selling (its latest inventory.out_of_stock event still kept), null when unknown' })),
        waiting: Type.Integer({ description: 'people on the waitlist' }),
        backordered: Type.Integer(),
      }),
    ),
    atRisk: Top(
      Type.Object({
        sku: Type.String(),
        title: Type.String(),
        availableToSell: Type.Integer(),
        lowStockThreshold: Type.Integer(),
        daysOfCover: Nullable(Type.Number({ description: 'availableToSell ÷ mean daily demand of the latest forecast; null without a forecast or demand' })),
      }),
    ),
    waitlistDemand: Top(Type.Object({ sku: Type.String(), title: Type.String(), people: Type.Integer(), units: Type.Integer() })),
    lateInbound: Top(
      Type.Object({
        id: Type.String(),
        sku: Type.String(),
        title: Type.String(),
        quantity: Type.Integer({ description: 'units still expected' }),
        expectedAt: Type.String({ description: 'the expected date (YYYY-MM-DD), now past' }),
        daysLate: Type.Integer(),
      }),
    ),
    messages: Type.Object({ queued: Type.Integer(), failedLast24h: Type.Integer({ description: 'messages created in the last 24 hours that failed for good' }) }),
    webhooks: Type.Object({ endpoints: Type.Integer({ description: 'active endpoints' }), failing: Type.Integer({ description: 'active endpoints with a delivery given up on in the last 24 hours or being retried after a failure' }) }),
  },
  { $id: 'Overview' },
);

/** `status=a&status=b` or `status=a,b`: each one an availability status. */
function statuses(raw: string | string[] | undefined): AvailabilityStatus[] | undefined {
  if (raw === undefined) return undefined;
  const list = [raw].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const known = AVAILABILITY_STATUSES as readonly string[];
  const bad = list.filter((s) => !known.includes(s));
  if (bad.length > 0) throw invalidField('query.status', `unknown status '${bad[0]}': use ${AVAILABILITY_STATUSES.join(', ')}`);
  return list as AvailabilityStatus[];
}

export const overviewRoutes = (overview: OverviewService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(StockRowSchema);
    app.addSchema(OverviewSchema);

    app.get('/v1/stock', {
      config: { scopes: [] },
      schema: {
        tags: ['stock'],
        summary: 'The stock table: one row per SKU, filtered, sorted and paged on the server; total counts every match',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200, description: 'substring of the SKU or title, any case' })),
          status: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 6 })], { description: `availability statuses, repeated or comma-separated: ${AVAILABILITY_STATUSES.join(', ')}` })),
          category: Type.Optional(Type.String({ maxLength: 200 })),
          sort: Type.Optional(StringEnum(STOCK_SORTS)),
          order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
          limit: Type.Optional(PageLimit(500, { default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('StockRow')), total: Type.Integer() }), ...errorResponses() },
      },
    }, async (req) => {
      const q = req.query;
      const page = await overview.stock({ q: q.q, statuses: statuses(q.status), category: q.category, sort: q.sort ?? 'sku', order: q.order ?? 'asc', limit: q.limit ?? 50, offset: q.offset ?? 0 });
      return { items: page.items, total: page.total };
    });

    app.get('/v1/overview', {
      config: { scopes: [] },
      schema: {
        tags: ['overview'],
        summary: 'What the dashboard leads with, in one request: counts by availability, out of stock now, at risk, waitlist demand, late inbound, messages and webhooks',
        response: { 200: Type.Ref('Overview'), ...errorResponses() },
      },
    }, async () => overview.overview());
  };
