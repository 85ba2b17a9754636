/**
 * Settings: who on the staff is emailed when a SKU runs low or out of stock (GET/PUT /v1/settings/alerts), and
 * supply failover (GET/PUT /v1/settings/supply): on or off, the status of the orders it creates, the grace
 * before a confirmed line counts as late, and the weights of the sourcing score.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorText, fieldErrorText, unwrap } from '../app/api.ts';
import type { AlertSettings, SupplySettings } from '../app/types.ts';
import { Field, OutcomeLine, useTitle, type Outcome } from '../components/ui.tsx';

export const MAX_ALERT_RECIPIENTS = 20;

/** One address a line, or separated by commas or spaces; each once, whatever its case. */
export function parseRecipients(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean)) {
    if (seen.has(r.toLowerCase())) continue;
    seen.add(r.toLowerCase());
    out.push(r);
  }
  return out;
}

export default function Settings() {
  useTitle('Settings');
  const q = useQuery({ queryKey: ['settings', 'alerts'], queryFn: () => unwrap(api.GET('/v1/settings/alerts')) });
  return (
    <div className="page settings">
      <div className="section-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            Also here: the waitlist policy on <Link href="/waitlists">Waitlists</Link>, allocation and checkout on <Link href="/orders">Backorders &amp; pre-orders</Link>.
          </p>
        </div>
      </div>
      {q.isError ? (
        <p className="notice" role="alert">
          {errorText(q.error)}
        </p>
      ) : null}
      {q.data ? <AlertsForm settings={q.data} /> : q.isPending ? <p className="muted">Loading…</p> : null}
      <Supply />
    </div>
  );
}

