import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayTime, parseTime, timeProblem, typedAsTime } from '../../ui/js/timeInput.js';

const valid = (hhmm) => ({ kind: 'valid', hhmm });
const invalid = (reason) => ({ kind: 'invalid', reason });

test('times with a separator: colon, « h », dot, space', () => {
  assert.deepEqual(parseTime('14:30'), valid('14:30'));
  assert.deepEqual(parseTime('14h30'), valid('14:30'));
  assert.deepEqual(parseTime('14H30'), valid('14:30'));
  assert.deepEqual(parseTime('14.30'), valid('14:30'));
  assert.deepEqual(parseTime('14 30'), valid('14:30'));
  assert.deepEqual(parseTime(' 9:05 '), valid('09:05'));
  assert.deepEqual(parseTime('9 h 05'), valid('09:05'));
});

test('times without a separator: four digits, three digits', () => {
  assert.deepEqual(parseTime('1430'), valid('14:30'));
  assert.deepEqual(parseTime('0905'), valid('09:05'));
  assert.deepEqual(parseTime('930'), valid('09:30'));
  assert.deepEqual(parseTime('0000'), valid('00:00'));
  assert.deepEqual(parseTime('2359'), valid('23:59'));
});

test('the hour alone, with or without « h »', () => {
  assert.deepEqual(parseTime('9h'), valid('09:00'));
  assert.deepEqual(parseTime('14h'), valid('14:00'));
  assert.deepEqual(parseTime('9'), valid('09:00'));
  assert.deepEqual(parseTime('0'), valid('00:00'));
});

test('seconds are dropped (what a native control or a paste gives)', () => {
  assert.deepEqual(parseTime('14:30:15'), valid('14:30'));
  assert.deepEqual(parseTime('14:30:15.250'), valid('14:30'));
});

test('impossible times are refused, never turned into another time', () => {
  for (const s of ['25:00', '2500', '24:00', '24h', '14:60', '1460', '99', '25h30']) {
    assert.deepEqual(parseTime(s), invalid('impossible'), s);
  }
});

test('what is not a time: letters, twelve-hour forms, one-digit minutes, too many digits', () => {
  for (const s of ['midi', '12:30 PM', '2pm', '9:5', '14:3', '14305', '14::30', '-1', '14:30:']) {
    assert.deepEqual(parseTime(s), invalid('format'), s);
  }
});

test('empty', () => {
  assert.deepEqual(parseTime(''), { kind: 'empty' });
  assert.deepEqual(parseTime('   '), { kind: 'empty' });
  assert.deepEqual(parseTime(null), { kind: 'empty' });
});

test('display: 24-hour HH:MM; what cannot be read is shown as typed', () => {
  assert.equal(displayTime('9:05'), '09:05');
  assert.equal(displayTime('14h30'), '14:30');
  assert.equal(displayTime('25:00'), '25:00');
  assert.equal(displayTime(''), '');
});

test('the message key for each refusal', () => {
  assert.equal(timeProblem(parseTime('25:00')), 'time.error.impossible');
  assert.equal(timeProblem(parseTime('midi')), 'time.error.format');
  assert.equal(timeProblem(parseTime('14:30')), null);
  assert.equal(timeProblem(parseTime('')), null);
});

test('what was typed, said as a time in the message', () => {
  assert.equal(typedAsTime('2500'), '25:00');
  assert.equal(typedAsTime(' 25h00 '), '25h00');
});
