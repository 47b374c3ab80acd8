// @ts-check
/**
 * Aggravating circumstances (art. A121-1-2) of a driver, and withdrawing any recorded fact:
 *
 *   driverAggravationDialog(api, contract, driver, onDone)   suspension (months or dates),
 *     cancellation, several suspensions, non-declaration; a suspension may name the alcohol or
 *     hit-and-run fact that caused it
 *   withdrawAggravationDialog(api, aggravation, onDone)       with the reason (required)
 *   aggravationList(aggravations, onWithdraw)                 the facts, withdrawn ones marked
 *
 * Test ids: `aggravation-fact`, `aggravation-on-date`, `aggravation-length-mode`,
 * `aggravation-months`, `aggravation-from`, `aggravation-to`, `aggravation-caused-by`,
 * `aggravation-note`, submit `submit-aggravation`; `aggravation-withdraw-reason`,
 * `submit-aggravation-withdraw`; rows `aggravation-row` (`data-withdrawn`), buttons
 * `aggravation-withdraw`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { clearError, dateInput, errorLine, field, select, showError, textInput } from '../../components/form.js';
import { driverLabel } from '../../claimView.js';
import {
  DRIVER_FACTS,
  aggravationInputOf,
  aggravationProblem,
  aggravationText,
  causeOptions,
  factLabel,
  withdrawnText,
} from '../../aggravationView.js';

import { run, submit } from './kit.js';

/** @typedef {import('../../api.js').Api} Api */
/** @typedef {import('../../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../../api/types.js').DriverRecord} DriverRecord */
/** @typedef {import('../../api/types.js').AggravationRecord} AggravationRecord */

/**
 * The recorded facts as a list, each with its « Retirer » button while in force.
 * @param {AggravationRecord[]} list
 * @param {(a: AggravationRecord) => void} onWithdraw
 */
export function aggravationList(list, onWithdraw) {
  return h('ul', { class: 'plain aggravation-list', dataset: { testid: 'aggravations' } }, list.map((a) => h('li', {
    class: a.withdrawn ? 'aggravation-withdrawn' : null,
    dataset: { testid: 'aggravation-row', id: a.id, withdrawn: a.withdrawn ? 'true' : null },
  },
  a.withdrawn ? h('s', null, aggravationText(a)) : aggravationText(a),
  a.withdrawn
    ? h('span', { class: 'muted' }, ` — ${withdrawnText(a)}`)
    : h('button', {
      type: 'button', class: 'btn btn-small no-print', onclick: () => onWithdraw(a),
      'aria-label': t('aggravation.withdraw.aria', { fact: factLabel(a.fact) }), dataset: { testid: 'aggravation-withdraw' },
    }, t('aggravation.withdraw')))));
}

/**
 * « Circonstance aggravante » of a driver.
 * @param {Api} api
 * @param {ContractRecord} k
 * @param {DriverRecord} driver
 * @param {(record: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function driverAggravationDialog(api, k, driver, onDone) {
  const fact = select(DRIVER_FACTS.map((f) => [f, factLabel(f)]), 'suspension', 'aggravation-fact');
  const onDate = dateInput('', 'aggravation-on-date', { past: true });
  const lengthMode = select([['months', t('aggravation.lengthMode.months')], ['dates', t('aggravation.lengthMode.dates')]], 'months', 'aggravation-length-mode');
  const months = textInput('', 'aggravation-months', { inputmode: 'numeric' });
  const from = dateInput('', 'aggravation-from');
  const to = dateInput('', 'aggravation-to');
  const causedBy = select(causeOptions(k.aggravations, k.claims, driver.id), '', 'aggravation-caused-by');
  const note = textInput('', 'aggravation-note');
  const line = errorLine();
  const modeField = field(t('aggravation.field.lengthMode'), lengthMode, { size: 'md' });
  const monthsField = field(t('aggravation.field.months'), months, { size: 'sm' });
  const datesRow = h('div', { class: 'field-row' }, field(t('aggravation.field.from'), from), field(t('aggravation.field.to'), to));
  const causeField = field(t('aggravation.field.causedBy'), causedBy, { hint: t('aggravation.field.causedByHint') });
  const sync = () => {
    const suspension = fact.value === 'suspension';
    modeField.hidden = !suspension;
    monthsField.hidden = !suspension || lengthMode.value !== 'months';
    datesRow.hidden = !suspension || lengthMode.value !== 'dates';
    causeField.hidden = fact.value === 'non_declaration';
  };
  fact.addEventListener('change', sync);
  lengthMode.addEventListener('change', sync);
  sync();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('aggravation.add.leadDriver')),
    h('p', null, driverLabel(driver)),
    field(t('aggravation.field.fact'), fact),
    field(t('aggravation.field.onDate'), onDate, { hint: t('aggravation.field.onDateHintDriver'), size: 'md' }),
    modeField, monthsField, datesRow, causeField,
    field(t('aggravation.field.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { fact, onDate, suspensionMonths: months, suspensionFrom: from, suspensionTo: to, causedBy, note };
  return run({
    title: t('aggravation.add'),
    body,
    confirmLabel: t('aggravation.submit'),
    confirmTestId: 'submit-aggravation',
    onConfirm: (keep) => {
      const fields = {
        fact: fact.value,
        onDate: onDate.value,
        lengthMode: /** @type {'months' | 'dates'} */ (lengthMode.value),
        months: months.value,
        from: from.value,
        to: to.value,
        causedBy: causedBy.value,
        note: note.value,
      };
      const problem = aggravationProblem(fields);
      if (problem) {
        clearError(body, line);
        showError(line, problem, months);
        return Promise.resolve(false);
      }
      return submit({ body, line, controls: (p) => named[p] }, () => api.driverAggravationAdd(driver.id, aggravationInputOf(fields)), keep);
    },
  }, onDone, t('aggravation.done'));
}

/**
 * « Retirer » a recorded fact: the reason is required; the fact stays in the history.
 * @param {Api} api
 * @param {AggravationRecord} a
 * @param {(record: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function withdrawAggravationDialog(api, a, onDone) {
  const reason = textInput('', 'aggravation-withdraw-reason', { required: true });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('aggravation.withdraw.lead')),
    h('p', null, aggravationText(a)),
    field(t('aggravation.withdraw.reason'), reason),
    line);
  return run({
    title: t('aggravation.withdraw.title'),
    body,
    confirmLabel: t('aggravation.withdraw.submit'),
    confirmTestId: 'submit-aggravation-withdraw',
    onConfirm: (keep) => {
      if (reason.value.trim() === '') {
        clearError(body, line);
        showError(line, t('aggravation.withdraw.reasonRequired'), reason);
        return Promise.resolve(false);
      }
      return submit({ body, line, controls: () => reason }, () => api.aggravationWithdraw(a.id, reason.value.trim()), keep);
    },
  }, onDone, t('aggravation.withdraw.done'));
}
