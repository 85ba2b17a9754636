/**
 * Feed line rules and the quantities stock may reach. A feed line (HTTP `POST /v1/inventory/feed`, a row of
 * `restock import stock`) states either an absolute count (`onHand`) or a change (`delta`), never both, within
 * the bounds below. The HTTP schema is built from these bounds, the service checks every line with
 * `feedLineProblem` whoever calls it, and the CSV import parses to the same bounds.
 */
import type { FeedLine } from './model.ts';

/**
 * The most units on hand of one SKU at one location, whether counted in a feed or reached by receipts. One bound
 * for both: a count may state any level stock may reach, and stock never reaches a level a count could not state.
 * Sums over thousands of locations stay far inside safe integers.
 */
export const MAX_ON_HAND = 1_000_000_000;
/** The largest change one feed line (or manual adjustment) may make, either way. */
export const MAX_FEED_DELTA = 1_000_000;
/** Lines in one feed request; a bigger feed is sent in several. */
export const MAX_FEED_LINES = 5000;
export const MAX_FEED_KEY_LENGTH = 200;
export const MAX_FEED_REASON_LENGTH = 200;

/** How a caller names the two quantity fields in its messages (the API's onHand/delta, the CSV's on_hand/delta). */
export interface FeedFieldNames {
  onHand: string;
  delta: string;
}
export const API_FEED_FIELDS: FeedFieldNames = { onHand: 'onHand', delta: 'delta' };

/** A line as received, before it is known to be valid. */
export interface RawFeedLine {
  sku: string;
  location: string;
  idempotencyKey: string;
  onHand?: number | undefined;
  delta?: number | undefined;
  reason?: string | undefined;
}

/** A line states an absolute count or a change, exactly one of the two: a count with a delta is ambiguous. */
export function exactlyOneProblem(hasOnHand: boolean, hasDelta: boolean, names: FeedFieldNames = API_FEED_FIELDS): string | null {
  if (hasOnHand && hasDelta) return `both ${names.onHand} and ${names.delta} are given: give one (${names.onHand} is an absolute count, ${names.delta} a change)`;
  if (!hasOnHand && !hasDelta) return `neither ${names.onHand} nor ${names.delta} is given`;
  return null;
}

/** Why a line breaks the rules, or null. References (does the SKU or location exist) are the service's to check. */
export function feedLineProblem(l: RawFeedLine, names: FeedFieldNames = API_FEED_FIELDS): string | null {
  const shape = exactlyOneProblem(l.onHand !== undefined, l.delta !== undefined, names);
  if (shape !== null) return shape;
  if (l.onHand !== undefined && !inRange(l.onHand, 0, MAX_ON_HAND)) return `${names.onHand} must be a whole number from 0 to ${MAX_ON_HAND}`;
  if (l.delta !== undefined && !inRange(l.delta, -MAX_FEED_DELTA, MAX_FEED_DELTA)) return `${names.delta} must be a whole number from ${-MAX_FEED_DELTA} to ${MAX_FEED_DELTA}`;
  if (l.idempotencyKey.length === 0 || l.idempotencyKey.length > MAX_FEED_KEY_LENGTH) return `idempotencyKey must be 1 to ${MAX_FEED_KEY_LENGTH} characters`;
  if (l.reason !== undefined && l.reason.length > MAX_FEED_REASON_LENGTH) return `reason is longer than ${MAX_FEED_REASON_LENGTH} characters`;
  return null;
}

/** The typed line, or why not. */
export function toFeedLine(l: RawFeedLine, names: FeedFieldNames = API_FEED_FIELDS): { line: FeedLine } | { problem: string } {
  const problem = feedLineProblem(l, names);
  if (problem !== null) return { problem };
  const base = { sku: l.sku, location: l.location, idempotencyKey: l.idempotencyKey, ...(l.reason !== undefined ? { reason: l.reason } : {}) };
  if (l.onHand !== undefined) return { line: { ...base, onHand: l.onHand } };
  return { line: { ...base, delta: l.delta ?? 0 } };
}

function inRange(n: number, min: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= min && n <= max;
}
