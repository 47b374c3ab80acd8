// @ts-check
/** The "Corrigé le … — motif" notes shown under a corrected record (client, contract, vehicle, driver). */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

/** @typedef {import('../revisions.js').RevisionView} RevisionView */

/**
 * The corrections of a client, a contract, a vehicle or a driver: one discreet "Corrigé le … — motif" line
 * each, opening on what changed. Nothing when there is none.
 * @param {RevisionView[]} views oldest first
 * @param {'client' | 'contract' | 'vehicle' | 'driver'} what test ids `<what>-revisions`, `<what>-revision`
 */
export function revisionNotes(views, what) {
  if (views.length === 0) return null;
  return h('ul', { class: 'plain revision-notes', 'aria-label': t('correction.list'), dataset: { testid: `${what}-revisions` } },
    views.map((r) => h('li', { dataset: { testid: `${what}-revision` } },
      r.changes.length === 0
        ? h('span', { class: 'revision-summary' }, r.summary)
        : h('details', null,
          h('summary', { class: 'revision-summary' }, r.summary),
          h('ul', { class: 'plain revision-changes' }, r.changes.map((c) => h('li', { dataset: { field: c.field } }, c.text)))))));
}
