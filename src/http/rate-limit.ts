/**
 * Rate limits, on @fastify/rate-limit: fixed windows counted in a store every process shares — this database
 * (table `rate_limits`, one atomic upsert per hit, the same SQL on SQLite and PostgreSQL) or Redis (the plugin's
 * own store) when configured — so limits hold however many processes serve the API.
 *
 * A route opts in with `config.limit` naming its kind ('reservations', 'orders', 'waitlist', 'tokens'); each
 * kind is counted per API key and per client address, each against its own maximum. Failed authentications are
 * counted per client address: past the maximum the request is answered 429 and the address is refused before
 * its key is even looked up for the rest of the window. Every refusal is a `rate_limited` error, answered by
 * the one error handler (http/errors.ts) with `Retry-After`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { RateLimited } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import type { RateLimitSettings, RateRule } from '../core/config.ts';
import type { Database } from '../db/database.ts';
import type { AuthFailureLimit } from './auth.ts';

/** The kinds of request a route may be limited as. */
export const LIMIT_KINDS = ['reservations', 'orders', 'waitlist', 'tokens'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Count this route's requests against a rate limit (per API key and per client address). */
    limit?: LimitKind;
  }
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often expired counters are deleted (at most, per process). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The plugin's `store` option: a class it constructs itself, so the database and clock are bound here. Each hit
 * is one upsert: a new key or an ended window starts at 1 with a new end; otherwise the count goes up by one.
 * Both dialects evaluate the `set` list against the row as it was, so the two cases cannot mix.
 */
export function databaseStore(db: Database, clock: Clock, logger?: Logger) {
  let lastSweep = 0;
  const sweep = (nowIso: string, nowMs: number) => {
    if (nowMs - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = nowMs;
    db.kysely
      .deleteFrom('rate_limits')
      .where('reset_at', '<=', nowIso)
      .execute()
      .catch((err: unknown) => logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate limit sweep failed'));
  };
  return class DatabaseRateLimitStore {
    incr(key: string, cb: IncrCallback, timeWindow: number): void {
      const now = clock.now();
      const nowIso = now.toISOString();
      const end = new Date(now.getTime() + timeWindow).toISOString();
      db.kysely
        .insertInto('rate_limits')
        .values({ key, hits: 1, reset_at: end })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            hits: eb.case().when('rate_limits.reset_at', '<=', nowIso).then(1).else(eb('rate_limits.hits', '+', 1)).end(),
            reset_at: eb.case().when('rate_limits.reset_at', '<=', nowIso).then(end).else(eb.ref('rate_limits.reset_at')).end(),
          })),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow()
        .then(
          (r) => {
            sweep(nowIso, now.getTime());
            cb(null, { current: Number(r.hits), ttl: Math.max(0, Date.parse(r.reset_at) - now.getTime()) });
          },
          (err: unknown) => {
            logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate limit store failed; request let through');
            cb(err instanceof Error ? err : new Error(String(err)));
          },
        );
    }

    child(): DatabaseRateLimitStore {
      // Keys name their limit already (kind, key or address): one table serves every limiter.
      return this;
    }
  };
}

type Check = (req: FastifyRequest) => Promise<void>;

export interface RateLimits {
  /** For installAuth: refuse an address over its failed-authentication limit, and count a failure. */
  authFailures: AuthFailureGuard | null;
  /** Limits routes with `config.limit` registered from now on (call after installAuth: it needs the key). */
  install(): void;
}

/**
 * `check` throws rate_limited when this process saw the address go over its limit in the current window;
 * `failed` counts a failed authentication and throws rate_limited when it is one too many.
 */
type AuthFailureGuard = AuthFailureLimit;

const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');

