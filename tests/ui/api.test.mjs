// api.js over a fake invoke: command names, argument names, error normalisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, api, createApi, toApiError } from '../../ui/js/api.js';

/** A fake invoke recording calls and answering `reply`. */
function fake(reply = () => ({})) {
  /** @type {[string, unknown][]} */
  const calls = [];
  const invoke = async (cmd, args) => {
    calls.push([cmd, args]);
    return reply(cmd, args);
  };
  return { calls, api: createApi(invoke) };
}

test('every command is called with the contract name and camelCase argument keys', async () => {
  const { calls, api: a } = fake();
  const input = { kind: 'person', lastName: 'Durand' };
  const query = { page: 2, pageSize: 50, sort: 'city', descending: true, status: 'client', includeArchived: false };
  await a.agencyOpen();
  await a.agencyCreateWithPassphrase('une phrase longue');
  await a.agencyUnlockWithPassphrase('une phrase longue');
  await a.agencyUnlockWithRecoveryKey('ABCD-EFGH');
  await a.agencyStatus();
  await a.agencyVerification();
  await a.demoLoad(200);
  await a.clientList(/** @type {any} */ (query));
  await a.clientSearch('dup', 50);
  await a.clientGet(7);
  await a.clientCreate(/** @type {any} */ (input));
  await a.clientUpdate(7, /** @type {any} */ (input));
  await a.clientUpdate(7, /** @type {any} */ (input), 3);
  await a.clientUpdate(7, /** @type {any} */ (input), 3, 'Déménagement');
  await a.clientArchive(7);
  await a.clientRestore(7);
  await a.householdLink(7, 9);
  await a.householdLeave(7);
  assert.deepEqual(calls, [
    ['agency_open', {}],
    ['agency_create_with_passphrase', { passphrase: 'une phrase longue' }],
    ['agency_unlock_with_passphrase', { passphrase: 'une phrase longue' }],
    ['agency_unlock_with_recovery_key', { recoveryKey: 'ABCD-EFGH' }],
    ['agency_status', {}],
    ['agency_verification', {}],
    ['demo_load', { clients: 200 }],
    ['client_list', { query }],
    ['client_search', { text: 'dup', limit: 50 }],
    ['client_get', { id: 7 }],
    ['client_create', { input }],
    ['client_update', { id: 7, input }],
    ['client_update', { id: 7, input, expectedVersion: 3 }],
    ['client_update', { id: 7, input, expectedVersion: 3, reason: 'Déménagement' }],
    ['client_archive', { id: 7 }],
    ['client_restore', { id: 7 }],
    ['household_link', { clientId: 7, withClientId: 9 }],
    ['household_leave', { clientId: 7 }],
  ]);
});

