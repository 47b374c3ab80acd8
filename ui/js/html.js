// @ts-check
/**
 * The one HTML-escaping helper of the front end.
 *
 * Client data is user input: it never reaches `innerHTML` raw. Views build DOM with
 * `textContent` (see dom.js); when a chunk of markup is clearer as text, the `html` tagged
 * template escapes every interpolation unless it is itself `SafeHtml` produced by `html`.
 * Pure module: importable by Node without a DOM.
 */

/** @type {Record<string, string>} */
const ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for use in HTML content or in a quoted attribute value.
 * `null` and `undefined` become the empty string.
 * @param {unknown} value
 * @returns {string}
 */
export function escapeHtml(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Markup known to be safe: built by `html` from escaped parts. */
export class SafeHtml {
  /** @param {string} value */
  constructor(value) {
    /** @readonly */
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/**
 * @param {unknown} v
 * @returns {string}
 */
function part(v) {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === false || v === null || v === undefined) return '';
  return escapeHtml(v);
}

/**
 * Tagged template: `html\`<b>${name}</b>\`` escapes `name`. Arrays are concatenated (each item
 * escaped or kept if SafeHtml); `false`, `null` and `undefined` render as nothing.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {SafeHtml}
 */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += part(values[i]) + strings[i + 1];
  }
  return new SafeHtml(out);
}
