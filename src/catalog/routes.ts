/** HTTP for the catalog: `POST /v1/products` (create or update by sku), `GET /v1/products[/:sku]`. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarDate, Nullable, PageLimit, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import { SKU_MAX_LENGTH } from '../core/ids.ts';
import type { CatalogService, ProductPatch } from './service.ts';
import { PRODUCT_STATUSES, type Product } from './model.ts';
import { CURRENCY_PATTERN, PRODUCT_LIMITS as L } from './policy.ts';

const Status = StringEnum(PRODUCT_STATUSES);
const Limit = Type.Integer({ minimum: 0, maximum: L.policyUnitsMax });

export const PolicySchema = Type.Object(
  {
    trackInventory: Type.Boolean(),
    lowStockThreshold: Limit,
    allowBackorder: Type.Boolean(),
    backorderLimit: Nullable(Limit),
    allowPreorder: Type.Boolean(),
    preorderLimit: Nullable(Limit),
    releaseDate: Nullable(CalendarDate),
    leadTimeDays: Nullable(Type.Integer({ minimum: 0, maximum: L.leadTimeDaysMax })),
  },
  { additionalProperties: false },
);

export const ProductInputSchema = Type.Object(
  {
    sku: Sku,
    title: Type.String({ minLength: 1, maxLength: L.titleMaxLength }),
    description: Type.Optional(Type.String({ maxLength: L.descriptionMaxLength })),
    category: Type.Optional(Type.String({ maxLength: L.categoryMaxLength })),
    brand: Type.Optional(Type.String({ maxLength: L.brandMaxLength })),
    price: Type.Union([Type.String({ maxLength: L.priceMaxLength }), Type.Number({ minimum: 0 })]),
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN })),
    attributes: Type.Optional(Type.Record(Type.String({ maxLength: L.attributeNameMaxLength }), Type.Unknown())),
    status: Type.Optional(Status),
    policy: Type.Optional(Type.Partial(PolicySchema)),
  },
  { additionalProperties: false },
);

export const ProductSchema = Type.Object(
  {
    sku: Type.String(),
    title: Type.String(),
    description: Type.String(),
    category: Type.String(),
    brand: Type.String(),
    price: Type.String(),
    currency: Type.String(),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    status: Status,
    policy: PolicySchema,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Product' },
);

export const catalogRoutes = (catalog: CatalogService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(ProductSchema);

    app.post('/v1/products', {
      config: { scopes: [] },
      schema: {
        tags: ['catalog'],
        summary: 'Create or update a product by sku',
        body: ProductInputSchema,
        response: { 200: Type.Ref('Product'), 201: Type.Ref('Product'), ...errorResponses() },
      },
    }, async (req, reply) => {
      const { product, created } = await catalog.upsert(req.body as Parameters<CatalogService['upsert']>[0]);
      return reply.status(created ? 201 : 200).send(product as Static<typeof ProductSchema>);
    });

    // Built from the upsert's input schema, so a field has the same bounds whichever way it is written.
    const patchable = Type.Omit(ProductInputSchema, ['sku']).properties;
    const PatchSchema = Type.Object(
      { ...patchable, title: Type.Optional(ProductInputSchema.properties.title), price: Type.Optional(ProductInputSchema.properties.price) },
      { additionalProperties: false, minProperties: 1 },
    );
    app.patch('/v1/products/:sku', {
      config: { scopes: [] },
      schema: {
        tags: ['catalog'],
        summary: 'Change some fields of a product: what is left out stays, policy fields merge into the current policy, attributes replaces the whole set',
        description: 'Validated as a whole product after merging (the rules of POST /v1/products) and written in one transaction with the availability it changes; nothing is written when any field is refused.',
        params: Type.Object({ sku: Sku }),
        body: PatchSchema,
        response: { 200: Type.Ref('Product'), ...errorResponses('unknown_sku') },
      },
    }, async (req) => (await catalog.patch(req.params.sku, req.body as ProductPatch)) as Static<typeof ProductSchema>);

    app.get('/v1/products/:sku', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: { tags: ['catalog'], summary: 'One product', params: Type.Object({ sku: Sku }), response: { 200: Type.Ref('Product'), ...errorResponses('unknown_sku') } },
    }, async (req) => (await catalog.get(req.params.sku)) as Static<typeof ProductSchema>);

    app.get('/v1/products', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: {
        tags: ['catalog'],
        summary: 'List products, ordered by sku; page with `after`',
        querystring: Type.Object({
          category: Type.Optional(Type.String({ maxLength: L.categoryMaxLength })),
          status: Type.Optional(Status),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          after: Type.Optional(Type.String({ maxLength: SKU_MAX_LENGTH })),
          limit: Type.Optional(PageLimit(500, { default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Product')), next: Nullable(Type.String()) }), ...errorResponses() },
      },
    }, async (req) => {
      const limit = req.query.limit ?? 100;
      const items: Product[] = await catalog.list({ ...req.query, limit });
      return { items: items as Array<Static<typeof ProductSchema>>, next: items.length === limit ? (items.at(-1)?.sku ?? null) : null };
    });
  };
