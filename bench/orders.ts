/**
 * Orders benchmark, on SQLite and PostgreSQL:
 *
 * - Flash sale: one SKU with exactly `--stock` units (50) and no backorders, and `--shoppers` (200) shoppers who
 *   each place one one-line order of one unit over HTTP at the same moment. Reports accepted orders over the
 *   burst's wall time, latency, the server's CPU per order and the status codes; checks that exactly the stock
 *   was sold (levels and order lines agree) and that no request got a 5xx. Each burst gets a fresh SKU; the best
 *   burst is reported beside all of them.
 * - Spread: `--connections` (64) clients placing one-line orders of one unit over `--skus` (10,000) SKUs with
 *   plenty of stock, beside the reservation path (`inventory.reserve`) with the same shape in the same run, so
 *   the cost of an order is read against the cost of a reservation.
 *
 *   npm run bench -- orders [--bursts=5] [--shoppers=200] [--stock=50] [--duration=3] [--warmup=0.5] [--rounds=2]
 *                           [--connections=64] [--skus=10000] [--pool=16] [--only=sqlite,postgres] [--cpu-prof=DIR]
 *
 * The server (Restock and its Fastify app) runs in a child process, so the load generator does not share its
 * event loop; the child reports its own CPU time over IPC, and it also runs the in-process spread cases (it owns
 * the database: on SQLite the notification bus is in-process). `--cpu-prof=DIR` leaves CPU profiles of the
 * child in DIR (.cpuprofile, for Chrome DevTools or speedscope), one of the bursts and one of the spread cases,
 * each of that phase alone (not start-up or seeding).
 *
 * PostgreSQL is found at RESTOCK_BENCH_PG_URL, else RESTOCK_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432;
 * the benchmark creates its own databases there and drops them afterwards.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';
import { RATE_LIMITS_OFF } from '../src/core/config.ts';
import { seededRandom } from '../src/core/random.ts';
import { createDatabase, pgReachable, redact, type BenchDialect } from './lib/databases.ts';

// ---------------------------------------------------------------------------------------------- settings

interface Settings {
  bursts: number;
  shoppers: number;
  stock: number;
  durationMs: number;
  warmupMs: number;
  rounds: number;
  connections: number;
  skus: number;
  poolSize: number;
  only: Set<string>;
  cpuProf: string | null;
  pgUrl: string;
}

function parseArgs(args: string[]): Settings {
  const get = (name: string): string | undefined => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a?.slice(name.length + 3);
  };
  const num = (name: string, dflt: number): number => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got '${v}'`);
    return n;
  };
  return {
    bursts: Math.round(num('bursts', 5)),
    shoppers: Math.round(num('shoppers', 200)),
    stock: Math.round(num('stock', 50)),
    durationMs: num('duration', 3) * 1000,
    warmupMs: num('warmup', 0.5) * 1000,
    rounds: Math.round(num('rounds', 2)),
    connections: Math.round(num('connections', 64)),
    skus: Math.round(num('skus', 10_000)),
    poolSize: Math.round(num('pool', 16)),
    only: new Set((get('only') ?? 'sqlite,postgres').split(',').map((s) => s.trim())),
    cpuProf: get('cpu-prof') ?? null,
    pgUrl: process.env.RESTOCK_BENCH_PG_URL || process.env.RESTOCK_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

const log = (msg: string): void => {
  process.stderr.write(`[orders] ${msg}\n`);
};

const round = (n: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? round(a / b, 2) : null);

// ---------------------------------------------------------------------------------------------- data set

const LOCATION = 'WH1';
const SPREAD_STOCK = 1_000_000;
const spreadSku = (i: number): string => `SPREAD-${String(i).padStart(5, '0')}`;

/** One location and the spread SKUs, all through the services. */
async function seed(restock: Restock, skus: number): Promise<void> {
  await restock.inventory.upsertLocation({ code: LOCATION, name: 'Bench warehouse', type: 'warehouse', priority: 1, region: 'EU' });
  const all = Array.from({ length: skus }, (_, i) => spreadSku(i));
  for (let i = 0; i < all.length; i += 1000) {
    const chunk = all.slice(i, i + 1000);
    await restock.catalog.upsertMany(chunk.map((sku) => ({ sku, title: `Bench ${sku}`, price: '10.00' })));
    await restock.inventory.applyFeed(chunk.map((sku) => ({ sku, location: LOCATION, onHand: SPREAD_STOCK, idempotencyKey: `bench-seed-${sku}` })), 'bench');
  }
}

