/**
 * Security headers, set in one place for every answer: `X-Content-Type-Options: nosniff` on all of them, and on
 * every HTML page (the demo shop, the dashboard, the pages behind email links, `/docs`, error pages) a
 * Content-Security-Policy that forbids framing (`frame-ancestors 'none'`), inline and remote scripts, plugins
 * and foreign form targets, plus `Referrer-Policy` so a signed link in a page's address never leaks to another
 * site. A page that needs a different policy (the API reference's inline bootstrap) sets its own header before
 * this hook runs; anything it leaves out is filled in.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Pages reached from emails carry signed tokens in their path: no referrer at all. */
export const PAGE_REFERRER_POLICY = 'no-referrer';

/**
 * Adapts the API reference page's own policy (from @fastify/swagger-ui, with hashes of its inline bootstrap):
 * no framing, no upgrade of http, nothing from other sites, and inline styles (not scripts) for its components.
 */
export function docsCsp(header: string): string {
  return header
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !d.startsWith('upgrade-insecure-requests') && !d.startsWith('frame-ancestors'))
    .map((d) => {
      if (d.startsWith('img-src')) return "img-src 'self' data:";
      if (d.startsWith('font-src')) return "font-src 'self' data:";
      // The reference's React components set style attributes as they render; styles only, never scripts.
      if (d.startsWith('style-src')) return `${d.replace(/\s+https:/g, '')} 'unsafe-inline'`;
      return d;
    })
    .concat("frame-ancestors 'none'", "form-action 'self'")
    .join('; ');
}

/**
 * The default page policy, admitting by hash exactly the `<style>` blocks the page itself carries (the small
 * pages behind email links are one self-contained document): no 'unsafe-inline', and a style injected into
 * the page by anything else is still refused.
 */
export function pageCspFor(html: string): string {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) hashes.push(`'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return hashes.length === 0 ? PAGE_CSP : PAGE_CSP.replace("style-src 'self'", `style-src 'self' ${[...new Set(hashes)].join(' ')}`);
}

export function installSecurityHeaders(app: FastifyInstance): void {
  // A callback hook: it runs on every answer and never waits for anything.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', typeof payload === 'string' ? pageCspFor(payload) : PAGE_CSP);
      if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', PAGE_REFERRER_POLICY);
      if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    }
    done(null, payload);
  });
}
