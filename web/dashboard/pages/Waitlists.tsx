/**
 * Waitlists: demand per SKU while it is out of stock (people waiting, units wanted, sign-ups per day, notified,
 * converted, median wait), a chart of daily sign-ups (one SKU's or all), the subscribers in list order
 * (server-paged, searchable), and the waitlist policy (double opt-in, batch factor k, batch interval, holds).
 */
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import type { Schemas } from 'restock/client';
import { api, unwrap } from '../app/api.ts';
import { num, percent } from '../app/format.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import type { ChartOption } from '../components/Chart.tsx';
import { Field, Notice, pageLocally, Pill, SkuTitle, Stamp, useAction, useDebounced, useLiveRefresh, words, type GetOk, type Tone } from './ops-ui.tsx';

const Chart = lazy(() => import('../components/Chart.tsx'));

type Stats = GetOk<'/v1/waitlist/stats'>['items'][number];
type Subscription = Schemas['Subscription'];
type Policy = GetOk<'/v1/settings/waitlist'>;
type SubStatus = 'pending' | 'waiting' | 'notified' | 'unsubscribed';

const SUB_STATUS: Record<string, [string, Tone]> = {
  pending: ['Unconfirmed', 'amber'],
  waiting: ['Waiting', 'blue'],
  notified: ['Notified', 'green'],
  unsubscribed: ['Unsubscribed', 'neutral'],
};

