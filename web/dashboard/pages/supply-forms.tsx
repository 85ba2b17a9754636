/**
 * The forms for a supplier (POST /v1/suppliers, PATCH /v1/suppliers/:id) and an offer (POST
 * /v1/suppliers/:id/offers, PATCH /v1/offers/:id): every field of the API, the API's refusal shown beside the
 * input it names.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, fieldErrors, unwrap } from '../app/api.ts';
import { SUPPLIER_CHANNELS, type Offer, type Supplier, type SupplierChannel } from '../app/types.ts';
import { Field, OutcomeLine, type Outcome } from '../components/ui.tsx';
import { CHANNEL_WORDS, FieldError, invalidProps } from './supply-ui.tsx';

/** An API refusal shown in a form: each message beside its input, a summary line, and the focus on the first refused input. */
function showRefusal(err: unknown, form: HTMLFormElement, fieldOf: Record<string, string>, setErrors: (e: Record<string, string>) => void, setOutcome: (o: Outcome) => void): void {
  const fe = fieldErrors(err, fieldOf);
  setErrors(fe);
  setOutcome({ ok: false, text: fe[''] ?? 'Check the fields marked in red.' });
  const first = Object.keys(fe).find((k) => k);
  if (first) requestAnimationFrame(() => form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
}

type Errors = Record<string, string>;

/** '' → undefined, else the number (NaN stays NaN: the API says why it is refused). */
const numberOrUndefined = (v: FormDataEntryValue | null): number | undefined => {
  const s = String(v ?? '').trim();
  return s === '' ? undefined : Number(s);
};

export function SupplierForm({ supplier, onSaved, onCancel }: { supplier: Supplier | null; onSaved?: (s: Supplier) => void; onCancel?: () => void }) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [channel, setChannel] = useState<SupplierChannel>(supplier?.channel ?? 'email');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const body = {
      name: text('name'),
      email: text('email'),
      channel,
      currency: text('currency').toUpperCase(),
      leadTimeDays: numberOrUndefined(f.get('leadTimeDays')) ?? 0,
      leadTimeSdDays: numberOrUndefined(f.get('leadTimeSdDays')) ?? 0,
      ackDeadlineHours: numberOrUndefined(f.get('ackDeadlineHours')) ?? 48,
      minOrderValue: numberOrUndefined(f.get('minOrderValue')) ?? 0,
      regions: text('regions')
        .split(/[\s,;]+/)
        .filter(Boolean),
      active: f.get('active') === 'on',
      failover: f.get('failover') === 'on',
      webhookUrl: channel === 'webhook' ? text('webhookUrl') || null : null,
    };
    setBusy(true);
    setErrors({});
    setOutcome(null);
    try {
      const saved = supplier
        ? await unwrap(api.PATCH('/v1/suppliers/{id}', { params: { path: { id: supplier.id } }, body }))
        : await unwrap(api.POST('/v1/suppliers', { body }));
      setOutcome({ ok: true, text: supplier ? `Saved ${saved.name}.` : `Added ${saved.name} (${saved.id}).` });
      if (!supplier) form.reset();
      await qc.invalidateQueries({ queryKey: ['suppliers'] });
      onSaved?.(saved);
    } catch (err) {
      showRefusal(err, form, { invalid_webhook_url: 'webhookUrl' }, setErrors, setOutcome);
    } finally {
      setBusy(false);
    }
  };
  const s = supplier;
  const input = (name: string, label: string, props: Record<string, unknown>, opts: { hint?: string; span?: boolean } = {}) => {
    const id = `supplier-${name}`;
    return (
      <Field label={label} htmlFor={id} hint={opts.hint} className={opts.span ? 'span-2' : undefined}>
        <input id={id} name={name} {...props} {...invalidProps(id, errors[name])} />
        <FieldError id={id} text={errors[name]} />
      </Field>
    );
  };
  return (
    <form className="form-stack" id="supplier-form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        {input('name', 'Name', { defaultValue: s?.name ?? '', required: true, maxLength: 200, autoComplete: 'off' }, { span: true })}
        {input('email', 'Order email', { type: 'email', defaultValue: s?.email ?? '', required: true, maxLength: 320, autoComplete: 'off', spellCheck: false }, { span: true })}
        <Field label="Channel" htmlFor="supplier-channel" hint="How a sent order reaches them.">
          <select id="supplier-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as SupplierChannel)} {...invalidProps('supplier-channel', errors.channel)}>
            {SUPPLIER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_WORDS[c]}
              </option>
            ))}
          </select>
          <FieldError id="supplier-channel" text={errors.channel} />
        </Field>
        {input('currency', 'Currency', { defaultValue: s?.currency ?? 'EUR', required: true, maxLength: 3, placeholder: 'EUR', autoComplete: 'off' }, { hint: 'ISO code, like EUR.' })}
        {channel === 'webhook' ? input('webhookUrl', 'Webhook URL', { type: 'url', defaultValue: s?.webhookUrl ?? '', maxLength: 2000, placeholder: 'https://…', spellCheck: false }, { span: true, hint: 'Signed POSTs with the order go here.' }) : null}
        {input('leadTimeDays', 'Lead time (days)', { type: 'number', step: 'any', defaultValue: s?.leadTimeDays ?? 7, required: true }, { hint: 'Mean, order to arrival.' })}
        {input('leadTimeSdDays', 'Lead time spread (days)', { type: 'number', step: 'any', defaultValue: s?.leadTimeSdDays ?? 0 }, { hint: 'Standard deviation.' })}
        {input('ackDeadlineHours', 'Answer within (hours)', { type: 'number', step: 'any', defaultValue: s?.ackDeadlineHours ?? 48 }, { hint: 'Else failover re-sources.' })}
        {input('minOrderValue', 'Minimum order value', { type: 'number', step: 'any', defaultValue: s?.minOrderValue ?? 0 })}
        {input('regions', 'Ships to regions', { defaultValue: (s?.regions ?? []).join(', '), placeholder: 'EU, US', autoComplete: 'off' }, { span: true, hint: 'Separated by commas; empty: everywhere.' })}
      </div>
      <fieldset className="choices">
        <legend className="visually-hidden">Switches</legend>
        <label className="check">
          <input type="checkbox" name="active" defaultChecked={s?.active ?? true} />
          <span>
            <strong>Active</strong>
            <small>Inactive suppliers get no new orders and are never chosen by failover.</small>
          </span>
        </label>
        <label className="check">
          <input type="checkbox" name="failover" defaultChecked={s?.failover ?? true} />
          <span>
            <strong>Failover</strong>
            <small>Re-source what this supplier rejects, cuts or misses, and let failover choose it.</small>
          </span>
        </label>
      </fieldset>
      <div className="form-end">
        <OutcomeLine outcome={outcome} id="supplier-result" />
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {supplier ? 'Save supplier' : 'Add supplier'}
        </button>
      </div>
    </form>
  );
}

