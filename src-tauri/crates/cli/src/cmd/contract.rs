//! `courtier contract …`: contracts, their events and corrections.

use super::timeline::{print_timeline, timeline_query};
use crate::args::contract::ContractCommand;
use crate::output::{coef, print_contract, print_json, print_list};
use courtier_app::{AppError, AvenantDraft, ContractDraft, ContractUpdate, Courtier, PremiumDraft};

pub fn run(app: &Courtier, c: ContractCommand) -> Result<(), AppError> {
    match c {
        ContractCommand::Add(a) => {
            let rec = app.contract_create(&ContractDraft {
                client_id: a.client,
                insurer: a.insurer.clone(),
                number: a.number.clone(),
                product: a.product.clone(),
                subscription_date: a.subscription.clone(),
                first_echeance: a.first_echeance.clone(),
                usage: a.usage.clone(),
                clause_applies: Some(!a.outside_clause),
                start_coefficient: a.start_coefficient.clone(),
                start_claim_free_streak: a.start_claim_free_streak,
                start_periods_at_floor: a.start_periods_at_floor,
                status: None,
                premiums: premium_lines(&a.premium, &a.premium_fixed)?,
            })?;
            if a.json {
                print_json(&rec)
            } else {
                println!("{}", rec.id);
                Ok(())
            }
        }
        ContractCommand::List { client, json } => print_list(
            &app.contracts_of_client(client)?,
            json,
            &format!("Aucun contrat pour le client {client}."),
            |k| {
                format!(
                    "{:>6}  {:<10} {:<24} {:<18} coefficient {}  ({})",
                    k.id,
                    k.product.label(),
                    k.insurer,
                    k.number,
                    coef(&k.coefficient_in_force),
                    k.status.label()
                )
            },
        ),
        ContractCommand::Show { id, json, note } => {
            let k = app.contract_get(id)?;
            if json {
                return print_json(&k);
            }
            if note {
                print!("{}", k.note);
                return Ok(());
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Terminate {
            id,
            on,
            by,
            reason,
            json,
        } => {
            let k = app.contract_terminate(id, &on, &by, reason.as_deref())?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Suspend { id, from, to } => {
            let k = app.contract_suspend(id, &from, &to)?;
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Avenant {
            id,
            on,
            details,
            premium,
            premium_fixed,
            json,
        } => {
            let k = app.contract_avenant(
                id,
                &AvenantDraft {
                    on_date: on,
                    details,
                    premiums: premium_lines(&premium, &premium_fixed)?,
                },
            )?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Update {
            id,
            number,
            product,
            subscription,
            first_echeance,
            usage,
            start_coefficient,
            clause_applies,
            reason,
            json,
        } => {
            let k = app.contract_update(
                id,
                &ContractUpdate {
                    number,
                    product,
                    subscription_date: subscription,
                    first_echeance,
                    usage,
                    clause_applies,
                    start_coefficient,
                    reason,
                },
            )?;
            if json {
                return print_json(&k);
            }
            print_contract(&k);
            Ok(())
        }
        ContractCommand::Timeline { id, filter } => {
            let json = filter.json;
            print_timeline(&app.contract_timeline(id, &timeline_query(filter))?, json)
        }
    }
}

fn premium_lines(modulated: &[String], fixed: &[String]) -> Result<Vec<PremiumDraft>, AppError> {
    let parse = |s: &String, modulated: bool| {
        let (g, amount) = s.split_once('=').ok_or_else(|| {
            AppError::field(
                "premiums",
                format!("Ligne de prime « {s} » : attendu « Garantie=350,00 »."),
            )
        })?;
        Ok(PremiumDraft {
            guarantee: g.trim().to_string(),
            amount: amount.trim().to_string(),
            modulated,
        })
    };
    modulated
        .iter()
        .map(|s| parse(s, true))
        .chain(fixed.iter().map(|s| parse(s, false)))
        .collect()
}
