// @ts-check
/**
 * The renewal calendar's date logic, pure (no DOM, no clock: `today` is passed in), on ISO
 * dates (`2027-03-01`) computed in UTC so no time zone or summer time moves a day: the month
 * grid (weeks starting on Monday, the days of the neighbouring months to fill them), the week,
 * the list's period (today and the next N days), moving by a month or a week, and the items
 * grouped by day.
 */

const MS_DAY = 86_400_000;

/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

/**
 * @param {string} iso
 * @returns {Date} midnight UTC of that day
 */
function utc(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** @param {Date} d @returns {string} */
function isoOf(d) {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * `iso` plus `n` days (negative: minus).
 * @param {string} iso @param {number} n @returns {string}
 */
export function addDays(iso, n) {
  return isoOf(new Date(utc(iso).getTime() + n * MS_DAY));
}

/** @param {number} y */
export function isLeapYear(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** @param {number} year @param {number} month 1 to 12 */
export function daysInMonth(year, month) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * The day of the week, Monday 0 to Sunday 6.
 * @param {string} iso
 */
export function weekdayIndex(iso) {
  return (utc(iso).getUTCDay() + 6) % 7;
}

/**
 * The first of the month `months` after the one of `iso` (negative: before).
 * @param {string} iso @param {number} months @returns {string}
 */
export function addMonths(iso, months) {
  const [y, m] = iso.split('-').map(Number);
  const k = y * 12 + (m - 1) + months;
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}-01`;
}

/**
 * The Monday of the week holding `iso`.
 * @param {string} iso @returns {string}
 */
export function weekStart(iso) {
  return addDays(iso, -weekdayIndex(iso));
}

/**
 * @typedef {{ date: string, inMonth: boolean, today: boolean }} GridDay
 * @typedef {{ first: string, last: string, weeks: GridDay[][] }} MonthGrid
 */

/**
 * The month of `iso` as weeks of seven days starting on Monday: from the Monday on or before
 * the 1st to the Sunday on or after the last day (4 to 6 weeks). `first` and `last` are the
 * grid's first and last days (what to ask the backend for).
 * @param {string} iso any day of the month
 * @param {string} today
 * @returns {MonthGrid}
 */
export function monthGrid(iso, today) {
  const [y, m] = iso.split('-').map(Number);
  const start = `${y}-${pad(m)}-01`;
  const end = `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
  const first = weekStart(start);
  const last = addDays(end, 6 - weekdayIndex(end));
  /** @type {GridDay[][]} */
  const weeks = [];
  for (let d = first; d <= last; d = addDays(d, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, k) => {
        const date = addDays(d, k);
        return { date, inMonth: date >= start && date <= end, today: date === today };
      }),
    );
  }
  return { first, last, weeks };
}

/**
 * The seven days (Monday to Sunday) of the week holding `iso`.
 * @param {string} iso @param {string} today @returns {GridDay[]}
 */
export function weekDays(iso, today) {
  const monday = weekStart(iso);
  return Array.from({ length: 7 }, (_, k) => {
    const date = addDays(monday, k);
    return { date, inMonth: true, today: date === today };
  });
}

/**
 * The list view's period: today and the next `days` days.
 * @param {string} today @param {number} days
 * @returns {{ from: string, to: string }}
 */
export function listPeriod(today, days) {
  return { from: today, to: addDays(today, days) };
}

/**
 * Items grouped by their `date`, in date order (items keep their order within a day).
 * @template {{ date: string }} T
 * @param {T[]} items
 * @returns {{ date: string, items: T[] }[]}
 */
export function groupByDay(items) {
  /** @type {Map<string, T[]>} */
  const by = new Map();
  for (const i of items) {
    const list = by.get(i.date);
    if (list) list.push(i);
    else by.set(i.date, [i]);
  }
  return [...by.keys()].sort().map((date) => ({ date, items: /** @type {T[]} */ (by.get(date)) }));
}

/**
 * What a day cell shows: at most `max` items, and how many more (« +N »).
 * @template T
 * @param {T[]} items @param {number} max
 * @returns {{ shown: T[], more: number }}
 */
export function overflow(items, max) {
  if (items.length <= max) return { shown: items, more: 0 };
  return { shown: items.slice(0, max - 1), more: items.length - (max - 1) };
}
