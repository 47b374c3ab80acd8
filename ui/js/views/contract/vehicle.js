// @ts-check
/**
 * A contract's vehicles: add, replace (R16), correct.
 *
 *   vehicleDialog(api, contractId, onDone)
 *   replaceVehicleDialog(api, contractId, oldVehicle, onDone)
 *   vehicleUpdateDialog(api, vehicle, onDone)
 *
 * Test ids: `vehicle-registration`, `vehicle-make`…, `vehicle-other-drivers`,
 * `vehicle-same-drivers`; corrections `vehicle-correct-registration`, `-make`, `-model`,
 * `-first-registration`, `-from-date`, `-to-date`, `-reason`; submits `submit-vehicle`,
 * `submit-vehicle-replace`, `submit-vehicle-correct`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { check, dateInput, errorLine, field, textInput, uid } from '../../components/form.js';
import { vehicleLabel } from '../../claimView.js';
import {
  emptyVehicleFields,
  vehicleCorrectionFieldsOf,
  vehicleFieldsToInput,
  vehicleUpdateOf,
} from '../../contractInput.js';

import { endableCorrection, run, submit, today } from './kit.js';

/** @typedef {import('../../api/types.js').VehicleRecord} VehicleRecord */
/** @typedef {import('../../contractInput.js').VehicleFields} VehicleFields */
/** @typedef {import('../../api.js').Api} Api */

/**
 * The vehicle fields, shared by "add", "replace" and "correct".
 * @param {string} fromLabel
 * @param {VehicleFields} [init] blank by default (on the contract from today)
 * @param {string} [prefix] of the test ids (`vehicle-registration`, `vehicle-correct-registration`)
 */
export function vehicleControls(fromLabel, init = emptyVehicleFields(today()), prefix = 'vehicle') {
  const registration = textInput(init.registration, `${prefix}-registration`, { required: true, placeholder: 'AB-123-CD', autocapitalize: 'characters' });
  const make = textInput(init.make, `${prefix}-make`);
  const model = textInput(init.model, `${prefix}-model`);
  const firstRegistration = dateInput(init.firstRegistration, `${prefix}-first-registration`);
  const fromDate = dateInput(init.fromDate, `${prefix}-from-date`, { required: true });
  const nodes = [
    field(t('vehicleForm.registration'), registration, { size: 'sm' }),
    h('div', { class: 'field-row' }, field(t('vehicleForm.make'), make), field(t('vehicleForm.model'), model)),
    h('div', { class: 'field-row' },
      field(t('vehicleForm.firstRegistration'), firstRegistration),
      field(fromLabel, fromDate)),
  ];
  /** @type {Record<string, HTMLElement>} */
  const named = { registration, make, model, firstRegistration, fromDate };
  /** @returns {VehicleFields} */
  const values = () => ({
    registration: registration.value,
    make: make.value,
    model: model.value,
    firstRegistration: firstRegistration.value,
    fromDate: fromDate.value,
  });
  /** @param {number} contractId */
  const input = (contractId) => vehicleFieldsToInput(contractId, values());
  return { nodes, named, values, input };
}

/**
 * "Ajouter un véhicule": registration, make, model, first registration, on the contract from.
 * @param {Api} api
 * @param {number} contractId
 * @param {(vehicle: VehicleRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function vehicleDialog(api, contractId, onDone) {
  const v = vehicleControls(t('vehicleForm.fromDate'));
  const other = h('input', { type: 'checkbox', checked: false, dataset: { testid: 'vehicle-other-drivers' } });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' }, ...v.nodes,
    check(t('vehicleForm.otherDrivers'), other),
    h('p', { class: 'hint' }, t('vehicleForm.otherDrivers.hint')),
    line);
  return run({
    title: t('vehicleForm.title'),
    body,
    confirmLabel: t('vehicleForm.submit'),
    confirmTestId: 'submit-vehicle',
    onConfirm: (keep) => submit({ body, line, controls: (p) => v.named[p] },
      () => api.vehicleAdd({ ...v.input(contractId), otherDrivers: other.checked }), keep),
  }, onDone, t('vehicleForm.done'));
}

/**
 * "Remplacer le véhicule": the new vehicle's fields and whether the usual drivers stay the same
 * (or fewer), which decides whether a reduction carries over (R16).
 * @param {Api} api
 * @param {number} contractId
 * @param {VehicleRecord} oldVehicle
 * @param {(vehicle: VehicleRecord) => void} onDone the new vehicle (the old one keeps the decision)
 * @returns {Promise<boolean>}
 */
export function replaceVehicleDialog(api, contractId, oldVehicle, onDone) {
  const v = vehicleControls(t('vehicleForm.replaceFrom'));
  const same = h('input', { type: 'checkbox', checked: true, dataset: { testid: 'vehicle-same-drivers' } });
  const explanation = h('p', { class: 'hint', id: uid('same-hint') }, t('vehicleForm.sameDrivers.hint'));
  same.setAttribute('aria-describedby', explanation.id);
  const replaced = [oldVehicle.registration, [oldVehicle.make, oldVehicle.model].filter(Boolean).join(' ')].filter(Boolean).join(' — ');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('vehicleForm.replacing', { vehicle: replaced })),
    ...v.nodes,
    h('div', null, check(t('vehicleForm.sameDrivers'), same), explanation),
    line);
  return run({
    title: t('vehicleForm.replaceTitle'),
    body,
    confirmLabel: t('vehicleForm.replaceSubmit'),
    confirmTestId: 'submit-vehicle-replace',
    onConfirm: (keep) => submit({ body, line, controls: (p) => v.named[p] },
      () => api.vehicleReplace(oldVehicle.id, v.input(contractId), same.checked), keep),
  }, onDone, t('vehicleForm.replaceDone'));
}

/**
 * "Corriger le véhicule": registration, make, model, first registration, entry on the contract
 * and exit prefilled, and the reason; the contract's coefficients are recomputed.
 * @param {Api} api
 * @param {VehicleRecord} vehicle
 * @param {(vehicle: VehicleRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function vehicleUpdateDialog(api, vehicle, onDone) {
  const init = vehicleCorrectionFieldsOf(vehicle);
  return endableCorrection({
    kind: 'vehicle',
    text: {
      title: t('correction.vehicle.title'),
      lead: t('correction.vehicle.lead', { vehicle: vehicleLabel(vehicle) }),
      toDate: t('correction.vehicle.toDate'),
      toDateHint: t('correction.vehicle.toDate.hint'),
      hint: t('correction.vehicle.hint'),
      done: t('correction.vehicle.done'),
    },
    controls: vehicleControls(t('vehicleForm.fromDate'), init, 'vehicle-correct'),
    toDate: init.toDate,
    diff: (values) => vehicleUpdateOf(vehicle, values),
    send: (update) => api.vehicleUpdate(vehicle.id, update),
  }, onDone);
}
