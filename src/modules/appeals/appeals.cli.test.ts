import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyFile } from './appeals.cli.js';

test('classify turns JSONL appeals into screenings on the shipped model, skipping bad lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qg-classify-'));
  const input = join(dir, 'in.jsonl');
  const output = join(dir, 'out.jsonl');
  writeFileSync(
    input,
    [
      JSON.stringify({
        id: 'a1',
        text: 'Меня избивает муж, вчера сломал руку, боюсь за детей. Прошу помочь.',
        extra: 'ignored',
      }),
      'not json',
      JSON.stringify({ id: 'a2' }),
      JSON.stringify({ id: 'a3', text: 'Көшедегі жарық шамдары жанбайды, жөндеп беруіңізді сұраймын.' }),
    ].join('\n'),
  );
  const result = await classifyFile(input, output);
  assert.deepEqual([result.appeals, result.invalid], [2, 2]);
  const rows = readFileSync(output, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(
    rows.map((row) => row['id']),
    ['a1', 'a3'],
  );
  for (const key of ['id', 'language', 'labels', 'scores', 'risk_level', 'explanation'])
    assert.ok(key in rows[0]!, key);
  assert.ok((rows[0]!['labels'] as string[]).includes('violence'));
  assert.equal(rows[0]!['risk_level'], 'critical');
  assert.equal(rows[1]!['language'], 'kk');
  assert.deepEqual(rows[1]!['labels'], []);
});