function hours(x: number | null): string {
  if (x === null) return '—';
  if (x < 1) return `${Math.max(1, Math.round(x * 60))} min`;
  if (x < 48) return `${num(Math.round(x * 10) / 10)} h`;
  return `${num(Math.round((x / 24) * 10) / 10)} d`;
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const STATS_KEY = ['waitlist', 'stats'];
const fetchStats = async () => (await unwrap(api.GET('/v1/waitlist/stats'))).items;

export default function Waitlists() {
  const qc = useQueryClient();
  const stats = useQuery({ queryKey: STATS_KEY, queryFn: fetchStats });
  // /waitlists?sku=TEE-1 opens that SKU's list (the overview links here).
  const search = useSearch();
  const [selected, setSelected] = useState(() => new URLSearchParams(search).get('sku') ?? '');
  const [filter, setFilter] = useState('');
  const f = useDebounced(filter.trim().toLowerCase(), 150);
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 25, sort: 'unitsWanted', order: 'desc' });
  const all = stats.data;
  // An order may convert a notified subscriber; a restock notifies them.
  useLiveRefresh((e) => e.type.startsWith('order.') || e.type === 'inventory.back_in_stock', [['waitlist']]);

  const columns = useMemo<Array<Column<Stats>>>(
    () => [
      {
        id: 'sku',
        header: 'SKU',
        sortable: true,
        cell: (x) => (
          <span className="sku-cell" data-sku={x.sku}>
            <button className="link mono" type="button" aria-pressed={x.sku === selected} onClick={() => choose(x.sku)}>
              {x.sku}
            </button>
            <SkuTitle sku={x.sku} />
            <Link className="link small" href={`/skus/${encodeURIComponent(x.sku)}`}>
              Product page<span className="visually-hidden"> of {x.sku}</span>
            </Link>
          </span>
        ),
      },
      {
        id: 'active',
        header: 'Waiting',
        numeric: true,
        sortable: true,
        cell: (x) => (
          <span data-col="active">
            {num(x.active)}
            {x.pending ? <span className="sub muted">+{num(x.pending)} unconfirmed</span> : null}
          </span>
        ),
      },
      { id: 'unitsWanted', header: 'Units', numeric: true, sortable: true, cell: (x) => <span data-col="units">{num(x.unitsWanted)}</span> },
      { id: 'signups', header: 'Sign-ups, 30 d', numeric: true, sortable: true, cell: (x) => num(sum(x.signupsPerDay.map((d) => d.count))) },
      { id: 'notified', header: 'Notified', numeric: true, sortable: true, cell: (x) => <span data-col="notified">{num(x.notified)}</span> },
      {
        id: 'converted',
        header: 'Converted',
        numeric: true,
        sortable: true,
        cell: (x) => (
          <span data-col="converted">
            {num(x.converted)}
            {x.conversionRate !== null ? <span className="sub muted">{percent(x.conversionRate)}</span> : null}
          </span>
        ),
      },
      { id: 'medianWaitHours', header: 'Median wait', numeric: true, sortable: true, cell: (x) => hours(x.medianWaitHours) },
      { id: 'unsubscribed', header: 'Opted out', numeric: true, sortable: true, cell: (x) => num(x.unsubscribed) },
    ],
    [selected],
  );

  function choose(sku: string) {
    setSelected(sku);
    // One column (a phone): the list is below the table, so bring it into view.
    if (matchMedia('(max-width: 1000px)').matches) requestAnimationFrame(() => document.getElementById('waitlist-people')?.scrollIntoView({ block: 'start' }));
  }

  const fetchPage = async (p: PageParams) => {
    // Demand per SKU comes whole (one row per SKU); the table pages the cached answer the KPIs use too.
    const items = (await qc.fetchQuery({ queryKey: STATS_KEY, queryFn: fetchStats })).filter((x) => !f || x.sku.toLowerCase().includes(f));
    const n = (k: 'active' | 'unitsWanted' | 'notified' | 'converted' | 'unsubscribed') => (a: Stats, b: Stats) => a[k] - b[k] || a.sku.localeCompare(b.sku);
    return pageLocally(items, p, {
      sku: (a, b) => a.sku.localeCompare(b.sku),
      active: n('active'),
      unitsWanted: n('unitsWanted'),
      notified: n('notified'),
      converted: n('converted'),
      unsubscribed: n('unsubscribed'),
      signups: (a, b) => sum(a.signupsPerDay.map((d) => d.count)) - sum(b.signupsPerDay.map((d) => d.count)),
      medianWaitHours: (a, b) => (a.medianWaitHours ?? -1) - (b.medianWaitHours ?? -1),
    });
  };

  const total = (k: 'active' | 'pending' | 'unitsWanted' | 'notified' | 'converted') => sum((all ?? []).map((x) => x[k]));
  const signups7 = sum((all ?? []).map((x) => sum(x.signupsPerDay.slice(-7).map((d) => d.count))));
  const notified = total('notified');
  const converted = total('converted');

  return (
    <div className="view-grid waitlists-view ops">
      <section className="view-main" aria-labelledby="waitlists-title">
        <div className="section-head">
          <div>
            <h1 id="waitlists-title">Waitlists</h1>
            <p className="muted">Who is waiting for what. Sign-ups are a demand signal while a SKU is out of stock.</p>
          </div>
        </div>
        {stats.isError ? (
          <p className="notice" role="alert">
            {words(stats.error)}
          </p>
        ) : null}
        <div className="kpis" id="waitlist-kpis">
          <Kpi value={num(total('active'))} label="Waiting" note={`${num(total('pending'))} unconfirmed`} />
          <Kpi value={num(total('unitsWanted'))} label="Units wanted" />
          <Kpi value={num(signups7)} label="Sign-ups, 7 days" />
          <Kpi value={num(notified)} label="Notified" />
          <Kpi value={notified ? percent(converted / notified) : '—'} label="Converted" note={`${num(converted)} of ${num(notified)} bought`} />
        </div>
        <SignupsChart stats={all ?? []} sku={selected} onAll={() => setSelected('')} />
        <div className="table-tools">
          <label className="visually-hidden" htmlFor="waitlist-filter">
            Filter waitlists by SKU
          </label>
          <input
            id="waitlist-filter"
            type="search"
            placeholder="Filter by SKU"
            autoComplete="off"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setParams((p) => ({ ...p, offset: 0 }));
            }}
          />
        </div>
        <div id="waitlist-stats">
          <DataTable
            queryKey={['waitlist', 'stats', 'page', f]}
            fetchPage={fetchPage}
            columns={columns}
            params={params}
            onParams={setParams}
            rowKey={(x) => x.sku}
            onRowClick={(x) => choose(x.sku)}
            caption="Waitlist demand per SKU"
            empty={f ? 'No waitlists match.' : 'Nobody has asked to be notified yet. The storefront widget’s “Notify me” form fills this.'}
          />
        </div>
      </section>
      <aside className="view-side">
        <Subscribers sku={selected} />
        <section className="panel pad">
          <WaitlistPolicy />
        </section>
      </aside>
    </div>
  );
}

function Kpi({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <div className="kpi">
      <span className="kpi-value tabular">{value}</span>
      <span className="kpi-label">{label}</span>
      {note ? <span className="kpi-note muted">{note}</span> : null}
    </div>
  );
}

