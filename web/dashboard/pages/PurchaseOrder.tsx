/**
 * One purchase order: its head (status, supplier, total, when it was sent and acknowledged), its lines (ordered,
 * confirmed, shipped, received and re-sourced units, the line a re-sourced line stands in for, dates, the
 * supplier's reason for a rejection), the actions its state allows (send, record the supplier's answer, a
 * shipment, a receipt, cancel; each asks first), and the failover decision log: for each unfilled line the
 * trigger, the candidates with their scores and why each was or was not eligible, the choice and why.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorText, unwrap } from '../app/api.ts';
import { money, num } from '../app/format.ts';
import type { PoLine, PurchaseOrder as Po, SupplyDecision } from '../app/types.ts';
import { SkuLink, useTitle } from '../components/ui.tsx';
import { CalDate, Notice, Pill, Stamp, Toast, flash, todayIso, useAction } from './ops-ui.tsx';
import { LineStatusPill, PoLink, PoStatusPill, SupplierLink, TRIGGER_WORDS, rate, usePoOfLine } from './supply-ui.tsx';

type Mode = 'idle' | 'send' | 'answer' | 'ship' | 'receive' | 'cancel';
const ANSWERABLE = ['sent', 'acknowledged'];
const SHIPPABLE = ['sent', 'acknowledged', 'shipped'];
const RECEIVABLE = ['sent', 'acknowledged', 'shipped', 'received'];
const CANCELLABLE = ['draft', 'sent', 'acknowledged', 'shipped'];
const isOpenLine = (l: PoLine) => l.status !== 'rejected' && l.status !== 'received' && l.status !== 'cancelled';

export default function PurchaseOrder({ id }: { id: string }) {
  useTitle(`Purchase order ${id}`);
  const path = { params: { path: { id } } };
  const po = useQuery({ queryKey: ['purchase-orders', 'one', id], queryFn: () => unwrap(api.GET('/v1/purchase-orders/{id}', path)) });
  const decisions = useQuery({ queryKey: ['purchase-orders', 'one', id, 'decisions'], queryFn: () => unwrap(api.GET('/v1/purchase-orders/{id}/decisions', path)).then((r) => r.items) });
  if (po.isError) {
    return (
      <section className="panel pad">
        <h1>Purchase order {id}</h1>
        <p className="notice" role="alert">
          {errorText(po.error)}
        </p>
        <p>
          <Link href="/purchase-orders">Back to the purchase orders</Link>
        </p>
      </section>
    );
  }
  const o = po.data;
  return (
    <div className="page ops po-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/purchase-orders">Purchase orders</Link> <span aria-hidden="true">›</span> <span aria-current="page">{id}</span>
      </nav>
      <header className="sku-head">
        <div>
          <h1>
            Purchase order <code className="sku-code">{id}</code>
          </h1>
          {o ? (
            <p className="muted sku-sub" id="po-head">
              <PoStatusPill status={o.status} />
              {o.source === 'failover' ? <Pill tone="violet">Created by failover</Pill> : null}
              <span>
                to <SupplierLink id={o.supplierId} />
              </span>
            </p>
          ) : null}
        </div>
        {o ? (
          <dl className="kpis po-kpis">
            <div className="kpi">
              <dt className="kpi-label">Total</dt>
              <dd className="kpi-value tabular" id="po-total">
                {money(o.total, o.currency)}
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">Sent</dt>
              <dd className="kpi-note">{o.sentAt ? <Stamp iso={o.sentAt} /> : <span className="muted">not yet</span>}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi-label">Acknowledged</dt>
              <dd className="kpi-note">{o.acknowledgedAt ? <Stamp iso={o.acknowledgedAt} /> : <span className="muted">not yet</span>}</dd>
            </div>
          </dl>
        ) : null}
      </header>
      {o ? (
        <>
          <Lines po={o} decisions={decisions.data ?? []} />
          <Actions po={o} />
          <DecisionLog decisions={decisions.data} error={decisions.error} />
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <Toast />
    </div>
  );
}

function Lines({ po, decisions }: { po: Po; decisions: SupplyDecision[] }) {
  return (
    <section className="panel pad" aria-labelledby="po-lines-title">
      <h2 id="po-lines-title">Lines</h2>
      <div className="table-scroll">
        <table className="data cards-on-phone po-lines" id="po-lines">
          <caption className="visually-hidden">The lines of {po.id}</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Ordered
              </th>
              <th scope="col" className="num">
                Confirmed
              </th>
              <th scope="col" className="num">
                Shipped
              </th>
              <th scope="col" className="num">
                Received
              </th>
              <th scope="col" className="num">
                Re-sourced
              </th>
              <th scope="col">Expected</th>
              <th scope="col" className="num">
                Unit cost
              </th>
            </tr>
          </thead>
          <tbody>
            {po.lines.map((l) => (
              <LineRow key={l.id} po={po} line={l} decisions={decisions.filter((d) => d.lineId === l.id && d.chosen)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LineRow({ po, line: l, decisions }: { po: Po; line: PoLine; decisions: SupplyDecision[] }) {
  return (
    <tr data-line={l.id} data-sku={l.sku}>
      <td data-label="SKU">
        <SkuLink sku={l.sku} />
        <span className="sub muted">
          to {l.location} · <span className="mono po-line-id">{l.id}</span>
        </span>
        {l.resourcedFrom ? <ResourcedFrom sku={l.sku} lineId={l.resourcedFrom} /> : null}
      </td>
      <td data-label="Status">
        <LineStatusPill status={l.status} />
        {l.lateAt ? (
          <Pill tone="amber" title={`found late ${new Date(l.lateAt).toUTCString()}`}>
            Late
          </Pill>
        ) : null}
        {l.rejectReason ? <span className="sub reject-reason">“{l.rejectReason}”</span> : null}
      </td>
      <td className="num tabular" data-label="Ordered">
        {num(l.quantity)}
      </td>
      <td className="num tabular" data-label="Confirmed">
        {l.confirmedQuantity === null ? <span className="muted">—</span> : num(l.confirmedQuantity)}
      </td>
      <td className="num tabular" data-label="Shipped">
        {num(l.shippedQuantity)}
      </td>
      <td className="num tabular" data-label="Received">
        {num(l.receivedQuantity)}
      </td>
      <td className="num tabular" data-label="Re-sourced">
        {l.resourcedQuantity > 0 ? num(l.resourcedQuantity) : <span className="muted">0</span>}
        {l.unsourcedQuantity > 0 ? (
          <span className="sub">
            <Pill tone="red">{num(l.unsourcedQuantity)} not sourced</Pill>
          </span>
        ) : null}
        {decisions.map((d) =>
          d.chosen ? (
            <span className="sub" key={d.id}>
              → <PoLink id={d.chosen.poId} />
            </span>
          ) : null,
        )}
      </td>
      <td data-label="Expected">
        <CalDate iso={l.expectedDate} relativeToToday={isOpenLine(l) && po.status !== 'draft'} />
        {l.confirmedDate ? <span className="sub muted">confirmed</span> : <span className="sub muted">from the lead time</span>}
      </td>
      <td className="num tabular" data-label="Unit cost">
        {money(l.unitCost, po.currency)}
      </td>
    </tr>
  );
}

/** "re-sources line pol_… of po_…": the failed line's order, found by the line. */
function ResourcedFrom({ sku, lineId }: { sku: string; lineId: string }) {
  const source = usePoOfLine(sku, lineId);
  return (
    <span className="sub resourced-from">
      re-sources <span className="mono">{lineId}</span>
      {source.data ? (
        <>
          {' '}
          of <PoLink id={source.data.id} />
        </>
      ) : null}
    </span>
  );
}

