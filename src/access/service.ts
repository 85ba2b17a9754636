/**
 * Access use cases: create, list and revoke API keys, and verify a presented secret (the HTTP kit's auth hook
 * calls `verify` on every authenticated request).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Database } from '../db/database.ts';
import type { ApiKey, Scope } from './model.ts';
import { SHOWN_PREFIX_LENGTH, isPublishable, secretPrefix } from './policy.ts';
import { NotFound } from '../core/errors.ts';
import { findKeyByHash, findKeyById, insertKey, listKeys, revokeKey } from './store.ts';

/** A revocation reaches every process within this long (the verify cache's lifetime). */
const VERIFY_CACHE_MS = 5000;
const VERIFY_CACHE_MAX = 10_000;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class AccessService {
  private readonly cache = new Map<string, { key: ApiKey | null; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Makes a key; its secret is returned now and never again. */
  async create(scope: Scope, name = `${scope} key`): Promise<{ key: string; apiKey: ApiKey }> {
    const secret = `${secretPrefix(scope)}${randomBytes(24).toString('base64url')}`;
    const apiKey: ApiKey = { id: newId('key'), name, scope, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), createdAt: this.clock.now().toISOString(), revokedAt: null, publishable: isPublishable(scope) };
    await insertKey(this.db.kysely, apiKey, hashKey(secret));
    return { key: secret, apiKey };
  }

  async list(): Promise<ApiKey[]> {
    return listKeys(this.db.kysely);
  }

  /** True when this call revoked the key; false when there is no such key or it was revoked already. */
  async revoke(id: string): Promise<boolean> {
    const done = await revokeKey(this.db.kysely, id, this.clock.now().toISOString());
    this.cache.clear();
    return done;
  }

  async get(id: string): Promise<ApiKey> {
    const key = await findKeyById(this.db.kysely, id);
    if (!key) throw new NotFound('Key', id, 'unknown_key');
    return key;
  }

  /** Revokes a key and returns it; revoking a revoked key again changes nothing (a retry is harmless). */
  async revokeById(id: string): Promise<ApiKey> {
    await this.revoke(id);
    return this.get(id);
  }

  /** A key by id if it is valid (not revoked), cached like `verify` (stream tickets name their key by id). */
  async verifyId(id: string): Promise<ApiKey | null> {
    return this.cachedValid(`id:${id}`, () => findKeyById(this.db.kysely, id));
  }

  /** Looks a presented key up; answers are cached for a few seconds so a revocation reaches every process soon. */
  async verify(secret: string): Promise<ApiKey | null> {
    const h = hashKey(secret);
    return this.cachedValid(h, () => findKeyByHash(this.db.kysely, h));
  }

  /** The key `load` finds unless it is revoked, from the cache while the answer is younger than VERIFY_CACHE_MS. */
  private async cachedValid(cacheKey: string, load: () => Promise<ApiKey | null>): Promise<ApiKey | null> {
    const hit = this.cache.get(cacheKey);
    const now = this.clock.now().getTime();
    if (hit && now - hit.at < VERIFY_CACHE_MS) return hit.key;
    const found = await load();
    const key = found && !found.revokedAt ? found : null;
    if (this.cache.size > VERIFY_CACHE_MAX) this.cache.clear();
    this.cache.set(cacheKey, { key, at: now });
    return key;
  }
}
