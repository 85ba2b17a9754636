/**
 * The SKU page's supply panel (GET/PUT /v1/supply/skus/:sku): who offers the SKU and for what, the open
 * purchase-order lines bringing it, and the SKU's own failover switch.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, errorText, unwrap } from '../app/api.ts';
import { num } from '../app/format.ts';
import { suppliersQuery } from '../app/queries.ts';
import type { SkuSupply } from '../app/types.ts';
import { CalDate, Notice, Pill, useAction } from './ops-ui.tsx';
import { LineStatusPill, PoLink, SupplierLink } from './supply-ui.tsx';

export function SupplyPanel({ sku }: { sku: string }) {
  const qc = useQueryClient();
  const key = ['supply', 'sku', sku];
  const path = { params: { path: { sku } } };
  const supply = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/v1/supply/skus/{sku}', path)) });
  const suppliers = useQuery(suppliersQuery);
  const [open, setOpen] = useState(false);
  const { busy, said, run } = useAction();
  const s = supply.data;
  const currency = (supplierId: string) => suppliers.data?.find((x) => x.id === supplierId)?.currency ?? '';
  const toggle = (failover: boolean) =>
    void run(async () => {
      // The switch moves at once; it moves back if the API refuses.
      const before = qc.getQueryData<SkuSupply>(key);
      if (before) qc.setQueryData(key, { ...before, failover });
      let r: SkuSupply;
      try {
        r = await unwrap(api.PUT('/v1/supply/skus/{sku}', { ...path, body: { failover } }));
      } catch (err) {
        if (before) qc.setQueryData(key, before);
        throw err;
      }
      qc.setQueryData(key, r);
      return r.failover ? 'Failover is on: what a supplier rejects, cuts or misses is re-sourced.' : 'Failover is off for this SKU: unfilled lines wait for you.';
    });
  return (
    <section className="panel pad supply-panel" aria-labelledby="supply-title" id="supply">
      <div className="section-head">
        <h2 id="supply-title">Supply</h2>
        <Link href={`/purchase-orders?sku=${encodeURIComponent(sku)}`} className="small">
          Purchase orders
        </Link>
      </div>
      {supply.isError ? (
        <p className="notice" role="alert">
          {errorText(supply.error)}
        </p>
      ) : null}
      {s ? (
        <>
          <label className="check" htmlFor="sku-failover">
            <input id="sku-failover" type="checkbox" checked={s.failover} aria-busy={busy} onChange={(e) => toggle(e.target.checked)} />
            <span>
              <strong>Failover for this SKU</strong>
              <small>Re-source rejected, cut or late lines to the next supplier by itself.</small>
            </span>
          </label>
          <Notice said={said} />
          <h3 className="small-head">Offers</h3>
          {s.offers.length === 0 ? (
            <p className="muted">
              No supplier offers {sku} yet. Add an offer on a <Link href="/suppliers">supplier’s page</Link>.
            </p>
          ) : (
            <ul className="inbound-list" id="supply-offers">
              {s.offers.map((o) => (
                <li className="inbound-item" key={o.id} data-offer={o.id}>
                  <div className="inbound-top">
                    <SupplierLink id={o.supplierId} />
                    <span className="inbound-units tabular">
                      {num(o.unitCost)} {currency(o.supplierId)}
                    </span>
                    {!o.active ? <Pill>Inactive</Pill> : null}
                  </div>
                  <div className="inbound-when muted">
                    min {num(o.minQuantity)} · multiple {num(o.multiple)} · priority {num(o.priority)}
                    {o.leadTimeDays !== null ? ` · ${num(o.leadTimeDays)} days` : ''}
                    {o.validTo ? ` · until ${o.validTo}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <h3 className="small-head">Open purchase-order lines</h3>
          {s.openLines.length === 0 ? (
            <p className="muted">No open purchase-order line brings {sku}.</p>
          ) : (
            <ul className="inbound-list" id="supply-lines">
              {(open ? s.openLines : s.openLines.slice(0, 8)).map((l) => (
                <li className="inbound-item" key={l.id} data-line={l.id}>
                  <div className="inbound-top">
                    <PoLink id={l.poId} />
                    <span className="muted">{l.location}</span>
                    <span className="inbound-units tabular">
                      {num(l.confirmedQuantity ?? l.quantity)} {(l.confirmedQuantity ?? l.quantity) === 1 ? 'unit' : 'units'}
                    </span>
                    <LineStatusPill status={l.status} />
                  </div>
                  <div className="inbound-when muted">
                    <SupplierLink id={l.supplierId} /> · expected <CalDate iso={l.expectedDate} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {s.openLines.length > 8 && !open ? (
            <button type="button" className="link small" onClick={() => setOpen(true)}>
              Show all {num(s.openLines.length)}
            </button>
          ) : null}
        </>
      ) : supply.isPending ? (
        <p className="muted">Loading…</p>
      ) : null}
    </section>
  );
}
