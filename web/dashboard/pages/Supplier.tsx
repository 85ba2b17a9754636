/**
 * One supplier: its details (editable), its offers (what it sells each SKU for, in what quantities, how fast,
 * when) with a form to add or change one, its performance learned from PO history (on-time rate, fill rate,
 * acknowledgement time, lead-time distribution, and how many lines that rests on), and its purchase orders.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { api, errorText, unwrap } from '../app/api.ts';
import { money, num } from '../app/format.ts';
import type { Offer, PurchaseOrder, Supplier as SupplierRow } from '../app/types.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import { SkuLink, useTitle } from '../components/ui.tsx';
import { CalDate, Pill, Stamp } from './ops-ui.tsx';
import { OfferForm, SupplierForm } from './supply-forms.tsx';
import { CHANNEL_WORDS, days, hours, PoLink, PoStatusPill, rate } from './supply-ui.tsx';

export default function Supplier({ id }: { id: string }) {
  const supplier = useQuery({ queryKey: ['suppliers', id], queryFn: () => unwrap(api.GET('/v1/suppliers/{id}', { params: { path: { id } } })) });
  const s = supplier.data;
  useTitle(s?.name ?? id);
  const [editing, setEditing] = useState(false);
  if (supplier.isError) {
    return (
      <section className="panel pad">
        <h1>Supplier {id}</h1>
        <p className="notice" role="alert">
          {errorText(supplier.error)}
        </p>
        <p>
          <Link href="/suppliers">Back to the suppliers</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="page ops supplier-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/suppliers">Suppliers</Link> <span aria-hidden="true">›</span> <span aria-current="page">{s?.name ?? id}</span>
      </nav>
      <header className="sku-head">
        <div>
          <h1>
            <span className="sku-title">{s?.name ?? '…'}</span> <code className="sku-code">{id}</code>
          </h1>
          {s ? (
            <p className="muted sku-sub">
              {s.active ? <Pill tone="green">Active</Pill> : <Pill>Inactive</Pill>}
              {s.failover ? <Pill tone="blue">Failover on</Pill> : <Pill tone="amber">Failover off</Pill>}
              <span>{s.email}</span>
            </p>
          ) : null}
        </div>
        <div className="head-tools">
          <Link className="button" href={`/purchase-orders?new=1&supplierId=${encodeURIComponent(id)}`}>
            New purchase order
          </Link>
        </div>
      </header>
      <div className="sku-grid">
        <div className="sku-main">
          {s ? <Offers supplier={s} /> : null}
          <SupplierOrders supplierId={id} />
        </div>
        <div className="sku-side">
          <Performance id={id} />
          <section className="panel pad" aria-labelledby="supplier-details-title">
            <div className="section-head">
              <h2 id="supplier-details-title">{editing ? 'Edit the supplier' : 'Details'}</h2>
              {!editing && s ? (
                <button type="button" className="button small" onClick={() => setEditing(true)}>
                  Edit
                </button>
              ) : null}
            </div>
            {!s ? <p className="muted">Loading…</p> : editing ? <SupplierForm supplier={s} onCancel={() => setEditing(false)} /> : <Details s={s} />}
          </section>
        </div>
      </div>
    </div>
  );
}

function Details({ s }: { s: SupplierRow }) {
  return (
    <dl className="facts" id="supplier-details">
      <div>
        <dt>Channel</dt>
        <dd>{CHANNEL_WORDS[s.channel] ?? s.channel}</dd>
      </div>
      <div>
        <dt>Currency</dt>
        <dd>{s.currency}</dd>
      </div>
      <div>
        <dt>Lead time</dt>
        <dd>
          {days(s.leadTimeDays)} ± {days(s.leadTimeSdDays)}
        </dd>
      </div>
      <div>
        <dt>Answer within</dt>
        <dd>{hours(s.ackDeadlineHours)}</dd>
      </div>
      <div>
        <dt>Minimum order</dt>
        <dd>{money(s.minOrderValue, s.currency)}</dd>
      </div>
      <div>
        <dt>Ships to</dt>
        <dd>{s.regions.length ? s.regions.join(', ') : 'everywhere'}</dd>
      </div>
      {s.webhookUrl ? (
        <div className="span-2">
          <dt>Webhook</dt>
          <dd className="mono">{s.webhookUrl}</dd>
        </div>
      ) : null}
      {s.channel === 'webhook' ? <WebhookSecret id={s.id} /> : null}
    </dl>
  );
}

/** The signing secret the supplier's system verifies our webhooks with: shown on request, never cached. */
function WebhookSecret({ id }: { id: string }) {
  const [shown, setShown] = useState(false);
  const secret = useQuery({
    queryKey: ['suppliers', id, 'webhook-secret'],
    queryFn: () => unwrap(api.GET('/v1/suppliers/{id}/webhook-secret', { params: { path: { id } } })),
    enabled: shown,
    gcTime: 0,
    staleTime: 0,
  });
  return (
    <div className="span-2">
      <dt>Signing secret</dt>
      <dd>
        {!shown ? (
          <button type="button" className="btn small" id="show-webhook-secret" onClick={() => setShown(true)}>
            Show the secret to give the supplier
          </button>
        ) : secret.data ? (
          <span className="mono" id="webhook-secret">{secret.data.secret}</span>
        ) : secret.isError ? (
          <span className="error-text">{errorText(secret.error)}</span>
        ) : (
          <span className="muted">Loading…</span>
        )}
        <span className="muted"> Purchase orders are POSTed signed as Standard Webhooks say (webhook-id, webhook-timestamp, webhook-signature).</span>
      </dd>
    </div>
  );
}

