/** HTTP for locations, stock levels, the ledger, feeds, movements, reservations and availability. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Invalid, RestockError, invalidField } from '../core/errors.ts';
import { Cursor, Id, LocationCode, Nullable, PageLimit, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import { MAX_FEED_DELTA, MAX_FEED_KEY_LENGTH, MAX_FEED_LINES, MAX_FEED_REASON_LENGTH, MAX_ON_HAND, toFeedLine } from './feed-policy.ts';
import type { InventoryService, LedgerFilter } from './service.ts';
import { LEDGER_CSV_COLUMNS, ledgerCsvHeader, ledgerCsvRows } from './ledger-csv.ts';
import { AVAILABILITY_STATUSES, LOCATION_TYPES, MOVEMENT_TYPES, type Availability, type FeedLine, type PublishableReservationLimits, type ReservationClient } from './model.ts';
import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS } from './service.ts';

const LocationSchema = Type.Object(
  {
    code: LocationCode,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: StringEnum(LOCATION_TYPES),
    priority: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    region: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);

const LevelSchema = Type.Object({
  sku: Type.String(),
  location: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  committed: Type.Integer(),
  safetyStock: Type.Integer(),
  inbound: Type.Integer(),
});

const ReservationSchema = Type.Object(
  {
    id: Type.String(),
    sku: Type.String(),
    quantity: Type.Integer(),
    status: Type.String(),
    reference: Nullable(Type.String()),
    expiresAt: Type.String(),
    createdAt: Type.String(),
    lines: Type.Array(Type.Object({ location: Type.String(), quantity: Type.Integer() })),
  },
  { $id: 'Reservation' },
);

const AvailabilitySchema = Type.Object(
  {
    sku: Type.String(),
    status: StringEnum(AVAILABILITY_STATUSES),
    availableToSell: Nullable(Type.Integer()),
    locations: Type.Array(Type.Object({ location: Type.String(), region: Type.String(), availableToSell: Type.Integer() })),
    nextInboundDate: Nullable(Type.String()),
    promisedDate: Nullable(Type.String()),
    message: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'Availability' },
);
const AvailabilityRef = Type.Ref('Availability');
const JSON_TYPE = 'application/json; charset=utf-8';

const Reason = Type.String({ minLength: 1, maxLength: MAX_FEED_REASON_LENGTH });
/** Units on hand (or held back as safety stock) at one location. */
const StockCount = Type.Integer({ minimum: 0, maximum: MAX_ON_HAND });
const Delta = Type.Integer({ minimum: -MAX_FEED_DELTA, maximum: MAX_FEED_DELTA });
const Reference = Type.String({ minLength: 1, maxLength: 200 });
const SkuParams = Type.Object({ sku: Sku });

const Instant = Type.String({ maxLength: 40, description: 'an ISO 8601 date-time (2026-01-15T10:00:00Z) or a date (2026-01-15, UTC)' });
const LedgerFilterQuery = {
  from: Type.Optional(Type.String({ ...Instant, description: `from this time on (inclusive): ${Instant.description}` })),
  to: Type.Optional(Type.String({ ...Instant, description: `up to this time (exclusive); a date includes that whole day: ${Instant.description}` })),
  type: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: MOVEMENT_TYPES.length })], { description: `movement types, repeated or comma-separated: ${MOVEMENT_TYPES.join(', ')}` })),
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time with a zone, or a date: anything else (a local time, a made-up date) is refused, not guessed. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A query time as stored text (UTC, milliseconds); a date is its first instant, or with `endOfDay` the next day's. */
function instant(field: string, raw: string, endOfDay: boolean): string {
  const date = DATE_ONLY.test(raw);
  const ms = date ? Date.parse(`${raw}T00:00:00Z`) : DATE_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
  // A date that does not exist (2026-02-30) rolls over in Date.parse: refuse it as well.
  if (!Number.isFinite(ms) || (date && new Date(ms).toISOString().slice(0, 10) !== raw)) {
    throw invalidField(`query.${field}`, `${field} must be an ISO 8601 date-time with a zone (2026-01-15T10:00:00Z) or a date (2026-01-15), got '${raw}'`);
  }
  return new Date(date && endOfDay ? ms + 86_400_000 : ms).toISOString();
}

