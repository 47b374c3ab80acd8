//! `courtier client …`: the client's card, search, pages, archive, timeline.

use super::timeline::{print_timeline, timeline_query};
use crate::args::client::{AddArgs, ClientCommand, Sort, UpdateArgs};
use crate::output::{client_status, print_json};
use courtier_app::{AppError, ClientListQuery, Courtier};
use courtier_domain::client::{AddressDraft, ClientDraft, EmailDraft, PhoneDraft};

pub fn run(app: &Courtier, c: ClientCommand) -> Result<(), AppError> {
    match c {
        ClientCommand::Add(a) => {
            let json = a.json;
            let draft = draft_from(*a);
            let rec = app.client_create(&draft)?;
            if json {
                print_json(&rec)
            } else {
                println!("{}", rec.id);
                Ok(())
            }
        }
        ClientCommand::Search {
            text,
            limit,
            archived,
            json,
        } => {
            let rows = app.client_search(&text, Some(limit), archived)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                println!("Aucun client ne correspond à « {text} ».");
            }
            print_summaries(&rows);
            Ok(())
        }
        ClientCommand::Show { id, json } => {
            let rec = app.client_get(id)?;
            if json {
                return print_json(&rec);
            }
            print_record(&rec);
            Ok(())
        }
        ClientCommand::List {
            page,
            page_size,
            sort,
            descending,
            status,
            archived,
            json,
        } => {
            let sort = match sort {
                Sort::Name => "name",
                Sort::Created => "created",
                Sort::Updated => "updated",
                Sort::Postcode => "postcode",
                Sort::City => "city",
            };
            let p = app.client_list(&ClientListQuery {
                page: Some(page),
                page_size: Some(page_size),
                sort: Some(sort.into()),
                descending,
                status,
                include_archived: archived,
            })?;
            if json {
                return print_json(&p);
            }
            print_summaries(&p.items);
            let first = (u64::from(p.page) - 1) * u64::from(p.page_size) + 1;
            let last = first + p.items.len() as u64 - 1;
            if p.items.is_empty() {
                println!("Aucun client sur cette page ({} au total).", p.total);
            } else {
                println!("{first}–{last} sur {}", p.total);
            }
            Ok(())
        }
        ClientCommand::Update(a) => {
            let a = *a;
            let current = app.client_get(a.id)?;
            let (id, version, json, reason) = (a.id, current.version, a.json, a.reason.clone());
            let draft = corrected(current.fields, a);
            let rec = app.client_correct(id, &draft, Some(version), reason.as_deref())?;
            if json {
                return print_json(&rec);
            }
            println!("Client {} corrigé : {}", rec.id, rec.display_name);
            Ok(())
        }
        ClientCommand::Archive { id } => {
            let r = app.client_archive(id)?;
            println!("Client {} archivé : {}", r.id, r.display_name);
            Ok(())
        }
        ClientCommand::Restore { id } => {
            let r = app.client_restore(id)?;
            println!("Client {} restauré : {}", r.id, r.display_name);
            Ok(())
        }
        ClientCommand::Timeline { id, filter } => {
            let json = filter.json;
            print_timeline(&app.client_timeline(id, &timeline_query(filter))?, json)
        }
    }
}

/// The client's fields with the options given in place of theirs (an empty text clears one).
fn corrected(mut d: ClientDraft, a: UpdateArgs) -> ClientDraft {
    let set = |field: &mut Option<String>, new: Option<String>| {
        if let Some(v) = new {
            *field = Some(v).filter(|v| !v.trim().is_empty());
        }
    };
    set(&mut d.last_name, a.fields.last_name);
    set(&mut d.first_name, a.fields.first_name);
    set(&mut d.company_name, a.fields.company);
    set(&mut d.siren, a.fields.siren);
    set(&mut d.civility, a.fields.civility);
    set(&mut d.birth_date, a.fields.birth_date);
    set(&mut d.profession, a.fields.profession);
    set(&mut d.source, a.fields.source);
    set(&mut d.assigned_broker, a.fields.broker);
    set(&mut d.notes, a.fields.notes);
    if let Some(s) = a.status {
        d.status = s;
    }
    let company = d.kind == "company";
    if a.fields.address.is_some() || a.fields.postcode.is_some() || a.fields.city.is_some() {
        if d.addresses.is_empty() {
            d.addresses.push(AddressDraft {
                kind: "principale".into(),
                ..Default::default()
            });
        }
        let first = &mut d.addresses[0];
        if let Some(v) = a.fields.address {
            first.line1 = v;
        }
        if let Some(v) = a.fields.postcode {
            first.postcode = v;
        }
        if let Some(v) = a.fields.city {
            first.city = v;
        }
    }
    if let Some(p) = a.fields.phone {
        match d.phones.first_mut() {
            Some(first) => first.number = p,
            None => d.phones.push(PhoneDraft {
                kind: if company { "professionnel" } else { "mobile" }.into(),
                number: p,
            }),
        }
    }
    if let Some(e) = a.fields.email {
        match d.emails.first_mut() {
            Some(first) => first.address = e,
            None => d.emails.push(EmailDraft {
                kind: if company {
                    "professionnel"
                } else {
                    "personnel"
                }
                .into(),
                address: e,
            }),
        }
    }
    d
}

