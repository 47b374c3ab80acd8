//! `courtier claim …`: declaration, corrections, amounts, states, parties, exchanges.

use crate::args::claim::ClaimCommand;
use crate::args::ById;
use crate::output::{
    amount_kind, channel, coef, direction, driver_line, money, party_role, print_contract,
    print_json, print_list, print_revisions, vehicle_line, when,
};
use courtier_app::{
    AmountDto, AppError, ClaimDraft, ClaimListQuery, ClaimUpdate, CommunicationDto, Courtier,
    PartyDto,
};

pub fn run(app: &Courtier, c: ClaimCommand) -> Result<(), AppError> {
    let (k, json) = match c {
        ClaimCommand::Add {
            contract,
            date,
            kind,
            responsibility,
            declared,
            place,
            description,
            reference,
            estimated,
            vehicle,
            driver,
            json,
        } => (
            app.claim_create(&ClaimDraft {
                contract_id: contract,
                occurred_on: date,
                declared_on: declared,
                kind,
                responsibility,
                place,
                description,
                insurer_reference: reference,
                estimated,
                vehicle_id: vehicle,
                driver_id: driver,
            })?,
            json,
        ),
        ClaimCommand::List {
            client: Some(client),
            json,
            ..
        } => {
            return print_list(
                &app.claim_list(client)?,
                json,
                &format!("Aucun sinistre pour le client {client}."),
                |c| {
                    format!(
                        "{:>6}  {}  contrat {:<6} {:<22} {:<25} {}",
                        c.id,
                        c.occurred_on,
                        c.contract_id,
                        c.kind.fr(),
                        c.responsibility.fr(),
                        c.status.in_sentence()
                    )
                },
            );
        }
        ClaimCommand::List {
            client: None,
            state,
            status,
            insurer,
            responsibility,
            from,
            to,
            text,
            oldest_first,
            page,
            page_size,
            json,
        } => {
            let p = app.claims_list(&ClaimListQuery {
                state,
                status,
                insurer_id: insurer,
                responsibility,
                from,
                to,
                text,
                oldest_first,
                page: Some(page),
                page_size: Some(page_size),
            })?;
            if json {
                return print_json(&p);
            }
            print_list(&p.items, false, "Aucun sinistre.", |c| {
                format!(
                    "{:>6}  {}  {:<32} {:<14} {:<25} {:<13} {}",
                    c.claim_id,
                    c.occurred_on,
                    c.client_name,
                    c.kind.fr(),
                    c.responsibility.fr(),
                    c.status.in_sentence(),
                    c.contract_number
                )
            })?;
            if p.more {
                println!("… page suivante : --page {}", p.page + 1);
            }
            return Ok(());
        }
        ClaimCommand::Show(ById { id, json }) => return show_claim(&app.claim_get(id)?, json),
        ClaimCommand::Aggravation(c) => return crate::cmd::aggravation::run_claim(app, c),
        ClaimCommand::Update {
            id,
            date,
            declared,
            kind,
            place,
            description,
            reference,
            vehicle,
            driver,
            reason,
            json,
        } => {
            let page = app.claim_update(
                id,
                &ClaimUpdate {
                    occurred_on: date,
                    declared_on: declared,
                    kind,
                    place,
                    description,
                    insurer_reference: reference,
                    vehicle_id: vehicle,
                    driver_id: driver,
                    reason,
                },
            )?;
            return show_claim(&page, json);
        }
        ClaimCommand::Amount {
            id,
            kind,
            amount,
            on,
            note,
            json,
        } => {
            let page = app.claim_amount_add(
                id,
                &AmountDto {
                    kind,
                    amount,
                    on_date: on,
                    note,
                    recorded_at: String::new(),
                },
            )?;
            return show_claim(&page, json);
        }
        ClaimCommand::Status {
            id,
            status,
            on,
            note,
            json,
        } => (
            app.claim_set_status(id, &status, &on, note.as_deref())?,
            json,
        ),
        ClaimCommand::Party {
            id,
            role,
            name,
            phone,
            email,
            address,
            reference,
            json,
        } => (
            app.claim_party_add(
                id,
                &PartyDto {
                    id: 0,
                    role,
                    name,
                    phone,
                    email,
                    address,
                    reference,
                },
            )?,
            json,
        ),
        ClaimCommand::Contact {
            id,
            party,
            at,
            channel,
            direction,
            summary,
            json,
        } => (
            app.claim_communication_add(
                id,
                &CommunicationDto {
                    id: 0,
                    party_id: party,
                    at,
                    channel,
                    direction,
                    summary,
                    recorded_at: String::new(),
                },
            )?,
            json,
        ),
        ClaimCommand::Open { limit, json } => {
            return print_list(
                &app.open_claims(Some(limit))?,
                json,
                "Aucun sinistre ouvert.",
                |c| {
                    format!(
                        "{:>6}  {}  {:<32} {:<14} {:<25} {:<13} {:>5} j",
                        c.claim_id,
                        c.occurred_on,
                        c.client_name,
                        c.kind.fr(),
                        c.responsibility.fr(),
                        c.status.in_sentence(),
                        c.age_days
                    )
                },
            );
        }
        ClaimCommand::Requalify {
            id,
            responsibility,
            on,
            note,
            json,
        } => (
            app.claim_requalify(id, &responsibility, &on, note.as_deref())?,
            json,
        ),
    };
    if json {
        print_json(&k)
    } else {
        print_contract(&k);
        Ok(())
    }
}

