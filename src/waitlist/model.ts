/** Waitlists: "notify me" subscriptions per contact and SKU, released in step with stock, and demand signals. */
import { eventTypeList } from '../core/events.ts';

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
  /** When the last confirmation email was recorded (pending subscriptions); internal, not in the API. */
  confirmSentAt: string | null;
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

// ---- events the waitlist writes to the outbox (declared into core's EventMap)

export interface WaitlistEvents {
  'waitlist.subscribed': { id: string; sku: string; email: string; quantity: number; status: SubscriptionStatus };
  'waitlist.confirmed': { id: string; sku: string; email: string };
  /** Told it is back; `held` when units were reserved for them until `holdExpiresAt`. */
  'waitlist.notified': { id: string; sku: string; email: string; quantity: number; held: boolean; holdExpiresAt: string | null };
  'waitlist.unsubscribed': { id: string; sku: string; email: string };
  /** A notified contact ordered the SKU within the conversion window. */
  'waitlist.converted': { id: string; sku: string; email: string; orderId: string };
}

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends WaitlistEvents {}
}

export const WAITLIST_EVENT_TYPES = eventTypeList<WaitlistEvents>({
  'waitlist.subscribed': true,
  'waitlist.confirmed': true,
  'waitlist.notified': true,
  'waitlist.unsubscribed': true,
  'waitlist.converted': true,
});
