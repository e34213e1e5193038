import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, nextStatus } from './alert-lifecycle.js';

test('a new alert is acknowledged or assigned before anything else', () => {
  assert.deepEqual(allowedActions('new'), ['acknowledge', 'assign']);
  assert.equal(nextStatus('new', 'resolve'), null);
});

test('an acknowledged alert can be assigned, resolved, marked false positive or escalated', () => {
  assert.equal(nextStatus('acknowledged', 'assign'), 'assigned');
  assert.equal(nextStatus('acknowledged', 'resolve'), 'resolved');
  assert.equal(nextStatus('acknowledged', 'false_positive'), 'false_positive');
  assert.equal(nextStatus('assigned', 'escalate'), 'escalated');
});

test('closed alerts stay closed', () => {
  assert.deepEqual(allowedActions('resolved'), []);
  assert.deepEqual(allowedActions('false_positive'), []);
});
