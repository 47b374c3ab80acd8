// @ts-check
/**
 * Reading a time typed by a broker: the one parser behind every time field of the window
 * (`components/timeField.js`), as `dateInput.js` is for dates. Pure, DOM-free. Tested by Node.
 *
 * The native `<input type="time">` of WebKitGTK follows the process's locale, not the page's, and
 * shows « 12:30 PM » on a desktop set up in English; this parser makes the window 24-hour
 * whatever the desktop.
 *
 * Accepted: `14:30`, `14h30`, `14H30`, `14.30`, `14 30`, `1430`, `930` (09:30), `9h`, `14h`,
 * `9`, `14` (the hour alone); seconds (`14:30:15`) are dropped. Minutes have two digits (`9:5`
 * is refused). The result is `HH:MM`, 24-hour.
 *
 * Results: `empty`; `valid` with `HH:MM`; `invalid` with why: `format` (not a time one can read)
 * or `impossible` (25:00, 14:60, 24:00). Nothing is ever "corrected" into another time.
 */

/**
 * @typedef {{ kind: 'empty' }
 *   | { kind: 'valid', hhmm: string }
 *   | { kind: 'invalid', reason: 'format' | 'impossible' }} TimeState
 */

/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

/**
 * Reads what was typed.
 * @param {string | null | undefined} text
 * @returns {TimeState}
 */
export function parseTime(text) {
  const s = (text ?? '').trim();
  if (s === '') return { kind: 'empty' };
  /** @type {RegExpExecArray | null} */
  let m;
  let hh, mm;
  if ((m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(s)) || (m = /^(\d{1,2})\s+(\d{2})$/.exec(s))) {
    [hh, mm] = [Number(m[1]), Number(m[2])];
  } else if ((m = /^(\d{1,2})\s*[hH]?$/.exec(s))) {
    [hh, mm] = [Number(m[1]), 0];
  } else if ((m = /^(\d{1,2})(\d{2})$/.exec(s))) {
    [hh, mm] = [Number(m[1]), Number(m[2])];
  } else {
    return { kind: 'invalid', reason: 'format' };
  }
  if (hh > 23 || mm > 59) return { kind: 'invalid', reason: 'impossible' };
  return { kind: 'valid', hhmm: `${pad(hh)}:${pad(mm)}` };
}

/**
 * What the field shows for a time: `HH:MM` (24-hour). Anything that is not a time, unchanged.
 * @param {string} hhmm
 */
export function displayTime(hhmm) {
  const s = parseTime(hhmm);
  return s.kind === 'valid' ? s.hhmm : hhmm;
}

/**
 * The catalogue key of the message for an invalid time, or null.
 * @param {TimeState} state
 * @returns {string | null}
 */
export function timeProblem(state) {
  if (state.kind !== 'invalid') return null;
  return state.reason === 'impossible' ? 'time.error.impossible' : 'time.error.format';
}

/**
 * « 1430 » → « 14:30 » for the message about what was typed (digits only: the way it was meant).
 * @param {string} typed
 */
export function typedAsTime(typed) {
  const m = /^(\d{1,2})(\d{2})$/.exec(typed.trim());
  return m ? `${m[1]}:${m[2]}` : typed.trim();
}
