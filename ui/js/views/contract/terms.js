// @ts-check
/**
 * A contract's terms: "Nouveau contrat" and "Corriger le contrat". Each dialog resolves
 * to `true` once saved (after `onDone` ran), `false` when dismissed.
 *
 *   newContractDialog(api, clientId, onDone, defaults?)
 *   contractUpdateDialog(api, contract, onDone)
 *
 * Test ids: `contract-insurer`, `contract-number`, … `contract-status`; submits `submit-contract`,
 * `submit-contract-correct`; corrections: `contract-correct-number`, `-product`,
 * `-subscription-date`, `-first-echeance`, `-usage`, `-clause-applies`, `-start-coefficient`,
 * `-reason`. The correction is prefilled, asks for the reason and sends only what changed
 * (`contractUpdateOf`); nothing changed: said in the dialog, no call.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { check, dateInput, errorLine, field, textInput, uid } from '../../components/form.js';
import {
  COMMON_INSURERS,
  PRODUCTS,
  START_STATUSES,
  USAGES,
  addOneYear,
  contractCorrectionFieldsOf,
  contractFieldsToInput,
  contractUpdateOf,
  emptyContractFields,
} from '../../contractInput.js';
import { insurerSuggestions } from '../../insurerInput.js';
import { dateState } from '../../components/dateField.js';

import { GUARANTEES, premiumEditor } from './premiums.js';
import { reasonInput, run, select, submit, submitCorrection, today } from './kit.js';
import { formatCoefficient, formatDate } from '../../format.js';

/**
 * Why the start coefficient field holds what it holds (`contract-start-reason`); hidden once
 * the broker types another value, shown again if the suggested one is typed back.
 * @param {import('../../contractView.js').StartSuggestion} s
 * @param {string} shown the suggested value as the field shows it
 * @param {HTMLInputElement} input
 */
function startReason(s, shown, input) {
  const params = { ...s.params, ...(s.params.date ? { date: formatDate(s.params.date) } : {}) };
  const p = h('p', { class: 'hint', dataset: { testid: 'contract-start-reason', source: s.source } }, t(s.reason, params));
  input.addEventListener('input', () => { p.hidden = input.value.trim() !== shown; });
  return p;
}

/** @typedef {import('../../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../../api.js').Api} Api */

/**
 * Adds the agency's insurers (`insurer_list`) to the insurer suggestions, before the usual ones,
 * without duplicates. Until they arrive, and if they cannot be read, the usual ones stay.
 * @param {Api} api
 * @param {HTMLDataListElement} datalist
 */
function suggestAgencyInsurers(api, datalist) {
  Promise.resolve()
    .then(() => api.insurerList())
    .then((list) => {
      const names = insurerSuggestions((list ?? []).map((i) => i.name));
      datalist.replaceChildren(...names.map((n) => h('option', { value: n })));
    })
    .catch(() => { /* the usual insurers stay suggested */ });
}

/**
 * The controls of a contract's terms (number, product, dates, usage, clause, start coefficient),
 * shared by the new-contract and correction dialogs; test ids are `<prefix>-number`, …
 * @param {{ number: string, product: string, subscriptionDate: string, firstEcheance: string, usage: string, clauseApplies: boolean, startCoefficient: string }} init
 * @param {string} prefix
 */
