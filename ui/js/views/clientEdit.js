// @ts-check
/**
 * `#/clients/new` and `#/clients/:id/edit`: the client form. Values are read into a plain
 * `ClientFields` map and turned into a `ClientInput` by clientInput.js; validation is the
 * backend's: its `invalid:<field>` errors are shown next to the field, which gets the focus.
 */
import { ApiError } from '../api.js';
import { h, replace, setTitle } from '../dom.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { href, navigate } from '../router.js';
import { setLeaveGuard } from '../leaveGuard.js';
import { stripColon } from '../formState.js';
import { dateField, nodeOf, problemOf, twoDigitYears } from '../components/dateField.js';
import {
  controlId,
  emptyAddress,
  emptyEmail,
  emptyFields,
  emptyPhone,
  fieldIdForError,
  fieldsToInput,
  recordToFields,
} from '../clientInput.js';

/** @typedef {import('../clientInput.js').ClientFields} ClientFields */
/** @typedef {'addresses' | 'phones' | 'emails'} ListName */

/** Suggestions for the "source" field (free text). */
const SOURCES = ['form.source.referral', 'form.source.website', 'form.source.fair', 'form.source.canvassing', 'form.source.comparator', 'form.source.sponsorship', 'form.source.misc'];

/** @type {[string, string][]} */
const ADDRESS_KINDS = [['principale', 'address.kind.principale'], ['correspondance', 'address.kind.correspondance']];
/** @type {[string, string][]} */
const PHONE_KINDS = [['mobile', 'phone.kind.mobile'], ['fixe', 'phone.kind.fixe'], ['professionnel', 'phone.kind.professionnel']];
/** @type {[string, string][]} */
const EMAIL_KINDS = [['personnel', 'email.kind.personnel'], ['professionnel', 'email.kind.professionnel']];
/** @type {[string, string][]} */
const STATUSES = [['prospect', 'status.prospect'], ['client', 'status.client'], ['former', 'status.former']];
/** @type {[string, string][]} */
const CIVILITIES = [['', 'form.civility.none'], ['M', 'civility.M'], ['Mme', 'civility.Mme']];

/** Catalogue keys per repeatable list. @type {Record<ListName, { add: string, none: string, remove: string, row: string }>} */
const LIST_TEXT = {
  addresses: { add: 'form.addresses.add', none: 'form.addresses.none', remove: 'form.addresses.remove', row: 'form.addresses.row' },
  phones: { add: 'form.phones.add', none: 'form.phones.none', remove: 'form.phones.remove', row: 'form.phones.row' },
  emails: { add: 'form.emails.add', none: 'form.emails.none', remove: 'form.emails.remove', row: 'form.emails.row' },
};

/** E2E test ids for the controls of the first rows (`field-postcode-0`…). @type {Record<string, string>} */
const ROW_TESTID = { line1: 'line1', line2: 'line2', postcode: 'postcode', city: 'city', country: 'country', number: 'phone', address: 'email' };

/**
 * @param {string} value
 * @param {[string, string][]} options
 * @param {Record<string, unknown>} attrs
 */
function select(value, options, attrs) {
  return h('select', attrs, options.map(([v, label]) => h('option', { value: v, selected: v === value }, t(label))));
}

/**
 * A labelled control with room for a hint and an error message.
 * @param {{ id: string, label: string, control: HTMLElement, hint?: string, required?: boolean, className?: string }} o
 */
