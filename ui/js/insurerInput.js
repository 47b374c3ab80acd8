// @ts-check
/**
 * The agency's insurers, without the DOM: the form's values from a record (prefill), the form →
 * `insurer_create` input, the form → `insurer_update` with only the fields that changed, the
 * address as one line, the names suggested in the new-contract form, and what each change
 * replaced (through the shared `revisions.js`). Pure: unit-tested with `node --test`.
 */
import { COMMON_INSURERS, textOrNull } from './contractInput.js';
import { formatPhone } from './format.js';
import { describeRevisions, norm } from './revisions.js';
import { putChanged } from './fieldDiff.js';

/** @typedef {import('./api/types.js').InsurerRecord} InsurerRecord */
/** @typedef {import('./api/types.js').InsurerInput} InsurerInput */
/** @typedef {import('./api/types.js').InsurerUpdate} InsurerUpdate */
/** @typedef {import('./revisions.js').RevisionView} RevisionView */
/** @typedef {import('./revisions.js').Snapshot} Snapshot */

/**
 * @typedef {object} InsurerFields The insurer form's values, as typed.
 * @property {string} name
 * @property {string} addressLine1
 * @property {string} postcode
 * @property {string} city
 * @property {string} email
 * @property {string} phone
 * @property {string} releveEmail
 */

/** The optional fields, in the order of the form (the keys of the input and of the record). */
export const OPTIONAL_FIELDS = /** @type {const} */ (['addressLine1', 'postcode', 'city', 'email', 'phone', 'releveEmail']);

/** @returns {InsurerFields} */
export const emptyInsurerFields = () => ({ name: '', addressLine1: '', postcode: '', city: '', email: '', phone: '', releveEmail: '' });

/**
 * The edit form prefilled from the record (the phone in pairs, as it is shown).
 * @param {InsurerRecord} r
 * @returns {InsurerFields}
 */
export function insurerFieldsOf(r) {
  return {
    name: r.name ?? '',
    addressLine1: r.addressLine1 ?? '',
    postcode: r.postcode ?? '',
    city: r.city ?? '',
    email: r.email ?? '',
    phone: formatPhone(r.phone),
    releveEmail: r.releveEmail ?? '',
  };
}

/**
 * The create form → `InsurerInput`: texts trimmed, empty optional fields left out. Nothing else
 * is checked: the backend says what is wrong (`invalid:<field>`), in French.
 * @param {InsurerFields} f
 * @returns {InsurerInput}
 */
export function insurerFieldsToInput(f) {
  /** @type {InsurerInput} */
  const input = { name: (f.name ?? '').trim() };
  for (const k of OPTIONAL_FIELDS) {
    const v = textOrNull(f[k]);
    if (v !== null) input[k] = v;
  }
  return input;
}

/**
 * A phone number reduced to what identifies it (`01 23 45 67 89` and `0123456789` are the same).
 * @param {string | null | undefined} v
 */
const phoneKey = (v) => (v ?? '').replace(/[\s.\-()]/g, '');

/**
 * The edit form → `InsurerUpdate` with only the fields that changed (an emptied optional field is
 * sent as `""`, which clears it; the phone is compared digits only). Nothing changed: `{}`. The
 * reason is added by the caller.
 * @param {InsurerRecord} r
 * @param {InsurerFields} f
 * @returns {InsurerUpdate}
 */
export function insurerUpdateOf(r, f) {
  /** @type {InsurerUpdate} */
  const update = {};
  const u = /** @type {Record<string, unknown>} */ (update);
  putChanged(u, 'name', (f.name ?? '').trim(), r.name);
  for (const k of OPTIONAL_FIELDS) {
    const same = k === 'phone' ? (/** @type {string} */ a, /** @type {string} */ b) => phoneKey(a) === phoneKey(b) : undefined;
    putChanged(u, k, (f[k] ?? '').trim(), r[k], same);
  }
  return update;
}

/**
 * The postal address on one line: "4 quai de la Fosse, 44000 Nantes"; "" when there is none.
 * @param {Pick<InsurerRecord, 'addressLine1' | 'postcode' | 'city'>} r
 */
export function insurerAddress(r) {
  const town = [textOrNull(r.postcode), textOrNull(r.city)].filter(Boolean).join(' ');
  return [textOrNull(r.addressLine1), town].filter(Boolean).join(', ');
}

/**
 * A name compared for duplicates: case, accents and spacing ignored ("Covéa" = "COVEA ").
 * @param {string} s
 */
export const nameKey = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');

/**
 * The insurers suggested in the new-contract form: the agency's own first (as they are spelled
 * there), then the usual ones it does not have yet; no duplicates, no empty names.
 * @param {readonly string[]} agency the names of the agency's insurers
 * @param {readonly string[]} [common]
 * @returns {string[]}
 */
export function insurerSuggestions(agency, common = COMMON_INSURERS) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {string[]} */
  const out = [];
  for (const raw of [...agency, ...common]) {
    const name = typeof raw === 'string' ? raw.trim() : '';
    const key = nameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** An insurer's changed fields, in the order shown (snake_case key → catalogue key of its label). */
const INSURER_FIELDS = /** @type {const} */ ([
  ['name', 'insurers.field.name'],
  ['address_line1', 'insurers.field.addressLine1'],
  ['postcode', 'insurers.field.postcode'],
  ['city', 'insurers.field.city'],
  ['email', 'insurers.field.email'],
  ['phone', 'insurers.field.phone'],
  ['releve_email', 'insurers.field.releveEmail'],
]);

/**
 * An insurer now, in the shape of a revision's `previous`.
 * @param {InsurerRecord} r
 * @returns {Snapshot}
 */
export function insurerSnapshot(r) {
  return {
    name: r.name,
    address_line1: r.addressLine1,
    postcode: r.postcode,
    city: r.city,
    email: r.email,
    phone: r.phone,
    releve_email: r.releveEmail,
  };
}

/**
 * A replaced value for a sentence: between guillemets, the phone in pairs.
 * @param {string} field
 * @param {import('./revisions.js').RevisionValue} value not empty
 */
function insurerValueText(field, value) {
  const v = norm(value);
  return `« ${field === 'phone' ? formatPhone(v) : v} »`;
}

/**
 * What each change of an insurer replaced, oldest first: "Corrigé le … — motif" and
 * "Adresse : « … » → « … »".
 * @param {InsurerRecord} r
 * @returns {RevisionView[]}
 */
export function insurerRevisionViews(r) {
  return describeRevisions(r.revisions, insurerSnapshot(r), INSURER_FIELDS, insurerValueText);
}
