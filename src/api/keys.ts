/**
 * API keys. A key is shown once, at creation; only its SHA-256 is stored. Keys carry one scope: `admin`
 * (everything), `storefront` (availability, reservations, later orders and waitlists) or `feed` (stock feeds).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Database } from '../db/database.ts';

export const SCOPES = ['admin', 'storefront', 'feed'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scope: Scope;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class ApiKeys {
  private readonly cache = new Map<string, { key: ApiKey | null; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(scope: Scope, name = `${scope} key`): Promise<{ key: string; apiKey: ApiKey }> {
    const secret = `rk_${scope.slice(0, 2)}_${randomBytes(24).toString('base64url')}`;
    const apiKey: ApiKey = { id: newId('key'), name, scope, prefix: secret.slice(0, 10), createdAt: this.clock.now().toISOString(), revokedAt: null };
    await this.db.kysely
      .insertInto('api_keys')
      .values({ id: apiKey.id, name, scope, key_hash: hashKey(secret), prefix: apiKey.prefix, created_at: apiKey.createdAt, revoked_at: null })
      .execute();
    return { key: secret, apiKey };
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.kysely.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope as Scope, prefix: r.prefix, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revoke(id: string): Promise<boolean> {
    const r = await this.db.kysely.updateTable('api_keys').set({ revoked_at: this.clock.now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    this.cache.clear();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Looks a presented key up; answers are cached for a few seconds so a revocation reaches every process soon. */
  async verify(secret: string): Promise<ApiKey | null> {
    const h = hashKey(secret);
    const hit = this.cache.get(h);
    const now = this.clock.now().getTime();
    if (hit && now - hit.at < 5000) return hit.key;
    const r = await this.db.kysely.selectFrom('api_keys').selectAll().where('key_hash', '=', h).executeTakeFirst();
    const key = r && !r.revoked_at ? { id: r.id, name: r.name, scope: r.scope as Scope, prefix: r.prefix, createdAt: r.created_at, revokedAt: r.revoked_at } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(h, { key, at: now });
    return key;
  }
}
