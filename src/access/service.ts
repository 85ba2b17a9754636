/**
 * Access use cases: create, list and revoke API keys, and verify a presented secret (the HTTP kit's auth hook
 * calls `verify` on every authenticated request).
 */
import { hash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Database } from '../db/database.ts';
import type { ApiKey, Scope } from './model.ts';
import { SHOWN_PREFIX_LENGTH, isPublishable, secretPrefix } from './policy.ts';
import { NotFound, invalidField } from '../core/errors.ts';
import { findKeyByHash, findKeyById, insertKey, listKeys, revokeKey } from './store.ts';

/** A revocation reaches every process within this long (the verify cache's lifetime). */
const VERIFY_CACHE_MS = 5000;
const VERIFY_CACHE_MAX = 10_000;

/** SHA-256 in hex, in one call (no Hash object per request): keys are looked up, and cached, by this only. */
export function hashKey(key: string): string {
  return hash('sha256', key, 'hex');
}

export class AccessService {
  private readonly cache = new Map<string, { key: ApiKey | null; at: number }>();
  /** Bumped by every revocation: a lookup that started before one does not fill the cache with its answer. */
  private generation = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Makes a key; its secret is returned now and never again. */
  async create(scope: Scope, name = `${scope} key`, supplierId: string | null = null): Promise<{ key: string; apiKey: ApiKey }> {
    // A supplier key acts for exactly one supplier; no other key is bound to one.
    if (scope === 'supplier' && !supplierId) throw invalidField('supplierId', 'a supplier key needs the supplierId it acts for');
    if (scope !== 'supplier' && supplierId) throw invalidField('supplierId', 'only a supplier key is bound to a supplier');
    const secret = `${secretPrefix(scope)}${randomBytes(24).toString('base64url')}`;
    const apiKey: ApiKey = { id: newId('key'), name, scope, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), createdAt: this.clock.now().toISOString(), revokedAt: null, publishable: isPublishable(scope), supplierId };
    await insertKey(this.db.kysely, apiKey, hashKey(secret));
    return { key: secret, apiKey };
  }

  async list(): Promise<ApiKey[]> {
    return listKeys(this.db.kysely);
  }

  /** True when this call revoked the key; false when there is no such key or it was revoked already. */
  async revoke(id: string): Promise<boolean> {
    const done = await revokeKey(this.db.kysely, id, this.clock.now().toISOString());
    this.generation++;
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
  verifyId(id: string): ApiKey | null | Promise<ApiKey | null> {
    return this.cachedValid(`id:${id}`, () => findKeyById(this.db.kysely, id));
  }

  /**
   * Looks a presented key up; answers are cached for a few seconds so a revocation reaches every process soon.
   * A cached answer comes back as it is, not in a promise (the auth hook runs on every request).
   */
  verify(secret: string): ApiKey | null | Promise<ApiKey | null> {
    const h = hashKey(secret);
    return this.cachedValid(h, () => findKeyByHash(this.db.kysely, h));
  }

  /** The key `load` finds unless it is revoked, from the cache while the answer is younger than VERIFY_CACHE_MS. */
  private cachedValid(cacheKey: string, load: () => Promise<ApiKey | null>): ApiKey | null | Promise<ApiKey | null> {
    const hit = this.cache.get(cacheKey);
    const now = this.clock.now().getTime();
    if (hit && now - hit.at < VERIFY_CACHE_MS) return hit.key;
    return this.loadValid(cacheKey, load, now);
  }

  private async loadValid(cacheKey: string, load: () => Promise<ApiKey | null>, now: number): Promise<ApiKey | null> {
    const generation = this.generation;
    const found = await load();
    const key = found && !found.revokedAt ? found : null;
    // A revocation in this process while the row was read: the answer may predate it, so it is not kept.
    if (generation !== this.generation) return key;
    if (this.cache.size > VERIFY_CACHE_MAX) this.cache.clear();
    this.cache.set(cacheKey, { key, at: now });
    return key;
  }
}
