// @ts-check
/**
 * `#/claims/:id`: one claim's file. The header links back to the contract and the client and
 * shows the contract's coefficient; then the declaration (with "Corriger la déclaration" and
 * every earlier correction, so nothing looks silently overwritten), the responsibility and its
 * requalifications, the status workflow as a stepper, the amounts, the parties involved and the
 * exchange log (newest first, append-only).
 *
 * Each action opens a modal form (`formDialog`); a backend error is shown inside it and the
 * control named by its `invalid:<field>` code is flagged and focused. `claim_update` and
 * `claim_amount_add` answer with the page itself; the other commands answer with the whole
 * contract, so the page is reloaded with `claim_get` once their dialog has closed.
 *
 * Test ids: buttons `claim-correct-open`, `claim-requalify-open`, `claim-status-open`,
 * `claim-amount-open`, `claim-party-open`, `claim-contact-open`; submits `submit-claim-correct`,
 * `submit-claim-requalify`, `submit-claim-status`, `submit-claim-amount`, `submit-claim-party`,
 * `submit-claim-contact`; the error line of a dialog is `form-error`; every control has its own
 * (`claim-correct-reason`, `claim-status-select`, `claim-amount-value`, `claim-contact-time`…).
 * Read-only parts: `claim-heading`, `claim-coefficient`, `claim-facts`, `claim-revision`,
 * `claim-qualification`, `claim-stepper` (items carry `data-status` and `data-state`),
 * `claim-status-entry`, `claim-estimated`, `claim-paid`, `claim-franchise`, `claim-amount-row`,
 * `claim-party`, `claim-contact-row`.
 */
import { h, replace, setTitle } from '../dom.js';
import { formatAmount, formatCoefficient, formatDate, formatPhone, isoDateOf } from '../format.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { formDialog } from '../components/dialog.js';
import { clearError, dateInput, errorLine, field, select, showError, textArea, textInput } from '../components/form.js';
import { toast } from '../components/toast.js';
import { href } from '../router.js';
import { CLAIM_KIND_LABEL, CLAIM_STATUS_LABEL, RESPONSIBILITY_LABEL, qualificationHistory } from '../coefficient.js';
import { decimalText, fieldOfError, textOrNull } from '../contractInput.js';
import {
  AMOUNT_KIND_LABEL,
  CHANNEL_LABEL,
  CLAIM_STATUSES,
  CLAIM_STEPS,
  DIRECTION_LABEL,
  PARTY_ROLE_LABEL,
  claimUpdateOf,
  composeAt,
  correctionFieldsOf,
  driverLabel,
  formatAt,
  labelOf,
  lowerFirst,
  newestFirst,
  revisionViews,
  stepperState,
  vehicleLabel,
} from '../claimView.js';

/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../api/types.js').ClaimPage} ClaimPage */
/** @typedef {import('../api/types.js').ClaimRecord} ClaimRecord */
/** @typedef {import('../api/types.js').Responsibility} Responsibility */
/** @typedef {import('../api/types.js').ClaimStatus} ClaimStatus */
/** @typedef {import('../api/types.js').AmountKind} AmountKind */
/** @typedef {import('../api/types.js').PartyRole} PartyRole */
/** @typedef {import('../api/types.js').Channel} Channel */
/** @typedef {import('../api/types.js').Direction} Direction */
/** @typedef {import('../claimView.js').Step} Step */


/** @returns {string} */
const today = () => isoDateOf(new Date());

/**
 * A code → catalogue key table as select options.
 * @param {Record<string, string>} table
 * @returns {[string, string][]}
 */
const optionsOf = (table) => Object.entries(table).map(([v, key]) => [v, t(key)]);

/**
 * @template T
 * @typedef {object} DialogSpec
 * @property {string} title
 * @property {HTMLElement} body holds the controls and `line`
 * @property {HTMLElement} line the error line
 * @property {string} confirmLabel
 * @property {string} confirmTestId
 * @property {(path: string) => HTMLElement | null | undefined} controls form path → control
 * @property {() => { message: string, control: HTMLElement | null } | null} [check] a check made
 *   before sending (a required field left empty…)
 * @property {() => Promise<T>} send
 */

