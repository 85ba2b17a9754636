/**
 * Serves the browser side that Vite built into `dist/web/` (vite.config.ts, vite.widget.config.ts): the demo
 * shop at `/`, the operator dashboard at `/dashboard` (and its client-side routes below it), the widget's
 * playground at `/widget`, the supplier portal at `/portal/purchase-orders/:id` (its route checks the signed link
 * first, in suppliers/portal-routes.ts, and takes the page from `readPortalPage`), and the storefront widget itself at `/widget/restock-widget.js` (ES module) and
 * `/widget/restock-widget.classic.js` (classic script). Other shops embed the widget cross-origin, so it is
 * served with CORS; the pages get a strict Content-Security-Policy. Built assets carry a content hash in their
 * names and are cached for a year; pages are revalidated every time.
 *
 * In demo mode the storefront key is written into the shop page when it is requested. Storefront keys are
 * public by design (like Shopify storefront tokens); admin and feed keys must never reach a page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { PAGE_CSP } from './page-headers.ts';

export interface WebOptions {
  /** Written into the demo shop page; null leaves the shopper to enter one. */
  storefrontKey: string | null;
}

/** `dist/web/`: from the compiled `dist/http/web.js` one level up, from the source `src/http/web.ts` two. */
export const WEB_ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../web/' : '../../dist/web/', import.meta.url));

const PAGES = { shop: 'shop/index.html', dashboard: 'dashboard/index.html', widget: 'widget/index.html', portal: 'portal/index.html' } as const;

/**
 * The supplier portal's page (web/portal), for the route that first checks its signed link
 * (suppliers/portal-routes.ts): a link refused there gets an error page, never this one. Null when not built.
 */
export async function readPortalPage(): Promise<string | null> {
  const file = `${WEB_ROOT}${PAGES.portal}`;
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

/**
 * For pages that name no icon (the API reference, the waitlist link pages): browsers ask for /favicon.ico, and a
 * 404 for it is noise in every console. The mark of the built pages, as SVG (which browsers take from any path).
 */
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f6f5c"/><path d="M9 20.5 16 9l7 11.5z" fill="#fff"/><rect x="9" y="22" width="14" height="2.5" rx="1" fill="#cde8df"/></svg>';


const CONFIG_MARKER = '<!-- restock:config -->';

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function registerWeb(app: FastifyInstance, opts: WebOptions): Promise<void> {
  // The assembly checks that this is a storefront key (access/policy.ts mayPublish) before it gets here.
  const key = opts.storefrontKey;
  const built = existsSync(`${WEB_ROOT}${PAGES.shop}`);

  if (built) await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    // One route per file, found at start-up: unknown paths fall through to the API's JSON 404.
    wildcard: false,
    index: false,
    // Pages are rendered by the routes below.
    globIgnore: ['**/*.html', '**/.*'],
    decorateReply: false,
    setHeaders(res, path) {
      res.setHeader('x-content-type-options', 'nosniff');
      if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      if (path.includes('/widget/')) {
        // Shops load the widget from their own origin as a module script, which is a CORS request.
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('cross-origin-resource-policy', 'cross-origin');
      }
    },
  });

  const page = async (reply: FastifyReply, file: string, config: string) => {
    if (!built) {
      return reply.status(503).header('content-type', 'text/plain; charset=utf-8').send('The web pages are not built: run `npm run build` (npm install does it too).\n');
    }
    const html = await readFile(`${WEB_ROOT}${file}`, 'utf8');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(html.replace(CONFIG_MARKER, config));
  };

  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );
  const storefront = key ? `<meta name="restock-key" content="${escapeAttribute(key)}">` : '';
  app.get('/', { schema: { hide: true } }, async (_req, reply) => page(reply, PAGES.shop, storefront));
  app.get('/dashboard', { schema: { hide: true } }, async (_req, reply) => page(reply, PAGES.dashboard, ''));
  app.get('/dashboard/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/dashboard'));
  // The dashboard's own routes (/dashboard/skus/TEE-1…) are drawn in the browser: a reload or a shared link
  // gets the same page.
  app.get('/dashboard/*', { schema: { hide: true } }, async (_req, reply) => page(reply, PAGES.dashboard, ''));
  app.get('/widget', { schema: { hide: true } }, async (_req, reply) =>
    existsSync(`${WEB_ROOT}${PAGES.widget}`) ? page(reply, PAGES.widget, storefront) : reply.callNotFound(),
  );
}
