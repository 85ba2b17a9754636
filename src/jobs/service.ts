/**
 * Background jobs: `start` records a running job and answers with it at once; the work runs in this process,
 * reporting progress, and its result or error is stored when it ends. One job of a kind runs at a time across
 * processes (the database refuses a second); a job whose process died (no heartbeat for a minute) is marked
 * failed when the next one of its kind is asked for. Shutting down aborts running work and records why.
 */
import type { Clock } from '../core/clock.ts';
import { Conflict, NotFound, RestockError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/database.ts';
import type { Job, JobContext } from './model.ts';
import { abandonStale, findJob, findRunning, finishJob, insertRunning, listJobs, writeProgress } from './store.ts';

/** How often a running job's process says it is alive, and how long a silent one is trusted. */
export const HEARTBEAT_MS = 5000;
export const STALE_MS = 60_000;
const PROGRESS_WRITE_MS = 1000;

export class JobService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Starts `work` as a job of `kind`, or refuses with `job_running` while one of that kind runs anywhere. */
  async start(kind: string, params: unknown, work: (ctx: JobContext) => Promise<unknown>): Promise<Job> {
    const now = this.clock.now().toISOString();
    const job: Job = {
      id: newId('job'),
      kind,
      status: 'running',
      params,
      progress: { done: 0, total: null, current: null },
      result: null,
      error: null,
      createdAt: now,
      heartbeatAt: now,
      finishedAt: null,
    };
    if (!(await insertRunning(this.db.kysely, job))) {
      const other = await findRunning(this.db.kysely, kind);
      const staleBefore = new Date(this.clock.now().getTime() - STALE_MS).toISOString();
      const abandoned = other
        ? await abandonStale(this.db.kysely, other.id, staleBefore, now, { code: 'abandoned', message: 'the process running this job stopped before it finished' })
        : false;
      if (!abandoned || !(await insertRunning(this.db.kysely, job))) {
        const running = other ?? (await findRunning(this.db.kysely, kind));
        throw new Conflict(`a ${kind} job is running already (${running?.id ?? 'just finishing'}); follow it at GET /v1/jobs/${running?.id ?? ''}`, { id: running?.id ?? '', kind }, 'job_running');
      }
    }
    const controller = new AbortController();
    const done = this.run(job, work, controller.signal).finally(() => this.running.delete(job.id));
    this.running.set(job.id, { controller, done });
    return job;
  }

  private async run(job: Job, work: (ctx: JobContext) => Promise<unknown>, signal: AbortSignal): Promise<void> {
    let progress = job.progress;
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = () => {
      const p = progress;
      writing = writing
        .then(() => writeProgress(this.db.kysely, job.id, p, this.clock.now().toISOString()))
        .catch((err: unknown) => this.logger.warn({ job: job.id, err: err instanceof Error ? err.message : String(err) }, 'job progress not written'));
    };
    const heartbeat = setInterval(write, HEARTBEAT_MS);
    heartbeat.unref();
    const ctx: JobContext = {
      signal,
      progress: (done, total, current) => {
        progress = { done, total, current: current ?? null };
        const t = Date.now();
        if (t - written >= PROGRESS_WRITE_MS || done === total) {
          written = t;
          write();
        }
      },
    };
    let outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: Job['error'] };
    try {
      // Let the request that started the job answer before the work takes the thread.
      await new Promise((resolve) => setImmediate(resolve));
      outcome = { status: 'succeeded', result: await work(ctx) };
    } catch (err) {
      if (signal.aborted) outcome = { status: 'failed', error: { code: 'stopped', message: 'the service shut down while the job ran; start it again' } };
      else if (err instanceof RestockError && err.status < 500) outcome = { status: 'failed', error: { code: err.code, message: err.message } };
      else {
        this.logger.error({ job: job.id, kind: job.kind, err: err instanceof Error ? err.stack : String(err) }, 'job failed');
        outcome = { status: 'failed', error: { code: 'internal', message: 'the job failed on our side; the log has the details' } };
      }
    } finally {
      clearInterval(heartbeat);
    }
    await writing;
    const at = this.clock.now().toISOString();
    try {
      const ended = outcome.status === 'succeeded'
        ? await finishJob(this.db.kysely, job.id, 'succeeded', { result: outcome.result }, at)
        : await finishJob(this.db.kysely, job.id, 'failed', { error: outcome.error }, at);
      if (!ended) this.logger.warn({ job: job.id }, 'job finished after it was declared abandoned; its result is not recorded');
    } catch (err) {
      this.logger.error({ job: job.id, err: err instanceof Error ? err.message : String(err) }, 'job end not recorded');
    }
  }

  async get(id: string): Promise<Job> {
    const job = await findJob(this.db.kysely, id);
    if (!job) throw new NotFound('Job', id, 'unknown_job');
    return job;
  }

  async list(kind: string | undefined, limit = 50): Promise<Job[]> {
    return listJobs(this.db.kysely, kind, limit);
  }

  /** Resolves when every job this process runs has ended (tests; a caller that must wait for a result). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /** Aborts the jobs this process runs and waits until each has recorded how it ended. */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.controller.abort();
    await this.idle();
  }
}
