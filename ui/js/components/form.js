// @ts-check
/**
 * The pieces every dialog form is made of: labelled fields, checkboxes, inputs, the error line,
 * and showing a backend error next to the control it concerns. Used by the contract forms and
 * the claim page.
 */
import { h } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { errorSummary, stripColon } from '../formState.js';
import { dateField, isDateField, nodeOf, problemOf } from './dateField.js';
import { isTimeField, timeField, timeProblemOf } from './timeField.js';

let seq = 0;
/** A fresh element id. @param {string} prefix */
export const uid = (prefix) => `fm-${prefix}-${++seq}`;

/**
 * A labelled control, with an optional hint read with it.
 * @param {string} label
 * @param {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} control
 * @param {{ hint?: string, size?: 'xs' | 'sm' | 'md' | 'lg' }} [opts]
 */
export function field(label, control, opts = {}) {
  if (!control.id) control.id = uid('f');
  const hint = opts.hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, opts.hint) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  return h('div', { class: opts.size ? `field field-${opts.size}` : 'field' },
    h('label', { class: 'field-label', for: control.id }, label), nodeOf(control), hint);
}

/**
 * A checkbox with its label. The box sits in its own span: `.form-stack input` would otherwise
 * stretch it to the full width.
 * @param {string} label
 * @param {HTMLInputElement} box
 */
export function check(label, box) {
  return h('label', { class: 'check' }, h('span', null, box), label);
}

/**
 * @param {[string, string][]} options value → label (already translated)
 * @param {string} selected
 * @param {string} testid
 */
export function select(options, selected, testid) {
  const el = h('select', { dataset: { testid } }, options.map(([v, label]) => h('option', { value: v, selected: v === selected }, label)));
  el.value = selected;
  return el;
}

/**
 * A date field (`dateField.js`): typed JJ/MM/AAAA, a calendar on demand; its `value` is ISO.
 * @param {string} value ISO or ''
 * @param {string} testid
 * @param {{ required?: boolean, min?: string, max?: string, past?: boolean }} [opts]
 */
export function dateInput(value, testid, opts = {}) {
  return dateField(value, testid, opts);
}

/**
 * A time field (`timeField.js`): typed « 1430 », « 14h30 », « 9h », shown 24-hour; its `value`
 * is `HH:MM`.
 * @param {string} value `HH:MM` or ''
 * @param {string} testid
 * @param {{ required?: boolean }} [opts]
 */
export function timeInput(value, testid, opts = {}) {
  return timeField(value, testid, opts);
}

/**
 * @param {string} value
 * @param {string} testid
 * @param {Record<string, unknown>} [attrs]
 */
export function textInput(value, testid, attrs = {}) {
  return h('input', { type: 'text', value, autocomplete: 'off', ...attrs, dataset: { testid } });
}

/**
 * @param {string} value
 * @param {string} testid
 * @param {Record<string, unknown>} [attrs]
 */
export function textArea(value, testid, attrs = {}) {
  return h('textarea', { rows: 3, value, ...attrs, dataset: { testid } });
}

/**
 * The error summary of a dialog (`form-error`): put at the top of the dialog by `formDialog`,
 * it lists every refusal, each with its field, while each field shows its own message.
 */
export function errorLine() {
  return h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true, dataset: { testid: 'form-error' } });
}

/**
 * @typedef {{ message: string, control?: HTMLElement | null }} FormProblem a refusal, and the
 *   control it is about (none: the form as a whole)
 */

/** The label a control is known by: its `<label for>`, the label around it, or its aria-label. @param {HTMLElement} control */
function labelOf(control) {
  const byFor = control.id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  const around = control.closest('label, .field');
  const lab = byFor ?? around?.querySelector('.field-label, label, legend') ?? null;
  return (lab?.textContent ?? control.getAttribute('aria-label') ?? '').trim();
}

/**
 * Clears the previous errors: the summary, the flagged controls and their messages.
 * @param {HTMLElement} body
 * @param {HTMLElement} line
 */
export function clearError(body, line) {
  line.hidden = true;
  line.replaceChildren();
  body.querySelectorAll('[aria-invalid="true"]').forEach((el) => unflag(/** @type {HTMLElement} */ (el)));
}

/** Removes a control's error: its flag and its message. @param {HTMLElement} control */
function unflag(control) {
  control.removeAttribute('aria-invalid');
  const errId = control.dataset.errorId;
  if (errId) {
    control.ownerDocument.getElementById(errId)?.remove();
    const d = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== errId);
    if (d.length) control.setAttribute('aria-describedby', d.join(' '));
    else control.removeAttribute('aria-describedby');
    delete control.dataset.errorId;
  }
}

