// @ts-check
/**
 * The client's exchange log on their record: what the broker noted (a call, a meeting, a letter,
 * an e-mail written elsewhere, a consent given or withdrawn), newest first, and « Noter un
 * échange ». Entries are append-only; the timeline shows them with the e-mails sent from
 * Courtier and the avis d'échéance sent. Test ids: `client-exchanges`, `client-exchange-row`,
 * `client-exchange-open`, `client-exchange-*` (the dialog's controls), `submit-client-exchange`.
 */
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { dateInput, errorLine, field, select, textArea, timeInput } from '../components/form.js';
import { toast } from '../components/toast.js';
import { CHANNEL_LABEL, composeAt, formatAt, labelOf, newestFirst } from '../claimView.js';
import { actionButton, optionsOf, runDialog, today } from './claim/kit.js';

/** @typedef {import('../api/types.js').ClientExchange} ClientExchange */
/** @typedef {import('../api/types.js').ExchangeKind} ExchangeKind */
/** @typedef {import('../api/types.js').Channel} Channel */
/** @typedef {import('../api/types.js').Direction} Direction */
/** @typedef {import('../api.js').ApiError} ApiError */

/** @type {Record<string, string>} */
export const EXCHANGE_KIND_LABEL = {
  echange: 'exchanges.kind.echange',
  consentement: 'exchanges.kind.consentement',
  opposition: 'exchanges.kind.opposition',
};

/** @type {Record<string, string>} who spoke first, in the client's terms */
export const EXCHANGE_DIRECTION_LABEL = {
  entrant: 'exchanges.direction.entrant',
  sortant: 'exchanges.direction.sortant',
};

/**
 * @param {{ api: import('../api.js').Api, clientId: number, isAlive: () => boolean, onSaved: () => void }} opts
 *   `onSaved`: the record is drawn again (the timeline shows the new entry).
 * @returns {HTMLElement}
 */
export function exchangesCard({ api, clientId, isAlive, onSaved }) {
  const body = h('div', null, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  api.clientExchanges(clientId).then((list) => {
    if (!isAlive()) return;
    replace(body, list.length === 0
      ? h('p', { class: 'muted' }, t('exchanges.none'))
      : h('table', { class: 'table table-compact' },
        h('caption', { class: 'visually-hidden' }, t('exchanges.caption')),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('exchanges.when')),
          h('th', { scope: 'col' }, t('exchanges.kind')),
          h('th', { scope: 'col' }, t('exchanges.channel')),
          h('th', { scope: 'col' }, t('exchanges.direction')),
          h('th', { scope: 'col' }, t('exchanges.summary')))),
        h('tbody', null, newestFirst(list).map((x) =>
          h('tr', { dataset: { testid: 'client-exchange-row', id: x.id } },
            h('td', { class: 'nowrap num' }, formatAt(x.at)),
            h('td', null, labelOf(EXCHANGE_KIND_LABEL, x.kind)),
            h('td', null, labelOf(CHANNEL_LABEL, x.channel)),
            h('td', null, labelOf(EXCHANGE_DIRECTION_LABEL, x.direction)),
            h('td', { class: 'claim-text' }, x.summary))))));
  }).catch((/** @type {ApiError} */ e) => {
    if (isAlive()) replace(body, h('p', { class: 'alert', role: 'alert' }, e.message));
  });
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-exchanges', dataset: { testid: 'client-exchanges' } },
    h('div', { class: 'card-head' },
      h('h2', { id: 'sec-exchanges', class: 'card-title' }, t('exchanges.title')),
      h('div', { class: 'actions-group no-print' },
        actionButton(t('exchanges.add'), 'client-exchange-open', () => exchangeDialog(api, clientId, isAlive, onSaved), 'plus'))),
    h('p', { class: 'hint' }, icon('lock'), ' ', t('exchanges.lead')),
    body);
}

/**
 * « Noter un échange »: what (exchange, consent, opposition), when (date, optional time), the
 * contract it is about (optional), channel, who spoke first, and what was said or consented.
 * @param {import('../api.js').Api} api
 * @param {number} clientId
 * @param {() => boolean} isAlive
 * @param {() => void} onSaved
 */
export async function exchangeDialog(api, clientId, isAlive, onSaved) {
  const contracts = await api.contractList(clientId).catch(() => []);
  const kind = select(optionsOf(EXCHANGE_KIND_LABEL), 'echange', 'client-exchange-kind');
  const date = dateInput(today(), 'client-exchange-date', { required: true });
  const time = timeInput('', 'client-exchange-time');
  const contract = select([
    ['', t('exchanges.contractNone')],
    ...contracts.map((k) => /** @type {[string, string]} */ ([String(k.id), `${k.insurer} n° ${k.number}`])),
  ], '', 'client-exchange-contract');
  const channel = select(optionsOf(CHANNEL_LABEL), 'telephone', 'client-exchange-channel');
  const direction = select(optionsOf(EXCHANGE_DIRECTION_LABEL), 'entrant', 'client-exchange-direction');
  const summary = textArea('', 'client-exchange-summary', { required: true, rows: 4 });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, t('exchanges.warning')),
    field(t('exchanges.kind'), kind),
    h('div', { class: 'field-row' },
      field(t('exchanges.date'), date),
      field(t('exchanges.time'), time, { size: 'sm' })),
    field(t('exchanges.contract'), contract),
    h('div', { class: 'field-row' },
      field(t('exchanges.channel'), channel),
      field(t('exchanges.direction'), direction)),
    field(t('exchanges.summary'), summary),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { kind, contractId: contract, channel, direction, summary };
  const r = await runDialog({
    title: t('exchanges.add'),
    body,
    line,
    confirmLabel: t('exchanges.submit'),
    confirmTestId: 'submit-client-exchange',
    controls: (p) => (p === 'at' ? (time.value && /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? time : date) : named[p]),
    check: () => (summary.value.trim() === '' ? { message: t('exchanges.summaryRequired'), control: summary } : null),
    send: () => api.clientExchangeAdd(clientId, {
      contractId: contract.value === '' ? null : Number(contract.value),
      at: composeAt(date.value, time.value),
      kind: /** @type {ExchangeKind} */ (kind.value),
      channel: /** @type {Channel} */ (channel.value),
      direction: /** @type {Direction} */ (direction.value),
      summary: summary.value.trim(),
    }),
  });
  if (!r || !isAlive()) return;
  onSaved();
  toast(t('exchanges.done'));
}
