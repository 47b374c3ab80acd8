// @ts-check
/**
 * What the contract dialogs share: running a command from a form dialog (its errors shown
 * inside, next to the control named by the `invalid:<field>` code), the success toast, the
 * select of catalogue labels, today's date, and the correction dialogs' reason and "nothing
 * changed" check (also used by the insurer dialog). `submit` and `run` are re-exported from
 * `components/formSubmit.js`.
 */
import { h } from '../../dom.js';
import { isoDateOf } from '../../format.js';
import { t } from '../../i18n/index.js';
import {
  clearError,
  dateInput,
  errorLine,
  field,
  select as selectLabels,
  showError,
  textInput,
} from '../../components/form.js';
import { submit, run } from '../../components/formSubmit.js';

/** @typedef {import('../../api.js').ApiError} ApiError */

/** @returns {string} */
export const today = () => isoDateOf(new Date());

/**
 * @param {[string, string][]} options value → catalogue key
 * @param {string} selected
 * @param {string} testid
 */
export function select(options, selected, testid) {
  return selectLabels(options.map(([v, key]) => [v, t(key)]), selected, testid);
}

/**
 * The reason of a correction (required; kept with the values replaced).
 * @param {string} testid
 */
export function reasonInput(testid) {
  const reason = textInput('', testid, { required: true });
  return { reason, node: field(t('correction.reason'), reason, { hint: t('correction.reasonHint') }) };
}

/**
 * Sends a correction from a dialog's submit: nothing changed → a French error in the dialog and
 * no call; no reason → the reason is flagged; otherwise the fields that changed and the reason
 * go to the backend (its errors shown as by `submit`). (Also used by the insurer dialog, with
 * its own messages.)
 * @template {Record<string, unknown>} U
 * @template T
 * @param {{ body: HTMLElement, line: HTMLElement, controls: (path: string) => HTMLElement | null | undefined }} ctx
 * @param {U} update only the fields that changed
 * @param {HTMLInputElement} reason
 * @param {(update: U & { reason: string }) => Promise<T>} send
 * @param {(result: T) => void} keep
 * @param {{ noChange: string, reasonRequired: string }} [messages] the two refusals, in French
 * @returns {Promise<boolean>}
 */
export function submitCorrection(ctx, update, reason, send, keep, messages) {
  clearError(ctx.body, ctx.line);
  if (Object.keys(update).length === 0) {
    showError(ctx.line, messages?.noChange ?? t('correction.noChange'), null);
    return Promise.resolve(false);
  }
  const why = reason.value.trim();
  if (why === '') {
    showError(ctx.line, messages?.reasonRequired ?? t('correction.reasonRequired'), reason);
    return Promise.resolve(false);
  }
  return submit(ctx, () => send({ ...update, reason: why }), keep);
}

/**
 * The correction dialog of a vehicle or a driver: its fields prefilled, the date it left the
 * contract (empty: still on it), the reason. Only what changed is sent.
 * @template R
 * @template {Record<string, unknown>} U
 * @param {{ kind: 'vehicle' | 'driver', text: { title: string, lead: string, toDate: string, toDateHint: string, hint: string, done: string }, controls: { nodes: Node[], named: Record<string, HTMLElement>, values: () => Record<string, unknown> }, extra?: Node[], toDate: string, diff: (values: any) => U, send: (update: U) => Promise<R> }} spec
 * @param {(record: R) => void} onDone
 * @returns {Promise<boolean>}
 */
export function endableCorrection(spec, onDone) {
  const k = spec.kind;
  const toDate = dateInput(spec.toDate, `${k}-correct-to-date`);
  const { reason, node: reasonField } = reasonInput(`${k}-correct-reason`);
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', { class: 'muted' }, spec.text.lead),
    ...spec.controls.nodes,
    field(spec.text.toDate, toDate, { hint: spec.text.toDateHint, size: 'md' }),
    ...(spec.extra ?? []),
    h('p', { class: 'hint' }, spec.text.hint),
    reasonField,
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { ...spec.controls.named, toDate, reason };
  return run({
    title: spec.text.title,
    body,
    confirmLabel: t('correction.submit'),
    confirmTestId: `submit-${k}-correct`,
    onConfirm: (keep) => submitCorrection({ body, line, controls: (p) => named[p] },
      spec.diff({ ...spec.controls.values(), toDate: toDate.value }),
      reason,
      spec.send,
      keep),
  }, onDone, spec.text.done);
}

export { run, submit };
