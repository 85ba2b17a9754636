/**
 * Every SKU with its units, sorted, filtered and paged by the server (GET /v1/stock). The filters live in the
 * URL (?q=…&status=…&sort=…), so the back button from a SKU page returns to the same list. The columns add up:
 * available = Σ per location max(0, on hand − reserved − committed − safety stock), less the units waiting
 * backorders and pre-orders are owed.
 */
import { useMemo, useState, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'wouter';
import { api, unwrap } from '../app/api.ts';
import { num, statusLabel } from '../app/format.ts';
import { AVAILABILITY_STATUSES, STOCK_SORTS, type AvailabilityStatus, type StockRow, type StockSort } from '../app/types.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import { SkuLink, StatusBadge, useDebounced, useTitle } from '../components/ui.tsx';
import { overviewQuery } from '../app/queries.ts';

const LIMIT = 50;

function explainAvailable(r: StockRow): string {
  if (r.availableToSell === null) return 'Stock is not tracked for this product: it is always available.';
  const owed = r.backordered + r.preordered;
  const parts = [`${num(r.onHand)} on hand − ${num(r.reserved)} reserved − ${num(r.committed)} committed − ${num(r.safetyStock)} safety stock = ${num(r.free)} free`];
  if (owed > 0) parts.push(`− ${num(owed)} owed to waiting orders`);
  if (r.productStatus === 'upcoming') parts.push('(not released yet: 0 for sale)');
  return `${parts.join(' ')} → ${num(r.availableToSell)} available`;
}

const COLUMNS: Array<Column<StockRow>> = [
  { id: 'sku', header: 'SKU', sortable: true, cell: (r) => <SkuLink sku={r.sku} /> },
  {
    id: 'title',
    header: 'Product',
    sortable: true,
    cell: (r) => (
      <span className="product-cell">
        {r.title}
        {r.category ? <span className="sub muted">{r.category}</span> : null}
      </span>
    ),
  },
  { id: 'status', header: 'Status', sortable: true, cell: (r) => <StatusBadge status={r.status} /> },
  { id: 'onHand', header: 'On hand', sortable: true, numeric: true, cell: (r) => num(r.onHand) },
  { id: 'reserved', header: 'Reserved', sortable: true, numeric: true, cell: (r) => num(r.reserved) },
  { id: 'committed', header: 'Committed', sortable: true, numeric: true, cell: (r) => num(r.committed) },
  { id: 'safetyStock', header: 'Safety', numeric: true, cell: (r) => num(r.safetyStock) },
  {
    id: 'availableToSell',
    header: 'Available',
    sortable: true,
    numeric: true,
    cell: (r) => (
      <span className="available" title={explainAvailable(r)}>
        {r.availableToSell === null ? 'Untracked' : num(r.availableToSell)}
      </span>
    ),
  },
  {
    id: 'backordered',
    header: 'Owed',
    sortable: true,
    numeric: true,
    cell: (r) => <span title={`${num(r.backordered)} backordered, ${num(r.preordered)} pre-ordered`}>{num(r.backordered + r.preordered)}</span>,
  },
  { id: 'inbound', header: 'Inbound', sortable: true, numeric: true, cell: (r) => num(r.inbound) },
  { id: 'waiting', header: 'Waiting', sortable: true, numeric: true, cell: (r) => num(r.waiting) },
];

const isSort = (s: string | null): s is StockSort => s !== null && (STOCK_SORTS as readonly string[]).includes(s);
const isStatus = (s: string): s is AvailabilityStatus => (AVAILABILITY_STATUSES as readonly string[]).includes(s);

export default function Stock() {
  useTitle('Stock');
  const [search, setSearch] = useSearchParams();
  const [, navigate] = useLocation();
  const statuses = useMemo(() => (search.get('status') ?? '').split(',').filter(isStatus), [search]);
  const sortParam = search.get('sort');
  const params: PageParams = {
    sort: isSort(sortParam) ? sortParam : 'sku',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    offset: Math.max(0, Number(search.get('offset')) || 0),
    limit: LIMIT,
  };
  const urlQ = search.get('q') ?? '';
  const [text, setText] = useState(urlQ);
  const q = useDebounced(text.trim(), 250);
  const update = (change: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  // The URL changed from outside (the Stock tab, the back button): the field follows it.
  useEffect(() => {
    setText((t) => (t.trim() === urlQ ? t : urlQ));
  }, [urlQ]);
  useEffect(() => {
    if (q !== urlQ) update({ q, offset: null });
    // Only the debounced text writes the URL; the URL's q is read once, as the field's start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const overview = useQuery(overviewQuery);
  const counts = overview.data?.counts;
  const toggle = (s: AvailabilityStatus) => {
    const next = statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s];
    update({ status: next.join(','), offset: null });
  };

  return (
    <div className="page stock">
      <div className="section-head">
        <div>
          <h1>Stock</h1>
          <p className="muted">Every SKU, summed over its locations. Choose a row for its locations, ledger and forecast.</p>
        </div>
      </div>
      <div className="chips" role="group" aria-label="Filter by status">
        <button type="button" className="chip" aria-pressed={statuses.length === 0} onClick={() => update({ status: null, offset: null })}>
          All <span className="count">{counts ? num(counts.products) : '…'}</span>
        </button>
        {AVAILABILITY_STATUSES.map((s) => (
          <button key={s} type="button" className={`chip s-${s}`} aria-pressed={statuses.includes(s)} onClick={() => toggle(s)}>
            {statusLabel(s)} <span className="count">{counts ? num(counts.byStatus[s] ?? 0) : '…'}</span>
          </button>
        ))}
      </div>
      <div className="table-tools">
        <label className="visually-hidden" htmlFor="stock-search">
          Search SKUs
        </label>
        <input id="stock-search" type="search" placeholder="Search by SKU or product" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <p className="legend muted" id="available-legend">
        <strong>Available</strong> = on hand − reserved − committed − safety stock (per location, never below 0), less the units owed to waiting
        backorders and pre-orders. <strong>Committed</strong> units are sold and still on the shelf until they ship. Hover a number for its sum.
      </p>
      <DataTable<StockRow>
        queryKey={['stock', { q, statuses }]}
        fetchPage={(p) =>
          unwrap(
            api.GET('/v1/stock', {
              params: { query: { ...(q ? { q } : {}), ...(statuses.length ? { status: statuses.join(',') } : {}), sort: isSort(p.sort ?? null) ? (p.sort as StockSort) : 'sku', order: p.order ?? 'asc', limit: p.limit, offset: p.offset } },
            }),
          )
        }
        columns={COLUMNS}
        params={params}
        onParams={(p) => update({ sort: p.sort ?? null, order: p.order ?? null, offset: p.offset ? String(p.offset) : null })}
        rowKey={(r) => r.sku}
        // A reservation's commit moves units from reserved to committed without an event.
        refetchInterval={30_000}
        onRowClick={(r) => navigate(`/skus/${encodeURIComponent(r.sku)}`)}
        caption="Stock by SKU; choose a row to open the SKU"
        empty={q || statuses.length ? 'No SKU matches these filters.' : 'No products yet.'}
      />
    </div>
  );
}
