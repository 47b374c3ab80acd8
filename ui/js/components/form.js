// @ts-check
/**
 * The pieces every dialog form is made of: labelled fields, checkboxes, inputs, the error line,
 * and showing a backend error next to the control it concerns. Used by the contract forms and
 * the claim page.
 */
import { h } from '../dom.js';

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
    h('label', { class: 'field-label', for: control.id }, label), control, hint);
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
 * @param {string} value
 * @param {string} testid
 * @param {{ required?: boolean }} [opts]
 */
export function dateInput(value, testid, opts = {}) {
  return h('input', { type: 'date', value, required: opts.required ?? false, dataset: { testid } });
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

/** The error line of a dialog. */
export function errorLine() {
  return h('p', { class: 'field-error', role: 'alert', hidden: true, dataset: { testid: 'form-error' } });
}

/**
 * Clears the previous error: the line and the flagged controls.
 * @param {HTMLElement} body
 * @param {HTMLElement} line
 */
export function clearError(body, line) {
  line.hidden = true;
  line.textContent = '';
  body.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/**
 * Shows an error in the dialog; flags and focuses the control it names, if any.
 * @param {HTMLElement} line
 * @param {string} message
 * @param {HTMLElement | null | undefined} control
 */
export function showError(line, message, control) {
  line.textContent = message;
  line.hidden = false;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
}
