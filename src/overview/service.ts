/**
 * The stock table and the overview, assembled from the modules' services: the catalog's product summaries,
 * inventory's totals and stored availability, the waitlist's counts, orders' inbound, planning's forecasts,
 * messaging's queue and webhooks. A handful of grouped queries whatever the number of SKUs; the table of up to
 * ~10k rows is filtered, sorted and paged in memory (policy.ts).
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import type { AvailabilityStatus } from '../inventory/model.ts';
import type { CatalogService } from '../catalog/service.ts';
import { AVAILABILITY_STATUSES, type InventoryService, type StockTotals } from '../inventory/service.ts';
import type { OrdersService } from '../orders/service.ts';
import type { WaitlistService } from '../waitlist/service.ts';
import type { MessageService } from '../messaging/messages.ts';
import type { WebhookService } from '../messaging/webhooks/service.ts';
import type { PlanningService } from '../planning/service.ts';
import type { AtRiskItem, Overview, StockPage, StockQuery, StockRow } from './model.ts';
import { daysLate, daysOfCover, selectStock } from './policy.ts';
import { lastOutOfStock } from './store.ts';

const TOP = 10;

export interface OverviewDeps {
  catalog: CatalogService;
  inventory: InventoryService;
  orders: OrdersService;
  waitlist: WaitlistService;
  messages: MessageService;
  webhooks: WebhookService;
  planning: PlanningService;
}

export class OverviewService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly m: OverviewDeps,
  ) {}

  /** Every SKU's row of the stock table, in SKU order. */
  async stockRows(filter: { category?: string | undefined } = {}): Promise<StockRow[]> {
    const [products, totals, waiting] = await Promise.all([this.m.catalog.summaries(filter), this.m.inventory.stockTotals(), this.m.waitlist.waitingBySku()]);
    const bySku = new Map<string, StockTotals>(totals.map((t) => [t.sku, t]));
    // Every product gets a state row at its first write; one without (written around the stock writer) is
    // asked of availability itself, so its status is still the policy's.
    const stateless = products.filter((p) => !bySku.has(p.sku)).map((p) => p.sku);
    const fresh = stateless.length > 0 ? new Map((await this.m.inventory.availabilityMany(stateless)).items.map((a) => [a.sku, a])) : new Map();
    return products.map((p) => {
      const t = bySku.get(p.sku);
      const a = fresh.get(p.sku);
      const w = waiting.get(p.sku);
      return {
        sku: p.sku,
        title: p.title,
        category: p.category,
        productStatus: p.status,
        status: (t?.status ?? a?.status ?? 'out_of_stock') as AvailabilityStatus,
        onHand: t?.onHand ?? 0,
        reserved: t?.reserved ?? 0,
        committed: t?.committed ?? 0,
        safetyStock: t?.safetyStock ?? 0,
        free: t?.free ?? 0,
        availableToSell: t ? t.availableToSell : (a?.availableToSell ?? 0),
        backordered: t?.backordered ?? 0,
        preordered: t?.preordered ?? 0,
        inbound: t?.inbound ?? 0,
        waiting: w?.people ?? 0,
        waitingUnits: w?.units ?? 0,
        lowStockThreshold: p.lowStockThreshold,
        createdAt: p.createdAt,
      };
    });
  }

  async stock(query: StockQuery): Promise<StockPage> {
    return selectStock(await this.stockRows({ category: query.category }), query);
  }

  async overview(): Promise<Overview> {
    const today = isoDate(this.clock.now());
    const [rows, late, counts, failedLast24h, webhooks] = await Promise.all([
      this.stockRows(),
      this.m.orders.inboundPage({ late: true, status: 'open', limit: TOP, offset: 0 }),
      this.m.messages.counts(),
      this.m.messages.failedRecently(24),
      this.m.webhooks.health(24),
    ]);
    const byStatus = Object.fromEntries(AVAILABILITY_STATUSES.map((s) => [s, 0])) as Record<AvailabilityStatus, number>;
    for (const r of rows) byStatus[r.status]++;
    const titles = new Map(rows.map((r) => [r.sku, r.title]));

    const out = rows.filter((r) => r.status === 'out_of_stock');
    const since = await lastOutOfStock(this.db.kysely, out.map((r) => r.sku));
    // Most recently out first; a SKU with no event kept (never stocked, or out for longer than the outbox
    // keeps events) is ordered by when it was created, so one just created and never stocked leads.
    const outKey = (r: StockRow) => since.get(r.sku) ?? r.createdAt;
    out.sort((a, b) => (outKey(a) < outKey(b) ? 1 : outKey(a) > outKey(b) ? -1 : a.sku < b.sku ? -1 : 1));

    const low = rows.filter((r) => r.status === 'low_stock').sort((a, b) => (a.availableToSell ?? 0) - (b.availableToSell ?? 0) || (a.sku < b.sku ? -1 : 1));
    const atRisk: AtRiskItem[] = [];
    for (const r of low.slice(0, TOP)) {
      const f = await this.m.planning.stored(r.sku);
      const ats = r.availableToSell ?? 0;
      atRisk.push({ sku: r.sku, title: r.title, availableToSell: ats, lowStockThreshold: r.lowStockThreshold, daysOfCover: f ? daysOfCover(ats, { granularity: f.granularity, mean: f.forecast.mean }) : null });
    }

    const demand = rows.filter((r) => r.waiting > 0).sort((a, b) => b.waiting - a.waiting || b.waitingUnits - a.waitingUnits || (a.sku < b.sku ? -1 : 1));

    return {
      counts: { products: rows.length, byStatus },
      outOfStock: {
        total: out.length,
        items: out.slice(0, TOP).map((r) => ({ sku: r.sku, title: r.title, since: since.get(r.sku) ?? null, waiting: r.waiting, backordered: r.backordered })),
      },
      atRisk: { total: low.length, items: atRisk },
      waitlistDemand: { total: demand.length, items: demand.slice(0, TOP).map((r) => ({ sku: r.sku, title: r.title, people: r.waiting, units: r.waitingUnits })) },
      lateInbound: {
        total: late.total,
        items: late.items.map((i) => ({ id: i.id, sku: i.sku, title: titles.get(i.sku) ?? i.sku, quantity: i.quantity - i.received, expectedAt: i.expectedDate, daysLate: daysLate(i.expectedDate, today) })),
      },
      messages: { queued: counts.queued ?? 0, failedLast24h },
      webhooks,
    };
  }
}
