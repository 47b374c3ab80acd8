// Formatting: dates, ages, amounts, coefficients, phones, counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NBSP,
  NNBSP,
  ageOn,
  formatAmount,
  formatCoefficient,
  formatCount,
  formatDate,
  formatDecimal,
  formatPhone,
  formatSiren,
  formatTimestamp,
  isoDateOf,
  pageRange,
  parseUserDate,
} from '../../ui/js/format.js';

test('dates are shown as JJ/MM/AAAA', () => {
  assert.equal(formatDate('2026-11-23'), '23/11/2026');
  assert.equal(formatDate('1980-01-05'), '05/01/1980');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate(''), '');
  assert.equal(formatDate('pas une date'), 'pas une date');
});

test('RFC 3339 timestamps are shown in the given zone', () => {
  const opts = { timeZone: 'Europe/Paris' };
  assert.equal(formatTimestamp('2026-11-23T08:05:00Z', opts), '23/11/2026');
  assert.equal(formatTimestamp('2026-11-23T23:30:00Z', opts), '24/11/2026');
  assert.equal(formatTimestamp('2026-07-01T12:00:00+00:00', { ...opts, withTime: true }), '01/07/2026 14:00');
  assert.equal(formatTimestamp('2026-01-01T00:05:00Z', { ...opts, withTime: true }), '01/01/2026 01:05');
  assert.equal(formatDate('2026-11-23T08:05:00Z', opts), '23/11/2026');
  assert.equal(formatTimestamp('n/a'), 'n/a');
  assert.equal(formatTimestamp(null), '');
});

test('today as ISO uses the local calendar date', () => {
  assert.equal(isoDateOf(new Date(2026, 10, 23, 23, 59)), '2026-11-23');
  assert.equal(isoDateOf(new Date(2026, 0, 5)), '2026-01-05');
});

test('typed dates are read in French order', () => {
  assert.equal(parseUserDate('23/11/1980'), '1980-11-23');
  assert.equal(parseUserDate('3/7/1980'), '1980-07-03');
  assert.equal(parseUserDate('23-11-1980'), '1980-11-23');
  assert.equal(parseUserDate('23.11.1980'), '1980-11-23');
  assert.equal(parseUserDate(' 23 11 1980 '), '1980-11-23');
  assert.equal(parseUserDate('23111980'), '1980-11-23');
  assert.equal(parseUserDate('1980-11-23'), '1980-11-23');
  assert.equal(parseUserDate('29/02/2024'), '2024-02-29');
  assert.equal(parseUserDate('29/02/2023'), null);
  assert.equal(parseUserDate('31/04/2020'), null);
  assert.equal(parseUserDate('11/23/1980'), null);
  assert.equal(parseUserDate('23/11/80'), null);
  assert.equal(parseUserDate(''), null);
  assert.equal(parseUserDate(null), null);
  assert.equal(parseUserDate('hier'), null);
});

test('age in whole years, birthday included', () => {
  assert.equal(ageOn('1980-11-23', '2026-11-23'), 46);
  assert.equal(ageOn('1980-11-23', '2026-11-22'), 45);
  assert.equal(ageOn('1980-11-23', '2026-12-01'), 46);
  assert.equal(ageOn('2000-02-29', '2023-02-28'), 22);
  assert.equal(ageOn('2000-02-29', '2023-03-01'), 23);
  assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
  assert.equal(ageOn('2026-11-23', '2026-11-23'), 0);
  assert.equal(ageOn('2027-01-01', '2026-11-23'), null);
  assert.equal(ageOn(null, '2026-11-23'), null);
  assert.equal(ageOn('1980-13-01', '2026-11-23'), null);
});

test('amounts: French separators, no float arithmetic', () => {
  assert.equal(formatAmount('1234.56'), `1${NNBSP}234,56${NBSP}€`);
  assert.equal(formatAmount('0'), `0,00${NBSP}€`);
  assert.equal(formatAmount('12.5'), `12,50${NBSP}€`);
  assert.equal(formatAmount('-87.1'), `-87,10${NBSP}€`);
  assert.equal(formatAmount('1234567.891'), `1${NNBSP}234${NNBSP}567,89${NBSP}€`);
  assert.equal(formatAmount('0.005'), `0,01${NBSP}€`);
  assert.equal(formatAmount('999.995'), `1${NNBSP}000,00${NBSP}€`);
  assert.equal(formatAmount('-0.001'), `0,00${NBSP}€`);
  // Beyond float precision: still exact.
  assert.equal(formatAmount('90071992547409931.37'), `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409${NNBSP}931,37${NBSP}€`);
  assert.equal(formatAmount(''), '');
  assert.equal(formatAmount(null), '');
  assert.equal(formatAmount('abc'), 'abc');
});

test('amounts match what Intl fr-FR writes', () => {
  const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
  for (const v of ['1234.56', '0.5', '1000000', '-42.42']) {
    assert.equal(formatAmount(v), intl.format(Number(v)), v);
  }
});

test('decimals: rounding half away from zero on the digits', () => {
  assert.equal(formatDecimal('1.005', 2), '1,01');
  assert.equal(formatDecimal('1.004', 2), '1,00');
  assert.equal(formatDecimal('9.96', 1), '10,0');
  assert.equal(formatDecimal('00012', 0), '12');
  assert.equal(formatDecimal('1,5', 2), '1,50');
  assert.equal(formatDecimal('1.2.3', 2), null);
  assert.equal(formatDecimal(1.5, 2), null, 'non-integer numbers are refused: send strings');
  assert.equal(formatDecimal(3, 2), '3,00');
});

test('bonus-malus coefficients always have two decimals', () => {
  assert.equal(formatCoefficient('0.85'), '0,85');
  assert.equal(formatCoefficient('1'), '1,00');
  assert.equal(formatCoefficient('1.2'), '1,20');
  assert.equal(formatCoefficient('0.50'), '0,50');
  assert.equal(formatCoefficient('3.50'), '3,50');
  assert.equal(formatCoefficient(null), '');
});

test('phones: French numbers in pairs, others untouched', () => {
  assert.equal(formatPhone('0612345678'), '06 12 34 56 78');
  assert.equal(formatPhone('06.12.34.56.78'), '06 12 34 56 78');
  assert.equal(formatPhone('06 12 34 56 78'), '06 12 34 56 78');
  assert.equal(formatPhone('+33612345678'), '+33 6 12 34 56 78');
  assert.equal(formatPhone('0033612345678'), '+33 6 12 34 56 78');
  assert.equal(formatPhone('+4915112345678'), '+4915112345678');
  assert.equal(formatPhone('12'), '12');
  assert.equal(formatPhone(null), '');
});

test('counts, SIREN and page ranges', () => {
  assert.equal(formatCount(10234), `10${NNBSP}234`);
  assert.equal(formatCount(50), '50');
  assert.equal(formatCount(1000000), `1${NNBSP}000${NNBSP}000`);
  assert.equal(formatSiren('732829320'), '732 829 320');
  assert.equal(formatSiren('12'), '12');
  assert.deepEqual(pageRange(1, 50, 10234), { from: 1, to: 50, pages: 205 });
  assert.deepEqual(pageRange(205, 50, 10234), { from: 10201, to: 10234, pages: 205 });
  assert.deepEqual(pageRange(999, 50, 120), { from: 101, to: 120, pages: 3 });
  assert.deepEqual(pageRange(1, 50, 0), { from: 0, to: 0, pages: 1 });
});