test('contract, vehicle, driver and relevé commands: names and camelCase argument keys', async () => {
  const { calls, api: a } = fake();
  const contract = {
    clientId: 3, insurer: 'MAAF', number: 'AU-1', product: 'auto', subscriptionDate: '2026-01-15',
    firstEcheance: '2027-01-15', usage: 'standard', clauseApplies: true, startCoefficient: '0.85',
    status: 'en_cours', premiums: [{ guarantee: 'Responsabilité civile', amount: '350.00', modulated: true }],
  };
  const vehicle = { contractId: 9, registration: 'AB-123-CD', make: 'Renault', model: 'Clio', firstRegistration: null, fromDate: '2026-01-15' };
  const driver = {
    contractId: 9, clientId: null, role: 'principal', lastName: 'Durand', firstName: null, birthDate: null,
    licenceNumber: null, licenceDate: '2010-05-01', aac: false, fromDate: '2026-01-15',
  };
  const document = {
    issued_on: '2026-01-10', issuer: null, contract_number: null, subscription_date: null, registration: null,
    usage: 'standard', policyholder: { last_name: 'Durand', first_name: null, birth_date: null, licence_number: null, licence_date: null },
    drivers: [], claims: [], coefficient: '0.85', last_echeance: '2025-09-01', stopped_on: '2026-01-10', termination_reason: null,
  };
  await a.contractCreate(/** @type {any} */ (contract));
  await a.contractSuspend(9, '2026-03-01', '2026-06-01');
  await a.contractTerminate(9, '2026-12-31', 'loi_hamon', 'Moins cher ailleurs');
  await a.contractTerminate(9, '2026-12-31', 'client', null);
  await a.vehicleAdd(/** @type {any} */ (vehicle));
  await a.vehicleReplace(4, /** @type {any} */ (vehicle), true);
  await a.driverAdd(/** @type {any} */ (driver));
  await a.releveRecord(3, /** @type {any} */ (document));
  assert.deepEqual(calls, [
    ['contract_create', { input: contract }],
    ['contract_suspend', { id: 9, from: '2026-03-01', to: '2026-06-01' }],
    ['contract_terminate', { id: 9, onDate: '2026-12-31', terminatedBy: 'loi_hamon', reason: 'Moins cher ailleurs' }],
    ['contract_terminate', { id: 9, onDate: '2026-12-31', terminatedBy: 'client', reason: null }],
    ['vehicle_add', { input: vehicle }],
    ['vehicle_replace', { oldVehicleId: 4, input: vehicle, sameOrFewerDrivers: true }],
    ['driver_add', { input: driver }],
    ['releve_record', { clientId: 3, document }],
  ]);
  // The relevé keeps its own snake_case keys: only the command's argument names are camelCase.
  assert.ok(Object.hasOwn(/** @type {any} */ (calls[7][1]).document, 'issued_on'));
});

test('claim page commands: names and camelCase argument keys', async () => {
  const { calls, api: a } = fake();
  const update = { occurredOn: '2025-06-09', place: 'Lyon', vehicleId: 0, reason: 'Date erronée' };
  const amount = { kind: 'reglement', amount: '1250.50', onDate: '2025-07-01', note: null };
  const party = { role: 'expert', name: 'Cabinet Martin', phone: '0612345678', email: null, address: null, reference: 'EXP-1' };
  const communication = { partyId: 4, at: '2025-06-12T09:30', channel: 'telephone', direction: 'entrant', summary: 'RDV expertise' };
  await a.claimGet(12);
  await a.claimUpdate(12, /** @type {any} */ (update));
  await a.claimAmountAdd(12, /** @type {any} */ (amount));
  await a.claimSetStatus(12, 'en_expertise', '2025-06-15', 'Expert missionné');
  await a.claimSetStatus(12, 'clos', '2025-08-01', null);
  await a.claimPartyAdd(12, /** @type {any} */ (party));
  await a.claimCommunicationAdd(12, /** @type {any} */ (communication));
  await a.claimRequalify(12, 'partial', '2025-09-01', null);
  assert.deepEqual(calls, [
    ['claim_get', { claimId: 12 }],
    ['claim_update', { claimId: 12, update }],
    ['claim_amount_add', { claimId: 12, amount }],
    ['claim_set_status', { claimId: 12, status: 'en_expertise', onDate: '2025-06-15', note: 'Expert missionné' }],
    ['claim_set_status', { claimId: 12, status: 'clos', onDate: '2025-08-01', note: null }],
    ['claim_party_add', { claimId: 12, party }],
    ['claim_communication_add', { claimId: 12, communication }],
    ['claim_requalify', { claimId: 12, responsibility: 'partial', foundOn: '2025-09-01', note: null }],
  ]);
});

test('aggravation commands: names and camelCase argument keys', async () => {
  const { calls, api: a } = fake();
  const onClaim = { fact: 'alcohol', onDate: null, suspensionMonths: null, suspensionFrom: null, suspensionTo: null, causedBy: null, note: 'PV' };
  const onDriver = { ...onClaim, fact: 'suspension', onDate: '2026-04-01', suspensionMonths: 8, causedBy: 3, note: null };
  await a.claimAggravationAdd(12, onClaim);
  await a.driverAggravationAdd(8, onDriver);
  await a.aggravationWithdraw(3, 'Erreur de saisie');
  assert.deepEqual(calls, [
    ['claim_aggravation_add', { claimId: 12, input: onClaim }],
    ['driver_aggravation_add', { driverId: 8, input: onDriver }],
    ['aggravation_withdraw', { id: 3, reason: 'Erreur de saisie' }],
  ]);
});

