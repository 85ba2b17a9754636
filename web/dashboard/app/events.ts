/**
 * The live event stream (`GET /v1/events`, Server-Sent Events), read with fetch() so the admin key travels in
 * the Authorization header (EventSource could carry it only in the URL). Resumes with Last-Event-ID. Every event
 * marks the queries it touches as stale (TanStack Query refetches what is on screen), and goes to subscribers
 * (the overview's live feed).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { adminKey, queryClient, reportAuthFailure, RestockApiError } from './api.ts';

export interface RestockEvent {
  id: string;
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
  if (group === 'inventory') keys.push(['stock'], ['locations']);
  if (e.sku) keys.push(['sku', e.sku]);
  if (group === 'order' || group === 'orders' || group === 'inbound') keys.push(['orders'], ['inbound'], ['stock']);
  if (group === 'waitlist') keys.push(['waitlist']);
  if (group === 'message' || group === 'messages') keys.push(['messages']);
  if (group === 'webhook' || group === 'webhooks') keys.push(['webhooks']);
  return keys;
}

export function subscribe(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
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
              for (const key of keysFor(event)) void queryClient.invalidateQueries({ queryKey: key });
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
