/**
 * JSON bodies are UTF-8, on purpose (http/validation.ts installJsonBody): one leading UTF-8 byte-order mark is
 * ignored as RFC 8259 allows (the same request, the same idempotency hash), anything else that is not UTF-8 is
 * refused with a clear 4xx and changes nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

for (const dialect of DIALECTS) {
  describe(`JSON bodies and byte-order marks (${dialect})`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(dialect);
      await seedBasic(h, 'SKU-BOM', { WH1: 5 });
    });
    after(async () => h?.close());

    const post = (payload: Buffer, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url: '/v1/reservations', payload, headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json', ...headers } });
    const reserved = async () => (await h.restock.inventory.levels('SKU-BOM')).totals.reserved;

    it('one leading UTF-8 byte-order mark is ignored: the same request as without it, replayed under the same Idempotency-Key', async () => {
      const json = Buffer.from(JSON.stringify({ sku: 'SKU-BOM', quantity: 1 }));
      const withBom = await post(Buffer.concat([BOM, json]), { 'idempotency-key': 'bom-1' });
      assert.equal(withBom.statusCode, 201, withBom.body);
      const without = await post(json, { 'idempotency-key': 'bom-1' });
      assert.equal(without.statusCode, 201);
      assert.equal(without.headers['idempotent-replayed'], 'true', 'the BOM did not make it another request');
      assert.equal(JSON.parse(without.body).id, JSON.parse(withBom.body).id);
      assert.equal(await reserved(), 1);
    });

    it('refuses bodies that are not UTF-8 — UTF-16 and UTF-32 by their marks, a foreign charset, invalid bytes, two marks — and changes nothing', async () => {
      const before = await reserved();
      const json = JSON.stringify({ sku: 'SKU-BOM', quantity: 1 });
      const cases: Array<[string, Buffer, Record<string, string>, number, RegExp]> = [
        ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), {}, 400, /UTF-16/],
        ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]), {}, 400, /UTF-16/],
        ['UTF-32 LE', Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from('{}')]), {}, 400, /UTF-32/],
        ['charset=utf-16', Buffer.from(json, 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }, 415, /UTF-8/],
        ['charset=latin1', Buffer.from(json), { 'content-type': 'application/json; charset=latin1' }, 415, /charset=latin1/],
        ['invalid UTF-8', Buffer.from('{"sku":"SKU-BOM","quantity":1,"reference":"\xff"}', 'latin1'), {}, 400, /not valid UTF-8/],
        ['two marks', Buffer.concat([BOM, BOM, Buffer.from(json)]), {}, 400, /more than one/],
      ];
      for (const [name, payload, headers, status, message] of cases) {
        const res = await post(payload, headers);
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        const err = JSON.parse(res.body).error;
        assert.equal(err.code, status === 415 ? 'unsupported_media_type' : 'invalid_json', name);
        assert.match(err.message, message, name);
      }
      // charset=utf-8 is fine, spelt either way.
      for (const cs of ['utf-8', 'UTF8']) {
        const ok = await post(Buffer.from(JSON.stringify({ sku: 'SKU-BOM', quantity: 1 })), { 'content-type': `application/json; charset=${cs}` });
        assert.equal(ok.statusCode, 201, ok.body);
        await h.call('DELETE', `/v1/reservations/${JSON.parse(ok.body).id}`);
      }
      assert.equal(await reserved(), before);
    });

    it('keeps the parser guards: __proto__ keys are refused, an empty body is invalid JSON', async () => {
      const proto = await post(Buffer.from('{"sku":"SKU-BOM","quantity":1,"__proto__":{"x":1}}'));
      assert.equal(proto.statusCode, 400);
      const empty = await post(Buffer.alloc(0));
      assert.equal(empty.statusCode, 400);
      assert.equal(JSON.parse(empty.body).error.code, 'invalid_json');
    });
  });
}
