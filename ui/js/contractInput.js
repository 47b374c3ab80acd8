// @ts-check
/**
 * The contract, vehicle, driver and relevé forms as plain data: raw field values (strings and
 * booleans, as typed) → the JSON inputs of the backend commands. Pure, DOM-free, tested by Node.
 *
 * Conventions: text is trimmed and an empty optional text becomes `null`; amounts and
 * coefficients typed the French way (`350,00`, `0,85`) are sent with a dot; dates typed as
 * `23/11/2026` become `2026-11-23` (an unreadable date is sent as typed so the backend names it,
 * except in the relevé, whose JSON only takes ISO dates: there it is reported as a problem);
 * empty rows (premium lines, relevé claims and drivers) are not sent, and a row map remembers
 * which form row each sent item came from, to put a backend error next to the right control.
 *
 * Corrections ("Corriger" a contract, a vehicle, a driver): the form is prefilled from the record
 * (`contractCorrectionFieldsOf`…) and only the fields that changed are sent (`contractUpdateOf`,
 * `vehicleUpdateOf`, `driverUpdateOf`: unchanged → `{}`, an emptied optional field → `""`).
 */
import { formatCoefficient, isValidYmd, parseUserDate } from './format.js';
import { parseHundredths } from './coefficient.js';
import { putChanged } from './fieldDiff.js';

/** @typedef {import('./api/types.js').ContractInput} ContractInput */
/** @typedef {import('./api/types.js').VehicleInput} VehicleInput */
/** @typedef {import('./api/types.js').DriverInput} DriverInput */
/** @typedef {import('./api/types.js').ReleveDocument} ReleveDocument */
/** @typedef {import('./api/types.js').RelevePerson} RelevePerson */
/** @typedef {import('./api/types.js').ReleveDocumentClaim} ReleveDocumentClaim */
/** @typedef {import('./api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('./api/types.js').VehicleRecord} VehicleRecord */
/** @typedef {import('./api/types.js').DriverRecord} DriverRecord */
/** @typedef {import('./api/types.js').ContractUpdate} ContractUpdate */
/** @typedef {import('./api/types.js').VehicleUpdate} VehicleUpdate */
/** @typedef {import('./api/types.js').DriverUpdate} DriverUpdate */

/**
 * @typedef {{ guarantee: string, amount: string, modulated: boolean }} PremiumFields
 *
 * @typedef {object} ContractFields The new-contract form's values, as typed.
 * @property {string} insurer
 * @property {string} number
 * @property {string} product
 * @property {string} subscriptionDate
 * @property {string} firstEcheance empty: one year after the subscription
 * @property {string} usage
 * @property {boolean} clauseApplies
 * @property {string} startCoefficient "1,00"
 * @property {number} [startClaimFreeStreak] R17: carried from the relevé (not typed)
 * @property {number} [startPeriodsAtFloor] R17: carried from the relevé (not typed)
 * @property {string} status
 * @property {PremiumFields[]} premiums
 *
 * @typedef {object} VehicleFields
 * @property {string} registration
 * @property {string} make
 * @property {string} model
 * @property {string} firstRegistration
 * @property {string} fromDate
 *
 * @typedef {object} DriverFields
 * @property {string} role
 * @property {string} lastName
 * @property {string} firstName
 * @property {string} birthDate
 * @property {string} licenceNumber
 * @property {string} licenceDate
 * @property {boolean} aac
 * @property {string} fromDate
 *
 * @typedef {object} PersonFields A person named on a relevé (policyholder or driver).
 * @property {string} lastName
 * @property {string} firstName
 * @property {string} birthDate
 * @property {string} licenceNumber
 * @property {string} licenceDate
 *
 * @typedef {object} ReleveClaimFields
 * @property {string} date
 * @property {string} kind
 * @property {string} responsibility
 * @property {string} driver
 * @property {'' | 'open' | 'settled'} open
 *
 * @typedef {object} ReleveFields The relevé form's values, as typed.
 * @property {string} issuedOn
 * @property {string} issuer
 * @property {string} contractNumber
 * @property {string} subscriptionDate
 * @property {string} registration
 * @property {string} usage '' when the relevé does not say
 * @property {PersonFields} policyholder
 * @property {PersonFields[]} drivers
 * @property {ReleveClaimFields[]} claims
 * @property {string} coefficient "0,85"
 * @property {string} lastEcheance
 * @property {string} stoppedOn
 * @property {string} atFloorSince R17: since when the coefficient has been 0,50; '' when not stated
 * @property {string} terminationReason
 *
 * @typedef {object} ContractCorrectionFields The "Corriger le contrat" form, as typed (the
 *   reason apart).
 * @property {string} number
 * @property {string} product
 * @property {string} subscriptionDate
 * @property {string} firstEcheance
 * @property {string} usage
 * @property {boolean} clauseApplies
 * @property {string} startCoefficient "0,85"; empty: 1,00
 *
 * @typedef {VehicleFields & { toDate: string }} VehicleCorrectionFields "Corriger le véhicule";
 *   `toDate` empty: still on the contract.
 *
 * @typedef {DriverFields & { toDate: string }} DriverCorrectionFields "Corriger le conducteur";
 *   `toDate` empty: still designated.
 *
 * @typedef {{ field: string, key: string }} FormProblem
 *   A value the form can tell is wrong before sending: the form path of the control
 *   (`issuedOn`, `claims.2.date`) and the catalogue key of the message.
 */

