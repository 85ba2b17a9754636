/**
 * Where stock is kept: every location by priority (reservations draw from the lowest number first), and a
 * form to add one or change one (POST /v1/locations creates or updates by code).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorText, fieldErrorText, unwrap } from '../app/api.ts';
import { num, words } from '../app/format.ts';
import { LOCATION_TYPES, type LocationRow } from '../app/types.ts';
import { Field, OutcomeLine, useTitle, type Outcome } from '../components/ui.tsx';
import { locationsQuery } from '../app/queries.ts';

const BLANK: LocationRow = { code: '', name: '', type: 'warehouse', priority: 1, region: '' };

export default function Locations() {
  useTitle('Locations');
  const qc = useQueryClient();
  const list = useQuery(locationsQuery);
  const [editing, setEditing] = useState<LocationRow | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = useMutation({
    mutationFn: (l: LocationRow) => unwrap(api.POST('/v1/locations', { body: l })),
    onSuccess: async (l) => {
      setOutcome({ ok: true, text: editing ? `Saved ${l.name} (${l.code}).` : `Added ${l.name} (${l.code}).` });
      setEditing(null);
      setFormKey((k) => k + 1);
      await qc.invalidateQueries({ queryKey: ['locations'] });
      await qc.invalidateQueries({ queryKey: ['sku'] });
    },
    onError: (err) => setOutcome({ ok: false, text: fieldErrorText(err) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setOutcome(null);
    save.mutate({
      code: editing?.code ?? String(f.get('code') ?? '').trim(),
      name: String(f.get('name') ?? '').trim(),
      type: String(f.get('type') ?? 'warehouse') as LocationRow['type'],
      priority: Number(f.get('priority') ?? 0),
      region: String(f.get('region') ?? '').trim(),
    });
  };
  const current = editing ?? { ...BLANK, priority: (list.data ?? []).reduce((m, l) => Math.max(m, l.priority), 0) + 1 };
  return (
    <div className="page locations view-grid">
      <section className="view-main" aria-labelledby="locations-title">
        <div className="section-head">
          <div>
            <h1 id="locations-title">Locations</h1>
            <p className="muted">Reservations draw from the lowest priority number first; regions let a shop sell from nearby stock.</p>
          </div>
        </div>
        {list.isError ? (
          <p className="notice" role="alert">
            {errorText(list.error)}
          </p>
        ) : null}
        <div className="table-wrap panel">
          <table className="data cards-on-phone" id="locations">
            <caption className="visually-hidden">Locations by priority</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Priority
                </th>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Region</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(list.data ?? []).map((l) => (
                <tr key={l.code} data-location={l.code} className={editing?.code === l.code ? 'selected' : undefined}>
                  <td className="num tabular" data-label="Priority">
                    {num(l.priority)}
                  </td>
                  <td data-label="Code">
                    <code className="sku-code">{l.code}</code>
                  </td>
                  <td data-label="Name">{l.name}</td>
                  <td data-label="Type">{words(l.type)}</td>
                  <td data-label="Region">{l.region || <span className="muted">—</span>}</td>
                  <td data-label="">
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Edit ${l.name}`}
                      onClick={() => {
                        setEditing(l);
                        setOutcome(null);
                        setFormKey((k) => k + 1);
                        // On a phone the form is below the list: bring it into view, ready to type.
                        requestAnimationFrame(() => {
                          const name = document.getElementById('loc-name');
                          name?.scrollIntoView({ block: 'center' });
                          name?.focus({ preventScroll: true });
                        });
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
              {list.isPending ? (
                <tr className="empty-row">
                  <td colSpan={6} className="muted">
                    Loading…
                  </td>
                </tr>
              ) : null}
              {list.isSuccess && list.data.length === 0 ? (
                <tr className="empty-row">
                  <td colSpan={6} className="muted">
                    No locations yet: add the first one.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </section>
      <aside className="view-side">
        <section className="panel pad" aria-labelledby="location-form-title">
          <h2 id="location-form-title">{editing ? `Edit ${editing.name}` : 'Add a location'}</h2>
          <form className="form-stack" id="location-form" key={`${formKey}-${list.isSuccess}`} onSubmit={submit}>
            <div className="form-grid">
              <Field label="Code" htmlFor="loc-code" hint={editing ? 'The code stays: stock and orders refer to it.' : 'Short and permanent, like WH3.'}>
                <input
                  id="loc-code"
                  name="code"
                  defaultValue={current.code}
                  required
                  maxLength={32}
                  disabled={!!editing}
                  aria-describedby="loc-code-hint"
                  autoComplete="off"
                />
              </Field>
              <Field label="Name" htmlFor="loc-name">
                <input id="loc-name" name="name" defaultValue={current.name} required maxLength={200} />
              </Field>
              <Field label="Type" htmlFor="loc-type">
                <select id="loc-type" name="type" defaultValue={current.type}>
                  {LOCATION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {words(t)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Priority" htmlFor="loc-priority">
                <input id="loc-priority" name="priority" type="number" min={0} step={1} defaultValue={current.priority} required />
              </Field>
              <Field label="Region" htmlFor="loc-region" className="span-2">
                <input id="loc-region" name="region" defaultValue={current.region} maxLength={100} placeholder="EU" />
              </Field>
            </div>
            <div className="form-end">
              <OutcomeLine outcome={outcome} id="location-result" />
              {editing ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setEditing(null);
                    setFormKey((k) => k + 1);
                  }}
                >
                  Cancel
                </button>
              ) : null}
              <button type="submit" className="button primary" disabled={save.isPending}>
                {editing ? 'Save location' : 'Add location'}
              </button>
            </div>
          </form>
        </section>
      </aside>
    </div>
  );
}
