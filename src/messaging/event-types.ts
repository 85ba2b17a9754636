/** Every event type the outbox carries: what webhooks may subscribe to and the live stream may filter on. */
import { INVENTORY_EVENT_TYPES } from '../inventory/model.ts';
import { ORDER_EVENT_TYPES } from '../orders/model.ts';

export const WAITLIST_EVENT_TYPES = [
  'waitlist.subscribed',
  'waitlist.confirmed',
  'waitlist.notified',
  'waitlist.hold_released',
  'waitlist.unsubscribed',
  'waitlist.converted',
] as const;

export const MESSAGE_EVENT_TYPES = ['message.sent', 'message.failed'] as const;

export const EVENT_TYPES: readonly string[] = [...INVENTORY_EVENT_TYPES, ...ORDER_EVENT_TYPES, ...WAITLIST_EVENT_TYPES, ...MESSAGE_EVENT_TYPES];

/** `inventory.*` style patterns are accepted wherever event types are. */
export function isKnownEventPattern(p: string): boolean {
  if (p === '*') return true;
  if (p.endsWith('.*')) return EVENT_TYPES.some((t) => t.startsWith(p.slice(0, -1)));
  return EVENT_TYPES.includes(p);
}

export function matchesPattern(type: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}