test('correction commands: names, { id, update } arguments, only the fields given', async () => {
  const { calls, api: a } = fake();
  const contract = { number: 'AU-779', startCoefficient: '0.85', clauseApplies: false, reason: 'Erreur de saisie' };
  const vehicle = { registration: 'AB-123-CE', model: '', reason: 'Plaque mal recopiée' };
  const driver = { toDate: '2026-06-30', aac: true, reason: 'Ne conduit plus le véhicule' };
  await a.contractUpdate(9, contract);
  await a.vehicleUpdate(4, vehicle);
  await a.driverUpdate(8, driver);
  assert.deepEqual(calls, [
    ['contract_update', { id: 9, update: contract }],
    ['vehicle_update', { id: 4, update: vehicle }],
    ['driver_update', { id: 8, update: driver }],
  ]);
  assert.deepEqual(Object.keys(/** @type {any} */ (calls[1][1]).update), ['registration', 'model', 'reason'], 'nothing added to the update');
});

test('a correction that changes nothing comes back as invalid_operation, in French', async () => {
  const { api: a } = fake(() => {
    throw { code: 'invalid_operation', message: 'aucune modification à enregistrer' };
  });
  await assert.rejects(a.driverUpdate(8, { reason: 'x' }), { code: 'invalid_operation', message: 'aucune modification à enregistrer' });
  const { api: b } = fake(() => {
    throw { code: 'invalid:toDate', message: 'La fin de la désignation ne peut précéder son début.' };
  });
  await assert.rejects(b.driverUpdate(8, { toDate: '2020-01-01', reason: 'x' }), { code: 'invalid:toDate' });
});

test('insurer commands: names and camelCase argument keys', async () => {
  const record = { id: 3, name: 'Mutuelle de l’Ouest', addressLine1: null, postcode: null, city: null, email: null, phone: null, releveEmail: null, contracts: 0, revisions: [] };
  const { calls, api: a } = fake((cmd) => (cmd === 'insurer_list' ? [record] : record));
  const input = { name: 'Mutuelle de l’Ouest', postcode: '44000', releveEmail: 'releves@mutuelle-ouest.example' };
  const update = { city: 'Nantes', email: '', reason: 'Déménagement du siège' };
  assert.deepEqual(await a.insurerList(), [record]);
  assert.equal(await a.insurerCreate(input), record);
  assert.equal(await a.insurerUpdate(3, update), record);
  assert.deepEqual(calls, [
    ['insurer_list', {}],
    ['insurer_create', { input }],
    ['insurer_update', { id: 3, update }],
  ]);
  assert.deepEqual(Object.keys(/** @type {any} */ (calls[2][1]).update), ['city', 'email', 'reason'], 'nothing added to the update');
});

test('insurer errors keep their field code and French message', async () => {
  const { api: a } = fake(() => {
    throw { code: 'invalid:releveEmail', message: 'L’adresse e-mail « x » n’est pas valide (exemple : nom@domaine.fr).' };
  });
  await assert.rejects(a.insurerCreate({ name: 'X', releveEmail: 'x' }), { code: 'invalid:releveEmail' });
  const { api: b } = fake(() => {
    throw { code: 'invalid_operation', message: 'un assureur « MAAF » existe déjà' };
  });
  await assert.rejects(b.insurerUpdate(3, { name: 'MAAF', reason: 'x' }), { code: 'invalid_operation', message: 'un assureur « MAAF » existe déjà' });
});

