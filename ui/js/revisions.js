// @ts-check
/**
 * What each correction replaced, as text: shared by the claim page (declared facts) and the
 * contract page (the contract's terms, a vehicle, a driver). A revision's `previous` holds every
 * corrected value as it was before (snake_case keys); what a correction changed is found by
 * comparing it with the next revision's `previous` or, for the latest one, with the record as it
 * is now. Pure, DOM-free: unit-tested with `node --test`.
 */
import { formatCoefficient, formatDate } from './format.js';
import { t } from './i18n/index.js';
import { DRIVER_ROLES, PRODUCTS, USAGES, textOrNull } from './contractInput.js';
import { parseHundredths } from './coefficient.js';

/** @typedef {import('./api/types.js').RevisionRecord} RevisionRecord */
/** @typedef {import('./api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('./api/types.js').VehicleRecord} VehicleRecord */
/** @typedef {import('./api/types.js').DriverRecord} DriverRecord */
/** @typedef {string | number | boolean | null | undefined} RevisionValue */
/** @typedef {Record<string, RevisionValue>} Snapshot values keyed like a revision's `previous` */
/**
 * A revision as read from the backend, or with some of its `previous` values rewritten (the
 * start coefficient in hundredths): `previous` may then hold `undefined`.
 * @typedef {Omit<RevisionRecord, 'previous'> & { previous: Snapshot | null }} RevisionLike
 */
/**
 * @typedef {object} RevisionChange
 * @property {string} field snake_case, as in `previous`
 * @property {string} label "lieu", "immatriculation"
 * @property {string} before the value the correction replaced, as text ("(vide)" when empty)
 * @property {string} after the value it set, as text
 * @property {string} text "Immatriculation : « AB-123-CD » → « AB-123-CE »"
 *
 * @typedef {object} RevisionView
 * @property {string} recordedAt
 * @property {string | null} reason
 * @property {RevisionChange[]} changes the fields this correction changed, in display order
 * @property {string} summary "Corrigé le 12/06/2025 — motif" (or "Corrigé le 12/06/2025")
 * @property {string} text "Corrigé le 12/06/2025 — motif — valeurs précédentes : date 10/06/2025, lieu « Lyon »"
 */

/**
 * A value compared as text: null and undefined are empty, the rest trimmed.
 * @param {RevisionValue} v
 */
export const norm = (v) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * "Accident" → "accident", for a label inside a sentence.
 * @param {string} s
 */
export function lowerFirst(s) {
  return s ? s.charAt(0).toLocaleLowerCase('fr') + s.slice(1) : s;
}

/** @param {string} s */
const upperFirst = (s) => (s ? s.charAt(0).toLocaleUpperCase('fr') + s.slice(1) : s);

/**
 * What each correction changed, oldest first. `fields` lists the corrected fields in display
 * order (snake_case key → catalogue key of its label); `valueText` writes a non-empty value for
 * a sentence (an empty one is "(vide)"). A revision whose `previous` cannot be read still gives
 * its date and reason.
 * @param {RevisionLike[] | null | undefined} revisions oldest first
 * @param {Snapshot} current the record's values now
 * @param {readonly (readonly [string, string])[]} fields
 * @param {(field: string, value: RevisionValue) => string} valueText
 * @returns {RevisionView[]}
 */
export function describeRevisions(revisions, current, fields, valueText) {
  const list = revisions ?? [];
  /** @param {string} field @param {RevisionValue} value */
  const show = (field, value) => (norm(value) === '' ? t('claimPage.revision.empty') : valueText(field, value));
  return list.map((r, i) => {
    /** @type {Snapshot} */
    const before = r.previous ?? {};
    /** @type {Snapshot} */
    const after = i + 1 < list.length ? list[i + 1].previous ?? {} : current;
    /** @type {RevisionChange[]} */
    const changes = [];
    for (const [field, key] of fields) {
      if (!Object.prototype.hasOwnProperty.call(before, field)) continue;
      if (norm(before[field]) === norm(after[field])) continue;
      const label = t(key);
      const was = show(field, before[field]);
      const now = show(field, after[field]);
      changes.push({ field, label, before: was, after: now, text: t('correction.change', { label: upperFirst(label), before: was, after: now }) });
    }
    const reason = textOrNull(r.reason);
    const date = formatDate(r.recordedAt);
    const values = changes.map((c) => `${c.label} ${c.before}`).join(', ');
    const summary = reason !== null
      ? t('claimPage.revision.textNoValues', { date, reason })
      : t('claimPage.revision.textBare', { date });
    let text;
    if (reason !== null && values !== '') text = t('claimPage.revision.text', { date, reason, values });
    else if (values !== '') text = t('claimPage.revision.textNoReason', { date, values });
    else text = summary;
    return { recordedAt: r.recordedAt, reason, changes, summary, text };
  });
}

/**
 * The label of a code in a `[value, catalogue key]` list, or the code itself when unknown.
 * @param {[string, string][]} options
 * @param {string} code
 */
function optionLabel(options, code) {
  const key = options.find(([v]) => v === code)?.[1];
  return key ? t(key) : code;
}

/**
 * A corrected value of a contract, a vehicle or a driver, for a sentence: dates as 23/11/2026,
 * the coefficient as 0,85, codes (product, usage, role) as their label, yes/no, free text
 * between guillemets.
 * @param {string} field
 * @param {RevisionValue} value not empty
 */
