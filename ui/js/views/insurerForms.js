// @ts-check
/**
 * The insurer dialogs of `#/insurers`:
 *
 *   insurerCreateDialog(api, onDone: (r: InsurerRecord) => void)
 *   insurerEditDialog(api, insurer: InsurerRecord, onDone: (r: InsurerRecord) => void)
 *
 * Both resolve to `true` once saved (after `onDone` ran), `false` when dismissed; backend errors
 * are shown inside the dialog, next to the control named by their `invalid:<field>` code (as in
 * the contract forms, whose `run`/`submit` they share). The edit dialog is prefilled, asks for
 * the reason (required) and sends only the fields that changed (`insurerUpdateOf`); when
 * nothing changed it says so without calling the backend.
 *
 * Test ids: `insurer-name`, `insurer-address`, `insurer-postcode`, `insurer-city`,
 * `insurer-email`, `insurer-phone`, `insurer-releve-email`, `insurer-reason` (edit only); the
 * submit is `submit-insurer`, the error line `form-error`.
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { errorLine, field, textInput } from '../components/form.js';
import { emptyInsurerFields, insurerFieldsOf, insurerFieldsToInput, insurerUpdateOf } from '../insurerInput.js';
import { run, submit } from '../components/formSubmit.js';
import { submitCorrection } from './contract/kit.js';

/** @typedef {import('../api/types.js').InsurerRecord} InsurerRecord */
/** @typedef {import('../insurerInput.js').InsurerFields} InsurerFields */

/**
 * The insurer's fields, shared by both dialogs.
 * @param {InsurerFields} init
 */
function insurerControls(init) {
  const name = textInput(init.name, 'insurer-name', { required: true });
  const addressLine1 = textInput(init.addressLine1, 'insurer-address');
  const postcode = textInput(init.postcode, 'insurer-postcode', { inputmode: 'numeric', maxlength: 5, placeholder: '75002' });
  const city = textInput(init.city, 'insurer-city');
  const email = textInput(init.email, 'insurer-email', { inputmode: 'email', spellcheck: 'false' });
  const phone = textInput(init.phone, 'insurer-phone', { inputmode: 'tel' });
  const releveEmail = textInput(init.releveEmail, 'insurer-releve-email', { inputmode: 'email', spellcheck: 'false' });
  const nodes = [
    field(t('insurers.form.name'), name),
    field(t('insurers.form.address'), addressLine1),
    h('div', { class: 'field-row' },
      field(t('insurers.form.postcode'), postcode, { size: 'xs' }),
      field(t('insurers.form.city'), city)),
    h('div', { class: 'field-row' },
      field(t('insurers.form.email'), email),
      field(t('insurers.form.phone'), phone, { size: 'sm' })),
    field(t('insurers.form.releveEmail'), releveEmail, { hint: t('insurers.form.releveEmail.hint') }),
  ];
  /** @type {Record<string, HTMLElement>} */
  const named = { name, addressLine1, postcode, city, email, phone, releveEmail };
  /** @returns {InsurerFields} */
  const values = () => ({
    name: name.value,
    addressLine1: addressLine1.value,
    postcode: postcode.value,
    city: city.value,
    email: email.value,
    phone: phone.value,
    releveEmail: releveEmail.value,
  });
  return { nodes, named, values };
}

/**
 * "Nouvel assureur": name (required), address, postcode, city, e-mail, phone, and the e-mail
 * where to ask for relevés d'information.
 * @param {import('../api.js').Api} api
 * @param {(insurer: InsurerRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function insurerCreateDialog(api, onDone) {
  const c = insurerControls(emptyInsurerFields());
  const line = errorLine();
  const body = h('div', { class: 'form-stack' }, ...c.nodes, line);
  return run({
    title: t('insurers.form.createTitle'),
    body,
    confirmLabel: t('insurers.form.create'),
    confirmTestId: 'submit-insurer',
    onConfirm: (keep) => submit({ body, line, controls: (p) => c.named[p] }, () => api.insurerCreate(insurerFieldsToInput(c.values())), keep),
  }, onDone, t('insurers.form.created'));
}

/**
 * "Modifier l'assureur": its details prefilled, and the reason. Only what changed is sent; the
 * replaced values are kept in its history.
 * @param {import('../api.js').Api} api
 * @param {InsurerRecord} insurer
 * @param {(insurer: InsurerRecord) => void} onDone
 * @returns {Promise<boolean>}
 */
export function insurerEditDialog(api, insurer, onDone) {
  const c = insurerControls(insurerFieldsOf(insurer));
  const reason = textInput('', 'insurer-reason', { required: true });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('insurers.form.editLead', { name: insurer.name })),
    ...c.nodes,
    field(t('insurers.form.reason'), reason, { hint: t('insurers.form.reason.hint') }),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { ...c.named, reason };
  return run({
    title: t('insurers.form.editTitle'),
    body,
    confirmLabel: t('insurers.form.save'),
    confirmTestId: 'submit-insurer',
    onConfirm: (keep) => submitCorrection({ body, line, controls: (p) => named[p] },
      insurerUpdateOf(insurer, c.values()),
      reason,
      (update) => api.insurerUpdate(insurer.id, update),
      keep,
      { noChange: t('insurers.form.noChange'), reasonRequired: t('insurers.form.reasonRequired') }),
  }, onDone, t('insurers.form.updated'));
}