function Performance({ id }: { id: string }) {
  const perf = useQuery({ queryKey: ['suppliers', id, 'performance'], queryFn: () => unwrap(api.GET('/v1/suppliers/{id}/performance', { params: { path: { id } } })) });
  const p = perf.data;
  return (
    <section className="panel pad" aria-labelledby="performance-title">
      <h2 id="performance-title">Performance</h2>
      {perf.isError ? (
        <p className="notice" role="alert">
          {errorText(perf.error)}
        </p>
      ) : null}
      {p ? (
        <>
          <dl className="kpis" id="performance">
            <div className="kpi">
              <dt className="kpi-label">On time</dt>
              <dd className="kpi-value tabular">{rate(p.onTimeRate)}</dd>
              <dd className="kpi-note muted">received by the confirmed date</dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">Fill rate</dt>
              <dd className="kpi-value tabular">{rate(p.fillRate)}</dd>
              <dd className="kpi-note muted">received ÷ ordered</dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">Answers in</dt>
              <dd className="kpi-value tabular">{hours(p.ackHours.mean)}</dd>
              <dd className="kpi-note muted">90%: {hours(p.ackHours.p90)}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">Lead time</dt>
              <dd className="kpi-value tabular">{days(p.leadTimeDays.mean)}</dd>
              <dd className="kpi-note muted">
                sd {days(p.leadTimeDays.sd)} · 90%: {days(p.leadTimeDays.p90)}
              </dd>
            </div>
          </dl>
          <p className="legend muted" id="performance-sample">
            From {num(p.lines)} {p.lines === 1 ? 'line' : 'lines'} of sent orders; lead time from {num(p.sample)} received {p.sample === 1 ? 'line' : 'lines'}.
            {p.sample < 10 ? ' With little history, failover’s reliability score leans on a prior until more orders finish.' : ''}
          </p>
        </>
      ) : perf.isPending ? (
        <p className="muted">Loading…</p>
      ) : null}
    </section>
  );
}