/** Registers the plugin with the configured store and builds the limiters; nothing is limited when disabled. */
export async function createRateLimits(app: FastifyInstance, settings: RateLimitSettings, deps: { db: Database; clock: Clock; logger?: Logger }): Promise<RateLimits> {
  if (!settings.enabled) return { authFailures: null, install: () => undefined };
  const windowMs = settings.windowSeconds * 1000;
  let redis: Redis | null = null;
  if (settings.store === 'redis') {
    if (!settings.redisUrl) throw new Error('rate limits: the redis store needs REDIS_URL');
    // Short time-outs, as the plugin advises: a slow Redis must not hold requests (a failure lets them through).
    redis = new Redis(settings.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on('error', (err: Error) => deps.logger?.warn({ err: err.message }, 'rate limit redis error'));
    const r = redis;
    app.addHook('onClose', async () => {
      await r.quit().catch(() => r.disconnect());
    });
  }
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    timeWindow: windowMs,
    ...(settings.store === 'database' ? { store: databaseStore(deps.db, deps.clock, deps.logger) } : {}),
    ...(redis ? { redis, nameSpace: 'restock-rl:' } : {}),
  });
  const address = (req: FastifyRequest) => rateLimit.normalizeIP(req.ip);
  const allowList = (req: FastifyRequest) => settings.exemptLoopback && isLoopback(req.ip);

  const limiter = (max: number, what: string, key: (req: FastifyRequest) => string | null): Check | null => {
    if (max <= 0) return null;
    const run = app.createRateLimit({ max, timeWindow: windowMs, allowList, keyGenerator: (req) => key(req) ?? '' });
    return async (req) => {
      if (key(req) === null) return;
      const r = await run(req);
      if (!r.isAllowed && r.isExceeded) throw new RateLimited(Math.max(1, r.ttlInSeconds), max, settings.windowSeconds, what);
    };
  };
  const rule = (kind: LimitKind, r: RateRule): Check[] =>
    [
      limiter(r.perKey, `${kind} requests for this API key`, (req) => (req.apiKey ? `${kind}:key:${req.apiKey.id}` : null)),
      limiter(r.perAddress, `${kind} requests from this address`, (req) => `${kind}:ip:${address(req)}`),
    ].filter((c): c is Check => c !== null);
  const rules: Record<LimitKind, Check[]> = {
    reservations: rule('reservations', settings.reservations),
    orders: rule('orders', settings.orders),
    waitlist: rule('waitlist', settings.waitlist),
    tokens: rule('tokens', { perKey: 0, perAddress: settings.tokensPerAddress }),
  };

  let authFailures: AuthFailureGuard | null = null;
  const maxFailures = settings.authFailuresPerAddress;
  if (maxFailures > 0) {
    const run = app.createRateLimit({ max: maxFailures, timeWindow: windowMs, allowList, keyGenerator: (req) => `auth-failures:ip:${address(req)}` });
    // Addresses over the limit, until their window ends: refused before their key is looked up. Counting needs
    // the shared store; this memory only saves the lookups (another process learns at the address's next failure).
    const blocked = new Map<string, number>();
    authFailures = {
      check(req) {
        if (blocked.size === 0) return;
        const ip = address(req);
        const until = blocked.get(ip);
        if (until === undefined) return;
        const left = until - deps.clock.now().getTime();
        if (left <= 0) {
          blocked.delete(ip);
          return;
        }
        throw new RateLimited(Math.ceil(left / 1000), maxFailures, settings.windowSeconds, 'failed authentications from this address');
      },
      async failed(req) {
        const r = await run(req);
        if (r.isAllowed || !r.isExceeded) return;
        if (blocked.size >= 10_000) {
          const now = deps.clock.now().getTime();
          for (const [ip, until] of blocked) if (until <= now) blocked.delete(ip);
          if (blocked.size >= 10_000) blocked.clear();
        }
        blocked.set(address(req), deps.clock.now().getTime() + r.ttl);
        throw new RateLimited(Math.max(1, r.ttlInSeconds), maxFailures, settings.windowSeconds, 'failed authentications from this address');
      },
    };
  }

  return {
    authFailures,
    install() {
      // Only routes with `config.limit` get the hook (added to the route as it is registered), so every other
      // request — availability reads among them — pays nothing here. Route hooks run after the app's own, so
      // the key is known by then.
      app.addHook('onRoute', (route) => {
        const kind = route.config?.limit;
        if (!kind) return;
        const checks = rules[kind];
        const limit = async (req: FastifyRequest): Promise<void> => {
          for (const check of checks) await check(req);
        };
        route.onRequest = [...[route.onRequest ?? []].flat(), limit];
      });
    },
  };
}
