// @ts-check
/**
 * The only module that talks to the Rust backend (and the only one touching `window.__TAURI__`).
 * Every command has a typed wrapper; every rejection is normalised to an `ApiError` with a stable
 * `code` (to branch on) and a French `message` (to show).
 *
 * `createApi(invoke)` takes the invoke function so tests can pass a fake one; `api` is the
 * product instance, which resolves `window.__TAURI__.core.invoke` lazily at each call.
 */
import { t } from './i18n/index.js';

/**
 * @typedef {'person' | 'company'} ClientKind
 * @typedef {'prospect' | 'client' | 'former'} ClientStatus
 * @typedef {'keychain' | 'passphrase' | 'environment'} KeyStorage
 * @typedef {'name' | 'created' | 'updated' | 'postcode' | 'city'} ClientSort
 *
 * @typedef {object} AgencyOpened
 * @property {'open'} state
 * @property {boolean} created true when the file was just created
 * @property {string | null} recoveryKey only non-null right after creation: shown once
 * @property {string} dataDir
 * @property {KeyStorage} storage
 *
 * @typedef {object} AgencyStatus
 * @property {'open' | 'locked' | 'absent'} state
 * @property {string} dataDir
 * @property {string | null} storage
 * @property {string} appVersion
 * @property {number | null} clientCount
 *
 * @typedef {object} DemoLoaded
 * @property {number} clients
 * @property {number} households
 *
 * @typedef {object} ClientSummary
 * @property {number} id
 * @property {ClientKind} kind
 * @property {string} displayName
 * @property {ClientStatus} status
 * @property {string | null} postcode
 * @property {string | null} city
 * @property {string | null} phone
 * @property {string | null} email
 * @property {boolean} archived
 * @property {string} updatedAt RFC 3339
 *
 * @typedef {'full' | 'partial' | 'none'} Responsibility
 *
 * @typedef {object} Qualification
 * @property {Responsibility} responsibility
 * @property {string} foundOn YYYY-MM-DD
 * @property {string | null} note
 * @property {string} recordedAt
 *
 * @typedef {object} ClaimRecord
 * @property {number} id
 * @property {number} contractId
 * @property {string} occurredOn
 * @property {string | null} declaredOn
 * @property {string} kind
 * @property {Responsibility} responsibility the qualification in force
 * @property {Qualification[]} qualifications every one, the first recorded at declaration
 * @property {string} status the status in force (the last one recorded)
 * @property {ClaimStatusEntry[]} statuses every status change, in the order recorded
 * @property {string | null} place
 * @property {string | null} description
 * @property {string | null} insurerReference the insurer's claim number
 * @property {string | null} estimated the estimate in force (the latest one), decimal string
 * @property {string | null} paid the payments so far, added up; null when none
 * @property {string | null} franchise the franchise in force (the latest one)
 * @property {AmountRecord[]} amounts every estimate, payment and franchise, in date order
 * @property {number | null} vehicleId the contract's vehicle involved
 * @property {number | null} driverId the contract's driver involved
 * @property {PartyRecord[]} parties
 * @property {CommunicationRecord[]} communications the exchange log, in the order recorded
 * @property {RevisionRecord[]} revisions the values each correction replaced, oldest first
 *
 * @typedef {'declare' | 'en_expertise' | 'en_reparation' | 'indemnise' | 'clos' | 'refuse'} ClaimStatus
 *
 * @typedef {object} ClaimStatusEntry `StatusDto`
 * @property {string} status
 * @property {string} onDate YYYY-MM-DD
 * @property {string | null} note
 *
 * @typedef {'estimation' | 'reglement' | 'franchise'} AmountKind
 *
 * @typedef {object} AmountInput `AmountDto` as sent
 * @property {AmountKind} kind
 * @property {string} amount decimal string "1250.50" (the backend also reads "1 250,50")
 * @property {string} onDate YYYY-MM-DD
 * @property {string | null} note
 *
 * @typedef {object} AmountRecord `AmountDto` as read
 * @property {string} kind
 * @property {string} amount decimal string "1250.50"
 * @property {string} onDate
 * @property {string | null} note
 * @property {string} recordedAt
 *
 * @typedef {'expert' | 'garage' | 'tiers' | 'assureur_tiers' | 'autre'} PartyRole
 *
 * @typedef {object} PartyInput `PartyDto` as sent
 * @property {PartyRole} role
 * @property {string} name
 * @property {string | null} phone
 * @property {string | null} email
 * @property {string | null} address
 * @property {string | null} reference their file number
 *
 * @typedef {object} PartyRecord `PartyDto` as read
 * @property {number} id
 * @property {string} role
 * @property {string} name
 * @property {string | null} phone
 * @property {string | null} email
 * @property {string | null} address
 * @property {string | null} reference
 *
 * @typedef {'telephone' | 'email' | 'courrier' | 'rendez_vous' | 'autre'} Channel
 * @typedef {'entrant' | 'sortant'} Direction
 *
 * @typedef {object} CommunicationInput `CommunicationDto` as sent
 * @property {number | null} partyId with one of the claim's parties, or nobody in particular
 * @property {string} at `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 * @property {Channel} channel
 * @property {Direction} direction
 * @property {string} summary
 *
 * @typedef {object} CommunicationRecord `CommunicationDto` as read
 * @property {number} id
 * @property {number | null} partyId
 * @property {string} at
 * @property {string} channel
 * @property {string} direction
 * @property {string} summary
 * @property {string} recordedAt
 *
 * @typedef {object} RevisionRecord `RevisionDto`: what a correction replaced.
 * @property {Record<string, string | number | boolean | null> | null} previous the earlier
 *   values, snake_case keys. A claim: `occurred_on`, `declared_on`, `kind`, `place`,
 *   `description`, `insurer_reference`, `vehicle_id`, `driver_id`. A contract: `number`,
 *   `product`, `subscription_date`, `first_echeance`, `usage`, `clause_applies`,
 *   `start_coefficient` (in hundredths: 85 for 0.85). A vehicle: `registration`, `make`, `model`,
 *   `first_registration`, `from_date`, `to_date`. A driver: `role`, `last_name`, `first_name`,
 *   `birth_date`, `licence_number`, `licence_date`, `aac`, `from_date`, `to_date`.
 * @property {string | null} reason
 * @property {string} recordedAt RFC 3339
 *
 * @typedef {object} ClaimPage A claim with what surrounds it (`claim_get`).
 * @property {ClaimRecord} claim
 * @property {number} contractId
 * @property {string} contractNumber
 * @property {string} insurer
 * @property {number} clientId
 * @property {string} clientName
 * @property {boolean} clauseApplies false: the contract is outside the bonus-malus clause (R1)
 * @property {string} coefficientInForce the contract's, "0.85"
 * @property {string | null} nextCoefficient at the next échéance if nothing else happens
 * @property {VehicleRecord[]} vehicles the contract's, current and past
 * @property {DriverRecord[]} drivers the contract's
 *
 * @typedef {object} ClaimUpdate A correction of the declared facts: only the fields given
 *   change; an empty text clears an optional field; `vehicleId`/`driverId` 0 clears the link.
 * @property {string} [occurredOn]
 * @property {string} [declaredOn]
 * @property {string} [kind]
 * @property {string} [place]
 * @property {string} [description]
 * @property {string} [insurerReference]
 * @property {number} [vehicleId]
 * @property {number} [driverId]
 * @property {string} [reason] why the correction was made (kept with the earlier values)
 *
 * @typedef {object} ContractRecord
 * @property {number} id
 * @property {number} clientId
 * @property {string} insurer
 * @property {string} number
 * @property {string} product
 * @property {string} subscriptionDate
 * @property {string} firstEcheance
 * @property {string} usage
 * @property {boolean} clauseApplies
 * @property {string} status
 * @property {{ guarantee: string, amount: string, modulated: boolean }[]} premiums
 * @property {string} coefficientInForce decimal string "0.80"
 * @property {{ echeance: string, periodStart: string, periodEnd: string, coefficient: string }[]} coefficientHistory
 * @property {number} periodsAtFloor
 * @property {number} claimFreeStreak
 * @property {boolean} protectionActive
 * @property {{ nextEcheance: string, ifNothingHappens: string, claimCountsAt: string, withFullClaim: string, withPartialClaim: string } | null} projection
 * @property {{ referenceModulated: string, notModulated: string, noviceRate: string, noviceAmount: string, coefficient: string, afterCoefficient: string, surcharges: { label: string, rate: string, amount: string, note: string | null }[], total: string } | null} nextPremium
 * @property {ClaimRecord[]} claims
 * @property {string} startCoefficient
 * @property {ContractEvent[]} events status changes and amendments, in date order
 * @property {RevisionRecord[]} revisions the terms each correction replaced, oldest first
 * @property {VehicleRecord[]} vehicles
 * @property {DriverRecord[]} drivers
 * @property {string} note the French calculation note
 *
 * @typedef {object} ContractEvent
 * @property {string} onDate
 * @property {'status' | 'avenant'} kind
 * @property {string | null} status
 * @property {string | null} terminatedBy
 * @property {string | null} details
 * @property {string} recordedAt
 *
 * @typedef {object} OpenClaim
 * @property {number} claimId
 * @property {number} contractId
 * @property {number} clientId
 * @property {string} clientName
 * @property {string} insurer
 * @property {string} contractNumber
 * @property {string} occurredOn
 * @property {string} kind
 * @property {Responsibility} responsibility
 * @property {string} status
 * @property {string} statusSince
 * @property {number} ageDays days since the claim occurred
 *
 * @typedef {object} ClaimInput
 * @property {number} contractId
 * @property {string} occurredOn
 * @property {string} kind
 * @property {Responsibility} responsibility
 * @property {string | null} [description]
 *
 * @typedef {object} ClientListQuery
 * @property {number} page 1-based
 * @property {number} pageSize
 * @property {ClientSort} sort
 * @property {boolean} descending
 * @property {ClientStatus | null} status
 * @property {boolean} includeArchived
 *
 * @typedef {object} ClientListPage
 * @property {ClientSummary[]} items
 * @property {number} total
 * @property {number} page
 * @property {number} pageSize
 *
 * @typedef {object} AddressInput
 * @property {'principale' | 'correspondance'} kind
 * @property {string} line1
 * @property {string | null} line2
 * @property {string} postcode
 * @property {string} city
 * @property {string} country
 *
 * @typedef {object} PhoneInput
 * @property {'mobile' | 'fixe' | 'professionnel'} kind
 * @property {string} number
 *
 * @typedef {object} EmailInput
 * @property {'personnel' | 'professionnel'} kind
 * @property {string} address
 *
 * @typedef {object} ClientInput
 * @property {ClientKind} kind
 * @property {'M' | 'Mme' | null} civility
 * @property {string | null} lastName
 * @property {string | null} firstName
 * @property {string | null} companyName
 * @property {string | null} siren
 * @property {string | null} birthDate YYYY-MM-DD
 * @property {AddressInput[]} addresses
 * @property {PhoneInput[]} phones
 * @property {EmailInput[]} emails
 * @property {string | null} profession
 * @property {ClientStatus} status
 * @property {string | null} source
 * @property {string | null} assignedBroker
 * @property {string | null} notes
 *
 * @typedef {object} Household
 * @property {number} id
 * @property {ClientSummary[]} members the other members
 *
 * @typedef {object} ClientRecordExtra
 * @property {number} id
 * @property {string} displayName
 * @property {boolean} archived
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {Household | null} household
 * @property {number} [version] sent by the backend for optimistic locking on update
 * @property {number | null} [age] age in whole years today, computed by the backend
 *
 * @typedef {ClientInput & ClientRecordExtra} ClientRecord
 *
 * @typedef {(cmd: string, args?: Record<string, unknown>) => Promise<unknown>} InvokeFn
 */

