// @ts-check
/**
 * The responsibility of a claim and its requalifications (each dated, the earlier ones
 * kept). Test ids: `claim-qualification`, `claim-requalify-open`, `submit-claim-requalify`.
 */
import { h } from '../../dom.js';
import { formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import { dateInput, errorLine, field, select, textInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { RESPONSIBILITY_LABEL, qualificationHistory, restrictResponsibility } from '../../coefficient.js';
import { textOrNull } from '../../contractInput.js';
import { labelOf } from '../../claimView.js';

import { actionButton, card, optionsOf, runDialog, today } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../../api/types.js').Responsibility} Responsibility */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimRecord} c
 * @param {ClaimContext} ctx
 */
export function responsibilityCard(c, ctx) {
  const withNotes = c.qualifications.length > 1 || c.qualifications.some((q) => q.note);
  return card('claim-sec-responsibility', t('claimPage.section.responsibility'),
    actionButton(t('claim.requalify'), 'claim-requalify-open', () => requalifyDialog(ctx, c)),
    { testid: 'claim-responsibility' },
    h('p', { class: 'claim-qualification', dataset: { testid: 'claim-qualification' } },
      qualificationHistory(c.qualifications) || labelOf(RESPONSIBILITY_LABEL, c.responsibility)),
    withNotes
      ? h('ol', { class: 'plain claim-history' }, c.qualifications.map((q) => h('li', null,
        h('span', { class: 'claim-history-date' }, formatDate(q.foundOn)),
        h('span', null, labelOf(RESPONSIBILITY_LABEL, q.responsibility)),
        q.note ? h('span', { class: 'muted claim-text' }, q.note) : null)))
      : null,
    h('p', { class: 'hint' }, t('claim.requalify.lead')));
}

/**
 * "Requalifier": a new qualification of the responsibility, dated; the earlier one is kept.
 * @param {ClaimContext} ctx
 * @param {ClaimRecord} c
 */
export async function requalifyDialog(ctx, c) {
  const resp = select(optionsOf(RESPONSIBILITY_LABEL), 'partial', 'requalify-responsibility');
  restrictResponsibility(resp, c.kind);
  const on = dateInput(today(), 'requalify-found-on', { required: true });
  const note = textInput('', 'requalify-note');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('claim.requalify.lead')),
    h('p', null, t('claimPage.requalify.current', { history: qualificationHistory(c.qualifications) || labelOf(RESPONSIBILITY_LABEL, c.responsibility) })),
    field(t('claim.responsibility'), resp),
    field(t('claim.foundOn'), on),
    field(t('claim.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { responsibility: resp, foundOn: on, note };
  const r = await runDialog({
    title: t('claim.requalify'),
    body,
    line,
    confirmLabel: t('claim.requalify'),
    confirmTestId: 'submit-claim-requalify',
    controls: (p) => named[p],
    send: () => ctx.api.claimRequalify(c.id, /** @type {Responsibility} */ (resp.value), on.value, textOrNull(note.value)),
  });
  if (!r || !ctx.alive()) return;
  await ctx.reload('claim-requalify-open');
  toast(t('claimPage.requalify.done'));
}
