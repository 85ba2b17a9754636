/**
 * What the supply pages (suppliers, a supplier, purchase orders, a purchase order, the SKU's supply panel)
 * share: the words and colours of PO and line states and of failover triggers, links to a supplier or a PO by
 * id, a PO line's source found by its id, and an input's error from the API shown beside it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap } from '../app/api.ts';
import { num, percent } from '../app/format.ts';
import { suppliersQuery } from '../app/queries.ts';
import type { PoLineStatus, PoStatus, SupplyTrigger } from '../app/types.ts';
import { Pill, type Tone } from './ops-ui.tsx';

export const PO_STATUS: Record<PoStatus, [string, Tone]> = {
  draft: ['Draft', 'neutral'],
  sent: ['Sent', 'blue'],
  acknowledged: ['Acknowledged', 'violet'],
  shipped: ['Shipped', 'amber'],
  received: ['Received', 'green'],
  closed: ['Closed', 'neutral'],
  cancelled: ['Cancelled', 'neutral'],
};
export const LINE_STATUS: Record<PoLineStatus, [string, Tone]> = {
  open: ['Awaiting answer', 'blue'],
  confirmed: ['Confirmed', 'green'],
  rejected: ['Rejected', 'red'],
  shipped: ['Shipped', 'amber'],
  received: ['Received', 'green'],
  cancelled: ['Cancelled', 'neutral'],
};
export const TRIGGER_WORDS: Record<SupplyTrigger, string> = {
  rejected: 'Rejected by the supplier',
  short: 'Confirmed short',
  ack_timeout: 'No answer by the deadline',
  ship_late: 'Not shipped by the confirmed date',
};
export const CHANNEL_WORDS: Record<string, string> = { email: 'Email', portal: 'Portal', webhook: 'Webhook' };

export function PoStatusPill({ status }: { status: PoStatus }) {
  const [label, tone] = PO_STATUS[status] ?? [status, 'neutral'];
  return <Pill tone={tone}>{label}</Pill>;
}
export function LineStatusPill({ status }: { status: PoLineStatus }) {
  const [label, tone] = LINE_STATUS[status] ?? [status, 'neutral'];
  return <Pill tone={tone}>{label}</Pill>;
}

/** A purchase order's id that opens its page. */
export function PoLink({ id }: { id: string }) {
  return (
    <Link className="link mono" href={`/purchase-orders/${encodeURIComponent(id)}`}>
      {id}
    </Link>
  );
}

/** A supplier's name (from the cached list) that opens its page. */
export function SupplierLink({ id }: { id: string }) {
  const suppliers = useQuery(suppliersQuery);
  const name = suppliers.data?.find((s) => s.id === id)?.name;
  return (
    <Link className="link" href={`/suppliers/${encodeURIComponent(id)}`}>
      {name ?? id}
    </Link>
  );
}

/** 0.923 → "92.3%"; no sample yet → "—". */
export const rate = (x: number | null | undefined): string => percent(x);
/** Days with one decimal. */
export const days = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${num(Math.round(x * 10) / 10)} d`);
export const hours = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${num(Math.round(x * 10) / 10)} h`);

/**
 * The purchase order a line belongs to. A line's `resourcedFrom` names the failed line only: its PO is found
 * among the POs of the same SKU (one request, cached).
 */
export function usePoOfLine(sku: string, lineId: string | null) {
  return useQuery({
    queryKey: ['purchase-orders', 'of-line', sku, lineId],
    queryFn: async () => {
      const r = await unwrap(api.GET('/v1/purchase-orders', { params: { query: { sku, limit: 500 } } }));
      return r.items.find((po) => po.lines.some((l) => l.id === lineId)) ?? null;
    },
    enabled: lineId !== null,
    staleTime: 60_000,
  });
}

/** The API's reason an input was refused, beside it (the input names it with aria-describedby). */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="error-text small field-error" id={`${id}-error`}>
      {text}
    </p>
  );
}

/** The attributes an input gets when the API refused it. */
export const invalidProps = (id: string, text: string | undefined) => (text ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
