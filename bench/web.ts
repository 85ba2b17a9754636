/**
 * Web benchmark: how fast the built pages draw on the demo shop's data (240 SKUs, two years of sales), in
 * Debian's Chromium (playwright-core), against the API process serving them on loopback.
 *
 * For each page — the dashboard's overview and a SKU page (the two), the stock list, the demo shop and
 * the widget playground — and for a baseline page from the same server (a static HTML page with one heading,
 * no script), `--runs` (5) loads in a fresh browser context (cold cache) and as many reloads (warm cache):
 *   firstPaintMs    first contentful paint after navigation start
 *   readyMs         when the page shows its data: its heading is drawn and nothing in <main> is loading
 *                   (no "Loading…", no [aria-busy=true]) — the time an operator waits (-1: not within 30 s)
 *   jsKB / jsGzipKB JavaScript transferred for the page (cold), as served (gzip/br when the server compresses)
 *                   and gzipped (what a compressing server or CDN would send)
 *   requests        requests made until ready (cold)
 * Medians are reported with every run, and each page's ready time as a ratio to the baseline's.
 *
 *   npm run bench -- web [--runs=5] [--sku=SKU]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { ensureDemo } from '../src/demo/seed.ts';
import { RATE_LIMITS_OFF } from '../src/core/config.ts';
import { WEB_ROOT } from '../src/http/web.ts';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const KEY_STORAGE = 'restock.adminKey';

function arg(args: string[], name: string, fallback: string): string {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

interface Load {
  firstPaintMs: number;
  readyMs: number;
  jsBytes: number;
  jsGzipBytes: number;
  requests: number;
}

/** Waits until the page shows its data and reads the timings from the page itself. */
async function measure(page: Page, url: string, signedIn: string | null, fetchBody: (u: string) => Promise<Buffer>): Promise<Load> {
  const scripts = new Set<string>();
  let requests = 0;
  page.on('request', (r) => {
    requests++;
    if (r.resourceType() === 'script') scripts.add(r.url());
  });
  if (signedIn) await page.addInitScript(([k, v]) => sessionStorage.setItem(k as string, v as string), [KEY_STORAGE, signedIn]);
  const res = await page.goto(url, { waitUntil: 'commit' });
  if (!res || res.status() !== 200) throw new Error(`${url} answered ${res?.status() ?? 'nothing'}`);
  // Page scripts as strings: the functions of this file are transpiled by tsx, whose helpers the page lacks.
  const readyMs = await page.evaluate<number>(`new Promise((resolve) => {
    const ready = () => {
      const main = document.querySelector('main') || document.body;
      const h1 = main.querySelector('h1') || document.querySelector('h1');
      if (!h1 || !h1.textContent.trim()) return false;
      if (main.querySelector('[aria-busy="true"]')) return false;
      return !/Loading…/.test(main.textContent || '');
    };
    // A page that never gets ready is reported as -1 after 30 s instead of stopping the benchmark.
    const giveUp = setTimeout(() => resolve(-1), 30000);
    const check = () => (ready() ? (clearTimeout(giveUp), resolve(performance.now())) : requestAnimationFrame(check));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
    else check();
  })`);
  const firstPaintMs = await page.evaluate<number>(`(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: 0 }).startTime`);
  const entries = await page.evaluate<Array<{ name: string; size: number }>>(
    `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).map((e) => ({ name: e.name, size: e.transferSize || e.encodedBodySize }))`,
  );
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const e of entries) {
    jsBytes += e.size;
    jsGzipBytes += gzipSync(await fetchBody(e.name)).length;
  }
  for (const s of scripts) if (!entries.some((e) => e.name === s)) jsGzipBytes += gzipSync(await fetchBody(s)).length;
  return { firstPaintMs: round(firstPaintMs), readyMs: round(readyMs), jsBytes, jsGzipBytes, requests };
}

