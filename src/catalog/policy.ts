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

const SKU = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** The same rules as the HTTP schema, for callers that do not come through HTTP (importer, seeds, scripts). */
export function validateProductInput(p: ProductInput): void {
  if (!SKU.test(p.sku)) throw new Invalid(`sku must be 1 to 64 letters, digits or . _ : / - (starting with a letter or digit), got '${p.sku}'`, { field: 'sku' });
  if (p.title.length === 0 || p.title.length > 500) throw new Invalid('title must be 1 to 500 characters', { field: 'title', sku: p.sku });
  for (const [field, v] of Object.entries({ title: p.title, description: p.description, category: p.category, brand: p.brand })) {
    if (v?.includes('\u0000')) throw new Invalid(`${field} contains a NUL character`, { field, sku: p.sku });
  }
  const release = p.policy?.releaseDate;
  if (release != null && !isCalendarDate(release)) {
    throw new Invalid(`policy.releaseDate must be a calendar date YYYY-MM-DD, got '${release}'`, { field: 'policy.releaseDate' });
  }
  if (p.currency != null && !/^[A-Z]{3}$/.test(p.currency)) {
    throw new Invalid(`currency must be an ISO 4217 code such as EUR, got '${p.currency}'`, { field: 'currency' });
  }
}
