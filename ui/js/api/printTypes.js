// @ts-check
/**
 * The JSON shapes of the printing commands (Paramètres → Agence, the contract page's papers, the
 * avis d'échéance sent), as the backend serialises them (camelCase). Types only.
 */

/**
 * @typedef {object} AgencyIdentity
 * @property {string} name '' before the first identity is recorded
 * @property {string | null} address
 * @property {string | null} orias
 * @property {string | null} association
 * @property {string | null} phone
 * @property {string | null} email
 * @property {string | null} footer
 * @property {'png' | 'jpeg' | null} logoFormat
 * @property {number | null} logoSize
 * @property {string | null} recordedAt
 * @property {number} versions
 */

/**
 * @typedef {object} AgencyIdentityDraft
 * @property {string} [name]
 * @property {string} [address]
 * @property {string} [orias]
 * @property {string} [association]
 * @property {string} [phone]
 * @property {string} [email]
 * @property {string} [footer]
 * @property {string} [logoPath] an absolute path (the file dialog, a drop), read in Rust
 * @property {boolean} removeLogo
 */

/** @typedef {'attestation' | 'avis' | 'releve'} PrintKind */

/**
 * @typedef {object} GeneratedPdf
 * @property {number} documentId the document it is stored as, with the contract
 * @property {string} fileName
 */

/**
 * @typedef {object} AvisSent
 * @property {number} id
 * @property {number} contractId
 * @property {string} echeance ISO date
 * @property {string} sentOn ISO date
 * @property {string} channel courrier | email | remise
 * @property {string} recordedAt
 * @property {string | null} chatel what the subscriber may do (art. L113-15-1), null outside Chatel
 */

export {};
