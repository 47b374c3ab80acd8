// @ts-check
/**
 * `#/contracts/:id`: a contract with its live bonus-malus coefficient: the coefficient in force,
 * its history as a small chart, the 0.50 protection and two-year counters, the projection to the
 * next échéance, the next premium, the papers to print and the avis d'échéance sent
 * (`contract/print.js`), the claims (declare, requalify) and the calculation note.
 * Recording or requalifying a claim re-renders at once from the recomputed record.
 *
 * Corrections: "Corriger" in the header (`contract-correct`) and on each vehicle row
 * (`vehicle-correct`) and driver row (`driver-correct`). Each correction shows as a discreet
 * "Corrigé le … — motif" line (`contract-revision`, `vehicle-revision`, `driver-revision`, in
 * lists `contract-revisions`, `vehicle-revisions`, `driver-revisions`) whose details list what
 * changed. A driver whose designation ended reads "jusqu’au …" and is muted (`data-ended`).
 */
import { documentsCard } from './documents.js';
import { remindersCard } from './reminders.js';
import { mailDialog } from './mail.js';
import { avisCard, printCard } from './contract/print.js';
import { h, replace, setTitle } from '../dom.js';
import { formatAmount, formatCoefficient, formatDate, isoDateOf } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { formDialog } from '../components/dialog.js';
import { dateField, nodeOf } from '../components/dateField.js';
import { errorLine, showError, uid } from '../components/form.js';
import { invalidField } from '../fieldError.js';
import { toast } from '../components/toast.js';
import { href } from '../router.js';
import { contractUpdateDialog } from './contract/terms.js';
import { replaceVehicleDialog, vehicleDialog, vehicleUpdateDialog } from './contract/vehicle.js';
import { driverDialog, driverUpdateDialog } from './contract/driver.js';
import { aggravationList, driverAggravationDialog, withdrawAggravationDialog } from './contract/aggravation.js';
import { surchargeText } from '../aggravationView.js';
import { avenantDialog, suspendDialog, terminateDialog } from './contract/lifecycle.js';
import { driverLabel, vehicleLabel } from '../claimView.js';
import { claimDefaults, yearTicks } from '../contractView.js';
import { contractRevisionViews, driverRevisionViews, vehicleRevisionViews } from '../revisions.js';
import { timelineSection } from './timeline.js';
import { revisionNotes } from '../components/revisionNotes.js';
import { DRIVER_ROLES, PRODUCTS } from '../contractInput.js';
import {
  CLAIM_KIND_LABEL,
  CLAIM_STATUS_LABEL,
  RESPONSIBILITY_LABEL,
  chartGeometry,
  qualificationHistory,
  restrictResponsibility,
} from '../coefficient.js';

/** @typedef {import('../api/types.js').ContractRecord} ContractRecord */
/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../revisions.js').RevisionView} RevisionView */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {...Element} children
 */
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/**
 * The coefficient history as a line chart, with a 1,00 reference line and a table for screen
 * readers and print.
 * @param {ContractRecord['coefficientHistory']} history
 */
