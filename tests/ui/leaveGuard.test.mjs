import { test } from 'node:test';
import assert from 'node:assert/strict';
import { releaseLeaveGuard, setLeaveGuard, wouldLoseChanges } from '../../ui/js/leaveGuard.js';

test('no form: leaving loses nothing', () => {
  releaseLeaveGuard();
  assert.equal(wouldLoseChanges(), false);
});

test('a form with changes holds the page until released or dropped', () => {
  let dirty = false;
  const drop = setLeaveGuard(() => dirty);
  assert.equal(wouldLoseChanges(), false);
  dirty = true;
  assert.equal(wouldLoseChanges(), true);
  drop();
  assert.equal(wouldLoseChanges(), false);
});

test('dropping an older guard leaves the newer one in place', () => {
  const dropOld = setLeaveGuard(() => true);
  setLeaveGuard(() => true);
  dropOld();
  assert.equal(wouldLoseChanges(), true);
  releaseLeaveGuard();
  assert.equal(wouldLoseChanges(), false);
});

test('a guard that throws does not block navigation', () => {
  setLeaveGuard(() => { throw new Error('form gone'); });
  assert.equal(wouldLoseChanges(), false);
  releaseLeaveGuard();
});

test('closing the window asks about the page form and about every open dialog', async () => {
  const { closingWouldLoseChanges, watchDialog } = await import('../../ui/js/leaveGuard.js');
  releaseLeaveGuard();
  assert.equal(closingWouldLoseChanges(), false);
  let typed = false;
  const closed = watchDialog(() => typed);
  assert.equal(closingWouldLoseChanges(), false);
  typed = true;
  assert.equal(closingWouldLoseChanges(), true);
  // A dialog does not hold a page change (it is modal: its own Escape asks).
  assert.equal(wouldLoseChanges(), false);
  closed();
  assert.equal(closingWouldLoseChanges(), false);
  setLeaveGuard(() => true);
  assert.equal(closingWouldLoseChanges(), true);
  watchDialog(() => { throw new Error('gone'); });
  releaseLeaveGuard();
  assert.equal(closingWouldLoseChanges(), false);
});
