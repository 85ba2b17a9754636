/**
 * The storefront widget's size budget: each built file (the ES module and the classic script) is at most 15 kB
 * gzipped, the size shops put on every product page. Reads the build in dist/web/widget/ (`npm run build:web`);
 * without it the test skips visibly, except under CI where it fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIR = new URL('../dist/web/widget/', import.meta.url);
const FILES = ['restock-widget.js', 'restock-widget.classic.js'];
const BUDGET = 15_000; // 15 kB, counted strictly
const CI = process.env.CI === 'true' || process.env.CI === '1';
const built = FILES.every((f) => existsSync(new URL(f, DIR)));

if (!built && !CI) console.log('# widget size SKIPPED: dist/web/widget/ is not built (npm run build:web)');

test('the built widget files exist and are at most 15 kB gzipped each', { skip: !built && !CI ? 'dist/web/widget/ is not built: run npm run build:web' : false }, () => {
  for (const file of FILES) {
    const url = new URL(file, DIR);
    assert.ok(existsSync(url), `${file} is built`);
    const source = readFileSync(url);
    const gzipped = gzipSync(source, { level: 9 }).length;
    console.log(`# ${file}: ${source.length} bytes, ${gzipped} gzipped (budget ${BUDGET})`);
    assert.ok(gzipped <= BUDGET, `${file} is ${gzipped} bytes gzipped, over the ${BUDGET} budget`);
    // One file with nothing else to load: no imports of other chunks.
    assert.doesNotMatch(source.toString('utf8'), /\bimport\s*\(|^import\s|\bfrom\s*["']\.\//m, `${file} loads nothing else`);
  }
});
