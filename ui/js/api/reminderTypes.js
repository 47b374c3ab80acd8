// @ts-check
/**
 * The JSON of the reminders' commands (`reminders_page`, `reminders_count`, `reminders_of`,
 * `reminder_add`, `reminder_done`, `reminder_dismiss`, `reminder_snooze`, `reminder_settings`,
 * `reminder_settings_set`) and of the `reminders-changed` event, as `courtier_app::reminders`
 * and the shell serialise them. Wall times are the broker's local `YYYY-MM-DDTHH:MM`.
 */

/**
 * @typedef {object} ReminderEvent
 * @property {'fired' | 'done' | 'snoozed' | 'dismissed'} kind
 * @property {string | null} occurrence fired: the due time; snoozed: until when
 * @property {string} broker
 * @property {string} recordedAt UTC
 */

/**
 * @typedef {object} Reminder
 * @property {number} id
 * @property {'auto' | 'manual'} origin
 * @property {'due' | 'upcoming' | 'done' | 'dismissed'} state
 * @property {string} title
 * @property {string} note
 * @property {string} dueAt when it is due now (the end of its last snooze, or its own)
 * @property {string} firstDueAt
 * @property {number | null} clientId
 * @property {number | null} contractId
 * @property {number | null} claimId
 * @property {string | null} clientName a manual reminder's client
 * @property {string | null} contractNumber a manual reminder's contract
 * @property {string | null} deadlineKind
 * @property {string | null} deadlineDate
 * @property {string | null} rule
 * @property {string | null} ruleSource
 * @property {number | null} leadDays
 * @property {boolean} fired
 * @property {number} firedCount
 * @property {ReminderEvent[]} events
 */

/**
 * @typedef {object} RemindersPage
 * @property {Reminder[]} due
 * @property {Reminder[]} upcoming
 * @property {Reminder[]} closed
 */

/**
 * What the counter shows; `fired`: what the timer's pass just fired (the event only).
 * @typedef {object} RemindersCount
 * @property {number} due
 * @property {Reminder[]} fired
 */

/**
 * « Ajouter un rappel »: on a client, a contract or a claim.
 * @typedef {object} ReminderInput
 * @property {number | null} clientId
 * @property {number | null} contractId
 * @property {number | null} claimId
 * @property {string} title
 * @property {string} dueAt
 * @property {string | null} note
 */

/**
 * @typedef {object} ReminderSettings
 * @property {number[]} leadDays days before an échéance, longest first
 */

export {};
