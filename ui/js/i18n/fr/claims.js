// @ts-check
/** French strings of the Sinistres section (open and closed claims, filters, pages); merged into the catalogue by `../fr.js`. */

/** @type {Record<string, string>} */
export const frClaims = {
  'claims.heading': 'Sinistres',
  'claims.filters': 'Filtrer les sinistres',
  'claims.filter.text': 'Référence ou client',
  'claims.filter.text.placeholder': 'SIN-2026, Martin…',
  'claims.filter.state': 'Afficher',
  'claims.filter.state.open': 'Ouverts',
  'claims.filter.state.closed': 'Clos ou refusés',
  'claims.filter.state.all': 'Tous',
  'claims.filter.status': 'État',
  'claims.filter.status.any': 'Tous les états',
  'claims.filter.insurer': 'Assureur',
  'claims.filter.insurer.any': 'Tous les assureurs',
  'claims.filter.responsibility': 'Responsabilité',
  'claims.filter.responsibility.any': 'Toutes',
  'claims.filter.from': 'Survenus du',
  'claims.filter.to': 'au',
  'claims.filter.order': 'Ordre',
  'claims.filter.newest': 'Du plus récent au plus ancien',
  'claims.filter.oldest': 'Du plus ancien au plus récent',
  'claims.filter.reset': 'Effacer les filtres',
  'claims.empty': 'Aucun sinistre ne correspond à ces filtres.',
  'claims.status': 'État',
  'claims.insurer': 'Assureur',
  'claims.shown.one': '{n} sinistre sur cette page',
  'claims.shown.other': '{n} sinistres sur cette page',
  'claims.page': 'Page {page}',
  'claims.prev': 'Page précédente',
  'claims.next': 'Page suivante',
};
