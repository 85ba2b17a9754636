/**
 * What the OpenAPI document says beyond the routes' own schemas, added in one place so route files stay about
 * their routes: a stable operationId per operation (derived from method and path, with a few names chosen by
 * hand), the scopes each operation admits (from `config.scopes`, the same list the auth hook enforces) as text,
 * as `x-restock-scopes` and as `security`, tags with descriptions, response descriptions, examples on the main
 * operations (openapi-examples.ts), and the webhook payload of every event type (from the modules' TypeBox
 * event schemas, the same definitions their TypeScript payload types come from).
 *
 * operationIds are part of the public contract: the typed client and shops' code generators name functions
 * after them. Derivation rules therefore only ever gain cases; an existing name is never changed.
 */
import type { TSchema } from '@sinclair/typebox';
import type { FastifySchema } from 'fastify';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { EXAMPLES, WEBHOOK_EXAMPLES } from './openapi-examples.ts';

/** How the bearer key is named in the document. */
export const BEARER = 'bearer';

export const TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'meta', description: 'Service health.' },
  { name: 'overview', description: 'What needs attention now: out of stock, at risk, waitlist demand, late inbound.' },
  { name: 'access', description: 'API keys and their scopes (`admin`, `storefront`, `checkout`, `feed`, `supplier`: bound to one supplier). A secret is shown once, at creation.' },
  { name: 'catalog', description: 'Products and their stock policy (backorders, pre-orders, caps, lead time, low-stock threshold).' },
  { name: 'inventory', description: 'Locations, stock levels per SKU × location, the append-only ledger, and feeds of counts or deltas from warehouses.' },
  { name: 'stock', description: 'Stock of every SKU at once, for lists and tables.' },
  { name: 'reservations', description: 'Cart and checkout holds on stock, released on expiry or turned into sales.' },
  { name: 'availability', description: 'What a shopper may be told and sold now: status, units available to sell, next inbound and promised dates.' },
  { name: 'orders', description: 'Order intake split into stock, backorder and pre-order parts; the waiting queues; promised dates; shopper order links.' },
  { name: 'inbound', description: 'Expected stock (purchase orders, transfers) whose dates make promises, received into on hand.' },
  { name: 'suppliers', description: 'Suppliers, their offers per SKU (cost, minimums, pack sizes, lead time, validity) and their measured performance.' },
  { name: 'purchase-orders', description: 'Purchase orders through their states (draft, sent, acknowledged, shipped, received, closed or cancelled), the supplier\'s answers, receipts through the ledger and the failover decision log. Every open line is inbound supply.' },
  { name: 'waitlist', description: '"Notify me" subscriptions with double opt-in, released in step with stock, and demand signals.' },
  { name: 'messages', description: 'Customer messages (email) as recorded and sent, with their volumes per day.' },
  { name: 'alerts', description: 'Low-stock and out-of-stock alerts to staff by email.' },
  { name: 'events', description: 'The outbox: the live event stream (Server-Sent Events), event types, and the reactors that follow it. Payloads per type: see Webhooks.' },
  { name: 'webhooks', description: 'Endpoints that receive events as signed POSTs (Standard Webhooks), their deliveries and volumes. Payloads per type: see Webhooks.' },
  { name: 'planning', description: 'Sales history from the ledger, demand forecasts with intervals and backtests.' },
  { name: 'jobs', description: 'Background jobs (a forecast run of every SKU): status, progress and result.' },
];

/** Names the derivation would get wrong or that the domain says better; keyed by `METHOD /path`. */
const NAMED: Readonly<Record<string, string>> = {
  'GET /health': 'getHealth',
  'GET /v1/overview': 'getOverview',
  'GET /v1/inventory/{sku}/ledger.csv': 'exportInventoryLedgerCsv',
  'POST /v1/products': 'upsertProduct',
  'POST /v1/locations': 'upsertLocation',
  'POST /v1/inventory/feed': 'pushInventoryFeed',
  'PUT /v1/inventory/{sku}/locations/{location}': 'setSafetyStock',
  'DELETE /v1/reservations/{id}': 'releaseReservation',
  'POST /v1/availability': 'getAvailabilityBatch',
  'GET /v1/events': 'streamEvents',
  'GET /v1/reactors/parked': 'listParkedEvents',
  'POST /v1/reactors/parked/{id}/retry': 'retryParkedEvent',
  'POST /v1/reactors/parked/{id}/discard': 'discardParkedEvent',
  'GET /v1/messages/volume': 'getMessageVolume',
  'GET /v1/webhooks/volume': 'getWebhookVolume',
  'GET /v1/forecasts/{sku}/history': 'getSalesHistory',
  'POST /v1/forecasts/run': 'runForecasts',
  'POST /v1/waitlist': 'joinWaitlist',
  'GET /v1/waitlist': 'listWaitlistSubscriptions',
  'GET /v1/waitlist/stats': 'getWaitlistStats',
  'DELETE /v1/waitlist/{token}': 'unsubscribeFromWaitlist',
};