let errSeq = 0;

/**
 * Shows refusals: each next to its control (flagged `aria-invalid`, its message read with it),
 * all in the summary at the top; the first faulty control gets the focus and is scrolled into
 * view (the summary, when no control is named). A control's error goes as soon as it is
 * corrected (typed in again); the summary follows.
 * @param {HTMLElement} line the summary (`errorLine()`)
 * @param {FormProblem[]} problems
 */
export function showErrors(line, problems) {
  if (problems.length === 0) return;
  /** @type {{ label: string, message: string }[]} */
  const entries = [];
  /** @type {HTMLElement[]} */
  const items = [];
  for (const p of problems) {
    const control = p.control ?? null;
    const label = control ? labelOf(control) : '';
    entries.push({ label, message: p.message });
    if (control) {
      unflag(control);
      const errId = `err-${++errSeq}`;
      const msg = h('p', { id: errId, class: 'field-error', dataset: { testid: 'field-error' } }, p.message);
      const box = control.closest('.field') ?? nodeOf(control).parentElement;
      (box ?? line).append(msg);
      control.setAttribute('aria-invalid', 'true');
      control.dataset.errorId = errId;
      const d = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      control.setAttribute('aria-describedby', [errId, ...d].join(' '));
      const fixed = () => {
        control.removeEventListener('input', fixed);
        control.removeEventListener('change', fixed);
        unflag(control);
        item.remove();
        if (!line.querySelector('li')) {
          line.hidden = true;
          line.replaceChildren();
        } else {
          refreshTitle(line);
        }
      };
      control.addEventListener('input', fixed);
      control.addEventListener('change', fixed);
      const item = h('li', null, h('a', {
        href: '#',
        onclick: (/** @type {Event} */ e) => { e.preventDefault(); focusControl(control); },
      }, label ? stripColon(label) : p.message), label ? ` : ${p.message}` : null);
      items.push(item);
    } else {
      items.push(h('li', null, p.message));
    }
  }
  const summary = errorSummary(entries);
  line.replaceChildren(h('p', { class: 'form-summary-title' }, tn('form.summary', summary.count)), h('ul', null, items));
  line.hidden = false;
  const first = problems.find((p) => p.control)?.control;
  if (first) focusControl(first);
  else {
    line.focus({ preventScroll: true });
    line.scrollIntoView?.({ block: 'nearest' });
  }
}

/** @param {HTMLElement} line */
function refreshTitle(line) {
  const n = line.querySelectorAll('li').length;
  const title = line.querySelector('.form-summary-title');
  if (title) title.textContent = tn('form.summary', n);
}

/** @param {HTMLElement} control */
function focusControl(control) {
  control.focus({ preventScroll: true });
  (control.closest('.field') ?? control).scrollIntoView?.({ block: 'center' });
}

/**
 * Shows one error; flags and focuses the control it names, if any.
 * @param {HTMLElement} line
 * @param {string} message
 * @param {HTMLElement | null | undefined} control
 */
export function showError(line, message, control) {
  showErrors(line, [{ message, control }]);
}

/**
 * What the form can refuse before sending, in the order of the controls: a required control
 * left empty (« Ce champ est obligatoire. », never the browser's own bubble), a date field that
 * cannot be read or is impossible (« date impossible »), a time field likewise (« heure
 * impossible »). Hidden controls are not checked.
 * @param {ParentNode} body
 * @returns {FormProblem[]}
 */
export function formProblems(body) {
  /** @type {FormProblem[]} */
  const problems = [];
  for (const el of Array.from(body.querySelectorAll('input, select, textarea'))) {
    const c = /** @type {HTMLInputElement} */ (el);
    if (c.disabled || c.type === 'hidden' || c.closest('[hidden]')) continue;
    if (isDateField(c)) {
      const m = problemOf(c);
      if (m) { problems.push({ message: m, control: c }); continue; }
    }
    if (isTimeField(c)) {
      const m = timeProblemOf(c);
      if (m) { problems.push({ message: m, control: c }); continue; }
    }
    const required = c.required || c.getAttribute('aria-required') === 'true';
    if (required && c.type !== 'checkbox' && c.type !== 'radio' && c.value.trim() === '') problems.push({ message: t('common.required'), control: c });
  }
  return problems;
}
