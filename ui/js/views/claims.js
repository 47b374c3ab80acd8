// @ts-check
/** `#/claims`: the open claims of the portfolio, by status, oldest first, with their age. */
import { h, replace, setTitle } from '../dom.js';
import { formatDate } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { href } from '../router.js';
import { CLAIM_KIND_LABEL, CLAIM_STATUS_LABEL, RESPONSIBILITY_LABEL } from '../coefficient.js';

/** @typedef {import('../api/types.js').OpenClaim} OpenClaim */

/** @type {string[]} */
const ORDER = ['declare', 'en_expertise', 'en_reparation', 'indemnise'];

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 */
export function mountClaims(el, _route, api) {
  let alive = true;
  setTitle(t('claims.title'), t('app.name'));
  replace(el, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  api.claimsOpen(1000).then((open) => {
    if (!alive) return;
    /** @type {Map<string, OpenClaim[]>} */
    const byStatus = new Map();
    for (const c of open) {
      const list = byStatus.get(c.status) ?? [];
      list.push(c);
      byStatus.set(c.status, list);
    }
    const statuses = [...byStatus.keys()].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    replace(el,
      h('div', { class: 'page-head' },
        h('h1', null, t('claims.title')),
        h('p', { class: 'muted' }, tn('claims.count', open.length))),
      open.length === 0 ? h('p', { class: 'muted' }, t('claims.none')) : null,
      ...statuses.map((s) => h('section', { class: 'card card-wide', 'aria-label': t(CLAIM_STATUS_LABEL[s] ?? 'claim.status.declare') },
        h('h2', { class: 'card-title' }, t(CLAIM_STATUS_LABEL[s] ?? 'claim.status.declare'), ` (${byStatus.get(s)?.length ?? 0})`),
        h('table', { class: 'table' },
          h('thead', null, h('tr', null,
            h('th', null, t('claim.date')), h('th', null, t('claims.client')), h('th', null, t('claim.kind')),
            h('th', null, t('claim.responsibility')), h('th', null, t('claims.contract')), h('th', { class: 'num' }, t('claims.age')))),
          h('tbody', null, (byStatus.get(s) ?? []).map((c) => h('tr', { dataset: { testid: 'open-claim', id: c.claimId } },
            h('td', null, h('a', { href: href('claim', { id: c.claimId }), dataset: { testid: 'open-claim-link' } }, formatDate(c.occurredOn))),
            h('td', null, h('a', { href: href('client', { id: c.clientId }) }, c.clientName)),
            h('td', null, t(CLAIM_KIND_LABEL[c.kind] ?? 'claim.kind.accident')),
            h('td', null, t(RESPONSIBILITY_LABEL[c.responsibility] ?? 'claim.resp.none')),
            h('td', null, h('a', { href: href('contract', { id: c.contractId }) }, `${c.insurer} ${c.contractNumber}`)),
            h('td', { class: 'num' }, tn('claims.days', c.ageDays))))))))
    );
  }).catch((e) => {
    if (alive) replace(el, h('div', { class: 'alert', role: 'alert' }, /** @type {{ message: string }} */ (e).message));
  });
  return () => { alive = false; };
}