/** Summaries of operations whose routes give none. */
const SUMMARIES: Readonly<Record<string, string>> = {
  getHealth: 'Service and database health',
  getReservation: 'One reservation with its lines per location',
  listInbound: 'Expected stock, soonest first',
  getAllocationSettings: 'How arriving stock is shared among waiting lines',
  getMessage: 'One customer message with its text and HTML',
  listWebhooks: 'Registered webhook endpoints (never their secrets)',
  getWebhook: 'One webhook endpoint',
  getWebhookDelivery: 'One delivery with its attempts and last answer',
  getWaitlistSettings: 'Double opt-in, batch factor k, batch interval, hold hours',
};

const UNCHANGED_PLURALS = new Set(['settings', 'stats', 'news']);

function singular(word: string): string {
  if (UNCHANGED_PLURALS.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const pascal = (word: string) => word.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/**
 * `GET /v1/products` → listProducts, `GET /v1/products/{sku}` → getProduct, `POST /v1/reservations` →
 * createReservation, `POST /v1/reservations/{id}/commit` → commitReservation, `PATCH` → update…, `DELETE` →
 * delete…, `GET|PUT /v1/settings/checkout` → get|setCheckoutSettings; the exceptions are in NAMED.
 */
export function operationIdFor(method: string, openapiPath: string): string {
  const m = method.toUpperCase();
  const named = NAMED[`${m} ${openapiPath}`];
  if (named) return named;
  const parts = openapiPath.split('/').filter((p) => p !== '' && p !== 'v1');
  const isParam = (p: string | undefined) => p !== undefined && p.startsWith('{');
  const words = parts.filter((p) => !isParam(p));
  if (words[0] === 'settings' && words.length === 2 && (m === 'GET' || m === 'PUT')) {
    return `${m === 'GET' ? 'get' : 'set'}${pascal(singular(words[1] as string))}Settings`;
  }
  const last = parts.at(-1);
  const endsWithParam = isParam(last);
  // A verb after an item (`/reservations/{id}/commit`) is the operation's name.
  const action = m === 'POST' && !endsWithParam && isParam(parts.at(-2)) ? words.pop() : undefined;
  let verb: string;
  if (action) verb = action;
  else if (m === 'GET') verb = endsWithParam ? 'get' : 'list';
  else if (m === 'POST') verb = 'create';
  else if (m === 'PUT') verb = 'set';
  else if (m === 'PATCH') verb = 'update';
  else if (m === 'DELETE') verb = 'delete';
  else verb = m.toLowerCase();
  const keepLastPlural = verb === 'list';
  const nouns = words.map((w, i) => (keepLastPlural && i === words.length - 1 ? w : singular(w)));
  return verb + nouns.map(pascal).join('');
}

/** `/v1/products/:sku` → `/v1/products/{sku}`, as the document writes paths. */
export const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

interface RouteDocConfig {
  scopes?: string[];
  streamTicket?: boolean;
  limit?: string;
}

/** The scopes that admit a route (admin first), or null for a public one. */
export function admittedScopes(config: RouteDocConfig | undefined): string[] | null {
  const scopes = config?.scopes;
  if (!scopes) return null;
  return ['admin', ...scopes.filter((s) => s !== 'admin')];
}

function scopeText(config: RouteDocConfig | undefined): string {
  const scopes = admittedScopes(config);
  if (!scopes) {
    return config?.limit === 'tokens'
      ? '**Public**: no API key; the signed token in the path (from a link we sent) is the credential.'
      : '**Public**: no API key needed.';
  }
  const list = scopes.map((s) => `\`${s}\``).join(', ');
  const ticket = config?.streamTicket ? ' A stream ticket (`?ticket=`, from POST /v1/events/tickets) may stand in for the Authorization header.' : '';
  return `${scopes.length === 1 ? '**Scope**' : '**Scopes**'}: ${list}${scopes.length > 1 ? ' (any one)' : ''}.${ticket}`;
}

type RouteSchema = Record<string, unknown> & { hide?: boolean; description?: string; operationId?: string };

/** The per-route transform of @fastify/swagger: operationId, scopes, security. */
export const transformRoute: SwaggerTransform = ({ schema, url, route }) => {
  const s = schema as RouteSchema | undefined;
  if (!s || s.hide) return { schema, url };
  const config = route.config as RouteDocConfig | undefined;
  const methods = [route.method].flat().map((x) => x.toString());
  const scopes = admittedScopes(config);
  const text = scopeText(config);
  const operationId = s.operationId ?? operationIdFor(methods[0] ?? 'GET', openapiPath(url));
  const summary = (s.summary as string | undefined) ?? SUMMARIES[operationId];
  return {
    url,
    schema: {
      ...s,
      operationId,
      ...(summary ? { summary } : {}),
      description: s.description ? `${text}\n\n${s.description}` : text,
      'x-restock-scopes': scopes ?? [],
      // Alternatives: any one of the scopes will do (a bearer scheme's "roles" in OpenAPI 3.1).
      security: scopes ? scopes.map((sc) => ({ [BEARER]: [sc] })) : [],
    } as FastifySchema,
  };
};

const STATUS_TEXT: Readonly<Record<string, string>> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

/** One event type's payload schema, as the module that declares the type defines it. */
export type EventSchemas = Readonly<Record<string, TSchema>>;

type Json = Record<string, unknown>;
type Doc = Json & { paths: Record<string, Record<string, Json>>; components: Json & { schemas?: Record<string, unknown> } };

/** Strips what TypeBox adds for itself (symbol keys vanish in JSON anyway; `$id` would clash between copies). */
function plain(schema: TSchema): unknown {
  return JSON.parse(JSON.stringify(schema)) as unknown;
}

/** The webhook request every event type is delivered as (Standard Webhooks: `{ type, timestamp, data }`). */
function webhookOperation(type: string, payloadRef: string, about: string | undefined): Json {
  const data = WEBHOOK_EXAMPLES[type];
  const example = data === undefined ? {} : { example: { type, timestamp: '2026-05-04T10:00:00.000Z', data } };
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  return {
    post: {
      operationId: `on${pascal(type.replace('.', '-'))}`,
      summary: about ?? type,
      description: `Sent to every active endpoint subscribed to \`${type}\` (or a pattern matching it). The body is signed as Standard Webhooks says: verify \`webhook-signature\` over \`webhook-id.webhook-timestamp.body\` with the endpoint's secret; \`webhook-id\` is the same on every attempt, so drop repeats. The same payload is the \`data\` of the event on the live stream (GET /v1/events).`,
      tags: ['webhooks'],
      security: [],
      parameters: [
        header('webhook-id', 'The message id, the same on every attempt of this delivery'),
        header('webhook-timestamp', 'Unix seconds when this attempt was signed'),
        header('webhook-signature', 'Space-separated `v1,<base64 HMAC-SHA256>` signatures'),
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['type', 'timestamp', 'data'],
              additionalProperties: false,
              properties: {
                type: { type: 'string', enum: [type] },
                timestamp: { type: 'string', format: 'date-time', description: 'When the event happened' },
                data: { $ref: payloadRef },
              },
            },
            ...example,
          },
        },
      },
      responses: {
        '2XX': { description: 'Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule' },
      },
    },
  };
}

