//! `courtier calendar`.

use clap::Args;

/// Les échéances et délais légaux d'une période (loi Chatel, loi Hamon, résiliation).
#[derive(Args, Debug)]
pub struct CalendarArgs {
    /// Début de la période (JJ/MM/AAAA ou AAAA-MM-JJ).
    #[arg(long)]
    pub from: String,
    /// Fin de la période, incluse.
    #[arg(long)]
    pub to: String,
    /// N° interne de l'assureur.
    #[arg(long)]
    pub insurer: Option<i64>,
    /// Le courtier chargé du client, tel qu'il est écrit sur sa fiche.
    #[arg(long)]
    pub broker: Option<String>,
    /// auto, habitation, sante, prevoyance ou autre.
    #[arg(long)]
    pub product: Option<String>,
    /// malus, hausse (prime en hausse de plus de --threshold %) ou hamon_sinistre.
    #[arg(long)]
    pub risk: Option<String>,
    /// Seuil de hausse de prime, en %, pour --risk hausse (10 par défaut).
    #[arg(long)]
    pub threshold: Option<u32>,
    #[arg(long)]
    pub json: bool,
    /// Écrit aussi les éléments au format iCalendar (.ics) dans ce fichier.
    #[arg(long)]
    pub ics: Option<std::path::PathBuf>,
}
