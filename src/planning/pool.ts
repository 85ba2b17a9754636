/**
 * Forecasting across the cores: a small pool of worker threads (worker.ts) that run the engine on batches of
 * prepared series. Fitting is pure CPU, so one thread per core is what speeds it up; the main thread keeps the
 * database and the files. With no workers the same engine runs in this thread.
 *
 * Under tsx (development, tests, `bin/restock.js`) a worker is a fresh isolate that knows nothing of the tsx
 * loader the main thread registered. On Node 20 `execArgv: ['--import', 'tsx']` starts the worker but does not
 * give it the loader (it then fails on the first `.ts` import), so the worker starts from a two-line bootstrap
 * that registers tsx through its API — as bin/restock.js does for the main thread — and then imports
 * worker.ts. Both are resolved to absolute URLs, so any working directory will do. Built JavaScript starts
 * worker.js directly.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RestockError } from '../core/errors.ts';
import { runSeries, type SeriesJob } from './engine.ts';
import type { ForecastOutcome } from './model.ts';

export interface JobError {
  message: string;
  code: string;
  status: number;
  details: unknown;
}

export type JobResult = { ok: true; outcome: ForecastOutcome } | { ok: false; error: JobError };

export interface WorkerRequest {
  batch: number;
  jobs: SeriesJob[];
}

export interface WorkerResponse {
  batch: number;
  results: JobResult[];
}

/** An error as plain data, to cross the thread boundary (typed domain errors keep their code and status). */
export function toJobError(err: unknown): JobError {
  if (err instanceof RestockError) return { message: err.message, code: err.code, status: err.status, details: err.details };
  return { message: err instanceof Error ? err.message : String(err), code: 'forecast_failed', status: 500, details: null };
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  // Messages posted before worker.ts has attached its listener wait in the port.
  return new Worker(`import(${api}).then((m) => { m.register(); return import(${worker}); });`, { eval: true });
}

export interface PoolRunOptions {
  /** series per message (default 1): more amortises messaging for many small series */
  batchSize?: number;
  /** called as each job finishes, in completion order */
  onResult?: (index: number, result: JobResult) => void;
}

/**
 * Runs `jobs` on `workers` threads (0: in this thread) and returns the results in job order. The threads are
 * started for the run and ended after it.
 */
export async function runJobs(jobs: readonly SeriesJob[], workers: number, opts: PoolRunOptions = {}): Promise<JobResult[]> {
  const results = new Array<JobResult | undefined>(jobs.length);
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 1));
  const threads = Math.min(Math.max(0, Math.floor(workers)), Math.ceil(jobs.length / batchSize));
  if (threads === 0) {
    for (let i = 0; i < jobs.length; i++) {
      let r: JobResult;
      try {
        r = { ok: true, outcome: runSeries(jobs[i] as SeriesJob) };
      } catch (err) {
        r = { ok: false, error: toJobError(err) };
      }
      results[i] = r;
      opts.onResult?.(i, r);
      // Let timers and I/O (a progress bar, an HTTP server) breathe between series.
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
    return results as JobResult[];
  }

  let next = 0;
  let batchId = 0;
  const started: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const inFlight = new Map<number, number>();
      const feed = (w: Worker): boolean => {
        if (next >= jobs.length) return false;
        const from = next;
        next = Math.min(jobs.length, next + batchSize);
        const id = batchId++;
        inFlight.set(id, from);
        const msg: WorkerRequest = { batch: id, jobs: jobs.slice(from, next) };
        w.postMessage(msg);
        return true;
      };
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      for (let k = 0; k < threads; k++) {
        const w = startWorker();
        started.push(w);
        running++;
        w.on('message', (msg: WorkerResponse) => {
          const from = inFlight.get(msg.batch) ?? 0;
          inFlight.delete(msg.batch);
          msg.results.forEach((r, j) => {
            results[from + j] = r;
            opts.onResult?.(from + j, r);
          });
          if (!feed(w)) {
            running--;
            if (running === 0) resolve();
          }
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && !failed && results.includes(undefined)) fail(new Error(`forecast worker stopped with exit code ${code}`));
        });
        if (!feed(w)) {
          running--;
          if (running === 0) resolve();
        }
      }
    });
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
  return results as JobResult[];
}
