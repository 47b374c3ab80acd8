// @ts-check
/** `#/clients`: instant search, sortable and paged table, status filter, archived toggle. */
import { debounce, h, replace, setTitle } from '../dom.js';
import { formatCount, formatDate, formatPhone, pageRange } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { href, navigate } from '../router.js';
import { renderHits } from './searchHits.js';
import {
  defaultListState,
  filterSearchResults,
  isSearching,
  moveFocus,
  PAGE_SIZE,
  SEARCH_DEBOUNCE_MS,
  SEARCH_LIMIT,
  toggleSort,
  toListQuery,
} from '../listQuery.js';

/** @typedef {import('../api/types.js').ClientSummary} ClientSummary */
/** @typedef {import('../listQuery.js').ListState} ListState */

/** Kept across visits so "back to the list" finds it as it was. @type {ListState} */
let state = defaultListState();
/** The last client opened from the list, focused again on return. @type {number | null} */
let lastOpened = null;

/** @type {Record<string, string>} */
export const STATUS_LABEL = { prospect: 'status.prospect', client: 'status.client', former: 'status.former' };
/** @type {Record<string, string>} */
export const KIND_LABEL = { person: 'kind.person', company: 'kind.company' };

/** @type {{ value: import('../api/types.js').ClientStatus | null, label: string, id: string }[]} */
const FILTERS = [
  { value: null, label: 'list.filter.all', id: 'all' },
  { value: 'prospect', label: 'list.filter.prospects', id: 'prospect' },
  { value: 'client', label: 'list.filter.clients', id: 'client' },
  { value: 'former', label: 'list.filter.former', id: 'former' },
];

/** @type {{ key: string, label: string, sort: import('../api/types.js').ClientSort | null, className?: string }[]} */
const COLUMNS = [
  { key: 'name', label: 'list.col.name', sort: 'name', className: 'col-name' },
  { key: 'kind', label: 'list.col.kind', sort: null, className: 'col-kind' },
  { key: 'status', label: 'list.col.status', sort: null, className: 'col-status' },
  { key: 'postcode', label: 'list.col.postcode', sort: 'postcode', className: 'col-postcode' },
  { key: 'city', label: 'list.col.city', sort: 'city', className: 'col-city' },
  { key: 'phone', label: 'list.col.phone', sort: null, className: 'col-phone' },
  { key: 'email', label: 'list.col.email', sort: null, className: 'col-email' },
  { key: 'updated', label: 'list.col.updated', sort: 'updated', className: 'col-updated' },
];

/**
 * A status badge.
 * @param {string} status
 */
