/**
 * HTTP for waitlists: subscribe (storefront key), lists and demand stats (admin), the waitlist policy, and the
 * token-authenticated actions a contact reaches from an email without logging in — confirm, unsubscribe (also as
 * `DELETE /v1/waitlist/:token`) and "held for you" — as small HTML pages and as JSON.
 *
 * Mail scanners open links, so a GET on a link page changes nothing: it shows the page, whose button POSTs to
 * the same path. That POST is also RFC 8058's one-click unsubscribe (`List-Unsubscribe-Post`), which carries
 * no CSRF token by design: the signed token in the path is the authority.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Nullable, PageLimit, Quantity, Sku, StringEnum, errorResponses } from '../http/schemas.ts';
import { RestockError } from '../core/errors.ts';
import type { WaitlistService } from './service.ts';
import type { Subscription } from './model.ts';
import { escapeHtml as esc } from '../core/html.ts';

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

const CSS = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f6f5f2;color:#1b1f1d;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #e3e1dc;border-radius:12px;padding:32px;max-width:440px;box-shadow:0 1px 2px #0001}h1{font-size:22px;margin:0 0 12px}
button,a.button{background:#1d5c4a;color:#fff;border:0;border-radius:8px;padding:10px 18px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-block}p{line-height:1.5}p.back{margin-top:20px;font-size:14px}p.back a{color:#1d5c4a}`;
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>${CSS}</style></head>
<body><main>${body}</main></body></html>`;
}

function sendPage(reply: FastifyReply, status: number, title: string, body: string) {
  // Security headers (CSP admitting this page's one style by hash, no framing, no Referer) come from the kit's
  // hook for every HTML page (http/page-headers.ts); a page behind a signed link is never cached either.
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page(title, body));
}

/** A client that asks for JSON (and not HTML) gets errors as the API's error body, through the one handler. */
function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Renders a link page; a refusal of ours becomes an error page with its status (or the JSON error). */
async function linkPage(req: FastifyRequest, reply: FastifyReply, failed: { title: string; heading: string }, fn: () => Promise<{ title: string; body: string }>) {
  try {
    const p = await fn();
    return await sendPage(reply, 200, p.title, p.body);
  } catch (err) {
    if (!(err instanceof RestockError) || wantsJson(req)) throw err;
    return sendPage(reply, err.status, failed.title, `<h1>${esc(failed.heading)}</h1><p>${esc(err.message)}</p>`);
  }
}

/** The way back to the product in the shop, under every page's text. */
const backLink = (url: string | null) => (url ? `<p class="back"><a href="${esc(url)}">Back to the shop</a></p>` : '');
const onTheList = (email: string, title: string, url: string | null) =>
  ({ title: 'Confirmed', body: `<h1>You're on the list</h1><p>We'll email ${esc(email)} as soon as <b>${esc(title)}</b> is back — in sign-up order, and only as many people as there is stock for.</p>${backLink(url)}` });
const LINK_FAILED = { title: 'Link not valid', heading: 'This link does not work' };

