import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMELINE_KINDS, TIMELINE_KIND_LABEL, byYear, defaultFilter, entryDate, timelineQuery } from '../../ui/js/timeline.js';
import { fr } from '../../ui/js/i18n/fr.js';

test('every kind has a French label', () => {
  for (const k of TIMELINE_KINDS) assert.ok(fr[TIMELINE_KIND_LABEL[k]], k);
});

test('all kinds ticked sends no kind filter; a subset sends the subset in order', () => {
  const f = defaultFilter();
  assert.deepEqual(timelineQuery(f), { kinds: [], contractId: null, claimId: null, from: null, to: null, newestFirst: true });
  f.kinds = new Set(['montant', 'sinistre']);
  f.contractId = 7;
  f.from = '2024-01-01';
  f.newestFirst = false;
  assert.deepEqual(timelineQuery(f), {
    kinds: ['sinistre', 'montant'], contractId: 7, claimId: null, from: '2024-01-01', to: null, newestFirst: false,
  });
});

test('entry dates in French, with the time of an exchange', () => {
  assert.equal(entryDate('2025-05-03'), '03/05/2025');
  assert.equal(entryDate('2025-05-03T14:30'), '03/05/2025 14:30');
  assert.equal(entryDate('bientôt'), 'bientôt');
});

test('grouping by year keeps the order', () => {
  const g = byYear([{ date: '2026-01-01' }, { date: '2025-12-31' }, { date: '2025-01-02' }, { date: '2024-07-01T10:00' }]);
  assert.deepEqual(g.map((x) => [x.year, x.entries.length]), [['2026', 1], ['2025', 2], ['2024', 1]]);
});
