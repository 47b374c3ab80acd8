// @ts-check
/**
 * What the claim page's sections share: the context they act through (the api, the claim's
 * id, and how to show the page again), the form-dialog runner (errors shown inside, next to the
 * control named by the backend's `invalid:<field>` code), and the card, fact and button builders.
 */
import { h } from '../../dom.js';
import { isoDateOf } from '../../format.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { formDialog } from '../../components/dialog.js';
import { clearError, showError } from '../../components/form.js';
import { submit } from '../../components/formSubmit.js';

/** @typedef {import('../../api.js').ApiError} ApiError */

/**
 * What a section needs from the page: the backend, the claim, whether the page is still shown,
 * and how to show it again (`render` with the page a command answered; `reload` after a command
 * that answered with the whole contract). `focusTestId`: the button to give the focus back to.
 * @typedef {object} ClaimContext
 * @property {import('../../api.js').Api} api
 * @property {number} id the claim's
 * @property {() => boolean} alive false once the page was left
 * @property {(page: import('../../api/types.js').ClaimPage, focusTestId?: string) => void} render
 * @property {(focusTestId: string) => Promise<void>} reload
 */

/** @returns {string} */
export const today = () => isoDateOf(new Date());

/**
 * A code → catalogue key table as select options.
 * @param {Record<string, string>} table
 * @returns {[string, string][]}
 */
export const optionsOf = (table) => Object.entries(table).map(([v, key]) => [v, t(key)]);

/**
 * @template T
 * @typedef {object} DialogSpec
 * @property {string} title
 * @property {HTMLElement} body holds the controls and `line`
 * @property {HTMLElement} line the error line
 * @property {string} confirmLabel
 * @property {string} confirmTestId
 * @property {(path: string) => HTMLElement | null | undefined} controls form path → control
 * @property {() => { message: string, control: HTMLElement | null } | null} [check] a check made
 *   before sending (a required field left empty…)
 * @property {() => Promise<T>} send
 */

/**
 * Opens a form dialog; on submit, runs `check` then `send`: a failure is shown inside the dialog
 * (the control named by the backend's `invalid:<field>` code flagged and focused) and the dialog
 * stays open. Resolves with the command's result once the dialog closed, or null when dismissed.
 * @template T
 * @param {DialogSpec<T>} spec
 * @returns {Promise<{ value: T } | null>}
 */
export async function runDialog(spec) {
  /** @type {{ value: T } | null} */
  let saved = null;
  const ok = await formDialog({
    title: spec.title,
    body: spec.body,
    confirmLabel: spec.confirmLabel,
    confirmTestId: spec.confirmTestId,
    onConfirm: async () => {
      clearError(spec.body, spec.line);
      const problem = spec.check?.() ?? null;
      if (problem) {
        showError(spec.line, problem.message, problem.control);
        return false;
      }
      return submit({ body: spec.body, line: spec.line, controls: spec.controls }, spec.send, (value) => { saved = { value }; });
    },
  });
  return ok ? saved : null;
}

/** « Non renseigné » agreed with its term: masculine, feminine, feminine plural. */
const NONE = { m: 'claimPage.none', f: 'claimPage.none.f', fp: 'claimPage.none.fp' };

/**
 * A term and its value in a definition list; an empty value reads « Non renseigné », agreed
 * with the term (`gender`: « Date de déclaration » → « Non renseignée »).
 * @param {string} term
 * @param {import('../../dom.js').Child | import('../../dom.js').Child[]} value
 * @param {string} [testid]
 * @param {'m' | 'f' | 'fp'} [gender]
 */
export function fact(term, value, testid, gender = 'm') {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  return [
    h('dt', null, term),
    h('dd', { class: empty ? 'muted' : null, dataset: { testid } }, empty ? t(NONE[gender]) : value),
  ];
}

/**
 * A card with its title and, on the right, its action button.
 * @param {string} id heading id
 * @param {string} title
 * @param {HTMLButtonElement | null} action
 * @param {{ wide?: boolean, testid?: string }} opts
 * @param {...(import('../../dom.js').Child | import('../../dom.js').Child[])} content
 */
export function card(id, title, action, opts, ...content) {
  return h('section', { class: opts.wide ? 'card card-wide' : 'card', 'aria-labelledby': id, dataset: { testid: opts.testid } },
    h('div', { class: 'card-head' }, h('h2', { id, class: 'card-title' }, title), action),
    ...content);
}

/**
 * An action button of a card (hidden in print).
 * @param {string} label
 * @param {string} testid
 * @param {() => void} onclick
 * @param {string} [iconName]
 */
export function actionButton(label, testid, onclick, iconName) {
  return h('button', { type: 'button', class: 'btn btn-small no-print', onclick, dataset: { testid } },
    iconName ? icon(iconName) : null, label);
}
