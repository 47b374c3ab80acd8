// The bonus-malus screens' pure helpers, and the contract and claim commands of api.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartGeometry, hundredths, possibleResponsibilities, qualificationHistory, restrictResponsibility } from '../../ui/js/coefficient.js';
import { createApi } from '../../ui/js/api.js';

test('coefficients are read as integer hundredths, never floats', () => {
  assert.equal(hundredths('0.80'), 80);
  assert.equal(hundredths('1,25'), 125);
  assert.equal(hundredths('3.5'), 350);
  assert.equal(hundredths('1'), 100);
});

test('the chart spans 0.50 to at least 1.25, the highest value at the top', () => {
  const g = chartGeometry(
    [
      { echeance: '2024-01-01', coefficient: '1.00' },
      { echeance: '2025-01-01', coefficient: '0.50' },
      { echeance: '2026-01-01', coefficient: '3.50' },
    ],
    200, 120, 10,
  );
  assert.equal(g.points.length, 3);
  assert.equal(g.points[0].x, 10);
  assert.equal(g.points[2].x, 190);
  assert.equal(g.points[1].y, g.floorY);
  assert.equal(g.points[2].y, 10, '3.50 is the top');
  assert.equal(g.points[0].y, g.oneY);
  assert.equal(g.topLabel, '3,50');
  assert.match(g.points[1].label, /^01\/01\/2025 : 0,50$/);
  const single = chartGeometry([{ echeance: '2024-01-01', coefficient: '0.95' }], 200, 120, 10);
  assert.equal(single.points[0].x, 100);
  assert.equal(single.topLabel, '1,25');
});

test('a requalified claim shows every qualification, the earlier ones kept', () => {
  assert.equal(qualificationHistory([{ responsibility: 'full', foundOn: '2026-10-10' }]), 'responsable');
  assert.equal(
    qualificationHistory([
      { responsibility: 'full', foundOn: '2026-10-10' },
      { responsibility: 'partial', foundOn: '2026-11-20' },
    ]),
    'responsable → partiellement responsable (requalifié le 20/11/2026)',
  );
  assert.equal(qualificationHistory([]), '');
});

test('contract and claim commands use the contract names and camelCase keys', async () => {
  /** @type {[string, unknown][]} */
  const calls = [];
  const a = createApi(async (cmd, args) => { calls.push([cmd, args]); return {}; });
  await a.contractList(3);
  await a.contractGet(9);
  await a.claimCreate({ contractId: 9, occurredOn: '2026-10-10', kind: 'accident', responsibility: 'full', description: null });
  await a.claimRequalify(4, 'partial', '2026-11-20', null);
  assert.deepEqual(calls, [
    ['contract_list', { clientId: 3 }],
    ['contract_get', { id: 9 }],
    ['claim_create', { input: { contractId: 9, occurredOn: '2026-10-10', kind: 'accident', responsibility: 'full', description: null } }],
    ['claim_requalify', { claimId: 4, responsibility: 'partial', foundOn: '2026-11-20', note: null }],
  ]);
});

test('open claims of the portfolio', async () => {
  /** @type {[string, unknown][]} */
  const calls = [];
  const a = createApi(async (cmd, args) => { calls.push([cmd, args]); return []; });
  await a.claimsOpen(100);
  await a.claimsOpen();
  assert.deepEqual(calls, [['claims_open', { limit: 100 }], ['claims_open', { limit: null }]]);
});

test('a parked vehicle hit by an unidentified third party is « non responsable » only (art. 7)', () => {
  assert.deepEqual(possibleResponsibilities('parked_unidentified'), ['none']);
  assert.deepEqual(possibleResponsibilities('accident'), ['full', 'partial', 'none']);
  const select = { value: 'full', options: ['full', 'partial', 'none'].map((value) => ({ value, disabled: false })) };
  restrictResponsibility(/** @type {any} */ (select), 'parked_unidentified');
  assert.equal(select.value, 'none');
  assert.deepEqual(select.options.map((o) => o.disabled), [true, true, false]);
  restrictResponsibility(/** @type {any} */ (select), 'accident');
  assert.equal(select.value, 'none', 'a value allowed is kept');
  assert.deepEqual(select.options.map((o) => o.disabled), [false, false, false]);
});
