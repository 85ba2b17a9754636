/**
 * The live event stream (`GET /v1/events`, Server-Sent Events), read with fetch() so the admin key travels in
 * the Authorization header (EventSource could carry it only in the URL). Resumes with Last-Event-ID. Every event
 * marks the queries it touches as stale (TanStack Query refetches what is on screen), and goes to subscribers
 * (the overview's live feed).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { adminKey, queryClient, reportAuthFailure, RestockApiError } from './api.ts';

export interface RestockEvent {
  id: string | number;
  type: string;
  sku?: string | null;
  createdAt: string;
  data: Record<string, unknown>;
}

export type Connection = 'off' | 'connecting' | 'live' | 'retrying';

type Listener = (e: RestockEvent) => void;
const listeners = new Set<Listener>();
let connection: Connection = 'off';
const connectionListeners = new Set<() => void>();
function setConnection(c: Connection): void {
  connection = c;
  for (const fn of connectionListeners) fn();
}

/** Query keys start with the resource they read ('stock', 'sku', 'orders', …): an event invalidates these. */
function keysFor(e: RestockEvent): string[][] {
  const group = e.type.split('.')[0] ?? '';
  const keys: string[][] = [['overview']];
  if (group === 'inventory' || group === 'product') keys.push(['stock'], ['locations']);
  if (e.sku) keys.push(['sku', e.sku]);
  if (group === 'order' || group === 'orders' || group === 'inbound') keys.push(['orders'], ['inbound'], ['stock']);
  if (group === 'waitlist') keys.push(['waitlist']);
  if (group === 'message' || group === 'messages') keys.push(['messages']);
  if (group === 'webhook' || group === 'webhooks') keys.push(['webhooks']);
  // A supplier's answer, a re-sourcing or a late line changes POs, their decision logs, supplier performance,
  // the SKU's supply panel and (through the PO lines' inbound) promised dates.
  if (group === 'supply') keys.push(['purchase-orders'], ['suppliers'], ['supply'], ['inbound'], ['orders'], ['messages']);
  return keys;
}

/*
 * Invalidations are gathered for a moment and sent once: a burst of events (a feed of 500 lines) becomes one
 * refetch per query and window, not one per event (each cancelling the one before).
 */
const FLUSH_MS = 150;
const pending = new Map<string, string[]>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleFlush(): void {
  if (flushTimer !== null) return;
  flushTimer = setTimeout(() => {
    flushTimer = null;
    const keys = [...pending.values()];
    pending.clear();
    for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
  }, FLUSH_MS);
}

export function subscribe(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The newest events this tab heard (newest first), so a page opened later still shows what just happened. */
export const RECENT_MAX = 100;
let recent: readonly RestockEvent[] = [];
const recentListeners = new Set<() => void>();
function remember(e: RestockEvent): void {
  if (recent.some((r) => r.id === e.id)) return;
  recent = [e, ...recent].slice(0, RECENT_MAX);
  for (const fn of recentListeners) fn();
}
export function clearRecentEvents(): void {
  recent = [];
  for (const fn of recentListeners) fn();
}
export function useRecentEvents(): readonly RestockEvent[] {
  return useSyncExternalStore(
    (fn) => {
      recentListeners.add(fn);
      return () => recentListeners.delete(fn);
    },
    () => recent,
  );
}

const STATUS_WORDS: Record<string, string> = { in_stock: 'In stock', low_stock: 'Low stock', out_of_stock: 'Out of stock', backorder: 'Backorder', preorder: 'Pre-order', discontinued: 'Discontinued' };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "Order created", "Back in stock": an event's type in words. */
export function eventTitle(e: RestockEvent): string {
  const short = e.type.replace(/^inventory\./, '').replace(/[_.]/g, ' ');
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** What an event says, in a line: "Low stock (5) → In stock (17)", "ord_1 · 2 lines · dee@example.com". */
export function eventSummary(e: RestockEvent): string {
  const d = isRecord(e.data) ? e.data : {};
  const side = (x: unknown): string => {
    if (!isRecord(x)) return 'new';
    const status = typeof x.status === 'string' ? (STATUS_WORDS[x.status] ?? x.status) : '?';
    const n = typeof x.availableToSell === 'number' ? String(x.availableToSell) : '∞';
    return `${status} (${n})`;
  };
  if (isRecord(d.after)) return `${side(d.before)} → ${side(d.after)}`;
  const parts: string[] = [];
  if (typeof d.orderId === 'string') parts.push(d.orderId);
  if (typeof d.poId === 'string') parts.push(typeof d.toPoId === 'string' ? `${d.poId} → ${d.toPoId}` : d.poId);
  if (Array.isArray(d.lines)) parts.push(`${d.lines.length} ${d.lines.length === 1 ? 'line' : 'lines'}`);
  if (typeof d.email === 'string') parts.push(d.email);
  if (typeof d.quantity === 'number') parts.push(`qty ${d.quantity}`);
  if (typeof d.status === 'string') parts.push(d.status.replace(/_/g, ' '));
  if (d.oldDate || d.newDate) parts.push(`${typeof d.oldDate === 'string' ? d.oldDate : '—'} → ${typeof d.newDate === 'string' ? d.newDate : '—'}`);
  if (parts.length > 0) return parts.join(' · ');
  const json = JSON.stringify(d);
  return json === '{}' ? '' : json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

function parseBlock(block: string): { id: string; data: string; retry: number } {
  let id = '';
  let retry = 0;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  return { id, data: data.join('\n'), retry };
}

/** Follows the stream while mounted (once per signed-in tab). */
export function useEventStream(): void {
  useEffect(() => {
    const controller = new AbortController();
    let lastId: string | null = null;
    let retry = 2000;
    const run = async () => {
      while (!controller.signal.aborted) {
        setConnection('connecting');
        try {
          const key = adminKey();
          if (!key) return;
          const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
          if (lastId) headers['last-event-id'] = lastId;
          const res = await fetch('/v1/events', { headers, signal: controller.signal, cache: 'no-store' });
          if (res.status === 401 || res.status === 403) {
            const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
            reportAuthFailure(new RestockApiError(res.status, body?.error?.code ?? 'unauthorized', body?.error?.message ?? '', null));
            return;
          }
          if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
          setConnection('live');
          // Whatever changed between the first reads and the stream's start.
          if (lastId === null) void queryClient.invalidateQueries();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
              const m = parseBlock(block);
              if (m.retry) retry = m.retry;
              if (m.id) lastId = m.id;
              if (!m.data) continue;
              let event: RestockEvent;
              try {
                event = JSON.parse(m.data) as RestockEvent;
              } catch {
                continue; // a malformed event is skipped, not fatal
              }
              for (const key of keysFor(event)) pending.set(JSON.stringify(key), key);
              scheduleFlush();
              remember(event);
              for (const fn of listeners) fn(event);
            }
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        setConnection('retrying');
        await new Promise((r) => setTimeout(r, retry));
      }
    };
    void run();
    return () => {
      controller.abort();
      setConnection('off');
    };
  }, []);
}

export function useConnection(): Connection {
  return useSyncExternalStore(
    (fn) => {
      connectionListeners.add(fn);
      return () => connectionListeners.delete(fn);
    },
    () => connection,
  );
}
