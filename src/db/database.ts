/**
 * The database handle: Kysely over embedded SQLite (better-sqlite3, WAL) or PostgreSQL (pg), chosen by URL.
 * Owns transactions (with retry of PostgreSQL serialization failures), row locks that only PostgreSQL needs,
 * and a small notification bus: LISTEN/NOTIFY across processes on PostgreSQL, in-process on SQLite (where one
 * process owns the file).
 */
import { EventEmitter } from 'node:events';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Tx = Transaction<DB>;
export type Q = Kysely<DB>;

// int8 (bigserial ids, counts) as numbers: our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface TxContext {
  tx: Tx;
  /** Runs after a successful commit (cache updates, local wake-ups). */
  afterCommit(fn: () => void): void;
  /** Publishes a notification delivered to every process after commit. */
  notify(channel: string, payload: string): Promise<void>;
  /** Database.insertRows in this transaction. */
  insertRows(q: RowsInsert, rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
  /** Database.selectIn in this transaction. */
  selectIn<R>(q: KeyedQuery, keys: readonly string[]): Promise<R[]>;
  /**
   * Rows to insert before the next `flush` (a stock write flushes at its end, the transaction before commit).
   * On PostgreSQL everything pending goes as one statement with the notifications, a round trip for all of a
   * write's tables instead of one each; on SQLite (in process, nothing to save) the rows go in at once. So
   * nothing may read them back before the flush.
   */
  later(q: RowsInsert, rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
  /** Sends what `later` and `notify` collected (PostgreSQL); the transaction does this itself before commit. */
  flush(): Promise<void>;
}

export type Listener = (payload: string) => void;

/**
 * SQLite transactions begin IMMEDIATE, taking the write lock up front and waiting for it (busy_timeout). A
 * deferred one reads first and upgrades at its first write; when another process (a CLI import beside a
 * server) committed in between, that upgrade fails at once with SQLITE_BUSY_SNAPSHOT, "database is locked",
 * without waiting at all. In one process the driver already runs one transaction at a time, so nothing is lost.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query it runs: measured at a
 * sixth of a reservation's CPU. The same SQL text gets the same compiled statement back from this cache (a
 * statement is reusable once run: better-sqlite3 runs them synchronously, so none is ever shared mid-run). The
 * least recently used ones go when it is full; SQL text with inlined values would otherwise grow it forever.
 */
export function cachingSqlite(db: SQLite.Database, capacity = 2000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = db.prepare.bind(db);
  const cached = (source: string): SQLite.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
      cache.delete(source);
    } else {
      stmt = prepare(source);
      if (cache.size >= capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return cached;
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The same handle, compiling every statement afresh (what Kysely alone does): to measure the cache by. */
function uncachedSqlite(db: SQLite.Database): SQLite.Database {
  return db;
}

/**
 * PostgreSQL parses and plans a query each time it arrives as text; a named prepared statement is parsed once
 * per connection. The hot path's statements are registered by text (`Database.prepared`), and this pool hands
 * out clients that send those by name; any other query goes as before. The texts are fixed (arrays, not
 * growing IN lists), so each connection holds a bounded set.
 */
function namingPool(pool: pg.Pool, names: ReadonlyMap<string, string>): pg.Pool {
  const patched = new WeakSet<pg.PoolClient>();
  const connect = pool.connect.bind(pool);
  const wrapped = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    if (!patched.has(client)) {
      patched.add(client);
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (text: unknown, values?: unknown, cb?: unknown) => {
        const name = typeof text === 'string' ? names.get(text) : undefined;
        if (name !== undefined && typeof values !== 'function') return query({ name, text, values }, cb);
        return query(text, values, cb);
      };
    }
    return client;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return wrapped;
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * A hot-path SELECT over a set of keys, written once per dialect: SQLite gets an IN list of the keys' number
 * (a statement per arity, cached), PostgreSQL one fixed text taking the keys as an array in $1 (one named
 * statement for every arity).
 */
export interface KeyedQuery {
  sqlite: (keys: number) => string;
  postgres: string;
}

/**
 * A hot-path INSERT (or upsert) of rows, written once per dialect: SQLite runs one single-row statement per row
 * (in process that costs no round trip), PostgreSQL one statement taking each column as an array (`unnest`).
 */
export interface RowsInsert {
  sqlite: string;
  postgres: string;
}

/**
 * The direct SQLite calls are only safe on the connection a transaction holds: outside one, an open transaction
 * of someone else's (awaiting between statements) would be read from or written into.
 */
function assertTransaction(tx: Tx): void {
  if (!tx.isTransaction) throw new Error('hot-path statements run inside a transaction');
}

/** SQLite allows 32,766 bound values; IN lists stay far below, in chunks in key order. */
const KEYS_PER_STATEMENT = 512;

/** `?, ?, ?`: the placeholders of an SQLite IN list of n values. */
export function marks(n: number): string {
  return n === 1 ? '?' : `?${', ?'.repeat(n - 1)}`;
}

export class Database {
  readonly origin = randomUUID().slice(0, 8);
  private readonly local = new EventEmitter();
  private listenClient: pg.Client | null = null;
  private listening = new Set<string>();
  /** Hot-path SQL texts sent to PostgreSQL as named prepared statements (see namingPool). */
  private readonly statementNames: Map<string, string>;

  private constructor(
    readonly kysely: Kysely<DB>,
    readonly dialect: DialectName,
    private readonly pgConfig: pg.ClientConfig | null,
    private readonly pool: pg.Pool | null,
    statementNames: Map<string, string> = new Map(),
    /** The SQLite handle Kysely runs on (statement-caching): the hot path calls it directly inside transactions. */
    private readonly sqlite: SQLite.Database | null = null,
  ) {
    this.statementNames = statementNames;
    this.local.setMaxListeners(0);
  }

  /** `preparedStatements: false` sends every query as text (the benchmark measures the difference). */
  static open(url: string, opts: { poolSize?: number; preparedStatements?: boolean } = {}): Database {
    if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
      const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 16 });
      // A pool error on an idle client (server restart) must not crash the process.
      pool.on('error', () => undefined);
      const names = new Map<string, string>();
      const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: opts.preparedStatements === false ? pool : namingPool(pool, names) }) });
      return new Database(kysely, 'postgres', { connectionString: url }, pool, names);
    }
    if (url.startsWith('sqlite:')) {
      const path = url.slice('sqlite:'.length) || ':memory:';
      const file = path !== ':memory:';
      // A new database file is the owner's only (it holds customers' addresses and the shop's secrets); SQLite
      // gives its -wal and -shm files the database file's mode, and they are set once more below all the same.
      const created = file && !existsSync(path);
      if (file) mkdirSync(dirname(path), { recursive: true });
      if (created) closeSync(openSync(path, 'a', 0o600));
      const sqlite = new SQLite(path);
      sqlite.pragma('journal_mode = WAL');
      if (created) for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
      sqlite.pragma('synchronous = NORMAL');
      // Another process's write transaction (a server beside a CLI import) is waited for, not an error.
      sqlite.pragma('busy_timeout = 10000');
      sqlite.pragma('foreign_keys = ON');
      const handle = opts.preparedStatements === false ? uncachedSqlite(sqlite) : cachingSqlite(sqlite);
      const kysely = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: handle }) });
      return new Database(kysely, 'sqlite', null, null, new Map(), handle);
    }
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got '${url.replace(/\/\/[^@]*@/, '//…@')}'`);
  }

  get isPostgres(): boolean {
    return this.dialect === 'postgres';
  }

  /**
   * Rows of a keyed query inside a transaction. On SQLite the statement runs on the handle the transaction holds
   * (better-sqlite3 is synchronous: nothing else can run on it meanwhile), skipping Kysely's per-query work.
   */
  async selectIn<R>(tx: Tx, q: KeyedQuery, keys: readonly string[]): Promise<R[]> {
    if (keys.length === 0) return [];
    assertTransaction(tx);
    if (this.sqlite) {
      const out: R[] = [];
      for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
        const chunk = keys.slice(i, i + KEYS_PER_STATEMENT);
        // Arities rounded up to a power of two (the last key repeated: an IN list does not mind), so a query
        // has ten statements in the cache rather than one per batch size.
        const arity = 2 ** Math.ceil(Math.log2(chunk.length));
        while (chunk.length < arity) chunk.push(chunk[chunk.length - 1] as string);
        for (const r of this.sqlite.prepare(q.sqlite(arity)).all(...chunk) as R[]) out.push(r);
      }
      return out;
    }
    return (await tx.executeQuery<R>(CompiledQuery.raw(this.prepared(q.postgres), [keys]))).rows;
  }

  /** Inserts rows (each an array of column values in the statement's order) inside a transaction. */
  async insertRows(tx: Tx, q: RowsInsert, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
    if (rows.length === 0) return;
    assertTransaction(tx);
    if (this.sqlite) {
      const stmt = this.sqlite.prepare(q.sqlite);
      for (const r of rows) stmt.run(...r);
      return;
    }
    await tx.executeQuery(CompiledQuery.raw(this.prepared(q.postgres), columnsOf(rows)));
  }

  /**
   * Registers a hot-path SQL text: on PostgreSQL it is sent as a named prepared statement from now on (SQLite
   * caches every statement anyway). Returns the text, so a store can keep `const Q = db.prepared(...)`.
   */
  prepared(text: string): string {
    if (this.isPostgres && !this.statementNames.has(text)) this.statementNames.set(text, `r${this.statementNames.size}`);
    return text;
  }

  /** Runs fn in one transaction; retries PostgreSQL serialization failures and deadlocks. */
  async transaction<T>(fn: (ctx: TxContext) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const after: Array<() => void> = [];
      const locals: Array<[string, string]> = [];
      try {
        const result = await this.kysely.transaction().execute(async (tx) => {
          const pending = new WriteBuffer(this, tx);
          const ctx: TxContext = {
            tx,
            afterCommit: (f) => after.push(f),
            // Collected and sent with the next flush (PostgreSQL delivers them at commit anyway).
            notify: async (channel, payload) => {
              if (!locals.some(([c, p]) => c === channel && p === payload)) {
                locals.push([channel, payload]);
                if (this.isPostgres) pending.note(channel, `${this.origin}|${payload}`);
              }
            },
            insertRows: (q, rows) => this.insertRows(tx, q, rows),
            selectIn: <R>(q: KeyedQuery, keys: readonly string[]) => this.selectIn<R>(tx, q, keys),
            later: async (q, rows) => {
              if (this.isPostgres) pending.add(q, rows);
              else await this.insertRows(tx, q, rows);
            },
            flush: () => pending.flush(),
          };
          const out = await fn(ctx);
          await pending.flush();
          return out;
        });
        for (const [channel, payload] of locals) this.local.emit(channel, payload);
        for (const f of after) f();
        return result;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code === '40001' || code === '40P01' || code === 'SQLITE_BUSY') && attempt < 8) {
          await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * (attempt + 1)));
          continue;
        }
        throw err;
      }
    }
  }

  /**
   * Subscribe to a channel: in-process publications at once, and (PostgreSQL) those of other processes
   * through LISTEN. Own publications arrive once, locally.
   */
  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    this.local.on(channel, listener);
    if (this.isPostgres && this.pgConfig && !this.listening.has(channel)) {
      this.listening.add(channel);
      if (!this.listenClient) {
        const client = new pg.Client(this.pgConfig);
        client.on('error', () => undefined);
        await client.connect();
        client.on('notification', (msg) => {
          if (!msg.payload) return;
          const bar = msg.payload.indexOf('|');
          if (msg.payload.slice(0, bar) === this.origin) return;
          this.local.emit(msg.channel, msg.payload.slice(bar + 1));
        });
        this.listenClient = client;
      }
      await this.listenClient.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    }
    return () => this.local.off(channel, listener);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    if (this.listenClient) await this.listenClient.end().catch(() => undefined);
    await this.kysely.destroy();
    if (this.pool && !this.pool.ended) await this.pool.end().catch(() => undefined);
  }
}

