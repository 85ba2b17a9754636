/** Pure checks on catalog input that a schema alone cannot express. */
import { Invalid } from '../core/errors.ts';
import type { ProductInput } from './model.ts';

const DECIMAL = /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/;

/** Normalises a price given as number or string to a decimal string, or explains why not. */
export function normalisePrice(price: string | number): string {
  const text = typeof price === 'number' ? (Number.isFinite(price) ? String(price) : 'NaN') : price.trim();
  if (!DECIMAL.test(text)) {
    throw new Invalid(`price must be a non-negative decimal with at most 4 decimals, got '${String(price)}'`, {
      field: 'price',
    });
  }
  return text;
}

export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function validateProductInput(p: ProductInput): void {
  const release = p.policy?.releaseDate;
  if (release != null && !isCalendarDate(release)) {
    throw new Invalid(`policy.releaseDate must be a calendar date YYYY-MM-DD, got '${release}'`, { field: 'policy.releaseDate' });
  }
  if (p.currency != null && !/^[A-Z]{3}$/.test(p.currency)) {
    throw new Invalid(`currency must be an ISO 4217 code such as EUR, got '${p.currency}'`, { field: 'currency' });
  }
}
