// @ts-check
/**
 * The aggravating circumstances of a claim (art. A121-1-2): alcohol or drugs, hit-and-run, each
 * a dated fact with its surcharge and its end; « Ajouter une circonstance aggravante » and
 * « Retirer » (with the reason: the fact stays in the history). Both commands answer with the
 * page or the contract: the page is shown again. Test ids: `claim-aggravations`,
 * `claim-aggravation-open`, `claim-aggravation-fact`, `claim-aggravation-on-date`,
 * `claim-aggravation-note`, `submit-claim-aggravation`, rows `aggravation-row`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { dateInput, errorLine, field, select, textInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { CLAIM_FACTS, aggravationInputOf, factLabel } from '../../aggravationView.js';
import { aggravationList, withdrawAggravationDialog } from '../contract/aggravation.js';

import { actionButton, card, runDialog } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimPage} ClaimPage */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimPage} page
 * @param {ClaimContext} ctx
 */
export function aggravationsCard(page, ctx) {
  return card('claim-sec-aggravations', t('aggravation.section'),
    actionButton(t('aggravation.add'), 'claim-aggravation-open', () => addDialog(ctx, page), 'plus'),
    { testid: 'claim-aggravations' },
    page.aggravations.length === 0
      ? h('p', { class: 'muted' }, t('aggravation.none'))
      : aggravationList(page.aggravations, (a) => withdrawAggravationDialog(ctx.api, a, () => { if (ctx.alive()) ctx.reload('claim-aggravation-open'); })),
    h('p', { class: 'hint' }, t('aggravation.add.leadClaim')));
}

/**
 * « Ajouter une circonstance aggravante »: the fact, its date (empty: the claim's), a note.
 * @param {ClaimContext} ctx
 * @param {ClaimPage} page
 */
async function addDialog(ctx, page) {
  const fact = select(CLAIM_FACTS.map((f) => [f, factLabel(f)]), 'alcohol', 'claim-aggravation-fact');
  const onDate = dateInput('', 'claim-aggravation-on-date', { past: true });
  const note = textInput('', 'claim-aggravation-note');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('aggravation.add.leadClaim')),
    field(t('aggravation.field.fact'), fact),
    field(t('aggravation.field.onDate'), onDate, { hint: t('aggravation.field.onDateHintClaim'), size: 'md' }),
    field(t('aggravation.field.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { fact, onDate, note };
  const r = await runDialog({
    title: t('aggravation.add'),
    body,
    line,
    confirmLabel: t('aggravation.submit'),
    confirmTestId: 'submit-claim-aggravation',
    controls: (p) => named[p],
    send: () => ctx.api.claimAggravationAdd(page.claim.id, aggravationInputOf({
      fact: fact.value, onDate: onDate.value, lengthMode: 'months', months: '', from: '', to: '', causedBy: '', note: note.value,
    })),
  });
  if (!r || !ctx.alive()) return;
  ctx.render(r.value, 'claim-aggravation-open');
  toast(t('aggravation.done'));
}
