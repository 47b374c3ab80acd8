// Contract, vehicle, driver and relevé form values → the backend commands' JSON inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DRIVER_ROLES,
  PRODUCTS,
  TERMINATED_BY,
  addOneYear,
  contractCorrectionFieldsOf,
  contractFieldsToInput,
  contractUpdateOf,
  dateText,
  amountText,
  decimalText,
  driverCorrectionFieldsOf,
  driverFieldsToInput,
  driverUpdateOf,
  emptyContractFields,
  emptyDriverFields,
  emptyPerson,
  emptyReleveClaim,
  emptyReleveFields,
  emptyVehicleFields,
  isCoefficient,
  releveFieldsToDocument,
  textOrNull,
  vehicleCorrectionFieldsOf,
  vehicleFieldsToInput,
  vehicleUpdateOf,
} from '../../ui/js/contractInput.js';
import { has } from '../../ui/js/i18n/index.js';
import { parseHundredths } from '../../ui/js/coefficient.js';
import { fieldOfError } from '../../ui/js/fieldError.js';

test('decimals typed the French way are sent with a dot; empty is null', () => {
  assert.equal(decimalText('350,00'), '350.00');
  assert.equal(decimalText(' 1 234,5 € '), '1234.5');
  assert.equal(decimalText('1\u202F234,50\u00A0€'), '1234.50');
  assert.equal(decimalText('0,85'), '0.85');
  assert.equal(decimalText('0.85'), '0.85');
  assert.equal(decimalText('1'), '1');
  assert.equal(decimalText('   '), null);
  assert.equal(decimalText(''), null);
  assert.equal(decimalText(undefined), null);
  assert.equal(decimalText('abc'), 'abc', 'left for the backend to refuse, in French');
});

test('texts are trimmed, empty → null; dates become ISO, unreadable ones are kept as typed', () => {
  assert.equal(textOrNull('  Renault '), 'Renault');
  assert.equal(textOrNull('  '), null);
  assert.equal(textOrNull(null), null);
  assert.equal(dateText('2026-03-15'), '2026-03-15');
  assert.equal(dateText('15/03/2026'), '2026-03-15');
  assert.equal(dateText(' '), null);
  assert.equal(dateText('31/02/2026'), '31/02/2026');
});

test('one year after: same day, 29 February → 28 February, nonsense → null', () => {
  assert.equal(addOneYear('2026-03-15'), '2027-03-15');
  assert.equal(addOneYear('2026-12-31'), '2027-12-31');
  assert.equal(addOneYear('2024-02-29'), '2025-02-28');
  assert.equal(addOneYear('2027-02-28'), '2028-02-28');
  assert.equal(addOneYear('2026-02-30'), null);
  assert.equal(addOneYear(''), null);
  assert.equal(addOneYear('15/03/2026'), null);
  assert.equal(addOneYear(null), null);
});

test('the blank contract form: auto, today, first échéance a year later, clause, 1,00', () => {
  const f = emptyContractFields('2026-03-15');
  assert.equal(f.product, 'auto');
  assert.equal(f.subscriptionDate, '2026-03-15');
  assert.equal(f.firstEcheance, '2027-03-15');
  assert.equal(f.clauseApplies, true);
  assert.equal(f.startCoefficient, '1,00');
  assert.equal(f.status, 'en_cours');
  assert.equal(f.usage, 'standard');
  assert.equal(f.premiums.length, 1, 'at least one premium row');
});

