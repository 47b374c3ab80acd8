// @ts-check
/**
 * Dialogs for the contract commands: new contract, vehicle (add, replace), driver, suspension,
 * termination, and the relevé d'information received for a client. Each opens a modal form
 * (`formDialog`); backend errors are shown inside it (the control the error is about is flagged
 * and focused) and it stays open until the command succeeds. Once the dialog has closed,
 * `onDone` receives the command's result; a toast confirms. Form values are turned into the
 * commands' inputs by the pure module `contractInput.js`.
 *
 * Every dialog returns a promise resolving to `true` once saved (after `onDone` ran), `false`
 * when dismissed:
 *
 *   newContractDialog(clientId: number, onDone: (k: ContractRecord) => void)
 *   vehicleDialog(contractId: number, onDone: (v: VehicleRecord) => void)
 *   replaceVehicleDialog(contractId: number, oldVehicle: VehicleRecord, onDone: (v: VehicleRecord) => void)
 *   driverDialog(contractId: number, onDone: (d: DriverRecord) => void, defaults?: DriverDefaults)
 *   suspendDialog(contract: ContractRecord, onDone: (k: ContractRecord) => void)
 *   terminateDialog(contract: ContractRecord, onDone: (k: ContractRecord) => void)
 *   releveDialog(clientId: number, onDone: (r: ReleveResult) => void, policyholder?: Partial<PersonFields>)
 *   avenantDialog(contract: ContractRecord, onDone: (k: ContractRecord) => void)
 *   contractUpdateDialog(contract: ContractRecord, onDone: (k: ContractRecord) => void)
 *   vehicleUpdateDialog(vehicle: VehicleRecord, onDone: (v: VehicleRecord) => void)
 *   driverUpdateDialog(driver: DriverRecord, onDone: (d: DriverRecord) => void)
 *
 * The three correction dialogs ("Corriger") are prefilled with the current values, ask for the
 * reason (required) and send only the fields that changed (`contractUpdateOf`, `vehicleUpdateOf`,
 * `driverUpdateOf`); when nothing changed they say so without calling the backend.
 *
 * `releveDialog` shows the computed start coefficient, its steps, the inconsistency warning and
 * the missing mandatory fields in a second dialog (`showReleveResult`, exported too) before
 * resolving. `ContractRecord`, `VehicleRecord`, `DriverRecord`, `ReleveResult`: see api.js.
 *
 * Test ids: every control has one (`contract-insurer`, `premium-amount` with `data-row`,
 * `vehicle-registration`, `driver-last-name`, `suspend-from`, `terminate-by`,
 * `releve-coefficient`, `releve-claim-date` with `data-row`…); submit buttons are
 * `submit-contract`, `submit-vehicle`, `submit-vehicle-replace`, `submit-driver`,
 * `submit-suspend`, `submit-terminate`, `submit-releve`; the error line is `form-error`.
 * Corrections: controls `contract-correct-number`, `-product`, `-subscription-date`,
 * `-first-echeance`, `-usage`, `-clause-applies`, `-start-coefficient`, `-reason`;
 * `vehicle-correct-registration`, `-make`, `-model`, `-first-registration`, `-from-date`,
 * `-to-date`, `-reason`; `driver-correct-role`, `-last-name`, `-first-name`, `-birth-date`,
 * `-licence-number`, `-licence-date`, `-aac`, `-from-date`, `-to-date`, `-reason`; submits
 * `submit-contract-correct`, `submit-vehicle-correct`, `submit-driver-correct`.
 */
import { api } from '../api.js';
import { h } from '../dom.js';
import { formatCoefficient, isoDateOf } from '../format.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { formDialog, openDialog } from '../components/dialog.js';
import { check, clearError, dateInput, errorLine, field, select as selectLabels, showError, textInput, uid } from '../components/form.js';
import { toast } from '../components/toast.js';
import { CLAIM_KIND_LABEL, RESPONSIBILITY_LABEL } from '../coefficient.js';
import { driverLabel, vehicleLabel } from '../claimView.js';
import {
  COMMON_INSURERS,
  DRIVER_ROLES,
  PRODUCTS,
  START_STATUSES,
  TERMINATED_BY,
  USAGES,
  addOneYear,
  avenantFieldsToInput,
  contractCorrectionFieldsOf,
  contractFieldsToInput,
  contractUpdateOf,
  driverCorrectionFieldsOf,
  driverFieldsToInput,
  driverUpdateOf,
  emptyContractFields,
  emptyDriverFields,
  emptyPerson,
  emptyPremium,
  emptyReleveClaim,
  emptyReleveFields,
  emptyVehicleFields,
  fieldOfError,
  releveFieldsToDocument,
  vehicleCorrectionFieldsOf,
  vehicleFieldsToInput,
  vehicleUpdateOf,
} from '../contractInput.js';
import { insurerSuggestions } from '../insurerInput.js';

