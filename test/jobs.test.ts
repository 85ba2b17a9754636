/**
 * Background jobs: a forecast run of every SKU is started by a request that answers at once (202, the job),
 * runs one at a time across processes, reports progress, records its result, and is taken over when the
 * process running it died or shut down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock.ts';
import { Restock } from '../src/restock.ts';
import { DIALECTS } from './helpers/db.ts';
import { harness, type Harness } from './helpers/app.ts';
import { seedHistory } from './helpers/sales.ts';

for (const dialect of DIALECTS) {
  describe(`background jobs (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect, { clock: new ManualClock('2026-03-01T08:00:00.000Z') });
      for (const sku of ['SKU-J1', 'SKU-J2']) await seedHistory(h.restock, sku, { first: '2025-09-01', days: 170, level: 3 });
    });
    after(async () => h?.close());

    it('a forecast run of every SKU answers 202 with the job before the work is done, and the job ends with the run summary', async () => {
      const res = await h.call('POST', '/v1/forecasts/run', { granularity: 'week', backtest: false });
      assert.equal(res.status, 202, res.raw);
      assert.equal(res.body.kind, 'forecast_run');
      assert.equal(res.body.status, 'running', 'the request did not run the forecasts itself');
      assert.equal(res.headers.location, `/v1/jobs/${res.body.id}`);
      await h.restock.jobs.idle();
      const job = await h.call('GET', `/v1/jobs/${res.body.id}`);
      assert.equal(job.status, 200);
      assert.equal(job.body.status, 'succeeded', JSON.stringify(job.body));
      assert.equal(job.body.result.computed, 2);
      assert.deepEqual(job.body.progress, { done: 2, total: 2, current: job.body.progress.current });
      assert.ok(['SKU-J1', 'SKU-J2'].includes(job.body.progress.current));
      assert.equal(job.body.error, null);
      assert.ok(job.body.finishedAt);
      const list = await h.call('GET', '/v1/jobs?kind=forecast_run');
      assert.equal(list.body.items[0].id, res.body.id);
      // Forecasts of the named SKUs still answer in the request.
      const sync = await h.call('POST', '/v1/forecasts/run', { skus: ['SKU-J1'], backtest: false });
      assert.equal(sync.status, 200);
      assert.equal(sync.body.computed, 1);
    });

    it('refuses a run of every SKU in the request, an unknown job, and job routes to other keys', async () => {
      const r = await h.call('POST', '/v1/forecasts/run', { background: false });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.details[0].field, 'body.background');
      const missing = await h.call('GET', '/v1/jobs/job_nope');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'unknown_job');
      assert.equal((await h.call('GET', '/v1/jobs', undefined, { as: 'storefront' })).status, 403);
    });

    it('runs one job of a kind at a time, across processes; a job whose process went silent is taken over', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = await h.restock.jobs.start('forecast_run', {}, async () => {
        await held;
        return { late: true };
      });
      const busy = await h.call('POST', '/v1/forecasts/run', {});
      assert.equal(busy.status, 409);
      assert.equal(busy.body.error.code, 'job_running');
      assert.deepEqual(busy.body.error.details, { id: first.id, kind: 'forecast_run' });

      // Another process on the same database sees the same running job, and takes it over once it is stale.
      const other = await Restock.open({ databaseUrl: h.url, clock: h.clock });
      try {
        await assert.rejects(other.jobs.start('forecast_run', {}, async () => null), (e: Error & { code?: string }) => e.code === 'job_running');
        h.clock.advance(61_000);
        const second = await other.jobs.start('forecast_run', {}, async () => 'mine');
        await other.jobs.idle();
        assert.equal((await other.jobs.get(second.id)).status, 'succeeded');
        const abandoned = await other.jobs.get(first.id);
        assert.equal(abandoned.status, 'failed');
        assert.equal(abandoned.error?.code, 'abandoned');
      } finally {
        await other.close();
      }
      // The first process finishing late does not overwrite what was decided.
      release();
      await h.restock.jobs.idle();
      const late = await h.restock.jobs.get(first.id);
      assert.equal(late.status, 'failed');
      assert.equal(late.result, null);
    });

    it('a shutdown aborts running work and records why', async () => {
      const other = await Restock.open({ databaseUrl: h.url, clock: h.clock });
      let sawAbort = false;
      const job = await other.jobs.start('forecast_run', {}, (ctx) =>
        new Promise((_resolve, reject) => {
          ctx.progress(1, 10, 'SKU-J1');
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('aborted'));
          });
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      await other.close();
      assert.ok(sawAbort);
      const ended = await h.restock.jobs.get(job.id);
      assert.equal(ended.status, 'failed');
      assert.equal(ended.error?.code, 'stopped');
      assert.equal(ended.progress.done, 1);
      // And the kind is free again.
      const next = await h.call('POST', '/v1/forecasts/run', { backtest: false });
      assert.equal(next.status, 202);
      await h.restock.jobs.idle();
    });
  });
}
