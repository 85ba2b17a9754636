#!/usr/bin/env node
// Compiles src/ to dist/ (what `npm start` and the `restock` bin run) and builds the browser side with Vite
// into dist/web/ (the pages and the widget the server serves). Runs as `npm run build` and as the prepare
// script, so `npm install` and `npm ci` on a fresh clone build it too. `--web` builds only the browser side.
//
// dist/ is emptied first: tsc never deletes the output of a source that was removed or renamed, and a stale
// module left there could still be imported. An install without dev dependencies (`npm ci --omit=dev` on a
// server that was shipped a built dist/) has no compiler: it keeps the dist/ it has instead of failing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const require = createRequire(import.meta.url);

const webOnly = process.argv.includes('--web');
let tsc;
let vite;
try {
  tsc = require.resolve('typescript/bin/tsc');
  // vite's package exports do not include its bin: find it beside its package.json.
  vite = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
} catch {
  if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('build: TypeScript is not installed (a production install): keeping the dist/ already built');
    process.exit(0);
  }
  console.error('build: TypeScript is not installed and there is no dist/: install with dev dependencies (npm install) to build');
  process.exit(1);
}

function step(what, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${what} failed; dist/ is incomplete`);
    process.exit(r.status ?? 1);
  }
}

rmSync(webOnly ? join(dist, 'web') : dist, { recursive: true, force: true });
if (!webOnly) step('tsc', [tsc, '-p', 'tsconfig.build.json']);
step('the web build', [vite, 'build', '--config', 'vite.config.ts']);
step('the widget build', [vite, 'build', '--config', 'vite.widget.config.ts']);
