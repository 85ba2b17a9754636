/**
 * The one catalogue of error codes: each code has one HTTP status, one meaning and one shape of `details`, the
 * same wherever it is raised, so a client branches on `code` and reads `details` and never parses a message.
 * The HTTP kit maps these errors to `{ "error": { "code", "message", "details" } }` in one place
 * (http/errors.ts) and publishes the catalogue in the OpenAPI document (every operation lists its codes).
 * Codes are literals from this list, never built at run time (the type checker and a lint rule see to that).
 *
 * Expected failures that callers branch on (insufficient stock) are also returned as typed results by services;
 * these classes are for what ends a request. A broken invariant (a bug, not bad input) is `InvariantViolation`:
 * the only 500, logged with its context.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** The schema validator's shape, and the shape of every rule that names fields. */
const FieldProblems = Type.Array(Type.Object({ field: Type.String({ description: 'where: `body.title`, `query.limit`, `policy.releaseDate`…' }), message: Type.String() }));
/** Whatever was not found, by the id or code it was asked for. */
const Missing = Type.Object({ id: Type.String() });
const KeyOnly = Type.Object({ key: Type.String() });
const Id = Type.Object({ id: Type.String() });
const IdStatus = Type.Object({ id: Type.String(), status: Type.String() });
const Stock = Type.Object({ sku: Type.String(), requested: Type.Integer(), available: Type.Integer() });
const Level = Type.Object({ sku: Type.String(), location: Type.String(), onHand: Type.Integer(), reserved: Type.Integer(), committed: Type.Integer() });
const Context = Type.Record(Type.String(), Type.Unknown(), { description: 'where the problem is (source, line, series, index…)' });
const History = Type.Object({ sku: Type.String(), periods: Type.Integer(), minPeriods: Type.Optional(Type.Integer()), granularity: Type.Optional(Type.String()) });
/** One refused line of a batch; lines refused for `insufficient_stock` carry `requested` and `available` like the top-level error. */
const RefusedLine = Type.Object({
  line: Type.Integer({ description: 'index of the line in the request' }),
  sku: Type.String(),
  code: Type.String({ description: 'why: insufficient_stock, backorder_limit, preorder_limit, not_released, discontinued, reservation_mismatch, or a reservation code' }),
  reason: Type.String(),
  requested: Type.Optional(Type.Integer()),
  available: Type.Optional(Type.Integer()),
});
const None = Type.Null();

interface Spec {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;
  meaning: string;
  details: TSchema;
}

