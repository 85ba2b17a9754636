/**
 * Small pieces the operations pages (backorders, waitlists, messages, webhooks) share: pills, dates with their
 * distance from today, a toast, forms that say their outcome in words, a modal, product titles and locations
 * from the query cache, and paging of lists the server does not page yet. The shell's own helpers (api.ts,
 * format.ts, DataTable) are used as they are; these live here so the shell's files stay the shell's.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from 'restock/client';
import { api, errorText, RestockApiError, unwrap } from '../app/api.ts';
import { subscribe, type RestockEvent } from '../app/events.ts';
import { calendarDate, dateTime, locale } from '../app/format.ts';
import type { Page, PageParams } from '../components/DataTable.tsx';
import '../ops.css';

/** The JSON a GET answers with 200. */
export type GetOk<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;

export type Tone = 'green' | 'blue' | 'violet' | 'amber' | 'red' | 'neutral';
export function Pill({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`pill t-${tone}`} title={title}>
      {children}
    </span>
  );
}

const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const longDate = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
/** Whole days from today (UTC) to a calendar date. */
export function daysFromToday(iso: string): number {
  const d = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Math.round((d - Date.parse(`${todayIso()}T00:00:00Z`)) / 86_400_000);
}
export function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A calendar date, optionally with "in 12 days" / "3 days ago" beside it. */
export function CalDate({ iso, relativeToToday = false }: { iso: string | null | undefined; relativeToToday?: boolean }) {
  if (!iso) return <span className="muted">no date yet</span>;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return <span>{iso}</span>;
  const days = daysFromToday(iso);
  return (
    <time className="date" dateTime={iso.slice(0, 10)} title={longDate.format(d)}>
      {calendarDate(iso)}
      {relativeToToday ? <span className={`rel ${days < 0 ? 'past' : ''}`}>{relative.format(days, 'day')}</span> : null}
    </time>
  );
}

/** A moment with its date. */
export function Stamp({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time className="stamp tabular" dateTime={iso}>
      {dateTime(iso)}
    </time>
  );
}

/** An operator-facing reason: the API's message, or the first field it names, as a sentence. */
export function words(err: unknown): string {
  if (err instanceof RestockApiError && err.code === 'invalid_request' && Array.isArray(err.details)) {
    const d = err.details[0] as { field?: unknown; message?: unknown } | undefined;
    if (d && typeof d.message === 'string') {
      const field = String(d.field ?? '').replace(/^(body|query|params)\./, '');
      return `${field ? `${field.charAt(0).toUpperCase()}${field.slice(1)} ` : ''}${d.message}.`;
    }
  }
  return errorText(err);
}

// ---- toast: one line at the bottom, for what an action did elsewhere on the page
let toast: { text: string; error: boolean; n: number } | null = null;
const toastListeners = new Set<() => void>();
let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function flash(text: string, error = false): void {
  toast = { text, error, n: (toast?.n ?? 0) + 1 };
  for (const fn of toastListeners) fn();
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast = null;
    for (const fn of toastListeners) fn();
  }, 6000);
}
export function Toast() {
  const t = useSyncExternalStore(
    (fn) => {
      toastListeners.add(fn);
      return () => toastListeners.delete(fn);
    },
    () => toast,
  );
  return (
    <div id="toast" className={`toast ${t?.error ? 'error' : ''}`} role="status" aria-live="polite" hidden={!t}>
      {t?.text}
    </div>
  );
}

/** What a form or a button said last: an error (red) or what it did (green). */
export interface Said {
  text: string;
  ok: boolean;
}
export function Notice({ said, className = '' }: { said: Said | null; className?: string }) {
  return (
    <p className={`notice ${said?.ok ? 'ok' : ''} ${className}`} role="status">
      {said?.text ?? ''}
    </p>
  );
}

/** Runs an action from a button: busy meanwhile; its error goes to `said` in words. */
export function useAction(): { busy: boolean; said: Said | null; setSaid: (s: Said | null) => void; run: (fn: () => Promise<string | void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);
  const run = async (fn: () => Promise<string | void>) => {
    setBusy(true);
    setSaid(null);
    try {
      const text = await fn();
      if (text) setSaid({ text, ok: true });
    } catch (err) {
      setSaid({ text: words(err), ok: false });
    } finally {
      setBusy(false);
    }
  };
  return { busy, said, setSaid, run };
}

export function Field({ label, hint, children, id, className = 'field' }: { label: string; hint?: string; id: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A modal dialog; Esc, the close button and a click on the backdrop close it. */
export function Modal({ title, onClose, wide = false, children }: { title: string; onClose: () => void; wide?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${wide ? 'wide' : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button className="button small ghost modal-close" type="button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}

/** A product's title, from the cache (one request per SKU shown, kept for minutes). */
export function useTitle(sku: string): string {
  const q = useQuery({
    queryKey: ['products', 'title', sku],
    queryFn: async () => (await unwrap(api.GET('/v1/products/{sku}', { params: { path: { sku } } }))).title,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return q.data ?? '';
}
export function SkuTitle({ sku }: { sku: string }) {
  const t = useTitle(sku);
  return <span className="sub muted">{t}</span>;
}

export function useLocations() {
  return useQuery({ queryKey: ['locations'], queryFn: async () => (await unwrap(api.GET('/v1/locations'))).items, staleTime: 60_000 });
}

/** One page of a list the server answered whole (sorted here when asked). */
export function pageLocally<T>(items: T[], p: PageParams, sorters: Record<string, (a: T, b: T) => number> = {}): Page<T> {
  const by = p.sort ? sorters[p.sort] : undefined;
  const sorted = by ? [...items].sort((a, b) => (p.order === 'desc' ? -by(a, b) : by(a, b))) : items;
  return { items: sorted.slice(p.offset, p.offset + p.limit), total: items.length };
}

/** Waits `ms` after the last change of `value`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/**
 * Refreshes `keys` a moment after an event that `matches` (the stream invalidates by the event's own group;
 * a page also shows what an event causes elsewhere: an order writes an email, a restock sends webhooks).
 */
export function useLiveRefresh(matches: (e: RestockEvent) => boolean, keys: string[][], delayMs = 300): void {
  const qc = useQueryClient();
  const match = useRef(matches);
  const watched = useRef(keys);
  useEffect(() => {
    match.current = matches;
    watched.current = keys;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribe((e) => {
      if (!match.current(e)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const k of watched.current) void qc.invalidateQueries({ queryKey: k });
      }, delayMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [qc, delayMs]);
}
