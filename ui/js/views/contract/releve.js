// @ts-check
/**
 * The relevé d'information received for a client, and what Courtier made of it.
 *
 *   releveDialog(api, clientId, onDone, policyholder?, onContract?)
 *   showReleveResult(result, offerContract?)
 *
 * `releveDialog` shows the computed start coefficient, its steps, the inconsistency warning and
 * the missing mandatory fields in a second dialog (`showReleveResult`) before resolving; with
 * `onContract`, that dialog offers a new contract at the start coefficient.
 * Test ids: `releve-coefficient`, `releve-claim-date` with `data-row`…; submit `submit-releve`.
 */
import { h } from '../../dom.js';
import { formatCoefficient } from '../../format.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { formDialog, openDialog } from '../../components/dialog.js';
import {
  clearError,
  dateInput,
  errorLine,
  field,
  showError,
  textInput,
  uid,
} from '../../components/form.js';
import { CLAIM_KIND_LABEL, RESPONSIBILITY_LABEL } from '../../coefficient.js';
import {
  COMMON_INSURERS,
  emptyPerson,
  emptyReleveClaim,
  emptyReleveFields,
  releveFieldsToDocument,
  USAGES,
} from '../../contractInput.js';

import { select, submit, today } from './kit.js';
import { newContractDialog } from './terms.js';

/** @typedef {import('../../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../../api/types.js').ReleveResult} ReleveResult */
/** @typedef {import('../../contractInput.js').PersonFields} PersonFields */
/** @typedef {import('../../api.js').Api} Api */

/** @type {[string, string][]} */
const RELEVE_USAGES = [['', 'releveForm.usage.unknown'], ...USAGES];
/** @type {[string, string][]} */
const RELEVE_OPEN = [['', 'releveForm.claim.open.unknown'], ['settled', 'releveForm.claim.open.settled'], ['open', 'releveForm.claim.open.open']];

/**
 * The five fields of a person named on a relevé.
 * @param {PersonFields} init
 * @param {string} prefix test id prefix (`releve-holder`, `releve-driver`)
 */
function personControls(init, prefix) {
  const c = {
    lastName: textInput(init.lastName, `${prefix}-last-name`),
    firstName: textInput(init.firstName, `${prefix}-first-name`),
    birthDate: dateInput(init.birthDate, `${prefix}-birth-date`, { past: true }),
    licenceNumber: textInput(init.licenceNumber, `${prefix}-licence-number`),
    licenceDate: dateInput(init.licenceDate, `${prefix}-licence-date`, { past: true }),
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
 * @param {Api} api
 * @param {number} clientId
 * @param {(result: ReleveResult) => void} onDone
 * @param {Partial<PersonFields>} [policyholder] pre-fills the policyholder (the client)
 * @param {(contract: ContractRecord) => void} [onContract] when given, the result offers « Créer le
 *   contrat avec ce coefficient », which opens the new-contract form with it
 * @returns {Promise<boolean>}
 */
export async function releveDialog(api, clientId, onDone, policyholder = {}, onContract = undefined) {
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
  const atFloorSince = dateInput(init.atFloorSince, 'releve-at-floor-since');
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
    field(t('releveForm.atFloorSince'), atFloorSince, { hint: t('releveForm.atFloorSince.hint') }),
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
  const named = { issuedOn, issuer, contractNumber, subscriptionDate, registration, usage, coefficient, lastEcheance, stoppedOn, atFloorSince, terminationReason };
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
        atFloorSince: atFloorSince.value,
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
  if (next === 'contract' && onContract) await contractFromReleve(api, clientId, r, onContract);
  return true;
}

/**
 * Reopens a kept relevé's result (from the client record or the timeline), with the same
 * « Créer le contrat avec ce coefficient » as when it was entered.
 * @param {Api} api
 * @param {{ clientId: number, result: ReleveResult }} entry
 * @param {(contract: ContractRecord) => void} [onContract]
 */
export async function reopenReleve(api, entry, onContract = undefined) {
  const next = await showReleveResult(entry.result, onContract !== undefined);
  if (next === 'contract' && onContract) await contractFromReleve(api, entry.clientId, entry.result, onContract);
}

/**
 * The new-contract dialog at the relevé's start coefficient and counters.
 * @param {Api} api @param {number} clientId @param {ReleveResult} r
 * @param {(contract: ContractRecord) => void} onContract
 */
async function contractFromReleve(api, clientId, r, onContract) {
  if (r.startCoefficient === null) return;
  await newContractDialog(api, clientId, onContract, {
    startCoefficient: r.startCoefficient.replace('.', ','),
    startClaimFreeStreak: r.startClaimFreeStreak ?? 0,
    startPeriodsAtFloor: r.startPeriodsAtFloor ?? 0,
  });
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
      // Creating the contract is the next step when it is offered: the primary button, focused;
      // « Fermer » stays, secondary.
      const offer = offerContract && r.startCoefficient !== null;
      const closeButton = h('button', { type: 'button', class: offer ? 'btn' : 'btn btn-primary', onclick: () => close(null), dataset: { testid: 'releve-result-close' } }, t('releveForm.result.close'));
      const contractButton = offer
        ? h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close('contract'), dataset: { testid: 'releve-new-contract' } }, t('releveForm.result.newContract'))
        : null;
      queueMicrotask(() => (contractButton ?? closeButton).focus());
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
        h('div', { class: 'dialog-actions' }, closeButton, contractButton),
      ];
    },
  });
}
