//! The vocabulary's codes, labels, errors and JSON form.

use super::*;

/// Every value of a family: code round trip, Display, FromStr, JSON as the bare code both
/// ways, unknown and near-miss codes refused with the family's message.
fn check_family<T>(all: &[T], codes: &[&str], labels: &[&str])
where
    T: Copy
        + PartialEq
        + fmt::Debug
        + fmt::Display
        + FromStr<Err = UnknownCode>
        + Serialize
        + for<'de> Deserialize<'de>,
{
    assert_eq!(all.len(), codes.len());
    assert_eq!(all.len(), labels.len());
    for (v, code) in all.iter().zip(codes) {
        assert_eq!(&v.to_string(), code);
        assert_eq!(code.parse::<T>().unwrap(), *v);
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{code}\""));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *v);
        assert!(code.to_uppercase().parse::<T>().is_err(), "{code}");
        assert!(format!(" {code}").parse::<T>().is_err(), "{code}");
    }
    let e = "inconnu".parse::<T>().unwrap_err();
    assert_eq!(e.value, "inconnu");
    assert_eq!(e.accepted, codes);
    let msg = e.to_string();
    assert!(msg.starts_with("« inconnu » : "), "{msg}");
    assert!(
        msg.ends_with(&format!("(codes acceptés : {}).", codes.join(", "))),
        "{msg}"
    );
    let de = serde_json::from_str::<T>("\"inconnu\"")
        .unwrap_err()
        .to_string();
    assert!(de.contains(&msg), "{de}");
}

#[test]
fn claim_status() {
    check_family(
        ClaimStatus::ALL,
        &[
            "declare",
            "en_expertise",
            "en_reparation",
            "indemnise",
            "clos",
            "refuse",
        ],
        &[
            "Déclaré",
            "En expertise",
            "En réparation",
            "Indemnisé",
            "Clos",
            "Refusé",
        ],
    );
    let open: Vec<_> = ClaimStatus::ALL.iter().filter(|s| s.is_open()).collect();
    assert_eq!(open.len(), 4);
    assert_eq!(ClaimStatus::EnReparation.in_sentence(), "en réparation");
    assert_eq!(
        ClaimStatus::parse("ouvert").unwrap_err().to_string(),
        "« ouvert » : état de sinistre inconnu (codes acceptés : declare, en_expertise, \
         en_reparation, indemnise, clos, refuse)."
    );
}

#[test]
fn every_family() {
    check_family(
        ContractStatus::ALL,
        &["devis", "en_cours", "suspendu", "resilie"],
        &["Devis", "En cours", "Suspendu", "Résilié"],
    );
    check_family(
        TerminatedBy::ALL,
        &[
            "client",
            "assureur",
            "loi_hamon",
            "loi_chatel",
            "vente_vehicule",
            "autre",
        ],
        &[
            "Le client",
            "L’assureur",
            "Loi Hamon",
            "Loi Chatel",
            "Vente du véhicule",
            "Autre",
        ],
    );
    check_family(
        Channel::ALL,
        &["telephone", "email", "courrier", "rendez_vous", "autre"],
        &["Téléphone", "Courriel", "Courrier", "Rendez-vous", "Autre"],
    );
    check_family(Direction::ALL, &["entrant", "sortant"], &["Reçu", "Envoyé"]);
    check_family(
        AmountKind::ALL,
        &["estimation", "reglement", "franchise"],
        &["Estimation", "Règlement", "Franchise"],
    );
    check_family(
        PartyRole::ALL,
        &["expert", "garage", "tiers", "assureur_tiers", "autre"],
        &[
            "Expert",
            "Garage / réparateur",
            "Tiers",
            "Assureur du tiers",
            "Autre",
        ],
    );
    check_family(
        Product::ALL,
        &["auto", "habitation", "sante", "prevoyance", "autre"],
        &["Automobile", "Habitation", "Santé", "Prévoyance", "Autre"],
    );
    check_family(
        DriverRole::ALL,
        &["principal", "secondaire", "occasionnel"],
        &[
            "Conducteur principal",
            "Conducteur secondaire",
            "Conducteur occasionnel",
        ],
    );
    check_family(
        ContractEventKind::ALL,
        &["status", "avenant"],
        &["Changement d’état", "Avenant"],
    );
    check_family(
        RevisionEntity::ALL,
        &[
            "client", "claim", "contract", "vehicle", "driver", "insurer",
        ],
        &[
            "Client",
            "Sinistre",
            "Contrat",
            "Véhicule",
            "Conducteur",
            "Assureur",
        ],
    );
    check_family(
        TimelineKind::ALL,
        &[
            "contrat",
            "sinistre",
            "qualification",
            "aggravation",
            "etat",
            "montant",
            "correction",
            "echange",
            "coefficient",
        ],
        &[
            "Contrat",
            "Sinistre",
            "Requalification",
            "Circonstance aggravante",
            "Suivi",
            "Montant",
            "Correction",
            "Échange",
            "Coefficient",
        ],
    );
}

