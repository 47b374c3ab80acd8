// @ts-check
/**
 * Modal dialogs on the native `<dialog>` element: focus is kept inside, Enter submits the form
 * inside. Escape and « Annuler » close it, but ask « Abandonner la saisie ? » first when the
 * broker typed something (`formState.isDirty`); an open calendar is closed by Escape first.
 * Once closed, focus goes back to the control that opened the dialog, or, when the page was
 * drawn again meanwhile, to the same control on the new page, else to the page's heading.
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { isDirty } from '../formState.js';
import { watchDialog } from '../leaveGuard.js';
import { closeOpenCalendar } from './dateField.js';
import { clearError, errorLine, formProblems, showErrors } from './form.js';

/** The value a control holds, as text. @param {Element} el */
function valueOf(el) {
  const c = /** @type {HTMLInputElement} */ (el);
  return c.type === 'checkbox' || c.type === 'radio' ? String(c.checked) : c.value;
}

/**
 * Watches the controls of `root` from now on: `dirty()` says whether the broker changed anything
 * since (see `formState.isDirty`).
 * @param {ParentNode & EventTarget} root
 */
export function watchChanges(root) {
  /** @type {Map<Element, string>} */
  const before = new Map();
  for (const el of Array.from(root.querySelectorAll('input, select, textarea'))) before.set(el, valueOf(el));
  /** @type {WeakSet<EventTarget>} */
  const touched = new WeakSet();
  const mark = (/** @type {Event} */ e) => { if (e.isTrusted && e.target) touched.add(e.target); };
  root.addEventListener('input', mark, true);
  root.addEventListener('change', mark, true);
  return {
    dirty() {
      const now = Array.from(root.querySelectorAll('input, select, textarea'));
      const states = now.map((el) => ({ before: before.get(el), now: valueOf(el), touched: touched.has(el) }));
      for (const [el, v] of before) if (!el.isConnected) states.push({ before: v, now: '', touched: true });
      return isDirty(states);
    },
  };
}

/**
 * Gives the focus back after a dialog: to `previous`; when the page is drawn again after the
 * dialog's command (and `previous` with it), to the control with the same test id on the new
 * page, else to the page's heading. Watches for two seconds, and stops as soon as the focus is
 * somewhere else on purpose.
 * @param {HTMLElement | null} previous
 */
export function returnFocus(previous) {
  const testid = previous?.dataset.testid;
  /** @type {Element | null} */
  let placed = previous;
  let ticks = 40;
  const lost = () => !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
  const tick = () => {
    if (document.querySelector('dialog[open]')) return;
    if (!lost() && document.activeElement !== placed) return;
    if (lost()) {
      const same = testid ? document.querySelector(`[data-testid="${CSS.escape(testid)}"]`) : null;
      const heading = /** @type {HTMLElement | null} */ (document.querySelector('main h1'));
      const target = same instanceof HTMLElement ? same : heading;
      if (target) {
        if (target === heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        target.focus();
        placed = target;
      }
    }
    if (--ticks > 0) setTimeout(tick, 50);
  };
  previous?.focus();
  setTimeout(tick, 0);
}

/**
 * Opens a modal dialog built by `build(close)`; resolves with the value passed to `close`, or
 * `null` when dismissed (Esc, "Annuler": through `dismiss`, which asks first when something was
 * typed). The dialog is removed from the page afterwards and focus returns (`returnFocus`).
 * @template T
 * @param {{ title: string, build: (close: (value: T | null) => void, titleId: string, dismiss: () => void) => (Node | null | undefined)[], className?: string, testid?: string }} opts
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
    let asking = false;
    const dismiss = async () => {
      if (asking) return;
      if (closeOpenCalendar(dialog)) return;
      if (changes.dirty()) {
        asking = true;
        const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const sure = await confirmDialog({
          title: t('common.discard.title'),
          message: t('common.discard.message'),
          confirmLabel: t('common.discard.confirm'),
          cancelLabel: t('common.discard.keep'),
          danger: true,
          testid: 'discard-dialog',
        });
        asking = false;
        if (!sure) { back?.focus(); return; }
      }
      close(null);
    };
    // A builder may leave out parts with null: `append` would write them as text.
    dialog.append(h('h2', { id: titleId, class: 'dialog-title' }, title), ...build(close, titleId, dismiss).filter((n) => n !== null && n !== undefined));
    // Escape: the browser would close the dialog at once (`cancel`); ask first instead.
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        e.stopPropagation();
        dismiss();
      }
    });
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      dismiss();
    });
    dialog.addEventListener('close', () => {
      unwatch();
      dialog.remove();
      resolve(result);
      returnFocus(previous);
    });
    document.body.append(dialog);
    dialog.showModal();
    const changes = watchChanges(dialog);
    // Closing the window asks first when something was typed here.
    const unwatch = watchDialog(() => changes.dirty());
  });
}

/**
 * Asks for confirmation. Resolves true when confirmed.
 * @param {{ title: string, message: string, confirmLabel: string, cancelLabel?: string, danger?: boolean, testid?: string }} opts
 * @returns {Promise<boolean>}
 */
export async function confirmDialog({ title, message, confirmLabel, cancelLabel, danger = false, testid }) {
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
          h('button', { type: 'button', class: 'btn', onclick: () => close(null), dataset: { testid: 'confirm-cancel' } }, cancelLabel ?? t('common.cancel')),
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
 * A dialog holding a small form: on submit, what the form can see itself is checked first
 * (`formProblems`: required fields left empty, dates that cannot be taken), each refusal shown
 * next to its field and in the summary at the top, the first faulty field focused; then
 * `onConfirm` runs and says whether to close (it shows its own errors in the summary and next to
 * the fields otherwise). Resolves true when the form was submitted and closed.
 * @param {{ title: string, body: HTMLElement, confirmLabel: string, confirmTestId?: string, onConfirm: () => Promise<boolean> }} opts
 * @returns {Promise<boolean>}
 */
export async function formDialog({ title, body, confirmLabel, confirmTestId, onConfirm }) {
  // The summary goes at the top, whatever the body's order: a refusal is never out of sight.
  const line = /** @type {HTMLElement | null} */ (body.querySelector('[data-testid="form-error"]')) ?? errorLine();
  const r = await openDialog({
    title,
    build: (close, _titleId, dismiss) => {
      const submit = h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: confirmTestId } }, confirmLabel);
      const form = h(
        'form',
        {
          method: 'dialog',
          novalidate: true,
          onsubmit: async (/** @type {SubmitEvent} */ e) => {
            e.preventDefault();
            if (submit.disabled) return;
            clearError(body, line);
            const problems = formProblems(body);
            if (problems.length) {
              showErrors(line, problems);
              return;
            }
            submit.disabled = true;
            const ok = await onConfirm();
            submit.disabled = false;
            if (ok) close(true);
          },
        },
        line,
        body,
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'btn', onclick: () => dismiss(), dataset: { testid: 'dialog-cancel' } }, t('common.cancel')),
          submit,
        ),
      );
      return [form];
    },
  });
  return r === true;
}