fn draft_from(a: AddArgs) -> ClientDraft {
    let company = a.fields.company.is_some();
    let mut d = ClientDraft {
        kind: if company { "company" } else { "person" }.into(),
        civility: a.fields.civility,
        last_name: a.fields.last_name,
        first_name: a.fields.first_name,
        company_name: a.fields.company,
        siren: a.fields.siren,
        birth_date: a.fields.birth_date,
        profession: a.fields.profession,
        status: a.status,
        source: a.fields.source,
        assigned_broker: a.fields.broker,
        notes: a.fields.notes,
        ..Default::default()
    };
    if a.fields.postcode.is_some() || a.fields.city.is_some() || a.fields.address.is_some() {
        d.addresses.push(AddressDraft {
            kind: "principale".into(),
            line1: a.fields.address.unwrap_or_default(),
            line2: None,
            postcode: a.fields.postcode.unwrap_or_default(),
            city: a.fields.city.unwrap_or_default(),
            country: None,
        });
    }
    if let Some(p) = a.fields.phone {
        d.phones.push(PhoneDraft {
            kind: if company { "professionnel" } else { "mobile" }.into(),
            number: p,
        });
    }
    if let Some(e) = a.fields.email {
        d.emails.push(EmailDraft {
            kind: if company {
                "professionnel"
            } else {
                "personnel"
            }
            .into(),
            address: e,
        });
    }
    d
}

fn print_summaries(rows: &[courtier_app::ClientSummary]) {
    for r in rows {
        println!(
            "{:>7}  {:<32}  {:<13}  {:<5}  {:<20}  {}",
            r.id,
            r.display_name,
            client_status(&r.status),
            r.postcode.as_deref().unwrap_or(""),
            r.city.as_deref().unwrap_or(""),
            r.phone.as_deref().unwrap_or("")
        );
    }
}

fn print_record(r: &courtier_app::ClientRecord) {
    println!("Client n° {} : {}", r.id, r.display_name);
    if r.archived {
        println!("  (archivé)");
    }
    println!("  Statut : {}", client_status(&r.fields.status));
    if let Some(b) = &r.fields.birth_date {
        let age = r.age.map(|a| format!(" ({a} ans)")).unwrap_or_default();
        println!("  Né(e) le : {b}{age}");
    }
    if let Some(s) = &r.fields.siren {
        println!("  SIREN : {s}");
    }
    for a in &r.fields.addresses {
        let street: Vec<&str> = [Some(a.line1.as_str()), a.line2.as_deref()]
            .into_iter()
            .flatten()
            .filter(|l| !l.is_empty())
            .collect();
        let street = if street.is_empty() {
            String::new()
        } else {
            format!("{}, ", street.join(", "))
        };
        println!("  Adresse ({}) : {street}{} {}", a.kind, a.postcode, a.city);
    }
    for p in &r.fields.phones {
        println!("  Téléphone ({}) : {}", p.kind, p.number);
    }
    for e in &r.fields.emails {
        println!("  E-mail ({}) : {}", e.kind, e.address);
    }
    if let Some(p) = &r.fields.profession {
        println!("  Profession : {p}");
    }
    if let Some(h) = &r.household {
        let names: Vec<_> = h.members.iter().map(|m| m.display_name.as_str()).collect();
        println!("  Foyer : {}", names.join(", "));
    }
    if let Some(n) = &r.fields.notes {
        println!("  Notes : {n}");
    }
    println!("  Créé le {} ; modifié le {}", r.created_at, r.updated_at);
    crate::output::print_revisions(&r.revisions);
}
