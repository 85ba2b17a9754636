/**
 * Stock alerts to staff by email: the settings (who, and for which of low stock and out of stock), and the
 * reactor that follows the outbox's `inventory.availability_changed` events and records one email per recipient
 * for each transition stockAlertFor calls for. Like the other message reactors it runs as a durable consumer
 * (each event handled once) and every message has a dedupe key made of the SKU's availability version, so no
 * change is ever alerted twice, whoever handles the event and however often.
 *
 * Recipients are staff, not customers: the emails carry no unsubscribe link (the list is changed in the
 * settings) and nothing signed.
 */
import type { CatalogService } from '../catalog/service.ts';
import { recipientKey } from '../core/email.ts';
import type { Clock } from '../core/clock.ts';
import type { StoredEventOf, StoredEvent } from '../core/events.ts';
import type { Database, Q, Tx, TxContext } from '../db/database.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import { stockAlertFor } from './alert-policy.ts';
import type { MessageService, NewMessage } from './messages.ts';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from './model.ts';
import { escapeHtml as esc } from '../core/html.ts';

const SETTINGS_KEY = 'staff_alerts';

export class StaffAlerts {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly messages: MessageService,
    private readonly shopName: string,
    /** Where the email's button leads: the dashboard. */
    private readonly dashboardUrl: string,
  ) {}

  /** Inside a transaction pass it: SQLite has one connection, and the transaction holds it. */
  async settings(q: Q | Tx = this.db.kysely): Promise<AlertSettings> {
    const raw = await readSetting(q, SETTINGS_KEY);
    return raw ? { ...DEFAULT_ALERT_SETTINGS, ...(JSON.parse(raw) as Partial<AlertSettings>) } : DEFAULT_ALERT_SETTINGS;
  }

  /** Stores the settings with each recipient once (`Ann@Shop.com` and `ann@shop.com` are one inbox). */
  async setSettings(s: AlertSettings): Promise<AlertSettings> {
    const seen = new Set<string>();
    const recipients: string[] = [];
    for (const r of s.recipients.map((x) => x.trim())) {
      const key = recipientKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(r);
    }
    const stored: AlertSettings = { recipients, lowStock: s.lowStock, outOfStock: s.outOfStock };
    await writeSetting(this.db.kysely, SETTINGS_KEY, JSON.stringify(stored), this.clock.now().toISOString());
    return stored;
  }

  async onEvents(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    await this.supplyAlerts(ctx, events);
    const changes = events.filter((e): e is StoredEventOf<'inventory.availability_changed'> => e.type === 'inventory.availability_changed');
    if (changes.length === 0) return;
    const settings = await this.settings(ctx.tx);
    const alerts = changes.flatMap((e) => {
      const kind = stockAlertFor(e.payload, settings);
      return kind ? [{ kind, change: e.payload }] : [];
    });
    if (alerts.length === 0) return;
    const products = await this.catalog.getManyIn(ctx.tx, [...new Set(alerts.map((a) => a.change.sku))]);
    const out: NewMessage[] = [];
    for (const { kind, change } of alerts) {
      for (const to of settings.recipients) {
        out.push({
          type: 'stock_alert',
          to,
          locale: 'en',
          sku: change.sku,
          // The SKU's availability version names this one change: an event seen twice finds its messages made.
          dedupeKey: `stock_alert:${change.sku}:v${change.version}:${kind}:${recipientKey(to)}`,
          data: {
            shopName: this.shopName,
            title: products.get(change.sku)?.title ?? change.sku,
            sku: change.sku,
            productUrl: this.dashboardUrl,
            alert: {
              kind,
              status: change.after.status,
              availableToSell: change.after.availableToSell,
              shopperMessage: change.after.message,
              nextInboundDate: change.after.nextInboundDate,
              promisedDate: change.after.promisedDate,
            },
          },
        });
      }
    }
    await this.messages.enqueue(ctx, out);
  }

  /** Units failover could not re-source (`supply.unsourced`): every recipient is told once per decision. */
  private async supplyAlerts(ctx: TxContext, events: StoredEvent[]): Promise<void> {
    const unsourced = events.filter((e): e is StoredEventOf<'supply.unsourced'> => e.type === 'supply.unsourced');
    if (unsourced.length === 0) return;
    const settings = await this.settings(ctx.tx);
    if (settings.recipients.length === 0) return;
    const out: NewMessage[] = [];
    for (const e of unsourced) {
      const p = e.payload;
      const link = `${this.dashboardUrl}#/purchase-orders/${encodeURIComponent(p.poId)}`;
      const subject = `Action needed: ${p.quantity} × ${p.sku} could not be re-sourced`;
      const text = `${this.shopName}: ${p.quantity} units of ${p.sku} on purchase order ${p.poId} (line ${p.lineId}) are not coming from their supplier (${p.trigger.replace('_', ' ')}), and failover could not order them elsewhere.\n\nWhy: ${p.reason}\n\nOpen the purchase order and its decision log: ${link}\n`;
      const html = `<p>${esc(this.shopName)}: <strong>${p.quantity} units of ${esc(p.sku)}</strong> on purchase order ${esc(p.poId)} (line ${esc(p.lineId)}) are not coming from their supplier (${esc(p.trigger.replace('_', ' '))}), and failover could not order them elsewhere.</p><p>Why: ${esc(p.reason)}</p><p><a href="${esc(link)}">Open the purchase order and its decision log</a></p>`;
      for (const to of settings.recipients) {
        out.push({ type: 'supply_alert', to, locale: 'en', sku: p.sku, dedupeKey: `supply_alert:${p.decisionId}:${recipientKey(to)}`, rendered: { subject, text, html } });
      }
    }
    await this.messages.enqueue(ctx, out);
  }
}

