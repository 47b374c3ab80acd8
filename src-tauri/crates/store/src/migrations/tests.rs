//! The upgrade from schema 7 to the latest: the same reads before and after, on facts of every
//! kind; the plans of the compacted fact tables.

use crate::prelude::*;
use crate::sql::{date, opt_date, query_vec};
use crate::{OpenMode, MIGRATIONS, SCHEMA_VERSION};
use courtier_vault::DbKey;

/// Facts of every kind, as the schema-7 code wrote them: two contracts (one terminated, one
/// amended, with an interruption), a vehicle replaced, drivers (one born before 1970), claims
/// whose statuses, qualifications and amounts were written interleaved, parties, exchanges,
/// a relevé, corrections and coefficient histories, at several recording times.
pub(crate) const SCHEMA_7_FACTS: &str = "
    INSERT INTO agency (id, agency_id, created_at) VALUES (1, 'agence', '2024-01-01T08:00:00Z');
    INSERT INTO households (id, created_at) VALUES (1, '2024-01-01T08:00:00Z');
    INSERT INTO clients (id, kind, last_name, first_name, status, household_id, sort_key, created_at, updated_at)
        VALUES (1, 'person', 'Martin', 'Anne', 'client', 1, 'martin anne', '2024-01-01T08:00:00Z', '2024-01-02T08:00:00Z'),
               (2, 'person', 'Roux', 'Tom', 'client', 1, 'roux tom', '2024-01-01T08:00:00Z', '2024-01-01T08:00:00Z');
    INSERT INTO client_addresses (client_id, position, kind, postcode, city, country)
        VALUES (1, 0, 'principale', '69003', 'Lyon', 'France');
    INSERT INTO insurers (id, name, created_at) VALUES (1, 'Alliance Auto', '2024-01-01T08:00:00Z');
    INSERT INTO contracts (id, client_id, insurer_id, number, product, subscription_date, first_echeance,
            usage, clause_applies, start_coefficient, start_periods_at_floor, start_claim_free_streak, created_at, updated_at)
        VALUES (1, 1, 1, 'A-1', 'auto', '2021-03-15', '2022-03-15', 'standard', 1, 100, 0, 0, '2024-01-01T08:00:00Z', '2024-03-05T10:00:00Z'),
               (2, 2, 1, 'A-2', 'auto', '1968-05-01', '1969-05-01', 'tournees', 0, 95, 1, 2, '2024-01-01T08:00:00Z', '2024-01-01T08:00:00Z');
    INSERT INTO contract_events (id, contract_id, on_date, kind, status, terminated_by, details, recorded_at)
        VALUES (1, 1, '2021-03-15', 'status', 'en_cours', NULL, NULL, '2024-01-01T08:00:00Z'),
               (2, 2, '1968-05-01', 'status', 'en_cours', NULL, NULL, '2024-01-01T08:00:00Z'),
               (3, 1, '2023-01-01', 'avenant', NULL, NULL, 'Ajout bris de glace', '2024-02-01T09:00:00Z'),
               (4, 2, '2024-06-30', 'status', 'resilie', 'loi_hamon', 'Départ', '2024-03-05T10:00:00Z'),
               (5, 1, '2023-01-01', 'status', 'suspendu', NULL, NULL, '2024-03-05T10:00:00Z');
    INSERT INTO contract_premiums (id, contract_id, from_date, guarantee, amount_cents, modulated, recorded_at)
        VALUES (1, 1, '2021-03-15', 'Responsabilité civile', 30000, 1, '2024-01-01T08:00:00Z'),
               (2, 2, '1968-05-01', 'Responsabilité civile', 12000, 1, '2024-01-01T08:00:00Z'),
               (3, 1, '2023-01-01', 'Bris de glace', 4500, 0, '2024-02-01T09:00:00Z'),
               (4, 1, '2021-03-15', 'Dommages tous accidents', 0, 1, '2024-02-01T09:00:00Z');
    INSERT INTO contract_interruptions (id, contract_id, from_date, to_date, reason, recorded_at)
        VALUES (1, 1, '2023-01-01', '2023-04-01', 'Véhicule immobilisé', '2024-03-05T10:00:00Z');
    INSERT INTO vehicles (id, contract_id, registration, make, model, first_registration, from_date, to_date,
            replaced_by, transfer_note, recorded_at, other_drivers)
        VALUES (1, 1, 'AB-123-CD', 'Peugeot', '208', '2019-01-10', '2021-03-15', NULL, NULL, NULL, '2024-01-01T08:00:00Z', 0),
               (2, 1, 'EF-456-GH', NULL, NULL, NULL, '2022-07-01', NULL, NULL, NULL, '2024-02-01T09:00:00Z', 1);
    UPDATE vehicles SET to_date = '2022-07-01', replaced_by = 2, transfer_note = 'Remplacé ; le coefficient est transféré.' WHERE id = 1;
    INSERT INTO drivers (id, contract_id, client_id, role, last_name, first_name, birth_date, licence_number,
            licence_date, aac, from_date, to_date, recorded_at)
        VALUES (1, 1, 1, 'principal', 'Martin', 'Anne', '1984-03-12', '123456789012', '2002-06-01', 1, '2021-03-15', NULL, '2024-01-01T08:00:00Z'),
               (2, 2, NULL, 'secondaire', 'Roux', NULL, '1950-02-28', NULL, '1968-01-15', 0, '1968-05-01', '1969-12-31', '2024-01-01T08:00:00Z');
    INSERT INTO claims (id, contract_id, vehicle_id, driver_id, occurred_on, declared_on, kind, place, description,
            insurer_reference, estimated_cents, recorded_at)
        VALUES (1, 1, 1, 1, '2022-04-15', '2022-04-20', 'accident', 'Rennes', 'Collision', 'SIN-1', 283571, '2024-01-01T08:00:00Z'),
               (2, 1, NULL, NULL, '2023-08-06', NULL, 'glass', NULL, NULL, NULL, NULL, '2024-02-01T09:00:00Z'),
               (3, 2, NULL, 2, '1969-01-02', '1969-01-03', 'theft', NULL, NULL, NULL, 1000, '2024-02-01T09:00:00Z');
    INSERT INTO claim_qualifications (id, claim_id, responsibility, found_on, note, recorded_at)
        VALUES (1, 1, 'full', '2022-04-20', NULL, '2024-01-01T08:00:00Z'),
               (2, 2, 'none', '2023-08-06', NULL, '2024-02-01T09:00:00Z'),
               (3, 1, 'partial', '2022-09-01', 'Rapport d''expert', '2024-03-05T10:00:00Z'),
               (4, 3, 'none', '1969-01-03', NULL, '2024-02-01T09:00:00Z');
    INSERT INTO claim_status_events (id, claim_id, status, on_date, note, recorded_at)
        VALUES (1, 1, 'declare', '2022-04-20', NULL, '2024-01-01T08:00:00Z'),
               (2, 2, 'declare', '2023-08-06', NULL, '2024-02-01T09:00:00Z'),
               (3, 1, 'en_expertise', '2022-05-03', 'Expert mandaté', '2024-02-01T09:00:00Z'),
               (4, 2, 'clos', '2023-09-01', NULL, '2024-03-05T10:00:00Z'),
               (5, 1, 'en_reparation', '2022-05-28', NULL, '2024-03-05T10:00:00Z'),
               (6, 3, 'declare', '1969-01-03', NULL, '2024-02-01T09:00:00Z'),
               (7, 3, 'refuse', '1969-02-01', NULL, '2024-02-01T09:00:00Z');
    INSERT INTO claim_amounts (id, claim_id, kind, amount_cents, on_date, note, recorded_at)
        VALUES (1, 1, 'estimation', 283571, '2022-04-20', NULL, '2024-01-01T08:00:00Z'),
               (2, 3, 'estimation', 1000, '1969-01-03', NULL, '2024-02-01T09:00:00Z'),
               (3, 1, 'reglement', 150000, '2022-06-01', 'Premier acompte', '2024-03-05T10:00:00Z'),
               (4, 1, 'franchise', 30000, '2022-04-20', NULL, '2024-03-05T10:00:00Z');
    INSERT INTO claim_parties (id, claim_id, role, name, phone, email, address, reference, recorded_at)
        VALUES (1, 1, 'expert', 'Cabinet Durand', '0401020304', NULL, NULL, 'EXP-9', '2024-02-01T09:00:00Z');
    INSERT INTO claim_communications (claim_id, party_id, at, channel, direction, summary, recorded_at)
        VALUES (1, 1, '2022-05-02', 'telephone', 'sortant', 'Rendez-vous pris', '2024-02-01T09:00:00Z'),
               (1, NULL, '2022-05-01T10:30:00Z', 'email', 'entrant', 'Photos reçues', '2024-02-01T09:00:00Z');
    INSERT INTO releves (id, client_id, received_on, document, start_coefficient, inconsistency, recorded_at)
        VALUES (1, 1, '2024-01-10', '{\"coefficient\":95}', 95, NULL, '2024-01-10T11:00:00Z');
    INSERT INTO revisions (id, entity, entity_id, previous, reason, recorded_at)
        VALUES (1, 'claim', 1, '{\"kind\":\"glass\"}', 'Erreur de saisie', '2024-02-01T09:00:00Z'),
               (2, 'contract', 1, '{\"number\":\"A-0\"}', NULL, '2024-03-05T10:00:00Z'),
               (3, 'driver', 1, '{\"role\":\"secondaire\"}', NULL, '2024-03-05T10:00:00Z');
    INSERT INTO coefficient_history (contract_id, echeance, coefficient)
        VALUES (1, '2023-03-15', 125), (1, '2022-03-15', 100), (1, '2024-03-15', 118),
               (2, '1969-05-01', 95), (2, '1970-05-01', 90);
