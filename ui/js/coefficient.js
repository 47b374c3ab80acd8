// @ts-check
/**
 * Pure helpers for the bonus-malus screens: chart geometry, labels of claims and their
 * requalification history. No DOM: unit-tested with `node --test`.
 */
import { formatCoefficient, formatDate } from './format.js';
import { t } from './i18n/index.js';

/** @type {Record<string, string>} */
export const CLAIM_KIND_LABEL = {
  accident: 'claim.kind.accident',
  theft: 'claim.kind.theft',
  fire: 'claim.kind.fire',
  glass: 'claim.kind.glass',
  parked_unidentified: 'claim.kind.parked_unidentified',
  force_majeure: 'claim.kind.force_majeure',
  driven_without_consent: 'claim.kind.driven_without_consent',
  natural_disaster: 'claim.kind.natural_disaster',
};

/** @type {Record<string, string>} */
export const RESPONSIBILITY_LABEL = {
  full: 'claim.resp.full',
  partial: 'claim.resp.partial',
  none: 'claim.resp.none',
};

/**
 * The responsibilities a claim of `kind` may be qualified with: a claim on the parked vehicle by
 * an unidentified third party is without liability of the insured (art. 7), « non responsable »
 * only — the backend refuses the others (`bonus_malus::check_qualification`).
 * @param {string} kind
 * @returns {string[]}
 */
export function possibleResponsibilities(kind) {
  return kind === 'parked_unidentified' ? ['none'] : Object.keys(RESPONSIBILITY_LABEL);
}

/**
 * Keeps a responsibility select to what `kind` allows: the others disabled, the value moved to
 * the first allowed one when it is not.
 * @param {HTMLSelectElement} select
 * @param {string} kind
 */
export function restrictResponsibility(select, kind) {
  const allowed = possibleResponsibilities(kind);
  for (const o of Array.from(select.options)) o.disabled = !allowed.includes(o.value);
  if (!allowed.includes(select.value)) select.value = allowed[0];
}

/** @type {Record<string, string>} */
export const CLAIM_STATUS_LABEL = {
  declare: 'claim.status.declare',
  en_expertise: 'claim.status.en_expertise',
  en_reparation: 'claim.status.en_reparation',
  indemnise: 'claim.status.indemnise',
  clos: 'claim.status.clos',
  refuse: 'claim.status.refuse',
};

/**
 * "responsable → partiellement responsable (requalifié le 20/11/2026)": every qualification of a
 * claim, the earlier ones kept.
 * @param {{ responsibility: string, foundOn: string }[]} qualifications
 * @returns {string}
 */
export function qualificationHistory(qualifications) {
  if (qualifications.length === 0) return '';
  const parts = qualifications.map((q) => t(RESPONSIBILITY_LABEL[q.responsibility] ?? 'claim.resp.none'));
  const text = parts.join(' → ');
  if (qualifications.length === 1) return text;
  const last = qualifications[qualifications.length - 1];
  return `${text} (${t('claim.requalifiedOn', { date: formatDate(last.foundOn) })})`;
}

/**
 * The one coefficient parser: a coefficient as the backend writes it, or as typed (French or
 * not, spaces ignored) → integer hundredths: `"0.85"` → 85, `"0,8"` → 80, `" 1 "` → 100. Null
 * when it is not a plain decimal with two decimals at most.
 * @param {string | null | undefined} v
 * @returns {number | null}
 */
export function parseHundredths(v) {
  const s = (v ?? '').replace(/[\s\u00A0\u202F€]/g, '').replace(',', '.');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : null;
}

/**
 * "1.25" → 125; unreadable → 100 (the chart's neutral value).
 * @param {string} s
 * @returns {number}
 */
export function hundredths(s) {
  return parseHundredths(s) ?? 100;
}

/**
 * Geometry of the coefficient history chart: one point per échéance, y from the coefficient.
 * The scale always shows 0.50 and 1.00, and the highest value reached.
 * @param {{ echeance: string, coefficient: string }[]} history
 * @param {number} width
 * @param {number} height
 * @param {number} pad
 */
export function chartGeometry(history, width, height, pad) {
  // Coefficients stay decimal strings; the chart works in integer hundredths.
  const values = history.map((e) => hundredths(e.coefficient));
  const top = Math.max(125, ...values);
  const bottom = 50;
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const y = (/** @type {number} */ v) => pad + innerH * (1 - (v - bottom) / (top - bottom));
  const step = history.length > 1 ? innerW / (history.length - 1) : 0;
  const points = history.map((e, i) => ({
    x: Math.round((pad + (history.length > 1 ? i * step : innerW / 2)) * 10) / 10,
    y: Math.round(y(hundredths(e.coefficient)) * 10) / 10,
    label: `${formatDate(e.echeance)} : ${formatCoefficient(e.coefficient)}`,
  }));
  return {
    points,
    oneY: Math.round(y(100) * 10) / 10,
    floorY: Math.round(y(50) * 10) / 10,
    topLabel: formatCoefficient(`${Math.floor(top / 100)}.${String(top % 100).padStart(2, '0')}`),
  };
}
