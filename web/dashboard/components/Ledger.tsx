/**
 * A SKU's ledger, newest first, each movement with its date and time: filtered by date range and movement
 * type on the server, paged, and exported as CSV (GET /v1/inventory/{sku}/ledger.csv, fetched with the key and saved as a
 * file; the key never goes into a URL).
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, download, errorText, unwrap } from '../app/api.ts';
import { dateTime, num, words } from '../app/format.ts';
import { Field } from './ui.tsx';

export interface LedgerEntry {
  id: number;
  sku: string;
  location: string;
  type: string;
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  committedDelta: number;
  reason: string | null;
  reference: string | null;
  createdAt: string;
}

export const MOVEMENT_TYPES = ['receipt', 'adjustment', 'count', 'reservation', 'release', 'commit', 'shipment', 'transfer'] as const;
const PAGE = 25;
/** How much of a long ledger one view reads (newest kept); narrow the dates to see older movements. */
const READ_MAX = 20_000;

const signed = (n: number) => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : '·');
const tone = (n: number) => (n > 0 ? 'up' : n < 0 ? 'down' : 'zero');

export interface LedgerFilters {
  from: string;
  to: string;
  type: string;
}

/** The filters as the API takes them: whole days (a `to` date includes that day). */
export function ledgerQuery(f: LedgerFilters): { from?: string; to?: string; type?: string } {
  return { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...(f.type ? { type: f.type } : {}) };
}

async function readLedger(sku: string, f: LedgerFilters): Promise<{ items: LedgerEntry[]; total: number; truncated: boolean }> {
  const rows: LedgerEntry[] = [];
  let total = 0;
  let after = 0;
  let truncated = false;
  for (;;) {
    const page = await unwrap(api.GET('/v1/inventory/{sku}/ledger', { params: { path: { sku }, query: { after, limit: 1000, ...ledgerQuery(f) } } }));
    total = page.total;
    rows.push(...page.items);
    if (rows.length > READ_MAX) {
      rows.splice(0, rows.length - READ_MAX);
      truncated = true;
    }
    if (page.next === null) break;
    after = page.next;
  }
  return { items: rows.reverse(), total, truncated };
}

export function Ledger({ sku }: { sku: string }) {
  const [filters, setFilters] = useState<LedgerFilters>({ from: '', to: '', type: '' });
  const [page, setPage] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['sku', sku, 'ledger', filters], queryFn: () => readLedger(sku, filters) });
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const shown = items.slice(page * PAGE, page * PAGE + PAGE);
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const set = (change: Partial<LedgerFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setPage(0);
  };
  const exportCsv = async () => {
    setExporting('Preparing the CSV…');
    try {
      const name = `${sku}-ledger${filters.from ? `-from-${filters.from}` : ''}${filters.to ? `-to-${filters.to}` : ''}.csv`;
      await download(`/v1/inventory/${encodeURIComponent(sku)}/ledger.csv`, name, ledgerQuery(filters));
      setExporting(null);
    } catch (err) {
      setExporting(errorText(err));
    }
  };
  return (
    <section className="panel pad ledger-panel" aria-labelledby="ledger-title">
      <div className="section-head">
        <h2 id="ledger-title">
          Ledger <span className="muted small">(newest first)</span>
        </h2>
        <button type="button" className="button small" onClick={() => void exportCsv()} disabled={exporting === 'Preparing the CSV…'}>
          Export CSV
        </button>
      </div>
      <form className="ledger-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the ledger">
        <Field label="From" htmlFor="ledger-from">
          <input id="ledger-from" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        </Field>
        <Field label="To" htmlFor="ledger-to">
          <input id="ledger-to" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} />
        </Field>
        <Field label="Movement" htmlFor="ledger-type">
          <select id="ledger-type" value={filters.type} onChange={(e) => set({ type: e.target.value })}>
            <option value="">All movements</option>
            {MOVEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {words(t)}
              </option>
            ))}
          </select>
        </Field>
        {filters.from || filters.to || filters.type ? (
          <button type="button" className="button small ghost" onClick={() => set({ from: '', to: '', type: '' })}>
            Clear filters
          </button>
        ) : null}
      </form>
      {exporting && exporting !== 'Preparing the CSV…' ? (
        <p className="notice" role="alert">
          {exporting}
        </p>
      ) : null}
      {q.isError ? (
        <p className="notice" role="alert">
          {errorText(q.error)}
        </p>
      ) : null}
      <div className="ledger-wrap" tabIndex={0} role="region" aria-labelledby="ledger-title">
        <table className="ledger" id="ledger">
          <caption className="visually-hidden">Ledger movements of {sku}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Movement</th>
              <th scope="col" className="num">
                On hand
              </th>
              <th scope="col" className="num">
                Reserved
              </th>
              <th scope="col" className="num">
                Committed
              </th>
            </tr>
          </thead>
          <tbody>
            {q.isPending ? (
              <tr>
                <td colSpan={5} className="muted">
                  Loading…
                </td>
              </tr>
            ) : shown.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {filters.from || filters.to || filters.type ? 'No movements match these filters.' : 'No movements yet.'}
                </td>
              </tr>
            ) : (
              shown.map((m) => (
                <tr key={m.id} data-type={m.type}>
                  <td data-label="When" className="tabular when">
                    <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
                  </td>
                  <td data-label="Movement">
                    <span className={`movement m-${m.type}`}>{words(m.type)}</span>
                    <span className="muted movement-where">{[m.location, m.reason, m.reference].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td data-label="On hand" className={`num tabular ${tone(m.onHandDelta)}`}>
                    {signed(m.onHandDelta)}
                  </td>
                  <td data-label="Reserved" className={`num tabular ${tone(m.reservedDelta)}`}>
                    {signed(m.reservedDelta)}
                  </td>
                  <td data-label="Committed" className={`num tabular ${tone(m.committedDelta)}`}>
                    {signed(m.committedDelta)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span className="muted" aria-live="polite">
          {items.length === 0 ? '' : `${num(page * PAGE + 1)}–${num(Math.min(items.length, page * PAGE + PAGE))} of ${num(q.data?.truncated ? items.length : (q.data?.total ?? items.length))}${q.data?.truncated ? ` (the newest of ${num(q.data.total)}; narrow the dates for older)` : ''}`}
        </span>
        <button type="button" className="button small" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
          Newer
        </button>
        <button type="button" className="button small" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)}>
          Older
        </button>
      </div>
    </section>
  );
}
export default Ledger;
