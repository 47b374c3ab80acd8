// @ts-check
/**
 * The search box's other hits, pure side: grouped by kind in a fixed order, the page each one
 * opens, and its line. The view is `views/searchHits.js`.
 */
import { href } from './router.js';

/** @typedef {import('./api/types.js').SearchHit} SearchHit */

/** The kinds, in the order they are listed. */
export const HIT_KINDS = /** @type {const} */ (['contract', 'vehicle', 'claim', 'insurer']);

/** @type {Record<string, string>} */
export const HIT_KIND_LABEL = {
  contract: 'search.hits.contract',
  vehicle: 'search.hits.vehicle',
  claim: 'search.hits.claim',
  insurer: 'search.hits.insurer',
};

/**
 * The hits grouped by kind, in `HIT_KINDS` order, empty groups left out; within a group, the
 * backend's order.
 * @param {SearchHit[]} hits
 * @returns {{ kind: SearchHit['kind'], hits: SearchHit[] }[]}
 */
export function groupHits(hits) {
  return HIT_KINDS
    .map((kind) => ({ kind, hits: hits.filter((x) => x.kind === kind) }))
    .filter((g) => g.hits.length > 0);
}

/**
 * The page a hit opens: a contract's page for a contract or a vehicle (the vehicles are listed
 * there), the claim's page, the insurers' list.
 * @param {SearchHit} hit
 * @returns {string}
 */
export function hitHref(hit) {
  switch (hit.kind) {
    case 'contract':
      return href('contract', { id: hit.id });
    case 'vehicle':
      return hit.contractId !== null ? href('contract', { id: hit.contractId }) : href('clients');
    case 'claim':
      return href('claim', { id: hit.id });
    default:
      return href('insurers');
  }
}

/**
 * What follows the matched text on a hit's line: whose it is and where (« Anne Martin ·
 * Mutuelle de l'Ouest », « Renault Clio · Anne Martin · contrat AUTO-1 »).
 * @param {SearchHit} hit
 * @param {(iso: string) => string} formatDate
 * @returns {string}
 */
export function hitContext(hit, formatDate) {
  const parts = [];
  if (hit.kind === 'vehicle' && hit.detail) parts.push(hit.detail);
  if (hit.kind === 'claim' && hit.onDate) parts.push(formatDate(hit.onDate));
  if (hit.clientName) parts.push(hit.clientName);
  if (hit.kind === 'contract' && hit.insurer) parts.push(hit.insurer);
  if ((hit.kind === 'vehicle' || hit.kind === 'claim') && hit.contractNumber) {
    parts.push(`${hit.insurer ? `${hit.insurer} ` : ''}${hit.contractNumber}`);
  }
  return parts.join(' · ');
}
