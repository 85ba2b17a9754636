/** SQL for the `jobs` table; nothing else reads or writes it. */
import type { Selectable } from 'kysely';
import type { Q } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';
import type { Job, JobStatus } from './model.ts';

function parse(s: string | null): unknown {
  return s === null ? null : JSON.parse(s);
}

function rowToJob(r: Selectable<JobsTable>): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as JobStatus,
    params: parse(r.params),
    progress: { done: r.done, total: r.total, current: r.current },
    result: parse(r.result),
    error: parse(r.error) as Job['error'],
    createdAt: r.created_at,
    heartbeatAt: r.heartbeat_at,
    finishedAt: r.finished_at,
  };
}

/** Inserts a running job; false when another job of its kind is running (the unique index on running_kind). */
export async function insertRunning(q: Q, job: Job): Promise<boolean> {
  const rows = await q
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      status: 'running',
      running_kind: job.kind,
      params: JSON.stringify(job.params ?? null),
      done: 0,
      total: null,
      current: null,
      result: null,
      error: null,
      created_at: job.createdAt,
      heartbeat_at: job.heartbeatAt,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('running_kind').doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function findRunning(q: Q, kind: string): Promise<Job | null> {
  const r = await q.selectFrom('jobs').selectAll().where('running_kind', '=', kind).executeTakeFirst();
  return r ? rowToJob(r) : null;
}

export async function findJob(q: Q, id: string): Promise<Job | null> {
  const r = await q.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToJob(r) : null;
}

/** Newest first. */
export async function listJobs(q: Q, kind: string | undefined, limit: number): Promise<Job[]> {
  let query = q.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (kind) query = query.where('kind', '=', kind);
  return (await query.execute()).map(rowToJob);
}

export async function writeProgress(q: Q, id: string, p: Job['progress'], at: string): Promise<void> {
  await q.updateTable('jobs').set({ done: p.done, total: p.total, current: p.current, heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Ends a running job; false when it was no longer running (another process declared it abandoned). */
export async function finishJob(q: Q, id: string, status: Exclude<JobStatus, 'running'>, out: { result?: unknown; error?: Job['error'] }, at: string): Promise<boolean> {
  const r = await q
    .updateTable('jobs')
    .set({
      status,
      running_kind: null,
      result: out.result === undefined ? null : JSON.stringify(out.result),
      error: out.error ? JSON.stringify(out.error) : null,
      finished_at: at,
      heartbeat_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Fails a running job whose heartbeat is older than `before` (its process died); true when this call did. */
export async function abandonStale(q: Q, id: string, before: string, at: string, error: Job['error']): Promise<boolean> {
  const r = await q
    .updateTable('jobs')
    .set({ status: 'failed', running_kind: null, error: JSON.stringify(error), finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
