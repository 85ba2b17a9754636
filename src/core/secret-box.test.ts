import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SecretBox, SecretsLocked, isSealed, openStored } from './secret-box.ts';

describe('SecretBox', () => {
  const box = SecretBox.fromSecret('correct horse battery staple');

  it('seals with a fresh IV each time and opens under the same secret only', () => {
    const a = box.seal('whsec_abc');
    const b = box.seal('whsec_abc');
    assert.ok(isSealed(a) && a.startsWith('enc:v1:'));
    assert.notEqual(a, b);
    assert.ok(!a.includes('whsec_abc'));
    assert.equal(SecretBox.fromSecret('correct horse battery staple').open(a), 'whsec_abc');
    assert.throws(() => SecretBox.fromSecret('wrong').open(a), (e: unknown) => e instanceof SecretsLocked && /another RESTOCK_SECRET/.test(e.message));
  });

  it('refuses an altered or truncated value', () => {
    const s = box.seal('x'.repeat(40));
    const flipped = s.slice(0, -3) + (s.at(-3) === 'A' ? 'B' : 'A') + s.slice(-2);
    assert.throws(() => box.open(flipped), SecretsLocked);
    assert.throws(() => box.open('enc:v1:AAAA'), SecretsLocked);
  });

  it('reads plaintext as it is, and a sealed value only with a box', () => {
    assert.equal(openStored(null, 'plain', 'signing secret'), 'plain');
    assert.equal(openStored(box, 'plain', 'signing secret'), 'plain');
    assert.throws(() => openStored(null, box.seal('p'), 'signing secret'), /encrypted: set RESTOCK_SECRET/);
  });
});
