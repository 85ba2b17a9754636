/**
 * Orders: intake that splits each line into stock, backorder and pre-order parts; the per-SKU queue of waiting
 * lines; inbound supply; allocation of arriving stock; promised dates.
 */

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

export interface Order {
  id: string;
  customer: Customer;
  lines: OrderLine[];
  createdAt: string;
}

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

export const ORDER_EVENT_TYPES = [
  'order.created',
  'order.line_allocated',
  'order.line_delayed',
  'order.line_expedited',
  'order.line_cancelled',
  'order.preorder_released',
] as const;
