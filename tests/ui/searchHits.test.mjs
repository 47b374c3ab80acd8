import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HIT_KINDS, HIT_KIND_LABEL, groupHits, hitContext, hitHref } from '../../ui/js/searchHits.js';
import { claimsQuery, defaultClaimsFilter, isFiltered, withFilter } from '../../ui/js/claimsQuery.js';
import { fr } from '../../ui/js/i18n/fr.js';

/** @returns {import('../../ui/js/api/types.js').SearchHit} */
const hit = (kind, id, extra = {}) => ({
  kind, id, text: `T${id}`, contractId: null, contractNumber: null, clientId: null, clientName: null,
  insurer: null, detail: null, onDate: null, ...extra,
});

test('every kind has a French label', () => {
  for (const k of HIT_KINDS) assert.ok(fr[HIT_KIND_LABEL[k]], k);
});

test('hits are grouped by kind in a fixed order, empty groups left out', () => {
  const g = groupHits([hit('claim', 3), hit('contract', 1), hit('claim', 4), hit('insurer', 9)]);
  assert.deepEqual(g.map((x) => [x.kind, x.hits.map((h) => h.id)]), [['contract', [1]], ['claim', [3, 4]], ['insurer', [9]]]);
  assert.deepEqual(groupHits([]), []);
});

test('each hit opens its page: a vehicle its contract', () => {
  assert.equal(hitHref(hit('contract', 7)), '#/contracts/7');
  assert.equal(hitHref(hit('vehicle', 3, { contractId: 7 })), '#/contracts/7');
  assert.equal(hitHref(hit('claim', 12, { contractId: 7 })), '#/claims/12');
  assert.equal(hitHref(hit('insurer', 2)), '#/insurers');
});

test('a hit says whose it is and where', () => {
  const date = (/** @type {string} */ d) => d.split('-').reverse().join('/');
  assert.equal(hitContext(hit('contract', 1, { clientName: 'Anne Martin', insurer: 'Mutuelle' }), date), 'Anne Martin · Mutuelle');
  assert.equal(
    hitContext(hit('vehicle', 1, { detail: 'Renault Clio', clientName: 'Anne Martin', insurer: 'Mutuelle', contractNumber: 'A-1' }), date),
    'Renault Clio · Anne Martin · Mutuelle A-1');
  assert.equal(hitContext(hit('claim', 1, { onDate: '2026-03-10', clientName: 'Anne Martin', contractNumber: 'A-1' }), date),
    '10/03/2026 · Anne Martin · A-1');
  assert.equal(hitContext(hit('insurer', 1, { insurer: 'Mutuelle' }), date), '');
});

test('the Sinistres filters send only what is set, and any change goes back to page 1', () => {
  const f = defaultClaimsFilter();
  assert.deepEqual(claimsQuery(f), {
    state: 'open', status: null, insurerId: null, responsibility: null, from: null, to: null, text: null,
    oldestFirst: false, page: 1, pageSize: 50,
  });
  assert.equal(isFiltered(f), false);
  const g = withFilter(withFilter(withFilter(f, 'page', 3), 'insurerId', '4'), 'text', '  SIN-2026 ');
  assert.equal(g.page, 1);
  const q = claimsQuery({ ...g, responsibility: 'none', from: '2026-01-01', state: 'all' });
  assert.equal(q.insurerId, 4);
  assert.equal(q.text, 'SIN-2026');
  assert.equal(q.responsibility, 'none');
  assert.equal(q.from, '2026-01-01');
  assert.equal(q.state, 'all');
  assert.equal(isFiltered(g), true);
  assert.equal(withFilter(g, 'page', 2).page, 2);
  assert.equal(claimsQuery({ ...f, insurerId: 'x' }).insurerId, null);
});
