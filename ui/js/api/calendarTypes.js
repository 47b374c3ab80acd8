// @ts-check
/**
 * The JSON of the renewal calendar's commands (`calendar`, `calendar_export`,
 * `renewal_settings`), as `courtier_app::calendar` serialises it.
 */

/**
 * @typedef {'echeance' | 'termination_deadline' | 'avis_deadline' | 'hamon_eligible'} CalendarKind
 */

/**
 * What the calendar is asked for: dates ISO, the filters absent or null when not used.
 * @typedef {object} CalendarFilter
 * @property {string} from
 * @property {string} to
 * @property {number | null} [insurerId]
 * @property {string | null} [broker]
 * @property {string | null} [product]
 * @property {'malus' | 'hausse' | 'hamon_sinistre' | null} [risk]
 * @property {number | null} [thresholdPercent]
 */

/**
 * @typedef {object} CalendarItem
 * @property {string} date
 * @property {CalendarKind} kind
 * @property {string} kindLabel
 * @property {string} rule
 * @property {string} ruleSource
 * @property {string | null} echeance
 * @property {number} contractId
 * @property {string} contractNumber
 * @property {number} clientId
 * @property {string} clientName
 * @property {string} insurer
 * @property {string} product
 * @property {string | null} broker
 * @property {string} coefficientNow
 * @property {string | null} coefficientAt
 * @property {string | null} premiumChange decimal string, `+12.40` or `-5.00`
 * @property {number | null} premiumChangeCents
 * @property {boolean} hamonEligible
 * @property {boolean} clientHasOpenClaim
 * @property {string | null} chatel
 */

/**
 * @typedef {object} CalendarExport
 * @property {string} path
 * @property {number} events
 * @property {boolean} clientNames
 */

/**
 * @typedef {object} RenewalSettings
 * @property {number} claimSilenceDays
 * @property {number} adviceReviewMonths
 * @property {boolean} icsClientNames
 */

export {};
