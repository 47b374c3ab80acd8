// @ts-check
/**
 * How one calendar item reads: in a day cell of the month or week (a compact link: kind,
 * client, contract), and in the list (everything: client, contract, the coefficient now and at
 * the échéance, the premium change, the Chatel outcome and the rule it comes from). Every link
 * opens the contract page (click or Enter: it is an anchor).
 */
import { h } from '../dom.js';
import { formatAmount, formatCoefficient, formatDate } from '../format.js';
import { t } from '../i18n/index.js';
import { href } from '../router.js';

/** @typedef {import('../api/calendarTypes.js').CalendarItem} CalendarItem */

/** The label a broker reads for the contract of `i`. @param {CalendarItem} i */
export function openLabel(i) {
  return t('calendar.item.open', { number: i.contractNumber, client: i.clientName });
}

/** The short names of the kinds, for a chip (the whole label is in its tooltip). */
const SHORT_KIND = {
  echeance: 'calendar.kindShort.echeance',
  termination_deadline: 'calendar.kindShort.termination_deadline',
  avis_deadline: 'calendar.kindShort.avis_deadline',
  hamon_eligible: 'calendar.kindShort.hamon_eligible',
};

/**
 * The short name of an item's kind (« Échéance », « Limite résiliation »…); an unknown kind
 * keeps the backend's whole label.
 * @param {CalendarItem} i
 */
export function shortKind(i) {
  const key = /** @type {Record<string, string>} */ (SHORT_KIND)[i.kind];
  return key ? t(key) : i.kindLabel;
}

/**
 * The compact link of a day cell: the client's name first, on up to two lines (cut between
 * words, never inside one), then the kind and the contract number on a smaller line; the
 * tooltip gives the whole.
 * @param {CalendarItem} i
 */
export function chip(i) {
  return h('a', {
    href: href('contract', { id: i.contractId }),
    class: `cal-chip cal-${i.kind}`,
    title: `${i.kindLabel} — ${openLabel(i)}`,
    dataset: { testid: 'calendar-item', kind: i.kind, contract: i.contractId, date: i.date },
  },
  h('span', { class: 'cal-chip-who', dataset: { testid: 'calendar-item-client' } }, i.clientName),
  h('span', { class: 'cal-chip-what' },
    h('span', { class: 'cal-chip-kind' }, shortKind(i)), ' ',
    h('span', { class: 'cal-chip-number' }, i.contractNumber)));
}

/**
 * The coefficient line: now, and at the échéance when it is known.
 * @param {CalendarItem} i
 */
function coefficientLine(i) {
  if (i.coefficientAt && i.echeance) {
    return t('calendar.item.coefficientAt', {
      now: formatCoefficient(i.coefficientNow),
      at: formatCoefficient(i.coefficientAt),
      date: formatDate(i.echeance),
    });
  }
  return t('calendar.item.coefficient', { now: formatCoefficient(i.coefficientNow) });
}

/**
 * The full row of the list view.
 * @param {CalendarItem} i
 */
export function listRow(i) {
  const change = i.premiumChange ?? null;
  const up = change !== null && (i.premiumChangeCents ?? 0) > 0;
  return h('li', { class: `cal-row cal-${i.kind}`, dataset: { testid: 'calendar-row', kind: i.kind, contract: i.contractId } },
    h('div', { class: 'cal-row-head' },
      h('span', { class: 'cal-kind' }, i.kindLabel),
      h('a', { href: href('contract', { id: i.contractId }), class: 'cal-open', 'aria-label': openLabel(i), dataset: { testid: 'calendar-row-link' } },
        h('strong', null, i.clientName), ' — ', t('calendar.item.contract', { insurer: i.insurer, number: i.contractNumber }))),
    h('div', { class: 'cal-row-facts' },
      h('span', null, coefficientLine(i)),
      change !== null ? h('span', { class: up ? 'cal-up' : 'cal-down' }, t('calendar.item.premium', { change: (up ? '+' : '') + formatAmount(change.replace(/^\+/, '')) })) : null,
      i.hamonEligible ? h('span', { class: 'badge' }, t('calendar.item.hamon')) : null,
      i.clientHasOpenClaim ? h('span', { class: 'badge badge-warn' }, t('calendar.item.openClaim')) : null),
    i.chatel ? h('p', { class: 'cal-chatel' }, i.chatel) : null,
    h('p', { class: 'cal-rule muted' }, t('calendar.item.rule', { source: i.ruleSource })));
}
