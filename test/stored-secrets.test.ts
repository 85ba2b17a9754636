/**
 * Secrets kept in the database (the link-signing secret, webhook signing secrets) are sealed under
 * RESTOCK_SECRET when it is set: plaintext ones from before are sealed on the first start with it, everything
 * signed before keeps working, and a wrong or missing RESTOCK_SECRET fails start-up without changing anything.
 * The SQLite file and its -wal and -shm files are made owner-only.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, testDatabase, type TestDb } from './helpers/db.ts';
import { ManualClock } from '../src/core/clock.ts';
import { TokenSigner } from '../src/core/tokens.ts';
import { Restock } from '../src/restock.ts';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { sign } from '../src/messaging/webhooks/policy.ts';
import { parseCidrList, type AddressPolicy } from '../src/core/net-guard.ts';

/** The test's webhook receiver is on loopback over plain http (core/net-guard.ts refuses both by default). */
const LOOPBACK: AddressPolicy = { allowHttp: true, allowPrivate: parseCidrList('127.0.0.0/8') };

delete process.env.RESTOCK_SECRET;

for (const dialect of DIALECTS) {
  describe(`secrets stored under RESTOCK_SECRET (${dialect})`, () => {
    let db: TestDb;
    let receiver: Server;
    let hookUrl: string;
    const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const clock = new ManualClock();

    async function raw(): Promise<{ signing: string; webhooks: string[] }> {
      const d = Database.open(db.url, { poolSize: 1 });
      try {
        const s = await d.kysely.selectFrom('settings').select('value').where('key', '=', 'signing_secret').executeTakeFirstOrThrow();
        const w = await d.kysely.selectFrom('webhooks').select('secret').orderBy('created_at').orderBy('id').execute();
        return { signing: s.value, webhooks: w.map((r) => r.secret) };
      } finally {
        await d.close();
      }
    }

    before(async () => {
      db = await testDatabase(dialect);
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          got.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    after(async () => {
      await new Promise<void>((r) => receiver.close(() => r()));
      await db.drop();
    });

    let plainSigning = '';
    let webhookSecret = '';
    let token = '';

    it('without RESTOCK_SECRET, stays as it was: plaintext', async () => {
      const r = await Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock });
      try {
        webhookSecret = (await r.webhooks.create({ url: hookUrl, events: ['*'] })).secret;
        token = r.signer.sign({ p: 'confirm', s: 'sub_1' });
      } finally {
        await r.close();
      }
      const stored = await raw();
      plainSigning = stored.signing;
      assert.match(plainSigning, /^[0-9a-f]{64}$/);
      assert.deepEqual(stored.webhooks, [webhookSecret]);
    });

    it('the first start with RESTOCK_SECRET seals them; links and webhook signatures work as before', async () => {
      const r = await Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock, masterSecret: 'alpha-secret' });
      let second = '';
      try {
        const stored = await raw();
        assert.ok(stored.signing.startsWith('enc:v1:'), stored.signing);
        assert.ok(!stored.signing.includes(plainSigning));
        assert.ok(stored.webhooks[0]?.startsWith('enc:v1:') && !stored.webhooks[0].includes(webhookSecret.slice(6)));
        assert.equal(r.signer.verify(token, 'confirm', clock.now()).s, 'sub_1', 'a link signed before still verifies');
        // Before this version RESTOCK_SECRET itself signed links: those keep verifying too.
        const legacy = new TokenSigner(Buffer.from('alpha-secret')).sign({ p: 'unsubscribe', s: 'sub_2' });
        assert.equal(r.signer.verify(legacy, 'unsubscribe', clock.now()).s, 'sub_2');
        // A webhook made now is sealed from the start.
        second = (await r.webhooks.create({ url: `${hookUrl}?n=2`, events: ['*'] })).secret;
        const after2 = await raw();
        assert.ok(after2.webhooks.every((s) => s.startsWith('enc:v1:')));
        assert.ok(!after2.webhooks.some((s) => s.includes(second.slice(6))));
        // Deliveries are signed with the secrets as the endpoints know them.
        await r.inventory.upsertLocation({ code: 'WH1', name: 'W', type: 'warehouse', priority: 1, region: 'EU' });
        await r.catalog.upsert({ sku: 'SEAL-1', title: 'Sealed', price: '1.00' });
        await r.inventory.applyFeed([{ sku: 'SEAL-1', location: 'WH1', onHand: 2, idempotencyKey: 'seal-1' }], 'test');
        await r.webhooks.drainEvents();
        await r.webhooks.dispatcher.runDue();
      } finally {
        await r.close();
      }
      assert.ok(got.length >= 2, `${got.length} deliveries`);
      for (const d of got) {
        const id = String(d.headers['webhook-id']);
        const ts = Number(d.headers['webhook-timestamp']);
        const signature = String(d.headers['webhook-signature']);
        assert.ok([webhookSecret, second].some((s) => sign(s, id, ts, d.body) === signature), 'signed with the plaintext secret');
      }
    });

    it('a wrong RESTOCK_SECRET, or none, fails start-up with a clear message and changes nothing', async () => {
      const before = await raw();
      await assert.rejects(Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock, masterSecret: 'not-the-secret' }), /RESTOCK_SECRET does not open the secrets stored in this database/);
      await assert.rejects(Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock }), /encrypted: set RESTOCK_SECRET/);
      assert.deepEqual(await raw(), before, 'nothing was regenerated or rewritten');
      const r = await Restock.open({ databaseUrl: db.url, webhookPolicy: LOOPBACK, clock, masterSecret: 'alpha-secret' });
      try {
        assert.equal(r.signer.verify(token, 'confirm', clock.now()).s, 'sub_1');
      } finally {
        await r.close();
      }
    });
  });
}

describe('SQLite file modes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'restock-mode-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a new database file and its -wal and -shm files are readable by the owner only', async () => {
    const path = join(dir, 'sub', 'fresh.db');
    const d = Database.open(`sqlite:${path}`);
    try {
      await migrate(d);
      for (const f of [path, `${path}-wal`, `${path}-shm`]) assert.equal((statSync(f).mode & 0o777).toString(8), '600', f);
    } finally {
      await d.close();
    }
  });
});
