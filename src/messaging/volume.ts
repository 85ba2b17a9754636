/**
 * Volumes per UTC day for charts (messages, webhook deliveries): the store counts rows per day and status with
 * one GROUP BY; this fills in every day of the window, zeros included, so a chart's axis has no holes.
 */

/** The window's days, oldest first: `days` UTC dates ending today. */
export function utcDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(new Date(today - i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** The ISO timestamp the window starts at (midnight UTC of its first day). */
export const windowStart = (now: Date, days: number): string => `${utcDays(now, days)[0] ?? now.toISOString().slice(0, 10)}T00:00:00.000Z`;

/** Counted rows (day, status, n) as one row per day of the window, statuses folded into `buckets` by `bucketOf`. */
export function perDay<B extends string>(
  dates: readonly string[],
  counted: ReadonlyArray<{ day: string; status: string; n: number }>,
  buckets: readonly B[],
  bucketOf: (status: string) => B | null,
): Array<{ date: string } & Record<B, number>> {
  const counts = new Map(dates.map((d) => [d, new Map<B, number>(buckets.map((b) => [b, 0]))]));
  for (const c of counted) {
    const row = counts.get(c.day);
    const b = bucketOf(c.status);
    if (row && b) row.set(b, (row.get(b) ?? 0) + c.n);
  }
  return dates.map((date) => ({ date, ...(Object.fromEntries(counts.get(date) ?? []) as Record<B, number>) }));
}

/** The longest window the volume routes answer: messages are kept 90 days by default, a year at most is asked. */
export const MAX_VOLUME_DAYS = 366;