function field(o) {
  const describedBy = [];
  /** @type {HTMLElement | null} */
  let hint = null;
  if (o.hint) {
    hint = h('p', { id: `${o.id}-hint`, class: 'hint' }, o.hint);
    describedBy.push(`${o.id}-hint`);
  }
  if (describedBy.length) o.control.setAttribute('aria-describedby', describedBy.join(' '));
  if (o.required) o.control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: o.className ? `field ${o.className}` : 'field' },
    h('label', { for: o.id }, o.label, o.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    nodeOf(o.control),
    hint,
  );
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountClientEdit(el, route, api) {
  let alive = true;
  /** Saved: leaving asks nothing. */
  let saved = false;
  let dropGuard = () => {};
  const editing = route.name === 'client-edit';
  const id = editing ? Number(route.params.id) : null;
  /** The version loaded, so a concurrent change is refused rather than overwritten. @type {number | undefined} */
  let version;
  setTitle(t(editing ? 'form.titleEdit' : 'form.titleNew'), t('app.name'));

  if (editing && id !== null) {
    el.append(h('p', { class: 'muted', role: 'status' }, t('common.loading')));
    api.clientGet(id).then(
      (r) => {
        if (!alive) return;
        version = r.version;
        render(recordToFields(r), r.displayName);
      },
      (/** @type {ApiError} */ e) => {
        if (!alive) return;
        replace(
          el,
          h('header', { class: 'page-header' }, h('h1', { class: 'page-title' }, t('record.loadError'))),
          h('div', { class: 'alert', role: 'alert' }, e.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: e.code }))),
          h('a', { href: href('clients'), class: 'btn' }, t('record.back')),
        );
      },
    );
  } else {
    render(emptyFields(), null);
  }

  /**
   * @param {ClientFields} initial
   * @param {string | null} name
   */
  function render(initial, name) {
    if (name) setTitle(t('form.titleEditNamed', { name }), t('app.name'));
    const cancelHref = editing && id !== null ? href('client', { id }) : href('clients');

    /** @type {Record<ListName, HTMLElement>} */
    const lists = {
      addresses: h('div', { class: 'rows', dataset: { list: 'addresses' } }),
      phones: h('div', { class: 'rows', dataset: { list: 'phones' } }),
      emails: h('div', { class: 'rows', dataset: { list: 'emails' } }),
    };
    /** @type {{ addresses: import('../clientInput.js').AddressFields[], phones: import('../clientInput.js').PhoneFields[], emails: import('../clientInput.js').EmailFields[] }} */
    const listValues = { addresses: initial.addresses, phones: initial.phones, emails: initial.emails };

    const banner = h('div', { class: 'alert', role: 'alert', hidden: true, tabindex: '-1', dataset: { testid: 'form-error' } });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: 'submit-client' } }, icon('check'), t(editing ? 'form.save' : 'form.create'));

    const text = (/** @type {string} */ fid, /** @type {string} */ value, /** @type {Record<string, unknown>} */ extra = {}) =>
      h('input', { id: fid, type: 'text', value, ...extra });

    // --- kind ---
    const kindPerson = h('input', { type: 'radio', name: 'kind', id: controlId('kind'), value: 'person', checked: initial.kind !== 'company', dataset: { testid: 'field-kind-person' } });
    const kindCompany = h('input', { type: 'radio', name: 'kind', id: 'cf-kind-company', value: 'company', checked: initial.kind === 'company', dataset: { testid: 'field-kind-company' } });
    const kindGroup = h('fieldset', { class: 'field field-inline', id: 'cf-kind-group' },
      h('legend', null, t('form.kind')),
      h('div', { class: 'segmented' },
        h('label', { class: 'segment', for: controlId('kind') }, kindPerson, h('span', null, t('kind.person'))),
        h('label', { class: 'segment', for: 'cf-kind-company' }, kindCompany, h('span', null, t('kind.company')))));
    kindPerson.classList.add('visually-hidden');
    kindCompany.classList.add('visually-hidden');

    // --- identity ---
    const lastNameLabel = h('span');
    const firstNameLabel = h('span');
    const lastName = text(controlId('lastName'), initial.lastName, { autocomplete: 'off', dataset: { testid: 'field-lastName' } });
    const firstName = text(controlId('firstName'), initial.firstName, { autocomplete: 'off', dataset: { testid: 'field-firstName' } });
    const lastNameField = field({ id: controlId('lastName'), label: '', control: lastName });
    lastNameField.querySelector('label')?.replaceChildren(lastNameLabel);
    const firstNameField = field({ id: controlId('firstName'), label: '', control: firstName });
    firstNameField.querySelector('label')?.replaceChildren(firstNameLabel);

    const personOnly = h('div', { class: 'field-row only-person' },
      field({ id: controlId('civility'), label: t('form.civility'), className: 'field-xs',
        control: select(initial.civility, CIVILITIES, { id: controlId('civility'), dataset: { testid: 'field-civility' } }) }),
      field({ id: controlId('birthDate'), label: t('form.birthDate'), hint: t('form.birthDate.hint', twoDigitYears(true)), className: 'field-md',
        control: dateField(initial.birthDate, 'field-birthDate', { id: controlId('birthDate'), min: '1900-01-01', max: '2100-12-31', past: true }) }));
    const companyOnly = h('div', { class: 'field-row only-company' },
      field({ id: controlId('companyName'), label: t('form.companyName'), required: true, className: 'field-lg',
        control: text(controlId('companyName'), initial.companyName, { autocomplete: 'organization', dataset: { testid: 'field-companyName' } }) }),
      field({ id: controlId('siren'), label: t('form.siren'), hint: t('form.siren.hint'), className: 'field-sm',
        control: text(controlId('siren'), initial.siren, { inputmode: 'numeric', autocomplete: 'off', dataset: { testid: 'field-siren' } }) }));

    const profession = field({ id: controlId('profession'), label: t('form.profession'), className: 'field-md',
      control: text(controlId('profession'), initial.profession, { autocomplete: 'organization-title', dataset: { testid: 'field-profession' } }) });

    function applyKind() {
      const company = kindCompany.checked;
      personOnly.hidden = company;
      companyOnly.hidden = !company;
      lastNameLabel.replaceChildren(t(company ? 'form.contactLastName' : 'form.lastName'),
        company ? '' : h('span', { class: 'required', 'aria-hidden': 'true' }, ' *'));
      firstNameLabel.textContent = t(company ? 'form.contactFirstName' : 'form.firstName');
      if (company) lastName.removeAttribute('aria-required');
      else lastName.setAttribute('aria-required', 'true');
    }
    kindPerson.addEventListener('change', applyKind);
    kindCompany.addEventListener('change', applyKind);

    // --- repeatable rows ---
    /**
     * @param {ListName} list
     * @param {number} i
     * @param {string} name
     */
    const rid = (list, i, name) => controlId(name, { list, index: i });
    /**
     * @param {ListName} list
     * @param {number} i
     * @param {string} name
     */
    const testid = (list, i, name) => `field-${ROW_TESTID[name] ?? name}-${i}`;

    /**
     * @param {ListName} list
     * @param {number} i
     */
    function removeButton(list, i) {
      return h('button', {
        type: 'button',
        class: 'btn btn-icon btn-quiet row-remove',
        'aria-label': t(LIST_TEXT[list].remove, { n: i + 1 }),
        title: t(LIST_TEXT[list].remove, { n: i + 1 }),
        onclick: () => {
          syncLists();
          listValues[list].splice(i, 1);
          renderList(list);
          /** @type {HTMLElement | null} */ (lists[list].parentElement?.querySelector('.row-add'))?.focus();
        },
        dataset: { testid: `remove-${list}-${i}` },
      }, '×');
    }

    /** @param {ListName} list */
    function renderList(list) {
      const values = listValues[list];
      const rows = values.map((v, i) => {
        if (list === 'addresses') {
          const a = /** @type {import('../clientInput.js').AddressFields} */ (v);
          return h('div', { class: 'row-group', role: 'group', 'aria-label': t(LIST_TEXT.addresses.row, { n: i + 1 }) },
            h('div', { class: 'field-row' },
              field({ id: rid(list, i, 'kind'), label: t('form.type'), className: 'field-sm',
                control: select(a.kind, ADDRESS_KINDS, { id: rid(list, i, 'kind'), dataset: { testid: `field-addressKind-${i}` } }) }),
              field({ id: rid(list, i, 'line1'), label: t('form.line1'), className: 'field-lg',
                control: text(rid(list, i, 'line1'), a.line1, { autocomplete: 'off', dataset: { testid: testid(list, i, 'line1') } }) }),
              removeButton(list, i)),
            h('div', { class: 'field-row' },
              field({ id: rid(list, i, 'line2'), label: t('form.line2'), className: 'field-lg',
                control: text(rid(list, i, 'line2'), a.line2, { autocomplete: 'off', dataset: { testid: testid(list, i, 'line2') } }) })),
            h('div', { class: 'field-row' },
              field({ id: rid(list, i, 'postcode'), label: t('form.postcode'), className: 'field-xs',
                control: text(rid(list, i, 'postcode'), a.postcode, { inputmode: 'numeric', autocomplete: 'off', dataset: { testid: testid(list, i, 'postcode') } }) }),
              field({ id: rid(list, i, 'city'), label: t('form.city'), className: 'field-md',
                control: text(rid(list, i, 'city'), a.city, { autocomplete: 'off', dataset: { testid: testid(list, i, 'city') } }) }),
              field({ id: rid(list, i, 'country'), label: t('form.country'), className: 'field-sm',
                control: text(rid(list, i, 'country'), a.country, { autocomplete: 'off', dataset: { testid: testid(list, i, 'country') } }) })));
        }
        if (list === 'phones') {
          const p = /** @type {import('../clientInput.js').PhoneFields} */ (v);
          return h('div', { class: 'row-group row-compact', role: 'group', 'aria-label': t(LIST_TEXT.phones.row, { n: i + 1 }) },
            h('div', { class: 'field-row' },
              field({ id: rid(list, i, 'kind'), label: t('form.type'), className: 'field-sm',
                control: select(p.kind, PHONE_KINDS, { id: rid(list, i, 'kind'), dataset: { testid: `field-phoneKind-${i}` } }) }),
              field({ id: rid(list, i, 'number'), label: t('form.phone'), className: 'field-md',
                control: h('input', { id: rid(list, i, 'number'), type: 'tel', value: p.number, autocomplete: 'off', dataset: { testid: testid(list, i, 'number') } }) }),
              removeButton(list, i)));
        }
        const m = /** @type {import('../clientInput.js').EmailFields} */ (v);
        return h('div', { class: 'row-group row-compact', role: 'group', 'aria-label': t(LIST_TEXT.emails.row, { n: i + 1 }) },
          h('div', { class: 'field-row' },
            field({ id: rid(list, i, 'kind'), label: t('form.type'), className: 'field-sm',
              control: select(m.kind, EMAIL_KINDS, { id: rid(list, i, 'kind'), dataset: { testid: `field-emailKind-${i}` } }) }),
            field({ id: rid(list, i, 'address'), label: t('form.email'), className: 'field-lg',
              control: h('input', { id: rid(list, i, 'address'), type: 'email', value: m.address, autocomplete: 'off', spellcheck: 'false', dataset: { testid: testid(list, i, 'address') } }) }),
            removeButton(list, i)));
      });
      replace(lists[list], rows.length ? rows : h('p', { class: 'muted' }, t(LIST_TEXT[list].none)));
    }

    /**
     * @param {ListName} list
     */
    function addButton(list) {
      return h('button', {
        type: 'button',
        class: 'btn btn-small row-add',
        onclick: () => {
          syncLists();
          const v = list === 'addresses' ? emptyAddress() : list === 'phones' ? emptyPhone() : emptyEmail();
          if (list === 'addresses' && listValues.addresses.length > 0) /** @type {any} */ (v).kind = 'correspondance';
          /** @type {any[]} */ (listValues[list]).push(v);
          renderList(list);
          const i = listValues[list].length - 1;
          const first = list === 'addresses' ? 'line1' : list === 'phones' ? 'number' : 'address';
          document.getElementById(rid(list, i, first))?.focus();
        },
        dataset: { testid: `add-${list}` },
      }, icon('plus'), t(LIST_TEXT[list].add));
    }

    /** @param {string} fid */
    const val = (fid) => {
      const c = /** @type {HTMLInputElement | null} */ (document.getElementById(fid));
      return c ? c.value : '';
    };

    /** Reads the current row values back from the page. */
    function syncLists() {
      listValues.addresses = listValues.addresses.map((_, i) => ({
        kind: val(rid('addresses', i, 'kind')),
        line1: val(rid('addresses', i, 'line1')),
        line2: val(rid('addresses', i, 'line2')),
        postcode: val(rid('addresses', i, 'postcode')),
        city: val(rid('addresses', i, 'city')),
        country: val(rid('addresses', i, 'country')),
      }));
      listValues.phones = listValues.phones.map((_, i) => ({ kind: val(rid('phones', i, 'kind')), number: val(rid('phones', i, 'number')) }));
      listValues.emails = listValues.emails.map((_, i) => ({ kind: val(rid('emails', i, 'kind')), address: val(rid('emails', i, 'address')) }));
    }

    /** @returns {ClientFields} */
    function readFields() {
      syncLists();
      const birth = /** @type {HTMLInputElement} */ (document.getElementById(controlId('birthDate')));
      return {
        kind: kindCompany.checked ? 'company' : 'person',
        civility: val(controlId('civility')),
        lastName: lastName.value,
        firstName: firstName.value,
        companyName: val(controlId('companyName')),
        siren: val(controlId('siren')),
        birthDate: birth.value,
        addresses: listValues.addresses,
        phones: listValues.phones,
        emails: listValues.emails,
        profession: val(controlId('profession')),
        status: val(controlId('status')),
        source: val(controlId('source')),
        assignedBroker: val(controlId('assignedBroker')),
        notes: val(controlId('notes')),
      };
    }

    function clearErrors() {
      banner.hidden = true;
      banner.replaceChildren();
      for (const c of Array.from(form.querySelectorAll('[aria-invalid="true"]'))) {
        c.removeAttribute('aria-invalid');
        const d = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
        if (d.length) c.setAttribute('aria-describedby', d.join(' '));
        else c.removeAttribute('aria-describedby');
      }
      for (const m of Array.from(form.querySelectorAll('.field-error'))) m.remove();
    }

    /**
     * @param {ApiError} e
     * @param {import('../clientInput.js').RowMap} rows
     */
    function showError(e, rows) {
      const fid = fieldIdForError(e.code, rows);
      const control = fid ? document.getElementById(fid) : null;
      if (control) {
        const errId = `${fid}-error`;
        const msg = h('p', { id: errId, class: 'field-error', dataset: { testid: 'field-error' } }, icon('alert'), h('span', null, e.message));
        const container = control.closest('.field') ?? control.parentElement;
        if (fid === controlId('kind')) kindGroup.append(msg);
        else container?.append(msg);
        control.setAttribute('aria-invalid', 'true');
        const d = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        control.setAttribute('aria-describedby', [errId, ...d].join(' '));
        // The banner at the top names the field and says what is wrong, as the field does.
        const label = stripColon(document.querySelector(`label[for="${CSS.escape(fid ?? '')}"]`)?.textContent || '');
        banner.replaceChildren(icon('alert'), h('div', null,
          h('p', { class: 'form-summary-title' }, t('form.error.field')),
          h('ul', null, h('li', null,
            label ? h('a', { href: `#${fid}`, onclick: (/** @type {Event} */ ev) => { ev.preventDefault(); control.focus(); } }, label) : null,
            label ? ` : ${e.message}` : e.message))));
        banner.hidden = false;
        // Corrected (typed in again): its error goes, the banner with it.
        const fixed = () => {
          control.removeEventListener('input', fixed);
          control.removeEventListener('change', fixed);
          if (control.getAttribute('aria-invalid') !== 'true') return;
          clearErrors();
        };
        control.addEventListener('input', fixed);
        control.addEventListener('change', fixed);
        control.focus();
        control.scrollIntoView({ block: 'center' });
      } else {
        banner.replaceChildren(icon('alert'), h('span', null, e.message), h('span', { class: 'error-code' }, t('common.errorCode', { code: e.code })));
        banner.hidden = false;
        banner.focus();
      }
    }

    const form = h(
      'form',
      { class: 'form client-form', novalidate: true, dataset: { testid: 'client-form' }, 'aria-labelledby': 'form-title' },
      banner,
      h('section', { class: 'card form-card', 'aria-labelledby': 'fs-identity' },
        h('h2', { id: 'fs-identity', class: 'card-title' }, t('form.section.identity')),
        kindGroup,
        companyOnly,
        h('div', { class: 'field-row' }, lastNameField, firstNameField),
        personOnly,
        h('div', { class: 'field-row' }, profession)),
      h('section', { class: 'card form-card', 'aria-labelledby': 'fs-addresses' },
        h('h2', { id: 'fs-addresses', class: 'card-title' }, t('form.section.addresses')),
        lists.addresses,
        addButton('addresses')),
      h('div', { class: 'form-columns' },
        h('section', { class: 'card form-card', 'aria-labelledby': 'fs-phones' },
          h('h2', { id: 'fs-phones', class: 'card-title' }, t('form.section.phones')),
          lists.phones,
          addButton('phones')),
        h('section', { class: 'card form-card', 'aria-labelledby': 'fs-emails' },
          h('h2', { id: 'fs-emails', class: 'card-title' }, t('form.section.emails')),
          lists.emails,
          addButton('emails'))),
      h('section', { class: 'card form-card', 'aria-labelledby': 'fs-follow' },
        h('h2', { id: 'fs-follow', class: 'card-title' }, t('form.section.follow')),
        h('div', { class: 'field-row' },
          field({ id: controlId('status'), label: t('form.status'), className: 'field-sm',
            control: select(initial.status, STATUSES, { id: controlId('status'), dataset: { testid: 'field-status' } }) }),
          field({ id: controlId('source'), label: t('form.source'), className: 'field-md',
            control: text(controlId('source'), initial.source, { list: 'source-options', autocomplete: 'off', dataset: { testid: 'field-source' } }) }),
          field({ id: controlId('assignedBroker'), label: t('form.assignedBroker'), className: 'field-md',
            control: text(controlId('assignedBroker'), initial.assignedBroker, { autocomplete: 'off', dataset: { testid: 'field-assignedBroker' } }) })),
        h('datalist', { id: 'source-options' }, SOURCES.map((k) => h('option', { value: t(k) })))),
      h('section', { class: 'card form-card', 'aria-labelledby': 'fs-notes' },
        h('h2', { id: 'fs-notes', class: 'card-title' }, t('form.section.notes')),
        field({ id: controlId('notes'), label: t('form.notes'), hint: t('form.notes.hint'),
          control: h('textarea', { id: controlId('notes'), rows: '5', value: initial.notes, dataset: { testid: 'field-notes' } }) }),
        // A correction keeps the values it replaces; its reason goes with them.
        editing
          ? field({ id: controlId('reason'), label: t('form.reason'), hint: t('form.reason.hint'),
            control: text(controlId('reason'), '', { autocomplete: 'off', dataset: { testid: 'field-reason' } }) })
          : null),
      h('div', { class: 'form-footer' },
        h('p', { class: 'hint' }, t('form.requiredHint')),
        h('div', { class: 'actions' },
          h('a', { href: cancelHref, class: 'btn', dataset: { testid: 'cancel-client' } }, t('common.cancel')),
          submit)),
    );

    let saving = false;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (saving) return;
      clearErrors();
      const birth = /** @type {HTMLInputElement} */ (document.getElementById(controlId('birthDate')));
      const birthProblem = kindCompany.checked ? null : problemOf(birth);
      if (birthProblem) {
        // An impossible or unreadable date is said here, in French, and nothing is sent.
        showError(new ApiError('invalid:birthDate', birthProblem), { addresses: [], phones: [], emails: [] });
        return;
      }
      const { input, rows } = fieldsToInput(readFields());
      saving = true;
      submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        const reason = /** @type {HTMLInputElement | null} */ (document.getElementById(controlId('reason')))?.value.trim() || undefined;
        const record = editing && id !== null ? await api.clientUpdate(id, input, version, reason) : await api.clientCreate(input);
        if (!alive) return;
        saved = true;
        navigate(href('client', { id: record.id }));
      } catch (e) {
        if (!alive) return;
        showError(/** @type {ApiError} */ (e), rows);
      } finally {
        saving = false;
        submit.disabled = false;
        form.removeAttribute('aria-busy');
      }
    });
    // Ctrl+Enter submits from anywhere in the form (Enter alone makes a new line in the notes).
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });

    replace(
      el,
      h('a', { href: cancelHref, class: 'back-link no-print' }, icon('back'), t(editing ? 'form.backToRecord' : 'record.back')),
      h('header', { class: 'page-header' },
        h('div', null,
          h('h1', { id: 'form-title', class: 'page-title' }, editing ? t('form.titleEditNamed', { name: name ?? '' }) : t('form.titleNew')),
          h('p', { class: 'page-subtitle' }, t('form.subtitle')))),
      form,
    );
    renderList('addresses');
    renderList('phones');
    renderList('emails');
    applyKind();
    // Leaving with changes asks first (the shell asks `wouldLoseChanges`). What is compared is
    // what would be sent (empty rows left out) and the reason: adding an empty line is no change.
    const typed = () => JSON.stringify([fieldsToInput(readFields()).input, val(controlId('reason'))]);
    const shown = typed();
    dropGuard();
    dropGuard = setLeaveGuard(() => !saved && typed() !== shown);
    (kindCompany.checked ? /** @type {HTMLElement | null} */ (document.getElementById(controlId('companyName'))) : lastName)?.focus();
  }

  return () => {
    alive = false;
    dropGuard();
  };
}