export async function run(args: string[]): Promise<unknown> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  if (!existsSync(`${WEB_ROOT}dashboard/index.html`)) throw new Error('dist/web is not built: run npm run build');
  const runs = Number(arg(args, 'runs', '5'));
  const dir = mkdtempSync(join(tmpdir(), 'restock-bench-web-'));
  const log = (s: string) => process.stderr.write(`[web] ${s}\n`);
  const restock = await Restock.open({ databaseUrl: `sqlite:${join(dir, 'web.db')}` });
  let browser: Browser | null = null;
  try {
    const t0 = Date.now();
    const keys = await ensureDemo(restock, { keysFile: null, progress: false });
    if (!keys) throw new Error('the demo seed gave no keys');
    log(`demo shop seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The SKU page of a SKU with a long sales history: the first product with the most ledger rows would do; the
    // demo's first SKU has two years of sales.
    const sku = arg(args, 'sku', (await restock.catalog.list({ limit: 1 }))[0]?.sku ?? '');
    const app = await buildApp(restock, {
      web: { storefrontKey: keys.storefront },
      // Many page loads from one loopback address are the point here, not abuse.
      rateLimits: RATE_LIMITS_OFF,
      extraRoutes: async (a) => {
        a.get('/bench-baseline', { schema: { hide: true } }, async (_req, reply) =>
          reply.header('content-type', 'text/html; charset=utf-8').send('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head><body><main><h1>Baseline</h1></main></body></html>'),
        );
      },
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const fetchBody = async (u: string) => Buffer.from(await (await fetch(u)).arrayBuffer());
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const pages: Array<{ name: string; path: string; admin: boolean }> = [
      { name: 'baseline', path: '/bench-baseline', admin: false },
      { name: 'dashboardOverview', path: '/dashboard', admin: true },
      { name: 'dashboardSku', path: `/dashboard/skus/${encodeURIComponent(sku)}`, admin: true },
      { name: 'dashboardStock', path: '/dashboard/stock', admin: true },
      { name: 'shop', path: '/', admin: false },
      { name: 'widgetPlayground', path: '/widget', admin: false },
    ];
    const out: Record<string, unknown> = {};
    const ready: Record<string, number> = {};
    for (const p of pages) {
      const probe = await fetch(`${base}${p.path}`);
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        log(`${p.name}: ${p.path} answered ${probe.status}: left out`);
        out[p.name] = { path: p.path, missing: probe.status };
        continue;
      }
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
        const page = await context.newPage();
        cold.push(await measure(page, `${base}${p.path}`, p.admin ? keys.admin : null, fetchBody));
        const again = await context.newPage();
        warm.push(await measure(again, `${base}${p.path}`, p.admin ? keys.admin : null, fetchBody));
        await context.close();
      }
      const c = cold.at(-1) ?? { jsBytes: 0, jsGzipBytes: 0, requests: 0 };
      ready[p.name] = median(cold.map((x) => x.readyMs));
      out[p.name] = {
        path: p.path,
        cold: { firstPaintMs: median(cold.map((x) => x.firstPaintMs)), readyMs: ready[p.name], runs: cold.map((x) => x.readyMs) },
        warm: { firstPaintMs: median(warm.map((x) => x.firstPaintMs)), readyMs: median(warm.map((x) => x.readyMs)), runs: warm.map((x) => x.readyMs) },
        jsKB: round(c.jsBytes / 1024),
        jsGzipKB: round(c.jsGzipBytes / 1024),
        requests: c.requests,
      };
      log(`${p.name}: ready ${round(ready[p.name] ?? 0)} ms cold, ${round(median(warm.map((x) => x.readyMs)))} ms warm, ${round(c.jsGzipBytes / 1024)} kB JS gzipped`);
    }
    const baseline = ready.baseline ?? 1;
    await app.close();
    return {
      machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)), chromium: browser.version() },
      settings: { runs, sku, data: 'demo shop (240 SKUs, two years of daily sales)' },
      pages: out,
      readyVsBaseline: Object.fromEntries(Object.entries(ready).filter(([k]) => k !== 'baseline').map(([k, v]) => [k, round(v / baseline, 2)])),
    };
  } finally {
    await browser?.close();
    await restock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
