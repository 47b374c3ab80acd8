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
  await a.demoLoad(200);
  await a.clientList(/** @type {any} */ (query));
  await a.clientSearch('dup', 50);
  await a.clientGet(7);
  await a.clientCreate(/** @type {any} */ (input));
  await a.clientUpdate(7, /** @type {any} */ (input));
  await a.clientUpdate(7, /** @type {any} */ (input), 3);
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
    ['demo_load', { clients: 200 }],
    ['client_list', { query }],
    ['client_search', { text: 'dup', limit: 50 }],
    ['client_get', { id: 7 }],
    ['client_create', { input }],
    ['client_update', { id: 7, input }],
    ['client_update', { id: 7, input, expectedVersion: 3 }],
    ['client_archive', { id: 7 }],
    ['client_restore', { id: 7 }],
    ['household_link', { clientId: 7, withClientId: 9 }],
    ['household_leave', { clientId: 7 }],
  ]);
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
