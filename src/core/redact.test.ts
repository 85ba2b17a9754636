import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createHmac } from 'node:crypto';
import { redactUrl, isSecretParam } from './redact.ts';

const key = `rk_st_${randomBytes(24).toString('base64url')}`;
const body = Buffer.from(JSON.stringify({ p: 'confirm', s: 'sub_123' })).toString('base64url');
const token = `${body}.${createHmac('sha256', 'x').update(body).digest('base64url')}`;

describe('redactUrl', () => {
  for (const url of [
    `/v1/events?key=${key}`,
    `/v1/events?KEY=${key}`,
    `/v1/events?%6Bey=${key}`,
    `/v1/events?%6B%65%79=${encodeURIComponent(key)}`,
    `/v1/events?api%5Fkey=${key}`,
    `/v1/events?types=a&access_token=${key}&x=1`,
    `/v1/events?ticket=${key}`,
    `/v1/events?whatever=${key}`,
    `/w/confirm/${token}`,
    `/v1/waitlist/${encodeURIComponent(token)}`,
    `/v1/waitlist/${token}?lang=de`,
  ]) {
    it(`hides the secret in ${url.slice(0, 40)}…`, () => {
      const out = redactUrl(url);
      assert.ok(!out.includes(key), out);
      assert.ok(!out.includes(token) && !out.includes(encodeURIComponent(token)), out);
      assert.ok(!out.includes(key.slice(6, 20)), out);
      assert.match(out, /\[redacted\]/);
    });
  }
  it('keeps ordinary URLs as they are', () => {
    assert.equal(redactUrl('/v1/availability/SKU-1?location=wh1'), '/v1/availability/SKU-1?location=wh1');
    assert.equal(redactUrl('/v1/events?types=inventory.*&after=10'), '/v1/events?types=inventory.*&after=10');
    assert.equal(redactUrl('/v1/products/APP-1007'), '/v1/products/APP-1007');
  });
  it('survives malformed escapes', () => {
    assert.equal(redactUrl('/v1/x?%E0%A4%A=1'), '/v1/x?%E0%A4%A=1');
    assert.match(redactUrl('/v1/x?key=%E0%A4%A'), /key=\[redacted\]/);
  });
  it('names credentials in any spelling', () => {
    assert.equal(isSecretParam('%6Bey'), true);
    assert.equal(isSecretParam('Token'), true);
    assert.equal(isSecretParam('types'), false);
  });
});
