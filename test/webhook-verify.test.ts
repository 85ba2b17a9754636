/**
 * What the README tells a shop engineer to do with a webhook — verify it with the `standardwebhooks` package —
 * works on a real delivery: Restock's signature verifies with the endpoint's secret, and a changed body or
 * another secret does not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`webhook signatures verify with the standardwebhooks package (${dialect})`, () => {
    let h: Harness;
    let receiver: Server;
    let url = '';
    const got: Array<{ headers: Record<string, string>; body: string }> = [];
    before(async () => {
      // Wall-clock time: the package checks the timestamp against now (5 minutes of tolerance).
      h = await harness(dialect, { restock: { webhookPolicy: { allowHttp: true, allowPrivate: 'all' } } });
      h.clock.set(new Date());
      await seedBasic(h, 'HOOK-1', { WH1: 5 });
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          got.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/restock`;
      await h.restock.webhooks.drainEvents(); // the seed came before the endpoint
    });
    after(async () => {
      await new Promise((r) => receiver.close(r));
      await h.close();
    });

    it('a delivery verifies with the secret shown at registration, and nothing else does', async () => {
      const created = await h.call('POST', '/v1/webhooks', { url, events: ['inventory.*'] });
      assert.equal(created.status, 201, created.raw);
      const secret = created.body.secret as string;
      await h.restock.inventory.applyFeed([{ sku: 'HOOK-1', location: 'WH1', onHand: 0, idempotencyKey: 'verify-1' }], 'test');
      await h.restock.webhooks.drainEvents();
      await h.restock.webhooks.dispatcher.runDue();
      assert.ok(got.length > 0, 'a delivery arrived');
      const d = got[0]!;
      const payload = new Webhook(secret).verify(d.body, d.headers) as { type: string; data: { sku: string } };
      assert.match(payload.type, /^inventory\./);
      assert.equal(payload.data.sku, 'HOOK-1');
      assert.throws(() => new Webhook(secret).verify(d.body.replace('HOOK-1', 'HOOK-2'), d.headers));
      const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      assert.throws(() => new Webhook(other).verify(d.body, d.headers));
    });
  });
}
