/**
 * Crash safety of message dispatch, with real processes: 10,000 recorded messages, a child `restock dispatch
 * --until-empty` sending them to a real SMTP server on loopback, killed with SIGKILL once a few thousand have
 * arrived, and started again after the claim timeout. Every message must arrive; none may arrive twice except
 * those in flight at the kill — the messages claimed but not yet marked sent, which the dispatcher bounds by its
 * SMTP connections (one connection → at most one duplicate; four → at most four). The kill lands at the
 * harshest moment: inside the server's DATA handler, after the mail is whole and before the server's `250`
 * reply leaves, so the in-flight message is received but never acknowledged to the child.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { DIALECTS, testDatabase } from './helpers/db.ts';
import { Restock } from '../src/restock.ts';
import { Database } from '../src/db/database.ts';
import { messageId, type NewMessage } from '../src/messaging/messages.ts';
import { CLI } from './helpers/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOTAL = 10_000;
const KILL_AFTER = 3_000;
const CLAIM_TIMEOUT_MS = 500;

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function dispatch(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [...CLI, 'dispatch', '--until-empty'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/**
 * PostgreSQL: no fsync wait per commit on this throwaway database (`synchronous_commit = off`). It only matters
 * if the database server itself crashes; the test kills the dispatcher, whose commits the server has already
 * made visible either way, so what is tested is unchanged — it runs in a third of the time.
 */
async function relaxDurability(url: string): Promise<void> {
  if (!url.startsWith('postgres')) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    await c.query(`ALTER DATABASE "${name.replace(/"/g, '')}" SET synchronous_commit = off`);
  } finally {
    await c.end();
  }
}

/**
 * A real SMTP server on loopback that reports each message's Message-ID. Not test/helpers/smtp.ts: a client
 * killed in the middle of a transaction resets its connection, and smtp-server emits that as an 'error' event on
 * the server, which without a listener (the helper has none) would take the test process down with it.
 */
async function startSink(onMessageId: (id: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8').split(/\r?\n\r?\n/, 1)[0] ?? '';
        onMessageId(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '(none)');
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function enqueueAll(url: string): Promise<number[]> {
  const restock = await Restock.open({ databaseUrl: url, secret: 'crash-test' });
  try {
    const messages: NewMessage[] = Array.from({ length: TOTAL }, (_, i) => ({
      type: 'back_in_stock',
      // Distinct recipients: the per-recipient limit stays out of the way, and a duplicate is visible per address too.
      to: `crash${String(i).padStart(5, '0')}@example.com`,
      locale: i % 2 ? 'de' : 'en',
      sku: 'CRASH-1',
      dedupeKey: `crash:${i}`,
      data: { title: 'Crash mug', sku: 'CRASH-1', quantity: 1, productUrl: 'http://localhost/p/CRASH-1', unsubscribeUrl: 'http://localhost/w/unsubscribe/x', shopName: 'Crash shop' },
    }));
    const created = await restock.db.transaction((ctx) => restock.messages.enqueue(ctx, messages));
    assert.equal(created, TOTAL);
    const rows = await restock.db.kysely.selectFrom('messages').select('id').orderBy('id').execute();
    return rows.map((r) => Number(r.id));
  } finally {
    await restock.close();
  }
}

async function statusCounts(url: string): Promise<Record<string, number>> {
  const db = Database.open(url);
  try {
    const rows = await db.kysely.selectFrom('messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  } finally {
    await db.close();
  }
}

for (const dialect of DIALECTS) {
  // The two variants wait on I/O (SMTP round trips, commits) far more than they compute: run them side by side.
  describe(`message dispatch killed with SIGKILL and restarted (${dialect})`, { concurrency: true }, () => {
    for (const connections of [1, 4]) {
      it(`${connections} SMTP connection(s): every message arrives, at most ${connections} twice (the in-flight window)`, { timeout: 300_000 }, async () => {
        const db = await testDatabase(dialect);
        await relaxDurability(db.url);
        const arrivals = new Map<string, number>();
        let received = 0;
        let first: Run | null = null;
        let killedAt = -1;
        const sink = await startSink((messageId) => {
          arrivals.set(messageId, (arrivals.get(messageId) ?? 0) + 1);
          received++;
          // Inside the DATA handler: the mail is complete, the server's 250 not yet sent.
          if (received === KILL_AFTER && first) {
            killedAt = received;
            first.child.kill('SIGKILL');
          }
        });
        try {
          const ids = await enqueueAll(db.url);
          const env = {
            DATABASE_URL: db.url,
            SMTP_URL: sink.url,
            SMTP_CONNECTIONS: String(connections),
            SMTP_RATE: '1000000',
            SMTP_PER_RECIPIENT_PER_DAY: '1000000',
            MESSAGE_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS),
          };

          first = dispatch(env);
          const r1 = await first.exited;
          assert.equal(r1.signal, 'SIGKILL', `the first dispatcher was to be killed, but it exited by itself (code ${r1.code}): ${r1.stderr}`);
          assert.equal(killedAt, KILL_AFTER);
          // Claims of the dead process count as stale only after the claim timeout. (Waiting first also lets the
          // database finish whatever the dead connection had sent, so the counts below are final.)
          await new Promise((r) => setTimeout(r, CLAIM_TIMEOUT_MS + 300));
          const atKill = await statusCounts(db.url);
          // Claimed by the dead process: handed to SMTP (at most `connections`) or, if the dispatcher claims ahead,
          // still waiting their turn. Only the first kind can arrive twice.
          const inFlight = atKill.sending ?? 0;
          assert.ok((atKill.sent ?? 0) >= KILL_AFTER - connections && (atKill.sent ?? 0) < TOTAL, `killed mid-way: ${JSON.stringify(atKill)}`);

          const r2 = await dispatch(env).exited;
          assert.equal(r2.code, 0, `second dispatcher failed: ${r2.stderr}`);
          if (inFlight > 0) assert.match(r2.stderr, new RegExp(`re-queued ${inFlight} message`));

          // Every recorded message arrived, identified by its stable Message-ID.
          const expected = new Set(ids.map((id) => `<${messageId(id)}@restock.local>`));
          const missing = [...expected].filter((id) => !arrivals.has(id));
          assert.deepEqual(missing.slice(0, 10), [], `${missing.length} message(s) never arrived`);
          const strangers = [...arrivals.keys()].filter((id) => !expected.has(id));
          assert.deepEqual(strangers, []);
          // Twice only within the in-flight window; never three times.
          const twice = [...arrivals.entries()].filter(([, n]) => n > 1);
          const duplicates = twice.reduce((s, [, n]) => s + n - 1, 0);
          assert.ok(twice.every(([, n]) => n === 2), `a message arrived more than twice: ${JSON.stringify(twice)}`);
          assert.ok(duplicates <= connections, `${duplicates} duplicate(s) with ${connections} connection(s): ${JSON.stringify(twice)}`);
          assert.ok(duplicates <= inFlight, `only messages left 'sending' at the kill may repeat (${inFlight} were): ${JSON.stringify(twice)}`);
          assert.equal(received, TOTAL + duplicates);
          console.log(`# ${dialect}, ${connections} connection(s): killed after ${KILL_AFTER} arrivals with ${inFlight} claimed (sending); ${duplicates} duplicate(s); ${r2.stdout.trim()}`);

          // The database agrees: all sent, nothing queued or left claimed.
          assert.deepEqual(await statusCounts(db.url), { sent: TOTAL });
        } finally {
          if (first && first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
          await sink.close();
          await db.drop();
        }
      });
    }
  });
}
