/**
 * HTTP for messaging. `GET /v1/events`: the outbox as Server-Sent Events. Resumes after `Last-Event-ID` (header,
 * or `lastEventId` in the query for clients that cannot set it); without one it starts at the live edge. Filters
 * by `types` (comma-separated patterns: `*`, `prefix.*` or exact types, as webhooks take them) and `sku`.
 * Storefront keys see inventory events only. Clients that cannot send the Authorization header (EventSource) open
 * it with a short-lived ticket from `POST /v1/events/tickets` (`?ticket=`); keys never go in the URL. Also the customer messages, the event-type registry, and the
 * reactors with their parked events (admin).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { matchesPattern, type StoredEvent } from '../core/events.ts';
import { Invalid, invalidField } from '../core/errors.ts';
import type { EventHub } from './hub.ts';
import type { MessageService } from './messages.ts';
import type { EventTypeRegistry } from './event-types.ts';
import { MAX_ALERT_RECIPIENTS, PARKED_STATUSES } from './model.ts';
import type { StaffAlerts } from './alerts.ts';
import type { ReactorService } from './reactors.ts';
import { MESSAGE_TYPES } from './templates.ts';
import { RENDERED_MESSAGE_TYPES } from './messages.ts';
import { MAX_VOLUME_DAYS } from './volume.ts';
import { Nullable, PageLimit, StringEnum, errorResponses } from '../http/schemas.ts';
import type { StreamTickets } from '../http/auth.ts';

const PUBLIC_PREFIXES = ['inventory.'];

/** Event ids are JavaScript numbers: larger is not an id of ours (and would overflow PostgreSQL's bigint). */
export const MAX_EVENT_ID = Number.MAX_SAFE_INTEGER;
const EventId = Type.Integer({ minimum: 0, maximum: MAX_EVENT_ID });

/** `Last-Event-ID` as a cursor: a whole number of at most 16 digits within MAX_EVENT_ID. */
export function parseLastEventId(header: string): number {
  if (!/^\d{1,16}$/.test(header) || Number(header) > MAX_EVENT_ID) {
    throw invalidField('header.last-event-id', `Last-Event-ID must be an event id (a whole number from 0 to ${MAX_EVENT_ID})`);
  }
  return Number(header);
}

