// @ts-check
/**
 * What a form knows about itself, as plain data: whether the broker changed anything (so that
 * closing a dialog or leaving a page asks first, and only then), and the summary of its refusals
 * shown at the top of a dialog. Pure, DOM-free, tested by Node; `components/form.js` reads the
 * controls and shows the result.
 */

/**
 * One control of a form: its value when the form was shown (`before`; undefined for a control
 * added since, such as a new premium line), its value now (`now`; '' once removed), and whether
 * the broker typed in it (`touched`).
 * @typedef {{ before: string | undefined, now: string, touched: boolean }} ControlState
 */

/**
 * Has the broker changed anything? A control shown with the form counts when its value differs
 * from the one it was shown with (typing then restoring it is no change); a control added since
 * counts when the broker typed something in it (an empty new line is no change).
 * @param {ControlState[]} controls
 */
export function isDirty(controls) {
  return controls.some((c) => (c.before === undefined ? c.touched && c.now.trim() !== '' : c.now !== c.before));
}

/**
 * The summary at the top of a form: one line per refusal, « Libellé : message », in the order of
 * the fields; a refusal that names no field is given as its message alone. `count` goes in the
 * heading (`tn('form.summary', count)`).
 * @param {{ label: string, message: string }[]} errors
 * @returns {{ count: number, lines: string[] }}
 */
export function errorSummary(errors) {
  const lines = errors.map((e) => (e.label ? `${stripColon(e.label)} : ${e.message}` : e.message));
  return { count: errors.length, lines };
}

/** A label's own trailing « * » or colon is not repeated in the summary. @param {string} label */
export function stripColon(label) {
  return label.replace(/[\s*:]+$/u, '').trim();
}
