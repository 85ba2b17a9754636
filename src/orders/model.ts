/**
 * Orders: intake that splits each line into stock, backorder and pre-order parts; the per-SKU queue of waiting
 * lines; inbound supply; allocation of arriving stock; promised dates.
 */
import { Type, type Static } from '@sinclair/typebox';
import { eventTypeList } from '../core/events.ts';
import { OrNull, StringEnum } from '../core/schema.ts';
import type { PublishableReservationLimits } from '../inventory/model.ts';

export const LINE_STATUSES = ['confirmed', 'backordered', 'preordered', 'allocated', 'cancelled'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const WAITING_KINDS = ['backorder', 'preorder'] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];
export type PromiseBasis = 'supply' | 'lead_time';

export interface Customer {
  id: string;
  email: string;
  tier: string | null;
  /** Language for messages about the order (en, de). */
  locale: string | null;
}

export interface OrderLine {
  id: string;
  orderId: string;
  lineNo: number;
  sku: string;
  quantity: number;
  /** Units confirmed from stock (or from the line's reservation) at intake. */
  fromStock: number;
  backordered: number;
  preordered: number;
  /** Units of the waiting part handed over since from arriving stock. */
  allocated: number;
  status: LineStatus;
  promisedDate: string | null;
  /** 'supply' when stock or an inbound delivery covers the line, 'lead_time' when nothing known does. */
  promiseBasis: PromiseBasis | null;
  allowPartial: boolean;
  seq: number;
  tier: string | null;
  reservationId: string | null;
  createdAt: string;
}

/**
 * `pending`: placed with a publishable key (browser checkout), waiting for the shop's backend to confirm it after
 * payment until `expiresAt`; `confirmed`: confirmed, or placed with a secret key; `expired`: never confirmed, its
 * lines were cancelled.
 */
export type PaymentStatus = 'pending' | 'confirmed' | 'expired';

export interface OrderPayment {
  status: PaymentStatus;
  expiresAt: string | null;
}

export interface Order {
  id: string;
  customer: Customer;
  lines: OrderLine[];
  createdAt: string;
  payment: OrderPayment;
}

/** How the shop lets browsers check out, and what a publishable key may reserve. */
export interface CheckoutSettings {
  publishable: PublishableReservationLimits;
  /** May a publishable key place orders? They wait for confirmation (payment) by a secret key. */
  browserOrders: boolean;
  /** How long a browser order waits for confirmation before its lines are cancelled. */
  paymentTtlSeconds: number;
}

export const DEFAULT_CHECKOUT_SETTINGS: CheckoutSettings = {
  publishable: { maxQuantity: 10, maxTtlSeconds: 3600, reservationsPerSku: { limit: 10, windowSeconds: 600 } },
  browserOrders: false,
  paymentTtlSeconds: 30 * 60,
};

export interface OrderLineInput {
  sku: string;
  quantity: number;
  reservationId?: string | undefined;
  allowPartial?: boolean | undefined;
}

export interface OrderInput {
  customer: { id: string; email: string; tier?: string | undefined; locale?: string | undefined };
  lines: OrderLineInput[];
  /**
   * Where the units from stock may come from: locations in the customer's `region` first (then by priority),
   * and whether a line may be split across locations (`allowSplit`, default true). Without a split, a line no
   * single location can fill is refused (`no_single_location`).
   */
  fulfilment?: { region?: string | undefined; allowSplit?: boolean | undefined } | undefined;
}

/** A line still waiting for units, as the queue sees it. */
export interface WaitingLine {
  id: string;
  orderId: string;
  kind: WaitingKind;
  /** Units still to allocate. */
  waiting: number;
  tier: string | null;
  seq: number;
  allowPartial: boolean;
  promisedDate: string | null;
  promiseBasis: PromiseBasis | null;
}

export type InboundStatus = 'open' | 'received' | 'cancelled';

export interface Inbound {
  id: string;
  sku: string;
  location: string;
  quantity: number;
  received: number;
  expectedDate: string;
  reference: string | null;
  status: InboundStatus;
  createdAt: string;
}

export interface AllocationPolicy {
  /** `fifo`: first come, first served. `priority`: customer tier first (lower rank first), then arrival. */
  strategy: 'fifo' | 'priority';
  tierRanks: Record<string, number>;
  preordersFirst: boolean;
  /** Allow allocation to dip into safety stock. */
  useSafetyStock: boolean;
}

export const DEFAULT_ALLOCATION_POLICY: AllocationPolicy = {
  strategy: 'fifo',
  tierRanks: {},
  preordersFirst: false,
  useSafetyStock: false,
};

