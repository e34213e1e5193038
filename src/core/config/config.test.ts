import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

test('defaults give an embedded platform on port 8080', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.natsUrl, undefined);
  assert.equal(config.demo, true);
});

test('a bad value names the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, 'PORT');
      assert.match(error.message, /PORT/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
});

test('production never seeds the demo world', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production', DEMO: 'true' }).demo, false);
});

test('the environment overrides the config file, which overrides defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qg-config-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ PORT: 9090, LOG_LEVEL: 'debug' }));
  const config = loadConfig({ QADAGALAU_CONFIG: file, LOG_LEVEL: 'warn' });
  assert.equal(config.port, 9090);
  assert.equal(config.logLevel, 'warn');
});

test('an unknown key in the config file is refused by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qg-config-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ PROT: 9090 }));
  assert.throws(() => loadConfig({ QADAGALAU_CONFIG: file }), /PROT/);
});

test('a signing key that is not an Ed25519 key stops start-up by name, without echoing it', () => {
  assert.throws(
    () => loadConfig({ AUDIT_SIGNING_KEY: 'not-a-key-s3cret' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, 'AUDIT_SIGNING_KEY');
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    },
  );
  assert.equal(
    loadConfig({ WEBHOOK_ALLOW_HOSTS: 'receiver.gov.kz, 10.0.0.5:8443,' }).webhookAllowHosts.join('|'),
    'receiver.gov.kz|10.0.0.5:8443',
  );
});
