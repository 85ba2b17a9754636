import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { addressPolicyFromEnv, addressRefusal, checkOutboundUrl, checkOutboundUrlResolved, embeddedIpv4, guardedLookup, STRICT_POLICY, type Resolver } from './net-guard.ts';

const open = { allowHttp: true, allowPrivate: 'all' as const };

describe('outbound address guard', () => {
  const refusedNotations = [
    'https://127.0.0.1/hook',
    'https://127.1/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://0177.0.0.1/hook',
    'https://0x7f.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[0:0:0:0:0:ffff:7f00:1]/hook',
    'https://[::127.0.0.1]/hook',
    'https://[64:ff9b::7f00:1]/hook',
    'https://10.1.2.3/',
    'https://172.16.0.1/',
    'https://192.168.1.1/',
    'https://100.64.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/',
    'https://[fe80::1]/',
    'https://224.0.0.1/',
    'https://[ff02::1]/',
    'https://0.0.0.0/',
    'https://[::]/',
    'https://localhost/',
    'https://LOCALHOST./',
    'https://api.localhost/',
    'https://metadata.google.internal/',
    'https://intranet/',
  ];
  for (const url of refusedNotations) {
    it(`refuses ${url}`, () => {
      const c = checkOutboundUrl(url, STRICT_POLICY);
      assert.equal(c.ok, false);
    });
  }

  it('accepts public https hosts and addresses, refuses http unless allowed', () => {
    assert.equal(checkOutboundUrl('https://hooks.example.com/x', STRICT_POLICY).ok, true);
    assert.equal(checkOutboundUrl('https://93.184.216.34/x', STRICT_POLICY).ok, true);
    assert.equal(checkOutboundUrl('https://[::ffff:93.184.216.34]/x', STRICT_POLICY).ok, true);
    assert.equal(checkOutboundUrl('https://[2606:2800:220:1::]/x', STRICT_POLICY).ok, true);
    assert.equal(checkOutboundUrl('http://hooks.example.com/x', STRICT_POLICY).ok, false);
    assert.equal(checkOutboundUrl('http://hooks.example.com/x', { ...STRICT_POLICY, allowHttp: true }).ok, true);
    assert.equal(checkOutboundUrl('ftp://hooks.example.com/x', { ...STRICT_POLICY, allowHttp: true }).ok, false);
    assert.equal(checkOutboundUrl('https://user:pw@hooks.example.com/x', STRICT_POLICY).ok, false);
  });

  it('opens private ranges only as configured, never cloud metadata wholesale', () => {
    assert.equal(checkOutboundUrl('http://127.0.0.1:9/x', open).ok, true);
    assert.equal(checkOutboundUrl('http://169.254.169.254/x', open).ok, false);
    const cidr = addressPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.0/8, ::1/128', WEBHOOK_ALLOW_HTTP: '1' });
    assert.equal(checkOutboundUrl('http://127.0.0.1:9/x', cidr).ok, true);
    assert.equal(checkOutboundUrl('http://[::1]:9/x', cidr).ok, true);
    assert.equal(checkOutboundUrl('http://[::ffff:127.0.0.1]:9/x', cidr).ok, true);
    assert.equal(checkOutboundUrl('http://10.0.0.1/x', cidr).ok, false);
    assert.throws(() => addressPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.0/33' }));
    assert.throws(() => addressPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: 'loopback' }));
    assert.equal(addressPolicyFromEnv({}).allowPrivate, 'none');
  });

  it('reads IPv4 out of mapped, compatible and NAT64 IPv6', () => {
    assert.equal(embeddedIpv4('::ffff:7f00:1'), '127.0.0.1');
    assert.equal(embeddedIpv4('::ffff:10.0.0.1'), '10.0.0.1');
    assert.equal(embeddedIpv4('64:ff9b::a00:1'), '10.0.0.1');
    assert.equal(embeddedIpv4('::1'), null);
    assert.equal(embeddedIpv4('2001:db8::1'), null);
    assert.equal(addressRefusal('::ffff:a00:1', STRICT_POLICY), 'a private address');
  });

  it('refuses names that resolve to private addresses (registration)', async () => {
    const fake: Resolver = async (h) => (h === 'rebind.example.com' ? ['93.184.216.34', '127.0.0.1'] : h === 'ok.example.com' ? ['93.184.216.34'] : []);
    const bad = await checkOutboundUrlResolved('https://rebind.example.com/x', STRICT_POLICY, fake);
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /loopback/);
    assert.equal((await checkOutboundUrlResolved('https://ok.example.com/x', STRICT_POLICY, fake)).ok, true);
    assert.equal((await checkOutboundUrlResolved('https://gone.example.com/x', STRICT_POLICY, fake)).ok, false);
  });

  it('refuses the connection when the name resolves to a private address at delivery (rebinding)', async () => {
    // The name passed the registration check; now it answers with loopback. The socket is never opened.
    let calls = 0;
    const rebinding: Resolver = async () => (calls++ === 0 ? ['93.184.216.34'] : ['127.0.0.1']);
    assert.equal((await checkOutboundUrlResolved('https://shop.example.com/x', STRICT_POLICY, rebinding)).ok, true);
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = request({ host: 'shop.example.com', port: 9, method: 'POST', lookup: guardedLookup(STRICT_POLICY, rebinding) });
      req.on('error', resolve);
      req.end();
    });
    assert.equal(err.code, 'EADDRBLOCKED');
    assert.match(err.message, /loopback/);
  });

  it('the system resolver path: a real name resolving to loopback is refused before any connection', async () => {
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = request({ host: 'localhost', port: 9, method: 'POST', lookup: guardedLookup(STRICT_POLICY) });
      req.on('error', resolve);
      req.end();
    });
    assert.equal(err.code, 'EADDRBLOCKED');
  });
});
