/**
 * Messaging: customer messages (recorded in the transaction of their cause, sent afterwards), the reactors that
 * follow the outbox with their cursors and parked events, and messaging's own events.
 */
import { Type, type Static } from '@sinclair/typebox';
import { eventTypeList } from '../core/events.ts';
import { OrNull } from '../core/schema.ts';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface Message {
  id: string;
  type: string;
  to: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  status: MessageStatus;
  sku: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const messageId = (n: number) => `msg_${n}`;
export function parseMessageId(id: string): number | null {
  const m = /^msg_(\d{1,15})$/.exec(id);
  return m ? Number(m[1]) : null;
}

/** A message claimed for sending: what SMTP needs. */
export interface ClaimedMessage {
  id: number;
  type: string;
  sku: string | null;
  to_addr: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  list_unsubscribe: string | null;
  attachments: string | null;
}

// ---- staff alerts

/** Who on the shop's staff is emailed when a SKU runs low or out, and for which of the two. */
export interface AlertSettings {
  recipients: string[];
  lowStock: boolean;
  outOfStock: boolean;
}

export const MAX_ALERT_RECIPIENTS = 20;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { recipients: [], lowStock: true, outOfStock: true };

// ---- reactors

export const PARKED_STATUSES = ['parked', 'retried', 'discarded'] as const;
/** `parked`: the reactor gave up on the event and moved on; `retried`: an operator re-ran it and it succeeded; `discarded`: an operator dropped it. */
export type ParkedStatus = (typeof PARKED_STATUSES)[number];

/** An event a reactor failed on `attempts` times, set aside with its last error for an operator. */
export interface ParkedEvent {
  id: number;
  consumer: string;
  eventId: number;
  eventType: string;
  attempts: number;
  error: string;
  status: ParkedStatus;
  parkedAt: string;
  resolvedAt: string | null;
}

/** A reactor as an operator sees it. */
export interface ReactorState {
  name: string;
  /** Id of the last event it has handled (or parked). */
  cursor: number;
  /** Events in the outbox it has not handled yet. */
  behind: number;
  parked: number;
  /** The event it is retrying now in this process, if any. */
  failing: { eventId: number; attempts: number; lastError: string; retryAt: string } | null;
}

// ---- events messaging writes to the outbox (declared into core's EventMap)

/** The payload schema of every messaging event type; the payload types below are derived from it. */
export const MESSAGE_EVENT_SCHEMAS = {
  'message.failed': Type.Object(
    {
      id: Type.String({ description: 'The message (msg_…)' }),
      type: Type.String({ description: 'The message type, e.g. back_in_stock' }),
      to: Type.String(),
      sku: OrNull(Type.String()),
      attempts: Type.Integer(),
      error: Type.String({ description: 'The last error' }),
    },
    { additionalProperties: false, description: 'A message gave up after its last attempt; it will not be sent.' },
  ),
};

export type MessageEvents = { [K in keyof typeof MESSAGE_EVENT_SCHEMAS]: Static<(typeof MESSAGE_EVENT_SCHEMAS)[K]> };

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends MessageEvents {}
}

export const MESSAGE_EVENT_TYPES = eventTypeList<MessageEvents>(MESSAGE_EVENT_SCHEMAS);
