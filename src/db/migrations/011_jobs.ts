import type { Kysely } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Background jobs (a forecast run of every SKU…): state, progress and result, readable from any process.
 * `running_kind` holds the kind while the job runs and NULL after: a unique index on it lets one job of a kind
 * run at a time across processes (NULLs never collide, on SQLite as on PostgreSQL).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('running_kind', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('current', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_running_kind').on('jobs').column('running_kind').unique().execute();
  await db.schema.createIndex('jobs_created').on('jobs').columns(['created_at', 'id']).execute();
}