/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../api/types.js').VehicleRecord} VehicleRecord */
/** @typedef {import('../api/types.js').DriverRecord} DriverRecord */
/** @typedef {import('../api/types.js').ReleveResult} ReleveResult */
/** @typedef {import('../api/types.js').TerminatedBy} TerminatedBy */
/** @typedef {import('../contractInput.js').PersonFields} PersonFields */
/** @typedef {import('../contractInput.js').DriverFields} DriverFields */
/** @typedef {import('../contractInput.js').VehicleFields} VehicleFields */
/**
 * @typedef {Partial<DriverFields> & { clientId?: number | null }} DriverDefaults
 *   Pre-filled values of the driver form; `clientId` when the driver is a client of the agency.
 */

/** Guarantees offered in the premium lines' suggestions. */
const GUARANTEES = [
  'contractForm.guarantee.rc',
  'contractForm.guarantee.dommages',
  'contractForm.guarantee.volIncendie',
  'contractForm.guarantee.brisDeGlace',
  'contractForm.guarantee.conducteur',
  'contractForm.guarantee.assistance',
  'contractForm.guarantee.protectionJuridique',
];

/** @type {[string, string][]} */
const RELEVE_USAGES = [['', 'releveForm.usage.unknown'], ...USAGES];
/** @type {[string, string][]} */
const RELEVE_OPEN = [['', 'releveForm.claim.open.unknown'], ['settled', 'releveForm.claim.open.settled'], ['open', 'releveForm.claim.open.open']];

/** @returns {string} */
const today = () => isoDateOf(new Date());

/**
 * @param {[string, string][]} options value → catalogue key
 * @param {string} selected
 * @param {string} testid
 */
function select(options, selected, testid) {
  return selectLabels(options.map(([v, key]) => [v, t(key)]), selected, testid);
}

/**
 * Runs a command from a dialog's submit: clears the last error, and on failure shows the
 * backend's message next to the control named by its `invalid:<field>` code. (Also used by the
 * insurer dialogs.)
 * @template T
 * @param {{ body: HTMLElement, line: HTMLElement, controls: (path: string) => HTMLElement | null | undefined, rows?: Record<string, number[]> }} ctx
 * @param {() => Promise<T>} run
 * @param {(result: T) => void} keep
 * @returns {Promise<boolean>}
 */
export async function submit(ctx, run, keep) {
  clearError(ctx.body, ctx.line);
  try {
    keep(await run());
    return true;
  } catch (e) {
    const err = /** @type {ApiError} */ (e);
    const path = fieldOfError(err.code, ctx.rows);
    showError(ctx.line, err.message, path ? ctx.controls(path) : null);
    return false;
  }
}

/**
 * Opens a form dialog and, once it closed after a success, hands the result to `onDone`. (Also
 * used by the insurer dialogs.)
 * @template T
 * @param {{ title: string, body: HTMLElement, confirmLabel: string, confirmTestId: string, onConfirm: (keep: (r: T) => void) => Promise<boolean> }} opts
 * @param {(result: T) => void} onDone
 * @param {string} done the toast
 * @returns {Promise<boolean>}
 */
export async function run({ title, body, confirmLabel, confirmTestId, onConfirm }, onDone, done) {
  /** @type {{ value: T } | null} */
  let saved = null;
  const ok = await formDialog({
    title,
    body,
    confirmLabel,
    confirmTestId,
    onConfirm: () => onConfirm((r) => { saved = { value: r }; }),
  });
  if (!ok || saved === null) return false;
  toast(done);
  onDone(/** @type {{ value: T }} */ (saved).value);
  return true;
}

/** @typedef {{ el: HTMLElement, guarantee: HTMLInputElement, amount: HTMLInputElement, modulated: HTMLInputElement, remove: HTMLButtonElement }} PremiumRow */

/**
 * The premium lines of a form: one row to start with, "Ajouter une garantie" adds one, each row
 * but the last can be removed. Shared by the new-contract and amendment dialogs.
 * @param {string} guaranteeListId the datalist of usual guarantees
 */
