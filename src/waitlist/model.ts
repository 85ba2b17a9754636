/** Waitlists: "notify me" subscriptions per contact and SKU, released in step with stock, and demand signals. */
import { Type, type Static } from '@sinclair/typebox';
import { eventTypeList } from '../core/events.ts';
import { OrNull, StringEnum } from '../core/schema.ts';

/** pending: awaiting double opt-in; waiting: on the list; notified: told it is back; unsubscribed. */
export const SUBSCRIPTION_STATUSES = ['pending', 'waiting', 'notified', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

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

const base = { id: Type.String({ description: 'The subscription' }), sku: Type.String(), email: Type.String() };

/** The payload schema of every waitlist event type; the payload types below are derived from it. */
export const WAITLIST_EVENT_SCHEMAS = {
  'waitlist.subscribed': Type.Object(
    { ...base, quantity: Type.Integer(), status: StringEnum(SUBSCRIPTION_STATUSES) },
    { additionalProperties: false, description: 'Someone asked to be told when the SKU is back (status pending until they confirm, with double opt-in).' },
  ),
  'waitlist.confirmed': Type.Object(base, { additionalProperties: false, description: 'A pending subscription was confirmed (double opt-in).' }),
  'waitlist.notified': Type.Object(
    { ...base, quantity: Type.Integer(), held: Type.Boolean({ description: 'Units were reserved for them until holdExpiresAt' }), holdExpiresAt: OrNull(Type.String({ format: 'date-time' })) },
    { additionalProperties: false, description: 'Told it is back; `held` when units were reserved for them until `holdExpiresAt`.' },
  ),
  'waitlist.unsubscribed': Type.Object(base, { additionalProperties: false, description: 'The contact left the list.' }),
  'waitlist.converted': Type.Object({ ...base, orderId: Type.String() }, { additionalProperties: false, description: 'A notified contact ordered the SKU within the conversion window.' }),
};

export type WaitlistEvents = { [K in keyof typeof WAITLIST_EVENT_SCHEMAS]: Static<(typeof WAITLIST_EVENT_SCHEMAS)[K]> };

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends WaitlistEvents {}
}

export const WAITLIST_EVENT_TYPES = eventTypeList<WaitlistEvents>(WAITLIST_EVENT_SCHEMAS);
