// The one parser of `invalid:<field>` codes and the one "what changed" comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invalidField } from '../../ui/js/fieldError.js';
import { putChanged } from '../../ui/js/fieldDiff.js';

test('invalidField reads a field, or a field of a list row', () => {
  assert.deepEqual(invalidField('invalid:lastName'), { list: null, index: null, name: 'lastName' });
  assert.deepEqual(invalidField('invalid:premiums[1].amount'), { list: 'premiums', index: 1, name: 'amount' });
  assert.deepEqual(invalidField('invalid:addresses[0].postcode'), { list: 'addresses', index: 0, name: 'postcode' });
});

test('invalidField: anything else is not a field error', () => {
  for (const code of ['not_found', 'invalid_operation', 'invalid:', 'invalid:a.b', 'invalid:a[x].b', '', null, undefined, 42]) {
    assert.equal(invalidField(code), null, String(code));
  }
});

test('putChanged puts only what differs; null is empty; the value now is trimmed', () => {
  const u = {};
  assert.equal(putChanged(u, 'a', 'x', ' x '), false);
  assert.equal(putChanged(u, 'b', '', null), false);
  assert.equal(putChanged(u, 'c', '', undefined), false);
  assert.equal(putChanged(u, 'd', '', 'old'), true);
  assert.equal(putChanged(u, 'e', 'new', null), true);
  assert.deepEqual(u, { d: '', e: 'new' });
});

test('putChanged compares with `same` when given', () => {
  const u = {};
  const digits = (a, b) => a.replace(/\D/g, '') === b.replace(/\D/g, '');
  assert.equal(putChanged(u, 'phone', '01 23 45 67 89', '0123456789', digits), false);
  assert.equal(putChanged(u, 'phone', '01 23 45 67 80', '0123456789', digits), true);
  assert.deepEqual(u, { phone: '01 23 45 67 80' });
});
