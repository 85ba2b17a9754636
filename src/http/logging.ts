/**
 * The request log: what Fastify writes for every request ("incoming request", "request completed", errors) goes
 * through these serializers, so a URL is always written with signed tokens and key-like query values redacted
 * (whatever their encoding), headers are never written, and error messages and stacks are scrubbed the same way.
 */
import { pino } from 'pino';
import { LOG_REDACT_PATHS } from '../core/log.ts';
import { redactText, redactUrl } from '../core/redact.ts';

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Whether redactUrl could change this URL: a secret is a query value, a signed token (it has a '.') or an API
 * key (it starts `rk_`), and anything percent- or plus-encoded may decode into one. A plain path such as
 * `/v1/availability/SKU-1` is none of these and is written as it is, without splitting it per request.
 */
const MAY_HOLD_SECRET = /[?.%+]|rk_/;

export const requestLogSerializers = {
  req: (req: LoggedRequest) => ({ method: req.method, url: MAY_HOLD_SECRET.test(req.url) ? redactUrl(req.url) : req.url, host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  err: (err: Error) => {
    const out = pino.stdSerializers.err(err);
    out.message = redactText(out.message);
    if (out.stack) out.stack = redactText(out.stack);
    return out;
  },
};

/**
 * Fastify's `logger` option with our serializers and redaction over whatever the caller gave (`true`, or pino
 * options such as `{ level, stream }`); false stays false.
 */
export function requestLoggerOptions(given: boolean | Record<string, unknown> | undefined): false | Record<string, unknown> {
  if (!given) return false;
  const base = given === true ? {} : given;
  const theirs = base.redact;
  const paths = Array.isArray(theirs) ? (theirs as string[]) : ((theirs as { paths?: string[] } | undefined)?.paths ?? []);
  return {
    ...base,
    serializers: { ...(base.serializers as object | undefined), ...requestLogSerializers },
    redact: { paths: [...new Set([...LOG_REDACT_PATHS, ...paths])], censor: '[redacted]' },
  };
}
