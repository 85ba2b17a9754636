/**
 * Settings: who on the staff is emailed when a SKU runs low or out of stock (GET/PUT /v1/settings/alerts).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorText, fieldErrorText, unwrap } from '../app/api.ts';
import type { AlertSettings } from '../app/types.ts';
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
