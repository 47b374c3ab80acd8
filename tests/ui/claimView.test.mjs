// The claim page's pure helpers: stepper, corrections, exchange dates, the correction input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AMOUNT_KIND_LABEL,
  CHANNEL_LABEL,
  CLAIM_STATUSES,
  CLAIM_STEPS,
  DIRECTION_LABEL,
  PARTY_ROLE_LABEL,
  claimUpdateOf,
  composeAt,
  correctionFieldsOf,
  driverLabel,
  formatAt,
  labelOf,
  lowerFirst,
  newestFirst,
  revisionViews,
  snapshotOf,
  stepperState,
  vehicleLabel,
} from '../../ui/js/claimView.js';

/** A claim as `claim_get` sends it, with overrides. */
function claim(over = {}) {
  return {
    id: 12, contractId: 3, occurredOn: '2025-06-10', declaredOn: '2025-06-11', kind: 'accident',
    responsibility: 'full', qualifications: [], status: 'declare', statuses: [{ status: 'declare', onDate: '2025-06-11', note: null }],
    place: 'Lyon', description: 'Choc arrière', insurerReference: 'SIN-42', estimated: null, paid: null, franchise: null,
    amounts: [], vehicleId: 5, driverId: 8, parties: [], communications: [], revisions: [],
    ...over,
  };
}

const vehicles = [
  { id: 5, registration: 'AB-123-CD', make: 'Renault', model: 'Clio', firstRegistration: null, fromDate: '2024-01-01', toDate: null, replacedBy: null, transferNote: null },
  { id: 6, registration: 'EF-456-GH', make: null, model: null, firstRegistration: null, fromDate: '2024-01-01', toDate: null, replacedBy: null, transferNote: null },
];
const drivers = [
  { id: 8, clientId: null, role: 'principal', lastName: 'Durand', firstName: 'Paul', birthDate: null, licenceNumber: null, licenceDate: null, aac: false, novice: false, fromDate: '2024-01-01' },
  { id: 9, clientId: null, role: 'secondaire', lastName: 'Martin', firstName: null, birthDate: null, licenceNumber: null, licenceDate: null, aac: false, novice: false, fromDate: '2024-01-01' },
];

const states = (r) => r.steps.map((s) => `${s.status}:${s.state}:${s.date ?? '-'}`);

test('stepper: the first status is current, the rest ahead', () => {
  const r = stepperState([{ status: 'declare', onDate: '2025-06-11' }], 'declare');
  assert.deepEqual(states(r), [
    'declare:current:2025-06-11', 'en_expertise:todo:-', 'en_reparation:todo:-', 'indemnise:todo:-', 'clos:todo:-',
  ]);
  assert.equal(r.refused.state, 'todo');
  assert.equal(r.steps[0].label, 'Déclaré');
  assert.deepEqual(CLAIM_STEPS, ['declare', 'en_expertise', 'en_reparation', 'indemnise', 'clos']);
  assert.deepEqual(CLAIM_STATUSES, [...CLAIM_STEPS, 'refuse']);
});

test('stepper: reached steps keep their date, a step jumped over is marked skipped', () => {
  const r = stepperState([
    { status: 'declare', onDate: '2025-06-11' },
    { status: 'en_expertise', onDate: '2025-06-20' },
    { status: 'indemnise', onDate: '2025-07-15' },
  ]);
  assert.deepEqual(states(r), [
    'declare:done:2025-06-11', 'en_expertise:done:2025-06-20', 'en_reparation:skipped:-', 'indemnise:current:2025-07-15', 'clos:todo:-',
  ]);
});

test('stepper: a status entered again shows its latest date; later steps are ahead again', () => {
  const r = stepperState([
    { status: 'declare', onDate: '2025-06-11' },
    { status: 'en_expertise', onDate: '2025-06-20' },
    { status: 'en_reparation', onDate: '2025-07-01' },
    { status: 'en_expertise', onDate: '2025-07-10' },
  ]);
  assert.deepEqual(states(r), [
    'declare:done:2025-06-11', 'en_expertise:current:2025-07-10', 'en_reparation:todo:-', 'indemnise:todo:-', 'clos:todo:-',
  ]);
});

test('stepper: closed; refused is the terminal alternative', () => {
  const closed = stepperState([
    { status: 'declare', onDate: '2025-06-11' },
    { status: 'clos', onDate: '2025-09-01' },
  ]);
  assert.equal(closed.steps[4].state, 'current');
  assert.equal(closed.steps[4].date, '2025-09-01');
  assert.equal(closed.refused.state, 'todo');
  const refused = stepperState([
    { status: 'declare', onDate: '2025-06-11' },
    { status: 'en_expertise', onDate: '2025-06-20' },
    { status: 'refuse', onDate: '2025-07-02' },
  ]);
  assert.deepEqual(states(refused), [
    'declare:done:2025-06-11', 'en_expertise:done:2025-06-20', 'en_reparation:skipped:-', 'indemnise:skipped:-', 'clos:skipped:-',
  ]);
  assert.deepEqual(refused.refused, { status: 'refuse', label: 'Refusé', state: 'current', date: '2025-07-02' });
});

