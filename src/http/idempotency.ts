/**
 * `Idempotency-Key` on every mutating request. The key is claimed once the request is authenticated and valid
 * (a 400/401/403/413 stores nothing, so a corrected retry may use the same key); the handler's response, success
 * or 4xx, is stored and replayed for the same key and body. The same key with another body is a 409, as is a
 * retry while the first is still running. A 5xx (the transaction rolled back) frees the key, and so does a claim
 * left pending for over a minute by a process that died mid-request.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Conflict, Invalid } from '../core/errors.ts';
import { canonicalJson } from '../core/json.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string; replay: boolean } | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PENDING_TIMEOUT_MS = 60_000;

export function installIdempotency(app: FastifyInstance, db: Database, clock: Clock): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (key === undefined || !MUTATING.has(req.method)) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw new Invalid('Idempotency-Key must be 1 to 255 characters', { header: 'idempotency-key' }, 'invalid_idempotency_key');
    }
    const principal = req.apiKey?.id ?? 'anonymous';
    const hash = createHash('sha256')
      .update(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    const inserted = await db.kysely
      .insertInto('idempotency_keys')
      .values({ principal, key, request_hash: hash, state: 'pending', response_status: null, response_body: null, created_at: clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .returning('key')
      .execute();
    if (inserted.length > 0) {
      req.idempotency = { principal, key, replay: false };
      return;
    }
    const row = await db.kysely.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
    if (!row) throw new Conflict('the Idempotency-Key is in use; retry', { key }, 'idempotency_in_progress');
    const abandoned = row.state === 'pending' && Date.parse(row.created_at) < clock.now().getTime() - PENDING_TIMEOUT_MS;
    if (abandoned && row.request_hash === hash) {
      const took = await db.kysely
        .updateTable('idempotency_keys')
        .set({ created_at: clock.now().toISOString() })
        .where('principal', '=', principal)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .where('created_at', '=', row.created_at)
        .executeTakeFirst();
      if (Number(took.numUpdatedRows) === 1) {
        req.idempotency = { principal, key, replay: false };
        return;
      }
    }
    if (row.request_hash !== hash) {
      throw new Conflict('this Idempotency-Key was used with a different request', { key }, 'idempotency_key_reused');
    }
    if (row.state !== 'done' || row.response_status === null) {
      throw new Conflict('a request with this Idempotency-Key is still being processed', { key }, 'idempotency_in_progress');
    }
    req.idempotency = { principal, key, replay: true };
    return reply
      .status(row.response_status)
      .header('idempotent-replayed', 'true')
      .header('content-type', 'application/json; charset=utf-8')
      .send(row.response_body);
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = req.idempotency;
    if (!idem || idem.replay) return payload;
    const q = db.kysely;
    if (reply.statusCode >= 500) {
      await q.deleteFrom('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key).execute();
    } else {
      await q
        .updateTable('idempotency_keys')
        .set({ state: 'done', response_status: reply.statusCode, response_body: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null) })
        .where('principal', '=', idem.principal)
        .where('key', '=', idem.key)
        .execute();
    }
    return payload;
  });
}
