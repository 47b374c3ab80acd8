// @ts-check
/**
 * A claim's amounts: the estimate in force, the payments, the franchise, every dated
 * amount, and "Ajouter un montant". Test ids: `claim-estimated`, `claim-paid`,
 * `claim-franchise`, `claim-amount-row`, `claim-amount-open`, `submit-claim-amount`.
 */
import { h } from '../../dom.js';
import { formatAmount, formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import { dateInput, errorLine, field, select, textInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { amountText, textOrNull } from '../../contractInput.js';
import { AMOUNT_KIND_LABEL, labelOf } from '../../claimView.js';

import { actionButton, card, optionsOf, runDialog, today } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../../api/types.js').AmountKind} AmountKind */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimRecord} c
 * @param {ClaimContext} ctx
 */
export function amountsCard(c, ctx) {
  const amounts = c.amounts ?? [];
  return card('claim-sec-amounts', t('claimPage.section.amounts'),
    actionButton(t('claimPage.amount.add'), 'claim-amount-open', () => amountDialog(ctx), 'plus'),
    { testid: 'claim-amounts' },
    h('dl', { class: 'facts claim-totals' },
      h('dt', null, t('claimPage.amount.estimated')),
      h('dd', { class: c.estimated ? 'num' : 'muted', dataset: { testid: 'claim-estimated' } }, c.estimated ? formatAmount(c.estimated) : t('claimPage.amount.estimated.none')),
      h('dt', null, t('claimPage.amount.paid')),
      h('dd', { class: c.paid ? 'num' : 'muted', dataset: { testid: 'claim-paid' } }, c.paid ? formatAmount(c.paid) : t('claimPage.amount.paid.none')),
      h('dt', null, t('claimPage.amount.franchise')),
      h('dd', { class: c.franchise ? 'num' : 'muted', dataset: { testid: 'claim-franchise' } }, c.franchise ? formatAmount(c.franchise) : t('claimPage.amount.franchise.none'))),
    amounts.length === 0
      ? h('p', { class: 'muted' }, t('claimPage.amount.list.none'))
      : h('table', { class: 'table table-compact claim-table' },
        h('caption', { class: 'visually-hidden' }, t('claimPage.amount.caption')),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('claimPage.amount.date')),
          h('th', { scope: 'col' }, t('claimPage.amount.kind')),
          h('th', { scope: 'col', class: 'num' }, t('claimPage.amount.amount')),
          h('th', { scope: 'col' }, t('claimPage.amount.note')))),
        h('tbody', null, amounts.map((a) => h('tr', { dataset: { testid: 'claim-amount-row', kind: a.kind } },
          h('td', { class: 'nowrap' }, formatDate(a.onDate)),
          h('td', null, labelOf(AMOUNT_KIND_LABEL, a.kind)),
          h('td', { class: 'num nowrap' }, formatAmount(a.amount)),
          h('td', { class: 'claim-text' }, a.note ?? ''))))));
}

/**
 * "Ajouter un montant": estimate, payment or franchise; amount typed the French way.
 * @param {ClaimContext} ctx
 */
export async function amountDialog(ctx) {
  const kind = select(optionsOf(AMOUNT_KIND_LABEL), 'estimation', 'claim-amount-kind');
  const amount = textInput('', 'claim-amount-value', { required: true, inputmode: 'decimal', placeholder: '1 250,50' });
  const onDate = dateInput(today(), 'claim-amount-date', { required: true });
  const note = textInput('', 'claim-amount-note');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('claimPage.amount.lead')),
    h('div', { class: 'field-row' },
      field(t('claimPage.amount.kind'), kind),
      field(t('claimPage.amount.amount'), amount, { hint: t('claimPage.amount.hint') })),
    field(t('claimPage.amount.date'), onDate),
    field(t('claimPage.amount.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { kind, amount, onDate, note };
  const r = await runDialog({
    title: t('claimPage.amount.add'),
    body,
    line,
    confirmLabel: t('claimPage.amount.submit'),
    confirmTestId: 'submit-claim-amount',
    controls: (p) => named[p],
    send: () => ctx.api.claimAmountAdd(ctx.id, {
      kind: /** @type {AmountKind} */ (kind.value),
      amount: amountText(amount.value) ?? '',
      onDate: onDate.value,
      note: textOrNull(note.value),
    }),
  });
  if (!r || !ctx.alive()) return;
  ctx.render(r.value, 'claim-amount-open');
  toast(t('claimPage.amount.done'));
}
