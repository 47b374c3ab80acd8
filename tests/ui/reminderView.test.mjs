// The reminders' pure part: wall times, the snooze presets (across a month end, on a Sunday and
// a Monday), how late a reminder is, the lead times typed in Paramètres.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closingEvent, daysLate, isSnoozed, parseLeadDays, snoozePresets, wallOf } from '../../ui/js/reminderView.js';

test('a wall time is the local date and the minute', () => {
  assert.equal(wallOf(new Date(2026, 11, 3, 9, 5, 59)), '2026-12-03T09:05');
  assert.equal(wallOf(new Date(2027, 0, 1, 0, 0)), '2027-01-01T00:00');
});

test('the snooze presets: an hour, tomorrow 9 h, next Monday 9 h, a week', () => {
  // Thursday 31 December 2026, 23:30: the hour crosses the year.
  const p = snoozePresets(new Date(2026, 11, 31, 23, 30));
  assert.deepEqual(p.map((x) => x.until), ['2027-01-01T00:30', '2027-01-01T09:00', '2027-01-04T09:00', '2027-01-07T23:30']);
  assert.deepEqual(p.map((x) => x.key), ['reminders.snooze.hour', 'reminders.snooze.tomorrow', 'reminders.snooze.monday', 'reminders.snooze.week']);
  // On a Sunday, next Monday is tomorrow; on a Monday, the one after.
  assert.equal(snoozePresets(new Date(2027, 1, 28, 10, 0))[2].until, '2027-03-01T09:00');
  assert.equal(snoozePresets(new Date(2027, 2, 1, 10, 0))[2].until, '2027-03-08T09:00');
  // 28 February of a leap year: tomorrow is the 29th.
  assert.equal(snoozePresets(new Date(2028, 1, 28, 18, 0))[1].until, '2028-02-29T09:00');
});

test('how late a due reminder is, in whole days', () => {
  const now = new Date(2026, 11, 3, 8, 0);
  assert.equal(daysLate('2026-12-03T07:00', now), 0);
  assert.equal(daysLate('2026-12-02T23:59', now), 1);
  assert.equal(daysLate('2026-11-03T09:00', now), 30);
  assert.equal(daysLate('2026-12-05T09:00', now), 0);
});

test('lead times typed as a broker types them', () => {
  assert.deepEqual(parseLeadDays('90, 60, 30, 15'), { days: [90, 60, 30, 15] });
  assert.deepEqual(parseLeadDays(' 45 ;15j  7 jours '), { days: [45, 15, 7] });
  assert.deepEqual(parseLeadDays('90, soixante'), { bad: 'soixante' });
  assert.deepEqual(parseLeadDays('-5'), { bad: '-5' });
  assert.deepEqual(parseLeadDays(''), { days: [] });
});

test('a closed reminder names its close; a snoozed one its new due time', () => {
  /** @type {any} */
  const r = {
    dueAt: '2026-12-04T09:00', firstDueAt: '2026-12-03T09:00',
    events: [
      { kind: 'fired', occurrence: '2026-12-03T09:00', broker: 'anne', recordedAt: '2026-12-03T08:00:00Z' },
      { kind: 'snoozed', occurrence: '2026-12-04T09:00', broker: 'anne', recordedAt: '2026-12-03T08:01:00Z' },
    ],
  };
  assert.equal(isSnoozed(r), true);
  assert.equal(closingEvent(r), null);
  r.events.push({ kind: 'done', occurrence: null, broker: 'paul', recordedAt: '2026-12-04T10:00:00Z' });
  assert.equal(closingEvent(r)?.broker, 'paul');
  assert.equal(isSnoozed({ ...r, dueAt: r.firstDueAt }), false);
});
