import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signPayload, verifySignature } from './signature.js';

test('a signed body verifies with the same secret only', () => {
  const body = JSON.stringify({ alert: { id: 'a' } });
  const header = signPayload('s3cret', body);
  assert.ok(verifySignature('s3cret', body, header));
  assert.ok(!verifySignature('other', body, header));
  assert.ok(!verifySignature('s3cret', `${body} `, header));
});

test('an old signature is refused as a replay', () => {
  const body = '{}';
  const header = signPayload('s3cret', body, Math.floor(Date.now() / 1000) - 3600);
  assert.ok(!verifySignature('s3cret', body, header));
});

test('the signature is HMAC-SHA256 over timestamp and body', () => {
  // Independent computation, e.g. in a state body's receiver: echo -n "1700000000.{}" | openssl dgst -sha256 -hmac key
  assert.equal(
    signPayload('key', '{}', 1_700_000_000),
    't=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae',
  );
});
