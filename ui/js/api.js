// @ts-check
/**
 * The only module that talks to the Rust backend (and the only one touching `window.__TAURI__`).
 * Every command has a typed wrapper; every rejection is normalised to an `ApiError` with a stable
 * `code` (to branch on) and a French `message` (to show).
 *
 * `createApi(invoke)` takes the invoke function so tests can pass a fake one; `api` is the
 * product instance, which resolves `window.__TAURI__.core.invoke` lazily at each call.
 *
 * The types of the JSON exchanged are in `api/types.js`.
 */
import { t } from './i18n/index.js';

/**
 * @typedef {import('./api/types.js').AgencyOpened} AgencyOpened
 * @typedef {import('./api/types.js').AgencyStatus} AgencyStatus
 * @typedef {import('./api/types.js').DemoLoaded} DemoLoaded
 * @typedef {import('./api/types.js').ClientSummary} ClientSummary
 * @typedef {import('./api/types.js').Responsibility} Responsibility
 * @typedef {import('./api/types.js').ClaimStatus} ClaimStatus
 * @typedef {import('./api/types.js').AmountInput} AmountInput
 * @typedef {import('./api/types.js').PartyInput} PartyInput
 * @typedef {import('./api/types.js').CommunicationInput} CommunicationInput
 * @typedef {import('./api/types.js').ClaimPage} ClaimPage
 * @typedef {import('./api/types.js').ClaimUpdate} ClaimUpdate
 * @typedef {import('./api/types.js').ContractRecord} ContractRecord
 * @typedef {import('./api/types.js').OpenClaim} OpenClaim
 * @typedef {import('./api/types.js').ClaimInput} ClaimInput
 * @typedef {import('./api/types.js').ClientListQuery} ClientListQuery
 * @typedef {import('./api/types.js').ClientListPage} ClientListPage
 * @typedef {import('./api/types.js').ClientInput} ClientInput
 * @typedef {import('./api/types.js').ClientRecord} ClientRecord
 * @typedef {import('./api/types.js').TerminatedBy} TerminatedBy
 * @typedef {import('./api/types.js').ContractInput} ContractInput
 * @typedef {import('./api/types.js').VehicleInput} VehicleInput
 * @typedef {import('./api/types.js').VehicleRecord} VehicleRecord
 * @typedef {import('./api/types.js').DriverInput} DriverInput
 * @typedef {import('./api/types.js').DriverRecord} DriverRecord
 * @typedef {import('./api/types.js').ReleveDocument} ReleveDocument
 * @typedef {import('./api/types.js').ReleveResult} ReleveResult
 * @typedef {import('./api/types.js').ReleveEntry} ReleveEntry
 * @typedef {import('./api/types.js').SearchResults} SearchResults
 * @typedef {import('./api/types.js').ClaimListQuery} ClaimListQuery
 * @typedef {import('./api/types.js').ClaimListPage} ClaimListPage
 * @typedef {import('./api/types.js').ContractUpdate} ContractUpdate
 * @typedef {import('./api/types.js').VehicleUpdate} VehicleUpdate
 * @typedef {import('./api/types.js').DriverUpdate} DriverUpdate
 * @typedef {import('./api/types.js').InsurerRecord} InsurerRecord
 * @typedef {import('./api/types.js').InsurerInput} InsurerInput
 * @typedef {import('./api/types.js').InsurerUpdate} InsurerUpdate
 * @typedef {import('./api/types.js').AvenantInput} AvenantInput
 * @typedef {import('./api/types.js').TimelineQuery} TimelineQuery
 * @typedef {import('./api/types.js').Timeline} Timeline
 * @typedef {import('./api/types.js').AggravationInput} AggravationInput
 *
 * @typedef {import('./api/types.js').DocumentRecord} DocumentRecord
 * @typedef {import('./api/types.js').DocumentInput} DocumentInput
 * @typedef {import('./api/types.js').AttachResult} AttachResult
 * @typedef {import('./api/types.js').DocumentSettings} DocumentSettings
 * @typedef {import('./api/printTypes.js').AgencyIdentity} AgencyIdentity
 * @typedef {import('./api/printTypes.js').AgencyIdentityDraft} AgencyIdentityDraft
 * @typedef {import('./api/printTypes.js').PrintKind} PrintKind
 * @typedef {import('./api/printTypes.js').GeneratedPdf} GeneratedPdf
 * @typedef {import('./api/printTypes.js').AvisSent} AvisSent
 * @typedef {import('./api/types.js').MailAccount} MailAccount
 * @typedef {import('./api/types.js').MailAccountInput} MailAccountInput
 * @typedef {import('./api/types.js').MailTemplate} MailTemplate
 * @typedef {import('./api/types.js').MailInput} MailInput
 * @typedef {import('./api/types.js').MailPreview} MailPreview
 * @typedef {import('./api/types.js').MailMessage} MailMessage
 * @typedef {import('./api/types.js').ClientExchange} ClientExchange
 * @typedef {import('./api/types.js').ClientExchangeInput} ClientExchangeInput
 * @typedef {import('./api/types.js').OwnerKind} OwnerKind
 * @typedef {import('./api/calendarTypes.js').CalendarFilter} CalendarFilter
 * @typedef {import('./api/calendarTypes.js').CalendarItem} CalendarItem
 * @typedef {import('./api/calendarTypes.js').CalendarExport} CalendarExport
 * @typedef {import('./api/calendarTypes.js').RenewalSettings} RenewalSettings
 * @typedef {import('./api/reminderTypes.js').Reminder} Reminder
 * @typedef {import('./api/reminderTypes.js').RemindersPage} RemindersPage
 * @typedef {import('./api/reminderTypes.js').RemindersCount} RemindersCount
 * @typedef {import('./api/reminderTypes.js').ReminderInput} ReminderInput
 * @typedef {import('./api/reminderTypes.js').ReminderSettings} ReminderSettings
 *
 * @typedef {(cmd: string, args?: Record<string, unknown>) => Promise<unknown>} InvokeFn
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
    /** Waits for the verification of a large file's pages: what is wrong, or null when sound. @returns {Promise<string | null>} */
    agencyVerification: () => call('agency_verification'),
    /** @param {number} clients @returns {Promise<DemoLoaded>} */
    demoLoad: (clients) => call('demo_load', { clients }),
    /** @param {ClientListQuery} query @returns {Promise<ClientListPage>} */
    clientList: (query) => call('client_list', { query }),
    /** @param {string} text @param {number} limit @returns {Promise<ClientSummary[]>} */
    clientSearch: (text, limit) => call('client_search', { text, limit }),
    /**
     * The search box: clients, and contracts, vehicles, claims and insurers by what identifies them.
     * @param {string} text @param {number} limit @returns {Promise<SearchResults>}
     */
    search: (text, limit) => call('search', { text, limit }),
    /** @param {number} id @returns {Promise<ClientRecord>} */
    clientGet: (id) => call('client_get', { id }),
    /** @param {ClientInput} input @returns {Promise<ClientRecord>} */
    clientCreate: (input) => call('client_create', { input }),
    /**
     * With `expectedVersion` (the record's `version`), the backend refuses to overwrite a change
     * made in the meantime; without it, the last write wins.
     * The values replaced are kept, with `reason` when given.
     * @param {number} id @param {ClientInput} input @param {number} [expectedVersion]
     * @param {string} [reason]
     * @returns {Promise<ClientRecord>}
     */
    clientUpdate: (id, input, expectedVersion, reason) =>
      call('client_update', {
        id, input,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
        ...(reason === undefined ? {} : { reason }),
      }),
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
    /**
     * Records alcohol or drugs, or a hit-and-run, on a claim (A121-1-2).
     * @param {number} claimId @param {AggravationInput} input @returns {Promise<ClaimPage>}
     */
    claimAggravationAdd: (claimId, input) => call('claim_aggravation_add', { claimId, input }),
    /**
     * Records a suspension, a cancellation, several suspensions or a non-declaration on a driver.
     * @param {number} driverId @param {AggravationInput} input @returns {Promise<ContractRecord>}
     */
    driverAggravationAdd: (driverId, input) => call('driver_aggravation_add', { driverId, input }),
    /**
     * Withdraws an aggravating fact recorded by mistake (the reason is required; it stays in the
     * history).
     * @param {number} id @param {string} reason @returns {Promise<ContractRecord>}
     */
    aggravationWithdraw: (id, reason) => call('aggravation_withdraw', { id, reason }),
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
    /** A client's relevés, most recent first. @param {number} clientId @returns {Promise<ReleveEntry[]>} */
    releveList: (clientId) => call('releve_list', { clientId }),
    /** @param {number} id @returns {Promise<ReleveEntry>} */
    releveGet: (id) => call('releve_get', { id }),
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
    /** The Sinistres section: a page of claims, open and closed, filtered. @param {ClaimListQuery} query @returns {Promise<ClaimListPage>} */
    claimsSearch: (query) => call('claims_search', { query }),
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
    /**
     * Attaches the file at `path` (absolute, from a native drop or the file dialog; read and
     * checked by its content in Rust) to a client, a contract or a claim.
     * @param {OwnerKind} ownerKind @param {number} ownerId @param {string} path
     * @param {DocumentInput} draft @returns {Promise<AttachResult>}
     */
    documentAttach: (ownerKind, ownerId, path, draft) =>
      call('document_attach', { ownerKind, ownerId, path, draft }),
    /** @param {OwnerKind} ownerKind @param {number} ownerId @param {boolean} [withBin] @returns {Promise<DocumentRecord[]>} */
    documentList: (ownerKind, ownerId, withBin) =>
      call('document_list', { ownerKind, ownerId, withBin: withBin ?? false }),
    /** The document's bytes, as binary. @param {number} id @returns {Promise<ArrayBuffer>} */
    documentContent: (id) => call('document_content', { id }),
    /** Page `page` (from 1) of a TIFF, as PNG. @param {number} id @param {number} page @returns {Promise<ArrayBuffer>} */
    documentPage: (id, page) => call('document_page', { id, page }),
    /** The thumbnail (PNG; empty when none). @param {number} id @returns {Promise<ArrayBuffer>} */
    documentThumbnail: (id) => call('document_thumbnail', { id }),
    /** Writes a copy at `path` (recorded). @param {number} id @param {string} path @returns {Promise<DocumentRecord>} */
    documentExport: (id, path) => call('document_export', { id, path }),
    /** Changes the type, date and note (recorded). @param {number} id @param {DocumentInput} draft @returns {Promise<DocumentRecord>} */
    documentUpdate: (id, draft) => call('document_update', { id, draft }),
    /** @param {number} id @returns {Promise<DocumentRecord>} */
    documentBin: (id) => call('document_bin', { id }),
    /** @param {number} id @returns {Promise<DocumentRecord>} */
    documentRestore: (id) => call('document_restore', { id }),
    /** @returns {Promise<DocumentRecord[]>} */
    binList: () => call('bin_list'),
    /**
     * Removes for good the bin's documents of one record (the one shown), or the whole
     * agency's when no record is given (Paramètres → Documents); how many.
     * @param {OwnerKind} [ownerKind] @param {number} [ownerId] @returns {Promise<number>}
     */
    binEmpty: (ownerKind, ownerId) =>
      call('bin_empty', ownerKind === undefined ? {} : { ownerKind, ownerId }),
    /** @returns {Promise<DocumentSettings>} */
    documentSettings: () => call('document_settings'),
    /** @param {number} maxMegabytes @returns {Promise<DocumentSettings>} */
    documentSettingsSet: (maxMegabytes) => call('document_settings_set', { maxMegabytes }),
    /** @returns {Promise<MailAccount | null>} */
    mailAccount: () => call('mail_account'),
    /** @param {MailAccountInput} draft @returns {Promise<MailAccount>} */
    mailAccountSet: (draft) => call('mail_account_set', { draft }),
    /** The SMTP password for this session only (no keychain). @param {string} password @returns {Promise<void>} */
    mailSessionPassword: (password) => call('mail_session_password', { password }),
    /** @returns {Promise<MailTemplate[]>} */
    mailTemplates: () => call('mail_templates'),
    /** @param {string} kind @param {string} subject @param {string} body @returns {Promise<MailTemplate>} */
    mailTemplateSet: (kind, subject, body) => call('mail_template_set', { kind, subject, body }),
    /** @param {MailInput} draft @returns {Promise<MailPreview>} */
    mailPreview: (draft) => call('mail_preview', { draft }),
    /** Sends what the broker confirmed. @param {MailInput} draft @returns {Promise<MailMessage>} */
    mailSend: (draft) => call('mail_send', { draft, confirmed: true }),
    /** @returns {Promise<MailMessage[]>} */
    mailOutbox: () => call('mail_outbox'),
    /** Every message of the outbox once more (or only `id`). @param {number | null} [id] @returns {Promise<MailMessage[]>} */
    mailRetry: (id) => call('mail_retry', { id: id ?? null }),
    /** The renewal calendar's items of a period. @param {CalendarFilter} filter @returns {Promise<CalendarItem[]>} */
    calendar: (filter) => call('calendar', { filter }),
    /** The same items written as an .ics file at `path`. @param {CalendarFilter} filter @param {string} path @returns {Promise<CalendarExport>} */
    calendarExport: (filter, path) => call('calendar_export', { filter, path }),
    /** @returns {Promise<RenewalSettings>} */
    renewalSettings: () => call('renewal_settings'),
    /**
     * Notes an exchange with the client (a call, a meeting, a letter, a consent given or
     * withdrawn): an append-only entry of their exchange log, shown on the timeline.
     * @param {number} clientId @param {ClientExchangeInput} input @returns {Promise<ClientExchange>}
     */
    clientExchangeAdd: (clientId, input) => call('client_exchange_add', { clientId, input }),
    /** The client's exchange log, oldest first. @param {number} clientId @returns {Promise<ClientExchange[]>} */
    clientExchanges: (clientId) => call('client_exchanges', { clientId }),
    /** The « Rappels » page: due (oldest first), upcoming, the last closed. @returns {Promise<RemindersPage>} */
    remindersPage: () => call('reminders_page'),
    /** How many reminders are due now (the sidebar's counter). @returns {Promise<RemindersCount>} */
    remindersCount: () => call('reminders_count'),
    /**
     * The reminders of one client, contract or claim.
     * @param {{ clientId?: number | null, contractId?: number | null, claimId?: number | null }} on
     * @returns {Promise<Reminder[]>}
     */
    remindersOf: (on) => call('reminders_of', { clientId: on.clientId ?? null, contractId: on.contractId ?? null, claimId: on.claimId ?? null }),
    /** @param {ReminderInput} input @returns {Promise<Reminder>} */
    reminderAdd: (input) => call('reminder_add', { input }),
    /** @param {number} id @returns {Promise<Reminder>} */
    reminderDone: (id) => call('reminder_done', { id }),
    /** @param {number} id @returns {Promise<Reminder>} */
    reminderDismiss: (id) => call('reminder_dismiss', { id }),
    /** Due again at `until` (`YYYY-MM-DDTHH:MM`). @param {number} id @param {string} until @returns {Promise<Reminder>} */
    reminderSnooze: (id, until) => call('reminder_snooze', { id, until }),
    /** @returns {Promise<ReminderSettings>} */
    reminderSettings: () => call('reminder_settings'),
    /** @param {ReminderSettings} settings @returns {Promise<ReminderSettings>} */
    reminderSettingsSet: (settings) => call('reminder_settings_set', { settings }),
    /** @returns {Promise<AgencyIdentity>} */
    agencyIdentityGet: () => call('agency_identity_get'),
    /** @param {AgencyIdentityDraft} draft @returns {Promise<AgencyIdentity>} */
    agencyIdentitySet: (draft) => call('agency_identity_set', { draft }),
    /** The logo kept (PNG or JPEG bytes; empty when none). @returns {Promise<ArrayBuffer>} */
    agencyLogo: () => call('agency_logo'),
    /**
     * Generates a paper of a contract (stored with it as a document).
     * @param {PrintKind} kind @param {number} contractId @param {string | null} [date] @returns {Promise<GeneratedPdf>}
     */
    printPdf: (kind, contractId, date) => call('print_pdf', { kind, contractId, date: date ?? null }),
    /**
     * Records the avis d'échéance sent.
     * @param {number} contractId @param {string} echeance @param {string} on @param {string | null} channel @returns {Promise<AvisSent>}
     */
    avisSentRecord: (contractId, echeance, on, channel) => call('avis_sent_record', { contractId, echeance, on, channel }),
    /** @param {number} contractId @returns {Promise<AvisSent[]>} */
    avisSentList: (contractId) => call('avis_sent_list', { contractId }),
    /** The system print dialog on the window's page (its print stylesheet applied). @returns {Promise<void>} */
    webviewPrint: () => call('webview_print'),
    /**
     * The native file dialog for one image (the agency's logo): its absolute path, or null.
     * @param {string} title @returns {Promise<string | null>}
     */
    pickImage: async (title) => {
      const got = await call('plugin:dialog|open', {
        options: { title, multiple: false, filters: [{ name: 'PNG, JPEG', extensions: ['png', 'jpg', 'jpeg', 'PNG', 'JPG', 'JPEG'] }] },
      });
      if (Array.isArray(got)) return got.length > 0 ? String(got[0]) : null;
      return typeof got === 'string' && got !== '' ? got : null;
    },
    /**
     * The native file dialog (tauri-plugin-dialog): the absolute paths picked, or [] if none.
     * @param {string} title @returns {Promise<string[]>}
     */
    pickFiles: async (title) => {
      const got = await call('plugin:dialog|open', {
        options: {
          title,
          multiple: true,
          filters: [{ name: 'PDF, JPEG, PNG, TIFF', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'PDF', 'JPG', 'JPEG', 'PNG', 'TIF', 'TIFF'] }],
        },
      });
      if (Array.isArray(got)) return got.map(String);
      return typeof got === 'string' ? [got] : [];
    },
    /**
     * The native save dialog: the absolute path chosen, or null.
     * @param {string} title @param {string} defaultPath @returns {Promise<string | null>}
     */
    pickSavePath: async (title, defaultPath) => {
      const got = await call('plugin:dialog|save', { options: { title, defaultPath } });
      return typeof got === 'string' && got !== '' ? got : null;
    },
  };
}

