// @ts-check
/**
 * The one date field of the window: a text input typed JJ/MM/AAAA, with or without separators
 * (« 14061988 », « 14.06.88 »: the reading and its century rule are `dateInput.js`'s), and a
 * calendar on demand (the small button, or Alt+↓ in the field). One Tab stop: the button is
 * reached with the mouse or Alt+↓, the calendar is a month grid moved with the arrow keys
 * (PageUp/PageDown: month, Shift+PageUp/PageDown: year, Home/End: the week, Enter: choose,
 * Escape: close, back to the field).
 *
 * To the forms the input's `value` is ISO: `YYYY-MM-DD` when the date can be read, '' when empty,
 * and the text as typed when it cannot (so the backend still names it if it is ever sent); set
 * it with an ISO date and it shows 14/06/1988. `dateState(input)` says which (`empty`, `valid`,
 * `invalid` with why); `problemOf(input)` gives the French message. What is shown is only
 * rewritten to JJ/MM/AAAA when the broker typed it, on leaving the field, and only if it is a
 * real date: « 30/02/2023 » stays as typed, with « date impossible ».
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { isoDateOf } from '../format.js';
import { dateProblem, displayDate, monthGrid, parseDate, shiftDate, twoDigitYearWindow } from '../dateInput.js';

const nativeValue = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'));
/** @param {HTMLInputElement} el */
const rawOf = (el) => /** @type {string} */ (nativeValue.get?.call(el));
/** @param {HTMLInputElement} el @param {string} v */
const setRaw = (el, v) => nativeValue.set?.call(el, v);

/**
 * @typedef {object} DateFieldState
 * @property {HTMLElement} node the field and its button (what goes in the form)
 * @property {string | undefined} min
 * @property {string | undefined} max
 * @property {boolean} past a date of the past (birth, licence): two-digit years up to this year
 * @property {boolean} typed whether the broker typed since the value was last set
 * @property {() => void} open the calendar
 * @property {() => void} close
 */

/** @type {WeakMap<HTMLInputElement, DateFieldState>} */
const fields = new WeakMap();

/** @returns {string} */
const today = () => isoDateOf(new Date());

/**
 * A date field. `value`: ISO or ''. Options: `required`, `min`/`max` (ISO, inclusive), `past`
 * (a birth or licence date: a two-digit year is read up to the current year), `id`, `label`
 * (for the calendar's name).
 * @param {string} value
 * @param {string | undefined} testid
 * @param {{ required?: boolean, min?: string, max?: string, past?: boolean, id?: string, label?: string }} [opts]
 * @returns {HTMLInputElement}
 */
