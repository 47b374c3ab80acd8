// What each correction of a contract, a vehicle or a driver changed (the helper shared with claims).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  contractRevisionViews,
  contractSnapshot,
  describeRevisions,
  driverRevisionViews,
  lowerFirst,
  norm,
  vehicleRevisionViews,
} from '../../ui/js/revisions.js';
import { lowerFirst as claimLowerFirst } from '../../ui/js/claimView.js';

const contract = (over = {}) => ({
  id: 9, clientId: 3, insurer: 'MAAF', number: 'AU-779', product: 'auto', subscriptionDate: '2026-01-14',
  firstEcheance: '2027-01-14', usage: 'standard', clauseApplies: true, startCoefficient: '0.85', status: 'en_cours',
  revisions: [], ...over,
});
const vehicle = (over = {}) => ({
  id: 4, registration: 'AB-123-CE', make: 'Renault', model: 'Clio', firstRegistration: null, fromDate: '2026-01-15',
  toDate: null, replacedBy: null, transferNote: null, otherDrivers: false, revisions: [], ...over,
});
const driver = (over = {}) => ({
  id: 8, clientId: null, role: 'secondaire', lastName: 'Durand', firstName: 'Paul', birthDate: null, licenceNumber: null,
  licenceDate: '2010-05-01', aac: false, novice: false, fromDate: '2026-01-15', toDate: '2026-06-30', revisions: [], ...over,
});

const termsBefore = {
  number: 'AU-778', product: 'auto', subscription_date: '2026-01-15', first_echeance: '2027-01-14', usage: 'standard',
  clause_applies: true, start_coefficient: 100,
};

test('a contract correction: "Corrigé le … — motif", and what changed from what to what', () => {
  const k = contract({ revisions: [{ previous: termsBefore, reason: 'Erreur de saisie', recordedAt: '2026-12-01T10:00:00Z' }] });
  const [r] = contractRevisionViews(/** @type {any} */ (k));
  assert.equal(r.summary, 'Corrigé le 01/12/2026 — Erreur de saisie');
  assert.deepEqual(r.changes.map((c) => c.field), ['number', 'subscription_date', 'start_coefficient']);
  assert.deepEqual(r.changes.map((c) => c.text), [
    'Numéro : « AU-778 » → « AU-779 »',
    'Date de souscription : 15/01/2026 → 14/01/2026',
    'Coefficient de départ : 1,00 → 0,85',
  ]);
  assert.equal(r.text, 'Corrigé le 01/12/2026 — Erreur de saisie — valeurs précédentes : numéro « AU-778 », date de souscription 15/01/2026, coefficient de départ 1,00');
});

test('the start coefficient in hundredths is the record’s decimal: unchanged, not shown', () => {
  assert.equal(contractSnapshot(/** @type {any} */ (contract())).start_coefficient, 85);
  const k = contract({ revisions: [{ previous: { ...termsBefore, number: 'AU-779', start_coefficient: 85, product: 'habitation', usage: 'tournees', clause_applies: false }, reason: null, recordedAt: '2026-12-01T10:00:00Z' }] });
  const [r] = contractRevisionViews(/** @type {any} */ (k));
  assert.equal(r.summary, 'Corrigé le 01/12/2026');
  assert.deepEqual(r.changes.map((c) => c.text), [
    'Produit : habitation → automobile',
    'Date de souscription : 15/01/2026 → 14/01/2026',
    'Usage : tournées → standard',
    'Clause bonus-malus : non → oui',
  ]);
  const asText = contract({ revisions: [{ previous: { ...termsBefore, start_coefficient: '0.85', number: 'AU-779', subscription_date: '2026-01-14' }, reason: 'x', recordedAt: '2026-12-01' }] });
  assert.deepEqual(contractRevisionViews(/** @type {any} */ (asText))[0].changes, [], 'a coefficient written as a decimal is read the same');
});

test('successive corrections: each compared with the next one’s earlier values', () => {
  const k = contract({
    revisions: [
      { previous: termsBefore, reason: 'Numéro', recordedAt: '2026-11-01T10:00:00Z' },
      { previous: { ...termsBefore, number: 'AU-779' }, reason: 'Date', recordedAt: '2026-12-01T10:00:00Z' },
    ],
    startCoefficient: '1.00',
  });
  const views = contractRevisionViews(/** @type {any} */ (k));
  assert.deepEqual(views.map((v) => v.changes.map((c) => c.field)), [['number'], ['subscription_date']]);
});

