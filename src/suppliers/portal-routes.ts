/**
 * The supplier portal: what the signed link in a purchase-order email reaches, with no account and no API key.
 * The token (suppliers/po-document.ts, purpose `po-portal`) names the purchase order and its supplier and
 * expires; every request checks it, and that the order is still that supplier's, before anything is read.
 *
 *   GET  /portal/purchase-orders/:id?token=…        the page (web/portal); a refused link gets an error page, 4xx
 *   GET  /v1/portal/purchase-orders/:id              the order as the supplier sees it (token: header or query)
 *   POST /v1/portal/purchase-orders/:id/answer       the same body as the admin answer route, answered for the
 *                                                    token's supplier only
 *
 * All three are rate-limited like the other token routes (`limit: 'tokens'`, per client address).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import { Forbidden, RestockError } from '../core/errors.ts';
import type { TokenSigner } from '../core/tokens.ts';
import { CalendarDate, Id, Nullable, StringEnum, errorResponses } from '../http/schemas.ts';
import { readPortalPage } from '../http/web.ts';
import { verifyPortalToken, type PortalGrant } from './po-document.ts';
import { escapeHtml as esc } from '../core/html.ts';

/** The header a supplier's system may send the token in, instead of the query string. */
export const PORTAL_TOKEN_HEADER = 'x-portal-token';

export const PortalAnswerBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          lineId: Id,
          status: StringEnum(['confirmed', 'rejected'] as const),
          quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'confirmed quantity; less than ordered is a cut (default: as ordered)' })),
          date: Type.Optional(CalendarDate),
          reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'required when rejecting' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type PortalAnswer = Static<typeof PortalAnswerBody>;

/** The fields of a purchase order (shared model) the portal shows. */
export interface PortalPurchaseOrder {
  id: string;
  supplierId: string;
  status: string;
  currency: string;
  total: number;
  createdAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  lines: ReadonlyArray<{
    id: string;
    sku: string;
    location: string;
    quantity: number;
    unitCost: number;
    confirmedQuantity: number | null;
    status: string;
    expectedDate: string;
    confirmedDate: string | null;
    rejectReason: string | null;
    answeredAt: string | null;
    supplierSku?: string | null;
  }>;
}

/** What the portal needs of the suppliers module (its service), declared here so it can be tested alone. */
export interface PortalDeps {
  signer: TokenSigner;
  clock: Clock;
  suppliers: {
    /** The purchase order, or NotFound. */
    purchaseOrder(poId: string): Promise<PortalPurchaseOrder>;
    /** The supplier's name and language, for the page. */
    supplier(supplierId: string): Promise<{ id: string; name: string; locale?: string | null }>;
    /** Validates and records the answer in one transaction (4xx and nothing written otherwise); idempotent. */
    answer(poId: string, body: PortalAnswer, as: { supplierId: string }): Promise<PortalPurchaseOrder>;
  };
}

const LineView = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  supplierSku: Nullable(Type.String()),
  location: Type.String(),
  quantity: Type.Integer(),
  unitCost: Type.Number(),
  confirmedQuantity: Nullable(Type.Integer()),
  status: Type.String(),
  expectedDate: Type.String(),
  confirmedDate: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});

const PortalView = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    currency: Type.String(),
    total: Type.Number(),
    createdAt: Type.String(),
    sentAt: Nullable(Type.String()),
    acknowledgedAt: Nullable(Type.String()),
    supplier: Type.Object({ id: Type.String(), name: Type.String() }),
    /** Whether open lines remain to answer (the page shows the form only then). */
    answerable: Type.Boolean(),
    linkExpiresAt: Type.String(),
    lines: Type.Array(LineView),
  },
  { $id: 'PortalPurchaseOrder' },
);
export type PortalView = Static<typeof PortalView>;

const ANSWERABLE_PO = new Set(['sent', 'acknowledged']);

export function portalView(po: PortalPurchaseOrder, supplier: { id: string; name: string }, grant: PortalGrant): PortalView {
  return {
    id: po.id,
    status: po.status,
    currency: po.currency,
    total: po.total,
    createdAt: po.createdAt,
    sentAt: po.sentAt,
    acknowledgedAt: po.acknowledgedAt,
    supplier: { id: supplier.id, name: supplier.name },
    answerable: ANSWERABLE_PO.has(po.status) && po.lines.some((l) => l.status === 'open'),
    linkExpiresAt: grant.expiresAt,
    lines: po.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      supplierSku: l.supplierSku ?? null,
      location: l.location,
      quantity: l.quantity,
      unitCost: l.unitCost,
      confirmedQuantity: l.confirmedQuantity,
      status: l.status,
      expectedDate: l.expectedDate,
      confirmedDate: l.confirmedDate,
      rejectReason: l.rejectReason,
      answeredAt: l.answeredAt,
    })),
  };
}

