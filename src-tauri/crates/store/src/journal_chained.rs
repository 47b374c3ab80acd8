//! The tables of append-only facts the journal chains, in the order of a manifest.

use super::Chained;

/// Every table whose rows enter the journal, in the order of a manifest. Adding a table of facts
/// (with an integer primary key and an `act_id`) is one line here. Claims, vehicles and drivers
/// are corrected in place (the values replaced go to `revisions`, which is chained): the journal
/// holds what never changes of them (their existence, their contract, what the coefficient
/// rests on and no correction touches).
pub(crate) const CHAINED: &[Chained] = &[
    Chained {
        table: "contract_events",
        key: &["contract_id", "seq"],
        content: &["on_date", "kind", "status", "terminated_by", "details"],
    },
    Chained {
        table: "contract_premiums",
        key: &["contract_id", "seq"],
        content: &[
            "from_day",
            "(SELECT g.label FROM guarantees g WHERE g.id = t.guarantee_id)",
            "amount_cents",
            "modulated",
        ],
    },
    Chained {
        table: "contract_interruptions",
        key: &["id"],
        content: &["contract_id", "from_date", "to_date", "reason"],
    },
    Chained {
        table: "vehicles",
        key: &["id"],
        content: &["contract_id", "other_drivers"],
    },
    Chained {
        table: "drivers",
        key: &["id"],
        content: &["contract_id", "client_id"],
    },
    Chained {
        table: "claims",
        key: &["id"],
        content: &["contract_id", "estimated_cents"],
    },
    Chained {
        table: "claim_qualifications",
        key: &["claim_id", "seq"],
        content: &["responsibility", "found_day", "note"],
    },
    Chained {
        table: "claim_status_events",
        key: &["claim_id", "seq"],
        content: &[
            "(SELECT k.status FROM claim_status_codes k WHERE k.code = t.status)",
            "on_day",
            "note",
        ],
    },
    Chained {
        table: "claim_amounts",
        key: &["claim_id", "seq"],
        content: &["kind", "amount_cents", "on_day", "note"],
    },
    Chained {
        table: "claim_parties",
        key: &["id"],
        content: &[
            "claim_id",
            "role",
            "name",
            "phone",
            "email",
            "address",
            "reference",
        ],
    },
    Chained {
        table: "claim_communications",
        key: &["id"],
        content: &[
            "claim_id",
            "party_id",
            "at",
            "channel",
            "direction",
            "summary",
            "recorded_at",
            "prev_hash",
            "hash",
        ],
    },
    Chained {
        table: "releves",
        key: &["id"],
        content: &[
            "client_id",
            "received_on",
            "document",
            "start_coefficient",
            "inconsistency",
        ],
    },
    Chained {
        table: "aggravations",
        key: &["id"],
        content: &[
            "contract_id",
            "claim_id",
            "driver_id",
            "kind",
            "event_day",
            "suspension_months",
            "suspension_from",
            "suspension_to",
            "caused_by",
            "note",
        ],
    },
    Chained {
        table: "aggravation_withdrawals",
        key: &["aggravation_id"],
        content: &["reason"],
    },
    Chained {
        table: "documents",
        key: &["id"],
        content: &[
            "client_id",
            "contract_id",
            "claim_id",
            "kind",
            "format",
            "file_name",
            "document_date",
            "note",
            "size",
            "pages",
            "sha256",
        ],
    },
    Chained {
        table: "document_bin_events",
        key: &["document_id", "seq"],
        content: &["action"],
    },
    Chained {
        table: "document_exports",
        key: &["document_id", "seq"],
        content: &["destination"],
    },
    Chained {
        table: "agency_identities",
        key: &["id"],
        content: &[
            "name",
            "address",
            "orias",
            "association",
            "phone",
            "email",
            "footer",
            "logo_format",
            "logo",
        ],
    },
    Chained {
        table: "bin_emptyings",
        key: &["id"],
        content: &["(SELECT group_concat(e.document_id) FROM bin_emptied_documents e WHERE e.emptying_id = t.id)"],
    },
    Chained {
        table: "revisions",
        key: &["id"],
        content: &["entity", "entity_id", "previous", "reason"],
    },
    Chained {
        table: "mail_accounts",
        key: &["id"],
        content: &["host", "port", "security", "username", "from_address", "from_name"],
    },
    Chained {
        table: "mail_templates",
        key: &["id"],
        content: &["kind", "subject", "body"],
    },
    Chained {
        table: "mail_messages",
        key: &["id"],
        content: &[
            "kind",
            "client_id",
            "contract_id",
            "claim_id",
            "to_address",
            "subject",
            "body",
            "attachments",
        ],
    },
    Chained {
        table: "mail_attempts",
        key: &["message_id", "seq"],
        content: &["outcome", "reason"],
    },
    Chained {
        table: "releve_requests",
        key: &["id"],
        content: &["client_id", "insurer_id", "requested_on", "message_id"],
    },
    Chained {
        table: "avis_sendings",
        key: &["id"],
        content: &["contract_id", "echeance", "sent_on", "channel"],
    },
    Chained {
        table: "renewal_settings",
        key: &["id"],
        content: &["claim_silence_days", "advice_review_months", "ics_client_names"],
    },
    Chained {
        table: "reminders",
        key: &["id"],
        content: &[
            "origin",
            "client_id",
            "contract_id",
            "claim_id",
            "deadline_kind",
            "deadline_date",
            "rule",
            "lead_days",
            "due_at",
            "title",
            "note",
        ],
    },
    Chained {
        table: "reminder_events",
        key: &["reminder_id", "seq"],
        content: &["kind", "occurrence", "broker"],
    },
    Chained {
        table: "reminder_settings",
        key: &["id"],
        content: &["lead_days"],
    },
    Chained {
        table: "client_exchanges",
        key: &["id"],
        content: &[
            "client_id",
            "contract_id",
            "at",
            "kind",
            "channel",
            "direction",
            "summary",
        ],
    },
    Chained {
        table: "document_details",
        key: &["document_id", "seq"],
        content: &["kind", "document_date", "note"],
    },
];