/** Sign-ups per day: the chosen SKU's, or every SKU's added up. */
function SignupsChart({ stats, sku, onAll }: { stats: Stats[]; sku: string; onAll: () => void }) {
  const { option, label, count } = useMemo(() => {
    const rows = sku ? stats.filter((x) => x.sku === sku) : stats;
    const byDate = new Map<string, number>();
    for (const x of rows) for (const d of x.signupsPerDay) byDate.set(d.date, (byDate.get(d.date) ?? 0) + d.count);
    const dates = [...byDate.keys()].sort();
    const counts = dates.map((d) => byDate.get(d) ?? 0);
    const n = sum(counts);
    const option: ChartOption = {
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'Sign-ups', data: counts, itemStyle: { color: '#1f5f4a' } }],
    };
    const label = `${num(n)} waitlist sign-ups ${sku ? `for ${sku}` : 'across all SKUs'} in the ${dates.length} days from ${dates[0] ?? '—'} to ${dates[dates.length - 1] ?? '—'}`;
    return { option, label, count: dates.length };
  }, [stats, sku]);
  return (
    <section className="panel chart-panel" aria-labelledby="signups-title">
      <div className="section-head">
        <h2 id="signups-title">Sign-ups per day {sku ? <code>{sku}</code> : <span className="muted">all SKUs</span>}</h2>
        {sku ? (
          <button className="button small" type="button" onClick={onAll}>
            All SKUs
          </button>
        ) : null}
      </div>
      {count === 0 ? (
        <p className="muted">No sign-ups yet.</p>
      ) : (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <Chart option={option} label={label} height={200} testId="signups-chart" />
        </Suspense>
      )}
    </section>
  );
}

function Subscribers({ sku }: { sku: string }) {
  const [status, setStatus] = useState<SubStatus | ''>('');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim().toLowerCase(), 250);
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 25 });
  const columns = useMemo<Array<Column<Subscription>>>(
    () => [
      { id: 'position', header: 'Place', numeric: true, cell: (s) => (s.position ? `#${s.position}` : '—') },
      ...(sku ? [] : [{ id: 'sku', header: 'SKU', sortable: true, cell: (s: Subscription) => <code className="sku-code">{s.sku}</code> }]),
      {
        id: 'email',
        header: 'Email',
        cell: (s) => (
          <span>
            <span className="person-email">{s.email}</span>
            <span className="sub muted">{[s.locale, s.phone].filter(Boolean).join(' · ')}</span>
          </span>
        ),
      },
      { id: 'quantity', header: 'Qty', numeric: true, cell: (s) => num(s.quantity) },
      {
        id: 'status',
        header: 'Status',
        sortable: true,
        cell: (s) => {
          const [label, tone] = SUB_STATUS[s.status] ?? [s.status, 'neutral'];
          return (
            <span className="person-meta">
              <Pill tone={tone}>{label}</Pill>
              {s.convertedAt ? <Pill tone="green">Bought</Pill> : null}
            </span>
          );
        },
      },
      {
        id: 'createdAt',
        header: 'When',
        sortable: true,
        cell: (s) => (
          <span>
            <span className="sub">
              signed up <Stamp iso={s.createdAt} />
            </span>
            {s.notifiedAt ? (
              <span className="sub">
                told <Stamp iso={s.notifiedAt} />
              </span>
            ) : null}
            {s.holdExpiresAt && s.status === 'notified' && !s.convertedAt ? (
              <span className="sub muted">
                held until <Stamp iso={s.holdExpiresAt} />
              </span>
            ) : null}
          </span>
        ),
      },
    ],
    [sku],
  );
  // Paged, searched and sorted by the server; unsorted it is each SKU's list in the order people are told.
  const fetchPage = async (p: PageParams) => {
    const sort = p.sort === 'createdAt' || p.sort === 'sku' || p.sort === 'status' ? p.sort : undefined;
    const r = await unwrap(
      api.GET('/v1/waitlist', {
        params: { query: { ...(sku ? { sku } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}), ...(sort ? { sort, order: p.order ?? 'asc' } : {}), limit: p.limit, offset: p.offset } },
      }),
    );
    return { items: r.items, total: r.total };
  };
  const reset = () => setParams((p) => ({ ...p, offset: 0 }));
  return (
    <section className="panel pad" id="waitlist-people" aria-labelledby="people-title">
      <div className="section-head">
        <h2 id="people-title">Subscribers {sku ? <code>{sku}</code> : <span className="muted">all SKUs</span>}</h2>
      </div>
      <div className="filters">
        <label className="visually-hidden" htmlFor="people-status">
          Subscriber status
        </label>
        <select
          id="people-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as SubStatus | '');
            reset();
          }}
        >
          <option value="">Every status</option>
          {Object.entries(SUB_STATUS).map(([k, [l]]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="people-search">
          Search subscribers by email or SKU
        </label>
        <input
          id="people-search"
          type="search"
          placeholder="Search by email or SKU"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            reset();
          }}
        />
      </div>
      <DataTable
        queryKey={['waitlist', 'subscribers', sku, status, q]}
        fetchPage={fetchPage}
        columns={columns}
        params={params}
        onParams={setParams}
        rowKey={(s) => s.id}
        caption={sku ? `People on the waitlist of ${sku}, in the order they are told` : 'People on waitlists'}
        empty={q || status ? 'Nobody matches.' : sku ? 'Nobody on this list.' : 'Nobody on any list yet.'}
      />
    </section>
  );
}

