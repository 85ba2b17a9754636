/** Configuration from the environment, parsed once at the edge. */
import { addressPolicyFromEnv, type AddressPolicy } from './net-guard.ts';

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  publicUrl: string;
  logLevel: string;
  /** Customer email; without it messages are kept and readable through the API. */
  smtp: { smtpUrl: string; from: string; connections: number; ratePerSecond: number; perRecipientPerDay: number; claimTimeoutMs: number } | null;
  /** Which addresses webhook endpoints may have: WEBHOOK_ALLOW_PRIVATE (1 or a CIDR list), WEBHOOK_ALLOW_HTTP=1. */
  webhookPolicy: AddressPolicy;
  /** REQUEST_TIMEOUT_MS: a request's time to arrive or stay silent, and the idempotency takeover window. */
  requestTimeoutMs: number;
  /** IDEMPOTENCY_TTL_HOURS (24), IDEMPOTENCY_MAX_RESPONSE_BYTES (65536). */
  idempotency: { ttlMs: number; maxResponseBytes: number };
  /** RETENTION_EVENTS_DAYS (30), RETENTION_MESSAGES_DAYS (90), RETENTION_DELIVERIES_DAYS (30). */
  retention: { eventsDays: number; messagesDays: number; deliveriesDays: number };
  rateLimits: RateLimitSettings;
  /** How long a waitlist confirmation link stays valid. */
  waitlistConfirmHours: number;
  /** Fastify `trustProxy`: behind a reverse proxy the client address comes from `X-Forwarded-For`. */
  trustProxy: boolean | string;
}

/** Requests per window for one limited kind of request: by API key and by client address (0 = no limit). */
export interface RateRule {
  perKey: number;
  perAddress: number;
}

/** Rate limits (http/rate-limit.ts). Generous defaults: they stop floods, not shops, tests or benchmarks. */
export interface RateLimitSettings {
  enabled: boolean;
  windowSeconds: number;
  reservations: RateRule;
  orders: RateRule;
  waitlist: RateRule;
  /** Signed-link redemptions (confirm, unsubscribe, held-for-you) per client address. */
  tokensPerAddress: number;
  /** 401s per client address before it gets 429 without its key being looked up. */
  authFailuresPerAddress: number;
  /** Exempt 127.0.0.0/8 and ::1 (off by default: behind a proxy without TRUST_PROXY every client is loopback). */
  exemptLoopback: boolean;
  /** Where counters live: this database (shared by every process on it), Redis, or this process's memory. */
  store: 'database' | 'redis' | 'memory';
  redisUrl: string | null;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  enabled: true,
  windowSeconds: 60,
  reservations: { perKey: 60_000, perAddress: 30_000 },
  orders: { perKey: 20_000, perAddress: 10_000 },
  waitlist: { perKey: 10_000, perAddress: 2_000 },
  tokensPerAddress: 1_000,
  authFailuresPerAddress: 1_000,
  exemptLoopback: false,
  store: 'database',
  redisUrl: null,
};

/** No limits at all (benchmarks; `RATE_LIMIT=off`). */
export const RATE_LIMITS_OFF: RateLimitSettings = { ...DEFAULT_RATE_LIMITS, enabled: false };

function countEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (0 = no limit), got '${raw}'`);
  return n;
}

function flagEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got '${env[name]}'`);
}

export function loadRateLimits(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  const d = DEFAULT_RATE_LIMITS;
  const rule = (name: string, r: RateRule): RateRule => ({ perKey: countEnv(env, `RATE_LIMIT_${name}_PER_KEY`, r.perKey), perAddress: countEnv(env, `RATE_LIMIT_${name}_PER_ADDRESS`, r.perAddress) });
  const redisUrl = env.REDIS_URL || null;
  const store = env.RATE_LIMIT_STORE || (redisUrl ? 'redis' : 'database');
  if (store !== 'database' && store !== 'redis' && store !== 'memory') throw new Error(`RATE_LIMIT_STORE must be database, redis or memory, got '${store}'`);
  if (store === 'redis' && !redisUrl) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL');
  return {
    enabled: flagEnv(env, 'RATE_LIMIT', d.enabled),
    windowSeconds: intEnv(env, 'RATE_LIMIT_WINDOW_SECONDS', d.windowSeconds),
    reservations: rule('RESERVATIONS', d.reservations),
    orders: rule('ORDERS', d.orders),
    waitlist: rule('WAITLIST', d.waitlist),
    tokensPerAddress: countEnv(env, 'RATE_LIMIT_TOKENS_PER_ADDRESS', d.tokensPerAddress),
    authFailuresPerAddress: countEnv(env, 'RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS', d.authFailuresPerAddress),
    exemptLoopback: flagEnv(env, 'RATE_LIMIT_EXEMPT_LOOPBACK', d.exemptLoopback),
    store,
    redisUrl,
  };
}

function trustProxyEnv(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || /^(0|false|off|no)$/i.test(raw)) return false;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  return raw; // the proxies' addresses or CIDRs, comma-separated
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
}

/** The live event stream pings every 15 s, so a silent connection may not be closed sooner than that. */
const MIN_REQUEST_TIMEOUT_MS = 20_000;

function requestTimeout(env: NodeJS.ProcessEnv): number {
  const ms = intEnv(env, 'REQUEST_TIMEOUT_MS', 30_000);
  if (!Number.isInteger(ms) || ms < MIN_REQUEST_TIMEOUT_MS) throw new Error(`REQUEST_TIMEOUT_MS must be a whole number of at least ${MIN_REQUEST_TIMEOUT_MS} (the live stream pings every 15 s), got '${env.REQUEST_TIMEOUT_MS}'`);
  return ms;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const host = env.HOST ?? '0.0.0.0';
  return {
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/restock.db',
    port,
    host,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    smtp: env.SMTP_URL
      ? {
          smtpUrl: env.SMTP_URL,
          from: env.MAIL_FROM ?? 'Restock <no-reply@restock.local>',
          connections: intEnv(env, 'SMTP_CONNECTIONS', 4),
          ratePerSecond: intEnv(env, 'SMTP_RATE', 200),
          perRecipientPerDay: intEnv(env, 'SMTP_PER_RECIPIENT_PER_DAY', 20),
          claimTimeoutMs: intEnv(env, 'MESSAGE_CLAIM_TIMEOUT_MS', 60_000),
        }
      : null,
    webhookPolicy: addressPolicyFromEnv(env),
    requestTimeoutMs: requestTimeout(env),
    idempotency: { ttlMs: intEnv(env, 'IDEMPOTENCY_TTL_HOURS', 24) * 3_600_000, maxResponseBytes: intEnv(env, 'IDEMPOTENCY_MAX_RESPONSE_BYTES', 64 * 1024) },
    retention: {
      eventsDays: intEnv(env, 'RETENTION_EVENTS_DAYS', 30),
      messagesDays: intEnv(env, 'RETENTION_MESSAGES_DAYS', 90),
      deliveriesDays: intEnv(env, 'RETENTION_DELIVERIES_DAYS', 30),
    },
    rateLimits: loadRateLimits(env),
    waitlistConfirmHours: intEnv(env, 'WAITLIST_CONFIRM_HOURS', 168),
    trustProxy: trustProxyEnv(env.TRUST_PROXY),
  };
}
