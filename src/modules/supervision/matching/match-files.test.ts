import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { supervisionMatchCommand } from './match.cli.js';
import { matchFiles } from './match-files.js';

const watchlist = [
  'entry_id,kind,iin,full_name,birth_date,plate',
  'P1,person,850312300012,"Қасымов Нұрсұлтан Серікұлы",1985-03-12,',
  'P2,person,,"Ахметова, Айгерим",1992-11-05,',
  'V1,vehicle,,,,123 ABC 02',
  ',person,,Нет Идентификатора,1990-01-01,',
  'X1,drone,,,,',
  'V2,vehicle,,,,',
  'P3,person,850312412351,Омаров Марат,1986-01-01,',
].join('\n');

const observations = [
  { id: 'o1', kind: 'person', identifiers: { name: 'KASSYMOV NURSULTAN', birth_date: '1985-03-12' } },
  { id: 'o2', kind: 'vehicle', identifiers: { plate: '123A8C02' } },
  { id: 'o3', kind: 'person', identifiers: { name: 'Иванов Сергей', birth_date: '1960-01-01' } },
  { id: 4, kind: 'person', identifiers: { iin: '850312300012' } },
];
const lines = [
  JSON.stringify(observations[0]),
  '{"id": "broken", "identifiers": ',
  JSON.stringify(observations[1]),
  '',
  JSON.stringify({ kind: 'person', identifiers: { name: 'Без Идентификатора' } }),
  JSON.stringify(observations[2]),
  JSON.stringify({ id: 'o5', kind: 'person', identifiers: 'Касымов' }),
  JSON.stringify({ id: 'o6', kind: 'person', identifiers: { iin: 850312300012 } }),
  JSON.stringify(observations[3]),
  '[1, 2]',
];

interface OutputLine {
  id: string | number;
  matches: { entry_id: string; score: number; reasons: string[] }[];
}

const readOutput = (file: string): OutputLine[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OutputLine);

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'qg-supervision-'));
  const paths = {
    watchlist: join(dir, 'watchlist.csv'),
    observations: join(dir, 'observations.jsonl'),
    output: join(dir, 'out.jsonl'),
  };
  writeFileSync(paths.watchlist, watchlist);
  writeFileSync(paths.observations, `${lines.join('\n')}\n`);
  return paths;
}

test('writes one line per valid observation, in order, in exactly the specified shape', async () => {
  const paths = files();
  const report = await matchFiles(paths.watchlist, paths.observations, paths.output);
  const output = readOutput(paths.output);
  assert.deepEqual(
    output.map((line) => line.id),
    ['o1', 'o2', 'o3', 4],
  );
  for (const line of output) {
    assert.deepEqual(Object.keys(line), ['id', 'matches']);
    for (const match of line.matches) assert.deepEqual(Object.keys(match), ['entry_id', 'score', 'reasons']);
  }
  const [o1, o2, o3, o4] = output;
  assert.equal(o1!.matches.length, 1);
  assert.equal(o1!.matches[0]!.entry_id, 'P1');
  assert.ok(o1!.matches[0]!.score >= 0.85 && o1!.matches[0]!.score < 1);
  assert.deepEqual(o1!.matches[0]!.reasons, [
    'surname KASSYMOV ≈ Қасымов (transliteration)',
    'given name NURSULTAN ≈ Нұрсұлтан (transliteration)',
    'birth date matches',
  ]);
  assert.equal(o2!.matches[0]!.entry_id, 'V1');
  assert.match(o2!.matches[0]!.reasons[0]!, /one recogniser confusion: B read as 8/);
  assert.deepEqual(o3!.matches, []);
  assert.deepEqual(
    o4!.matches.map((match) => [match.entry_id, match.score]),
    [['P1', 1]],
  );
  assert.equal(report.observations, 4);
  assert.equal(report.matched, 3);
  assert.equal(report.entries, 4);
});

test('reports malformed observation lines with their line numbers instead of throwing', async () => {
  const paths = files();
  const report = await matchFiles(paths.watchlist, paths.observations, paths.output);
  assert.deepEqual(report.malformed, [
    { line: 2, reason: 'not valid JSON' },
    { line: 5, reason: 'id must be a non-empty string or a number' },
    { line: 7, reason: 'identifiers must be an object' },
    { line: 8, reason: 'identifiers.iin must be a string' },
    { line: 10, reason: 'not a JSON object' },
  ]);
  assert.equal(report.malformedCount, 5);
});

test('reports watchlist rows it cannot use, and loads the rest with warnings on inconsistent ones', async () => {
  const paths = files();
  const report = await matchFiles(paths.watchlist, paths.observations, paths.output);
  assert.deepEqual(
    report.watchlistProblems.map((problem) => [problem.record, problem.skipped]),
    [
      [5, true],
      [6, true],
      [7, true],
      [8, false],
    ],
  );
  assert.match(report.watchlistProblems[3]!.reason, /birth_date 1986-01-01 contradicts the date in the iin/);
  assert.match(report.watchlistProblems[1]!.reason, /kind must be person or vehicle/);
});

test('a threshold passed in changes what is reported', async () => {
  const paths = files();
  await matchFiles(paths.watchlist, paths.observations, paths.output, { threshold: 1 });
  assert.deepEqual(
    readOutput(paths.output).map((line) => line.matches.length),
    [0, 0, 0, 1],
  );
});

test('a watchlist without the required columns is an error', async () => {
  const paths = files();
  writeFileSync(paths.watchlist, 'id,name\n1,Касымов\n');
  await assert.rejects(matchFiles(paths.watchlist, paths.observations, paths.output), /lacks entry_id, kind/);
});

test('a missing observations file is an error, not an empty result', async () => {
  const paths = files();
  await assert.rejects(matchFiles(paths.watchlist, `${paths.observations}.missing`, paths.output), /ENOENT/);
});

test('`supervision match` runs the batch from the command line without a server or database', async () => {
  const paths = files();
  const program = new Command().exitOverride();
  supervisionMatchCommand(program);
  const stderr = process.stderr.write.bind(process.stderr);
  const messages: string[] = [];
  const capture = (chunk: string | Uint8Array) => messages.push(String(chunk)) > 0;
  process.stderr.write = capture;
  try {
    await program.parseAsync(
      [
        'supervision',
        'match',
        '--watchlist',
        paths.watchlist,
        '--observations',
        paths.observations,
        '--output',
        paths.output,
        '--threshold',
        '0.9',
      ],
      { from: 'user' },
    );
  } finally {
    process.stderr.write = stderr;
  }
  assert.equal(readFileSync(paths.output, 'utf8').trim().split('\n').length, 4);
  assert.ok(messages.some((message) => message.includes('observations.jsonl:2: not valid JSON')));
  assert.ok(
    messages.some((message) =>
      /4 watchlist entries; 4 observations, 3 with matches, 5 malformed lines skipped/.test(message),
    ),
  );
});

test('`supervision match` refuses a threshold outside 0–1', async () => {
  const paths = files();
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
  supervisionMatchCommand(program);
  await assert.rejects(
    program.parseAsync(
      [
        'supervision',
        'match',
        '--watchlist',
        paths.watchlist,
        '--observations',
        paths.observations,
        '--output',
        paths.output,
        '--threshold',
        '1.5',
      ],
      { from: 'user' },
    ),
    /threshold must be a number from 0 to 1/,
  );
});
