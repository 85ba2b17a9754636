/**
 * Backorders & pre-orders: the waiting queues (server-paged, in serving order), the inbound stock that will serve
 * them (add, receive, move the date, change the quantity, cancel; late deliveries flagged), and the allocation
 * policy that decides who is served first. An order opens in a dialog with a cancel button per waiting line.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import type { Schemas } from 'restock/client';
import { api, unwrap } from '../app/api.ts';
import { num } from '../app/format.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import {
  addDaysIso,
  CalDate,
  daysFromToday,
  Field,
  flash,
  Modal,
  Notice,
  Pill,
  plural,
  SkuTitle,
  Stamp,
  Toast,
  todayIso,
  useAction,
  useDebounced,
  useLocations,
  words,
  type GetOk,
  type Tone,
} from './ops-ui.tsx';

type Kind = 'backorder' | 'preorder';
type Queue = GetOk<'/v1/backorders'>;
type QueueItem = Queue['items'][number];
type Inbound = Schemas['Inbound'];
type Order = Schemas['Order'];
type Policy = GetOk<'/v1/settings/allocation'>;

const LINE_STATUS: Record<string, [string, Tone]> = {
  confirmed: ['Confirmed', 'green'],
  backordered: ['Backordered', 'blue'],
  preordered: ['Pre-ordered', 'violet'],
  allocated: ['Allocated', 'green'],
  cancelled: ['Cancelled', 'neutral'],
};
const INBOUND_STATUS: Record<string, [string, Tone]> = { open: ['Expected', 'blue'], received: ['Received', 'green'], cancelled: ['Cancelled', 'neutral'] };
const PATH: Record<Kind, '/v1/backorders' | '/v1/preorders'> = { backorder: '/v1/backorders', preorder: '/v1/preorders' };

const unitsOf = (q: Queue | undefined): number => Object.values(q?.totals ?? {}).reduce((s, t) => s + t.units, 0);
/** An open delivery whose expected date has passed. */
const isLate = (i: Inbound): boolean => i.status === 'open' && daysFromToday(i.expectedDate) < 0;

/** One line of the queue is enough for the totals per SKU (they come with every page). */
async function fetchTotals(kind: Kind): Promise<Queue> {
  return unwrap(api.GET(PATH[kind], { params: { query: { limit: 1 } } }));
}