function Actions({ po }: { po: Po }) {
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const { busy, said, setSaid, run } = useAction();
  const path = { params: { path: { id: po.id } } };
  const done = async (next: Po, text: string) => {
    qc.setQueryData(['purchase-orders', 'one', po.id], next);
    setMode('idle');
    flash(text);
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['purchase-orders'] }),
      qc.invalidateQueries({ queryKey: ['suppliers'] }),
      qc.invalidateQueries({ queryKey: ['supply'] }),
      qc.invalidateQueries({ queryKey: ['inbound'] }),
      qc.invalidateQueries({ queryKey: ['orders'] }),
    ]);
    return text;
  };
  const choose = (m: Mode) => {
    setMode(m);
    setSaid(null);
  };
  const s = po.status;
  const open = po.lines.filter(isOpenLine);
  return (
    <section className="panel pad" aria-labelledby="po-actions-title" id="po-actions">
      <h2 id="po-actions-title">Actions</h2>
      {mode === 'idle' ? (
        <div className="row-actions">
          {s === 'draft' ? (
            <button type="button" className="button primary" onClick={() => choose('send')}>
              Send to supplier
            </button>
          ) : null}
          {ANSWERABLE.includes(s) ? (
            <button type="button" className="button" onClick={() => choose('answer')}>
              Record answer
            </button>
          ) : null}
          {SHIPPABLE.includes(s) && open.length > 0 ? (
            <button type="button" className="button" onClick={() => choose('ship')}>
              Record shipment
            </button>
          ) : null}
          {RECEIVABLE.includes(s) && open.length > 0 ? (
            <button type="button" className="button" onClick={() => choose('receive')}>
              Receive
            </button>
          ) : null}
          {CANCELLABLE.includes(s) && po.lines.every((l) => l.receivedQuantity === 0) ? (
            <button type="button" className="button danger" onClick={() => choose('cancel')}>
              Cancel order
            </button>
          ) : null}
          {s === 'closed' || s === 'cancelled' || (s === 'received' && open.length === 0) ? <p className="muted">Nothing more to do: this order is {s}.</p> : null}
        </div>
      ) : null}
      {mode === 'send' ? (
        <div className="row-actions confirm">
          <span className="confirm-text">
            Send {po.id} ({num(po.lines.length)} {po.lines.length === 1 ? 'line' : 'lines'}, {money(po.total, po.currency)}) to the supplier now?
          </span>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void run(async () => done(await unwrap(api.POST('/v1/purchase-orders/{id}/send', { ...path, body: {} })), `Sent ${po.id} to the supplier.`))}
          >
            Yes, send it
          </button>
          <button type="button" className="button ghost" onClick={() => choose('idle')} autoFocus>
            Back
          </button>
        </div>
      ) : null}
      {mode === 'cancel' ? (
        <div className="row-actions confirm">
          <span className="confirm-text">Cancel {po.id}? Its open lines stop being expected stock, and promised dates that relied on them move.</span>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void run(async () => done(await unwrap(api.POST('/v1/purchase-orders/{id}/cancel', { ...path, body: {} })), `Cancelled ${po.id}.`))}
          >
            Yes, cancel it
          </button>
          <button type="button" className="button ghost" onClick={() => choose('idle')} autoFocus>
            Keep
          </button>
        </div>
      ) : null}
      {mode === 'answer' ? <AnswerForm po={po} busy={busy} onBack={() => choose('idle')} run={run} done={done} /> : null}
      {mode === 'ship' ? <QuantitiesForm po={po} kind="ship" busy={busy} onBack={() => choose('idle')} run={run} done={done} /> : null}
      {mode === 'receive' ? <QuantitiesForm po={po} kind="receive" busy={busy} onBack={() => choose('idle')} run={run} done={done} /> : null}
      <Notice said={said} />
    </section>
  );
}

