/**
 * `restock import catalog|stock` through the real CLI: a child process on a fresh database, the way an operator
 * runs it. Checks the report (line numbers and reasons), that good rows land and bad ones do not, and that a
 * stock file imported twice changes nothing the second time.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { Restock } from '../src/restock.ts';
import { DIALECTS, testDatabase, type TestDb } from './helpers/db.ts';
import { CLI } from './helpers/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(databaseUrl: string | null, args: string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', CI: 'true' };
    if (databaseUrl === null) delete env.DATABASE_URL;
    else env.DATABASE_URL = databaseUrl;
    const child = spawn(process.execPath, [...CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

async function withRestock<T>(url: string, fn: (r: Restock) => Promise<T>): Promise<T> {
  const r = await Restock.open({ databaseUrl: url });
  try {
    return await fn(r);
  } finally {
    await r.close();
  }
}

function reportLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('line '));
}

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

// Windows line endings, a quoted field that spans two lines (CRLF inside the quotes) and a blank line: the
// line numbers after them must still be the lines an editor shows.
const CATALOG = crlf([
  'sku,title,price,description,category,brand,status,track_inventory,low_stock_threshold,allow_backorder,backorder_limit,lead_time_days,allow_preorder,preorder_limit,release_date,attributes,attr_color',
  'TEE-1,Organic Tee,19.90,,Apparel,Oakfield,active,true,3,yes,20,14,,,,"{""size"":""M""}",navy', // 2
  'MUG-1,Stoneware Mug,abc,,Kitchen,,,,,,,,,,,,', // 3 bad price
  ',No SKU,5.00,,,,,,,,,,,,,,', // 4 missing sku
  'LAMP-1,Table Lamp,49.00,"First line\r\nsecond line",Home,,,,,,,,,,,,', // 5-6
  'PRE-1,Next Year Model,120,,Electronics,,upcoming,,,,,,true,200,2026-09-01,,', // 7
  'BAD-DATE,Bad Date,10,,,,upcoming,,,,,,true,,2026-02-30,,', // 8
  'BAD-STATUS,Bad Status,10,,,,sold-out,,,,,,,,,,', // 9
  'BAD-NUM,Bad Number,10,,,,,,lots,,,,,,,,', // 10
  '', // 11
  'BAD-JSON,Bad JSON,10,,,,,,,,,,,,,{not json,', // 12
  'SHORT-1,Short row', // 13
  'TEE-1,Organic Tee v2,21.00,,,,,,,,,,,,,,', // 14: the same SKU again, last row wins
]);

// Batches of three: line 10 fails in the service (below zero) inside a batch with a good row (line 5), so the
// batch falls back to row by row and line 5 still lands.
const STOCK = [
  'sku,location,on_hand,delta,reason',
  'TEE-1,WH1,10,,', // 2
  'TEE-1,WH2,4,,', // 3
  'LAMP-1,WH1,,5,delivery', // 4
  'TEE-1,WH1,,-3,damaged', // 5
  'NOPE-1,WH1,5,,', // 6 unknown sku
  'TEE-1,WH9,5,,', // 7 unknown location
  'TEE-1,WH1,5,2,', // 8 both
  'TEE-1,WH1,,,', // 9 neither
  'LAMP-1,WH1,,-50,', // 10 below zero
  'LAMP-1,WH2,2,,', // 11
  'TEE-1,WH1,x,,', // 12 bad number
].join('\n') + '\n';

for (const dialect of DIALECTS) {
  describe(`restock import (${dialect})`, () => {
    let db: TestDb;
    let dir: string;

    before(async () => {
      db = await testDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'restock-import-'));
      writeFileSync(join(dir, 'catalog.csv'), CATALOG);
      writeFileSync(join(dir, 'stock.csv'), STOCK);
      await withRestock(db.url, async (r) => {
        await r.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
        await r.inventory.upsertLocation({ code: 'WH2', name: 'Warehouse 2', type: 'warehouse', priority: 2, region: 'EU' });
      });
    });

    after(async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports the good catalog rows and reports each bad one by line', async () => {
      const res = await cli(db.url, ['import', 'catalog', join(dir, 'catalog.csv')]);
      assert.equal(res.code, 0, res.stderr);
      const lines = reportLines(res.stdout);
      assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(':'))), ['line 3', 'line 4', 'line 8', 'line 9', 'line 10', 'line 12', 'line 13']);
      const reason = (n: number) => lines.find((l) => l.startsWith(`line ${n}:`)) ?? '';
      assert.match(reason(3), /price.*'abc'/);
      assert.match(reason(4), /missing sku/);
      assert.match(reason(8), /bad date in release_date.*2026-02-30/);
      assert.match(reason(9), /bad status 'sold-out'/);
      assert.match(reason(10), /bad number in low_stock_threshold.*'lots'/);
      assert.match(reason(12), /attributes is not valid JSON/);
      assert.match(reason(13), /has 2 fields but the header has 17/);
      assert.match(res.stdout, /^imported 4 rows, 7 rejected \(3 created, 1 updated\)$/m);

      await withRestock(db.url, async (r) => {
        const found = await r.catalog.getMany(['TEE-1', 'LAMP-1', 'PRE-1', 'MUG-1', 'BAD-DATE', 'BAD-STATUS', 'BAD-NUM', 'BAD-JSON', 'SHORT-1']);
        assert.deepEqual([...found.keys()].sort(), ['LAMP-1', 'PRE-1', 'TEE-1']);
        const tee = found.get('TEE-1');
        assert.equal(tee?.title, 'Organic Tee v2');
        assert.equal(tee?.price, '21.00');
        // Empty cells in the later row left the earlier row's values alone.
        assert.deepEqual(tee?.attributes, { size: 'M', color: 'navy' });
        assert.equal(tee?.brand, 'Oakfield');
        assert.deepEqual(
          { t: tee?.policy.lowStockThreshold, b: tee?.policy.allowBackorder, l: tee?.policy.backorderLimit, d: tee?.policy.leadTimeDays },
          { t: 3, b: true, l: 20, d: 14 },
        );
        assert.match(found.get('LAMP-1')?.description ?? '', /First line\r?\nsecond line/);
        const pre = found.get('PRE-1');
        assert.equal(pre?.status, 'upcoming');
        assert.deepEqual({ p: pre?.policy.allowPreorder, l: pre?.policy.preorderLimit, r: pre?.policy.releaseDate }, { p: true, l: 200, r: '2026-09-01' });
      });
    });

    it('applies good stock rows, rejects bad ones, and changes nothing when the same file comes again', async () => {
      const file = join(dir, 'stock.csv');
      const res = await cli(db.url, ['import', 'stock', file, '--batch-size', '3']);
      assert.equal(res.code, 0, res.stderr);
      assert.deepEqual(reportLines(res.stdout), [
        "line 6: unknown sku 'NOPE-1'",
        "line 7: unknown location 'WH9'",
        'line 8: both on_hand and delta are given: give one (on_hand is an absolute count, delta a change)',
        'line 9: neither on_hand nor delta is given',
        "line 10: delta -50 would take on hand of 'LAMP-1' at 'WH1' below zero (on hand 5)",
        "line 12: bad number in on_hand: 'x' is not a whole number from 0 to 1000000000",
      ]);
      assert.match(res.stdout, /^imported 5 rows, 6 rejected$/m);

      const snapshot = async () =>
        withRestock(db.url, async (r) => {
          const onHand: Record<string, number> = {};
          for (const sku of ['TEE-1', 'LAMP-1']) for (const l of (await r.inventory.levels(sku)).levels) onHand[`${sku}@${l.location}`] = l.onHand;
          const ledger = await r.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          const reasons = await r.db.kysely.selectFrom('ledger').select(['reason', 'reference']).where('sku', '=', 'LAMP-1').orderBy('id').execute();
          return { onHand, ledgerRows: Number(ledger.n), reasons };
        });
      const first = await snapshot();
      assert.deepEqual(first.onHand, { 'TEE-1@WH1': 7, 'TEE-1@WH2': 4, 'LAMP-1@WH1': 5, 'LAMP-1@WH2': 2 });
      assert.equal(first.reasons[0]?.reason, 'delivery');
      assert.match(first.reasons[0]?.reference ?? '', /^feed:import:import:[0-9a-f]{16}:4$/);

      const again = await cli(db.url, ['import', 'stock', file]);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(reportLines(again.stdout).length, 6);
      assert.match(again.stdout, /^imported 0 rows, 6 rejected, 5 duplicates skipped/m);
      assert.deepEqual(await snapshot(), first);
    });
  });
}

/** `restock serve` on the database, until `stop`; resolves once it listens. */
function startServer(databaseUrl: string): Promise<{ base: string; stop(): Promise<void> }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [...CLI, 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'info', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m?.[1]) {
        const stopped = new Promise<void>((r) => proc.once('exit', () => r()));
        resolvePromise({ base: m[1], stop: async () => {
          proc.kill('SIGTERM');
          await stopped;
        } });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('restock import beside a running server (sqlite)', () => {
  let db: TestDb;
  let dir: string;

  before(async () => {
    db = await testDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'restock-import-'));
  });

  after(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 20,000 catalog rows while the server writes to the same file', async () => {
    const admin = await withRestock(db.url, async (r) => {
      await r.inventory.upsertLocation({ code: 'WH1', name: 'Warehouse 1', type: 'warehouse', priority: 1, region: 'EU' });
      await r.catalog.upsert({ sku: 'BUSY-1', title: 'Busy', price: '1.00' });
      return (await r.keys.create('admin')).key;
    });
    const rows = ['sku,title,price,category'];
    for (let i = 0; i < 20_000; i++) rows.push(`BULK-${String(i).padStart(5, '0')},Bulk product ${i},${5 + (i % 50)}.90,Bulk`);
    writeFileSync(join(dir, 'big.csv'), rows.join('\n') + '\n');

    const server = await startServer(db.url);
    try {
      // The server keeps writing while the import runs (its reactors answer the import's events as well).
      let importing = true;
      let writes = 0;
      const writer = (async () => {
        while (importing) {
          const res = await fetch(`${server.base}/v1/inventory/adjustments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
            body: JSON.stringify({ sku: 'BUSY-1', location: 'WH1', delta: 1, reason: 'busy' }),
          });
          assert.equal(res.status, 200, await res.text());
          writes++;
        }
      })();
      const res = await cli(db.url, ['import', 'catalog', '--batch-size', '250', join(dir, 'big.csv')]).finally(() => {
        importing = false;
      });
      await writer;
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^imported 20000 rows, 0 rejected \(20000 created, 0 updated\)$/m);
      assert.ok(writes > 0);
      const landed = await withRestock(db.url, async (r) => {
        const n = await r.db.kysely.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', 'like', 'BULK-%').executeTakeFirstOrThrow();
        return { products: Number(n.n), onHand: (await r.inventory.levels('BUSY-1')).totals.onHand };
      });
      assert.deepEqual(landed, { products: 20_000, onHand: writes });
    } finally {
      await server.stop();
    }
  });
});

describe('restock import that stops part-way (sqlite)', () => {
  let db: TestDb;
  let dir: string;

  before(async () => {
    db = await testDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'restock-import-'));
  });

  after(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 3, names the line it stopped at, keeps the batches before it, and a second run completes', async () => {
    // A real failure of the database in the middle of the file: a trigger refuses one SKU's insert.
    await withRestock(db.url, async (r) => {
      await sql`create trigger refuse_stop before insert on products when new.sku = 'STOP-5' begin select raise(abort, 'disk I/O error (simulated)'); end`.execute(r.db.kysely);
    });
    writeFileSync(join(dir, 'stop.csv'), ['sku,title,price', 'STOP-2,A,1', 'STOP-3,B,1', 'STOP-4,C,1', 'STOP-5,D,1', 'STOP-6,E,1', 'STOP-7,F,1'].join('\n') + '\n');
    const skus = () => withRestock(db.url, async (r) => (await r.catalog.list({ limit: 100 })).map((p) => p.sku).sort());

    const res = await cli(db.url, ['import', 'catalog', '--batch-size', '2', join(dir, 'stop.csv')]);
    assert.equal(res.code, 3, res.stderr);
    assert.match(res.stdout, /^imported 2 rows, 0 rejected \(2 created, 0 updated\)$/m);
    assert.match(res.stderr, /stopped at line 4: .*disk I\/O error \(simulated\).*line 4 and the rest of the file are not imported/);
    assert.deepEqual(await skus(), ['STOP-2', 'STOP-3']);

    await withRestock(db.url, async (r) => {
      await sql`drop trigger refuse_stop`.execute(r.db.kysely);
    });
    const again = await cli(db.url, ['import', 'catalog', '--batch-size', '2', join(dir, 'stop.csv')]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^imported 6 rows, 0 rejected \(4 created, 2 updated\)$/m);
    assert.deepEqual(await skus(), ['STOP-2', 'STOP-3', 'STOP-4', 'STOP-5', 'STOP-6', 'STOP-7']);
  });
});

describe('the CLI names the database it opens', () => {
  it('on stderr, absolute, and says when DATABASE_URL is not set and the file is new', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restock-cli-'));
    const lines = (r: CliResult) => r.stderr.split('\n');
    try {
      const file = join(dir, 'data', 'restock.db');
      const first = await cli(null, ['migrate'], dir);
      assert.equal(first.code, 0, first.stderr);
      assert.ok(lines(first).includes(`database: sqlite:${file} (the default; DATABASE_URL is not set; no such file yet: a new, empty database)`), first.stderr);
      const second = await cli(null, ['keys', 'list'], dir);
      assert.equal(second.code, 0, second.stderr);
      assert.ok(lines(second).includes(`database: sqlite:${file} (the default; DATABASE_URL is not set)`), second.stderr);
      const url = `sqlite:${join(dir, 'other.db')}`;
      const named = await cli(url, ['migrate'], dir);
      assert.ok(lines(named).includes(`database: ${url} (from DATABASE_URL; no such file yet: a new, empty database)`), named.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('restock import: files that cannot be imported', () => {
  let db: TestDb;
  let dir: string;

  before(async () => {
    db = await testDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'restock-import-'));
  });

  after(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const countProducts = () => withRestock(db.url, async (r) => (await r.catalog.list({ limit: 100 })).length);

  it('exits 2 when every row is rejected', async () => {
    writeFileSync(join(dir, 'all-bad.csv'), 'sku,title,price\nA-1,,1\nA 2,Spaced,1\n');
    const res = await cli(db.url, ['import', 'catalog', join(dir, 'all-bad.csv')]);
    assert.equal(res.code, 2);
    assert.deepEqual(reportLines(res.stdout).map((l) => l.slice(0, 7)), ['line 2:', 'line 3:']);
    assert.match(res.stdout, /missing title/);
    assert.match(res.stdout, /bad sku 'A 2'/);
    assert.match(res.stdout, /^imported 0 rows, 2 rejected/m);
  });

  it('exits 1 and imports nothing when the file is missing, is not CSV to the end, or lacks a column', async () => {
    const missing = await cli(db.url, ['import', 'stock', join(dir, 'nope.csv')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such file/);

    // The good row before the broken quote must not land: the file is checked whole before anything is written.
    writeFileSync(join(dir, 'broken.csv'), 'sku,title,price\nGOOD-1,Fine,1\nBAD-1,"oops"x,1\n');
    const broken = await cli(db.url, ['import', 'catalog', join(dir, 'broken.csv')]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /not valid CSV/);

    writeFileSync(join(dir, 'no-price.csv'), 'sku,title\nGOOD-2,Fine\n');
    const noPrice = await cli(db.url, ['import', 'catalog', join(dir, 'no-price.csv')]);
    assert.equal(noPrice.code, 1);
    assert.match(noPrice.stderr, /missing column price/);

    writeFileSync(join(dir, 'no-count.csv'), 'sku,location\nGOOD-2,WH1\n');
    const noCount = await cli(db.url, ['import', 'stock', join(dir, 'no-count.csv')]);
    assert.equal(noCount.code, 1);
    assert.match(noCount.stderr, /missing column on_hand or delta/);

    assert.equal(await countProducts(), 0);
  });

  it('documents the exit codes in --help', async () => {
    const res = await cli(db.url, ['import', 'stock', '--help']);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /Exit codes:/);
    assert.match(res.stdout, /2 {2}every row was rejected/);
  });
});
