// @ts-check
/**
 * Aggravating circumstances (art. A121-1-2): the pure helpers the claim page and the contract
 * page share — the facts each may record, the input a form sends, how a recorded fact and a
 * surcharge of the next premium read, and the causes a suspension may be linked to.
 */
import { formatAmount, formatDate, formatTimestamp } from './format.js';
import { t } from './i18n/index.js';

/** @typedef {import('./api/types.js').AggravationRecord} AggravationRecord */
/** @typedef {import('./api/types.js').AggravationInput} AggravationInput */
/** @typedef {import('./api/types.js').Surcharge} Surcharge */

/** fact code → catalogue key */
export const AGGRAVATION_FACT_LABEL = {
  alcohol: 'aggravation.fact.alcohol',
  hit_and_run: 'aggravation.fact.hit_and_run',
  suspension: 'aggravation.fact.suspension',
  cancellation: 'aggravation.fact.cancellation',
  multiple_suspensions: 'aggravation.fact.multiple_suspensions',
  non_declaration: 'aggravation.fact.non_declaration',
};

/** The facts recorded on a claim. */
export const CLAIM_FACTS = ['alcohol', 'hit_and_run'];
/** The facts recorded on a driver. */
export const DRIVER_FACTS = ['suspension', 'cancellation', 'multiple_suspensions', 'non_declaration'];
/** The driver facts an alcohol or hit-and-run fact may have caused (the higher applies). */
export const CAUSABLE_FACTS = ['suspension', 'cancellation', 'multiple_suspensions'];

/**
 * What the broker typed in the form.
 * @typedef {object} AggravationFields
 * @property {string} fact
 * @property {string} onDate ISO or ''
 * @property {'months' | 'dates'} lengthMode how a suspension's length is given
 * @property {string} months
 * @property {string} from ISO or ''
 * @property {string} to ISO or ''
 * @property {string} causedBy a fact id, or ''
 * @property {string} note
 */

/**
 * The label of a fact code.
 * @param {string} fact
 */
export function factLabel(fact) {
  const key = /** @type {Record<string, string>} */ (AGGRAVATION_FACT_LABEL)[fact];
  return key ? t(key) : fact;
}

/**
 * A problem to show before sending, or null: a suspension's length in months must be a whole
 * number of months.
 * @param {AggravationFields} f
 * @returns {string | null} the French message
 */
export function aggravationProblem(f) {
  if (f.fact !== 'suspension' || f.lengthMode !== 'months') return null;
  const m = f.months.trim();
  if (m === '') return null; // the backend says the length is missing, next to the field
  return /^\d+$/.test(m) && Number(m) >= 1 ? null : t('aggravation.months.invalid');
}

/**
 * The input the form sends: empty texts as null; a suspension's length only for a suspension,
 * in months or by its dates as chosen; the cause only for a suspension or a cancellation.
 * @param {AggravationFields} f
 * @returns {AggravationInput}
 */
export function aggravationInputOf(f) {
  const text = (/** @type {string} */ s) => (s.trim() === '' ? null : s.trim());
  const suspension = f.fact === 'suspension';
  const byMonths = suspension && f.lengthMode === 'months';
  const byDates = suspension && f.lengthMode === 'dates';
  const months = byMonths ? text(f.months) : null;
  return {
    fact: f.fact,
    onDate: text(f.onDate),
    suspensionMonths: months === null ? null : Number(months),
    suspensionFrom: byDates ? text(f.from) : null,
    suspensionTo: byDates ? text(f.to) : null,
    causedBy: CAUSABLE_FACTS.includes(f.fact) && f.causedBy !== '' ? Number(f.causedBy) : null,
    note: text(f.note),
  };
}

/**
 * A recorded fact, as one line: « Suspension du permis de 8 mois, le 01/04/2026 : suspension du
 * permis de plus de 6 mois, 100 % jusqu’à l’échéance du 01/01/2029 ».
 * @param {AggravationRecord} a
 */
export function aggravationText(a) {
  const length = a.suspensionMonths !== null
    ? t('aggravation.length.months', { n: a.suspensionMonths })
    : a.suspensionFrom && a.suspensionTo
      ? t('aggravation.length.dates', { from: formatDate(a.suspensionFrom), to: formatDate(a.suspensionTo) })
      : '';
  const line = t(a.until ? 'aggravation.line' : 'aggravation.lineNoEnd', {
    fact: factLabel(a.fact),
    length,
    date: formatDate(a.eventDate),
    surcharge: a.surcharge,
    rate: a.rate,
    until: a.until ? formatDate(a.until) : '',
  });
  return a.note ? `${line} — ${a.note}` : line;
}

/**
 * Why and when a fact was withdrawn, or '' when it is in force.
 * @param {AggravationRecord} a
 */
export function withdrawnText(a) {
  if (!a.withdrawn) return '';
  return t('aggravation.withdrawnOn', { date: formatTimestamp(a.withdrawn.recordedAt), reason: a.withdrawn.reason });
}

/**
 * A surcharge of the next premium: what, which fact, the rate and amount, until when; and the
 * cap when it reduced it.
 * @param {Surcharge} s
 */
export function surchargeText(s) {
  const main = t('contract.premium.surchargeUntil', {
    label: s.label,
    fact: s.fact ? ` (${s.fact})` : '',
    rate: s.rate,
    amount: formatAmount(s.amount),
    until: formatDate(s.until),
  });
  return s.capped ? `${main} ${t('contract.premium.surchargeCapped', { full: s.fullRate })}` : main;
}

/**
 * The causes a suspension of `driverId` may be linked to: the contract's alcohol and hit-and-run
 * facts still in force, on a claim the driver drove or whose driver is unknown, as select
 * options (the first one: none).
 * @param {AggravationRecord[]} aggravations the contract's
 * @param {{ id: number, driverId: number | null, occurredOn: string }[]} claims the contract's
 * @param {number} driverId
 * @returns {[string, string][]}
 */
export function causeOptions(aggravations, claims, driverId) {
  const causes = aggravations.filter((a) => CLAIM_FACTS.includes(a.fact) && !a.withdrawn && a.claimId !== null)
    .filter((a) => {
      const c = claims.find((x) => x.id === a.claimId);
      return !c || c.driverId === null || c.driverId === driverId;
    });
  return [
    ['', t('aggravation.causedBy.none')],
    ...causes.map((a) => /** @type {[string, string]} */ ([String(a.id), t('aggravation.causedBy.option', {
      fact: factLabel(a.fact),
      date: formatDate(claims.find((x) => x.id === a.claimId)?.occurredOn ?? a.eventDate),
    })])),
  ];
}