test('a contract: every key of ContractDraft, French decimals converted, blank lines dropped', () => {
  const f = {
    ...emptyContractFields('2026-03-15'),
    insurer: ' MAAF ',
    number: ' AU-778 ',
    startCoefficient: '0,85',
    premiums: [
      { guarantee: '', amount: '', modulated: true },
      { guarantee: ' Responsabilité civile ', amount: '350,00', modulated: true },
      { guarantee: '  ', amount: ' ', modulated: false },
      { guarantee: 'Assistance', amount: '45', modulated: false },
    ],
  };
  const { input, rows } = contractFieldsToInput(12, f);
  assert.deepEqual(input, {
    clientId: 12,
    insurer: 'MAAF',
    number: 'AU-778',
    product: 'auto',
    subscriptionDate: '2026-03-15',
    firstEcheance: '2027-03-15',
    usage: 'standard',
    clauseApplies: true,
    startCoefficient: '0.85',
    status: 'en_cours',
    premiums: [
      { guarantee: 'Responsabilité civile', amount: '350.00', modulated: true },
      { guarantee: 'Assistance', amount: '45', modulated: false },
    ],
  });
  assert.deepEqual(rows, [1, 3]);
});

test('an empty first échéance defaults to one year after the subscription; an empty coefficient is null', () => {
  const f = { ...emptyContractFields('2026-03-15'), subscriptionDate: '29/02/2024', firstEcheance: '', startCoefficient: ' ', premiums: [] };
  const { input, rows } = contractFieldsToInput(1, f);
  assert.equal(input.subscriptionDate, '2024-02-29');
  assert.equal(input.firstEcheance, '2025-02-28');
  assert.equal(input.startCoefficient, null);
  assert.deepEqual(input.premiums, []);
  assert.deepEqual(rows, []);
});

test('a premium line with a guarantee but no amount is sent, so the backend names it', () => {
  const f = { ...emptyContractFields('2026-03-15'), premiums: [{ guarantee: 'Vol', amount: '', modulated: true }] };
  assert.deepEqual(contractFieldsToInput(1, f).input.premiums, [{ guarantee: 'Vol', amount: '', modulated: true }]);
});

test('a non-auto contract keeps what the form says (the clause box is the form’s business)', () => {
  const f = { ...emptyContractFields('2026-03-15'), product: 'habitation', clauseApplies: false, status: 'devis', usage: 'tournees' };
  const { input } = contractFieldsToInput(1, f);
  assert.equal(input.product, 'habitation');
  assert.equal(input.clauseApplies, false);
  assert.equal(input.status, 'devis');
  assert.equal(input.usage, 'tournees');
});

test('a vehicle: VehicleDraft keys, empty optional fields → null', () => {
  assert.deepEqual(vehicleFieldsToInput(9, { ...emptyVehicleFields('2026-03-15'), registration: ' ab-123-cd ', make: 'Renault', model: ' ' }), {
    contractId: 9,
    registration: 'ab-123-cd',
    make: 'Renault',
    model: null,
    firstRegistration: null,
    fromDate: '2026-03-15',
  });
  assert.equal(vehicleFieldsToInput(9, { ...emptyVehicleFields('2026-03-15'), firstRegistration: '02/05/2019' }).firstRegistration, '2019-05-02');
});

test('a driver: DriverDraft keys, client id passed through, empty → null', () => {
  const f = { ...emptyDriverFields('2026-03-15'), lastName: ' Durand ', firstName: '', licenceNumber: ' 12AB34 ', licenceDate: '2010-06-01', aac: true };
  assert.deepEqual(driverFieldsToInput(9, f), {
    contractId: 9,
    clientId: null,
    role: 'principal',
    lastName: 'Durand',
    firstName: null,
    birthDate: null,
    licenceNumber: '12AB34',
    licenceDate: '2010-06-01',
    aac: true,
    fromDate: '2026-03-15',
  });
  assert.equal(driverFieldsToInput(9, f, 4).clientId, 4);
});

test('coefficients: two decimals at most, 0,50 to 3,50', () => {
  for (const ok of ['0,85', '0.85', '1', '0,5', '3,50', ' 1,25 ']) assert.ok(isCoefficient(ok), ok);
  for (const bad of ['0,49', '3,51', '1,255', 'abc', '', '1.', ',5', '-1']) assert.ok(!isCoefficient(bad), bad);
});