export default function Orders() {
  const [kind, setKind] = useState<Kind>('backorder');
  const [filter, setFilter] = useState('');
  const sku = useDebounced(filter.trim().toLowerCase(), 150);
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 50 });
  const [expect, setExpect] = useState<{ sku: string; units: number; n: number } | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const backorders = useQuery({ queryKey: ['orders', 'queue', 'backorder', 'totals'], queryFn: () => fetchTotals('backorder') });
  const preorders = useQuery({ queryKey: ['orders', 'queue', 'preorder', 'totals'], queryFn: () => fetchTotals('preorder') });
  const current = kind === 'backorder' ? backorders.data : preorders.data;
  // The server filters by one SKU: the one typed, or the only waiting SKU that starts with what was typed.
  const waitingSkus = Object.keys(current?.totals ?? {});
  const skuParam = !sku ? '' : (waitingSkus.find((s) => s.toLowerCase() === sku) ?? (waitingSkus.filter((s) => s.toLowerCase().startsWith(sku)).length === 1 ? waitingSkus.find((s) => s.toLowerCase().startsWith(sku)) : undefined) ?? null);

  const summary = useMemo(() => {
    if (!current) return '';
    const skus = Object.entries(current.totals).filter(([s]) => !sku || s === skuParam);
    const lines = skus.reduce((s, [, t]) => s + t.lines, 0);
    const units = skus.reduce((s, [, t]) => s + t.units, 0);
    if (skus.length === 0) return 'Nothing waiting.';
    return `${num(units)} ${plural(units, 'unit', 'units')} ${kind === 'backorder' ? 'backordered' : 'pre-ordered'} on ${num(lines)} ${plural(lines, 'line', 'lines')} across ${num(skus.length)} ${plural(skus.length, 'SKU', 'SKUs')}`;
  }, [current, sku, skuParam, kind]);

  const columns = useMemo<Array<Column<QueueItem>>>(
    () => [
      { id: 'position', header: 'Position', numeric: true, cell: (i) => <span className="pos tabular">#{i.position}</span> },
      {
        id: 'sku',
        header: 'SKU',
        cell: (i) => (
          <span className="sku-cell">
            <Link className="link" href={`/skus/${encodeURIComponent(i.sku)}`}>
              <code className="sku-code">{i.sku}</code>
            </Link>
            <SkuTitle sku={i.sku} />
            <button
              className="link group-action"
              type="button"
              onClick={() => setExpect((e) => ({ sku: i.sku, units: current?.totals[i.sku]?.units ?? i.quantity, n: (e?.n ?? 0) + 1 }))}
            >
              + Expect stock
            </button>
          </span>
        ),
      },
      {
        id: 'order',
        header: 'Order',
        cell: (i) => (
          <button className="link mono" type="button" onClick={() => setOrderId(i.orderId)}>
            {i.orderId}
          </button>
        ),
      },
      { id: 'quantity', header: 'Waiting', numeric: true, cell: (i) => num(i.quantity) },
      { id: 'promisedDate', header: 'Promised', cell: (i) => <CalDate iso={i.promisedDate} relativeToToday /> },
      { id: 'tier', header: 'Tier', cell: (i) => (i.tier ? <Pill tone="amber">{i.tier}</Pill> : <span className="muted">—</span>) },
      { id: 'createdAt', header: 'Ordered', cell: (i) => <Stamp iso={i.createdAt} /> },
    ],
    [current],
  );

  // In serving order (by SKU, then position): the order the server keeps, so the list is not sorted here.
  const fetchPage = async (p: PageParams) => {
    if (skuParam === null) return { items: [], total: 0 };
    const r = await unwrap(api.GET(PATH[kind], { params: { query: { ...(skuParam ? { sku: skuParam } : {}), limit: p.limit, offset: p.offset } } }));
    return { items: r.items, total: r.total };
  };

  const choose = (k: Kind) => {
    setKind(k);
    setParams((p) => ({ ...p, offset: 0 }));
  };

  return (
    <div className="view-grid orders-view ops">
      <section className="view-main" aria-labelledby="queue-title">
        <div className="section-head">
          <div>
            <h1 id="queue-title">Backorders &amp; pre-orders</h1>
            <p className="muted" id="queue-summary" aria-live="polite">
              {summary}
            </p>
          </div>
        </div>
        <div className="table-tools">
          <div className="segmented" role="group" aria-label="Queue">
            <button type="button" className="seg" aria-pressed={kind === 'backorder'} onClick={() => choose('backorder')}>
              Backorders <span className="count">{num(unitsOf(backorders.data))}</span>
            </button>
            <button type="button" className="seg" aria-pressed={kind === 'preorder'} onClick={() => choose('preorder')}>
              Pre-orders <span className="count">{num(unitsOf(preorders.data))}</span>
            </button>
          </div>
          <label className="visually-hidden" htmlFor="queue-sku">
            Filter the queue by SKU
          </label>
          <input
            id="queue-sku"
            type="search"
            placeholder="Filter by SKU"
            autoComplete="off"
            list="waiting-skus"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setParams((p) => ({ ...p, offset: 0 }));
            }}
          />
          <datalist id="waiting-skus">
            {waitingSkus.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div id="queue" data-kind={kind}>
          <DataTable
            queryKey={['orders', 'queue', kind, 'page', skuParam]}
            fetchPage={fetchPage}
            columns={columns}
            params={params}
            onParams={setParams}
            rowKey={(i) => i.lineId}
            caption={`${kind === 'backorder' ? 'Backorder' : 'Pre-order'} queue, in serving order per SKU`}
            empty={sku ? `No waiting lines for ${sku.toUpperCase()}.` : kind === 'backorder' ? 'No one is waiting on a backorder.' : 'No pre-orders are waiting.'}
          />
        </div>
      </section>
      <aside className="view-side">
        <InboundPanel expect={expect} skus={Object.keys({ ...backorders.data?.totals, ...preorders.data?.totals })} />
        <section className="panel pad" aria-labelledby="allocation-title">
          <AllocationPolicy />
        </section>
      </aside>
      {orderId ? <OrderDialog id={orderId} onClose={() => setOrderId(null)} /> : null}
      <Toast />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
type InboundFilter = 'open' | 'received' | 'cancelled' | 'late' | '';
const INBOUND_FILTERS: InboundFilter[] = ['open', 'late', 'received', 'cancelled', ''];

function InboundPanel({ expect, skus }: { expect: { sku: string; units: number; n: number } | null; skus: string[] }) {
  // /orders?inbound=late opens the late deliveries (the overview links here).
  const asked = new URLSearchParams(useSearch()).get('inbound');
  const [status, setStatus] = useState<InboundFilter>(() => INBOUND_FILTERS.find((f) => f === asked) ?? 'open');
  const inbound = useQuery({
    queryKey: ['inbound', status],
    queryFn: async () => {
      const query = status === 'late' ? { late: true } : status === '' ? {} : { status };
      const r = await unwrap(api.GET('/v1/inbound', { params: { query: { ...query, limit: 200 } } }));
      return { items: r.items, total: r.total };
    },
  });
  const lateCount = useQuery({ queryKey: ['inbound', 'late-count'], queryFn: async () => (await unwrap(api.GET('/v1/inbound', { params: { query: { late: true, limit: 1 } } }))).total });
  const late = lateCount.data ?? 0;
  const items = inbound.data?.items;
  return (
    <section className="panel pad" aria-labelledby="inbound-title">
      <div className="section-head">
        <h2 id="inbound-title">Inbound stock</h2>
        <select id="inbound-status" aria-label="Which inbound to show" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="open">Expected</option>
          <option value="late">Late</option>
          <option value="received">Received</option>
          <option value="cancelled">Cancelled</option>
          <option value="">All</option>
        </select>
      </div>
      {inbound.isError ? (
        <p className="notice" role="alert">
          {words(inbound.error)}
        </p>
      ) : null}
      {late > 0 && status !== 'late' ? (
        <p className="notice late-notice" role="status">
          {num(late)} {plural(late, 'delivery is', 'deliveries are')} late: the expected date has passed and nothing was received.
        </p>
      ) : null}
      <div id="inbound">
        {!items ? (
          <p className="table-empty muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="table-empty muted">{status === 'open' ? 'No stock is expected. Add what your suppliers confirmed below.' : status === 'late' ? 'Nothing is late.' : 'None.'}</p>
        ) : (
          <ul className="inbound-list" aria-label="Inbound stock by expected date">
            {items.map((i) => (
              <InboundItem key={i.id} item={i} />
            ))}
          </ul>
        )}
        {inbound.data && inbound.data.total > inbound.data.items.length ? (
          <p className="muted small">
            The first {num(inbound.data.items.length)} of {num(inbound.data.total)}, by expected date.
          </p>
        ) : null}
      </div>
      <InboundForm expect={expect} skus={skus} />
    </section>
  );
}

function useRefreshSupply() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['inbound'] }), qc.invalidateQueries({ queryKey: ['orders'] })]);
}

