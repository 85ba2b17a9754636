/**
 * Table types for Kysely: one set of queries over SQLite and PostgreSQL. Booleans are 0/1 integers, JSON and
 * timestamps are text (ISO 8601, UTC, millisecond precision, so they sort as strings) on both dialects.
 */
import type { Generated } from 'kysely';

export interface ProductsTable {
  sku: string;
  title: string;
  description: string;
  category: string;
  brand: string;
  price: string;
  currency: string;
  attributes: string;
  status: string;
  track_inventory: number;
  low_stock_threshold: number;
  allow_backorder: number;
  backorder_limit: number | null;
  allow_preorder: number;
  preorder_limit: number | null;
  release_date: string | null;
  lead_time_days: number | null;
  created_at: string;
  updated_at: string;
}

export interface LocationsTable {
  code: string;
  name: string;
  type: string;
  priority: number;
  region: string;
  created_at: string;
  updated_at: string;
}

export interface StockLevelsTable {
  sku: string;
  location: string;
  on_hand: number;
  reserved: number;
  committed: number;
  safety_stock: number;
  inbound: number;
  updated_at: string;
}

export interface SkuStateTable {
  sku: string;
  status: string;
  available_to_sell: number | null;
  version: number;
  /** Counts product writes: a cached product of the same rev is the committed one (012_fast_path). */
  product_rev: Generated<number>;
  /** Units waiting orders are owed, as the last stock write left them (012_fast_path). */
  backordered: Generated<number>;
  preordered: Generated<number>;
  updated_at: string;
}

export interface LedgerTable {
  id: Generated<number>;
  sku: string;
  location: string;
  type: string;
  quantity: number;
  on_hand_delta: number;
  reserved_delta: number;
  committed_delta: number;
  reason: string | null;
  reference: string | null;
  created_at: string;
}

export interface ReservationsTable {
  id: string;
  sku: string;
  quantity: number;
  status: string;
  reference: string | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
  /** The publishable key and client address that made it (null for secret keys and internal holds). */
  client_key: string | null;
  client_addr: string | null;
}

