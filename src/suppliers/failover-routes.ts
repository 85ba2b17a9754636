/**
 * Failover over HTTP: the shop's supply settings, the per-SKU supply panel (offers, open purchase-order lines,
 * the failover switch), and a manual sweep. Admin keys only. Registered by supplierRoutes inside its plugin, so
 * the shared schemas (`Offer`, `PurchaseOrder`) resolve.
 *
 *   GET/PUT /v1/settings/supply       { failover, resourcedPoStatus, shipGraceDays, weights }
 *   GET/PUT /v1/supply/skus/:sku      { sku, failover, offers, openLines } / { failover }
 *   POST    /v1/supply/sweep          re-source what the clock made late now (the background does it every minute)
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import type { FailoverService } from './failover.ts';
import { isTerminalLine } from './policy.ts';
import { PoLineSchema } from './routes.ts';
import type { SupplierService } from './service.ts';

const Weight = Type.Number({ minimum: 0, maximum: 1000 });
const WeightsSchema = Type.Object(
  { cost: Weight, arrival: Weight, reliability: Weight },
  { additionalProperties: false, description: 'The sourcing score: landed cost per needed unit, expected arrival, measured reliability (normalised by their sum)' },
);
const SettingsFields = {
  failover: Type.Boolean({ description: 'failover on for the shop (it can also be switched off per SKU and per supplier)' }),
  resourcedPoStatus: StringEnum(['draft', 'sent'] as const, { description: 'a purchase order failover creates is sent at once, or left as a draft for a person to send' }),
  shipGraceDays: Type.Integer({ minimum: 0, maximum: 365, description: 'days after a confirmed date before an unshipped line is re-sourced' }),
  weights: WeightsSchema,
};
const SupplySettingsSchema = Type.Object(SettingsFields, { $id: 'SupplySettings', additionalProperties: false });
const SupplySettingsPatch = Type.Partial(Type.Object({ ...SettingsFields, weights: Type.Partial(WeightsSchema, { additionalProperties: false }) }), { additionalProperties: false, minProperties: 1 });

/** Built when the routes are (routes.ts registers these routes inside its own plugin, where `Offer` resolves). */
const skuSupplySchema = () => Type.Object(
  {
    sku: Type.String(),
    failover: Type.Boolean({ description: 'may failover re-source this SKU' }),
    offers: Type.Array(Type.Ref('Offer')),
    openLines: Type.Array(Type.Intersect([PoLineSchema, Type.Object({ supplierId: Type.String(), poStatus: Type.String() })])),
  },
  { $id: 'SkuSupply' },
);

export const failoverRoutes = (failover: FailoverService, suppliers: SupplierService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(SupplySettingsSchema);
    app.addSchema(skuSupplySchema());
    const admin = { scopes: [] };
    const SkuParams = Type.Object({ sku: Sku });

    const skuSupply = async (sku: string) => {
      const { failover: on } = await failover.skuSupply(sku);
      const offers = await suppliers.offersForSku(sku);
      const pos = await suppliers.listPurchaseOrders({ sku, limit: 500, offset: 0 });
      const openLines = pos.items.flatMap((po) => po.lines.filter((l) => l.sku === sku && !isTerminalLine(l.status)).map((l) => ({ ...l, supplierId: po.supplierId, poStatus: po.status })));
      return { sku, failover: on, offers, openLines };
    };

    app.get('/v1/settings/supply', {
      config: admin,
      schema: { tags: ['purchase-orders'], summary: 'Failover settings: on or off, status of re-sourced orders, ship grace days, sourcing weights', response: { 200: Type.Ref('SupplySettings'), ...errorResponses() } },
    }, async () => failover.getSettings());

    app.put('/v1/settings/supply', {
      config: admin,
      schema: { tags: ['purchase-orders'], summary: 'Change failover settings (the fields given; weights merge)', body: SupplySettingsPatch, response: { 200: Type.Ref('SupplySettings'), ...errorResponses() } },
    }, async (req) => failover.updateSettings(req.body));

    app.get('/v1/supply/skus/:sku', {
      config: admin,
      schema: { tags: ['purchase-orders'], summary: "A SKU's supply: its offers, its open purchase-order lines, and whether failover may re-source it", params: SkuParams, response: { 200: Type.Ref('SkuSupply'), ...errorResponses('unknown_sku') } },
    }, async (req) => skuSupply(req.params.sku));

    app.put('/v1/supply/skus/:sku', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Switch failover on or off for one SKU',
        params: SkuParams,
        body: Type.Object({ failover: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Ref('SkuSupply'), ...errorResponses('unknown_sku') },
      },
    }, async (req) => {
      await failover.setSkuFailover(req.params.sku, req.body.failover);
      return skuSupply(req.params.sku);
    });

    app.post('/v1/supply/sweep', {
      config: admin,
      schema: {
        tags: ['purchase-orders'],
        summary: 'Re-source now every line past its acknowledgement deadline or ship date (the service does this every minute)',
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: Type.Object({ examined: Type.Integer(), resourced: Type.Integer(), unsourced: Type.Integer() }), ...errorResponses() },
      },
    }, async () => failover.sweep());
  };
