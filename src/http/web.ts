/**
 * Serves the browser side from `web/` (plain ES modules, no build step): the demo shop at `/`, the operator
 * dashboard at `/dashboard`, and the storefront widget at `/widget/restock-widget.js`. Other shops embed the
 * widget cross-origin, so it is served with CORS; the two pages get a strict Content-Security-Policy.
 *
 * In demo mode the storefront key is written into the shop page when it is requested. Storefront keys are
 * public by design (like Shopify storefront tokens); admin and feed keys must never reach a page.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { PAGE_CSP } from './page-headers.ts';

export interface WebOptions {
  /** Written into the demo shop page; null leaves the shopper to enter one. */
  storefrontKey: string | null;
}

/** `web/` next to `src/` (and next to `dist/` once built). */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));


const CONFIG_MARKER = '<!-- restock:config -->';

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function registerWeb(app: FastifyInstance, opts: WebOptions): Promise<void> {
  // The assembly checks that this is a storefront key (access/policy.ts mayPublish) before it gets here.
  const key = opts.storefrontKey;

  await app.register(fastifyStatic, {
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
      if (path.includes('/widget/')) {
        // Shops load the widget from their own origin as a module script, which is a CORS request.
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('cross-origin-resource-policy', 'cross-origin');
      }
    },
  });

  const page = async (reply: FastifyReply, file: string, config: string) => {
    const html = await readFile(`${WEB_ROOT}${file}`, 'utf8');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(html.replace(CONFIG_MARKER, config));
  };

  app.get('/', { schema: { hide: true } }, async (_req, reply) =>
    page(reply, 'shop/index.html', key ? `<meta name="restock-key" content="${escapeAttribute(key)}">` : ''),
  );
  app.get('/dashboard', { schema: { hide: true } }, async (_req, reply) => page(reply, 'dashboard/index.html', ''));
  app.get('/dashboard/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/dashboard'));
}