function AlertsForm({ settings }: { settings: AlertSettings }) {
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = useMutation({
    mutationFn: (s: AlertSettings) => unwrap(api.PUT('/v1/settings/alerts', { body: s })),
    onSuccess: (s) => {
      qc.setQueryData(['settings', 'alerts'], s);
      const what = [s.lowStock ? 'low stock' : null, s.outOfStock ? 'out of stock' : null].filter(Boolean).join(' and ');
      setOutcome({
        ok: true,
        text:
          s.recipients.length === 0 || !what
            ? 'Saved: no stock alerts are sent.'
            : `Saved: ${s.recipients.length} ${s.recipients.length === 1 ? 'person is' : 'people are'} emailed when a SKU runs ${what}.`,
      });
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const recipients = parseRecipients(String(f.get('recipients') ?? ''));
    if (recipients.length > MAX_ALERT_RECIPIENTS) {
      setOutcome({ ok: false, text: `At most ${MAX_ALERT_RECIPIENTS} recipients; this list has ${recipients.length}.` });
      return;
    }
    setOutcome(null);
    save.mutate({ recipients, lowStock: f.get('lowStock') === 'on', outOfStock: f.get('outOfStock') === 'on' });
  };
  return (
    <section className="panel pad settings-panel" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Stock alerts to staff</h2>
      <p className="muted">One email per person each time a SKU goes low or out of stock; not again until it has recovered.</p>
      <form className="form-stack" id="alerts-form" onSubmit={submit}>
        <Field label="Who gets them" htmlFor="alert-recipients" hint={`Email addresses, one a line (at most ${MAX_ALERT_RECIPIENTS}). Empty: no alerts.`}>
          <textarea id="alert-recipients" name="recipients" rows={4} defaultValue={settings.recipients.join('\n')} aria-describedby="alert-recipients-hint" spellCheck={false} autoComplete="off" />
        </Field>
        <fieldset className="choices">
          <legend className="visually-hidden">Which alerts</legend>
          <label className="check">
            <input type="checkbox" name="lowStock" defaultChecked={settings.lowStock} />
            <span>
              <strong>Low stock</strong>
              <small>When what is left to sell falls to the product's low-stock level.</small>
            </span>
          </label>
          <label className="check">
            <input type="checkbox" name="outOfStock" defaultChecked={settings.outOfStock} />
            <span>
              <strong>Out of stock</strong>
              <small>When a SKU sells out, or has only backorders left to sell.</small>
            </span>
          </label>
        </fieldset>
        <div className="form-end">
          <OutcomeLine outcome={outcome} id="alerts-result" />
          <button type="submit" className="button primary" disabled={save.isPending}>
            Save alerts
          </button>
        </div>
      </form>
    </section>
  );
}

const SUPPLY_KEY = ['settings', 'supply'];

function Supply() {
  const q = useQuery({ queryKey: SUPPLY_KEY, queryFn: () => unwrap(api.GET('/v1/settings/supply')) });
  if (q.isError) {
    return (
      <section className="panel pad settings-panel" aria-labelledby="supply-settings-title">
        <h2 id="supply-settings-title">Supply</h2>
        <p className="notice" role="alert">
          {errorText(q.error)}
        </p>
      </section>
    );
  }
  return q.data ? <SupplyForm settings={q.data} /> : <p className="muted">Loading…</p>;
}

function SupplyForm({ settings }: { settings: SupplySettings }) {
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = useMutation({
    mutationFn: (s: SupplySettings) => unwrap(api.PUT('/v1/settings/supply', { body: s })),
    onSuccess: async (s) => {
      qc.setQueryData(SUPPLY_KEY, s);
      await qc.invalidateQueries({ queryKey: ['supply'] });
      setOutcome({
        ok: true,
        text: s.failover
          ? `Saved: failover re-sources unfilled lines onto ${s.resourcedPoStatus === 'sent' ? 'orders sent at once' : 'draft orders for you to send'}; a confirmed line is late ${s.shipGraceDays} ${s.shipGraceDays === 1 ? 'day' : 'days'} after its date.`
          : 'Saved: failover is off; rejected, cut and late lines wait for you.',
      });
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const n = (k: string) => Number(f.get(k) ?? '');
    const weights = { cost: n('cost'), arrival: n('arrival'), reliability: n('reliability') };
    if (Object.values(weights).some((w) => !Number.isFinite(w) || w < 0)) return setOutcome({ ok: false, text: 'Weights are numbers of 0 or more.' });
    if (weights.cost + weights.arrival + weights.reliability <= 0) return setOutcome({ ok: false, text: 'At least one weight must be above 0.' });
    const shipGraceDays = n('shipGraceDays');
    if (!Number.isInteger(shipGraceDays) || shipGraceDays < 0) return setOutcome({ ok: false, text: 'Grace days are a whole number, 0 or more.' });
    setOutcome(null);
    save.mutate({ failover: f.get('failover') === 'on', resourcedPoStatus: f.get('resourcedPoStatus') === 'draft' ? 'draft' : 'sent', shipGraceDays, weights });
  };
  return (
    <section className="panel pad settings-panel" aria-labelledby="supply-settings-title">
      <h2 id="supply-settings-title">Supply</h2>
      <p className="muted">When a supplier rejects a line, confirms it short, does not answer in time or does not ship by the confirmed date, failover orders the rest from the next supplier.</p>
      <form className="form-stack" id="supply-form" onSubmit={submit}>
        <label className="check">
          <input type="checkbox" name="failover" defaultChecked={settings.failover} />
          <span>
            <strong>Failover</strong>
            <small>Re-source unfilled lines by itself. Each SKU and each supplier can also be switched off on its own page.</small>
          </span>
        </label>
        <fieldset className="choices">
          <legend>Orders failover creates or extends</legend>
          <label className="choice" htmlFor="resourced-sent">
            <input type="radio" id="resourced-sent" name="resourcedPoStatus" value="sent" defaultChecked={settings.resourcedPoStatus === 'sent'} />
            <span>
              <strong>Sent at once</strong>
              <small>The next supplier gets the order straight away.</small>
            </span>
          </label>
          <label className="choice" htmlFor="resourced-draft">
            <input type="radio" id="resourced-draft" name="resourcedPoStatus" value="draft" defaultChecked={settings.resourcedPoStatus === 'draft'} />
            <span>
              <strong>Drafts</strong>
              <small>Someone checks and sends each one.</small>
            </span>
          </label>
        </fieldset>
        <div className="form-grid">
          <Field label="Ship grace (days)" htmlFor="ship-grace" hint="Days after the confirmed date before a line that has not shipped is re-sourced." className="span-2">
            <input id="ship-grace" name="shipGraceDays" type="number" min={0} step={1} defaultValue={settings.shipGraceDays} aria-describedby="ship-grace-hint" />
          </Field>
        </div>
        <fieldset className="choices">
          <legend>Sourcing weights</legend>
          <p className="hint">How much each counts when failover scores the candidates; only their proportions matter.</p>
          <div className="form-grid three">
            <Field label="Cost" htmlFor="weight-cost">
              <input id="weight-cost" name="cost" type="number" min={0} step="any" defaultValue={settings.weights.cost} />
            </Field>
            <Field label="Arrival" htmlFor="weight-arrival">
              <input id="weight-arrival" name="arrival" type="number" min={0} step="any" defaultValue={settings.weights.arrival} />
            </Field>
            <Field label="Reliability" htmlFor="weight-reliability">
              <input id="weight-reliability" name="reliability" type="number" min={0} step="any" defaultValue={settings.weights.reliability} />
            </Field>
          </div>
        </fieldset>
        <div className="form-end">
          <OutcomeLine outcome={outcome} id="supply-result" />
          <button type="submit" className="button primary" disabled={save.isPending}>
            Save supply settings
          </button>
        </div>
      </form>
    </section>
  );
}
