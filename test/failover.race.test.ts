/**
 * Two service processes on one PostgreSQL database racing the same failover trigger (the sweep's acknowledgement
 * timeout in both; the reactor in one and a direct call in the other for a rejection): one re-sourcing, one
 * decision, one new line.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PG_AVAILABLE, testDatabase, type TestDb } from './helpers/db.ts';
import { Restock } from '../src/restock.ts';
import { ManualClock } from '../src/core/clock.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const WORKER = new URL('./helpers/failover-worker.ts', import.meta.url).pathname;

function worker(url: string, at: string, mode: string, lineId: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER, url, at, mode, lineId], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready\n')) resolve();
    });
    proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
    proc.on('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${err}`)));
  });
  const done = new Promise<string>((resolve, reject) => proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited with ${code}: ${err}`)))));
  return { ready, done, go: () => proc.stdin.write('go\n') };
}

describe('two processes racing one failover trigger (postgres)', { skip: PG_AVAILABLE ? false : 'PostgreSQL not available (set RESTOCK_TEST_PG_URL)' }, () => {
  let db: TestDb;
  let r: Restock;
  const clock = new ManualClock('2026-01-15T10:00:00Z');
  const sup: string[] = [];
  before(async () => {
    db = await testDatabase('postgres');
    r = await Restock.open({ databaseUrl: db.url, clock });
    await r.inventory.upsertLocation({ code: 'WH1', name: 'W1', type: 'warehouse', priority: 1, region: 'EU' });
    for (const sku of ['RACE-A', 'RACE-B']) await r.catalog.upsert({ sku, title: sku, price: '3' });
    for (const [i, lead] of [5, 9, 12].entries()) {
      const s = await r.suppliers.createSupplier({ name: `R${i}`, email: `r${i}@example.com`, channel: 'portal', currency: 'EUR', leadTimeDays: lead, leadTimeSdDays: 1, ackDeadlineHours: 24 });
      sup.push(s.id);
      for (const sku of ['RACE-A', 'RACE-B']) await r.suppliers.createOffer(s.id, { sku, unitCost: 2 + i, minQuantity: 1, multiple: 1 });
    }
  });
  after(async () => {
    await r?.close();
    await db?.drop();
  });

  const race = async (mode: string, lineId: string, at: string) => {
    const ws = [worker(db.url, at, mode, lineId), worker(db.url, at, mode, lineId)];
    await Promise.all(ws.map((w) => w.ready));
    for (const w of ws) w.go();
    await Promise.all(ws.map((w) => w.done));
  };
  const outcome = async (lineId: string) => ({
    decisions: await r.db.kysely.selectFrom('supply_decisions').selectAll().where('line_id', '=', lineId).execute(),
    children: await r.db.kysely.selectFrom('po_lines').selectAll().where('resourced_from', '=', lineId).execute(),
    line: await r.suppliers.findLine(lineId),
  });

  it('an acknowledgement timeout swept by both: one re-sourcing', async () => {
    const po = await r.suppliers.createPurchaseOrder({ supplierId: sup[0] as string, lines: [{ sku: 'RACE-A', location: 'WH1', quantity: 17 }] });
    await r.suppliers.send(po.id);
    const lineId = po.lines[0]?.id as string;
    await race('sweep', lineId, '2026-01-16T12:00:00Z');
    const o = await outcome(lineId);
    assert.equal(o.decisions.length, 1, JSON.stringify(o.decisions));
    assert.equal(o.children.length, 1);
    assert.equal(o.children[0]?.quantity, 17);
    assert.deepEqual([o.line?.status, o.line?.resourcedQuantity], ['cancelled', 17]);
  });

  it('a rejection handled by the reactor in one process and a direct call in the other: one re-sourcing', async () => {
    const po = await r.suppliers.createPurchaseOrder({ supplierId: sup[0] as string, lines: [{ sku: 'RACE-B', location: 'WH1', quantity: 9 }] });
    await r.suppliers.send(po.id);
    const lineId = po.lines[0]?.id as string;
    await r.suppliers.answer(po.id, [{ lineId, status: 'rejected', reason: 'strike' }]);
    await race('rejected', lineId, '2026-01-15T11:00:00Z');
    const o = await outcome(lineId);
    assert.equal(o.decisions.length, 1, JSON.stringify(o.decisions));
    assert.equal(o.children.length, 1);
    assert.equal(o.line?.resourcedQuantity, 9);
  });
});
