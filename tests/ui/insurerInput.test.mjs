// The insurer form helpers: prefill, create input, only-what-changed update, suggestions, changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyInsurerFields,
  insurerAddress,
  insurerFieldsOf,
  insurerFieldsToInput,
  insurerRevisionViews,
  insurerSnapshot,
  insurerSuggestions,
  insurerUpdateOf,
  nameKey,
} from '../../ui/js/insurerInput.js';
import { COMMON_INSURERS } from '../../ui/js/contractInput.js';

const insurer = (over = {}) => ({
  id: 3,
  name: 'Mutuelle de l’Ouest',
  addressLine1: '4 quai de la Fosse',
  postcode: '44000',
  city: 'Nantes',
  email: 'contact@mutuelle-ouest.example',
  phone: '0240123456',
  releveEmail: 'releves@mutuelle-ouest.example',
  contracts: 12,
  revisions: [],
  ...over,
});

test('the edit form is prefilled from the record; empty values are empty texts', () => {
  assert.deepEqual(insurerFieldsOf(/** @type {any} */ (insurer())), {
    name: 'Mutuelle de l’Ouest',
    addressLine1: '4 quai de la Fosse',
    postcode: '44000',
    city: 'Nantes',
    email: 'contact@mutuelle-ouest.example',
    phone: '02 40 12 34 56',
    releveEmail: 'releves@mutuelle-ouest.example',
  });
  const bare = insurer({ addressLine1: null, postcode: null, city: null, email: null, phone: null, releveEmail: null });
  assert.deepEqual(insurerFieldsOf(/** @type {any} */ (bare)), { ...emptyInsurerFields(), name: 'Mutuelle de l’Ouest' });
});

test('the create input: trimmed, empty optional fields left out', () => {
  assert.deepEqual(insurerFieldsToInput({ ...emptyInsurerFields(), name: '  Assurances du Rhône ' }), { name: 'Assurances du Rhône' });
  assert.deepEqual(insurerFieldsToInput({
    name: 'Assurances du Rhône', addressLine1: ' 25 cours Lafayette ', postcode: '69003', city: 'Lyon',
    email: '', phone: ' 04 72 00 00 00', releveEmail: 'releves@assurances-rhone.example',
  }), {
    name: 'Assurances du Rhône', addressLine1: '25 cours Lafayette', postcode: '69003', city: 'Lyon',
    phone: '04 72 00 00 00', releveEmail: 'releves@assurances-rhone.example',
  });
  assert.deepEqual(insurerFieldsToInput(emptyInsurerFields()), { name: '' }, 'an empty name is the backend’s to refuse (invalid:name)');
});

test('the update holds only what changed; nothing changed gives {}', () => {
  const r = /** @type {any} */ (insurer());
  assert.deepEqual(insurerUpdateOf(r, insurerFieldsOf(r)), {});
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), city: ' Nantes ', name: 'Mutuelle de l’Ouest ' }), {}, 'spaces around are not a change');
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), addressLine1: '1 place Royale', postcode: '44001' }), { addressLine1: '1 place Royale', postcode: '44001' });
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), name: 'Mutuelle Ouest' }), { name: 'Mutuelle Ouest' });
});

test('an emptied optional field is sent as "" (cleared); a field filled in for the first time is sent', () => {
  const r = /** @type {any} */ (insurer({ releveEmail: null }));
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), email: '  ', releveEmail: 'releves@mutuelle-ouest.example' }),
    { email: '', releveEmail: 'releves@mutuelle-ouest.example' });
});

test('the phone is compared digits only: its display form is not a change', () => {
  const r = /** @type {any} */ (insurer());
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), phone: '02.40.12.34.56' }), {});
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), phone: '02 40 12 34 57' }), { phone: '02 40 12 34 57' });
  assert.deepEqual(insurerUpdateOf(r, { ...insurerFieldsOf(r), phone: '' }), { phone: '' });
});

test('the address on one line', () => {
  assert.equal(insurerAddress(insurer()), '4 quai de la Fosse, 44000 Nantes');
  assert.equal(insurerAddress(insurer({ addressLine1: null })), '44000 Nantes');
  assert.equal(insurerAddress(insurer({ postcode: null })), '4 quai de la Fosse, Nantes');
  assert.equal(insurerAddress(insurer({ addressLine1: ' ', postcode: null, city: null })), '');
});

test('suggestions: the agency’s insurers first, then the usual ones, without duplicates', () => {
  assert.deepEqual(insurerSuggestions([], ['AXA', 'MAAF']), ['AXA', 'MAAF']);
  assert.deepEqual(insurerSuggestions(['Mutuelle de l’Ouest', 'maaf', ' Covea ', ''], ['AXA', 'Covéa', 'MAAF']),
    ['Mutuelle de l’Ouest', 'maaf', 'Covea', 'AXA']);
  assert.deepEqual(insurerSuggestions(['A', 'a', 'A  '], []), ['A']);
  const all = insurerSuggestions(['AXA', 'Garantie Mutuelle des Artisans']);
  assert.equal(all.length, COMMON_INSURERS.length + 1, 'the usual list by default, AXA once');
  assert.equal(all[0], 'AXA');
  assert.equal(nameKey(' Covéa  Assurances '), 'covea assurances');
});

test('each change of an insurer: "Corrigé le … — motif", and what it replaced', () => {
  const before = {
    name: 'Mutuelle de l’Ouest', address_line1: '2 rue Crébillon', postcode: '44000', city: 'Nantes',
    email: 'contact@mutuelle-ouest.example', phone: '0240000000', releve_email: null,
  };
  const r = insurer({ revisions: [{ previous: before, reason: 'Déménagement du siège', recordedAt: '2026-12-01T10:00:00Z' }] });
  const [v] = insurerRevisionViews(/** @type {any} */ (r));
  assert.equal(v.summary, 'Corrigé le 01/12/2026 — Déménagement du siège');
  assert.deepEqual(v.changes.map((c) => c.field), ['address_line1', 'phone', 'releve_email']);
  assert.deepEqual(v.changes.map((c) => c.text), [
    'Adresse : « 2 rue Crébillon » → « 4 quai de la Fosse »',
    'Téléphone : « 02 40 00 00 00 » → « 02 40 12 34 56 »',
    'E-mail des demandes de relevé : (vide) → « releves@mutuelle-ouest.example »',
  ]);
  assert.deepEqual(Object.keys(insurerSnapshot(/** @type {any} */ (r))), Object.keys(before), 'the snapshot has the keys of `previous`');
});

test('successive changes are each compared with the next one’s earlier values; none: []', () => {
  const base = insurerSnapshot(/** @type {any} */ (insurer()));
  const r = insurer({
    name: 'Mutuelle Ouest',
    revisions: [
      { previous: { ...base, city: 'Saint-Herblain' }, reason: null, recordedAt: '2026-11-01T10:00:00Z' },
      { previous: base, reason: 'Nouveau nom', recordedAt: '2026-12-01T10:00:00Z' },
    ],
  });
  const views = insurerRevisionViews(/** @type {any} */ (r));
  assert.deepEqual(views.map((v) => v.changes.map((c) => c.field)), [['city'], ['name']]);
  assert.equal(views[0].summary, 'Corrigé le 01/11/2026');
  assert.deepEqual(insurerRevisionViews(/** @type {any} */ (insurer())), []);
});
