/**
 * The reactor that turns order events into customer messages: backorder / pre-order confirmed with dates,
 * delayed (with the apology and any compensation), sooner than promised, allocated and shipping, pre-order
 * released. Runs as a durable outbox consumer: each event is handled once, and dedupe keys make a message per
 * recipient and cause unique even if an event were seen twice.
 */
import type { CatalogService } from '../catalog/service.ts';
import type { TxContext } from '../db/database.ts';
import type { MessageService, NewMessage } from './messages.ts';
import type { StoredEvent } from './outbox.ts';

type Line = { lineId: string; sku: string; quantity: number; fromStock: number; backordered: number; preordered: number; promisedDate: string | null; status: string };

export class OrderMessages {
  constructor(
    private readonly catalog: CatalogService,
    private readonly messages: MessageService,
    private readonly shopName: string,
  ) {}

  async onEvents(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    const relevant = events.filter((e) => e.type.startsWith('order.'));
    if (relevant.length === 0) return;
    const skus = new Set<string>();
    for (const e of relevant) {
      if (e.sku) skus.add(e.sku);
      for (const l of (e.payload.lines ?? []) as Line[]) skus.add(l.sku);
    }
    const products = await this.catalog.getManyIn(ctx.tx, [...skus]);
    const title = (sku: string) => products.get(sku)?.title ?? sku;
    const out: NewMessage[] = [];
    for (const e of relevant) {
      const p = e.payload;
      const email = String(p.email ?? '');
      const locale = typeof p.locale === 'string' ? p.locale : 'en';
      const base = { shopName: this.shopName, orderId: String(p.orderId ?? '') };
      switch (e.type) {
        case 'order.created': {
          const lines = (p.lines ?? []) as Line[];
          if (!email || !lines.some((l) => l.backordered + l.preordered > 0)) break;
          out.push({
            type: 'order_confirmed',
            to: email,
            locale,
            dedupeKey: `order:${String(p.orderId)}:confirmed`,
            data: {
              ...base,
              title: title(lines[0]?.sku ?? ''),
              sku: lines[0]?.sku ?? '',
              lines: lines.map((l) => ({ title: title(l.sku), sku: l.sku, quantity: l.quantity, fromStock: l.fromStock, waiting: l.backordered + l.preordered, promisedDate: l.promisedDate, kind: l.preordered > 0 ? 'preorder' : 'backorder' })),
            },
          });
          break;
        }
        case 'order.line_delayed':
        case 'order.line_expedited': {
          if (!email || !e.sku) break;
          const delayed = e.type === 'order.line_delayed';
          out.push({
            type: delayed ? 'order_delayed' : 'order_expedited',
            to: email,
            locale,
            sku: e.sku,
            dedupeKey: `line:${String(p.lineId)}:${delayed ? 'delayed' : 'expedited'}:${String(p.oldDate)}>${String(p.newDate)}`,
            data: { ...base, title: title(e.sku), sku: e.sku, quantity: Number(p.waiting ?? 1), oldDate: (p.oldDate as string | null) ?? null, newDate: (p.newDate as string | null) ?? null, compensation: (p.compensation as string | undefined) ?? null },
          });
          break;
        }
        case 'order.line_allocated': {
          if (!email || !e.sku) break;
          out.push({
            type: 'order_allocated',
            to: email,
            locale,
            sku: e.sku,
            dedupeKey: `line:${String(p.lineId)}:allocated:${String(p.allocated)}`,
            data: { ...base, title: title(e.sku), sku: e.sku, quantity: Number(p.quantity ?? 1) },
          });
          break;
        }
        case 'order.preorder_released': {
          if (!e.sku) break;
          for (const l of (p.lines ?? []) as Array<{ orderId: string; lineId: string; email: string; locale: string | null; quantity: number; promisedDate: string | null }>) {
            if (!l.email) continue;
            out.push({
              type: 'preorder_released',
              to: l.email,
              locale: l.locale ?? 'en',
              sku: e.sku,
              dedupeKey: `line:${l.lineId}:released`,
              data: { shopName: this.shopName, orderId: l.orderId, title: title(e.sku), sku: e.sku, quantity: l.quantity, date: l.promisedDate },
            });
          }
          break;
        }
      }
    }
    await this.messages.enqueue(ctx, out);
  }
}