function termsControls(init, prefix) {
  const number = textInput(init.number, `${prefix}-number`, { required: true });
  const product = select(PRODUCTS, init.product, `${prefix}-product`);
  const subscription = dateInput(init.subscriptionDate, `${prefix}-subscription-date`, { required: true });
  const firstEcheance = dateInput(init.firstEcheance, `${prefix}-first-echeance`, { required: true });
  const usage = select(USAGES, init.usage, `${prefix}-usage`);
  const clause = h('input', { type: 'checkbox', checked: init.clauseApplies, dataset: { testid: `${prefix}-clause-applies` } });
  const startCoefficient = textInput(init.startCoefficient, `${prefix}-start-coefficient`, { inputmode: 'decimal', placeholder: '1,00' });
  return {
    number, product, subscription, firstEcheance, usage, clause, startCoefficient,
    /** @type {Record<string, HTMLElement>} form path → control, for the backend's field errors */
    named: { number, product, subscriptionDate: subscription, firstEcheance, usage, clauseApplies: clause, startCoefficient },
    values: () => ({
      number: number.value,
      product: product.value,
      subscriptionDate: subscription.value,
      firstEcheance: firstEcheance.value,
      usage: usage.value,
      clauseApplies: clause.checked,
      startCoefficient: startCoefficient.value,
    }),
  };
}

/**
 * "Nouveau contrat": insurer, number, product, dates, usage, clause, start coefficient, status
 * and the premium lines ("Ajouter une garantie"). The first échéance follows the subscription
 * date (one year later) until it is edited; the clause box follows the product (checked for
 * auto) until it is ticked by hand. The insurer field suggests the agency's insurers and the
 * usual ones.
 * @param {Api} api
 * @param {number} clientId
 * @param {(contract: ContractRecord) => void} onDone
 * @param {Partial<import('../../contractInput.js').ContractFields>} [defaults] prefilled values (the
 *   start coefficient computed from a relevé, and the counters that come with it, R17)
 * @param {import('../../contractView.js').StartSuggestion | null} [suggestion] the start
 *   coefficient suggested from the client's relevés or other contracts, shown with its reason
 *   (`contract-start-reason`) while the field holds it
 * @returns {Promise<boolean>}
 */
export function newContractDialog(api, clientId, onDone, defaults = {}, suggestion = null) {
  const suggested = suggestion && defaults.startCoefficient === undefined ? formatCoefficient(suggestion.coefficient) : null;
  const init = { ...emptyContractFields(today()), ...(suggested ? { startCoefficient: suggested } : {}), ...defaults };
  const insurerListId = uid('insurers');
  const guaranteeListId = uid('guarantees');
  const insurer = textInput(init.insurer, 'contract-insurer', { required: true, list: insurerListId });
  const terms = termsControls(init, 'contract');
  const { number, product, subscription, firstEcheance, usage, clause, startCoefficient } = terms;
  const status = select(START_STATUSES, init.status, 'contract-status');

  let echeanceEdited = false;
  firstEcheance.addEventListener('input', () => { echeanceEdited = true; });
  // It follows only a date that can be read: while the subscription date is being typed, or is
  // impossible (« 31022024 »), the first échéance keeps what it shows.
  subscription.addEventListener('input', () => {
    if (echeanceEdited) return;
    const s = dateState(subscription);
    const next = s.kind === 'valid' ? addOneYear(s.iso) : null;
    if (next) firstEcheance.value = next;
  });
  let clauseEdited = false;
  clause.addEventListener('change', () => { clauseEdited = true; });
  product.addEventListener('change', () => {
    if (!clauseEdited) clause.checked = product.value === 'auto';
  });

  const { rowsBox, addButton, values: premiumValues, control: premiumControl } = premiumEditor(guaranteeListId);
  const insurerList = h('datalist', { id: insurerListId }, COMMON_INSURERS.map((n) => h('option', { value: n })));
  suggestAgencyInsurers(api, insurerList);

  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    field(t('contractForm.insurer'), insurer),
    insurerList,
    h('datalist', { id: guaranteeListId }, GUARANTEES.map((k) => h('option', { value: t(k) }))),
    h('div', { class: 'field-row' },
      field(t('contractForm.number'), number),
      field(t('contractForm.product'), product, { size: 'sm' })),
    h('div', { class: 'field-row' },
      field(t('contractForm.subscriptionDate'), subscription),
      field(t('contractForm.firstEcheance'), firstEcheance, { hint: t('contractForm.firstEcheance.follows') })),
    h('div', { class: 'field-row' },
      field(t('contractForm.usage'), usage),
      field(t('contractForm.status'), status, { size: 'sm' })),
    check(t('contractForm.clauseApplies'), clause),
    // The reason of a suggested value replaces the general hint.
    suggestion && suggested
      ? h('div', null, field(t('contractForm.startCoefficient'), startCoefficient, { size: 'sm' }), startReason(suggestion, suggested, startCoefficient))
      : field(t('contractForm.startCoefficient'), startCoefficient, { hint: t('contractForm.startCoefficient.hint'), size: 'sm' }),
    init.startClaimFreeStreak !== undefined || init.startPeriodsAtFloor !== undefined
      ? h('p', { class: 'hint', dataset: { testid: 'contract-start-counters' } },
        t('contractForm.startCounters', { streak: String(init.startClaimFreeStreak ?? 0), floor: String(init.startPeriodsAtFloor ?? 0) }))
      : null,
    h('h3', { class: 'card-subtitle' }, t('contractForm.premiums')),
    rowsBox,
    h('p', null, addButton),
    line);

  /** @type {Record<string, number[]>} */
  let rows = {};
  /** @type {Record<string, HTMLElement>} */
  const named = { insurer, ...terms.named, status };
  /** @param {string} path */
  const controls = (path) => premiumControl(path) ?? named[path];

  return run({
    title: t('contractForm.title'),
    body,
    confirmLabel: t('contractForm.submit'),
    confirmTestId: 'submit-contract',
    onConfirm: (keep) => {
      const built = contractFieldsToInput(clientId, {
        insurer: insurer.value,
        ...terms.values(),
        startClaimFreeStreak: init.startClaimFreeStreak,
        startPeriodsAtFloor: init.startPeriodsAtFloor,
        status: status.value,
        premiums: premiumValues(),
      });
      rows = { premiums: built.rows };
      return submit({ body, line, controls, rows }, () => api.contractCreate(built.input), keep);
    },
  }, onDone, t('contractForm.done'));
}

