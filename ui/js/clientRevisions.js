// @ts-check
/**
 * What each correction of a client replaced, as text, for the client record. The backend keeps
 * a client's earlier values in the shape of `clientSnapshot` (snake_case keys; the addresses,
 * phones and e-mails each as one line of text, in their order, joined by " ; "). Pure, DOM-free.
 */
import { formatDate } from './format.js';
import { t } from './i18n/index.js';
import { describeRevisions, lowerFirst, norm } from './revisions.js';

/** @typedef {import('./api/types.js').ClientRecord} ClientRecord */
/** @typedef {import('./revisions.js').RevisionView} RevisionView */
/** @typedef {import('./revisions.js').Snapshot} Snapshot */
/** @typedef {import('./revisions.js').RevisionValue} RevisionValue */

/** A client's corrected fields, in the order shown. */
const CLIENT_FIELDS = /** @type {const} */ ([
  ['kind', 'correction.field.clientKind'],
  ['civility', 'correction.field.civility'],
  ['last_name', 'correction.field.lastName'],
  ['first_name', 'correction.field.firstName'],
  ['company_name', 'correction.field.companyName'],
  ['siren', 'correction.field.siren'],
  ['birth_date', 'correction.field.birthDate'],
  ['addresses', 'correction.field.addresses'],
  ['phones', 'correction.field.phones'],
  ['emails', 'correction.field.emails'],
  ['profession', 'correction.field.profession'],
  ['status', 'correction.field.clientStatus'],
  ['source', 'correction.field.source'],
  ['assigned_broker', 'correction.field.assignedBroker'],
  ['notes', 'correction.field.notes'],
]);

/** @type {Record<string, Record<string, string>>} */
const CODES = {
  kind: { person: 'kind.person', company: 'kind.company' },
  civility: { M: 'civility.M', Mme: 'civility.Mme' },
  status: { prospect: 'status.prospect', client: 'status.client', former: 'status.former' },
};

/**
 * A client's values now, in the shape the backend keeps them in a revision.
 * @param {ClientRecord} r
 * @returns {Snapshot}
 */
export function clientSnapshot(r) {
  /** @param {string[]} items */
  const join = (items) => (items.length === 0 ? null : items.join(' ; '));
  return {
    kind: r.kind,
    civility: r.civility,
    last_name: r.lastName,
    first_name: r.firstName,
    company_name: r.companyName,
    siren: r.siren,
    birth_date: r.birthDate,
    addresses: join((r.addresses ?? []).map((a) => [a.line1, a.line2, `${a.postcode} ${a.city}`, a.country]
      .filter((p) => p !== null && p !== undefined && p !== '').join(', '))),
    phones: join((r.phones ?? []).map((p) => p.number)),
    emails: join((r.emails ?? []).map((e) => e.address)),
    profession: r.profession,
    status: r.status,
    source: r.source,
    assigned_broker: r.assignedBroker,
    notes: r.notes,
  };
}

/**
 * A corrected value for a sentence: dates in French, codes as their label, text quoted.
 * @param {string} field
 * @param {RevisionValue} value
 */
function clientValueText(field, value) {
  const v = norm(value);
  if (field === 'birth_date') return formatDate(v);
  const codes = CODES[field];
  if (codes) return lowerFirst(codes[v] ? t(codes[v]) : v);
  return `« ${v} »`;
}

/**
 * What each correction of the client changed, oldest first.
 * @param {ClientRecord} r
 * @returns {RevisionView[]}
 */
export function clientRevisionViews(r) {
  return describeRevisions(r.revisions ?? [], clientSnapshot(r), CLIENT_FIELDS, clientValueText);
}