/**
 * Inputs and results of the contract, vehicle, driver and relevé commands (contract forms).
 *
 * @typedef {'auto' | 'habitation' | 'sante' | 'prevoyance' | 'autre'} Product
 * @typedef {'standard' | 'tournees'} Usage
 * @typedef {'principal' | 'secondaire' | 'occasionnel'} DriverRole
 * @typedef {'client' | 'assureur' | 'loi_hamon' | 'loi_chatel' | 'vente_vehicule' | 'autre'} TerminatedBy
 *
 * @typedef {object} PremiumLineInput
 * @property {string} guarantee
 * @property {string} amount decimal string "350.00" (the backend also reads "350,00")
 * @property {boolean} modulated subject to the bonus-malus coefficient
 *
 * @typedef {object} ContractInput `ContractDraft`
 * @property {number} clientId
 * @property {string} insurer
 * @property {string} number
 * @property {Product} product
 * @property {string} subscriptionDate YYYY-MM-DD
 * @property {string} firstEcheance YYYY-MM-DD, within twelve months after the subscription
 * @property {Usage} usage
 * @property {boolean} clauseApplies
 * @property {string | null} startCoefficient "0.85"; null: 1.00
 * @property {'en_cours' | 'devis'} status
 * @property {PremiumLineInput[]} premiums
 *
 * @typedef {object} VehicleInput `VehicleDraft`
 * @property {number} contractId
 * @property {string} registration
 * @property {string | null} make
 * @property {string | null} model
 * @property {string | null} firstRegistration YYYY-MM-DD
 * @property {string} fromDate YYYY-MM-DD: on the contract from
 * @property {boolean} [otherDrivers] R16: other usual drivers, a reduction in force is lost
 *
 * @typedef {object} VehicleRecord `VehicleDto`
 * @property {number} id
 * @property {string} registration
 * @property {string | null} make
 * @property {string | null} model
 * @property {string | null} firstRegistration
 * @property {string} fromDate
 * @property {string | null} toDate
 * @property {number | null} replacedBy
 * @property {string | null} transferNote the coefficient decision kept on a replaced vehicle
 * @property {boolean} otherDrivers it entered the contract with other usual drivers (R16: a
 *   reduction was lost)
 * @property {RevisionRecord[]} revisions the values each correction replaced, oldest first
 *
 * @typedef {object} DriverInput `DriverDraft`
 * @property {number} contractId
 * @property {number | null} clientId when the driver is a client of the agency
 * @property {DriverRole} role
 * @property {string} lastName
 * @property {string | null} firstName
 * @property {string | null} birthDate YYYY-MM-DD
 * @property {string | null} licenceNumber
 * @property {string | null} licenceDate YYYY-MM-DD
 * @property {boolean} aac apprentissage anticipé de la conduite
 * @property {string} fromDate YYYY-MM-DD: named on the contract from
 *
 * @typedef {object} DriverRecord `DriverDto`
 * @property {number} id
 * @property {number | null} clientId
 * @property {DriverRole} role
 * @property {string} lastName
 * @property {string | null} firstName
 * @property {string | null} birthDate
 * @property {string | null} licenceNumber
 * @property {string | null} licenceDate
 * @property {boolean} aac
 * @property {boolean} novice licence for less than three years today
 * @property {string} fromDate
 * @property {string | null} toDate the end of the designation, if it ended
 * @property {RevisionRecord[]} revisions the values each correction replaced, oldest first
 *
 * @typedef {object} RelevePerson A person named on a relevé. Snake_case: the relevé's own JSON.
 * @property {string | null} last_name
 * @property {string | null} first_name
 * @property {string | null} birth_date YYYY-MM-DD only
 * @property {string | null} licence_number
 * @property {string | null} licence_date YYYY-MM-DD only
 *
 * @typedef {object} ReleveDocumentClaim
 * @property {string} date YYYY-MM-DD only
 * @property {string} kind accident, theft, fire, glass, parked_unidentified, force_majeure, driven_without_consent, natural_disaster
 * @property {Responsibility} responsibility
 * @property {string | null} driver the responsible driver, as named on the relevé
 * @property {boolean | null} open EU template: still open (true) or settled (false)
 *
 * @typedef {object} ReleveDocument The JSON form of the domain's `ReleveDocument` (snake_case
 *   keys; `issued_on`, `policyholder`, `drivers` and `claims` are required, the rest may be null).
 * @property {string} issued_on YYYY-MM-DD
 * @property {string | null} issuer
 * @property {string | null} contract_number
 * @property {string | null} subscription_date
 * @property {string | null} registration
 * @property {Usage | null} usage
 * @property {RelevePerson} policyholder
 * @property {RelevePerson[]} drivers
 * @property {ReleveDocumentClaim[]} claims the claims of the last five annual periods
 * @property {string | null} coefficient "0.85": the coefficient at the last échéance
 * @property {string | null} last_echeance
 * @property {string | null} stopped_on the date the information was stopped
 * @property {string | null} termination_reason EU template: why the contract ended, or "néant"
 *
 * @typedef {object} ReleveResult What Courtier makes of a relevé (R17, R18).
 * @property {number} id
 * @property {string | null} startCoefficient the new contract's starting coefficient, "0.85"
 * @property {string[]} steps how it was reached, in French
 * @property {string | null} inconsistency set when the stated coefficient is outside what the listed claims allow
 * @property {string | null} impliedMin
 * @property {string | null} impliedMax
 * @property {string[]} missingFields mandatory fields the relevé lacks, in French
 *
 * @typedef {object} ContractUpdate A correction of a contract's terms (`contract_update`):
 *   only the fields given change; the coefficients are recomputed from the subscription.
 * @property {string} [number]
 * @property {Product} [product]
 * @property {string} [subscriptionDate] YYYY-MM-DD
 * @property {string} [firstEcheance] YYYY-MM-DD
 * @property {Usage} [usage]
 * @property {boolean} [clauseApplies]
 * @property {string} [startCoefficient] "0.85"; "" for 1.00
 * @property {string} [reason] why (kept with the values replaced)
 *
 * @typedef {object} VehicleUpdate A correction of a vehicle (`vehicle_update`): only the
 *   fields given change; an empty text clears an optional field (`toDate` "": on the contract
 *   again). The coefficients are recomputed.
 * @property {string} [registration]
 * @property {string} [make]
 * @property {string} [model]
 * @property {string} [firstRegistration] YYYY-MM-DD
 * @property {string} [fromDate] YYYY-MM-DD
 * @property {string} [toDate] YYYY-MM-DD: off the contract from
 * @property {string} [reason]
 *
 * @typedef {object} DriverUpdate A correction of a driver (`driver_update`): only the fields
 *   given change; an empty text clears an optional field; `toDate` ends the designation.
 * @property {DriverRole} [role]
 * @property {string} [lastName]
 * @property {string} [firstName]
 * @property {string} [birthDate] YYYY-MM-DD
 * @property {string} [licenceNumber]
 * @property {string} [licenceDate] YYYY-MM-DD
 * @property {boolean} [aac]
 * @property {string} [fromDate] YYYY-MM-DD
 * @property {string} [toDate] YYYY-MM-DD: the end of the designation
 * @property {string} [reason]
 *
 * @typedef {object} InsurerRecord `InsurerDto`: an insurer of the agency's managed list.
 * @property {number} id
 * @property {string} name
 * @property {string | null} addressLine1
 * @property {string | null} postcode
 * @property {string | null} city
 * @property {string | null} email
 * @property {string | null} phone stored compact: `0123456789`, `+4915112345678`
 * @property {string | null} releveEmail where to ask for relevés d'information
 * @property {number} contracts contracts the agency holds with it
 * @property {RevisionRecord[]} revisions the details each change replaced, oldest first
 *   (`previous`: `name`, `address_line1`, `postcode`, `city`, `email`, `phone`, `releve_email`)
 *
 * @typedef {object} InsurerInput A new insurer (`insurer_create`); only `name` is required.
 * @property {string} name
 * @property {string} [addressLine1]
 * @property {string} [postcode] five digits
 * @property {string} [city]
 * @property {string} [email]
 * @property {string} [phone]
 * @property {string} [releveEmail]
 *
 * @typedef {object} InsurerUpdate A change of an insurer (`insurer_update`): only the fields
 *   given change; an empty text clears an optional field. Nothing changed: `invalid_operation`.
 * @property {string} [name]
 * @property {string} [addressLine1]
 * @property {string} [postcode]
 * @property {string} [city]
 * @property {string} [email]
 * @property {string} [phone]
 * @property {string} [releveEmail]
 * @property {string} [reason] why (kept with the values replaced)
 *
 * @typedef {object} AvenantInput `AvenantDraft`
 * @property {string} onDate
 * @property {string} details what the amendment changes, in words
 * @property {PremiumLineInput[]} premiums lines in force from `onDate`
 *
 * @typedef {object} TimelineQuery Empty `kinds`: every kind.
 * @property {string[]} kinds
 * @property {number | null} contractId
 * @property {number | null} claimId
 * @property {string | null} from
 * @property {string | null} to
 * @property {boolean} newestFirst
 *
 * @typedef {object} TimelineEntry
 * @property {string} date YYYY-MM-DD or YYYY-MM-DDTHH:MM
 * @property {string} kind contrat, sinistre, qualification, etat, montant, correction, echange, coefficient
 * @property {number} contractId
 * @property {string} contractLabel
 * @property {number | null} claimId
 * @property {string} title what happened, in French
 * @property {string | null} detail
 * @property {string | null} code
 * @property {string | null} value
 * @property {string | null} previous
 *
 * @typedef {object} Timeline
 * @property {TimelineEntry[]} entries
 * @property {number} total before filtering
 * @property {[number, string][]} contracts
 */