/**
 * Calls `onDrop(paths)` for every native file drop on the window (Tauri's drag-and-drop event,
 * with absolute paths), and `onHover(over)` while files are dragged over it. Returns a function
 * that stops listening. Without a backend (tests, a plain browser) it does nothing.
 * @param {(paths: string[]) => void} onDrop
 * @param {(over: boolean) => void} [onHover]
 * @returns {() => void}
 */
export function onFileDrop(onDrop, onHover) {
  const w = /** @type {any} */ (globalThis);
  const webview = w.__TAURI__?.webview?.getCurrentWebview?.();
  if (!webview) return () => {};
  let stop = () => {};
  let stopped = false;
  webview.onDragDropEvent((/** @type {any} */ event) => {
    const p = event?.payload ?? {};
    if (p.type === 'drop') {
      onHover?.(false);
      if (Array.isArray(p.paths) && p.paths.length > 0) onDrop(p.paths.map(String));
    } else if (p.type === 'enter' || p.type === 'over') {
      onHover?.(true);
    } else if (p.type === 'leave') {
      onHover?.(false);
    }
  }).then((/** @type {() => void} */ unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  }, () => {});
  return () => { stopped = true; stop(); };
}

/**
 * Calls `onChange(count)` each time the reminders' timer passed (what it fired, and how many
 * are due). Returns a function that stops listening. Without a backend, nothing.
 * @param {(count: RemindersCount) => void} onChange
 * @param {any} [tauri] `window.__TAURI__` (tests pass a fake one)
 * @returns {() => void}
 */
