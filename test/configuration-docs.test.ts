import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { describeSettings } from '../src/core/config/config.js';
import { installedModules } from '../src/modules/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README’s configuration table lists every setting of the core and of every installed module', () => {
  const missing = describeSettings(installedModules).filter(
    (setting) => !readme.includes(`| \`${setting.variable}\` |`),
  );
  assert.deepEqual(
    missing.map((setting) => setting.variable),
    [],
  );
});

test('each module’s README documents its own settings', () => {
  for (const module of installedModules) {
    const path = new URL(`../src/modules/${module.id}/README.md`, import.meta.url);
    assert.ok(existsSync(path), `${module.id} has a README`);
    const text = readFileSync(path, 'utf8');
    for (const spec of Object.values((module.settings ?? {}) as Record<string, { env: string }>)) {
      assert.ok(text.includes(`\`${spec.env}\``), `${module.id}/README.md documents ${spec.env}`);
    }
  }
});
