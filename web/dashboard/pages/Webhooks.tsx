/**
 * Webhooks: the shop's endpoints (pause, resume, stop), a form to register one with an event picker built from
 * GET /v1/event-types (its signing secret is shown once), one endpoint's deliveries (server-paged, filtered by
 * status) with a button to send one again, the daily delivery volume, and the events reactors parked (retry or
 * discard).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from 'restock/client';
import { api, unwrap } from '../app/api.ts';
import { num } from '../app/format.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import { VolumeChart } from './ops-charts.tsx';
import { Field, flash, Notice, Pill, Stamp, Toast, useAction, useLiveRefresh, words, type Tone } from './ops-ui.tsx';

type Webhook = Schemas['Webhook'];
type Created = Schemas['CreatedWebhook'];
type Delivery = Schemas['WebhookDelivery'];
type Parked = Schemas['ParkedEvent'];
type DeliveryStatus = Delivery['status'];

const DELIVERY: Record<string, [string, Tone]> = { pending: ['Pending', 'amber'], delivered: ['Delivered', 'green'], dead: ['Dead', 'red'] };
const GROUP_LABELS: Record<string, string> = { inventory: 'Inventory', order: 'Orders', waitlist: 'Waitlists', message: 'Messages', inbound: 'Inbound', webhook: 'Webhooks' };

export default function Webhooks() {
  const hooks = useQuery({ queryKey: ['webhooks', 'list'], queryFn: async () => (await unwrap(api.GET('/v1/webhooks'))).items });
  const [chosen, setChosen] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const selected = hooks.data?.find((w) => w.id === chosen) ?? hooks.data?.[0] ?? null;
  const qc = useQueryClient();
  // Any event may be delivered to an endpoint; the dispatcher sends it a moment later.
  useLiveRefresh(() => true, [['webhooks', 'deliveries'], ['webhooks', 'volume'], ['webhooks', 'parked'], ['webhooks', 'reactors']], 1500);
  const select = (id: string) => {
    setChosen(id);
    void qc.invalidateQueries({ queryKey: ['webhooks', 'deliveries', id] });
  };
  return (
    <div className="view-grid webhooks-view ops">
      <section className="view-main" aria-labelledby="webhooks-title">
        <div className="section-head">
          <div>
            <h1 id="webhooks-title">Webhooks</h1>
            <p className="muted">Endpoints of the shop’s systems that hear about events as they happen.</p>
          </div>
        </div>
        {created ? <SecretBox hook={created} onDone={() => setCreated(null)} /> : null}
        {hooks.isError ? (
          <p className="notice" role="alert">
            {words(hooks.error)}
          </p>
        ) : null}
        <div className="hooks" id="webhook-list">
          {!hooks.data ? (
            <p className="muted">Loading…</p>
          ) : hooks.data.length === 0 ? (
            <div className="panel table-empty muted">No endpoints yet. Add one with the form.</div>
          ) : (
            hooks.data.map((w) => <HookCard key={w.id} hook={w} selected={w.id === selected?.id} onSelect={() => select(w.id)} />)
          )}
        </div>
        <DeliveryVolume />
        {selected ? <Deliveries key={selected.id} hook={selected} /> : null}
        <ParkedEvents />
      </section>
      <aside className="view-side">
        <section className="panel pad">
          <HookForm
            onCreated={(h) => {
              setCreated(h);
              setChosen(h.id);
            }}
          />
        </section>
      </aside>
      <Toast />
    </div>
  );
}

function HookCard({ hook: w, selected, onSelect }: { hook: Webhook; selected: boolean; onSelect: () => void }) {
  const qc = useQueryClient();
  const { busy, said, run } = useAction();
  const [stopping, setStopping] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['webhooks'] });
  return (
    <article className={`panel hook ${selected ? 'selected' : ''} ${w.active ? '' : 'paused'}`} data-webhook={w.id}>
      <div className="hook-head">
        <code className="hook-url">{w.url}</code>
        {w.active ? <Pill tone="green">Active</Pill> : <Pill>Paused</Pill>}
      </div>
      {w.description ? <p className="hook-description">{w.description}</p> : null}
      <div className="hook-events">
        {w.events.map((e) => (
          <code key={e} className="event-chip">
            {e}
          </code>
        ))}
      </div>
      <div className="hook-foot">
        <span className="muted">
          Added <Stamp iso={w.createdAt} />
        </span>
        <span className="hook-actions">
          <button className="button small" type="button" aria-pressed={selected} onClick={onSelect}>
            Deliveries
          </button>
          <button
            className="button small"
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id: w.id } }, body: { active: !w.active } }));
                await refresh();
              })
            }
          >
            {w.active ? 'Pause' : 'Resume'}
          </button>
          {w.active && !stopping ? (
            <button className="button small danger" type="button" onClick={() => setStopping(true)}>
              Delete
            </button>
          ) : null}
        </span>
      </div>
      {stopping ? (
        <div className="row-actions">
          <span className="confirm-text">Stop this endpoint? Nothing more is sent to it; what was delivered stays readable here.</span>
          <button
            className="button small danger"
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id: w.id } } }));
                setStopping(false);
                flash(`${w.url} stopped: nothing more is sent to it.`);
                await refresh();
              })
            }
          >
            Yes, delete
          </button>
          <button className="button small ghost" type="button" onClick={() => setStopping(false)} autoFocus>
            Keep
          </button>
        </div>
      ) : null}
      <Notice said={said} className="row-notice" />
    </article>
  );
}

function SecretBox({ hook, onDone }: { hook: Created; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret-box" id="webhook-secret" role="status">
      <strong>Endpoint added. Copy its signing secret now — it is not shown again.</strong>
      <div className="secret-row">
        <code className="secret">{hook.secret}</code>
        <button
          className="button small"
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(hook.secret).then(
              () => setCopied(true),
              () => {
                const el = document.querySelector('#webhook-secret .secret');
                if (el) getSelection()?.selectAllChildren(el);
              },
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button className="button small ghost" type="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="hint">Verify each delivery’s webhook-signature header with it (Standard Webhooks: HMAC-SHA256 over id.timestamp.body).</p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
function HookForm({ onCreated }: { onCreated: (h: Created) => void }) {
  const qc = useQueryClient();
  const types = useQuery({ queryKey: ['event-types'], queryFn: () => unwrap(api.GET('/v1/event-types')), staleTime: Infinity });
  const groups = useMemo(() => {
    const by = new Map<string, string[]>();
    for (const t of types.data?.events ?? []) {
      const prefix = t.split('.')[0] ?? t;
      by.set(prefix, [...(by.get(prefix) ?? []), t]);
    }
    return [...by.entries()].map(([prefix, list]) => ({ prefix, label: GROUP_LABELS[prefix] ?? prefix, types: list }));
  }, [types.data]);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [everything, setEverything] = useState(false);
  const [wholeGroups, setWholeGroups] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const { busy, said, setSaid, run } = useAction();
  const toggle = (set: Set<string>, v: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(v);
    else next.delete(v);
    return next;
  };
  const chosen = (): string[] => {
    if (everything) return ['*'];
    const out: string[] = [];
    for (const g of groups) {
      if (wholeGroups.has(g.prefix)) out.push(`${g.prefix}.*`);
      else out.push(...g.types.filter((t) => picked.has(t)));
    }
    return out;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const events = chosen();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) return setSaid({ text: 'Enter the endpoint’s full http(s) URL.', ok: false });
    if (events.length === 0) return setSaid({ text: 'Choose at least one event.', ok: false });
    void run(async () => {
      const r = await unwrap(api.POST('/v1/webhooks', { body: { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) } }));
      setUrl('');
      setDescription('');
      setEverything(false);
      setWholeGroups(new Set());
      setPicked(new Set());
      onCreated(r);
      await qc.invalidateQueries({ queryKey: ['webhooks'] });
    });
  };
  return (
    <form className="subform" id="webhook-form" noValidate aria-labelledby="webhook-form-title" onSubmit={submit}>
      <h2 id="webhook-form-title">Add an endpoint</h2>
      <Field label="URL" id="webhook-url" hint="Receives a signed POST (Standard Webhooks) for each event.">
        <input
          id="webhook-url"
          type="url"
          required
          placeholder="https://shop.example.com/hooks/restock"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby="webhook-url-hint"
        />
      </Field>
      <Field label="Description" id="webhook-description">
        <input id="webhook-description" maxLength={500} placeholder="ERP sync" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <fieldset className="event-picker" id="event-picker">
        <legend>Events</legend>
        <label className="check strong" htmlFor="ev-all">
          <input type="checkbox" id="ev-all" checked={everything} onChange={(e) => setEverything(e.target.checked)} />
          <span>
            Every event <code>*</code>
          </span>
        </label>
        {types.isError ? <p className="notice">{words(types.error)}</p> : null}
        <div className="event-groups">
          {groups.map((g) => {
            const whole = wholeGroups.has(g.prefix);
            return (
              <div className="event-group" key={g.prefix}>
                <label className="check strong" htmlFor={`ev-${g.prefix}-all`}>
                  <input
                    type="checkbox"
                    id={`ev-${g.prefix}-all`}
                    disabled={everything}
                    checked={whole || everything}
                    onChange={(e) => setWholeGroups((s) => toggle(s, g.prefix, e.target.checked))}
                  />
                  <span>
                    {g.label} <code>{g.prefix}.*</code>
                  </span>
                </label>
                <div className="event-types">
                  {g.types.map((t) => (
                    <label className="check" htmlFor={`ev-${t}`} key={t}>
                      <input
                        type="checkbox"
                        id={`ev-${t}`}
                        disabled={everything || whole}
                        checked={everything || whole || picked.has(t)}
                        onChange={(e) => setPicked((s) => toggle(s, t, e.target.checked))}
                      />
                      <code>{t.slice(g.prefix.length + 1)}</code>
                    </label>
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="form-end">
        <Notice said={said} />
        <button className="button primary" type="submit" disabled={busy}>
          Add endpoint
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------
function Deliveries({ hook }: { hook: Webhook }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 25 });
  const columns = useMemo<Array<Column<Delivery>>>(
    () => [
      {
        id: 'event',
        header: 'Event',
        cell: (d) => (
          <span data-delivery={d.id} data-status={d.status}>
            <code className="event-chip">{d.eventType}</code>
            <span className="sub muted">
              #{d.eventId} · {d.messageId}
            </span>
          </span>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        cell: (d) => {
          const [label, tone] = DELIVERY[d.status] ?? [d.status, 'neutral'];
          return <Pill tone={tone}>{label}</Pill>;
        },
      },
      { id: 'attempts', header: 'Attempts', numeric: true, cell: (d) => num(d.attempts) },
      {
        id: 'answer',
        header: 'Last answer',
        cell: (d) => (
          <span>
            {d.lastStatus !== null ? (
              <span className={`http ${d.lastStatus >= 200 && d.lastStatus < 300 ? 'ok' : 'bad'}`}>HTTP {d.lastStatus}</span>
            ) : d.lastError ? null : (
              <span className="muted">not tried yet</span>
            )}
            {d.lastError && d.lastError !== `HTTP ${d.lastStatus}` ? (
              <span className="sub error-text" title={d.lastError}>
                {d.lastError}
              </span>
            ) : null}
          </span>
        ),
      },
      {
        id: 'createdAt',
        header: 'When',
        cell: (d) => (
          <span>
            <span className="sub">
              created <Stamp iso={d.createdAt} />
            </span>
            {d.status === 'pending' && d.nextAttemptAt ? (
              <span className="sub">
                next attempt <Stamp iso={d.nextAttemptAt} />
              </span>
            ) : d.deliveredAt ? (
              <span className="sub muted">
                delivered <Stamp iso={d.deliveredAt} />
              </span>
            ) : null}
          </span>
        ),
      },
      { id: 'actions', header: 'Actions', cell: (d) => (d.status === 'pending' ? null : <Redeliver delivery={d} />) },
    ],
    [],
  );
  const fetchPage = async (p: PageParams) => {
    const r = await unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: hook.id }, query: { limit: p.limit, offset: p.offset, ...(status ? { status } : {}) } } }));
    return { items: r.items, total: r.total };
  };
  return (
    <section className="panel pad deliveries" id="deliveries" aria-labelledby="deliveries-title">
      <div className="section-head">
        <h2 id="deliveries-title">
          Deliveries <span className="muted">to</span> <code className="hook-url small">{hook.url}</code>
        </h2>
        <div className="head-tools">
          <button className="button small" type="button" onClick={() => void qc.invalidateQueries({ queryKey: ['webhooks', 'deliveries', hook.id] })}>
            Refresh
          </button>
          <label className="visually-hidden" htmlFor="delivery-status">
            Delivery status
          </label>
          <select
            id="delivery-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as DeliveryStatus | '');
              setParams((p) => ({ ...p, offset: 0 }));
            }}
          >
            <option value="">All</option>
            {Object.entries(DELIVERY).map(([k, [l]]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DataTable
        queryKey={['webhooks', 'deliveries', hook.id, status]}
        fetchPage={fetchPage}
        columns={columns}
        params={params}
        onParams={setParams}
        rowKey={(d) => d.id}
        caption={`Deliveries to ${hook.url}, newest first`}
        empty={status ? 'No deliveries with this status.' : 'Nothing sent yet: deliveries appear when a subscribed event happens.'}
      />
    </section>
  );
}

function Redeliver({ delivery: d }: { delivery: Delivery }) {
  const qc = useQueryClient();
  const { busy, said, run } = useAction();
  return (
    <span>
      <button
        className="button small"
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await unwrap(api.POST('/v1/webhooks/deliveries/{id}/redeliver', { params: { path: { id: d.id } }, body: {} }));
            flash(`Delivery of ${d.eventType} #${d.eventId} queued again, with the same webhook-id.`);
            await qc.invalidateQueries({ queryKey: ['webhooks', 'deliveries'] });
          })
        }
      >
        Redeliver
      </button>
      <Notice said={said} className="row-notice" />
    </span>
  );
}

/** Deliveries per day across the endpoints, the last 30 days. */
function DeliveryVolume() {
  const volume = useQuery({
    queryKey: ['webhooks', 'volume'],
    queryFn: async () => (await unwrap(api.GET('/v1/webhooks/volume', { params: { query: { days: 30 } } }))).days,
  });
  return (
    <VolumeChart
      title="Deliveries per day"
      id="webhook-volume"
      rows={volume.data}
      error={volume.error}
      series={[
        ['delivered', 'Delivered', '#1f5f4a'],
        ['failed', 'Failed', '#b42318'],
        ['pending', 'Pending', '#d9a441'],
      ]}
    />
  );
}