test('stepper: no status recorded reads as declared; an unknown status leaves every step ahead', () => {
  assert.equal(stepperState([]).steps[0].state, 'current');
  assert.equal(stepperState([]).steps[0].date, null);
  assert.ok(stepperState([{ status: 'bizarre', onDate: '2025-01-01' }]).steps.every((s) => s.state === 'todo'));
});

test('composeAt: date alone, or date and time to the minute', () => {
  assert.equal(composeAt('2025-06-12'), '2025-06-12');
  assert.equal(composeAt('2025-06-12', ''), '2025-06-12');
  assert.equal(composeAt('2025-06-12', '  '), '2025-06-12');
  assert.equal(composeAt('2025-06-12', '09:30'), '2025-06-12T09:30');
  assert.equal(composeAt('2025-06-12', '9:05'), '2025-06-12T09:05');
  assert.equal(composeAt('2025-06-12', '14:05:33'), '2025-06-12T14:05');
  assert.equal(composeAt('2025-06-12', '14h'), '2025-06-12T14h', 'an unreadable time is sent as typed: the backend names it');
  assert.equal(composeAt(' 2025-06-12 ', '09:30'), '2025-06-12T09:30');
});

test('formatAt: French date, with the time when there is one', () => {
  assert.equal(formatAt('2025-06-12T09:30'), '12/06/2025 09:30');
  assert.equal(formatAt('2025-06-12T09:30:00'), '12/06/2025 09:30');
  assert.equal(formatAt('2025-06-12'), '12/06/2025');
});

test('the exchange log reads newest first; the same moment: the last recorded first', () => {
  const log = [
    { id: 1, at: '2025-06-12', summary: 'a' },
    { id: 2, at: '2025-06-12T09:30', summary: 'b' },
    { id: 3, at: '2025-06-15', summary: 'c' },
    { id: 4, at: '2025-06-12T09:30', summary: 'd' },
    { id: 5, at: '2025-06-01T18:00', summary: 'e' },
  ];
  assert.deepEqual(newestFirst(/** @type {any} */ (log)).map((m) => m.id), [3, 4, 2, 1, 5]);
  assert.deepEqual(log.map((m) => m.id), [1, 2, 3, 4, 5], 'the input is not reordered');
});

test('labels: amount kinds, party roles, channels, directions; unknown codes shown as they are', () => {
  assert.equal(labelOf(AMOUNT_KIND_LABEL, 'estimation'), 'Estimation');
  assert.equal(labelOf(AMOUNT_KIND_LABEL, 'reglement'), 'Règlement');
  assert.equal(labelOf(AMOUNT_KIND_LABEL, 'franchise'), 'Franchise');
  assert.deepEqual(Object.keys(PARTY_ROLE_LABEL).map((k) => labelOf(PARTY_ROLE_LABEL, k)),
    ['Expert', 'Garage / réparateur', 'Tiers', 'Assureur du tiers', 'Autre']);
  assert.deepEqual(Object.keys(CHANNEL_LABEL).map((k) => labelOf(CHANNEL_LABEL, k)),
    ['Téléphone', 'Courriel', 'Courrier', 'Rendez-vous', 'Autre']);
  assert.equal(labelOf(DIRECTION_LABEL, 'entrant'), 'Reçu');
  assert.equal(labelOf(DIRECTION_LABEL, 'sortant'), 'Envoyé');
  assert.equal(labelOf(CHANNEL_LABEL, 'pigeon'), 'pigeon');
  assert.equal(labelOf(CHANNEL_LABEL, null), '');
  assert.equal(lowerFirst('Accident'), 'accident');
  assert.equal(lowerFirst(''), '');
  assert.equal(vehicleLabel(vehicles[0]), 'AB-123-CD — Renault Clio');
  assert.equal(vehicleLabel(vehicles[1]), 'EF-456-GH');
  assert.equal(driverLabel(drivers[0]), 'Durand Paul');
  assert.equal(driverLabel(drivers[1]), 'Martin');
});

test('a correction says what it replaced, compared with the claim as it is now', () => {
  const c = claim({
    occurredOn: '2025-06-09', place: 'Villeurbanne', vehicleId: 6,
    revisions: [{
      previous: { occurred_on: '2025-06-10', declared_on: '2025-06-11', kind: 'accident', place: 'Lyon', description: 'Choc arrière', insurer_reference: 'SIN-42', vehicle_id: 5, driver_id: 8 },
      reason: 'Erreur de saisie',
      recordedAt: '2025-06-12T10:00:00Z',
    }],
  });
  const [r] = revisionViews(/** @type {any} */ (c), { vehicles, drivers });
  assert.deepEqual(r.changes.map((x) => x.field), ['occurred_on', 'place', 'vehicle_id']);
  assert.equal(r.text, 'Corrigé le 12/06/2025 — Erreur de saisie — valeurs précédentes : date 10/06/2025, lieu « Lyon », véhicule AB-123-CD');
});

