/**
 * Where a benchmarked call spends its time, without touching src/: every SQL statement is timed at the driver
 * (better-sqlite3's prepare and statement calls, pg's Client#query), named by what it touches ("order_lines
 * select", "events insert"…) and charged to the span it ran in; spans are methods the benchmark wraps on live
 * objects (the orders settle hook, the availability extras loader…). A span's time that no statement accounts
 * for is JavaScript: Kysely compiling queries, mapping rows, and the pure policy code.
 *
 * The accounting assumes one call at a time (the benchmark awaits each), so "the current span" is well defined;
 * the cost is two `performance.now()` calls and a regex per statement.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';

interface Bucket {
  ms: number;
  count: number;
  rows: number;
}

interface SpanTotals {
  /** Inclusive wall time of the span's calls. */
  ms: number;
  calls: number;
  /** Time charged to nested spans (subtracted to get the span's own time). */
  nestedMs: number;
  /** SQL run directly in this span (not in a nested one), by statement kind. */
  sql: Map<string, Bucket>;
}

export interface SpanReport {
  calls: number;
  ms: number;
  /** Own time minus SQL: JavaScript (query building, row mapping, policy code). */
  jsMs: number;
  sqlMs: number;
  sql: Record<string, { ms: number; count: number; rows?: number }>;
}

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

/** "insert into "order_lines" …" → "order_lines insert"; transaction control and notifications by name. */
export function classify(sqlText: string): string {
  const s = sqlText.trimStart().slice(0, 400).toLowerCase();
  if (/^(begin|start transaction)/.test(s)) return 'begin';
  if (/^commit/.test(s)) return 'commit';
  if (/^rollback/.test(s)) return 'rollback';
  if (s.includes('pg_notify')) return 'notify';
  const verb = /^(select|insert|update|delete|with)/.exec(s)?.[1] ?? 'other';
  const table =
    verb === 'insert'
      ? /insert into "?([a-z_]+)"?/.exec(s)?.[1]
      : verb === 'update'
        ? /update "?([a-z_]+)"?/.exec(s)?.[1]
        : verb === 'delete'
          ? /delete from "?([a-z_]+)"?/.exec(s)?.[1]
          : /from "?([a-z_]+)"?/.exec(s)?.[1];
  return `${table ?? '?'} ${verb}`;
}

export class Profiler {
  private active = false;
  private current = 'other';
  private readonly spans = new Map<string, SpanTotals>();
  private started = 0;
  private wall = 0;
  private gcMs = 0;
  private gcCount = 0;
  private readonly gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Entries arrive after the fact; count those that started inside the window.
      if (e.startTime >= this.started && e.startTime <= this.started + this.wall) {
        this.gcMs += e.duration;
        this.gcCount++;
      }
    }
  });

  private totals(name: string): SpanTotals {
    let t = this.spans.get(name);
    if (!t) {
      t = { ms: 0, calls: 0, nestedMs: 0, sql: new Map() };
      this.spans.set(name, t);
    }
    return t;
  }

  /** Called by the driver hooks. */
  recordSql(sqlText: string, ms: number, rows: number): void {
    if (!this.active) return;
    const t = this.totals(this.current);
    const kind = classify(sqlText);
    const b = t.sql.get(kind) ?? { ms: 0, count: 0, rows: 0 };
    b.ms += ms;
    b.count++;
    b.rows += rows;
    t.sql.set(kind, b);
  }

  /** Charges a statement's preparation (SQLite compiles each statement Kysely sends) to its kind. */
  recordPrepare(sqlText: string, ms: number): void {
    if (!this.active) return;
    const t = this.totals(this.current);
    const kind = classify(sqlText);
    const b = t.sql.get(kind) ?? { ms: 0, count: 0, rows: 0 };
    b.ms += ms;
    t.sql.set(kind, b);
  }

  /** Replaces `obj[method]` with a version that runs as span `name`. Returns the undo. */
  wrap<O extends object, K extends keyof O & string>(obj: O, method: K, name: string): () => void {
    const original = obj[method];
    if (typeof original !== 'function') throw new Error(`cannot profile ${method}: not a function`);
    const fn = original as unknown as (...a: unknown[]) => unknown;
    // Arrow functions keep `this` (the profiler); `wrapped` keeps the receiver of the call.
    const enter = (): { parent: string; t0: number } | null => {
      if (!this.active) return null;
      const parent = this.current;
      this.current = name;
      return { parent, t0: performance.now() };
    };
    const leave = (at: { parent: string; t0: number }): void => {
      const ms = performance.now() - at.t0;
      const t = this.totals(name);
      t.ms += ms;
      t.calls++;
      if (at.parent !== name) this.totals(at.parent).nestedMs += ms;
      this.current = at.parent;
    };
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const at = enter();
      if (!at) return fn.apply(this, args);
      let out: unknown;
      try {
        out = fn.apply(this, args);
      } catch (err) {
        leave(at);
        throw err;
      }
      if (out instanceof Promise) {
        return out.then(
          (v: unknown) => {
            leave(at);
            return v;
          },
          (err: unknown) => {
            leave(at);
            throw err;
          },
        );
      }
      leave(at);
      return out;
    };
    (obj as Record<string, unknown>)[method] = wrapped;
    return () => {
      (obj as Record<string, unknown>)[method] = original;
    };
  }

  /** Starts accounting; everything outside a wrapped span is charged to `root`. */
  start(root = 'other'): void {
    this.spans.clear();
    this.current = root;
    this.gcMs = 0;
    this.gcCount = 0;
    this.wall = Number.POSITIVE_INFINITY;
    this.gc.observe({ entryTypes: ['gc'] });
    this.active = true;
    this.started = performance.now();
  }

  /** Ends the window; resolves once the garbage collections inside it have been reported. */
  async stop(): Promise<void> {
    this.wall = performance.now() - this.started;
    this.active = false;
    await new Promise((r) => setTimeout(r, 20));
    this.gc.disconnect();
  }

  report(): { wallMs: number; sqlMs: number; jsMs: number; gc: { ms: number; count: number }; spans: Record<string, SpanReport> } {
    const spans: Record<string, SpanReport> = {};
    let sqlAll = 0;
    for (const [name, t] of this.spans) {
      const sql: SpanReport['sql'] = {};
      let sqlMs = 0;
      for (const [kind, b] of [...t.sql.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
        sql[kind] = { ms: round(b.ms), count: b.count, ...(b.rows > 0 ? { rows: b.rows } : {}) };
        sqlMs += b.ms;
      }
      sqlAll += sqlMs;
      // The root span has no wrapper: its own time is the wall clock minus the spans it called.
      const own = t.calls > 0 ? t.ms - t.nestedMs : this.wall - t.nestedMs;
      spans[name] = { calls: t.calls, ms: round(t.calls > 0 ? t.ms : this.wall), jsMs: round(Math.max(0, own - sqlMs)), sqlMs: round(sqlMs), sql };
    }
    // Garbage collection pauses land in whatever ran (SQL row materialisation or JS); shown on their own too.
    return { wallMs: round(this.wall), sqlMs: round(sqlAll), jsMs: round(Math.max(0, this.wall - sqlAll)), gc: { ms: round(this.gcMs), count: this.gcCount }, spans };
  }
}