// ---------------------------------------------------------------------------------------------------------
/**
 * Parked events: events a reactor (webhook fan-out, waitlist release, customer messages) failed on until it
 * gave up and moved on. Retry runs the reactor on one again; discard drops it.
 */
function ParkedEvents() {
  const reactors = useQuery({ queryKey: ['webhooks', 'reactors'], queryFn: async () => (await unwrap(api.GET('/v1/reactors'))).items });
  const parked = useQuery({ queryKey: ['webhooks', 'parked'], queryFn: async () => (await unwrap(api.GET('/v1/reactors/parked', { params: { query: { status: 'parked', limit: 100 } } }))).items });
  const failing = (reactors.data ?? []).filter((r) => r.failing);
  return (
    <section className="panel pad parked" id="parked-events" aria-labelledby="parked-title">
      <div className="section-head">
        <h2 id="parked-title">Parked events</h2>
      </div>
      <p className="muted">Events a reactor could not handle after its retries. It moved on; retry one once the cause is fixed, or discard it.</p>
      {reactors.isError || parked.isError ? <p className="notice">{words(reactors.error ?? parked.error)}</p> : null}
      {failing.length ? (
        <p className="notice" role="status">
          {failing.map((r) => `${r.name} is retrying event #${r.failing?.eventId} (attempt ${r.failing?.attempts}): ${r.failing?.lastError}`).join(' · ')}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data parked-table cards">
          <caption className="visually-hidden">Parked events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reactor</th>
              <th scope="col">Event</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last error</th>
              <th scope="col">Parked</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(parked.data ?? []).length === 0 ? (
              <tr className="empty-row">
                <td colSpan={6} className="muted">
                  {parked.data ? 'Nothing parked: every reactor is keeping up.' : 'Loading…'}
                </td>
              </tr>
            ) : (
              (parked.data ?? []).map((p) => <ParkedRow key={p.id} p={p} />)
            )}
          </tbody>
        </table>
      </div>
      {reactors.data?.length ? <p className="muted small">{reactors.data.map((r) => `${r.name}: ${num(r.behind)} behind${r.parked ? `, ${num(r.parked)} parked` : ''}`).join(' · ')}</p> : null}
    </section>
  );
}

function ParkedRow({ p }: { p: Parked }) {
  const qc = useQueryClient();
  const { busy, said, run } = useAction();
  const act = (what: 'retry' | 'discard') =>
    void run(async () => {
      if (what === 'retry') await unwrap(api.POST('/v1/reactors/parked/{id}/retry', { params: { path: { id: p.id } }, body: {} }));
      else await unwrap(api.POST('/v1/reactors/parked/{id}/discard', { params: { path: { id: p.id } }, body: {} }));
      flash(what === 'retry' ? `${p.consumer} handled ${p.eventType} #${p.eventId}.` : `${p.eventType} #${p.eventId} discarded for ${p.consumer}.`);
      await Promise.all([qc.invalidateQueries({ queryKey: ['webhooks', 'parked'] }), qc.invalidateQueries({ queryKey: ['webhooks', 'reactors'] })]);
    });
  return (
    <tr data-parked={String(p.id)}>
      <td data-label="Reactor">
        <code>{p.consumer}</code>
      </td>
      <td data-label="Event">
        <code className="event-chip">{p.eventType}</code>
        <span className="sub muted">#{p.eventId}</span>
      </td>
      <td data-label="Attempts" className="num tabular">
        {num(p.attempts)}
      </td>
      <td data-label="Last error">
        <span className="error-text" title={p.error}>
          {p.error}
        </span>
      </td>
      <td data-label="Parked">
        <Stamp iso={p.parkedAt} />
      </td>
      <td data-label="Actions">
        <button className="button small" type="button" data-action="retry" disabled={busy} onClick={() => act('retry')}>
          Retry
        </button>{' '}
        <button className="button small ghost" type="button" data-action="discard" disabled={busy} onClick={() => act('discard')}>
          Discard
        </button>
        <Notice said={said} className="row-notice" />
      </td>
    </tr>
  );
}