test('a vehicle correction; an optional value cleared reads "(vide)"', () => {
  const v = vehicle({
    make: null,
    revisions: [{
      previous: { registration: 'AB-123-CD', make: 'Renault', model: 'Clio', first_registration: '2020-05-02', from_date: '2026-01-15', to_date: null },
      reason: 'Carte grise', recordedAt: '2026-12-01T10:00:00Z',
    }],
  });
  const [r] = vehicleRevisionViews(/** @type {any} */ (v));
  assert.deepEqual(r.changes.map((c) => c.text), [
    'Immatriculation : « AB-123-CD » → « AB-123-CE »',
    'Marque : « Renault » → (vide)',
    'Première mise en circulation : 02/05/2020 → (vide)',
  ]);
});

test('a vehicle replaced after its last correction: the exit date is the replacement’s, not the correction’s', () => {
  const previous = { registration: 'AB-123-CD', make: 'Renault', model: 'Clio', first_registration: null, from_date: '2026-01-15', to_date: null };
  const replaced = vehicle({ toDate: '2026-09-01', replacedBy: 5, revisions: [{ previous, reason: 'Plaque', recordedAt: '2026-03-01T10:00:00Z' }] });
  assert.deepEqual(vehicleRevisionViews(/** @type {any} */ (replaced))[0].changes.map((c) => c.field), ['registration']);
  const corrected = vehicle({ toDate: '2026-09-01', revisions: [{ previous, reason: 'Vendu', recordedAt: '2026-10-01T10:00:00Z' }] });
  assert.deepEqual(vehicleRevisionViews(/** @type {any} */ (corrected))[0].changes.map((c) => c.field), ['registration', 'to_date']);
});

test('a driver correction ending the designation: role label, yes/no, dates', () => {
  const d = driver({
    aac: true,
    revisions: [{
      previous: { role: 'principal', last_name: 'Durand', first_name: 'Paul', birth_date: null, licence_number: null, licence_date: '2010-05-01', aac: false, from_date: '2026-01-15', to_date: null },
      reason: 'Ne conduit plus', recordedAt: '2026-12-01T10:00:00Z',
    }],
  });
  const [r] = driverRevisionViews(/** @type {any} */ (d));
  assert.equal(r.summary, 'Corrigé le 01/12/2026 — Ne conduit plus');
  assert.deepEqual(r.changes.map((c) => c.text), [
    'Rôle : conducteur principal → conducteur secondaire',
    'Conduite accompagnée (AAC) : non → oui',
    'Fin de la désignation : (vide) → 30/06/2026',
  ]);
});

test('unreadable or missing revisions', () => {
  assert.deepEqual(driverRevisionViews(/** @type {any} */ (driver({ revisions: undefined }))), []);
  const [r] = vehicleRevisionViews(/** @type {any} */ (vehicle({ revisions: [{ previous: null, reason: ' Motif ', recordedAt: '2026-12-01' }] })));
  assert.deepEqual(r.changes, []);
  assert.equal(r.reason, 'Motif');
  assert.equal(r.summary, 'Corrigé le 01/12/2026 — Motif');
  assert.equal(r.text, r.summary);
});

test('the generic helper: any fields, any value writer; lowerFirst and norm shared with the claim page', () => {
  const views = describeRevisions([{ previous: { a: 'x', b: 1 }, reason: null, recordedAt: '2026-12-01' }], { a: 'y', b: 1 },
    [['a', 'correction.field.number'], ['b', 'correction.field.model']], (_f, v) => `<${v}>`);
  assert.deepEqual(views[0].changes, [{ field: 'a', label: 'numéro', before: '<x>', after: '<y>', text: 'Numéro : <x> → <y>' }]);
  assert.equal(claimLowerFirst, lowerFirst);
  assert.equal(norm(null), '');
  assert.equal(norm(false), 'false');
  assert.equal(norm(' a '), 'a');
});
