import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateProblem,
  displayDate,
  expandTwoDigitYear,
  monthGrid,
  parseDate,
  shiftDate,
  twoDigitYearWindow,
} from '../../ui/js/dateInput.js';

const today = '2026-12-02';
const p = (text, extra = {}) => parseDate(text, { today, ...extra });
const valid = (iso) => ({ kind: 'valid', iso });
const invalid = (reason, bound) => (bound ? { kind: 'invalid', reason, bound } : { kind: 'invalid', reason });

test('dates with separators: slash, dot, dash, space, one-digit day and month', () => {
  assert.deepEqual(p('14/06/1988'), valid('1988-06-14'));
  assert.deepEqual(p('14.06.1988'), valid('1988-06-14'));
  assert.deepEqual(p('14-06-1988'), valid('1988-06-14'));
  assert.deepEqual(p('14 06 1988'), valid('1988-06-14'));
  assert.deepEqual(p(' 3/7/1980 '), valid('1980-07-03'));
  assert.deepEqual(p('14/06-1988'), valid('1988-06-14'));
});

test('dates without separators: eight digits, six digits', () => {
  assert.deepEqual(p('14061988'), valid('1988-06-14'));
  assert.deepEqual(p('140688'), valid('1988-06-14'));
  assert.deepEqual(p('01012000'), valid('2000-01-01'));
});

test('the ISO form is read as such (what the forms hold, what is pasted)', () => {
  assert.deepEqual(p('1988-06-14'), valid('1988-06-14'));
});

test('two-digit years: the 100 years ending ten years after the current one', () => {
  assert.deepEqual(twoDigitYearWindow(2026), [1937, 2036]);
  assert.deepEqual(p('14.06.88'), valid('1988-06-14'));
  assert.deepEqual(p('01/03/05'), valid('2005-03-01'));
  assert.deepEqual(p('01/03/27'), valid('2027-03-01'));
  assert.equal(expandTwoDigitYear(36, 2026), 2036);
  assert.equal(expandTwoDigitYear(37, 2026), 1937);
  assert.equal(expandTwoDigitYear(0, 2026), 2000);
  assert.equal(expandTwoDigitYear(99, 2026), 1999);
  // The window moves with today.
  assert.equal(expandTwoDigitYear(37, 2027), 2037);
  assert.equal(expandTwoDigitYear(5, 2095), 2105);
  assert.equal(expandTwoDigitYear(6, 2095), 2006);
});

test('two-digit years of a date of the past (birth, licence): the last 100 years', () => {
  assert.deepEqual(twoDigitYearWindow(2026, true), [1927, 2026]);
  assert.deepEqual(p('14/06/36', { past: true }), valid('1936-06-14'));
  assert.deepEqual(p('140636', { past: true }), valid('1936-06-14'));
  assert.deepEqual(p('01/01/26', { past: true }), valid('2026-01-01'));
  assert.deepEqual(p('01/01/27', { past: true }), valid('1927-01-01'));
  assert.deepEqual(p('14.06.88', { past: true }), valid('1988-06-14'));
  assert.equal(expandTwoDigitYear(30, 2026, true), 1930);
  // Four digits are taken as they are.
  assert.deepEqual(p('14/06/2030', { past: true }), valid('2030-06-14'));
});

test('29 February: a date in leap years only', () => {
  assert.deepEqual(p('29/02/2024'), valid('2024-02-29'));
  assert.deepEqual(p('29022000'), valid('2000-02-29'));
  assert.deepEqual(p('29/02/2023'), invalid('impossible'));
  assert.deepEqual(p('29/02/1900'), invalid('impossible'));
});