test('results are passed through unchanged', async () => {
  const page = { items: [{ id: 1 }], total: 1, page: 1, pageSize: 50 };
  const { api: a } = fake(() => page);
  assert.equal(await a.clientList(/** @type {any} */ ({})), page);
});

test('a backend error keeps its code and message', async () => {
  const { api: a } = fake(() => {
    throw { code: 'invalid:addresses[0].postcode', message: 'Le code postal « 7500 » doit compter 5 chiffres.' };
  });
  await assert.rejects(a.clientCreate(/** @type {any} */ ({})), (e) => {
    assert.ok(e instanceof ApiError);
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'invalid:addresses[0].postcode');
    assert.equal(e.message, 'Le code postal « 7500 » doit compter 5 chiffres.');
    return true;
  });
});

test('a string rejection becomes an internal error', async () => {
  const { api: a } = fake(() => Promise.reject('command client_get not found'));
  await assert.rejects(a.clientGet(1), { code: 'internal', message: 'command client_get not found' });
});

test('rejections without a code are normalised', () => {
  assert.deepEqual({ ...toApiError(new Error('boom')), message: toApiError(new Error('boom')).message }, { name: 'ApiError', code: 'internal', message: 'boom' });
  assert.equal(toApiError({ message: 'sans code' }).code, 'internal');
  assert.equal(toApiError({ message: 'sans code' }).message, 'sans code');
  assert.equal(toApiError({ code: 'wrong_key' }).code, 'wrong_key');
  assert.ok(toApiError({ code: 'wrong_key' }).message.length > 0);
  assert.equal(toApiError({ code: 42, message: 'x' }).code, 'internal');
  assert.equal(toApiError(undefined).code, 'internal');
  assert.ok(toApiError(undefined).message.length > 0);
  assert.equal(toApiError('').code, 'internal');
  assert.ok(toApiError('').message.length > 0);
  assert.equal(toApiError(12).message, '12');
  const e = new ApiError('x', 'y');
  assert.equal(toApiError(e), e);
});

test('a synchronous throw from invoke is normalised too', async () => {
  const a = createApi(() => {
    throw 'sync failure';
  });
  await assert.rejects(a.agencyOpen(), { code: 'internal', message: 'sync failure' });
});

test('the product instance looks Tauri up lazily, at call time', async () => {
  const g = /** @type {any} */ (globalThis);
  delete g.__TAURI__;
  await assert.rejects(api.agencyStatus(), { code: 'no_backend' });
  const calls = [];
  g.__TAURI__ = { core: { invoke: async (cmd, args) => (calls.push([cmd, args]), { state: 'open' }) } };
  try {
    assert.deepEqual(await api.agencyStatus(), { state: 'open' });
    assert.deepEqual(calls, [['agency_status', {}]]);
  } finally {
    delete g.__TAURI__;
  }
});

test('guardWindowClose: the window stays open when the answer is no, closes when yes', async () => {
  const { guardWindowClose } = await import('../../ui/js/api.js');
  /** @type {((e: { preventDefault: () => void }) => Promise<void>) | null} */
  let handler = null;
  let unlistened = false;
  const tauri = { window: { getCurrentWindow: () => ({
    onCloseRequested: (/** @type {any} */ h) => { handler = h; return Promise.resolve(() => { unlistened = true; }); },
  }) } };
  let answer = false;
  const stop = guardWindowClose(async () => answer, tauri);
  const request = async () => {
    let prevented = false;
    await /** @type {any} */ (handler)({ preventDefault: () => { prevented = true; } });
    return prevented;
  };
  assert.equal(await request(), true, 'kept open');
  answer = true;
  assert.equal(await request(), false, 'closed');
  // A question that fails keeps the window open: nothing typed is lost by accident.
  const stop2 = guardWindowClose(async () => { throw new Error('no'); }, tauri);
  assert.equal(await request(), true);
  stop();
  stop2();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(unlistened, true);
  // Without Tauri (a browser, these tests): nothing to guard, no error.
  assert.equal(typeof guardWindowClose(async () => true, undefined), 'function');
});
