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
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
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
  };
}
