// @ts-check
/**
 * The search box's other hits, under the search box of the client list: contracts by number,
 * vehicles by registration, claims by reference and insurers by name, grouped and labelled,
 * each a link to its page.
 */
import { h, replace } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n/index.js';
import { HIT_KIND_LABEL, groupHits, hitContext, hitHref } from '../searchHits.js';

/** @typedef {import('../api/types.js').SearchResults} SearchResults */

/**
 * Fills `box` with the hits of `r` (empties and hides it when there are none).
 * @param {HTMLElement} box
 * @param {SearchResults | null} r
 */
export function renderHits(box, r) {
  const groups = r ? groupHits(r.hits) : [];
  box.hidden = groups.length === 0;
  if (groups.length === 0) {
    replace(box);
    return;
  }
  replace(box,
    h('h2', { class: 'visually-hidden' }, t('search.hits.label')),
    ...groups.map((g) => h('section', { class: 'search-hits-group', dataset: { testid: `search-hits-${g.kind}` } },
      h('h3', { class: 'card-subtitle' }, t(HIT_KIND_LABEL[g.kind])),
      h('ul', { class: 'plain' }, g.hits.map((x) => {
        const context = hitContext(x, formatDate);
        return h('li', null,
          h('a', { href: hitHref(x), dataset: { testid: 'search-hit', kind: x.kind, id: x.id } }, x.text),
          context ? h('span', { class: 'muted' }, ` · ${context}`) : null);
      })))),
    r?.moreHits ? h('p', { class: 'muted' }, t('search.hits.more')) : null);
}