";

/// Everything the store reads back about the two contracts and their client, through the
/// store's reads.
pub(super) fn reads(s: &Store) -> String {
    let mut out = String::new();
    for id in [1, 2] {
        out += &format!("{:#?}\n", s.contract_facts(id).unwrap());
        out += &format!("{:#?}\n", s.contract_events(id).unwrap());
        out += &format!("{:#?}\n", s.contract_premiums(id).unwrap());
        out += &format!("{:#?}\n", s.coefficient_history(id).unwrap());
        out += &format!("{:#?}\n", s.vehicles_of_contract(id).unwrap());
        out += &format!("{:#?}\n", s.drivers_of_contract(id).unwrap());
        out += &format!("{:#?}\n", s.revisions(Entity::Contract, id).unwrap());
        out += &format!("{:#?}\n", s.releves_of_client(id).unwrap());
    }
    out += &format!("{:#?}\n", s.revisions(Entity::Driver, 1).unwrap());
    // The list reads each claim's responsibility in force, kept from migration 17 on: at an
    // earlier step of an upgrade test it is not there yet.
    if s.schema_version().unwrap() >= crate::migrations::RESPONSIBILITY_VERSION {
        out += &format!("{:#?}\n", s.open_claims(10).unwrap());
    }
    out
}

/// The same reads, with the queries of the schema-7 code (before migration 8).
fn schema_7_reads(s: &Store) -> String {
    let c = &s.conn;
    let mut out = String::new();
    for id in [1, 2] {
        let contract = c
            .query_row(
                "SELECT c.id, c.client_id, c.insurer_id, i.name, c.number, c.product,
                    c.subscription_date, c.first_echeance, c.usage, c.clause_applies, c.start_coefficient,
                    c.start_periods_at_floor, c.start_claim_free_streak, c.created_at, c.updated_at
                 FROM contracts c JOIN insurers i ON i.id = c.insurer_id WHERE c.id = ?1",
                [id],
                crate::rows::contract_from_row,
            )
            .unwrap();
        let revisions = |entity: &str, id: i64| {
            query_vec(
                c,
                "SELECT previous, reason, recorded_at FROM revisions WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
                params![entity, id],
                |r| Ok(RevisionRow { previous: r.get(0)?, reason: r.get(1)?, recorded_at: r.get(2)? }),
            )
            .unwrap()
        };
        let mut claims = query_vec(
            c,
            "SELECT id, contract_id, occurred_on, declared_on, kind, place, description,
                insurer_reference, estimated_cents, recorded_at, vehicle_id, driver_id
             FROM claims WHERE contract_id = ?1 ORDER BY occurred_on, id",
            [id],
            |r| {
                Ok(ClaimRow {
                    id: r.get(0)?,
                    contract_id: r.get(1)?,
                    occurred_on: date(r.get(2)?)?,
                    declared_on: opt_date(r.get(3)?)?,
                    kind: crate::sql::code(r, 4)?,
                    place: r.get(5)?,
                    description: r.get(6)?,
                    insurer_reference: r.get(7)?,
                    estimated_cents: r.get(8)?,
                    recorded_at: r.get(9)?,
                    vehicle_id: r.get(10)?,
                    driver_id: r.get(11)?,
                    qualifications: Vec::new(),
                    statuses: Vec::new(),
                    parties: Vec::new(),
                    communications: Vec::new(),
                    amounts: Vec::new(),
                    revisions: Vec::new(),
                })
            },
        )
        .unwrap();
        for cl in &mut claims {
            cl.amounts = query_vec(
                c,
                "SELECT kind, amount_cents, on_date, note, recorded_at FROM claim_amounts
                 WHERE claim_id = ?1 ORDER BY on_date, id",
                [cl.id],
                |r| {
                    Ok(AmountRow {
                        kind: crate::sql::code(r, 0)?,
                        amount_cents: r.get(1)?,
                        on_date: date(r.get(2)?)?,
                        note: r.get(3)?,
                        recorded_at: r.get(4)?,
                    })
                },
            )
            .unwrap();
            cl.revisions = revisions("claim", cl.id);
            cl.parties = query_vec(
                c,
                "SELECT id, role, name, phone, email, address, reference FROM claim_parties
                 WHERE claim_id = ?1 ORDER BY id",
                [cl.id],
                |r| {
                    Ok(PartyRow {
                        id: r.get(0)?,
                        role: crate::sql::code(r, 1)?,
                        name: r.get(2)?,
                        phone: r.get(3)?,
                        email: r.get(4)?,
                        address: r.get(5)?,
                        reference: r.get(6)?,
                    })
                },
            )
            .unwrap();
            cl.communications = query_vec(
                c,
                "SELECT id, party_id, at, channel, direction, summary, recorded_at FROM claim_communications
                 WHERE claim_id = ?1 ORDER BY at, id",
                [cl.id],
                |r| {
                    Ok(CommunicationRow {
                        id: r.get(0)?,
                        party_id: r.get(1)?,
                        at: r.get(2)?,
                        channel: crate::sql::code(r, 3)?,
                        direction: crate::sql::code(r, 4)?,
                        summary: r.get(5)?,
                        recorded_at: r.get(6)?,
                    })
                },
            )
            .unwrap();
            cl.qualifications = query_vec(
                c,
                "SELECT responsibility, found_on, note, recorded_at FROM claim_qualifications
                 WHERE claim_id = ?1 ORDER BY id",
                [cl.id],
                |r| {
                    Ok(QualificationRow {
                        responsibility: crate::sql::code(r, 0)?,
                        found_on: date(r.get(1)?)?,
                        note: r.get(2)?,
                        recorded_at: r.get(3)?,
                    })
                },
            )
            .unwrap();
            cl.statuses = query_vec(
                c,
                "SELECT status, on_date, note, recorded_at FROM claim_status_events
                 WHERE claim_id = ?1 ORDER BY id",
                [cl.id],
                |r| {
                    Ok(ClaimStatusRow {
                        status: crate::sql::code(r, 0)?,
                        on_date: date(r.get(1)?)?,
                        note: r.get(2)?,
                        recorded_at: r.get(3)?,
                    })
                },
            )
            .unwrap();
        }
        let interruptions = query_vec(
            c,
            "SELECT from_date, to_date FROM contract_interruptions WHERE contract_id = ?1 ORDER BY from_date",
            [id],
            |r| Ok((date(r.get(0)?)?, date(r.get(1)?)?)),
        )
        .unwrap();
        let terminated_on = c
            .query_row(
                "SELECT status, on_date FROM contract_events
                 WHERE contract_id = ?1 AND kind = 'status' ORDER BY on_date DESC, id DESC LIMIT 1",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .unwrap()
            .filter(|(s, _)| s == "resilie")
            .map(|(_, on)| date(on).unwrap());
        let reductions_lost = query_vec(
            c,
            "SELECT from_date FROM vehicles WHERE contract_id = ?1 AND other_drivers = 1 ORDER BY from_date",
            [id],
            |r| date(r.get(0)?),
        )
        .unwrap();
        out += &format!(
            "{:#?}\n",
            ContractFacts {
                contract,
                claims,
                interruptions,
                terminated_on,
                reductions_lost,
            }
        );
        let events = query_vec(
            c,
            "SELECT on_date, kind, status, terminated_by, details, recorded_at FROM contract_events
             WHERE contract_id = ?1 ORDER BY on_date, id",
            [id],
            |r| {
                Ok(ContractEventRow {
                    on_date: date(r.get(0)?)?,
                    kind: crate::sql::code(r, 1)?,
                    status: crate::sql::opt_code(r, 2)?,
                    terminated_by: crate::sql::opt_code(r, 3)?,
                    details: r.get(4)?,
                    recorded_at: r.get(5)?,
                })
            },
        )
        .unwrap();
        out += &format!("{events:#?}\n");
        let premiums = query_vec(
            c,
            "SELECT from_date, guarantee, amount_cents, modulated FROM contract_premiums
             WHERE contract_id = ?1 ORDER BY from_date, id",
            [id],
            |r| {
                Ok(PremiumLineRow {
                    from_date: date(r.get(0)?)?,
                    guarantee: r.get(1)?,
                    amount_cents: r.get(2)?,
                    modulated: r.get(3)?,
                })
            },
        )
        .unwrap();
        out += &format!("{premiums:#?}\n");
        let history = query_vec(
            c,
            "SELECT echeance, coefficient FROM coefficient_history
             WHERE contract_id = ?1 ORDER BY echeance",
            [id],
            |r| {
                Ok(EcheanceRow {
                    echeance: date(r.get(0)?)?,
                    coefficient: r.get(1)?,
                })
            },
        )
        .unwrap();
        out += &format!("{history:#?}\n");
        // Vehicles are read by a query migration 8 does not change.
        out += &format!("{:#?}\n", crate::rows::vehicles_tx(c, id).unwrap());
        let drivers = query_vec(
            c,
            "SELECT id, contract_id, client_id, role, last_name, first_name, birth_date,
                licence_number, licence_date, aac, from_date, to_date
             FROM drivers WHERE contract_id = ?1 ORDER BY role = 'principal' DESC, id",
            [id],
            |r| {
                Ok(DriverRow {
                    id: r.get(0)?,
                    contract_id: r.get(1)?,
                    client_id: r.get(2)?,
                    role: crate::sql::code(r, 3)?,
                    last_name: r.get(4)?,
                    first_name: r.get(5)?,
                    birth_date: opt_date(r.get(6)?)?,
                    licence_number: r.get(7)?,
                    licence_date: opt_date(r.get(8)?)?,
                    aac: r.get(9)?,
                    from_date: date(r.get(10)?)?,
                    to_date: opt_date(r.get(11)?)?,
                })
            },
        )
        .unwrap();
        out += &format!("{drivers:#?}\n");
        out += &format!("{:#?}\n", revisions("contract", id));
        let releves = query_vec(
            c,
            "SELECT id, client_id, received_on, document, start_coefficient, inconsistency, recorded_at
             FROM releves WHERE client_id = ?1 ORDER BY received_on DESC, id DESC",
            [id],
            |r| {
                Ok(ReleveRow {
                    id: r.get(0)?,
                    client_id: r.get(1)?,
                    received_on: date(r.get(2)?)?,
                    document: r.get(3)?,
                    start_coefficient: r.get(4)?,
                    inconsistency: r.get(5)?,
                    recorded_at: r.get(6)?,
                })
            },
        )
        .unwrap();
        out += &format!("{releves:#?}\n");
    }
    let driver_revisions = query_vec(
        c,
        "SELECT previous, reason, recorded_at FROM revisions WHERE entity = 'driver' AND entity_id = 1 ORDER BY id",
        [],
        |r| Ok(RevisionRow { previous: r.get(0)?, reason: r.get(1)?, recorded_at: r.get(2)? }),
    )
    .unwrap();
    out += &format!("{driver_revisions:#?}\n");
    let open = query_vec(
        c,
        "SELECT cl.id, cl.contract_id, k.client_id,
                coalesce(c.company_name, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))),
                i.name, k.number, cl.occurred_on, cl.kind,
                (SELECT responsibility FROM claim_qualifications q WHERE q.claim_id = cl.id ORDER BY q.id DESC LIMIT 1),
                s.status, s.on_date
         FROM claims cl
         JOIN contracts k ON k.id = cl.contract_id
         JOIN clients c ON c.id = k.client_id
         JOIN insurers i ON i.id = k.insurer_id
         JOIN claim_status_events s ON s.id = (SELECT max(id) FROM claim_status_events WHERE claim_id = cl.id)
         WHERE s.status NOT IN ('clos', 'refuse')
         ORDER BY cl.occurred_on, cl.id
         LIMIT 10",
        [],
        |r| {
            Ok(OpenClaimRow {
                claim_id: r.get(0)?,
                contract_id: r.get(1)?,
                client_id: r.get(2)?,
                client_name: r.get(3)?,
                insurer: r.get(4)?,
                contract_number: r.get(5)?,
                occurred_on: date(r.get(6)?)?,
                kind: crate::sql::code(r, 7)?,
                responsibility: crate::sql::code(r, 8)?,
                status: crate::sql::code(r, 9)?,
                status_since: date(r.get(10)?)?,
            })
        },
    )
    .unwrap();
    out += &format!("{open:#?}\n");
    out
}