test('the blank relevé: issued today, one empty claim row, standard usage', () => {
  const f = emptyReleveFields('2026-03-15');
  assert.equal(f.issuedOn, '2026-03-15');
  assert.equal(f.claims.length, 1);
  assert.equal(f.drivers.length, 0);
  assert.equal(f.usage, 'standard');
});

test('a relevé: the snake_case JSON of ReleveDocument, ISO dates, nulls, blank rows dropped', () => {
  const f = {
    ...emptyReleveFields('2026-03-15'),
    issuer: ' Groupama ',
    coefficient: '0,85',
    lastEcheance: '01/09/2025',
    stoppedOn: '2026-01-10',
    terminationReason: 'néant',
    policyholder: { ...emptyPerson(), lastName: 'Durand', firstName: 'Élodie', birthDate: '1980-11-23' },
    drivers: [emptyPerson(), { ...emptyPerson(), lastName: 'Durand', licenceNumber: '0912AB', licenceDate: '15/06/2009' }],
    claims: [
      emptyReleveClaim(),
      { date: '2024-05-02', kind: 'accident', responsibility: 'partial', driver: ' É. Durand ', open: /** @type {const} */ ('settled') },
      { date: '2025-11-20', kind: 'glass', responsibility: 'none', driver: '', open: /** @type {const} */ ('open') },
      { date: '2023-01-03', kind: 'theft', responsibility: 'none', driver: '', open: /** @type {const} */ ('') },
    ],
  };
  const { document, rows, problems } = releveFieldsToDocument(f);
  assert.deepEqual(problems, []);
  assert.deepEqual(document, {
    issued_on: '2026-03-15',
    issuer: 'Groupama',
    contract_number: null,
    subscription_date: null,
    registration: null,
    usage: 'standard',
    policyholder: { last_name: 'Durand', first_name: 'Élodie', birth_date: '1980-11-23', licence_number: null, licence_date: null },
    drivers: [{ last_name: 'Durand', first_name: null, birth_date: null, licence_number: '0912AB', licence_date: '2009-06-15' }],
    claims: [
      { date: '2024-05-02', kind: 'accident', responsibility: 'partial', driver: 'É. Durand', open: false },
      { date: '2025-11-20', kind: 'glass', responsibility: 'none', driver: null, open: true },
      { date: '2023-01-03', kind: 'theft', responsibility: 'none', driver: null, open: null },
    ],
    coefficient: '0.85',
    last_echeance: '2025-09-01',
    stopped_on: '2026-01-10',
    at_floor_since: null,
    termination_reason: 'néant',
  });
  assert.deepEqual(rows, { claims: [1, 2, 3], drivers: [1] });
  // Every key of the Rust struct is present.
  assert.deepEqual(Object.keys(document).sort(), [
    'at_floor_since', 'claims', 'coefficient', 'contract_number', 'drivers', 'issued_on', 'issuer', 'last_echeance',
    'policyholder', 'registration', 'stopped_on', 'subscription_date', 'termination_reason', 'usage',
  ]);
});

test('R17: a relevé may state since when the coefficient has been 0,50', () => {
  const f = { ...emptyReleveFields('2026-03-15'), coefficient: '0,50', atFloorSince: '01/04/2020' };
  assert.equal(releveFieldsToDocument(f).document.at_floor_since, '2020-04-01');
  const bad = releveFieldsToDocument({ ...f, atFloorSince: '31/02/2020' });
  assert.ok(bad.problems.some((p) => p.field === 'atFloorSince'));
  assert.ok(has('releveForm.atFloorSince'));
});

test('a relevé that does not state its usage sends null', () => {
  assert.equal(releveFieldsToDocument({ ...emptyReleveFields('2026-03-15'), usage: '' }).document.usage, null);
  assert.equal(releveFieldsToDocument({ ...emptyReleveFields('2026-03-15'), usage: 'tournees' }).document.usage, 'tournees');
});

