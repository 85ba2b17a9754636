/**
 * Worker thread for forecasting: takes batches of prepared series from pool.ts and answers each with the
 * engine's outcome or the error that refused it. Holds no state between batches.
 */
import { parentPort } from 'node:worker_threads';
import { runSeries } from './engine.ts';
import { toJobError, type WorkerRequest, type WorkerResponse } from './pool.ts';

const port = parentPort;
if (port === null) throw new Error('planning/worker.ts runs only as a worker thread');

port.on('message', (msg: WorkerRequest) => {
  const results: WorkerResponse['results'] = msg.jobs.map((job) => {
    try {
      return { ok: true, outcome: runSeries(job) };
    } catch (err) {
      return { ok: false, error: toJobError(err) };
    }
  });
  const reply: WorkerResponse = { batch: msg.batch, results };
  port.postMessage(reply);
});
