// @ts-check
/**
 * A claim's exchange log (newest first, append-only) and "Consigner un échange".
 * Test ids: `claim-contact-row`, `claim-contact-open`, `submit-claim-contact`,
 * `claim-contact-time`…
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { dateInput, errorLine, field, select, textArea, timeInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import {
  CHANNEL_LABEL,
  DIRECTION_LABEL,
  PARTY_ROLE_LABEL,
  composeAt,
  formatAt,
  labelOf,
  newestFirst,
} from '../../claimView.js';

import { actionButton, card, optionsOf, runDialog, today } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../../api/types.js').Channel} Channel */
/** @typedef {import('../../api/types.js').Direction} Direction */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimRecord} c
 * @param {ClaimContext} ctx
 */
export function contactsCard(c, ctx) {
  const list = newestFirst(c.communications ?? []);
  /** @type {Map<number, import('../../api/types.js').PartyRecord>} */
  const parties = new Map((c.parties ?? []).map((p) => [p.id, p]));
  return card('claim-sec-contacts', t('claimPage.section.contacts'),
    actionButton(t('claimPage.contact.add'), 'claim-contact-open', () => contactDialog(ctx, c), 'plus'),
    { wide: true, testid: 'claim-contacts' },
    h('p', { class: 'hint claim-lead' }, icon('lock'), ' ', t('claimPage.contact.lead')),
    list.length === 0
      ? h('p', { class: 'muted' }, t('claimPage.contact.none'))
      : h('table', { class: 'table table-compact claim-table' },
        h('caption', { class: 'visually-hidden' }, t('claimPage.contact.caption')),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('claimPage.contact.when')),
          h('th', { scope: 'col' }, t('claimPage.contact.channel')),
          h('th', { scope: 'col' }, t('claimPage.contact.direction')),
          h('th', { scope: 'col' }, t('claimPage.contact.party')),
          h('th', { scope: 'col' }, t('claimPage.contact.summary')))),
        h('tbody', null, list.map((m) => {
          const p = m.partyId !== null ? parties.get(m.partyId) : undefined;
          return h('tr', { dataset: { testid: 'claim-contact-row', id: m.id } },
            h('td', { class: 'nowrap num' }, formatAt(m.at)),
            h('td', null, labelOf(CHANNEL_LABEL, m.channel)),
            h('td', null, labelOf(DIRECTION_LABEL, m.direction)),
            h('td', null, p
              ? [p.name, h('span', { class: 'muted' }, ` (${labelOf(PARTY_ROLE_LABEL, p.role)})`)]
              : m.partyId !== null ? t('claimPage.contact.partyNo', { id: m.partyId }) : h('span', { class: 'muted' }, t('claimPage.contact.partyNone'))),
            h('td', { class: 'claim-text' }, m.summary));
        }))));
}

/**
 * "Consigner un échange": with whom (optional), when (date, optional time), channel, direction
 * and summary. The log is append-only.
 * @param {ClaimContext} ctx
 * @param {ClaimRecord} c
 */
export async function contactDialog(ctx, c) {
  const party = select([
    ['', t('claimPage.contact.partyNone')],
    ...(c.parties ?? []).map((p) => /** @type {[string, string]} */ ([String(p.id), `${p.name} (${labelOf(PARTY_ROLE_LABEL, p.role)})`])),
  ], '', 'claim-contact-party');
  const date = dateInput(today(), 'claim-contact-date', { required: true });
  const time = timeInput('', 'claim-contact-time');
  const channel = select(optionsOf(CHANNEL_LABEL), 'telephone', 'claim-contact-channel');
  const direction = select(optionsOf(DIRECTION_LABEL), 'entrant', 'claim-contact-direction');
  const summary = textArea('', 'claim-contact-summary', { required: true, rows: 4 });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('claimPage.contact.warning')),
    field(t('claimPage.contact.party'), party),
    h('div', { class: 'field-row' },
      field(t('claimPage.contact.date'), date),
      field(t('claimPage.contact.time'), time, { size: 'sm' })),
    h('div', { class: 'field-row' },
      field(t('claimPage.contact.channel'), channel),
      field(t('claimPage.contact.direction'), direction)),
    field(t('claimPage.contact.summary'), summary),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { partyId: party, channel, direction, summary };
  const r = await runDialog({
    title: t('claimPage.contact.add'),
    body,
    line,
    confirmLabel: t('claimPage.contact.submit'),
    confirmTestId: 'submit-claim-contact',
    // `at` is the date and the time together: the time when one was typed and the date reads well.
    controls: (p) => (p === 'at' ? (time.value && /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? time : date) : named[p]),
    check: () => (summary.value.trim() === '' ? { message: t('claimPage.contact.summaryRequired'), control: summary } : null),
    send: () => ctx.api.claimCommunicationAdd(c.id, {
      partyId: party.value === '' ? null : Number(party.value),
      at: composeAt(date.value, time.value),
      channel: /** @type {Channel} */ (channel.value),
      direction: /** @type {Direction} */ (direction.value),
      summary: summary.value.trim(),
    }),
  });
  if (!r || !ctx.alive()) return;
  await ctx.reload('claim-contact-open');
  toast(t('claimPage.contact.done'));
}