/**
 * Opens a form dialog; on submit, runs `check` then `send`: a failure is shown inside the dialog
 * (the control named by the backend's `invalid:<field>` code flagged and focused) and the dialog
 * stays open. Resolves with the command's result once the dialog closed, or null when dismissed.
 * @template T
 * @param {DialogSpec<T>} spec
 * @returns {Promise<{ value: T } | null>}
 */
async function runDialog(spec) {
  /** @type {{ value: T } | null} */
  let saved = null;
  const ok = await formDialog({
    title: spec.title,
    body: spec.body,
    confirmLabel: spec.confirmLabel,
    confirmTestId: spec.confirmTestId,
    onConfirm: async () => {
      clearError(spec.body, spec.line);
      const problem = spec.check?.() ?? null;
      if (problem) {
        showError(spec.line, problem.message, problem.control);
        return false;
      }
      try {
        saved = { value: await spec.send() };
        return true;
      } catch (e) {
        const err = /** @type {ApiError} */ (e);
        const path = fieldOfError(err.code);
        showError(spec.line, err.message, path ? spec.controls(path) : null);
        return false;
      }
    },
  });
  return ok ? saved : null;
}

/**
 * A term and its value in a definition list; an empty value reads "Non renseigné".
 * @param {string} term
 * @param {import('../dom.js').Child | import('../dom.js').Child[]} value
 * @param {string} [testid]
 */
function fact(term, value, testid) {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  return [
    h('dt', null, term),
    h('dd', { class: empty ? 'muted' : null, dataset: { testid } }, empty ? t('claimPage.none') : value),
  ];
}

/**
 * A card with its title and, on the right, its action button.
 * @param {string} id heading id
 * @param {string} title
 * @param {HTMLButtonElement | null} action
 * @param {{ wide?: boolean, testid?: string }} opts
 * @param {...(import('../dom.js').Child | import('../dom.js').Child[])} content
 */
function card(id, title, action, opts, ...content) {
  return h('section', { class: opts.wide ? 'card card-wide' : 'card', 'aria-labelledby': id, dataset: { testid: opts.testid } },
    h('div', { class: 'card-head' }, h('h2', { id, class: 'card-title' }, title), action),
    ...content);
}

/**
 * An action button of a card (hidden in print).
 * @param {string} label
 * @param {string} testid
 * @param {() => void} onclick
 * @param {string} [iconName]
 */
