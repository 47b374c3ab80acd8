// @ts-check
/**
 * The page's "are there unsaved changes?" question, asked by the shell before it leaves the page
 * (the sidebar, a link, Alt+N): a form sets it while it is shown and clears it when it goes.
 */

/** @type {(() => boolean) | null} */
let guard = null;

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

/** Would leaving the page now lose something typed? */
export function wouldLoseChanges() {
  try {
    return guard?.() ?? false;
  } catch {
    return false;
  }
}

/** Leaving is decided (saved, or the broker chose to discard): no more question. */
export function releaseLeaveGuard() {
  guard = null;
}
