/** Migrations: an ordered list, run on start and by `restock migrate`; one set for both dialects. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DialectName } from './database.ts';
import * as m001 from './migrations/001_foundation.ts';
import * as m002 from './migrations/002_orders.ts';
import * as m003 from './migrations/003_messaging.ts';
import * as m004 from './migrations/004_planning.ts';
import * as m005 from './migrations/005_message_dispatch.ts';
import * as m006 from './migrations/006_parked_events.ts';
import * as m007 from './migrations/007_checkout.ts';
import * as m008 from './migrations/008_abuse_limits.ts';
import * as m010 from './migrations/010_retention.ts';
import * as m011 from './migrations/011_jobs.ts';
import * as m012 from './migrations/012_fast_path.ts';
import * as m013 from './migrations/013_overview.ts';
import * as m014 from './migrations/014_volume_indexes.ts';
import * as m015 from './migrations/015_suppliers.ts';
import * as m016 from './migrations/016_message_attachments.ts';
import * as m017 from './migrations/017_failover.ts';

type Step = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };
const STEPS: Array<[string, Step]> = [
  ['001_foundation', m001],
  ['002_orders', m002],
  ['003_messaging', m003],
  ['004_planning', m004],
  ['005_message_dispatch', m005],
  ['006_parked_events', m006],
  ['007_checkout', m007],
  ['008_abuse_limits', m008],
  ['010_retention', m010],
  ['011_jobs', m011],
  ['012_fast_path', m012],
  ['013_overview', m013],
  ['014_volume_indexes', m014],
  ['015_suppliers', m015],
  ['016_message_attachments', m016],
  ['017_failover', m017],
];

class ListProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of STEPS) out[name] = { up: (db) => step.up(db, this.dialect) };
    return out;
  }
}

export async function migrate(db: Database): Promise<string[]> {
  // Migrations made side by side land in any order; each is applied once, whatever its number.
  const migrator = new Migrator({ db: db.kysely, provider: new ListProvider(db.dialect), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
