#!/usr/bin/env node
// Runs the whole suite with node's test runner. Finds PostgreSQL for the dialect loop: RESTOCK_TEST_PG_URL if
// set, else the local server; under CI (CI=true) PostgreSQL is required, elsewhere its tests skip visibly.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const ci = process.env.CI === 'true' || process.env.CI === '1';
const args = process.argv.slice(2);

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const candidate = process.env.RESTOCK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let pgUrl = null;
if (await reachable(candidate)) pgUrl = candidate;
else if (ci) {
  console.error(`PostgreSQL is required under CI but ${candidate.replace(/\/\/[^@]*@/, '//…@')} is not reachable`);
  process.exit(1);
} else {
  console.log('# PostgreSQL not reachable: PostgreSQL tests will be SKIPPED (set RESTOCK_TEST_PG_URL to run them)');
}

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'helpers') out.push(...collect(p));
    } else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = args.length > 0 ? args : [...collect(join(root, 'src')), ...collect(join(root, 'test'))].sort();
const env = { ...process.env, RESTOCK_TEST_PG_URL: pgUrl ?? '', RESTOCK_TEST: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };
if (!pgUrl) delete env.RESTOCK_TEST_PG_URL;
// Without PostgreSQL a second reporter counts the PostgreSQL tests left out, for the closing summary.
const twinsDir = pgUrl ? null : mkdtempSync(join(tmpdir(), 'restock-test-'));
const twinsFile = twinsDir ? join(twinsDir, 'pg-twins') : null;
const reporters = twinsFile
  ? ['--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter=${new URL('./pg-twins.js', import.meta.url).href}`, `--test-reporter-destination=${twinsFile}`]
  : [];
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...reporters, ...files],
  { stdio: ['ignore', 'pipe', 'inherit'], env, cwd: root },
);
// Pass the runner's output through, and end with one plain summary line that any CI can read.
let tail = '';
child.stdout.on('data', (b) => {
  process.stdout.write(b);
  tail = (tail + b.toString()).slice(-4000);
});
child.on('exit', (code, signal) => {
  const num = (name) => Number(new RegExp(`^(?:#|ℹ) ${name} (\\d+)`, 'm').exec(tail)?.[1] ?? 0);
  let line = `${num('pass')} passed, ${num('fail') + num('cancelled')} failed`;
  if (num('skipped')) line += `, ${num('skipped')} skipped`;
  if (twinsFile && twinsDir) {
    let twins = '?';
    try {
      twins = readFileSync(twinsFile, 'utf8').trim() || '?';
    } catch (err) {
      console.error(`could not count the PostgreSQL tests left out: ${err instanceof Error ? err.message : String(err)}`);
    }
    rmSync(twinsDir, { recursive: true, force: true });
    line += `; ${twins} PostgreSQL tests skipped: PostgreSQL not reachable (set RESTOCK_TEST_PG_URL to run them)`;
  }
  process.stdout.write(`\n${line}\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