export const eventRoutes = (hub: EventHub, registry: EventTypeRegistry, tickets: StreamTickets): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Streams never end by themselves: end them when the server closes, or close would wait on them.
    const open = new Set<ServerResponse>();
    app.addHook('preClose', async () => {
      for (const r of open) r.end();
    });

    // Who may read the stream may get a ticket for it: EventSource cannot send the Authorization header.
    const streamScopes = ['storefront', 'checkout'];
    app.post('/v1/events/tickets', {
      config: { scopes: streamScopes },
      schema: {
        tags: ['events'],
        summary: `A stream ticket: opens GET /v1/events?ticket=… for ${tickets.lifetimeSeconds} s, for clients that cannot send headers (EventSource)`,
        description: 'Authenticate this request with `Authorization: Bearer KEY`. The ticket names the key and its scope; the stream checks the key is still valid when it opens. Get a fresh ticket for every (re)connection.',
        response: { 201: Type.Object({ ticket: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }), ...errorResponses() },
      },
    }, async (req, reply) => reply.status(201).send(tickets.issue(req.apiKey!)));

    app.get('/v1/events', {
      config: { scopes: streamScopes, streamTicket: true },
      schema: {
        tags: ['events'],
        summary: 'Live event stream (text/event-stream), resumable with Last-Event-ID; authenticate with the Authorization header or `?ticket=` (POST /v1/events/tickets)',
        querystring: Type.Object({
          types: Type.Optional(Type.String({ maxLength: 1000, description: 'Comma-separated: `*`, `prefix.*` (e.g. `inventory.*`) or exact event types' })),
          sku: Type.Optional(Type.String({ maxLength: 64 })),
          lastEventId: Type.Optional(EventId),
          ticket: Type.Optional(Type.String({ maxLength: 1000, description: 'A stream ticket from POST /v1/events/tickets (instead of the Authorization header)' })),
        }),
        response: {
          200: {
            description: 'Server-Sent Events, one per outbox event: `id` (the event id, for Last-Event-ID), `event` (its type) and `data`, a JSON object `{ id, type, sku, createdAt, data }` whose `data` is the payload of its type (see Webhooks); `: ping` comments every 15 s.',
            content: {
              'text/event-stream': {
                schema: Type.String({
                  examples: ['id: 42\nevent: inventory.low_stock\ndata: {"id":42,"type":"inventory.low_stock","sku":"TEE-RED-M","createdAt":"2026-05-04T10:00:00.000Z","data":{"sku":"TEE-RED-M","before":{"status":"in_stock","availableToSell":6},"after":{"status":"low_stock","availableToSell":3,"message":"Only 3 left in stock","nextInboundDate":null,"promisedDate":null},"version":7}}\n\n'],
                }),
              },
            },
          },
          ...errorResponses('unknown_event_type'),
        },
      },
    }, async (req, reply) => {
      const header = req.headers['last-event-id'];
      const patterns = (req.query.types ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = registry.unknownPatterns(patterns);
      if (unknown.length > 0) {
        throw new Invalid(`unknown event type or pattern: ${unknown.join(', ')} (use *, prefix.* or an exact type)`, { field: 'types', unknown }, 'unknown_event_type');
      }
      const edge = await hub.edge();
      let cursor: number;
      if (typeof header === 'string' && header !== '') cursor = parseLastEventId(header);
      else cursor = req.query.lastEventId ?? edge;
      const storefront = req.apiKey?.scope !== 'admin';
      const wanted = (e: StoredEvent) =>
        (!storefront || PUBLIC_PREFIXES.some((p) => e.type.startsWith(p))) &&
        (patterns.length === 0 || matchesPattern(e.type, patterns)) &&
        (!req.query.sku || e.sku === req.query.sku);

      // The stream writes its own head, past Fastify's reply: carry over what the hooks set on the reply so far
      // (CORS for a storefront on another origin — EventSource is a CORS request —, nosniff).
      const inherited: OutgoingHttpHeaders = { 'x-content-type-options': 'nosniff' };
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) inherited[name] = value;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...inherited,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\n');
      let closed = false;
      const send = (events: StoredEvent[]) => {
        let out = '';
        for (const e of events) {
          if (e.id <= cursor) continue;
          cursor = e.id;
          if (!wanted(e)) continue;
          out += `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ id: e.id, type: e.type, sku: e.sku, createdAt: e.createdAt, data: e.payload })}\n\n`;
        }
        if (out && !closed) raw.write(out);
      };
      let buffered: StoredEvent[] | null = [];
      const unsubscribe = hub.subscribe((events) => {
        if (buffered) buffered.push(...events);
        else send(events);
      });
      const ping = setInterval(() => raw.write(': ping\n\n'), 15_000);
      ping.unref();
      open.add(raw);
      raw.on('close', () => {
        open.delete(raw);
        closed = true;
        clearInterval(ping);
        unsubscribe();
      });
      // Catch up from the table to where the live feed is, then switch to live.
      try {
        while (!closed && cursor < hub.position) {
          const rows = await hub.readUpTo(cursor, hub.position);
          if (rows.length === 0) break;
          send(rows);
        }
      } finally {
        const pending = buffered;
        buffered = null;
        if (pending) send(pending);
      }
    });

    app.get('/v1/event-types', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: { tags: ['events'], summary: 'Every event type (for webhooks and the live stream) and every customer message type', response: { 200: Type.Object({ events: Type.Array(Type.String()), messages: Type.Array(Type.String()) }) } },
    }, async () => ({ events: [...registry.types], messages: [...MESSAGE_TYPES, ...RENDERED_MESSAGE_TYPES] }));
  };

const MessageSchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  to: Type.String(),
  locale: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  status: Type.String(),
  sku: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});

/** The window of a volume chart: the last `days` UTC days, today included. */
const VolumeQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VOLUME_DAYS, default: 30, description: 'Days back from today (UTC), today included' })) });

/** `GET /v1/messages`: every customer message, newest first — the outbox of emails, readable without SMTP. */
export const messageRoutes = (messages: MessageService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/v1/messages', {
      config: { scopes: [] },
      schema: {
        tags: ['messages'],
        summary: 'Customer messages, newest first; page with `before` (an id) or `offset`',
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320 })),
          type: Type.Optional(Type.String({ maxLength: 50 })),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'substring of the recipient or the subject, any case' })),
          before: Type.Optional(Type.String({ maxLength: 30 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
          limit: Type.Optional(PageLimit(500)),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(MessageSchema),
            counts: Type.Record(Type.String(), Type.Integer()),
            total: Type.Integer({ description: 'messages matching to, type, status and q (before and offset only choose the page)' }),
          }),
        },
      },
    }, async (req) => ({ items: await messages.list(req.query), counts: await messages.counts(), total: await messages.count(req.query) }));

    app.get('/v1/messages/volume', {
      config: { scopes: [] },
      schema: {
        tags: ['messages'],
        summary: 'Messages per UTC day (every day of the window, zeros included), by status, for charts',
        description: 'Counts messages by the day they were recorded and their status now: `queued` includes those being sent.',
        querystring: VolumeQuery,
        response: { 200: Type.Object({ days: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (UTC)' }), sent: Type.Integer(), failed: Type.Integer(), queued: Type.Integer() })) }), ...errorResponses() },
      },
    }, async (req) => ({ days: await messages.volume(req.query.days ?? 30) }));

    app.get('/v1/messages/:id', {
      config: { scopes: [] },
      schema: { tags: ['messages'], params: Type.Object({ id: Type.String({ maxLength: 30 }) }), response: { 200: MessageSchema, ...errorResponses('unknown_message') } },
    }, async (req) => messages.get(req.params.id));
  };

const ParkedSchema = Type.Object(
  {
    id: Type.Integer(),
    consumer: Type.String(),
    eventId: Type.Integer(),
    eventType: Type.String(),
    attempts: Type.Integer(),
    error: Type.String(),
    status: StringEnum(PARKED_STATUSES),
    parkedAt: Type.String(),
    resolvedAt: Nullable(Type.String()),
  },
  { $id: 'ParkedEvent' },
);

const ReactorSchema = Type.Object({
  name: Type.String(),
  cursor: Type.Integer(),
  behind: Type.Integer({ description: 'Events in the outbox after its cursor' }),
  parked: Type.Integer({ description: 'Events it parked that are still open' }),
  failing: Nullable(Type.Object({ eventId: Type.Integer(), attempts: Type.Integer(), lastError: Type.String(), retryAt: Type.String() }, { description: 'The event this process is retrying now' })),
});

const ParkedId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_EVENT_ID }) });

