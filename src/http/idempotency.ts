/**
 * `Idempotency-Key` on every mutating request. The key is claimed once the request is authenticated and valid
 * (a 400/401/403/413 stores nothing, so a corrected retry may use the same key); the handler's response, success
 * or 4xx, is stored and replayed for the same key and body. The same key with another body is a 409, as is a
 * retry while the first is still running. A 5xx (the transaction rolled back) frees the key.
 *
 * Bounded: a record lives `ttlMs` (24 h by default) and is then treated as gone and swept in batches by a timer
 * of each process (deletes only, so several processes may sweep at once). A response larger than
 * `maxResponseBytes` (64 KiB) is not stored: the request did run, so the key is not released either (a retry
 * would run it twice); a replay answers 409 `idempotency_response_not_kept`, naming the status it had. Routes
 * that only read (`config: { readOnly: true }`, e.g. `POST /v1/availability`) store nothing at all (the header's
 * form is still checked, as everywhere).
 *
 * A claim left pending by a process that died mid-request is taken over once it is older than the request
 * time-out (`takeoverAfterMs`, the server's REQUEST_TIMEOUT_MS, 30 s by default): the server closes a connection
 * whose request has not been received, or that stays silent, for that long (Fastify's requestTimeout and
 * connectionTimeout, set in api/app.ts to the same value), and a request claims its key only once it has been
 * received. The completion of a request is fenced by its claim: a request that outlived its claim (taken over)
 * cannot overwrite the answer of the one that took over.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Conflict, Invalid } from '../core/errors.ts';
import { canonicalJson } from '../core/json.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string; replay: boolean; claimedAt: string } | null;
  }
  interface FastifyContextConfig {
    /** A POST that changes nothing (a query with a large body): Idempotency-Key is ignored and nothing stored. */
    readOnly?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_SWEEP_EVERY_MS = 10 * 60_000;
const SWEEP_BATCH = 1000;
/** Marks a record whose request ran but whose response was too large to keep. */
const NOT_KEPT = 'not_kept';

export interface IdempotencyOptions {
  /** How long a record is kept and replayed (default 24 h). */
  ttlMs?: number;
  /** The largest response body stored for replay (default 64 KiB). */
  maxResponseBytes?: number;
  /** After how long a pending claim counts as abandoned (default: the request time-out, 30 s). */
  takeoverAfterMs?: number;
  /** How often this process sweeps expired records (default 10 min; 0: never, the caller sweeps). */
  sweepEveryMs?: number;
}

/** What identifies "the same request" under one key: method, URL and the canonical body. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${canonicalJson(body ?? null)}`).digest('hex');
}

/**
 * Deletes records created before `now - ttlMs`, `batch` at a time, until none is left; returns how many went.
 * Safe to run from several processes at once (each batch is a plain delete of rows that may already be gone).
 */
export async function sweepIdempotencyKeys(db: Database, now: Date, ttlMs: number, batch = SWEEP_BATCH): Promise<number> {
  const before = new Date(now.getTime() - ttlMs).toISOString();
  let total = 0;
  for (;;) {
    // The batch's newest creation time bounds the delete, so each statement touches at most ~`batch` rows
    // (more only on exact ties) and uses the created_at index.
    const edge = await db.kysely
      .selectFrom('idempotency_keys')
      .select('created_at')
      .where('created_at', '<', before)
      .orderBy('created_at')
      .offset(Math.max(0, batch - 1))
      .limit(1)
      .executeTakeFirst();
    const upTo = edge?.created_at;
    let q = db.kysely.deleteFrom('idempotency_keys').where('created_at', '<', before);
    if (upTo) q = q.where('created_at', '<=', upTo);
    const n = Number((await q.executeTakeFirst()).numDeletedRows);
    total += n;
    if (!upTo || n === 0) return total;
  }
}

