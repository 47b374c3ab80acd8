// @ts-check
/**
 * The claims timeline's pure side: the kinds and their labels, the query sent for a filter
 * state, the date shown for an entry, and the grouping by year. The view is `views/timeline.js`.
 */

/** The kinds, in the backend's order, with their catalogue keys. */
export const TIMELINE_KINDS = /** @type {const} */ ([
  'sinistre',
  'qualification',
  'aggravation',
  'etat',
  'montant',
  'echange',
  'correction',
  'contrat',
  'coefficient',
  'releve',
  'document',
]);

/** @type {Record<string, string>} */
export const TIMELINE_KIND_LABEL = {
  contrat: 'timeline.kind.contrat',
  sinistre: 'timeline.kind.sinistre',
  qualification: 'timeline.kind.qualification',
  aggravation: 'timeline.kind.aggravation',
  etat: 'timeline.kind.etat',
  montant: 'timeline.kind.montant',
  correction: 'timeline.kind.correction',
  echange: 'timeline.kind.echange',
  coefficient: 'timeline.kind.coefficient',
  releve: 'timeline.kind.releve',
  document: 'timeline.kind.document',
};

/**
 * @typedef {{ kinds: Set<string>, contractId: number | null, from: string, to: string, newestFirst: boolean }} TimelineFilter
 * @typedef {{ kinds: string[], contractId: number | null, claimId: number | null, from: string | null, to: string | null, newestFirst: boolean }} TimelineQuery
 */

/** The default filter: every kind, every contract, newest first. @returns {TimelineFilter} */
export function defaultFilter() {
  return { kinds: new Set(TIMELINE_KINDS), contractId: null, from: '', to: '', newestFirst: true };
}

/**
 * The query for a filter. All kinds ticked sends no kind (the backend then keeps every kind,
 * including any it adds later); none ticked sends none either, and the view says so instead of
 * asking.
 * @param {TimelineFilter} f
 * @returns {TimelineQuery}
 */
export function timelineQuery(f) {
  const all = TIMELINE_KINDS.every((k) => f.kinds.has(k));
  return {
    kinds: all ? [] : TIMELINE_KINDS.filter((k) => f.kinds.has(k)),
    contractId: f.contractId,
    claimId: null,
    from: f.from || null,
    to: f.to || null,
    newestFirst: f.newestFirst,
  };
}

/**
 * `2025-05-03` → `03/05/2025`; `2025-05-03T14:30` → `03/05/2025 14:30`.
 * @param {string} date
 */
export function entryDate(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(date);
  if (!m) return date;
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

/**
 * Entries grouped by year, keeping their order.
 * @template {{ date: string }} E
 * @param {E[]} entries
 * @returns {{ year: string, entries: E[] }[]}
 */
export function byYear(entries) {
  /** @type {{ year: string, entries: E[] }[]} */
  const out = [];
  for (const e of entries) {
    const year = e.date.slice(0, 4);
    const last = out[out.length - 1];
    if (last && last.year === year) last.entries.push(e);
    else out.push({ year, entries: [e] });
  }
  return out;
}
