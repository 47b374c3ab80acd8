// @ts-check
/**
 * Paramètres → Agence, the pure part: what the form sends (`AgencyIdentityDraft`: every text
 * field, an empty one clearing it; the logo as a path to read, or removed) and what it can refuse
 * before sending, each refusal naming its field (the backend checks everything again and answers
 * `invalid:<field>` for the first one it refuses). DOM-free, tested by `node --test`.
 */

/** The text fields of the form, in their order on the page. */
export const AGENCY_FIELDS = /** @type {const} */ (['name', 'address', 'orias', 'association', 'phone', 'email', 'footer']);

/** @typedef {typeof AGENCY_FIELDS[number]} AgencyField */

/**
 * @typedef {Record<AgencyField, string> & { logoPath: string | null, removeLogo: boolean }} AgencyValues
 */

/**
 * The draft sent to `agency_identity_set`: texts trimmed (an empty text clears the field), the
 * logo path only when one was picked.
 * @param {AgencyValues} v
 * @returns {import('./api/printTypes.js').AgencyIdentityDraft}
 */
export function agencyDraft(v) {
  /** @type {import('./api/printTypes.js').AgencyIdentityDraft} */
  const d = { removeLogo: !v.logoPath && v.removeLogo };
  for (const f of AGENCY_FIELDS) d[f] = v[f].trim();
  if (v.logoPath) d.logoPath = v.logoPath;
  return d;
}

/**
 * What the form refuses before sending: the name is required; an ORIAS number has eight digits
 * (spaces between groups accepted); an e-mail address has one « @ » and a domain. Each refusal
 * is `{ field, key }`, `key` a catalogue key.
 * @param {AgencyValues} v
 * @returns {{ field: AgencyField, key: string }[]}
 */
export function agencyProblems(v) {
  /** @type {{ field: AgencyField, key: string }[]} */
  const out = [];
  if (v.name.trim() === '') out.push({ field: 'name', key: 'agency.error.name' });
  const orias = v.orias.replace(/\s+/g, '');
  if (orias !== '' && !/^\d{8}$/.test(orias)) out.push({ field: 'orias', key: 'agency.error.orias' });
  const email = v.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) out.push({ field: 'email', key: 'agency.error.email' });
  return out;
}

/**
 * The ORIAS number as printed on letters: « 12 345 678 » (anything else as typed).
 * @param {string | null | undefined} orias
 */
export function formatOrias(orias) {
  const d = (orias ?? '').replace(/\s+/g, '');
  return /^\d{8}$/.test(d) ? `${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}` : (orias ?? '');
}
