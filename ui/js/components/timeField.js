// @ts-check
/**
 * The one time field of the window: a text input typed « 1430 », « 14:30 », « 14h30 », « 9h »
 * (the reading is `timeInput.js`'s), shown 24-hour whatever the desktop's locale (WebKitGTK's
 * native `type="time"` follows the process's locale and shows « 12:30 PM »). One Tab stop.
 *
 * To the forms the input's `value` is `HH:MM` when the time can be read, '' when empty, and the
 * text as typed when it cannot (so the backend still names it if it is ever sent); set it with
 * `HH:MM`. `timeProblemOf(input)` gives the French message (« heure impossible » for 25:00),
 * which `formProblems` shows next to the field. What is shown is rewritten to HH:MM only when the
 * broker typed it, on leaving the field, and only if it is a real time: « 25:00 » stays as typed.
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { displayTime, parseTime, timeProblem, typedAsTime } from '../timeInput.js';

const nativeValue = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'));
/** @param {HTMLInputElement} el */
const rawOf = (el) => /** @type {string} */ (nativeValue.get?.call(el));
/** @param {HTMLInputElement} el @param {string} v */
const setRaw = (el, v) => nativeValue.set?.call(el, v);

/** @type {WeakSet<HTMLInputElement>} */
const fields = new WeakSet();

/**
 * A time field. `value`: `HH:MM` or ''.
 * @param {string} value
 * @param {string | undefined} testid
 * @param {{ required?: boolean, id?: string }} [opts]
 * @returns {HTMLInputElement}
 */
export function timeField(value, testid, opts = {}) {
  const input = h('input', {
    type: 'text',
    id: opts.id,
    class: 'time-input',
    autocomplete: 'off',
    spellcheck: 'false',
    inputmode: 'numeric',
    maxlength: '8',
    placeholder: t('time.placeholder'),
    title: t('time.help'),
    required: opts.required ?? false,
    dataset: { testid, timeField: '' },
  });
  fields.add(input);
  let typed = false;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      const s = parseTime(rawOf(input));
      return s.kind === 'valid' ? s.hhmm : rawOf(input).trim();
    },
    set(v) {
      setRaw(input, displayTime(String(v ?? '')));
      typed = false;
    },
  });
  input.value = value;
  input.addEventListener('input', () => { typed = true; });
  input.addEventListener('blur', () => {
    // « 1430 » → « 14:30 » once the broker leaves the field; « 25:00 » stays as typed.
    if (!typed) return;
    const s = parseTime(rawOf(input));
    if (s.kind === 'valid' && s.hhmm !== rawOf(input)) setRaw(input, s.hhmm);
  });
  return input;
}

/**
 * Is this control a time field?
 * @param {Element | null | undefined} el
 * @returns {el is HTMLInputElement}
 */
export function isTimeField(el) {
  return el instanceof HTMLInputElement && fields.has(el);
}

/**
 * The French message for a time field that cannot be taken, or null.
 * @param {HTMLInputElement} input
 */
export function timeProblemOf(input) {
  const key = timeProblem(parseTime(rawOf(input)));
  return key ? t(key, { typed: typedAsTime(rawOf(input)) }) : null;
}