/** Products, with their catalogue keys (the backend's values). @type {[string, string][]} */
export const PRODUCTS = [
  ['auto', 'contractForm.product.auto'],
  ['habitation', 'contractForm.product.habitation'],
  ['sante', 'contractForm.product.sante'],
  ['prevoyance', 'contractForm.product.prevoyance'],
  ['autre', 'contractForm.product.autre'],
];

/** @type {[string, string][]} */
export const USAGES = [
  ['standard', 'contractForm.usage.standard'],
  ['tournees', 'contractForm.usage.tournees'],
];

/** The statuses a contract can start with. @type {[string, string][]} */
export const START_STATUSES = [
  ['en_cours', 'contractForm.status.en_cours'],
  ['devis', 'contractForm.status.devis'],
];

/** @type {[string, string][]} */
export const DRIVER_ROLES = [
  ['principal', 'driverForm.role.principal'],
  ['secondaire', 'driverForm.role.secondaire'],
  ['occasionnel', 'driverForm.role.occasionnel'],
];

/** Who ended a contract (the backend's `terminatedBy` values). @type {[string, string][]} */
export const TERMINATED_BY = [
  ['client', 'terminateForm.by.client'],
  ['assureur', 'terminateForm.by.assureur'],
  ['loi_hamon', 'terminateForm.by.loi_hamon'],
  ['loi_chatel', 'terminateForm.by.loi_chatel'],
  ['vente_vehicule', 'terminateForm.by.vente_vehicule'],
  ['autre', 'terminateForm.by.autre'],
];

/** Insurers offered in the insurer field's suggestions (free text all the same). */
export const COMMON_INSURERS = [
  'Allianz', 'AXA', 'Covéa', 'Generali', 'GMF', 'Groupama', 'MAAF', 'MACIF', 'MAIF', 'Matmut', 'MMA', 'Pacifica',
];

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
 * A decimal typed the French way → the backend's form: `"1 234,50 €"` → `"1234.50"`,
 * `"0,85"` → `"0.85"`. Spaces (also no-break ones) and the euro sign are dropped. Empty → null.
 * Nothing else is checked: the backend says what is wrong, in French.
 * @param {string | null | undefined} v
 * @returns {string | null}
 */
export function decimalText(v) {
  const s = (v ?? '').replace(/[\s\u00A0\u202F€]/g, '').replace(',', '.');
  return s === '' ? null : s;
}

/**
 * A number as the broker typed it → what is sent: a well-formed French decimal (« 1 234,56 € »,
 * « 0,85 ») goes with a dot (`decimalText`), anything else as typed, trimmed, so that the
 * backend's refusal echoes exactly what the broker wrote (« 12,3,4 » stays « 12,3,4 », never
 * « 12.3,4 »). Empty → null.
 * @param {string | null | undefined} v
 * @returns {string | null}
 */
export function amountText(v) {
  const d = decimalText(v);
  if (d === null) return null;
  return /^\d+(\.\d+)?$/.test(d) ? d : (v ?? '').trim();
}

