// Form values → ClientInput, record → form values, backend error codes → control ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  controlId,
  emptyFields,
  fieldIdForError,
  fieldsToInput,
  parseFieldError,
  recordToFields,
} from '../../ui/js/clientInput.js';

const person = () => ({
  ...emptyFields(),
  civility: 'Mme',
  lastName: '  Durand ',
  firstName: 'Élodie',
  birthDate: '23/11/1980',
  addresses: [{ kind: 'principale', line1: '12 rue des Lilas', line2: '', postcode: '75011', city: 'Paris', country: '' }],
  phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
  emails: [{ kind: 'personnel', address: ' elodie@exemple.fr ' }],
  status: 'client',
  source: 'Recommandation',
  notes: '  Ligne 1\r\nLigne 2  ',
});

test('a person: trimmed values, ISO birth date, default country, empty → null', () => {
  const { input, rows } = fieldsToInput(person());
  assert.deepEqual(input, {
    kind: 'person',
    civility: 'Mme',
    lastName: 'Durand',
    firstName: 'Élodie',
    companyName: null,
    siren: null,
    birthDate: '1980-11-23',
    addresses: [{ kind: 'principale', line1: '12 rue des Lilas', line2: null, postcode: '75011', city: 'Paris', country: 'France' }],
    phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
    emails: [{ kind: 'personnel', address: 'elodie@exemple.fr' }],
    profession: null,
    status: 'client',
    source: 'Recommandation',
    assignedBroker: null,
    notes: 'Ligne 1\nLigne 2',
  });
  assert.deepEqual(rows, { addresses: [0], phones: [0], emails: [0] });
});

test('the blank form gives a valid-shaped input with empty lists', () => {
  const { input } = fieldsToInput(emptyFields());
  assert.equal(input.kind, 'person');
  assert.equal(input.status, 'prospect');
  assert.deepEqual(input.addresses, []);
  assert.deepEqual(input.phones, []);
  assert.deepEqual(input.emails, []);
  assert.equal(input.lastName, null);
  assert.equal(input.birthDate, null);
  // Every key of the contract is present.
  assert.deepEqual(Object.keys(input).sort(), [
    'addresses', 'assignedBroker', 'birthDate', 'civility', 'companyName', 'emails', 'firstName', 'kind',
    'lastName', 'notes', 'phones', 'profession', 'siren', 'source', 'status',
  ]);
});

test('an ISO date from a date input is kept; an unreadable one is sent as typed', () => {
  assert.equal(fieldsToInput({ ...person(), birthDate: '1980-11-23' }).input.birthDate, '1980-11-23');
  assert.equal(fieldsToInput({ ...person(), birthDate: '31/02/1980' }).input.birthDate, '31/02/1980');
  assert.equal(fieldsToInput({ ...person(), birthDate: '   ' }).input.birthDate, null);
});

test('a company: no civility nor birth date; company name and SIREN kept', () => {
  const f = { ...person(), kind: 'company', companyName: ' Transports Durand SARL ', siren: '732 829 320' };
  const { input } = fieldsToInput(f);
  assert.equal(input.kind, 'company');
  assert.equal(input.civility, null);
  assert.equal(input.birthDate, null);
  assert.equal(input.companyName, 'Transports Durand SARL');
  assert.equal(input.siren, '732 829 320');
  assert.equal(input.lastName, 'Durand', 'the contact name stays');
});

test('a person never sends company fields left over from switching kind', () => {
  const { input } = fieldsToInput({ ...person(), companyName: 'Reste', siren: '123' });
  assert.equal(input.companyName, null);
  assert.equal(input.siren, null);
});

