// Paramètres → Agence (agencyInput.js), the contract page's papers (printKinds.js) and the
// printing commands of api.js over a fake invoke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENCY_FIELDS, agencyDraft, agencyProblems, formatOrias } from '../../ui/js/agencyInput.js';
import { AVIS_CHANNELS, PRINT_KINDS, avisOrder, printableKinds } from '../../ui/js/printKinds.js';
import { createApi } from '../../ui/js/api.js';
import { fr } from '../../ui/js/i18n/fr.js';

const blank = () => ({ name: '', address: '', orias: '', association: '', phone: '', email: '', footer: '', logoPath: null, removeLogo: false });

test('the agency draft trims every field, sends the logo path only when one was picked', () => {
  const v = { ...blank(), name: '  Cabinet Durand ', orias: '12 345 678', footer: ' SARL \n' };
  const d = agencyDraft(v);
  assert.equal(d.name, 'Cabinet Durand');
  assert.equal(d.orias, '12 345 678');
  assert.equal(d.footer, 'SARL');
  assert.equal(d.address, '', 'an empty text is sent: it clears the field');
  assert.equal('logoPath' in d, false);
  assert.equal(d.removeLogo, false);
  assert.deepEqual(Object.keys(d).filter((k) => AGENCY_FIELDS.includes(/** @type {any} */ (k))).sort(), [...AGENCY_FIELDS].sort());
  assert.equal(agencyDraft({ ...v, logoPath: '/tmp/logo.png', removeLogo: true }).logoPath, '/tmp/logo.png');
  assert.equal(agencyDraft({ ...v, logoPath: '/tmp/logo.png', removeLogo: true }).removeLogo, false, 'a new logo wins over removing');
  assert.equal(agencyDraft({ ...v, removeLogo: true }).removeLogo, true);
});

test('the form refuses a missing name, an ORIAS number without eight digits, an incomplete e-mail, each on its field', () => {
  assert.deepEqual(agencyProblems({ ...blank(), name: 'A', orias: '12 345 678', email: 'contact@durand.fr' }), []);
  assert.deepEqual(agencyProblems({ ...blank(), name: 'A', orias: '' }), [], 'the ORIAS number may be left empty');
  const p = agencyProblems({ ...blank(), name: '  ', orias: '1234567', email: 'contact@durand' });
  assert.deepEqual(p.map((x) => x.field), ['name', 'orias', 'email']);
  for (const x of p) assert.ok(fr[x.key], `${x.key} is in the catalogue`);
  assert.deepEqual(agencyProblems({ ...blank(), name: 'A', orias: '1234567A' }).map((x) => x.field), ['orias']);
  assert.deepEqual(agencyProblems({ ...blank(), name: 'A', orias: '123456789' }).map((x) => x.field), ['orias']);
});

test('an ORIAS number shows in groups, anything else as typed', () => {
  assert.equal(formatOrias('12345678'), '12 345 678');
  assert.equal(formatOrias(null), '');
  assert.equal(formatOrias('1234'), '1234');
});

test('the papers: every kind has its strings; a contract without a next échéance gets no avis', () => {
  for (const p of PRINT_KINDS) {
    assert.ok(fr[p.label] && fr[p.aria], p.kind);
  }
  for (const [, key] of AVIS_CHANNELS) assert.ok(fr[key], key);
  assert.deepEqual(printableKinds({ nextPremium: {} }).map((p) => p.kind), ['attestation', 'avis', 'releve']);
  // A terminated contract still gets its relevé (R18: issued on termination), not an avis.
  assert.deepEqual(printableKinds({ nextPremium: null }).map((p) => p.kind), ['attestation', 'releve']);
});

test('the avis sent are listed by échéance then sending, the latest first', () => {
  const a = [
    { id: 1, echeance: '2026-03-01', sentOn: '2026-01-10' },
    { id: 2, echeance: '2027-03-01', sentOn: '2027-01-05' },
    { id: 3, echeance: '2027-03-01', sentOn: '2027-01-12' },
  ];
  assert.deepEqual(avisOrder(a).map((x) => x.id), [3, 2, 1]);
  assert.deepEqual(a.map((x) => x.id), [1, 2, 3], 'the list given is left as it was');
});

test('the printing commands are called with their names and camelCase arguments', async () => {
  /** @type {[string, unknown][]} */
  const calls = [];
  const api = createApi(async (cmd, args) => { calls.push([cmd, args]); return cmd === 'plugin:dialog|open' ? ['/tmp/logo.png'] : {}; });
  await api.agencyIdentityGet();
  await api.agencyIdentitySet({ name: 'Cabinet', removeLogo: false });
  await api.agencyLogo();
  await api.printPdf('attestation', 5);
  await api.printPdf('avis', 5, '2026-11-24');
  await api.avisSentRecord(5, '2027-03-01', '2027-01-05', 'courrier');
  await api.avisSentList(5);
  assert.equal(await api.pickImage('Logo'), '/tmp/logo.png');
  assert.deepEqual(calls.slice(0, 7), [
    ['agency_identity_get', {}],
    ['agency_identity_set', { draft: { name: 'Cabinet', removeLogo: false } }],
    ['agency_logo', {}],
    ['print_pdf', { kind: 'attestation', contractId: 5, date: null }],
    ['print_pdf', { kind: 'avis', contractId: 5, date: '2026-11-24' }],
    ['avis_sent_record', { contractId: 5, echeance: '2027-03-01', on: '2027-01-05', channel: 'courrier' }],
    ['avis_sent_list', { contractId: 5 }],
  ]);
  assert.equal(calls[7][0], 'plugin:dialog|open');
});
