// @ts-check
/**
 * Pure helpers of the claim page (`#/claims/:id`): the status stepper, the text of each
 * correction (what it replaced), the date and time of an exchange, the correction form → the
 * `claim_update` input, and the labels of amounts, parties, channels and directions. No DOM:
 * unit-tested with `node --test`.
 */
import { formatDate } from './format.js';
import { t } from './i18n/index.js';
import { CLAIM_KIND_LABEL, CLAIM_STATUS_LABEL } from './coefficient.js';
import { describeRevisions, lowerFirst, norm } from './revisions.js';
import { putChanged } from './fieldDiff.js';

export { lowerFirst };

/** @typedef {import('./api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('./api/types.js').ClaimUpdate} ClaimUpdate */
/** @typedef {import('./api/types.js').VehicleRecord} VehicleRecord */
/** @typedef {import('./api/types.js').DriverRecord} DriverRecord */
/** @typedef {import('./api/types.js').RevisionRecord} RevisionRecord */
/** @typedef {import('./api/types.js').CommunicationRecord} CommunicationRecord */
/** @typedef {import('./revisions.js').RevisionView} RevisionView */
/** @typedef {import('./revisions.js').Snapshot} Snapshot */

/** The workflow's main line, in order; `refuse` is the terminal alternative. */
export const CLAIM_STEPS = /** @type {const} */ (['declare', 'en_expertise', 'en_reparation', 'indemnise', 'clos']);

/** Every status, in the order offered by "Changer l'état". */
export const CLAIM_STATUSES = /** @type {const} */ (['declare', 'en_expertise', 'en_reparation', 'indemnise', 'clos', 'refuse']);

/** @type {Record<string, string>} */
export const AMOUNT_KIND_LABEL = {
  estimation: 'claimPage.amount.kind.estimation',
  reglement: 'claimPage.amount.kind.reglement',
  franchise: 'claimPage.amount.kind.franchise',
};

/** @type {Record<string, string>} */
export const PARTY_ROLE_LABEL = {
  expert: 'claimPage.party.role.expert',
  garage: 'claimPage.party.role.garage',
  tiers: 'claimPage.party.role.tiers',
  assureur_tiers: 'claimPage.party.role.assureur_tiers',
  autre: 'claimPage.party.role.autre',
};

/** @type {Record<string, string>} */
export const CHANNEL_LABEL = {
  telephone: 'claimPage.contact.channel.telephone',
  email: 'claimPage.contact.channel.email',
  courrier: 'claimPage.contact.channel.courrier',
  rendez_vous: 'claimPage.contact.channel.rendez_vous',
  autre: 'claimPage.contact.channel.autre',
};

/** @type {Record<string, string>} */
export const DIRECTION_LABEL = {
  entrant: 'claimPage.contact.direction.entrant',
  sortant: 'claimPage.contact.direction.sortant',
};

/**
 * The label of a code in a table, or the code itself when unknown (data never disappears).
 * @param {Record<string, string>} table
 * @param {string | null | undefined} code
 */
export function labelOf(table, code) {
  if (!code) return '';
  const key = table[code];
  return key ? t(key) : code;
}

/**
 * @typedef {'done' | 'current' | 'skipped' | 'todo'} StepState
 *   done: reached before the current status; current: the status in force; skipped: before the
 *   current one but never reached (or no longer reachable after a refusal); todo: still ahead.
 * @typedef {{ status: string, label: string, state: StepState, date: string | null }} Step
 *   `date`: YYYY-MM-DD of the last time the status was entered; null for steps not reached.
 */

/**
 * The stepper of a claim's workflow: déclaré → en expertise → en réparation → indemnisé → clos,
 * and refusé apart, from the dated status changes (in the order recorded; the last one is in
 * force). A status entered again later (back from réparation to expertise) shows its latest date.
 * @param {{ status: string, onDate: string }[]} statuses
 * @param {string} [current] the status in force; by default the last recorded, or `declare`
 * @returns {{ steps: Step[], refused: Step }}
 */
