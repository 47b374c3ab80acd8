// @ts-check
/**
 * `#/claims`: the Sinistres section. Every claim of the portfolio, open or closed, newest first
 * (or oldest), filtered by state or status, insurer, responsibility, period, and a reference or
 * a client's name, fifty a page (no full count: « page suivante » while there are more).
 */
import { debounce, h, replace, setTitle } from '../dom.js';
import { formatDate } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { href } from '../router.js';
import { dateField, dateState, nodeOf, problemOf } from '../components/dateField.js';
import { CLAIM_KIND_LABEL, CLAIM_STATUS_LABEL, RESPONSIBILITY_LABEL } from '../coefficient.js';
import { SEARCH_DEBOUNCE_MS } from '../listQuery.js';
import { claimsQuery, defaultClaimsFilter, isFiltered, withFilter } from '../claimsQuery.js';

/** @typedef {import('../api/types.js').OpenClaim} OpenClaim */
/** @typedef {import('../api/types.js').ClaimListPage} ClaimListPage */
/** @typedef {import('../claimsQuery.js').ClaimsFilter} ClaimsFilter */
/** @typedef {import('../api.js').ApiError} ApiError */

/** Kept across visits, so « back » from a claim finds the list as it was. @type {ClaimsFilter} */
let filter = defaultClaimsFilter();

/**
 * A labelled select.
 * @param {string} testid @param {string} label @param {[string, string][]} options value → label
 * @param {string} value @param {(v: string) => void} onChange
 */
