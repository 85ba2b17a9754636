/**
 * Bearer API keys with scopes, checked before anything else of a request is looked at. A route names the
 * scopes it admits in `config.scopes`; `admin` is admitted everywhere; routes without scopes are public.
 * EventSource cannot send headers, so the event stream also accepts `?key=` (redacted from logs).
 *
 * The kit knows keys only as a verifier handing back a principal (id and scope): what keys are, how they are
 * stored and which scopes exist belong to the access module, which the app assembly plugs in here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, Unauthorized } from '../core/errors.ts';

/** Who a request acts as: the key's id (idempotency keys and feed sources are per principal) and its scope. */
export interface Principal {
  id: string;
  scope: string;
}

export interface KeyVerifier {
  /** The principal of a presented secret, or null when it is unknown or revoked. */
  verify(secret: string): Promise<Principal | null>;
}

/** The scope every route admits. */
export const ADMIN_SCOPE = 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scopes admitted besides `admin`; the assembly checks at start-up that each one exists. */
    scopes?: string[];
    allowQueryKey?: boolean;
  }
  interface FastifyRequest {
    apiKey: Principal | null;
  }
}

export function installAuth(app: FastifyInstance, keys: KeyVerifier): void {
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
    if (key.scope !== ADMIN_SCOPE && !scopes.includes(key.scope)) {
      throw new Forbidden(`this endpoint needs a key with scope ${[ADMIN_SCOPE, ...scopes].join(' or ')}; this key has scope ${key.scope}`);
    }
    req.apiKey = key;
  });
}