function ledgerFilter(q: { from?: string | undefined; to?: string | undefined; type?: string | string[] | undefined }): LedgerFilter {
  const types = q.type === undefined ? undefined : [q.type].flat().flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const known = MOVEMENT_TYPES as readonly string[];
  const bad = types?.find((t) => !known.includes(t));
  if (bad !== undefined) throw invalidField('query.type', `unknown movement type '${bad}': use ${MOVEMENT_TYPES.join(', ')}`);
  const from = q.from === undefined ? undefined : instant('from', q.from, false);
  const to = q.to === undefined ? undefined : instant('to', q.to, true);
  if (from !== undefined && to !== undefined && from >= to) throw invalidField('query.to', `to (${to}) must be after from (${from})`);
  return { from, to, types };
}
const IdParams = Type.Object({ id: Id });

export interface InventoryRouteOptions {
  /** What a publishable key may reserve (the checkout settings, which the orders module keeps). */
  publishableLimits: () => Promise<PublishableReservationLimits>;
}

export const inventoryRoutes = (inventory: InventoryService, opts: InventoryRouteOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(ReservationSchema);
    app.addSchema(AvailabilitySchema);

    // ---- locations
    app.post('/v1/locations', {
      config: { scopes: [] },
      schema: { tags: ['inventory'], summary: 'Create or update a location by code', body: LocationSchema, response: { 200: LocationSchema, 201: LocationSchema, ...errorResponses() } },
    }, async (req, reply) => {
      const { location, created } = await inventory.upsertLocation(req.body);
      return reply.status(created ? 201 : 200).send(location);
    });

    app.get('/v1/locations', {
      config: { scopes: ['storefront', 'checkout', 'feed'] },
      schema: { tags: ['inventory'], summary: 'All locations by priority', response: { 200: Type.Object({ items: Type.Array(LocationSchema) }) } },
    }, async () => ({ items: await inventory.listLocations() }));

    // ---- feeds and movements
    app.post('/v1/inventory/feed', {
      config: { scopes: ['feed'] },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['inventory'],
        summary: 'Push absolute counts (onHand) or deltas per SKU × location; a repeated idempotencyKey changes nothing',
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                {
                  sku: Sku,
                  location: LocationCode,
                  onHand: Type.Optional(StockCount),
                  delta: Type.Optional(Delta),
                  idempotencyKey: Type.String({ minLength: 1, maxLength: MAX_FEED_KEY_LENGTH }),
                  reason: Type.Optional(Reason),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: MAX_FEED_LINES },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            lines: Type.Array(Type.Object({ idempotencyKey: Type.String(), sku: Type.String(), location: Type.String(), status: Type.String(), onHand: Type.Integer() })),
          }),
          ...errorResponses('invalid_feed', 'feed_key_reused', 'stock_limit', 'unknown_sku'),
        },
      },
    }, async (req) => {
      const bad: Array<{ line: number; reason: string }> = [];
      const lines: FeedLine[] = [];
      req.body.lines.forEach((l, i) => {
        const r = toFeedLine(l);
        if ('problem' in r) bad.push({ line: i, reason: r.problem });
        else lines.push(r.line);
      });
      if (bad.length > 0) throw new Invalid(`${bad.length} feed line(s) are invalid; nothing was applied`, { lines: bad }, 'invalid_feed');
      return { lines: await inventory.applyFeed(lines, req.apiKey?.id ?? 'api') };
    });

    const movementBase = { sku: Sku, location: LocationCode, reason: Type.Optional(Reason), reference: Type.Optional(Reference) };
    const AdjustBody = Type.Object({ ...movementBase, delta: Type.Integer({ minimum: -MAX_FEED_DELTA, maximum: MAX_FEED_DELTA, not: { const: 0 } }) }, { additionalProperties: false });
    const QuantityBody = Type.Object({ ...movementBase, quantity: Quantity }, { additionalProperties: false });

    app.post('/v1/inventory/adjustments', {
      config: { scopes: ['feed'] },
      schema: { tags: ['inventory'], summary: 'Adjust on hand by a delta (damage, found stock)', body: AdjustBody, response: { 200: LevelSchema, ...errorResponses('unknown_sku', 'unknown_location', 'negative_stock', 'stock_limit') } },
    }, async (req) => inventory.adjust(req.body.sku, req.body.location, req.body.delta, req.body.reason ?? 'adjustment', req.body.reference ?? null));

    app.post('/v1/inventory/receipts', {
      config: { scopes: ['feed'] },
      schema: { tags: ['inventory'], summary: 'Receive units into on hand', body: QuantityBody, response: { 200: LevelSchema, ...errorResponses('unknown_sku', 'unknown_location', 'stock_limit') } },
    }, async (req) => inventory.receive(req.body.sku, req.body.location, req.body.quantity, req.body.reference ?? null));

    app.post('/v1/inventory/shipments', {
      config: { scopes: ['feed'] },
      schema: { tags: ['inventory'], summary: 'Ship sold (committed) units', body: QuantityBody, response: { 200: LevelSchema, ...errorResponses('unknown_sku', 'unknown_location', 'nothing_to_ship', 'insufficient_on_hand') } },
    }, async (req) => inventory.ship(req.body.sku, req.body.location, req.body.quantity, req.body.reference ?? null));

    app.post('/v1/inventory/transfers', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inventory'],
        summary: 'Move sellable units between locations',
        body: Type.Object({ sku: Sku, from: LocationCode, to: LocationCode, quantity: Quantity, reference: Type.Optional(Reference) }, { additionalProperties: false }),
        response: { 200: Type.Object({ levels: Type.Array(LevelSchema) }), ...errorResponses('unknown_sku', 'unknown_location', 'insufficient_stock', 'stock_limit') },
      },
    }, async (req) => ({ levels: await inventory.transfer(req.body.sku, req.body.from, req.body.to, req.body.quantity, req.body.reference ?? null) }));

    app.put('/v1/inventory/:sku/locations/:location', {
      config: { scopes: [] },
      schema: {
        tags: ['inventory'],
        summary: 'Set safety stock of a SKU at a location',
        params: Type.Object({ sku: Sku, location: LocationCode }),
        body: Type.Object({ safetyStock: StockCount }, { additionalProperties: false }),
        response: { 200: LevelSchema, ...errorResponses('unknown_sku', 'unknown_location') },
      },
    }, async (req) => inventory.setSafetyStock(req.params.sku, req.params.location, req.body.safetyStock));

    app.get('/v1/inventory/:sku', {
      config: { scopes: ['feed'] },
      schema: {
        tags: ['inventory'],
        summary: 'Stock levels of a SKU per location',
        params: SkuParams,
        response: {
          200: Type.Object({ sku: Type.String(), levels: Type.Array(LevelSchema), totals: Type.Object({ onHand: Type.Integer(), reserved: Type.Integer(), committed: Type.Integer(), safetyStock: Type.Integer(), inbound: Type.Integer(), availableToSell: Type.Integer() }) }),
          ...errorResponses('unknown_sku'),
        },
      },
    }, async (req) => inventory.levels(req.params.sku));

    app.get('/v1/inventory/:sku/ledger', {
      config: { scopes: [] },
      schema: {
        tags: ['inventory'],
        summary: 'Ledger movements of a SKU, oldest first; page with `after` (last id seen); filter by time (`from`, `to`) and `type`',
        params: SkuParams,
        querystring: Type.Object({ after: Type.Optional(Cursor), limit: Type.Optional(PageLimit(1000)), ...LedgerFilterQuery }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.Integer(), sku: Type.String(), location: Type.String(), type: Type.String(), quantity: Type.Integer(), onHandDelta: Type.Integer(), reservedDelta: Type.Integer(), committedDelta: Type.Integer(), reason: Nullable(Type.String()), reference: Nullable(Type.String()), createdAt: Type.String() })),
            next: Nullable(Type.Integer()),
            total: Type.Integer({ description: 'movements that pass the filters (after and limit only choose the page)' }),
          }),
          ...errorResponses('unknown_sku'),
        },
      },
    }, async (req) => {
      const limit = req.query.limit ?? 100;
      const filter = ledgerFilter(req.query);
      const items = await inventory.ledger(req.params.sku, req.query.after ?? 0, limit, filter);
      return { items, next: items.length === limit ? (items.at(-1)?.id ?? null) : null, total: await inventory.ledgerCount(req.params.sku, filter) };
    });

    app.get('/v1/inventory/:sku/ledger.csv', {
      config: { scopes: [] },
      schema: {
        tags: ['inventory'],
        summary: 'The ledger of a SKU as CSV (text/csv): a header row, then every movement that passes the filters, oldest first, times in ISO 8601 UTC',
        params: SkuParams,
        querystring: Type.Object(LedgerFilterQuery),
        response: {
          200: { description: `CSV with the columns ${LEDGER_CSV_COLUMNS.join(', ')}`, content: { 'text/csv': { schema: Type.String() } } },
          ...errorResponses('unknown_sku'),
        },
      },
    }, async (req, reply) => {
      const pages = await inventory.ledgerPages(req.params.sku, ledgerFilter(req.query));
      const body = Readable.from((async function* csv() {
        yield ledgerCsvHeader();
        for await (const page of pages) yield ledgerCsvRows(page);
      })());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger-${req.params.sku.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`)
        // A stream is sent as it is, never serialised; the schema's string is what the document says it carries.
        .send(body as unknown as string);
    });

    // ---- reservations
    app.post('/v1/reservations', {
      config: { scopes: ['storefront', 'checkout'], limit: 'reservations' },
      schema: {
        tags: ['reservations'],
        summary: `Reserve units at checkout (from locations by priority, or a named one) for ttlSeconds (default ${DEFAULT_TTL_SECONDS})`,
        description:
          'With a publishable (storefront) key the request is held to the checkout settings (GET /v1/settings/checkout): the largest quantity and longest ttlSeconds (403 publishable_limit; without ttlSeconds the hold is the shorter of the default and the limit), and reservations per SKU per client (key and address) in a window (429 rate_limited with Retry-After).',
        body: Type.Object(
          { sku: Sku, quantity: Quantity, location: Type.Optional(LocationCode), ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TTL_SECONDS })), reference: Type.Optional(Reference) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Reservation'), ...errorResponses('publishable_limit', 'unknown_sku', 'unknown_location', 'insufficient_stock', 'not_sellable', 'rate_limited') },
      },
    }, async (req, reply) => {
      let ttlSeconds = req.body.ttlSeconds;
      let client: ReservationClient | undefined;
      if (req.apiKey?.publishable) {
        const limits = await opts.publishableLimits();
        if (req.body.quantity > limits.maxQuantity) {
          throw new RestockError('publishable_limit', `a publishable key may reserve at most ${limits.maxQuantity} units at once, ${req.body.quantity} requested; reserve from the shop's backend with a checkout key for more`, { limit: 'maxQuantity', max: limits.maxQuantity, requested: req.body.quantity });
        }
        if (ttlSeconds !== undefined && ttlSeconds > limits.maxTtlSeconds) {
          throw new RestockError('publishable_limit', `a publishable key may hold units for at most ${limits.maxTtlSeconds} s, ${ttlSeconds} s requested`, { limit: 'maxTtlSeconds', max: limits.maxTtlSeconds, requested: ttlSeconds });
        }
        ttlSeconds ??= Math.min(DEFAULT_TTL_SECONDS, limits.maxTtlSeconds);
        client = { key: req.apiKey.id, address: req.ip, ...limits.reservationsPerSku };
      }
      return reply.status(201).send(await inventory.reserveOrThrow({ ...req.body, ttlSeconds, client }));
    });

    app.get('/v1/reservations/:id', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: { tags: ['reservations'], params: IdParams, response: { 200: Type.Ref('Reservation'), ...errorResponses('unknown_reservation') } },
    }, async (req) => inventory.getReservation(req.params.id));

    app.post('/v1/reservations/:id/commit', {
      // A sale is the shop's backend's to make (after payment): never a publishable key's.
      config: { scopes: ['checkout'] },
      schema: {
        tags: ['reservations'],
        summary: 'Turn a reservation into a sale (checkout key: the shop\'s backend, after payment)',
        params: IdParams,
        body: Type.Object({ reference: Type.Optional(Reference) }, { additionalProperties: false }),
        response: { 200: Type.Ref('Reservation'), ...errorResponses('unknown_reservation', 'reservation_committed', 'reservation_released', 'reservation_expired') },
      },
    }, async (req) => inventory.commitReservation(req.params.id, req.body.reference ?? null));

    app.delete('/v1/reservations/:id', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: { tags: ['reservations'], summary: 'Release a reservation', params: IdParams, response: { 200: Type.Ref('Reservation'), ...errorResponses('unknown_reservation', 'reservation_committed') } },
    }, async (req) => inventory.releaseReservation(req.params.id));

    // ---- availability
    // The hottest reads of the API. A cached Availability is never changed (a write puts a new object), so its
    // JSON is made once, by the route's own compiled serializer (fast-json-stringify from the Availability
    // schema), and every later read of the same object sends that string: no serialisation, no allocation but the
    // response. A string with a JSON content type is sent by Fastify as it is.
    let serializeAvailability: ((a: Availability) => string) | null = null;
    const encoded = new WeakMap<Availability, string>();
    const jsonOf = (a: Availability, reply: FastifyReply): string => {
      let json = encoded.get(a);
      if (json === undefined) {
        serializeAvailability ??= reply.compileSerializationSchema(AvailabilityRef) as unknown as (a: Availability) => string;
        json = serializeAvailability(a);
        encoded.set(a, json);
      }
      return json;
    };

    app.get('/v1/availability/:sku', {
      config: { scopes: ['storefront', 'checkout', 'feed'] },
      schema: { tags: ['availability'], summary: 'Availability of one SKU', params: SkuParams, response: { 200: AvailabilityRef, ...errorResponses('unknown_sku') } },
    }, async (req, reply) => {
      const a = await inventory.availability(req.params.sku);
      // The string itself is returned, not the reply: a reply is thenable, and awaiting one waits for the socket.
      reply.header('content-type', JSON_TYPE);
      return jsonOf(a, reply) as unknown as Availability;
    });

    app.post('/v1/availability', {
      // A query with a body: it changes nothing, so Idempotency-Key is ignored and nothing is stored.
      config: { scopes: ['storefront', 'checkout', 'feed'], readOnly: true },
      schema: {
        tags: ['availability'],
        summary: 'Availability of up to 500 SKUs',
        body: Type.Object({ skus: Type.Array(Sku, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(AvailabilityRef), unknown: Type.Array(Type.String()) }), ...errorResponses() },
      },
    }, async (req, reply) => {
      const { items, unknown } = await inventory.availabilityMany(req.body.skus);
      // What the route's schema would write, item by item from the same encoded strings; SKUs are plain
      // (Sku's pattern), so JSON.stringify writes them as fast-json-stringify would.
      let json = '{"items":[';
      for (let i = 0; i < items.length; i++) json += (i === 0 ? '' : ',') + jsonOf(items[i] as Availability, reply);
      json += `],"unknown":${JSON.stringify(unknown)}}`;
      reply.header('content-type', JSON_TYPE);
      return json as unknown as { items: Availability[]; unknown: string[] };
    });
  };
