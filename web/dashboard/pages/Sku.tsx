/**
 * One SKU: its availability as shoppers see it, the levels per location (on hand, reserved, committed, safety
 * stock — editable — inbound, available), a form to receive, adjust or move stock, the sales history with the
 * forecast, the ledger, the product and its stock policy, who is waiting for it, and its supply (offers, open
 * purchase-order lines, the failover switch).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorText, fieldErrorText, unwrap } from '../app/api.ts';
import { num, calendarDate, statusLabel } from '../app/format.ts';
import { locationsQuery } from '../app/queries.ts';
import type { StockRow } from '../app/types.ts';
import { Ledger } from '../components/Ledger.tsx';
import { ProductEditor } from '../components/ProductEditor.tsx';
import { SalesChart } from '../components/SalesChart.tsx';
import { Field, OutcomeLine, StatusBadge, useTitle, type Outcome } from '../components/ui.tsx';
import { SupplyPanel } from './supply-sku.tsx';


export default function Sku({ sku }: { sku: string }) {
  useTitle(sku);
  const path = { params: { path: { sku } } };
  const product = useQuery({ queryKey: ['sku', sku, 'product'], queryFn: () => unwrap(api.GET('/v1/products/{sku}', path)) });
  const availability = useQuery({ queryKey: ['sku', sku, 'availability'], queryFn: () => unwrap(api.GET('/v1/availability/{sku}', path)), enabled: product.isSuccess });
  const waitlist = useQuery({
    queryKey: ['sku', sku, 'waitlist'],
    queryFn: () => unwrap(api.GET('/v1/waitlist/stats', { params: { query: { sku } } })).then((r) => r.items.find((i) => i.sku === sku) ?? null),
    enabled: product.isSuccess,
  });
  const row = useQuery({
    queryKey: ['sku', sku, 'stock-row'],
    queryFn: () => unwrap(api.GET('/v1/stock', { params: { query: { q: sku, limit: 500 } } })).then((r) => r.items.find((i) => i.sku === sku) ?? null),
    enabled: product.isSuccess,
  });

  if (product.isError) {
    return (
      <section className="panel pad">
        <h1>{sku}</h1>
        <p className="notice" role="alert">
          {errorText(product.error)}
        </p>
        <p>
          <Link href="/stock">Back to the stock list</Link>
        </p>
      </section>
    );
  }
  const p = product.data;
  const a = availability.data;
  const w = waitlist.data;
  const r = row.data;
  return (
    <div className="page sku-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/stock">Stock</Link> <span aria-hidden="true">›</span> <span aria-current="page">{sku}</span>
      </nav>
      <header className="sku-head">
        <div>
          <h1>
            <code className="sku-code">{sku}</code> <span className="sku-title">{p?.title ?? '…'}</span>
          </h1>
          <p className="muted sku-sub">
            {a ? <StatusBadge status={a.status} /> : null} {a?.message && a.message.toLowerCase() !== statusLabel(a.status).toLowerCase() ? <span className="availability-message">{a.message}</span> : null}
            {a?.nextInboundDate ? <span>Next delivery {calendarDate(a.nextInboundDate)}</span> : null}
          </p>
        </div>
        <dl className="kpis sku-kpis">
          <div className="kpi">
            <dt className="kpi-label">Available to sell</dt>
            <dd className="kpi-value tabular" id="sku-available">
              {a ? (a.availableToSell === null ? 'Untracked' : num(a.availableToSell)) : '…'}
            </dd>
          </div>
          <div className="kpi">
            <dt className="kpi-label">Owed to orders</dt>
            <dd className="kpi-value tabular">{r ? num(r.backordered + r.preordered) : '…'}</dd>
          </div>
          <div className="kpi">
            <dt className="kpi-label">Waitlist</dt>
            <dd className="kpi-value tabular">
              <Link href={`/waitlists?sku=${encodeURIComponent(sku)}`} id="sku-waitlist" aria-label={w ? `${w.active} waiting: open the waitlist` : 'Open the waitlist'}>
                {w ? num(w.active) : waitlist.isPending ? '…' : '0'}
              </Link>
            </dd>
            {w && w.unitsWanted > 0 ? <dd className="kpi-note muted">{num(w.unitsWanted)} units wanted</dd> : null}
          </div>
        </dl>
      </header>
      <div className="sku-grid">
        <div className="sku-main">
          <Levels sku={sku} row={r ?? null} />
          <SalesChart sku={sku} />
          <Ledger sku={sku} />
        </div>
        <div className="sku-side">
          <Movement sku={sku} />
          <Deliveries sku={sku} />
          <SupplyPanel sku={sku} />
          {p ? <ProductEditor product={p} /> : <section className="panel pad muted">Loading…</section>}
        </div>
      </div>
    </div>
  );
}

function Levels({ sku, row }: { sku: string; row: StockRow | null }) {
  const levels = useQuery({ queryKey: ['sku', sku, 'levels'], queryFn: () => unwrap(api.GET('/v1/inventory/{sku}', { params: { path: { sku } } })) });
  const locations = useQuery(locationsQuery);
  const data = levels.data;
  const known = new Map((data?.levels ?? []).map((l) => [l.location, l]));
  // Every location, so safety stock can be set where there is no stock yet.
  const codes = [...new Set([...(locations.data ?? []).map((l) => l.code), ...known.keys()])];
  const name = (code: string) => locations.data?.find((l) => l.code === code)?.name;
  const t = data?.totals;
  const owed = row ? row.backordered + row.preordered : 0;
  return (
    <section className="panel pad levels-panel" aria-labelledby="levels-title">
      <div className="section-head">
        <h2 id="levels-title">Stock per location</h2>
      </div>
      {levels.isError ? (
        <p className="notice" role="alert">
          {errorText(levels.error)}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="levels" id="levels">
          <caption className="visually-hidden">Stock of {sku} per location</caption>
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col" className="num">
                On hand
              </th>
              <th scope="col" className="num">
                Reserved
              </th>
              <th scope="col" className="num">
                Committed
              </th>
              <th scope="col" className="num">
                Safety stock
              </th>
              <th scope="col" className="num">
                Inbound
              </th>
              <th scope="col" className="num">
                Free
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => {
              const l = known.get(code) ?? { location: code, onHand: 0, reserved: 0, committed: 0, safetyStock: 0, inbound: 0 };
              return (
                <tr key={code} data-location={code}>
                  <th scope="row" data-label="Location">
                    <span className="code">{code}</span>
                    {name(code) ? <span className="loc-name">{name(code)}</span> : null}
                  </th>
                  <td className="num tabular" data-label="On hand">
                    {num(l.onHand)}
                  </td>
                  <td className="num tabular" data-label="Reserved">
                    {num(l.reserved)}
                  </td>
                  <td className="num tabular" data-label="Committed">
                    {num(l.committed)}
                  </td>
                  <td className="num" data-label="Safety stock">
                    <SafetyStock sku={sku} location={code} value={l.safetyStock} />
                  </td>
                  <td className="num tabular" data-label="Inbound">
                    {num(l.inbound)}
                  </td>
                  <td className="num tabular" data-label="Free">
                    {num(Math.max(0, l.onHand - l.reserved - l.committed - l.safetyStock))}
                  </td>
                </tr>
              );
            })}
            {codes.length === 0 && levels.isSuccess ? (
              <tr>
                <td colSpan={7} className="muted">
                  No locations yet. <Link href="/locations">Add one</Link>.
                </td>
              </tr>
            ) : null}
          </tbody>
          {t ? (
            <tfoot>
              <tr>
                <th scope="row" data-label="Location">
                  Total
                </th>
                <td className="num tabular" data-label="On hand">
                  {num(t.onHand)}
                </td>
                <td className="num tabular" data-label="Reserved">
                  {num(t.reserved)}
                </td>
                <td className="num tabular" data-label="Committed">
                  {num(t.committed)}
                </td>
                <td className="num tabular" data-label="Safety stock">
                  {num(t.safetyStock)}
                </td>
                <td className="num tabular" data-label="Inbound">
                  {num(t.inbound)}
                </td>
                <td className="num tabular" data-label="Free">
                  {num(t.availableToSell)}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {t ? (
        <p className="legend muted" id="levels-sum">
          Free = on hand − reserved − committed − safety stock, per location (never below 0): {num(t.availableToSell)}
          {owed > 0 ? `, less ${num(owed)} owed to waiting backorders and pre-orders` : ''}
          {row && row.availableToSell !== null ? ` → ${num(row.availableToSell)} available to sell.` : '.'}
        </p>
      ) : null}
    </section>
  );
}

function SafetyStock({ sku, location, value }: { sku: string; location: string; value: number }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const save = useMutation({
    mutationFn: (safetyStock: number) => unwrap(api.PUT('/v1/inventory/{sku}/locations/{location}', { params: { path: { sku, location } }, body: { safetyStock } })),
    onSuccess: async () => {
      setDraft(null);
      setError('');
      await qc.invalidateQueries({ queryKey: ['sku', sku] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onError: (err) => setError(fieldErrorText(err)),
  });
  const id = `safety-${location}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 0) {
      setError('Enter a whole number of units, 0 or more.');
      return;
    }
    save.mutate(n);
  };
  return (
    <form className="safety" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        Safety stock at {location}
      </label>
      <input
        id={id}
        className="tiny"
        type="number"
        min={0}
        step={1}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {draft !== null && draft !== String(value) ? (
        <button type="submit" className="button small" disabled={save.isPending}>
          Save
        </button>
      ) : null}
      {error ? (
        <span className="error-text small" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** Open inbound stock of this SKU: each delivery with its date, and a button to receive it (all or part). */