/** The reactors and the events they parked (admin keys only). */
export const reactorRoutes = (reactors: ReactorService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(ParkedSchema);
    const admin = { scopes: [] };

    app.get('/v1/reactors', {
      config: admin,
      schema: { tags: ['events'], summary: 'Outbox reactors: cursor, events behind, parked events, the event being retried', response: { 200: Type.Object({ items: Type.Array(ReactorSchema) }), ...errorResponses() } },
    }, async () => ({ items: await reactors.list() }));

    app.get('/v1/reactors/parked', {
      config: admin,
      schema: {
        tags: ['events'],
        summary: 'Events reactors gave up on after their retries, newest first, with the last error',
        querystring: Type.Object({
          status: Type.Optional(StringEnum(PARKED_STATUSES)),
          consumer: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ParkedEvent')) }), ...errorResponses() },
      },
    }, async (req) => ({ items: await reactors.parked(req.query) }));

    app.post('/v1/reactors/parked/:id/retry', {
      config: admin,
      schema: {
        tags: ['events'],
        summary: 'Run the reactor on the parked event again: 200 when it succeeded (status retried), 409 reactor_retry_failed with the error when not',
        params: ParkedId,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Ref('ParkedEvent'), ...errorResponses('unknown_parked_event', 'parked_event_closed', 'unknown_reactor', 'event_gone', 'reactor_retry_failed') },
      },
    }, async (req) => reactors.retry(req.params.id));

    app.post('/v1/reactors/parked/:id/discard', {
      config: admin,
      schema: {
        tags: ['events'],
        summary: 'Drop the parked event for good (status discarded)',
        params: ParkedId,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Ref('ParkedEvent'), ...errorResponses('unknown_parked_event', 'parked_event_closed') },
      },
    }, async (req) => reactors.discard(req.params.id));
  };

const AlertSettingsSchema = Type.Object(
  {
    recipients: Type.Array(Type.String({ format: 'email', minLength: 3, maxLength: 320 }), { maxItems: MAX_ALERT_RECIPIENTS, description: `Staff email addresses (at most ${MAX_ALERT_RECIPIENTS}); none: no alerts` }),
    lowStock: Type.Boolean({ description: 'Email when a SKU becomes low on stock (at or under its low-stock threshold)' }),
    outOfStock: Type.Boolean({ description: 'Email when a SKU runs out of stock to sell (sold out, or selling on backorder only)' }),
  },
  { additionalProperties: false, examples: [{ recipients: ['stock@shop.example', 'buyer@shop.example'], lowStock: true, outOfStock: true }] },
);

/** Stock alerts to staff: who gets them and for what (admin keys only). */
export const alertRoutes = (alerts: StaffAlerts): FastifyPluginAsyncTypebox =>
  async (app) => {
    const admin = { scopes: [] };
    app.get('/v1/settings/alerts', {
      config: admin,
      schema: { tags: ['alerts'], summary: 'Who on the staff is emailed when a SKU runs low or out of stock', response: { 200: AlertSettingsSchema, ...errorResponses() } },
    }, async () => alerts.settings());
    app.put('/v1/settings/alerts', {
      config: admin,
      schema: {
        tags: ['alerts'],
        summary: 'Set who on the staff is emailed when a SKU runs low or out of stock',
        description: 'One email per recipient for each transition of a SKU into low stock or into out of stock (selling on backorder counts as out); not again until the SKU has left that state. A recipient listed twice (in any case) is kept once.',
        body: AlertSettingsSchema,
        response: { 200: AlertSettingsSchema, ...errorResponses() },
      },
    }, async (req) => alerts.setSettings(req.body));
  };
