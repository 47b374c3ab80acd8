// Aggravating circumstances (A121-1-2): the input a form sends, how a fact and a surcharge read,
// the causes a suspension may be linked to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CAUSABLE_FACTS,
  CLAIM_FACTS,
  DRIVER_FACTS,
  aggravationInputOf,
  aggravationProblem,
  aggravationText,
  causeOptions,
  factLabel,
  surchargeText,
  withdrawnText,
} from '../../ui/js/aggravationView.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const plain = (s) => s.replaceAll(NBSP, ' ').replaceAll(NNBSP, ' ');

/** What the broker typed, with overrides. */
function fields(over = {}) {
  return { fact: 'suspension', onDate: '', lengthMode: 'months', months: '', from: '', to: '', causedBy: '', note: '', ...over };
}

/** A fact as the backend sends it, with overrides. */
function fact(over = {}) {
  return {
    id: 3, contractId: 1, claimId: null, driverId: 8, fact: 'suspension', eventDate: '2026-04-01',
    suspensionMonths: 8, suspensionFrom: null, suspensionTo: null, causedBy: null, note: null,
    recordedAt: '2026-11-24T09:30:00Z', surcharge: 'suspension du permis de plus de 6 mois', rate: '100',
    until: '2029-01-01', withdrawn: null, ...over,
  };
}

test('every fact has a French label, on a claim or on a driver', () => {
  assert.deepEqual([...CLAIM_FACTS, ...DRIVER_FACTS].map(factLabel), [
    'Alcool ou stupéfiants', 'Délit de fuite', 'Suspension du permis', 'Annulation du permis',
    'Plusieurs suspensions de plus de deux mois dans la période', 'Non-déclaration à la souscription',
  ]);
  assert.ok(CAUSABLE_FACTS.every((f) => DRIVER_FACTS.includes(f)));
  assert.ok(!CAUSABLE_FACTS.includes('non_declaration'));
});

test('the input: months or dates as chosen, nothing else; empty texts as null', () => {
  assert.deepEqual(aggravationInputOf(fields({ onDate: '2026-04-01', months: ' 8 ', from: '2026-01-01', causedBy: '5', note: '  ' })), {
    fact: 'suspension', onDate: '2026-04-01', suspensionMonths: 8, suspensionFrom: null, suspensionTo: null, causedBy: 5, note: null,
  });
  assert.deepEqual(aggravationInputOf(fields({ lengthMode: 'dates', months: '8', from: '2026-01-20', to: '2026-09-20' })), {
    fact: 'suspension', onDate: null, suspensionMonths: null, suspensionFrom: '2026-01-20', suspensionTo: '2026-09-20', causedBy: null, note: null,
  });
  // A cancellation: no length even if one was typed before changing the fact; its cause kept.
  assert.deepEqual(aggravationInputOf(fields({ fact: 'cancellation', onDate: '2026-05-01', months: '3', causedBy: '2' })), {
    fact: 'cancellation', onDate: '2026-05-01', suspensionMonths: null, suspensionFrom: null, suspensionTo: null, causedBy: 2, note: null,
  });
  // A non-declaration has no cause.
  assert.equal(aggravationInputOf(fields({ fact: 'non_declaration', causedBy: '2' })).causedBy, null);
  assert.equal(aggravationInputOf(fields({ fact: 'alcohol', note: 'PV n° 12' })).note, 'PV n° 12');
});

test('a length in months is a whole number', () => {
  assert.equal(aggravationProblem(fields({ months: '3' })), null);
  assert.equal(aggravationProblem(fields({ months: '' })), null, 'the backend says it is missing');
  assert.match(aggravationProblem(fields({ months: '2,5' })) ?? '', /nombre entier de mois/);
  assert.match(aggravationProblem(fields({ months: '0' })) ?? '', /nombre entier de mois/);
  assert.equal(aggravationProblem(fields({ months: 'x', lengthMode: 'dates' })), null);
  assert.equal(aggravationProblem(fields({ fact: 'cancellation', months: 'x' })), null);
});

test('a fact reads with its length, date, surcharge and end; a withdrawn one says why', () => {
  assert.equal(aggravationText(fact()),
    'Suspension du permis de 8 mois, le 01/04/2026 : suspension du permis de plus de 6 mois, 100 % jusqu’à l’échéance du 01/01/2029');
  assert.equal(aggravationText(fact({ suspensionMonths: null, suspensionFrom: '2026-01-20', suspensionTo: '2026-04-20', surcharge: 'suspension du permis de 2 à 6 mois', rate: '50', note: 'Jugement du 15/01' })),
    'Suspension du permis du 20/01/2026 au 20/04/2026, le 01/04/2026 : suspension du permis de 2 à 6 mois, 50 % jusqu’à l’échéance du 01/01/2029 — Jugement du 15/01');
  assert.equal(aggravationText(fact({ fact: 'alcohol', suspensionMonths: null, until: null, surcharge: 'accident responsable', rate: '150' })),
    'Alcool ou stupéfiants, le 01/04/2026 : accident responsable, 150 %');
  assert.equal(withdrawnText(fact()), '');
  assert.match(withdrawnText(fact({ withdrawn: { reason: 'Erreur de saisie', recordedAt: '2026-11-25T10:00:00Z' } })), /^Retiré le 25\/11\/2026.* — Erreur de saisie$/);
});

test('a surcharge reads with its fact, amount and end; the cap is said', () => {
  const s = { label: 'délit de fuite', rate: '100', fullRate: '100', amount: '500.00', fact: 'sinistre n° 1 du 10/03/2026', aggravationId: 1, eventDate: '2026-03-10', until: '2029-01-01', capped: false, note: null };
  assert.equal(plain(surchargeText(s)), 'Majoration : délit de fuite (sinistre n° 1 du 10/03/2026), 100 % = 500,00 €, jusqu’à l’échéance du 01/01/2029');
  assert.equal(plain(surchargeText({ ...s, fact: null, rate: '50', amount: '250.00', capped: true })),
    'Majoration : délit de fuite, 50 % = 250,00 €, jusqu’à l’échéance du 01/01/2029 — ramenée de 100 % par le plafond de 400 %');
});

test('the causes of a suspension: alcohol or hit-and-run in force, on the driver’s claims or unknown driver', () => {
  const claims = [{ id: 1, driverId: 8, occurredOn: '2026-03-10' }, { id: 2, driverId: 9, occurredOn: '2026-05-01' }, { id: 3, driverId: null, occurredOn: '2026-06-01' }];
  const list = [
    fact({ id: 10, fact: 'alcohol', claimId: 1, driverId: null }),
    fact({ id: 11, fact: 'hit_and_run', claimId: 2, driverId: null }),
    fact({ id: 12, fact: 'hit_and_run', claimId: 3, driverId: null }),
    fact({ id: 13, fact: 'alcohol', claimId: 1, driverId: null, withdrawn: { reason: 'x', recordedAt: '2026-11-01T00:00:00Z' } }),
    fact({ id: 14 }),
  ];
  assert.deepEqual(causeOptions(list, claims, 8), [
    ['', 'Aucun : fait indépendant'],
    ['10', 'Alcool ou stupéfiants — sinistre du 10/03/2026'],
    ['12', 'Délit de fuite — sinistre du 01/06/2026'],
  ]);
});