test('successive corrections: each compared with the next one’s earlier values', () => {
  const c = claim({
    kind: 'theft', place: null, driverId: null,
    revisions: [
      {
        previous: { occurred_on: '2025-06-10', declared_on: null, kind: 'accident', place: 'Lyon', description: 'Choc arrière', insurer_reference: 'SIN-42', vehicle_id: 5, driver_id: 8 },
        reason: null,
        recordedAt: '2025-06-12T10:00:00Z',
      },
      {
        previous: { occurred_on: '2025-06-10', declared_on: '2025-06-11', kind: 'accident', place: 'Lyon', description: 'Choc arrière', insurer_reference: 'SIN-42', vehicle_id: 5, driver_id: 8 },
        reason: '  Vol constaté  ',
        recordedAt: '2025-06-20T08:00:00Z',
      },
    ],
  });
  const views = revisionViews(/** @type {any} */ (c), { vehicles, drivers });
  assert.equal(views[0].text, 'Corrigé le 12/06/2025 — valeurs précédentes : déclaration (vide)');
  assert.equal(views[1].reason, 'Vol constaté');
  assert.equal(views[1].text, 'Corrigé le 20/06/2025 — Vol constaté — valeurs précédentes : nature accident, lieu « Lyon », conducteur Durand Paul');
});

test('a correction whose values cannot be read still shows its date and reason', () => {
  const c = claim({ revisions: [{ previous: null, reason: 'Motif', recordedAt: '2025-06-12T10:00:00Z' }] });
  assert.equal(revisionViews(/** @type {any} */ (c))[0].text, 'Corrigé le 12/06/2025 — Motif');
  const bare = claim({ revisions: [{ previous: {}, reason: null, recordedAt: '2025-06-12T10:00:00Z' }] });
  assert.equal(revisionViews(/** @type {any} */ (bare))[0].text, 'Corrigé le 12/06/2025');
  const unknownVehicle = claim({ vehicleId: null, revisions: [{ previous: { vehicle_id: 77 }, reason: null, recordedAt: '2025-06-12' }] });
  assert.equal(revisionViews(/** @type {any} */ (unknownVehicle))[0].text, 'Corrigé le 12/06/2025 — valeurs précédentes : véhicule n° 77');
  assert.deepEqual(revisionViews(/** @type {any} */ (claim())), []);
});

test('the correction form is prefilled from the claim', () => {
  assert.deepEqual(correctionFieldsOf(/** @type {any} */ (claim())), {
    occurredOn: '2025-06-10', declaredOn: '2025-06-11', kind: 'accident', place: 'Lyon', description: 'Choc arrière',
    insurerReference: 'SIN-42', vehicleId: '5', driverId: '8', reason: '',
  });
  const empty = correctionFieldsOf(/** @type {any} */ (claim({ declaredOn: null, place: null, description: null, insurerReference: null, vehicleId: null, driverId: null })));
  assert.equal(empty.declaredOn, '');
  assert.equal(empty.vehicleId, '');
  assert.equal(empty.driverId, '');
  assert.deepEqual(snapshotOf(/** @type {any} */ (claim())).vehicle_id, 5);
});

test('claimUpdateOf sends only what changed, with the reason; none → 0, emptied text → ""', () => {
  const c = /** @type {any} */ (claim());
  const f = correctionFieldsOf(c);
  assert.deepEqual(claimUpdateOf(c, { ...f, reason: '  ' }), { update: { reason: '' }, changed: [] });
  assert.deepEqual(
    claimUpdateOf(c, { ...f, occurredOn: '2025-06-09', place: ' Lyon ', description: '', vehicleId: '', driverId: '9', reason: ' Erreur ' }),
    { update: { occurredOn: '2025-06-09', description: '', vehicleId: 0, driverId: 9, reason: 'Erreur' }, changed: ['occurredOn', 'description', 'vehicleId', 'driverId'] },
  );
  const bare = /** @type {any} */ (claim({ declaredOn: null, place: null, vehicleId: null, driverId: null }));
  const g = correctionFieldsOf(bare);
  assert.deepEqual(claimUpdateOf(bare, { ...g, reason: 'x' }).changed, []);
  assert.deepEqual(claimUpdateOf(bare, { ...g, place: 'Paris', vehicleId: '5', kind: 'glass', reason: 'x' }).update,
    { kind: 'glass', place: 'Paris', vehicleId: 5, reason: 'x' });
  assert.deepEqual(claimUpdateOf(c, { ...f, declaredOn: '', reason: 'x' }).update, { declaredOn: '', reason: 'x' });
});