function historyChart(history) {
  if (history.length === 0) return h('p', { class: 'muted' }, t('contract.history.none'));
  const W = 560;
  const H = 160;
  const P = 24;
  const g = chartGeometry(history, W, H, P);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'coef-chart', role: 'img', 'aria-label': t('contract.history.aria') },
    svg('line', { x1: P, x2: W - P, y1: g.oneY, y2: g.oneY, class: 'coef-ref' }),
    svg('line', { x1: P, x2: W - P, y1: g.floorY, y2: g.floorY, class: 'coef-floor' }),
    svg('polyline', { points: g.points.map((p) => `${p.x},${p.y}`).join(' '), class: 'coef-line' }),
    ...g.points.map((p) => svg('circle', { cx: p.x, cy: p.y, r: 3.5, class: 'coef-dot' }, svg('title', {}))),
  );
  chart.querySelectorAll('title').forEach((el, i) => { el.textContent = g.points[i].label; });
  // The years under the points, so the chart reads without its table.
  for (const tk of yearTicks(g.points, history.map((e) => e.echeance))) {
    const year = svg('text', { x: tk.x, y: H - 4, class: 'coef-axis coef-year', 'text-anchor': 'middle' });
    year.textContent = tk.year;
    chart.append(year);
  }
  const labels = svg('text', { x: 2, y: g.oneY + 4, class: 'coef-axis' });
  labels.textContent = '1,00';
  chart.append(labels);
  const floor = svg('text', { x: 2, y: g.floorY + 4, class: 'coef-axis' });
  floor.textContent = '0,50';
  chart.append(floor);
  const table = h('table', { class: 'table table-compact' },
    h('thead', null, h('tr', null, h('th', null, t('contract.history.echeance')), h('th', null, t('contract.history.period')), h('th', { class: 'num' }, t('contract.history.coefficient')))),
    h('tbody', null, [...history].reverse().map((e) => h('tr', null,
      h('td', null, formatDate(e.echeance)),
      // R13: an empty first period (first échéance within two months of the subscription).
      h('td', null, e.periodStart === e.periodEnd
        ? t('contract.history.emptyPeriod')
        : t('contract.history.range', { from: formatDate(e.periodStart), to: formatDate(dayBefore(e.periodEnd)) })),
      h('td', { class: 'num' }, formatCoefficient(e.coefficient))))));
  return h('div', null, chart, h('details', { class: 'coef-table' }, h('summary', null, t('contract.history.table')), table));
}

/**
 * The date of the contract's latest status change.
 * @param {ContractRecord} k
 */
function lastStatusDate(k) {
  const s = k.events.filter((e) => e.kind === 'status');
  return s.length ? s[s.length - 1].onDate : '';
}


/**
 * The day before an ISO date (period ends are exclusive).
 * @param {string} iso
 */
