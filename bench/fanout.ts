/**
 * Fan-out benchmark (issue 4): 100,000 contacts wait on one SKU; 100,000 units arrive in one receipt, with a
 * waitlist policy that releases them all at once. Measured:
 *
 *   (a) enqueue — from the receipt until every back_in_stock message is recorded (the receipt's stock write, then
 *       the reactors: the waitlist reactor releases the list inside the SKU's stock write and records the
 *       messages in that transaction);
 *   (b) deliver — `MessageDispatcher.runUntilIdle()` with pooled SMTP connections, to a loopback SMTP sink that
 *       runs in a child process (so it does not share our event loop) and only counts;
 *   (c) baseline — one SMTP connection per message (nodemailer without a pool, `--baseline-concurrency` sends at
 *       a time), over a sample of the same messages, in the same run; and, to split SMTP from database cost, the
 *       same sample through a pooled transport with no database at all (the SMTP ceiling).
 *
 *   npm run bench -- fanout [--subscribers=100000] [--connections=8] [--baseline-sample=2000]
 *                           [--baseline-concurrency=8] [--via-service=200] [--deliver-cap=200]
 *                           [--dialects=sqlite|sqlite,postgres]
 *
 * Subscribers: the first `--via-service` go through `waitlist.subscribe` (timed, and kept as the reference);
 * the rest are written straight into `waitlist` with exactly the columns subscribe writes (a fidelity check
 * compares a bulk row with a service row field by field). Their `waitlist.subscribed` events are not written:
 * the reactors would consume them before the receipt anyway.
 *
 * Delivery is capped at `--deliver-cap` seconds: past it the messages still queued are set aside (their
 * next_attempt_at moved a year ahead) so the dispatcher goes idle, and the figures cover what was delivered.
 * While the dispatcher runs, every SQL statement is timed at the driver and charged to what it does (claim,
 * the per-recipient rate-limit count, the mark-as-sent update), which says where a message's time goes.
 *
 * SQLite by default; PostgreSQL with --dialects=sqlite,postgres (RESTOCK_BENCH_PG_URL, else RESTOCK_TEST_PG_URL,
 * else postgres://postgres@127.0.0.1:5432; the database is created and dropped).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodemailer, { type Transporter } from 'nodemailer';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { Restock } from '../src/restock.ts';
import { newId } from '../src/core/ids.ts';
import { createLogger } from '../src/core/log.ts';
import type { Clock } from '../src/core/clock.ts';
import type { Logger } from '../src/core/log.ts';
import type { Database } from '../src/db/database.ts';
import { MessageDispatcher, type DispatcherOptions } from '../src/messaging/dispatcher.ts';
import { createDatabase, defaultPgUrl, pgReachable, redact, type BenchDialect } from './lib/databases.ts';

// ---------------------------------------------------------------------------------------------- settings

interface Settings {
  subscribers: number;
  connections: number;
  baselineSample: number;
  baselineConcurrency: number;
  viaService: number;
  deliverCapMs: number;
  dialects: BenchDialect[];
  pgUrl: string;
}

function parseArgs(args: string[]): Settings {
  const get = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number): number => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got '${v}'`);
    return n;
  };
  const dialects = (get('dialects') ?? 'sqlite').split(',').map((d) => d.trim());
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`--dialects: unknown dialect '${d}'`);
  const subscribers = Math.round(num('subscribers', 100_000));
  return {
    subscribers,
    connections: Math.round(num('connections', 8)),
    baselineSample: Math.min(subscribers, Math.round(num('baseline-sample', 2000))),
    baselineConcurrency: Math.round(num('baseline-concurrency', 8)),
    viaService: Math.min(subscribers, Math.round(num('via-service', 200))),
    deliverCapMs: num('deliver-cap', 200) * 1000,
    dialects: dialects as BenchDialect[],
    pgUrl: defaultPgUrl(),
  };
}

const log = (msg: string): void => {
  process.stderr.write(`[fanout] ${msg}\n`);
};
const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;
const perSecond = (n: number, ms: number): number => (ms > 0 ? round((n / ms) * 1000) : 0);

const SKU = 'FANOUT-1';
const LOCATION = 'WH1';
const FROM = 'Shop <shop@example.com>';

// ---------------------------------------------------------------------------------------------- SMTP sink (child)

type SinkMsg = { type: 'ready'; port: number } | { type: 'count'; count: number; cpuMicros: number };

/** The sink: a real SMTP server that reads each message to its end and counts it. Runs as `--sink`. */
async function sinkMain(): Promise<void> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 1000,
    // Many short connections (the baseline): no need to look up the client's name.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  server.on('error', (err) => process.stderr.write(`[fanout sink] ${err.message}\n`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.server.address();
  process.on('message', (m: { type: string }) => {
    if (m.type === 'count') {
      const cpu = process.cpuUsage();
      process.send?.({ type: 'count', count, cpuMicros: cpu.user + cpu.system } satisfies SinkMsg);
    } else if (m.type === 'stop') server.close(() => process.exit(0));
  });
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 } satisfies SinkMsg);
}

