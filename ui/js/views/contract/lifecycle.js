// @ts-check
/**
 * A contract's life: suspension, termination, avenant (amendment).
 *
 *   suspendDialog(api, contract, onDone)
 *   terminateDialog(api, contract, onDone)
 *   avenantDialog(api, contract, onDone)
 *
 * Test ids: `suspend-from`, `suspend-to`, `terminate-date`, `terminate-by`, `terminate-reason`,
 * `avenant-date`, `avenant-details`; submits `submit-suspend`, `submit-terminate`,
 * `submit-avenant`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { dateInput, errorLine, field, textInput, uid } from '../../components/form.js';
import { TERMINATED_BY, avenantFieldsToInput } from '../../contractInput.js';

import { GUARANTEES, premiumEditor } from './premiums.js';
import { run, select, submit, today } from './kit.js';

/** @typedef {import('../../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../../api/types.js').TerminatedBy} TerminatedBy */
/** @typedef {import('../../api.js').Api} Api */

/**
 * "Suspendre le contrat": from (first day without cover) to the day cover resumes; the
 * coefficients are recomputed. The backend keeps no reason for a suspension, so none is asked.
 * @param {Api} api
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function suspendDialog(api, contract, onDone) {
  const from = dateInput(today(), 'suspend-from', { required: true });
  const to = dateInput('', 'suspend-to', { required: true });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('suspendForm.lead', { insurer: contract.insurer, number: contract.number })),
    h('div', { class: 'field-row' }, field(t('suspendForm.from'), from), field(t('suspendForm.to'), to)),
    h('p', { class: 'hint' }, t('suspendForm.hint')),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { from, to };
  return run({
    title: t('suspendForm.title'),
    body,
    confirmLabel: t('suspendForm.submit'),
    confirmTestId: 'submit-suspend',
    onConfirm: (keep) => submit({ body, line, controls: (p) => named[p] }, () => api.contractSuspend(contract.id, from.value, to.value), keep),
  }, onDone, t('suspendForm.done'));
}

/**
 * "Résilier le contrat": date, by whom (client, assureur, loi Hamon, loi Chatel, vente du
 * véhicule, autre) and details. The history is kept.
 * @param {Api} api
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function terminateDialog(api, contract, onDone) {
  const onDate = dateInput(today(), 'terminate-date', { required: true });
  const by = select(TERMINATED_BY, 'client', 'terminate-by');
  const reason = textInput('', 'terminate-reason');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('terminateForm.lead', { insurer: contract.insurer, number: contract.number })),
    h('div', { class: 'field-row' }, field(t('terminateForm.date'), onDate), field(t('terminateForm.by'), by)),
    field(t('terminateForm.reason'), reason),
    h('p', { class: 'hint' }, t('terminateForm.hint')),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { onDate, terminatedBy: by, reason };
  return run({
    title: t('terminateForm.title'),
    body,
    confirmLabel: t('terminateForm.submit'),
    confirmTestId: 'submit-terminate',
    onConfirm: (keep) => submit({ body, line, controls: (p) => named[p] },
      () => api.contractTerminate(contract.id, onDate.value, /** @type {TerminatedBy} */ (by.value), reason.value.trim() || null), keep),
  }, onDone, t('terminateForm.done'));
}

/**
 * "Avenant": the date it takes effect, what it changes (in words, required), and the premium
 * lines it sets from that date (a guarantee listed replaces its earlier line; the earlier lines
 * stay in the history). Lines may be left blank for an amendment that changes no premium.
 * @param {Api} api
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function avenantDialog(api, contract, onDone) {
  const onDate = dateInput(today(), 'avenant-date', { required: true });
  const details = textInput('', 'avenant-details', { required: true });
  const guaranteeListId = uid('guarantees');
  const editor = premiumEditor(guaranteeListId);
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('avenantForm.lead', { insurer: contract.insurer, number: contract.number })),
    field(t('avenantForm.date'), onDate, { size: 'sm' }),
    field(t('avenantForm.details'), details, { hint: t('avenantForm.details.hint') }),
    h('datalist', { id: guaranteeListId }, GUARANTEES.map((k) => h('option', { value: t(k) }))),
    h('h3', { class: 'card-subtitle' }, t('avenantForm.premiums')),
    h('p', { class: 'hint' }, t('avenantForm.premiums.hint')),
    editor.rowsBox,
    h('p', null, editor.addButton),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { onDate, details };
  /** @type {Record<string, number[]>} */
  let rows = {};
  /** @param {string} path */
  const controls = (path) => editor.control(path) ?? named[path];
  return run({
    title: t('avenantForm.title'),
    body,
    confirmLabel: t('avenantForm.submit'),
    confirmTestId: 'submit-avenant',
    onConfirm: (keep) => {
      const built = avenantFieldsToInput({ onDate: onDate.value, details: details.value, premiums: editor.values() });
      rows = { premiums: built.rows };
      return submit({ body, line, controls, rows }, () => api.contractAvenant(contract.id, built.input), keep);
    },
  }, onDone, t('avenantForm.done'));
}
