// @ts-check
/**
 * `#/claims/:id`: one claim's file. The header links back to the contract and the client and
 * shows the contract's coefficient; then the declaration (with "Corriger la déclaration" and
 * every earlier correction, so nothing looks silently overwritten), the responsibility and its
 * requalifications, the status workflow as a stepper, the amounts, the parties involved and the
 * exchange log (newest first, append-only).
 *
 * Each action opens a modal form (`formDialog`); a backend error is shown inside it and the
 * control named by its `invalid:<field>` code is flagged and focused. `claim_update` and
 * `claim_amount_add` answer with the page itself; the other commands answer with the whole
 * contract, so the page is reloaded with `claim_get` once their dialog has closed.
 *
 * The sections and their dialogs are in `claim/` (one concern each: header, declaration,
 * responsibility, status, amounts, parties, exchanges); this view loads the page and mounts them.
 *
 * Test ids: buttons `claim-correct-open`, `claim-requalify-open`, `claim-status-open`,
 * `claim-amount-open`, `claim-party-open`, `claim-contact-open`; submits `submit-claim-correct`,
 * `submit-claim-requalify`, `submit-claim-status`, `submit-claim-amount`, `submit-claim-party`,
 * `submit-claim-contact`; the error line of a dialog is `form-error`; every control has its own
 * (`claim-correct-reason`, `claim-status-select`, `claim-amount-value`, `claim-contact-time`…).
 * Read-only parts: `claim-heading`, `claim-coefficient`, `claim-facts`, `claim-revision`,
 * `claim-qualification`, `claim-stepper` (items carry `data-status` and `data-state`),
 * `claim-status-entry`, `claim-estimated`, `claim-paid`, `claim-franchise`, `claim-amount-row`,
 * `claim-party`, `claim-contact-row`; the aggravating circumstances `claim-aggravations` (see
 * `claim/aggravations.js`).
 */
import { h, replace, setTitle } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { href } from '../router.js';
import { CLAIM_KIND_LABEL } from '../coefficient.js';
import { labelOf, lowerFirst } from '../claimView.js';
import { header } from './claim/header.js';
import { declarationCard } from './claim/declaration.js';
import { responsibilityCard } from './claim/responsibility.js';
import { statusCard } from './claim/status.js';
import { amountsCard } from './claim/amounts.js';
import { partiesCard } from './claim/parties.js';
import { contactsCard } from './claim/exchanges.js';
import { aggravationsCard } from './claim/aggravations.js';
import { documentsCard } from './documents.js';
import { remindersCard } from './reminders.js';
import { mailDialog } from './mail.js';

/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../api/types.js').ClaimPage} ClaimPage */
/** @typedef {import('./claim/kit.js').ClaimContext} ClaimContext */

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 */
export function mountClaim(el, route, api) {
  const id = Number(route.params.id);
  let alive = true;
  /** @type {ClaimContext} */
  const ctx = { api, id, alive: () => alive, render: (page, focusTestId) => render(page, focusTestId), reload: (focusTestId) => reload(focusTestId) };

  async function load() {
    replace(el, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
    try {
      const page = await api.claimGet(id);
      if (alive) render(page);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      setTitle(t('claimPage.loadError'), t('app.name'));
      replace(el,
        h('a', { href: href('claims'), class: 'back-link no-print' }, icon('back'), t('claimPage.backToList')),
        h('div', { class: 'alert', role: 'alert', dataset: { testid: 'claim-load-error' } }, err.message));
    }
  }

  /**
   * Reloads the page after a command that answered with the contract. The command succeeded:
   * a failure here is shown above the page, never in the (closed) dialog.
   * @param {string} focusTestId the button to give the focus back to
   */
  async function reload(focusTestId) {
    try {
      const page = await api.claimGet(id);
      if (alive) render(page, focusTestId);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      el.prepend(h('div', { class: 'alert', role: 'alert' }, t('claimPage.reloadError', { message: err.message })));
    }
  }

  /**
   * @param {ClaimPage} page
   * @param {string} [focusTestId] the button to focus once rendered (the one that opened a dialog)
   */
  function render(page, focusTestId) {
    const c = page.claim;
    const kind = lowerFirst(labelOf(CLAIM_KIND_LABEL, c.kind));
    setTitle(t('claimPage.title', { date: formatDate(c.occurredOn) }), t('app.name'));
    replace(el, h('div', { class: 'claim-page' },
      header(page, kind),
      h('div', { class: 'actions no-print' },
        h('button', {
          type: 'button', class: 'btn btn-small', dataset: { testid: 'claim-mail' },
          onclick: () => api.documentList('claim', c.id).catch(() => []).then((documents) => mailDialog(api, { contractId: page.contractId, claimId: c.id, documents })),
        }, t('mail.action'))),
      h('div', { class: 'record-grid' },
        declarationCard(page, ctx),
        responsibilityCard(c, ctx),
        aggravationsCard(page, ctx),
        statusCard(c, ctx),
        amountsCard(c, ctx),
        partiesCard(c, ctx),
        contactsCard(c, ctx),
        documentsCard('claim', id, api),
        remindersCard({ api, owner: { claimId: id }, isAlive: () => alive }))));
    if (focusTestId) {
      const target = /** @type {HTMLElement | null} */ (el.querySelector(`[data-testid="${focusTestId}"]`));
      target?.focus();
    }
  }

load();
  return () => { alive = false; };
}
