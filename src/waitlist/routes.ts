/**
 * HTTP for waitlists: subscribe (storefront key), lists and demand stats (admin), the waitlist policy, and the
 * token-authenticated actions a contact reaches from an email without logging in — confirm, unsubscribe (also as
 * `DELETE /v1/waitlist/:token`) and "held for you" — as small HTML pages and as JSON.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Nullable, PageLimit, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import { RestockError } from '../core/errors.ts';
import type { WaitlistService } from './service.ts';
import type { Subscription } from './model.ts';

const SubscriptionSchema = Type.Object(
  {
    id: Type.String(),
    sku: Type.String(),
    email: Type.String(),
    phone: Nullable(Type.String()),
    quantity: Type.Integer(),
    locale: Type.String(),
    status: Type.String(),
    position: Type.Optional(Type.Integer()),
    holdExpiresAt: Nullable(Type.String()),
    createdAt: Type.String(),
    confirmedAt: Nullable(Type.String()),
    notifiedAt: Nullable(Type.String()),
    convertedAt: Nullable(Type.String()),
  },
  { $id: 'Subscription' },
);

const StatsSchema = Type.Object({
  sku: Type.String(),
  active: Type.Integer(),
  pending: Type.Integer(),
  unitsWanted: Type.Integer(),
  signupsPerDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
  notified: Type.Integer(),
  converted: Type.Integer(),
  conversionRate: Nullable(Type.Number()),
  medianWaitHours: Nullable(Type.Number()),
  unsubscribed: Type.Integer(),
});

const PolicySchema = Type.Object(
  {
    doubleOptIn: Type.Boolean(),
    k: Type.Number({ minimum: 0.1, maximum: 1000 }),
    batchIntervalMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
    holdHours: Type.Number({ minimum: 0, maximum: 168 }),
  },
  { additionalProperties: false },
);

const Token = Type.String({ minLength: 10, maxLength: 600 });
const present = (s: Subscription) => ({ ...s });

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f6f5f2;color:#1b1f1d;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #e3e1dc;border-radius:12px;padding:32px;max-width:440px;box-shadow:0 1px 2px #0001}h1{font-size:22px;margin:0 0 12px}
button,a.button{background:#1d5c4a;color:#fff;border:0;border-radius:8px;padding:10px 18px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-block}p{line-height:1.5}</style></head>
<body><main>${body}</main></body></html>`;
}

export const waitlistRoutes = (waitlist: WaitlistService, opts: { checkoutUrl: (sku: string, reservationId: string) => string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(SubscriptionSchema);

    app.post('/v1/waitlist', {
      config: { scopes: ['storefront', 'checkout'] },
      schema: {
        tags: ['waitlist'],
        summary: '"Notify me when available": 201 when added (pending until the emailed link is confirmed), 200 when already on the list',
        body: Type.Object(
          {
            sku: Sku,
            email: Type.String({ format: 'email', maxLength: 320 }),
            phone: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164, e.g. +4915112345678' })),
            quantity: Type.Optional(Quantity),
            locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Za-z]{2})?$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), 201: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses('unknown_sku') },
      },
    }, async (req, reply) => {
      const { subscription, created } = await waitlist.subscribe(req.body);
      return reply.status(created ? 201 : 200).send({ id: subscription.id, status: subscription.status });
    });

    app.get('/v1/waitlist', {
      config: { scopes: [] },
      schema: {
        tags: ['waitlist'],
        summary: 'Subscriptions, in list order per SKU',
        querystring: Type.Object({ sku: Type.Optional(Sku), status: Type.Optional(StringEnum(['pending', 'waiting', 'notified', 'unsubscribed'] as const)), limit: Type.Optional(PageLimit(5000)) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Subscription')) }), ...errorResponses() },
      },
    }, async (req) => {
      const items = await waitlist.list(req.query.sku, req.query.status, req.query.limit ?? 500);
      let pos = 0;
      let last = '';
      return {
        items: items.map((s) => {
          if (s.sku !== last) {
            pos = 0;
            last = s.sku;
          }
          return { ...present(s), ...(s.status === 'waiting' ? { position: ++pos } : {}) };
        }),
      };
    });

    app.get('/v1/waitlist/stats', {
      config: { scopes: [] },
      schema: { tags: ['waitlist'], summary: 'Demand signals per SKU: subscribers, units wanted, sign-ups per day, notified, converted, median wait', querystring: Type.Object({ sku: Type.Optional(Sku) }), response: { 200: Type.Object({ items: Type.Array(StatsSchema) }), ...errorResponses() } },
    }, async (req) => ({ items: await waitlist.stats(req.query.sku) }));

    app.get('/v1/settings/waitlist', { config: { scopes: [] }, schema: { tags: ['waitlist'], response: { 200: PolicySchema } } }, async () => waitlist.policy());
    app.put('/v1/settings/waitlist', {
      config: { scopes: [] },
      schema: { tags: ['waitlist'], summary: 'Double opt-in, batch factor k, batch interval, hold hours', body: PolicySchema, response: { 200: PolicySchema, ...errorResponses() } },
    }, async (req) => waitlist.setPolicy(req.body));

    // ---- token-authenticated (no API key): what links in emails reach
    app.delete('/v1/waitlist/:token', {
      schema: { tags: ['waitlist'], summary: "Unsubscribe by the contact's token (from any message's link)", params: Type.Object({ token: Token }), response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses('invalid_token', 'expired_token', 'unknown_subscription') } },
    }, async (req) => {
      const s = await waitlist.unsubscribe(req.params.token);
      return { id: s.id, status: s.status };
    });

    app.get('/v1/waitlist/holds/:token', {
      schema: {
        tags: ['waitlist'],
        summary: 'A "held for you" link: the reservation to check out with and until when',
        params: Type.Object({ token: Token }),
        response: { 200: Type.Object({ id: Type.String(), sku: Type.String(), title: Type.String(), quantity: Type.Integer(), reservationId: Type.String(), expiresAt: Type.String(), checkoutUrl: Type.String() }), ...errorResponses('invalid_token', 'expired_token', 'unknown_hold') },
      },
    }, async (req) => {
      const h = await waitlist.hold(req.params.token);
      return { id: h.subscription.id, sku: h.subscription.sku, title: h.title, quantity: h.subscription.quantity, reservationId: h.reservationId, expiresAt: h.expiresAt, checkoutUrl: opts.checkoutUrl(h.subscription.sku, h.reservationId) };
    });

    const htmlError = (err: unknown) => (err instanceof RestockError ? err : null);

    app.get('/w/confirm/:token', { schema: { hide: true, params: Type.Object({ token: Token }) } }, async (req, reply) => {
      try {
        const s = await waitlist.confirm(req.params.token);
        return reply.type('text/html').send(page('Confirmed', `<h1>You're on the list</h1><p>We'll email ${esc(s.email)} as soon as <b>${esc(s.sku)}</b> is back — in sign-up order, and only as many people as there is stock for.</p>`));
      } catch (err) {
        const e = htmlError(err);
        if (!e) throw err;
        return reply.status(e.status).type('text/html').send(page('Link not valid', `<h1>This link does not work</h1><p>${esc(e.message)}</p>`));
      }
    });

    app.get('/w/unsubscribe/:token', { schema: { hide: true, params: Type.Object({ token: Token }) } }, async (req, reply) => {
      // A GET changes nothing (mail scanners follow links); the button posts.
      return reply.type('text/html').send(page('Unsubscribe', `<h1>Stop these messages?</h1><p>You will no longer hear about this item.</p><form method="post"><button type="submit">Unsubscribe</button></form>`));
    });

    // The unsubscribe page's button posts a form whose body carries nothing we need; only this route parses forms.
    await app.register(async (plain) => {
      const forms = plain.withTypeProvider<TypeBoxTypeProvider>();
      forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
      forms.post('/w/unsubscribe/:token', { schema: { hide: true, params: Type.Object({ token: Token }) } }, async (req, reply) => {
        try {
          const s = await waitlist.unsubscribe(req.params.token);
          return reply.type('text/html').send(page('Unsubscribed', `<h1>Unsubscribed</h1><p>${esc(s.email)} will get no more messages about <b>${esc(s.sku)}</b>.</p>`));
        } catch (err) {
          const e = htmlError(err);
          if (!e) throw err;
          return reply.status(e.status).type('text/html').send(page('Link not valid', `<h1>This link does not work</h1><p>${esc(e.message)}</p>`));
        }
      });

    });

    app.get('/w/hold/:token', { schema: { hide: true, params: Type.Object({ token: Token }) } }, async (req, reply) => {
      try {
        const h = await waitlist.hold(req.params.token);
        const url = opts.checkoutUrl(h.subscription.sku, h.reservationId);
        return reply.type('text/html').send(page('Held for you', `<h1>Held for you</h1><p><b>${h.subscription.quantity} × ${esc(h.title)}</b> is reserved for you until <b>${esc(new Date(h.expiresAt).toUTCString())}</b>.</p><p><a class="button" href="${esc(url)}">Complete your purchase</a></p>`));
      } catch (err) {
        const e = htmlError(err);
        if (!e) throw err;
        return reply.status(e.status).type('text/html').send(page('Hold ended', `<h1>This hold is no longer available</h1><p>${esc(e.message)}</p>`));
      }
    });
  };
