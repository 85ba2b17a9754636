/**
 * Assembles the HTTP API: Fastify 5 with TypeBox schemas, one error format, API-key scopes, idempotency keys,
 * OpenAPI 3 at /openapi.json and browsable docs at /docs. Handlers live with their modules (routes.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Restock } from '../restock.ts';
import { installErrorHandling } from './errors.ts';
import { installAuth } from './auth.ts';
import { installIdempotency } from './idempotency.ts';
import { ErrorSchema, checkUntrustedJson } from './schemas.ts';
import { catalogRoutes } from '../catalog/routes.ts';
import { inventoryRoutes } from '../inventory/routes.ts';
import { eventRoutes, messageRoutes, reactorRoutes } from '../messaging/routes.ts';
import { waitlistRoutes } from '../waitlist/routes.ts';
import { webhookRoutes } from '../messaging/webhooks/routes.ts';
import { orderRoutes } from '../orders/routes.ts';
import { planningRoutes } from '../planning/routes.ts';
import { registerWeb, type WebOptions } from './web.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function validatorFactory(externalSchemas: unknown) {
  const make = (coerceTypes: boolean) => {
    const ajv = addFormats(new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false }));
    for (const schema of Object.values((externalSchemas ?? {}) as Record<string, object>)) ajv.addSchema(schema);
    return ajv;
  };
  const strict = make(false);
  const coercing = make(true);
  return ({ schema, httpPart }: { schema: AnySchema; httpPart?: string }) => (httpPart === 'body' ? strict : coercing).compile(schema);
}

export interface AppOptions {
  logger?: boolean | object;
  bodyLimit?: number;
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
  /** Serve the demo shop, dashboard and widget from web/ (see api/web.ts). */
  web?: WebOptions;
}

export async function buildApp(restock: Restock, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    forceCloseConnections: true,
    // Signed tokens from email links travel as path parameters.
    routerOptions: { maxParamLength: 1000 },
    // Bodies are validated strictly (a string is not a number, unknown fields are refused); path and query
    // strings are coerced. Set through the factory so plugins that add shared schemas get the same rules.
    schemaController: { compilersFactory: { buildValidator: validatorFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorSchema);
  app.addHook('preValidation', async (req) => {
    // A bodiless POST to an endpoint whose body is all optional (commit, cancel) means "no options".
    if (req.body === undefined && req.method !== 'GET' && req.routeOptions.schema?.body) req.body = {};
    checkUntrustedJson(req.body, 'body');
    checkUntrustedJson(req.query, 'query');
  });
  installErrorHandling(app);
  installAuth(app, restock.keys);
  installIdempotency(app, restock.db, restock.clock);

  // Keys travel in the Authorization header, never in cookies, so any shop's pages may call the API (the
  // widget on a storefront served from another origin). Preflights are answered before authentication.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id'],
    exposedHeaders: ['idempotent-replayed'],
    maxAge: 600,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Restock API',
        version: '0.1.0',
        description: 'Out-of-stock handling for online shops. Authenticate with `Authorization: Bearer KEY`. Mutating requests accept `Idempotency-Key`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { tags: ['meta'], response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } } } }, async () => {
    await restock.db.kysely.selectFrom('locations').select('code').limit(1).execute();
    return { status: 'ok', database: restock.db.dialect };
  });

  await app.register(catalogRoutes(restock.catalog));
  await app.register(inventoryRoutes(restock.inventory));
  await app.register(eventRoutes(restock.events, restock.eventTypes));
  await app.register(reactorRoutes(restock.reactorService));
  await app.register(orderRoutes(restock.orders));
  await app.register(messageRoutes(restock.messages));
  await app.register(webhookRoutes(restock.webhooks));
  await app.register(planningRoutes(restock.planning));
  await app.register(
    waitlistRoutes(restock.waitlist, {
      checkoutUrl: (sku, reservationId) => `${restock.publicUrl}/?sku=${encodeURIComponent(sku)}&reservation=${encodeURIComponent(reservationId)}`,
    }),
  );
  if (opts.extraRoutes) await opts.extraRoutes(app);
  if (opts.web) await registerWeb(app, opts.web);
  await app.ready();
  return app;
}
