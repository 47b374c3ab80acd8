// @ts-check
/**
 * The client list's state (search text, sort, page, filters) and how it becomes a backend query.
 * Pure, tested by Node.
 */

/** @typedef {import('./api/types.js').ClientSort} ClientSort */
/** @typedef {import('./api/types.js').ClientStatus} ClientStatus */
/** @typedef {import('./api/types.js').ClientSummary} ClientSummary */
/** @typedef {import('./api/types.js').ClientListQuery} ClientListQuery */

export const PAGE_SIZE = 50;
export const SEARCH_LIMIT = 50;
export const SEARCH_DEBOUNCE_MS = 120;

/**
 * @typedef {object} ListState
 * @property {string} text the search box
 * @property {number} page 1-based
 * @property {ClientSort} sort
 * @property {boolean} descending
 * @property {ClientStatus | null} status null: all
 * @property {boolean} includeArchived
 */

/** @returns {ListState} */
export function defaultListState() {
  return { text: '', page: 1, sort: 'name', descending: false, status: null, includeArchived: false };
}

/** Columns whose header sorts the list. */
export const SORTABLE = /** @type {const} */ (['name', 'postcode', 'city', 'updated', 'created']);

/**
 * Clicking a column header: the same column flips the direction; another column sorts
 * ascending, except dates which start with the most recent. Back to the first page.
 * @param {ListState} s
 * @param {ClientSort} column
 * @returns {ListState}
 */
export function toggleSort(s, column) {
  if (s.sort === column) return { ...s, descending: !s.descending, page: 1 };
  return { ...s, sort: column, descending: column === 'updated' || column === 'created', page: 1 };
}

/**
 * Is the list in search mode (non-blank text)?
 * @param {ListState} s
 */
export function isSearching(s) {
  return s.text.trim() !== '';
}

/**
 * The `client_list` query for a state.
 * @param {ListState} s
 * @returns {ClientListQuery}
 */
export function toListQuery(s) {
  return {
    page: Math.max(1, Math.trunc(s.page) || 1),
    pageSize: PAGE_SIZE,
    sort: s.sort,
    descending: s.descending,
    status: s.status,
    includeArchived: s.includeArchived,
  };
}

/**
 * Search results come ranked from the backend for the text only; the status filter and the
 * archived toggle of the list are applied to them here.
 * @param {ClientSummary[]} items
 * @param {ListState} s
 * @returns {ClientSummary[]}
 */
export function filterSearchResults(items, s) {
  return items.filter((c) => (s.status === null || c.status === s.status) && (s.includeArchived || !c.archived));
}

/**
 * The row to focus after an arrow key in the list.
 * @param {number} current index of the focused row, -1 if none
 * @param {string} key `ArrowDown`, `ArrowUp`, `Home`, `End`
 * @param {number} count rows in the table
 * @returns {number} the new index, or -1 to go back to the search box (ArrowUp on the first row)
 */
export function moveFocus(current, key, count) {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return current <= 0 ? -1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return current;
  }
}
