import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AvailabilityStatus } from '../inventory/model.ts';
import { stockAlertFor } from './alert-policy.ts';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from './model.ts';

const ON: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, recipients: ['stock@shop.example'] };
const change = (before: AvailabilityStatus | null, after: AvailabilityStatus) => ({
  before: before === null ? null : { status: before, availableToSell: before === 'in_stock' ? 20 : before === 'low_stock' ? 3 : 0 },
  after: { status: after, availableToSell: after === 'in_stock' ? 20 : after === 'low_stock' ? 3 : 0, message: '', nextInboundDate: null, promisedDate: null },
});

describe('stock alert policy', () => {
  it('alerts on a transition into low stock or out of stock, once', () => {
    assert.equal(stockAlertFor(change('in_stock', 'low_stock'), ON), 'low_stock');
    assert.equal(stockAlertFor(change('low_stock', 'out_of_stock'), ON), 'out_of_stock');
    assert.equal(stockAlertFor(change('in_stock', 'out_of_stock'), ON), 'out_of_stock');
    assert.equal(stockAlertFor(change('out_of_stock', 'low_stock'), ON), 'low_stock');
    assert.equal(stockAlertFor(change('low_stock', 'low_stock'), ON), null);
    assert.equal(stockAlertFor(change('out_of_stock', 'out_of_stock'), ON), null);
    assert.equal(stockAlertFor(change('low_stock', 'in_stock'), ON), null);
  });

  it('counts selling on backorder as out of stock, and moving between the two as no transition', () => {
    assert.equal(stockAlertFor(change('low_stock', 'backorder'), ON), 'out_of_stock');
    assert.equal(stockAlertFor(change('backorder', 'out_of_stock'), ON), null);
    assert.equal(stockAlertFor(change('out_of_stock', 'backorder'), ON), null);
  });

  it('says nothing of a first availability, a discontinued or pre-order SKU, a kind turned off, or nobody listed', () => {
    assert.equal(stockAlertFor(change(null, 'out_of_stock'), ON), null);
    assert.equal(stockAlertFor(change('in_stock', 'discontinued'), ON), null);
    assert.equal(stockAlertFor(change('in_stock', 'preorder'), ON), null);
    assert.equal(stockAlertFor(change('in_stock', 'low_stock'), { ...ON, lowStock: false }), null);
    assert.equal(stockAlertFor(change('in_stock', 'out_of_stock'), { ...ON, outOfStock: false }), null);
    assert.equal(stockAlertFor(change('in_stock', 'out_of_stock'), { ...ON, recipients: [] }), null);
  });
});
