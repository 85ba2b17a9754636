/**
 * The forecasting commands through the real CLI, as an operator runs them: `restock forecast-file` on CSV files
 * in a temp directory (good, and with errors that must name the series and the line), and `restock forecast`
 * on a small database of each dialect.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Restock } from '../src/restock.ts';
import { DIALECTS, testDatabase, type TestDb } from './helpers/db.ts';
import { seedHistory } from './helpers/sales.ts';
import { CLI } from './helpers/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function cli(args: string[], databaseUrl = 'sqlite::memory:'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Naive CSV reading for the output (fields may be quoted). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).filter((f) => f !== '').map((f) => f.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
}

describe('restock forecast-file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'restock-forecast-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('forecasts every series of a long CSV into series_id,step,mean,lo80,hi80,lo95,hi95,model (train rows only)', async () => {
    const rows = ['series_id,split,t,value,note'];
    // Monthly with a yearly pattern, 4 years of train and a test year that must not be read.
    for (let t = 1; t <= 60; t++) rows.push(`M1,${t <= 48 ? 'train' : 'test'},${t},${(100 + 20 * Math.sin((2 * Math.PI * t) / 12) + t).toFixed(2)},x`);
    // Intermittent counts.
    for (let t = 1; t <= 40; t++) rows.push(`"I,2",train,${t},${t % 4 === 0 ? 3 : t % 7 === 0 ? 1 : 0},`);
    // Constant.
    for (let t = 1; t <= 12; t++) rows.push(`K,train,${t},5,`);
    writeFileSync(join(dir, 'in.csv'), `${rows.join('\n')}\n`);
    const out = join(dir, 'out.csv');
    const r = await cli(['forecast-file', '--input', join(dir, 'in.csv'), '--horizon', '6', '--season', '12', '--output', out, '--workers', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /forecast 3 series .* on 2 worker thread\(s\).*12 test rows left out/);
    const [header, ...body] = parseCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(header, ['series_id', 'step', 'mean', 'lo80', 'hi80', 'lo95', 'hi95', 'model']);
    assert.equal(body.length, 18);
    assert.deepEqual([...new Set(body.map((x) => x[0]))], ['M1', 'I,2', 'K']);
    for (const row of body) {
      const [mean, lo80, hi80, lo95, hi95] = row.slice(2, 7).map(Number) as [number, number, number, number, number];
      assert.ok(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95, row.join(','));
      assert.ok((row[7] ?? '').length > 0);
    }
    assert.deepEqual(body.filter((x) => x[0] === 'K').map((x) => Number(x[2])), [5, 5, 5, 5, 5, 5]);
    // The yearly pattern carries on from the train part (the peak is at month 3 of each year).
    const m1 = body.filter((x) => x[0] === 'M1').map((x) => Number(x[2]));
    assert.ok((m1[2] ?? 0) > (m1[5] ?? 0), m1.join(' '));

    const fixed = await cli(['forecast-file', '--input', join(dir, 'in.csv'), '--horizon', '2', '--season', '1', '--method', 'naive', '--output', out]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(readFileSync(out, 'utf8'), /^M1,1,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,Naive$/m);
  });

  it('reports a bad line with its series and line number, exits 1 and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'series_id,t,value\nA,1,3\nA,2,4\nB,1,2\nB,2,abc\nB,3,1\n');
    const out = join(dir, 'bad-out.csv');
    const r = await cli(['forecast-file', '--input', join(dir, 'bad.csv'), '--horizon', '3', '--season', '1', '--output', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.csv:5: series 'B': value 'abc' is not a finite number/);
    assert.equal(existsSync(out), false);

    writeFileSync(join(dir, 'short.csv'), 'series_id,t,value\nA,1,3\nA,2,4\nB,1,2\nC,1,1\nC,2,1\n');
    const s = await cli(['forecast-file', '--input', join(dir, 'short.csv'), '--horizon', '3', '--season', '1', '--output', out]);
    assert.equal(s.code, 1);
    assert.match(s.stderr, /short\.csv:4: series 'B': only 1 value; a forecast needs at least 2/);
    assert.equal(existsSync(out), false);
  });
});

for (const dialect of DIALECTS) {
  describe(`restock forecast (${dialect})`, () => {
    let db: TestDb;
    before(async () => {
      db = await testDatabase(dialect);
      const r = await Restock.open({ databaseUrl: db.url });
      try {
        // Sales up to yesterday by the real clock: the command reads history to the last complete day.
        const first = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
        await seedHistory(r, 'SKU-A', { first, days: 200, level: 5, spell: [100, 110] });
        const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
        await seedHistory(r, 'SKU-NEW', { first: recent, days: 10, level: 2 });
      } finally {
        await r.close();
      }
    });
    after(async () => db.drop());

    it('forecasts every SKU with history, backtests, stores the forecasts and lists what it skipped', async () => {
      const r = await cli(['forecast', '--backtest', '--workers', '1'], db.url);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^forecast 1 SKU\(s\) in [\d.]+ s on 1 worker thread\(s\)$/m);
      assert.match(r.stdout, /^skipped SKU-NEW: 'SKU-NEW' has \d complete weeks? of sales history; a forecast needs at least 8$/m);
      assert.match(r.stdout, /^backtest over 1 SKUs \(mean per SKU\): +MASE [\d.]+ +sMAPE [\d.]+ +RMSSE [\d.]+ +bias -?[\d.]+%$/m);
      const rr = await Restock.open({ databaseUrl: db.url });
      try {
        const f = await rr.planning.stored('SKU-A');
        assert.ok(f);
        assert.equal(f.forecast.mean.length, 12);
        assert.ok(f.accuracy && f.accuracy.origins > 0);
        assert.ok(f.lostSales > 0);
      } finally {
        await rr.close();
      }
    });

    it('--sku forecasts one SKU and prints it; an unknown SKU exits 1', async () => {
      const r = await cli(['forecast', '--sku', 'SKU-A'], db.url);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^SKU-A: .+; next weeks from \d{4}-\d{2}-\d{2}: [\d.]+, [\d.]+, [\d.]+, [\d.]+/m);
      const bad = await cli(['forecast', '--sku', 'NOPE'], db.url);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /Product 'NOPE' does not exist/);
    });
  });
}
