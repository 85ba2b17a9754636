/**
 * Orders: intake that splits each line into stock, backorder and pre-order parts; the per-SKU queue of waiting
 * lines; inbound supply; allocation of arriving stock; promised dates.
 */
import { eventTypeList } from '../core/events.ts';
import type { PublishableReservationLimits } from '../inventory/model.ts';

export type LineStatus = 'confirmed' | 'backordered' | 'preordered' | 'allocated' | 'cancelled';
export type WaitingKind = 'backorder' | 'preorder';
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

/** `email` is the order's contact ('' when the order has none). */
export interface OrderCreatedPayload {
  orderId: string;
  email: string;
  locale: string | null;
  customerId: string;
  lines: Array<{ lineId: string; sku: string; quantity: number; fromStock: number; backordered: number; preordered: number; promisedDate: string | null; status: LineStatus }>;
}

export interface LineAllocatedPayload {
  orderId: string;
  lineId: string;
  sku: string;
  email: string;
  /** Units handed to the line by this allocation. */
  quantity: number;
  /** Units allocated to the line so far, and still to come. */
  allocated: number;
  remaining: number;
  status: LineStatus;
  kind: WaitingKind;
}

/** A waiting line's promised date moved: later (or withdrawn, `newDate` null) is a delay, earlier an expedite. */
export interface LineDateChangedPayload {
  orderId: string;
  lineId: string;
  sku: string;
  email: string;
  oldDate: string;
  newDate: string | null;
  /** Units still waiting. */
  waiting: number;
}

export interface LineCancelledPayload {
  orderId: string;
  lineId: string;
  sku: string;
  email: string;
  quantity: number;
  /** Units that were still waiting when it was cancelled. */
  wasWaiting: number;
}

export interface PreorderReleasedPayload {
  sku: string;
  releaseDate: string | null;
  lines: Array<{ orderId: string; lineId: string; email: string; locale: string | null; quantity: number; allocated: number; promisedDate: string | null }>;
}

export interface OrderEvents {
  'order.created': OrderCreatedPayload;
  'order.line_allocated': LineAllocatedPayload;
  'order.line_delayed': LineDateChangedPayload;
  'order.line_expedited': LineDateChangedPayload;
  'order.line_cancelled': LineCancelledPayload;
  'order.preorder_released': PreorderReleasedPayload;
}

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends OrderEvents {}
}

export const ORDER_EVENT_TYPES = eventTypeList<OrderEvents>({
  'order.created': true,
  'order.line_allocated': true,
  'order.line_delayed': true,
  'order.line_expedited': true,
  'order.line_cancelled': true,
  'order.preorder_released': true,
});
