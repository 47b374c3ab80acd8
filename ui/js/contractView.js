// @ts-check
/**
 * Pure helpers of the contract screens: the catalogue labels of a contract's product and state
 * (never the backend's codes « auto », « en_cours »), the defaults of a new claim (the
 * contract's only vehicle and only driver, today's declaration date), the start coefficient
 * suggested for a new contract with its reason, and the years of the coefficient chart's axis.
 */

/** @typedef {import('./api/types.js').ContractRecord} ContractRecord */

/** A contract's product → catalogue key. @type {Record<string, string>} */
export const PRODUCT_LABEL = {
  auto: 'contractForm.product.auto',
  habitation: 'contractForm.product.habitation',
  sante: 'contractForm.product.sante',
  prevoyance: 'contractForm.product.prevoyance',
  autre: 'contractForm.product.autre',
};

/** A contract's state → catalogue key. @type {Record<string, string>} */
export const CONTRACT_STATUS_LABEL = {
  devis: 'contractStatus.devis',
  en_cours: 'contractStatus.en_cours',
  suspendu: 'contractStatus.suspendu',
  resilie: 'contractStatus.resilie',
};

/**
 * The catalogue key of a code, or null when the code is unknown (then show the code itself).
 * @param {Record<string, string>} table
 * @param {string} code
 * @returns {string | null}
 */
export function labelKey(table, code) {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : null;
}

/**
 * What a new claim on this contract starts with: the vehicle when the contract has exactly one
 * vehicle on it on `today`, the driver when it has exactly one driver named on `today`, and
 * today as the declaration date. Nothing is guessed when there are several (or none).
 * @param {{ vehicles: { id: number, fromDate: string, toDate: string | null }[], drivers: { id: number, fromDate?: string | null, toDate: string | null }[] }} k
 * @param {string} today YYYY-MM-DD
 * @returns {{ vehicleId: number | null, driverId: number | null, declaredOn: string }}
 */
export function claimDefaults(k, today) {
  const onToday = (/** @type {{ fromDate?: string | null, toDate: string | null }} */ x) =>
    (!x.fromDate || x.fromDate <= today) && (!x.toDate || x.toDate > today);
  const vehicles = k.vehicles.filter(onToday);
  const drivers = k.drivers.filter(onToday);
  return {
    vehicleId: vehicles.length === 1 ? vehicles[0].id : null,
    driverId: drivers.length === 1 ? drivers[0].id : null,
    declaredOn: today,
  };
}

/**
 * @typedef {object} ReleveSeen a relevé d'information already entered for the client
 * @property {string} issuedOn YYYY-MM-DD
 * @property {string} issuer
 * @property {string} startCoefficient decimal string "0.85" (R17, computed when it was entered)
 *
 * @typedef {object} StartSuggestion
 * @property {string} coefficient decimal string "0.85"
 * @property {'releve' | 'contract' | 'none'} source
 * @property {string} reason catalogue key of the reason shown under the field
 * @property {Record<string, string>} params its parameters (raw: dates ISO, coefficient decimal)
 */

/**
 * The start coefficient suggested for a client's new contract, with why: the latest relevé
 * d'information entered for the client (its R17 start coefficient), else the coefficient in
 * force on the client's contract under the bonus-malus clause that is in force (the most
 * recent subscription first), else 1.00 (a first contract). Only a suggestion: the broker
 * may type another.
 * @param {Pick<ContractRecord, 'insurer' | 'number' | 'status' | 'clauseApplies' | 'coefficientInForce' | 'subscriptionDate'>[]} contracts
 * @param {ReleveSeen[]} [releves]
 * @returns {StartSuggestion}
 */
export function suggestStartCoefficient(contracts, releves = []) {
  const latest = [...releves].sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0))[0];
  if (latest) {
    return {
      coefficient: latest.startCoefficient,
      source: 'releve',
      reason: 'contractForm.suggest.releve',
      params: { issuer: latest.issuer, date: latest.issuedOn },
    };
  }
  const rank = (/** @type {string} */ s) => (s === 'en_cours' ? 0 : s === 'suspendu' ? 1 : 2);
  const candidates = contracts
    .filter((k) => k.clauseApplies && (k.status === 'en_cours' || k.status === 'suspendu'))
    .sort((a, b) => rank(a.status) - rank(b.status) || (a.subscriptionDate < b.subscriptionDate ? 1 : a.subscriptionDate > b.subscriptionDate ? -1 : 0));
  const k = candidates[0];
  if (k) {
    return {
      coefficient: k.coefficientInForce,
      source: 'contract',
      reason: 'contractForm.suggest.contract',
      params: { insurer: k.insurer, number: k.number },
    };
  }
  return { coefficient: '1.00', source: 'none', reason: 'contractForm.suggest.none', params: {} };
}

/**
 * The years to write under the coefficient chart: one label per distinct year of the
 * échéances, at the x of its first échéance, thinned so that labels stay at least `minGap`
 * apart (the last year is always kept).
 * @param {{ x: number }[]} points the chart's points, in the order of `echeances`
 * @param {string[]} echeances YYYY-MM-DD, oldest first
 * @param {number} [minGap] in chart units
 * @returns {{ x: number, year: string }[]}
 */
export function yearTicks(points, echeances, minGap = 34) {
  /** @type {{ x: number, year: string }[]} */
  const all = [];
  echeances.forEach((e, i) => {
    const year = e.slice(0, 4);
    if (points[i] && (all.length === 0 || all[all.length - 1].year !== year)) all.push({ x: points[i].x, year });
  });
  /** @type {{ x: number, year: string }[]} */
  const kept = [];
  for (const tk of all) {
    if (kept.length === 0 || tk.x - kept[kept.length - 1].x >= minGap) kept.push(tk);
  }
  const last = all[all.length - 1];
  if (last && kept[kept.length - 1] !== last) {
    if (kept.length > 1 && last.x - kept[kept.length - 1].x < minGap) kept.pop();
    kept.push(last);
  }
  return kept;
}
