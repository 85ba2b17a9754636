/**
 * Keeps secrets out of logs: request URLs are written with signed tokens and key-like query values replaced,
 * whatever their encoding (`%6Bey=`, `KEY=`, `api%5Fkey=` all name a key).
 */

const SECRET_PARAM = /^(?:key|api[-_]?key|apikey|access[-_]?token|token|ticket|secret|password|passwd|pwd|signature|sig|code|auth|authorization|session)$/;
/** A signed link token (`base64url.body` + `.` + HMAC) or an API key as they appear in paths. */
const SECRET_SEGMENT = /^(?:[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{32,}|rk_[a-z]{2}_[A-Za-z0-9_-]{16,})$/;
export const REDACTED = '[redacted]';

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    // A malformed escape cannot be decoded: judge the raw text, which is what a lenient parser would see.
    return s;
  }
}

/** The URL (path and query, as in a request line) with every secret replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? null : url.slice(q + 1);
  const safePath = path
    .split('/')
    .map((seg) => (SECRET_SEGMENT.test(decode(seg)) ? REDACTED : seg))
    .join('/');
  if (query === null) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      if (SECRET_PARAM.test(name) || SECRET_SEGMENT.test(decode(value))) return `${eq < 0 ? pair : pair.slice(0, eq)}=${REDACTED}`;
      return pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** Whether a query-string parameter name (decoded, any case) names a credential. */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(decode(name).trim().toLowerCase());
}

/** Query parameters that carry an API key, by any of the names clients use (decoded, any case). */
const KEY_PARAM = /^(?:key|api[-_]?key|apikey|access[-_]?token|authorization|bearer)$/;

/** Whether a query-string parameter name (decoded, any case, `%6Bey` too) names an API key. */
export function isKeyParam(name: string): boolean {
  return KEY_PARAM.test(decode(name).trim().toLowerCase());
}

/** The names of the query string's parameters that carry an API key, as written in the URL. */
export function keyParamsIn(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  return url
    .slice(q + 1)
    .split('&')
    .map((pair) => (pair.indexOf('=') < 0 ? pair : pair.slice(0, pair.indexOf('='))))
    .filter((name) => name !== '' && isKeyParam(name));
}

/** Free text (an error message, a stack) with every URL-like part in it redacted as `redactUrl` does. */
export function redactText(text: string): string {
  return text.replace(/(?:https?:\/\/[^\s/"'<>]+)?\/[^\s"'<>]*/g, (m) => {
    const scheme = /^https?:\/\/[^\s/"'<>]+/.exec(m);
    return scheme ? scheme[0] + redactUrl(m.slice(scheme[0].length)) : redactUrl(m);
  });
}
