/**
 * The registry of every event type the outbox carries: what webhooks may subscribe to and the live stream may
 * filter on. Messaging knows no producer: the app assembly builds the registry from the list each module
 * exports beside its event declarations.
 */
import { isKnownPattern, type EventType } from '../core/events.ts';

export class EventTypeRegistry {
  readonly types: readonly EventType[];

  constructor(types: readonly EventType[]) {
    this.types = [...new Set(types)];
  }

  /** `*`, `prefix.*` or an exact type, matching at least one known type. */
  isKnownPattern(p: string): boolean {
    return isKnownPattern(p, this.types);
  }

  /** Patterns that are not well formed or match no known type. */
  unknownPatterns(patterns: readonly string[]): string[] {
    return patterns.filter((p) => !this.isKnownPattern(p));
  }
}
