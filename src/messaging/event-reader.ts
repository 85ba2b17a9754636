/**
 * Reads the outbox in order without ever passing an event that is still to come (the live hub and every outbox
 * consumer read through it).
 *
 * Ids come from a sequence, and on PostgreSQL a transaction that took id 41 can commit after the one that took
 * 42. Passing 42 first would make a reader that resumes "after 42" miss 41 for good, so only a gap-free prefix
 * is returned: at a gap the reader waits (a still-open transaction will fill it) and only skips the gap once it
 * has been open for `gapTimeoutMs` (the transaction rolled back). SQLite has a single writer and no such gaps.
 */
import type { QueryExecutorProvider } from 'kysely';
import { readEventsAfter, type StoredEvent } from '../core/events.ts';

export interface GapFreeRead {
  /** Events to pass, in id order, with no unexplained gap. */
  events: StoredEvent[];
  /** The id of the last of them (the cursor to keep), or the cursor read from when there are none. */
  cursor: number;
  /** A gap stopped the run: look again shortly. */
  waitingOnGap: boolean;
  /** The read filled its limit: there may be more right away. */
  full: boolean;
}

/** The gap-free prefix of `batch` (ids ascending) after `cursor`; `gapSince` is when the current gap was first seen. */
export function gapFreePrefix(
  batch: readonly StoredEvent[],
  cursor: number,
  gapSince: number | null,
  now: number,
  gapTimeoutMs: number,
): { events: StoredEvent[]; cursor: number; gapSince: number | null; waitingOnGap: boolean } {
  const events: StoredEvent[] = [];
  for (const e of batch) {
    if (e.id !== cursor + 1) {
      gapSince ??= now;
      if (now - gapSince < gapTimeoutMs) return { events, cursor, gapSince, waitingOnGap: true };
    }
    gapSince = null;
    events.push(e);
    cursor = e.id;
  }
  return { events, cursor, gapSince, waitingOnGap: false };
}

export class GapFreeReader {
  private gapSince: number | null = null;

  constructor(
    /** Whether ids can commit out of order (PostgreSQL). */
    private readonly gapsPossible: boolean,
    private readonly gapTimeoutMs = 5000,
  ) {}

  async read(q: QueryExecutorProvider, cursor: number, limit: number): Promise<GapFreeRead> {
    const batch = await readEventsAfter(q, cursor, limit);
    const full = batch.length === limit;
    if (!this.gapsPossible) return { events: batch, cursor: batch.at(-1)?.id ?? cursor, waitingOnGap: false, full };
    const r = gapFreePrefix(batch, cursor, this.gapSince, Date.now(), this.gapTimeoutMs);
    this.gapSince = r.gapSince;
    return { events: r.events, cursor: r.cursor, waitingOnGap: r.waitingOnGap, full };
  }
}
