#!/usr/bin/env node
// The `restock` command: runs the compiled JavaScript in dist/, which `npm install` builds (the prepare
// script) and `npm run build` rebuilds. Sources run through tsx only in development (`npm run dev`, tests).
import { existsSync, readdirSync, statSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('restock: dist/ is missing: run `npm run build` (npm install does it too)');
  process.exit(1);
}
// Sources edited after the last build would silently not run: say so (a few hundred stats, a few ms).
const built = statSync(main).mtimeMs;
const newer = (dir) =>
  readdirSync(dir, { withFileTypes: true }).some((e) => {
    const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    return e.isDirectory() ? newer(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && statSync(p).mtimeMs > built;
  });
const src = new URL('../src/', import.meta.url);
if (existsSync(src) && newer(src)) console.error('restock: src/ changed since dist/ was built: run `npm run build` to run the changes');
await import(main.href);