export const ERROR_CATALOGUE = {
  // 400: the request itself is wrong; correct it and retry (with the same Idempotency-Key if you like).
  invalid_request: { status: 400, meaning: 'The request breaks a schema or a rule; each problem names its field.', details: FieldProblems },
  invalid_json: { status: 400, meaning: 'The body is not valid JSON.', details: None },
  invalid_feed: { status: 400, meaning: 'Lines of a stock feed break the feed rules or name unknown SKUs or locations; nothing was applied.', details: Type.Object({ lines: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })) }) },
  invalid_idempotency_key: { status: 400, meaning: 'The Idempotency-Key header is empty or longer than 255 characters.', details: Type.Object({ header: Type.String() }) },
  invalid_token: { status: 400, meaning: 'A signed link was altered, is incomplete or is meant for another action.', details: None },
  expired_token: { status: 400, meaning: 'A signed link or a hold has expired.', details: Type.Object({ expiredAt: Type.String() }) },
  invalid_date: { status: 400, meaning: 'A date is not a calendar date YYYY-MM-DD.', details: Type.Object({ field: Type.String() }) },
  duplicate_sku: { status: 400, meaning: 'A SKU appears more than once in one batch.', details: Type.Object({ sku: Type.String(), item: Type.Integer() }) },
  duplicate_line: { status: 400, meaning: 'An order names a SKU on more than one line.', details: Type.Object({ line: Type.Integer(), sku: Type.String() }) },
  invalid_webhook_url: {
    status: 400,
    meaning: 'A webhook URL is malformed, or not https (http only where allowed) to a public address: loopback, private, link-local, CGNAT, multicast and metadata addresses, in any notation or behind a name, are refused.',
    details: Type.Object({ field: Type.String(), reason: Type.Optional(Type.String()) }),
  },
  unknown_event_type: { status: 400, meaning: 'A webhook names event types that do not exist.', details: Type.Object({ field: Type.String(), unknown: Type.Optional(Type.Array(Type.String())) }) },
  api_key_in_query: { status: 400, meaning: 'An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket).', details: Type.Object({ parameters: Type.Array(Type.String()) }) },
  forecast_input_invalid: { status: 400, meaning: 'Input to a forecast (series, method, horizon, file) is not usable.', details: Context },
  // 401, 403: who is asking.
  unauthorized: { status: 401, meaning: 'No API key, a malformed Authorization header, or a key that is unknown or revoked.', details: None },
  invalid_ticket: { status: 401, meaning: 'A stream ticket was altered or incomplete, or its key is no longer valid.', details: None },
  expired_ticket: { status: 401, meaning: 'A stream ticket expired; get a new one (POST /v1/events/tickets).', details: Type.Object({ expiredAt: Type.String() }) },
  forbidden: { status: 403, meaning: "The key's scope does not admit this endpoint.", details: None },
  publishable_limit: {
    status: 403,
    meaning: 'The request goes beyond what a publishable (storefront) key may do (GET /v1/settings/checkout); a secret checkout key may.',
    details: Type.Object({ limit: Type.String({ description: 'which limit: maxQuantity, maxTtlSeconds' }), max: Type.Integer(), requested: Type.Integer() }),
  },
  // 404: the thing named does not exist.
  route_not_found: { status: 404, meaning: 'No such endpoint.', details: None },
  unknown_sku: { status: 404, meaning: 'No product has this SKU.', details: Missing },
  unknown_location: { status: 404, meaning: 'No location has this code.', details: Missing },
  unknown_reservation: { status: 404, meaning: 'No reservation has this id.', details: Missing },
  unknown_order: { status: 404, meaning: 'No order has this id.', details: Missing },
  unknown_order_line: { status: 404, meaning: 'The order has no line with this id.', details: Missing },
  unknown_inbound: { status: 404, meaning: 'No inbound stock has this id.', details: Missing },
  unknown_subscription: { status: 404, meaning: 'No waitlist subscription has this id.', details: Missing },
  unknown_hold: { status: 404, meaning: 'The subscription holds no stock.', details: Missing },
  unknown_message: { status: 404, meaning: 'No message has this id.', details: Missing },
  unknown_key: { status: 404, meaning: 'No API key has this id.', details: Missing },
  unknown_parked_event: { status: 404, meaning: 'No parked event has this id.', details: Missing },
  webhook_not_found: { status: 404, meaning: 'No webhook has this id.', details: Missing },
  delivery_not_found: { status: 404, meaning: 'No webhook delivery has this id.', details: Missing },
  unknown_job: { status: 404, meaning: 'No background job has this id.', details: Missing },
  unknown_supplier: { status: 404, meaning: 'No supplier has this id (or it is not yours).', details: Missing },
  unknown_offer: { status: 404, meaning: 'No supplier offer has this id.', details: Missing },
  unknown_purchase_order: { status: 404, meaning: 'No purchase order has this id (or it is not yours).', details: Missing },
  unknown_po_line: { status: 404, meaning: 'The purchase order has no line with this id.', details: Missing },
  // 409: the request is fine but the state does not allow it now.
  insufficient_stock: { status: 409, meaning: 'Fewer units are free to sell than requested.', details: Stock },
  insufficient_on_hand: { status: 409, meaning: 'Fewer units are on hand at the location than would ship.', details: Type.Object({ onHand: Type.Integer(), quantity: Type.Integer() }) },
  nothing_to_ship: { status: 409, meaning: 'Fewer sold units wait to ship at the location than would ship.', details: Type.Object({ committed: Type.Integer(), quantity: Type.Integer() }) },
  negative_stock: { status: 409, meaning: 'The change would take on hand, reserved or committed below zero; details give the level before it.', details: Level },
  stock_limit: { status: 409, meaning: 'The change would take on hand above the largest level stock may reach.', details: Type.Object({ sku: Type.String(), location: Type.String(), max: Type.Integer() }) },
  not_sellable: { status: 409, meaning: 'The SKU cannot be reserved (upcoming, discontinued or not tracked).', details: Type.Object({ sku: Type.String() }) },
  reservation_committed: { status: 409, meaning: 'The reservation was committed already.', details: IdStatus },
  reservation_released: { status: 409, meaning: 'The reservation was released already.', details: IdStatus },
  reservation_expired: { status: 409, meaning: 'The reservation expired; reserve again.', details: Type.Object({ id: Type.String(), status: Type.String(), expiresAt: Type.String() }) },
  order_refused: { status: 409, meaning: 'Lines of an order cannot be accepted; nothing was ordered.', details: Type.Object({ lines: Type.Array(RefusedLine) }) },
  line_cancelled: { status: 409, meaning: 'The order line is cancelled already.', details: Type.Object({ lineId: Type.String() }) },
  invalid_line_transition: { status: 409, meaning: 'The order line is in a state that cannot change this way (e.g. a shipped line cannot be cancelled).', details: Type.Object({ lineId: Type.String() }) },
  inbound_received: { status: 409, meaning: 'The inbound stock was received in full; it cannot change.', details: IdStatus },
  inbound_cancelled: { status: 409, meaning: 'The inbound stock was cancelled; it cannot change.', details: IdStatus },
  below_received: { status: 409, meaning: 'An inbound quantity cannot go below what was received.', details: Type.Object({ received: Type.Integer() }) },
  over_receipt: { status: 409, meaning: 'More units would be received than the inbound expects.', details: Type.Object({ expected: Type.Integer(), quantity: Type.Integer() }) },
  unsubscribed: { status: 409, meaning: 'The waitlist subscription was cancelled.', details: Id },
  webhook_inactive: { status: 409, meaning: 'The webhook is paused; activate it first.', details: Type.Object({ webhookId: Type.String() }) },
  delivery_pending: { status: 409, meaning: 'The delivery is still pending; it will be attempted on schedule.', details: Type.Object({ deliveryId: Type.String(), status: Type.String() }) },
  idempotency_key_reused: { status: 409, meaning: 'The Idempotency-Key was used before with a different request.', details: KeyOnly },
  idempotency_in_progress: { status: 409, meaning: 'A request with this Idempotency-Key is still running; retry later.', details: KeyOnly },
  idempotency_response_not_kept: {
    status: 409,
    meaning: 'The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead.',
    details: Type.Object({ key: Type.String(), status: Type.Integer() }),
  },
  parked_event_closed: { status: 409, meaning: 'The parked event was retried or discarded already.', details: Type.Object({ id: Type.Integer(), status: Type.Union([Type.String(), Type.Null()]) }) },
  unknown_reactor: { status: 409, meaning: 'The reactor a parked event belongs to does not run in this process.', details: Type.Object({ id: Type.Integer(), consumer: Type.String() }) },
  event_gone: { status: 409, meaning: 'The parked event is no longer in the outbox.', details: Type.Object({ id: Type.Integer(), eventId: Type.Integer() }) },
  reactor_retry_failed: { status: 409, meaning: 'The reactor failed on the parked event again; the error is recorded with it.', details: Type.Object({ id: Type.Integer(), consumer: Type.String(), eventId: Type.Integer(), error: Type.String() }) },
  job_running: { status: 409, meaning: 'A job of this kind is running already (one at a time); follow it at GET /v1/jobs/{id}.', details: Type.Object({ id: Type.String(), kind: Type.String() }) },
  payment_expired: { status: 409, meaning: 'The order awaited payment and its time ran out; its lines are (or are being) cancelled.', details: Type.Object({ id: Type.String(), expiresAt: Type.String() }) },
  supplier_inactive: { status: 409, meaning: 'The supplier is inactive; it cannot be ordered from.', details: Type.Object({ supplierId: Type.String() }) },
  invalid_po_transition: { status: 409, meaning: 'The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt).', details: Type.Object({ id: Type.String(), status: Type.String() }) },
  feed_key_reused: { status: 409, meaning: 'Feed line idempotency keys were used before for another SKU or location; nothing was applied.', details: Type.Object({ keys: Type.Array(Type.String()) }) },
  // 413, 415: the body as a whole.
  payload_too_large: { status: 413, meaning: 'The body is larger than this endpoint accepts.', details: None },
  unsupported_media_type: { status: 415, meaning: 'The body is not sent as application/json.', details: None },
  // 422: understood, but there is not enough to work with.
  no_history: { status: 422, meaning: 'The SKU has no sales history.', details: History },
  history_too_short: { status: 422, meaning: 'The SKU has too little sales history for a forecast.', details: History },
  no_demand_observed: { status: 422, meaning: 'The SKU was out of stock in every period, so its demand was never observed.', details: History },
  // 429: too many requests from this key or client address; wait and retry.
  rate_limited: { status: 429, meaning: 'Too many requests from this key or client address in the window; retry after `Retry-After` seconds.', details: Type.Object({ retryAfterSeconds: Type.Integer(), limit: Type.Integer(), windowSeconds: Type.Integer() }) },
  // 500: a bug on our side; logged with its context, the request was not applied.
  internal: { status: 500, meaning: 'Something went wrong on our side; the request was not applied.', details: None },
} as const satisfies Record<string, Spec>;