export function stepperState(statuses, current) {
  /** @type {Map<string, string>} */
  const last = new Map();
  for (const s of statuses) last.set(s.status, s.onDate);
  const cur = current ?? statuses[statuses.length - 1]?.status ?? 'declare';
  const ci = CLAIM_STEPS.indexOf(/** @type {any} */ (cur));
  const refusedNow = cur === 'refuse';
  const steps = CLAIM_STEPS.map((status, i) => {
    const date = last.get(status) ?? null;
    /** @type {StepState} */
    let state;
    if (refusedNow) state = date !== null ? 'done' : 'skipped';
    else if (ci < 0) state = 'todo';
    else if (i < ci) state = date !== null ? 'done' : 'skipped';
    else if (i === ci) state = 'current';
    else state = 'todo';
    return { status, label: labelOf(CLAIM_STATUS_LABEL, status), state, date: state === 'todo' || state === 'skipped' ? null : date };
  });
  /** @type {Step} */
  const refused = {
    status: 'refuse',
    label: labelOf(CLAIM_STATUS_LABEL, 'refuse'),
    state: refusedNow ? 'current' : 'todo',
    date: refusedNow ? last.get('refuse') ?? null : null,
  };
  return { steps, refused };
}

/**
 * The `at` of an exchange: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time is given (seconds
 * dropped; `9:05` → `09:05`). A time that is not HH:MM is passed as typed: the backend names it.
 * @param {string} date YYYY-MM-DD
 * @param {string} [time] HH:MM, or empty
 */
export function composeAt(date, time = '') {
  const d = date.trim();
  const tm = time.trim();
  if (tm === '') return d;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(tm);
  return `${d}T${m ? `${m[1].padStart(2, '0')}:${m[2]}` : tm}`;
}

/**
 * `2025-06-12T09:30` → `12/06/2025 09:30`; `2025-06-12` → `12/06/2025`.
 * @param {string} at
 */