function premiumEditor(guaranteeListId) {
  /** @type {PremiumRow[]} */
  const premiumRows = [];
  const rowsBox = h('div', { class: 'rows' });

  function renumber() {
    premiumRows.forEach((r, i) => {
      for (const el of [r.el, r.guarantee, r.amount, r.modulated, r.remove]) el.dataset.row = String(i);
      r.remove.disabled = premiumRows.length === 1;
      r.remove.setAttribute('aria-label', t('contractForm.premium.remove', { n: i + 1 }));
      r.remove.title = t('contractForm.premium.remove', { n: i + 1 });
    });
  }

  /** @param {boolean} focus */
  function addPremium(focus) {
    const p = emptyPremium();
    const guarantee = textInput(p.guarantee, 'premium-guarantee', { list: guaranteeListId });
    const amount = textInput(p.amount, 'premium-amount', { inputmode: 'decimal', placeholder: '350,00' });
    const modulated = h('input', { type: 'checkbox', checked: p.modulated, dataset: { testid: 'premium-modulated' } });
    const remove = h('button', { type: 'button', class: 'btn btn-icon btn-quiet row-remove', dataset: { testid: 'remove-premium' } }, '×');
    /** @type {PremiumRow} */
    const row = {
      el: h('div', { class: 'row-group', dataset: { testid: 'premium-row' } },
        h('div', { class: 'field-row' },
          field(t('contractForm.premium.guarantee'), guarantee, { size: 'md' }),
          field(t('contractForm.premium.amount'), amount, { size: 'sm' }),
          remove),
        h('p', null, check(t('contractForm.premium.modulated'), modulated))),
      guarantee, amount, modulated, remove,
    };
    remove.addEventListener('click', () => {
      if (premiumRows.length === 1) return;
      premiumRows.splice(premiumRows.indexOf(row), 1);
      row.el.remove();
      renumber();
      addButton.focus();
    });
    premiumRows.push(row);
    rowsBox.append(row.el);
    renumber();
    if (focus) guarantee.focus();
  }

  const addButton = h('button', { type: 'button', class: 'btn btn-small', onclick: () => addPremium(true), dataset: { testid: 'add-premium' } },
    icon('plus'), t('contractForm.premium.add'));
  addPremium(false);
  return {
    rowsBox,
    addButton,
    /** @returns {import('../contractInput.js').PremiumFields[]} */
    values: () => premiumRows.map((r) => ({ guarantee: r.guarantee.value, amount: r.amount.value, modulated: r.modulated.checked })),
    /**
     * The control a form path names (`premiums.3.amount`), if it is one of the lines.
     * @param {string} path
     */
    control: (path) => {
      const m = /^premiums\.(\d+)\.(guarantee|amount)$/.exec(path);
      return m ? premiumRows[Number(m[1])]?.[/** @type {'guarantee' | 'amount'} */ (m[2])] : undefined;
    },
  };
}

/**
 * Adds the agency's insurers (`insurer_list`) to the insurer suggestions, before the usual ones,
 * without duplicates. Until they arrive, and if they cannot be read, the usual ones stay.
 * @param {HTMLDataListElement} datalist
 */
function suggestAgencyInsurers(datalist) {
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
 * @param {number} clientId
 * @param {(contract: ContractRecord) => void} onDone
 * @param {Partial<import('../contractInput.js').ContractFields>} [defaults] prefilled values (the
 *   start coefficient computed from a relevé)
 * @returns {Promise<boolean>}
 */
export function newContractDialog(clientId, onDone, defaults = {}) {
  const init = { ...emptyContractFields(today()), ...defaults };
  const insurerListId = uid('insurers');
  const guaranteeListId = uid('guarantees');
  const insurer = textInput(init.insurer, 'contract-insurer', { required: true, list: insurerListId });
  const terms = termsControls(init, 'contract');
  const { number, product, subscription, firstEcheance, usage, clause, startCoefficient } = terms;
  const status = select(START_STATUSES, init.status, 'contract-status');

  let echeanceEdited = false;
  firstEcheance.addEventListener('input', () => { echeanceEdited = true; });
  subscription.addEventListener('input', () => {
    if (!echeanceEdited) firstEcheance.value = addOneYear(subscription.value) ?? '';
  });
  let clauseEdited = false;
  clause.addEventListener('change', () => { clauseEdited = true; });
  product.addEventListener('change', () => {
    if (!clauseEdited) clause.checked = product.value === 'auto';
  });

  const { rowsBox, addButton, values: premiumValues, control: premiumControl } = premiumEditor(guaranteeListId);
  const insurerList = h('datalist', { id: insurerListId }, COMMON_INSURERS.map((n) => h('option', { value: n })));
  suggestAgencyInsurers(insurerList);

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
      field(t('contractForm.firstEcheance'), firstEcheance)),
    h('div', { class: 'field-row' },
      field(t('contractForm.usage'), usage),
      field(t('contractForm.status'), status, { size: 'sm' })),
    check(t('contractForm.clauseApplies'), clause),
    field(t('contractForm.startCoefficient'), startCoefficient, { hint: t('contractForm.startCoefficient.hint'), size: 'sm' }),
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
        status: status.value,
        premiums: premiumValues(),
      });
      rows = { premiums: built.rows };
      return submit({ body, line, controls, rows }, () => api.contractCreate(built.input), keep);
    },
  }, onDone, t('contractForm.done'));
}