test('impossible dates are refused, never rewritten to another date', () => {
  assert.deepEqual(p('30/02/2023'), invalid('impossible'));
  assert.deepEqual(p('31022024'), invalid('impossible'));
  assert.deepEqual(p('31/04/2024'), invalid('impossible'));
  assert.deepEqual(p('00/01/2024'), invalid('impossible'));
  assert.deepEqual(p('32/01/2024'), invalid('impossible'));
  assert.deepEqual(p('12/13/2024'), invalid('impossible'));
  assert.deepEqual(p('01/00/2024'), invalid('impossible'));
  assert.deepEqual(p('2024-02-30'), invalid('impossible'));
  assert.deepEqual(p('31/12/2024'), valid('2024-12-31'));
  assert.deepEqual(p('30/04/2024'), valid('2024-04-30'));
});

test('empty and blank are empty', () => {
  assert.deepEqual(p(''), { kind: 'empty' });
  assert.deepEqual(p('   '), { kind: 'empty' });
  assert.deepEqual(p(null), { kind: 'empty' });
  assert.deepEqual(p(undefined), { kind: 'empty' });
});

test('garbage and incomplete dates cannot be read', () => {
  for (const s of ['abc', '14/06', '1406', '1406198', '14/06/198', '14//06/1988', '14/06/19888', '1988/06/14', 'le 14 juin', '14/06/1988x', '+14/06/1988', '14,06,1988']) {
    assert.deepEqual(p(s), invalid('format'), s);
  }
});

test('bounds, inclusive', () => {
  const b = { min: '1900-01-01', max: '2026-12-02' };
  assert.deepEqual(p('01/01/1900', b), valid('1900-01-01'));
  assert.deepEqual(p('31/12/1899', b), invalid('tooEarly', '1900-01-01'));
  assert.deepEqual(p('02/12/2026', b), valid('2026-12-02'));
  assert.deepEqual(p('03/12/2026', b), invalid('tooLate', '2026-12-02'));
  // An impossible date says so, whatever the bounds.
  assert.deepEqual(p('30/02/1800', b), invalid('impossible'));
});

test('the message of each refusal', () => {
  assert.deepEqual(dateProblem(p('30/02/2023')), { key: 'date.error.impossible', params: {} });
  assert.deepEqual(dateProblem(p('abc')), { key: 'date.error.format', params: {} });
  assert.deepEqual(dateProblem(p('03/12/2026', { max: '2026-12-02' })), { key: 'date.error.tooLate', params: { date: '02/12/2026' } });
  assert.deepEqual(dateProblem(p('31/12/1899', { min: '1900-01-01' })), { key: 'date.error.tooEarly', params: { date: '01/01/1900' } });
  assert.equal(dateProblem(p('14/06/1988')), null);
  assert.equal(dateProblem(p('')), null);
});

test('display: ISO → JJ/MM/AAAA, anything else as it is', () => {
  assert.equal(displayDate('1988-06-14'), '14/06/1988');
  assert.equal(displayDate('30/02/2023'), '30/02/2023');
  assert.equal(displayDate(''), '');
});

test('the month grid starts on Monday', () => {
  // 1 June 1988 was a Wednesday.
  const g = monthGrid(1988, 6);
  assert.deepEqual(g[0], [null, null, '1988-06-01', '1988-06-02', '1988-06-03', '1988-06-04', '1988-06-05']);
  assert.equal(g.flat().filter(Boolean).length, 30);
  assert.ok(g.every((w) => w.length === 7));
  // February 2021 starts on a Monday and fills four weeks exactly.
  assert.equal(monthGrid(2021, 2).length, 4);
  assert.equal(monthGrid(2024, 2).flat().filter(Boolean).length, 29);
});

test('moving in the calendar: days across months, months keeping the day when it exists', () => {
  assert.equal(shiftDate('2024-01-31', { days: 1 }), '2024-02-01');
  assert.equal(shiftDate('2024-03-01', { days: -1 }), '2024-02-29');
  assert.equal(shiftDate('2024-01-31', { months: 1 }), '2024-02-29');
  assert.equal(shiftDate('2024-12-15', { months: 1 }), '2025-01-15');
  assert.equal(shiftDate('2024-01-15', { months: -12 }), '2023-01-15');
});
