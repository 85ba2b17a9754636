/**
 * Suppliers: every supplier by name (server-paged) with its channel, currency, lead time, switches and what its
 * history says (on-time and fill rate, GET /v1/suppliers/:id/performance), and a form to add one or change one.
 * A row opens the supplier's page (offers, performance, its purchase orders).
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { api, unwrap } from '../app/api.ts';
import type { Supplier } from '../app/types.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import { useTitle } from '../components/ui.tsx';
import { Pill } from './ops-ui.tsx';
import { SupplierForm } from './supply-forms.tsx';
import { CHANNEL_WORDS, days, rate } from './supply-ui.tsx';

/** On-time and fill rate of one supplier (one request per row shown, cached). */
function Rate({ id, what }: { id: string; what: 'onTimeRate' | 'fillRate' }) {
  const perf = useQuery({ queryKey: ['suppliers', id, 'performance'], queryFn: () => unwrap(api.GET('/v1/suppliers/{id}/performance', { params: { path: { id } } })), staleTime: 60_000 });
  const p = perf.data;
  if (!p) return <span className="muted">…</span>;
  return <span title={`from ${p.lines} ${p.lines === 1 ? 'line' : 'lines'} of sent orders`}>{rate(p[what])}</span>;
}

export default function Suppliers() {
  useTitle('Suppliers');
  const [, navigate] = useLocation();
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 50 });
  const [editing, setEditing] = useState<Supplier | null>(null);
  const [formKey, setFormKey] = useState(0);
  const columns = useMemo<Array<Column<Supplier>>>(
    () => [
      {
        id: 'name',
        header: 'Supplier',
        cell: (s) => (
          <span className="sku-cell">
            <Link className="link" href={`/suppliers/${encodeURIComponent(s.id)}`}>
              {s.name}
            </Link>
            <span className="sub muted">{s.email}</span>
          </span>
        ),
      },
      { id: 'channel', header: 'Channel', cell: (s) => CHANNEL_WORDS[s.channel] ?? s.channel },
      { id: 'currency', header: 'Currency', cell: (s) => <span className="mono">{s.currency}</span> },
      { id: 'leadTime', header: 'Lead time', numeric: true, cell: (s) => <span title={`± ${s.leadTimeSdDays} days`}>{days(s.leadTimeDays)}</span> },
      { id: 'active', header: 'Active', cell: (s) => (s.active ? <Pill tone="green">Active</Pill> : <Pill>Inactive</Pill>) },
      { id: 'failover', header: 'Failover', cell: (s) => (s.failover ? <Pill tone="blue">On</Pill> : <Pill tone="amber">Off</Pill>) },
      { id: 'onTime', header: 'On time', numeric: true, cell: (s) => <Rate id={s.id} what="onTimeRate" /> },
      { id: 'fill', header: 'Fill rate', numeric: true, cell: (s) => <Rate id={s.id} what="fillRate" /> },
      {
        id: 'edit',
        header: '',
        cell: (s) => (
          <button
            type="button"
            className="button small"
            aria-label={`Edit ${s.name}`}
            onClick={() => {
              setEditing(s);
              setFormKey((k) => k + 1);
              requestAnimationFrame(() => {
                const name = document.getElementById('supplier-name');
                name?.scrollIntoView({ block: 'center' });
                name?.focus({ preventScroll: true });
              });
            }}
          >
            Edit
          </button>
        ),
      },
    ],
    [],
  );
  return (
    <div className="page view-grid ops suppliers">
      <section className="view-main" aria-labelledby="suppliers-title">
        <div className="section-head">
          <div>
            <h1 id="suppliers-title">Suppliers</h1>
            <p className="muted">Who sells you each SKU. On-time and fill rates are learned from their purchase orders; failover uses them to choose the next supplier.</p>
          </div>
        </div>
        <div id="suppliers">
          <DataTable<Supplier>
            queryKey={['suppliers', 'page']}
            fetchPage={(p) => unwrap(api.GET('/v1/suppliers', { params: { query: { limit: p.limit, offset: p.offset } } }))}
            columns={columns}
            params={params}
            onParams={setParams}
            rowKey={(s) => s.id}
            onRowClick={(s) => navigate(`/suppliers/${encodeURIComponent(s.id)}`)}
            caption="Suppliers by name; choose a row to open the supplier"
            empty="No suppliers yet: add the first one."
          />
        </div>
      </section>
      <aside className="view-side">
        <section className="panel pad" aria-labelledby="supplier-form-title">
          <h2 id="supplier-form-title">{editing ? `Edit ${editing.name}` : 'Add a supplier'}</h2>
          <SupplierForm
            key={formKey}
            supplier={editing}
            onSaved={(saved) => {
              if (editing) setEditing(saved);
            }}
            onCancel={
              editing
                ? () => {
                    setEditing(null);
                    setFormKey((k) => k + 1);
                  }
                : undefined
            }
          />
        </section>
      </aside>
    </div>
  );
}
