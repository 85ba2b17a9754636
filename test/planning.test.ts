/**
 * Demand planning on both dialects: sales history derived from the ledger that orders, cancellations and
 * receipts write through the services; the forecast API on a SKU with two years of daily sales (a stock-out
 * spell with waitlist sign-ups in it); the run endpoint; and the errors.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { seedHistory } from './helpers/sales.ts';

const customer = { id: 'c1', email: 'c1@example.com' };

for (const dialect of DIALECTS) {
  describe(`planning (${dialect})`, () => {
    describe('sales history from the ledger', () => {
      let h: Harness;
      before(async () => {
        h = await harness(dialect, { clock: new ManualClock('2026-03-01T08:00:00.000Z') });
      });
      after(async () => h.close());

      it('counts sales per day, takes a cancelled line off the day it was sold, and flags stock-out days', async () => {
        const { restock, clock } = h;
        const day = (n: number, time = '10:00:00') => clock.set(`2026-03-0${n}T${time}.000Z`);
        await seedBasic(h, 'SKU-H', { WH1: 5 }); // day 1
        day(1);
        const a = await restock.orders.place({ customer, lines: [{ sku: 'SKU-H', quantity: 2 }] });
        day(2);
        await restock.orders.place({ customer, lines: [{ sku: 'SKU-H', quantity: 3 }] }); // sold out
        day(3);
        await restock.inventory.receive('SKU-H', 'WH2', 1); // opened out of stock; WH2 has stock again
        // day 4: no movement; one unit free at WH2, none at WH1
        day(5);
        const lineA = a.lines[0]?.id;
        assert.ok(lineA);
        await restock.orders.cancelLine(a.id, lineA); // 2 units back to WH1
        await restock.orders.place({ customer, lines: [{ sku: 'SKU-H', quantity: 1 }] });
        day(6);

        const daily = await restock.planning.history('SKU-H');
        assert.deepEqual(daily.dates, ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
        assert.deepEqual(daily.sales, [0, 3, 0, 0, 1]);
        assert.deepEqual(daily.stockout, [false, true, true, false, false]);

        const wh1 = await restock.planning.history('SKU-H', { location: 'WH1' });
        assert.deepEqual(wh1.sales, [0, 3, 0, 0, 1]);
        assert.deepEqual(wh1.stockout, [false, true, true, true, true]);
        const wh2 = await restock.planning.history('SKU-H', { location: 'WH2' });
        assert.deepEqual(wh2.stockout, [true, true, true, false, false]);

        const res = await h.call('GET', '/v1/forecasts/SKU-H/history?location=WH1');
        assert.equal(res.status, 200);
        assert.deepEqual(res.body.history[1], { date: '2026-03-02', sales: 3, stockout: true, stockoutDays: 1 });
        // The week is not over: no whole week yet.
        assert.deepEqual((await restock.planning.history('SKU-H', { granularity: 'week' })).dates, []);
      });
    });

    describe('forecasts', () => {
      let h: Harness;
      let truth: { sold: number; lostTrue: number };
      before(async () => {
        // 728 days from Monday 2024-03-04 to Sunday 2026-03-01: 104 whole weeks; out of stock for 3 weeks.
        h = await harness(dialect, { clock: new ManualClock('2026-03-02T10:00:00.000Z') });
        truth = await seedHistory(h.restock, 'SKU-F', { first: '2024-03-04', days: 728, level: 8, spell: [600, 621], leadTimeDays: 10 });
        // Shoppers join the waitlist while it is out.
        h.clock.set('2025-10-28T12:00:00.000Z');
        for (const n of [1, 2, 3]) await h.restock.waitlist.subscribe({ sku: 'SKU-F', email: `w${n}@example.com` });
        h.clock.set('2026-03-02T10:00:00.000Z');
        await h.restock.catalog.upsert({ sku: 'SKU-SHORT', title: 'New arrival', price: '5.00' });
        await seedHistory(h.restock, 'SKU-SHORT', { first: '2026-02-09', days: 21, level: 3 });
        await h.restock.catalog.upsert({ sku: 'SKU-NONE', title: 'Never stocked', price: '5.00' });
        // Its first stock sold out on day one and the next came two weeks later: its first two weeks are stock-outs.
        await seedHistory(h.restock, 'SKU-LATE', { first: '2025-06-02', days: 273, level: 5, spell: [1, 10], seed: 11 });
      });
      after(async () => h.close());

      it('GET /v1/forecasts/:sku computes, stores and returns history, forecast with intervals, model, accuracy, lost sales and lead-time demand', async () => {
        const res = await h.call('GET', '/v1/forecasts/SKU-F');
        assert.equal(res.status, 200, res.raw);
        const b = res.body;
        assert.equal(b.sku, 'SKU-F');
        assert.equal(b.granularity, 'week');
        assert.equal(b.history.length, 104);
        assert.deepEqual(b.history[0], { date: '2024-03-04', sales: b.history[0].sales, stockout: false });
        const outWeeks = b.history.filter((p: { stockout: boolean }) => p.stockout).length;
        assert.ok(outWeeks >= 3 && outWeeks <= 5, `stock-out weeks ${outWeeks}`);
        assert.equal(b.forecast.length, 12);
        assert.equal(b.forecast[0].date, '2026-03-02');
        assert.equal(b.forecast[11].date, '2026-05-18');
        for (const f of b.forecast) {
          assert.ok(f.lo95 <= f.lo80 && f.lo80 <= f.mean && f.mean <= f.hi80 && f.hi80 <= f.hi95, JSON.stringify(f));
          // Weekly demand is 56 units.
          assert.ok(f.mean > 40 && f.mean < 75, `mean ${f.mean}`);
        }
        assert.equal(typeof b.model, 'string');
        assert.equal(b.demandClass.pattern, 'smooth');
        assert.equal(b.accuracy.origins, 4);
        assert.ok(Number.isFinite(b.accuracy.mase) && b.accuracy.mase > 0 && b.accuracy.mase < 3, `MASE ${b.accuracy.mase}`);
        for (const k of ['smape', 'rmsse', 'bias', 'biasPct']) assert.equal(typeof b.accuracy[k], 'number', k);
        assert.equal(b.accuracy.baseline.method, 'naive');
        // About 21 days × 8 units went unsold in the spell; the history shows only what sold.
        assert.ok(b.lostSales > 0.5 * truth.lostTrue && b.lostSales < 2 * truth.lostTrue, `lost ${b.lostSales} vs true ${truth.lostTrue}`);
        assert.equal(b.censoring.periods, outWeeks);
        assert.equal(b.censoring.waitlistSignups, 3);
        assert.equal(b.leadTimeDemand.leadTimeDays, 10);
        assert.equal(b.leadTimeDemand.leadTimeSource, 'product');
        assert.ok(Math.abs(b.leadTimeDemand.mean - 80) < 25, `lead-time mean ${b.leadTimeDemand.mean}`);
        assert.ok(b.leadTimeDemand.p95 > b.leadTimeDemand.mean);

        // Stored: a second read serves the same forecast, even a day later; refresh recomputes.
        h.clock.advance(86_400_000);
        const again = await h.call('GET', '/v1/forecasts/SKU-F');
        assert.equal(again.body.computedAt, b.computedAt);
        assert.deepEqual(again.body.forecast, b.forecast);
        const fresh = await h.call('GET', '/v1/forecasts/SKU-F?refresh=true');
        assert.notEqual(fresh.body.computedAt, b.computedAt);
        h.clock.set('2026-03-02T10:00:00.000Z');
      });

      it('a history whose first weeks are stock-outs is forecast, backtest and naive baseline included', async () => {
        const res = await h.call('GET', '/v1/forecasts/SKU-LATE');
        assert.equal(res.status, 200, res.raw);
        const b = res.body;
        assert.equal(b.history.length, 39);
        // Weeks 1 and 2 had no stock; week 3 opened without (its Monday's receipt came before any shopper).
        assert.deepEqual(b.history.slice(0, 4).map((p: { stockout: boolean }) => p.stockout), [true, true, true, false]);
        assert.equal(b.censoring.periods, 3);
        assert.ok(b.lostSales > 0, `lost ${b.lostSales}`);
        assert.equal(b.accuracy.origins, 4);
        for (const f of b.forecast) assert.ok(Number.isFinite(f.mean) && f.mean > 20 && f.mean < 60, JSON.stringify(f));
        for (const method of ['naive', 'snaive', 'croston', 'ets']) {
          const m = await h.call('GET', `/v1/forecasts/SKU-LATE?method=${method}&refresh=true`);
          assert.equal(m.status, 200, `${method}: ${m.raw}`);
        }
        const run = await h.call('POST', '/v1/forecasts/run', { skus: ['SKU-LATE'], granularity: 'day' });
        assert.equal(run.status, 200, run.raw);
        assert.deepEqual([run.body.computed, run.body.failed, run.body.skipped], [1, [], []]);
      });

      it('a stored forecast at another granularity or with another method is recomputed', async () => {
        const res = await h.call('GET', '/v1/forecasts/SKU-F?granularity=month&horizon=3&method=naive');
        assert.equal(res.status, 200, res.raw);
        assert.equal(res.body.granularity, 'month');
        assert.equal(res.body.method, 'naive');
        assert.deepEqual(res.body.forecast.map((f: { date: string }) => f.date), ['2026-03-01', '2026-04-01', '2026-05-01']);
        assert.equal(res.body.history.at(-1).date, '2026-02-01');
      });

      it('POST /v1/forecasts/run recomputes the given SKUs and lists the ones it cannot forecast', async () => {
        const res = await h.call('POST', '/v1/forecasts/run', { skus: ['SKU-F', 'SKU-SHORT', 'SKU-NONE'] });
        assert.equal(res.status, 200, res.raw);
        assert.equal(res.body.computed, 1);
        assert.equal(res.body.workers, 0);
        assert.deepEqual(res.body.skipped.map((s: { sku: string; code: string }) => [s.sku, s.code]), [['SKU-SHORT', 'history_too_short'], ['SKU-NONE', 'no_history']]);
        assert.equal(res.body.accuracy.skus, 1);
        const stored = await h.restock.planning.stored('SKU-F');
        assert.equal(stored?.granularity, 'week');
        assert.ok(stored?.accuracy);
      });

      it('errors: unknown SKU 404, too little history 422, bad options 400, storefront key 403', async () => {
        const unknown = await h.call('GET', '/v1/forecasts/NOPE');
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error.code, 'unknown_sku');
        const short = await h.call('GET', '/v1/forecasts/SKU-SHORT');
        assert.equal(short.status, 422);
        assert.equal(short.body.error.code, 'history_too_short');
        assert.match(short.body.error.message, /3 complete weeks of sales history; a forecast needs at least 8/);
        assert.deepEqual(short.body.error.details, { sku: 'SKU-SHORT', periods: 3, minPeriods: 8, granularity: 'week' });
        const none = await h.call('GET', '/v1/forecasts/SKU-NONE');
        assert.equal(none.status, 422);
        assert.equal(none.body.error.code, 'no_history');
        assert.equal((await h.call('GET', '/v1/forecasts/SKU-F?method=magic')).status, 400);
        assert.equal((await h.call('GET', '/v1/forecasts/SKU-F?horizon=0')).status, 400);
        const tooFar = await h.call('GET', '/v1/forecasts/SKU-F?granularity=month&horizon=100');
        assert.equal(tooFar.status, 400);
        assert.equal(tooFar.body.error.code, 'forecast_input_invalid');
        assert.equal((await h.call('POST', '/v1/forecasts/run', { skus: ['NOPE'] })).status, 404);
        assert.equal((await h.call('POST', '/v1/forecasts/run', { skus: [] })).status, 400);
        assert.equal((await h.call('GET', '/v1/forecasts/SKU-F', undefined, { as: 'storefront' })).status, 403);
        assert.equal((await h.call('GET', '/v1/forecasts/SKU-F', undefined, { as: 'none' })).status, 401);
      });
    });
  });
}