test('relevé problems are found before sending, with the form path of the control', () => {
  const f = {
    ...emptyReleveFields('2026-03-15'),
    issuedOn: '',
    coefficient: '0,4',
    stoppedOn: '31/02/2026',
    drivers: [{ ...emptyPerson(), licenceDate: 'hier' }],
    claims: [emptyReleveClaim(), { ...emptyReleveClaim(), driver: 'Durand' }],
  };
  const { problems } = releveFieldsToDocument(f);
  assert.deepEqual(problems, [
    { field: 'issuedOn', key: 'releveForm.error.issuedOn' },
    { field: 'coefficient', key: 'releveForm.error.coefficient' },
    { field: 'drivers.0.licenceDate', key: 'releveForm.error.date' },
    { field: 'claims.1.date', key: 'releveForm.error.claimDate' },
    { field: 'stoppedOn', key: 'releveForm.error.date' },
  ]);
  for (const p of problems) assert.ok(has(p.key), p.key);
});

test('backend error codes → the form path of the control, through the row map', () => {
  assert.equal(fieldOfError('invalid:number'), 'number');
  assert.equal(fieldOfError('invalid:firstEcheance'), 'firstEcheance');
  assert.equal(fieldOfError('invalid:premiums[1].amount', { premiums: [0, 3] }), 'premiums.3.amount');
  assert.equal(fieldOfError('invalid:premiums[0].guarantee'), 'premiums.0.guarantee');
  assert.equal(fieldOfError('invalid:releve'), 'releve');
  assert.equal(fieldOfError('not_found'), null);
  assert.equal(fieldOfError('invalid:a.b'), null);
});

test('every option list has its French label', () => {
  for (const [, key] of [...PRODUCTS, ...DRIVER_ROLES, ...TERMINATED_BY]) assert.ok(has(key), key);
  assert.deepEqual(TERMINATED_BY.map(([v]) => v), ['client', 'assureur', 'loi_hamon', 'loi_chatel', 'vente_vehicule', 'autre']);
  assert.deepEqual(PRODUCTS.map(([v]) => v), ['auto', 'habitation', 'sante', 'prevoyance', 'autre']);
});

test('an amendment keeps its non-blank premium lines and where they came from', async () => {
  const { avenantFieldsToInput } = await import('../../ui/js/contractInput.js');
  const r = avenantFieldsToInput({
    onDate: '2026-06-01',
    details: '  Ajout bris de glace ',
    premiums: [
      { guarantee: '', amount: '', modulated: true },
      { guarantee: 'Bris de glace', amount: '1 060,5', modulated: true },
    ],
  });
  assert.deepEqual(r, {
    input: { onDate: '2026-06-01', details: 'Ajout bris de glace', premiums: [{ guarantee: 'Bris de glace', amount: '1060.5', modulated: true }] },
    rows: [1],
  });
});

/** A contract as `contract_get` sends it (the fields a correction touches). */
const contractRecord = (over = {}) => ({
  id: 9, clientId: 3, insurer: 'MAAF', number: 'AU-778', product: 'auto', subscriptionDate: '2026-01-15',
  firstEcheance: '2027-01-15', usage: 'standard', clauseApplies: true, startCoefficient: '0.85', status: 'en_cours',
  revisions: [], ...over,
});
const vehicleRecord = (over = {}) => ({
  id: 4, registration: 'AB-123-CD', make: 'Renault', model: null, firstRegistration: '2020-05-02', fromDate: '2026-01-15',
  toDate: null, replacedBy: null, transferNote: null, otherDrivers: false, revisions: [], ...over,
});
const driverRecord = (over = {}) => ({
  id: 8, clientId: null, role: 'principal', lastName: 'Durand', firstName: 'Paul', birthDate: null, licenceNumber: '12AB',
  licenceDate: '2010-05-01', aac: false, novice: false, fromDate: '2026-01-15', toDate: null, revisions: [], ...over,
});

