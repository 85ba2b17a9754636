/**
 * Bearer API keys with scopes, checked before anything else of a request is looked at. A route names the
 * scopes it admits in `config.scopes`; `admin` is admitted everywhere; routes without scopes are public.
 *
 * Keys never travel in a URL, where logs, proxies and browser histories keep them: a key-like query parameter
 * (`key`, `api_key`…, in any case or percent-encoding) is refused on every route. EventSource cannot send
 * headers, so a route with `config.streamTicket` (the event stream) also takes `?ticket=`: a short-lived signed
 * ticket made by `StreamTickets` for a key that presented itself in the header, naming the key and its scope.
 *
 * The kit knows keys only as a verifier handing back a principal (id and scope): what keys are, how they are
 * stored and which scopes exist belong to the access module, which the app assembly plugs in here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Clock } from '../core/clock.ts';
import { Forbidden, RestockError, Unauthorized } from '../core/errors.ts';
import { keyParamsIn } from '../core/redact.ts';
import type { TokenSigner } from '../core/tokens.ts';

/** Who a request acts as: the key's id (idempotency keys and feed sources are per principal) and its scope. */
export interface Principal {
  id: string;
  scope: string;
  /** A publishable key is public by design: routes hold it to the publishable limits and redacted views. */
  publishable: boolean;
  /** A supplier key's supplier: the routes show it only that supplier's purchase orders. */
  supplierId?: string | null;
}

/**
 * The verifier may answer at once (a cached answer) or later (a lookup): the hook below takes a plain value
 * without a promise, so a request whose key is cached is authenticated without waiting a turn.
 */
export interface KeyVerifier {
  /** The principal of a presented secret, or null when it is unknown or revoked. */
  verify(secret: string): Principal | null | Promise<Principal | null>;
  /** The principal of a key by its id, or null when it is unknown or revoked (a ticket names its key by id). */
  verifyId(id: string): Principal | null | Promise<Principal | null>;
}

/** The scope every route admits. */
export const ADMIN_SCOPE = 'admin';

/** How long a stream ticket opens the stream: enough to connect, too short to be worth stealing from a log. */
export const STREAM_TICKET_SECONDS = 60;
const TICKET_PURPOSE = 'stream';

/** Signed, short-lived tickets that open the event stream for one key (with the link signer's secret). */
export class StreamTickets {
  constructor(
    private readonly signer: TokenSigner,
    private readonly clock: Clock,
    readonly lifetimeSeconds = STREAM_TICKET_SECONDS,
  ) {}

  issue(key: Principal): { ticket: string; expiresAt: string } {
    const e = Math.floor(this.clock.now().getTime() / 1000) + this.lifetimeSeconds;
    return { ticket: this.signer.sign({ p: TICKET_PURPOSE, s: key.id, c: key.scope, e }), expiresAt: new Date(e * 1000).toISOString() };
  }

  /** The key a ticket names, if the ticket is genuine, unexpired and its key still valid with the same scope. */
  async verify(ticket: string, keys: KeyVerifier): Promise<Principal> {
    let claims;
    try {
      claims = this.signer.verify(ticket, TICKET_PURPOSE, this.clock.now());
    } catch (err) {
      if (err instanceof RestockError && err.code === 'expired_token') {
        const expiredAt = (err.details as { expiredAt: string }).expiredAt;
        throw new RestockError('expired_ticket', `the stream ticket expired at ${expiredAt}; get a new one with POST /v1/events/tickets and reconnect`, { expiredAt });
      }
      throw new RestockError('invalid_ticket', 'the stream ticket is not valid (altered, incomplete or not a ticket); get one with POST /v1/events/tickets', null);
    }
    if (claims.e === undefined) throw new RestockError('invalid_ticket', 'the stream ticket has no expiry', null);
    const key = await keys.verifyId(claims.s);
    if (!key || key.scope !== claims.c) throw new RestockError('invalid_ticket', 'the key this stream ticket was made for is revoked or no longer valid', null);
    return key;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scopes admitted besides `admin`; the assembly checks at start-up that each one exists. */
    scopes?: string[];
    /** Also admit a stream ticket in `?ticket=` instead of the Authorization header (EventSource). */
    streamTicket?: boolean;
  }
  interface FastifyRequest {
    apiKey: Principal | null;
  }
}

