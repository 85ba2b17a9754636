import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redactKey } from '../src/cli/serve.ts';

describe('serve', () => {
  it('keeps API keys given in the query out of request logs', () => {
    assert.equal(redactKey('/v1/events?key=rk_st_secret&sku=A'), '/v1/events?key=[redacted]&sku=A');
    assert.equal(redactKey('/v1/events?sku=A&key=rk_st_secret'), '/v1/events?sku=A&key=[redacted]');
    assert.equal(redactKey('/v1/availability/A'), '/v1/availability/A');
  });
});
