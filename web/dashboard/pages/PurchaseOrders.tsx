/**
 * Purchase orders, newest first (server-paged), filtered by status, supplier and SKU (the filters live in the
 * URL), and a form to create one: a supplier, then lines of SKU × receiving location × quantity, each line's
 * unit cost taken from the supplier's offer unless typed. A new order is a draft: it opens on its page to send.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'wouter';
import { api, fieldErrors, unwrap } from '../app/api.ts';
import { money, num } from '../app/format.ts';
import { locationsQuery, suppliersQuery } from '../app/queries.ts';
import { PO_STATUSES, type PoStatus, type PurchaseOrder } from '../app/types.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import { Field, OutcomeLine, useDebounced, useTitle, type Outcome } from '../components/ui.tsx';
import { CalDate, Notice, Pill, useAction } from './ops-ui.tsx';
import { FieldError, invalidProps, PO_STATUS, PoLink, PoStatusPill, SupplierLink } from './supply-ui.tsx';

const isStatus = (s: string | null): s is PoStatus => s !== null && (PO_STATUSES as readonly string[]).includes(s);

export default function PurchaseOrders() {
  useTitle('Purchase orders');
  const [search, setSearch] = useSearchParams();
  const [, navigate] = useLocation();
  const statusParam = search.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const supplierId = search.get('supplierId') ?? '';
  const [skuText, setSkuText] = useState(search.get('sku') ?? '');
  const sku = useDebounced(skuText.trim(), 250);
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 50 });
  const suppliers = useQuery(suppliersQuery);
  const update = (change: Record<string, string | null>) => {
    setParams((p) => ({ ...p, offset: 0 }));
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
  };
  const columns = useMemo<Array<Column<PurchaseOrder>>>(
    () => [
      { id: 'id', header: 'Order', cell: (po) => <PoLink id={po.id} /> },
      { id: 'supplier', header: 'Supplier', cell: (po) => <SupplierLink id={po.supplierId} /> },
      {
        id: 'status',
        header: 'Status',
        cell: (po) => (
          <>
            <PoStatusPill status={po.status} />
            {po.source === 'failover' ? <Pill tone="violet">Failover</Pill> : null}
          </>
        ),
      },
      {
        id: 'skus',
        header: 'Lines',
        cell: (po) => (
          <span className="sku-cell">
            <span className="po-skus">
              {[...new Set(po.lines.map((l) => l.sku))].slice(0, 3).map((sku) => (
                <code className="sku-code" key={sku}>
                  {sku}
                </code>
              ))}
              {new Set(po.lines.map((l) => l.sku)).size > 3 ? <span className="muted">…</span> : null}
            </span>
            <span className="sub muted">
              {num(po.lines.length)} {po.lines.length === 1 ? 'line' : 'lines'} · {num(po.lines.reduce((n, l) => n + l.quantity, 0))} units
            </span>
          </span>
        ),
      },
      { id: 'total', header: 'Total', numeric: true, cell: (po) => money(po.total, po.currency) },
      { id: 'expected', header: 'Expected', cell: (po) => <CalDate iso={po.lines.map((l) => l.expectedDate).sort()[0]} /> },
      { id: 'createdAt', header: 'Created', cell: (po) => <CalDate iso={po.createdAt.slice(0, 10)} /> },
    ],
    [],
  );
  return (
    <div className="page view-grid ops purchase-orders">
      <section className="view-main" aria-labelledby="pos-title">
        <div className="section-head">
          <div>
            <h1 id="pos-title">Purchase orders</h1>
            <p className="muted">Every open line is expected stock: promised dates and allocation count on it. A rejected, cut or late line is re-sourced by failover.</p>
          </div>
          <Sweep />
        </div>
        <div className="table-tools tools-wrap filters">
          <label className="visually-hidden" htmlFor="po-status">
            Status
          </label>
          <select id="po-status" value={status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">Every status</option>
            {PO_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PO_STATUS[s][0]}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor="po-supplier">
            Supplier
          </label>
          <select id="po-supplier" value={supplierId} onChange={(e) => update({ supplierId: e.target.value })}>
            <option value="">Every supplier</option>
            {(suppliers.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor="po-sku">
            SKU
          </label>
          <input
            id="po-sku"
            type="search"
            placeholder="Filter by SKU"
            autoComplete="off"
            value={skuText}
            onChange={(e) => {
              setSkuText(e.target.value);
              update({ sku: e.target.value.trim() });
            }}
          />
        </div>
        <div id="purchase-orders">
          <DataTable<PurchaseOrder>
            queryKey={['purchase-orders', 'list', { status, supplierId, sku }]}
            fetchPage={(p) =>
              unwrap(api.GET('/v1/purchase-orders', { params: { query: { ...(status ? { status } : {}), ...(supplierId ? { supplierId } : {}), ...(sku ? { sku } : {}), limit: p.limit, offset: p.offset } } }))
            }
            columns={columns}
            params={params}
            onParams={setParams}
            rowKey={(po) => po.id}
            onRowClick={(po) => navigate(`/purchase-orders/${encodeURIComponent(po.id)}`)}
            caption="Purchase orders, newest first; choose a row to open one"
            empty={status || supplierId || sku ? 'No purchase order matches these filters.' : 'No purchase orders yet: create one.'}
          />
        </div>
      </section>
      <aside className="view-side">
        <section className="panel pad" aria-labelledby="po-form-title">
          <h2 id="po-form-title">New purchase order</h2>
          <PoForm initialSupplier={search.get('new') ? supplierId : ''} onCreated={(po) => navigate(`/purchase-orders/${encodeURIComponent(po.id)}`)} />
        </section>
      </aside>
    </div>
  );
}

/** Re-source now what the clock made late (Restock also checks every minute): POST /v1/supply/sweep. */
function Sweep() {
  const qc = useQueryClient();
  const { busy, said, run } = useAction();
  return (
    <div className="head-tools sweep">
      <Notice said={said} />
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const r = await unwrap(api.POST('/v1/supply/sweep', { body: {} }));
            await qc.invalidateQueries({ queryKey: ['purchase-orders'] });
            if (r.resourced + r.unsourced === 0) return `Checked ${num(r.examined)} open ${r.examined === 1 ? 'line' : 'lines'}: nothing is late.`;
            return `${num(r.resourced)} late ${r.resourced === 1 ? 'line' : 'lines'} re-sourced${r.unsourced ? `, ${num(r.unsourced)} could not be (flagged)` : ''}.`;
          })
        }
      >
        Check for late lines now
      </button>
    </div>
  );
}

