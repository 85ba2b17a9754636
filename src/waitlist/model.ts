/** Waitlists: "notify me" subscriptions per contact and SKU, released in step with stock, and demand signals. */

/** pending: awaiting double opt-in; waiting: on the list; notified: told it is back; unsubscribed. */
export type SubscriptionStatus = 'pending' | 'waiting' | 'notified' | 'unsubscribed';

export interface Subscription {
  id: string;
  sku: string;
  email: string;
  phone: string | null;
  quantity: number;
  locale: string;
  status: SubscriptionStatus;
  seq: number;
  holdReservationId: string | null;
  holdExpiresAt: string | null;
  createdAt: string;
  confirmedAt: string | null;
  notifiedAt: string | null;
  convertedAt: string | null;
}

export interface WaitlistPolicy {
  /** Ask for confirmation by email before anyone is put on a list. */
  doubleOptIn: boolean;
  /** Notify at most k × available units' worth of contacts per batch. */
  k: number;
  /** Wait between batches before stock is checked again. */
  batchIntervalMinutes: number;
  /** Reserve each notified contact's quantity for this many hours (0 = no holds). */
  holdHours: number;
}

export const DEFAULT_WAITLIST_POLICY: WaitlistPolicy = { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 0 };

export interface WaitlistStats {
  sku: string;
  active: number;
  pending: number;
  unitsWanted: number;
  signupsPerDay: Array<{ date: string; count: number }>;
  notified: number;
  converted: number;
  conversionRate: number | null;
  medianWaitHours: number | null;
  unsubscribed: number;
}