export function formatAt(at) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${formatDate(m[1])} ${m[2]}` : formatDate(at);
}

/**
 * The exchange log, newest first (by `at`; the same moment: the last recorded first).
 * @template {{ at: string }} T
 * @param {T[]} list
 * @returns {T[]}
 */
export function newestFirst(list) {
  return list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.at < b.c.at ? 1 : a.c.at > b.c.at ? -1 : b.i - a.i))
    .map((x) => x.c);
}

/**
 * "AB-123-CD — Renault Clio".
 * @param {VehicleRecord} v
 */
export function vehicleLabel(v) {
  const model = [v.make, v.model].filter(Boolean).join(' ');
  return model ? `${v.registration} — ${model}` : v.registration;
}

/**
 * "Durand Paul".
 * @param {DriverRecord} d
 */
export function driverLabel(d) {
  return [d.lastName, d.firstName].filter(Boolean).join(' ');
}

/** The declared facts a correction may change, in the order shown (snake_case as in `previous`). */
const REVISION_FIELDS = /** @type {const} */ ([
  ['occurred_on', 'claimPage.revision.field.occurredOn'],
  ['declared_on', 'claimPage.revision.field.declaredOn'],
  ['kind', 'claimPage.revision.field.kind'],
  ['place', 'claimPage.revision.field.place'],
  ['description', 'claimPage.revision.field.description'],
  ['insurer_reference', 'claimPage.revision.field.insurerReference'],
  ['vehicle_id', 'claimPage.revision.field.vehicle'],
  ['driver_id', 'claimPage.revision.field.driver'],
]);

/**
 * The claim's declared facts now, in the shape of a revision's `previous`.
 * @param {ClaimRecord} c
 * @returns {Snapshot}
 */
export function snapshotOf(c) {
  return {
    occurred_on: c.occurredOn,
    declared_on: c.declaredOn,
    kind: c.kind,
    place: c.place,
    description: c.description,
    insurer_reference: c.insurerReference,
    vehicle_id: c.vehicleId,
    driver_id: c.driverId,
  };
}

/**
 * One earlier value, for a sentence: a date as 23/11/2026, a kind as its label, a vehicle by its
 * registration, a driver by name, free text between guillemets; empty: "(vide)".
 * @param {string} key
 * @param {import('./revisions.js').RevisionValue} value
 * @param {{ vehicles?: VehicleRecord[], drivers?: DriverRecord[] }} refs
 */
function valueText(key, value, refs) {
  const v = norm(value);
  if (v === '' || (v === '0' && (key === 'vehicle_id' || key === 'driver_id'))) return t('claimPage.revision.empty');
  switch (key) {
    case 'occurred_on':
    case 'declared_on':
      return formatDate(v);
    case 'kind':
      return lowerFirst(labelOf(CLAIM_KIND_LABEL, v));
    case 'vehicle_id': {
      const found = refs.vehicles?.find((x) => String(x.id) === v);
      return found ? found.registration : t('claimPage.revision.vehicleNo', { id: v });
    }
    case 'driver_id': {
      const found = refs.drivers?.find((x) => String(x.id) === v);
      return found ? driverLabel(found) : t('claimPage.revision.driverNo', { id: v });
    }
    default:
      return `« ${v} »`;
  }
}

/**
 * What each correction replaced, oldest first (see `describeRevisions` in revisions.js): a
 * revision's `previous` holds every declared fact before it; what it changed is found by
 * comparing with the next revision's `previous` (or, for the latest one, with the claim as it is
 * now).
 * @param {ClaimRecord} claim
 * @param {{ vehicles?: VehicleRecord[], drivers?: DriverRecord[] }} [refs] to name vehicles and drivers
 * @returns {RevisionView[]}
 */
export function revisionViews(claim, refs = {}) {
  return describeRevisions(claim.revisions, snapshotOf(claim), REVISION_FIELDS, (field, value) => valueText(field, value, refs));
}

/**
 * @typedef {object} CorrectionFields The "Corriger la déclaration" form, as typed.
 * @property {string} occurredOn
 * @property {string} declaredOn
 * @property {string} kind
 * @property {string} place
 * @property {string} description
 * @property {string} insurerReference
 * @property {string} vehicleId '' for none
 * @property {string} driverId '' for none
 * @property {string} reason
 */

/**
 * The correction form prefilled from the claim.
 * @param {ClaimRecord} c
 * @returns {CorrectionFields}
 */
export function correctionFieldsOf(c) {
  return {
    occurredOn: c.occurredOn ?? '',
    declaredOn: c.declaredOn ?? '',
    kind: c.kind ?? 'accident',
    place: c.place ?? '',
    description: c.description ?? '',
    insurerReference: c.insurerReference ?? '',
    vehicleId: c.vehicleId ? String(c.vehicleId) : '',
    driverId: c.driverId ? String(c.driverId) : '',
    reason: '',
  };
}

/**
 * The correction form → `ClaimUpdate`, with only the fields that changed (so the revision says
 * exactly what was corrected): an emptied text is sent as `""` (cleared), a vehicle or driver
 * set to none as `0`. `changed` lists the form fields sent; `reason` is always sent (trimmed).
 * @param {ClaimRecord} c
 * @param {CorrectionFields} f
 * @returns {{ update: ClaimUpdate, changed: string[] }}
 */
export function claimUpdateOf(c, f) {
  /** @type {ClaimUpdate} */
  const update = {};
  /** @type {string[]} */
  const changed = [];
  /** @type {['occurredOn' | 'declaredOn' | 'kind' | 'place' | 'description' | 'insurerReference', string | null][]} */
  const texts = [
    ['occurredOn', c.occurredOn],
    ['declaredOn', c.declaredOn],
    ['kind', c.kind],
    ['place', c.place],
    ['description', c.description],
    ['insurerReference', c.insurerReference],
  ];
  for (const [k, old] of texts) {
    if (putChanged(/** @type {Record<string, unknown>} */ (update), k, f[k].trim(), old)) changed.push(k);
  }
  /** @type {['vehicleId' | 'driverId', number | null][]} */
  const links = [['vehicleId', c.vehicleId], ['driverId', c.driverId]];
  for (const [k, old] of links) {
    const v = f[k] === '' ? 0 : Number(f[k]);
    if (v !== (old ?? 0)) {
      update[k] = v;
      changed.push(k);
    }
  }
  update.reason = f.reason.trim();
  return { update, changed };
}