export function installIdempotency(app: FastifyInstance, db: Database, clock: Clock, opts: IdempotencyOptions = {}): void {
  const ttlMs = opts.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const takeoverAfterMs = opts.takeoverAfterMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  app.decorateRequest('idempotency', null);

  const sweepEveryMs = opts.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS;
  if (sweepEveryMs > 0) {
    const timer = setInterval(() => {
      sweepIdempotencyKeys(db, clock.now(), ttlMs).catch((err: unknown) => app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'idempotency sweep failed'));
    }, sweepEveryMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  const claim = async (principal: string, key: string, hash: string, now: string): Promise<boolean> => {
    const inserted = await db.kysely
      .insertInto('idempotency_keys')
      .values({ principal, key, request_hash: hash, state: 'pending', response_status: null, response_body: null, created_at: now })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .returning('key')
      .execute();
    return inserted.length > 0;
  };

  // Both hooks run on every request; they are callback hooks so that the requests they have nothing to do for
  // (reads, requests without the header) pass through without a promise, and only the others wait for SQL.
  app.addHook('preHandler', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (req.headers['idempotency-key'] === undefined || !MUTATING.has(req.method)) return done();
    // After a replay the reply is sent; Fastify goes no further with a sent reply.
    claimOrReplay(req, reply).then(() => done(), (err: unknown) => done(err as Error));
  });

  const claimOrReplay = async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const key = req.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw new Invalid('Idempotency-Key must be 1 to 255 characters', { header: 'idempotency-key' }, 'invalid_idempotency_key');
    }
    // A malformed header is refused everywhere alike; on a read-only route a well-formed one is just ignored.
    if (req.routeOptions.config.readOnly === true) return;
    const principal = req.apiKey?.id ?? 'anonymous';
    const hash = requestHash(req.method, req.url, req.body);
    const nowMs = clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    if (await claim(principal, key, hash, now)) {
      req.idempotency = { principal, key, replay: false, claimedAt: now };
      return;
    }
    let row = await db.kysely.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
    if (row && Date.parse(row.created_at) < nowMs - ttlMs) {
      // Expired but not swept yet: it is gone as far as anyone can tell.
      await db.kysely.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key).where('created_at', '=', row.created_at).execute();
      if (await claim(principal, key, hash, now)) {
        req.idempotency = { principal, key, replay: false, claimedAt: now };
        return;
      }
      row = await db.kysely.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
    }
    if (!row) throw new Conflict('the Idempotency-Key is in use; retry', { key }, 'idempotency_in_progress');
    const abandoned = row.state === 'pending' && Date.parse(row.created_at) < nowMs - takeoverAfterMs;
    if (abandoned && row.request_hash === hash) {
      const took = await db.kysely
        .updateTable('idempotency_keys')
        .set({ created_at: now })
        .where('principal', '=', principal)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .where('created_at', '=', row.created_at)
        .executeTakeFirst();
      if (Number(took.numUpdatedRows) === 1) {
        req.idempotency = { principal, key, replay: false, claimedAt: now };
        return;
      }
    }
    if (row.request_hash !== hash) {
      throw new Conflict('this Idempotency-Key was used with a different request', { key }, 'idempotency_key_reused');
    }
    if (row.state === NOT_KEPT) {
      throw new Conflict(
        `the request with this Idempotency-Key was applied (status ${row.response_status ?? 'unknown'}) but its response was too large to keep; read the result instead`,
        { key, status: row.response_status ?? 0 },
        'idempotency_response_not_kept',
      );
    }
    if (row.state !== 'done' || row.response_status === null) {
      throw new Conflict('a request with this Idempotency-Key is still being processed', { key }, 'idempotency_in_progress');
    }
    req.idempotency = { principal, key, replay: true, claimedAt: row.created_at };
    return reply
      .status(row.response_status)
      .header('idempotent-replayed', 'true')
      .header('content-type', 'application/json; charset=utf-8')
      .send(row.response_body);
  };

  app.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
    const idem = req.idempotency;
    if (!idem || idem.replay) return done(null, payload);
    complete(idem, reply, payload).then(() => done(null, payload), (err: unknown) => done(err as Error));
  });

  const complete = async (idem: NonNullable<FastifyRequest['idempotency']>, reply: FastifyReply, payload: unknown): Promise<void> => {
    // Only our own claim: a request that was taken over leaves the new claim alone.
    const mine = db.kysely.updateTable('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key).where('created_at', '=', idem.claimedAt);
    if (reply.statusCode >= 500) {
      await db.kysely.deleteFrom('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key).where('created_at', '=', idem.claimedAt).execute();
      return;
    }
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
    if (Buffer.byteLength(body) > maxResponseBytes) {
      await mine.set({ state: NOT_KEPT, response_status: reply.statusCode, response_body: null }).execute();
    } else {
      await mine.set({ state: 'done', response_status: reply.statusCode, response_body: body }).execute();
    }
  };
}
