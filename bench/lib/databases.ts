/**
 * Throwaway databases for benchmarks: a temp SQLite file, or a uniquely named PostgreSQL database created on the
 * server at the admin URL and dropped (WITH FORCE) afterwards. Each benchmark case gets a fresh one.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BenchDialect = 'sqlite' | 'postgres';

export interface BenchDatabase {
  dialect: BenchDialect;
  /** The PostgreSQL database name (null for SQLite). */
  name: string | null;
  /** A Restock database URL (sqlite:… or postgres://…). */
  url: string;
  /** The SQLite file path, for drivers opened directly. */
  path: string | null;
  drop(): Promise<void>;
}

export const defaultPgUrl = (): string => process.env.RESTOCK_BENCH_PG_URL || process.env.RESTOCK_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Hides the password (if any) when a URL is shown. */
export const redact = (url: string): string => url.replace(/\/\/[^@]*@/, '//…@');

export async function createDatabase(dialect: BenchDialect, label: string, adminUrl: string): Promise<BenchDatabase> {
  const safe = label.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `restock-bench-${safe}-`));
    const path = join(dir, `${safe}.db`);
    return { dialect, name: null, url: `sqlite:${path}`, path, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = pgName(safe);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return pgDatabase(name, adminUrl);
}

const pgName = (safe: string): string => `restock_bench_${safe}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.slice(0, 63);

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

function pgDatabase(name: string, adminUrl: string): BenchDatabase {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    name,
    url: u.toString(),
    path: null,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A copy of a seeded database, so every round of a case starts from the same state without seeding again:
 * a file copy for SQLite (close every connection first, so the WAL is checkpointed into the file), CREATE
 * DATABASE … TEMPLATE for PostgreSQL (which also needs the template to have no connections).
 */
export async function cloneDatabase(src: BenchDatabase, label: string, adminUrl: string): Promise<BenchDatabase> {
  if (src.dialect === 'sqlite') {
    if (!src.path) throw new Error('SQLite database without a path');
    if (existsSync(`${src.path}-wal`)) throw new Error(`${src.path} still has a WAL: close its connections before cloning`);
    const copy = await createDatabase('sqlite', label, adminUrl);
    if (!copy.path) throw new Error('SQLite database without a path');
    copyFileSync(src.path, copy.path);
    return copy;
  }
  const name = pgName(label.replace(/[^a-z0-9_]/gi, '_').toLowerCase());
  try {
    // FILE_COPY copies the files after a checkpoint: much quicker than WAL-logging every block (PostgreSQL 15+).
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${src.name} STRATEGY = FILE_COPY`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42601') throw err;
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${src.name}`);
  }
  return pgDatabase(name, adminUrl);
}

/** null when PostgreSQL answers, else why not. */
export async function pgReachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}