/**
 * The vehicle fields, shared by "add", "replace" and "correct".
 * @param {string} fromLabel
 * @param {VehicleFields} [init] blank by default (on the contract from today)
 * @param {string} [prefix] of the test ids (`vehicle-registration`, `vehicle-correct-registration`)
 */
function vehicleControls(fromLabel, init = emptyVehicleFields(today()), prefix = 'vehicle') {
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
 * @param {number} contractId
 * @param {(vehicle: VehicleRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function vehicleDialog(contractId, onDone) {
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
 * @param {number} contractId
 * @param {VehicleRecord} oldVehicle
 * @param {(vehicle: VehicleRecord) => void} onDone the new vehicle (the old one keeps the decision)
 * @returns {Promise<boolean>}
 */
export function replaceVehicleDialog(contractId, oldVehicle, onDone) {
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
 * "Ajouter un conducteur": role, names, birth date, licence number and date, AAC, named from.
 * @param {number} contractId
 * @param {(driver: DriverRecord) => void} onDone
 * @param {DriverDefaults} [defaults]
 * @returns {Promise<boolean>}
 */
export function driverDialog(contractId, onDone, defaults = {}) {
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
function driverControls(init, prefix) {
  const role = select(DRIVER_ROLES, init.role, `${prefix}-role`);
  const lastName = textInput(init.lastName, `${prefix}-last-name`, { required: true });
  const firstName = textInput(init.firstName, `${prefix}-first-name`);
  const birthDate = dateInput(init.birthDate, `${prefix}-birth-date`);
  const licenceNumber = textInput(init.licenceNumber, `${prefix}-licence-number`);
  const licenceDate = dateInput(init.licenceDate, `${prefix}-licence-date`);
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
 * "Suspendre le contrat": from (first day without cover) to the day cover resumes; the
 * coefficients are recomputed. The backend keeps no reason for a suspension, so none is asked.
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function suspendDialog(contract, onDone) {
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
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function terminateDialog(contract, onDone) {
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
 * The five fields of a person named on a relevé.
 * @param {PersonFields} init
 * @param {string} prefix test id prefix (`releve-holder`, `releve-driver`)
 */
function personControls(init, prefix) {
  const c = {
    lastName: textInput(init.lastName, `${prefix}-last-name`),
    firstName: textInput(init.firstName, `${prefix}-first-name`),
    birthDate: dateInput(init.birthDate, `${prefix}-birth-date`),
    licenceNumber: textInput(init.licenceNumber, `${prefix}-licence-number`),
    licenceDate: dateInput(init.licenceDate, `${prefix}-licence-date`),
  };
  const nodes = [
    h('div', { class: 'field-row' }, field(t('releveForm.person.lastName'), c.lastName), field(t('releveForm.person.firstName'), c.firstName)),
    h('div', { class: 'field-row' }, field(t('releveForm.person.birthDate'), c.birthDate), field(t('releveForm.person.licenceNumber'), c.licenceNumber)),
    field(t('releveForm.person.licenceDate'), c.licenceDate, { size: 'md' }),
  ];
  /** @returns {PersonFields} */
  const values = () => ({
    lastName: c.lastName.value,
    firstName: c.firstName.value,
    birthDate: c.birthDate.value,
    licenceNumber: c.licenceNumber.value,
    licenceDate: c.licenceDate.value,
  });
  return { controls: c, nodes, values };
}

/**
 * "Saisir un relevé d'information": the relevé as received (issuer, dates, coefficient at the
 * last échéance, the policyholder, named drivers and the claims of the last five years). On
 * success, the result (start coefficient, steps, inconsistency, missing fields) is shown in a
 * second dialog, then `onDone` gets it.
 * @param {number} clientId
 * @param {(result: ReleveResult) => void} onDone
 * @param {Partial<PersonFields>} [policyholder] pre-fills the policyholder (the client)
 * @param {(contract: ContractRecord) => void} [onContract] when given, the result offers « Créer le
 *   contrat avec ce coefficient », which opens the new-contract form with it
 * @returns {Promise<boolean>}
 */
export async function releveDialog(clientId, onDone, policyholder = {}, onContract = undefined) {
  const init = emptyReleveFields(today());
  const issuedOn = dateInput(init.issuedOn, 'releve-issued-on', { required: true });
  const issuer = textInput(init.issuer, 'releve-issuer', { list: uid('releve-insurers') });
  const insurerList = h('datalist', { id: issuer.getAttribute('list') ?? '' }, COMMON_INSURERS.map((n) => h('option', { value: n })));
  const contractNumber = textInput(init.contractNumber, 'releve-contract-number');
  const subscriptionDate = dateInput(init.subscriptionDate, 'releve-subscription-date');
  const registration = textInput(init.registration, 'releve-registration', { placeholder: 'AB-123-CD', autocapitalize: 'characters' });
  const usage = select(RELEVE_USAGES, init.usage, 'releve-usage');
  const coefficient = textInput(init.coefficient, 'releve-coefficient', { inputmode: 'decimal', placeholder: '0,85' });
  const lastEcheance = dateInput(init.lastEcheance, 'releve-last-echeance');
  const stoppedOn = dateInput(init.stoppedOn, 'releve-stopped-on');
  const terminationReason = textInput(init.terminationReason, 'releve-termination-reason');
  const holder = personControls({ ...emptyPerson(), ...policyholder }, 'releve-holder');

  /** @typedef {{ el: HTMLElement, values: () => PersonFields, controls: ReturnType<typeof personControls>['controls'], remove: HTMLButtonElement }} DriverRow */
  /** @type {DriverRow[]} */
  const driverRows = [];
  const driversBox = h('div', { class: 'rows' });
  /** @typedef {{ el: HTMLElement, date: HTMLInputElement, kind: HTMLSelectElement, responsibility: HTMLSelectElement, driver: HTMLInputElement, open: HTMLSelectElement, remove: HTMLButtonElement }} ClaimRow */
  /** @type {ClaimRow[]} */
  const claimRows = [];
  const claimsBox = h('div', { class: 'rows' });

  function renumber() {
    driverRows.forEach((r, i) => {
      for (const el of [r.el, r.remove, ...Object.values(r.controls)]) el.dataset.row = String(i);
      const label = t('releveForm.driver.remove', { n: i + 1 });
      r.remove.setAttribute('aria-label', label);
      r.remove.title = label;
      const heading = r.el.querySelector('.card-subtitle');
      if (heading) heading.textContent = t('releveForm.driver.row', { n: i + 1 });
    });
    claimRows.forEach((r, i) => {
      for (const el of [r.el, r.date, r.kind, r.responsibility, r.driver, r.open, r.remove]) el.dataset.row = String(i);
      const label = t('releveForm.claim.remove', { n: i + 1 });
      r.remove.setAttribute('aria-label', label);
      r.remove.title = label;
    });
  }

  /**
   * @param {HTMLElement} el
   * @param {HTMLButtonElement} remove
   * @param {{ el: HTMLElement }[]} list
   * @param {HTMLButtonElement} after focus target once removed
   */
  function removable(el, remove, list, after) {
    remove.addEventListener('click', () => {
      list.splice(list.findIndex((r) => r.el === el), 1);
      el.remove();
      renumber();
      after.focus();
    });
  }

  /** @param {boolean} focus */
  function addDriver(focus) {
    const p = personControls(emptyPerson(), 'releve-driver');
    const remove = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'remove-releve-driver' } }, t('releveForm.remove'));
    const el = h('div', { class: 'row-group', dataset: { testid: 'releve-driver-row' } },
      h('h4', { class: 'card-subtitle' }, ''), ...p.nodes, h('p', null, remove));
    driverRows.push({ el, values: p.values, controls: p.controls, remove });
    removable(el, remove, driverRows, addDriverButton);
    driversBox.append(el);
    renumber();
    if (focus) p.controls.lastName.focus();
  }

  /** @param {boolean} focus */
  function addClaim(focus) {
    const c = emptyReleveClaim();
    const date = dateInput(c.date, 'releve-claim-date');
    const kind = select(Object.entries(CLAIM_KIND_LABEL), c.kind, 'releve-claim-kind');
    const responsibility = select(Object.entries(RESPONSIBILITY_LABEL), c.responsibility, 'releve-claim-responsibility');
    const driver = textInput(c.driver, 'releve-claim-driver');
    const open = select(RELEVE_OPEN, c.open, 'releve-claim-open');
    const remove = h('button', { type: 'button', class: 'btn btn-icon btn-quiet row-remove', dataset: { testid: 'remove-releve-claim' } }, '×');
    const el = h('div', { class: 'row-group', dataset: { testid: 'releve-claim-row' } },
      h('div', { class: 'field-row' },
        field(t('releveForm.claim.date'), date, { size: 'sm' }),
        field(t('releveForm.claim.kind'), kind),
        remove),
      h('div', { class: 'field-row' },
        field(t('releveForm.claim.responsibility'), responsibility),
        field(t('releveForm.claim.open'), open, { size: 'sm' })),
      field(t('releveForm.claim.driver'), driver));
    claimRows.push({ el, date, kind, responsibility, driver, open, remove });
    removable(el, remove, claimRows, addClaimButton);
    claimsBox.append(el);
    renumber();
    if (focus) date.focus();
  }

  const addClaimButton = h('button', { type: 'button', class: 'btn btn-small', onclick: () => addClaim(true), dataset: { testid: 'add-releve-claim' } },
    icon('plus'), t('releveForm.claim.add'));
  const addDriverButton = h('button', { type: 'button', class: 'btn btn-small', onclick: () => addDriver(true), dataset: { testid: 'add-releve-driver' } },
    icon('plus'), t('releveForm.driver.add'));
  init.claims.forEach(() => addClaim(false));

  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('releveForm.lead')),
    h('div', { class: 'field-row' },
      field(t('releveForm.issuedOn'), issuedOn),
      field(t('releveForm.issuer'), issuer)),
    insurerList,
    h('div', { class: 'field-row' },
      field(t('releveForm.contractNumber'), contractNumber),
      field(t('releveForm.subscriptionDate'), subscriptionDate)),
    h('div', { class: 'field-row' },
      field(t('releveForm.registration'), registration),
      field(t('releveForm.usage'), usage)),
    h('h3', { class: 'card-subtitle' }, t('releveForm.section.coefficient')),
    h('div', { class: 'field-row' },
      field(t('releveForm.coefficient'), coefficient, { size: 'sm' }),
      field(t('releveForm.lastEcheance'), lastEcheance)),
    h('div', { class: 'field-row' },
      field(t('releveForm.stoppedOn'), stoppedOn),
      field(t('releveForm.terminationReason'), terminationReason, { hint: t('releveForm.terminationReason.hint') })),
    h('h3', { class: 'card-subtitle' }, t('releveForm.section.claims')),
    h('p', { class: 'hint' }, t('releveForm.claims.hint')),
    claimsBox,
    h('p', null, addClaimButton),
    h('h3', { class: 'card-subtitle' }, t('releveForm.section.policyholder')),
    ...holder.nodes,
    h('h3', { class: 'card-subtitle' }, t('releveForm.section.drivers')),
    driversBox,
    h('p', null, addDriverButton),
    line);

  /** @type {Record<string, HTMLElement>} */
  const named = { issuedOn, issuer, contractNumber, subscriptionDate, registration, usage, coefficient, lastEcheance, stoppedOn, terminationReason };
  /**
   * A form path (`coefficient`, `claims.1.date`, `drivers.0.birthDate`, `policyholder.licenceDate`) → its control.
   * @param {string} path
   * @returns {HTMLElement | undefined}
   */
  const controls = (path) => {
    const [head, a, b] = path.split('.');
    if (head === 'policyholder') return holder.controls[/** @type {keyof PersonFields} */ (a)];
    if (head === 'drivers') return driverRows[Number(a)]?.controls[/** @type {keyof PersonFields} */ (b)];
    if (head === 'claims') {
      const row = claimRows[Number(a)];
      return row && b === 'date' ? row.date : row?.driver;
    }
    return named[head];
  };

  /** @type {ReleveResult | null} */
  let result = null;
  const ok = await formDialog({
    title: t('releveForm.title'),
    body,
    confirmLabel: t('releveForm.submit'),
    confirmTestId: 'submit-releve',
    onConfirm: async () => {
      clearError(body, line);
      const built = releveFieldsToDocument({
        issuedOn: issuedOn.value,
        issuer: issuer.value,
        contractNumber: contractNumber.value,
        subscriptionDate: subscriptionDate.value,
        registration: registration.value,
        usage: usage.value,
        policyholder: holder.values(),
        drivers: driverRows.map((r) => r.values()),
        claims: claimRows.map((r) => ({
          date: r.date.value,
          kind: r.kind.value,
          responsibility: r.responsibility.value,
          driver: r.driver.value,
          open: /** @type {'' | 'open' | 'settled'} */ (r.open.value),
        })),
        coefficient: coefficient.value,
        lastEcheance: lastEcheance.value,
        stoppedOn: stoppedOn.value,
        terminationReason: terminationReason.value,
      });
      if (built.problems.length > 0) {
        const first = built.problems[0];
        showError(line, t(first.key), controls(first.field));
        for (const p of built.problems.slice(1)) controls(p.field)?.setAttribute('aria-invalid', 'true');
        return false;
      }
      return submit({ body, line, controls, rows: built.rows }, () => api.releveRecord(clientId, built.document), (r) => { result = r; });
    },
  });
  if (!ok || result === null) return false;
  const r = /** @type {ReleveResult} */ (result);
  const next = await showReleveResult(r, onContract !== undefined);
  onDone(r);
  if (next === 'contract' && onContract && r.startCoefficient !== null) {
    await newContractDialog(clientId, onContract, { startCoefficient: r.startCoefficient.replace('.', ',') });
  }
  return true;
}

/**
 * What Courtier made of a relevé: the start coefficient with its steps, the inconsistency of the
 * stated coefficient (a visible warning), the range the listed claims allow, and the mandatory
 * fields the relevé lacks. With `offerContract`, a button opens a new contract at that start
 * coefficient. Resolves with `'contract'` when that button was chosen, null when closed.
 * @param {ReleveResult} r
 * @param {boolean} [offerContract]
 * @returns {Promise<'contract' | null>}
 */
export async function showReleveResult(r, offerContract = false) {
  return openDialog({
    title: t('releveForm.result.title'),
    testid: 'releve-result',
    build: (close) => {
      const closeButton = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close(null), dataset: { testid: 'releve-result-close' } }, t('releveForm.result.close'));
      queueMicrotask(() => closeButton.focus());
      return [
        r.startCoefficient !== null
          ? h('div', null,
            h('p', { class: 'muted' }, t('releveForm.result.start')),
            h('p', { class: 'coef-big', dataset: { testid: 'releve-start-coefficient' } }, formatCoefficient(r.startCoefficient)))
          : h('p', { class: 'alert alert-info', dataset: { testid: 'releve-start-coefficient' } }, t('releveForm.result.noStart')),
        r.inconsistency
          ? h('div', { class: 'alert', role: 'alert', dataset: { testid: 'releve-inconsistency' } }, icon('alert'), h('span', null, r.inconsistency))
          : null,
        r.impliedMin !== null && r.impliedMax !== null
          ? h('p', { class: 'muted' }, t('releveForm.result.range', { min: formatCoefficient(r.impliedMin), max: formatCoefficient(r.impliedMax) }))
          : null,
        r.steps.length > 0
          ? h('div', null,
            h('h3', { class: 'card-subtitle' }, t('releveForm.result.steps')),
            h('ol', { class: 'plain', dataset: { testid: 'releve-steps' } }, r.steps.map((s) => h('li', null, s))))
          : null,
        r.missingFields.length > 0
          ? h('div', { class: 'alert alert-info', dataset: { testid: 'releve-missing' } },
            h('div', null,
              h('p', null, t('releveForm.result.missing')),
              h('ul', null, r.missingFields.map((f) => h('li', null, f)))))
          : h('p', { class: 'muted', dataset: { testid: 'releve-missing' } }, t('releveForm.result.complete')),
        h('div', { class: 'dialog-actions' },
          offerContract && r.startCoefficient !== null
            ? h('button', { type: 'button', class: 'btn', onclick: () => close('contract'), dataset: { testid: 'releve-new-contract' } }, t('releveForm.result.newContract'))
            : null,
          closeButton),
      ];
    },
  });
}

/**
 * "Avenant": the date it takes effect, what it changes (in words, required), and the premium
 * lines it sets from that date (a guarantee listed replaces its earlier line; the earlier lines
 * stay in the history). Lines may be left blank for an amendment that changes no premium.
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function avenantDialog(contract, onDone) {
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

/**
 * The reason of a correction (required; kept with the values replaced).
 * @param {string} testid
 */
function reasonInput(testid) {
  const reason = textInput('', testid, { required: true });
  return { reason, node: field(t('correction.reason'), reason, { hint: t('correction.reasonHint') }) };
}

/**
 * Sends a correction from a dialog's submit: nothing changed → a French error in the dialog and
 * no call; no reason → the reason is flagged; otherwise the fields that changed and the reason
 * go to the backend (its errors shown as by `submit`).
 * @template {Record<string, unknown>} U
 * @template T
 * @param {{ body: HTMLElement, line: HTMLElement, controls: (path: string) => HTMLElement | null | undefined }} ctx
 * @param {U} update only the fields that changed
 * @param {HTMLInputElement} reason
 * @param {(update: U & { reason: string }) => Promise<T>} send
 * @param {(result: T) => void} keep
 * @returns {Promise<boolean>}
 */
function submitCorrection(ctx, update, reason, send, keep) {
  clearError(ctx.body, ctx.line);
  if (Object.keys(update).length === 0) {
    showError(ctx.line, t('correction.noChange'), null);
    return Promise.resolve(false);
  }
  const why = reason.value.trim();
  if (why === '') {
    showError(ctx.line, t('correction.reasonRequired'), reason);
    return Promise.resolve(false);
  }
  return submit(ctx, () => send({ ...update, reason: why }), keep);
}

/**
 * "Corriger le contrat": its terms (number, product, dates, usage, clause, start coefficient)
 * prefilled, and the reason. Only what changed is sent; the coefficients are recomputed from the
 * subscription and the replaced values kept in the contract's history.
 * @param {ContractRecord} contract
 * @param {(contract: ContractRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function contractUpdateDialog(contract, onDone) {
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

/**
 * The correction dialog of a vehicle or a driver: its fields prefilled, the date it left the
 * contract (empty: still on it), the reason. Only what changed is sent.
 * @template R
 * @template {Record<string, unknown>} U
 * @param {{ kind: 'vehicle' | 'driver', text: { title: string, lead: string, toDate: string, toDateHint: string, hint: string, done: string }, controls: { nodes: Node[], named: Record<string, HTMLElement>, values: () => Record<string, unknown> }, extra?: Node[], toDate: string, diff: (values: any) => U, send: (update: U) => Promise<R> }} spec
 * @param {(record: R) => void} onDone
 * @returns {Promise<boolean>}
 */
function endableCorrection(spec, onDone) {
  const k = spec.kind;
  const toDate = dateInput(spec.toDate, `${k}-correct-to-date`);
  const { reason, node: reasonField } = reasonInput(`${k}-correct-reason`);
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, spec.text.lead),
    ...spec.controls.nodes,
    field(spec.text.toDate, toDate, { hint: spec.text.toDateHint, size: 'md' }),
    ...(spec.extra ?? []),
    h('p', { class: 'hint' }, spec.text.hint),
    reasonField,
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { ...spec.controls.named, toDate, reason };
  return run({
    title: spec.text.title,
    body,
    confirmLabel: t('correction.submit'),
    confirmTestId: `submit-${k}-correct`,
    onConfirm: (keep) => submitCorrection({ body, line, controls: (p) => named[p] },
      spec.diff({ ...spec.controls.values(), toDate: toDate.value }),
      reason,
      spec.send,
      keep),
  }, onDone, spec.text.done);
}

/**
 * "Corriger le véhicule": registration, make, model, first registration, entry on the contract
 * and exit prefilled, and the reason; the contract's coefficients are recomputed.
 * @param {VehicleRecord} vehicle
 * @param {(vehicle: VehicleRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function vehicleUpdateDialog(vehicle, onDone) {
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

/**
 * "Corriger le conducteur": role, names, birth date, licence, AAC, designation dates prefilled —
 * "Fin de la désignation" ends it — and the reason.
 * @param {DriverRecord} driver
 * @param {(driver: DriverRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function driverUpdateDialog(driver, onDone) {
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
