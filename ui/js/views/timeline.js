// @ts-check
/**
 * The claims timeline as a card: filters (kinds, contract, period, order) and the entries
 * grouped by year, each with its date, kind, what happened, the contract (on a client's
 * timeline) and a link to the claim's page. Used by the client record and the contract page.
 */
import { h, replace } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { href } from '../router.js';
import { dateField, dateState, nodeOf, problemOf } from '../components/dateField.js';
import { TIMELINE_KINDS, TIMELINE_KIND_LABEL, byYear, defaultFilter, entryDate, timelineQuery } from '../timeline.js';

/** @typedef {import('../api/types.js').Timeline} Timeline */
/** @typedef {import('../api/types.js').TimelineQuery} TimelineQuery */
/** @typedef {import('../api.js').ApiError} ApiError */

/**
 * @param {{ load: (q: TimelineQuery) => Promise<Timeline>, perClient: boolean, isAlive: () => boolean, onReleve?: (id: number) => void }} opts
 *   `onReleve` reopens a relevé's result (a client's timeline lists the relevés received).
 * @returns {HTMLElement}
 */
export function timelineSection({ load, perClient, isAlive, onReleve }) {
  const filter = defaultFilter();
  const list = h('div', { dataset: { testid: 'timeline-entries' }, 'aria-live': 'polite' },
    h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  const count = h('p', { class: 'muted timeline-count' });
  const contractSelect = /** @type {HTMLSelectElement} */ (h('select', {
    dataset: { testid: 'timeline-contract' },
    onchange: () => { filter.contractId = contractSelect.value ? Number(contractSelect.value) : null; refresh(); },
  }, h('option', { value: '' }, t('timeline.allContracts'))));
  const contractField = h('label', { class: 'field', hidden: true }, h('span', { class: 'field-label' }, t('timeline.contract')), contractSelect);
  let requestNo = 0;

  async function refresh() {
    const mine = ++requestNo;
    if (filter.kinds.size === 0) {
      replace(list, h('p', { class: 'muted' }, t('timeline.noKind')));
      count.textContent = '';
      return;
    }
    try {
      const tl = await load(timelineQuery(filter));
      if (!isAlive() || mine !== requestNo) return;
      render(tl);
    } catch (e) {
      if (isAlive() && mine === requestNo) replace(list, h('p', { class: 'alert', role: 'alert' }, /** @type {ApiError} */ (e).message));
    }
  }

  /** @param {Timeline} tl */
  function render(tl) {
    if (perClient && contractSelect.options.length === 1 && tl.contracts.length > 1) {
      for (const [id, label] of tl.contracts) contractSelect.append(h('option', { value: String(id) }, label));
      contractField.hidden = false;
    }
    count.textContent = tl.entries.length === tl.total
      ? tn('timeline.count', tl.total)
      : t('timeline.countFiltered', { shown: tl.entries.length, total: tl.total });
    if (tl.entries.length === 0) {
      replace(list, h('p', { class: 'muted' }, t(tl.total === 0 ? 'timeline.empty' : 'timeline.emptyFiltered')));
      return;
    }
    replace(list, ...byYear(tl.entries).map((g) => h('section', { class: 'timeline-year' },
      h('h3', { class: 'timeline-year-title' }, g.year),
      h('ol', { class: 'timeline' }, g.entries.map((e) => h('li', { class: `timeline-item tl-${e.kind}`, dataset: { testid: 'timeline-entry', kind: e.kind } },
        h('span', { class: 'timeline-date' }, entryDate(e.date)),
        h('span', { class: 'timeline-kind' }, t(TIMELINE_KIND_LABEL[e.kind] ?? 'timeline.kind.contrat')),
        h('div', { class: 'timeline-body' },
          entryTitle(e),
          e.detail ? h('p', { class: 'timeline-detail' }, e.detail) : null,
          perClient && e.contractLabel ? h('p', { class: 'muted timeline-contract' }, e.contractLabel) : null)))))));
  }

  /** A claim's entry links to its page; a relevé's reopens its result. @param {import('../api/types.js').TimelineEntry} e */
  function entryTitle(e) {
    if (e.claimId) return h('a', { href: href('claim', { id: e.claimId }), class: 'timeline-title' }, e.title);
    const releveId = e.releveId;
    if (releveId !== null && onReleve) {
      return h('button', {
        type: 'button',
        class: 'link-button timeline-title',
        title: t('timeline.releve.open'),
        onclick: () => onReleve(releveId),
        dataset: { testid: 'timeline-releve' },
      }, e.title);
    }
    return h('span', { class: 'timeline-title' }, e.title);
  }

  const kinds = h('fieldset', { class: 'timeline-kinds' },
    h('legend', { class: 'field-label' }, t('timeline.kinds')),
    TIMELINE_KINDS.filter((k) => perClient || k !== 'releve').map((k) => {
      const box = /** @type {HTMLInputElement} */ (h('input', {
        type: 'checkbox',
        checked: true,
        dataset: { testid: `timeline-kind-${k}` },
        onchange: () => {
          if (box.checked) filter.kinds.add(k);
          else filter.kinds.delete(k);
          refresh();
        },
      }));
      return h('label', { class: 'check' }, box, h('span', null, t(TIMELINE_KIND_LABEL[k])));
    }));
  // Empty, they look empty (a placeholder, not a greyed date); a date is applied once it can be
  // read, and one that cannot says so under the field.
  const from = dateField('', 'timeline-from', { id: 'timeline-from', label: t('timeline.from') });
  const to = dateField('', 'timeline-to', { id: 'timeline-to', label: t('timeline.to') });
  /** @param {HTMLInputElement} input @param {'from' | 'to'} key */
  const apply = (input, key) => {
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
    if (filter[key] === v) return;
    filter[key] = v;
    refresh();
  };
  from.addEventListener('change', () => apply(from, 'from'));
  to.addEventListener('change', () => apply(to, 'to'));
  const order = /** @type {HTMLSelectElement} */ (h('select', {
    dataset: { testid: 'timeline-order' },
    onchange: () => { filter.newestFirst = order.value === 'desc'; refresh(); },
  }, h('option', { value: 'desc' }, t('timeline.newestFirst')), h('option', { value: 'asc' }, t('timeline.oldestFirst'))));

  refresh();
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-timeline', dataset: { testid: 'timeline' } },
    h('h2', { id: 'sec-timeline', class: 'card-title' }, t('timeline.title')),
    h('div', { class: 'timeline-filters no-print' },
      kinds,
      h('div', { class: 'timeline-filter-row' },
        contractField,
        h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'timeline-from' }, t('timeline.from')), nodeOf(from)),
        h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'timeline-to' }, t('timeline.to')), nodeOf(to)),
        h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('timeline.order')), order))),
    count,
    list);
}