/** A backend error: `code` is stable, `message` is French and meant for the user. */
export class ApiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'ApiError';
    /** @type {string} */
    this.code = code;
  }
}

const fallbackMessage = () => t('error.noDetail');

/**
 * Normalises whatever a rejected invoke gave: `{ code, message }` is kept; a string, an `Error`
 * or an object without `code` becomes `{ code: "internal", message }`.
 * @param {unknown} e
 * @returns {ApiError}
 */
export function toApiError(e) {
  if (e instanceof ApiError) return e;
  if (typeof e === 'string') return new ApiError('internal', e || fallbackMessage());
  if (e && typeof e === 'object') {
    const o = /** @type {{ code?: unknown, message?: unknown }} */ (e);
    const message =
      typeof o.message === 'string' && o.message !== '' ? o.message : fallbackMessage();
    if (typeof o.code === 'string' && o.code !== '') return new ApiError(o.code, message);
    return new ApiError('internal', message);
  }
  return new ApiError('internal', e === undefined || e === null ? fallbackMessage() : String(e));
}

/**
 * The product's invoke: `window.__TAURI__.core.invoke`, looked up at call time.
 * @type {InvokeFn}
 */
function tauriInvoke(cmd, args) {
  const w = /** @type {any} */ (globalThis);
  const invoke = w.__TAURI__?.core?.invoke;
  if (typeof invoke !== 'function') {
    return Promise.reject(
      new ApiError('no_backend', t('error.noBackend')),
    );
  }
  return invoke(cmd, args);
}

