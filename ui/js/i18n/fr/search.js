// @ts-check
/**
 * French strings of the search box's other hits (contracts, vehicles, claims, insurers) and of
 * the relevés listed on the client record; merged into the catalogue by `../fr.js`.
 */

/** @type {Record<string, string>} */
export const frSearch = {
  'search.hits.label': 'Autres résultats',
  'search.hits.contract': 'Contrats',
  'search.hits.vehicle': 'Véhicules',
  'search.hits.claim': 'Sinistres',
  'search.hits.insurer': 'Assureurs',
  'search.hits.more': 'D’autres contrats, véhicules ou sinistres correspondent : précisez la recherche.',
  'search.more.one': 'plus de {count} résultat, précisez la recherche',
  'search.more.other': 'plus de {count} résultats, précisez la recherche',
  'search.clients.none': 'Aucun client pour « {text} ».',
  'search.hit.contract': 'Contrat {text}',
  'search.hit.vehicle': 'Véhicule {text}',
  'search.hit.claim': 'Sinistre {text}',
  'search.hit.insurer': '{text}',
  'search.hit.claimOn': 'du {date}',
  'search.hit.insurerHint': 'Liste des assureurs',

  'releves.title': 'Relevés d’information',
  'releves.none': 'Aucun relevé d’information reçu pour ce client.',
  'releves.date': 'Date du relevé',
  'releves.issuer': 'Assureur',
  'releves.coefficient': 'Coefficient indiqué',
  'releves.start': 'Coefficient de départ',
  'releves.counters': 'Compteurs',
  'releves.countersValue': '{streak} sans sinistre, {floor} à 0,50',
  'releves.claims.one': '{n} sinistre',
  'releves.claims.other': '{n} sinistres',
  'releves.inconsistent': 'incohérent',
  'releves.reopen': 'Voir le résultat',
  'releves.reopenLabel': 'Voir le résultat du relevé du {date}',
  'releves.unknownIssuer': 'non indiqué',
  'timeline.kind.releve': 'Relevé',
  'timeline.kind.document': 'Document',
  'timeline.releve.open': 'Voir le résultat du relevé',
};