type Run = (fn: () => Promise<string | void>) => Promise<void>;
type Done = (next: Po, text: string) => Promise<string>;
interface AnswerDraft {
  choice: 'none' | 'confirmed' | 'rejected';
  quantity: string;
  date: string;
  reason: string;
}

/** The supplier's answer, typed in by staff (an answer by phone, say): per line confirm (fewer, a date) or reject with a reason. */
function AnswerForm({ po, busy, onBack, run, done }: { po: Po; busy: boolean; onBack: () => void; run: Run; done: Done }) {
  const answerable = po.lines.filter((l) => l.status === 'open' || l.status === 'confirmed');
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>(() =>
    Object.fromEntries(answerable.map((l) => [l.id, { choice: 'none', quantity: String(l.confirmedQuantity ?? l.quantity), date: l.confirmedDate ?? l.expectedDate, reason: '' }])),
  );
  const [problem, setProblem] = useState('');
  const set = (id: string, change: Partial<AnswerDraft>) => setDrafts((all) => ({ ...all, [id]: { ...(all[id] as AnswerDraft), ...change } }));
  const submit = () => {
    const lines: Array<{ lineId: string; status: 'confirmed' | 'rejected'; quantity?: number; date?: string; reason?: string }> = [];
    for (const l of answerable) {
      const d = drafts[l.id];
      if (!d || d.choice === 'none') continue;
      if (d.choice === 'rejected') {
        if (!d.reason.trim()) return setProblem(`Say why ${l.sku} is rejected.`);
        lines.push({ lineId: l.id, status: 'rejected', reason: d.reason.trim() });
      } else {
        const quantity = Number(d.quantity);
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > l.quantity) return setProblem(`Confirm between 1 and ${l.quantity} units of ${l.sku}.`);
        lines.push({ lineId: l.id, status: 'confirmed', quantity, ...(d.date ? { date: d.date } : {}) });
      }
    }
    if (lines.length === 0) return setProblem('Choose confirm or reject for at least one line.');
    setProblem('');
    void run(async () => {
      const next = await unwrap(api.POST('/v1/purchase-orders/{id}/answer', { params: { path: { id: po.id } }, body: { lines } }));
      const rejected = lines.filter((l) => l.status === 'rejected').length;
      return done(next, `Recorded the answer for ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}${rejected ? `; failover re-sources what was rejected or cut` : ''}.`);
    });
  };
  return (
    <form
      className="subform"
      id="answer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>The supplier’s answer</h3>
      {answerable.length === 0 ? <p className="muted">No line waits for an answer.</p> : null}
      {answerable.map((l) => {
        const d = drafts[l.id] as AnswerDraft;
        const name = `answer-${l.id}`;
        return (
          <fieldset className="answer-line" key={l.id} data-line={l.id} data-sku={l.sku}>
            <legend>
              <code className="sku-code">{l.sku}</code> · {num(l.quantity)} ordered to {l.location}
            </legend>
            <div className="segmented" role="radiogroup" aria-label={`Answer for ${l.sku}`}>
              {(
                [
                  ['none', 'No answer yet'],
                  ['confirmed', 'Confirm'],
                  ['rejected', 'Reject'],
                ] as const
              ).map(([c, label]) => (
                <label key={c} className="seg">
                  <input type="radio" name={name} value={c} checked={d.choice === c} onChange={() => set(l.id, { choice: c })} />
                  {label}
                </label>
              ))}
            </div>
            {d.choice === 'confirmed' ? (
              <div className="form-grid">
                <div className="field">
                  <label htmlFor={`${name}-quantity`}>Units confirmed</label>
                  <input id={`${name}-quantity`} type="number" min={1} max={l.quantity} step={1} value={d.quantity} onChange={(e) => set(l.id, { quantity: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${name}-date`}>Delivery date</label>
                  <input id={`${name}-date`} type="date" min={todayIso()} value={d.date} onChange={(e) => set(l.id, { date: e.target.value })} />
                </div>
              </div>
            ) : null}
            {d.choice === 'rejected' ? (
              <div className="field">
                <label htmlFor={`${name}-reason`}>Reason</label>
                <input id={`${name}-reason`} maxLength={500} value={d.reason} onChange={(e) => set(l.id, { reason: e.target.value })} placeholder="out of production, …" />
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <div className="form-end">
        <p className="notice" role="status">
          {problem}
        </p>
        <button type="button" className="button ghost" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button primary" disabled={busy || answerable.length === 0}>
          Record answer
        </button>
      </div>
    </form>
  );
}

/** A shipment notice (units shipped so far per line) or a receipt (units arrived now, and whether the line is done). */
function QuantitiesForm({ po, kind, busy, onBack, run, done }: { po: Po; kind: 'ship' | 'receive'; busy: boolean; onBack: () => void; run: Run; done: Done }) {
  const lines = po.lines.filter(isOpenLine);
  const expected = (l: PoLine) => l.confirmedQuantity ?? l.quantity;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(lines.map((l) => [l.id, String(kind === 'ship' ? Math.max(l.shippedQuantity, expected(l)) : Math.max(0, expected(l) - l.receivedQuantity))])),
  );
  const [complete, setComplete] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState('');
  const submit = () => {
    const chosen = lines.map((l) => ({ l, n: Number(values[l.id] ?? '0') })).filter(({ l, n }) => (kind === 'ship' ? n !== l.shippedQuantity : n > 0));
    if (chosen.some(({ n }) => !Number.isInteger(n) || n < 1)) return setProblem('Quantities are whole numbers of at least 1.');
    if (chosen.length === 0) return setProblem(kind === 'ship' ? 'Change the shipped units of at least one line.' : 'Enter the units that arrived on at least one line.');
    setProblem('');
    void run(async () => {
      const path = { params: { path: { id: po.id } } };
      const next =
        kind === 'ship'
          ? await unwrap(api.POST('/v1/purchase-orders/{id}/ship', { ...path, body: { lines: chosen.map(({ l, n }) => ({ lineId: l.id, quantity: n })) } }))
          : await unwrap(api.POST('/v1/purchase-orders/{id}/receive', { ...path, body: { lines: chosen.map(({ l, n }) => ({ lineId: l.id, quantity: n, ...(complete[l.id] ? { complete: true } : {}) })) } }));
      const units = chosen.reduce((s, c) => s + c.n, 0);
      return done(next, kind === 'ship' ? `Recorded the shipment: ${num(units)} units on ${chosen.length} ${chosen.length === 1 ? 'line' : 'lines'}.` : `Received ${num(units)} units into stock; waiting orders were served first.`);
    });
  };
  return (
    <form
      className="subform"
      id={`${kind}-form`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{kind === 'ship' ? 'Shipment notice' : 'Receive into stock'}</h3>
      <p className="hint">{kind === 'ship' ? 'Units shipped so far per line, as the supplier notified.' : 'Units that arrived now, per line. Tick “nothing more” to close a line short.'}</p>
      <div className="form-grid">
        {lines.map((l) => (
          <div className="field" key={l.id} data-line={l.id}>
            <label htmlFor={`${kind}-${l.id}`}>
              {l.sku} at {l.location} ({kind === 'ship' ? `${num(l.shippedQuantity)} shipped` : `${num(l.receivedQuantity)} of ${num(expected(l))} received`})
            </label>
            <input id={`${kind}-${l.id}`} type="number" min={0} step={1} value={values[l.id] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [l.id]: e.target.value }))} />
            {kind === 'receive' ? (
              <label className="check inline small">
                <input type="checkbox" checked={complete[l.id] ?? false} onChange={(e) => setComplete((c) => ({ ...c, [l.id]: e.target.checked }))} />
                <span>nothing more is coming</span>
              </label>
            ) : null}
          </div>
        ))}
      </div>
      <div className="form-end">
        <p className="notice" role="status">
          {problem}
        </p>
        <button type="button" className="button ghost" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {kind === 'ship' ? 'Record shipment' : 'Receive now'}
        </button>
      </div>
    </form>
  );
}

function DecisionLog({ decisions, error }: { decisions: SupplyDecision[] | undefined; error: unknown }) {
  return (
    <section className="panel pad" aria-labelledby="decisions-title" id="decisions">
      <div className="section-head">
        <h2 id="decisions-title">Failover decisions</h2>
        <span className="muted small">what was re-sourced, from which candidates, and why</span>
      </div>
      {error ? (
        <p className="notice" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {decisions && decisions.length === 0 ? <p className="muted">No failover decision on this order: nothing was rejected, cut or late.</p> : null}
      {(decisions ?? []).map((d) => (
        <Decision key={d.id} d={d} />
      ))}
    </section>
  );
}

function Decision({ d }: { d: SupplyDecision }) {
  const chosenCandidate = d.chosen ? d.candidates.find((c) => c.offerId === d.chosen?.offerId) : undefined;
  return (
    <article className="decision" data-decision={d.id} data-line={d.lineId}>
      <header className="decision-head">
        <Pill tone={d.chosen ? 'green' : 'red'}>{d.chosen ? 'Re-sourced' : 'Not sourced'}</Pill>
        <strong>{TRIGGER_WORDS[d.trigger] ?? d.trigger}</strong>
        <span>
          {num(d.quantity)} unfilled {d.quantity === 1 ? 'unit' : 'units'} on line <span className="mono">{d.lineId}</span>
        </span>
        <Stamp iso={d.at} />
      </header>
      <p className="decision-choice">
        {d.chosen ? (
          <>
            {num(d.chosen.quantity)} {d.chosen.quantity === 1 ? 'unit' : 'units'} ordered from <SupplierLink id={d.chosen.supplierId} /> on <PoLink id={d.chosen.poId} />
            {chosenCandidate ? ` (score ${chosenCandidate.score.toFixed(2)})` : ''}.{' '}
          </>
        ) : (
          <strong className="error-text">Nothing could be sourced: the line is flagged for an operator. </strong>
        )}
        <span className="decision-reason">{d.reason}</span>
      </p>
      {d.candidates.length > 0 ? (
        <div className="table-scroll">
          <table className="data cards-on-phone candidates">
            <caption className="visually-hidden">Candidates for line {d.lineId}</caption>
            <thead>
              <tr>
                <th scope="col">Supplier</th>
                <th scope="col" className="num">
                  Unit cost
                </th>
                <th scope="col" className="num">
                  Landed
                </th>
                <th scope="col">Arrives</th>
                <th scope="col" className="num">
                  Reliability
                </th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Eligible</th>
              </tr>
            </thead>
            <tbody>
              {d.candidates.map((c) => (
                <tr key={c.offerId} data-offer={c.offerId} className={c.offerId === d.chosen?.offerId ? 'selected' : undefined}>
                  <td data-label="Supplier">
                    <Link className="link" href={`/suppliers/${encodeURIComponent(c.supplierId)}`}>
                      {c.supplierName}
                    </Link>
                    {c.offerId === d.chosen?.offerId ? <Pill tone="green">chosen</Pill> : null}
                  </td>
                  <td className="num tabular" data-label="Unit cost">
                    {num(c.unitCost)}
                  </td>
                  <td className="num tabular" data-label="Landed">
                    {num(c.landedUnitCost)}
                  </td>
                  <td data-label="Arrives">
                    <CalDate iso={c.expectedArrival} />
                  </td>
                  <td className="num tabular" data-label="Reliability">
                    {rate(c.reliability)}
                  </td>
                  <td className="num tabular" data-label="Score">
                    {c.score.toFixed(2)}
                  </td>
                  <td data-label="Eligible">
                    {c.eligible ? <Pill tone="green">Yes</Pill> : <Pill tone="red">No</Pill>}
                    <span className="sub muted why">{c.why}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">No other supplier has an offer for this SKU.</p>
      )}
    </article>
  );
}

