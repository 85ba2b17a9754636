/**
 * The reactor that turns order events into customer messages: backorder / pre-order confirmed with dates,
 * delayed (with the apology), sooner than promised, allocated and shipping, pre-order
 * released. Runs as a durable outbox consumer: each event is handled once, and dedupe keys make a message per
 * recipient and cause unique even if an event were seen twice.
 */
import type { CatalogService } from '../catalog/service.ts';
import type { StoredEvent } from '../core/events.ts';
import type { TxContext } from '../db/database.ts';
import type { MessageService, NewMessage } from './messages.ts';

export class OrderMessages {
  constructor(
    private readonly catalog: CatalogService,
    private readonly messages: MessageService,
    private readonly shopName: string,
    /** The signed link to an order (its shopper's view), put into every message about the order. */
    private readonly orderLink: (orderId: string) => string,
  ) {}

  async onEvents(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    const skus = new Set<string>();
    let relevant = 0;
    for (const e of events) {
      if (!e.type.startsWith('order.')) continue;
      relevant++;
      if (e.sku) skus.add(e.sku);
      if (e.type === 'order.created') for (const l of e.payload.lines) skus.add(l.sku);
    }
    if (relevant === 0) return;
    const products = await this.catalog.getManyIn(ctx.tx, [...skus]);
    const title = (sku: string) => products.get(sku)?.title ?? sku;
    const out: NewMessage[] = [];
    for (const e of events) {
      switch (e.type) {
        case 'order.created': {
          const p = e.payload;
          if (!p.email || !p.lines.some((l) => l.backordered + l.preordered > 0)) break;
          const first = p.lines[0];
          out.push({
            type: 'order_confirmed',
            to: p.email,
            locale: p.locale ?? 'en',
            dedupeKey: `order:${p.orderId}:confirmed`,
            data: {
              shopName: this.shopName,
              orderId: p.orderId,
              orderUrl: this.orderLink(p.orderId),
              title: title(first?.sku ?? ''),
              sku: first?.sku ?? '',
              lines: p.lines.map((l) => ({ title: title(l.sku), sku: l.sku, quantity: l.quantity, fromStock: l.fromStock, waiting: l.backordered + l.preordered, promisedDate: l.promisedDate, kind: l.preordered > 0 ? 'preorder' : 'backorder' })),
            },
          });
          break;
        }
        case 'order.line_delayed':
        case 'order.line_expedited': {
          const p = e.payload;
          if (!p.email) break;
          const delayed = e.type === 'order.line_delayed';
          out.push({
            type: delayed ? 'order_delayed' : 'order_expedited',
            to: p.email,
            // Line events carry no locale; the order's confirmation was in it, these follow in English for now.
            locale: 'en',
            sku: p.sku,
            dedupeKey: `line:${p.lineId}:${delayed ? 'delayed' : 'expedited'}:${p.oldDate}>${String(p.newDate)}`,
            data: { shopName: this.shopName, orderId: p.orderId, orderUrl: this.orderLink(p.orderId), title: title(p.sku), sku: p.sku, quantity: p.waiting, oldDate: p.oldDate, newDate: p.newDate },
          });
          break;
        }
        case 'order.line_allocated': {
          const p = e.payload;
          if (!p.email) break;
          out.push({
            type: 'order_allocated',
            to: p.email,
            locale: 'en',
            sku: p.sku,
            dedupeKey: `line:${p.lineId}:allocated:${p.allocated}`,
            data: { shopName: this.shopName, orderId: p.orderId, orderUrl: this.orderLink(p.orderId), title: title(p.sku), sku: p.sku, quantity: p.quantity },
          });
          break;
        }
        case 'order.preorder_released': {
          const p = e.payload;
          for (const l of p.lines) {
            if (!l.email) continue;
            out.push({
              type: 'preorder_released',
              to: l.email,
              locale: l.locale ?? 'en',
              sku: p.sku,
              dedupeKey: `line:${l.lineId}:released`,
              data: { shopName: this.shopName, orderId: l.orderId, orderUrl: this.orderLink(l.orderId), title: title(p.sku), sku: p.sku, quantity: l.quantity, date: l.promisedDate },
            });
          }
          break;
        }
      }
    }
    await this.messages.enqueue(ctx, out);
  }
}