// ---------------------------------------------------------------------------------------------- spread (in the child)

interface CaseResult {
  opsPerSec: number;
  ok: number;
  refused: number;
  errors: number;
  seconds: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** CPU time of the server process per successful operation (on PostgreSQL the database server's share is left out). */
  cpuMicrosPerOp: number;
}

type One = (sku: string, client: number) => Promise<boolean>;

/** `clients` loops, each awaiting one operation at a time on a seeded SKU sequence, until the deadline. */
async function drive(op: One, clients: number, ms: number, skus: number, record: boolean): Promise<CaseResult> {
  let ok = 0;
  let refused = 0;
  let errors = 0;
  let firstError: unknown = null;
  const latencies: number[] = [];
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = start + ms;
  const loop = async (client: number): Promise<void> => {
    const rnd = seededRandom(0x5eed + client * 7919);
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        if (await op(spreadSku(Math.floor(rnd() * skus)), client)) ok++;
        else refused++;
      } catch (err) {
        errors++;
        firstError ??= err;
      }
      if (record) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (firstError) process.stderr.write(`[orders server]   ${errors} error(s), first: ${firstError instanceof Error ? firstError.message : String(firstError)}\n`);
  const sorted = Float64Array.from(latencies).sort();
  return {
    opsPerSec: round(ok / seconds),
    ok,
    refused,
    errors,
    seconds: round(seconds, 2),
    latencyMs: { p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted[sorted.length - 1] ?? 0, 2) },
    cpuMicrosPerOp: round((cpu.user + cpu.system) / Math.max(1, ok), 1),
  };
}

async function spread(restock: Restock, s: { clients: number; durationMs: number; warmupMs: number; rounds: number; skus: number; dialect: string }): Promise<Record<string, unknown>> {
  let n = 0;
  const place: One = async (sku, client) => {
    const o = await restock.orders.place({ customer: { id: `spread-${client}`, email: `spread${client}@example.com` }, lines: [{ sku, quantity: 1 }] });
    n++;
    return o.lines[0]?.fromStock === 1;
  };
  const reserve: One = async (sku) => (await restock.inventory.reserve({ sku, quantity: 1 })).ok;
  const best: Record<'orders' | 'reservations', CaseResult | null> = { orders: null, reservations: null };
  const rounds: Record<'orders' | 'reservations', number[]> = { orders: [], reservations: [] };
  for (let r = 0; r < s.rounds; r++) {
    // Back to back in each round, so both see the machine in the same state; the best round of each is kept.
    for (const [who, fn] of [['orders', place], ['reservations', reserve]] as const) {
      await drive(fn, s.clients, s.warmupMs, s.skus, false);
      const res = await drive(fn, s.clients, s.durationMs, s.skus, true);
      rounds[who].push(res.opsPerSec);
      if (!best[who] || res.opsPerSec > (best[who]?.opsPerSec ?? 0)) best[who] = res;
      process.stderr.write(`[orders server] ${s.dialect} spread c${s.clients} ${who} #${r + 1}: ${res.opsPerSec} ok/s (ok ${res.ok}, errors ${res.errors}, p50 ${res.latencyMs.p50} ms, p99 ${res.latencyMs.p99} ms, cpu ${res.cpuMicrosPerOp} µs/op)\n`);
    }
  }
  // Every order placed sold one unit from stock: the committed units match.
  const committed = await restock.db.kysely.selectFrom('stock_levels').select(sql<number>`coalesce(sum(committed), 0)`.as('n')).where('sku', 'like', 'SPREAD-%').executeTakeFirstOrThrow();
  const lines = await restock.db.kysely.selectFrom('order_lines').select(sql<number>`count(*)`.as('n')).where('sku', 'like', 'SPREAD-%').executeTakeFirstOrThrow();
  return {
    orders: { ...best.orders, rounds: rounds.orders },
    reservations: { ...best.reservations, rounds: rounds.reservations },
    /** Orders per second against reservations per second, same shape, same run. */
    ordersVsReservations: ratio(best.orders?.opsPerSec ?? 0, best.reservations?.opsPerSec ?? 0),
    /** CPU of a reservation / CPU of an order: 1 would mean an order costs no more than a reservation. */
    cpuReservationVsOrder: ratio(best.reservations?.cpuMicrosPerOp ?? 0, best.orders?.cpuMicrosPerOp ?? 0),
    consistent: Number(committed.n) === n && Number(lines.n) === n,
    placed: n,
  };
}

