// @ts-check
/** The client's exchange log (views/clientExchanges.js). */

/** @type {Record<string, string>} */
export const frExchanges = {
  'exchanges.title': 'Échanges avec le client',
  'exchanges.lead': 'Journal inaltérable : appels, rendez-vous, courriers et consentements notés, chaînés dans le journal de l’agence. Les courriels envoyés et les avis d’échéance figurent aussi dans l’historique.',
  'exchanges.none': 'Aucun échange noté.',
  'exchanges.caption': 'Échanges notés avec le client, du plus récent au plus ancien',
  'exchanges.add': 'Noter un échange',
  'exchanges.submit': 'Enregistrer l’échange',
  'exchanges.done': 'Échange enregistré.',
  'exchanges.warning': 'Un échange noté ne peut plus être modifié ni supprimé : une erreur se corrige par un nouvel échange.',
  'exchanges.when': 'Date',
  'exchanges.date': 'Date',
  'exchanges.time': 'Heure (facultative)',
  'exchanges.kind': 'Nature',
  'exchanges.kind.echange': 'Échange',
  'exchanges.kind.consentement': 'Consentement donné',
  'exchanges.kind.opposition': 'Consentement retiré / opposition',
  'exchanges.contract': 'Contrat concerné',
  'exchanges.contractNone': 'Aucun en particulier',
  'exchanges.channel': 'Canal',
  'exchanges.direction': 'À l’initiative de',
  'exchanges.direction.entrant': 'Le client',
  'exchanges.direction.sortant': 'Le cabinet',
  'exchanges.summary': 'Résumé',
  'exchanges.summaryRequired': 'Le résumé de l’échange est obligatoire.',
};
