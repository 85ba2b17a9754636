/**
 * Forecasting across the cores: a small pool of worker threads (worker.ts) that run the engine on batches of
 * prepared series. Fitting is pure CPU, so one thread per core is what speeds it up; the main thread keeps the
 * database and the files. With no workers the same engine runs in this thread.
 *
 * Compiled (dist/, what `npm start` and the `restock` bin run) a worker starts from worker.js beside this file
 * and needs no tsx, which production installs do not have. From the sources under tsx (`npm run dev`, tests,
 * benchmarks) a worker is a fresh isolate that knows nothing of the loader the main thread registered; on
 * Node 20 `execArgv: ['--import', 'tsx']` starts it without the loader (it then fails on the first `.ts`
 * import), so it starts from a two-line bootstrap that registers tsx through its API and then imports
 * worker.ts. Both are resolved to absolute URLs, so any working directory will do. Which of the two is
 * decided by this module's own URL, so tsx is only looked up when running from sources.
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
  /** Stops handing out work when aborted; `run` then rejects with the signal's reason. */
  signal?: AbortSignal;
}

function runHere(job: SeriesJob): JobResult {
  try {
    return { ok: true, outcome: runSeries(job) };
  } catch (err) {
    return { ok: false, error: toJobError(err) };
  }
}

/**
 * Worker threads, started as soon as the pool is made, so they load while the caller still reads its data;
 * `run` hands them jobs, `close` ends them. A pool of size 0 runs jobs in this thread.
 */
export class ForecastPool {
  private readonly workers: Worker[] = [];
  private broken: Error | null = null;

  constructor(size: number) {
    for (let k = 0; k < Math.max(0, Math.floor(size)); k++) {
      const w = startWorker();
      // Until `run` listens, an error (a worker that cannot load) is kept for it to report.
      w.on('error', (err) => {
        this.broken ??= err;
      });
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `jobs` and returns the results in job order. */
  async run(jobs: readonly SeriesJob[], opts: PoolRunOptions = {}): Promise<JobResult[]> {
    const results = new Array<JobResult | undefined>(jobs.length);
    if (this.workers.length === 0) {
      for (let i = 0; i < jobs.length; i++) {
        opts.signal?.throwIfAborted();
        const r = runHere(jobs[i] as SeriesJob);
        results[i] = r;
        opts.onResult?.(i, r);
        // Let timers and I/O (a progress bar, an HTTP server) breathe between series.
        if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
      }
      return results as JobResult[];
    }
    if (this.broken) throw this.broken;
    const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 1));
    let next = 0;
    let batchId = 0;
    const inFlight = new Map<number, number>();
    const cleanup: Array<() => void> = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let idle = 0;
        let settled = false;
        const finish = (err?: Error) => {
          if (settled) return;
          settled = true;
          if (err) reject(err);
          else resolve();
        };
        const feed = (w: Worker): void => {
          if (opts.signal?.aborted) {
            finish(opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
            return;
          }
          if (next >= jobs.length) {
            idle++;
            if (idle === this.workers.length && inFlight.size === 0) finish();
            return;
          }
          const from = next;
          next = Math.min(jobs.length, next + batchSize);
          const id = batchId++;
          inFlight.set(id, from);
          const msg: WorkerRequest = { batch: id, jobs: jobs.slice(from, next) };
          w.postMessage(msg);
        };
        for (const w of this.workers) {
          const onMessage = (msg: WorkerResponse) => {
            const from = inFlight.get(msg.batch) ?? 0;
            inFlight.delete(msg.batch);
            msg.results.forEach((r, j) => {
              results[from + j] = r;
              opts.onResult?.(from + j, r);
            });
            feed(w);
          };
          const onError = (err: Error) => finish(err);
          const onExit = (code: number) => finish(new Error(`a forecast worker stopped (exit code ${code}) with work in hand`));
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          cleanup.push(() => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
          });
        }
        if (opts.signal) {
          const onAbort = () => finish(opts.signal?.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
          opts.signal.addEventListener('abort', onAbort, { once: true });
          cleanup.push(() => opts.signal?.removeEventListener('abort', onAbort));
        }
        if (jobs.length === 0) finish();
        else for (const w of this.workers) feed(w);
      });
    } finally {
      for (const c of cleanup) c();
    }
    return results as JobResult[];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

/** Runs `jobs` on `workers` fresh threads (0: in this thread), returning the results in job order. */
export async function runJobs(jobs: readonly SeriesJob[], workers: number, opts: PoolRunOptions = {}): Promise<JobResult[]> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 1));
  const pool = new ForecastPool(Math.min(Math.max(0, Math.floor(workers)), Math.ceil(jobs.length / batchSize)));
  try {
    return await pool.run(jobs, opts);
  } finally {
    await pool.close();
  }
}
