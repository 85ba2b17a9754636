/**
 * A product's details and its stock policy, read as words ("New release: Yes", not "newRelease true") and
 * edited in one form: title, price, status, category, brand, description, attributes; whether stock is
 * tracked, the low-stock alert level, backorders and pre-orders with their caps, lead time and release date.
 * Saved with PATCH /v1/products/{sku} (only what changed).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, fieldErrorText, unwrap } from '../app/api.ts';
import type { paths } from 'restock/client';
import { attributeValue, calendarDate, money, num, words } from '../app/format.ts';
import type { Product } from '../app/types.ts';
import { Field, OutcomeLine, type Outcome } from './ui.tsx';

type ProductPatch = paths['/v1/products/{sku}']['patch']['requestBody']['content']['application/json'];
type AttrValue = string | number | boolean;
interface AttrRow {
  id: number;
  name: string;
  value: AttrValue;
}

const PRODUCT_STATUS_WORDS: Record<Product['status'], string> = { active: 'Active (on sale)', upcoming: 'Upcoming (not released yet)', discontinued: 'Discontinued' };

let attrIds = 0;
function rowsOf(attributes: Record<string, unknown>): AttrRow[] {
  return Object.entries(attributes).map(([name, v]) => ({ id: ++attrIds, name, value: typeof v === 'boolean' || typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v) }));
}

/** The policy in a sentence or two, for the read view. */
export function policyWords(p: Product['policy']): string[] {
  const out: string[] = [];
  if (!p.trackInventory) out.push('Stock is not tracked: always available.');
  else out.push(`Low-stock alert at ${num(p.lowStockThreshold)} ${p.lowStockThreshold === 1 ? 'unit' : 'units'} or fewer.`);
  if (p.allowBackorder) out.push(`Backorders allowed${p.backorderLimit !== null ? `, up to ${num(p.backorderLimit)} units` : ', no cap'}.`);
  else out.push('No backorders: it sells out.');
  if (p.allowPreorder) out.push(`Pre-orders allowed${p.preorderLimit !== null ? `, up to ${num(p.preorderLimit)} units` : ', no cap'}${p.releaseDate ? `; releases ${calendarDate(p.releaseDate)}` : ''}.`);
  else if (p.releaseDate) out.push(`Releases ${calendarDate(p.releaseDate)}.`);
  if (p.leadTimeDays !== null) out.push(`Restocks take ${num(p.leadTimeDays)} ${p.leadTimeDays === 1 ? 'day' : 'days'}.`);
  return out;
}

const intOrNull = (s: FormDataEntryValue | null): number | null => {
  const t = String(s ?? '').trim();
  return t === '' ? null : Number(t);
};

