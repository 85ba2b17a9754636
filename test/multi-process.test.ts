/**
 * Two service processes on one PostgreSQL database, as Restock runs past one machine: reservations through both
 * never oversell, each process's availability cache follows the other's writes (LISTEN/NOTIFY), and a live
 * stream on one process carries events caused on the other.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { PG_AVAILABLE, testDatabase, type TestDb } from './helpers/db.ts';
import { Restock } from '../src/restock.ts';
import { openSse } from './helpers/sse.ts';
import { CLI } from './helpers/cli.ts';

const ROOT = new URL('..', import.meta.url).pathname;

function startServer(databaseUrl: string): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...CLI, 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'info', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // No start deadline of our own: a loaded machine may take long; a server that never listens fails at the
    // runner's timeout, one that exits fails at once.
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m?.[1]) {
        resolve({ proc, base: m[1] });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('two service processes on one PostgreSQL database', { skip: PG_AVAILABLE ? false : 'PostgreSQL not available (set RESTOCK_TEST_PG_URL)' }, () => {
  let db: TestDb;
  let servers: Array<{ proc: ChildProcess; base: string }> = [];
  let key = '';
  let adminKey = '';
  before(async () => {
    db = await testDatabase('postgres');
    const r = await Restock.open({ databaseUrl: db.url });
    await r.inventory.upsertLocation({ code: 'WH1', name: 'W1', type: 'warehouse', priority: 1, region: 'EU' });
    await r.inventory.upsertLocation({ code: 'WH2', name: 'W2', type: 'warehouse', priority: 2, region: 'EU' });
    await r.catalog.upsert({ sku: 'MP-1', title: 'Shared', price: '3', policy: { lowStockThreshold: 0 } });
    await r.inventory.applyFeed([{ sku: 'MP-1', location: 'WH1', onHand: 200, idempotencyKey: 'a' }, { sku: 'MP-1', location: 'WH2', onHand: 100, idempotencyKey: 'b' }], 'seed');
    key = (await r.keys.create('checkout')).key;
    adminKey = (await r.keys.create('admin')).key;
    await r.close();
    servers = await Promise.all([startServer(db.url), startServer(db.url)]);
  });
  after(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db?.drop();
  });

  it('reserves through both processes without overselling, and each cache sees the other', async () => {
    const a = servers[0]!;
    const b = servers[1]!;
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    // Warm both caches.
    for (const s of [a, b]) assert.equal(((await (await fetch(`${s.base}/v1/availability/MP-1`, { headers })).json()) as any).availableToSell, 300);

    const stream = await openSse(`${b.base}/v1/events?sku=MP-1&types=inventory.out_of_stock`, { authorization: `Bearer ${adminKey}` });
    let ok = 0;
    let refused = 0;
    const client = async (base: string) => {
      for (let i = 0; i < 25; i++) {
        const res = await fetch(`${base}/v1/reservations`, { method: 'POST', headers, body: JSON.stringify({ sku: 'MP-1', quantity: 1 }) });
        if (res.status === 201) ok++;
        else if (res.status === 409) refused++;
        else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        await res.arrayBuffer().catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => client(i % 2 === 0 ? a.base : b.base)));
    assert.equal(ok, 300);
    assert.equal(refused, 100);

    // Both processes' caches agree with the database right away.
    for (const s of [a, b]) {
      const av = (await (await fetch(`${s.base}/v1/availability/MP-1`, { headers })).json()) as any;
      assert.equal(av.availableToSell, 0, `cache of ${s.base}`);
      assert.equal(av.status, 'out_of_stock');
    }
    // The stream on B carries the out-of-stock event whichever process caused it.
    const got = await stream.waitFor(1, 120_000);
    assert.equal(got[0]?.event, 'inventory.out_of_stock');
    stream.close();

    // A write through A reaches B's cache by notification (polled generously: the speed is not under test).
    const adj = await fetch(`${a.base}/v1/inventory/adjustments`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ sku: 'MP-1', location: 'WH2', delta: 7, reason: 'found' }) });
    assert.equal(adj.status, 200);
    let seen = -1;
    for (let i = 0; i < 2400 && seen !== 7; i++) {
      seen = ((await (await fetch(`${b.base}/v1/availability/MP-1`, { headers })).json()) as any).availableToSell;
      if (seen !== 7) await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(seen, 7);
  });
});
