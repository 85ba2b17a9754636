/** SQL for the `api_keys` table; nothing else reads or writes it. */
import type { Selectable } from 'kysely';
import type { Q } from '../db/database.ts';
import type { ApiKeysTable } from '../db/schema.ts';
import type { ApiKey, Scope } from './model.ts';
import { isPublishable } from './policy.ts';

function rowToKey(r: Selectable<ApiKeysTable>): ApiKey {
  const scope = r.scope as Scope;
  return { id: r.id, name: r.name, scope, prefix: r.prefix, createdAt: r.created_at, revokedAt: r.revoked_at, publishable: isPublishable(scope), supplierId: r.supplier_id ?? null };
}

export async function insertKey(q: Q, key: ApiKey, keyHash: string): Promise<void> {
  await q
    .insertInto('api_keys')
    .values({ id: key.id, name: key.name, scope: key.scope, key_hash: keyHash, prefix: key.prefix, created_at: key.createdAt, revoked_at: key.revokedAt, ...(key.supplierId ? { supplier_id: key.supplierId } : {}) })
    .execute();
}

export async function listKeys(q: Q): Promise<ApiKey[]> {
  const rows = await q.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(rowToKey);
}

export async function findKeyByHash(q: Q, keyHash: string): Promise<ApiKey | null> {
  const r = await q.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  return r ? rowToKey(r) : null;
}

/** Marks a key revoked unless it already is; true when this call revoked it. */
export async function revokeKey(q: Q, id: string, at: string): Promise<boolean> {
  const r = await q.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findKeyById(q: Q, id: string): Promise<ApiKey | null> {
  const r = await q.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToKey(r) : null;
}
