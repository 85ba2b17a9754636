import { pino, type Logger } from 'pino';

/** Structured logs, one line per event. Keys and tokens are redacted wherever they could appear. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'authorization',
        'apiKey',
        'key',
        'secret',
        'token',
        'password',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
