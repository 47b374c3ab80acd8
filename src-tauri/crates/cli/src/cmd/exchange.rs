//! `courtier exchange …`: the client's exchange log.

use crate::args::exchange::ExchangeCommand;
use crate::output::{channel, direction, print_json, print_list, when};
use courtier_app::{exchange_kind_label, AppError, ClientExchangeDto, Courtier};

fn line(x: &ClientExchangeDto) -> String {
    let when = when(&x.at);
    let kind = exchange_kind_label(&x.kind);
    format!(
        "{:>6}  {when}  {kind} ({}, {}){}\n        {}",
        x.id,
        channel(&x.channel),
        direction(&x.direction),
        x.contract_id
            .map(|k| format!(", contrat {k}"))
            .unwrap_or_default(),
        x.summary.replace('\n', "\n        ")
    )
}

pub fn run(app: &Courtier, c: ExchangeCommand) -> Result<(), AppError> {
    match c {
        ExchangeCommand::Add {
            client,
            contract,
            at,
            kind,
            channel,
            direction,
            summary,
            json,
        } => {
            let x = app.client_exchange_add(
                client,
                &ClientExchangeDto {
                    contract_id: contract,
                    at,
                    kind,
                    channel,
                    direction,
                    summary,
                    ..Default::default()
                },
            )?;
            if json {
                return print_json(&x);
            }
            println!("{}", x.id);
            Ok(())
        }
        ExchangeCommand::List { client, json } => print_list(
            &app.client_exchanges(client)?,
            json,
            &format!("Aucun échange noté pour le client {client}."),
            line,
        ),
    }
}