test('coefficients in hundredths, whichever way they are written', () => {
  assert.equal(parseHundredths('0.85'), 85);
  assert.equal(parseHundredths('0,85'), 85);
  assert.equal(parseHundredths('0,8'), 80);
  assert.equal(parseHundredths('1'), 100);
  assert.equal(parseHundredths(' 1,00 '), 100);
  assert.equal(parseHundredths('3.50'), 350);
  assert.equal(parseHundredths('0,855'), null);
  assert.equal(parseHundredths('abc'), null);
  assert.equal(parseHundredths(''), null);
  assert.equal(parseHundredths(null), null);
});

test('contract correction: prefilled from the record, the coefficient the French way', () => {
  assert.deepEqual(contractCorrectionFieldsOf(/** @type {any} */ (contractRecord())), {
    number: 'AU-778', product: 'auto', subscriptionDate: '2026-01-15', firstEcheance: '2027-01-15',
    usage: 'standard', clauseApplies: true, startCoefficient: '0,85',
  });
});

test('contract correction: unchanged → {}; only what changed is sent', () => {
  const k = /** @type {any} */ (contractRecord());
  const f = contractCorrectionFieldsOf(k);
  assert.deepEqual(contractUpdateOf(k, f), {});
  assert.deepEqual(contractUpdateOf(k, { ...f, number: ' AU-778 ', startCoefficient: '0.85' }), {}, 'trimmed, and 0.85 is 0,85');
  assert.deepEqual(contractUpdateOf(k, { ...f, startCoefficient: '0,8' }), { startCoefficient: '0.8' }, '0,8 is not 0,85');
  assert.deepEqual(contractUpdateOf(k, { ...f, number: ' AU-779 ', subscriptionDate: '14/01/2026', clauseApplies: false }),
    { number: 'AU-779', subscriptionDate: '2026-01-14', clauseApplies: false });
  assert.deepEqual(contractUpdateOf(k, { ...f, product: 'habitation', usage: 'tournees', firstEcheance: '2026-12-31' }),
    { product: 'habitation', usage: 'tournees', firstEcheance: '2026-12-31' });
});

test('contract correction: coefficient "0,85" → "0.85"; compared by value; empty is 1,00', () => {
  const k = /** @type {any} */ (contractRecord({ startCoefficient: '1.00' }));
  const f = contractCorrectionFieldsOf(k);
  assert.equal(f.startCoefficient, '1,00');
  assert.deepEqual(contractUpdateOf(k, { ...f, startCoefficient: '0,85' }), { startCoefficient: '0.85' });
  assert.deepEqual(contractUpdateOf(k, { ...f, startCoefficient: '1' }), {}, '1 is 1,00');
  assert.deepEqual(contractUpdateOf(k, { ...f, startCoefficient: '' }), {}, 'empty is 1,00: nothing changes');
  const low = /** @type {any} */ (contractRecord());
  assert.deepEqual(contractUpdateOf(low, { ...contractCorrectionFieldsOf(low), startCoefficient: ' ' }), { startCoefficient: '' }, 'emptied: back to 1,00');
  assert.deepEqual(contractUpdateOf(low, { ...contractCorrectionFieldsOf(low), startCoefficient: 'abc' }), { startCoefficient: 'abc' }, 'unreadable: sent for the backend to name');
  assert.deepEqual(contractUpdateOf(low, { ...contractCorrectionFieldsOf(low), number: '' }), { number: '' }, 'an emptied required field is sent: the backend names it');
});

