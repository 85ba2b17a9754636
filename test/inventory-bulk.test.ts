/**
 * The bulk mode of the stock write path (InventoryService.appendHistory): a dated history lands in the ledger
 * with its own times, the levels are what replaying the ledger gives, availability and its events follow in
 * the same transaction, and a history that breaks a stock rule is refused whole.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DatedMovement } from '../src/inventory/bulk.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, type Harness } from './helpers/app.ts';

const receipt = (sku: string, location: string, q: number, at: string): DatedMovement => ({ sku, location, type: 'receipt', quantity: q, onHandDelta: q, reservedDelta: 0, committedDelta: 0, reason: 'replenishment', reference: `PO-${at}`, createdAt: `${at}T07:30:00.000Z` });
const commit = (sku: string, location: string, q: number, at: string): DatedMovement => ({ sku, location, type: 'commit', quantity: q, onHandDelta: 0, reservedDelta: 0, committedDelta: q, reason: 'sale', reference: `SO-${at}`, createdAt: `${at}T12:00:00.000Z` });
const shipment = (sku: string, location: string, q: number, at: string): DatedMovement => ({ sku, location, type: 'shipment', quantity: q, onHandDelta: -q, reservedDelta: 0, committedDelta: -q, reason: 'sale', reference: `SO-${at}`, createdAt: `${at}T17:00:00.000Z` });

for (const dialect of DIALECTS) {
  describe(`inventory bulk history (${dialect})`, () => {
    let h: Harness;

    before(async () => {
      h = await harness(dialect);
      await h.restock.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
      await h.restock.inventory.upsertLocation({ code: 'WH2', name: 'Warehouse 2', type: 'warehouse', priority: 2, region: 'EU' });
      await h.restock.catalog.upsertMany([
        { sku: 'HIST-1', title: 'History one', price: '1.00', policy: { lowStockThreshold: 2 } },
        { sku: 'HIST-2', title: 'History two', price: '1.00' },
      ]);
    });

    after(async () => h.close());

    const ledgerCount = async () => Number((await h.restock.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const maxEvent = async () => Number((await h.restock.db.kysely.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);

    it('appends dated movements in order, levels replay from the ledger, availability and events follow', async () => {
      const since = await maxEvent();
      const history: DatedMovement[] = [
        receipt('HIST-1', 'WH1', 10, '2026-01-05'),
        receipt('HIST-2', 'WH2', 4, '2026-01-05'),
        commit('HIST-1', 'WH1', 3, '2026-01-06'),
        shipment('HIST-1', 'WH1', 3, '2026-01-06'),
        commit('HIST-2', 'WH2', 4, '2026-01-07'),
        shipment('HIST-2', 'WH2', 4, '2026-01-07'),
        receipt('HIST-1', 'WH2', 1, '2026-01-08'),
      ];
      let written = 0;
      const res = await h.restock.inventory.appendHistory(history, { onWritten: (n) => (written += n) });
      assert.deepEqual(res, { movements: 7, skus: 2 });
      assert.equal(written, 7);

      const ledger = await h.restock.inventory.ledger('HIST-1', 0, 100);
      assert.deepEqual(ledger.map((e) => [e.type, e.location, e.onHandDelta, e.committedDelta, e.createdAt]), [
        ['receipt', 'WH1', 10, 0, '2026-01-05T07:30:00.000Z'],
        ['commit', 'WH1', 0, 3, '2026-01-06T12:00:00.000Z'],
        ['shipment', 'WH1', -3, -3, '2026-01-06T17:00:00.000Z'],
        ['receipt', 'WH2', 1, 0, '2026-01-08T07:30:00.000Z'],
      ]);
      for (const sku of ['HIST-1', 'HIST-2']) {
        const replayed = (await h.restock.inventory.replay(sku)).map((r) => [r.location, r.onHand, r.reserved, r.committed]).sort();
        const levels = (await h.restock.inventory.levels(sku)).levels.map((l) => [l.location, l.onHand, l.reserved, l.committed]).sort();
        assert.deepEqual(levels, replayed, sku);
      }
      assert.equal((await h.restock.inventory.levels('HIST-1')).totals.onHand, 8);

      const av = await h.restock.inventory.availabilityMany(['HIST-1', 'HIST-2']);
      const bySku = new Map(av.items.map((a) => [a.sku, a]));
      assert.equal(bySku.get('HIST-1')?.availableToSell, 8);
      assert.equal(bySku.get('HIST-1')?.status, 'in_stock');
      assert.equal(bySku.get('HIST-2')?.status, 'out_of_stock');
      const events = await h.restock.db.kysely.selectFrom('events').select(['type', 'sku']).where('id', '>', since).orderBy('id').execute();
      assert.ok(events.some((e) => e.sku === 'HIST-1' && e.type === 'inventory.back_in_stock'), JSON.stringify(events));
    });

    it('refuses a history whole, writing nothing, when a step takes stock below zero or names what does not exist', async () => {
      const before = { ledger: await ledgerCount(), levels: (await h.restock.inventory.levels('HIST-1')).totals, events: await maxEvent() };
      // On hand 8 at the end would cover it, but not at the step where it happens.
      await assert.rejects(
        h.restock.inventory.appendHistory([receipt('HIST-1', 'WH1', 1, '2026-02-01'), commit('HIST-1', 'WH1', 2, '2026-02-02'), shipment('HIST-1', 'WH1', 2, '2026-02-02'), shipment('HIST-1', 'WH1', 1, '2026-02-03')]),
        (err: Error & { code?: string }) => err.code === 'negative_stock' && /movement 3/.test(err.message),
      );
      await assert.rejects(h.restock.inventory.appendHistory([receipt('HIST-1', 'WH1', 1, '2026-02-01'), receipt('NOPE-1', 'WH1', 1, '2026-02-01')]), (err: Error & { code?: string }) => err.code === 'unknown_sku');
      await assert.rejects(h.restock.inventory.appendHistory([receipt('HIST-1', 'WH9', 1, '2026-02-01')]), (err: Error & { code?: string }) => err.code === 'unknown_location');
      await assert.rejects(h.restock.inventory.appendHistory([{ ...receipt('HIST-1', 'WH1', 1, '2026-02-01'), createdAt: 'yesterday' }]), (err: Error & { code?: string }) => err.code === 'invalid_request');
      assert.deepEqual({ ledger: await ledgerCount(), levels: (await h.restock.inventory.levels('HIST-1')).totals, events: await maxEvent() }, before);
    });
  });
}
