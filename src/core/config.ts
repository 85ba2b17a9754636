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
  };
}
