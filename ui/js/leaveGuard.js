// @ts-check
/**
 * The page's "are there unsaved changes?" question, asked by the shell before it leaves the page
 * (the sidebar, a link, Alt+N) and before the window closes: a form sets it while it is shown
 * and clears it when it goes; an open dialog adds its own while it is open (`watchDialog`).
 */

/** @type {(() => boolean) | null} */
let guard = null;

/** @type {Set<() => boolean>} the open dialogs' questions */
const dialogs = new Set();

/**
 * @param {(() => boolean) | null} fn true when leaving would lose something typed
 * @returns {() => void} clears it, if it is still this one
 */
export function setLeaveGuard(fn) {
  guard = fn;
  return () => {
    if (guard === fn) guard = null;
  };
}

/**
 * An open dialog's question (true when something was typed in it), until the returned function
 * is called (when it closes).
 * @param {() => boolean} fn
 * @returns {() => void}
 */
export function watchDialog(fn) {
  dialogs.add(fn);
  return () => { dialogs.delete(fn); };
}

/** @param {(() => boolean) | null} fn */
function asks(fn) {
  try {
    return fn?.() ?? false;
  } catch {
    return false;
  }
}

/** Would leaving the page now lose something typed (in the page's form)? */
export function wouldLoseChanges() {
  return asks(guard);
}

/** Would closing the window now lose something typed, in the page's form or an open dialog? */
export function closingWouldLoseChanges() {
  return wouldLoseChanges() || [...dialogs].some((fn) => asks(fn));
}

/** Leaving is decided (saved, or the broker chose to discard): no more question. */
export function releaseLeaveGuard() {
  guard = null;
  dialogs.clear();
}