function actionButton(label, testid, onclick, iconName) {
  return h('button', { type: 'button', class: 'btn btn-small no-print', onclick, dataset: { testid } },
    iconName ? icon(iconName) : null, label);
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 */
export function mountClaim(el, route, api) {
  const id = Number(route.params.id);
  let alive = true;

  async function load() {
    replace(el, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
    try {
      const page = await api.claimGet(id);
      if (alive) render(page);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      setTitle(t('claimPage.loadError'), t('app.name'));
      replace(el,
        h('a', { href: href('claims'), class: 'back-link no-print' }, icon('back'), t('claimPage.backToList')),
        h('div', { class: 'alert', role: 'alert', dataset: { testid: 'claim-load-error' } }, err.message));
    }
  }

  /**
   * Reloads the page after a command that answered with the contract. The command succeeded:
   * a failure here is shown above the page, never in the (closed) dialog.
   * @param {string} focusTestId the button to give the focus back to
   */
  async function reload(focusTestId) {
    try {
      const page = await api.claimGet(id);
      if (alive) render(page, focusTestId);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      el.prepend(h('div', { class: 'alert', role: 'alert' }, t('claimPage.reloadError', { message: err.message })));
    }
  }

  /**
   * @param {ClaimPage} page
   * @param {string} [focusTestId] the button to focus once rendered (the one that opened a dialog)
   */
  function render(page, focusTestId) {
    const c = page.claim;
    const kind = lowerFirst(labelOf(CLAIM_KIND_LABEL, c.kind));
    setTitle(t('claimPage.title', { date: formatDate(c.occurredOn) }), t('app.name'));
    replace(el, h('div', { class: 'claim-page' },
      header(page, kind),
      h('div', { class: 'record-grid' },
        declarationCard(page),
        responsibilityCard(c),
        statusCard(c),
        amountsCard(c),
        partiesCard(c),
        contactsCard(c))));
    if (focusTestId) {
      const target = /** @type {HTMLElement | null} */ (el.querySelector(`[data-testid="${focusTestId}"]`));
      target?.focus();
    }
  }

  /**
   * @param {ClaimPage} page
   * @param {string} kind
   */
  function header(page, kind) {
    const c = page.claim;
    const subtitle = c.insurerReference
      ? t('claimPage.subtitleRef', { insurer: page.insurer, number: page.contractNumber, reference: c.insurerReference })
      : t('claimPage.subtitle', { insurer: page.insurer, number: page.contractNumber });
    const coefficient = (page.nextCoefficient
      ? t('claimPage.coefficient', { coef: formatCoefficient(page.coefficientInForce), next: formatCoefficient(page.nextCoefficient) })
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
        h('p', { class: 'page-subtitle' }, subtitle),
        h('p', { class: 'claim-coef', dataset: { testid: 'claim-coefficient' } }, coefficient)));
  }

  /** @param {ClaimPage} page */
  function declarationCard(page) {
    const c = page.claim;
    const vehicle = c.vehicleId ? page.vehicles.find((v) => v.id === c.vehicleId) : null;
    const driver = c.driverId ? page.drivers.find((d) => d.id === c.driverId) : null;
    const revisions = revisionViews(c, { vehicles: page.vehicles, drivers: page.drivers });
    return card('claim-sec-declaration', t('claimPage.section.declaration'),
      actionButton(t('claimPage.correct'), 'claim-correct-open', () => correctDialog(page), 'edit'),
      { testid: 'claim-declaration' },
      h('dl', { class: 'facts', dataset: { testid: 'claim-facts' } },
        fact(t('claimPage.occurredOn'), formatDate(c.occurredOn), 'claim-occurred-on'),
        fact(t('claimPage.declaredOn'), formatDate(c.declaredOn), 'claim-declared-on'),
        fact(t('claimPage.kind'), labelOf(CLAIM_KIND_LABEL, c.kind), 'claim-kind'),
        fact(t('claimPage.place'), c.place, 'claim-place'),
        fact(t('claimPage.description'), c.description ? h('span', { class: 'claim-text' }, c.description) : null, 'claim-description'),
        fact(t('claimPage.insurerReference'), c.insurerReference, 'claim-insurer-reference'),
        fact(t('claimPage.vehicle'), vehicle
          ? vehicleLabel(vehicle)
          : c.vehicleId ? t('claimPage.vehicle.unknown', { id: c.vehicleId }) : null, 'claim-vehicle'),
        fact(t('claimPage.driver'), driver
          ? driverLabel(driver)
          : c.driverId ? t('claimPage.driver.unknown', { id: c.driverId }) : null, 'claim-driver')),
      h('h3', { class: 'card-subtitle claim-subtitle' }, t('claimPage.revisions')),
      revisions.length === 0
        ? h('p', { class: 'muted', dataset: { testid: 'claim-revisions-none' } }, t('claimPage.revisions.none'))
        : h('ol', { class: 'plain claim-revisions', dataset: { testid: 'claim-revisions' } },
          revisions.map((r) => h('li', { dataset: { testid: 'claim-revision' } }, r.text))));
  }

  /** @param {ClaimRecord} c */
  function responsibilityCard(c) {
    const withNotes = c.qualifications.length > 1 || c.qualifications.some((q) => q.note);
    return card('claim-sec-responsibility', t('claimPage.section.responsibility'),
      actionButton(t('claim.requalify'), 'claim-requalify-open', () => requalifyDialog(c)),
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

  /** @param {ClaimRecord} c */
  function statusCard(c) {
    const { steps, refused } = stepperState(c.statuses ?? [], c.status);
    return card('claim-sec-status', t('claimPage.section.status'),
      actionButton(t('claimPage.status.change'), 'claim-status-open', () => statusDialog(c)),
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

  /** @param {ClaimRecord} c */
  function amountsCard(c) {
    const amounts = c.amounts ?? [];
    return card('claim-sec-amounts', t('claimPage.section.amounts'),
      actionButton(t('claimPage.amount.add'), 'claim-amount-open', () => amountDialog(), 'plus'),
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

  /** @param {ClaimRecord} c */
  function partiesCard(c) {
    const parties = c.parties ?? [];
    return card('claim-sec-parties', t('claimPage.section.parties'),
      actionButton(t('claimPage.party.add'), 'claim-party-open', () => partyDialog(), 'plus'),
      { testid: 'claim-parties' },
      parties.length === 0
        ? h('p', { class: 'muted' }, t('claimPage.party.none'))
        : h('ul', { class: 'claim-parties' }, parties.map((p) => h('li', { dataset: { testid: 'claim-party', id: p.id } },
          h('p', { class: 'claim-party-head' },
            h('span', { class: 'item-kind' }, labelOf(PARTY_ROLE_LABEL, p.role)),
            h('strong', { class: 'break' }, p.name)),
          h('dl', { class: 'facts claim-party-facts' },
            p.phone ? fact(t('claimPage.party.phone'), formatPhone(p.phone)) : null,
            p.email ? fact(t('claimPage.party.email'), h('span', { class: 'break' }, p.email)) : null,
            p.address ? fact(t('claimPage.party.address'), h('span', { class: 'claim-text' }, p.address)) : null,
            p.reference ? fact(t('claimPage.party.reference'), p.reference) : null)))));
  }

  /** @param {ClaimRecord} c */
  function contactsCard(c) {
    const list = newestFirst(c.communications ?? []);
    /** @type {Map<number, import('../api/types.js').PartyRecord>} */
    const parties = new Map((c.parties ?? []).map((p) => [p.id, p]));
    return card('claim-sec-contacts', t('claimPage.section.contacts'),
      actionButton(t('claimPage.contact.add'), 'claim-contact-open', () => contactDialog(c), 'plus'),
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

  // ----- Dialogs -----

  /**
   * "Corriger la déclaration": the declared facts, prefilled; only what changed is sent, with the
   * reason (required).
   * @param {ClaimPage} page
   */
  async function correctDialog(page) {
    const c = page.claim;
    const init = correctionFieldsOf(c);
    const occurredOn = dateInput(init.occurredOn, 'claim-correct-occurred-on', { required: true });
    const declaredOn = dateInput(init.declaredOn, 'claim-correct-declared-on');
    const kind = select(optionsOf(CLAIM_KIND_LABEL), init.kind, 'claim-correct-kind');
    const place = textInput(init.place, 'claim-correct-place');
    const description = textArea(init.description, 'claim-correct-description');
    const insurerReference = textInput(init.insurerReference, 'claim-correct-reference');
    const vehicle = select([
      ['', t('claimPage.correct.vehicleNone')],
      ...page.vehicles.map((v) => /** @type {[string, string]} */ ([String(v.id), v.toDate
        ? t('claimPage.vehicle.until', { label: vehicleLabel(v), date: formatDate(v.toDate) })
        : vehicleLabel(v)])),
    ], init.vehicleId, 'claim-correct-vehicle');
    const driver = select([
      ['', t('claimPage.correct.driverNone')],
      ...page.drivers.map((d) => /** @type {[string, string]} */ ([String(d.id), driverLabel(d)])),
    ], init.driverId, 'claim-correct-driver');
    const reason = textInput('', 'claim-correct-reason', { required: true });
    const line = errorLine();
    const body = h('div', { class: 'form-stack' },
      h('p', { class: 'muted' }, t('claimPage.correct.lead')),
      h('div', { class: 'field-row' },
        field(t('claimPage.occurredOn'), occurredOn),
        field(t('claimPage.declaredOn'), declaredOn)),
      field(t('claimPage.kind'), kind),
      field(t('claimPage.place'), place),
      field(t('claimPage.description'), description),
      field(t('claimPage.insurerReference'), insurerReference),
      field(t('claimPage.vehicle'), vehicle),
      field(t('claimPage.driver'), driver),
      field(t('claimPage.correct.reason'), reason, { hint: t('claimPage.correct.reasonHint') }),
      line);
    /** @type {Record<string, HTMLElement>} */
    const named = { occurredOn, declaredOn, kind, place, description, insurerReference, vehicleId: vehicle, driverId: driver, reason };
    /** @type {ReturnType<typeof claimUpdateOf> | null} */
    let built = null;
    const r = await runDialog({
      title: t('claimPage.correct'),
      body,
      line,
      confirmLabel: t('claimPage.correct.submit'),
      confirmTestId: 'submit-claim-correct',
      controls: (p) => named[p],
      check: () => {
        built = claimUpdateOf(c, {
          occurredOn: occurredOn.value,
          declaredOn: declaredOn.value,
          kind: kind.value,
          place: place.value,
          description: description.value,
          insurerReference: insurerReference.value,
          vehicleId: vehicle.value,
          driverId: driver.value,
          reason: reason.value,
        });
        if (built.changed.length === 0) return { message: t('claimPage.correct.noChange'), control: occurredOn };
        if (!built.update.reason) return { message: t('claimPage.correct.reasonRequired'), control: reason };
        return null;
      },
      send: () => api.claimUpdate(c.id, /** @type {ReturnType<typeof claimUpdateOf>} */ (built).update),
    });
    if (!r || !alive) return;
    render(r.value, 'claim-correct-open');
    toast(t('claimPage.correct.done'));
  }

  /**
   * "Requalifier": a new qualification of the responsibility, dated; the earlier one is kept.
   * @param {ClaimRecord} c
   */
  async function requalifyDialog(c) {
    const resp = select(optionsOf(RESPONSIBILITY_LABEL), 'partial', 'requalify-responsibility');
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
      send: () => api.claimRequalify(c.id, /** @type {Responsibility} */ (resp.value), on.value, textOrNull(note.value)),
    });
    if (!r || !alive) return;
    await reload('claim-requalify-open');
    toast(t('claimPage.requalify.done'));
  }

  /**
   * "Changer l'état": the new status (the next step by default), its date and a note.
   * @param {ClaimRecord} c
   */
  async function statusDialog(c) {
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
      send: () => api.claimSetStatus(c.id, /** @type {ClaimStatus} */ (status.value), onDate.value, textOrNull(note.value)),
    });
    if (!r || !alive) return;
    await reload('claim-status-open');
    toast(t('claimPage.status.done'));
  }

  /** "Ajouter un montant": estimate, payment or franchise; amount typed the French way. */
  async function amountDialog() {
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
      send: () => api.claimAmountAdd(id, {
        kind: /** @type {AmountKind} */ (kind.value),
        amount: decimalText(amount.value) ?? '',
        onDate: onDate.value,
        note: textOrNull(note.value),
      }),
    });
    if (!r || !alive) return;
    render(r.value, 'claim-amount-open');
    toast(t('claimPage.amount.done'));
  }

  /** "Ajouter un intervenant": expert, garage, other party, their insurer… */
  async function partyDialog() {
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
      send: () => api.claimPartyAdd(id, {
        role: /** @type {PartyRole} */ (role.value),
        name: name.value.trim(),
        phone: textOrNull(phone.value),
        email: textOrNull(email.value),
        address: textOrNull(address.value),
        reference: textOrNull(reference.value),
      }),
    });
    if (!r || !alive) return;
    await reload('claim-party-open');
    toast(t('claimPage.party.done'));
  }

  /**
   * "Consigner un échange": with whom (optional), when (date, optional time), channel, direction
   * and summary. The log is append-only.
   * @param {ClaimRecord} c
   */
  async function contactDialog(c) {
    const party = select([
      ['', t('claimPage.contact.partyNone')],
      ...(c.parties ?? []).map((p) => /** @type {[string, string]} */ ([String(p.id), `${p.name} (${labelOf(PARTY_ROLE_LABEL, p.role)})`])),
    ], '', 'claim-contact-party');
    const date = dateInput(today(), 'claim-contact-date', { required: true });
    const time = h('input', { type: 'time', value: '', dataset: { testid: 'claim-contact-time' } });
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
      send: () => api.claimCommunicationAdd(c.id, {
        partyId: party.value === '' ? null : Number(party.value),
        at: composeAt(date.value, time.value),
        channel: /** @type {Channel} */ (channel.value),
        direction: /** @type {Direction} */ (direction.value),
        summary: summary.value.trim(),
      }),
    });
    if (!r || !alive) return;
    await reload('claim-contact-open');
    toast(t('claimPage.contact.done'));
  }

  load();
  return () => { alive = false; };
}

/** @type {Record<import('../claimView.js').StepState, string>} */
const STEP_STATE_LABEL = {
  done: 'claimPage.step.state.done',
  current: 'claimPage.step.state.current',
  skipped: 'claimPage.step.state.skipped',
  todo: 'claimPage.step.state.todo',
};