export type ErrorCatalogue = typeof ERROR_CATALOGUE;
export type ErrorCode = keyof ErrorCatalogue;
export type ErrorStatus = ErrorCatalogue[ErrorCode]['status'];
export type DetailsOf<C extends ErrorCode> = Static<ErrorCatalogue[C]['details']>;
/** The codes answered with one status (Invalid takes only 400 codes, NotFound only 404 codes…). */
export type CodeWithStatus<S extends ErrorStatus> = { [C in ErrorCode]: ErrorCatalogue[C]['status'] extends S ? C : never }[ErrorCode];

export function isErrorCode(s: string): s is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, s);
}

export class RestockError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: C,
    message: string,
    readonly details: DetailsOf<C>,
  ) {
    super(message);
    this.name = new.target.name;
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export class Invalid<C extends CodeWithStatus<400> = 'invalid_request'> extends RestockError<C> {
  constructor(message: string, details: DetailsOf<C>, code: C = 'invalid_request' as C) {
    super(code, message, details);
  }
}

/** One field's problem as `invalid_request`: the message is also the field's message. */
export function invalidField(field: string, message: string): Invalid<'invalid_request'> {
  return new Invalid(message, [{ field, message }]);
}

export class NotFound<C extends CodeWithStatus<404>> extends RestockError<C> {
  /** `what` names the thing in the message ("Product 'X' does not exist"); details carry the id. */
  constructor(what: string, id: string, code: C) {
    super(code, `${what} '${id}' does not exist`, { id } as DetailsOf<C>);
  }
}

export class Conflict<C extends CodeWithStatus<409>> extends RestockError<C> {
  constructor(message: string, details: DetailsOf<C>, code: C) {
    super(code, message, details);
  }
}

export class InsufficientStock extends RestockError<'insufficient_stock'> {
  constructor(sku: string, requested: number, available: number) {
    super('insufficient_stock', `only ${available} of '${sku}' available, ${requested} requested`, { sku, requested, available });
  }
}

export class Unauthorized extends RestockError<'unauthorized'> {
  constructor(message = 'a valid API key is required (Authorization: Bearer KEY)') {
    super('unauthorized', message, null);
  }
}

export class Forbidden extends RestockError<'forbidden'> {
  constructor(message: string) {
    super('forbidden', message, null);
  }
}

/** Over a rate limit: answered 429 with `Retry-After` (the error handler sets the header from the details). */
export class RateLimited extends RestockError<'rate_limited'> {
  constructor(retryAfterSeconds: number, limit: number, windowSeconds: number, what = 'requests') {
    super('rate_limited', `too many ${what}: at most ${limit} in ${windowSeconds} s; retry in ${retryAfterSeconds} s`, { retryAfterSeconds, limit, windowSeconds });
  }
}

export class Unprocessable<C extends CodeWithStatus<422>> extends RestockError<C> {
  constructor(message: string, details: DetailsOf<C>, code: C) {
    super(code, message, details);
  }
}

/**
 * Rebuilds an error that crossed a thread or process boundary as plain data (a forecast worker's answer). Its
 * code came from this catalogue on the other side; one that is not in it is a bug, answered as such.
 */
export function reviveError(code: string, message: string, details: unknown): RestockError {
  if (!isErrorCode(code)) return new InvariantViolation(`an error crossed a boundary with unknown code '${code}': ${message}`, { code, details });
  // The class matters to callers that branch on it (a 422 skips a SKU in a batch forecast).
  if (ERROR_CATALOGUE[code].status === 422) return new Unprocessable(message, details as DetailsOf<CodeWithStatus<422>>, code as CodeWithStatus<422>);
  return new RestockError(code, message, details as DetailsOf<typeof code>);
}

/**
 * A broken invariant: state that the code itself should have made impossible (a write that returned nothing, a
 * row that vanished inside its own transaction). Not the client's fault, so the one error answered with 500; the
 * context is logged with it (never sent) so the bug can be found.
 */
export class InvariantViolation extends RestockError<'internal'> {
  constructor(
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super('internal', message, null);
  }
}