#[test]
fn a_schema_7_file_upgraded_to_8_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("agence.courtier");
    let before = {
        let s = Store::open_with(&path, &key, OpenMode::Create, &MIGRATIONS[..7]).unwrap();
        s.conn.execute_batch(SCHEMA_7_FACTS).unwrap();
        // The exchanges chained, as the schema-7 code chained each one it wrote.
        crate::exchange_log::chain_pending(&s.conn).unwrap();
        drop(s);
        let s = Store::open_with(&path, &key, OpenMode::Existing, &MIGRATIONS[..7]).unwrap();
        assert!(s.verify_exchange_log(None).unwrap().is_empty());
        schema_7_reads(&s)
    };
    let mut s = Store::open(&path, &key, OpenMode::Existing).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    // The client counts of migration 9 start from the rows there are.
    let rows: i64 = s
        .conn
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(s.count_clients(true).unwrap(), rows as u64);
    let after = reads(&s);
    assert_eq!(before, after);
    // Nothing was lost on the way: the facts the reads show are all there, in order.
    assert!(after.contains("1950-02-28") && after.contains("1969-05-01"));
    assert!(s.verify_exchange_log(None).unwrap().is_empty());
    assert_eq!(s.integrity_check().unwrap(), ["ok"]);
    let fk: Vec<String> = query_vec(&s.conn, "PRAGMA foreign_key_check", [], |r| r.get(0)).unwrap();
    assert!(fk.is_empty(), "{fk:?}");
    // The guards are back on the rebuilt tables.
    for sql in [
        "DELETE FROM claim_amounts",
        "UPDATE claim_status_events SET note = 'x'",
        "DELETE FROM claim_qualifications",
        "UPDATE contract_events SET on_date = '2000-01-01'",
        "DELETE FROM contract_premiums",
    ] {
        let e = s.conn.execute_batch(sql).unwrap_err().to_string();
        assert!(
            e.contains("append-only") || e.contains("never deleted"),
            "{sql}: {e}"
        );
    }
    // Facts written after the upgrade follow the ones before it.
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    s.claim_status(
        1,
        ClaimStatus::Indemnise,
        d("2022-07-01"),
        None,
        "2024-04-01T12:00:00Z",
    )
    .unwrap();
    s.requalify_claim(
        1,
        Responsibility::None,
        d("2022-10-01"),
        None,
        "2024-04-01T12:00:00Z",
        // No coefficient kept here; every claim needs its responsibility in force.
        &|f| {
            Ok(Derived {
                echeances: Vec::new(),
                responsibilities: f
                    .claims
                    .iter()
                    .map(|c| (c.id, c.qualifications.last().unwrap().responsibility))
                    .collect(),
            })
        },
    )
    .unwrap();
    let claim = s
        .contract_facts(1)
        .unwrap()
        .claims
        .into_iter()
        .find(|c| c.id == 1)
        .unwrap();
    let statuses: Vec<_> = claim.statuses.iter().map(|x| x.status.as_str()).collect();
    assert_eq!(
        statuses,
        ["declare", "en_expertise", "en_reparation", "indemnise"]
    );
    assert_eq!(claim.statuses[3].recorded_at, "2024-04-01T12:00:00Z");
    let resp: Vec<_> = claim
        .qualifications
        .iter()
        .map(|q| q.responsibility.as_str())
        .collect();
    assert_eq!(resp, ["full", "partial", "none"]);
}

