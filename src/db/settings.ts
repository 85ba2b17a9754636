/** Shop-wide settings (policies), one JSON value per key, shared by every process through the database. */
import type { Q, Tx } from './database.ts';

export async function readSetting(q: Q | Tx, key: string): Promise<string | null> {
  const r = await q.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export async function writeSetting(q: Tx | Q, key: string, value: string, now: string): Promise<void> {
  await q
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}