/** The whole-document transform: tags, response descriptions, examples, webhooks. */
export function documentTransform(eventSchemas: EventSchemas): SwaggerTransformObject {
  return (documentObject) => {
    if (!('openapiObject' in documentObject)) throw new Error('the document is made as OpenAPI 3');
    const doc = documentObject.openapiObject as unknown as Doc;
    const used = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const t of (op.tags as string[] | undefined) ?? []) used.add(t);
        const responses = (op.responses ?? {}) as Record<string, Json>;
        for (const [status, r] of Object.entries(responses)) {
          if (r.description === 'Default Response') r.description = STATUS_TEXT[status] ?? 'Response';
        }
        const ex = EXAMPLES[op.operationId as string];
        if (!ex) continue;
        if (ex.request !== undefined) {
          const media = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json'];
          if (!media) throw new Error(`openapi examples: ${method.toUpperCase()} ${path} has no JSON request body`);
          media.example = ex.request;
        }
        for (const [status, value] of Object.entries(ex.responses ?? {})) {
          const media = (responses[status]?.content as Record<string, Json> | undefined)?.['application/json'];
          if (!media) throw new Error(`openapi examples: ${method.toUpperCase()} ${path} has no JSON ${status} response`);
          media.example = value;
        }
      }
    }
    const schemas: Record<string, unknown> = { ...(doc.components.schemas ?? {}) };
    const webhooks: Record<string, Json> = {};
    for (const [type, schema] of Object.entries(eventSchemas).sort(([a], [b]) => a.localeCompare(b))) {
      const name = `Event.${type}`;
      schemas[name] = plain(schema);
      webhooks[type] = webhookOperation(type, `#/components/schemas/${name}`, (schema as { description?: string }).description);
    }
    const out: Json = {
      ...doc,
      tags: TAGS.filter((t) => used.has(t.name) || t.name === 'webhooks'),
      components: { ...doc.components, schemas },
      webhooks,
    };
    // Plain JSON built above; the plugin's document types cannot follow it.
    return out as ReturnType<SwaggerTransformObject>;
  };
}