export function onRemindersChanged(onChange, tauri = /** @type {any} */ (globalThis).__TAURI__) {
  const listen = tauri?.event?.listen;
  if (typeof listen !== 'function') return () => {};
  let stopped = false;
  let stop = () => {};
  Promise.resolve(listen('reminders-changed', (/** @type {{ payload: RemindersCount }} */ e) => {
    if (!stopped && e && e.payload) onChange(e.payload);
  })).then((/** @type {() => void} */ unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  }, () => {});
  return () => { stopped = true; stop(); };
}

/**
 * Sets the page's zoom (WebKit's own: the page lays out in fewer CSS pixels), through Tauri's
 * `set_zoom` on the current webview (capability `core:webview:allow-set-webview-zoom`). Resolves
 * false without a backend or when refused.
 * @param {number} level 1 = 100 %
 * @param {any} [tauri] `window.__TAURI__` (tests pass a fake one)
 * @returns {Promise<boolean>}
 */
export async function setWindowZoom(level, tauri = /** @type {any} */ (globalThis).__TAURI__) {
  const webview = tauri?.webview?.getCurrentWebview?.();
  if (!webview || typeof webview.setZoom !== 'function') return false;
  try {
    await webview.setZoom(level);
    return true;
  } catch {
    return false;
  }
}