function Offers({ supplier }: { supplier: SupplierRow }) {
  const offers = useQuery({ queryKey: ['suppliers', supplier.id, 'offers'], queryFn: () => unwrap(api.GET('/v1/suppliers/{id}/offers', { params: { path: { id: supplier.id } } })).then((r) => r.items) });
  const [editing, setEditing] = useState<Offer | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const items = offers.data ?? [];
  return (
    <section className="panel pad" aria-labelledby="offers-title">
      <div className="section-head">
        <h2 id="offers-title">Offers</h2>
        <span className="muted small">{num(items.length)} {items.length === 1 ? 'SKU' : 'SKUs'}</span>
      </div>
      {offers.isError ? (
        <p className="notice" role="alert">
          {errorText(offers.error)}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data cards-on-phone" id="offers">
          <caption className="visually-hidden">What {supplier.name} sells</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col" className="num">
                Unit cost
              </th>
              <th scope="col" className="num">
                Min · multiple
              </th>
              <th scope="col" className="num">
                Lead time
              </th>
              <th scope="col" className="num">
                Priority
              </th>
              <th scope="col">Valid</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => {
              const expired = (o.validTo !== null && o.validTo < today) || (o.validFrom !== null && o.validFrom > today);
              return (
                <tr key={o.id} data-offer={o.id} data-sku={o.sku} className={editing?.id === o.id ? 'selected' : undefined}>
                  <td data-label="SKU">
                    <SkuLink sku={o.sku} />
                    {o.supplierSku ? <span className="sub muted">theirs: {o.supplierSku}</span> : null}
                  </td>
                  <td className="num tabular" data-label="Unit cost">
                    {money(o.unitCost, supplier.currency)}
                  </td>
                  <td className="num tabular" data-label="Min · multiple">
                    {num(o.minQuantity)} · {num(o.multiple)}
                  </td>
                  <td className="num tabular" data-label="Lead time">
                    {o.leadTimeDays === null ? <span className="muted">{days(supplier.leadTimeDays)}</span> : days(o.leadTimeDays)}
                  </td>
                  <td className="num tabular" data-label="Priority">
                    {num(o.priority)}
                  </td>
                  <td data-label="Valid">
                    {!o.active ? <Pill>Inactive</Pill> : expired ? <Pill tone="amber">Not valid today</Pill> : <Pill tone="green">Valid</Pill>}
                    {o.validFrom || o.validTo ? (
                      <span className="sub muted">
                        {o.validFrom ?? '…'} – {o.validTo ?? '…'}
                      </span>
                    ) : null}
                  </td>
                  <td data-label="">
                    <button type="button" className="button small" aria-label={`Edit the offer for ${o.sku}`} onClick={() => setEditing(o)}>
                      Edit
                    </button>
                  </td>
                </tr>
              );
            })}
            {offers.isSuccess && items.length === 0 ? (
              <tr className="empty-row">
                <td colSpan={7} className="muted">
                  No offers yet: add what this supplier sells below.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <h3 id="offer-form-title">{editing ? `Edit the offer for ${editing.sku}` : 'Add an offer'}</h3>
      <OfferForm key={editing?.id ?? 'new'} supplierId={supplier.id} offer={editing} onDone={() => setEditing(null)} />
    </section>
  );
}

function SupplierOrders({ supplierId }: { supplierId: string }) {
  const [, navigate] = useLocation();
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 20 });
  const columns = useMemo<Array<Column<PurchaseOrder>>>(
    () => [
      { id: 'id', header: 'Order', cell: (po) => <PoLink id={po.id} /> },
      { id: 'status', header: 'Status', cell: (po) => <PoStatusPill status={po.status} /> },
      { id: 'lines', header: 'Lines', numeric: true, cell: (po) => num(po.lines.length) },
      { id: 'total', header: 'Total', numeric: true, cell: (po) => money(po.total, po.currency) },
      { id: 'expected', header: 'Expected', cell: (po) => <CalDate iso={po.lines.map((l) => l.expectedDate).sort()[0]} /> },
      { id: 'createdAt', header: 'Created', cell: (po) => <Stamp iso={po.createdAt} /> },
    ],
    [],
  );
  return (
    <section className="panel pad" aria-labelledby="supplier-orders-title">
      <div className="section-head">
        <h2 id="supplier-orders-title">Purchase orders</h2>
        <Link className="small" href={`/purchase-orders?supplierId=${encodeURIComponent(supplierId)}`}>
          All with filters
        </Link>
      </div>
      <div id="supplier-orders">
        <DataTable<PurchaseOrder>
          queryKey={['purchase-orders', 'list', { supplierId }]}
          fetchPage={(p) => unwrap(api.GET('/v1/purchase-orders', { params: { query: { supplierId, limit: p.limit, offset: p.offset } } }))}
          columns={columns}
          params={params}
          onParams={setParams}
          rowKey={(po) => po.id}
          onRowClick={(po) => navigate(`/purchase-orders/${encodeURIComponent(po.id)}`)}
          caption="This supplier's purchase orders, newest first"
          empty="No purchase orders with this supplier yet."
        />
      </div>
    </section>
  );
}