interface Sink {
  url: string;
  port: number;
  stats(): Promise<{ count: number; cpuMicros: number }>;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--sink'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
  const waiters: Array<(m: SinkMsg) => void> = [];
  child.on('message', (m: SinkMsg) => waiters.shift()?.(m));
  const next = (): Promise<SinkMsg> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`SMTP sink exited (code ${code})`));
      child.once('exit', onExit);
      waiters.push((m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`SMTP sink: ${JSON.stringify(ready)}`);
  return {
    port: ready.port,
    url: `smtp://127.0.0.1:${ready.port}`,
    async stats() {
      const p = next();
      child.send({ type: 'count' });
      const m = await p;
      if (m.type !== 'count') throw new Error(`SMTP sink: ${JSON.stringify(m)}`);
      return { count: m.count, cpuMicros: m.cpuMicros };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

// ---------------------------------------------------------------------------------------------- SQL timing

/**
 * Every statement timed at the driver and charged to a kind. On SQLite a statement runs synchronously on our
 * event loop, so its time is exactly what it costs the dispatcher; on PostgreSQL it is the round trip, and
 * concurrent statements overlap (their sum can exceed the wall time).
 */
class SqlTimer {
  active = false;
  private readonly kinds = new Map<string, { ms: number; count: number }>();
  constructor(private readonly classify: (sql: string) => string) {}
  /** `executed` false: SQLite compiling the statement (Kysely prepares each one it sends); charged, not counted. */
  record(text: string, ms: number, executed: boolean): void {
    if (!this.active) return;
    const k = this.classify(text);
    const b = this.kinds.get(k) ?? { ms: 0, count: 0 };
    b.ms += ms;
    if (executed) b.count++;
    this.kinds.set(k, b);
  }
  /** The kinds that cost at least 0.5% of the SQL time, costliest first. */
  report(perItem: number): Record<string, { ms: number; count: number; microsPerMessage: number }> {
    const out: Record<string, { ms: number; count: number; microsPerMessage: number }> = {};
    const all = [...this.kinds.values()].reduce((n, b) => n + b.ms, 0);
    let rest = 0;
    for (const [k, b] of [...this.kinds.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
      if (b.ms < all * 0.005) rest += b.ms;
      else out[k] = { ms: round(b.ms), count: b.count, microsPerMessage: round((b.ms * 1000) / Math.max(1, perItem), 1) };
    }
    if (rest > 0) out['(everything else)'] = { ms: round(rest), count: 0, microsPerMessage: round((rest * 1000) / Math.max(1, perItem), 1) };
    return out;
  }
  totalMs(): number {
    return round([...this.kinds.values()].reduce((n, b) => n + b.ms, 0));
  }
  reset(): void {
    this.kinds.clear();
  }
}

let hooked: SqlTimer[] = [];

/** Installs the driver hooks once; each timer sees statements while it is active. */
function installHooks(): void {
  if (hooked.length > 0 || (globalThis as { __fanoutHooks?: boolean }).__fanoutHooks) return;
  (globalThis as { __fanoutHooks?: boolean }).__fanoutHooks = true;
  const record = (text: string, ms: number, executed = true): void => {
    for (const t of hooked) t.record(text, ms, executed);
  };
  const dbProto = SQLite.prototype as unknown as { prepare: (this: unknown, source: string) => unknown };
  const prepare = dbProto.prepare;
  dbProto.prepare = function (this: unknown, source: string): unknown {
    const t0 = performance.now();
    const stmt = prepare.call(this, source);
    record(source, performance.now() - t0, false);
    return stmt;
  };
  const probe = new SQLite(':memory:');
  const stmtProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  for (const m of ['all', 'run', 'get'] as const) {
    const orig = stmtProto[m] as (this: { source: string }, ...a: unknown[]) => unknown;
    stmtProto[m] = function (this: { source: string }, ...args: unknown[]): unknown {
      const t0 = performance.now();
      const out = orig.apply(this, args);
      record(this.source, performance.now() - t0);
      return out;
    };
  }
  const clientProto = pg.Client.prototype as unknown as { query: (this: unknown, ...a: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null && typeof (first as { text?: unknown }).text === 'string' ? (first as { text: string }).text : '';
    const t0 = performance.now();
    const out = query.apply(this, args);
    if (out instanceof Promise) return out.then((r: unknown) => (record(text, performance.now() - t0), r));
    return out;
  };
}

function genericKind(text: string): string {
  const s = text.trimStart().slice(0, 300).toLowerCase();
  if (/^(begin|start transaction)/.test(s)) return 'begin';
  if (/^commit/.test(s)) return 'commit';
  if (/^rollback/.test(s)) return 'rollback';
  if (s.includes('pg_notify')) return 'notify';
  const verb = /^(select|insert|update|delete|with)/.exec(s)?.[1] ?? 'other';
  const table = (verb === 'insert' ? /insert into "?([a-z_]+)/ : verb === 'update' ? /update "?([a-z_]+)/ : verb === 'delete' ? /delete from "?([a-z_]+)/ : /from "?([a-z_]+)/).exec(s)?.[1];
  return `${table ?? '?'} ${verb}`;
}

/** The dispatcher's statements by what they are for. */
function dispatchKind(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (s.startsWith("update messages set status = 'sending'")) return 'claim (update … returning)';
  if (s.includes('count(*)') && s.includes('"messages"')) return 'per-recipient count';
  if (s.startsWith('update "messages" set "status" = ') && s.includes('"sent_at"')) return 'mark sent (update by id)';
  return genericKind(text);
}

// ---------------------------------------------------------------------------------------------- set-up

/** The columns `store.insertSubscription` writes, for a subscriber the service would put straight on the list. */
function subscriberRow(i: number, seq: number, now: string) {
  return {
    id: newId('wl'),
    sku: SKU,
    email: `fan${String(i).padStart(6, '0')}@example.com`,
    phone: null,
    quantity: 1,
    locale: i % 5 === 0 ? 'de' : 'en',
    status: 'waiting',
    seq,
    hold_reservation_id: null,
    hold_expires_at: null,
    hold_reminded: 0,
    created_at: now,
    confirmed_at: now,
    notified_at: null,
    converted_at: null,
    unsubscribed_at: null,
    recipient_key: `fan${String(i).padStart(6, '0')}@example.com`,
    confirm_sent_at: null,
  };
}

/** A bulk row and a service row must agree on everything but identity, address, position and time. */
async function fidelity(restock: Restock): Promise<{ ok: boolean; differences: string[] }> {
  const rows = await restock.db.kysely.selectFrom('waitlist').selectAll().where('sku', '=', SKU).where('seq', 'in', [1, 2]).orderBy('seq').execute();
  const [service, bulk] = rows;
  if (!service || !bulk) return { ok: false, differences: ['missing rows'] };
  const skip = new Set(['id', 'email', 'recipient_key', 'seq', 'created_at', 'confirmed_at', 'locale']);
  const differences: string[] = [];
  for (const k of Object.keys(service) as Array<keyof typeof service>) {
    if (skip.has(k)) continue;
    if (JSON.stringify(service[k]) !== JSON.stringify(bulk[k])) differences.push(`${k}: service ${JSON.stringify(service[k])}, bulk ${JSON.stringify(bulk[k])}`);
  }
  for (const k of ['created_at', 'confirmed_at'] as const) if ((service[k] === null) !== (bulk[k] === null)) differences.push(`${k}: null in one only`);
  if (typeof bulk.id !== 'string' || !bulk.id.startsWith('wl_') || bulk.id.length !== service.id.length) differences.push(`id shape: ${service.id} vs ${bulk.id}`);
  return { ok: differences.length === 0, differences };
}

async function seedSubscribers(restock: Restock, s: Settings): Promise<Record<string, unknown>> {
  await restock.inventory.upsertLocation({ code: LOCATION, name: 'Fan-out warehouse', type: 'warehouse', priority: 1, region: 'EU' });
  await restock.catalog.upsert({ sku: SKU, title: 'Fan-out kettle', price: '49.00' });
  // Release everyone at once: k × 100,000 units covers the whole list (k = 1000 is the most the API accepts).
  await restock.waitlist.setPolicy({ doubleOptIn: false, k: 1000, batchIntervalMinutes: 30, holdHours: 0 });

  // Through the service: one at a time, as the storefront would (and the reference rows for the fidelity check).
  const t0 = performance.now();
  for (let i = 1; i <= s.viaService; i++) {
    const r = await restock.waitlist.subscribe({ sku: SKU, email: `fan${String(i).padStart(6, '0')}@example.com`, locale: i % 5 === 0 ? 'de' : 'en' });
    if (r.subscription.status !== 'waiting') throw new Error(`subscriber ${i} is ${r.subscription.status}, expected waiting`);
  }
  const serviceMs = performance.now() - t0;

  // The rest in bulk, numbered after them. One transaction; 500 rows a statement.
  const t1 = performance.now();
  const now = new Date().toISOString();
  await restock.db.transaction(async (ctx) => {
    for (let i = s.viaService + 1; i <= s.subscribers; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(i + 500, s.subscribers + 1); j++) rows.push(subscriberRow(j, j, now));
      await ctx.tx.insertInto('waitlist').values(rows).execute();
    }
  });
  const bulkMs = performance.now() - t1;
  // Whatever the service's subscriptions left in the outbox is consumed now, not inside the measurement.
  await restock.runReactors();
  if (restock.db.isPostgres) await sql`analyze`.execute(restock.db.kysely);
  const waiting = await restock.db.kysely.selectFrom('waitlist').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', '=', SKU).where('status', '=', 'waiting').executeTakeFirstOrThrow();
  if (Number(waiting.n) !== s.subscribers) throw new Error(`${waiting.n} waiting, expected ${s.subscribers}`);
  return {
    viaService: { count: s.viaService, ms: round(serviceMs), perSecond: perSecond(s.viaService, serviceMs) },
    bulk: { count: s.subscribers - s.viaService, ms: round(bulkMs) },
    fidelity: await fidelity(restock),
  };
}

// ---------------------------------------------------------------------------------------------- SMTP paths

interface SampleMessage {
  id: number;
  to_addr: string;
  subject: string;
  text_body: string;
  html_body: string;
}

/** Sends `messages` through `transport`, `concurrency` at a time; no database involved. */
async function sendAll(transport: Transporter, messages: SampleMessage[], concurrency: number, tag: string): Promise<{ ms: number; errors: number; cpuMicros: number }> {
  let next = 0;
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const m = messages[next++] as SampleMessage;
      try {
        await transport.sendMail({ from: FROM, to: m.to_addr, subject: m.subject, text: m.text_body, html: m.html_body, messageId: `<${tag}-${m.id}@bench.local>` });
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, errors, cpuMicros: cpu.user + cpu.system };
}

/** (c) One connection per message: nodemailer without a pool opens, greets, sends and quits for each. */
async function baseline(sink: Sink, sample: SampleMessage[], concurrency: number): Promise<Record<string, unknown>> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  try {
    await sendAll(transport, sample.slice(0, Math.min(200, sample.length)), concurrency, 'warm-single');
    const before = await sink.stats();
    const r = await sendAll(transport, sample, concurrency, 'single');
    const after = await sink.stats();
    return {
      messages: sample.length,
      concurrency,
      ms: round(r.ms),
      emailsPerSecond: perSecond(sample.length, r.ms),
      errors: r.errors,
      arrived: after.count - before.count,
      senderCpuMicrosPerMessage: round(r.cpuMicros / sample.length),
      sinkCpuMicrosPerMessage: round((after.cpuMicros - before.cpuMicros) / sample.length),
    };
  } finally {
    transport.close();
  }
}

/** The SMTP ceiling: the same sample through a pooled transport with `connections` connections, no database. */
async function pooledTransportOnly(sink: Sink, sample: SampleMessage[], connections: number): Promise<Record<string, unknown>> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: connections, maxMessages: Infinity });
  try {
    await sendAll(transport, sample.slice(0, Math.min(200, sample.length)), connections, 'warm-pool');
    const before = await sink.stats();
    const r = await sendAll(transport, sample, connections, 'pool');
    const after = await sink.stats();
    return {
      messages: sample.length,
      connections,
      ms: round(r.ms),
      emailsPerSecond: perSecond(sample.length, r.ms),
      errors: r.errors,
      arrived: after.count - before.count,
      senderCpuMicrosPerMessage: round(r.cpuMicros / sample.length),
      sinkCpuMicrosPerMessage: round((after.cpuMicros - before.cpuMicros) / sample.length),
    };
  } finally {
    transport.close();
  }
}

