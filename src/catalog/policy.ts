/**
 * Catalog rules: the limits of a product's fields and what a valid product input is. The HTTP schema
 * (catalog/routes.ts) is built from these limits, the service checks every input with `productInputProblems`,
 * and the CSV import (cli/import.ts) parses to the same bounds: a POST, an imported row and a seed script are held
 * to one set of rules.
 */
import { isCalendarDate } from '../core/clock.ts';
import { Invalid } from '../core/errors.ts';
import { SKU_MAX_LENGTH, isSku } from '../core/ids.ts';
import type { ProductInput } from './model.ts';


export const PRODUCT_LIMITS = {
  titleMaxLength: 500,
  descriptionMaxLength: 20_000,
  categoryMaxLength: 200,
  brandMaxLength: 200,
  /** A price as text; the decimal rule below is the real bound. */
  priceMaxLength: 32,
  attributeNameMaxLength: 100,
  /** lowStockThreshold, backorderLimit and preorderLimit, in units: bounded so sums stay safe integers. */
  policyUnitsMax: 1_000_000,
  /** Ten years: a lead time beyond that is a typo, and promised dates must stay calendar dates. */
  leadTimeDaysMax: 3650,
} as const;

/** ISO 4217 alphabetic code. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
const CURRENCY = new RegExp(CURRENCY_PATTERN);

/** At most 12 integer digits and 4 decimals, no sign, no exponent: fits NUMERIC and never needs rounding. */
const DECIMAL = /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/;

/** Normalises a price given as number or string to a decimal string, or null when it is not one. */
export function decimalPrice(price: string | number): string | null {
  const text = typeof price === 'number' ? (Number.isFinite(price) ? String(price) : 'NaN') : price.trim();
  return DECIMAL.test(text) ? text : null;
}

export function priceProblem(price: string | number): string {
  return `price must be a non-negative decimal with at most 4 decimals, got '${String(price)}'`;
}

/** Normalises a price, or throws `invalid_request` naming the field. */
export function normalisePrice(price: string | number): string {
  const text = decimalPrice(price);
  if (text === null) throw new Invalid(priceProblem(price), [{ field: 'price', message: priceProblem(price) }]);
  return text;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const PRICE_FIELD = 'price';

/**
 * Every way an input breaks the rules, for callers that do not come through the HTTP schema (importer, seeds,
 * scripts) and as the service's own guard. Empty when the input is valid.
 */
export function productInputProblems(p: ProductInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  if (!isSku(p.sku)) {
    add('sku', `sku must be 1 to ${SKU_MAX_LENGTH} letters, digits or . _ : / - (starting with a letter or digit), got '${p.sku}'`);
  }
  if (p.title.length === 0 || p.title.length > PRODUCT_LIMITS.titleMaxLength) add('title', `title must be 1 to ${PRODUCT_LIMITS.titleMaxLength} characters`);
  const texts: Array<[string, string | undefined, number]> = [
    ['title', p.title, PRODUCT_LIMITS.titleMaxLength],
    ['description', p.description, PRODUCT_LIMITS.descriptionMaxLength],
    ['category', p.category, PRODUCT_LIMITS.categoryMaxLength],
    ['brand', p.brand, PRODUCT_LIMITS.brandMaxLength],
  ];
  for (const [field, v, max] of texts) {
    if (v === undefined) continue;
    if (field !== 'title' && v.length > max) add(field, `${field} is longer than ${max} characters`);
    if (v.includes('\u0000')) add(field, `${field} contains a NUL character`);
  }
  if (typeof p.price === 'string' && p.price.length > PRODUCT_LIMITS.priceMaxLength) add(PRICE_FIELD, `price is longer than ${PRODUCT_LIMITS.priceMaxLength} characters`);
  else if (decimalPrice(p.price) === null) add(PRICE_FIELD, priceProblem(p.price));
  if (p.currency !== undefined && !CURRENCY.test(p.currency)) add('currency', `currency must be an ISO 4217 code such as EUR, got '${p.currency}'`);
  for (const k of Object.keys(p.attributes ?? {})) {
    if (k.length > PRODUCT_LIMITS.attributeNameMaxLength) add('attributes', `attribute name '${k.slice(0, 60)}…' is longer than ${PRODUCT_LIMITS.attributeNameMaxLength} characters`);
  }
  const policy = p.policy ?? {};
  const units: Array<[string, number | null | undefined, boolean]> = [
    ['lowStockThreshold', policy.lowStockThreshold, false],
    ['backorderLimit', policy.backorderLimit, true],
    ['preorderLimit', policy.preorderLimit, true],
  ];
  for (const [name, v, nullable] of units) {
    if (v === undefined || (v === null && nullable)) continue;
    if (v === null || !Number.isInteger(v) || v < 0 || v > PRODUCT_LIMITS.policyUnitsMax) {
      add(`policy.${name}`, `policy.${name} must be a whole number from 0 to ${PRODUCT_LIMITS.policyUnitsMax}${nullable ? ' or null' : ''}`);
    }
  }
  const lead = policy.leadTimeDays;
  if (lead !== undefined && lead !== null && (!Number.isInteger(lead) || lead < 0 || lead > PRODUCT_LIMITS.leadTimeDaysMax)) {
    add('policy.leadTimeDays', `policy.leadTimeDays must be a whole number of days from 0 to ${PRODUCT_LIMITS.leadTimeDaysMax} or null`);
  }
  const release = policy.releaseDate;
  if (release != null && !isCalendarDate(release)) add('policy.releaseDate', `policy.releaseDate must be a calendar date YYYY-MM-DD, got '${release}'`);
  return out;
}

/** Throws `invalid_request` with every problem of the input in details (the first one as the message). */
export function validateProductInput(p: ProductInput): void {
  const problems = productInputProblems(p);
  const first = problems[0];
  if (first) throw new Invalid(first.message, problems);
}