// ---------------------------------------------------------------------------------------------- the child: server

type ToChild =
  | { type: 'mark' }
  | { type: 'prepare'; sku: string; stock: number }
  | { type: 'check'; sku: string }
  | { type: 'spread'; clients: number; durationMs: number; warmupMs: number; rounds: number }
  | { type: 'profile'; action: 'start' | 'stop'; file: string }
  | { type: 'stop' };

type FromChild =
  | { type: 'ready'; port: number; key: string }
  | { type: 'mark'; cpuMicros: number; at: number }
  | { type: 'prepared' }
  | { type: 'checked'; committed: number; onHand: number; filledOrders: number; lines: number; events: number }
  | { type: 'spread'; result: Record<string, unknown> }
  | { type: 'profiled' }
  | { type: 'error'; message: string };

async function serve(url: string, skus: number, poolSize: number, dialect: string): Promise<void> {
  const restock = await Restock.open({ databaseUrl: url, poolSize });
  await seed(restock, skus);
  // A secret (checkout) key: its orders are confirmed at once, as a shop's backend places them.
  const key = (await restock.keys.create('checkout')).key;
  const app = await buildApp(restock, {
    // Two hundred requests at once from loopback are the point here, not abuse.
    rateLimits: RATE_LIMITS_OFF,
    extraRoutes: async (a) => {
      a.get('/bench/hello', async () => ({ hello: 'world' }));
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const send = (m: FromChild): void => {
    process.send?.(m);
  };
  const k = restock.db.kysely;
  let session: Session | null = null;
  const handle = async (m: ToChild): Promise<void> => {
    if (m.type === 'mark') {
      const cpu = process.cpuUsage();
      send({ type: 'mark', cpuMicros: cpu.user + cpu.system, at: performance.now() });
    } else if (m.type === 'prepare') {
      await restock.catalog.upsert({ sku: m.sku, title: `Flash ${m.sku}`, price: '10.00', policy: { allowBackorder: false } });
      await restock.inventory.applyFeed([{ sku: m.sku, location: LOCATION, onHand: m.stock, idempotencyKey: `bench-${m.sku}` }], 'bench');
      // Warm the product's availability as a storefront would have before the sale.
      await restock.inventory.availabilityMany([m.sku]);
      send({ type: 'prepared' });
    } else if (m.type === 'check') {
      const lv = await k.selectFrom('stock_levels').select([sql<number>`coalesce(sum(committed), 0)`.as('c'), sql<number>`coalesce(sum(on_hand), 0)`.as('h')]).where('sku', '=', m.sku).executeTakeFirstOrThrow();
      const filled = await k.selectFrom('order_lines').select(sql<number>`count(distinct order_id)`.as('n')).where('sku', '=', m.sku).where('from_stock', '=', 1).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
      const lines = await k.selectFrom('order_lines').select(sql<number>`count(*)`.as('n')).where('sku', '=', m.sku).executeTakeFirstOrThrow();
      const events = await k.selectFrom('events').select(sql<number>`count(*)`.as('n')).where('type', '=', 'order.created').where(sql<string>`payload`, 'like', `%"${m.sku}"%`).executeTakeFirstOrThrow();
      send({ type: 'checked', committed: Number(lv.c), onHand: Number(lv.h), filledOrders: Number(filled.n), lines: Number(lines.n), events: Number(events.n) });
    } else if (m.type === 'spread') {
      send({ type: 'spread', result: await spread(restock, { ...m, skus, dialect }) });
    } else if (m.type === 'profile') {
      // A CPU profile of one phase only (the bursts, or the spread cases), not of start-up and seeding.
      if (m.action === 'start') {
        session ??= new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(m.file, JSON.stringify(profile));
        session.disconnect();
      }
      send({ type: 'profiled' });
    } else if (m.type === 'stop') {
      await app.close();
      await restock.close();
      // A normal exit, so --cpu-prof writes its profile.
      process.exit(0);
    }
  };
  process.on('message', (m: ToChild) => {
    handle(m).catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
  });
  send({ type: 'ready', port, key });
}

// ---------------------------------------------------------------------------------------------- the parent: shoppers

interface Reply {
  status: number;
  body: string;
  ms: number;
  /** When the answer arrived, ms after the burst began. */
  at: number;
}

function post(agent: Agent, port: number, path: string, key: string, payload: string | null, t0: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: payload === null ? 'GET' : 'POST',
        agent,
        headers: payload === null ? { authorization: `Bearer ${key}` } : { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const end = performance.now();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: end - start, at: end - t0 });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== null) req.write(payload);
    req.end();
  });
}