// ---------------------------------------------------------------------------------------------- one dialect

/** What the benchmark needs of a dispatcher; a patched copy can be measured by passing its factory. */
export interface Dispatching {
  runUntilIdle(): Promise<number>;
  stop(): Promise<void>;
}
export type DispatcherFactory = (db: Database, clock: Clock, logger: Logger, opts: DispatcherOptions) => Dispatching;
const srcDispatcher: DispatcherFactory = (db, clock, logger, opts) => new MessageDispatcher(db, clock, logger, opts);

async function statusCounts(restock: Restock): Promise<Record<string, number>> {
  const rows = await restock.db.kysely.selectFrom('messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

async function fanout(dialect: BenchDialect, s: Settings, sink: Sink, makeDispatcher: DispatcherFactory): Promise<Record<string, unknown>> {
  const db = await createDatabase(dialect, 'fanout', s.pgUrl);
  const restock = await Restock.open({ databaseUrl: db.url, secret: 'fanout-bench', publicUrl: 'https://shop.example.com', poolSize: Math.max(16, s.connections * 2) });
  const enqueueSql = new SqlTimer(genericKind);
  const dispatchSql = new SqlTimer(dispatchKind);
  hooked = [enqueueSql, dispatchSql];
  try {
    log(`${dialect}: ${s.subscribers} subscribers (${s.viaService} through the service, the rest in bulk)`);
    const setup = await seedSubscribers(restock, s);
    log(`${dialect}: set-up ${JSON.stringify(setup)}`);

    // (a) enqueue
    log(`${dialect}: receipt of ${s.subscribers} units, then the reactors`);
    enqueueSql.active = true;
    const t0 = performance.now();
    await restock.inventory.receive(SKU, LOCATION, s.subscribers, 'fanout-bench');
    const t1 = performance.now();
    await restock.runReactors();
    const t2 = performance.now();
    enqueueSql.active = false;
    const recorded = await restock.db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'back_in_stock').where('status', '=', 'queued').executeTakeFirstOrThrow();
    const notified = await restock.db.kysely.selectFrom('waitlist').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', '=', SKU).where('status', '=', 'notified').executeTakeFirstOrThrow();
    const enqueueMs = t2 - t0;
    const enqueue = {
      ms: round(enqueueMs),
      receiptMs: round(t1 - t0),
      reactorsMs: round(t2 - t1),
      messagesRecorded: Number(recorded.n),
      contactsNotified: Number(notified.n),
      messagesPerSecond: perSecond(Number(recorded.n), enqueueMs),
      sqlMs: enqueueSql.totalMs(),
      sql: enqueueSql.report(Number(recorded.n)),
    };
    log(`${dialect}: enqueue ${enqueue.messagesRecorded} messages in ${(enqueueMs / 1000).toFixed(1)} s (${enqueue.messagesPerSecond}/s)`);
    if (enqueue.messagesRecorded !== s.subscribers) throw new Error(`${enqueue.messagesRecorded} back_in_stock messages recorded, expected ${s.subscribers}`);

    // (c) baselines over a sample of the very messages, before the dispatcher touches them.
    const sample = (await restock.db.kysely.selectFrom('messages').select(['id', 'to_addr', 'subject', 'text_body', 'html_body']).orderBy('id').limit(s.baselineSample).execute()).map((m) => ({ ...m, id: Number(m.id) }));
    log(`${dialect}: baseline, one connection per message: ${sample.length} messages, ${s.baselineConcurrency} at a time`);
    const single = await baseline(sink, sample, s.baselineConcurrency);
    log(`${dialect}: baseline ${JSON.stringify(single)}`);
    const ceiling = await pooledTransportOnly(sink, sample, s.connections);
    log(`${dialect}: pooled transport, no database ${JSON.stringify(ceiling)}`);

    // (b) deliver everything through the dispatcher.
    const dispatcher = makeDispatcher(restock.db, restock.clock, createLogger('silent'), { smtpUrl: sink.url, from: FROM, connections: s.connections, ratePerSecond: 1e9, perRecipientPerDay: 1e9, claimTimeoutMs: 600_000 });
    log(`${dialect}: delivering ${s.subscribers} messages with ${s.connections} pooled connections (cap ${s.deliverCapMs / 1000} s)`);
    const sinkBefore = await sink.stats();
    let capped = false;
    let d0 = performance.now();
    const progress = setInterval(() => {
      void sink.stats().then((st) => log(`${dialect}:   ${st.count - sinkBefore.count} delivered after ${((performance.now() - d0) / 1000).toFixed(0)} s`));
    }, 10_000);
    // Past the cap, what is still queued is set aside, so runUntilIdle finds nothing more and returns.
    const cap = setTimeout(() => {
      capped = true;
      const later = new Date(Date.now() + 365 * 86_400_000).toISOString();
      void restock.db.kysely.updateTable('messages').set({ next_attempt_at: later }).where('status', '=', 'queued').execute();
    }, s.deliverCapMs);
    const cpu0 = process.cpuUsage();
    dispatchSql.active = true;
    d0 = performance.now();
    const sent = await dispatcher.runUntilIdle();
    const deliverMs = performance.now() - d0;
    dispatchSql.active = false;
    const cpu = process.cpuUsage(cpu0);
    clearTimeout(cap);
    clearInterval(progress);
    await dispatcher.stop();
    const sinkAfter = await sink.stats();
    const counts = await statusCounts(restock);
    const deliver = {
      connections: s.connections,
      sent,
      arrived: sinkAfter.count - sinkBefore.count,
      complete: !capped && sent === s.subscribers,
      ms: round(deliverMs),
      emailsPerSecond: perSecond(sent, deliverMs),
      statusAfter: counts,
      /** Share of one core the dispatcher's process used (below 1: it waited — on SMTP replies, or for the CPU). */
      dispatcherCpu: round((cpu.user + cpu.system) / (deliverMs * 1000), 2),
      dispatcherCpuMicrosPerMessage: round((cpu.user + cpu.system) / Math.max(1, sent)),
      sinkCpuMicrosPerMessage: round((sinkAfter.cpuMicros - sinkBefore.cpuMicros) / Math.max(1, sent)),
      /** Per message: SQL by purpose; the rest of the wall time is SMTP round trips and JavaScript. */
      sqlMs: dispatchSql.totalMs(),
      sql: dispatchSql.report(sent),
      microsPerMessage: round((deliverMs * 1000) / Math.max(1, sent), 1),
    };
    log(`${dialect}: delivered ${sent} in ${(deliverMs / 1000).toFixed(1)} s (${deliver.emailsPerSecond}/s)${capped ? ' — capped' : ''}`);
    if (deliver.arrived !== sent) log(`${dialect}: WARNING ${deliver.arrived} arrived at the sink, ${sent} marked sent`);

    return {
      database: dialect === 'postgres' ? redact(db.url) : 'sqlite (temp file, WAL)',
      setup,
      enqueue,
      deliver,
      baselineOneConnectionPerMessage: single,
      pooledTransportNoDatabase: ceiling,
      ratio: {
        pooledDispatcherVsOneConnectionPerMessage: round(deliver.emailsPerSecond / Math.max(1, Number(single.emailsPerSecond)), 2),
        pooledDispatcherVsPooledTransportNoDatabase: round(deliver.emailsPerSecond / Math.max(1, Number(ceiling.emailsPerSecond)), 2),
      },
      target: { emailsPerSecond: 2000, pass: deliver.complete && deliver.emailsPerSecond >= 2000 },
      notes: [
        "smtp-server waits 100 ms before its greeting on every connection (its early-talker check, as postscreen's greet pause does), so one connection per message is bounded by about concurrency x 10/s",
        'pooledTransportNoDatabase is the SMTP ceiling of this machine: nodemailer composing and sending, no claims, no marks',
        'sql: time in statements by purpose while delivering; on SQLite it runs on the dispatcher\'s event loop, on PostgreSQL it is round trips that overlap',
      ],
    };
  } finally {
    hooked = [];
    await restock.close();
    await db.drop();
  }
}

// ---------------------------------------------------------------------------------------------- entry

/** Runs the benchmark with a given dispatcher (the one in src/ by default). */
export async function runWith(args: string[], makeDispatcher: DispatcherFactory): Promise<unknown> {
  const s = parseArgs(args);
  installHooks();
  const result: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, loadavgAtStart: loadavg().map((x) => round(x, 2)) },
    settings: { subscribers: s.subscribers, connections: s.connections, baselineSample: s.baselineSample, baselineConcurrency: s.baselineConcurrency, viaService: s.viaService, deliverCapSeconds: s.deliverCapMs / 1000, dialects: s.dialects, sink: 'smtp-server in a child process, counting only' },
  };
  const sink = await startSink();
  try {
    for (const d of s.dialects) {
      if (d === 'postgres') {
        const why = await pgReachable(s.pgUrl);
        if (why) {
          log(`postgres: skipped, ${why}`);
          result.postgres = { skipped: true, reason: why };
          continue;
        }
      }
      result[d] = await fanout(d, s, sink, makeDispatcher);
    }
  } finally {
    await sink.close();
  }
  result.machine = { ...(result.machine as object), loadavgAtEnd: loadavg().map((x) => round(x, 2)) };
  return result;
}

export async function run(args: string[]): Promise<unknown> {
  return runWith(args, srcDispatcher);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--sink')) {
  sinkMain().catch((err: unknown) => {
    process.stderr.write(`[fanout sink] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