/**
 * A date as typed (or from a date input) → `YYYY-MM-DD`; an unreadable one is kept as typed;
 * empty → null.
 * @param {string | null | undefined} v
 * @returns {string | null}
 */
export function dateText(v) {
  const s = textOrNull(v);
  if (s === null) return null;
  return parseUserDate(s) ?? s;
}

/**
 * One year after an ISO date, the end of February for a 29 February (as the backend counts
 * twelve months). Null when the date is not a real `YYYY-MM-DD` date.
 * @param {string | null | undefined} iso
 * @returns {string | null}
 */
export function addOneYear(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d) || y >= 9999) return null;
  const day = isValidYmd(y + 1, mo, d) ? d : d - 1;
  return `${String(y + 1).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** @returns {PremiumFields} */
export const emptyPremium = () => ({ guarantee: '', amount: '', modulated: true });

/**
 * A premium line left blank (no guarantee, no amount): not sent.
 * @param {PremiumFields} p
 */
export function isEmptyPremium(p) {
  return p.guarantee.trim() === '' && p.amount.trim() === '';
}

/**
 * A blank new-contract form: an auto contract subscribed `today`, first échéance a year later,
 * under the clause, starting at 1,00, one empty premium line.
 * @param {string} today YYYY-MM-DD
 * @returns {ContractFields}
 */
export function emptyContractFields(today) {
  return {
    insurer: '',
    number: '',
    product: 'auto',
    subscriptionDate: today,
    firstEcheance: addOneYear(today) ?? '',
    usage: 'standard',
    clauseApplies: true,
    startCoefficient: '1,00',
    status: 'en_cours',
    premiums: [emptyPremium()],
  };
}

/**
 * Premium lines of a form → the input's lines, blank ones dropped; `rows[i]` is the form row of
 * `premiums[i]` (to put a backend error on the right row).
 * @param {PremiumFields[]} lines
 * @returns {{ premiums: ContractInput['premiums'], rows: number[] }}
 */
export function premiumsToInput(lines) {
  /** @type {number[]} */
  const rows = [];
  /** @type {ContractInput['premiums']} */
  const premiums = [];
  lines.forEach((p, i) => {
    if (isEmptyPremium(p)) return;
    rows.push(i);
    premiums.push({ guarantee: p.guarantee.trim(), amount: amountText(p.amount) ?? '', modulated: p.modulated });
  });
  return { premiums, rows };
}

/**
 * The amendment form → `AvenantInput`: date, what changes, the premium lines it sets.
 * @param {{ onDate: string, details: string, premiums: PremiumFields[] }} f
 * @returns {{ input: import('./api/types.js').AvenantInput, rows: number[] }}
 */
export function avenantFieldsToInput(f) {
  const { premiums, rows } = premiumsToInput(f.premiums);
  return { input: { onDate: dateText(f.onDate) ?? '', details: f.details.trim(), premiums }, rows };
}

/**
 * The new-contract form → `ContractInput`. An empty first échéance is one year after the
 * subscription; blank premium lines are dropped (`rows[i]` is the form row of `premiums[i]`).
 * @param {number} clientId
 * @param {ContractFields} f
 * @returns {{ input: ContractInput, rows: number[] }}
 */
export function contractFieldsToInput(clientId, f) {
  const subscriptionDate = dateText(f.subscriptionDate) ?? '';
  const firstEcheance = dateText(f.firstEcheance) ?? addOneYear(subscriptionDate) ?? '';
  const { premiums, rows } = premiumsToInput(f.premiums);
  /** @type {ContractInput} */
  const input = {
    clientId,
    insurer: f.insurer.trim(),
    number: f.number.trim(),
    product: /** @type {ContractInput['product']} */ (f.product),
    subscriptionDate,
    firstEcheance,
    usage: /** @type {ContractInput['usage']} */ (f.usage),
    clauseApplies: f.clauseApplies,
    startCoefficient: amountText(f.startCoefficient),
    status: /** @type {ContractInput['status']} */ (f.status),
    premiums,
  };
  // R17: the counters that come with the insured, when the form was opened from a relevé.
  if (f.startClaimFreeStreak !== undefined) input.startClaimFreeStreak = f.startClaimFreeStreak;
  if (f.startPeriodsAtFloor !== undefined) input.startPeriodsAtFloor = f.startPeriodsAtFloor;
  return { input, rows };
}

/**
 * @param {string} today YYYY-MM-DD
 * @returns {VehicleFields}
 */
export function emptyVehicleFields(today) {
  return { registration: '', make: '', model: '', firstRegistration: '', fromDate: today };
}

/**
 * The vehicle form → `VehicleInput`.
 * @param {number} contractId
 * @param {VehicleFields} f
 * @returns {VehicleInput}
 */
export function vehicleFieldsToInput(contractId, f) {
  return {
    contractId,
    registration: f.registration.trim(),
    make: textOrNull(f.make),
    model: textOrNull(f.model),
    firstRegistration: dateText(f.firstRegistration),
    fromDate: dateText(f.fromDate) ?? '',
  };
}

/**
 * @param {string} today YYYY-MM-DD
 * @returns {DriverFields}
 */
export function emptyDriverFields(today) {
  return {
    role: 'principal',
    lastName: '',
    firstName: '',
    birthDate: '',
    licenceNumber: '',
    licenceDate: '',
    aac: false,
    fromDate: today,
  };
}

/**
 * The driver form → `DriverInput`. `clientId`: when the driver is a client of the agency.
 * @param {number} contractId
 * @param {DriverFields} f
 * @param {number | null} [clientId]
 * @returns {DriverInput}
 */
export function driverFieldsToInput(contractId, f, clientId = null) {
  return {
    contractId,
    clientId,
    role: /** @type {DriverInput['role']} */ (f.role),
    lastName: f.lastName.trim(),
    firstName: textOrNull(f.firstName),
    birthDate: dateText(f.birthDate),
    licenceNumber: textOrNull(f.licenceNumber),
    licenceDate: dateText(f.licenceDate),
    aac: f.aac,
    fromDate: dateText(f.fromDate) ?? '',
  };
}

/** @returns {PersonFields} */
export const emptyPerson = () => ({ lastName: '', firstName: '', birthDate: '', licenceNumber: '', licenceDate: '' });

/** @returns {ReleveClaimFields} */
export const emptyReleveClaim = () => ({ date: '', kind: 'accident', responsibility: 'full', driver: '', open: '' });

/**
 * A blank relevé form, issued `today`.
 * @param {string} today YYYY-MM-DD
 * @returns {ReleveFields}
 */
export function emptyReleveFields(today) {
  return {
    issuedOn: today,
    issuer: '',
    contractNumber: '',
    subscriptionDate: '',
    registration: '',
    usage: 'standard',
    policyholder: emptyPerson(),
    drivers: [],
    claims: [emptyReleveClaim()],
    coefficient: '',
    lastEcheance: '',
    stoppedOn: '',
    atFloorSince: '',
    terminationReason: '',
  };
}

/** @param {PersonFields} p */
export function isEmptyPerson(p) {
  return [p.lastName, p.firstName, p.birthDate, p.licenceNumber, p.licenceDate].every((v) => v.trim() === '');
}

/** A claim row with neither date nor driver: not sent (its selects always hold a value). @param {ReleveClaimFields} c */
export function isEmptyReleveClaim(c) {
  return c.date.trim() === '' && c.driver.trim() === '';
}

/**
 * Is this a coefficient the regulation allows: two decimals at most, 0,50 to 3,50?
 * @param {string} s
 */
export function isCoefficient(s) {
  const h = parseHundredths(s);
  return h !== null && h >= 50 && h <= 350;
}

/**
 * The relevé form → the JSON form of `ReleveDocument` (snake_case keys, ISO dates, `null` for
 * what the relevé does not give), with the problems the form can see before sending: the relevé's
 * JSON refuses a date that is not `YYYY-MM-DD`, so an unreadable date is a problem here rather
 * than an obscure error from the backend. Blank claim and driver rows are dropped;
 * `rows.claims[i]` / `rows.drivers[i]` is the form row of the i-th sent item.
 * @param {ReleveFields} f
 * @returns {{ document: ReleveDocument, rows: { claims: number[], drivers: number[] }, problems: FormProblem[] }}
 */
export function releveFieldsToDocument(f) {
  /** @type {FormProblem[]} */
  const problems = [];
  /**
   * @param {string} value
   * @param {string} field
   * @returns {string | null}
   */
  const isoDate = (value, field) => {
    const s = textOrNull(value);
    if (s === null) return null;
    const d = parseUserDate(s);
    if (d === null) problems.push({ field, key: 'releveForm.error.date' });
    return d;
  };
  /**
   * @param {PersonFields} p
   * @param {string} path
   * @returns {RelevePerson}
   */
  const person = (p, path) => ({
    last_name: textOrNull(p.lastName),
    first_name: textOrNull(p.firstName),
    birth_date: isoDate(p.birthDate, `${path}.birthDate`),
    licence_number: textOrNull(p.licenceNumber),
    licence_date: isoDate(p.licenceDate, `${path}.licenceDate`),
  });

  const issuedOn = isoDate(f.issuedOn, 'issuedOn');
  if (textOrNull(f.issuedOn) === null) problems.push({ field: 'issuedOn', key: 'releveForm.error.issuedOn' });
  const coefficient = textOrNull(f.coefficient);
  if (coefficient !== null && !isCoefficient(coefficient)) problems.push({ field: 'coefficient', key: 'releveForm.error.coefficient' });

  /** @type {{ claims: number[], drivers: number[] }} */
  const rows = { claims: [], drivers: [] };
  /** @type {RelevePerson[]} */
  const drivers = [];
  f.drivers.forEach((d, i) => {
    if (isEmptyPerson(d)) return;
    rows.drivers.push(i);
    drivers.push(person(d, `drivers.${i}`));
  });
  /** @type {ReleveDocumentClaim[]} */
  const claims = [];
  f.claims.forEach((c, i) => {
    if (isEmptyReleveClaim(c)) return;
    rows.claims.push(i);
    const date = isoDate(c.date, `claims.${i}.date`);
    if (textOrNull(c.date) === null) problems.push({ field: `claims.${i}.date`, key: 'releveForm.error.claimDate' });
    claims.push({
      date: date ?? '',
      kind: c.kind,
      responsibility: /** @type {ReleveDocumentClaim['responsibility']} */ (c.responsibility),
      driver: textOrNull(c.driver),
      open: c.open === 'open' ? true : c.open === 'settled' ? false : null,
    });
  });

  return {
    document: {
      issued_on: issuedOn ?? '',
      issuer: textOrNull(f.issuer),
      contract_number: textOrNull(f.contractNumber),
      subscription_date: isoDate(f.subscriptionDate, 'subscriptionDate'),
      registration: textOrNull(f.registration),
      usage: f.usage === 'standard' || f.usage === 'tournees' ? f.usage : null,
      policyholder: person(f.policyholder, 'policyholder'),
      drivers,
      claims,
      coefficient: coefficient !== null ? decimalText(coefficient) : null,
      last_echeance: isoDate(f.lastEcheance, 'lastEcheance'),
      stopped_on: isoDate(f.stoppedOn, 'stoppedOn'),
      at_floor_since: isoDate(f.atFloorSince, 'atFloorSince'),
      termination_reason: textOrNull(f.terminationReason),
    },
    rows,
    problems,
  };
}

/**
 * The "Corriger le contrat" form prefilled from the contract.
 * @param {ContractRecord} k
 * @returns {ContractCorrectionFields}
 */
export function contractCorrectionFieldsOf(k) {
  return {
    number: k.number ?? '',
    product: k.product ?? 'auto',
    subscriptionDate: k.subscriptionDate ?? '',
    firstEcheance: k.firstEcheance ?? '',
    usage: k.usage ?? 'standard',
    clauseApplies: k.clauseApplies,
    startCoefficient: formatCoefficient(k.startCoefficient),
  };
}

/**
 * The contract correction form → `ContractUpdate` with only the fields that changed (so the
 * revision says exactly what was corrected; the reason is added by the caller). Texts are
 * trimmed, dates made ISO, the coefficient sent with a dot (`"0,85"` → `"0.85"`; compared by
 * value, so `0,8` is `0.80`; emptied: `""`, which the backend reads as 1,00). Nothing changed:
 * `{}`.
 * @param {ContractRecord} k
 * @param {ContractCorrectionFields} f
 * @returns {ContractUpdate}
 */
export function contractUpdateOf(k, f) {
  /** @type {ContractUpdate} */
  const update = {};
  const u = /** @type {Record<string, unknown>} */ (update);
  putChanged(u, 'number', f.number.trim(), k.number);
  putChanged(u, 'product', f.product, k.product);
  putChanged(u, 'subscriptionDate', dateText(f.subscriptionDate) ?? '', k.subscriptionDate);
  putChanged(u, 'firstEcheance', dateText(f.firstEcheance) ?? '', k.firstEcheance);
  putChanged(u, 'usage', f.usage, k.usage);
  if (f.clauseApplies !== k.clauseApplies) update.clauseApplies = f.clauseApplies;
  const typed = decimalText(f.startCoefficient);
  const typedHundredths = typed === null ? 100 : parseHundredths(typed);
  if (typedHundredths === null || typedHundredths !== parseHundredths(k.startCoefficient)) {
    update.startCoefficient = amountText(f.startCoefficient) ?? '';
  }
  return update;
}

/**
 * The "Corriger le véhicule" form prefilled from the vehicle.
 * @param {VehicleRecord} v
 * @returns {VehicleCorrectionFields}
 */
export function vehicleCorrectionFieldsOf(v) {
  return {
    registration: v.registration ?? '',
    make: v.make ?? '',
    model: v.model ?? '',
    firstRegistration: v.firstRegistration ?? '',
    fromDate: v.fromDate ?? '',
    toDate: v.toDate ?? '',
  };
}

/**
 * The vehicle correction form → `VehicleUpdate` with only the fields that changed (an emptied
 * optional field: `""`, cleared; `toDate` emptied: on the contract again). Nothing changed: `{}`.
 * @param {VehicleRecord} v
 * @param {VehicleCorrectionFields} f
 * @returns {VehicleUpdate}
 */
export function vehicleUpdateOf(v, f) {
  /** @type {VehicleUpdate} */
  const update = {};
  const u = /** @type {Record<string, unknown>} */ (update);
  putChanged(u, 'registration', f.registration.trim(), v.registration);
  putChanged(u, 'make', f.make.trim(), v.make);
  putChanged(u, 'model', f.model.trim(), v.model);
  putChanged(u, 'firstRegistration', dateText(f.firstRegistration) ?? '', v.firstRegistration);
  putChanged(u, 'fromDate', dateText(f.fromDate) ?? '', v.fromDate);
  putChanged(u, 'toDate', dateText(f.toDate) ?? '', v.toDate);
  return update;
}

/**
 * The "Corriger le conducteur" form prefilled from the driver.
 * @param {DriverRecord} d
 * @returns {DriverCorrectionFields}
 */
export function driverCorrectionFieldsOf(d) {
  return {
    role: d.role ?? 'principal',
    lastName: d.lastName ?? '',
    firstName: d.firstName ?? '',
    birthDate: d.birthDate ?? '',
    licenceNumber: d.licenceNumber ?? '',
    licenceDate: d.licenceDate ?? '',
    aac: d.aac,
    fromDate: d.fromDate ?? '',
    toDate: d.toDate ?? '',
  };
}

/**
 * The driver correction form → `DriverUpdate` with only the fields that changed (an emptied
 * optional field: `""`, cleared; `toDate` set: the designation ends that day). Nothing changed:
 * `{}`.
 * @param {DriverRecord} d
 * @param {DriverCorrectionFields} f
 * @returns {DriverUpdate}
 */
export function driverUpdateOf(d, f) {
  /** @type {DriverUpdate} */
  const update = {};
  const u = /** @type {Record<string, unknown>} */ (update);
  putChanged(u, 'role', f.role, d.role);
  putChanged(u, 'lastName', f.lastName.trim(), d.lastName);
  putChanged(u, 'firstName', f.firstName.trim(), d.firstName);
  putChanged(u, 'birthDate', dateText(f.birthDate) ?? '', d.birthDate);
  putChanged(u, 'licenceNumber', f.licenceNumber.trim(), d.licenceNumber);
  putChanged(u, 'licenceDate', dateText(f.licenceDate) ?? '', d.licenceDate);
  if (f.aac !== d.aac) update.aac = f.aac;
  putChanged(u, 'fromDate', dateText(f.fromDate) ?? '', d.fromDate);
  putChanged(u, 'toDate', dateText(f.toDate) ?? '', d.toDate);
  return update;
}
