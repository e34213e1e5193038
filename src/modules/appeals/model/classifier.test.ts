import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ModelArtifact } from './artifact.js';
import { AppealClassifier, OutdatedModelError } from './classifier.js';
import { shippedModelPath } from './pipeline.js';

test('a model trained on an older feature set is refused, naming both formats', () => {
  const artifact = JSON.parse(readFileSync(shippedModelPath, 'utf8')) as ModelArtifact;
  const outdated = { ...artifact, format: 'qadagalau-appeals/1' } as unknown as ModelArtifact;
  assert.throws(
    () => new AppealClassifier(outdated),
    (error: unknown) =>
      error instanceof OutdatedModelError &&
      /appeals\/1/.test(error.message) &&
      /appeals\/2/.test(error.message),
  );
});

test('a long appeal is flagged by its one violent sentence', () => {
  const classifier = new AppealClassifier(
    JSON.parse(readFileSync(shippedModelPath, 'utf8')) as ModelArtifact,
  );
  const housing =
    'В нашем доме третий месяц нет горячей воды, управляющая компания не отвечает на звонки. Подъезд не убирают, ' +
    'лифт стоит с октября, во дворе яма, в которую уже падали дети. Счета за отопление выросли вдвое. ';
  const text = `${housing}Вчера сосед снова избил жену, она выбежала в подъезд вся в крови. ${housing}`;
  assert.ok(classifier.screen(text).labels.includes('violence'));
  assert.ok(!classifier.screen(`${housing}${housing}`).labels.includes('violence'));
});
