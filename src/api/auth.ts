/**
 * Bearer API keys with scopes, checked before anything else of a request is looked at. A route names the
 * scopes it admits in `config.scopes`; `admin` is admitted everywhere; routes without scopes are public.
 * EventSource cannot send headers, so the event stream also accepts `?key=` (redacted from logs).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, Unauthorized } from '../core/errors.ts';
import type { ApiKey, ApiKeys, Scope } from './keys.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    scopes?: Scope[];
    allowQueryKey?: boolean;
  }
  interface FastifyRequest {
    apiKey: ApiKey | null;
  }
}

export function installAuth(app: FastifyInstance, keys: ApiKeys): void {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const scopes = req.routeOptions.config.scopes;
    if (!scopes) return;
    let secret: string | undefined;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new Unauthorized('the Authorization header must be "Bearer KEY"');
      secret = m[1];
    } else if (req.routeOptions.config.allowQueryKey) {
      const q = req.query as { key?: unknown } | undefined;
      if (typeof q?.key === 'string') secret = q.key;
    }
    if (!secret) throw new Unauthorized();
    const key = await keys.verify(secret);
    if (!key) throw new Unauthorized('the API key is not valid or was revoked');
    if (key.scope !== 'admin' && !scopes.includes(key.scope)) {
      throw new Forbidden(`this endpoint needs a key with scope ${['admin', ...scopes].join(' or ')}; this key has scope ${key.scope}`);
    }
    req.apiKey = key;
  });
}