/// The facts of a claim or a contract are read from their parent's key (the tables are
/// clustered on it), and the open claims from the claims, never by scanning every status.
#[test]
fn fact_reads_use_their_parents_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agence.courtier");
    let s = Store::open(&path, &DbKey::generate(), OpenMode::Create).unwrap();
    let plan = |sql: &str| {
        query_vec(&s.conn, &format!("EXPLAIN QUERY PLAN {sql}"), [], |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .join(" | ")
    };
    for (table, parent) in [
        ("claim_status_events", "claim_id"),
        ("claim_qualifications", "claim_id"),
        ("claim_amounts", "claim_id"),
        ("contract_events", "contract_id"),
        ("contract_premiums", "contract_id"),
    ] {
        let p = plan(&format!(
            "SELECT * FROM {table} WHERE {parent} = 1 ORDER BY seq"
        ));
        assert!(p.contains("USING PRIMARY KEY"), "{table}: {p}");
    }
    let p = plan(
        "SELECT cl.id FROM claims cl
         CROSS JOIN claim_status_events s ON s.claim_id = cl.id
             AND s.seq = (SELECT max(seq) FROM claim_status_events WHERE claim_id = cl.id)
         ORDER BY cl.occurred_on, cl.id LIMIT 50",
    );
    assert!(!p.contains("SCAN s"), "{p}");
}