function termText(field, value) {
  const v = norm(value);
  switch (field) {
    case 'subscription_date':
    case 'first_echeance':
    case 'first_registration':
    case 'from_date':
    case 'to_date':
    case 'birth_date':
    case 'licence_date':
      return formatDate(v);
    case 'start_coefficient': {
      const hundredths = typeof value === 'number' ? value : parseHundredths(v);
      return hundredths === null ? v : formatCoefficient((hundredths / 100).toFixed(2));
    }
    case 'product':
      return lowerFirst(optionLabel(PRODUCTS, v));
    case 'usage':
      return lowerFirst(optionLabel(USAGES, v));
    case 'role':
      return lowerFirst(optionLabel(DRIVER_ROLES, v));
    case 'clause_applies':
    case 'aac':
      return v === 'true' ? t('correction.yes') : t('correction.no');
    default:
      return `« ${v} »`;
  }
}

/** A contract's corrected terms, in the order shown. */
const CONTRACT_FIELDS = /** @type {const} */ ([
  ['number', 'correction.field.number'],
  ['product', 'correction.field.product'],
  ['subscription_date', 'correction.field.subscriptionDate'],
  ['first_echeance', 'correction.field.firstEcheance'],
  ['usage', 'correction.field.usage'],
  ['clause_applies', 'correction.field.clauseApplies'],
  ['start_coefficient', 'correction.field.startCoefficient'],
]);

/** A vehicle's corrected fields, in the order shown. */
const VEHICLE_FIELDS = /** @type {const} */ ([
  ['registration', 'correction.field.registration'],
  ['make', 'correction.field.make'],
  ['model', 'correction.field.model'],
  ['first_registration', 'correction.field.firstRegistration'],
  ['from_date', 'correction.field.vehicleFrom'],
  ['to_date', 'correction.field.vehicleTo'],
]);

/** A driver's corrected fields, in the order shown. */
const DRIVER_FIELDS = /** @type {const} */ ([
  ['role', 'correction.field.role'],
  ['last_name', 'correction.field.lastName'],
  ['first_name', 'correction.field.firstName'],
  ['birth_date', 'correction.field.birthDate'],
  ['licence_number', 'correction.field.licenceNumber'],
  ['licence_date', 'correction.field.licenceDate'],
  ['aac', 'correction.field.aac'],
  ['from_date', 'correction.field.driverFrom'],
  ['to_date', 'correction.field.driverTo'],
]);

/**
 * The start coefficient in hundredths, whichever way it was written (85, "85", "0.85").
 * @param {RevisionValue} v
 * @returns {RevisionValue}
 */
function startHundredths(v) {
  if (typeof v === 'number' || v === null || v === undefined) return v;
  const s = String(v).trim();
  if (/^\d+$/.test(s)) return Number(s);
  return parseHundredths(s) ?? s;
}

/**
 * A contract's terms now, in the shape of a revision's `previous` (the start coefficient in
 * hundredths, as the backend keeps it).
 * @param {ContractRecord} k
 * @returns {Snapshot}
 */
export function contractSnapshot(k) {
  return {
    number: k.number,
    product: k.product,
    subscription_date: k.subscriptionDate,
    first_echeance: k.firstEcheance,
    usage: k.usage,
    clause_applies: k.clauseApplies,
    start_coefficient: startHundredths(k.startCoefficient),
  };
}

/**
 * What each correction of the contract's terms changed, oldest first.
 * @param {ContractRecord} k
 * @returns {RevisionView[]}
 */
export function contractRevisionViews(k) {
  const revisions = (k.revisions ?? []).map((r) => (r.previous && Object.prototype.hasOwnProperty.call(r.previous, 'start_coefficient')
    ? { ...r, previous: { ...r.previous, start_coefficient: startHundredths(r.previous.start_coefficient) } }
    : r));
  return describeRevisions(revisions, contractSnapshot(k), CONTRACT_FIELDS, termText);
}

/**
 * A vehicle now, in the shape of a revision's `previous`.
 * @param {VehicleRecord} v
 * @returns {Snapshot}
 */
export function vehicleSnapshot(v) {
  return {
    registration: v.registration,
    make: v.make,
    model: v.model,
    first_registration: v.firstRegistration,
    from_date: v.fromDate,
    to_date: v.toDate,
  };
}

/**
 * What each correction of a vehicle changed, oldest first. A vehicle replaced after its last
 * correction got its exit date from the replacement, not from the correction: that date is not
 * shown as corrected.
 * @param {VehicleRecord} v
 * @returns {RevisionView[]}
 */
export function vehicleRevisionViews(v) {
  const revisions = v.revisions ?? [];
  const now = vehicleSnapshot(v);
  const last = revisions[revisions.length - 1]?.previous;
  if (v.replacedBy !== null && v.replacedBy !== undefined && last && norm(last.to_date) === '') now.to_date = null;
  return describeRevisions(revisions, now, VEHICLE_FIELDS, termText);
}

/**
 * A driver now, in the shape of a revision's `previous`.
 * @param {DriverRecord} d
 * @returns {Snapshot}
 */
export function driverSnapshot(d) {
  return {
    role: d.role,
    last_name: d.lastName,
    first_name: d.firstName,
    birth_date: d.birthDate,
    licence_number: d.licenceNumber,
    licence_date: d.licenceDate,
    aac: d.aac,
    from_date: d.fromDate,
    to_date: d.toDate,
  };
}

/**
 * What each correction of a driver changed, oldest first.
 * @param {DriverRecord} d
 * @returns {RevisionView[]}
 */
export function driverRevisionViews(d) {
  return describeRevisions(d.revisions, driverSnapshot(d), DRIVER_FIELDS, termText);
}
