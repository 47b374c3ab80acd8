// @ts-check
/**
 * The status workflow of a claim as a stepper, its history, and "Changer l'état".
 * Test ids: `claim-stepper` (items carry `data-status` and `data-state`), `claim-status-entry`,
 * `claim-status-open`, `submit-claim-status`, `claim-status-select`.
 */
import { h } from '../../dom.js';
import { formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { dateInput, errorLine, field, select, textInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { CLAIM_STATUS_LABEL } from '../../coefficient.js';
import { textOrNull } from '../../contractInput.js';
import { CLAIM_STATUSES, CLAIM_STEPS, labelOf, stepperState } from '../../claimView.js';

import { actionButton, card, runDialog, today } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../../api/types.js').ClaimStatus} ClaimStatus */
/** @typedef {import('../../claimView.js').Step} Step */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * One step of the stepper.
 * @param {Step} s
 * @param {string} marker
 */
function stepItem(s, marker) {
  return h('li', {
    class: `step step-${s.state}${s.status === 'refuse' ? ' step-refused' : ''}`,
    'aria-current': s.state === 'current' ? 'step' : null,
    dataset: { status: s.status, state: s.state },
  },
  h('span', { class: 'step-marker', 'aria-hidden': 'true' }, s.state === 'done' ? icon('check') : marker),
  h('span', { class: 'step-label' }, s.label),
  h('span', { class: 'visually-hidden' }, ` (${t(s.status === 'refuse' && s.state === 'todo' ? 'claimPage.step.state.alternative' : STEP_STATE_LABEL[s.state])})`),
  h('span', { class: 'step-date' }, s.date ? formatDate(s.date) : ''));
}

/**
 * @param {ClaimRecord} c
 * @param {ClaimContext} ctx
 */
export function statusCard(c, ctx) {
  const { steps, refused } = stepperState(c.statuses ?? [], c.status);
  return card('claim-sec-status', t('claimPage.section.status'),
    actionButton(t('claimPage.status.change'), 'claim-status-open', () => statusDialog(ctx, c)),
    { wide: true, testid: 'claim-status' },
    h('ol', { class: 'claim-stepper', 'aria-label': t('claimPage.stepper.aria'), dataset: { testid: 'claim-stepper' } },
      steps.map((s, i) => stepItem(s, String(i + 1)))),
    h('div', { class: 'claim-stepper-alt' },
      h('span', { class: 'muted' }, t('claimPage.step.or')),
      h('ol', { class: 'claim-stepper claim-stepper-single', dataset: { testid: 'claim-stepper-refused' } }, stepItem(refused, '×'))),
    (c.statuses ?? []).length === 0
      ? null
      : h('div', { class: 'claim-status-history' },
        h('h3', { class: 'card-subtitle claim-subtitle' }, t('claimPage.status.history')),
        h('ol', { class: 'plain claim-history' }, (c.statuses ?? []).map((s) => h('li', { dataset: { testid: 'claim-status-entry' } },
          h('span', { class: 'claim-history-date' }, formatDate(s.onDate)),
          h('span', null, labelOf(CLAIM_STATUS_LABEL, s.status)),
          s.note ? h('span', { class: 'muted claim-text' }, s.note) : null)))));
}

/**
 * "Changer l'état": the new status (the next step by default), its date and a note.
 * @param {ClaimContext} ctx
 * @param {ClaimRecord} c
 */
export async function statusDialog(ctx, c) {
  const ci = CLAIM_STEPS.indexOf(/** @type {any} */ (c.status));
  const next = ci >= 0 && ci < CLAIM_STEPS.length - 1 ? CLAIM_STEPS[ci + 1] : c.status;
  const status = select(CLAIM_STATUSES.map((s) => [s, labelOf(CLAIM_STATUS_LABEL, s)]), next, 'claim-status-select');
  const onDate = dateInput(today(), 'claim-status-date', { required: true });
  const note = textInput('', 'claim-status-note');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('claimPage.status.lead', { status: labelOf(CLAIM_STATUS_LABEL, c.status) })),
    h('div', { class: 'field-row' },
      field(t('claimPage.status.new'), status),
      field(t('claimPage.status.date'), onDate)),
    field(t('claimPage.status.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { status, onDate, note };
  const r = await runDialog({
    title: t('claimPage.status.change'),
    body,
    line,
    confirmLabel: t('claimPage.status.submit'),
    confirmTestId: 'submit-claim-status',
    controls: (p) => named[p],
    send: () => ctx.api.claimSetStatus(c.id, /** @type {ClaimStatus} */ (status.value), onDate.value, textOrNull(note.value)),
  });
  if (!r || !ctx.alive()) return;
  await ctx.reload('claim-status-open');
  toast(t('claimPage.status.done'));
}

/** @type {Record<import('../../claimView.js').StepState, string>} */
const STEP_STATE_LABEL = {
  done: 'claimPage.step.state.done',
  current: 'claimPage.step.state.current',
  skipped: 'claimPage.step.state.skipped',
  todo: 'claimPage.step.state.todo',
};
