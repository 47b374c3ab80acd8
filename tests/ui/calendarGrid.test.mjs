// The renewal calendar's date logic: month grids at month ends and in leap years, weeks starting
// on Monday, moving by months across year ends, the list's period, grouping and overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  daysInMonth,
  groupByDay,
  listPeriod,
  monthGrid,
  overflow,
  weekDays,
  weekdayIndex,
  weekStart,
} from '../../ui/js/calendarGrid.js';

test('weeks start on Monday', () => {
  assert.equal(weekdayIndex('2027-03-01'), 0, '1 March 2027 is a Monday');
  assert.equal(weekdayIndex('2027-02-28'), 6, 'a Sunday');
  assert.equal(weekStart('2027-02-28'), '2027-02-22');
  assert.equal(weekStart('2027-01-01'), '2026-12-28', 'across the year end');
  const w = weekDays('2026-12-31', '2026-12-31');
  assert.deepEqual(w.map((d) => d.date), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  assert.deepEqual(w.filter((d) => d.today).map((d) => d.date), ['2026-12-31']);
});

test('a month grid runs from the Monday before the 1st to the Sunday after the last day', () => {
  // February 2027: 28 days, starts on a Monday, ends on a Sunday: exactly four weeks.
  const feb = monthGrid('2027-02-15', '2027-02-10');
  assert.equal(feb.weeks.length, 4);
  assert.equal(feb.first, '2027-02-01');
  assert.equal(feb.last, '2027-02-28');
  assert.ok(feb.weeks.flat().every((d) => d.inMonth));
  assert.deepEqual(feb.weeks.flat().filter((d) => d.today).map((d) => d.date), ['2027-02-10']);
  // February 2028 (leap year): 29 days, from Monday 31 January to Sunday 5 March.
  assert.equal(daysInMonth(2028, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28, 'a century is not leap');
  assert.equal(daysInMonth(2000, 2), 29, 'unless divisible by 400');
  const leap = monthGrid('2028-02-01', '2027-01-01');
  assert.equal(leap.first, '2028-01-31');
  assert.equal(leap.last, '2028-03-05');
  assert.equal(leap.weeks.length, 5);
  assert.deepEqual(leap.weeks.flat().filter((d) => d.inMonth).length, 29);
  assert.ok(leap.weeks.flat().some((d) => d.date === '2028-02-29' && d.inMonth));
  // May 2027: the 1st a Saturday, the 31st a Monday: six weeks.
  const may = monthGrid('2027-05-31', '2027-01-01');
  assert.equal(may.weeks.length, 6);
  assert.equal(may.first, '2027-04-26');
  assert.equal(may.last, '2027-06-06');
  assert.ok(may.weeks.every((w) => w.length === 7));
  // December 2026 runs into January 2027.
  const dec = monthGrid('2026-12-01', '2026-12-01');
  assert.equal(dec.last, '2027-01-03');
  assert.equal(dec.weeks.at(-1)?.at(-1)?.inMonth, false);
});

test('moving by months lands on the first of the month, across year ends', () => {
  assert.equal(addMonths('2027-01-31', 1), '2027-02-01');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-01');
  assert.equal(addMonths('2027-01-15', -1), '2026-12-01');
  assert.equal(addMonths('2027-03-01', -14), '2026-01-01');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2027-02-28', 1), '2027-03-01');
  assert.equal(addDays('2027-03-28', 7), '2027-04-04', 'summer time does not move a day');
});

test('the list view covers today and the next 30, 60 or 90 days', () => {
  assert.deepEqual(listPeriod('2026-11-24', 90), { from: '2026-11-24', to: '2027-02-22' });
  assert.deepEqual(listPeriod('2027-12-15', 30), { from: '2027-12-15', to: '2028-01-14' });
});

test('items are grouped by day in date order, and a full day shows « +N »', () => {
  const items = [
    { date: '2027-03-02', id: 1 },
    { date: '2027-03-01', id: 2 },
    { date: '2027-03-02', id: 3 },
  ];
  assert.deepEqual(groupByDay(items), [
    { date: '2027-03-01', items: [{ date: '2027-03-01', id: 2 }] },
    { date: '2027-03-02', items: [{ date: '2027-03-02', id: 1 }, { date: '2027-03-02', id: 3 }] },
  ]);
  assert.deepEqual(overflow([1, 2, 3], 3), { shown: [1, 2, 3], more: 0 });
  assert.deepEqual(overflow([1, 2, 3, 4, 5], 3), { shown: [1, 2], more: 3 });
});
