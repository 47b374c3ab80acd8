// @ts-check
/**
 * Running a backend command from a form dialog, the one way every dialog does it: `submit`
 * clears the last error and, on failure, shows the backend's message next to the control named
 * by its `invalid:<field>` code (`fieldOfError`); `run` opens the dialog and, once it closed
 * after a success, shows the toast and hands the result on.
 */
import { formDialog } from './dialog.js';
import { clearError, showError } from './form.js';
import { toast } from './toast.js';
import { fieldOfError } from '../fieldError.js';

/** @typedef {import('../api.js').ApiError} ApiError */

/**
 * Runs a command from a dialog's submit: clears the last error, and on failure shows the
 * backend's message next to the control named by its `invalid:<field>` code.
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
 * Opens a form dialog and, once it closed after a success, hands the result to `onDone`.
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
