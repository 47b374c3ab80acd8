// @ts-check
/**
 * The client form as plain data: raw field values → `ClientInput` for the backend, a record →
 * form values for editing, and backend validation codes (`invalid:addresses[0].postcode`) → the id
 * of the form control to flag. Pure, DOM-free, tested by Node.
 */
import { parseUserDate } from './format.js';
import { invalidField } from './fieldError.js';

/** @typedef {import('./api/types.js').ClientInput} ClientInput */
/** @typedef {import('./api/types.js').ClientRecord} ClientRecord */

/**
 * @typedef {{ kind: string, line1: string, line2: string, postcode: string, city: string, country: string }} AddressFields
 * @typedef {{ kind: string, number: string }} PhoneFields
 * @typedef {{ kind: string, address: string }} EmailFields
 * @typedef {object} ClientFields The form's values, exactly as typed (all strings).
 * @property {string} kind
 * @property {string} civility
 * @property {string} lastName
 * @property {string} firstName
 * @property {string} companyName
 * @property {string} siren
 * @property {string} birthDate
 * @property {AddressFields[]} addresses
 * @property {PhoneFields[]} phones
 * @property {EmailFields[]} emails
 * @property {string} profession
 * @property {string} status
 * @property {string} source
 * @property {string} assignedBroker
 * @property {string} notes
 *
 * @typedef {{ addresses: number[], phones: number[], emails: number[] }} RowMap
 *   For each list sent, the form row each sent item came from (empty rows are not sent).
 */

export const DEFAULT_COUNTRY = 'France';

/** @returns {AddressFields} */
export const emptyAddress = () => ({
  kind: 'principale',
  line1: '',
  line2: '',
  postcode: '',
  city: '',
  country: DEFAULT_COUNTRY,
});
/** @returns {PhoneFields} */
export const emptyPhone = () => ({ kind: 'mobile', number: '' });
/** @returns {EmailFields} */
export const emptyEmail = () => ({ kind: 'personnel', address: '' });

/**
 * A blank form: a person prospect, with one empty address, phone and e-mail row.
 * @returns {ClientFields}
 */
export function emptyFields() {
  return {
    kind: 'person',
    civility: '',
    lastName: '',
    firstName: '',
    companyName: '',
    siren: '',
    birthDate: '',
    addresses: [emptyAddress()],
    phones: [emptyPhone()],
    emails: [emptyEmail()],
    profession: '',
    status: 'prospect',
    source: '',
    assignedBroker: '',
    notes: '',
  };
}

/**
 * Trimmed text, or null when empty.
 * @param {string | null | undefined} v
 * @returns {string | null}
 */
export function textOrNull(v) {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
}

/**
 * @param {string | null | undefined} v
 */
const isBlank = (v) => (v ?? '').trim() === '';

/**
 * Form values → what `client_create` / `client_update` expect, plus the row map needed to put a
 * backend error on the right row. Empty repeatable rows are left out; fields that do not apply
 * to the kind (civility and birth date for a company, company name and SIREN for a person) are
 * sent as null. A birth date typed as `23/11/1980` is converted to ISO; one that cannot be read
 * is sent as typed so the backend's message explains what is wrong.
 * @param {ClientFields} f
 * @returns {{ input: ClientInput, rows: RowMap }}
 */
