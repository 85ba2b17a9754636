/** HTTP for webhook endpoints and their deliveries (admin keys only). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, Nullable, PageLimit, StringEnum, errorResponses } from '../../http/schemas.ts';
import { DELIVERY_STATUSES } from './model.ts';
import { MAX_URL_LENGTH } from './policy.ts';
import type { WebhookService } from './service.ts';
import { MAX_VOLUME_DAYS } from '../volume.ts';

const Url = Type.String({ minLength: 1, maxLength: MAX_URL_LENGTH, description: 'Absolute http(s) URL that receives POSTs' });
const Events = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types, or patterns such as `inventory.*` (`*` for every type)',
});
const Description = Type.String({ maxLength: 500 });

const WebhookFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
};
const WebhookSchema = Type.Object(WebhookFields, { $id: 'Webhook' });
const CreatedWebhookSchema = Type.Object(
  { ...WebhookFields, secret: Type.String({ description: 'Signing secret (`whsec_…`), shown only now' }) },
  { $id: 'CreatedWebhook' },
);
const DeliverySchema = Type.Object(
  {
    id: Type.String(),
    webhookId: Type.String(),
    eventId: Type.Integer(),
    eventType: Type.String(),
    messageId: Type.String({ description: 'The webhook-id header, the same on every attempt' }),
    status: StringEnum(DELIVERY_STATUSES),
    attempts: Type.Integer(),
    lastStatus: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    nextAttemptAt: Nullable(Type.String()),
    createdAt: Type.String(),
    deliveredAt: Nullable(Type.String()),
  },
  { $id: 'WebhookDelivery' },
);

export const webhookRoutes = (webhooks: WebhookService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(WebhookSchema);
    app.addSchema(CreatedWebhookSchema);
    app.addSchema(DeliverySchema);
    const admin = { scopes: [] };

    app.post('/v1/webhooks', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Register an endpoint for event types; deliveries are signed as Standard Webhooks says',
        body: Type.Object({ url: Url, events: Events, description: Type.Optional(Description) }, { additionalProperties: false }),
        response: { 201: Type.Ref('CreatedWebhook'), ...errorResponses('invalid_webhook_url', 'unknown_event_type') },
      },
    }, async (req, reply) => reply.status(201).send(await webhooks.create(req.body)));

    app.get('/v1/webhooks', {
      config: admin,
      schema: { tags: ['webhooks'], response: { 200: Type.Object({ items: Type.Array(Type.Ref('Webhook')) }), ...errorResponses() } },
    }, async () => ({ items: await webhooks.list() }));

    app.get('/v1/webhooks/volume', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Webhook deliveries per UTC day (every day of the window, zeros included), by status, for charts',
        description: 'Counts deliveries by the day they were created and their status now: `failed` are those whose retries ran out (dead).',
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VOLUME_DAYS, default: 30, description: 'Days back from today (UTC), today included' })) }),
        response: { 200: Type.Object({ days: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (UTC)' }), delivered: Type.Integer(), failed: Type.Integer(), pending: Type.Integer() })) }), ...errorResponses() },
      },
    }, async (req) => ({ days: await webhooks.volume(req.query.days ?? 30) }));

    app.get('/v1/webhooks/:id', {
      config: admin,
      schema: { tags: ['webhooks'], params: Type.Object({ id: Id }), response: { 200: Type.Ref('Webhook'), ...errorResponses('webhook_not_found') } },
    }, async (req) => webhooks.get(req.params.id));

    app.patch('/v1/webhooks/:id', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Change the URL, the event types, the description, or pause/resume deliveries',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { url: Type.Optional(Url), events: Type.Optional(Events), active: Type.Optional(Type.Boolean()), description: Type.Optional(Nullable(Description)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('Webhook'), ...errorResponses('webhook_not_found', 'invalid_webhook_url', 'unknown_event_type') },
      },
    }, async (req) => webhooks.update(req.params.id, req.body));

    app.delete('/v1/webhooks/:id', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Deactivate an endpoint: nothing more is sent to it; its deliveries stay readable',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Ref('Webhook'), ...errorResponses('webhook_not_found') },
      },
    }, async (req) => webhooks.deactivate(req.params.id));

    app.get('/v1/webhooks/:id/deliveries', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries to an endpoint, newest first, with attempts, the last answer and the next attempt',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({
          status: Type.Optional(StringEnum(DELIVERY_STATUSES)),
          limit: Type.Optional(PageLimit(500, { default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('WebhookDelivery')), total: Type.Integer({ description: 'deliveries of the status given (all without one)' }) }), ...errorResponses('webhook_not_found') },
      },
    }, async (req) => webhooks.deliveriesPage(req.params.id, req.query));

    app.get('/v1/webhooks/deliveries/:id', {
      config: admin,
      schema: { tags: ['webhooks'], params: Type.Object({ id: Id }), response: { 200: Type.Ref('WebhookDelivery'), ...errorResponses('delivery_not_found') } },
    }, async (req) => webhooks.delivery(req.params.id));

    app.post('/v1/webhooks/deliveries/:id/redeliver', {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Send a delivered or dead delivery again now, with a fresh attempt cycle and the same webhook-id',
        params: Type.Object({ id: Id }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 202: Type.Ref('WebhookDelivery'), ...errorResponses('delivery_not_found', 'webhook_inactive', 'delivery_pending') },
      },
    }, async (req, reply) => reply.status(202).send(await webhooks.redeliver(req.params.id)));
  };