interface LineDraft {
  key: number;
  sku: string;
  location: string;
  quantity: string;
  unitCost: string;
}

function PoForm({ initialSupplier, onCreated }: { initialSupplier: string; onCreated: (po: PurchaseOrder) => void }) {
  const qc = useQueryClient();
  const suppliers = useQuery(suppliersQuery);
  const locations = useQuery(locationsQuery);
  const [supplierId, setSupplierId] = useState(initialSupplier);
  const [lines, setLines] = useState<LineDraft[]>([{ key: 1, sku: '', location: '', quantity: '', unitCost: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const active = (suppliers.data ?? []).filter((s) => s.active);
  const chosen = supplierId || active[0]?.id || '';
  const supplier = suppliers.data?.find((s) => s.id === chosen);
  const offers = useQuery({
    queryKey: ['suppliers', chosen, 'offers'],
    queryFn: () => unwrap(api.GET('/v1/suppliers/{id}/offers', { params: { path: { id: chosen } } })).then((r) => r.items),
    enabled: chosen !== '',
  });
  const today = new Date().toISOString().slice(0, 10);
  /** The offer a line's cost defaults to: the supplier's valid, active offer for the SKU with the best priority. */
  const offerFor = (sku: string) =>
    (offers.data ?? [])
      .filter((o) => o.sku === sku.trim() && o.active && (o.validFrom === null || o.validFrom <= today) && (o.validTo === null || o.validTo >= today))
      .sort((a, b) => a.priority - b.priority || a.unitCost - b.unitCost)[0];
  const defaultLocation = locations.data?.[0]?.code ?? '';
  const set = (key: number, change: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setOutcome({ ok: false, text: 'Choose a supplier (add one on the Suppliers page first).' });
    setBusy(true);
    setErrors({});
    setOutcome(null);
    try {
      const body = {
        supplierId: chosen,
        lines: lines.map((l) => ({
          sku: l.sku.trim(),
          location: l.location || defaultLocation,
          quantity: Number(l.quantity),
          ...(l.unitCost.trim() ? { unitCost: Number(l.unitCost) } : {}),
        })),
      };
      const po = await unwrap(api.POST('/v1/purchase-orders', { body }));
      await qc.invalidateQueries({ queryKey: ['purchase-orders'] });
      await qc.invalidateQueries({ queryKey: ['supply'] });
      onCreated(po);
    } catch (err) {
      const fe = fieldErrors(err, { unknown_sku: 'lines', unknown_location: 'lines', supplier_inactive: 'supplierId', unknown_supplier: 'supplierId' });
      setErrors(fe);
      setOutcome({ ok: false, text: fe[''] ?? fe.lines ?? fe.supplierId ?? 'Check the fields marked in red.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form-stack" id="po-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Supplier" htmlFor="po-form-supplier">
        <select id="po-form-supplier" name="supplierId" value={chosen} onChange={(e) => setSupplierId(e.target.value)} {...invalidProps('po-form-supplier', errors.supplierId)}>
          {active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.currency})
            </option>
          ))}
        </select>
        <FieldError id="po-form-supplier" text={errors.supplierId} />
      </Field>
      <datalist id="po-form-skus">
        {(offers.data ?? []).map((o) => (
          <option key={o.id} value={o.sku} />
        ))}
      </datalist>
      <fieldset className="po-lines-form" aria-describedby={errors.lines ? 'po-form-lines-error' : undefined}>
        <legend>Lines</legend>
        {lines.map((l, i) => {
          const offer = offerFor(l.sku);
          const n = i + 1;
          return (
            <div className="po-line-row" key={l.key} data-line={n}>
              <Field label={`SKU, line ${n}`} htmlFor={`po-line-sku-${n}`}>
                <input id={`po-line-sku-${n}`} list="po-form-skus" autoComplete="off" spellCheck={false} value={l.sku} onChange={(e) => set(l.key, { sku: e.target.value })} required />
              </Field>
              <Field label="Location" htmlFor={`po-line-location-${n}`}>
                <select id={`po-line-location-${n}`} value={l.location || defaultLocation} onChange={(e) => set(l.key, { location: e.target.value })}>
                  {(locations.data ?? []).map((loc) => (
                    <option key={loc.code} value={loc.code}>
                      {loc.code}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Quantity" htmlFor={`po-line-quantity-${n}`}>
                <input id={`po-line-quantity-${n}`} type="number" min={1} step={1} value={l.quantity} onChange={(e) => set(l.key, { quantity: e.target.value })} required />
              </Field>
              <Field label="Unit cost" htmlFor={`po-line-cost-${n}`}>
                <input
                  id={`po-line-cost-${n}`}
                  type="number"
                  min={0}
                  step="any"
                  value={l.unitCost}
                  placeholder={offer ? String(offer.unitCost) : ''}
                  onChange={(e) => set(l.key, { unitCost: e.target.value })}
                  aria-describedby={`po-line-cost-${n}-hint`}
                />
              </Field>
              <p className="hint span-all" id={`po-line-cost-${n}-hint`}>
                {offer
                  ? `Offer: ${money(offer.unitCost, supplier?.currency ?? 'EUR')} each, at least ${num(offer.minQuantity)}, in multiples of ${num(offer.multiple)}.`
                  : l.sku.trim()
                    ? 'No valid offer from this supplier: type the unit cost.'
                    : 'The unit cost defaults to the supplier’s offer.'}
              </p>
              {lines.length > 1 ? (
                <button type="button" className="button small ghost" onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}>
                  Remove line {n}
                </button>
              ) : null}
            </div>
          );
        })}
        <FieldError id="po-form-lines" text={errors.lines} />
        <button type="button" className="button small" onClick={() => setLines((all) => [...all, { key: Math.max(0, ...all.map((x) => x.key)) + 1, sku: '', location: '', quantity: '', unitCost: '' }])}>
          + Add line
        </button>
      </fieldset>
      <div className="form-end">
        <OutcomeLine outcome={outcome} id="po-form-result" />
        <button type="submit" className="button primary" disabled={busy}>
          Create draft
        </button>
      </div>
    </form>
  );
}
