import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Matcher, type WatchlistEntry } from './matcher.js';

const entries: WatchlistEntry[] = [
  {
    entryId: 'W1',
    kind: 'person',
    fullName: 'Қасымов Нұрсұлтан Серікұлы',
    birthDate: '1985-03-12',
    iin: '850312300012',
  },
  { entryId: 'W2', kind: 'person', fullName: 'Ахметова Айгерим Маратовна', birthDate: '1992-11-05' },
  {
    entryId: 'W3',
    kind: 'person',
    fullName: 'Жумабаев Ерлан Болатович',
    birthDate: '1970-07-07',
    plate: '777 KZB 02',
  },
  { entryId: 'W4', kind: 'vehicle', plate: '123 ABC 02' },
  { entryId: 'W5', kind: 'vehicle', plate: 'А 456 ВС 77' },
  { entryId: 'W6', kind: 'person', fullName: 'Ахметов Нурлан', birthDate: '1985-03-12' },
];
const matcher = new Matcher(entries);
const ids = (list: { entryId: string }[]) => list.map((match) => match.entryId);

test('finds a listed person from a variant spelling through the name and date blocks', () => {
  assert.deepEqual(ids(matcher.match({ name: 'AIGERIM AKHMETOVA', birthDate: '1992-11-05' })), ['W2']);
  assert.deepEqual(ids(matcher.match({ name: 'Жұмабай Ерлан', birthDate: '07.07.1970' })), ['W3']);
});

test('finds a listed person whose birth date was mistyped by one digit or swapped', () => {
  assert.deepEqual(ids(matcher.match({ name: 'Ахметова Айгерим Маратовна', birthDate: '1992-11-06' })), [
    'W2',
  ]);
  assert.deepEqual(ids(matcher.match({ name: 'Ахметова Айгерим Маратовна', birthDate: '1992-05-11' })), [
    'W2',
  ]);
});

test('finds a person by IIN alone, and the IIN is decisive', () => {
  const [match] = matcher.match({ iin: '850312300012' });
  assert.equal(match?.entryId, 'W1');
  assert.equal(match.score, 1);
});

test('an observation of nobody on the list matches nothing', () => {
  assert.deepEqual(matcher.match({ name: 'Иванов Сергей', birthDate: '1960-01-01' }), []);
  assert.deepEqual(
    matcher.match({ name: 'Ахметов Нурлан', birthDate: '1979-10-04' }),
    [],
    'a namesake born on another day',
  );
  assert.deepEqual(matcher.match({ plate: '999 XYZ 15' }), []);
  assert.deepEqual(matcher.match({}), []);
});

test('finds plates across scripts and through one recogniser confusion', () => {
  assert.deepEqual(ids(matcher.match({ plate: 'A456BC77' })), ['W5']);
  const [confused] = matcher.match({ plate: '123A8C02' });
  assert.equal(confused?.entryId, 'W4');
  assert.ok(confused.reasons[0]!.includes('B read as 8'));
});

test('a listed person’s car is found by its plate, and both agreements count when both are seen', () => {
  assert.deepEqual(ids(matcher.match({ plate: '777KZ802' })), ['W3']);
  const [both] = matcher.match({ name: 'Zhumabaev Yerlan', birthDate: '1970-07-07', plate: '777 KZB 02' });
  assert.equal(both?.entryId, 'W3');
  assert.ok(both.reasons.includes('plate matches'));
  assert.ok(both.reasons.some((reason) => reason.startsWith('surname')));
});

test('a lower threshold brings in name-only sightings; the default keeps them out', () => {
  assert.deepEqual(matcher.match({ name: 'Ахметова Айгерим Маратовна' }), []);
  const lenient = new Matcher(entries, { threshold: 0.75 });
  assert.deepEqual(ids(lenient.match({ name: 'Ахметова Айгерим Маратовна' })), ['W2']);
});

test('matches come best first', () => {
  const both = new Matcher([
    { entryId: 'A', kind: 'person', fullName: 'Касымов Нурсултан', birthDate: '1985-03-12' },
    { entryId: 'B', kind: 'person', fullName: 'Касымов Нурсултан Серикович', birthDate: '1985-03-12' },
  ]);
  assert.deepEqual(ids(both.match({ name: 'Касымов Нурсултан Серикович', birthDate: '1985-03-13' })), ['B']);
  const scores = both
    .match({ name: 'Касымов Нурсултан Серикович', birthDate: '1985-03-12' })
    .map((match) => match.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
});

test('an IIN misread by one digit (check digit fails) finds its entry even without a name, at a low threshold', () => {
  const lenient = new Matcher(entries, { threshold: 0.5 });
  const [match] = lenient.match({ iin: '850312300013', birthDate: '1985-03-12' });
  assert.equal(match?.entryId, 'W1');
  assert.ok(
    match.reasons.includes('IIN one digit off the listed one (its check digit fails: likely misread)'),
  );
  assert.deepEqual(
    matcher.match({ iin: '850312300013', birthDate: '1985-03-12' }),
    [],
    'not enough at the default threshold',
  );
});

test('an index built in slices matches like one built at once, and lets other work run while it is built', async () => {
  const many: WatchlistEntry[] = Array.from({ length: 50 }, (_, i) => ({
    entryId: `V${String(i)}`,
    kind: 'vehicle',
    plate: `${String(100 + i)} KZA 02`,
  }));
  let turns = 0;
  const ticking = setInterval(() => turns++, 0);
  const sliced = await Matcher.build([...entries, ...many], {}, 10);
  clearInterval(ticking);
  assert.ok(turns > 0, 'the event loop ran between slices');
  const whole = new Matcher([...entries, ...many]);
  for (const identifiers of [
    { name: 'AIGERIM AKHMETOVA', birthDate: '1992-11-05' },
    { iin: '850312300012' },
    { plate: '1O7 KZA 02' },
    { plate: 'A456BC77' },
  ]) {
    assert.deepEqual(sliced.match(identifiers), whole.match(identifiers));
  }
  assert.deepEqual(ids(sliced.match({ plate: '1O7 KZA 02' })), ['V7']);
});

test('changes applied in place match like an index built afresh from the changed list', () => {
  const updated = new Matcher(entries);
  const moved: WatchlistEntry = {
    entryId: 'W2',
    kind: 'person',
    fullName: 'Ахметова Айгерим Маратовна',
    birthDate: '1993-01-20',
  };
  const added: WatchlistEntry = {
    entryId: 'W7',
    kind: 'person',
    fullName: 'Сейткали Дамир',
    birthDate: '1990-04-04',
  };
  updated.update([moved, added], ['W5']);
  const fresh = new Matcher([
    ...entries.filter((entry) => entry.entryId !== 'W2' && entry.entryId !== 'W5'),
    moved,
    added,
  ]);
  assert.equal(updated.size, fresh.size);
  for (const identifiers of [
    { name: 'Ахметова Айгерим Маратовна', birthDate: '1992-11-05' },
    { name: 'Ахметова Айгерим Маратовна', birthDate: '1993-01-20' },
    { name: 'Seitkali Damir', birthDate: '1990-04-04' },
    { plate: 'A456BC77' },
    { iin: '850312300012' },
  ]) {
    assert.deepEqual(updated.match(identifiers), fresh.match(identifiers), JSON.stringify(identifiers));
  }
  assert.deepEqual(ids(updated.match({ name: 'Seitkali Damir', birthDate: '1990-04-04' })), ['W7']);
  assert.deepEqual(updated.match({ plate: 'A456BC77' }), [], 'a withdrawn entry is not reported');
  assert.equal(updated.retiredEntries, 2);
});
