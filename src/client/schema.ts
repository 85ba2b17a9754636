/**
 * Generated from the served OpenAPI document by `npm run client:generate` (scripts/openapi.ts): do not edit.
 * test/client-drift.test.ts fails when this file and the document differ.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service and database health
         * @description **Public**: no API key needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Availability of up to 500 SKUs
         * @description **Scopes**: `admin`, `storefront`, `checkout`, `feed` (any one).
         */
        post: operations["getAvailabilityBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Availability of one SKU
         * @description **Scopes**: `admin`, `storefront`, `checkout`, `feed` (any one).
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Waiting backorder lines in queue order with position and promised date; page with limit and offset (all lines without a limit)
         * @description **Scope**: `admin`.
         */
        get: operations["listBackorders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event type (for webhooks and the live stream) and every customer message type
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live event stream (text/event-stream), resumable with Last-Event-ID; authenticate with the Authorization header or `?ticket=` (POST /v1/events/tickets)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one). A stream ticket (`?ticket=`, from POST /v1/events/tickets) may stand in for the Authorization header.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A stream ticket: opens GET /v1/events?ticket=… for 60 s, for clients that cannot send headers (EventSource)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         *
         *     Authenticate this request with `Authorization: Bearer KEY`. The ticket names the key and its scope; the stream checks the key is still valid when it opens. Get a fresh ticket for every (re)connection.
         */
        post: operations["createEventTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forecasts/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Demand forecast of a SKU with its sales history (stock-out periods flagged), intervals, model, backtest accuracy, lost sales and lead-time demand; computed and stored first if there is none
         * @description **Scope**: `admin`.
         */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forecasts/{sku}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per day, ISO week or month from the ledger, with stock-out periods flagged; of the SKU or of one location
         * @description **Scope**: `admin`.
         */
        get: operations["getSalesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/forecasts/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute and store forecasts (with backtests unless backtest is false): of the given SKUs in this request (200, the run summary), or of every SKU with sales history as a background job (202, the job; follow it at GET /v1/jobs/:id)
         * @description **Scope**: `admin`.
         */
        post: operations["runForecasts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inbound stock by expected date; `late=true` keeps open inbound whose expected date has passed
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        get: operations["listInbound"];
        put?: never;
        /**
         * Record expected stock
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["createInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the expected date or quantity of inbound stock, or cancel it; promised dates follow
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        patch: operations["updateInbound"];
        trace?: never;
    };
    "/v1/inbound/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive all (default) or part of inbound stock into on hand; waiting orders are allocated at once
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["receiveInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock levels of a SKU per location
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        get: operations["getInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/{sku}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ledger movements of a SKU, oldest first; page with `after` (last id seen); filter by time (`from`, `to`) and `type`
         * @description **Scope**: `admin`.
         */
        get: operations["listInventoryLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/{sku}/ledger.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ledger of a SKU as CSV (text/csv): a header row, then every movement that passes the filters, oldest first, times in ISO 8601 UTC
         * @description **Scope**: `admin`.
         */
        get: operations["exportInventoryLedgerCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/{sku}/locations/{location}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set safety stock of a SKU at a location
         * @description **Scope**: `admin`.
         */
        put: operations["setSafetyStock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust on hand by a delta (damage, found stock)
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["createInventoryAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push absolute counts (onHand) or deltas per SKU × location; a repeated idempotencyKey changes nothing
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["pushInventoryFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive units into on hand
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["createInventoryReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ship sold (committed) units
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["createInventoryShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move sellable units between locations
         * @description **Scopes**: `admin`, `feed` (any one).
         */
        post: operations["createInventoryTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent background jobs, newest first
         * @description **Scope**: `admin`.
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A background job: status, progress, and its result once done
         * @description **Scope**: `admin`.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys (never their secrets)
         * @description **Scope**: `admin`.
         */
        get: operations["listKeys"];
        put?: never;
        /**
         * Create an API key; the secret is in this answer only
         * @description **Scope**: `admin`.
         */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key (at once in this process, within seconds in others); again is harmless
         * @description **Scope**: `admin`.
         */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All locations by priority
         * @description **Scopes**: `admin`, `storefront`, `checkout`, `feed` (any one).
         */
        get: operations["listLocations"];
        put?: never;
        /**
         * Create or update a location by code
         * @description **Scope**: `admin`.
         */
        post: operations["upsertLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customer messages, newest first; page with `before` (an id) or `offset`
         * @description **Scope**: `admin`.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One customer message with its text and HTML
         * @description **Scope**: `admin`.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages per UTC day (every day of the window, zeros included), by status, for charts
         * @description **Scope**: `admin`.
         *
         *     Counts messages by the day they were recorded and their status now: `queued` includes those being sent.
         */
        get: operations["getMessageVolume"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an offer (deactivate it: never chosen again)
         * @description **Scope**: `admin`.
         */
        patch: operations["updateOffer"];
        trace?: never;
    };
    "/v1/order-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shopper's view of their order through its signed link (no key): email masked, no customer id or tier
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         */
        get: operations["getOrderLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-links/{token}/lines/{lineId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The shopper cancels a line of their order that still waits for stock (backordered or pre-ordered, nothing handed over yet), through the signed link
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         */
        post: operations["cancelOrderLinkLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order: each line is confirmed from stock, backordered or pre-ordered by the SKU policy, or the whole order is refused (409, reasons per line)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         *
         *     With a secret (checkout) key the order is confirmed at once. With a publishable (storefront) key only where the shop allows browser checkout (browserOrders in GET /v1/settings/checkout; otherwise 403): the order waits for payment (`payment.status` pending until `payment.expiresAt`) and the shop's backend confirms it (POST /v1/orders/{id}/confirm), or its lines are cancelled when the time runs out; the answer leaves the customer out. Either way the answer carries the signed order link for the shopper (`token`, `links.self`).
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order; a publishable key gets it without the customer (StorefrontOrder)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a browser order after payment (the shop's backend, checkout key); again is harmless; 409 payment_expired when its time ran out
         * @description **Scopes**: `admin`, `checkout` (any one).
         */
        post: operations["confirmOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/lines/{lineId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a line: its stock or its queue place goes to the next in line
         * @description **Scopes**: `admin`, `checkout` (any one).
         */
        post: operations["cancelOrderLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the dashboard leads with, in one request: counts by availability, out of stock now, at risk, waitlist demand, late inbound, messages and webhooks
         * @description **Scope**: `admin`.
         */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A purchase order as its supplier sees it, by the signed link's token (no API key)
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         *
         *     The token from the purchase-order email's link, in the `x-portal-token` header or the `token` query parameter.
         */
        get: operations["getPortalPurchaseOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/purchase-orders/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The supplier answers its purchase order by the signed link: confirm, cut, re-date or reject each line
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         *
         *     Same body as `POST /v1/purchase-orders/:id/answer`; the token in the `x-portal-token` header or the `token` query parameter. Answers are idempotent; confirming more than ordered, a line of another order or an order no longer open is refused with nothing written.
         */
        post: operations["answerPortalPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/preorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Waiting preorder lines in queue order with position and promised date; page with limit and offset (all lines without a limit)
         * @description **Scope**: `admin`.
         */
        get: operations["listPreorders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products, ordered by sku; page with `after`
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create or update a product by sku
         * @description **Scope**: `admin`.
         */
        post: operations["upsertProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some fields of a product: what is left out stays, policy fields merge into the current policy, attributes replaces the whole set
         * @description **Scope**: `admin`.
         *
         *     Validated as a whole product after merging (the rules of POST /v1/products) and written in one transaction with the availability it changes; nothing is written when any field is refused.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/v1/products/{sku}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every supplier's offers for a SKU
         * @description **Scope**: `admin`.
         */
        get: operations["listProductOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Purchase orders, newest first; a supplier key sees only its own
         * @description **Scopes**: `admin`, `supplier` (any one).
         */
        get: operations["listPurchaseOrders"];
        put?: never;
        /**
         * Create a draft purchase order with one supplier; every line is inbound supply at once
         * @description **Scope**: `admin`.
         *
         *     A line's unit cost defaults to the supplier's best valid offer for the SKU; its expected date is today plus the offer's (else the supplier's) lead time. An inactive supplier is 409.
         */
        post: operations["createPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A purchase order with its lines (a supplier key: its own only)
         * @description **Scopes**: `admin`, `supplier` (any one).
         */
        get: operations["getPurchaseOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The supplier answers lines: confirm (fewer units, a date) or reject with a reason; the same answer again changes nothing
         * @description **Scopes**: `admin`, `supplier` (any one).
         *
         *     Admin key or the supplier's own key. Confirming more than ordered, a date in the past, a line of another order or an order not sent/acknowledged are refused, and nothing is written. Confirmed quantities and dates re-date the customers waiting on the line's supply.
         */
        post: operations["answerPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a purchase order before any receipt: its open lines and their inbound supply are cancelled
         * @description **Scope**: `admin`.
         */
        post: operations["cancelPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The failover decision log of a purchase order: trigger, scored candidates, the choice and why
         * @description **Scope**: `admin`.
         */
        get: operations["listPurchaseOrderDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive units per line through the ledger (partly or fully; over-receipts go into stock and are recorded; `complete` ends a line short)
         * @description **Scope**: `admin`.
         */
        post: operations["receivePurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a draft purchase order to its supplier (draft → sent; the event supply.po_sent carries what the sender needs)
         * @description **Scope**: `admin`.
         */
        post: operations["sendPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance shipping notice: units shipped so far per line (the same notice again changes nothing)
         * @description **Scopes**: `admin`, `supplier` (any one).
         */
        post: operations["shipPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reactors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outbox reactors: cursor, events behind, parked events, the event being retried
         * @description **Scope**: `admin`.
         */
        get: operations["listReactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reactors/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events reactors gave up on after their retries, newest first, with the last error
         * @description **Scope**: `admin`.
         */
        get: operations["listParkedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reactors/parked/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Drop the parked event for good (status discarded)
         * @description **Scope**: `admin`.
         */
        post: operations["discardParkedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reactors/parked/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the reactor on the parked event again: 200 when it succeeded (status retried), 409 reactor_retry_failed with the error when not
         * @description **Scope**: `admin`.
         */
        post: operations["retryParkedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reserve units at checkout (from locations by priority, or a named one) for ttlSeconds (default 900)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         *
         *     With a publishable (storefront) key the request is held to the checkout settings (GET /v1/settings/checkout): the largest quantity and longest ttlSeconds (403 publishable_limit; without ttlSeconds the hold is the shorter of the default and the limit), and reservations per SKU per client (key and address) in a window (429 rate_limited with Retry-After).
         */
        post: operations["createReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One reservation with its lines per location
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        /**
         * Release a reservation
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         */
        delete: operations["releaseReservation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a reservation into a sale (checkout key: the shop's backend, after payment)
         * @description **Scopes**: `admin`, `checkout` (any one).
         */
        post: operations["commitReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who on the staff is emailed when a SKU runs low or out of stock
         * @description **Scope**: `admin`.
         */
        get: operations["getAlertSettings"];
        /**
         * Set who on the staff is emailed when a SKU runs low or out of stock
         * @description **Scope**: `admin`.
         *
         *     One email per recipient for each transition of a SKU into low stock or into out of stock (selling on backorder counts as out); not again until the SKU has left that state. A recipient listed twice (in any case) is kept once.
         */
        put: operations["setAlertSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/allocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How arriving stock is shared among waiting lines
         * @description **Scope**: `admin`.
         */
        get: operations["getAllocationSettings"];
        /**
         * How arriving stock is shared among waiting lines
         * @description **Scope**: `admin`.
         */
        put: operations["setAllocationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browser checkout and the limits of publishable keys
         * @description **Scope**: `admin`.
         */
        get: operations["getCheckoutSettings"];
        /**
         * Set browser checkout and the limits of publishable keys
         * @description **Scope**: `admin`.
         */
        put: operations["setCheckoutSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Failover settings: on or off, status of re-sourced orders, ship grace days, sourcing weights
         * @description **Scope**: `admin`.
         */
        get: operations["getSupplySettings"];
        /**
         * Change failover settings (the fields given; weights merge)
         * @description **Scope**: `admin`.
         */
        put: operations["setSupplySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Double opt-in, batch factor k, batch interval, hold hours
         * @description **Scope**: `admin`.
         */
        get: operations["getWaitlistSettings"];
        /**
         * Double opt-in, batch factor k, batch interval, hold hours
         * @description **Scope**: `admin`.
         */
        put: operations["setWaitlistSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stock table: one row per SKU, filtered, sorted and paged on the server; total counts every match
         * @description **Scope**: `admin`.
         */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suppliers by name; page with limit and offset
         * @description **Scope**: `admin`.
         */
        get: operations["listSuppliers"];
        put?: never;
        /**
         * Create a supplier
         * @description **Scope**: `admin`.
         *
         *     Channel `email`, `webhook` (needs `webhookUrl`, checked like webhook endpoints) or `portal`. Lead times and costs cannot be negative.
         */
        post: operations["createSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A supplier
         * @description **Scope**: `admin`.
         */
        get: operations["getSupplier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a supplier (deactivate it: no new orders, never chosen by failover)
         * @description **Scope**: `admin`.
         */
        patch: operations["updateSupplier"];
        trace?: never;
    };
    "/v1/suppliers/{id}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A supplier's offers
         * @description **Scope**: `admin`.
         */
        get: operations["listSupplierOffers"];
        put?: never;
        /**
         * Add an offer: what the supplier sells a SKU for, in what quantities, how fast, and when
         * @description **Scope**: `admin`.
         */
        post: operations["offersSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Supplier performance from its PO history: on-time rate, fill rate, acknowledgement time, lead-time distribution
         * @description **Scope**: `admin`.
         */
        get: operations["listSupplierPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The secret a supplier's system verifies our purchase-order webhooks with (Standard Webhooks, `whsec_…`)
         * @description **Scope**: `admin`.
         *
         *     Derived from the service signing key and the supplier id: nothing is stored, and rotating the signing key rotates it. Give it to the supplier once, over a safe channel.
         */
        get: operations["listSupplierWebhookSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supply/skus/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A SKU's supply: its offers, its open purchase-order lines, and whether failover may re-source it
         * @description **Scope**: `admin`.
         */
        get: operations["getSupplySku"];
        /**
         * Switch failover on or off for one SKU
         * @description **Scope**: `admin`.
         */
        put: operations["setSupplySku"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supply/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-source now every line past its acknowledgement deadline or ship date (the service does this every minute)
         * @description **Scope**: `admin`.
         */
        post: operations["createSupplySweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscriptions, in list order per SKU unless sorted; a waiting one has its position in its SKU's list
         * @description **Scope**: `admin`.
         */
        get: operations["listWaitlistSubscriptions"];
        put?: never;
        /**
         * "Notify me when available": always 202 with the same body, whether or not the address is on the list already (no enumeration)
         * @description **Scopes**: `admin`, `storefront`, `checkout` (any one).
         *
         *     With double opt-in (the default) the answer is `pending`: a confirmation email goes out unless one is pending for this recipient and SKU (it is sent again at most once an hour). `+tag` variants and case count as one recipient. Without double opt-in the answer is `waiting`.
         */
        post: operations["joinWaitlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unsubscribe by the contact's token (from any message's link)
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         */
        delete: operations["unsubscribeFromWaitlist"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/holds/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A "held for you" link: the reservation to check out with and until when
         * @description **Public**: no API key; the signed token in the path (from a link we sent) is the credential.
         */
        get: operations["getWaitlistHold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Demand signals per SKU: subscribers, units wanted, sign-ups per day, notified, converted, median wait
         * @description **Scope**: `admin`.
         */
        get: operations["getWaitlistStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Registered webhook endpoints (never their secrets)
         * @description **Scope**: `admin`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint for event types; deliveries are signed as Standard Webhooks says
         * @description **Scope**: `admin`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint
         * @description **Scope**: `admin`.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Deactivate an endpoint: nothing more is sent to it; its deliveries stay readable
         * @description **Scope**: `admin`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change the URL, the event types, the description, or pause/resume deliveries
         * @description **Scope**: `admin`.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries to an endpoint, newest first, with attempts, the last answer and the next attempt
         * @description **Scope**: `admin`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery with its attempts and last answer
         * @description **Scope**: `admin`.
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivered or dead delivery again now, with a fresh attempt cycle and the same webhook-id
         * @description **Scope**: `admin`.
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook deliveries per UTC day (every day of the window, zeros included), by status, for charts
         * @description **Scope**: `admin`.
         *
         *     Counts deliveries by the day they were created and their status now: `failed` are those whose retries ran out (dead).
         */
        get: operations["getWebhookVolume"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "inventory.availability_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Anything a shopper sees changed: status or units available to sell.
         * @description Sent to every active endpoint subscribed to `inventory.availability_changed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onInventoryAvailabilityChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inventory.back_in_stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The SKU sells from stock again.
         * @description Sent to every active endpoint subscribed to `inventory.back_in_stock` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onInventoryBackInStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inventory.low_stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The SKU became low on stock (status low_stock).
         * @description Sent to every active endpoint subscribed to `inventory.low_stock` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onInventoryLowStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inventory.out_of_stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The SKU stopped selling from stock (nothing left to sell now).
         * @description Sent to every active endpoint subscribed to `inventory.out_of_stock` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onInventoryOutOfStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A message gave up after its last attempt; it will not be sent.
         * @description Sent to every active endpoint subscribed to `message.failed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onMessageFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An order was placed: each line split into stock, backorder and pre-order parts.
         * @description Sent to every active endpoint subscribed to `order.created` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.line_allocated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Arriving stock was allocated to a waiting (backorder or pre-order) line.
         * @description Sent to every active endpoint subscribed to `order.line_allocated` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderLineAllocated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.line_cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A line was cancelled (by the shop or the shopper); its stock or queue place went to the next.
         * @description Sent to every active endpoint subscribed to `order.line_cancelled` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderLineCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.line_delayed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A waiting line is promised later than before (or no date any more).
         * @description Sent to every active endpoint subscribed to `order.line_delayed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderLineDelayed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.line_expedited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A waiting line is promised earlier than before.
         * @description Sent to every active endpoint subscribed to `order.line_expedited` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderLineExpedited"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.preorder_released": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pre-order product was released: its waiting pre-order lines are fulfilled from here on.
         * @description Sent to every active endpoint subscribed to `order.preorder_released` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onOrderPreorderReleased"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.line_rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A supplier rejected a purchase-order line.
         * @description Sent to every active endpoint subscribed to `supply.line_rejected` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyLineRejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.line_resourced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unfilled units of a purchase-order line were re-sourced to another supplier.
         * @description Sent to every active endpoint subscribed to `supply.line_resourced` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyLineResourced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.po_acknowledged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A supplier answered lines of a purchase order (confirmed, cut, re-dated or rejected).
         * @description Sent to every active endpoint subscribed to `supply.po_acknowledged` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyPoAcknowledged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.po_late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A purchase-order line missed its acknowledgement deadline or its ship date.
         * @description Sent to every active endpoint subscribed to `supply.po_late` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyPoLate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.po_sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A purchase order was sent to its supplier (delivered through the supplier's channel).
         * @description Sent to every active endpoint subscribed to `supply.po_sent` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyPoSent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supply.unsourced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unfilled units could not be re-sourced: no eligible offer. An operator must act.
         * @description Sent to every active endpoint subscribed to `supply.unsourced` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onSupplyUnsourced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "waitlist.confirmed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending subscription was confirmed (double opt-in).
         * @description Sent to every active endpoint subscribed to `waitlist.confirmed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onWaitlistConfirmed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "waitlist.converted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A notified contact ordered the SKU within the conversion window.
         * @description Sent to every active endpoint subscribed to `waitlist.converted` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onWaitlistConverted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "waitlist.notified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Told it is back; `held` when units were reserved for them until `holdExpiresAt`.
         * @description Sent to every active endpoint subscribed to `waitlist.notified` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onWaitlistNotified"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "waitlist.subscribed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Someone asked to be told when the SKU is back (status pending until they confirm, with double opt-in).
         * @description Sent to every active endpoint subscribed to `waitlist.subscribed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onWaitlistSubscribed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "waitlist.unsubscribed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The contact left the list.
         * @description Sent to every active endpoint subscribed to `waitlist.unsubscribed` (or a pattern matching it). The body is signed as Standard Webhooks says: verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the endpoint's secret; `webhook-id` is the same on every attempt, so drop repeats. The same payload is the `data` of the event on the live stream (GET /v1/events).
         */
        post: operations["onWaitlistUnsubscribed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        ApiKey: {
            createdAt: string;
            id: string;
            name: string;
            /** @description The first characters of the secret, to recognise the key by */
            prefix: string;
            /** @description A publishable key (storefront) may be written into pages; the others are secret */
            publishable: boolean;
            revokedAt: string | null;
            /** @enum {string} */
            scope: "admin" | "storefront" | "checkout" | "feed" | "supplier";
            supplierId: string | null;
        };
        Availability: {
            availableToSell: number | null;
            locations: {
                availableToSell: number;
                location: string;
                region: string;
            }[];
            message: string;
            nextInboundDate: string | null;
            promisedDate: string | null;
            sku: string;
            /** @enum {string} */
            status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            version: number;
        };
        CreatedApiKey: {
            apiKey: components["schemas"]["ApiKey"];
            /** @description The secret, shown only now */
            key: string;
        };
        CreatedWebhook: {
            active: boolean;
            createdAt: string;
            description: string | null;
            events: string[];
            id: string;
            /** @description Signing secret (`whsec_…`), shown only now */
            secret: string;
            url: string;
        };
        Error: {
            error: {
                code: string;
                details: unknown;
                message: string;
            };
        };
        /** @description Anything a shopper sees changed: status or units available to sell. */
        "Event.inventory.availability_changed": {
            after: {
                availableToSell: number | null;
                /** @description What a shopper is told, e.g. "Only 3 left in stock" */
                message: string;
                nextInboundDate: string | null;
                promisedDate: string | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            };
            /** @description What a shopper saw before the change; null for the SKU's first availability */
            before: {
                availableToSell: number | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            } | null;
            sku: string;
            /** @description Increases with every change of the SKU's stock: keep the highest */
            version: number;
        };
        /** @description The SKU sells from stock again. */
        "Event.inventory.back_in_stock": {
            after: {
                availableToSell: number | null;
                /** @description What a shopper is told, e.g. "Only 3 left in stock" */
                message: string;
                nextInboundDate: string | null;
                promisedDate: string | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            };
            /** @description What a shopper saw before the change; null for the SKU's first availability */
            before: {
                availableToSell: number | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            } | null;
            sku: string;
            /** @description Increases with every change of the SKU's stock: keep the highest */
            version: number;
        };
        /** @description The SKU became low on stock (status low_stock). */
        "Event.inventory.low_stock": {
            after: {
                availableToSell: number | null;
                /** @description What a shopper is told, e.g. "Only 3 left in stock" */
                message: string;
                nextInboundDate: string | null;
                promisedDate: string | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            };
            /** @description What a shopper saw before the change; null for the SKU's first availability */
            before: {
                availableToSell: number | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            } | null;
            sku: string;
            /** @description Increases with every change of the SKU's stock: keep the highest */
            version: number;
        };
        /** @description The SKU stopped selling from stock (nothing left to sell now). */
        "Event.inventory.out_of_stock": {
            after: {
                availableToSell: number | null;
                /** @description What a shopper is told, e.g. "Only 3 left in stock" */
                message: string;
                nextInboundDate: string | null;
                promisedDate: string | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            };
            /** @description What a shopper saw before the change; null for the SKU's first availability */
            before: {
                availableToSell: number | null;
                /** @enum {string} */
                status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            } | null;
            sku: string;
            /** @description Increases with every change of the SKU's stock: keep the highest */
            version: number;
        };
        /** @description A message gave up after its last attempt; it will not be sent. */
        "Event.message.failed": {
            attempts: number;
            /** @description The last error */
            error: string;
            /** @description The message (msg_…) */
            id: string;
            sku: string | null;
            to: string;
            /** @description The message type, e.g. back_in_stock */
            type: string;
        };
        /** @description An order was placed: each line split into stock, backorder and pre-order parts. */
        "Event.order.created": {
            customerId: string;
            /** @description The order's contact email ('' when the order has none) */
            email: string;
            lines: {
                backordered: number;
                fromStock: number;
                lineId: string;
                preordered: number;
                promisedDate: string | null;
                quantity: number;
                sku: string;
                /** @enum {string} */
                status: "confirmed" | "backordered" | "preordered" | "allocated" | "cancelled";
            }[];
            locale: string | null;
            orderId: string;
        };
        /** @description Arriving stock was allocated to a waiting (backorder or pre-order) line. */
        "Event.order.line_allocated": {
            /** @description Units allocated to the line so far */
            allocated: number;
            /** @description The order's contact email ('' when the order has none) */
            email: string;
            /** @enum {string} */
            kind: "backorder" | "preorder";
            lineId: string;
            orderId: string;
            /** @description Units handed to the line by this allocation */
            quantity: number;
            /** @description Units still to come */
            remaining: number;
            sku: string;
            /** @enum {string} */
            status: "confirmed" | "backordered" | "preordered" | "allocated" | "cancelled";
        };
        /** @description A line was cancelled (by the shop or the shopper); its stock or queue place went to the next. */
        "Event.order.line_cancelled": {
            /** @description The order's contact email ('' when the order has none) */
            email: string;
            lineId: string;
            orderId: string;
            quantity: number;
            sku: string;
            /** @description Units that were still waiting when it was cancelled */
            wasWaiting: number;
        };
        /** @description A waiting line is promised later than before (or no date any more). */
        "Event.order.line_delayed": {
            /** @description The order's contact email ('' when the order has none) */
            email: string;
            lineId: string;
            newDate: string | null;
            /** @description YYYY-MM-DD: the date promised before */
            oldDate: string;
            orderId: string;
            sku: string;
            /** @description Units still waiting */
            waiting: number;
        };
        /** @description A waiting line is promised earlier than before. */
        "Event.order.line_expedited": {
            /** @description The order's contact email ('' when the order has none) */
            email: string;
            lineId: string;
            newDate: string | null;
            /** @description YYYY-MM-DD: the date promised before */
            oldDate: string;
            orderId: string;
            sku: string;
            /** @description Units still waiting */
            waiting: number;
        };
        /** @description A pre-order product was released: its waiting pre-order lines are fulfilled from here on. */
        "Event.order.preorder_released": {
            lines: {
                allocated: number;
                email: string;
                lineId: string;
                locale: string | null;
                orderId: string;
                promisedDate: string | null;
                quantity: number;
            }[];
            releaseDate: string | null;
            sku: string;
        };
        /** @description A supplier rejected a purchase-order line. */
        "Event.supply.line_rejected": {
            lineId: string;
            location: string;
            poId: string;
            /** @description Units rejected */
            quantity: number;
            reason: string | null;
            sku: string;
            supplierId: string;
        };
        /** @description Unfilled units of a purchase-order line were re-sourced to another supplier. */
        "Event.supply.line_resourced": {
            decisionId: string;
            lineId: string;
            poId: string;
            /** @description Units re-sourced */
            quantity: number;
            sku: string;
            toLineId: string;
            toPoId: string;
            toSupplierId: string;
            /** @enum {string} */
            trigger: "rejected" | "short" | "ack_timeout" | "ship_late";
        };
        /** @description A supplier answered lines of a purchase order (confirmed, cut, re-dated or rejected). */
        "Event.supply.po_acknowledged": {
            /** @description The lines this answer changed */
            lines: {
                confirmedDate: string | null;
                confirmedQuantity: number | null;
                lineId: string;
                /** @description Units ordered */
                quantity: number;
                rejectReason: string | null;
                sku: string;
                /** @enum {string} */
                status: "open" | "confirmed" | "rejected" | "shipped" | "received" | "cancelled";
            }[];
            poId: string;
            /** @enum {string} */
            status: "draft" | "sent" | "acknowledged" | "shipped" | "received" | "closed" | "cancelled";
            supplierId: string;
        };
        /** @description A purchase-order line missed its acknowledgement deadline or its ship date. */
        "Event.supply.po_late": {
            dueAt: string;
            lineId: string;
            poId: string;
            sku: string;
            supplierId: string;
            /** @enum {string} */
            trigger: "ack_timeout" | "ship_late";
        };
        /** @description A purchase order was sent to its supplier (delivered through the supplier's channel). */
        "Event.supply.po_sent": {
            /** @description ISO 8601: answer by then (sent time + the supplier's acknowledgement deadline) */
            ackDeadline: string;
            /** @enum {string} */
            channel: "email" | "webhook" | "portal";
            currency: string;
            /** @description The supplier's contact email */
            email: string;
            lines: {
                /** @description YYYY-MM-DD: expected arrival */
                expectedDate: string;
                lineId: string;
                location: string;
                quantity: number;
                sku: string;
                supplierSku: string | null;
                unitCost: number;
            }[];
            poId: string;
            supplierId: string;
            supplierName: string;
            total: number;
            webhookUrl: string | null;
        };
        /** @description Unfilled units could not be re-sourced: no eligible offer. An operator must act. */
        "Event.supply.unsourced": {
            decisionId: string;
            lineId: string;
            poId: string;
            quantity: number;
            reason: string;
            sku: string;
            /** @enum {string} */
            trigger: "rejected" | "short" | "ack_timeout" | "ship_late";
        };
        /** @description A pending subscription was confirmed (double opt-in). */
        "Event.waitlist.confirmed": {
            email: string;
            /** @description The subscription */
            id: string;
            sku: string;
        };
        /** @description A notified contact ordered the SKU within the conversion window. */
        "Event.waitlist.converted": {
            email: string;
            /** @description The subscription */
            id: string;
            orderId: string;
            sku: string;
        };
        /** @description Told it is back; `held` when units were reserved for them until `holdExpiresAt`. */
        "Event.waitlist.notified": {
            email: string;
            /** @description Units were reserved for them until holdExpiresAt */
            held: boolean;
            holdExpiresAt: string | null;
            /** @description The subscription */
            id: string;
            quantity: number;
            sku: string;
        };
        /** @description Someone asked to be told when the SKU is back (status pending until they confirm, with double opt-in). */
        "Event.waitlist.subscribed": {
            email: string;
            /** @description The subscription */
            id: string;
            quantity: number;
            sku: string;
            /** @enum {string} */
            status: "pending" | "waiting" | "notified" | "unsubscribed";
        };
        /** @description The contact left the list. */
        "Event.waitlist.unsubscribed": {
            email: string;
            /** @description The subscription */
            id: string;
            sku: string;
        };
        Forecast: {
            accuracy: {
                baseline: {
                    mase: number | null;
                    method: string;
                    rmsse: number | null;
                    smape: number | null;
                } | null;
                bias: number | null;
                biasPct: number | null;
                horizon: number;
                mase: number | null;
                origins: number;
                points: number;
                rmsse: number | null;
                smape: number | null;
            } | null;
            censoring: {
                periods: number;
                signupRate: number | null;
                waitlistSignups: number;
            };
            computedAt: string;
            demandClass: {
                adi: number | null;
                cv2: number;
                family: string;
                pattern: string;
            };
            forecast: {
                date: string;
                hi80: number;
                hi95: number;
                lo80: number;
                lo95: number;
                mean: number;
            }[];
            /** @enum {string} */
            granularity: "day" | "week" | "month";
            history: {
                date: string;
                sales: number;
                stockout: boolean;
            }[];
            historyEnd: string;
            horizon: number;
            leadTimeDemand: {
                leadTimeDays: number;
                leadTimeSource: string;
                mean: number;
                model: string;
                p90: number;
                p95: number;
                periods: number;
                sd: number;
                shape: string;
            } | null;
            lostSales: number;
            method: string;
            model: string;
            params: {
                [key: string]: number | string | boolean;
            };
            season: number;
            sku: string;
        };
        Inbound: {
            createdAt: string;
            expectedDate: string;
            id: string;
            location: string;
            quantity: number;
            received: number;
            reference: string | null;
            sku: string;
            /** @enum {string} */
            status: "open" | "received" | "cancelled";
        };
        Job: {
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            heartbeatAt: string;
            id: string;
            /** @description what the job does, e.g. forecast_run */
            kind: string;
            /** @description the options it was started with */
            params: unknown;
            progress: {
                current: string | null;
                done: number;
                total: number | null;
            };
            /** @description the answer once it succeeded (a forecast run: the run summary) */
            result: unknown;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
        };
        Offer: {
            active: boolean;
            createdAt: string;
            id: string;
            leadTimeDays: number | null;
            minQuantity: number;
            /** @description order multiple / pack size */
            multiple: number;
            /** @description lower first */
            priority: number;
            sku: string;
            supplierId: string;
            supplierSku: string | null;
            unitCost: number;
            validFrom: string | null;
            validTo: string | null;
        };
        Order: {
            createdAt: string;
            customer: {
                email: string;
                id: string;
                locale: string | null;
                tier: string | null;
            };
            id: string;
            lines: {
                allocated: number;
                allowPartial: boolean;
                backordered: number;
                fromStock: number;
                id: string;
                lineNo: number;
                preordered: number;
                promisedDate: string | null;
                quantity: number;
                reservationId: string | null;
                sku: string;
                /** @enum {string} */
                status: "confirmed" | "backordered" | "preordered" | "allocated" | "cancelled";
                waiting: number;
            }[];
            links?: {
                /** @description PUBLIC_URL/o/{token} */
                self: string;
            };
            payment: components["schemas"]["OrderPayment"];
            /** @description Signed order token (placement answers only): the shopper's access to this order */
            token?: string;
        };
        OrderLinkView: {
            createdAt: string;
            /** @description The order's email, masked (s***5@example.com) */
            email: string;
            id: string;
            lines: {
                allocated: number;
                allowPartial: boolean;
                backordered: number;
                fromStock: number;
                id: string;
                lineNo: number;
                preordered: number;
                promisedDate: string | null;
                quantity: number;
                reservationId: string | null;
                sku: string;
                /** @enum {string} */
                status: "confirmed" | "backordered" | "preordered" | "allocated" | "cancelled";
                waiting: number;
            }[];
            locale: string | null;
            payment: components["schemas"]["OrderPayment"];
        };
        OrderPayment: {
            expiresAt: string | null;
            /**
             * @description pending: a browser order waiting for POST /v1/orders/{id}/confirm until expiresAt; expired: never confirmed, its lines were cancelled
             * @enum {string}
             */
            status: "pending" | "confirmed" | "expired";
        };
        Overview: {
            atRisk: {
                items: {
                    availableToSell: number;
                    daysOfCover: number | null;
                    lowStockThreshold: number;
                    sku: string;
                    title: string;
                }[];
                /** @description how many in all; items holds up to the first ten */
                total: number;
            };
            counts: {
                byStatus: {
                    backorder: number;
                    discontinued: number;
                    in_stock: number;
                    low_stock: number;
                    out_of_stock: number;
                    preorder: number;
                };
                products: number;
            };
            lateInbound: {
                items: {
                    daysLate: number;
                    /** @description the expected date (YYYY-MM-DD), now past */
                    expectedAt: string;
                    id: string;
                    /** @description units still expected */
                    quantity: number;
                    sku: string;
                    title: string;
                }[];
                /** @description how many in all; items holds up to the first ten */
                total: number;
            };
            messages: {
                /** @description messages created in the last 24 hours that failed for good */
                failedLast24h: number;
                queued: number;
            };
            outOfStock: {
                items: {
                    backordered: number;
                    since: string | null;
                    sku: string;
                    title: string;
                    /** @description people on the waitlist */
                    waiting: number;
                }[];
                /** @description how many in all; items holds up to the first ten */
                total: number;
            };
            waitlistDemand: {
                items: {
                    people: number;
                    sku: string;
                    title: string;
                    units: number;
                }[];
                /** @description how many in all; items holds up to the first ten */
                total: number;
            };
            webhooks: {
                /** @description active endpoints */
                endpoints: number;
                /** @description active endpoints with a delivery given up on in the last 24 hours or being retried after a failure */
                failing: number;
            };
        };
        ParkedEvent: {
            attempts: number;
            consumer: string;
            error: string;
            eventId: number;
            eventType: string;
            id: number;
            parkedAt: string;
            resolvedAt: string | null;
            /** @enum {string} */
            status: "parked" | "retried" | "discarded";
        };
        PortalPurchaseOrder: {
            acknowledgedAt: string | null;
            answerable: boolean;
            createdAt: string;
            currency: string;
            id: string;
            lines: {
                answeredAt: string | null;
                confirmedDate: string | null;
                confirmedQuantity: number | null;
                expectedDate: string;
                id: string;
                location: string;
                quantity: number;
                rejectReason: string | null;
                sku: string;
                status: string;
                supplierSku: string | null;
                unitCost: number;
            }[];
            linkExpiresAt: string;
            sentAt: string | null;
            status: string;
            supplier: {
                id: string;
                name: string;
            };
            total: number;
        };
        Product: {
            attributes: {
                [key: string]: unknown;
            };
            brand: string;
            category: string;
            createdAt: string;
            currency: string;
            description: string;
            policy: {
                allowBackorder: boolean;
                allowPreorder: boolean;
                backorderLimit: number | null;
                leadTimeDays: number | null;
                lowStockThreshold: number;
                preorderLimit: number | null;
                releaseDate: string | null;
                trackInventory: boolean;
            };
            price: string;
            sku: string;
            /** @enum {string} */
            status: "active" | "upcoming" | "discontinued";
            title: string;
            updatedAt: string;
        };
        PurchaseOrder: {
            acknowledgedAt: string | null;
            createdAt: string;
            currency: string;
            id: string;
            lines: {
                answeredAt: string | null;
                confirmedDate: string | null;
                confirmedQuantity: number | null;
                /** @description YYYY-MM-DD: the confirmed date, else the order date plus the lead time */
                expectedDate: string;
                id: string;
                inboundId: string | null;
                lateAt: string | null;
                location: string;
                poId: string;
                quantity: number;
                receivedAt: string | null;
                /** @description may exceed quantity (an over-receipt) */
                receivedQuantity: number;
                rejectReason: string | null;
                resourcedFrom: string | null;
                /** @description units handed to another line by failover */
                resourcedQuantity: number;
                shippedQuantity: number;
                sku: string;
                /** @enum {string} */
                status: "open" | "confirmed" | "rejected" | "shipped" | "received" | "cancelled";
                unitCost: number;
                /** @description units failover could not re-source (no eligible offer, or failover off): an operator must act */
                unsourcedQuantity: number;
            }[];
            sentAt: string | null;
            /** @enum {string} */
            source: "manual" | "failover" | "plan";
            /** @enum {string} */
            status: "draft" | "sent" | "acknowledged" | "shipped" | "received" | "closed" | "cancelled";
            supplierId: string;
            total: number;
            updatedAt: string;
        };
        Reservation: {
            createdAt: string;
            expiresAt: string;
            id: string;
            lines: {
                location: string;
                quantity: number;
            }[];
            quantity: number;
            reference: string | null;
            sku: string;
            status: string;
        };
        SkuSupply: {
            /** @description may failover re-source this SKU */
            failover: boolean;
            offers: components["schemas"]["Offer"][];
            openLines: ({
                answeredAt: string | null;
                confirmedDate: string | null;
                confirmedQuantity: number | null;
                /** @description YYYY-MM-DD: the confirmed date, else the order date plus the lead time */
                expectedDate: string;
                id: string;
                inboundId: string | null;
                lateAt: string | null;
                location: string;
                poId: string;
                quantity: number;
                receivedAt: string | null;
                /** @description may exceed quantity (an over-receipt) */
                receivedQuantity: number;
                rejectReason: string | null;
                resourcedFrom: string | null;
                /** @description units handed to another line by failover */
                resourcedQuantity: number;
                shippedQuantity: number;
                sku: string;
                /** @enum {string} */
                status: "open" | "confirmed" | "rejected" | "shipped" | "received" | "cancelled";
                unitCost: number;
                /** @description units failover could not re-source (no eligible offer, or failover off): an operator must act */
                unsourcedQuantity: number;
            } & {
                poStatus: string;
                supplierId: string;
            })[];
            sku: string;
        };
        /** @description One SKU, summed over its locations. free = Σ per location max(0, onHand − reserved − committed − safetyStock) (a location counted short never makes another negative); availableToSell = max(0, free − backordered − preordered): the units waiting orders are owed come off free stock first, so a new sale takes only the rest. status is the availability the storefront is shown, as the availability policy computed it at the SKU's last stock or product change. */
        StockRow: {
            availableToSell: number | null;
            /** @description units waiting backorder lines are still owed */
            backordered: number;
            category: string;
            /** @description sold, not shipped yet (still on hand), including units allocated to waiting orders */
            committed: number;
            /** @description Σ over locations of max(0, onHand − reserved − committed − safetyStock) */
            free: number;
            /** @description units of open inbound (expected, not received) */
            inbound: number;
            /** @description availableToSell at or below this (and above 0) is low_stock */
            lowStockThreshold: number;
            /** @description physical units at all locations */
            onHand: number;
            /** @description units waiting pre-order lines are still owed */
            preordered: number;
            /** @enum {string} */
            productStatus: "active" | "upcoming" | "discontinued";
            /** @description held for carts (reservations) */
            reserved: number;
            /** @description kept back from sale */
            safetyStock: number;
            sku: string;
            /**
             * @description availability as the storefront sees it (GET /v1/availability/{sku})
             * @enum {string}
             */
            status: "in_stock" | "low_stock" | "out_of_stock" | "backorder" | "preorder" | "discontinued";
            title: string;
            /** @description people on the waitlist (status waiting) */
            waiting: number;
            /** @description units those people want */
            waitingUnits: number;
        };
        StorefrontOrder: {
            createdAt: string;
            id: string;
            lines: {
                allocated: number;
                allowPartial: boolean;
                backordered: number;
                fromStock: number;
                id: string;
                lineNo: number;
                preordered: number;
                promisedDate: string | null;
                quantity: number;
                reservationId: string | null;
                sku: string;
                /** @enum {string} */
                status: "confirmed" | "backordered" | "preordered" | "allocated" | "cancelled";
                waiting: number;
            }[];
            links?: {
                /** @description PUBLIC_URL/o/{token} */
                self: string;
            };
            payment: components["schemas"]["OrderPayment"];
            /** @description Signed order token (placement answers only): the shopper's access to this order */
            token?: string;
        };
        Subscription: {
            confirmedAt: string | null;
            convertedAt: string | null;
            createdAt: string;
            email: string;
            holdExpiresAt: string | null;
            id: string;
            locale: string;
            notifiedAt: string | null;
            phone: string | null;
            position?: number;
            quantity: number;
            sku: string;
            status: string;
        };
        Supplier: {
            ackDeadlineHours: number;
            active: boolean;
            /** @enum {string} */
            channel: "email" | "webhook" | "portal";
            createdAt: string;
            currency: string;
            email: string;
            /** @description May failover re-source this supplier's unfilled lines and choose it */
            failover: boolean;
            id: string;
            leadTimeDays: number;
            leadTimeSdDays: number;
            minOrderValue: number;
            name: string;
            regions: string[];
            updatedAt: string;
            webhookUrl: string | null;
        };
        SupplyDecision: {
            at: string;
            candidates: {
                eligible: boolean;
                expectedArrival: string;
                landedUnitCost: number;
                offerId: string;
                reliability: number;
                score: number;
                supplierId: string;
                supplierName: string;
                unitCost: number;
                why: string;
            }[];
            chosen: {
                lineId: string;
                offerId: string;
                poId: string;
                quantity: number;
                supplierId: string;
            } | null;
            id: string;
            lineId: string;
            poId: string;
            /** @description unfilled units */
            quantity: number;
            reason: string;
            /** @enum {string} */
            trigger: "rejected" | "short" | "ack_timeout" | "ship_late";
        };
        SupplySettings: {
            /** @description failover on for the shop (it can also be switched off per SKU and per supplier) */
            failover: boolean;
            /**
             * @description a purchase order failover creates is sent at once, or left as a draft for a person to send
             * @enum {string}
             */
            resourcedPoStatus: "draft" | "sent";
            /** @description days after a confirmed date before an unshipped line is re-sourced */
            shipGraceDays: number;
            /** @description The sourcing score: landed cost per needed unit, expected arrival, measured reliability (normalised by their sum) */
            weights: {
                arrival: number;
                cost: number;
                reliability: number;
            };
        };
        Webhook: {
            active: boolean;
            createdAt: string;
            description: string | null;
            events: string[];
            id: string;
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            createdAt: string;
            deliveredAt: string | null;
            eventId: number;
            eventType: string;
            id: string;
            lastError: string | null;
            lastStatus: number | null;
            /** @description The webhook-id header, the same on every attempt */
            messageId: string;
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            webhookId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database?: string;
                        status?: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAvailabilityBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "skus": [
                 *         "TEE-RED-M",
                 *         "TEE-BLUE-M",
                 *         "TEE-GONE"
                 *       ]
                 *     }
                 */
                "application/json": {
                    skus: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "sku": "TEE-RED-M",
                     *           "status": "in_stock",
                     *           "availableToSell": 46,
                     *           "locations": [
                     *             {
                     *               "location": "WH-BERLIN",
                     *               "region": "EU",
                     *               "availableToSell": 40
                     *             },
                     *             {
                     *               "location": "ST-MUNICH",
                     *               "region": "EU",
                     *               "availableToSell": 6
                     *             }
                     *           ],
                     *           "nextInboundDate": null,
                     *           "promisedDate": null,
                     *           "message": "In stock",
                     *           "version": 2
                     *         },
                     *         {
                     *           "sku": "TEE-BLUE-M",
                     *           "status": "backorder",
                     *           "availableToSell": 0,
                     *           "locations": [
                     *             {
                     *               "location": "WH-BERLIN",
                     *               "region": "EU",
                     *               "availableToSell": 0
                     *             }
                     *           ],
                     *           "nextInboundDate": "2026-05-20",
                     *           "promisedDate": "2026-05-20",
                     *           "message": "Available on backorder: ships by 2026-05-20",
                     *           "version": 3
                     *         }
                     *       ],
                     *       "unknown": [
                     *         "TEE-GONE"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Availability"][];
                        unknown: string[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "TEE-RED-M",
                     *       "status": "in_stock",
                     *       "availableToSell": 46,
                     *       "locations": [
                     *         {
                     *           "location": "WH-BERLIN",
                     *           "region": "EU",
                     *           "availableToSell": 40
                     *         },
                     *         {
                     *           "location": "ST-MUNICH",
                     *           "region": "EU",
                     *           "availableToSell": 6
                     *         }
                     *       ],
                     *       "nextInboundDate": null,
                     *       "promisedDate": null,
                     *       "message": "In stock",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listBackorders: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Stock keeping unit */
                sku?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            kind: string;
                            lineId: string;
                            orderId: string;
                            position: number;
                            promisedDate: string | null;
                            quantity: number;
                            sku: string;
                            tier: string | null;
                        }[];
                        /** @description waiting lines in all (items holds the page) */
                        total: number;
                        totals: {
                            [key: string]: {
                                lines: number;
                                units: number;
                            };
                        };
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: string[];
                        messages: string[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                lastEventId?: number;
                sku?: string;
                /** @description A stream ticket from POST /v1/events/tickets (instead of the Authorization header) */
                ticket?: string;
                /** @description Comma-separated: `*`, `prefix.*` (e.g. `inventory.*`) or exact event types */
                types?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events, one per outbox event: `id` (the event id, for Last-Event-ID), `event` (its type) and `data`, a JSON object `{ id, type, sku, createdAt, data }` whose `data` is the payload of its type (see Webhooks); `: ping` comments every 15 s. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `unknown_event_type`: A webhook names event types that do not exist. details: `{ field: string, unknown?: [string] }`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request" | "unknown_event_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `expired_ticket`: A stream ticket expired; get a new one (POST /v1/events/tickets). details: `{ expiredAt: string }`
             *
             *     `invalid_ticket`: A stream ticket was altered or incomplete, or its key is no longer valid. details: `null`
             *
             *     `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null`
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "expired_ticket" | "invalid_ticket" | "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEventTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        ticket: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getForecast: {
        parameters: {
            query?: {
                /** @description period of the forecast (default week) */
                granularity?: "day" | "week" | "month";
                /** @description periods ahead (default 12 weeks, 56 days or 6 months) */
                horizon?: number;
                /** @description model; auto (default) chooses per SKU */
                method?: "auto" | "ets" | "theta" | "croston" | "sba" | "tsb" | "adida" | "naive" | "snaive";
                /** @description recompute even if a forecast is stored */
                refresh?: boolean;
            };
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `forecast_input_invalid`: Input to a forecast (series, method, horizon, file) is not usable. details: `{ … }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "forecast_input_invalid" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `history_too_short`: The SKU has too little sales history for a forecast. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_demand_observed`: The SKU was out of stock in every period, so its demand was never observed. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_history`: The SKU has no sales history. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "history_too_short" | "no_demand_observed" | "no_history";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSalesHistory: {
        parameters: {
            query?: {
                granularity?: "day" | "week" | "month";
                location?: string;
            };
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        granularity: "day" | "week" | "month";
                        history: {
                            date: string;
                            sales: number;
                            stockout: boolean;
                            stockoutDays: number;
                        }[];
                        location: string | null;
                        sku: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `forecast_input_invalid`: Input to a forecast (series, method, horizon, file) is not usable. details: `{ … }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "forecast_input_invalid" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `history_too_short`: The SKU has too little sales history for a forecast. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_demand_observed`: The SKU was out of stock in every period, so its demand was never observed. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_history`: The SKU has no sales history. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "history_too_short" | "no_demand_observed" | "no_history";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    runForecasts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description run as a background job; the default without skus, and the only way to run every SKU */
                    background?: boolean;
                    backtest?: boolean;
                    /**
                     * @description period of the forecast (default week)
                     * @enum {string}
                     */
                    granularity?: "day" | "week" | "month";
                    /** @description periods ahead (default 12 weeks, 56 days or 6 months) */
                    horizon?: number;
                    /**
                     * @description model; auto (default) chooses per SKU
                     * @enum {string}
                     */
                    method?: "auto" | "ets" | "theta" | "croston" | "sba" | "tsb" | "adida" | "naive" | "snaive";
                    skus?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accuracy: {
                            baseline: {
                                mase: number | null;
                                method: string;
                                rmsse: number | null;
                                smape: number | null;
                            };
                            biasPct: number | null;
                            mase: number | null;
                            rmsse: number | null;
                            skus: number;
                            smape: number | null;
                        } | null;
                        computed: number;
                        failed: {
                            code: string;
                            message: string;
                            sku: string;
                        }[];
                        ms: number;
                        skipped: {
                            code: string;
                            message: string;
                            sku: string;
                        }[];
                        workers: number;
                    };
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `forecast_input_invalid`: Input to a forecast (series, method, horizon, file) is not usable. details: `{ … }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "forecast_input_invalid" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `job_running`: A job of this kind is running already (one at a time); follow it at GET /v1/jobs/{id}. details: `{ id: string, kind: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "job_running";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `history_too_short`: The SKU has too little sales history for a forecast. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_demand_observed`: The SKU was out of stock in every period, so its demand was never observed. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             *
             *     `no_history`: The SKU has no sales history. details: `{ sku: string, periods: integer, minPeriods?: integer, granularity?: string }`
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "history_too_short" | "no_demand_observed" | "no_history";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listInbound: {
        parameters: {
            query?: {
                /** @description only open inbound expected before today (UTC) */
                late?: boolean;
                limit?: number;
                offset?: number;
                /** @description Stock keeping unit */
                sku?: string;
                status?: "open" | "received" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "inb_0mx8eoy8cg34emnwx32wz",
                     *           "sku": "TEE-BLUE-M",
                     *           "location": "WH-BERLIN",
                     *           "quantity": 120,
                     *           "received": 0,
                     *           "expectedDate": "2026-05-20",
                     *           "reference": "PO-4711",
                     *           "status": "open",
                     *           "createdAt": "2026-05-04T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "total": 1
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Inbound"][];
                        /** @description every match, not only this page */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createInbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEE-BLUE-M",
                 *       "location": "WH-BERLIN",
                 *       "quantity": 120,
                 *       "expectedDate": "2026-05-20",
                 *       "reference": "PO-4711"
                 *     }
                 */
                "application/json": {
                    /** @description YYYY-MM-DD */
                    expectedDate: string;
                    location: string;
                    quantity: number;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "inb_0mx8eoy8cg34emnwx32wz",
                     *       "sku": "TEE-BLUE-M",
                     *       "location": "WH-BERLIN",
                     *       "quantity": 120,
                     *       "received": 0,
                     *       "expectedDate": "2026-05-20",
                     *       "reference": "PO-4711",
                     *       "status": "open",
                     *       "createdAt": "2026-05-04T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Inbound"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_date`: A date is not a calendar date YYYY-MM-DD. details: `{ field: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_date" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateInbound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description YYYY-MM-DD */
                    expectedDate?: string;
                    quantity?: number;
                    /** @enum {string} */
                    status?: "cancelled";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbound"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_date`: A date is not a calendar date YYYY-MM-DD. details: `{ field: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_date" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_inbound`: No inbound stock has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_inbound";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `below_received`: An inbound quantity cannot go below what was received. details: `{ received: integer }`
             *
             *     `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `inbound_cancelled`: The inbound stock was cancelled; it cannot change. details: `{ id: string, status: string }`
             *
             *     `inbound_received`: The inbound stock was received in full; it cannot change. details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "below_received" | "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "inbound_cancelled" | "inbound_received";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    receiveInbound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbound"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_inbound`: No inbound stock has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_inbound";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `inbound_cancelled`: The inbound stock was cancelled; it cannot change. details: `{ id: string, status: string }`
             *
             *     `inbound_received`: The inbound stock was received in full; it cannot change. details: `{ id: string, status: string }`
             *
             *     `over_receipt`: More units would be received than the inbound expects. details: `{ expected: integer, quantity: integer }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "inbound_cancelled" | "inbound_received" | "over_receipt" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "TEE-RED-M",
                     *       "levels": [
                     *         {
                     *           "sku": "TEE-RED-M",
                     *           "location": "ST-MUNICH",
                     *           "onHand": 6,
                     *           "reserved": 0,
                     *           "committed": 0,
                     *           "safetyStock": 0,
                     *           "inbound": 0
                     *         },
                     *         {
                     *           "sku": "TEE-RED-M",
                     *           "location": "WH-BERLIN",
                     *           "onHand": 40,
                     *           "reserved": 0,
                     *           "committed": 3,
                     *           "safetyStock": 0,
                     *           "inbound": 0
                     *         }
                     *       ],
                     *       "totals": {
                     *         "onHand": 46,
                     *         "reserved": 0,
                     *         "committed": 3,
                     *         "safetyStock": 0,
                     *         "inbound": 0,
                     *         "availableToSell": 43
                     *       }
                     *     }
                     */
                    "application/json": {
                        levels: {
                            committed: number;
                            inbound: number;
                            location: string;
                            onHand: number;
                            reserved: number;
                            safetyStock: number;
                            sku: string;
                        }[];
                        sku: string;
                        totals: {
                            availableToSell: number;
                            committed: number;
                            inbound: number;
                            onHand: number;
                            reserved: number;
                            safetyStock: number;
                        };
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listInventoryLedger: {
        parameters: {
            query?: {
                after?: number;
                /** @description from this time on (inclusive): an ISO 8601 date-time (2026-01-15T10:00:00Z) or a date (2026-01-15, UTC) */
                from?: string;
                limit?: number;
                /** @description up to this time (exclusive); a date includes that whole day: an ISO 8601 date-time (2026-01-15T10:00:00Z) or a date (2026-01-15, UTC) */
                to?: string;
                /** @description movement types, repeated or comma-separated: receipt, adjustment, count, reservation, release, commit, shipment, transfer */
                type?: string | string[];
            };
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            committedDelta: number;
                            createdAt: string;
                            id: number;
                            location: string;
                            onHandDelta: number;
                            quantity: number;
                            reason: string | null;
                            reference: string | null;
                            reservedDelta: number;
                            sku: string;
                            type: string;
                        }[];
                        next: number | null;
                        /** @description movements that pass the filters (after and limit only choose the page) */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    exportInventoryLedgerCsv: {
        parameters: {
            query?: {
                /** @description from this time on (inclusive): an ISO 8601 date-time (2026-01-15T10:00:00Z) or a date (2026-01-15, UTC) */
                from?: string;
                /** @description up to this time (exclusive); a date includes that whole day: an ISO 8601 date-time (2026-01-15T10:00:00Z) or a date (2026-01-15, UTC) */
                to?: string;
                /** @description movement types, repeated or comma-separated: receipt, adjustment, count, reservation, release, commit, shipment, transfer */
                type?: string | string[];
            };
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with the columns id, createdAt, sku, location, type, quantity, onHandDelta, reservedDelta, committedDelta, reason, reference */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setSafetyStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                location: string;
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    safetyStock: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        committed: number;
                        inbound: number;
                        location: string;
                        onHand: number;
                        reserved: number;
                        safetyStock: number;
                        sku: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createInventoryAdjustment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    delta: number;
                    location: string;
                    reason?: string;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        committed: number;
                        inbound: number;
                        location: string;
                        onHand: number;
                        reserved: number;
                        safetyStock: number;
                        sku: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `negative_stock`: The change would take on hand, reserved or committed below zero; details give the level before it. details: `{ sku: string, location: string, onHand: integer, reserved: integer, committed: integer }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "negative_stock" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    pushInventoryFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "sku": "TEE-RED-M",
                 *           "location": "WH-BERLIN",
                 *           "onHand": 40,
                 *           "idempotencyKey": "wms-2026-05-04-0001"
                 *         },
                 *         {
                 *           "sku": "TEE-RED-M",
                 *           "location": "ST-MUNICH",
                 *           "onHand": 6,
                 *           "idempotencyKey": "pos-munich-88121",
                 *           "reason": "store count"
                 *         },
                 *         {
                 *           "sku": "TEE-BLUE-M",
                 *           "location": "WH-BERLIN",
                 *           "onHand": 0,
                 *           "idempotencyKey": "wms-2026-05-04-0002"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    lines: {
                        delta?: number;
                        idempotencyKey: string;
                        location: string;
                        onHand?: number;
                        reason?: string;
                        /** @description Stock keeping unit */
                        sku: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "lines": [
                     *         {
                     *           "idempotencyKey": "wms-2026-05-04-0001",
                     *           "sku": "TEE-RED-M",
                     *           "location": "WH-BERLIN",
                     *           "status": "applied",
                     *           "onHand": 40
                     *         },
                     *         {
                     *           "idempotencyKey": "pos-munich-88121",
                     *           "sku": "TEE-RED-M",
                     *           "location": "ST-MUNICH",
                     *           "status": "applied",
                     *           "onHand": 6
                     *         },
                     *         {
                     *           "idempotencyKey": "wms-2026-05-04-0002",
                     *           "sku": "TEE-BLUE-M",
                     *           "location": "WH-BERLIN",
                     *           "status": "applied",
                     *           "onHand": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        lines: {
                            idempotencyKey: string;
                            location: string;
                            onHand: number;
                            sku: string;
                            status: string;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_feed`: Lines of a stock feed break the feed rules or name unknown SKUs or locations; nothing was applied. details: `{ lines: [{ line: integer, reason: string }] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_feed" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `feed_key_reused`: Feed line idempotency keys were used before for another SKU or location; nothing was applied. details: `{ keys: [string] }`
             *
             *     `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "feed_key_reused" | "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createInventoryReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    location: string;
                    quantity: number;
                    reason?: string;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        committed: number;
                        inbound: number;
                        location: string;
                        onHand: number;
                        reserved: number;
                        safetyStock: number;
                        sku: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createInventoryShipment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    location: string;
                    quantity: number;
                    reason?: string;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        committed: number;
                        inbound: number;
                        location: string;
                        onHand: number;
                        reserved: number;
                        safetyStock: number;
                        sku: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `insufficient_on_hand`: Fewer units are on hand at the location than would ship. details: `{ onHand: integer, quantity: integer }`
             *
             *     `nothing_to_ship`: Fewer sold units wait to ship at the location than would ship. details: `{ committed: integer, quantity: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "insufficient_on_hand" | "nothing_to_ship";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createInventoryTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: string;
                    quantity: number;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                    to: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        levels: {
                            committed: number;
                            inbound: number;
                            location: string;
                            onHand: number;
                            reserved: number;
                            safetyStock: number;
                            sku: string;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `insufficient_stock`: Fewer units are free to sell than requested. details: `{ sku: string, requested: integer, available: integer }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "insufficient_stock" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                kind?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Job"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_job`: No background job has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_job";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    scope: "admin" | "storefront" | "checkout" | "feed" | "supplier";
                    supplierId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_key`: No API key has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_key";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listLocations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            name: string;
                            priority: number;
                            region: string;
                            /** @enum {string} */
                            type: "warehouse" | "store" | "dropship";
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    upsertLocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    priority: number;
                    region: string;
                    /** @enum {string} */
                    type: "warehouse" | "store" | "dropship";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        priority: number;
                        region: string;
                        /** @enum {string} */
                        type: "warehouse" | "store" | "dropship";
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        priority: number;
                        region: string;
                        /** @enum {string} */
                        type: "warehouse" | "store" | "dropship";
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                before?: string;
                limit?: number;
                offset?: number;
                /** @description substring of the recipient or the subject, any case */
                q?: string;
                status?: string;
                to?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            [key: string]: number;
                        };
                        items: {
                            attempts: number;
                            createdAt: string;
                            html: string;
                            id: string;
                            lastError: string | null;
                            locale: string;
                            sentAt: string | null;
                            sku: string | null;
                            status: string;
                            subject: string;
                            text: string;
                            to: string;
                            type: string;
                        }[];
                        /** @description messages matching to, type, status and q (before and offset only choose the page) */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        createdAt: string;
                        html: string;
                        id: string;
                        lastError: string | null;
                        locale: string;
                        sentAt: string | null;
                        sku: string | null;
                        status: string;
                        subject: string;
                        text: string;
                        to: string;
                        type: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_message`: No message has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_message";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMessageVolume: {
        parameters: {
            query?: {
                /** @description Days back from today (UTC), today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "days": [
                     *         {
                     *           "date": "2026-05-02",
                     *           "sent": 184,
                     *           "failed": 1,
                     *           "queued": 0
                     *         },
                     *         {
                     *           "date": "2026-05-03",
                     *           "sent": 203,
                     *           "failed": 0,
                     *           "queued": 0
                     *         },
                     *         {
                     *           "date": "2026-05-04",
                     *           "sent": 97,
                     *           "failed": 2,
                     *           "queued": 5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        days: {
                            /** @description YYYY-MM-DD (UTC) */
                            date: string;
                            failed: number;
                            queued: number;
                            sent: number;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    leadTimeDays?: number | null;
                    minQuantity?: number;
                    multiple?: number;
                    priority?: number;
                    supplierSku?: string | null;
                    unitCost?: number;
                    validFrom?: string | null;
                    validTo?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_date`: A date is not a calendar date YYYY-MM-DD. details: `{ field: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_date" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_offer`: No supplier offer has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_offer";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getOrderLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderLinkView"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_order`: No order has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    cancelOrderLinkLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lineId: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderLinkView"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_order_line`: The order has no line with this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_order_line";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_line_transition`: The order line is in a state that cannot change this way (e.g. a shipped line cannot be cancelled). details: `{ lineId: string }`
             *
             *     `line_cancelled`: The order line is cancelled already. details: `{ lineId: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_line_transition" | "line_cancelled";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customer": {
                 *         "id": "cus_1042",
                 *         "email": "ann@example.com",
                 *         "locale": "en"
                 *       },
                 *       "lines": [
                 *         {
                 *           "sku": "TEE-RED-M",
                 *           "quantity": 1
                 *         },
                 *         {
                 *           "sku": "TEE-BLUE-M",
                 *           "quantity": 2,
                 *           "allowPartial": true
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    customer: {
                        /** Format: email */
                        email: string;
                        id: string;
                        locale?: string;
                        tier?: string;
                    };
                    fulfilment?: {
                        /** @description May a line be served from several locations (default true)? Without, a line no single location can fill is refused (no_single_location) */
                        allowSplit?: boolean;
                        /** @description The customer's region: locations in it are drawn from first, then the rest by priority */
                        region?: string;
                    };
                    lines: {
                        allowPartial?: boolean;
                        quantity: number;
                        reservationId?: string;
                        /** @description Stock keeping unit */
                        sku: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Order with a secret key; StorefrontOrder (no customer) with a publishable key */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ord_0mx8eoy9t5y8kfg9zazwz",
                     *       "customer": {
                     *         "id": "cus_1042",
                     *         "email": "ann@example.com",
                     *         "tier": null,
                     *         "locale": "en"
                     *       },
                     *       "lines": [
                     *         {
                     *           "id": "line_0mx8eoy9t7r7qlyzmzkdc",
                     *           "lineNo": 1,
                     *           "sku": "TEE-RED-M",
                     *           "quantity": 1,
                     *           "fromStock": 1,
                     *           "backordered": 0,
                     *           "preordered": 0,
                     *           "allocated": 0,
                     *           "waiting": 0,
                     *           "promisedDate": "2026-05-04",
                     *           "status": "confirmed",
                     *           "allowPartial": true,
                     *           "reservationId": null
                     *         },
                     *         {
                     *           "id": "line_0mx8eoy9tqlrd3omavu5g",
                     *           "lineNo": 2,
                     *           "sku": "TEE-BLUE-M",
                     *           "quantity": 2,
                     *           "fromStock": 0,
                     *           "backordered": 2,
                     *           "preordered": 0,
                     *           "allocated": 0,
                     *           "waiting": 2,
                     *           "promisedDate": "2026-05-20",
                     *           "status": "backordered",
                     *           "allowPartial": true,
                     *           "reservationId": null
                     *         }
                     *       ],
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "payment": {
                     *         "status": "confirmed",
                     *         "expiresAt": null
                     *       },
                     *       "token": "eyJwIjoib3JkZXIiLCJzIjoib3JkXzBteDhlb3k5dDV5OGtmZzl6YXp3eiJ9.byIk_ZB-SF4v_LggJUJG4xwJGdFvZqI-x418nb28kn0",
                     *       "links": {
                     *         "self": "http://localhost:3000/o/eyJwIjoib3JkZXIiLCJzIjoib3JkXzBteDhlb3k5dDV5OGtmZzl6YXp3eiJ9.byIk_ZB-SF4v_LggJUJG4xwJGdFvZqI-x418nb28kn0"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Order"] | components["schemas"]["StorefrontOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `duplicate_line`: An order names a SKU on more than one line. details: `{ line: integer, sku: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "duplicate_line" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `order_refused`: Lines of an order cannot be accepted; nothing was ordered. details: `{ lines: [{ line: integer, sku: string, code: string, reason: string, requested?: integer, available?: integer }] }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "order_refused";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Order with a secret key; StorefrontOrder (no customer) with a publishable key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ord_0mx8eoy9t5y8kfg9zazwz",
                     *       "customer": {
                     *         "id": "cus_1042",
                     *         "email": "ann@example.com",
                     *         "tier": null,
                     *         "locale": "en"
                     *       },
                     *       "lines": [
                     *         {
                     *           "id": "line_0mx8eoy9t7r7qlyzmzkdc",
                     *           "lineNo": 1,
                     *           "sku": "TEE-RED-M",
                     *           "quantity": 1,
                     *           "fromStock": 1,
                     *           "backordered": 0,
                     *           "preordered": 0,
                     *           "allocated": 0,
                     *           "waiting": 0,
                     *           "promisedDate": "2026-05-04",
                     *           "status": "confirmed",
                     *           "allowPartial": true,
                     *           "reservationId": null
                     *         },
                     *         {
                     *           "id": "line_0mx8eoy9tqlrd3omavu5g",
                     *           "lineNo": 2,
                     *           "sku": "TEE-BLUE-M",
                     *           "quantity": 2,
                     *           "fromStock": 0,
                     *           "backordered": 2,
                     *           "preordered": 0,
                     *           "allocated": 0,
                     *           "waiting": 2,
                     *           "promisedDate": "2026-05-20",
                     *           "status": "backordered",
                     *           "allowPartial": true,
                     *           "reservationId": null
                     *         }
                     *       ],
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "payment": {
                     *         "status": "confirmed",
                     *         "expiresAt": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Order"] | components["schemas"]["StorefrontOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_order`: No order has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    confirmOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_order`: No order has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `payment_expired`: The order awaited payment and its time ran out; its lines are (or are being) cancelled. details: `{ id: string, expiresAt: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "payment_expired";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    cancelOrderLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_order_line`: The order has no line with this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_order_line";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_line_transition`: The order line is in a state that cannot change this way (e.g. a shipped line cannot be cancelled). details: `{ lineId: string }`
             *
             *     `line_cancelled`: The order line is cancelled already. details: `{ lineId: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_line_transition" | "line_cancelled";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "counts": {
                     *         "products": 42,
                     *         "byStatus": {
                     *           "in_stock": 31,
                     *           "low_stock": 4,
                     *           "out_of_stock": 3,
                     *           "backorder": 2,
                     *           "preorder": 1,
                     *           "discontinued": 1
                     *         }
                     *       },
                     *       "outOfStock": {
                     *         "total": 3,
                     *         "items": [
                     *           {
                     *             "sku": "CAP-GREEN",
                     *             "title": "Cap, green",
                     *             "since": "2026-05-03T16:12:09.412Z",
                     *             "waiting": 7,
                     *             "backordered": 0
                     *           },
                     *           {
                     *             "sku": "SOCK-GREY-L",
                     *             "title": "Socks, grey, L",
                     *             "since": null,
                     *             "waiting": 0,
                     *             "backordered": 0
                     *           }
                     *         ]
                     *       },
                     *       "atRisk": {
                     *         "total": 4,
                     *         "items": [
                     *           {
                     *             "sku": "TEE-RED-S",
                     *             "title": "Organic tee, red, S",
                     *             "availableToSell": 2,
                     *             "lowStockThreshold": 5,
                     *             "daysOfCover": 1.6
                     *           },
                     *           {
                     *             "sku": "HOODIE-M",
                     *             "title": "Hoodie, M",
                     *             "availableToSell": 4,
                     *             "lowStockThreshold": 5,
                     *             "daysOfCover": null
                     *           }
                     *         ]
                     *       },
                     *       "waitlistDemand": {
                     *         "total": 2,
                     *         "items": [
                     *           {
                     *             "sku": "CAP-GREEN",
                     *             "title": "Cap, green",
                     *             "people": 7,
                     *             "units": 9
                     *           },
                     *           {
                     *             "sku": "TEE-BLUE-M",
                     *             "title": "Organic tee, blue, M",
                     *             "people": 4,
                     *             "units": 5
                     *           }
                     *         ]
                     *       },
                     *       "lateInbound": {
                     *         "total": 1,
                     *         "items": [
                     *           {
                     *             "id": "inb_0mx8eoy8cg34emnwx32wz",
                     *             "sku": "TEE-BLUE-M",
                     *             "title": "Organic tee, blue, M",
                     *             "quantity": 120,
                     *             "expectedAt": "2026-05-01",
                     *             "daysLate": 3
                     *           }
                     *         ]
                     *       },
                     *       "messages": {
                     *         "queued": 2,
                     *         "failedLast24h": 0
                     *       },
                     *       "webhooks": {
                     *         "endpoints": 1,
                     *         "failing": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPortalPurchaseOrder: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalPurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `expired_token`: A signed link or a hold has expired. details: `{ expiredAt: string }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "expired_token" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    answerPortalPurchaseOrder: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** @description YYYY-MM-DD */
                        date?: string;
                        lineId: string;
                        /** @description confirmed quantity; less than ordered is a cut (default: as ordered) */
                        quantity?: number;
                        /** @description required when rejecting */
                        reason?: string;
                        /** @enum {string} */
                        status: "confirmed" | "rejected";
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalPurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `expired_token`: A signed link or a hold has expired. details: `{ expiredAt: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "expired_token" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPreorders: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Stock keeping unit */
                sku?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            kind: string;
                            lineId: string;
                            orderId: string;
                            position: number;
                            promisedDate: string | null;
                            quantity: number;
                            sku: string;
                            tier: string | null;
                        }[];
                        /** @description waiting lines in all (items holds the page) */
                        total: number;
                        totals: {
                            [key: string]: {
                                lines: number;
                                units: number;
                            };
                        };
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                after?: string;
                category?: string;
                limit?: number;
                q?: string;
                status?: "active" | "upcoming" | "discontinued";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "sku": "TEE-BLUE-M",
                     *           "title": "Organic tee, blue, M",
                     *           "description": "",
                     *           "category": "",
                     *           "brand": "",
                     *           "price": "24.90",
                     *           "currency": "EUR",
                     *           "attributes": {},
                     *           "status": "active",
                     *           "policy": {
                     *             "trackInventory": true,
                     *             "lowStockThreshold": 5,
                     *             "allowBackorder": true,
                     *             "backorderLimit": null,
                     *             "allowPreorder": false,
                     *             "preorderLimit": null,
                     *             "releaseDate": null,
                     *             "leadTimeDays": null
                     *           },
                     *           "createdAt": "2026-05-04T10:00:00.000Z",
                     *           "updatedAt": "2026-05-04T10:00:00.000Z"
                     *         },
                     *         {
                     *           "sku": "TEE-RED-M",
                     *           "title": "Organic tee, red, M",
                     *           "description": "Heavyweight organic cotton tee.",
                     *           "category": "Tops",
                     *           "brand": "Northfield",
                     *           "price": "24.90",
                     *           "currency": "EUR",
                     *           "attributes": {
                     *             "color": "red",
                     *             "size": "M"
                     *           },
                     *           "status": "active",
                     *           "policy": {
                     *             "trackInventory": true,
                     *             "lowStockThreshold": 5,
                     *             "allowBackorder": true,
                     *             "backorderLimit": 50,
                     *             "allowPreorder": false,
                     *             "preorderLimit": null,
                     *             "releaseDate": null,
                     *             "leadTimeDays": 14
                     *           },
                     *           "createdAt": "2026-05-04T10:00:00.000Z",
                     *           "updatedAt": "2026-05-04T10:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": "TEE-RED-M"
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Product"][];
                        next: string | null;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    upsertProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEE-RED-M",
                 *       "title": "Organic tee, red, M",
                 *       "description": "Heavyweight organic cotton tee.",
                 *       "category": "Tops",
                 *       "brand": "Northfield",
                 *       "price": "24.90",
                 *       "currency": "EUR",
                 *       "attributes": {
                 *         "color": "red",
                 *         "size": "M"
                 *       },
                 *       "policy": {
                 *         "lowStockThreshold": 5,
                 *         "allowBackorder": true,
                 *         "backorderLimit": 50,
                 *         "leadTimeDays": 14
                 *       }
                 *     }
                 */
                "application/json": {
                    attributes?: {
                        [key: string]: unknown;
                    };
                    brand?: string;
                    category?: string;
                    currency?: string;
                    description?: string;
                    policy?: {
                        allowBackorder?: boolean;
                        allowPreorder?: boolean;
                        backorderLimit?: number | null;
                        leadTimeDays?: number | null;
                        lowStockThreshold?: number;
                        preorderLimit?: number | null;
                        releaseDate?: string | null;
                        trackInventory?: boolean;
                    };
                    price: string | number;
                    /** @description Stock keeping unit */
                    sku: string;
                    /** @enum {string} */
                    status?: "active" | "upcoming" | "discontinued";
                    title: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "TEE-RED-M",
                     *       "title": "Organic tee, red, M",
                     *       "description": "Heavyweight organic cotton tee.",
                     *       "category": "Tops",
                     *       "brand": "Northfield",
                     *       "price": "24.90",
                     *       "currency": "EUR",
                     *       "attributes": {
                     *         "color": "red",
                     *         "size": "M"
                     *       },
                     *       "status": "active",
                     *       "policy": {
                     *         "trackInventory": true,
                     *         "lowStockThreshold": 5,
                     *         "allowBackorder": true,
                     *         "backorderLimit": 50,
                     *         "allowPreorder": false,
                     *         "preorderLimit": null,
                     *         "releaseDate": null,
                     *         "leadTimeDays": 14
                     *       },
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "updatedAt": "2026-05-04T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "TEE-RED-M",
                     *       "title": "Organic tee, red, M",
                     *       "description": "Heavyweight organic cotton tee.",
                     *       "category": "Tops",
                     *       "brand": "Northfield",
                     *       "price": "24.90",
                     *       "currency": "EUR",
                     *       "attributes": {
                     *         "color": "red",
                     *         "size": "M"
                     *       },
                     *       "status": "active",
                     *       "policy": {
                     *         "trackInventory": true,
                     *         "lowStockThreshold": 5,
                     *         "allowBackorder": true,
                     *         "backorderLimit": 50,
                     *         "allowPreorder": false,
                     *         "preorderLimit": null,
                     *         "releaseDate": null,
                     *         "leadTimeDays": 14
                     *       },
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "updatedAt": "2026-05-04T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "price": "22.90",
                 *       "policy": {
                 *         "lowStockThreshold": 8
                 *       }
                 *     }
                 */
                "application/json": {
                    attributes?: {
                        [key: string]: unknown;
                    };
                    brand?: string;
                    category?: string;
                    currency?: string;
                    description?: string;
                    policy?: {
                        allowBackorder?: boolean;
                        allowPreorder?: boolean;
                        backorderLimit?: number | null;
                        leadTimeDays?: number | null;
                        lowStockThreshold?: number;
                        preorderLimit?: number | null;
                        releaseDate?: string | null;
                        trackInventory?: boolean;
                    };
                    price?: string | number;
                    /** @enum {string} */
                    status?: "active" | "upcoming" | "discontinued";
                    title?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sku": "TEE-RED-M",
                     *       "title": "Organic tee, red, M",
                     *       "description": "Heavyweight organic cotton tee.",
                     *       "category": "Tops",
                     *       "brand": "Northfield",
                     *       "price": "22.90",
                     *       "currency": "EUR",
                     *       "attributes": {
                     *         "color": "red",
                     *         "size": "M"
                     *       },
                     *       "status": "active",
                     *       "policy": {
                     *         "trackInventory": true,
                     *         "lowStockThreshold": 8,
                     *         "allowBackorder": true,
                     *         "backorderLimit": 50,
                     *         "allowPreorder": false,
                     *         "preorderLimit": null,
                     *         "releaseDate": null,
                     *         "leadTimeDays": 14
                     *       },
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "updatedAt": "2026-05-04T10:05:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listProductOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Offer"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPurchaseOrders: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Stock keeping unit */
                sku?: string;
                status?: "draft" | "sent" | "acknowledged" | "shipped" | "received" | "closed" | "cancelled";
                supplierId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseOrder"][];
                        /** @description every match, not only this page */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        location: string;
                        quantity: number;
                        /** @description Stock keeping unit */
                        sku: string;
                        unitCost?: number;
                    }[];
                    /** @enum {string} */
                    source?: "manual" | "failover" | "plan";
                    supplierId: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             *
             *     `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku" | "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `supplier_inactive`: The supplier is inactive; it cannot be ordered from. details: `{ supplierId: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "supplier_inactive";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    answerPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** @description YYYY-MM-DD */
                        date?: string;
                        lineId: string;
                        quantity?: number;
                        reason?: string;
                        /** @enum {string} */
                        status: "confirmed" | "rejected";
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_date`: A date is not a calendar date YYYY-MM-DD. details: `{ field: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_date" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_po_line`: The purchase order has no line with this id. details: `{ id: string }`
             *
             *     `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_po_line" | "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_po_transition`: The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt). details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_po_transition";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    cancelPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_po_transition`: The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt). details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_po_transition";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPurchaseOrderDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplyDecision"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    receivePurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** @description nothing more is coming on this line (an under-receipt) */
                        complete?: boolean;
                        lineId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_po_line`: The purchase order has no line with this id. details: `{ id: string }`
             *
             *     `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_po_line" | "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_po_transition`: The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt). details: `{ id: string, status: string }`
             *
             *     `stock_limit`: The change would take on hand above the largest level stock may reach. details: `{ sku: string, location: string, max: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_po_transition" | "stock_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    sendPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_po_transition`: The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt). details: `{ id: string, status: string }`
             *
             *     `supplier_inactive`: The supplier is inactive; it cannot be ordered from. details: `{ supplierId: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_po_transition" | "supplier_inactive";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    shipPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        lineId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_po_line`: The purchase order has no line with this id. details: `{ id: string }`
             *
             *     `unknown_purchase_order`: No purchase order has this id (or it is not yours). details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_po_line" | "unknown_purchase_order";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `invalid_po_transition`: The purchase order or its line is in a state that does not allow this (e.g. answering a closed PO, cancelling after receipt). details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "invalid_po_transition";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listReactors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Events in the outbox after its cursor */
                            behind: number;
                            cursor: number;
                            failing: {
                                attempts: number;
                                eventId: number;
                                lastError: string;
                                retryAt: string;
                            } | null;
                            name: string;
                            /** @description Events it parked that are still open */
                            parked: number;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listParkedEvents: {
        parameters: {
            query?: {
                consumer?: string;
                limit?: number;
                status?: "parked" | "retried" | "discarded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ParkedEvent"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    discardParkedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedEvent"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_parked_event`: No parked event has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_parked_event";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `parked_event_closed`: The parked event was retried or discarded already. details: `{ id: integer, status: any }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "parked_event_closed";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    retryParkedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedEvent"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_parked_event`: No parked event has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_parked_event";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `event_gone`: The parked event is no longer in the outbox. details: `{ id: integer, eventId: integer }`
             *
             *     `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `parked_event_closed`: The parked event was retried or discarded already. details: `{ id: integer, status: any }`
             *
             *     `reactor_retry_failed`: The reactor failed on the parked event again; the error is recorded with it. details: `{ id: integer, consumer: string, eventId: integer, error: string }`
             *
             *     `unknown_reactor`: The reactor a parked event belongs to does not run in this process. details: `{ id: integer, consumer: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "event_gone" | "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "parked_event_closed" | "reactor_retry_failed" | "unknown_reactor";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEE-RED-M",
                 *       "quantity": 2,
                 *       "ttlSeconds": 900,
                 *       "reference": "cart-8f2c"
                 *     }
                 */
                "application/json": {
                    location?: string;
                    quantity: number;
                    reference?: string;
                    /** @description Stock keeping unit */
                    sku: string;
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "res_0mx8eoy9fpahqi4fe59dc",
                     *       "sku": "TEE-RED-M",
                     *       "quantity": 2,
                     *       "status": "active",
                     *       "reference": "cart-8f2c",
                     *       "expiresAt": "2026-05-04T10:15:00.000Z",
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "lines": [
                     *         {
                     *           "location": "WH-BERLIN",
                     *           "quantity": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `forbidden`: The key's scope does not admit this endpoint. details: `null`
             *
             *     `publishable_limit`: The request goes beyond what a publishable (storefront) key may do (GET /v1/settings/checkout); a secret checkout key may. details: `{ limit: string, max: integer, requested: integer }`
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "publishable_limit";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_location`: No location has this code. details: `{ id: string }`
             *
             *     `unknown_sku`: No product has this SKU. details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_location" | "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `insufficient_stock`: Fewer units are free to sell than requested. details: `{ sku: string, requested: integer, available: integer }`
             *
             *     `not_sellable`: The SKU cannot be reserved (upcoming, discontinued or not tracked). details: `{ sku: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "insufficient_stock",
                     *         "message": "only 1 of TEE-RED-M available, 2 requested",
                     *         "details": {
                     *           "sku": "TEE-RED-M",
                     *           "requested": 2,
                     *           "available": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "insufficient_stock" | "not_sellable";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_reservation`: No reservation has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_reservation";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_reservation`: No reservation has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_reservation";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `reservation_committed`: The reservation was committed already. details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "reservation_committed";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    commitReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "res_0mx8eoy9fpahqi4fe59dc",
                     *       "sku": "TEE-RED-M",
                     *       "quantity": 2,
                     *       "status": "committed",
                     *       "reference": "cart-8f2c",
                     *       "expiresAt": "2026-05-04T10:15:00.000Z",
                     *       "createdAt": "2026-05-04T10:00:00.000Z",
                     *       "lines": [
                     *         {
                     *           "location": "WH-BERLIN",
                     *           "quantity": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_reservation`: No reservation has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_reservation";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `reservation_committed`: The reservation was committed already. details: `{ id: string, status: string }`
             *
             *     `reservation_expired`: The reservation expired; reserve again. details: `{ id: string, status: string, expiresAt: string }`
             *
             *     `reservation_released`: The reservation was released already. details: `{ id: string, status: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "reservation_committed" | "reservation_expired" | "reservation_released";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAlertSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recipients": [
                     *         "stock@shop.example",
                     *         "buyer@shop.example"
                     *       ],
                     *       "lowStock": true,
                     *       "outOfStock": true
                     *     }
                     */
                    "application/json": {
                        /** @description Email when a SKU becomes low on stock (at or under its low-stock threshold) */
                        lowStock: boolean;
                        /** @description Email when a SKU runs out of stock to sell (sold out, or selling on backorder only) */
                        outOfStock: boolean;
                        /** @description Staff email addresses (at most 20); none: no alerts */
                        recipients: string[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setAlertSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipients": [
                 *         "stock@shop.example",
                 *         "buyer@shop.example"
                 *       ],
                 *       "lowStock": true,
                 *       "outOfStock": true
                 *     }
                 */
                "application/json": {
                    /** @description Email when a SKU becomes low on stock (at or under its low-stock threshold) */
                    lowStock: boolean;
                    /** @description Email when a SKU runs out of stock to sell (sold out, or selling on backorder only) */
                    outOfStock: boolean;
                    /** @description Staff email addresses (at most 20); none: no alerts */
                    recipients: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recipients": [
                     *         "stock@shop.example",
                     *         "buyer@shop.example"
                     *       ],
                     *       "lowStock": true,
                     *       "outOfStock": true
                     *     }
                     */
                    "application/json": {
                        /** @description Email when a SKU becomes low on stock (at or under its low-stock threshold) */
                        lowStock: boolean;
                        /** @description Email when a SKU runs out of stock to sell (sold out, or selling on backorder only) */
                        outOfStock: boolean;
                        /** @description Staff email addresses (at most 20); none: no alerts */
                        recipients: string[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getAllocationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        preordersFirst: boolean;
                        /** @enum {string} */
                        strategy: "fifo" | "priority";
                        tierRanks: {
                            [key: string]: number;
                        };
                        useSafetyStock: boolean;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setAllocationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    preordersFirst: boolean;
                    /** @enum {string} */
                    strategy: "fifo" | "priority";
                    tierRanks: {
                        [key: string]: number;
                    };
                    useSafetyStock: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        preordersFirst: boolean;
                        /** @enum {string} */
                        strategy: "fifo" | "priority";
                        tierRanks: {
                            [key: string]: number;
                        };
                        useSafetyStock: boolean;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getCheckoutSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description May a publishable key place orders? They wait for confirmation by the shop's backend (payment) */
                        browserOrders: boolean;
                        /** @description How long a browser order waits for confirmation before its lines are cancelled */
                        paymentTtlSeconds: number;
                        publishable: {
                            /** @description Largest quantity of one reservation made with a publishable key */
                            maxQuantity: number;
                            /** @description Longest hold of a reservation made with a publishable key */
                            maxTtlSeconds: number;
                            /** @description Reservations of one SKU one client (publishable key + address) may make in a window, released ones included */
                            reservationsPerSku: {
                                limit: number;
                                windowSeconds: number;
                            };
                        };
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setCheckoutSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description May a publishable key place orders? They wait for confirmation by the shop's backend (payment) */
                    browserOrders: boolean;
                    /** @description How long a browser order waits for confirmation before its lines are cancelled */
                    paymentTtlSeconds: number;
                    publishable: {
                        /** @description Largest quantity of one reservation made with a publishable key */
                        maxQuantity: number;
                        /** @description Longest hold of a reservation made with a publishable key */
                        maxTtlSeconds: number;
                        /** @description Reservations of one SKU one client (publishable key + address) may make in a window, released ones included */
                        reservationsPerSku: {
                            limit: number;
                            windowSeconds: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description May a publishable key place orders? They wait for confirmation by the shop's backend (payment) */
                        browserOrders: boolean;
                        /** @description How long a browser order waits for confirmation before its lines are cancelled */
                        paymentTtlSeconds: number;
                        publishable: {
                            /** @description Largest quantity of one reservation made with a publishable key */
                            maxQuantity: number;
                            /** @description Longest hold of a reservation made with a publishable key */
                            maxTtlSeconds: number;
                            /** @description Reservations of one SKU one client (publishable key + address) may make in a window, released ones included */
                            reservationsPerSku: {
                                limit: number;
                                windowSeconds: number;
                            };
                        };
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSupplySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySettings"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setSupplySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description failover on for the shop (it can also be switched off per SKU and per supplier) */
                    failover?: boolean;
                    /**
                     * @description a purchase order failover creates is sent at once, or left as a draft for a person to send
                     * @enum {string}
                     */
                    resourcedPoStatus?: "draft" | "sent";
                    /** @description days after a confirmed date before an unshipped line is re-sourced */
                    shipGraceDays?: number;
                    /** @description The sourcing score: landed cost per needed unit, expected arrival, measured reliability (normalised by their sum) */
                    weights?: {
                        arrival?: number;
                        cost?: number;
                        reliability?: number;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplySettings"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWaitlistSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchIntervalMinutes: number;
                        doubleOptIn: boolean;
                        holdHours: number;
                        k: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setWaitlistSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batchIntervalMinutes: number;
                    doubleOptIn: boolean;
                    holdHours: number;
                    k: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchIntervalMinutes: number;
                        doubleOptIn: boolean;
                        holdHours: number;
                        k: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listStock: {
        parameters: {
            query?: {
                category?: string;
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description substring of the SKU or title, any case */
                q?: string;
                sort?: "sku" | "title" | "status" | "onHand" | "reserved" | "committed" | "availableToSell" | "backordered" | "waiting" | "inbound";
                /** @description availability statuses, repeated or comma-separated: in_stock, low_stock, out_of_stock, backorder, preorder, discontinued */
                status?: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "sku": "TEE-BLUE-M",
                     *           "title": "Organic tee, blue, M",
                     *           "category": "Tops",
                     *           "productStatus": "active",
                     *           "status": "backorder",
                     *           "onHand": 2,
                     *           "reserved": 0,
                     *           "committed": 2,
                     *           "safetyStock": 0,
                     *           "free": 0,
                     *           "availableToSell": 0,
                     *           "backordered": 3,
                     *           "preordered": 0,
                     *           "inbound": 120,
                     *           "waiting": 4,
                     *           "waitingUnits": 5,
                     *           "lowStockThreshold": 5
                     *         },
                     *         {
                     *           "sku": "TEE-RED-M",
                     *           "title": "Organic tee, red, M",
                     *           "category": "Tops",
                     *           "productStatus": "active",
                     *           "status": "in_stock",
                     *           "onHand": 40,
                     *           "reserved": 3,
                     *           "committed": 5,
                     *           "safetyStock": 2,
                     *           "free": 30,
                     *           "availableToSell": 30,
                     *           "backordered": 0,
                     *           "preordered": 0,
                     *           "inbound": 0,
                     *           "waiting": 0,
                     *           "waitingUnits": 0,
                     *           "lowStockThreshold": 5
                     *         }
                     *       ],
                     *       "total": 2
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["StockRow"][];
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                active?: boolean;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Supplier"][];
                        /** @description every match, not only this page */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ackDeadlineHours?: number;
                    active?: boolean;
                    /** @enum {string} */
                    channel: "email" | "webhook" | "portal";
                    /** @description ISO 4217 code */
                    currency: string;
                    /** Format: email */
                    email: string;
                    failover?: boolean;
                    leadTimeDays: number;
                    leadTimeSdDays?: number;
                    minOrderValue?: number;
                    name: string;
                    regions?: string[];
                    webhookUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_webhook_url`: A webhook URL is malformed, or not https (http only where allowed) to a public address: loopback, private, link-local, CGNAT, multicast and metadata addresses, in any notation or behind a name, are refused. details: `{ field: string, reason?: string }`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_webhook_url";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ackDeadlineHours?: number;
                    active?: boolean;
                    /** @enum {string} */
                    channel?: "email" | "webhook" | "portal";
                    /** @description ISO 4217 code */
                    currency?: string;
                    /** Format: email */
                    email?: string;
                    failover?: boolean;
                    leadTimeDays?: number;
                    leadTimeSdDays?: number;
                    minOrderValue?: number;
                    name?: string;
                    regions?: string[];
                    webhookUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_webhook_url`: A webhook URL is malformed, or not https (http only where allowed) to a public address: loopback, private, link-local, CGNAT, multicast and metadata addresses, in any notation or behind a name, are refused. details: `{ field: string, reason?: string }`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_webhook_url";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listSupplierOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Offer"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    offersSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    leadTimeDays?: number | null;
                    minQuantity?: number;
                    multiple?: number;
                    priority?: number;
                    /** @description Stock keeping unit */
                    sku: string;
                    supplierSku?: string | null;
                    unitCost: number;
                    validFrom?: string | null;
                    validTo?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_date`: A date is not a calendar date YYYY-MM-DD. details: `{ field: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_date" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `unknown_sku`: No product has this SKU. details: `{ id: string }`
             *
             *     `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }`
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku" | "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listSupplierPerformance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ackHours: {
                            mean: number | null;
                            p90: number | null;
                        };
                        fillRate: number | null;
                        leadTimeDays: {
                            mean: number | null;
                            p90: number | null;
                            sd: number | null;
                        };
                        /** @description lines of sent orders, cancelled ones aside */
                        lines: number;
                        onTimeRate: number | null;
                        /** @description received lines the lead-time figures come from */
                        sample: number;
                        supplierId: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listSupplierWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        supplierId: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_supplier`: No supplier has this id (or it is not yours). details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_supplier";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSupplySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SkuSupply"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setSupplySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    failover: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SkuSupply"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createSupplySweep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        examined: number;
                        resourced: number;
                        unsourced: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listWaitlistSubscriptions: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description substring of the email or of the SKU, any case */
                q?: string;
                /** @description Stock keeping unit */
                sku?: string;
                /** @description default: SKU, then list order */
                sort?: "createdAt" | "sku" | "status";
                status?: "pending" | "waiting" | "notified" | "unsubscribed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Subscription"][];
                        /** @description every match, not only this page */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    joinWaitlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEE-BLUE-M",
                 *       "email": "ben@example.com",
                 *       "quantity": 1,
                 *       "locale": "en"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    locale?: string;
                    /** @description E.164, e.g. +4915112345678 */
                    phone?: string;
                    quantity?: number;
                    /** @description Stock keeping unit */
                    sku: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "pending" | "waiting";
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_sku`: No product has this SKU. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_sku";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    unsubscribeFromWaitlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `expired_token`: A signed link or a hold has expired. details: `{ expiredAt: string }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "expired_token" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_subscription`: No waitlist subscription has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_subscription";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWaitlistHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkoutUrl: string;
                        expiresAt: string;
                        id: string;
                        quantity: number;
                        reservationId: string;
                        sku: string;
                        title: string;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `expired_token`: A signed link or a hold has expired. details: `{ expiredAt: string }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_token`: A signed link was altered, is incomplete or is meant for another action. details: `null`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "expired_token" | "invalid_request" | "invalid_token";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unknown_hold`: The subscription holds no stock. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unknown_hold";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWaitlistStats: {
        parameters: {
            query?: {
                /** @description Stock keeping unit */
                sku?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            active: number;
                            conversionRate: number | null;
                            converted: number;
                            medianWaitHours: number | null;
                            notified: number;
                            pending: number;
                            signupsPerDay: {
                                count: number;
                                date: string;
                            }[];
                            sku: string;
                            unitsWanted: number;
                            unsubscribed: number;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description Event types, or patterns such as `inventory.*` (`*` for every type) */
                    events: string[];
                    /** @description Absolute http(s) URL that receives POSTs */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_webhook_url`: A webhook URL is malformed, or not https (http only where allowed) to a public address: loopback, private, link-local, CGNAT, multicast and metadata addresses, in any notation or behind a name, are refused. details: `{ field: string, reason?: string }`
             *
             *     `unknown_event_type`: A webhook names event types that do not exist. details: `{ field: string, unknown?: [string] }`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_webhook_url" | "unknown_event_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: No webhook has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: No webhook has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    description?: string | null;
                    /** @description Event types, or patterns such as `inventory.*` (`*` for every type) */
                    events?: string[];
                    /** @description Absolute http(s) URL that receives POSTs */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             *
             *     `invalid_webhook_url`: A webhook URL is malformed, or not https (http only where allowed) to a public address: loopback, private, link-local, CGNAT, multicast and metadata addresses, in any notation or behind a name, are refused. details: `{ field: string, reason?: string }`
             *
             *     `unknown_event_type`: A webhook names event types that do not exist. details: `{ field: string, unknown?: [string] }`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request" | "invalid_webhook_url" | "unknown_event_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: No webhook has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "delivered" | "dead";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        /** @description deliveries of the status given (all without one) */
                        total: number;
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `webhook_not_found`: No webhook has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `delivery_not_found`: No webhook delivery has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_idempotency_key`: The Idempotency-Key header is empty or longer than 255 characters. details: `{ header: string }`
             *
             *     `invalid_json`: The body is not valid JSON. details: `null`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `delivery_not_found`: No webhook delivery has this id. details: `{ id: string }` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_not_found";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description `delivery_pending`: The delivery is still pending; it will be attempted on schedule. details: `{ deliveryId: string, status: string }`
             *
             *     `idempotency_in_progress`: A request with this Idempotency-Key is still running; retry later. details: `{ key: string }`
             *
             *     `idempotency_key_reused`: The Idempotency-Key was used before with a different request. details: `{ key: string }`
             *
             *     `idempotency_response_not_kept`: The request with this Idempotency-Key was applied, but its response was too large to keep for replay; read the result instead. details: `{ key: string, status: integer }`
             *
             *     `webhook_inactive`: The webhook is paused; activate it first. details: `{ webhookId: string }`
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "delivery_pending" | "idempotency_in_progress" | "idempotency_key_reused" | "idempotency_response_not_kept" | "webhook_inactive";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `payload_too_large`: The body is larger than this endpoint accepts. details: `null` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unsupported_media_type`: The body is not sent as application/json. details: `null` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWebhookVolume: {
        parameters: {
            query?: {
                /** @description Days back from today (UTC), today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "days": [
                     *         {
                     *           "date": "2026-05-02",
                     *           "delivered": 1312,
                     *           "failed": 0,
                     *           "pending": 0
                     *         },
                     *         {
                     *           "date": "2026-05-03",
                     *           "delivered": 1287,
                     *           "failed": 4,
                     *           "pending": 0
                     *         },
                     *         {
                     *           "date": "2026-05-04",
                     *           "delivered": 655,
                     *           "failed": 0,
                     *           "pending": 12
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        days: {
                            /** @description YYYY-MM-DD (UTC) */
                            date: string;
                            delivered: number;
                            failed: number;
                            pending: number;
                        }[];
                    };
                };
            };
            /**
             * @description `api_key_in_query`: An API key was sent in the query string (URLs end up in logs and histories); send it as `Authorization: Bearer KEY` (the event stream takes a ticket). details: `{ parameters: [string] }`
             *
             *     `invalid_request`: The request breaks a schema or a rule; each problem names its field. details: `[{ field: string, message: string }]`
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "api_key_in_query" | "invalid_request";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `unauthorized`: No API key, a malformed Authorization header, or a key that is unknown or revoked. details: `null` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `forbidden`: The key's scope does not admit this endpoint. details: `null` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `rate_limited`: Too many requests from this key or client address in the window; retry after `Retry-After` seconds. details: `{ retryAfterSeconds: integer, limit: integer, windowSeconds: integer }` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
            /** @description `internal`: Something went wrong on our side; the request was not applied. details: `null` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal";
                            /** @description shape per code, as listed in this response */
                            details: unknown;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    onInventoryAvailabilityChanged: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "inventory.availability_changed",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "sku": "TEE-RED-M",
                 *         "before": {
                 *           "status": "low_stock",
                 *           "availableToSell": 3
                 *         },
                 *         "after": {
                 *           "status": "backorder",
                 *           "availableToSell": 0,
                 *           "message": "Available on backorder: ships by 2026-05-20",
                 *           "nextInboundDate": "2026-05-20",
                 *           "promisedDate": "2026-05-20"
                 *         },
                 *         "version": 5
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.inventory.availability_changed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "inventory.availability_changed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInventoryBackInStock: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "inventory.back_in_stock",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "sku": "TEE-RED-M",
                 *         "before": {
                 *           "status": "backorder",
                 *           "availableToSell": 0
                 *         },
                 *         "after": {
                 *           "status": "in_stock",
                 *           "availableToSell": 6,
                 *           "message": "In stock",
                 *           "nextInboundDate": null,
                 *           "promisedDate": null
                 *         },
                 *         "version": 2
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.inventory.back_in_stock"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "inventory.back_in_stock";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInventoryLowStock: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "inventory.low_stock",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "sku": "TEE-RED-M",
                 *         "before": {
                 *           "status": "in_stock",
                 *           "availableToSell": 6
                 *         },
                 *         "after": {
                 *           "status": "low_stock",
                 *           "availableToSell": 3,
                 *           "message": "Only 3 left in stock",
                 *           "nextInboundDate": null,
                 *           "promisedDate": null
                 *         },
                 *         "version": 3
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.inventory.low_stock"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "inventory.low_stock";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInventoryOutOfStock: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "inventory.out_of_stock",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "sku": "TEE-RED-M",
                 *         "before": {
                 *           "status": "low_stock",
                 *           "availableToSell": 3
                 *         },
                 *         "after": {
                 *           "status": "backorder",
                 *           "availableToSell": 0,
                 *           "message": "Available on backorder: ships by 2026-05-20",
                 *           "nextInboundDate": "2026-05-20",
                 *           "promisedDate": "2026-05-20"
                 *         },
                 *         "version": 5
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.inventory.out_of_stock"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "inventory.out_of_stock";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onMessageFailed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.message.failed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "message.failed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "order.created",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "orderId": "ord_0mx8esz3rwmfjdmdky3ho",
                 *         "email": "ann@example.com",
                 *         "locale": "en",
                 *         "customerId": "cus_1042",
                 *         "lines": [
                 *           {
                 *             "lineId": "line_0mx8esz3r30witjdbcooy",
                 *             "sku": "TEE-RED-M",
                 *             "quantity": 5,
                 *             "fromStock": 3,
                 *             "backordered": 2,
                 *             "preordered": 0,
                 *             "promisedDate": "2026-05-20",
                 *             "status": "backordered"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.order.created"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.created";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderLineAllocated: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.order.line_allocated"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.line_allocated";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderLineCancelled: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.order.line_cancelled"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.line_cancelled";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderLineDelayed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.order.line_delayed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.line_delayed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderLineExpedited: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.order.line_expedited"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.line_expedited";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderPreorderReleased: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.order.preorder_released"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "order.preorder_released";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyLineRejected: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.line_rejected"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.line_rejected";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyLineResourced: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.line_resourced"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.line_resourced";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyPoAcknowledged: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.po_acknowledged"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.po_acknowledged";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyPoLate: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.po_late"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.po_late";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyPoSent: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.po_sent"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.po_sent";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSupplyUnsourced: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.supply.unsourced"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "supply.unsourced";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWaitlistConfirmed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.waitlist.confirmed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "waitlist.confirmed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWaitlistConverted: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.waitlist.converted"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "waitlist.converted";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWaitlistNotified: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.waitlist.notified"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "waitlist.notified";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWaitlistSubscribed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "waitlist.subscribed",
                 *       "timestamp": "2026-05-04T10:00:00.000Z",
                 *       "data": {
                 *         "id": "wl_0mx8esz4bbcwezuywymzq",
                 *         "sku": "TEE-RED-M",
                 *         "email": "ben@example.com",
                 *         "quantity": 1,
                 *         "status": "pending"
                 *       }
                 *     }
                 */
                "application/json": {
                    data: components["schemas"]["Event.waitlist.subscribed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "waitlist.subscribed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWaitlistUnsubscribed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every attempt of this delivery */
                "webhook-id": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures */
                "webhook-signature": string;
                /** @description Unix seconds when this attempt was signed */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: components["schemas"]["Event.waitlist.unsubscribed"];
                    /**
                     * Format: date-time
                     * @description When the event happened
                     */
                    timestamp: string;
                    /** @enum {string} */
                    type: "waitlist.unsubscribed";
                };
            };
        };
        responses: {
            /** @description Received: any 2xx ends the delivery; anything else (or no answer in time) is retried on a schedule */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
