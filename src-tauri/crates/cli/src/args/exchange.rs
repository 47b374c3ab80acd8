//! `courtier exchange …`: the client's exchange log (calls, meetings, letters, consents).

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ExchangeCommand {
    /// Note un échange avec un client (appel, rendez-vous, courrier, courriel écrit ailleurs) ou
    /// un consentement donné ou retiré ; l'entrée est ajoutée au journal, jamais modifiée.
    Add {
        #[arg(long)]
        client: i64,
        /// Le contrat concerné, s'il y en a un.
        #[arg(long)]
        contract: Option<i64>,
        /// Quand : JJ/MM/AAAA, AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (jamais dans le futur).
        #[arg(long)]
        at: String,
        /// echange (par défaut), consentement ou opposition.
        #[arg(long, default_value = "echange")]
        kind: String,
        /// telephone, email, courrier, rendez_vous ou autre.
        #[arg(long)]
        channel: String,
        /// entrant (le client s'adresse au cabinet) ou sortant.
        #[arg(long)]
        direction: String,
        /// Ce qui a été dit ou consenti.
        #[arg(long)]
        summary: String,
        #[arg(long)]
        json: bool,
    },
    /// Le journal des échanges d'un client, du plus ancien au plus récent.
    List {
        #[arg(long)]
        client: i64,
        #[arg(long)]
        json: bool,
    },
}