/** Runs fn under the V8 sampling profiler and writes a .cpuprofile (open it in Chrome DevTools or speedscope). */
export async function withCpuProfile<T>(file: string | null, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------- driver hooks

let installed: Profiler | null = null;

/** Hooks both drivers once per process; statements run while the profiler is inactive cost one branch. */
export function installDriverHooks(p: Profiler): void {
  if (installed) throw new Error('driver hooks are already installed');
  installed = p;

  // better-sqlite3: Database#prepare (SQLite compiles each statement Kysely sends: Kysely keeps no statement
  // cache) and the statement calls Kysely uses.
  const dbProto = SQLite.prototype as unknown as { prepare: (this: unknown, source: string) => unknown };
  const prepare = dbProto.prepare;
  dbProto.prepare = function (this: unknown, source: string): unknown {
    const t0 = performance.now();
    const stmt = prepare.call(this, source);
    p.recordPrepare(source, performance.now() - t0);
    return stmt;
  };
  const probe = new SQLite(':memory:');
  const stmtProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown> & { source?: string };
  probe.close();
  for (const m of ['all', 'run', 'get'] as const) {
    const orig = stmtProto[m] as (this: { source: string }, ...a: unknown[]) => unknown;
    stmtProto[m] = function (this: { source: string }, ...args: unknown[]): unknown {
      const t0 = performance.now();
      const out = orig.apply(this, args);
      const rows = Array.isArray(out) ? out.length : m === 'run' ? Number((out as { changes?: number }).changes ?? 0) : out ? 1 : 0;
      p.recordSql(this.source, performance.now() - t0, rows);
      return out;
    };
  }

  // pg: the round trip of every promise-returning Client#query (pool clients are Clients).
  const clientProto = pg.Client.prototype as unknown as { query: (this: unknown, ...a: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null && typeof (first as { text?: unknown }).text === 'string' ? (first as { text: string }).text : '';
    const t0 = performance.now();
    const out = query.apply(this, args);
    if (out instanceof Promise) {
      return out.then((r: unknown) => {
        const rows = Array.isArray((r as { rows?: unknown[] } | undefined)?.rows) ? ((r as { rows: unknown[] }).rows.length || Number((r as { rowCount?: number }).rowCount ?? 0)) : 0;
        p.recordSql(text, performance.now() - t0, rows);
        return r;
      });
    }
    return out;
  };
}
