/** The catalog's rules on their own, without HTTP or a database: field limits, prices, dates, currencies. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RestockError } from '../core/errors.ts';
import type { ProductInput } from './model.ts';
import { isCalendarDate } from '../core/clock.ts';
import { PRODUCT_LIMITS, decimalPrice, normalisePrice, productInputProblems, validateProductInput } from './policy.ts';

const ok: ProductInput = { sku: 'SKU-1', title: 'A thing', price: '19.99' };
const fields = (p: ProductInput) => productInputProblems(p).map((x) => x.field);

describe('catalog policy', () => {
  it('a plain product is valid', () => {
    assert.deepEqual(productInputProblems(ok), []);
    assert.doesNotThrow(() => validateProductInput({ ...ok, description: 'd'.repeat(PRODUCT_LIMITS.descriptionMaxLength), policy: { leadTimeDays: PRODUCT_LIMITS.leadTimeDaysMax } }));
  });

  it('each limit is enforced one past its edge, and names its field', () => {
    const cases: Array<[ProductInput, string]> = [
      [{ ...ok, sku: '' }, 'sku'],
      [{ ...ok, sku: '-starts-with-dash' }, 'sku'],
      [{ ...ok, sku: 'S'.repeat(65) }, 'sku'],
      [{ ...ok, title: '' }, 'title'],
      [{ ...ok, title: 't'.repeat(PRODUCT_LIMITS.titleMaxLength + 1) }, 'title'],
      [{ ...ok, description: 'd'.repeat(PRODUCT_LIMITS.descriptionMaxLength + 1) }, 'description'],
      [{ ...ok, category: 'c'.repeat(PRODUCT_LIMITS.categoryMaxLength + 1) }, 'category'],
      [{ ...ok, brand: 'b'.repeat(PRODUCT_LIMITS.brandMaxLength + 1) }, 'brand'],
      [{ ...ok, brand: 'nul\u0000' }, 'brand'],
      [{ ...ok, price: '1'.repeat(PRODUCT_LIMITS.priceMaxLength + 1) }, 'price'],
      [{ ...ok, price: '-1' }, 'price'],
      [{ ...ok, price: '1.23456' }, 'price'],
      [{ ...ok, currency: 'eur' }, 'currency'],
      [{ ...ok, attributes: { ['k'.repeat(PRODUCT_LIMITS.attributeNameMaxLength + 1)]: 1 } }, 'attributes'],
      [{ ...ok, policy: { lowStockThreshold: PRODUCT_LIMITS.policyUnitsMax + 1 } }, 'policy.lowStockThreshold'],
      [{ ...ok, policy: { backorderLimit: -1 } }, 'policy.backorderLimit'],
      [{ ...ok, policy: { preorderLimit: 1.5 } }, 'policy.preorderLimit'],
      [{ ...ok, policy: { leadTimeDays: PRODUCT_LIMITS.leadTimeDaysMax + 1 } }, 'policy.leadTimeDays'],
      [{ ...ok, policy: { releaseDate: '2026-02-30' } }, 'policy.releaseDate'],
    ];
    for (const [input, field] of cases) assert.deepEqual(fields(input), [field], JSON.stringify(input).slice(0, 120));
  });

  it('nullable limits accept null; every problem of an input is reported, the first as the error message', () => {
    assert.deepEqual(productInputProblems({ ...ok, policy: { backorderLimit: null, preorderLimit: null, leadTimeDays: null, releaseDate: null } }), []);
    const bad = { ...ok, title: '', currency: 'x', policy: { releaseDate: 'soon' } };
    assert.deepEqual(fields(bad), ['title', 'currency', 'policy.releaseDate']);
    assert.throws(() => validateProductInput(bad), (err: unknown) => {
      assert.ok(err instanceof RestockError);
      assert.equal(err.code, 'invalid_request');
      assert.equal(err.message, productInputProblems(bad)[0]?.message);
      assert.deepEqual(err.details, productInputProblems(bad));
      return true;
    });
  });

  it('prices: decimal strings and finite numbers normalise; anything else is refused', () => {
    assert.equal(normalisePrice(' 19.99 '), '19.99');
    assert.equal(normalisePrice(5), '5');
    for (const bad of ['1e3', '01', '1.', '', 'abc', Number.POSITIVE_INFINITY, -0.5]) assert.throws(() => normalisePrice(bad), RestockError, String(bad));
    // Any amount in cents up to 12 integer digits survives as written.
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_99n }), (cents) => {
        const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        return decimalPrice(text) === text;
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('calendar dates are real days', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    for (const s of ['2023-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00:00Z', '']) assert.equal(isCalendarDate(s), false, s);
  });
});