const Token = Type.String({ minLength: 10, maxLength: 600 });
const Params = Type.Object({ id: Id });
const TokenQuery = Type.Object({ token: Type.Optional(Token) });

const CSS = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f6f5f2;color:#1b1f1d;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #e3e1dc;border-radius:12px;padding:32px;max-width:480px;box-shadow:0 1px 2px #0001}h1{font-size:22px;margin:0 0 12px}p{line-height:1.5}`;

/** The page a refused link gets: what went wrong and what to do, with the error's status. */
export function portalErrorPage(err: RestockError): string {
  const expired = err.code === 'expired_token';
  const heading = expired ? 'This link has expired' : err.status === 404 ? 'This purchase order was not found' : 'This link does not work';
  const advice = expired ? 'Ask the buyer to send the purchase order again; a new email carries a fresh link.' : 'Open the link exactly as it was in the email, or ask the buyer to send the purchase order again.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(heading)}</title>
<style>${CSS}</style></head>
<body><main><h1>${esc(heading)}</h1><p>${esc(err.message)}</p><p>${esc(advice)}</p></main></body></html>`;
}

function tokenOf(req: FastifyRequest, query: { token?: string | undefined }): string {
  const h = req.headers[PORTAL_TOKEN_HEADER];
  const header = Array.isArray(h) ? h[0] : h;
  return header ?? query.token ?? '';
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function noStore(reply: FastifyReply): FastifyReply {
  // A page or answer behind a signed link is never cached, and its address (with the token) never leaves as a Referer.
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

export const portalRoutes = (deps: PortalDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(PortalView);

    /** The token's grant for this order, and the order itself, once it is known to be that supplier's. */
    const open = async (poId: string, token: string) => {
      const grant = verifyPortalToken(deps.signer, token, poId, deps.clock.now());
      const po = await deps.suppliers.purchaseOrder(poId);
      if (po.supplierId !== grant.supplierId) throw new Forbidden('this link was issued to another supplier of this purchase order');
      return { grant, po };
    };
    const limited = { limit: 'tokens' as const };
    const tokenErrors = errorResponses('invalid_token', 'expired_token');

    app.get('/portal/purchase-orders/:id', {
      config: limited,
      schema: { hide: true, params: Params, querystring: TokenQuery },
    }, async (req, reply) => {
      noStore(reply);
      try {
        await open(req.params.id, tokenOf(req, req.query));
      } catch (err) {
        if (!(err instanceof RestockError) || wantsJson(req)) throw err;
        return reply.status(err.status).type('text/html; charset=utf-8').send(portalErrorPage(err));
      }
      const html = await readPortalPage();
      if (html === null) return reply.status(503).type('text/plain; charset=utf-8').send('The web pages are not built: run `npm run build` (npm install does it too).\n');
      return reply.type('text/html; charset=utf-8').send(html.replace('<!-- restock:config -->', ''));
    });

    app.get('/v1/portal/purchase-orders/:id', {
      config: limited,
      schema: {
        tags: ['suppliers'],
        summary: "A purchase order as its supplier sees it, by the signed link's token (no API key)",
        description: `The token from the purchase-order email's link, in the \`${PORTAL_TOKEN_HEADER}\` header or the \`token\` query parameter.`,
        params: Params,
        querystring: TokenQuery,
        response: { 200: Type.Ref('PortalPurchaseOrder'), ...tokenErrors },
      },
    }, async (req, reply) => {
      noStore(reply);
      const { grant, po } = await open(req.params.id, tokenOf(req, req.query));
      return portalView(po, await deps.suppliers.supplier(grant.supplierId), grant);
    });

    app.post('/v1/portal/purchase-orders/:id/answer', {
      config: limited,
      schema: {
        tags: ['suppliers'],
        summary: 'The supplier answers its purchase order by the signed link: confirm, cut, re-date or reject each line',
        description: `Same body as \`POST /v1/purchase-orders/:id/answer\`; the token in the \`${PORTAL_TOKEN_HEADER}\` header or the \`token\` query parameter. Answers are idempotent; confirming more than ordered, a line of another order or an order no longer open is refused with nothing written.`,
        params: Params,
        querystring: TokenQuery,
        body: PortalAnswerBody,
        response: { 200: Type.Ref('PortalPurchaseOrder'), ...tokenErrors },
      },
    }, async (req, reply) => {
      noStore(reply);
      const { grant } = await open(req.params.id, tokenOf(req, req.query));
      const po = await deps.suppliers.answer(req.params.id, req.body, { supplierId: grant.supplierId });
      return portalView(po, await deps.suppliers.supplier(grant.supplierId), grant);
    });
  };
