/**
 * `GET /v1/events`: the outbox as Server-Sent Events. Resumes after `Last-Event-ID` (header, or `lastEventId`
 * in the query for clients that cannot set it); without one it starts at the live edge. Filters by `types`
 * (comma-separated, `inventory.*` style prefixes allowed) and `sku`. Storefront keys see inventory events only.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/database.ts';
import type { EventHub } from './hub.ts';
import { readEventsAfter, type StoredEvent } from './outbox.ts';
import { Invalid } from '../core/errors.ts';
import type { MessageService } from './messages.ts';
import { EVENT_TYPES } from './event-types.ts';
import { MESSAGE_TYPES } from './templates.ts';
import { Nullable } from '../api/schemas.ts';

const PUBLIC_PREFIXES = ['inventory.'];

export const eventRoutes = (db: Database, hub: EventHub): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Streams never end by themselves: end them when the server closes, or close would wait on them.
    const open = new Set<import('node:http').ServerResponse>();
    app.addHook('preClose', async () => {
      for (const r of open) r.end();
    });

    app.get('/v1/events', {
      config: { scopes: ['storefront'], allowQueryKey: true },
      schema: {
        tags: ['events'],
        summary: 'Live event stream (text/event-stream), resumable with Last-Event-ID',
        querystring: Type.Object({
          types: Type.Optional(Type.String({ maxLength: 1000 })),
          sku: Type.Optional(Type.String({ maxLength: 64 })),
          lastEventId: Type.Optional(Type.Integer({ minimum: 0 })),
          key: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    }, async (req, reply) => {
      const header = req.headers['last-event-id'];
      const edge = await hub.edge();
      let cursor: number;
      if (typeof header === 'string' && header !== '') {
        if (!/^\d+$/.test(header)) throw new Invalid('Last-Event-ID must be an event id (a whole number)', { header });
        cursor = Number(header);
      } else cursor = req.query.lastEventId ?? edge;
      const patterns = (req.query.types ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const storefront = req.apiKey?.scope !== 'admin';
      const wanted = (e: StoredEvent) =>
        (!storefront || PUBLIC_PREFIXES.some((p) => e.type.startsWith(p))) &&
        (patterns.length === 0 || patterns.some((p) => (p.endsWith('*') ? e.type.startsWith(p.slice(0, -1)) : e.type === p))) &&
        (!req.query.sku || e.sku === req.query.sku);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
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
          const edge = hub.position;
          const rows = (await readEventsAfter(db.kysely, cursor, 500)).filter((e) => e.id <= edge);
          if (rows.length === 0) break;
          send(rows);
        }
      } finally {
        const pending = buffered;
        buffered = null;
        if (pending) send(pending);
      }
    });
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

/** `GET /v1/messages`: every customer message, newest first — the outbox of emails, readable without SMTP. */
export const messageRoutes = (messages: MessageService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/v1/messages', {
      config: { scopes: [] },
      schema: {
        tags: ['messages'],
        summary: 'Customer messages, newest first; page with `before` (an id)',
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320 })),
          type: Type.Optional(Type.String({ maxLength: 50 })),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          before: Type.Optional(Type.String({ maxLength: 30 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(MessageSchema), counts: Type.Record(Type.String(), Type.Integer()) }) },
      },
    }, async (req) => ({ items: await messages.list(req.query), counts: await messages.counts() }));

    app.get('/v1/event-types', {
      config: { scopes: ['storefront'] },
      schema: { tags: ['events'], summary: 'Every event type (for webhooks and the live stream) and every customer message type', response: { 200: Type.Object({ events: Type.Array(Type.String()), messages: Type.Array(Type.String()) }) } },
    }, async () => ({ events: [...EVENT_TYPES], messages: [...MESSAGE_TYPES] }));

    app.get('/v1/messages/:id', {
      config: { scopes: [] },
      schema: { tags: ['messages'], params: Type.Object({ id: Type.String({ maxLength: 30 }) }), response: { 200: MessageSchema } },
    }, async (req) => messages.get(req.params.id));
  };