function Deliveries({ sku }: { sku: string }) {
  const qc = useQueryClient();
  const inbound = useQuery({ queryKey: ['sku', sku, 'inbound'], queryFn: () => unwrap(api.GET('/v1/inbound', { params: { query: { sku, status: 'open' } } })) });
  const [receiving, setReceiving] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const receive = useMutation({
    mutationFn: ({ id, quantity }: { id: string; quantity: number }) => unwrap(api.POST('/v1/inbound/{id}/receive', { params: { path: { id } }, body: { quantity } })),
    onSuccess: async (i, v) => {
      setReceiving(null);
      setOutcome({ ok: true, text: `Received ${num(v.quantity)} at ${i.location}${i.reference ? ` (${i.reference})` : ''}${i.status === 'open' ? `; ${num(i.quantity - i.received)} still expected` : ''}.` });
      await qc.invalidateQueries({ queryKey: ['sku', sku] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
      await qc.invalidateQueries({ queryKey: ['inbound'] });
      await qc.invalidateQueries({ queryKey: ['orders'] });
      await qc.invalidateQueries({ queryKey: ['overview'] });
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });
  const items = inbound.data?.items ?? [];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="panel pad deliveries-panel" aria-labelledby="deliveries-title">
      <div className="section-head">
        <h2 id="deliveries-title">Expected deliveries</h2>
        <Link href="/orders" className="small">
          All inbound
        </Link>
      </div>
      {inbound.isError ? (
        <p className="notice" role="alert">
          {errorText(inbound.error)}
        </p>
      ) : null}
      {inbound.isSuccess && items.length === 0 ? <p className="muted">No delivery is expected.</p> : null}
      {items.length > 0 ? (
        <ul className="inbound-list" id="deliveries">
          {items.map((i) => {
            const left = i.quantity - i.received;
            const late = i.expectedDate < today;
            return (
              <li className="inbound-item" key={i.id} data-inbound={i.id}>
                <div className="inbound-top">
                  <strong>{i.reference ?? i.id}</strong>
                  <span className="muted">{i.location}</span>
                  <span className="inbound-units tabular">
                    {num(left)} {left === 1 ? 'unit' : 'units'}
                  </span>
                </div>
                <div className="inbound-when muted">
                  expected {calendarDate(i.expectedDate)}
                  {late ? <span className="pill t-red">late</span> : null}
                  {i.received > 0 ? <span>{num(i.received)} received so far</span> : null}
                </div>
                {receiving === i.id ? (
                  <form
                    className="row-actions"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const quantity = Number(new FormData(e.currentTarget).get('quantity'));
                      if (!Number.isInteger(quantity) || quantity < 1 || quantity > left) {
                        setOutcome({ ok: false, text: `Receive between 1 and ${num(left)} units.` });
                        return;
                      }
                      receive.mutate({ id: i.id, quantity });
                    }}
                  >
                    <label htmlFor={`receive-${i.id}`}>Units arrived</label>
                    <input id={`receive-${i.id}`} name="quantity" className="tiny" type="number" min={1} max={left} step={1} defaultValue={left} required />
                    <button type="submit" className="button small primary" disabled={receive.isPending}>
                      Receive now
                    </button>
                    <button type="button" className="button small ghost" onClick={() => setReceiving(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      onClick={() => {
                        setReceiving(i.id);
                        setOutcome(null);
                      }}
                    >
                      Receive
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <OutcomeLine outcome={outcome} id="deliveries-result" />
    </section>
  );
}

type MovementKind = 'receive' | 'adjust' | 'transfer';

function Movement({ sku }: { sku: string }) {
  const qc = useQueryClient();
  const locations = useQuery(locationsQuery);
  const [kind, setKind] = useState<MovementKind>('receive');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const done = async (text: string, form: HTMLFormElement) => {
    setOutcome({ ok: true, text });
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement>('input[data-clear]'))) el.value = '';
    await qc.invalidateQueries({ queryKey: ['sku', sku] });
    await qc.invalidateQueries({ queryKey: ['stock'] });
    await qc.invalidateQueries({ queryKey: ['overview'] });
  };
  const move = useMutation({
    mutationFn: async ({ form, data }: { form: HTMLFormElement; data: FormData }) => {
      const location = String(data.get('location') ?? '');
      const reference = String(data.get('reference') ?? '').trim() || undefined;
      if (kind === 'receive') {
        const quantity = Number(data.get('quantity'));
        if (!Number.isInteger(quantity) || quantity < 1) throw new Error('Enter how many units arrived: a whole number, 1 or more.');
        const level = await unwrap(api.POST('/v1/inventory/receipts', { body: { sku, location, quantity, ...(reference ? { reference } : {}) } }));
        await done(`Received ${num(quantity)} at ${location}: on hand there is now ${num(level.onHand)}.`, form);
      } else if (kind === 'adjust') {
        const delta = Number(data.get('delta'));
        if (!Number.isInteger(delta) || delta === 0) throw new Error('Enter a whole number of units to add (like 5) or remove (like -2).');
        const reason = String(data.get('reason') ?? '').trim() || undefined;
        const level = await unwrap(api.POST('/v1/inventory/adjustments', { body: { sku, location, delta, ...(reason ? { reason } : {}), ...(reference ? { reference } : {}) } }));
        await done(`${delta > 0 ? 'Added' : 'Removed'} ${num(Math.abs(delta))} at ${location}: on hand is now ${num(level.onHand)}.`, form);
      } else {
        const to = String(data.get('to') ?? '');
        const quantity = Number(data.get('quantity'));
        if (!Number.isInteger(quantity) || quantity < 1) throw new Error('Enter how many units to move: a whole number, 1 or more.');
        if (to === location) throw new Error('Choose two different locations.');
        await unwrap(api.POST('/v1/inventory/transfers', { body: { sku, from: location, to, quantity, ...(reference ? { reference } : {}) } }));
        await done(`Moved ${num(quantity)} from ${location} to ${to}.`, form);
      }
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setOutcome(null);
    move.mutate({ form: e.currentTarget, data: new FormData(e.currentTarget) });
  };
  const options = (locations.data ?? []).map((l) => (
    <option key={l.code} value={l.code}>
      {l.code} · {l.name}
    </option>
  ));
  const verb = { receive: 'Receive stock', adjust: 'Apply adjustment', transfer: 'Move stock' }[kind];
  return (
    <section className="panel pad movement-panel" aria-labelledby="movement-title">
      <h2 id="movement-title">Change stock</h2>
      <div className="segmented" role="group" aria-label="Kind of change">
        {(
          [
            ['receive', 'Receive'],
            ['adjust', 'Adjust'],
            ['transfer', 'Transfer'],
          ] as const
        ).map(([k, label]) => (
          <button
            key={k}
            type="button"
            className="seg"
            aria-pressed={kind === k}
            onClick={() => {
              setKind(k);
              setOutcome(null);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <form className="form-stack" id="movement-form" onSubmit={submit}>
        <div className="form-grid">
          <Field label={kind === 'transfer' ? 'From' : 'Location'} htmlFor="move-location" className={kind === 'transfer' ? '' : 'span-2'}>
            <select id="move-location" name="location" required>
              {options}
            </select>
          </Field>
          {kind === 'transfer' ? (
            <Field label="To" htmlFor="move-to">
              <select id="move-to" name="to" required defaultValue={locations.data?.[1]?.code}>
                {options}
              </select>
            </Field>
          ) : null}
          {kind === 'adjust' ? (
            <Field label="Change" htmlFor="move-delta" hint="+5 found, −2 damaged">
              <input id="move-delta" name="delta" type="number" step={1} required placeholder="+5 or -2" data-clear aria-describedby="move-delta-hint" />
            </Field>
          ) : (
            <Field label={kind === 'receive' ? 'Units received' : 'Units to move'} htmlFor="move-quantity">
              <input id="move-quantity" name="quantity" type="number" min={1} step={1} required data-clear />
            </Field>
          )}
          {kind === 'adjust' ? (
            <Field label="Reason" htmlFor="move-reason" className="span-2">
              <input id="move-reason" name="reason" maxLength={200} placeholder="found stock, damaged…" data-clear />
            </Field>
          ) : null}
          <Field label="Reference" htmlFor="move-reference" className={kind === 'adjust' ? 'span-2' : ''} hint={kind === 'receive' ? 'A delivery note or purchase order, if any.' : undefined}>
            <input id="move-reference" name="reference" maxLength={200} placeholder={kind === 'receive' ? 'PO-1001' : ''} data-clear aria-describedby={kind === 'receive' ? 'move-reference-hint' : undefined} />
          </Field>
        </div>
        {kind === 'receive' ? <p className="hint">Received units go to waiting backorders first, then on sale. A delivery that was expected is received under Expected deliveries.</p> : null}
        <div className="form-end">
          <OutcomeLine outcome={outcome} id="movement-result" />
          <button type="submit" className="button primary" disabled={move.isPending || !locations.data?.length}>
            {move.isPending ? 'Saving…' : verb}
          </button>
        </div>
      </form>
    </section>
  );
}
