//! `courtier agency identity show|set`.

use crate::args::identity::{AgencyCommand, IdentityArgs, IdentityCommand};
use crate::output::print_json;
use courtier_app::{AgencyIdentityDraft, AgencyIdentityDto, AppError, Courtier};

pub fn run(app: &Courtier, c: AgencyCommand) -> Result<(), AppError> {
    let AgencyCommand::Identity(c) = c;
    let (i, json) = match c {
        IdentityCommand::Show { json } => (app.agency_identity_get()?, json),
        IdentityCommand::Set(a) => (app.agency_identity_set(&draft(&a))?, a.json),
    };
    if json {
        return print_json(&i);
    }
    print_identity(&i);
    Ok(())
}

fn draft(a: &IdentityArgs) -> AgencyIdentityDraft {
    let unescape = |s: &Option<String>| s.as_ref().map(|s| s.replace("\\n", "\n"));
    AgencyIdentityDraft {
        name: a.name.clone(),
        address: unescape(&a.address),
        orias: a.orias.clone(),
        association: a.association.clone(),
        phone: a.phone.clone(),
        email: a.email.clone(),
        footer: unescape(&a.footer),
        logo_path: a.logo.clone(),
        remove_logo: a.no_logo,
    }
}

fn print_identity(i: &AgencyIdentityDto) {
    if i.versions == 0 {
        println!("Identité de l'agence non renseignée (courtier agency identity set --name …).");
        return;
    }
    println!("{}", i.name);
    for (label, v) in [
        ("Adresse", &i.address),
        ("ORIAS", &i.orias),
        ("Association professionnelle", &i.association),
        ("Téléphone", &i.phone),
        ("Courriel", &i.email),
        ("Mentions légales", &i.footer),
    ] {
        if let Some(v) = v {
            println!("  {label} : {}", v.replace('\n', " / "));
        }
    }
    match (&i.logo_format, i.logo_size) {
        (Some(f), Some(n)) => println!("  Logo : {} ({n} octets)", f.to_uppercase()),
        _ => println!("  Logo : aucun"),
    }
    if let Some(at) = &i.recorded_at {
        println!("  Enregistrée le {at} ({} version(s))", i.versions);
    }
}

/// Writes a generated PDF where asked and says where it is kept.
pub fn write_pdf(g: &courtier_app::GeneratedPdf, out: &std::path::Path) -> Result<(), AppError> {
    std::fs::write(out, &g.bytes).map_err(|e| {
        AppError::new(
            courtier_app::ErrorCode::Io,
            format!("Le fichier « {} » ne peut être écrit : {e}.", out.display()),
        )
    })?;
    println!(
        "{} ({} octets), conservé avec le contrat (document n° {}).",
        out.display(),
        g.bytes.len(),
        g.document_id
    );
    Ok(())
}

/// The month batch: every attestation of the month's échéances, then a French summary.
pub fn month_batch(app: &Courtier, month: &str, dir: &std::path::Path) -> Result<(), AppError> {
    let b = app.statements_for_month(month, dir)?;
    match b.files.len() {
        0 => println!(
            "Aucun contrat automobile n'a d'échéance en {month} : aucune attestation écrite."
        ),
        1 => println!(
            "1 attestation écrite dans {} (échéances de {month}), conservée avec son contrat.",
            dir.display()
        ),
        n => println!(
            "{n} attestations écrites dans {} (échéances de {month}), chacune conservée avec son contrat.",
            dir.display()
        ),
    }
    Ok(())
}
