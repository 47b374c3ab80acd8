// @ts-check
/**
 * The backend's validation errors name the field they are about in their code:
 * `invalid:lastName`, `invalid:premiums[1].amount`. This is the one parser of those codes; the
 * forms turn its result into their own control paths (`fieldOfError`, the contract, claim and
 * insurer forms) or ids (`clientInput.js`). Pure, DOM-free.
 */

/**
 * `invalid:lastName` → `{ list: null, index: null, name: 'lastName' }`;
 * `invalid:addresses[0].postcode` → `{ list: 'addresses', index: 0, name: 'postcode' }`. Null when
 * the code is not a field error (another code, or a field path of another shape).
 * @param {unknown} code
 * @returns {{ list: string | null, index: number | null, name: string } | null}
 */
export function invalidField(code) {
  if (typeof code !== 'string' || !code.startsWith('invalid:')) return null;
  const field = code.slice('invalid:'.length);
  const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) return { list: m[1], index: Number(m[2]), name: m[3] };
  if (/^\w+$/.test(field)) return { list: null, index: null, name: field };
  return null;
}

/**
 * The form path of the control a backend validation error is about: `invalid:number` →
 * `number`; `invalid:premiums[1].amount` → `premiums.3.amount` when the second sent line came
 * from form row 3 (`rows.premiums = [0, 3]`). Null when the code is not a field error.
 * @param {string} code
 * @param {Record<string, number[]>} [rows]
 * @returns {string | null}
 */
export function fieldOfError(code, rows = {}) {
  const f = invalidField(code);
  if (!f) return null;
  if (f.list === null || f.index === null) return f.name;
  const row = rows[f.list]?.[f.index] ?? f.index;
  return `${f.list}.${row}.${f.name}`;
}