// ---- events orders write to the outbox (declared into core's EventMap)

const Email = Type.String({ description: "The order's contact email ('' when the order has none)" });
const LineStatusSchema = StringEnum(LINE_STATUSES);
const DateOrNull = (description: string) => OrNull(Type.String({ description: `YYYY-MM-DD: ${description}` }));

export const OrderCreatedSchema = Type.Object(
  {
    orderId: Type.String(),
    email: Email,
    locale: OrNull(Type.String()),
    customerId: Type.String(),
    lines: Type.Array(
      Type.Object({
        lineId: Type.String(),
        sku: Type.String(),
        quantity: Type.Integer(),
        fromStock: Type.Integer(),
        backordered: Type.Integer(),
        preordered: Type.Integer(),
        promisedDate: DateOrNull('when the waiting part is promised'),
        status: LineStatusSchema,
      }),
    ),
  },
  { additionalProperties: false, description: 'An order was placed: each line split into stock, backorder and pre-order parts.' },
);
export type OrderCreatedPayload = Static<typeof OrderCreatedSchema>;

export const LineAllocatedSchema = Type.Object(
  {
    orderId: Type.String(),
    lineId: Type.String(),
    sku: Type.String(),
    email: Email,
    quantity: Type.Integer({ description: 'Units handed to the line by this allocation' }),
    allocated: Type.Integer({ description: 'Units allocated to the line so far' }),
    remaining: Type.Integer({ description: 'Units still to come' }),
    status: LineStatusSchema,
    kind: StringEnum(WAITING_KINDS),
  },
  { additionalProperties: false, description: 'Arriving stock was allocated to a waiting (backorder or pre-order) line.' },
);
export type LineAllocatedPayload = Static<typeof LineAllocatedSchema>;

const lineDateChanged = (description: string) =>
  Type.Object(
    {
      orderId: Type.String(),
      lineId: Type.String(),
      sku: Type.String(),
      email: Email,
      oldDate: Type.String({ description: 'YYYY-MM-DD: the date promised before' }),
      newDate: DateOrNull('the date promised now; null when no date can be promised any more'),
      waiting: Type.Integer({ description: 'Units still waiting' }),
    },
    { additionalProperties: false, description },
  );
/** A waiting line's promised date moved: later (or withdrawn, `newDate` null) is a delay, earlier an expedite. */
export type LineDateChangedPayload = Static<ReturnType<typeof lineDateChanged>>;

export const LineCancelledSchema = Type.Object(
  {
    orderId: Type.String(),
    lineId: Type.String(),
    sku: Type.String(),
    email: Email,
    quantity: Type.Integer(),
    wasWaiting: Type.Integer({ description: 'Units that were still waiting when it was cancelled' }),
  },
  { additionalProperties: false, description: 'A line was cancelled (by the shop or the shopper); its stock or queue place went to the next.' },
);
export type LineCancelledPayload = Static<typeof LineCancelledSchema>;

export const PreorderReleasedSchema = Type.Object(
  {
    sku: Type.String(),
    releaseDate: DateOrNull('the release date'),
    lines: Type.Array(
      Type.Object({
        orderId: Type.String(),
        lineId: Type.String(),
        email: Type.String(),
        locale: OrNull(Type.String()),
        quantity: Type.Integer(),
        allocated: Type.Integer(),
        promisedDate: DateOrNull('when the line is promised'),
      }),
    ),
  },
  { additionalProperties: false, description: 'A pre-order product was released: its waiting pre-order lines are fulfilled from here on.' },
);
export type PreorderReleasedPayload = Static<typeof PreorderReleasedSchema>;

/** The payload schema of every order event type; the payload types below are derived from it. */
export const ORDER_EVENT_SCHEMAS = {
  'order.created': OrderCreatedSchema,
  'order.line_allocated': LineAllocatedSchema,
  'order.line_delayed': lineDateChanged('A waiting line is promised later than before (or no date any more).'),
  'order.line_expedited': lineDateChanged('A waiting line is promised earlier than before.'),
  'order.line_cancelled': LineCancelledSchema,
  'order.preorder_released': PreorderReleasedSchema,
};

export type OrderEvents = { [K in keyof typeof ORDER_EVENT_SCHEMAS]: Static<(typeof ORDER_EVENT_SCHEMAS)[K]> };

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends OrderEvents {}
}

export const ORDER_EVENT_TYPES = eventTypeList<OrderEvents>(ORDER_EVENT_SCHEMAS);
