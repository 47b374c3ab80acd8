// @ts-check
/**
 * The premium lines of a contract form (new contract, avenant) and the usual guarantees
 * suggested. Test ids: `premium-row`, `premium-guarantee`, `premium-amount`, `premium-modulated`
 * (each with `data-row`), `add-premium`, `remove-premium`.
 */
import { h } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { icon } from '../../components/icons.js';
import { check, field, textInput } from '../../components/form.js';
import { emptyPremium } from '../../contractInput.js';

/** Guarantees offered in the premium lines' suggestions. */
export const GUARANTEES = [
  'contractForm.guarantee.rc',
  'contractForm.guarantee.dommages',
  'contractForm.guarantee.volIncendie',
  'contractForm.guarantee.brisDeGlace',
  'contractForm.guarantee.conducteur',
  'contractForm.guarantee.assistance',
  'contractForm.guarantee.protectionJuridique',
];

/** @typedef {{ el: HTMLElement, guarantee: HTMLInputElement, amount: HTMLInputElement, modulated: HTMLInputElement, remove: HTMLButtonElement }} PremiumRow */

/**
 * The premium lines of a form: one row to start with, "Ajouter une garantie" adds one, each row
 * but the last can be removed. Shared by the new-contract and amendment dialogs.
 * @param {string} guaranteeListId the datalist of usual guarantees
 */
export function premiumEditor(guaranteeListId) {
  /** @type {PremiumRow[]} */
  const premiumRows = [];
  const rowsBox = h('div', { class: 'rows' });

  function renumber() {
    premiumRows.forEach((r, i) => {
      for (const el of [r.el, r.guarantee, r.amount, r.modulated, r.remove]) el.dataset.row = String(i);
      r.remove.disabled = premiumRows.length === 1;
      r.remove.setAttribute('aria-label', t('contractForm.premium.remove', { n: i + 1 }));
      r.remove.title = t('contractForm.premium.remove', { n: i + 1 });
    });
  }

  /** @param {boolean} focus */
  function addPremium(focus) {
    const p = emptyPremium();
    const guarantee = textInput(p.guarantee, 'premium-guarantee', { list: guaranteeListId });
    const amount = textInput(p.amount, 'premium-amount', { inputmode: 'decimal', placeholder: '350,00' });
    const modulated = h('input', { type: 'checkbox', checked: p.modulated, dataset: { testid: 'premium-modulated' } });
    const remove = h('button', { type: 'button', class: 'btn btn-icon btn-quiet row-remove', dataset: { testid: 'remove-premium' } }, '×');
    /** @type {PremiumRow} */
    const row = {
      el: h('div', { class: 'row-group', dataset: { testid: 'premium-row' } },
        h('div', { class: 'field-row' },
          field(t('contractForm.premium.guarantee'), guarantee, { size: 'md' }),
          field(t('contractForm.premium.amount'), amount, { size: 'sm' }),
          remove),
        h('p', null, check(t('contractForm.premium.modulated'), modulated))),
      guarantee, amount, modulated, remove,
    };
    remove.addEventListener('click', () => {
      if (premiumRows.length === 1) return;
      premiumRows.splice(premiumRows.indexOf(row), 1);
      row.el.remove();
      renumber();
      addButton.focus();
    });
    premiumRows.push(row);
    rowsBox.append(row.el);
    renumber();
    if (focus) guarantee.focus();
  }

  const addButton = h('button', { type: 'button', class: 'btn btn-small', onclick: () => addPremium(true), dataset: { testid: 'add-premium' } },
    icon('plus'), t('contractForm.premium.add'));
  addPremium(false);
  return {
    rowsBox,
    addButton,
    /** @returns {import('../../contractInput.js').PremiumFields[]} */
    values: () => premiumRows.map((r) => ({ guarantee: r.guarantee.value, amount: r.amount.value, modulated: r.modulated.checked })),
    /**
     * The control a form path names (`premiums.3.amount`), if it is one of the lines.
     * @param {string} path
     */
    control: (path) => {
      const m = /^premiums\.(\d+)\.(guarantee|amount)$/.exec(path);
      return m ? premiumRows[Number(m[1])]?.[/** @type {'guarantee' | 'amount'} */ (m[2])] : undefined;
    },
  };
}