test('empty rows are dropped and the row map remembers where each sent row came from', () => {
  const f = {
    ...person(),
    addresses: [
      { kind: 'principale', line1: '', line2: '', postcode: '', city: '', country: 'France' },
      { kind: 'correspondance', line1: '1 place du Marché', line2: '', postcode: '7500', city: 'Paris', country: 'France' },
    ],
    phones: [{ kind: 'fixe', number: '' }, { kind: 'fixe', number: '' }, { kind: 'fixe', number: '0140000000' }],
    emails: [],
  };
  const { input, rows } = fieldsToInput(f);
  assert.equal(input.addresses.length, 1);
  assert.equal(input.addresses[0].kind, 'correspondance');
  assert.deepEqual(input.phones, [{ kind: 'fixe', number: '0140000000' }]);
  assert.deepEqual(rows, { addresses: [1], phones: [2], emails: [] });
  assert.equal(fieldIdForError('invalid:addresses[0].postcode', rows), 'cf-addresses-1-postcode');
  assert.equal(fieldIdForError('invalid:phones[0].number', rows), 'cf-phones-2-number');
});

test('unknown enum values fall back to the safe defaults', () => {
  const f = { ...person(), kind: 'alien', civility: 'Dr', status: 'vip', phones: [{ kind: 'fax', number: '01' }], emails: [{ kind: 'x', address: 'a@b.fr' }] };
  const { input } = fieldsToInput(f);
  assert.equal(input.kind, 'person');
  assert.equal(input.civility, null);
  assert.equal(input.status, 'prospect');
  assert.equal(input.phones[0].kind, 'mobile');
  assert.equal(input.emails[0].kind, 'personnel');
});

test('record → form → input round-trips', () => {
  const record = {
    id: 3, displayName: 'Élodie Durand', archived: false, createdAt: '', updatedAt: '', household: null,
    ...fieldsToInput(person()).input,
  };
  const back = fieldsToInput(recordToFields(/** @type {any} */ (record))).input;
  const { id, displayName, archived, createdAt, updatedAt, household, ...input } = record;
  assert.deepEqual(back, input);
});

test('a record without phones or e-mails still shows one empty row of each', () => {
  const f = recordToFields(/** @type {any} */ ({ kind: 'person', status: 'prospect', addresses: [], phones: [], emails: [], notes: null }));
  assert.equal(f.addresses.length, 1);
  assert.equal(f.phones.length, 1);
  assert.equal(f.emails.length, 1);
  assert.equal(f.addresses[0].country, 'France');
  assert.equal(f.notes, '');
});

test('validation codes name the field', () => {
  assert.deepEqual(parseFieldError('invalid:lastName'), { list: null, index: null, name: 'lastName' });
  assert.deepEqual(parseFieldError('invalid:addresses[0].postcode'), { list: 'addresses', index: 0, name: 'postcode' });
  assert.deepEqual(parseFieldError('invalid:emails[12].address'), { list: 'emails', index: 12, name: 'address' });
  assert.equal(parseFieldError('wrong_key'), null);
  assert.equal(parseFieldError('invalid:'), null);
  assert.equal(parseFieldError('invalid:foo[0].bar'), null);
});

test('codes map to control ids', () => {
  assert.equal(fieldIdForError('invalid:lastName'), 'cf-lastName');
  assert.equal(fieldIdForError('invalid:birthDate'), 'cf-birthDate');
  assert.equal(fieldIdForError('invalid:siren'), 'cf-siren');
  assert.equal(fieldIdForError('invalid:addresses[0].postcode'), 'cf-addresses-0-postcode');
  assert.equal(fieldIdForError('invalid:addresses[1].city', { addresses: [0, 1], phones: [], emails: [] }), 'cf-addresses-1-city');
  assert.equal(fieldIdForError('invalid:phones[0].number'), 'cf-phones-0-number');
  assert.equal(fieldIdForError('invalid:emails[0].address'), 'cf-emails-0-address');
  assert.equal(fieldIdForError('not_found'), null);
  assert.equal(controlId('postcode', { list: 'addresses', index: 3 }), 'cf-addresses-3-postcode');
});