export function fieldsToInput(f) {
  const kind = f.kind === 'company' ? 'company' : 'person';
  const isPerson = kind === 'person';
  /** @type {RowMap} */
  const rows = { addresses: [], phones: [], emails: [] };

  /** @type {ClientInput['addresses']} */
  const addresses = [];
  (f.addresses ?? []).forEach((a, i) => {
    if ([a.line1, a.line2, a.postcode, a.city].every(isBlank)) return;
    rows.addresses.push(i);
    addresses.push({
      kind: a.kind === 'correspondance' ? 'correspondance' : 'principale',
      line1: (a.line1 ?? '').trim(),
      line2: textOrNull(a.line2),
      postcode: (a.postcode ?? '').trim(),
      city: (a.city ?? '').trim(),
      country: textOrNull(a.country) ?? DEFAULT_COUNTRY,
    });
  });

  /** @type {ClientInput['phones']} */
  const phones = [];
  (f.phones ?? []).forEach((p, i) => {
    if (isBlank(p.number)) return;
    rows.phones.push(i);
    phones.push({
      kind: p.kind === 'fixe' || p.kind === 'professionnel' ? p.kind : 'mobile',
      number: p.number.trim(),
    });
  });

  /** @type {ClientInput['emails']} */
  const emails = [];
  (f.emails ?? []).forEach((e, i) => {
    if (isBlank(e.address)) return;
    rows.emails.push(i);
    emails.push({
      kind: e.kind === 'professionnel' ? 'professionnel' : 'personnel',
      address: e.address.trim(),
    });
  });

  const rawBirth = textOrNull(f.birthDate);
  const civility = f.civility === 'M' || f.civility === 'Mme' ? f.civility : null;
  const status = f.status === 'client' || f.status === 'former' ? f.status : 'prospect';
  const notes = (f.notes ?? '').replace(/\r\n/g, '\n').trim();

  return {
    input: {
      kind,
      civility: isPerson ? civility : null,
      lastName: textOrNull(f.lastName),
      firstName: textOrNull(f.firstName),
      companyName: isPerson ? null : textOrNull(f.companyName),
      siren: isPerson ? null : textOrNull(f.siren),
      birthDate: isPerson && rawBirth ? (parseUserDate(rawBirth) ?? rawBirth) : null,
      addresses,
      phones,
      emails,
      profession: textOrNull(f.profession),
      status,
      source: textOrNull(f.source),
      assignedBroker: textOrNull(f.assignedBroker),
      notes: notes === '' ? null : notes,
    },
    rows,
  };
}

/**
 * A record (or any `ClientInput`) → form values for editing. Lists keep at least one row so the
 * form always shows an empty line to type in.
 * @param {ClientInput | ClientRecord} r
 * @returns {ClientFields}
 */
export function recordToFields(r) {
  const s = (/** @type {string | null | undefined} */ v) => v ?? '';
  return {
    kind: r.kind === 'company' ? 'company' : 'person',
    civility: s(r.civility),
    lastName: s(r.lastName),
    firstName: s(r.firstName),
    companyName: s(r.companyName),
    siren: s(r.siren),
    birthDate: s(r.birthDate),
    addresses: r.addresses?.length
      ? r.addresses.map((a) => ({
          kind: a.kind,
          line1: s(a.line1),
          line2: s(a.line2),
          postcode: s(a.postcode),
          city: s(a.city),
          country: s(a.country) || DEFAULT_COUNTRY,
        }))
      : [emptyAddress()],
    phones: r.phones?.length ? r.phones.map((p) => ({ kind: p.kind, number: s(p.number) })) : [emptyPhone()],
    emails: r.emails?.length ? r.emails.map((e) => ({ kind: e.kind, address: s(e.address) })) : [emptyEmail()],
    profession: s(r.profession),
    status: r.status,
    source: s(r.source),
    assignedBroker: s(r.assignedBroker),
    notes: s(r.notes),
  };
}

/**
 * The field named by a validation error code, or null if the code is not a field error.
 * `invalid:addresses[0].postcode` → `{ list: 'addresses', index: 0, name: 'postcode' }`;
 * `invalid:lastName` → `{ list: null, index: null, name: 'lastName' }`.
 * @param {string} code
 * @returns {{ list: 'addresses' | 'phones' | 'emails' | null, index: number | null, name: string } | null}
 */
export function parseFieldError(code) {
  const f = invalidField(code);
  if (!f) return null;
  if (f.list === null) return { list: null, index: null, name: f.name };
  if (f.list !== 'addresses' && f.list !== 'phones' && f.list !== 'emails') return null;
  return { list: f.list, index: f.index, name: f.name };
}

/**
 * The DOM id of a form control. Simple fields: `cf-lastName`; rows: `cf-addresses-0-postcode`.
 * @param {string} name
 * @param {{ list: string, index: number }} [row]
 */
export function controlId(name, row) {
  return row ? `cf-${row.list}-${row.index}-${name}` : `cf-${name}`;
}

/**
 * The id of the control a backend validation error is about, taking into account the empty
 * rows that were not sent (`rows` from `fieldsToInput`). Null when the code is not a field error.
 * @param {string} code
 * @param {RowMap} [rows]
 * @returns {string | null}
 */
export function fieldIdForError(code, rows) {
  const f = parseFieldError(code);
  if (!f) return null;
  if (f.list === null || f.index === null) return controlId(f.name);
  const formIndex = rows?.[f.list]?.[f.index] ?? f.index;
  return controlId(f.name, { list: f.list, index: formIndex });
}
