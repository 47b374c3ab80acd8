// @ts-check
/**
 * French display formatting. Pure functions, no DOM, no clock (today is passed in), no floats
 * for money or coefficients: the backend sends decimal strings and they are handled as text.
 */

/** Narrow no-break space: the French thousands separator (as `Intl` fr-FR writes it). */
export const NNBSP = '\u202F';
/** No-break space: between an amount and its currency sign. */
export const NBSP = '\u00A0';

/**
 * @param {number} n
 * @param {number} width
 */
function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

/**
 * Is (y, m, d) a real calendar date?
 * @param {number} y @param {number} m @param {number} d
 */
export function isValidYmd(y, m, d) {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** @param {number} y */
function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `2026-11-23` → `23/11/2026`. An RFC 3339 timestamp is shown as its local date.
 * `null`, `undefined` and empty give `''`; anything unparsable is returned unchanged.
 * @param {string | null | undefined} value
 * @param {{ timeZone?: string }} [opts]
 * @returns {string}
 */
export function formatDate(value, opts = {}) {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTimestamp(value, { ...opts, withTime: false });
  return value;
}

/**
 * RFC 3339 timestamp → `23/11/2026` or `23/11/2026 14:05` in the given (default: local) zone.
 * @param {string | null | undefined} value
 * @param {{ timeZone?: string, withTime?: boolean }} [opts]
 * @returns {string}
 */
export function formatTimestamp(value, opts = {}) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  /** @type {Intl.DateTimeFormatOptions} */
  const o = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: opts.timeZone };
  if (opts.withTime) {
    o.hour = '2-digit';
    o.minute = '2-digit';
    o.hourCycle = 'h23';
  }
  /** @type {Record<string, string>} */
  const p = {};
  for (const { type, value: v } of new Intl.DateTimeFormat('fr-FR', o).formatToParts(d)) p[type] = v;
  const date = `${p.day}/${p.month}/${p.year}`;
  return opts.withTime ? `${date} ${p.hour}:${p.minute}` : date;
}

/**
 * Today's local date as `YYYY-MM-DD` (the caller passes the clock in).
 * @param {Date} now
 */
export function isoDateOf(now) {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A date typed by a French user → `YYYY-MM-DD`, or `null` when it is not a real date.
 * Accepts `23/11/2026`, `23-11-2026`, `23.11.2026`, `23 11 2026`, `23112026`, `2026-11-23`,
 * and two-digit days and months without leading zero (`3/7/1980`).
 * @param {string | null | undefined} text
 * @returns {string | null}
 */
export function parseUserDate(text) {
  const s = (text ?? '').trim();
  if (!s) return null;
  let y, mo, d;
  let m = ISO_DATE.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (!isValidYmd(y, mo, d)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/**
 * Age in whole years on `today` (both `YYYY-MM-DD`). `null` if either is missing or invalid, or
 * if the birth date is after today. Someone born on 29 February has their birthday on 1 March in
 * common years.
 * @param {string | null | undefined} birthDate
 * @param {string} today
 * @returns {number | null}
 */
export function ageOn(birthDate, today) {
  const b = birthDate ? ISO_DATE.exec(birthDate) : null;
  const t = ISO_DATE.exec(today);
  if (!b || !t) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ty, tm, td] = [Number(t[1]), Number(t[2]), Number(t[3])];
  if (!isValidYmd(by, bm, bd) || !isValidYmd(ty, tm, td)) return null;
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age < 0 ? null : age;
}

/**
 * Groups an unsigned string of digits by thousands with a narrow no-break space.
 * @param {string} digits
 */
function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

const DECIMAL = /^([+-])?(\d+)(?:[.,](\d*))?$/;

/**
 * Formats a decimal string (`"1234.5"`) with `decimals` places, French separators, and rounding
 * half away from zero done on the digits (never through a float). Returns `null` if unparsable.
 * @param {string | number | null | undefined} value
 * @param {number} decimals
 * @returns {string | null}
 */
export function formatDecimal(value, decimals) {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : null) : value.trim();
  if (s === null) return null;
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const negative = m[1] === '-';
  let int = m[2].replace(/^0+(?=\d)/, '');
  let frac = m[3] ?? '';
  if (frac.length > decimals) {
    const roundUp = frac.charCodeAt(decimals) >= 53; // '5'
    frac = frac.slice(0, decimals);
    if (roundUp) {
      // Add one unit in the last place, on the digit string.
      const all = (int + frac).split('').map(Number);
      let i = all.length - 1;
      while (i >= 0) {
        if (all[i] === 9) {
          all[i] = 0;
          i--;
        } else {
          all[i] += 1;
          break;
        }
      }
      let joined = all.join('');
      if (i < 0) joined = '1' + joined;
      int = joined.slice(0, joined.length - decimals);
      frac = joined.slice(joined.length - decimals);
      if (int === '') int = '0';
    }
  }
  frac = frac.padEnd(decimals, '0');
  const isZero = /^0*$/.test(int + frac);
  const sign = negative && !isZero ? '-' : '';
  return sign + groupThousands(int) + (decimals > 0 ? ',' + frac : '');
}

/**
 * A money amount sent as a decimal string → `1 234,56 €` (narrow no-break space between
 * thousands, no-break space before the euro sign). Unparsable input is returned as is.
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function formatAmount(value) {
  if (value === null || value === undefined || value === '') return '';
  const f = formatDecimal(value, 2);
  return f === null ? String(value) : `${f}${NBSP}€`;
}

/**
 * A bonus-malus coefficient sent as `"0.85"` → `0,85` (always two decimals).
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function formatCoefficient(value) {
  if (value === null || value === undefined || value === '') return '';
  const f = formatDecimal(value, 2);
  return f === null ? String(value) : f;
}

/**
 * An integer count → `10 234`.
 * @param {number} n
 * @returns {string}
 */
export function formatCount(n) {
  if (!Number.isFinite(n)) return '';
  const sign = n < 0 ? '-' : '';
  return sign + groupThousands(String(Math.trunc(Math.abs(n))));
}

/**
 * A phone number as stored (`0612345678`, `+33612345678`, `+4915112345678`) → display form:
 * French numbers in pairs (`06 12 34 56 78`, `+33 6 12 34 56 78`); others left as they are.
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function formatPhone(value) {
  if (!value) return '';
  const compact = value.replace(/[\s.\-()]/g, '');
  if (/^0\d{9}$/.test(compact)) return compact.replace(/(\d{2})(?=\d)/g, '$1 ');
  const fr = /^(?:\+|00)33(\d{9})$/.exec(compact);
  if (fr) return `+33 ${fr[1][0]} ${fr[1].slice(1).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  return value.trim();
}

/**
 * A SIREN `123456789` → `123 456 789`; anything else unchanged.
 * @param {string | null | undefined} value
 */
export function formatSiren(value) {
  if (!value) return '';
  const c = value.replace(/\s/g, '');
  return /^\d{9}$/.test(c) ? `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6)}` : value;
}

/**
 * Pages of a list: the 1-based range shown, for "1–50 sur 10 234".
 * @param {number} page 1-based
 * @param {number} pageSize
 * @param {number} total
 * @returns {{ from: number, to: number, pages: number }}
 */
export function pageRange(page, pageSize, total) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= 0) return { from: 0, to: 0, pages };
  const p = Math.min(Math.max(1, page), pages);
  const from = (p - 1) * pageSize + 1;
  return { from, to: Math.min(total, p * pageSize), pages };
}
