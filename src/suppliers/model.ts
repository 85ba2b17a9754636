/**
 * Suppliers: who sells each SKU (offers), purchase orders with their lines, the failover decision log and
 * supplier performance. Every open purchase-order line is inbound supply: it owns one inbound record of the
 * orders module, so promised dates and allocation use it like any other inbound.
 */
import { Type, type Static } from '@sinclair/typebox';
import { eventTypeList } from '../core/events.ts';
import { OrNull, StringEnum } from '../core/schema.ts';

export const CHANNELS = ['email', 'webhook', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PO_STATUSES = ['draft', 'sent', 'acknowledged', 'shipped', 'received', 'closed', 'cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];
export const LINE_STATUSES = ['open', 'confirmed', 'rejected', 'shipped', 'received', 'cancelled'] as const;
export type PoLineStatus = (typeof LINE_STATUSES)[number];
export const PO_SOURCES = ['manual', 'failover', 'plan'] as const;
export type PoSource = (typeof PO_SOURCES)[number];
export const TRIGGERS = ['rejected', 'short', 'ack_timeout', 'ship_late'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface Supplier {
  id: string;
  name: string;
  email: string;
  channel: Channel;
  currency: string;
  leadTimeDays: number;
  leadTimeSdDays: number;
  ackDeadlineHours: number;
  minOrderValue: number;
  regions: string[];
  active: boolean;
  /** May failover re-source this supplier's unfilled lines (and choose it as the next supplier)? */
  failover: boolean;
  webhookUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SupplierInput = Omit<Supplier, 'id' | 'createdAt' | 'updatedAt' | 'minOrderValue' | 'regions' | 'active' | 'failover' | 'webhookUrl' | 'leadTimeSdDays' | 'ackDeadlineHours'> &
  Partial<Pick<Supplier, 'minOrderValue' | 'regions' | 'active' | 'failover' | 'webhookUrl' | 'leadTimeSdDays' | 'ackDeadlineHours'>>;
export type SupplierPatch = Partial<Omit<Supplier, 'id' | 'createdAt' | 'updatedAt'>>;

export interface Offer {
  id: string;
  supplierId: string;
  sku: string;
  supplierSku: string | null;
  unitCost: number;
  minQuantity: number;
  multiple: number;
  leadTimeDays: number | null;
  /** Lower first. */
  priority: number;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  createdAt: string;
}

export interface OfferInput {
  sku: string;
  supplierSku?: string | null | undefined;
  unitCost: number;
  minQuantity?: number | undefined;
  multiple?: number | undefined;
  leadTimeDays?: number | null | undefined;
  priority?: number | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  active?: boolean | undefined;
}
export type OfferPatch = Partial<Omit<OfferInput, 'sku'>>;

export interface PoLine {
  id: string;
  poId: string;
  sku: string;
  location: string;
  quantity: number;
  unitCost: number;
  confirmedQuantity: number | null;
  status: PoLineStatus;
  /** YYYY-MM-DD: the confirmed date, else the order date plus the lead time. */
  expectedDate: string;
  confirmedDate: string | null;
  shippedQuantity: number;
  receivedQuantity: number;
  rejectReason: string | null;
  /** Units handed to another line by failover. */
  resourcedQuantity: number;
  /** Units failover could not re-source (no eligible offer, or failover off): flagged for an operator. */
  unsourcedQuantity: number;
  /** When the line was found late (acknowledgement deadline or ship date missed), once. */
  lateAt: string | null;
  /** The line this line re-sources. */
  resourcedFrom: string | null;
  answeredAt: string | null;
  receivedAt: string | null;
  /** The inbound record (orders module) this line owns. */
  inboundId: string | null;
}

export interface PurchaseOrder {
  id: string;
  supplierId: string;
  status: PoStatus;
  currency: string;
  source: PoSource;
  total: number;
  lines: PoLine[];
  createdAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  updatedAt: string;
}

export interface PoLineInput {
  sku: string;
  location: string;
  quantity: number;
  unitCost?: number | undefined;
}

export interface AnswerLine {
  lineId: string;
  status: 'confirmed' | 'rejected';
  quantity?: number | undefined;
  date?: string | undefined;
  reason?: string | undefined;
}

export interface Candidate {
  offerId: string;
  supplierId: string;
  supplierName: string;
  unitCost: number;
  landedUnitCost: number;
  expectedArrival: string;
  reliability: number;
  score: number;
  eligible: boolean;
  why: string;
}

export interface Decision {
  id: string;
  poId: string;
  lineId: string;
  trigger: Trigger;
  /** Unfilled units. */
  quantity: number;
  candidates: Candidate[];
  chosen: { supplierId: string; offerId: string; poId: string; lineId: string; quantity: number } | null;
  /** In words. */
  reason: string;
  at: string;
}

/** One PO line as performance reads it. */
export interface LineHistoryRow {
  lineId: string;
  poId: string;
  sku: string;
  status: PoLineStatus;
  quantity: number;
  confirmedQuantity: number | null;
  receivedQuantity: number;
  expectedDate: string;
  confirmedDate: string | null;
  sentAt: string | null;
  answeredAt: string | null;
  receivedAt: string | null;
}

export interface Performance {
  supplierId: string;
  lines: number;
  onTimeRate: number | null;
  fillRate: number | null;
  ackHours: { mean: number | null; p90: number | null };
  leadTimeDays: { mean: number | null; sd: number | null; p90: number | null };
  sample: { received: number; answered: number; finished: number };
}

// ---- events (declared into core's EventMap)

const Day = (description: string) => Type.String({ description: `YYYY-MM-DD: ${description}` });

const PoLinePayload = Type.Object({
  lineId: Type.String(),
  sku: Type.String(),
  supplierSku: OrNull(Type.String()),
  location: Type.String(),
  quantity: Type.Integer(),
  unitCost: Type.Number(),
  expectedDate: Day('expected arrival'),
});

export const PoSentSchema = Type.Object(
  {
    poId: Type.String(),
    supplierId: Type.String(),
    supplierName: Type.String(),
    email: Type.String({ description: "The supplier's contact email" }),
    channel: StringEnum(CHANNELS),
    webhookUrl: OrNull(Type.String()),
    currency: Type.String(),
    total: Type.Number(),
    ackDeadline: Type.String({ description: 'ISO 8601: answer by then (sent time + the supplier\'s acknowledgement deadline)' }),
    lines: Type.Array(PoLinePayload),
  },
  { additionalProperties: false, description: 'A purchase order was sent to its supplier (delivered through the supplier\'s channel).' },
);

const AnsweredLine = Type.Object({
  lineId: Type.String(),
  sku: Type.String(),
  status: StringEnum(LINE_STATUSES),
  quantity: Type.Integer({ description: 'Units ordered' }),
  confirmedQuantity: OrNull(Type.Integer()),
  confirmedDate: OrNull(Day('confirmed date')),
  rejectReason: OrNull(Type.String()),
});

export const PoAcknowledgedSchema = Type.Object(
  { poId: Type.String(), supplierId: Type.String(), status: StringEnum(PO_STATUSES), lines: Type.Array(AnsweredLine, { description: 'The lines this answer changed' }) },
  { additionalProperties: false, description: 'A supplier answered lines of a purchase order (confirmed, cut, re-dated or rejected).' },
);

export const LineRejectedSchema = Type.Object(
  { poId: Type.String(), supplierId: Type.String(), lineId: Type.String(), sku: Type.String(), location: Type.String(), quantity: Type.Integer({ description: 'Units rejected' }), reason: OrNull(Type.String()) },
  { additionalProperties: false, description: 'A supplier rejected a purchase-order line.' },
);

export const LineResourcedSchema = Type.Object(
  {
    poId: Type.String(),
    lineId: Type.String(),
    sku: Type.String(),
    quantity: Type.Integer({ description: 'Units re-sourced' }),
    trigger: StringEnum(TRIGGERS),
    toSupplierId: Type.String(),
    toPoId: Type.String(),
    toLineId: Type.String(),
    decisionId: Type.String(),
  },
  { additionalProperties: false, description: 'Unfilled units of a purchase-order line were re-sourced to another supplier.' },
);

export const PoLateSchema = Type.Object(
  { poId: Type.String(), supplierId: Type.String(), lineId: Type.String(), sku: Type.String(), trigger: StringEnum(['ack_timeout', 'ship_late'] as const), dueAt: Type.String() },
  { additionalProperties: false, description: 'A purchase-order line missed its acknowledgement deadline or its ship date.' },
);

export const UnsourcedSchema = Type.Object(
  { poId: Type.String(), lineId: Type.String(), sku: Type.String(), quantity: Type.Integer(), trigger: StringEnum(TRIGGERS), reason: Type.String(), decisionId: Type.String() },
  { additionalProperties: false, description: 'Unfilled units could not be re-sourced: no eligible offer. An operator must act.' },
);

export const SUPPLY_EVENT_SCHEMAS = {
  'supply.po_sent': PoSentSchema,
  'supply.po_acknowledged': PoAcknowledgedSchema,
  'supply.line_rejected': LineRejectedSchema,
  'supply.line_resourced': LineResourcedSchema,
  'supply.po_late': PoLateSchema,
  'supply.unsourced': UnsourcedSchema,
};

export type SupplyEvents = { [K in keyof typeof SUPPLY_EVENT_SCHEMAS]: Static<(typeof SUPPLY_EVENT_SCHEMAS)[K]> };

declare module '../core/events.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds these types to core's EventMap
  interface EventMap extends SupplyEvents {}
}

export const SUPPLY_EVENT_TYPES = eventTypeList<SupplyEvents>(SUPPLY_EVENT_SCHEMAS);
