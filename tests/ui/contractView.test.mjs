// The pure helpers of the contract screens: catalogue labels, a new claim's defaults, the start
// coefficient suggested with its reason, the chart's years.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTRACT_STATUS_LABEL,
  PRODUCT_LABEL,
  claimDefaults,
  labelKey,
  suggestStartCoefficient,
  yearTicks,
} from '../../ui/js/contractView.js';
import { has, t } from '../../ui/js/i18n/index.js';

test('every product and contract state has a French label, never its code', () => {
  for (const code of ['auto', 'habitation', 'sante', 'prevoyance', 'autre']) {
    const key = labelKey(PRODUCT_LABEL, code);
    assert.ok(key && has(key), code);
  }
  assert.equal(t(/** @type {string} */ (labelKey(PRODUCT_LABEL, 'auto'))), 'Automobile');
  for (const code of ['devis', 'en_cours', 'suspendu', 'resilie']) {
    const key = labelKey(CONTRACT_STATUS_LABEL, code);
    assert.ok(key && has(key), code);
    assert.notEqual(t(key), code);
  }
  assert.equal(t(/** @type {string} */ (labelKey(CONTRACT_STATUS_LABEL, 'en_cours'))), 'En cours');
  assert.equal(t(/** @type {string} */ (labelKey(CONTRACT_STATUS_LABEL, 'resilie'))), 'Résilié');
  assert.equal(labelKey(CONTRACT_STATUS_LABEL, 'inconnu'), null);
  assert.equal(labelKey(CONTRACT_STATUS_LABEL, 'toString'), null);
});

const today = '2026-12-02';

test('a new claim takes the only vehicle and the only driver on the contract today', () => {
  const k = {
    vehicles: [{ id: 3, fromDate: '2024-01-01', toDate: null }],
    drivers: [{ id: 9, fromDate: '2024-01-01', toDate: null }],
  };
  assert.deepEqual(claimDefaults(k, today), { vehicleId: 3, driverId: 9, declaredOn: today });
});

test('a replaced vehicle or an ended driver does not count; two of them: nothing is guessed', () => {
  const replaced = {
    vehicles: [{ id: 1, fromDate: '2022-01-01', toDate: '2025-06-01' }, { id: 2, fromDate: '2025-06-01', toDate: null }],
    drivers: [{ id: 5, fromDate: '2022-01-01', toDate: '2026-12-02' }, { id: 6, fromDate: '2022-01-01', toDate: null }],
  };
  assert.deepEqual(claimDefaults(replaced, today), { vehicleId: 2, driverId: 6, declaredOn: today });
  const two = {
    vehicles: [{ id: 1, fromDate: '2022-01-01', toDate: null }, { id: 2, fromDate: '2025-06-01', toDate: null }],
    drivers: [{ id: 5, toDate: null }, { id: 6, toDate: null }],
  };
  assert.deepEqual(claimDefaults(two, today), { vehicleId: null, driverId: null, declaredOn: today });
  // A vehicle entering the contract tomorrow is not on it today.
  const future = { vehicles: [{ id: 1, fromDate: '2026-12-03', toDate: null }], drivers: [] };
  assert.deepEqual(claimDefaults(future, today), { vehicleId: null, driverId: null, declaredOn: today });
});

/** @param {Partial<import('../../ui/js/api/types.js').ContractRecord>} o */
const contract = (o) => ({
  insurer: 'MAIF', number: 'A-1', status: 'en_cours', clauseApplies: true, coefficientInForce: '0.90', subscriptionDate: '2020-01-01', ...o,
});

test('the start coefficient: a relevé first, the latest one', () => {
  const s = suggestStartCoefficient([contract({})], [
    { issuedOn: '2025-01-10', issuer: 'AXA', startCoefficient: '0.76' },
    { issuedOn: '2026-03-01', issuer: 'MACIF', startCoefficient: '0.68' },
  ]);
  assert.deepEqual(s, { coefficient: '0.68', source: 'releve', reason: 'contractForm.suggest.releve', params: { issuer: 'MACIF', date: '2026-03-01' } });
  assert.match(t(s.reason, s.params), /MACIF/);
});

test('the start coefficient: else the client’s contract in force under the clause, the newest', () => {
  const s = suggestStartCoefficient([
    contract({ number: 'OLD', subscriptionDate: '2015-01-01', coefficientInForce: '0.50' }),
    contract({ number: 'NEW', subscriptionDate: '2023-01-01', coefficientInForce: '0.85' }),
    contract({ number: 'GONE', status: 'resilie', subscriptionDate: '2025-01-01', coefficientInForce: '0.60' }),
    contract({ number: 'HOME', clauseApplies: false, subscriptionDate: '2026-01-01', coefficientInForce: '1.00' }),
  ]);
  assert.equal(s.coefficient, '0.85');
  assert.equal(s.source, 'contract');
  assert.deepEqual(s.params, { insurer: 'MAIF', number: 'NEW' });
  assert.match(t(s.reason, s.params), /MAIF n° NEW/);
  // A suspended one is used only when none is in force.
  const suspended = suggestStartCoefficient([contract({ number: 'S', status: 'suspendu', coefficientInForce: '1.25' })]);
  assert.equal(suspended.coefficient, '1.25');
});

test('the start coefficient: nothing known gives 1.00, and says why', () => {
  for (const contracts of [[], [contract({ status: 'resilie' })], [contract({ status: 'devis' })], [contract({ clauseApplies: false })]]) {
    const s = suggestStartCoefficient(contracts);
    assert.equal(s.coefficient, '1.00');
    assert.equal(s.source, 'none');
    assert.match(t(s.reason, s.params), /1,00/);
  }
});

test('the chart’s years: one per year at its first point, thinned, the last kept', () => {
  const points = [24, 60, 96, 132].map((x) => ({ x }));
  assert.deepEqual(yearTicks(points, ['2022-04-01', '2023-04-01', '2024-04-01', '2025-04-01']),
    [{ x: 24, year: '2022' }, { x: 60, year: '2023' }, { x: 96, year: '2024' }, { x: 132, year: '2025' }]);
  const close = [24, 34, 44, 54, 64].map((x) => ({ x }));
  const ticks = yearTicks(close, ['2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01'], 25);
  assert.deepEqual(ticks.map((k) => k.year), ['2021', '2025']);
  for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x - ticks[i - 1].x >= 25);
  assert.deepEqual(yearTicks([{ x: 280 }], ['2026-01-01']), [{ x: 280, year: '2026' }]);
  assert.deepEqual(yearTicks([], []), []);
});
