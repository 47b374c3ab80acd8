// @ts-check
/**
 * What the contract dialogs share: running a command from a form dialog (its errors shown
 * inside, next to the control named by the `invalid:<field>` code), the success toast, the
 * select of catalogue labels, today's date, and the correction dialogs' reason and "nothing
 * changed" check. `submit` and `run` are also used by the insurer dialogs.
 */
import { h } from '../../dom.js';
import { isoDateOf } from '../../format.js';
import { t } from '../../i18n/index.js';
import { formDialog } from '../../components/dialog.js';
import {
  clearError,
  dateInput,
  errorLine,
  field,
  select as selectLabels,
  showError,
  textInput,
} from '../../components/form.js';
import { toast } from '../../components/toast.js';
import { fieldOfError } from '../../contractInput.js';

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
 * Runs a command from a dialog's submit: clears the last error, and on failure shows the
 * backend's message next to the control named by its `invalid:<field>` code. (Also used by the
 * insurer dialogs.)
 * @template T
 * @param {{ body: HTMLElement, line: HTMLElement, controls: (path: string) => HTMLElement | null | undefined, rows?: Record<string, number[]> }} ctx
 * @param {() => Promise<T>} run
 * @param {(result: T) => void} keep
 * @returns {Promise<boolean>}
 */
export async function submit(ctx, run, keep) {
  clearError(ctx.body, ctx.line);
  try {
    keep(await run());
    return true;
  } catch (e) {
    const err = /** @type {ApiError} */ (e);
    const path = fieldOfError(err.code, ctx.rows);
    showError(ctx.line, err.message, path ? ctx.controls(path) : null);
    return false;
  }
}

/**
 * Opens a form dialog and, once it closed after a success, hands the result to `onDone`. (Also
 * used by the insurer dialogs.)
 * @template T
 * @param {{ title: string, body: HTMLElement, confirmLabel: string, confirmTestId: string, onConfirm: (keep: (r: T) => void) => Promise<boolean> }} opts
 * @param {(result: T) => void} onDone
 * @param {string} done the toast
 * @returns {Promise<boolean>}
 */
export async function run({ title, body, confirmLabel, confirmTestId, onConfirm }, onDone, done) {
  /** @type {{ value: T } | null} */
  let saved = null;
  const ok = await formDialog({
    title,
    body,
    confirmLabel,
    confirmTestId,
    onConfirm: () => onConfirm((r) => { saved = { value: r }; }),
  });
  if (!ok || saved === null) return false;
  toast(done);
  onDone(/** @type {{ value: T }} */ (saved).value);
  return true;
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
