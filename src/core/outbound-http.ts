/**
 * One POST to a URL a user gave us (webhook deliveries), through the address guard: the URL is checked again
 * at send time, the socket connects only to an address the guard checked, redirects are never followed, the
 * whole exchange has a time limit, and only a short, sanitised snippet of the answer is kept.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkOutboundUrl, guardedLookup, systemResolver, type AddressPolicy, type Resolver } from './net-guard.ts';

export const SNIPPET_BYTES = 256;

export interface PostResult {
  /** HTTP status, or null when no answer came (refused, timed out, blocked). */
  status: number | null;
  /** Up to SNIPPET_BYTES of the answer, control characters removed; or the reason nothing came. */
  snippet: string;
  /** Why the request was not even attempted, when the guard refused it. */
  blocked?: string;
  /** Why no answer came, when none did: the time limit, the caller's abort, or a network error (with its code). */
  failure?: { kind: 'timeout' | 'aborted' | 'network'; code?: string };
}

/** Keeps printable text only, so a hostile endpoint cannot put control sequences into logs or the dashboard. */
export function sanitiseSnippet(text: string, max = SNIPPET_BYTES): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export async function postGuarded(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: { policy: AddressPolicy; timeoutMs: number; resolve?: Resolver; signal?: AbortSignal },
): Promise<PostResult> {
  const c = checkOutboundUrl(rawUrl, opts.policy);
  if (!c.ok) return { status: null, snippet: '', blocked: c.reason };
  if (opts.signal?.aborted) return { status: null, snippet: 'aborted', failure: { kind: 'aborted' } };
  const url = c.url;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    let why: 'timeout' | 'aborted' | null = null;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        lookup: guardedLookup(opts.policy, opts.resolve ?? systemResolver),
        // One connection per delivery: a pooled socket would skip the lookup, and so the guard.
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (b: Buffer) => {
          if (size < SNIPPET_BYTES * 4) chunks.push(b);
          size += b.length;
          if (size > 64 * 1024) res.destroy();
        });
        const finish = () => done({ status: res.statusCode ?? null, snippet: sanitiseSnippet(Buffer.concat(chunks).toString('utf8')) });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      why = 'timeout';
      req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    const onAbort = () => {
      why ??= 'aborted';
      req.destroy(new Error('aborted'));
    };
    opts.signal?.addEventListener('abort', onAbort);
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRBLOCKED') done({ status: null, snippet: '', blocked: err.message });
      else if (why) done({ status: null, snippet: sanitiseSnippet(err.message), failure: { kind: why } });
      else done({ status: null, snippet: sanitiseSnippet(err.message), failure: { kind: 'network', ...(err.code ? { code: err.code } : {}) } });
    });
    req.end(body);
  });
}