export const waitlistRoutes = (
  waitlist: WaitlistService,
  opts: { checkoutUrl: (sku: string, reservationId: string) => string; productUrl?: (sku: string) => string },
): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addSchema(SubscriptionSchema);

    app.post('/v1/waitlist', {
      config: { scopes: ['storefront', 'checkout'], limit: 'waitlist' },
      schema: {
        tags: ['waitlist'],
        summary: '"Notify me when available": always 202 with the same body, whether or not the address is on the list already (no enumeration)',
        description:
          'With double opt-in (the default) the answer is `pending`: a confirmation email goes out unless one is pending for this recipient and SKU (it is sent again at most once an hour). `+tag` variants and case count as one recipient. Without double opt-in the answer is `waiting`.',
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
        response: { 202: Type.Object({ status: StringEnum(['pending', 'waiting'] as const) }), ...errorResponses('unknown_sku') },
      },
    }, async (req, reply) => {
      const { answer } = await waitlist.subscribe(req.body);
      return reply.status(202).send({ status: answer });
    });

    app.get('/v1/waitlist', {
      config: { scopes: [] },
      schema: {
        tags: ['waitlist'],
        summary: 'Subscriptions, in list order per SKU unless sorted; a waiting one has its position in its SKU\'s list',
        querystring: Type.Object({
          sku: Type.Optional(Sku),
          status: Type.Optional(StringEnum(['pending', 'waiting', 'notified', 'unsubscribed'] as const)),
          q: Type.Optional(Type.String({ maxLength: 320, description: 'substring of the email or of the SKU, any case' })),
          sort: Type.Optional(StringEnum(['createdAt', 'sku', 'status'] as const, { description: 'default: SKU, then list order' })),
          order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
          limit: Type.Optional(PageLimit(5000)),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Subscription')), total: Type.Integer({ description: 'every match, not only this page' }) }), ...errorResponses() },
      },
    }, async (req) => {
      const q = req.query;
      const { items, total } = await waitlist.page({ sku: q.sku, status: q.status, q: q.q, sort: q.sort ?? 'list', order: q.order ?? 'asc', limit: q.limit ?? 500, offset: q.offset ?? 0 });
      return { items: items.map(({ position, ...s }) => ({ ...present(s), ...(position !== null ? { position } : {}) })), total };
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
      config: { limit: 'tokens' },
      schema: { tags: ['waitlist'], summary: "Unsubscribe by the contact's token (from any message's link)", params: Type.Object({ token: Token }), response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), ...errorResponses('invalid_token', 'expired_token', 'unknown_subscription') } },
    }, async (req) => {
      const s = await waitlist.unsubscribe(req.params.token);
      return { id: s.id, status: s.status };
    });

    app.get('/v1/waitlist/holds/:token', {
      config: { limit: 'tokens' },
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

    const hidden = { hide: true, params: Type.Object({ token: Token }) };
    const product = (sku: string): string | null => opts.productUrl?.(sku) ?? null;
    const titleOf = (sku: string): Promise<string> => waitlist.productTitle(sku);
    const limited = { limit: 'tokens' as const };

    // A GET shows what the link is for and a button; nothing changes until the button posts.
    app.get('/w/confirm/:token', { config: limited, schema: hidden }, async (req, reply) =>
      linkPage(req, reply, LINK_FAILED, async () => {
        const { subscription: s, title } = await waitlist.confirmation(req.params.token);
        if (s.status !== 'pending') return onTheList(s.email, title, product(s.sku));
        return {
          title: 'Confirm your sign-up',
          body: `<h1>Confirm your sign-up</h1><p>Email ${esc(s.email)} when <b>${esc(title)}</b> is back in stock?</p><form method="post"><button type="submit">Yes, notify me</button></form>${backLink(product(s.sku))}`,
        };
      }));

    app.get('/w/unsubscribe/:token', { config: limited, schema: hidden }, async (req, reply) =>
      linkPage(req, reply, LINK_FAILED, async () => {
        const { subscription: s, title } = await waitlist.unsubscription(req.params.token);
        if (s.status === 'unsubscribed') return { title: 'Unsubscribed', body: `<h1>Unsubscribed</h1><p>${esc(s.email)} gets no more messages about <b>${esc(title)}</b>.</p>${backLink(product(s.sku))}` };
        return { title: 'Unsubscribe', body: `<h1>Stop these messages?</h1><p>${esc(s.email)} will no longer hear about <b>${esc(title)}</b>.</p><form method="post"><button type="submit">Unsubscribe</button></form>${backLink(product(s.sku))}` };
      }));

    // The pages' buttons post forms whose bodies carry nothing we need (RFC 8058's one-click POST sends
    // `List-Unsubscribe=One-Click`, as a form or multipart): only these routes accept those media types.
    await app.register(async (plain) => {
      const forms = plain.withTypeProvider<TypeBoxTypeProvider>();
      const ignoreBody = (_req: unknown, _body: unknown, done: (err: null, body: Record<string, never>) => void) => done(null, {});
      forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, ignoreBody);
      forms.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, ignoreBody);
      forms.post('/w/confirm/:token', { config: limited, schema: hidden }, async (req, reply) =>
        linkPage(req, reply, LINK_FAILED, async () => {
          const s = await waitlist.confirm(req.params.token);
          return onTheList(s.email, await titleOf(s.sku), product(s.sku));
        }));
      forms.post('/w/unsubscribe/:token', { config: limited, schema: hidden }, async (req, reply) =>
        linkPage(req, reply, LINK_FAILED, async () => {
          const s = await waitlist.unsubscribe(req.params.token);
          return { title: 'Unsubscribed', body: `<h1>Unsubscribed</h1><p>${esc(s.email)} will get no more messages about <b>${esc(await titleOf(s.sku))}</b>.</p>${backLink(product(s.sku))}` };
        }));
    });

    // Read only: it shows the hold and links to checkout; nothing is taken or released by opening it.
    app.get('/w/hold/:token', { config: limited, schema: hidden }, async (req, reply) =>
      linkPage(req, reply, { title: 'Hold ended', heading: 'This hold is no longer available' }, async () => {
        const h = await waitlist.hold(req.params.token);
        const url = opts.checkoutUrl(h.subscription.sku, h.reservationId);
        return { title: 'Held for you', body: `<h1>Held for you</h1><p><b>${h.subscription.quantity} × ${esc(h.title)}</b> is reserved for you until <b>${esc(new Date(h.expiresAt).toUTCString())}</b>.</p><p><a class="button" href="${esc(url)}">Complete your purchase</a></p>${backLink(product(h.subscription.sku))}` };
      }));
  };