export function dateField(value, testid, opts = {}) {
  const past = opts.past ?? false;
  const [from, to] = twoDigitYearWindow(Number(today().slice(0, 4)), past);
  const input = h('input', {
    type: 'text',
    id: opts.id,
    class: 'date-input',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '10',
    placeholder: t('date.placeholder'),
    title: t('date.help', { from: String(from), to: String(to) }),
    required: opts.required ?? false,
    'aria-haspopup': 'dialog',
    dataset: { testid, dateField: '' },
  });
  if (opts.min) input.dataset.min = opts.min;
  if (opts.max) input.dataset.max = opts.max;
  const button = h('button', {
    type: 'button',
    class: 'date-button',
    tabindex: '-1',
    'aria-label': t('date.openCalendar'),
    title: t('date.openCalendar'),
    dataset: { testid: testid ? `${testid}-calendar` : undefined },
  }, calendarIcon());
  const popup = h('div', { class: 'date-popup', role: 'dialog', 'aria-modal': 'false', 'aria-label': opts.label ?? t('date.calendar'), hidden: true, dataset: { testid: 'date-calendar' } });
  const node = h('span', { class: 'date-field' }, input, button, popup);

  /** @type {DateFieldState} */
  const state = { node, min: opts.min, max: opts.max, past, typed: false, open, close };
  fields.set(input, state);

  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      const s = parseDate(rawOf(input), { today: today(), past });
      if (s.kind === 'valid') return s.iso;
      return rawOf(input).trim();
    },
    set(v) {
      setRaw(input, displayDate(String(v ?? '')));
      state.typed = false;
    },
  });
  input.value = value;

  input.addEventListener('input', () => { state.typed = true; });
  input.addEventListener('blur', () => {
    // Only what the broker typed is rewritten, and only a real date (even outside the bounds,
    // which are said in the message): « 14.06.88 » → « 14/06/1988 »; « 30/02/2023 » stays.
    if (!state.typed) return;
    const s = parseDate(rawOf(input), { today: today(), past });
    if (s.kind === 'valid' && displayDate(s.iso) !== rawOf(input)) setRaw(input, displayDate(s.iso));
  });
  input.addEventListener('keydown', (e) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      open();
    }
  });
  button.addEventListener('click', () => (popup.hidden ? open() : close()));

  /** The month shown, `YYYY-MM-01`, and the day with the focus. */
  let shownMonth = '';
  let active = '';

  function open() {
    const s = dateState(input);
    const t0 = today();
    let start = s.kind === 'valid' ? s.iso : t0;
    if (state.max && start > state.max) start = state.max;
    if (state.min && start < state.min) start = state.min;
    active = start;
    render();
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', onOutside, true);
    focusActive();
    popup.scrollIntoView?.({ block: 'nearest' });
  }

  /** @param {{ focusInput?: boolean }} [o] */
  function close(o = { focusInput: true }) {
    if (popup.hidden) return;
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', onOutside, true);
    if (o.focusInput) input.focus();
  }

  /** @param {MouseEvent} e */
  function onOutside(e) {
    if (!(e.target instanceof Node) || !node.contains(e.target)) close({ focusInput: false });
  }

  /** @param {string} iso */
  function choose(iso) {
    setRaw(input, displayDate(iso));
    state.typed = true;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    close();
  }

  /** @param {string} iso */
  const allowed = (iso) => (!state.min || iso >= state.min) && (!state.max || iso <= state.max);

  function focusActive() {
    /** @type {HTMLElement | null} */ (popup.querySelector(`[data-date="${active}"]`))?.focus();
  }

  function render() {
    const y = Number(active.slice(0, 4));
    const m = Number(active.slice(5, 7));
    shownMonth = active.slice(0, 7);
    const chosen = dateState(input);
    const t0 = today();
    const monthSel = h('select', { class: 'date-month', 'aria-label': t('date.month'), dataset: { testid: 'date-calendar-month' } },
      MONTHS.map((k, i) => h('option', { value: String(i + 1), selected: i + 1 === m }, t(k))));
    monthSel.value = String(m);
    const minY = state.min ? Number(state.min.slice(0, 4)) : 1900;
    const maxY = state.max ? Number(state.max.slice(0, 4)) : Math.max(Number(t0.slice(0, 4)) + 30, y);
    const years = [];
    for (let yy = maxY; yy >= Math.min(minY, y); yy--) years.push(yy);
    const yearSel = h('select', { class: 'date-year', 'aria-label': t('date.year'), dataset: { testid: 'date-calendar-year' } },
      years.map((yy) => h('option', { value: String(yy), selected: yy === y }, String(yy))));
    yearSel.value = String(y);
    const jump = () => {
      const ny = Number(yearSel.value);
      const nm = Number(monthSel.value);
      const day = Math.min(Number(active.slice(8, 10)), new Date(Date.UTC(ny, nm, 0)).getUTCDate());
      active = `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      render();
    };
    monthSel.addEventListener('change', jump);
    yearSel.addEventListener('change', jump);
    const prev = h('button', { type: 'button', class: 'btn btn-icon btn-quiet date-nav', 'aria-label': t('date.prevMonth'), title: t('date.prevMonth'),
      onclick: () => { active = shiftDate(active, { months: -1 }); render(); focusActive(); } }, '‹');
    const next = h('button', { type: 'button', class: 'btn btn-icon btn-quiet date-nav', 'aria-label': t('date.nextMonth'), title: t('date.nextMonth'),
      onclick: () => { active = shiftDate(active, { months: 1 }); render(); focusActive(); } }, '›');
    const grid = h('table', { class: 'date-grid', role: 'grid', 'aria-label': `${t(MONTHS[m - 1])} ${y}` },
      h('thead', null, h('tr', null, WEEKDAYS.map(([short, long]) => h('th', { scope: 'col', abbr: t(long) }, t(short))))),
      h('tbody', null, monthGrid(y, m).map((week) => h('tr', null, week.map((iso) => {
        if (!iso) return h('td', null);
        const ok = allowed(iso);
        const b = h('button', {
          type: 'button',
          class: 'date-day',
          tabindex: iso === active ? '0' : '-1',
          disabled: !ok,
          'aria-selected': chosen.kind === 'valid' && chosen.iso === iso ? 'true' : 'false',
          'aria-current': iso === t0 ? 'date' : null,
          'aria-label': displayDate(iso),
          dataset: { date: iso },
          onclick: () => choose(iso),
        }, String(Number(iso.slice(8, 10))));
        return h('td', { role: 'gridcell' }, b);
      })))));
    popup.replaceChildren(h('div', { class: 'date-head' }, prev, monthSel, yearSel, next), grid,
      h('p', { class: 'date-popup-hint' }, t('date.keys')));
  }

  popup.addEventListener('keydown', (e) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key === 'Tab') {
      // Focus stays in the calendar while it is open: head controls, then the grid's day.
      const items = /** @type {HTMLElement[]} */ ([...popup.querySelectorAll('.date-head button, .date-head select, .date-day[tabindex="0"]')]);
      const i = target ? items.indexOf(target) : -1;
      const n = items.length;
      if (n) {
        e.preventDefault();
        items[(i + (e.shiftKey ? -1 : 1) + n) % n].focus();
      }
      return;
    }
    if (!target?.classList.contains('date-day')) return;
    /** @type {{ days?: number, months?: number } | null} */
    let by = null;
    const dow = (new Date(`${active}T00:00:00Z`).getUTCDay() + 6) % 7;
    switch (e.key) {
      case 'ArrowLeft': by = { days: -1 }; break;
      case 'ArrowRight': by = { days: 1 }; break;
      case 'ArrowUp': by = { days: -7 }; break;
      case 'ArrowDown': by = { days: 7 }; break;
      case 'Home': by = { days: -dow }; break;
      case 'End': by = { days: 6 - dow }; break;
      case 'PageUp': by = { months: e.shiftKey ? -12 : -1 }; break;
      case 'PageDown': by = { months: e.shiftKey ? 12 : 1 }; break;
      default: return;
    }
    e.preventDefault();
    active = shiftDate(active, by);
    if (active.slice(0, 7) !== shownMonth) render();
    else {
      popup.querySelectorAll('.date-day').forEach((b) => b.setAttribute('tabindex', /** @type {HTMLElement} */ (b).dataset.date === active ? '0' : '-1'));
    }
    focusActive();
  });
  node.addEventListener('focusout', (e) => {
    const next = e.relatedTarget;
    if (!popup.hidden && next instanceof Node && !node.contains(next)) close({ focusInput: false });
  });

  return input;
}

const MONTHS = ['date.m1', 'date.m2', 'date.m3', 'date.m4', 'date.m5', 'date.m6', 'date.m7', 'date.m8', 'date.m9', 'date.m10', 'date.m11', 'date.m12'];
/** @type {[string, string][]} */
const WEEKDAYS = [['date.d1', 'date.d1.long'], ['date.d2', 'date.d2.long'], ['date.d3', 'date.d3.long'], ['date.d4', 'date.d4.long'], ['date.d5', 'date.d5.long'], ['date.d6', 'date.d6.long'], ['date.d7', 'date.d7.long']];

/** A small calendar drawn in SVG (no icon font, no inline style). */
function calendarIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  for (const [tag, attrs] of /** @type {[string, Record<string, string>][]} */ ([
    ['rect', { x: '2', y: '3', width: '12', height: '11', rx: '1.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.4' }],
    ['path', { d: 'M2 6.5h12M5 1.5v3M11 1.5v3', stroke: 'currentColor', 'stroke-width': '1.4', fill: 'none' }],
  ])) {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.append(el);
  }
  return svg;
}

/**
 * The years a two-digit year is read in today (`[1937, 2036]` in 2026; for a date of the past
 * `[1927, 2026]`), for a field's help.
 * @param {boolean} [past]
 * @returns {{ from: string, to: string }}
 */
export function twoDigitYears(past = false) {
  const [from, to] = twoDigitYearWindow(Number(today().slice(0, 4)), past);
  return { from: String(from), to: String(to) };
}

/**
 * Is this control a date field?
 * @param {Element | null | undefined} el
 * @returns {el is HTMLInputElement}
 */
export function isDateField(el) {
  return el instanceof HTMLInputElement && fields.has(el);
}

/**
 * What goes in the form for a control: a date field's box (the input and its button), or the
 * control itself.
 * @template {HTMLElement} C
 * @param {C} control
 * @returns {HTMLElement}
 */
export function nodeOf(control) {
  return control instanceof HTMLInputElement ? fields.get(control)?.node ?? control : control;
}

/**
 * What a date field holds now, read with its bounds.
 * @param {HTMLInputElement} input
 * @returns {import('../dateInput.js').DateState}
 */
export function dateState(input) {
  const f = fields.get(input);
  return parseDate(rawOf(input), { today: today(), min: f?.min, max: f?.max, past: f?.past });
}

/**
 * The French message for a date field that cannot be taken, or null.
 * @param {HTMLInputElement} input
 */
export function problemOf(input) {
  const p = dateProblem(dateState(input));
  if (!p) return null;
  // « 31022024 » is said « 31/02/2024 » in the message; the field keeps what was typed.
  const raw = rawOf(input).trim();
  const m = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(raw);
  return t(p.key, { ...p.params, typed: m ? `${m[1]}/${m[2]}/${m[3]}` : raw });
}

/**
 * What the broker sees in the field (for messages and tests).
 * @param {HTMLInputElement} input
 */
export function shownText(input) {
  return rawOf(input);
}

/**
 * Closes the calendar open in `root`, if any; true when there was one.
 * @param {ParentNode} root
 */
export function closeOpenCalendar(root) {
  const pop = root.querySelector('.date-popup:not([hidden])');
  const input = pop?.parentElement?.querySelector('input');
  const f = input instanceof HTMLInputElement ? fields.get(input) : undefined;
  if (!f) return false;
  f.close();
  return true;
}
