#!/usr/bin/env node
// Compiles src/ to dist/ (what `npm start` and the `restock` bin run). Runs as `npm run build` and as the
// prepare script, so `npm install` and `npm ci` on a fresh clone build it too.
//
// dist/ is emptied first: tsc never deletes the output of a source that was removed or renamed, and a stale
// module left there could still be imported. An install without dev dependencies (`npm ci --omit=dev` on a
// server that was shipped a built dist/) has no compiler: it keeps the dist/ it has instead of failing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('build: TypeScript is not installed (a production install): keeping the dist/ already built');
    process.exit(0);
  }
  console.error('build: TypeScript is not installed and there is no dist/: install with dev dependencies (npm install) to build');
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('build: tsc failed; dist/ is incomplete');
  process.exit(r.status ?? 1);
}