/**
 * Builds the typed API over an invoke function.
 * @param {InvokeFn} invoke
 */
export function createApi(invoke) {
  /**
   * @template T
   * @param {string} cmd
   * @param {Record<string, unknown>} [args]
   * @returns {Promise<T>}
   */
  async function call(cmd, args = {}) {
    try {
      return /** @type {T} */ (await invoke(cmd, args));
    } catch (e) {
      throw toApiError(e);
    }
  }

  return {
    /** @returns {Promise<AgencyOpened>} */
    agencyOpen: () => call('agency_open'),
    /** @param {string} passphrase @returns {Promise<AgencyOpened>} */
    agencyCreateWithPassphrase: (passphrase) => call('agency_create_with_passphrase', { passphrase }),
    /** @param {string} passphrase @returns {Promise<AgencyOpened>} */
    agencyUnlockWithPassphrase: (passphrase) => call('agency_unlock_with_passphrase', { passphrase }),
    /** @param {string} recoveryKey @returns {Promise<AgencyOpened>} */
    agencyUnlockWithRecoveryKey: (recoveryKey) =>
      call('agency_unlock_with_recovery_key', { recoveryKey }),
    /** @returns {Promise<AgencyStatus>} */
    agencyStatus: () => call('agency_status'),
    /** @param {number} clients @returns {Promise<DemoLoaded>} */
    demoLoad: (clients) => call('demo_load', { clients }),
    /** @param {ClientListQuery} query @returns {Promise<ClientListPage>} */
    clientList: (query) => call('client_list', { query }),
    /** @param {string} text @param {number} limit @returns {Promise<ClientSummary[]>} */
    clientSearch: (text, limit) => call('client_search', { text, limit }),
    /** @param {number} id @returns {Promise<ClientRecord>} */
    clientGet: (id) => call('client_get', { id }),
    /** @param {ClientInput} input @returns {Promise<ClientRecord>} */
    clientCreate: (input) => call('client_create', { input }),
    /**
     * With `expectedVersion` (the record's `version`), the backend refuses to overwrite a change
     * made in the meantime; without it, the last write wins.
     * @param {number} id @param {ClientInput} input @param {number} [expectedVersion]
     * @returns {Promise<ClientRecord>}
     */
    clientUpdate: (id, input, expectedVersion) =>
      call('client_update', expectedVersion === undefined ? { id, input } : { id, input, expectedVersion }),
    /** @param {number} id @returns {Promise<ClientRecord>} */
    clientArchive: (id) => call('client_archive', { id }),
    /** @param {number} id @returns {Promise<ClientRecord>} */
    clientRestore: (id) => call('client_restore', { id }),
    /** @param {number} clientId @param {number} withClientId @returns {Promise<ClientRecord>} */
    householdLink: (clientId, withClientId) => call('household_link', { clientId, withClientId }),
    /** @param {number} clientId @returns {Promise<ClientRecord>} */
    householdLeave: (clientId) => call('household_leave', { clientId }),
    /** @param {number} clientId @returns {Promise<ContractRecord[]>} */
    contractList: (clientId) => call('contract_list', { clientId }),
    /** @param {number} id @returns {Promise<ContractRecord>} */
    contractGet: (id) => call('contract_get', { id }),
    /** @param {ClaimInput} input @returns {Promise<ContractRecord>} */
    claimCreate: (input) => call('claim_create', { input }),
    /**
     * @param {number} claimId @param {Responsibility} responsibility @param {string} foundOn
     * @param {string | null} note @returns {Promise<ContractRecord>}
     */
    claimRequalify: (claimId, responsibility, foundOn, note) =>
      call('claim_requalify', { claimId, responsibility, foundOn, note }),
    /** @param {ContractInput} input @returns {Promise<ContractRecord>} */
    contractCreate: (input) => call('contract_create', { input }),
    /**
     * A suspension of cover `[from, to)`: the coefficients are recomputed. (The backend takes no
     * reason.)
     * @param {number} id @param {string} from YYYY-MM-DD @param {string} to YYYY-MM-DD
     * @returns {Promise<ContractRecord>}
     */
    contractSuspend: (id, from, to) => call('contract_suspend', { id, from, to }),
    /**
     * @param {number} id @param {string} onDate YYYY-MM-DD @param {TerminatedBy} terminatedBy
     * @param {string | null} reason @returns {Promise<ContractRecord>}
     */
    contractTerminate: (id, onDate, terminatedBy, reason) =>
      call('contract_terminate', { id, onDate, terminatedBy, reason }),
    /** @param {VehicleInput} input @returns {Promise<VehicleRecord>} */
    vehicleAdd: (input) => call('vehicle_add', { input }),
    /**
     * Replaces a vehicle (R16): `sameOrFewerDrivers` decides whether a reduction carries over.
     * @param {number} oldVehicleId @param {VehicleInput} input @param {boolean} sameOrFewerDrivers
     * @returns {Promise<VehicleRecord>}
     */
    vehicleReplace: (oldVehicleId, input, sameOrFewerDrivers) =>
      call('vehicle_replace', { oldVehicleId, input, sameOrFewerDrivers }),
    /** @param {DriverInput} input @returns {Promise<DriverRecord>} */
    driverAdd: (input) => call('driver_add', { input }),
    /** @param {number} clientId @param {ReleveDocument} document @returns {Promise<ReleveResult>} */
    releveRecord: (clientId, document) => call('releve_record', { clientId, document }),
    /** @param {number} id @param {AvenantInput} avenant @returns {Promise<ContractRecord>} */
    contractAvenant: (id, avenant) => call('contract_avenant', { id, avenant }),
    /** @param {number} clientId @param {TimelineQuery} query @returns {Promise<Timeline>} */
    clientTimeline: (clientId, query) => call('client_timeline', { clientId, query }),
    /** @param {number} contractId @param {TimelineQuery} query @returns {Promise<Timeline>} */
    contractTimeline: (contractId, query) => call('contract_timeline', { contractId, query }),
    /**
     * Corrects a contract's terms; the coefficients are recomputed and the replaced values kept
     * with the reason (`revisions`). Nothing changed: `invalid_operation`.
     * @param {number} id @param {ContractUpdate} update @returns {Promise<ContractRecord>}
     */
    contractUpdate: (id, update) => call('contract_update', { id, update }),
    /**
     * Corrects a vehicle; the contract's coefficients are recomputed.
     * @param {number} id @param {VehicleUpdate} update @returns {Promise<VehicleRecord>}
     */
    vehicleUpdate: (id, update) => call('vehicle_update', { id, update }),
    /**
     * Corrects a driver (`toDate` ends the designation).
     * @param {number} id @param {DriverUpdate} update @returns {Promise<DriverRecord>}
     */
    driverUpdate: (id, update) => call('driver_update', { id, update }),
    /** The agency's insurers, by name. @returns {Promise<InsurerRecord[]>} */
    insurerList: () => call('insurer_list'),
    /** @param {InsurerInput} input @returns {Promise<InsurerRecord>} */
    insurerCreate: (input) => call('insurer_create', { input }),
    /**
     * Changes an insurer's name or details; the replaced values are kept with the reason.
     * @param {number} id @param {InsurerUpdate} update @returns {Promise<InsurerRecord>}
     */
    insurerUpdate: (id, update) => call('insurer_update', { id, update }),
    /** @param {number} [limit] @returns {Promise<OpenClaim[]>} */
    claimsOpen: (limit) => call('claims_open', { limit: limit ?? null }),
    /** @param {number} claimId @returns {Promise<ClaimPage>} */
    claimGet: (claimId) => call('claim_get', { claimId }),
    /**
     * Corrects the declared facts; the replaced values are kept with the reason.
     * @param {number} claimId @param {ClaimUpdate} update @returns {Promise<ClaimPage>}
     */
    claimUpdate: (claimId, update) => call('claim_update', { claimId, update }),
    /** @param {number} claimId @param {AmountInput} amount @returns {Promise<ClaimPage>} */
    claimAmountAdd: (claimId, amount) => call('claim_amount_add', { claimId, amount }),
    /**
     * Returns the whole contract: reload the claim page with `claimGet` afterwards.
     * @param {number} claimId @param {ClaimStatus} status @param {string} onDate YYYY-MM-DD
     * @param {string | null} note @returns {Promise<ContractRecord>}
     */
    claimSetStatus: (claimId, status, onDate, note) =>
      call('claim_set_status', { claimId, status, onDate, note }),
    /**
     * Returns the whole contract: reload the claim page with `claimGet` afterwards.
     * @param {number} claimId @param {PartyInput} party @returns {Promise<ContractRecord>}
     */
    claimPartyAdd: (claimId, party) => call('claim_party_add', { claimId, party }),
    /**
     * Appends to the claim's exchange log. Returns the whole contract: reload the claim page
     * with `claimGet` afterwards.
     * @param {number} claimId @param {CommunicationInput} communication @returns {Promise<ContractRecord>}
     */
    claimCommunicationAdd: (claimId, communication) =>
      call('claim_communication_add', { claimId, communication }),
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */

/** The product instance, over Tauri's invoke. */
export const api = createApi(tauriInvoke);