/** A refused `?key=`, saying where the key belongs instead. */
function keyInQuery(names: string[], streamTicket: boolean): RestockError<'api_key_in_query'> {
  const instead = streamTicket
    ? 'The event stream takes a ticket instead: POST /v1/events/tickets with Authorization: Bearer KEY, then GET /v1/events?ticket=….'
    : 'Send it in the Authorization header (Authorization: Bearer KEY).';
  return new RestockError(
    'api_key_in_query',
    `API keys are not accepted in the query string (${names.join(', ')}): URLs end up in logs and browser histories. ${instead} A key sent in a URL may have leaked: consider revoking it.`,
    { parameters: names },
  );
}

/** Failed authentications per client address (http/rate-limit.ts): refused before any key is looked up. */
export interface AuthFailureLimit {
  check(req: FastifyRequest): void;
  failed(req: FastifyRequest): Promise<void>;
}

export function installAuth(app: FastifyInstance, keys: KeyVerifier, tickets: StreamTickets | null = null, failures: AuthFailureLimit | null = null): void {
  app.decorateRequest('apiKey', null);
  // A callback hook rather than an async one: every request passes here, and with a cached key nothing in it
  // needs to wait, so it answers in the same turn (no promise made per request).
  app.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const refused = (err: unknown): void => {
      // A 401 counts against the address; one too many is answered 429 instead.
      if (failures && err instanceof Unauthorized) failures.failed(req).then(() => done(err), (e: unknown) => done(e as Error));
      else done(err as Error);
    };
    let pending: void | Promise<void>;
    try {
      const config = req.routeOptions.config;
      const inQuery = keyParamsIn(req.url);
      if (inQuery.length > 0) throw keyInQuery(inQuery, config.streamTicket === true);
      const scopes = config.scopes;
      if (!scopes) return done();
      failures?.check(req);
      pending = authenticate(req, scopes, keys, tickets);
    } catch (err) {
      return refused(err);
    }
    if (pending === undefined) return done();
    pending.then(() => done(), refused);
  });
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Sets `req.apiKey` or throws; settles at once when the verifier answers at once. */
function authenticate(req: FastifyRequest, scopes: string[], keys: KeyVerifier, tickets: StreamTickets | null): void | Promise<void> {
  const header = req.headers.authorization;
  if (header) {
    const m = BEARER.exec(header);
    if (!m) throw new Unauthorized('the Authorization header must be "Bearer KEY"');
    const found = keys.verify(m[1] as string);
    if (found instanceof Promise) return found.then((key) => admit(req, scopes, key, true));
    return admit(req, scopes, found, true);
  }
  if (req.routeOptions.config.streamTicket && tickets) {
    const q = req.query as { ticket?: unknown } | undefined;
    const ticket = typeof q?.ticket === 'string' ? q.ticket : null;
    if (!ticket) throw new Unauthorized('the event stream needs Authorization: Bearer KEY or a ticket: POST /v1/events/tickets, then GET /v1/events?ticket=…');
    return tickets.verify(ticket, keys).then((key) => admit(req, scopes, key, false));
  }
  admit(req, scopes, null, false);
}

function admit(req: FastifyRequest, scopes: string[], key: Principal | null, presented: boolean): void {
  if (!key) throw presented ? new Unauthorized('the API key is not valid or was revoked') : new Unauthorized();
  if (key.scope !== ADMIN_SCOPE && !scopes.includes(key.scope)) {
    throw new Forbidden(`this endpoint needs a key with scope ${[ADMIN_SCOPE, ...scopes].join(' or ')}; this key has scope ${key.scope}`);
  }
  req.apiKey = key;
}
