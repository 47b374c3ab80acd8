// @ts-check
/**
 * The relevés d'information received for a client, as a card of the client record: date,
 * issuing insurer, the coefficient stated, the start coefficient and counters Courtier drew
 * from it; each row reopens its result dialog.
 */
import { h, replace } from '../dom.js';
import { formatCoefficient, formatDate } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { reopenReleve } from './contract/releve.js';

/** @typedef {import('../api.js').Api} Api */
/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../api/types.js').ReleveEntry} ReleveEntry */
/** @typedef {import('../api/types.js').ContractRecord} ContractRecord */

/**
 * @param {{ api: Api, clientId: number, isAlive: () => boolean, onContract: (k: ContractRecord) => void }} opts
 * @returns {HTMLElement}
 */
export function relevesSection({ api, clientId, isAlive, onContract }) {
  const body = h('div', null, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  api.releveList(clientId).then((list) => {
    if (!isAlive()) return;
    if (list.length === 0) {
      replace(body, h('p', { class: 'muted', dataset: { testid: 'releves-none' } }, t('releves.none')));
      return;
    }
    replace(body, h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', null, h('tr', null,
        h('th', null, t('releves.date')), h('th', null, t('releves.issuer')),
        h('th', { class: 'num' }, t('releves.coefficient')), h('th', { class: 'num' }, t('releves.start')),
        h('th', null, t('releves.counters')))),
      h('tbody', null, list.map((r) => row(r))))));
  }).catch((/** @type {ApiError} */ e) => {
    if (isAlive()) replace(body, h('p', { class: 'alert', role: 'alert' }, e.message));
  });

  /** @param {ReleveEntry} r */
  function row(r) {
    const res = r.result;
    // The date opens the result: the first column, never cut off by a narrow window.
    return h('tr', { dataset: { testid: 'releve-row', id: r.id } },
      h('td', null, h('button', {
        type: 'button',
        class: 'link-button',
        title: t('releves.reopen'),
        'aria-label': t('releves.reopenLabel', { date: formatDate(r.issuedOn) }),
        onclick: () => reopenReleve(api, r, onContract),
        dataset: { testid: 'releve-reopen' },
      }, formatDate(r.issuedOn))),
      h('td', null, r.issuer ?? t('releves.unknownIssuer'), h('span', { class: 'muted' }, ` · ${tn('releves.claims', r.claims)}`)),
      h('td', { class: 'num' }, r.coefficient ? formatCoefficient(r.coefficient) : '—',
        res.inconsistency ? h('span', { class: 'badge badge-warning' }, ` ${t('releves.inconsistent')}`) : null),
      h('td', { class: 'num', dataset: { testid: 'releve-row-start' } }, res.startCoefficient ? formatCoefficient(res.startCoefficient) : '—'),
      h('td', null, res.startClaimFreeStreak !== null
        ? t('releves.countersValue', { streak: res.startClaimFreeStreak, floor: res.startPeriodsAtFloor ?? 0 })
        : '—'));
  }

  return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-releves', dataset: { testid: 'releves' } },
    h('h2', { id: 'sec-releves', class: 'card-title' }, t('releves.title')),
    body);
}