function dayBefore(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 */
export function mountContract(el, route, api) {
  const id = Number(route.params.id);
  let alive = true;
  /** @type {string | null} */
  let previousCoefficient = null;

  async function load() {
    replace(el, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
    try {
      const k = await api.contractGet(id);
      if (alive) render(k);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      replace(el, h('div', { class: 'alert', role: 'alert' }, err.message));
    }
  }

  /** The timeline card, kept across re-renders and refreshed after each change. */
  let timeline = /** @type {HTMLElement | null} */ (null);
  function freshTimeline() {
    timeline = timelineSection({ load: (q) => api.contractTimeline(id, q), perClient: false, isAlive: () => alive });
    return timeline;
  }

  /** @param {ContractRecord} k */
  function render(k) {
    setTitle(t('contract.title', { number: k.number }), t('app.name'));
    const p = k.projection;
    const changed = previousCoefficient !== null && p !== null && previousCoefficient !== p.ifNothingHappens;
    previousCoefficient = p ? p.ifNothingHappens : null;
    const counters = [];
    if (k.protectionActive) counters.push(h('p', { class: 'pill pill-ok' }, t('contract.protection')));
    counters.push(h('p', { class: 'muted' }, tn('contract.streak', k.claimFreeStreak)));
    if (!k.clauseApplies) counters.push(h('p', { class: 'muted' }, t('contract.outsideClause')));

    const terminated = k.status === 'resilie';
    const productKey = PRODUCTS.find(([v]) => v === k.product)?.[1];
    replace(el,
      h('div', { class: 'page-head' },
        h('a', { href: href('client', { id: k.clientId }), class: 'back-link no-print', dataset: { testid: 'contract-back-client' } },
          icon('back'), t('contract.backToClient', { name: k.clientName })),
        h('h1', { class: 'page-title' }, t('contract.heading', { insurer: k.insurer, number: k.number })),
        h('p', { class: 'contract-client', dataset: { testid: 'contract-client' } },
          t('contract.policyholder'), ' ', h('a', { href: href('client', { id: k.clientId }) }, k.clientName)),
        h('p', { class: 'muted' }, t('contract.subtitle', {
          product: productKey ? t(productKey) : k.product, since: formatDate(k.subscriptionDate), echeance: formatDate(k.firstEcheance).slice(0, 5),
        })),
        revisionNotes(contractRevisionViews(k), 'contract'),
        terminated ? h('p', { class: 'pill pill-warn', dataset: { testid: 'contract-terminated' } }, t('contract.terminated', { date: formatDate(lastStatusDate(k)) })) : null,
        h('div', { class: 'actions no-print' },
          h('button', {
            type: 'button', class: 'btn btn-small', dataset: { testid: 'contract-mail' },
            onclick: () => api.documentList('contract', k.id).catch(() => []).then((documents) => mailDialog(api, { contractId: k.id, documents })),
          }, t('mail.action')),
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => avenantDialog(api, k, render), dataset: { testid: 'contract-avenant' }, disabled: terminated }, t('contract.action.avenant')),
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => suspendDialog(api, k, render), dataset: { testid: 'contract-suspend' }, disabled: terminated }, t('contract.action.suspend')),
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => contractUpdateDialog(api, k, (updated) => { if (alive) render(updated); }), dataset: { testid: 'contract-correct' } }, t('correction.action')),
          h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', onclick: () => terminateDialog(api, k, render), dataset: { testid: 'contract-terminate' }, disabled: terminated }, t('contract.action.terminate')))),
      h('div', { class: 'record-grid' },
        h('section', { class: 'card', 'aria-labelledby': 'sec-coef' },
          h('h2', { id: 'sec-coef', class: 'card-title' }, t('contract.section.coefficient')),
          h('p', { class: 'coef-big', dataset: { testid: 'contract-coefficient' } }, formatCoefficient(k.coefficientInForce)),
          ...counters,
          p ? h('p', { class: changed ? 'projection flash' : 'projection', dataset: { testid: 'projection-next' } },
            t('contract.projection', {
              date: formatDate(p.nextEcheance),
              coef: formatCoefficient(p.ifNothingHappens),
            }),
            ' ',
            t('contract.simulation', {
              date: formatDate(p.claimCountsAt),
              full: formatCoefficient(p.withFullClaim),
              partial: formatCoefficient(p.withPartialClaim),
            })) : null),
        h('section', { class: 'card', 'aria-labelledby': 'sec-premium' },
          h('h2', { id: 'sec-premium', class: 'card-title' }, t('contract.section.premium')),
          k.nextPremium
            ? h('div', null,
              p ? h('p', { class: 'muted', dataset: { testid: 'premium-echeance' } }, t('contract.premium.at', { date: formatDate(p.nextEcheance) })) : null,
              h('p', { class: changed ? 'coef-big flash' : 'coef-big', dataset: { testid: 'contract-next-premium' } }, formatAmount(k.nextPremium.total)),
              h('p', { class: 'muted' }, Number(k.nextPremium.noviceRate) > 0
                ? t('contract.premium.detailNovice', {
                  ref: formatAmount(k.nextPremium.referenceModulated),
                  rate: k.nextPremium.noviceRate,
                  coef: formatCoefficient(k.nextPremium.coefficient),
                  after: formatAmount(k.nextPremium.afterCoefficient),
                  fixed: formatAmount(k.nextPremium.notModulated),
                })
                : t('contract.premium.detail', {
                  ref: formatAmount(k.nextPremium.referenceModulated),
                  coef: formatCoefficient(k.nextPremium.coefficient),
                  after: formatAmount(k.nextPremium.afterCoefficient),
                  fixed: formatAmount(k.nextPremium.notModulated),
                })),
              k.nextPremium.surcharges.length > 0
                ? h('ul', { class: 'plain', dataset: { testid: 'premium-surcharges' } }, k.nextPremium.surcharges.map((x) => h('li', { dataset: { testid: 'premium-surcharge', capped: x.capped ? 'true' : null } },
                  surchargeText(x),
                  x.note ? h('div', { class: 'muted' }, x.note) : null)))
                : null,
              k.nextPremium.surchargesCapped
                ? h('p', { class: 'pill pill-warn', dataset: { testid: 'premium-capped' } }, t('contract.premium.capped'))
                : null,
              h('ul', { class: 'plain' }, k.premiums.map((l) => h('li', null,
                `${l.guarantee} : ${formatAmount(l.amount)}`, l.modulated ? '' : ` (${t('contract.premium.notModulated')})`))))
            : h('p', { class: 'muted' }, t('contract.premium.none'))),
        printCard(api, k),
        avisCard(api, k),
        h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-history' },
          h('h2', { id: 'sec-history', class: 'card-title' }, t('contract.section.history')),
          historyChart(k.coefficientHistory)),
        documentsCard('contract', k.id, api),
        remindersCard({ api, owner: { contractId: k.id }, isAlive: () => alive }),
        h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-claims' },
          h('div', { class: 'card-head' },
            h('h2', { id: 'sec-claims', class: 'card-title' }, t('contract.section.claims')),
            h('button', { type: 'button', class: 'btn btn-primary btn-small no-print', onclick: () => declareClaim(k), dataset: { testid: 'declare-claim' } },
              icon('plus'), t('contract.declare'))),
          k.claims.length === 0
            ? h('p', { class: 'muted' }, t('contract.claims.none'))
            : h('table', { class: 'table' },
              h('thead', null, h('tr', null,
                h('th', null, t('claim.date')), h('th', null, t('claim.kind')), h('th', null, t('claim.responsibility')),
                h('th', null, t('claim.status')), h('th', { class: 'no-print' }, ''))),
              h('tbody', null, [...k.claims].reverse().map((c) => h('tr', { dataset: { testid: 'claim-row', id: c.id } },
                h('td', null, h('a', { href: href('claim', { id: c.id }), dataset: { testid: 'claim-link' } }, formatDate(c.occurredOn))),
                h('td', null, t(CLAIM_KIND_LABEL[c.kind] ?? 'claim.kind.accident'), c.description ? h('div', { class: 'muted' }, c.description) : null),
                h('td', null, qualificationHistory(c.qualifications)),
                h('td', null, t(CLAIM_STATUS_LABEL[c.status] ?? 'claim.status.declare')),
                h('td', { class: 'no-print' },
                  h('button', { type: 'button', class: 'btn btn-small', onclick: () => requalify(c), dataset: { testid: 'requalify-claim' } }, t('claim.requalify')))))))),
        vehiclesSection(k),
        h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-note' },
          h('div', { class: 'card-head' },
            h('h2', { id: 'sec-note', class: 'card-title' }, t('contract.section.note')),
            h('button', { type: 'button', class: 'btn btn-small no-print', onclick: () => window.print() }, icon('print'), t('record.print'))),
          h('pre', { class: 'calc-note', dataset: { testid: 'calculation-note' } }, k.note)),
        freshTimeline()));
  }

  /**
   * The vehicles (current and replaced, with the R16 decision) and the drivers (role, licence,
   * novice) of the contract, with their dialogs.
   * @param {ContractRecord} k
   */
  function vehiclesSection(k) {
    const reload = () => { if (alive) load(); };
    const current = k.vehicles.filter((v) => !v.toDate);
    const today = isoDateOf(new Date());
    return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-vehicles', dataset: { testid: 'contract-vehicles' } },
      h('div', { class: 'card-head' },
        h('h2', { id: 'sec-vehicles', class: 'card-title' }, t('contract.section.vehicles')),
        h('div', { class: 'actions-group no-print' },
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => vehicleDialog(api, k.id, reload), dataset: { testid: 'vehicle-add' } }, icon('plus'), t('contract.vehicle.add')),
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => driverDialog(api, k.id, reload), dataset: { testid: 'driver-add' } }, icon('plus'), t('contract.driver.add')))),
      k.vehicles.length === 0
        ? h('p', { class: 'muted' }, t('contract.vehicles.none'))
        : h('ul', { class: 'plain vehicle-list' }, [...k.vehicles].reverse().map((v) => h('li', { dataset: { testid: 'vehicle-row', id: v.id } },
          h('strong', null, v.registration), ' ', [v.make, v.model].filter(Boolean).join(' '),
          ' — ', v.toDate
            ? t('contract.vehicle.between', { from: formatDate(v.fromDate), to: formatDate(v.toDate) })
            : t('contract.vehicle.since', { from: formatDate(v.fromDate) }),
          v.transferNote ? h('p', { class: 'muted' }, v.transferNote) : null,
          !v.toDate && current.length > 0
            ? h('button', { type: 'button', class: 'btn btn-small no-print', onclick: () => replaceVehicleDialog(api, k.id, v, reload), dataset: { testid: 'vehicle-replace' } }, t('contract.vehicle.replace'))
            : null,
          h('button', {
            type: 'button', class: 'btn btn-small no-print', onclick: () => vehicleUpdateDialog(api, v, reload),
            'aria-label': t('correction.vehicle.aria', { vehicle: vehicleLabel(v) }), dataset: { testid: 'vehicle-correct' },
          }, t('correction.action')),
          revisionNotes(vehicleRevisionViews(v), 'vehicle')))),
      k.drivers.length === 0
        ? h('p', { class: 'muted' }, t('contract.drivers.none'))
        : h('ul', { class: 'plain driver-list' }, k.drivers.map((d) => {
          const ended = !!d.toDate && d.toDate <= today;
          return h('li', { class: ended ? 'driver-ended' : null, dataset: { testid: 'driver-row', id: d.id, ended: ended ? 'true' : null } },
            h('strong', null, [d.firstName, d.lastName].filter(Boolean).join(' ')),
            ` — ${t(DRIVER_ROLES.find(([r]) => r === d.role)?.[1] ?? 'driverForm.role.principal')}`,
            d.licenceDate ? `, ${t('contract.driver.licence', { date: formatDate(d.licenceDate) })}` : '',
            d.aac ? `, ${t('contract.driver.aac')}` : '',
            d.toDate ? h('span', { class: 'driver-until', dataset: { testid: 'driver-until' } }, `, ${t('correction.driver.until', { date: formatDate(d.toDate) })}`) : null,
            ended ? h('span', { class: 'visually-hidden' }, ` (${t('correction.driver.ended')})`) : null,
            d.novice && !ended ? h('span', { class: 'pill pill-warn' }, t('contract.driver.novice')) : null,
            h('button', {
              type: 'button', class: 'btn btn-small no-print', onclick: () => driverUpdateDialog(api, d, reload),
              'aria-label': t('correction.driver.aria', { driver: driverLabel(d) }), dataset: { testid: 'driver-correct' },
            }, t('correction.action')),
            h('button', {
              type: 'button', class: 'btn btn-small no-print', onclick: () => driverAggravationDialog(api, k, d, (r) => { if (alive) render(r); }),
              'aria-label': t('aggravation.add.driverAria', { driver: driverLabel(d) }), dataset: { testid: 'driver-aggravation' },
            }, t('aggravation.add.driver')),
            revisionNotes(driverRevisionViews(d), 'driver'),
            ...driverAggravations(k, d.id));
        })));
  }

  /**
   * The aggravating facts recorded on a driver, each with « Retirer ».
   * @param {ContractRecord} k
   * @param {number} driverId
   */
  function driverAggravations(k, driverId) {
    const mine = k.aggravations.filter((a) => a.driverId === driverId);
    if (mine.length === 0) return [];
    return [aggravationList(mine, (a) => withdrawAggravationDialog(api, a, (r) => { if (alive) render(r); }))];
  }

  /**
   * @param {string} label
   * @param {HTMLElement} control
   */
  function field(label, control) {
    if (!control.id) control.id = uid('c');
    return h('div', { class: 'field' }, h('label', { class: 'field-label', for: control.id }, label), nodeOf(control));
  }

  /**
   * @param {Record<string, string>} table
   * @param {string} [selected]
   * @param {import('../dom.js').Attrs} [attrs]
   */
  function select(table, selected, attrs = {}) {
    return h('select', attrs, Object.entries(table).map(([v, key]) => h('option', { value: v, selected: v === selected }, t(key))));
  }

  /**
   * A select of the contract's vehicles or drivers, « Non précisé » first, on `selected`.
   * @param {[string, string][]} options
   * @param {number | null} selected
   * @param {string} testid
   */
  function pick(options, selected, testid) {
    return h('select', { dataset: { testid } },
      h('option', { value: '' }, t('claim.notStated')),
      options.map(([v, label]) => h('option', { value: v, selected: v === String(selected) }, label)));
  }

  /** @param {ContractRecord} k */
  function declareClaim(k) {
    const today = isoDateOf(new Date());
    const defaults = claimDefaults(k, today);
    const date = dateField(today, 'claim-date', { required: true });
    const declaredOn = dateField(defaults.declaredOn, 'claim-declared-on');
    const kind = select(CLAIM_KIND_LABEL, 'accident', { dataset: { testid: 'claim-kind' } });
    const resp = select(RESPONSIBILITY_LABEL, 'full', { dataset: { testid: 'claim-responsibility' } });
    // Art. 7: a parked vehicle hit by an unidentified third party is « non responsable » only.
    kind.addEventListener('change', () => restrictResponsibility(/** @type {HTMLSelectElement} */ (resp), kind.value));
    const vehicle = pick(k.vehicles.filter((v) => !v.toDate || v.toDate > today).map((v) => [String(v.id), vehicleLabel(v)]), defaults.vehicleId, 'claim-vehicle');
    const driver = pick(k.drivers.filter((d) => !d.toDate || d.toDate > today).map((d) => [String(d.id), driverLabel(d)]), defaults.driverId, 'claim-driver');
    const description = h('input', { type: 'text', dataset: { testid: 'claim-description' } });
    const error = errorLine();
    formDialog({
      title: t('contract.declare'),
      body: h('div', { class: 'form-stack' },
        h('p', { class: 'muted' }, t('claim.declare.lead', { insurer: k.insurer, number: k.number, name: k.clientName })),
        h('div', { class: 'field-row' }, field(t('claim.date'), date), field(t('claim.declaredOn'), declaredOn)),
        field(t('claim.kind'), kind), field(t('claim.responsibility'), resp),
        h('div', { class: 'field-row' }, field(t('claim.vehicle'), vehicle), field(t('claim.driver'), driver)),
        field(t('claim.description'), description), error),
      confirmLabel: t('claim.submit'),
      confirmTestId: 'submit-claim',
      onConfirm: async () => {
        try {
          const updated = await api.claimCreate({
            contractId: k.id,
            occurredOn: date.value,
            declaredOn: declaredOn.value || null,
            vehicleId: vehicle.value ? Number(vehicle.value) : null,
            driverId: driver.value ? Number(driver.value) : null,
            kind: kind.value,
            responsibility: /** @type {import('../api/types.js').Responsibility} */ (resp.value),
            description: description.value.trim() || null,
          });
          if (alive) render(updated);
          toast(t('claim.recorded'));
          return true;
        } catch (e) {
          const err = /** @type {ApiError} */ (e);
          const f = invalidField(err.code)?.name;
          showError(error, err.message, f === 'occurredOn' ? date : f === 'declaredOn' ? declaredOn : f === 'vehicleId' ? vehicle : f === 'driverId' ? driver : f === 'kind' ? kind : f === 'responsibility' ? resp : f === 'description' ? description : null);
          return false;
        }
      },
    });
  }

  /** @param {ContractRecord['claims'][number]} c */
  function requalify(c) {
    const claimId = c.id;
    const resp = select(RESPONSIBILITY_LABEL, c.responsibility === 'partial' ? 'none' : 'partial', { dataset: { testid: 'requalify-responsibility' } });
    const on = dateField(isoDateOf(new Date()), 'requalify-date', { required: true });
    const note = h('input', { type: 'text' });
    const error = errorLine();
    formDialog({
      title: t('claim.requalify.title', { date: formatDate(c.occurredOn) }),
      body: h('div', { class: 'form-stack' },
        h('p', { dataset: { testid: 'requalify-which' } }, t('claim.requalify.which', {
          date: formatDate(c.occurredOn),
          kind: t(CLAIM_KIND_LABEL[c.kind] ?? 'claim.kind.accident'),
          current: qualificationHistory(c.qualifications) || t(RESPONSIBILITY_LABEL[c.responsibility] ?? 'claim.resp.none'),
        })),
        h('p', { class: 'muted' }, t('claim.requalify.lead')),
        field(t('claim.responsibility'), resp), field(t('claim.foundOn'), on), field(t('claim.note'), note), error),
      confirmLabel: t('claim.requalify'),
      onConfirm: async () => {
        try {
          const updated = await api.claimRequalify(claimId, /** @type {import('../api/types.js').Responsibility} */ (resp.value), on.value, note.value.trim() || null);
          if (alive) render(updated);
          return true;
        } catch (e) {
          const err = /** @type {ApiError} */ (e);
          const f = invalidField(err.code)?.name;
          showError(error, err.message, f === 'onDate' || f === 'foundOn' ? on : f === 'responsibility' ? resp : f === 'note' ? note : null);
          return false;
        }
      },
    });
  }

  load();
  return () => { alive = false; };
}
