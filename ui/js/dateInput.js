// @ts-check
/**
 * Reading a date typed by a broker: the one parser behind every date field of the window
 * (`components/dateField.js`). Pure, DOM-free, no clock: `today` is passed in. Tested by Node.
 *
 * Accepted, day first: `14061988`, `140688`, `14/06/1988`, `14.06.1988`, `14-06-1988`,
 * `14 06 1988`, `14.06.88`, `3/7/1980` (day and month of one digit, with separators), and the ISO
 * form `1988-06-14` (what the forms hold and what is pasted from elsewhere).
 *
 * Century rule for two-digit years: « AA » is read as the year ending in AA among the 100 years
 * that end ten years after the current year. In 2026 that is 1937 … 2036: « 88 » → 1988,
 * « 05 » → 2005, « 30 » → 2030 (a renewal date), « 36 » → 2036, « 37 » → 1937. For a date that
 * can only be in the past (a birth date, a licence date: `past: true`), the window is the last
 * 100 years, ending with the current one: in 2026, 1927 … 2026, so « 36 » → 1936. A year outside
 * the window is typed with four digits. `twoDigitYearWindow` gives the window for the help text.
 *
 * Results: `empty`; `valid` with the ISO date; `invalid` with why: `format` (not a date one can
 * read: incomplete, letters…), `impossible` (30/02/2023, 31/04, 00/01, 32/01, month 13),
 * `tooEarly` / `tooLate` (outside the field's bounds). Nothing is ever "corrected" into another
 * date: an impossible date stays impossible.
 */

/** How many years after the current one a two-digit year may still mean. */
export const TWO_DIGIT_YEARS_AHEAD = 10;

/**
 * @typedef {{ kind: 'empty' }
 *   | { kind: 'valid', iso: string }
 *   | { kind: 'invalid', reason: 'format' | 'impossible' | 'tooEarly' | 'tooLate', bound?: string }} DateState
 */

/** @param {number} n @param {number} [width] */
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** @param {number} y */
export function isLeapYear(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Days in a month (1–12) of a year.
 * @param {number} y @param {number} m
 */
export function daysInMonth(y, m) {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/**
 * The years a two-digit year can mean, given today's year: `[2026 - 89, 2026 + 10]`, or for a
 * date of the past `[2026 - 99, 2026]`.
 * @param {number} currentYear
 * @param {boolean} [past]
 * @returns {[number, number]}
 */
export function twoDigitYearWindow(currentYear, past = false) {
  const last = currentYear + (past ? 0 : TWO_DIGIT_YEARS_AHEAD);
  return [last - 99, last];
}

/**
 * « 88 » → 1988 (in 2026), by the century rule above.
 * @param {number} yy 0–99
 * @param {number} currentYear
 * @param {boolean} [past]
 */
export function expandTwoDigitYear(yy, currentYear, past = false) {
  const [, last] = twoDigitYearWindow(currentYear, past);
  let y = Math.floor(last / 100) * 100 + yy;
  if (y > last) y -= 100;
  return y;
}

/**
 * Reads what was typed. `today` is `YYYY-MM-DD` (for the two-digit years); `min` / `max` are ISO
 * bounds, inclusive, when the field has them; `past`: a date that can only be in the past (the
 * two-digit years' window ends with the current year).
 * @param {string | null | undefined} text
 * @param {{ today: string, min?: string, max?: string, past?: boolean }} opts
 * @returns {DateState}
 */
export function parseDate(text, opts) {
  const s = (text ?? '').trim();
  if (s === '') return { kind: 'empty' };
  const currentYear = Number(opts.today.slice(0, 4));
  /** @type {RegExpExecArray | null} */
  let m;
  let d, mo, y;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{2})(\d{2})(\d{2})$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), expandTwoDigitYear(Number(m[3]), currentYear, opts.past)];
  } else if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4}|\d{2})$/.exec(s))) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = m[3].length === 2 ? expandTwoDigitYear(Number(m[3]), currentYear, opts.past) : Number(m[3]);
  } else {
    return { kind: 'invalid', reason: 'format' };
  }
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return { kind: 'invalid', reason: 'impossible' };
  const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (opts.min && iso < opts.min) return { kind: 'invalid', reason: 'tooEarly', bound: opts.min };
  if (opts.max && iso > opts.max) return { kind: 'invalid', reason: 'tooLate', bound: opts.max };
  return { kind: 'valid', iso };
}

/**
 * `1988-06-14` → `14/06/1988` (what the field shows); anything else unchanged.
 * @param {string} iso
 */
export function displayDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The catalogue key (and its parameters) of the message for an invalid date.
 * @param {DateState} state
 * @returns {{ key: string, params: Record<string, string> } | null}
 */
export function dateProblem(state) {
  if (state.kind !== 'invalid') return null;
  if (state.reason === 'impossible') return { key: 'date.error.impossible', params: {} };
  if (state.reason === 'tooEarly') return { key: 'date.error.tooEarly', params: { date: displayDate(state.bound ?? '') } };
  if (state.reason === 'tooLate') return { key: 'date.error.tooLate', params: { date: displayDate(state.bound ?? '') } };
  return { key: 'date.error.format', params: {} };
}

/**
 * The weeks of a month for the calendar, Monday first: rows of 7 ISO dates or null (days of the
 * months around it are left blank).
 * @param {number} y
 * @param {number} m 1–12
 * @returns {(string | null)[][]}
 */
export function monthGrid(y, m) {
  // Day of the week of the 1st, Monday = 0 (Zeller-free: Date in UTC is pure enough here).
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const days = daysInMonth(y, m);
  /** @type {(string | null)[][]} */
  const weeks = [];
  /** @type {(string | null)[]} */
  let week = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) {
    week.push(`${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/**
 * An ISO date moved by `days` days (the calendar's arrow keys), or by `months` months keeping
 * the day when it exists (the 31st → the month's last day).
 * @param {string} iso
 * @param {{ days?: number, months?: number }} by
 */
export function shiftDate(iso, by) {
  const [y, m, d] = iso.split('-').map(Number);
  if (by.months) {
    const total = y * 12 + (m - 1) + by.months;
    const ny = Math.floor(total / 12);
    const nm = (total % 12) + 1;
    return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
  }
  const t = new Date(Date.UTC(y, m - 1, d + (by.days ?? 0)));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