function selectField(testid, label, options, value, onChange) {
  const s = /** @type {HTMLSelectElement} */ (h('select', { dataset: { testid }, onchange: () => onChange(s.value) },
    options.map(([v, l]) => h('option', { value: v, selected: v === value }, l))));
  return { field: h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), s), select: s };
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 */
export function mountClaims(el, _route, api) {
  let alive = true;
  let seq = 0;
  setTitle(t('claims.heading'), t('app.name'));
  const count = h('p', { class: 'muted', dataset: { testid: 'claims-count' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'claims-list' } }, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  const pager = h('div', { class: 'pager no-print' });

  /** @param {ClaimsFilter} next */
  function update(next) {
    filter = next;
    reset.hidden = !isFiltered(filter);
    load();
  }
  /** @template {keyof ClaimsFilter} K @param {K} key @param {ClaimsFilter[K]} value */
  const set = (key, value) => update(withFilter(filter, key, value));

  const text = /** @type {HTMLInputElement} */ (h('input', {
    type: 'search',
    id: 'claims-text',
    value: filter.text,
    placeholder: t('claims.filter.text.placeholder'),
    dataset: { testid: 'claims-text' },
  }));
  const textLater = debounce(() => set('text', text.value), SEARCH_DEBOUNCE_MS);
  text.addEventListener('input', textLater);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      textLater.cancel();
      set('text', text.value);
    }
  });
  const state = selectField('claims-state', t('claims.filter.state'), [
    ['open', t('claims.filter.state.open')], ['closed', t('claims.filter.state.closed')], ['all', t('claims.filter.state.all')],
  ], filter.state, (v) => set('state', /** @type {ClaimsFilter['state']} */ (v)));
  const status = selectField('claims-status', t('claims.filter.status'), [
    ['', t('claims.filter.status.any')],
    ...Object.entries(CLAIM_STATUS_LABEL).map(([code, key]) => /** @type {[string, string]} */ ([code, t(key)])),
  ], filter.status, (v) => set('status', v));
  const insurer = selectField('claims-insurer', t('claims.filter.insurer'), [['', t('claims.filter.insurer.any')]], filter.insurerId, (v) => set('insurerId', v));
  const responsibility = selectField('claims-responsibility', t('claims.filter.responsibility'), [
    ['', t('claims.filter.responsibility.any')],
    ...Object.entries(RESPONSIBILITY_LABEL).map(([code, key]) => /** @type {[string, string]} */ ([code, t(key)])),
  ], filter.responsibility, (v) => set('responsibility', v));
  const order = selectField('claims-order', t('claims.filter.order'), [
    ['desc', t('claims.filter.newest')], ['asc', t('claims.filter.oldest')],
  ], filter.oldestFirst ? 'asc' : 'desc', (v) => set('oldestFirst', v === 'asc'));
  const from = dateField(filter.from, 'claims-from', { id: 'claims-from', label: t('claims.filter.from') });
  const to = dateField(filter.to, 'claims-to', { id: 'claims-to', label: t('claims.filter.to') });
  /** @param {HTMLInputElement} input @param {'from' | 'to'} key */
  const applyDate = (input, key) => {
    const s = dateState(input);
    const box = nodeOf(input).parentElement;
    box?.querySelector('.field-error')?.remove();
    input.removeAttribute('aria-invalid');
    if (s.kind === 'invalid') {
      input.setAttribute('aria-invalid', 'true');
      box?.append(h('span', { class: 'field-error', dataset: { testid: 'field-error' } }, problemOf(input)));
      return;
    }
    const v = s.kind === 'valid' ? s.iso : '';
    if (filter[key] !== v) set(key, v);
  };
  from.addEventListener('change', () => applyDate(from, 'from'));
  to.addEventListener('change', () => applyDate(to, 'to'));
  const reset = h('button', {
    type: 'button',
    class: 'btn btn-small',
    hidden: !isFiltered(filter),
    onclick: () => {
      text.value = '';
      status.select.value = '';
      insurer.select.value = '';
      responsibility.select.value = '';
      update({ ...defaultClaimsFilter(), state: filter.state, oldestFirst: filter.oldestFirst });
    },
    dataset: { testid: 'claims-reset' },
  }, t('claims.filter.reset'));

  api.insurerList().then((all) => {
    if (!alive) return;
    for (const i of all) insurer.select.append(h('option', { value: String(i.id), selected: String(i.id) === filter.insurerId }, i.name));
  }).catch(() => { /* the list still works without the insurer filter's names */ });

  replace(el,
    h('div', { class: 'page-head' },
      h('h1', null, t('claims.heading')),
      count),
    h('section', { class: 'card card-wide claims-filters no-print', 'aria-label': t('claims.filters') },
      h('div', { class: 'timeline-filter-row' },
        h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('claims.filter.text')), text),
        state.field, status.field, insurer.field, responsibility.field),
      h('div', { class: 'timeline-filter-row' },
        h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'claims-from' }, t('claims.filter.from')), nodeOf(from)),
        h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'claims-to' }, t('claims.filter.to')), nodeOf(to)),
        order.field,
        reset)),
    list,
    pager);

  /** @param {OpenClaim} c */
  function row(c) {
    return h('tr', { dataset: { testid: 'open-claim', id: c.claimId, status: c.status } },
      h('td', null, h('a', { href: href('claim', { id: c.claimId }), dataset: { testid: 'open-claim-link' } }, formatDate(c.occurredOn))),
      h('td', null, h('a', { href: href('client', { id: c.clientId }) }, c.clientName)),
      h('td', null, t(CLAIM_KIND_LABEL[c.kind] ?? 'claim.kind.accident')),
      h('td', null, t(RESPONSIBILITY_LABEL[c.responsibility] ?? 'claim.resp.none')),
      h('td', null, t(CLAIM_STATUS_LABEL[c.status] ?? 'claim.status.declare')),
      h('td', null, h('a', { href: href('contract', { id: c.contractId }) }, `${c.insurer} ${c.contractNumber}`)),
      h('td', { class: 'num' }, tn('claims.days', c.ageDays)));
  }

  /** @param {ClaimListPage} p */
  function render(p) {
    count.textContent = tn('claims.shown', p.items.length);
    if (p.items.length === 0) {
      replace(list, h('p', { class: 'muted', dataset: { testid: 'claims-empty' } }, t('claims.empty')));
    } else {
      replace(list, h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('thead', null, h('tr', null,
          h('th', null, t('claim.date')), h('th', null, t('claims.client')), h('th', null, t('claim.kind')),
          h('th', null, t('claim.responsibility')), h('th', null, t('claims.status')), h('th', null, t('claims.contract')),
          h('th', { class: 'num' }, t('claims.age')))),
        h('tbody', null, p.items.map(row)))));
    }
    replace(pager, p.page === 1 && !p.more ? null : h('span', { class: 'pager-buttons' },
      h('button', { type: 'button', class: 'btn btn-small', disabled: p.page <= 1, onclick: () => set('page', p.page - 1), dataset: { testid: 'claims-prev' } }, t('claims.prev')),
      h('span', { class: 'pager-page' }, t('claims.page', { page: p.page })),
      h('button', { type: 'button', class: 'btn btn-small', disabled: !p.more, onclick: () => set('page', p.page + 1), dataset: { testid: 'claims-next' } }, t('claims.next'))));
  }

  async function load() {
    const mine = ++seq;
    try {
      const p = await api.claimsSearch(claimsQuery(filter));
      if (alive && mine === seq) render(p);
    } catch (e) {
      if (alive && mine === seq) replace(list, h('div', { class: 'alert', role: 'alert' }, /** @type {ApiError} */ (e).message));
    }
  }

  load();
  return () => {
    alive = false;
    textLater.cancel();
  };
}
