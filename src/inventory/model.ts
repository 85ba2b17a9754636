/** Inventory: locations, the stock ledger, levels per SKU × location, reservations and availability. */
import { Type, type Static } from '@sinclair/typebox';
import { eventTypeList } from '../core/events.ts';
import { OrNull, StringEnum } from '../core/schema.ts';

export const LOCATION_TYPES = ['warehouse', 'store', 'dropship'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export interface Location {
  code: string;
  name: string;
  type: LocationType;
  /** Lower number = drawn from first. */
  priority: number;
  region: string;
}

export const MOVEMENT_TYPES = [
  'receipt',
  'adjustment',
  'count',
  'reservation',
  'release',
  'commit',
  'shipment',
  'transfer',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** One append-only ledger row; the three deltas are what it does to the level buckets. */
export interface Movement {
  sku: string;
  location: string;
  type: MovementType;
  /** The movement's own quantity: units moved, or the counted value for a count. */
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  committedDelta: number;
  reason: string | null;
  reference: string | null;
}

export interface LedgerEntry extends Movement {
  id: number;
  createdAt: string;
}

/**
 * Stock of one SKU at one location. onHand is physical stock; reserved is held for carts; committed is sold and
 * waiting to ship (still physically on hand); safetyStock is kept back from sale.
 */
export interface Level {
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
  committed: number;
  safetyStock: number;
  inbound: number;
}

export const AVAILABILITY_STATUSES = [
  'in_stock',
  'low_stock',
  'out_of_stock',
  'backorder',
  'preorder',
  'discontinued',
] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

export interface LocationAvailability {
  location: string;
  region: string;
  availableToSell: number;
}

export interface Availability {
  sku: string;
  status: AvailabilityStatus;
  /** Units that can be sold from stock now; null when the SKU's stock is not tracked. */
  availableToSell: number | null;
  locations: LocationAvailability[];
  nextInboundDate: string | null;
  /** Date a backorder or pre-order placed now would be promised, when it can be placed. */
  promisedDate: string | null;
  message: string;
  /** Increases with every change of the SKU's stock; caches keep the highest. */
  version: number;
}

export type ReservationStatus = 'active' | 'committed' | 'released' | 'expired';

export interface Reservation {
  id: string;
  sku: string;
  quantity: number;
  status: ReservationStatus;
  reference: string | null;
  expiresAt: string;
  createdAt: string;
  lines: Array<{ location: string; quantity: number }>;
}

export interface ReserveRequest {
  sku: string;
  quantity: number;
  location?: string | undefined;
  ttlSeconds?: number | undefined;
  reference?: string | undefined;
  /**
   * A publishable key's request: who asked (key id and client address) and how many reservations of one SKU
   * that client may make in a window. Counted from the reservations table under the SKU's lock, so the limit
   * holds across processes.
   */
  client?: ReservationClient | undefined;
}

export interface ReservationClient {
  key: string;
  address: string;
  limit: number;
  windowSeconds: number;
}

/** What a publishable (storefront) key may reserve; set with the checkout settings (orders owns them). */
export interface PublishableReservationLimits {
  /** Largest quantity of one reservation. */
  maxQuantity: number;
  /** Longest hold. */
  maxTtlSeconds: number;
  /** Reservations of one SKU one client (key id + address) may make in a window, released ones included. */
  reservationsPerSku: { limit: number; windowSeconds: number };
}

export type ReserveResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number; limit: number; windowSeconds: number }
  | { ok: false; reason: 'insufficient_stock'; available: number }
  | { ok: false; reason: 'unknown_sku' | 'unknown_location' | 'not_sellable'; message: string };

export type FeedLine =
  | { sku: string; location: string; onHand: number; delta?: undefined; idempotencyKey: string; reason?: string }
  | { sku: string; location: string; delta: number; onHand?: undefined; idempotencyKey: string; reason?: string };

export interface FeedLineResult {
  idempotencyKey: string;
  sku: string;
  location: string;
  status: 'applied' | 'duplicate';
  onHand: number;
}

// ---- events inventory writes to the outbox (declared into core's EventMap)

const AvailabilityBeforeSchema = Type.Object({
  status: StringEnum(AVAILABILITY_STATUSES),
  availableToSell: OrNull(Type.Integer({ description: 'null when the SKU\'s stock is not tracked' })),
});

/** What a shopper saw before the change (null for a SKU's first availability). */
export type AvailabilityBefore = Static<typeof AvailabilityBeforeSchema>;

/** Every inventory event carries the SKU's availability before and after the change. */
export const AvailabilityChangedSchema = Type.Object(
  {
    sku: Type.String(),
    before: OrNull(AvailabilityBeforeSchema, 'What a shopper saw before the change; null for the SKU\'s first availability'),
    after: Type.Object({
      status: StringEnum(AVAILABILITY_STATUSES),
      availableToSell: OrNull(Type.Integer()),
      message: Type.String({ description: 'What a shopper is told, e.g. "Only 3 left in stock"' }),
      nextInboundDate: OrNull(Type.String({ description: 'YYYY-MM-DD' })),
      promisedDate: OrNull(Type.String({ description: 'YYYY-MM-DD: what a backorder or pre-order placed now is promised' })),
    }),
    version: Type.Integer({ description: 'Increases with every change of the SKU\'s stock: keep the highest' }),
  },
  { additionalProperties: false },
);
export type AvailabilityChangedPayload = Static<typeof AvailabilityChangedSchema>;

const withDescription = (description: string) => Type.Object(AvailabilityChangedSchema.properties, { additionalProperties: false, description });

/** The payload schema of every inventory event type; the payload types below are derived from it. */
export const INVENTORY_EVENT_SCHEMAS = {
  'inventory.availability_changed': withDescription('Anything a shopper sees changed: status or units available to sell.'),
  'inventory.low_stock': withDescription('The SKU became low on stock (status low_stock).'),
  'inventory.out_of_stock': withDescription('The SKU stopped selling from stock (nothing left to sell now).'),
  'inventory.back_in_stock': withDescription('The SKU sells from stock again.'),
};

export type InventoryEvents = { [K in keyof typeof INVENTORY_EVENT_SCHEMAS]: Static<(typeof INVENTORY_EVENT_SCHEMAS)[K]> };

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends InventoryEvents {}
}

export const INVENTORY_EVENT_TYPES = eventTypeList<InventoryEvents>(INVENTORY_EVENT_SCHEMAS);
