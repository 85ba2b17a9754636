/** Webhook endpoints a shop registers, and the deliveries of events to them. */

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
/** `pending`: waiting for its next attempt (or in flight); `delivered`: a 2xx came back; `dead`: the schedule ran out. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Webhook {
  id: string;
  url: string;
  /** Event types or `prefix.*` patterns (`*` for all). */
  events: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
}

/** What creation returns: the signing secret is shown this once. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}

export interface NewWebhook {
  url: string;
  events: string[];
  description?: string | undefined;
}

export interface WebhookPatch {
  url?: string | undefined;
  events?: string[] | undefined;
  active?: boolean | undefined;
  description?: string | null | undefined;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: number;
  eventType: string;
  /** The `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** When the next attempt is due (null once delivered or dead). */
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A delivery the dispatcher has claimed for one attempt. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  eventId: number;
  eventType: string;
  url: string;
  secret: string;
  body: string;
  /** 1 for the first attempt; also the fencing token for recording the outcome. */
  attempt: number;
}

export type AttemptOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string };

/** A number in [0, 1): jitter comes from here so tests can fix it. */
export type UnitRandom = () => number;