export function ProductEditor({ product }: { product: Product }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [attrs, setAttrs] = useState<AttrRow[]>(() => rowsOf(product.attributes));
  const [allowBackorder, setAllowBackorder] = useState(product.policy.allowBackorder);
  const [allowPreorder, setAllowPreorder] = useState(product.policy.allowPreorder);
  const [track, setTrack] = useState(product.policy.trackInventory);

  const save = useMutation({
    mutationFn: (patch: ProductPatch) => unwrap(api.PATCH('/v1/products/{sku}', { params: { path: { sku: product.sku } }, body: patch })),
    onSuccess: async (p) => {
      qc.setQueryData(['sku', product.sku, 'product'], p);
      setOutcome({ ok: true, text: 'Saved. The storefront shows the new details and availability now.' });
      setEditing(false);
      await qc.invalidateQueries({ queryKey: ['sku', product.sku] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
      await qc.invalidateQueries({ queryKey: ['overview'] });
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });

  const start = () => {
    setAttrs(rowsOf(product.attributes));
    setAllowBackorder(product.policy.allowBackorder);
    setAllowPreorder(product.policy.allowPreorder);
    setTrack(product.policy.trackInventory);
    setOutcome(null);
    setEditing(true);
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const attributes: Record<string, AttrValue> = {};
    for (const a of attrs) {
      const name = a.name.trim();
      if (!name) continue;
      attributes[name] = a.value;
    }
    const policy = {
      trackInventory: track,
      lowStockThreshold: Number(f.get('lowStockThreshold') ?? 0),
      allowBackorder,
      backorderLimit: allowBackorder ? intOrNull(f.get('backorderLimit')) : product.policy.backorderLimit,
      allowPreorder,
      preorderLimit: allowPreorder ? intOrNull(f.get('preorderLimit')) : product.policy.preorderLimit,
      releaseDate: String(f.get('releaseDate') ?? '') || null,
      leadTimeDays: intOrNull(f.get('leadTimeDays')),
    };
    const next = {
      title: String(f.get('title') ?? '').trim(),
      price: String(f.get('price') ?? '').trim(),
      status: String(f.get('status') ?? product.status) as Product['status'],
      category: String(f.get('category') ?? '').trim(),
      brand: String(f.get('brand') ?? '').trim(),
      description: String(f.get('description') ?? ''),
    };
    // Only what changed goes to the server.
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) if (v !== product[k as keyof typeof next]) patch[k] = v;
    if (JSON.stringify(attributes) !== JSON.stringify(product.attributes)) patch.attributes = attributes;
    const policyPatch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(policy)) if (v !== product.policy[k as keyof typeof policy]) policyPatch[k] = v;
    if (Object.keys(policyPatch).length > 0) patch.policy = policyPatch;
    if (Object.keys(patch).length === 0) {
      setOutcome({ ok: true, text: 'Nothing changed.' });
      setEditing(false);
      return;
    }
    save.mutate(patch as ProductPatch);
  };

  const setAttr = (id: number, change: Partial<AttrRow>) => setAttrs((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const p = product.policy;

  if (!editing) {
    const attributes = Object.entries(product.attributes);
    return (
      <section className="panel pad product" aria-labelledby="product-title">
        <div className="section-head">
          <h2 id="product-title">Product and stock policy</h2>
          <button type="button" className="button small" onClick={start}>
            Edit
          </button>
        </div>
        <OutcomeLine outcome={outcome} />
        <dl className="facts">
          <div>
            <dt>Price</dt>
            <dd>{money(product.price, product.currency)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{PRODUCT_STATUS_WORDS[product.status]}</dd>
          </div>
          {product.category ? (
            <div>
              <dt>Category</dt>
              <dd>{product.category}</dd>
            </div>
          ) : null}
          {product.brand ? (
            <div>
              <dt>Brand</dt>
              <dd>{product.brand}</dd>
            </div>
          ) : null}
          {attributes.map(([k, v]) => (
            <div key={k} data-attribute={k}>
              <dt>{words(k)}</dt>
              <dd>{attributeValue(v)}</dd>
            </div>
          ))}
        </dl>
        {product.description ? <p className="description">{product.description}</p> : null}
        <ul className="policy-words">
          {policyWords(p).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section className="panel pad product" aria-labelledby="product-title">
      <h2 id="product-title">Edit product and stock policy</h2>
      <form className="form-stack" id="product-form" onSubmit={submit}>
        <div className="form-grid">
          <Field label="Title" htmlFor="p-title" className="span-2">
            <input id="p-title" name="title" defaultValue={product.title} required maxLength={300} />
          </Field>
          <Field label={`Price (${product.currency})`} htmlFor="p-price">
            <input id="p-price" name="price" defaultValue={product.price} required inputMode="decimal" />
          </Field>
          <Field label="Status" htmlFor="p-status">
            <select id="p-status" name="status" defaultValue={product.status}>
              {(Object.keys(PRODUCT_STATUS_WORDS) as Array<Product['status']>).map((s) => (
                <option key={s} value={s}>
                  {PRODUCT_STATUS_WORDS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Category" htmlFor="p-category">
            <input id="p-category" name="category" defaultValue={product.category} maxLength={100} />
          </Field>
          <Field label="Brand" htmlFor="p-brand">
            <input id="p-brand" name="brand" defaultValue={product.brand} maxLength={100} />
          </Field>
          <Field label="Description" htmlFor="p-description" className="span-2">
            <textarea id="p-description" name="description" defaultValue={product.description} rows={3} />
          </Field>
        </div>

        <fieldset className="tier-box">
          <legend>Attributes</legend>
          {attrs.length === 0 ? <p className="muted small">No attributes.</p> : null}
          {attrs.map((a) => (
            <div className="attr-row" key={a.id}>
              <label className="visually-hidden" htmlFor={`attr-name-${a.id}`}>
                Attribute name
              </label>
              <input id={`attr-name-${a.id}`} value={a.name} placeholder="name" onChange={(e) => setAttr(a.id, { name: e.target.value })} />
              {typeof a.value === 'boolean' ? (
                <label className="check inline">
                  <input type="checkbox" checked={a.value} onChange={(e) => setAttr(a.id, { value: e.target.checked })} /> {a.name ? words(a.name) : 'Yes'}
                </label>
              ) : (
                <>
                  <label className="visually-hidden" htmlFor={`attr-value-${a.id}`}>
                    Value of {a.name || 'the attribute'}
                  </label>
                  <input
                    id={`attr-value-${a.id}`}
                    value={String(a.value)}
                    placeholder="value"
                    onChange={(e) => setAttr(a.id, { value: typeof a.value === 'number' && e.target.value.trim() !== '' && Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : e.target.value })}
                  />
                </>
              )}
              <button type="button" className="button small ghost" aria-label={`Remove ${a.name || 'attribute'}`} onClick={() => setAttrs((rows) => rows.filter((r) => r.id !== a.id))}>
                ✕
              </button>
            </div>
          ))}
          <div className="row-actions">
            <button type="button" className="button small" onClick={() => setAttrs((rows) => [...rows, { id: ++attrIds, name: '', value: '' }])}>
              + Text attribute
            </button>
            <button type="button" className="button small" onClick={() => setAttrs((rows) => [...rows, { id: ++attrIds, name: '', value: true }])}>
              + Yes/no attribute
            </button>
          </div>
        </fieldset>

        <fieldset className="tier-box">
          <legend>Stock policy</legend>
          <label className="check">
            <input type="checkbox" name="trackInventory" checked={track} onChange={(e) => setTrack(e.target.checked)} />
            <span>
              <strong>Track stock</strong>
              <small>Off: the product is always available, whatever the counts say.</small>
            </span>
          </label>
          <div className="form-grid">
            <Field label="Low-stock alert at" htmlFor="p-low" hint="Available at or below this shows as low stock and alerts staff.">
              <input id="p-low" name="lowStockThreshold" type="number" min={0} step={1} defaultValue={p.lowStockThreshold} required aria-describedby="p-low-hint" />
            </Field>
            <Field label="Lead time (days)" htmlFor="p-lead" hint="How long a restock takes; empty when unknown.">
              <input id="p-lead" name="leadTimeDays" type="number" min={0} step={1} defaultValue={p.leadTimeDays ?? ''} aria-describedby="p-lead-hint" />
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={allowBackorder} onChange={(e) => setAllowBackorder(e.target.checked)} id="p-backorder" />
            <span>
              <strong>Allow backorders</strong>
              <small>Shoppers can order when it is out; they get the date of the next delivery.</small>
            </span>
          </label>
          {allowBackorder ? (
            <Field label="Backorder cap (units)" htmlFor="p-backorder-limit" hint="Empty: no cap.">
              <input id="p-backorder-limit" name="backorderLimit" type="number" min={0} step={1} defaultValue={p.backorderLimit ?? ''} aria-describedby="p-backorder-limit-hint" />
            </Field>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={allowPreorder} onChange={(e) => setAllowPreorder(e.target.checked)} id="p-preorder" />
            <span>
              <strong>Allow pre-orders</strong>
              <small>Shoppers can order before the release date.</small>
            </span>
          </label>
          <div className="form-grid">
            {allowPreorder ? (
              <Field label="Pre-order cap (units)" htmlFor="p-preorder-limit" hint="Empty: no cap.">
                <input id="p-preorder-limit" name="preorderLimit" type="number" min={0} step={1} defaultValue={p.preorderLimit ?? ''} aria-describedby="p-preorder-limit-hint" />
              </Field>
            ) : null}
            <Field label="Release date" htmlFor="p-release">
              <input id="p-release" name="releaseDate" type="date" defaultValue={p.releaseDate ?? ''} />
            </Field>
          </div>
          <p className="hint">Safety stock is kept per location: set it in the stock table above.</p>
        </fieldset>

        <div className="form-end">
          <OutcomeLine outcome={outcome} />
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save product'}
          </button>
        </div>
      </form>
    </section>
  );
}
export default ProductEditor;