/**
 * "Corriger le contrat": its terms (number, product, dates, usage, clause, start coefficient)
 * prefilled, and the reason. Only what changed is sent; the coefficients are recomputed from the
 * subscription and the replaced values kept in the contract's history.
 * @param {Api} api
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function contractUpdateDialog(api, contract, onDone) {
  const init = contractCorrectionFieldsOf(contract);
  const terms = termsControls(init, 'contract-correct');
  const { number, product, subscription, firstEcheance, usage, clause, startCoefficient } = terms;
  const { reason, node: reasonField } = reasonInput('contract-correct-reason');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('correction.contract.lead', { insurer: contract.insurer, number: contract.number })),
    h('div', { class: 'field-row' },
      field(t('contractForm.number'), number),
      field(t('contractForm.product'), product, { size: 'sm' })),
    h('div', { class: 'field-row' },
      field(t('contractForm.subscriptionDate'), subscription),
      field(t('contractForm.firstEcheance'), firstEcheance)),
    field(t('contractForm.usage'), usage, { size: 'md' }),
    check(t('contractForm.clauseApplies'), clause),
    field(t('contractForm.startCoefficient'), startCoefficient, { hint: t('correction.contract.startCoefficient.hint'), size: 'sm' }),
    h('p', { class: 'hint', dataset: { testid: 'contract-correct-hint' } }, t('correction.contract.hint')),
    reasonField,
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { ...terms.named, reason };
  return run({
    title: t('correction.contract.title'),
    body,
    confirmLabel: t('correction.submit'),
    confirmTestId: 'submit-contract-correct',
    onConfirm: (keep) => submitCorrection({ body, line, controls: (p) => named[p] },
      contractUpdateOf(contract, terms.values()),
      reason,
      (update) => api.contractUpdate(contract.id, update),
      keep),
  }, onDone, t('correction.contract.done'));
}
