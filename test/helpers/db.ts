/**
 * One test body, both dialects: `for (const dialect of DIALECTS) describe(...)`. Each call of `testDatabase`
 * makes a fresh database (a temp SQLite file, or a uniquely named PostgreSQL database) and drops it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

const PG = process.env.RESTOCK_TEST_PG_URL || '';
export const PG_AVAILABLE = PG !== '';
export const DIALECTS: TestDialect[] = PG_AVAILABLE ? ['sqlite', 'postgres'] : ['sqlite'];
if (!PG_AVAILABLE) console.log('# PostgreSQL tests skipped: RESTOCK_TEST_PG_URL is not set');

export interface TestDb {
  url: string;
  drop(): Promise<void>;
}

export async function testDatabase(dialect: TestDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'restock-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `restock_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
