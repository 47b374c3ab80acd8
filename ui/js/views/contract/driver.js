// @ts-check
/**
 * A contract's drivers: add, correct ("Fin de la désignation" ends one).
 *
 *   driverDialog(api, contractId, onDone, defaults?)
 *   driverUpdateDialog(api, driver, onDone)
 *
 * Test ids: `driver-role`, `driver-last-name`…, `driver-aac`; corrections `driver-correct-role`,
 * `-last-name`, `-first-name`, `-birth-date`, `-licence-number`, `-licence-date`, `-aac`,
 * `-from-date`, `-to-date`, `-reason`; submits `submit-driver`, `submit-driver-correct`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { check, dateInput, errorLine, field, textInput } from '../../components/form.js';
import { driverLabel } from '../../claimView.js';
import {
  DRIVER_ROLES,
  driverCorrectionFieldsOf,
  driverFieldsToInput,
  driverUpdateOf,
  emptyDriverFields,
} from '../../contractInput.js';

import { endableCorrection, run, select, submit, today } from './kit.js';

/** @typedef {import('../../api/types.js').DriverRecord} DriverRecord */
/** @typedef {import('../../contractInput.js').DriverFields} DriverFields */
/** @typedef {import('../../api.js').Api} Api */

/**
 * @typedef {Partial<DriverFields> & { clientId?: number | null }} DriverDefaults
 *   Pre-filled values of the driver form; `clientId` when the driver is a client of the agency.
 */

/**
 * "Ajouter un conducteur": role, names, birth date, licence number and date, AAC, named from.
 * @param {Api} api
 * @param {number} contractId
 * @param {(driver: DriverRecord) => void} onDone
 * @param {DriverDefaults} [defaults]
 * @returns {Promise<boolean>}
 */
export function driverDialog(api, contractId, onDone, defaults = {}) {
  const d = driverControls({ ...emptyDriverFields(today()), ...defaults }, 'driver');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' }, ...d.nodes, check(t('driverForm.aac'), d.aac), line);
  return run({
    title: t('driverForm.title'),
    body,
    confirmLabel: t('driverForm.submit'),
    confirmTestId: 'submit-driver',
    onConfirm: (keep) => submit({ body, line, controls: (p) => d.named[p] },
      () => api.driverAdd(driverFieldsToInput(contractId, d.values(), defaults.clientId ?? null)), keep),
  }, onDone, t('driverForm.done'));
}

/**
 * The driver fields, shared by "add" and "correct" (the AAC box is placed by the caller).
 * @param {DriverFields} init
 * @param {string} prefix of the test ids (`driver-last-name`, `driver-correct-last-name`)
 */
export function driverControls(init, prefix) {
  const role = select(DRIVER_ROLES, init.role, `${prefix}-role`);
  const lastName = textInput(init.lastName, `${prefix}-last-name`, { required: true });
  const firstName = textInput(init.firstName, `${prefix}-first-name`);
  const birthDate = dateInput(init.birthDate, `${prefix}-birth-date`, { past: true });
  const licenceNumber = textInput(init.licenceNumber, `${prefix}-licence-number`);
  const licenceDate = dateInput(init.licenceDate, `${prefix}-licence-date`, { past: true });
  const aac = h('input', { type: 'checkbox', checked: init.aac, dataset: { testid: `${prefix}-aac` } });
  const fromDate = dateInput(init.fromDate, `${prefix}-from-date`, { required: true });
  const nodes = [
    field(t('driverForm.role'), role, { size: 'sm' }),
    h('div', { class: 'field-row' }, field(t('driverForm.lastName'), lastName), field(t('driverForm.firstName'), firstName)),
    h('div', { class: 'field-row' }, field(t('driverForm.birthDate'), birthDate), field(t('driverForm.licenceNumber'), licenceNumber)),
    h('div', { class: 'field-row' }, field(t('driverForm.licenceDate'), licenceDate), field(t('driverForm.fromDate'), fromDate)),
  ];
  /** @type {Record<string, HTMLElement>} */
  const named = { role, lastName, firstName, birthDate, licenceNumber, licenceDate, aac, fromDate };
  /** @returns {DriverFields} */
  const values = () => ({
    role: role.value,
    lastName: lastName.value,
    firstName: firstName.value,
    birthDate: birthDate.value,
    licenceNumber: licenceNumber.value,
    licenceDate: licenceDate.value,
    aac: aac.checked,
    fromDate: fromDate.value,
  });
  return { nodes, named, values, aac };
}

/**
 * "Corriger le conducteur": role, names, birth date, licence, AAC, designation dates prefilled —
 * "Fin de la désignation" ends it — and the reason.
 * @param {Api} api
 * @param {DriverRecord} driver
 * @param {(driver: DriverRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function driverUpdateDialog(api, driver, onDone) {
  const init = driverCorrectionFieldsOf(driver);
  const d = driverControls(init, 'driver-correct');
  return endableCorrection({
    kind: 'driver',
    text: {
      title: t('correction.driver.title'),
      lead: t('correction.driver.lead', { driver: driverLabel(driver) }),
      toDate: t('correction.driver.toDate'),
      toDateHint: t('correction.driver.toDate.hint'),
      hint: t('correction.driver.hint'),
      done: t('correction.driver.done'),
    },
    controls: d,
    extra: [check(t('driverForm.aac'), d.aac)],
    toDate: init.toDate,
    diff: (values) => driverUpdateOf(driver, values),
    send: (update) => api.driverUpdate(driver.id, update),
  }, onDone);
}
