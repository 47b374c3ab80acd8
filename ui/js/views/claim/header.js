// @ts-check
/**
 * The claim page's header: back links to the contract and the client, the heading, the
 * insurer's reference, and the contract's coefficient (and the next one).
 * Test ids: `claim-back-contract`, `claim-back-client`, `claim-heading`, `claim-coefficient`.
 */
import { h } from '../../dom.js';
import { formatCoefficient, formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { href } from '../../router.js';

/** @typedef {import('../../api/types.js').ClaimPage} ClaimPage */

/**
 * @param {ClaimPage} page
 * @param {string} kind
 */
export function header(page, kind) {
  const c = page.claim;
  const subtitle = c.insurerReference
    ? t('claimPage.subtitleRef', { name: page.clientName, insurer: page.insurer, number: page.contractNumber, reference: c.insurerReference })
    : t('claimPage.subtitle', { name: page.clientName, insurer: page.insurer, number: page.contractNumber });
  const coefficient = (page.nextCoefficient
    ? t('claimPage.coefficient', { coef: formatCoefficient(page.coefficientInForce), next: formatCoefficient(page.nextCoefficient), date: formatDate(page.nextEcheance) })
    : t('claimPage.coefficientNoNext', { coef: formatCoefficient(page.coefficientInForce) }))
    + (page.clauseApplies ? '' : ` ${t('claimPage.outsideClause')}`);
  return h('header', { class: 'page-header claim-header' },
    h('div', null,
      h('nav', { class: 'claim-back no-print', 'aria-label': t('claimPage.backNav') },
        h('a', { href: href('contract', { id: page.contractId }), class: 'back-link', dataset: { testid: 'claim-back-contract' } },
          icon('back'), t('claimPage.backToContract', { number: page.contractNumber })),
        h('a', { href: href('client', { id: page.clientId }), class: 'back-link', dataset: { testid: 'claim-back-client' } },
          t('claimPage.backToClient', { name: page.clientName }))),
      h('h1', { class: 'page-title', dataset: { testid: 'claim-heading' } },
        t('claimPage.heading', { date: formatDate(c.occurredOn), kind })),
      h('p', { class: 'page-subtitle', dataset: { testid: 'claim-subtitle' } }, subtitle),
      h('p', { class: 'claim-coef', dataset: { testid: 'claim-coefficient' } }, coefficient)));
}
