import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DestinationGuard, isPublicAddress } from './destination-guard.js';

test('loopback, private, link-local, shared, documentation and multicast addresses are not public, in v4 and v6', () => {
  for (const address of [
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::10.0.0.1',
    '2001:db8::1',
  ]) {
    assert.equal(isPublicAddress(address), false, address);
  }
  for (const address of ['8.8.8.8', '93.184.216.34', '2a00:1450:4001::200e', '::ffff:8.8.8.8'])
    assert.equal(isPublicAddress(address), true, address);
});

test('a name that resolves to loopback is refused as it is connected to', async () => {
  const guard = new DestinationGuard();
  const lookup = guard.lookupFor(new URL('http://localhost/hook'))!;
  const error = await new Promise<Error | null>((resolve) =>
    lookup('localhost', {}, (failure: Error | null) => resolve(failure)),
  );
  assert.match(error?.message ?? '', /resolves to (127\.0\.0\.1|::1), not a public address/);
});

test('an allowed host is reached whatever it resolves to, on any port or only the one named', () => {
  const guard = new DestinationGuard(['receiver.intranet', '10.0.0.7:8443']);
  assert.equal(guard.refusal('http://receiver.intranet:9000/x'), undefined);
  assert.equal(guard.lookupFor(new URL('http://receiver.intranet/x')), undefined);
  assert.equal(guard.refusal('https://10.0.0.7:8443/x'), undefined);
  assert.match(guard.refusal('https://10.0.0.7:9443/x') ?? '', /not a public address/);
});