/**
 * What a PostgreSQL transaction has queued with `later` and `notify`, sent as one statement: each table's rows
 * as a data-modifying CTE of its insert, the notifications in the final SELECT. The pieces touch different
 * tables (rows of one insert are merged into one piece, in the order they were queued, so event ids keep it), so
 * running them against one snapshot changes nothing. The text depends only on which inserts and how many
 * notifications there are: a handful of named statements.
 */
class WriteBuffer {
  private readonly rows = new Map<RowsInsert, Array<readonly unknown[]>>();
  private notes: Array<[string, string]> = [];

  constructor(
    private readonly db: Database,
    private readonly tx: Tx,
  ) {}

  add(q: RowsInsert, rows: ReadonlyArray<readonly unknown[]>): void {
    if (rows.length === 0) return;
    const list = this.rows.get(q);
    if (list) for (const r of rows) list.push(r);
    else this.rows.set(q, [...rows]);
  }

  note(channel: string, payload: string): void {
    this.notes.push([channel, payload]);
  }

  async flush(): Promise<void> {
    if (this.rows.size === 0 && this.notes.length === 0) return;
    const pieces = [...this.rows].sort((a, b) => pieceOrder(a[0]) - pieceOrder(b[0]));
    const notes = this.notes;
    this.rows.clear();
    this.notes = [];
    if (pieces.length === 1 && notes.length === 0) {
      const [q, rows] = pieces[0] as [RowsInsert, Array<readonly unknown[]>];
      await this.db.insertRows(this.tx, q, rows);
      return;
    }
    const params: unknown[] = [];
    const ctes: string[] = [];
    for (const [q, rows] of pieces) {
      const offset = params.length;
      for (const column of columnsOf(rows)) params.push(column);
      ctes.push(`w${ctes.length} as (${q.postgres.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    }
    const calls = notes.map(([c, p]) => {
      params.push(c, p);
      return `pg_notify($${params.length - 1}::text, $${params.length}::text)`;
    });
    const text = `${ctes.length > 0 ? `with ${ctes.join(', ')} ` : ''}select ${calls.length > 0 ? calls.join(', ') : '1'}`;
    await this.tx.executeQuery(CompiledQuery.raw(this.db.prepared(text), params));
  }
}

/** A stable order of inserts in a combined statement, so the same set always makes the same text. */
const pieceIds = new WeakMap<RowsInsert, number>();
let nextPieceId = 0;
function pieceOrder(q: RowsInsert): number {
  let id = pieceIds.get(q);
  if (id === undefined) {
    id = nextPieceId++;
    pieceIds.set(q, id);
  }
  return id;
}

/** Rows (arrays of column values) as one array per column: what `unnest` takes. */
function columnsOf(rows: ReadonlyArray<readonly unknown[]>): unknown[][] {
  const width = rows[0]?.length ?? 0;
  const columns: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((r, i) => {
    for (let c = 0; c < width; c++) (columns[c] as unknown[])[i] = r[c];
  });
  return columns;
}