fn show_claim(p: &courtier_app::ClaimPage, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(p);
    }
    let c = &p.claim;
    println!(
        "Sinistre {} du {} : {} — client {} ({}), contrat {} n° {}",
        c.id,
        c.occurred_on,
        c.kind.fr(),
        p.client_name,
        p.client_id,
        p.insurer,
        p.contract_number
    );
    if let Some(d) = &c.declared_on {
        println!("  Déclaré le {d}");
    }
    for (label, v) in [
        ("Lieu", &c.place),
        ("Description", &c.description),
        ("Référence assureur", &c.insurer_reference),
    ] {
        if let Some(v) = v {
            println!("  {label} : {v}");
        }
    }
    if let Some(v) = c
        .vehicle_id
        .and_then(|id| p.vehicles.iter().find(|v| v.id == id))
    {
        println!("  {}", vehicle_line(v));
    }
    if let Some(d) = c
        .driver_id
        .and_then(|id| p.drivers.iter().find(|d| d.id == id))
    {
        println!("  {}", driver_line(d));
    }
    let history: Vec<String> = c
        .qualifications
        .iter()
        .map(|q| format!("{} le {}", q.responsibility.fr(), q.found_on))
        .collect();
    println!(
        "  Responsabilité : {} ({})",
        c.responsibility.fr(),
        history.join(" → ")
    );
    let states: Vec<String> = c
        .statuses
        .iter()
        .map(|s| format!("{} le {}", s.status.in_sentence(), s.on_date))
        .collect();
    println!("  États : {}", states.join(" → "));
    for a in &c.amounts {
        println!(
            "  {} du {} : {}",
            amount_kind(&a.kind),
            a.on_date,
            money(&a.amount)
        );
    }
    if let Some(x) = &c.paid {
        println!("  Réglé au total : {}", money(x));
    }
    for party in &c.parties {
        println!(
            "  Intervenant {} ({}) : {}",
            party.id,
            party_role(&party.role),
            party.name
        );
    }
    for m in &c.communications {
        println!(
            "  Échange du {} ({}, {}) : {}",
            when(&m.at),
            channel(&m.channel),
            direction(&m.direction),
            m.summary
        );
    }
    print_revisions(&c.revisions);
    for a in &p.aggravations {
        println!(
            "  Fait aggravant {}",
            crate::cmd::aggravation::aggravation_line(a).trim_start()
        );
    }
    println!(
        "  Coefficient du contrat en vigueur : {}{}",
        coef(&p.coefficient_in_force),
        p.next_coefficient
            .as_deref()
            .map(|n| format!(
                " ; à la prochaine échéance, le {} : {}",
                p.next_echeance.as_deref().unwrap_or(""),
                coef(n)
            ))
            .unwrap_or_default()
    );
    Ok(())
}
