/** Small pieces every page uses: a status badge, an outcome line, a labelled field, a debounced value. */
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { statusLabel } from '../app/format.ts';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  return <span className={`badge s-${status ?? 'unknown'}`}>{status ? statusLabel(status) : '—'}</span>;
}

/** A SKU code that opens its page. */
export function SkuLink({ sku, children }: { sku: string; children?: ReactNode }) {
  return (
    <Link className="sku-link" href={`/skus/${encodeURIComponent(sku)}`}>
      {children ?? sku}
    </Link>
  );
}

export type Outcome = { ok: boolean; text: string } | null;

/** What a form did, said in words (role=status, so it is read out). */
export function OutcomeLine({ outcome, id }: { outcome: Outcome; id?: string }) {
  return (
    <p className={`notice${outcome?.ok ? ' ok' : ''}`} role="status" id={id} hidden={!outcome}>
      {outcome?.text ?? ''}
    </p>
  );
}

export function Field({ label, htmlFor, hint, children, className }: { label: string; htmlFor: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${htmlFor}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The page's title in the tab. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Restock`;
  }, [title]);
}
