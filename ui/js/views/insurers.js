// @ts-check
/**
 * `#/insurers` (under Paramètres): the agency's insurers by name — address, e-mail, phone, the
 * e-mail where to ask for relevés d'information (a `mailto:` link), the number of contracts held
 * with each — with "Nouvel assureur" and a "Modifier" button per row (dialogs in
 * `insurerForms.js`). An insurer that was changed has a discreet "Corrigé le … — motif" line
 * under its row, opening on what changed.
 *
 * Test ids: `insurer-new`, `insurers-table`, rows `insurer-row` (with `data-id`), their
 * `insurer-edit` buttons (with `data-id`) and `insurer-contracts` cells; the other cells have
 * `data-col` (`name`, `address`, `email`, `phone`, `releveEmail`: the test ids `insurer-name`…
 * belong to the dialogs' controls); the changes of an insurer `insurer-revisions` (with
 * `data-id`), each `insurer-revision`; `insurers-empty` when there is none.
 */
import { emailNode, h, replace, setTitle } from '../dom.js';
import { formatCount, formatPhone } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { href } from '../router.js';
import { insurerAddress, insurerRevisionViews } from '../insurerInput.js';
import { insurerCreateDialog, insurerEditDialog } from './insurerForms.js';

/** @typedef {import('../api/types.js').InsurerRecord} InsurerRecord */
/** @typedef {import('../api.js').ApiError} ApiError */

/** Columns of the table (the revisions line spans them all). */
const COLUMNS = 7;

/**
 * @param {string | null | undefined} v
 * @returns {string | HTMLElement}
 */
const orNone = (v) => (v ? v : h('span', { class: 'muted' }, t('insurers.none')));

/**
 * The changes of an insurer, one line each under its row; nothing when there is none.
 * @param {InsurerRecord} r
 */
function revisionRow(r) {
  const views = insurerRevisionViews(r);
  if (views.length === 0) return null;
  return h('tr', { class: 'insurer-revisions-row', dataset: { testid: 'insurer-revisions', id: r.id } },
    h('td', { colspan: COLUMNS },
      h('ul', { class: 'plain revision-notes', 'aria-label': t('insurers.revisions', { name: r.name }) },
        views.map((v) => h('li', { dataset: { testid: 'insurer-revision' } },
          v.changes.length === 0
            ? h('span', { class: 'revision-summary' }, v.summary)
            : h('details', null,
              h('summary', { class: 'revision-summary' }, v.summary),
              h('ul', { class: 'plain revision-changes' }, v.changes.map((c) => h('li', { dataset: { field: c.field } }, c.text)))))))));
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountInsurers(el, _route, api) {
  let alive = true;
  setTitle(t('insurers.title'), t('app.name'));
  const count = h('p', { class: 'page-subtitle', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'insurers', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const newButton = h('button', { type: 'button', class: 'btn btn-primary', dataset: { testid: 'insurer-new' } }, icon('plus'), t('insurers.new'));
  newButton.addEventListener('click', () => {
    insurerCreateDialog(api, (r) => { if (alive) load(r.id); });
  });
  el.append(
    h('header', { class: 'page-header' },
      h('div', null,
        h('a', { href: href('settings'), class: 'back-link no-print' }, icon('back'), t('insurers.back')),
        h('h1', { class: 'page-title' }, t('insurers.title')),
        h('p', { class: 'page-subtitle' }, t('insurers.lead')),
        count),
      h('div', { class: 'page-actions no-print' }, newButton)),
    body);

  /**
   * @param {InsurerRecord[]} list
   * @param {number | null} focusId the insurer whose "Modifier" button gets the focus
   */
  function render(list, focusId) {
    body.setAttribute('aria-busy', 'false');
    count.textContent = tn('insurers.count', list.length, { n: formatCount(list.length) });
    if (list.length === 0) {
      replace(body, h('div', { class: 'empty-state', dataset: { testid: 'insurers-empty' } }, h('p', null, t('insurers.empty'))));
      return;
    }
    /** @type {HTMLButtonElement | null} */
    let toFocus = null;
    const rows = list.flatMap((r) => {
      const edit = h('button', {
        type: 'button',
        class: 'btn btn-small',
        'aria-label': t('insurers.editAria', { name: r.name }),
        dataset: { testid: 'insurer-edit', id: r.id },
      }, icon('edit'), t('insurers.edit'));
      edit.addEventListener('click', () => {
        insurerEditDialog(api, r, (updated) => { if (alive) load(updated.id); });
      });
      if (r.id === focusId) toFocus = edit;
      const revisions = revisionRow(r);
      const address = insurerAddress(r);
      return [
        h('tr', { class: revisions ? 'insurer-row insurer-row-revised' : 'insurer-row', dataset: { testid: 'insurer-row', id: r.id } },
          h('th', { scope: 'row', class: 'insurer-name', dataset: { col: 'name' } }, r.name),
          h('td', { class: 'insurer-address', dataset: { col: 'address' } }, orNone(address)),
          h('td', { class: 'insurer-email', dataset: { col: 'email' } }, r.email ? emailNode(r.email) : orNone(null)),
          h('td', { class: 'insurer-phone num', dataset: { col: 'phone' } }, orNone(formatPhone(r.phone))),
          h('td', { class: 'insurer-email', dataset: { col: 'releveEmail' } },
            r.releveEmail
              ? emailNode(r.releveEmail, { href: `mailto:${r.releveEmail}`, title: t('insurers.releveTitle', { email: r.releveEmail }) })
              : orNone(null)),
          h('td', { class: 'num', dataset: { col: 'contracts', testid: 'insurer-contracts' } }, formatCount(r.contracts ?? 0)),
          h('td', { class: 'insurer-actions no-print' }, edit)),
        revisions,
      ];
    });
    replace(body,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'table insurers-table', dataset: { testid: 'insurers-table' } },
          h('caption', { class: 'visually-hidden' }, t('insurers.caption')),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('insurers.col.name')),
            h('th', { scope: 'col' }, t('insurers.col.address')),
            h('th', { scope: 'col' }, t('insurers.col.email')),
            h('th', { scope: 'col' }, t('insurers.col.phone')),
            h('th', { scope: 'col' }, t('insurers.col.releveEmail')),
            h('th', { scope: 'col', class: 'num' }, t('insurers.col.contracts')),
            h('th', { scope: 'col', class: 'no-print' }, h('span', { class: 'visually-hidden' }, t('insurers.col.actions'))))),
          h('tbody', null, rows))));
    /** @type {HTMLButtonElement | null} */ (toFocus)?.focus();
  }

  /** @param {number | null} [focusId] */
  function load(focusId = null) {
    body.setAttribute('aria-busy', 'true');
    api.insurerList().then(
      (list) => { if (alive) render(list, focusId); },
      (e) => {
        if (!alive) return;
        const err = /** @type {ApiError} */ (e);
        body.setAttribute('aria-busy', 'false');
        replace(body, h('div', { class: 'alert', role: 'alert' }, err.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: err.code }))));
      },
    );
  }
  load();
  return () => {
    alive = false;
  };
}