/** @typedef {ReturnType<typeof createApi>} Api */

/** The product instance, over Tauri's invoke. */
export const api = createApi(tauriInvoke);

/**
 * Asks before the window itself closes (its close button, Alt+F4): `shouldClose` decides, and
 * the window stays open when it resolves false. Tauri's `onCloseRequested` on the current window
 * (capability `core:event:allow-listen`, `core:window:allow-destroy`); without Tauri (the node
 * tests), nothing. Returns a function that stops asking.
 * @param {() => Promise<boolean>} shouldClose
 * @param {any} [tauri] `window.__TAURI__` (tests pass a fake one)
 * @returns {() => void}
 */
export function guardWindowClose(shouldClose, tauri = /** @type {any} */ (globalThis).__TAURI__) {
  const win = tauri?.window?.getCurrentWindow?.();
  if (!win || typeof win.onCloseRequested !== 'function') return () => {};
  /** @type {Promise<() => void>} */
  const unlisten = Promise.resolve(win.onCloseRequested(async (/** @type {{ preventDefault: () => void }} */ event) => {
    let close = true;
    try {
      close = await shouldClose();
    } catch {
      close = false;
    }
    if (!close) event.preventDefault();
  }));
  unlisten.catch(() => {});
  return () => { unlisten.then((f) => f(), () => {}); };
}
