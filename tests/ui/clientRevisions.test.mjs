// What each correction of a client changed, as the client record shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientRevisionViews, clientSnapshot } from '../../ui/js/clientRevisions.js';

const client = (over = {}) => ({
  id: 4, kind: 'person', civility: 'Mme', lastName: 'Martin', firstName: 'Anne', companyName: null,
  siren: null, birthDate: '1984-03-12',
  addresses: [{ kind: 'principale', line1: '12 rue des Écoles', line2: null, postcode: '74000', city: 'Annecy', country: 'France' }],
  phones: [{ kind: 'mobile', number: '0612345678' }], emails: [],
  profession: 'Infirmière', status: 'client', source: null, assignedBroker: null, notes: null,
  displayName: 'Anne Martin', archived: false, archivedAt: null, createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-25T10:00:00Z', household: null, version: 3, revisions: [], ...over,
});
// The backend's snapshot of the same client before her move (store/src/clients.rs `snapshot`).
const before = {
  ...clientSnapshot(client()), addresses: '12 rue des Écoles, 69003 Lyon, France', profession: null,
};

test('the snapshot joins addresses, phones and e-mails as the backend keeps them', () => {
  const s = clientSnapshot(client({ phones: [{ kind: 'mobile', number: '0612345678' }, { kind: 'fixe', number: '0478000000' }] }));
  assert.equal(s.addresses, '12 rue des Écoles, 74000 Annecy, France');
  assert.equal(s.phones, '0612345678 ; 0478000000');
  assert.equal(s.emails, null);
  assert.equal(s.birth_date, '1984-03-12');
});

test('two corrections: each lists only what it changed, the latest against the record now', () => {
  const r = client({
    revisions: [
      { previous: { ...before, status: 'prospect' }, reason: null, recordedAt: '2026-11-20T10:00:00Z' },
      { previous: before, reason: 'Déménagement', recordedAt: '2026-11-25T10:00:00Z' },
    ],
  });
  const views = clientRevisionViews(r);
  assert.equal(views.length, 2);
  assert.deepEqual(views[0].changes.map((c) => c.field), ['status']);
  assert.equal(views[0].changes[0].text, 'Statut : prospect → client');
  assert.equal(views[0].summary, 'Corrigé le 20/11/2026');
  assert.deepEqual(views[1].changes.map((c) => c.field), ['addresses', 'profession']);
  assert.match(views[1].summary, /25\/11\/2026.*Déménagement/);
  assert.match(views[1].changes[0].text, /Lyon.*→.*Annecy/);
  assert.match(views[1].changes[1].text, /\(vide\).*Infirmière/);
});
