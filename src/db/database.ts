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
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
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

export class Database {
  readonly origin = randomUUID().slice(0, 8);
  private readonly local = new EventEmitter();
  private listenClient: pg.Client | null = null;
  private listening = new Set<string>();

  private constructor(
    readonly kysely: Kysely<DB>,
    readonly dialect: DialectName,
    private readonly pgConfig: pg.ClientConfig | null,
    private readonly pool: pg.Pool | null,
  ) {
    this.local.setMaxListeners(0);
  }

  static open(url: string, opts: { poolSize?: number } = {}): Database {
    if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
      const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 16 });
      // A pool error on an idle client (server restart) must not crash the process.
      pool.on('error', () => undefined);
      const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
      return new Database(kysely, 'postgres', { connectionString: url }, pool);
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
      const kysely = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
      return new Database(kysely, 'sqlite', null, null);
    }
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got '${url.replace(/\/\/[^@]*@/, '//…@')}'`);
  }

  get isPostgres(): boolean {
    return this.dialect === 'postgres';
  }

  /** Runs fn in one transaction; retries PostgreSQL serialization failures and deadlocks. */
  async transaction<T>(fn: (ctx: TxContext) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const after: Array<() => void> = [];
      const locals: Array<[string, string]> = [];
      try {
        const result = await this.kysely.transaction().execute(async (tx) => {
          const ctx: TxContext = {
            tx,
            afterCommit: (f) => after.push(f),
            notify: async (channel, payload) => {
              locals.push([channel, payload]);
              if (this.isPostgres) {
                await pg_notify(tx, channel, `${this.origin}|${payload}`);
              }
            },
          };
          return fn(ctx);
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

async function pg_notify(tx: Tx, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(tx);
}
