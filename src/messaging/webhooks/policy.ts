/**
 * Pure webhook decisions: the retry schedule with jitter, Standard Webhooks signing, the request body, and the
 * checks on what a shop may register. No I/O here.
 */
import { createHmac } from 'node:crypto';
import type { RandomSource } from '../../core/ids.ts';
import { isKnownPattern } from '../../core/events.ts';
import type { PostResult } from '../../core/outbound-http.ts';
import type { UnitRandom } from './model.ts';

/**
 * Standard Webhooks' schedule: the delay before attempt n+1 is `RETRY_SCHEDULE_MS[n]` — at once, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h: 8 attempts over 27 h 35 min (24 h 49 min even with every delay jittered -10%).
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
/** Delays vary by up to ±10%, so endpoints that failed together are not retried in lockstep. */
export const DEFAULT_JITTER = 0.1;

/** Delay before the next attempt after `attemptsMade` failed ones, or null when the schedule is spent. */
export function retryDelayMs(attemptsMade: number, random: UnitRandom, jitter = DEFAULT_JITTER): number | null {
  if (attemptsMade >= MAX_ATTEMPTS) return null;
  const base = RETRY_SCHEDULE_MS[Math.max(0, attemptsMade)] ?? 0;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base * (1 + jitter * (2 * r - 1)));
}

export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + base64 of 32 random bytes (the spec asks for 24 to 64). */
export function newSecret(random: RandomSource): string {
  return `${SECRET_PREFIX}${random(32).toString('base64')}`;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** `v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed with the secret's decoded bytes. */
export function sign(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The `webhook-id` of an event's deliveries: stable across retries and redeliveries. */
export function messageIdOf(eventId: number): string {
  return `evt_${eventId}`;
}

/** The Standard Webhooks payload shape: `{ type, timestamp, data }`. */
export function webhookBody(event: { type: string; createdAt: string; payload: object }): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt, data: event.payload });
}

export function deliveryHeaders(secret: string, messageId: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Restock-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': sign(secret, messageId, timestampSeconds, body),
  };
}

export const MAX_URL_LENGTH = 2048;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; details: { field: string; unknown?: string[]; reason?: string } };

/** An endpoint URL: absolute http(s) with a host, no credentials (the signature is what authenticates us). */
export function checkUrl(raw: string): Checked<string> {
  const url = raw.trim();
  const bad = (reason: string): Checked<string> => ({ ok: false, reason, details: { field: 'url', reason } });
  if (url.length === 0) return bad('url must not be empty');
  if (url.length > MAX_URL_LENGTH) return bad(`url must be at most ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return bad('url is not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return bad(`url must use http or https, not ${parsed.protocol.replace(/:$/, '')}`);
  if (!parsed.hostname) return bad('url must name a host');
  if (parsed.username || parsed.password) return bad('url must not contain credentials; verify deliveries by their signature');
  return { ok: true, value: parsed.href };
}

/** Event types or patterns (`*`, `prefix.*`, exact): at least one, each matching a type of `known`; repeats are dropped. */
export function checkEventPatterns(events: readonly string[], known: readonly string[]): Checked<string[]> {
  const unique = [...new Set(events.map((e) => e.trim()))];
  if (unique.length === 0) return { ok: false, reason: 'events must name at least one event type', details: { field: 'events' } };
  const unknown = unique.filter((e) => !isKnownPattern(e, known));
  if (unknown.length > 0) {
    return { ok: false, reason: `unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, details: { field: 'events', unknown } };
  }
  return { ok: true, value: unique };
}

export const MAX_ERROR_LENGTH = 500;

/** One line, bounded: error texts are stored and shown to operators. */
export function truncateError(text: string, max = MAX_ERROR_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Why a request did not get an answer, without the URL (it may carry tokens) or any header. */
export function describeNoAnswer(r: PostResult, timeoutMs: number): string {
  if (r.blocked) return truncateError(`blocked: ${r.blocked}`);
  switch (r.failure?.kind) {
    case 'timeout':
      return `timed out after ${timeoutMs} ms`;
    case 'aborted':
      return 'aborted: the dispatcher stopped mid-request';
    default:
      return truncateError(r.failure?.code ? `connection failed: ${r.failure.code}` : `request failed: ${r.snippet || 'no answer'}`);
  }
}

/**
 * A non-2xx answer: its status and the start of its (already sanitised) body, which usually says why. A 3xx
 * says that redirects are not followed: a redirect could lead anywhere, including past the address guard.
 */
export function describeStatus(status: number, bodyStart: string): string {
  const snippet = truncateError(bodyStart, 200);
  const head = status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
  return truncateError(snippet ? `${head}: ${snippet}` : head);
}