interface BurstResult {
  sku: string;
  /** Accepted orders over the burst's wall time (first request sent to last answer received). */
  ordersPerSec: number;
  /** All requests (accepted and refused) over the same wall time. */
  requestsPerSec: number;
  accepted: number;
  wallMs: number;
  /** The same number of hello-world requests at once, just before, on the same connections. */
  helloWallMs: number;
  /** Burst wall time over the hello-world burst's: what order placement adds to the HTTP floor. */
  vsHello: number | null;
  /** When the last accepted order's answer arrived. */
  lastAcceptedMs: number;
  latencyMs: { p50: number; p99: number; max: number };
  statuses: Record<string, number>;
  /** Server CPU time over the burst per accepted order, and per request. */
  serverCpuMicrosPerOrder: number;
  serverCpuMicrosPerRequest: number;
  sold: { committed: number; filledOrders: number; lines: number; createdEvents: number };
  /** Exactly the stock sold, one order.created event per order, no 5xx. */
  ok: boolean;
}

interface Child {
  next(): Promise<FromChild>;
  ask<T extends FromChild['type']>(m: ToChild, expect: T): Promise<Extract<FromChild, { type: T }>>;
  stop(): Promise<void>;
}

function startChild(url: string, s: Settings, dialect: BenchDialect): Child {
  const execArgv = ['--import', 'tsx'];
  const child = fork(fileURLToPath(import.meta.url), ['--serve', `--url=${url}`, `--skus=${s.skus}`, `--pool=${s.poolSize}`, `--dialect=${dialect}`], {
    execArgv,
    // The child's output goes to our stderr: stdout carries only the JSON result.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const waiters: Array<(m: FromChild) => void> = [];
  child.on('message', (m: FromChild) => waiters.shift()?.(m));
  const next = (): Promise<FromChild> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`benchmark server exited early (code ${code})`));
      child.once('exit', onExit);
      waiters.push((m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  return {
    next,
    async ask(m, expect) {
      const p = next();
      child.send(m);
      const r = await p;
      if (r.type !== expect) throw new Error(`benchmark server: ${JSON.stringify(r)}`);
      return r as Extract<FromChild, { type: typeof expect }>;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function burst(child: Child, agent: Agent, port: number, key: string, sku: string, s: Settings): Promise<BurstResult> {
  await child.ask({ type: 'prepare', sku, stock: s.stock }, 'prepared');
  // Every shopper's connection is open before the sale starts (a storefront page was loaded): the burst measures
  // order placement, not TCP handshakes.
  await Promise.all(Array.from({ length: s.shoppers }, () => post(agent, port, '/bench/hello', key, null, 0)));
  // The floor of the same burst shape on the same server and connections: a hello-world route, timed.
  const h0 = performance.now();
  await Promise.all(Array.from({ length: s.shoppers }, () => post(agent, port, '/bench/hello', key, null, 0)));
  const helloWallMs = performance.now() - h0;
  const bodies = Array.from({ length: s.shoppers }, (_, i) => JSON.stringify({ customer: { id: `shopper-${i}`, email: `shopper${i}@example.com` }, lines: [{ sku, quantity: 1 }] }));
  const before = await child.ask({ type: 'mark' }, 'mark');
  const t0 = performance.now();
  const replies = await Promise.all(bodies.map((b) => post(agent, port, '/v1/orders', key, b, t0)));
  const wallMs = performance.now() - t0;
  const after = await child.ask({ type: 'mark' }, 'mark');
  const checked = await child.ask({ type: 'check', sku }, 'checked');
  const statuses: Record<string, number> = {};
  for (const r of replies) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const accepted = replies.filter((r) => r.status === 201);
  const fiveXx = replies.filter((r) => r.status >= 500);
  if (fiveXx.length > 0) log(`  5xx: ${fiveXx[0]?.body ?? ''}`);
  const other = replies.find((r) => r.status !== 201 && r.status !== 409);
  if (other) log(`  unexpected ${other.status}: ${other.body}`);
  const sorted = Float64Array.from(replies.map((r) => r.ms)).sort();
  const cpu = after.cpuMicros - before.cpuMicros;
  const ok = fiveXx.length === 0 && accepted.length === s.stock && checked.committed === s.stock && checked.filledOrders === s.stock && checked.lines === s.stock && checked.events === s.stock;
  return {
    sku,
    ordersPerSec: round(accepted.length / (wallMs / 1000)),
    requestsPerSec: round(replies.length / (wallMs / 1000)),
    accepted: accepted.length,
    wallMs: round(wallMs, 1),
    helloWallMs: round(helloWallMs, 1),
    vsHello: ratio(wallMs, helloWallMs),
    lastAcceptedMs: round(Math.max(0, ...accepted.map((r) => r.at)), 1),
    latencyMs: { p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted[sorted.length - 1] ?? 0, 2) },
    statuses,
    serverCpuMicrosPerOrder: round(cpu / Math.max(1, accepted.length), 1),
    serverCpuMicrosPerRequest: round(cpu / replies.length, 1),
    sold: { committed: checked.committed, filledOrders: checked.filledOrders, lines: checked.lines, createdEvents: checked.events },
    ok,
  };
}

async function dialectRun(dialect: BenchDialect, s: Settings): Promise<Record<string, unknown>> {
  const db = await createDatabase(dialect, `orders_${dialect}`, s.pgUrl);
  const t = performance.now();
  const child = startChild(db.url, s, dialect);
  const agent = new Agent({ keepAlive: true, maxSockets: s.shoppers });
  try {
    const ready = await child.next();
    if (ready.type !== 'ready') throw new Error(`benchmark server: ${JSON.stringify(ready)}`);
    log(`${dialect}: server ready on port ${ready.port} after ${((performance.now() - t) / 1000).toFixed(1)} s (${s.skus} SKUs seeded)`);

    // Warm-up bursts (JIT, connections, statement caches), not reported.
    for (let i = 0; i < 3; i++) await burst(child, agent, ready.port, ready.key, `FLASH-WARM-${i + 1}`, s);
    const profile = async (action: 'start' | 'stop', phase: string): Promise<void> => {
      if (!s.cpuProf) return;
      mkdirSync(s.cpuProf, { recursive: true });
      await child.ask({ type: 'profile', action, file: join(s.cpuProf, `orders-${dialect}-${phase}.cpuprofile`) }, 'profiled');
    };
    const all: BurstResult[] = [];
    await profile('start', 'flash');
    for (let i = 0; i < s.bursts; i++) {
      const r = await burst(child, agent, ready.port, ready.key, `FLASH-${String(i + 1).padStart(3, '0')}`, s);
      all.push(r);
      log(`${dialect} flash #${i + 1}: ${r.ordersPerSec} orders/s (${r.accepted} accepted in ${r.wallMs} ms, last accepted at ${r.lastAcceptedMs} ms, hello burst ${r.helloWallMs} ms, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, server cpu ${r.serverCpuMicrosPerOrder} µs/order, ${JSON.stringify(r.statuses)}${r.ok ? '' : ', NOT OK'})`);
    }
    await profile('stop', 'flash');
    const best = all.reduce<BurstResult | null>((b, r) => (!b || r.ordersPerSec > b.ordersPerSec ? r : b), null);

    log(`${dialect}: spread, ${s.connections} clients over ${s.skus} SKUs, ${s.rounds} round(s) of ${s.durationMs / 1000} s`);
    await profile('start', 'spread');
    const spreadResult = (await child.ask({ type: 'spread', clients: s.connections, durationMs: s.durationMs, warmupMs: s.warmupMs, rounds: s.rounds }, 'spread')).result;
    await profile('stop', 'spread');
    return {
      settings: { shoppers: s.shoppers, stock: s.stock, bursts: s.bursts, poolSize: dialect === 'postgres' ? s.poolSize : 1, server: 'child process, HTTP on loopback, checkout key, rate limits off' },
      flashSale: {
        best,
        allOrdersPerSec: all.map((r) => r.ordersPerSec),
        allOk: all.every((r) => r.ok),
        bursts: all,
      },
      spread: { settings: { clients: s.connections, skus: s.skus, secondsPerRound: s.durationMs / 1000, rounds: s.rounds, reported: 'best round', path: 'in process, through the services' }, ...spreadResult },
    };
  } finally {
    agent.destroy();
    await child.stop();
    await db.drop();
  }
}

// ---------------------------------------------------------------------------------------------- entry

export async function run(args: string[]): Promise<unknown> {
  const s = parseArgs(args);
  const result: { machine: Record<string, unknown>; sqlite: unknown; postgres: unknown; targets: Record<string, unknown> } = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, loadavgAtStart: loadavg().map((x) => round(x, 2)) },
    sqlite: { skipped: true, reason: 'not selected (--only)' },
    postgres: { skipped: true, reason: 'not selected (--only)' },
    targets: {},
  };
  if (s.only.has('sqlite')) result.sqlite = await dialectRun('sqlite', s);
  if (s.only.has('postgres')) {
    const unreachable = await pgReachable(s.pgUrl);
    if (unreachable) {
      log(`postgres: skipped, ${unreachable}`);
      result.postgres = { skipped: true, reason: `PostgreSQL at ${redact(s.pgUrl)} is unreachable: ${unreachable}` };
    } else result.postgres = await dialectRun('postgres', s);
  }
  const flash = (d: unknown): { rate: number | null; ok: boolean | null } => {
    const f = (d as { flashSale?: { best?: { ordersPerSec?: number }; allOk?: boolean } }).flashSale;
    return { rate: f?.best?.ordersPerSec ?? null, ok: f?.allOk ?? null };
  };
  const target = (d: unknown, min: number): Record<string, unknown> => {
    const f = flash(d);
    return { target: `flash-sale burst >= ${min} orders/s, exactly ${s.stock} sold, no 5xx`, best: f.rate, allBurstsCorrect: f.ok, pass: f.rate === null ? null : f.rate >= min && f.ok === true };
  };
  result.targets = { sqliteFlashSale: target(result.sqlite, 1000), postgresFlashSale: target(result.postgres, 500) };
  // Other processes on the machine (test suites, builds) depress every figure: the load average says how much.
  result.machine.loadavgAtEnd = loadavg().map((x) => round(x, 2));
  return result;
}

// Started as the benchmark's server (see startChild): `node --import tsx bench/orders.ts --serve --url=…`.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--serve')) {
  const arg = (name: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';
  serve(arg('url'), Number(arg('skus') || 10_000), Number(arg('pool') || 16), arg('dialect')).catch((err: unknown) => {
    process.stderr.write(`[orders server] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.send?.({ type: 'error', message: String(err) });
    process.exit(1);
  });
}