#[test]
fn labels_are_the_ui_ones() {
    macro_rules! labels {
        ($t:ty, $expected:expr) => {
            let got: Vec<&str> = <$t>::ALL.iter().map(|v| v.label()).collect();
            assert_eq!(got, $expected, stringify!($t));
        };
    }
    labels!(
        TerminatedBy,
        [
            "Le client",
            "L’assureur",
            "Loi Hamon",
            "Loi Chatel",
            "Vente du véhicule",
            "Autre"
        ]
    );
    labels!(
        Channel,
        ["Téléphone", "Courriel", "Courrier", "Rendez-vous", "Autre"]
    );
    labels!(Direction, ["Reçu", "Envoyé"]);
    labels!(AmountKind, ["Estimation", "Règlement", "Franchise"]);
    labels!(
        PartyRole,
        [
            "Expert",
            "Garage / réparateur",
            "Tiers",
            "Assureur du tiers",
            "Autre"
        ]
    );
    labels!(
        Product,
        ["Automobile", "Habitation", "Santé", "Prévoyance", "Autre"]
    );
    labels!(
        DriverRole,
        [
            "Conducteur principal",
            "Conducteur secondaire",
            "Conducteur occasionnel"
        ]
    );
    assert_eq!(Usage::Standard.label(), "Standard");
    assert_eq!(Usage::Tournees.label(), "Tournées");
    labels!(
        TimelineKind,
        [
            "Contrat",
            "Sinistre",
            "Requalification",
            "Circonstance aggravante",
            "Suivi",
            "Montant",
            "Correction",
            "Échange",
            "Coefficient"
        ]
    );
}

#[test]
fn sentence_forms_are_the_timeline_ones() {
    assert_eq!(ContractStatus::Resilie.in_sentence(), "résilié");
    assert_eq!(
        TerminatedBy::Assureur.in_sentence(),
        "à l'initiative de l'assureur"
    );
    assert_eq!(TerminatedBy::Autre.in_sentence(), "autre motif");
    assert_eq!(Channel::Email.in_sentence(), "courriel");
    assert_eq!(Channel::Autre.in_sentence(), "autre canal");
    assert_eq!(Direction::Entrant.in_sentence(), "reçu");
    assert_eq!(DriverRole::Occasionnel.in_sentence(), "occasionnel");
    assert_eq!(
        ContractStatus::START,
        [ContractStatus::EnCours, ContractStatus::Devis]
    );
}

#[test]
fn json_inside_a_struct_is_the_code() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    #[serde(rename_all = "camelCase")]
    struct Row {
        status: ClaimStatus,
        terminated_by: Option<TerminatedBy>,
        channel: Channel,
    }
    let r = Row {
        status: ClaimStatus::EnExpertise,
        terminated_by: Some(TerminatedBy::LoiHamon),
        channel: Channel::RendezVous,
    };
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(
        json,
        r#"{"status":"en_expertise","terminatedBy":"loi_hamon","channel":"rendez_vous"}"#
    );
    assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), r);
}

#[test]
fn aggravation_fact() {
    check_family(
        AggravationFact::ALL,
        &[
            "alcohol",
            "hit_and_run",
            "suspension",
            "cancellation",
            "multiple_suspensions",
            "non_declaration",
        ],
        &[
            "Alcool ou stupéfiants",
            "Délit de fuite",
            "Suspension du permis",
            "Annulation du permis",
            "Plusieurs suspensions de plus de deux mois dans la période",
            "Non-déclaration à la souscription",
        ],
    );
    let on_claim: Vec<_> = AggravationFact::ALL
        .iter()
        .filter(|f| f.on_claim())
        .collect();
    assert_eq!(
        on_claim,
        [&AggravationFact::Alcohol, &AggravationFact::HitAndRun]
    );
}
