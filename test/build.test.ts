/**
 * The compiled build, run the way `npm start` and the `restock` bin run it: src/ compiled with the build's
 * settings (tsconfig.build.json) into a scratch copy of the project's layout — dist/, bin/, web/, package.json
 * and a node_modules without tsx, and no src/ at all — so the build must stand alone: no tests in it, every
 * module there, the forecast workers starting from compiled JavaScript, the web pages and migrations found
 * from dist/, the demo keys kept beside the database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/cli.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the compiled build', () => {
  let dir: string;
  const bin = () => join(dir, 'bin', 'restock.js');
  const run = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
    new Promise((resolve, reject) => {
      // No --import tsx, no NODE_OPTIONS that could bring it: only compiled JavaScript can run.
      const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', CI: 'true', ...env };
      delete childEnv.NODE_OPTIONS;
      const child = spawn(process.execPath, [bin(), ...args], { cwd: dir, env: childEnv });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'restock-build-'));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(dir, 'dist')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'restock.js'), bin());
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    // The browser side is Vite's output, built by `npm run build` (and npm install) into dist/web/.
    assert.ok(existsSync(join(ROOT, 'dist', 'web', 'shop', 'index.html')), 'dist/web is not built: run npm run build');
    symlinkSync(join(ROOT, 'dist', 'web'), join(dir, 'dist', 'web'));
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name !== 'tsx' && name !== '.bin') symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds a module for every source and no test', () => {
    const out = files(join(dir, 'dist'));
    assert.deepEqual(out.filter((f) => /\.test\./.test(f)), []);
    const sources = files(join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    assert.deepEqual(sources.map((f) => f.replace(/\.ts$/, '.js')).filter((f) => !out.includes(f)), []);
    assert.ok(!existsSync(join(dir, 'node_modules', 'tsx')));
  });

  it('forecasts on worker threads started from compiled JavaScript, without tsx', async () => {
    const rows = ['series_id,t,value'];
    for (const id of ['A', 'B', 'C', 'D']) for (let t = 1; t <= 36; t++) rows.push(`${id},${t},${10 + ((t * 7 + id.charCodeAt(0)) % 5)}`);
    writeFileSync(join(dir, 'in.csv'), rows.join('\n') + '\n');
    const r = await run(['forecast-file', '--input', 'in.csv', '--output', 'out.csv', '--horizon', '3', '--season', '12', '--workers', '2']);
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1 + 4 * 3);
  });

  it('serves the demo shop from dist/: migrations, web pages, and the keys kept beside the database', async () => {
    const db = join(dir, 'shop', 'restock.db');
    const child = spawn(process.execPath, [bin(), 'serve', '--demo', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: `sqlite:${db}`, HOST: '127.0.0.1', LOG_LEVEL: 'info', CI: 'true', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        const onData = (b: Buffer) => {
          out += b.toString();
          const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
          if (m?.[1]) resolve(m[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      const health = await fetch(`${base}/health`);
      assert.equal(health.status, 200);
      const shop = await fetch(`${base}/`);
      assert.equal(shop.status, 200);
      const page = await shop.text();
      assert.match(page, /<html/i);
      const keys = JSON.parse(readFileSync(join(dir, 'shop', 'restock.demo-keys.json'), 'utf8')) as Record<string, string>;
      assert.ok(keys.storefront && page.includes(keys.storefront), 'the shop page carries the demo storefront key');
      assert.equal((await fetch(`${base}/widget/restock-widget.js`)).status, 200);
      const products = await fetch(`${base}/v1/products?limit=1`, { headers: { authorization: `Bearer ${keys.admin}` } });
      assert.equal(products.status, 200);
      assert.ok(!existsSync(join(dir, 'data')), 'nothing written to data/ of the working directory');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