function InboundItem({ item: i }: { item: Inbound }) {
  const [mode, setMode] = useState<'idle' | 'receive' | 'date' | 'quantity' | 'cancel'>('idle');
  const left = i.quantity - i.received;
  const [qty, setQty] = useState(String(left));
  const [date, setDate] = useState(i.expectedDate);
  const [total, setTotal] = useState(String(i.quantity));
  const { busy, said, setSaid, run } = useAction();
  const refresh = useRefreshSupply();
  const locations = useLocations();
  const where = locations.data?.find((l) => l.code === i.location)?.name ?? i.location;
  const [label, tone] = INBOUND_STATUS[i.status] ?? [i.status, 'neutral'];
  const late = isLate(i);
  const idle = () => {
    setMode('idle');
    setSaid(null);
  };

  const receive = () => {
    const n = Number(qty);
    if (!Number.isInteger(n) || n < 1 || n > left) return setSaid({ text: `Receive between 1 and ${left} units.`, ok: false });
    void run(async () => {
      const r = await unwrap(api.POST('/v1/inbound/{id}/receive', { params: { path: { id: i.id } }, body: n === left ? {} : { quantity: n } }));
      flash(`Received ${num(n)} × ${r.sku} at ${r.location}; waiting orders were served first.`);
      setMode('idle');
      await refresh();
    });
  };
  const patch = (body: { expectedDate?: string; quantity?: number; status?: 'cancelled' }, told: (r: Inbound) => string) =>
    void run(async () => {
      const r = await unwrap(api.PATCH('/v1/inbound/{id}', { params: { path: { id: i.id } }, body }));
      flash(told(r));
      setMode('idle');
      await refresh();
    });

  return (
    <li className={`inbound-item ${late ? 'late' : ''}`} data-inbound={i.id} data-sku={i.sku} data-late={late || undefined}>
      <div className="inbound-top">
        <Link className="link" href={`/skus/${encodeURIComponent(i.sku)}`}>
          <code className="sku-code">{i.sku}</code>
        </Link>
        <span className="inbound-units tabular">
          {i.received > 0 ? `${num(i.received)} of ${num(i.quantity)} received` : `${num(i.quantity)} ${plural(i.quantity, 'unit', 'units')}`}
        </span>
        {late ? <Pill tone="red">Late</Pill> : <Pill tone={tone}>{label}</Pill>}
      </div>
      <div className="inbound-when">
        <CalDate iso={i.expectedDate} relativeToToday={i.status === 'open'} />
        <span className="muted">{[where, i.reference].filter(Boolean).join(' · ')}</span>
      </div>
      {i.status === 'open' ? (
        <div className="row-actions">
          {mode === 'idle' ? (
            <>
              <button className="button small primary" type="button" onClick={() => setMode('receive')}>
                Receive
              </button>
              <button className="button small" type="button" onClick={() => setMode('date')}>
                Change date
              </button>
              <button className="button small" type="button" onClick={() => setMode('quantity')}>
                Change quantity
              </button>
              <button className="button small danger" type="button" onClick={() => setMode('cancel')}>
                Cancel
              </button>
            </>
          ) : null}
          {mode === 'receive' ? (
            <>
              <input className="tiny" type="number" min={1} max={left} value={qty} onChange={(e) => setQty(e.target.value)} aria-label={`Units of ${i.sku} to receive`} autoFocus />
              <button className="button small primary" type="button" disabled={busy} onClick={receive}>
                Receive now
              </button>
              <button className="button small ghost" type="button" onClick={idle}>
                Back
              </button>
            </>
          ) : null}
          {mode === 'date' ? (
            <>
              <input className="tiny-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label={`New expected date for ${i.sku}`} autoFocus />
              <button
                className="button small primary"
                type="button"
                disabled={busy}
                onClick={() =>
                  date
                    ? patch({ expectedDate: date }, (r) => `${r.sku} is now expected on ${r.expectedDate}; affected customers are told their new dates.`)
                    : setSaid({ text: 'Choose a date.', ok: false })
                }
              >
                Save date
              </button>
              <button className="button small ghost" type="button" onClick={idle}>
                Back
              </button>
            </>
          ) : null}
          {mode === 'quantity' ? (
            <>
              <input className="tiny" type="number" min={Math.max(1, i.received)} value={total} onChange={(e) => setTotal(e.target.value)} aria-label={`Units of ${i.sku} expected in all`} autoFocus />
              <button
                className="button small primary"
                type="button"
                disabled={busy}
                onClick={() => {
                  const n = Number(total);
                  if (!Number.isInteger(n) || n < 1) return setSaid({ text: 'Enter a whole number of units, at least 1.', ok: false });
                  patch({ quantity: n }, (r) => `${r.sku}: ${num(r.quantity)} units are now expected; promised dates were recomputed.`);
                }}
              >
                Save quantity
              </button>
              <button className="button small ghost" type="button" onClick={idle}>
                Back
              </button>
            </>
          ) : null}
          {mode === 'cancel' ? (
            <>
              <span className="confirm-text">Cancel this delivery?</span>
              <button
                className="button small danger"
                type="button"
                disabled={busy}
                onClick={() => patch({ status: 'cancelled' }, () => `Inbound ${i.reference ?? i.id} cancelled; promised dates that relied on it were moved.`)}
              >
                Yes, cancel it
              </button>
              <button className="button small ghost" type="button" onClick={idle} autoFocus>
                Keep
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <Notice said={said} className="row-notice" />
    </li>
  );
}

function InboundForm({ expect, skus }: { expect: { sku: string; units: number; n: number } | null; skus: string[] }) {
  const locations = useLocations();
  const [sku, setSku] = useState('');
  const [location, setLocation] = useState('');
  const [quantity, setQuantity] = useState('');
  const [date, setDate] = useState(() => addDaysIso(todayIso(), 14));
  const [reference, setReference] = useState('');
  const [seen, setSeen] = useState(0);
  const { busy, said, setSaid, run } = useAction();
  const refresh = useRefreshSupply();
  // "+ Expect stock" in the queue starts this form for that SKU (state adjusted while rendering, not in an effect).
  if (expect && expect.n !== seen) {
    setSeen(expect.n);
    setSku(expect.sku);
    if (!quantity) setQuantity(String(expect.units));
  }
  const asked = expect?.n ?? 0;
  useEffect(() => {
    if (!asked) return;
    const el = document.getElementById('inbound-quantity') as HTMLInputElement | null;
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
    el?.select();
  }, [asked]);
  const chosenLocation = location || locations.data?.[0]?.code || '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(quantity);
    if (!sku.trim()) return setSaid({ text: 'Choose the SKU that is coming.', ok: false });
    if (!chosenLocation) return setSaid({ text: 'Choose the location it arrives at.', ok: false });
    if (!Number.isInteger(n) || n < 1) return setSaid({ text: 'Enter how many units are coming: a whole number of at least 1.', ok: false });
    if (!date) return setSaid({ text: 'Choose the date the stock is expected.', ok: false });
    void run(async () => {
      const r = await unwrap(
        api.POST('/v1/inbound', { body: { sku: sku.trim(), location: chosenLocation, quantity: n, expectedDate: date, ...(reference.trim() ? { reference: reference.trim() } : {}) } }),
      );
      setQuantity('');
      setReference('');
      await refresh();
      return `Expecting ${num(r.quantity)} × ${r.sku} at ${r.location} on ${r.expectedDate}. Promised dates were recomputed.`;
    });
  };

  return (
    <form className="subform" id="inbound-form" aria-labelledby="inbound-form-title" noValidate onSubmit={submit}>
      <h3 id="inbound-form-title">Expect stock</h3>
      <div className="form-grid">
        <Field label="SKU" id="inbound-sku">
          <input id="inbound-sku" name="sku" required autoComplete="off" list="queue-skus" placeholder="SKU" value={sku} onChange={(e) => setSku(e.target.value)} />
          <datalist id="queue-skus">
            {skus.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field label="Location" id="inbound-location">
          <select id="inbound-location" name="location" required value={chosenLocation} onChange={(e) => setLocation(e.target.value)}>
            {(locations.data ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Quantity" id="inbound-quantity">
          <input id="inbound-quantity" name="quantity" type="number" min={1} step={1} required placeholder="50" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </Field>
        <Field label="Expected on" id="inbound-date">
          <input id="inbound-date" name="expectedDate" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="Reference" id="inbound-reference" className="field span-2">
          <input id="inbound-reference" name="reference" maxLength={200} placeholder="PO-1234" value={reference} onChange={(e) => setReference(e.target.value)} />
        </Field>
      </div>
      <div className="form-end">
        <Notice said={said} />
        <button className="button primary" type="submit" disabled={busy}>
          Add inbound
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------
function AllocationPolicy() {
  const policy = useQuery({ queryKey: ['settings', 'allocation'], queryFn: () => unwrap(api.GET('/v1/settings/allocation')), staleTime: Infinity });
  if (policy.isError) return <p className="notice">{words(policy.error)}</p>;
  if (!policy.data) return <p className="muted">Loading…</p>;
  return <PolicyForm saved={policy.data} />;
}

function PolicyForm({ saved }: { saved: Policy }) {
  const qc = useQueryClient();
  const [strategy, setStrategy] = useState(saved.strategy);
  const [preordersFirst, setPreordersFirst] = useState(saved.preordersFirst);
  const [useSafety, setUseSafety] = useState(saved.useSafetyStock);
  const [tiers, setTiers] = useState(() =>
    Object.entries(saved.tierRanks)
      .sort((a, b) => a[1] - b[1])
      .map(([name, rank], n) => ({ key: n, name, rank: String(rank) })),
  );
  const { busy, said, setSaid, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tierRanks: Record<string, number> = {};
    for (const t of tiers) {
      const name = t.name.trim();
      if (!name) continue;
      const rank = Number(t.rank || '0');
      if (!Number.isInteger(rank) || rank < 0 || rank > 1000) return setSaid({ text: `The rank of “${name}” must be a whole number from 0 to 1000.`, ok: false });
      tierRanks[name] = rank;
    }
    void run(async () => {
      const next = await unwrap(api.PUT('/v1/settings/allocation', { body: { strategy, tierRanks, preordersFirst, useSafetyStock: useSafety } }));
      // The form already shows what was saved; the cache takes it for the next visit.
      qc.setQueryData(['settings', 'allocation'], next);
      await qc.invalidateQueries({ queryKey: ['orders'] });
      return next.strategy === 'priority' ? 'Saved: arriving stock goes to higher tiers first.' : 'Saved: arriving stock goes first come, first served.';
    });
  };
  return (
    <form className="subform" id="allocation-form" aria-labelledby="allocation-title" onSubmit={submit}>
      <h2 id="allocation-title">Allocation policy</h2>
      <p className="hint">Who gets arriving stock first. Applies from the next receipt; promised dates are recomputed now.</p>
      <fieldset className="choices">
        <legend className="visually-hidden">Strategy</legend>
        <label className="choice" htmlFor="strategy-fifo">
          <input type="radio" name="strategy" value="fifo" id="strategy-fifo" checked={strategy === 'fifo'} onChange={() => setStrategy('fifo')} />
          <span>
            <strong>First come, first served</strong>
            <small>The oldest waiting line gets stock first.</small>
          </span>
        </label>
        <label className="choice" htmlFor="strategy-priority">
          <input type="radio" name="strategy" value="priority" id="strategy-priority" checked={strategy === 'priority'} onChange={() => setStrategy('priority')} />
          <span>
            <strong>Priority by customer tier</strong>
            <small>Higher tiers first, then by order time.</small>
          </span>
        </label>
      </fieldset>
      <fieldset className="tier-box" hidden={strategy !== 'priority'}>
        <legend>Tier ranks</legend>
        <p className="hint">Lower rank is served first; customers without a tier come last. Ties go by order time.</p>
        <div className="tiers" id="tier-ranks">
          {tiers.map((t) => (
            <div className="tier-row" key={t.key}>
              <input
                className="tier-name"
                value={t.name}
                placeholder="vip"
                maxLength={50}
                aria-label="Tier name"
                onChange={(e) => setTiers((all) => all.map((x) => (x.key === t.key ? { ...x, name: e.target.value } : x)))}
              />
              <input
                className="tier-rank tiny"
                type="number"
                min={0}
                max={1000}
                value={t.rank}
                placeholder="0"
                aria-label="Rank (0 is served first)"
                onChange={(e) => setTiers((all) => all.map((x) => (x.key === t.key ? { ...x, rank: e.target.value } : x)))}
              />
              <button className="button small ghost" type="button" aria-label={`Remove tier ${t.name}`} onClick={() => setTiers((all) => all.filter((x) => x.key !== t.key))}>
                ✕
              </button>
            </div>
          ))}
        </div>
        <button className="button small add-tier" type="button" onClick={() => setTiers((all) => [...all, { key: Math.max(0, ...all.map((x) => x.key)) + 1, name: '', rank: '' }])}>
          + Add tier
        </button>
      </fieldset>
      <label className="check" htmlFor="preorders-first">
        <input type="checkbox" id="preorders-first" checked={preordersFirst} onChange={(e) => setPreordersFirst(e.target.checked)} />
        <span>Serve pre-orders before backorders</span>
      </label>
      <label className="check" htmlFor="use-safety">
        <input type="checkbox" id="use-safety" checked={useSafety} onChange={(e) => setUseSafety(e.target.checked)} />
        <span>Let waiting orders use safety stock</span>
      </label>
      <div className="form-end">
        <Notice said={said} />
        <button className="button primary" type="submit" disabled={busy}>
          Save policy
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------
function OrderDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const order = useQuery({ queryKey: ['orders', 'one', id], queryFn: () => unwrap(api.GET('/v1/orders/{id}', { params: { path: { id } } })) as Promise<Order> });
  const o = order.data;
  return (
    <Modal title={`Order ${id}`} onClose={onClose} wide>
      {order.isError ? <p className="notice">{words(order.error)}</p> : null}
      {!o ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p className="muted">
            {o.customer.email} · customer {o.customer.id}
            {o.customer.tier ? ` · tier ${o.customer.tier}` : ''} · placed <Stamp iso={o.createdAt} />
          </p>
          <div className="table-scroll">
            <table className="data order-lines cards">
              <caption className="visually-hidden">Order lines</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    From stock
                  </th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                  <th scope="col">Promised</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.lines.map((l) => (
                  <OrderLine key={l.id} orderId={o.id} line={l} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}

function OrderLine({ orderId, line: l }: { orderId: string; line: Order['lines'][number] }) {
  const qc = useQueryClient();
  const { busy, said, run } = useAction();
  const [label, tone] = LINE_STATUS[l.status] ?? [l.status, 'neutral'];
  return (
    <tr>
      <td data-label="Line">
        <code className="sku-code">{l.sku}</code>
        <SkuTitle sku={l.sku} />
      </td>
      <td data-label="Qty" className="num tabular">
        {num(l.quantity)}
      </td>
      <td data-label="From stock" className="num tabular">
        {num(l.fromStock + l.allocated)}
      </td>
      <td data-label="Waiting" className="num tabular">
        {num(l.waiting)}
      </td>
      <td data-label="Promised">{l.waiting > 0 ? <CalDate iso={l.promisedDate} relativeToToday /> : <span className="muted">—</span>}</td>
      <td data-label="Status">
        <Pill tone={tone}>{label}</Pill>
      </td>
      <td>
        {l.status === 'cancelled' ? null : (
          <button
            className="button small danger"
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const updated = await unwrap(api.POST('/v1/orders/{id}/lines/{lineId}/cancel', { params: { path: { id: orderId, lineId: l.id } }, body: {} }));
                qc.setQueryData(['orders', 'one', orderId], updated);
                await qc.invalidateQueries({ queryKey: ['orders', 'queue'] });
              })
            }
          >
            Cancel line
          </button>
        )}
        <Notice said={said} className="row-notice" />
      </td>
    </tr>
  );
}