test('vehicle correction: prefilled; unchanged → {}; cleared optional → ""; exit date', () => {
  const v = /** @type {any} */ (vehicleRecord());
  const f = vehicleCorrectionFieldsOf(v);
  assert.deepEqual(f, { registration: 'AB-123-CD', make: 'Renault', model: '', firstRegistration: '2020-05-02', fromDate: '2026-01-15', toDate: '' });
  assert.deepEqual(vehicleUpdateOf(v, f), {});
  assert.deepEqual(vehicleUpdateOf(v, { ...f, make: ' Renault ', model: '  ' }), {});
  assert.deepEqual(vehicleUpdateOf(v, { ...f, make: '', firstRegistration: '' }), { make: '', firstRegistration: '' });
  assert.deepEqual(vehicleUpdateOf(v, { ...f, registration: ' AB-123-CE ', model: 'Clio', toDate: '01/03/2026' }),
    { registration: 'AB-123-CE', model: 'Clio', toDate: '2026-03-01' });
  const ended = /** @type {any} */ (vehicleRecord({ toDate: '2026-03-01' }));
  assert.deepEqual(vehicleUpdateOf(ended, { ...vehicleCorrectionFieldsOf(ended), toDate: '' }), { toDate: '' }, 'on the contract again');
});

test('driver correction: prefilled; unchanged → {}; cleared optional → ""; end of the designation', () => {
  const d = /** @type {any} */ (driverRecord());
  const f = driverCorrectionFieldsOf(d);
  assert.deepEqual(f, {
    role: 'principal', lastName: 'Durand', firstName: 'Paul', birthDate: '', licenceNumber: '12AB',
    licenceDate: '2010-05-01', aac: false, fromDate: '2026-01-15', toDate: '',
  });
  assert.deepEqual(driverUpdateOf(d, f), {});
  assert.deepEqual(driverUpdateOf(d, { ...f, firstName: '', licenceNumber: ' ', licenceDate: '' }), { firstName: '', licenceNumber: '', licenceDate: '' });
  assert.deepEqual(driverUpdateOf(d, { ...f, role: 'secondaire', aac: true, birthDate: '3/7/1990', toDate: '2026-06-30' }),
    { role: 'secondaire', birthDate: '1990-07-03', aac: true, toDate: '2026-06-30' });
  const ended = /** @type {any} */ (driverRecord({ toDate: '2026-06-30' }));
  assert.deepEqual(driverUpdateOf(ended, { ...driverCorrectionFieldsOf(ended), toDate: '' }), { toDate: '' }, 'designated again');
  assert.deepEqual(driverUpdateOf(d, { ...f, fromDate: '31/02/2026' }), { fromDate: '31/02/2026' }, 'unreadable date sent as typed');
});

test('R17: the counters carried from a relevé are sent with the new contract, only when given', () => {
  const f = { ...emptyContractFields('2026-03-15'), insurer: 'MAAF', number: 'N-1', startCoefficient: '0,50', premiums: [] };
  assert.equal('startClaimFreeStreak' in contractFieldsToInput(1, f).input, false);
  const { input } = contractFieldsToInput(1, { ...f, startClaimFreeStreak: 6, startPeriodsAtFloor: 5 });
  assert.equal(input.startCoefficient, '0.50');
  assert.equal(input.startClaimFreeStreak, 6);
  assert.equal(input.startPeriodsAtFloor, 5);
  assert.ok(has('contractForm.startCounters'));
});

test('a malformed amount or coefficient is sent as typed, so its refusal echoes what the broker wrote', () => {
  const f = { ...emptyContractFields('2026-03-15'), startCoefficient: ' 0,8,5 ', premiums: [{ guarantee: 'Vol', amount: ' 12,3,4 ', modulated: true }] };
  const { input } = contractFieldsToInput(1, f);
  assert.deepEqual(input.premiums, [{ guarantee: 'Vol', amount: '12,3,4', modulated: true }]);
  assert.equal(input.startCoefficient, '0,8,5');
  assert.equal(amountText(' 1 234,56 € '), '1234.56');
  assert.equal(amountText('12.3,4'), '12.3,4');
  assert.equal(amountText('-5'), '-5');
  assert.equal(amountText('  '), null);
});
