import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { recipientKey } from './email.ts';

it('+tag variants and case count as one recipient', () => {
  assert.equal(recipientKey('Ann+shoes@Example.COM'), 'ann@example.com');
  assert.equal(recipientKey('ann@example.com.'), 'ann@example.com');
  assert.equal(recipientKey('ann+a+b@example.com'), 'ann@example.com');
  assert.notEqual(recipientKey('ann@example.com'), recipientKey('anna@example.com'));
  assert.equal(recipientKey('+x@example.com'), '+x@example.com');
});

it('is idempotent', () => {
  fc.assert(fc.property(fc.emailAddress(), (e) => recipientKey(recipientKey(e)) === recipientKey(e)), { numRuns: 200 });
});