export function statusBadge(status) {
  return h('span', { class: `badge badge-${status}` }, t(STATUS_LABEL[status] ?? 'status.prospect'));
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountClientList(el, _route, api) {
  let alive = true;
  let seq = 0;
  setTitle(t('list.title'), t('app.name'));

  const search = h('input', {
    type: 'search',
    id: 'client-search',
    class: 'search-input',
    placeholder: t('list.search.placeholder'),
    'aria-label': t('list.search.label'),
    'aria-keyshortcuts': '/ Control+K',
    'aria-controls': 'client-table',
    autocomplete: 'off',
    spellcheck: 'false',
    value: state.text,
    dataset: { testid: 'search-input', search: '' },
  });
  const subtitle = h('p', { class: 'page-subtitle', 'aria-live': 'polite', dataset: { testid: 'list-count' } });
  const tbody = h('tbody');
  const headRow = h('tr');
  const table = h(
    'table',
    { id: 'client-table', class: 'table table-clients', 'aria-describedby': 'list-help', dataset: { testid: 'client-table' } },
    h('caption', { class: 'visually-hidden' }, t('list.caption')),
    h('thead', null, headRow),
    tbody,
  );
  const emptyBox = h('div', { class: 'empty-state', hidden: true, dataset: { testid: 'list-empty' } });
  const errorBox = h('div', { class: 'alert', role: 'alert', hidden: true });
  const pager = h('nav', { class: 'pager', 'aria-label': t('list.pager.label') });
  const archived = h('input', { type: 'checkbox', id: 'show-archived', checked: state.includeArchived, dataset: { testid: 'show-archived' } });

  const filterGroup = h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': t('list.filter.label') },
    FILTERS.map((f) => {
      const input = h('input', {
        type: 'radio',
        name: 'status-filter',
        id: `status-${f.id}`,
        class: 'visually-hidden',
        value: f.id,
        checked: state.status === f.value,
        dataset: { testid: `filter-${f.id}` },
      });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        state = { ...state, status: f.value, page: 1 };
        load();
      });
      return h('label', { class: 'segment', for: `status-${f.id}` }, input, h('span', null, t(f.label)));
    }),
  );

  // Contracts, vehicles, claims and insurers the search found, above the clients.
  const hitsBox = h('div', { class: 'card search-hits', hidden: true, dataset: { testid: 'search-hits' }, 'aria-live': 'polite' });
  /** More clients match than listed (the search reads one page, it does not count them all). */
  let moreClients = false;
  /** Hits other than clients in the last search. */
  let otherHits = 0;

  el.append(
    h(
      'header',
      { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, t('list.title')), subtitle),
      h(
        'div',
        { class: 'page-actions no-print' },
        h('a', { href: href('client-new'), class: 'btn btn-primary', 'aria-keyshortcuts': 'Alt+N', title: t('list.new.title'), dataset: { testid: 'new-client' } },
          icon('plus'), t('list.new')),
      ),
    ),
    h(
      'div',
      { class: 'toolbar no-print' },
      h('div', { class: 'search' }, icon('search', 'search-icon'), search, h('kbd', { class: 'search-kbd', 'aria-hidden': 'true' }, '/')),
      filterGroup,
      h('label', { class: 'check', for: 'show-archived' }, archived, t('list.showArchived')),
    ),
    h('p', { id: 'list-help', class: 'visually-hidden' }, t('list.help')),
    errorBox,
    hitsBox,
    h('div', { class: 'table-wrap' }, table),
    emptyBox,
    pager,
  );

  archived.addEventListener('change', () => {
    state = { ...state, includeArchived: archived.checked, page: 1 };
    load();
  });

  const searchLater = debounce(() => {
    state = { ...state, text: search.value, page: 1 };
    load();
  }, SEARCH_DEBOUNCE_MS);
  search.addEventListener('input', searchLater);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      searchLater.cancel();
      state = { ...state, text: search.value, page: 1 };
      load().then(() => focusRow(0));
    } else if (e.key === 'Escape' && search.value) {
      e.preventDefault();
      search.value = '';
      searchLater.cancel();
      state = { ...state, text: '', page: 1 };
      load();
    }
  });

  function renderHead() {
    const searching = isSearching(state);
    replace(
      headRow,
      COLUMNS.map((c) => {
        const th = h('th', { scope: 'col', class: c.className });
        if (!c.sort || searching) {
          th.textContent = t(c.label);
          return th;
        }
        const active = state.sort === c.sort;
        if (active) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
        const col = c.sort;
        th.append(
          h(
            'button',
            {
              type: 'button',
              class: active ? 'sort-button sort-active' : 'sort-button',
              onclick: () => {
                state = toggleSort(state, col);
                load();
              },
              dataset: { testid: `sort-${c.sort}` },
            },
            t(c.label),
            icon(active ? (state.descending ? 'down' : 'up') : 'updown', 'sort-icon'),
          ),
        );
        return th;
      }),
    );
  }

  /** @returns {HTMLTableRowElement[]} */
  const rows = () => Array.from(tbody.querySelectorAll('tr[data-id]'));

  /** @param {number} i */
  function focusRow(i) {
    const all = rows();
    if (i < 0 || all.length === 0) {
      search.focus();
      return;
    }
    const target = all[Math.min(i, all.length - 1)];
    for (const r of all) r.tabIndex = r === target ? 0 : -1;
    target.focus();
  }

  /** @param {ClientSummary} c */
  function open(c) {
    lastOpened = c.id;
    navigate(href('client', { id: c.id }));
  }

  /** @param {ClientSummary} c @param {number} i */
  function row(c, i) {
    const tr = h(
      'tr',
      {
        class: c.archived ? 'row row-archived' : 'row',
        tabindex: i === 0 ? '0' : '-1',
        dataset: { testid: 'client-row', id: c.id },
        title: t('list.row.open', { name: c.displayName }),
      },
      h('td', { class: 'col-name' }, h('span', { class: 'client-name' }, c.displayName || t('common.unnamed')),
        c.archived ? h('span', { class: 'badge badge-archived' }, t('common.archived')) : null),
      h('td', { class: 'col-kind' }, t(KIND_LABEL[c.kind] ?? 'kind.person')),
      h('td', { class: 'col-status' }, statusBadge(c.status)),
      h('td', { class: 'col-postcode num' }, c.postcode ?? ''),
      h('td', { class: 'col-city' }, c.city ?? ''),
      h('td', { class: 'col-phone nowrap' }, formatPhone(c.phone)),
      h('td', { class: 'col-email' }, c.email ?? ''),
      h('td', { class: 'col-updated num' }, formatDate(c.updatedAt)),
    );
    tr.addEventListener('click', () => open(c));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(c);
        return;
      }
      if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
        e.preventDefault();
        focusRow(moveFocus(i, e.key, rows().length));
      } else if (e.key === 'PageDown' && !isSearching(state)) {
        e.preventDefault();
        goPage(state.page + 1);
      } else if (e.key === 'PageUp' && !isSearching(state)) {
        e.preventDefault();
        goPage(state.page - 1);
      }
    });
    return tr;
  }

  /** @type {number} */
  let pages = 1;

  /** @param {number} p */
  function goPage(p) {
    if (p < 1 || p > pages || p === state.page) return;
    state = { ...state, page: p };
    load().then(() => focusRow(0));
  }

  /**
   * @param {number} total
   * @param {number} page
   */
  function renderPager(total, page) {
    const r = pageRange(page, PAGE_SIZE, total);
    pages = r.pages;
    if (isSearching(state) || total === 0) {
      replace(pager);
      return;
    }
    replace(
      pager,
      h('span', { class: 'pager-range', dataset: { testid: 'pager-range' } },
        t('list.range', { from: formatCount(r.from), to: formatCount(r.to), total: formatCount(total) })),
      h('span', { class: 'pager-buttons' },
        h('button', { type: 'button', class: 'btn btn-small', disabled: page <= 1, onclick: () => goPage(page - 1), 'aria-label': t('list.pager.prev'), dataset: { testid: 'page-prev' } },
          icon('prev'), h('span', { class: 'btn-label' }, t('list.pager.prevShort'))),
        h('span', { class: 'pager-page' }, t('list.pager.page', { page: formatCount(page), pages: formatCount(r.pages) })),
        h('button', { type: 'button', class: 'btn btn-small', disabled: page >= r.pages, onclick: () => goPage(page + 1), 'aria-label': t('list.pager.next'), dataset: { testid: 'page-next' } },
          h('span', { class: 'btn-label' }, t('list.pager.nextShort')), icon('next'))),
    );
  }

  /**
   * @param {ClientSummary[]} items
   * @param {number} total
   */
  function renderRows(items, total) {
    renderHead();
    replace(tbody, items.map(row));
    const searching = isSearching(state);
    const filtered = state.status !== null || state.includeArchived;
    if (searching) {
      subtitle.textContent = moreClients
        ? tn('search.more', items.length, { count: formatCount(items.length) })
        : tn('list.results', items.length, { count: formatCount(items.length) });
    } else {
      subtitle.textContent = tn('list.count', total, { count: formatCount(total) });
    }
    table.hidden = items.length === 0;
    emptyBox.hidden = items.length > 0;
    if (items.length === 0) {
      if (searching && otherHits > 0) {
        replace(emptyBox, h('p', { class: 'muted' }, t('search.clients.none', { text: state.text.trim() })));
      } else if (searching) {
        replace(emptyBox, h('p', { class: 'empty-title' }, t('list.empty.search', { text: state.text.trim() })), h('p', null, t('list.empty.searchHint')));
      } else if (filtered) {
        replace(emptyBox, h('p', { class: 'empty-title' }, t('list.empty.filter')));
      } else {
        replace(
          emptyBox,
          h('p', { class: 'empty-title' }, t('list.empty.none')),
          h('p', null, t('list.empty.noneHint')),
          h('p', { class: 'actions actions-center' },
            h('a', { href: href('client-new'), class: 'btn btn-primary' }, icon('plus'), t('list.new')),
            h('a', { href: href('settings'), class: 'btn' }, t('list.empty.demo'))),
        );
      }
    }
  }

  /** Loads the current state; resolves when rendered (stale answers are ignored). */
  async function load() {
    const mine = ++seq;
    const busyTimer = setTimeout(() => table.setAttribute('aria-busy', 'true'), 150);
    try {
      let items, total, page;
      /** @type {import('../api/types.js').SearchResults | null} */
      let found = null;
      if (isSearching(state)) {
        found = await api.search(state.text.trim(), SEARCH_LIMIT);
        items = filterSearchResults(found.clients, state);
        total = items.length;
        page = 1;
      } else {
        const res = await api.clientList(toListQuery(state));
        items = res.items;
        total = res.total;
        page = res.page;
        const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
        if (items.length === 0 && total > 0 && state.page > last) {
          state = { ...state, page: last };
          return load();
        }
      }
      if (!alive || mine !== seq) return;
      errorBox.hidden = true;
      moreClients = found?.moreClients ?? false;
      otherHits = found?.hits.length ?? 0;
      renderHits(hitsBox, found);
      renderRows(items, total);
      renderPager(total, page);
    } catch (e) {
      if (!alive || mine !== seq) return;
      const err = /** @type {import('../api.js').ApiError} */ (e);
      replace(errorBox, err.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: err.code })));
      errorBox.hidden = false;
    } finally {
      clearTimeout(busyTimer);
      if (mine === seq) table.removeAttribute('aria-busy');
    }
  }

  renderHead();
  load().then(() => {
    if (!alive) return;
    if (sessionStorage.getItem('courtier.focusSearch')) {
      sessionStorage.removeItem('courtier.focusSearch');
      search.focus();
      return;
    }
    if (lastOpened !== null) {
      const all = rows();
      const i = all.findIndex((r) => r.dataset.id === String(lastOpened));
      lastOpened = null;
      if (i >= 0) {
        focusRow(i);
        return;
      }
    }
    search.focus();
  });

  return () => {
    alive = false;
    searchLater.cancel();
  };
}
