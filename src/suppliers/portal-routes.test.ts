// The portal routes alone, on a minimal fake of PortalDeps (the suppliers service is tested with the database
// after merge, and the whole flow in test/browser-portal.test.ts).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TokenSigner } from '../core/tokens.ts';
import { Invalid } from '../core/errors.ts';
import { ManualClock } from '../core/clock.ts';
import { ErrorSchema } from '../http/schemas.ts';
import { installErrorHandling } from '../http/errors.ts';
import { installInputChecks, installJsonBody, validatorFactory } from '../http/validation.ts';
import { installSecurityHeaders } from '../http/page-headers.ts';
import { portalRoutes, PORTAL_TOKEN_HEADER, type PortalAnswer, type PortalDeps, type PortalPurchaseOrder } from './portal-routes.ts';
import { signPortalToken } from './po-document.ts';

const now = new Date('2026-12-01T12:00:00Z');
const signer = new TokenSigner(Buffer.from('portal route test secret'));
const clock = new ManualClock(now);

function order(): PortalPurchaseOrder {
  return {
    id: 'po_1',
    supplierId: 'sup_1',
    status: 'sent',
    currency: 'EUR',
    total: 100,
    createdAt: '2026-12-01T10:00:00.000Z',
    sentAt: '2026-12-01T11:00:00.000Z',
    acknowledgedAt: null,
    lines: [
      { id: 'pol_1', sku: 'TEE-1', location: 'main', quantity: 10, unitCost: 5, confirmedQuantity: null, status: 'open', expectedDate: '2026-12-20', confirmedDate: null, rejectReason: null, answeredAt: null },
      { id: 'pol_2', sku: 'MUG-1', location: 'main', quantity: 5, unitCost: 10, confirmedQuantity: null, status: 'open', expectedDate: '2026-12-20', confirmedDate: null, rejectReason: null, answeredAt: null },
    ],
  };
}

describe('portal routes', () => {
  let app: FastifyInstance;
  let po = order();
  const answers: Array<{ poId: string; body: PortalAnswer; supplierId: string }> = [];
  const deps: PortalDeps = {
    signer,
    clock,
    suppliers: {
      purchaseOrder: async (id) => {
        if (id !== po.id) throw new Invalid(`unknown purchase order ${id}`, [{ field: 'id', message: 'unknown' }]);
        return po;
      },
      supplier: async (id) => ({ id, name: 'Acme' }),
      answer: async (poId, body, as) => {
        answers.push({ poId, body, supplierId: as.supplierId });
        po = { ...po, status: 'acknowledged', lines: po.lines.map((l) => ({ ...l, status: body.lines.find((a) => a.lineId === l.id)?.status ?? l.status })) };
        return po;
      },
    },
  };
  const token = (over: { poId?: string; supplierId?: string; expiresAt?: Date } = {}) =>
    signPortalToken(signer, { poId: over.poId ?? 'po_1', supplierId: over.supplierId ?? 'sup_1', expiresAt: over.expiresAt ?? new Date(now.getTime() + 86_400_000) });

  before(async () => {
    const f = Fastify({ schemaController: { compilersFactory: { buildValidator: validatorFactory } } }).withTypeProvider<TypeBoxTypeProvider>();
    f.addSchema(ErrorSchema);
    installJsonBody(f);
    installInputChecks(f);
    installErrorHandling(f);
    installSecurityHeaders(f);
    await f.register(portalRoutes(deps));
    await f.ready();
    app = f;
  });
  after(async () => app.close());

  it('reads the order by the token in the header or the query, never cached, no referrer', async () => {
    for (const r of [
      await app.inject({ url: '/v1/portal/purchase-orders/po_1', headers: { [PORTAL_TOKEN_HEADER]: token() } }),
      await app.inject({ url: `/v1/portal/purchase-orders/po_1?token=${encodeURIComponent(token())}` }),
    ]) {
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json<{ id: string; supplier: { name: string }; answerable: boolean; lines: unknown[] }>();
      assert.equal(body.id, 'po_1');
      assert.equal(body.supplier.name, 'Acme');
      assert.equal(body.answerable, true);
      assert.equal(body.lines.length, 2);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
    }
  });

  it('refuses a missing, tampered, expired or other-order token with 400 and nothing read', async () => {
    const t = token();
    const cases: Array<[string, string]> = [
      ['', 'invalid_token'],
      [`${t}x`, 'invalid_token'],
      [token({ expiresAt: new Date(now.getTime() - 1000) }), 'expired_token'],
      [token({ poId: 'po_2' }), 'invalid_token'],
      [signer.sign({ p: 'confirm', s: 'po_1', c: 'sup_1' }), 'invalid_token'],
    ];
    for (const [tok, code] of cases) {
      const r = await app.inject({ url: '/v1/portal/purchase-orders/po_1', headers: tok ? { [PORTAL_TOKEN_HEADER]: tok } : {} });
      assert.equal(r.statusCode, 400, tok);
      assert.equal(r.json<{ error: { code: string } }>().error.code, code);
    }
  });

  it('a token issued to another supplier opens nothing (403)', async () => {
    const r = await app.inject({ url: '/v1/portal/purchase-orders/po_1', headers: { [PORTAL_TOKEN_HEADER]: token({ supplierId: 'sup_2' }) } });
    assert.equal(r.statusCode, 403);
  });

  it('the page: a refused link gets a clear HTML page with its 4xx status', async () => {
    const expired = await app.inject({ url: `/portal/purchase-orders/po_1?token=${encodeURIComponent(token({ expiresAt: new Date(now.getTime() - 1000) }))}`, headers: { accept: 'text/html' } });
    assert.equal(expired.statusCode, 400);
    assert.match(String(expired.headers['content-type']), /^text\/html/);
    assert.match(expired.body, /<h1>This link has expired<\/h1>/);
    const tampered = await app.inject({ url: '/portal/purchase-orders/po_1?token=abcdefghijk.lmnop', headers: { accept: 'text/html' } });
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /<h1>This link does not work<\/h1>/);
    assert.match(String(tampered.headers['content-security-policy']), /default-src 'self'/);
  });

  it('answers for the token\'s supplier only, with the body as sent; bad bodies are refused before the service', async () => {
    const bad = await app.inject({ method: 'POST', url: '/v1/portal/purchase-orders/po_1/answer', headers: { [PORTAL_TOKEN_HEADER]: token() }, payload: { lines: [{ lineId: 'pol_1', status: 'maybe' }] } });
    assert.equal(bad.statusCode, 400);
    const forged = await app.inject({ method: 'POST', url: '/v1/portal/purchase-orders/po_1/answer', headers: { [PORTAL_TOKEN_HEADER]: `${token()}x` }, payload: { lines: [{ lineId: 'pol_1', status: 'confirmed' }] } });
    assert.equal(forged.statusCode, 400);
    assert.equal(answers.length, 0);
    const body = { lines: [{ lineId: 'pol_1', status: 'confirmed' as const, quantity: 6, date: '2026-12-24' }, { lineId: 'pol_2', status: 'rejected' as const, reason: 'discontinued' }] };
    const r = await app.inject({ method: 'POST', url: '/v1/portal/purchase-orders/po_1/answer', headers: { [PORTAL_TOKEN_HEADER]: token() }, payload: body });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(answers, [{ poId: 'po_1', body, supplierId: 'sup_1' }]);
    assert.equal(r.json<{ answerable: boolean }>().answerable, false);
  });
});
