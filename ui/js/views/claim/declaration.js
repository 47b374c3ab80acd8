// @ts-check
/**
 * The declared facts of a claim, every earlier correction of them (so nothing looks
 * silently overwritten), and "Corriger la déclaration" (only what changed is sent, with the
 * reason). Test ids: `claim-facts`, `claim-revision`, `claim-correct-open`,
 * `submit-claim-correct`, `claim-correct-reason`…
 */
import { h } from '../../dom.js';
import { formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import {
  dateInput,
  errorLine,
  field,
  select,
  textArea,
  textInput,
} from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { CLAIM_KIND_LABEL } from '../../coefficient.js';
import {
  claimUpdateOf,
  correctionFieldsOf,
  driverLabel,
  labelOf,
  revisionViews,
  vehicleLabel,
} from '../../claimView.js';

import { actionButton, card, fact, optionsOf, runDialog } from './kit.js';

/** @typedef {import('../../api/types.js').ClaimPage} ClaimPage */
/** @typedef {import('./kit.js').ClaimContext} ClaimContext */

/**
 * @param {ClaimPage} page
 * @param {ClaimContext} ctx
 */
export function declarationCard(page, ctx) {
  const c = page.claim;
  const vehicle = c.vehicleId ? page.vehicles.find((v) => v.id === c.vehicleId) : null;
  const driver = c.driverId ? page.drivers.find((d) => d.id === c.driverId) : null;
  const revisions = revisionViews(c, { vehicles: page.vehicles, drivers: page.drivers });
  return card('claim-sec-declaration', t('claimPage.section.declaration'),
    actionButton(t('claimPage.correct'), 'claim-correct-open', () => correctDialog(ctx, page), 'edit'),
    { testid: 'claim-declaration' },
    h('dl', { class: 'facts', dataset: { testid: 'claim-facts' } },
      fact(t('claimPage.occurredOn'), formatDate(c.occurredOn), 'claim-occurred-on'),
      fact(t('claimPage.declaredOn'), formatDate(c.declaredOn), 'claim-declared-on', 'f'),
      fact(t('claimPage.kind'), labelOf(CLAIM_KIND_LABEL, c.kind), 'claim-kind', 'f'),
      fact(t('claimPage.place'), c.place, 'claim-place'),
      fact(t('claimPage.description'), c.description ? h('span', { class: 'claim-text' }, c.description) : null, 'claim-description', 'fp'),
      fact(t('claimPage.insurerReference'), c.insurerReference, 'claim-insurer-reference', 'f'),
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

/**
 * "Corriger la déclaration": the declared facts, prefilled; only what changed is sent, with the
 * reason (required).
 * @param {ClaimContext} ctx
 * @param {ClaimPage} page
 */
export async function correctDialog(ctx, page) {
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
    send: () => ctx.api.claimUpdate(c.id, /** @type {ReturnType<typeof claimUpdateOf>} */ (built).update),
  });
  if (!r || !ctx.alive()) return;
  ctx.render(r.value, 'claim-correct-open');
  toast(t('claimPage.correct.done'));
}
