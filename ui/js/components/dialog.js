// @ts-check
/**
 * Modal dialogs on the native `<dialog>` element: focus is kept inside, Esc closes (the
 * `cancel` event), Enter submits the form inside.
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

/**
 * Opens a modal dialog built by `build(close)`; resolves with the value passed to `close`, or
 * `null` when dismissed (Esc, "Annuler"). The dialog is removed from the page afterwards and
 * focus returns where it was.
 * @template T
 * @param {{ title: string, build: (close: (value: T | null) => void, titleId: string) => (Node | null | undefined)[], className?: string, testid?: string }} opts
 * @returns {Promise<T | null>}
 */
export function openDialog({ title, build, className, testid }) {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `dlg-title-${Math.random().toString(36).slice(2, 8)}`;
  return new Promise((resolve) => {
    /** @type {T | null} */
    let result = null;
    const dialog = h('dialog', {
      class: className ? `dialog ${className}` : 'dialog',
      'aria-labelledby': titleId,
      dataset: { testid },
    });
    const close = (/** @type {T | null} */ value) => {
      result = value;
      if (dialog.open) dialog.close();
    };
    // A builder may leave out parts with null: `append` would write them as text.
    dialog.append(h('h2', { id: titleId, class: 'dialog-title' }, title), ...build(close, titleId).filter((n) => n !== null && n !== undefined));
    dialog.addEventListener('close', () => {
      dialog.remove();
      previous?.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Asks for confirmation. Resolves true when confirmed.
 * @param {{ title: string, message: string, confirmLabel: string, danger?: boolean, testid?: string }} opts
 * @returns {Promise<boolean>}
 */
export async function confirmDialog({ title, message, confirmLabel, danger = false, testid }) {
  const r = await openDialog({
    title,
    testid,
    build: (close) => {
      const confirm = h(
        'button',
        { type: 'submit', class: danger ? 'btn btn-danger' : 'btn btn-primary', dataset: { testid: 'confirm-ok' } },
        confirmLabel,
      );
      const form = h(
        'form',
        {
          method: 'dialog',
          onsubmit: (/** @type {SubmitEvent} */ e) => {
            e.preventDefault();
            close(true);
          },
        },
        h('p', { class: 'dialog-text' }, message),
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'btn', onclick: () => close(null), dataset: { testid: 'confirm-cancel' } }, t('common.cancel')),
          confirm,
        ),
      );
      queueMicrotask(() => confirm.focus());
      return [form];
    },
  });
  return r === true;
}

/**
 * A dialog holding a small form: `onConfirm` runs on submit and says whether to close (it shows
 * its own errors inside `body` otherwise). Resolves true when the form was submitted and closed.
 * @param {{ title: string, body: Node, confirmLabel: string, confirmTestId?: string, onConfirm: () => Promise<boolean> }} opts
 * @returns {Promise<boolean>}
 */
export async function formDialog({ title, body, confirmLabel, confirmTestId, onConfirm }) {
  const r = await openDialog({
    title,
    build: (close) => {
      const submit = h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: confirmTestId } }, confirmLabel);
      const form = h(
        'form',
        {
          method: 'dialog',
          onsubmit: async (/** @type {SubmitEvent} */ e) => {
            e.preventDefault();
            submit.disabled = true;
            const ok = await onConfirm();
            submit.disabled = false;
            if (ok) close(true);
          },
        },
        body,
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'btn', onclick: () => close(null) }, t('common.cancel')),
          submit,
        ),
      );
      return [form];
    },
  });
  return r === true;
}
