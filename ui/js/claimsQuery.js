// @ts-check
/**
 * The Sinistres section's filters, pure side: the state of the form and the `claims_search`
 * query it sends (empty fields left out, the page reset by any filter change).
 */

/** @typedef {import('./api/types.js').ClaimListQuery} ClaimListQuery */

/**
 * @typedef {object} ClaimsFilter
 * @property {'open' | 'closed' | 'all'} state
 * @property {string} status '' for any
 * @property {string} insurerId '' for any (a select's value)
 * @property {string} responsibility '' for any
 * @property {string} from ISO date or ''
 * @property {string} to ISO date or ''
 * @property {string} text
 * @property {boolean} oldestFirst
 * @property {number} page
 */

export const CLAIMS_PAGE_SIZE = 50;

/** What the section shows first: the open claims, newest first. @returns {ClaimsFilter} */
export function defaultClaimsFilter() {
  return { state: 'open', status: '', insurerId: '', responsibility: '', from: '', to: '', text: '', oldestFirst: false, page: 1 };
}

/**
 * The query for a filter state.
 * @param {ClaimsFilter} f
 * @returns {ClaimListQuery}
 */
export function claimsQuery(f) {
  const insurer = Number(f.insurerId);
  return {
    state: f.state,
    status: f.status || null,
    insurerId: f.insurerId !== '' && Number.isInteger(insurer) && insurer > 0 ? insurer : null,
    responsibility: /** @type {ClaimListQuery['responsibility']} */ (f.responsibility || null),
    from: f.from || null,
    to: f.to || null,
    text: f.text.trim() || null,
    oldestFirst: f.oldestFirst,
    page: Math.max(1, Math.trunc(f.page) || 1),
    pageSize: CLAIMS_PAGE_SIZE,
  };
}

/**
 * The filter after one field changed: back to the first page unless the page itself changed.
 * @template {keyof ClaimsFilter} K
 * @param {ClaimsFilter} f
 * @param {K} key
 * @param {ClaimsFilter[K]} value
 * @returns {ClaimsFilter}
 */
export function withFilter(f, key, value) {
  return key === 'page' ? { ...f, page: /** @type {number} */ (value) } : { ...f, [key]: value, page: 1 };
}

/** Is any filter other than the state and the order set? @param {ClaimsFilter} f */
export function isFiltered(f) {
  return f.status !== '' || f.insurerId !== '' || f.responsibility !== '' || f.from !== '' || f.to !== '' || f.text.trim() !== '';
}