export interface ReservationLinesTable {
  reservation_id: string;
  location: string;
  quantity: number;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  sku: string | null;
  payload: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  scope: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  /** A supplier key's supplier (015_suppliers); null for other scopes. */
  supplier_id: Generated<string | null>;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export interface FeedLinesTable {
  idempotency_key: string;
  sku: string;
  location: string;
  created_at: string;
}

export interface OrdersTable {
  id: string;
  customer_id: string;
  customer_email: string;
  customer_tier: string | null;
  customer_locale: string | null;
  created_at: string;
  updated_at: string;
  /** pending (placed with a publishable key, awaiting the backend's confirmation), confirmed, expired. */
  payment_status: Generated<string>;
  payment_expires_at: string | null;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  sku: string;
  quantity: number;
  from_stock: number;
  backordered: number;
  preordered: number;
  allocated: number;
  status: string;
  promised_date: string | null;
  promise_basis: string | null;
  customer_tier: string | null;
  allow_partial: number;
  seq: number;
  reservation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderLineAllocationsTable {
  line_id: string;
  location: string;
  quantity: number;
}

export interface InboundTable {
  id: string;
  sku: string;
  location: string;
  quantity: number;
  received: number;
  expected_date: string;
  reference: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ConsumersTable {
  name: string;
  cursor: number;
  updated_at: string;
}

export interface ParkedEventsTable {
  id: Generated<number>;
  consumer: string;
  event_id: number;
  event_type: string;
  attempts: number;
  error: string;
  status: string;
  parked_at: string;
  resolved_at: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  running_kind: string | null;
  params: string;
  done: number;
  total: number | null;
  current: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  heartbeat_at: string;
  finished_at: string | null;
}

export interface WaitlistTable {
  id: string;
  sku: string;
  email: string;
  phone: string | null;
  quantity: number;
  locale: string;
  status: string;
  seq: number;
  hold_reservation_id: string | null;
  hold_expires_at: string | null;
  hold_reminded: number;
  created_at: string;
  confirmed_at: string | null;
  notified_at: string | null;
  converted_at: string | null;
  unsubscribed_at: string | null;
  /** The address as one recipient (core/email.ts `recipientKey`): duplicates and limits count by it. */
  recipient_key: string | null;
  /** When the last confirmation email was recorded for a pending subscription. */
  confirm_sent_at: string | null;
}

export interface WaitlistReleaseTable {
  sku: string;
  next_batch_at: string | null;
  updated_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  type: string;
  to_addr: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  dedupe_key: string;
  sku: string | null;
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** One-click unsubscribe URL (RFC 8058), sent as `List-Unsubscribe` with `List-Unsubscribe-Post`. */
  list_unsubscribe: string | null;
  /** Files sent with the message, JSON `[{ filename, contentType, content }]` (a purchase order's CSV); null for none. */
  attachments: string | null;
}

/** Fixed-window rate-limit counters shared by every process (http/rate-limit.ts). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: string;
}

export interface WebhooksTable {
  id: string;
  url: string;
  events: string;
  secret: string;
  description: string | null;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: number;
  event_type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface ForecastsTable {
  sku: string;
  granularity: string;
  season: number;
  horizon: number;
  model: string;
  method: string;
  demand_class: string;
  params: string;
  history_end: string;
  forecast: string;
  lead_time_demand: string | null;
  accuracy: string | null;
  lost_sales: number;
  censoring: string;
  computed_at: string;
}

export interface DB {
  products: ProductsTable;
  locations: LocationsTable;
  stock_levels: StockLevelsTable;
  sku_state: SkuStateTable;
  ledger: LedgerTable;
  reservations: ReservationsTable;
  reservation_lines: ReservationLinesTable;
  events: EventsTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  feed_lines: FeedLinesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_line_allocations: OrderLineAllocationsTable;
  inbound: InboundTable;
  settings: SettingsTable;
  consumers: ConsumersTable;
  parked_events: ParkedEventsTable;
  waitlist: WaitlistTable;
  waitlist_release: WaitlistReleaseTable;
  messages: MessagesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  forecasts: ForecastsTable;
  jobs: JobsTable;
  rate_limits: RateLimitsTable;
  suppliers: SuppliersTable;
  offers: OffersTable;
  purchase_orders: PurchaseOrdersTable;
  po_lines: PoLinesTable;
  supply_decisions: SupplyDecisionsTable;
  supply_skus: SupplySkusTable;
}

export interface SupplySkusTable {
  sku: string;
  failover: number;
  updated_at: string;
}

// ---- suppliers, offers, purchase orders (015_suppliers)

export interface SuppliersTable {
  id: string;
  name: string;
  email: string;
  channel: string;
  currency: string;
  lead_time_days: number;
  lead_time_sd_days: number;
  ack_deadline_hours: number;
  min_order_value: number;
  /** JSON array of region codes. */
  regions: string;
  active: number;
  failover: number;
  webhook_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface OffersTable {
  id: string;
  supplier_id: string;
  sku: string;
  supplier_sku: string | null;
  unit_cost: number;
  min_quantity: number;
  multiple: number;
  lead_time_days: number | null;
  priority: number;
  valid_from: string | null;
  valid_to: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrdersTable {
  id: string;
  supplier_id: string;
  status: string;
  currency: string;
  source: string;
  created_at: string;
  sent_at: string | null;
  acknowledged_at: string | null;
  updated_at: string;
}

export interface PoLinesTable {
  id: string;
  po_id: string;
  line_no: number;
  sku: string;
  location: string;
  quantity: number;
  unit_cost: number;
  confirmed_quantity: number | null;
  status: string;
  expected_date: string;
  confirmed_date: string | null;
  shipped_quantity: number;
  received_quantity: number;
  reject_reason: string | null;
  resourced_quantity: number;
  unsourced_quantity: Generated<number>;
  late_at: string | null;
  resourced_from: string | null;
  answered_at: string | null;
  /** When the last units arrived (performance: on time, lead time). */
  received_at: string | null;
  /** The inbound record this line owns (orders module): its supply in promised dates and allocation. */
  inbound_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupplyDecisionsTable {
  id: string;
  po_id: string;
  line_id: string;
  trigger: string;
  quantity: number;
  /** JSON array of scored candidates. */
  candidates: string;
  /** JSON of the choice, or null when nothing could be sourced. */
  chosen: string | null;
  reason: string;
  at: string;
}
