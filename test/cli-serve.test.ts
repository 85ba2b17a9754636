import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDatabase, redactDatabaseUrl } from '../src/cli/database.ts';
import { CLI } from './helpers/cli.ts';

describe('the database line', () => {
  it('never shows a password, and names a SQLite file absolutely', () => {
    const pgLine = describeDatabase('postgres://shop:s3cret@db.internal:5432/restock', true);
    assert.equal(pgLine, 'database: postgres://shop:redacted@db.internal:5432/restock (from DATABASE_URL)');
    assert.equal(redactDatabaseUrl('postgres://shop@db/restock'), 'postgres://shop@db/restock');
    assert.doesNotMatch(redactDatabaseUrl('not a url with s3cret'), /s3cret/);
    assert.equal(describeDatabase('sqlite:./data/x.db', false, '/nowhere'), 'database: sqlite:/nowhere/data/x.db (the default; DATABASE_URL is not set; no such file yet: a new, empty database)');
    assert.equal(describeDatabase('sqlite::memory:', true), 'database: sqlite in memory (from DATABASE_URL; nothing is kept)');
  });
});

/** `restock serve` from the sources until it listens; its banner (stdout) and log (stderr) so far. */
async function serve(dir: string, db: string, env: Record<string, string> = {}): Promise<{ banner: string; log: string; base: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--demo', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `sqlite:${db}`, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let banner = '';
  let log = '';
  const base = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(banner + log);
      if (m?.[1] && /Restock is running[\s\S]*(Admin and other keys:|Demo keys ).*\n/.test(banner)) resolve(m[1]);
    };
    child.stdout.on('data', (b: Buffer) => {
      banner += b.toString();
      check();
    });
    child.stderr.on('data', (b: Buffer) => {
      log += b.toString();
      check();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${banner}${log}`)));
  });
  return {
    banner,
    log,
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('restock serve: banner and file modes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'restock-serve-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);

  it('never prints the admin key, says where the keys file is, and keeps it and the database owner-only', async () => {
    const db = join(dir, 'shop', 'restock.db');
    const keysFile = join(dir, 'shop', 'restock.demo-keys.json');
    // A keys file left readable by everyone (by hand, or by an older version) is tightened, not trusted.
    mkdirSync(join(dir, 'shop'));
    writeFileSync(keysFile, '{}\n', { mode: 0o644 });
    chmodSync(keysFile, 0o644);
    const first = await serve(dir, db);
    try {
      const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>;
      assert.ok(keys.admin && keys.storefront);
      assert.ok(!first.banner.includes(keys.admin) && !first.log.includes(keys.admin), 'the admin key is not printed');
      for (const [scope, key] of Object.entries(keys)) if (scope !== 'storefront') assert.ok(!first.banner.includes(key), `${scope} key printed`);
      assert.ok(first.banner.includes(keys.storefront), 'the publishable storefront key may be shown');
      assert.ok(first.banner.includes(keysFile), 'the banner says where the keys are');
      assert.equal(mode(keysFile), '600');
      for (const f of [db, `${db}-wal`, `${db}-shm`]) assert.equal(mode(f), '600', f);
      const products = await fetch(`${first.base}/v1/products?limit=1`, { headers: { authorization: `Bearer ${keys.admin}` } });
      assert.equal(products.status, 200);
    } finally {
      await first.stop();
    }
    // The next start reads the kept keys: the file is made owner-only again if it was loosened meanwhile.
    chmodSync(keysFile, 0o644);
    const second = await serve(dir, db);
    try {
      const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>;
      assert.equal(mode(keysFile), '600');
      assert.ok(!second.banner.includes(keys.admin!));
      assert.ok(second.banner.includes(keysFile));
    } finally {
      await second.stop();
    }
  });
});
