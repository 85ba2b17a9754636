import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Fields never written to a log, wherever a caller puts them: credentials in request and reply headers
 * (Authorization, cookies) and fields named like secrets. `Idempotency-Key` is not a secret and stays.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
  'apiKey',
  'key',
  'secret',
  'token',
  'ticket',
  'password',
  '*.apiKey',
  '*.secret',
  '*.token',
  '*.ticket',
  '*.password',
];

/** Structured logs, one line per event. Keys and tokens are redacted wherever they could appear. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