export function OfferForm({ supplierId, offer, onDone }: { supplierId: string; offer: Offer | null; onDone: () => void }) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const fields = {
      supplierSku: text('supplierSku') || null,
      unitCost: numberOrUndefined(f.get('unitCost')) ?? Number.NaN,
      minQuantity: numberOrUndefined(f.get('minQuantity')) ?? 1,
      multiple: numberOrUndefined(f.get('multiple')) ?? 1,
      leadTimeDays: numberOrUndefined(f.get('leadTimeDays')) ?? null,
      priority: numberOrUndefined(f.get('priority')) ?? 0,
      validFrom: text('validFrom') || null,
      validTo: text('validTo') || null,
      active: f.get('active') === 'on',
    };
    setBusy(true);
    setErrors({});
    setOutcome(null);
    try {
      if (offer) {
        await unwrap(api.PATCH('/v1/offers/{id}', { params: { path: { id: offer.id } }, body: fields }));
      } else {
        await unwrap(api.POST('/v1/suppliers/{id}/offers', { params: { path: { id: supplierId } }, body: { sku: text('sku'), ...fields } }));
        form.reset();
      }
      setOutcome({ ok: true, text: offer ? `Saved the offer for ${offer.sku}.` : `Added the offer for ${text('sku')}.` });
      await qc.invalidateQueries({ queryKey: ['suppliers', supplierId] });
      await qc.invalidateQueries({ queryKey: ['supply'] });
      if (offer) onDone();
    } catch (err) {
      showRefusal(err, form, { unknown_sku: 'sku' }, setErrors, setOutcome);
    } finally {
      setBusy(false);
    }
  };
  const o = offer;
  const input = (name: string, label: string, props: Record<string, unknown>, hint?: string) => {
    const id = `offer-${name}`;
    return (
      <Field label={label} htmlFor={id} hint={hint}>
        <input id={id} name={name} {...props} {...invalidProps(id, errors[name])} />
        <FieldError id={id} text={errors[name]} />
      </Field>
    );
  };
  return (
    <form className="form-stack" id="offer-form" noValidate onSubmit={(e) => void submit(e)} key={o?.id ?? 'new'}>
      <div className="form-grid">
        {input('sku', 'SKU', { defaultValue: o?.sku ?? '', required: true, disabled: !!o, autoComplete: 'off', spellCheck: false })}
        {input('supplierSku', 'Their SKU', { defaultValue: o?.supplierSku ?? '', maxLength: 200, autoComplete: 'off' })}
        {input('unitCost', 'Unit cost', { type: 'number', step: 'any', defaultValue: o?.unitCost ?? '', required: true })}
        {input('leadTimeDays', 'Lead time (days)', { type: 'number', step: 1, defaultValue: o?.leadTimeDays ?? '', placeholder: 'supplier’s' }, 'Empty: the supplier’s.')}
        {input('minQuantity', 'Minimum quantity', { type: 'number', step: 1, defaultValue: o?.minQuantity ?? 1 })}
        {input('multiple', 'Order multiple', { type: 'number', step: 1, defaultValue: o?.multiple ?? 1 }, 'Pack size.')}
        {input('priority', 'Priority', { type: 'number', step: 1, defaultValue: o?.priority ?? 0 }, 'Lower first.')}
        <div />
        {input('validFrom', 'Valid from', { type: 'date', defaultValue: o?.validFrom ?? '' })}
        {input('validTo', 'Valid to', { type: 'date', defaultValue: o?.validTo ?? '' })}
      </div>
      <label className="check">
        <input type="checkbox" name="active" defaultChecked={o?.active ?? true} />
        <span>
          <strong>Active</strong>
          <small>An inactive or expired offer is never chosen.</small>
        </span>
      </label>
      <div className="form-end">
        <OutcomeLine outcome={outcome} id="offer-result" />
        {o ? (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {o ? 'Save offer' : 'Add offer'}
        </button>
      </div>
    </form>
  );
}
