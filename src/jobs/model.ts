/**
 * Background jobs: work too long for one request (a forecast run of every SKU), started by a request that
 * answers at once with the job, and followed through `GET /v1/jobs/:id`. One job of a kind runs at a time, in
 * whichever process took it.
 */
export const JOB_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  /** What the job was asked to do (the request's options). */
  params: unknown;
  /** Items done of `total` (null until the job knows how many there are), and the one in hand. */
  progress: { done: number; total: number | null; current: string | null };
  /** The job's answer once it succeeded (for a forecast run, the run summary). */
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: string;
  /** The running process writes this at least every few seconds; a job whose heartbeat stops was abandoned. */
  heartbeatAt: string;
  finishedAt: string | null;
}

export interface JobContext {
  /** Reports progress; written to the database at most once a second. */
  progress(done: number, total: number, current?: string): void;
  /** Aborted when the service shuts down: stop and throw. */
  signal: AbortSignal;
}
