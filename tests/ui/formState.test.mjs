import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorSummary, isDirty } from '../../ui/js/formState.js';

test('nothing typed: not dirty', () => {
  assert.equal(isDirty([]), false);
  assert.equal(isDirty([{ before: '', now: '', touched: false }, { before: '2026-12-02', now: '2026-12-02', touched: false }]), false);
});

test('a value changed from what the form showed: dirty', () => {
  assert.equal(isDirty([{ before: '', now: 'Dupont', touched: true }]), true);
  assert.equal(isDirty([{ before: 'auto', now: 'moto', touched: true }]), true);
  // A prefilled line removed.
  assert.equal(isDirty([{ before: '350,00', now: '', touched: false }]), true);
});

test('typed then restored: no change', () => {
  assert.equal(isDirty([{ before: 'Dupont', now: 'Dupont', touched: true }]), false);
});

test('a control added since the form was shown counts once typed in', () => {
  assert.equal(isDirty([{ before: undefined, now: '', touched: false }]), false);
  assert.equal(isDirty([{ before: undefined, now: 'full', touched: false }]), false);
  assert.equal(isDirty([{ before: undefined, now: '  ', touched: true }]), false);
  assert.equal(isDirty([{ before: undefined, now: 'Vol', touched: true }]), true);
});

test('the error summary: one line per refusal, label then message', () => {
  assert.deepEqual(errorSummary([{ label: 'Numéro de contrat *', message: 'Ce champ est obligatoire.' }]), {
    count: 1,
    lines: ['Numéro de contrat : Ce champ est obligatoire.'],
  });
  const s = errorSummary([
    { label: 'Assureur', message: 'Ce champ est obligatoire.' },
    { label: 'Date de souscription :', message: 'date impossible' },
    { label: '', message: 'Rien n’a changé.' },
  ]);
  assert.equal(s.count, 3);
  assert.deepEqual(s.lines, ['Assureur : Ce champ est obligatoire.', 'Date de souscription : date impossible', 'Rien n’a changé.']);
});