function WaitlistPolicy() {
  const policy = useQuery({ queryKey: ['settings', 'waitlist'], queryFn: () => unwrap(api.GET('/v1/settings/waitlist')), staleTime: Infinity });
  if (policy.isError) return <p className="notice">{words(policy.error)}</p>;
  if (!policy.data) return <p className="muted">Loading…</p>;
  return <PolicyForm saved={policy.data} />;
}

function PolicyForm({ saved }: { saved: Policy }) {
  const qc = useQueryClient();
  const [optIn, setOptIn] = useState(saved.doubleOptIn);
  const [k, setK] = useState(String(saved.k));
  const [interval, setBatchInterval] = useState(String(saved.batchIntervalMinutes));
  const [hold, setHold] = useState(String(saved.holdHours));
  const { busy, said, setSaid, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { doubleOptIn: optIn, k: Number(k), batchIntervalMinutes: Number(interval), holdHours: Number(hold) };
    if (!(body.k >= 0.1 && body.k <= 1000)) return setSaid({ text: 'The batch factor k must be between 0.1 and 1000.', ok: false });
    if (!Number.isInteger(body.batchIntervalMinutes) || body.batchIntervalMinutes < 0 || body.batchIntervalMinutes > 10080)
      return setSaid({ text: 'The batch interval must be a whole number of minutes from 0 to 10080 (a week).', ok: false });
    if (!(body.holdHours >= 0 && body.holdHours <= 168)) return setSaid({ text: 'Holds last from 0 to 168 hours.', ok: false });
    void run(async () => {
      const next = await unwrap(api.PUT('/v1/settings/waitlist', { body }));
      qc.setQueryData(['settings', 'waitlist'], next);
      return `Saved. ${next.doubleOptIn ? 'New sign-ups confirm by email first' : 'New sign-ups join the list at once, without a confirmation email'}; ${next.holdHours > 0 ? `notified people get a ${next.holdHours} h hold` : 'no holds'}.`;
    });
  };
  return (
    <form className="subform" id="waitlist-policy" aria-labelledby="waitlist-policy-title" onSubmit={submit}>
      <h2 id="waitlist-policy-title">Waitlist policy</h2>
      <label className="check" htmlFor="wl-double-opt-in">
        <input type="checkbox" id="wl-double-opt-in" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} />
        <span>
          <strong>Double opt-in</strong>
          <small>New sign-ups get a confirmation email first and count only once confirmed.</small>
        </span>
      </label>
      <div className="form-stack">
        <Field label="Batch factor k" id="wl-k" hint="Tell at most k people per unit in stock at a time.">
          <input id="wl-k" type="number" min={0.1} max={1000} step={0.1} required value={k} onChange={(e) => setK(e.target.value)} aria-describedby="wl-k-hint" />
        </Field>
        <Field label="Batch interval (minutes)" id="wl-interval" hint="Wait this long before telling the next batch, re-checking stock.">
          <input id="wl-interval" type="number" min={0} max={10080} step={1} required value={interval} onChange={(e) => setBatchInterval(e.target.value)} aria-describedby="wl-interval-hint" />
        </Field>
        <Field label="Hold (hours)" id="wl-hold" hint="Reserve each notified person’s quantity for this long. 0: no holds.">
          <input id="wl-hold" type="number" min={0} max={168} step={0.5} required value={hold} onChange={(e) => setHold(e.target.value)} aria-describedby="wl-hold-hint" />
        </Field>
      </div>
      <div className="form-end">
        <Notice said={said} />
        <button className="button primary" type="submit" disabled={busy}>
          Save policy
        </button>
      </div>
    </form>
  );
}

