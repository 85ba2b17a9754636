/**
 * The app assembly: which plugins, routes and OpenAPI document make up the HTTP server. It holds no rules and no
 * handlers of its own: the HTTP kit (src/http/: schemas, error mapping, auth, idempotency, static web) is the same
 * for every module, handlers live with their modules (routes.ts), and this is the one file that imports them all.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Restock } from '../restock.ts';
import { installErrorHandling } from '../http/errors.ts';
import { StreamTickets, installAuth } from '../http/auth.ts';
import { requestLoggerOptions } from '../http/logging.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, installIdempotency, type IdempotencyOptions } from '../http/idempotency.ts';
import { createRateLimits } from '../http/rate-limit.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../core/config.ts';
import { ErrorSchema, JobSchema } from '../http/schemas.ts';
import { installErrorDocs } from '../http/error-docs.ts';
import { installInputChecks, installJsonBody, validatorFactory } from '../http/validation.ts';
import { registerWeb, type WebOptions } from '../http/web.ts';
import { docsCsp, installSecurityHeaders } from '../http/page-headers.ts';
import { accessRoutes } from '../access/routes.ts';
import { isScope } from '../access/model.ts';
import { mayPublish } from '../access/policy.ts';
import { catalogRoutes } from '../catalog/routes.ts';
import { inventoryRoutes } from '../inventory/routes.ts';
import { alertRoutes, eventRoutes, messageRoutes, reactorRoutes } from '../messaging/routes.ts';
import { waitlistRoutes } from '../waitlist/routes.ts';
import { webhookRoutes } from '../messaging/webhooks/routes.ts';
import { orderRoutes } from '../orders/routes.ts';
import { planningRoutes } from '../planning/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { overviewRoutes } from '../overview/routes.ts';
import { supplierRoutes } from '../suppliers/routes.ts';
import { portalRoutes } from '../suppliers/portal-routes.ts';
import { supplierWebhookSecret } from '../suppliers/po-delivery.ts';
import { BEARER, documentTransform, transformRoute } from './openapi.ts';
import { INVENTORY_EVENT_SCHEMAS } from '../inventory/model.ts';
import { ORDER_EVENT_SCHEMAS } from '../orders/model.ts';
import { WAITLIST_EVENT_SCHEMAS } from '../waitlist/model.ts';
import { MESSAGE_EVENT_SCHEMAS } from '../messaging/model.ts';
import { SUPPLY_EVENT_SCHEMAS } from '../suppliers/model.ts';

/** One route as registered: `scopes` null for a public route, [] for admin only. */
export interface RouteEntry {
  method: string;
  url: string;
  scopes: readonly string[] | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

export interface AppOptions {
  /** Fastify's logger options (or true); URLs, headers and errors are always logged through http/logging.ts. */
  logger?: boolean | Record<string, unknown>;
  bodyLimit?: number;
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
  /** Serve the demo shop, dashboard and widget from web/ (see http/web.ts). */
  web?: WebOptions;
  /**
   * The longest a request may take to arrive or stay silent (REQUEST_TIMEOUT_MS, default 30 s): Fastify's
   * requestTimeout and connectionTimeout, and the age at which an abandoned idempotency claim is taken over.
   */
  requestTimeoutMs?: number;
  /** Idempotency record TTL and response cap (IDEMPOTENCY_TTL_HOURS, IDEMPOTENCY_MAX_RESPONSE_BYTES). */
  idempotency?: Omit<IdempotencyOptions, 'takeoverAfterMs'>;
  /** Rate limits (http/rate-limit.ts); the generous defaults when not given, `RATE_LIMITS_OFF` for none. */
  rateLimits?: RateLimitSettings;
  /** Fastify `trustProxy`: take the client address from `X-Forwarded-For` set by these proxies. */
  trustProxy?: boolean | string;
}

export async function buildApp(restock: Restock, opts: AppOptions = {}): Promise<FastifyInstance> {
  const requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    // One time-out for a request to arrive and for a silent connection, and the idempotency takeover after it.
    requestTimeout: requestTimeoutMs,
    connectionTimeout: requestTimeoutMs,
    logger: requestLoggerOptions(opts.logger),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    forceCloseConnections: true,
    trustProxy: opts.trustProxy ?? false,
    // Signed tokens from email links travel as path parameters.
    routerOptions: { maxParamLength: 1000 },
    // Bodies are validated strictly (a string is not a number, unknown fields are refused); path and query
    // strings are coerced. Set through the factory so plugins that add shared schemas get the same rules.
    schemaController: { compilersFactory: { buildValidator: validatorFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorSchema);
  app.addSchema(JobSchema);
  installJsonBody(app);
  installInputChecks(app);
  installErrorHandling(app);
  installSecurityHeaders(app);
  // Routes name their scopes as strings (the kit knows no module); a misspelt one would lock its route to admins.
  // Every route is also listed (`app.routeTable`): the route-by-credential test walks it.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method: method.toString(), url: route.url, scopes: route.config?.scopes ?? null });
    for (const scope of route.config?.scopes ?? []) {
      if (!isScope(scope)) throw new Error(`route ${route.method.toString()} ${route.url} names an unknown scope '${scope}'`);
    }
  });
  // Keys travel in the Authorization header, never in cookies, so any shop's pages may call the API (the
  // widget on a storefront served from another origin). Registered before authentication and the
  // rate limits, so preflights are answered first and a 401, 403 or 429 carries CORS headers too: a page on another
  // origin can then read why it was refused (a wrong key) instead of seeing a network error.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id'],
    exposedHeaders: ['idempotent-replayed'],
    maxAge: 600,
  });

  const tickets = new StreamTickets(restock.signer, restock.clock);
  const limits = await createRateLimits(app, opts.rateLimits ?? DEFAULT_RATE_LIMITS, { db: restock.db, clock: restock.clock, logger: restock.logger });
  installAuth(app, restock.keys, tickets, limits.authFailures);
  limits.install();
  installErrorDocs(app);
  installIdempotency(app, restock.db, restock.clock, { ...opts.idempotency, takeoverAfterMs: requestTimeoutMs });

  // OpenAPI 3.1: its schemas are JSON Schema (TypeBox's nulls and consts as they are) and it has `webhooks`.
  // Operation ids, scopes, tags, examples and the webhook payloads are added in api/openapi.ts.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Restock API',
        version: '0.1.0',
        description:
          'Out-of-stock handling for online shops. Authenticate with `Authorization: Bearer KEY`; each operation names the key scopes it admits (`admin` is admitted everywhere). Mutating requests accept `Idempotency-Key`. Errors are `{ error: { code, message, details } }`, with the codes each operation may answer listed in its responses. Event payloads, as webhooks and the live stream deliver them, are under Webhooks.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'This server' }],
      components: { securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer rk_…`. Scopes: admin, storefront (publishable), checkout, feed, supplier (one supplier\'s purchase orders).' } } },
      security: [{ [BEARER]: [] }],
    },
    transform: transformRoute,
    transformObject: documentTransform({ ...INVENTORY_EVENT_SCHEMAS, ...ORDER_EVENT_SCHEMAS, ...WAITLIST_EVENT_SCHEMAS, ...MESSAGE_EVENT_SCHEMAS, ...SUPPLY_EVENT_SCHEMAS }),
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  // The reference page's policy comes from the plugin (hashes of its inline bootstrap), made stricter; it loads
  // nothing from other sites (no validator badge).
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: docsCsp, uiConfig: { validatorUrl: null } });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { tags: ['meta'], response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } } } }, async () => {
    await restock.db.kysely.selectFrom('locations').select('code').limit(1).execute();
    return { status: 'ok', database: restock.db.dialect };
  });

  await app.register(accessRoutes(restock.keys));
  await app.register(catalogRoutes(restock.catalog));
  await app.register(inventoryRoutes(restock.inventory, { publishableLimits: async () => (await restock.orders.checkoutSettings()).publishable }));
  await app.register(eventRoutes(restock.events, restock.eventTypes, tickets));
  await app.register(reactorRoutes(restock.reactorService));
  await app.register(orderRoutes(restock.orders));
  await app.register(messageRoutes(restock.messages));
  await app.register(alertRoutes(restock.alerts));
  await app.register(webhookRoutes(restock.webhooks));
  await app.register(planningRoutes(restock.planning));
  await app.register(jobRoutes(restock.jobs));
  await app.register(overviewRoutes(restock.overview));
  await app.register(supplierRoutes(restock.suppliers, restock.failover, { webhookSecret: (id) => supplierWebhookSecret(restock.signer, id) }));
  await app.register(
    portalRoutes({
      signer: restock.signer,
      clock: restock.clock,
      suppliers: {
        purchaseOrder: (id) => restock.suppliers.getPurchaseOrder(id),
        supplier: (id) => restock.suppliers.getSupplier(id),
        answer: (id, body, as) => restock.suppliers.answer(id, body.lines, { supplierId: as.supplierId }),
      },
    }),
  );
  await app.register(
    waitlistRoutes(restock.waitlist, {
      checkoutUrl: (sku, reservationId) => `${restock.publicUrl}/?sku=${encodeURIComponent(sku)}&reservation=${encodeURIComponent(reservationId)}`,
      // The demo shop's product page; a shop with its own storefront links there (RESTOCK_PUBLIC_URL).
      productUrl: (sku) => `${restock.publicUrl}/#/product/${encodeURIComponent(sku)}`,
    }),
  );
  if (opts.extraRoutes) await opts.extraRoutes(app);
  if (opts.web) {
    const key = opts.web.storefrontKey;
    if (key !== null && !mayPublish(key)) throw new Error('buildApp: only a storefront key may be written into a public page, not an admin or feed key');
    await registerWeb(app, opts.web);
  }
  await app.ready();
  return app;
}
