/**
 * A list the server sorts, filters and pages (TanStack Table in manual mode, TanStack Query for the data):
 * the page keeps `{ sort, order, offset, limit }` (and its own filters) and the fetcher asks the API for
 * exactly that page; `total` comes back with the items. Column headers sort (aria-sort), the pager says
 * "1–50 of 1,234". Below 640 px each row becomes a card with the column names as labels (data-label), so no
 * table overflows a phone.
 */
import { useMemo, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { errorText } from '../app/api.ts';
import { num } from '../app/format.ts';

export interface PageParams {
  sort?: string;
  order?: 'asc' | 'desc';
  offset: number;
  limit: number;
}
export interface Page<T> {
  items: T[];
  total: number;
}

export interface Column<T> {
  /** The API's sort key for this column, when the server can sort by it. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  sortable?: boolean;
  numeric?: boolean;
}

interface Props<T> {
  /** The query key: the resource first ('stock', 'orders'…), then the filters. Paging is added here. */
  queryKey: readonly unknown[];
  fetchPage: (p: PageParams) => Promise<Page<T>>;
  columns: Array<Column<T>>;
  params: PageParams;
  onParams: (p: PageParams) => void;
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  caption: string;
  empty?: ReactNode;
}

export function DataTable<T>({ queryKey, fetchPage, columns, params, onParams, rowKey, onRowClick, caption, empty }: Props<T>) {
  const q = useQuery({ queryKey: [...queryKey, params], queryFn: () => fetchPage(params), placeholderData: keepPreviousData });
  const defs = useMemo<Array<ColumnDef<T>>>(
    () => columns.map((c) => ({ id: c.id, header: c.header, cell: (info) => c.cell(info.row.original), enableSorting: c.sortable ?? false })),
    [columns],
  );
  const table = useReactTable({
    data: q.data?.items ?? [],
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    rowCount: q.data?.total ?? 0,
    getRowId: rowKey,
  });
  const total = q.data?.total ?? 0;
  const from = total === 0 ? 0 : params.offset + 1;
  const to = Math.min(params.offset + params.limit, total);
  const sortBy = (c: Column<T>) => {
    if (!c.sortable) return;
    const order = params.sort === c.id && params.order === 'asc' ? 'desc' : 'asc';
    onParams({ ...params, sort: c.id, order, offset: 0 });
  };
  return (
    <div className="data-table" aria-busy={q.isFetching}>
      {q.isError ? (
        <p className="error" role="alert">
          {errorText(q.error)}
        </p>
      ) : null}
      <div className="table-wrap panel">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const c = columns.find((x) => x.id === h.column.id);
                  if (!c) return null;
                  const sorted = params.sort === c.id ? (params.order === 'desc' ? 'descending' : 'ascending') : undefined;
                  return (
                    <th key={h.id} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={c.sortable ? (sorted ?? 'none') : undefined}>
                      {c.sortable ? (
                        <button type="button" className="sort" onClick={() => sortBy(c)}>
                          {c.header}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        c.header
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr
                key={r.id}
                className={onRowClick ? 'clickable' : undefined}
                onClick={onRowClick ? () => onRowClick(r.original) : undefined}
              >
                {r.getVisibleCells().map((cell) => {
                  const c = columns.find((x) => x.id === cell.column.id);
                  return (
                    <td key={cell.id} data-label={c?.header} className={c?.numeric ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {q.isSuccess && total === 0 ? <div className="empty muted">{empty ?? 'Nothing here.'}</div> : null}
      </div>
      <div className="pager">
        <span className="muted" aria-live="polite">
          {q.isPending ? 'Loading…' : `${num(from)}–${num(to)} of ${num(total)}`}
        </span>
        <button type="button" className="button small" disabled={params.offset === 0} onClick={() => onParams({ ...params, offset: Math.max(0, params.offset - params.limit) })}>
          Previous
        </button>
        <button type="button" className="button small" disabled={to >= total} onClick={() => onParams({ ...params, offset: params.offset + params.limit })}>
          Next
        </button>
      </div>
    </div>
  );
}
