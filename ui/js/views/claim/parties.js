// @ts-check
/**
 * The parties involved in a claim (expert, garage, other party…) and "Ajouter un
 * intervenant". Test ids: `claim-party`, `claim-party-open`, `submit-claim-party`.
 */
import { emailNode, h } from '../../dom.js';
import { formatPhone } from '../../format.js';
import { t } from '../../i18n/index.js';
import { errorLine, field, select, textArea, textInput } from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { textOrNull } from '../../contractInput.js';
import { PARTY_ROLE_LABEL, labelOf } from '../../claimView.js';

import { actionButton, card, fact, optionsOf, runDialog } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../../api/types.js').PartyRole} PartyRole */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimRecord} c
 * @param {ClaimContext} ctx
 */
export function partiesCard(c, ctx) {
  const parties = c.parties ?? [];
  return card('claim-sec-parties', t('claimPage.section.parties'),
    actionButton(t('claimPage.party.add'), 'claim-party-open', () => partyDialog(ctx), 'plus'),
    { testid: 'claim-parties' },
    parties.length === 0
      ? h('p', { class: 'muted' }, t('claimPage.party.none'))
      : h('ul', { class: 'claim-parties' }, parties.map((p) => h('li', { dataset: { testid: 'claim-party', id: p.id } },
        h('p', { class: 'claim-party-head' },
          h('span', { class: 'item-kind' }, labelOf(PARTY_ROLE_LABEL, p.role)),
          h('strong', { class: 'break' }, p.name)),
        h('dl', { class: 'facts claim-party-facts' },
          p.phone ? fact(t('claimPage.party.phone'), formatPhone(p.phone)) : null,
          p.email ? fact(t('claimPage.party.email'), emailNode(p.email)) : null,
          p.address ? fact(t('claimPage.party.address'), h('span', { class: 'claim-text' }, p.address)) : null,
          p.reference ? fact(t('claimPage.party.reference'), p.reference) : null)))));
}

/**
 * "Ajouter un intervenant": expert, garage, other party, their insurer…
 * @param {ClaimContext} ctx
 */
export async function partyDialog(ctx) {
  const role = select(optionsOf(PARTY_ROLE_LABEL), 'expert', 'claim-party-role');
  const name = textInput('', 'claim-party-name', { required: true });
  const phone = textInput('', 'claim-party-phone', { type: 'tel', inputmode: 'tel' });
  const email = textInput('', 'claim-party-email', { inputmode: 'email', autocapitalize: 'off', spellcheck: 'false' });
  const address = textArea('', 'claim-party-address', { rows: 2 });
  const reference = textInput('', 'claim-party-reference');
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    field(t('claimPage.party.role'), role),
    field(t('claimPage.party.name'), name),
    h('div', { class: 'field-row' },
      field(t('claimPage.party.phone'), phone),
      field(t('claimPage.party.email'), email)),
    field(t('claimPage.party.address'), address),
    field(t('claimPage.party.reference'), reference),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { role, name, phone, email, address, reference };
  const r = await runDialog({
    title: t('claimPage.party.add'),
    body,
    line,
    confirmLabel: t('claimPage.party.submit'),
    confirmTestId: 'submit-claim-party',
    controls: (p) => named[p],
    check: () => (name.value.trim() === '' ? { message: t('claimPage.party.nameRequired'), control: name } : null),
    send: () => ctx.api.claimPartyAdd(ctx.id, {
      role: /** @type {PartyRole} */ (role.value),
      name: name.value.trim(),
      phone: textOrNull(phone.value),
      email: textOrNull(email.value),
      address: textOrNull(address.value),
      reference: textOrNull(reference.value),
    }),
  });
  if (!r || !ctx.alive()) return;
  await ctx.reload('claim-party-open');
  toast(t('claimPage.party.done'));
}
